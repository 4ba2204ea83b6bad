//! Long lists (`per_page` in site.yaml): a list longer than `per_page` is split into pages, the
//! first at the list's address and the others at `page/<n>/`, linked to each other (previous,
//! next, every page by number) in the page's language; the plain filter pages are split the
//! same way; news has a page per year; the sitemap names every page; the JavaScript filters of
//! a split list get the cards of the whole list; `serve` keeps giving what a build gives.

use std::path::{Path, PathBuf};

use sulam::commands::serve::{Builder, Served};

use crate::common::{Site, jsonld, messages, plain};

/// The basic fixture (under /kb/) with `per_page: 2`, seven initiatives (six of them active,
/// five of them new, titled so that their order differs by id and by title), and six news
/// items over three years.
fn paged_site() -> Site {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write("site.yaml", &format!("{yaml}per_page: 2\n"));
    // English titles in an order other than the ids'.
    for (id, en) in [
        ("one", "Echo"),
        ("two", "Delta"),
        ("three", "Charlie"),
        ("four", "Bravo"),
        ("five", "Apple"),
    ] {
        s.write(
            &format!("content/initiatives/{id}/common.yaml"),
            "status: active\n",
        );
        s.write(
            &format!("content/initiatives/{id}/en.md"),
            &format!("---\ntitle: {en}\n---\n"),
        );
    }
    // The fixture's launch is dated 2024-03-05.
    for (id, date) in [
        ("summer", "2024-07-01"),
        ("winter", "2024-01-20"),
        ("report", "2023-05-01"),
        ("old", "2021-12-31"),
        ("autumn", "2023-10-10"),
    ] {
        s.write(
            &format!("content/news/{id}/common.yaml"),
            &format!("date: {date}\n"),
        );
        s.write(
            &format!("content/news/{id}/en.md"),
            &format!("---\ntitle: News {id}\n---\n"),
        );
    }
    s
}

/// The `<main>` of a page, with Fluent's isolation marks removed.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("<main");
    let end = html.find("</main>").expect("</main>");
    plain(&html[start..end])
}

/// The addresses the cards of a page link to, in order.
fn cards(html: &str) -> Vec<String> {
    let main = main_of(html);
    let mut v = Vec::new();
    for card in main.split("<li class=\"card\"").skip(1) {
        let href = card.split("href=\"").nth(1).expect("a link in a card");
        v.push(href[..href.find('"').expect("end")].to_string());
    }
    v
}

fn initiative(lang: &str, id: &str) -> String {
    format!("/kb/{lang}/initiatives/{id}/")
}

/// The pagination nav of a page, if it has one.
fn pager(html: &str) -> Option<String> {
    let start = html.find("<nav class=\"pager\"")?;
    let end = start + html[start..].find("</nav>").expect("</nav>");
    Some(plain(&html[start..end]))
}

fn title(html: &str) -> String {
    let start = html.find("<title>").expect("<title>") + 7;
    plain(&html[start..start + html[start..].find("</title>").expect("</title>")])
}

fn h1(html: &str) -> String {
    let start = html.find("<h1").expect("<h1");
    let start = start + html[start..].find('>').expect(">") + 1;
    plain(&html[start..start + html[start..].find("</h1>").expect("</h1>")])
}

#[test]
fn a_long_list_is_split_into_pages_that_link_to_each_other() {
    let s = paged_site();
    s.build_ok();
    // Seven initiatives, two a page: the fixture's alpha first by its `order`, then by title.
    let mut seen = Vec::new();
    for (n, file) in [
        "en/initiatives/index.html",
        "en/initiatives/page/2/index.html",
        "en/initiatives/page/3/index.html",
        "en/initiatives/page/4/index.html",
    ]
    .iter()
    .enumerate()
    {
        let html = s.page(file);
        let on_page = cards(&html);
        assert_eq!(on_page.len(), if n < 3 { 2 } else { 1 }, "{file}");
        // Every page keeps the list's name and its whole count.
        assert!(
            main_of(&html).contains("<p class=\"count\">7 initiatives</p>"),
            "{file}"
        );
        seen.extend(on_page);
    }
    let order: Vec<String> = ["alpha", "five", "four", "three", "two", "one", "beta"]
        .iter()
        .map(|id| initiative("en", id))
        .collect();
    assert_eq!(seen, order, "each initiative once, in the list's order");
    // No page past the last, and the first page has no second address.
    assert!(!s.out().join("en/initiatives/page/5").exists());
    assert!(!s.out().join("en/initiatives/page/1").exists());

    let first = s.page("en/initiatives/index.html");
    let second = s.page("en/initiatives/page/2/index.html");
    let last = s.page("en/initiatives/page/4/index.html");
    assert_eq!(title(&first), "Initiatives · Knowledge base");
    assert_eq!(title(&second), "Initiatives, page 2 of 4 · Knowledge base");
    assert_eq!(h1(&second), "Initiatives, page 2 of 4");
    assert!(main_of(&second).contains("<span aria-current=\"page\">Page 2 of 4</span>"));

    // Previous and next, with rel, in the page and in its head; the current number marked.
    let nav = pager(&second).expect("page 2 has the nav");
    assert!(nav.contains("aria-label=\"Pages\""), "{nav}");
    assert!(
        nav.contains("<a href=\"/kb/en/initiatives/\" rel=\"prev\"><span class=\"pager-word\">Previous</span></a>"),
        "{nav}"
    );
    assert!(
        nav.contains("<a href=\"/kb/en/initiatives/page/3/\" rel=\"next\"><span class=\"pager-word\">Next</span></a>"),
        "{nav}"
    );
    assert!(
        nav.contains("<a href=\"/kb/en/initiatives/page/2/\" aria-label=\"Page 2\" aria-current=\"page\">2</a>"),
        "{nav}"
    );
    assert!(nav.contains("<a href=\"/kb/en/initiatives/page/4/\" aria-label=\"Page 4\">4</a>"));
    assert_eq!(nav.matches("aria-current").count(), 1);
    assert!(second.contains("<link rel=\"prev\" href=\"/kb/en/initiatives/\">"));
    assert!(second.contains("<link rel=\"next\" href=\"/kb/en/initiatives/page/3/\">"));
    // The first page has no previous one, the last no next one.
    assert!(!first.contains("rel=\"prev\"") && first.contains("rel=\"next\""));
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));

    // Each page is its own page for search engines, in every language.
    assert!(second.contains(
        "<link rel=\"canonical\" href=\"https://example.org/kb/en/initiatives/page/2/\">"
    ));
    assert!(second.contains(
        "<link rel=\"alternate\" hreflang=\"he\" href=\"https://example.org/kb/he/initiatives/page/2/\">"
    ));
    let ld = jsonld(&second);
    let list = &ld["@graph"][0]["mainEntity"];
    assert_eq!(list["numberOfItems"], 7);
    assert_eq!(list["itemListElement"][0]["position"], 3);
}

#[test]
fn the_pages_speak_the_language_of_the_page() {
    let s = paged_site();
    s.build_ok();
    for (lang, title_text, prev, next) in [
        (
            "he",
            "יוזמות, עמוד 2 מתוך 4",
            "rel=\"prev\"><span class=\"pager-word\">הקודם</span>",
            "rel=\"next\"><span class=\"pager-word\">הבא</span>",
        ),
        (
            "ar",
            "المبادرات، الصفحة 2 من 4",
            "rel=\"prev\"><span class=\"pager-word\">السابق</span>",
            "rel=\"next\"><span class=\"pager-word\">التالي</span>",
        ),
    ] {
        let html = s.page(&format!("{lang}/initiatives/page/2/index.html"));
        assert!(title(&html).starts_with(title_text), "{}", title(&html));
        assert_eq!(h1(&html), title_text);
        let nav = pager(&html).expect("nav");
        // The words in the page's language (the stylesheet draws the arrows).
        assert!(nav.contains(prev), "{nav}");
        assert!(nav.contains(next), "{nav}");
        assert!(nav.contains(if lang == "he" {
            "aria-label=\"עמוד 3\""
        } else {
            "aria-label=\"الصفحة 3\""
        }));
        assert!(html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://example.org/kb/{lang}/initiatives/page/2/\">"
        )));
    }
}

#[test]
fn page_numbers_are_written_as_the_language_writes_numbers() {
    // Persian writes its own digits, where Hebrew, Arabic (in Israel) and English write 0-9.
    let s = paged_site();
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "site.yaml",
        &yaml.replace("languages: [he, ar, en]", "languages: [he, ar, en, fa]"),
    );
    s.build_ok();
    let html = s.page("fa/initiatives/page/2/index.html");
    let nav = pager(&html).expect("nav");
    assert!(
        nav.contains("aria-label=\"עמוד ۲\" aria-current=\"page\">۲</a>") && nav.contains(">۴</a>"),
        "{nav}"
    );
    assert!(
        h1(&html).contains("۲") && !h1(&html).contains('2'),
        "{}",
        h1(&html)
    );
}

#[test]
fn a_long_run_of_pages_keeps_the_first_the_last_and_the_neighbours() {
    let s = paged_site();
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write("site.yaml", &yaml.replace("per_page: 2", "per_page: 1"));
    for id in ["six", "seven"] {
        s.write(
            &format!("content/initiatives/{id}/en.md"),
            &format!("---\ntitle: {id}\n---\n"),
        );
    }
    s.build_ok();
    // Nine pages; on the fifth: 1 … 4 5 6 … 9. A gap never stands for one number alone: on
    // the fourth, 1 2 3 4 5 … 9.
    let nav = pager(&s.page("en/initiatives/page/4/index.html")).expect("nav");
    assert!(
        nav.contains(">2</a>") && nav.matches("pager-gap").count() == 1,
        "{nav}"
    );
    let nav = pager(&s.page("en/initiatives/page/5/index.html")).expect("nav");
    let numbers: Vec<&str> = nav
        .split("<li")
        .skip(1)
        .filter_map(|li| {
            if li.contains("pager-gap") {
                Some("…")
            } else if li.contains("rel=") {
                None
            } else {
                let a = li.rfind("</a>")?;
                Some(&li[li[..a].rfind('>')? + 1..a])
            }
        })
        .collect();
    assert_eq!(numbers, ["1", "…", "4", "5", "6", "…", "9"], "{nav}");
    assert!(nav.contains("<li class=\"pager-gap\" aria-hidden=\"true\">…</li>"));
}

#[test]
fn a_list_that_fits_on_one_page_has_no_pages_nav() {
    let s = paged_site();
    s.build_ok();
    // Two towns, two a page: one page. The fixture as it is: 36 a page.
    let towns = s.page("en/towns/index.html");
    assert!(pager(&towns).is_none());
    assert!(!towns.contains("rel=\"next\""));
    assert!(!s.out().join("en/towns/page").exists());
    let s = Site::fixture("basic");
    s.build_ok();
    let list = s.page("he/initiatives/index.html");
    assert!(pager(&list).is_none());
    // And its filters work on the cards of the page: no list of every card to fetch.
    assert!(!list.contains("data-sulam-cards"));
    assert!(!s.out().join("he/initiatives/cards.json").exists());
}

#[test]
fn what_a_list_has_once_is_on_its_first_page() {
    let s = paged_site();
    s.build_ok();
    let first = s.page("en/initiatives/index.html");
    let second = s.page("en/initiatives/page/2/index.html");
    // The form of the filters is on every page (it filters the whole list), its boxes on the
    // first only: the others name the first, where filters.js takes them from. The links of
    // every value for readers without JavaScript are on the first, and the others lead there.
    for html in [&first, &second] {
        assert!(html.contains("data-sulam-filters"));
        assert!(html.contains("data-sulam-browse"));
    }
    assert!(first.contains("<input type=\"checkbox\" name=\"status\" value=\"active\">"));
    assert!(!first.contains("data-sulam-facets-from"));
    assert!(!second.contains("type=\"checkbox\""));
    assert!(second.contains("data-sulam-facets-from=\"/kb/en/initiatives/\""));
    assert!(first.contains("href=\"/kb/en/filter/status/active/\""));
    assert!(!second.contains("href=\"/kb/en/filter/status/active/\""));
    assert!(main_of(&second).contains("<a href=\"/kb/en/initiatives/#h-filters\">"));
}

/// The towns named on a page's map (the links of the SVG), and how many grey dots it has.
fn map_of(html: &str) -> Option<(Vec<String>, usize)> {
    let start = html.find("<figure class=\"town-map\">")?;
    let map = &html[start..start + html[start..].find("</figure>").expect("</figure>")];
    let named = map
        .split("<a class=\"map-town\" href=\"")
        .skip(1)
        .map(|a| a[..a.find('"').expect("end")].to_string())
        .collect();
    let others = map.split("<g class=\"map-others\"").nth(1).map_or(0, |g| {
        g[..g.find("</g>").expect("</g>")]
            .matches("<circle")
            .count()
    });
    Some((named, others))
}

#[test]
fn the_map_of_the_towns_list_names_the_towns_of_its_page() {
    let s = Site::fixture("basic");
    // A third town, with coordinates as Sderot has (Ofakim has none).
    s.write(
        "content/towns/yeruham/common.yaml",
        "coordinates: [30.99, 34.93]\n",
    );
    s.write("content/towns/yeruham/en.md", "---\ntitle: Yeruham\n---\n");
    s.build_ok();
    // One page: every town that can be drawn, named.
    let (named, others) = map_of(&s.page("en/towns/index.html")).expect("a map");
    assert_eq!(named, ["/kb/en/towns/sderot/", "/kb/en/towns/yeruham/"]);
    assert_eq!(others, 0);
    assert!(
        s.page("he/towns/index.html")
            .contains("היכן נמצאים היישובים.")
    );

    // A page a town: Ofakim, Sderot, Yeruham. Each page's map names its own town, the other
    // drawn town a grey dot; Ofakim's page has nothing to draw.
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write("site.yaml", &format!("{yaml}per_page: 1\n"));
    s.build_ok();
    assert!(map_of(&s.page("en/towns/index.html")).is_none());
    for (n, town) in [(2, "sderot"), (3, "yeruham")] {
        let html = s.page(&format!("en/towns/page/{n}/index.html"));
        let (named, others) = map_of(&html).expect("a map");
        assert_eq!(named, [format!("/kb/en/towns/{town}/")], "page {n}");
        assert_eq!(others, 1, "page {n}");
        assert!(
            html.contains("Where the towns on this page are."),
            "page {n}"
        );
    }
    let he = s.page("he/towns/page/2/index.html");
    assert!(he.contains("היכן נמצאים היישובים שבעמוד זה."));
    assert!(
        s.page("ar/towns/page/2/index.html")
            .contains("أين تقع البلدات في هذه الصفحة.")
    );
}

#[test]
fn the_filters_of_a_split_list_get_every_card_under_the_site_path() {
    let s = paged_site();
    s.build_ok();
    for lang in ["he", "ar", "en"] {
        for file in ["index.html", "page/3/index.html"] {
            let html = s.page(&format!("{lang}/initiatives/{file}"));
            assert!(
                html.contains(&format!(
                    "data-sulam-cards=\"/kb/{lang}/initiatives/cards.json\""
                )),
                "{lang}/{file}"
            );
        }
        let json: serde_json::Value =
            serde_json::from_str(&s.page(&format!("{lang}/initiatives/cards.json"))).expect("JSON");
        let html = json["cards"].as_str().expect("the cards as one string");
        // Every initiative once, in the list's order, with its filters' values, as on the pages.
        let listed = cards(&format!("<main>{html}</main>"));
        let on_pages: Vec<String> = [
            "index.html",
            "page/2/index.html",
            "page/3/index.html",
            "page/4/index.html",
        ]
        .iter()
        .flat_map(|f| cards(&s.page(&format!("{lang}/initiatives/{f}"))))
        .collect();
        assert_eq!(listed, on_pages, "{lang}");
        assert_eq!(listed.len(), 7);
        assert!(html.contains(&format!(
            "data-status=\"active\" data-town=\"\">\n    <h2><a href=\"/kb/{lang}/initiatives/five/\""
        )), "{html}");
        let page = s.page(&format!("{lang}/initiatives/page/2/index.html"));
        let card = &page[page.find("<li class=\"card\"").expect("a card")..];
        let card = &card[..card.find("</li>").expect("end") + 5];
        assert!(
            html.contains(card),
            "the page's card is the same in cards.json: {card}"
        );
    }
}

#[test]
fn the_filter_pages_are_split_too() {
    let s = paged_site();
    s.build_ok();
    // Six active initiatives: three pages of two.
    let first = s.page("en/filter/status/active/index.html");
    let third = s.page("en/filter/status/active/page/3/index.html");
    assert!(!s.out().join("en/filter/status/active/page/4").exists());
    assert_eq!(cards(&third).len(), 2);
    let all: Vec<String> = ["index.html", "page/2/index.html", "page/3/index.html"]
        .iter()
        .flat_map(|f| cards(&s.page(&format!("en/filter/status/active/{f}"))))
        .collect();
    assert_eq!(all.len(), 6);
    assert!(all.contains(&initiative("en", "alpha")) && !all.contains(&initiative("en", "beta")));
    for html in [&first, &third] {
        assert!(main_of(html).contains("<p class=\"count\">6 initiatives</p>"));
    }
    assert_eq!(h1(&first), "Active");
    assert_eq!(h1(&third), "Active, page 3 of 3");
    assert_eq!(
        title(&third),
        "Status: Active, page 3 of 3 · Knowledge base"
    );
    let nav = pager(&third).expect("nav");
    assert!(nav.contains("<a href=\"/kb/en/filter/status/active/page/2/\" rel=\"prev\">"));
    assert!(!nav.contains("rel=\"next\""));
    assert!(third.contains("<link rel=\"prev\" href=\"/kb/en/filter/status/active/page/2/\">"));
    assert!(third.contains(
        "<link rel=\"canonical\" href=\"https://example.org/kb/en/filter/status/active/page/3/\">"
    ));
    let he = s.page("he/filter/status/active/page/2/index.html");
    assert!(
        pager(&he)
            .expect("nav")
            .contains("rel=\"prev\"><span class=\"pager-word\">הקודם</span>")
    );
}

#[test]
fn news_has_a_page_for_each_year_newest_first() {
    let s = paged_site();
    s.build_ok();
    let news = |lang: &str, id: &str| format!("/kb/{lang}/news/{id}/");
    // 2024: three items, newest first, two a page.
    let y2024 = s.page("en/news/2024/index.html");
    assert_eq!(cards(&y2024), [news("en", "summer"), news("en", "launch")]);
    assert_eq!(
        cards(&s.page("en/news/2024/page/2/index.html")),
        [news("en", "winter")]
    );
    assert!(main_of(&y2024).contains("<p class=\"count\">3 news items</p>"));
    assert_eq!(h1(&y2024), "News of 2024");
    assert_eq!(
        h1(&s.page("en/news/2024/page/2/index.html")),
        "News of 2024, page 2 of 2"
    );
    assert_eq!(
        cards(&s.page("en/news/2023/index.html")),
        [news("en", "autumn"), news("en", "report")]
    );
    assert_eq!(
        cards(&s.page("en/news/2021/index.html")),
        [news("en", "old")]
    );
    assert!(pager(&s.page("en/news/2021/index.html")).is_none());
    assert!(
        !s.out().join("en/news/2022").exists(),
        "no page for a year without news"
    );
    // Every year with news, newest first, linked from the news list and from each year.
    let years = |html: &str| -> String {
        let start = html.find("<nav class=\"years\"").expect("the years' nav");
        plain(&html[start..start + html[start..].find("</nav>").expect("</nav>")])
    };
    let list = years(&s.page("en/news/index.html"));
    let at = |y: &str| {
        list.find(&format!(">{y}</a>"))
            .unwrap_or_else(|| panic!("{y} in {list}"))
    };
    assert!(at("2024") < at("2023") && at("2023") < at("2021"), "{list}");
    assert!(!list.contains("aria-current"));
    assert!(list.contains("News by year:"));
    assert!(years(&y2024).contains("<a href=\"/kb/en/news/2024/\" aria-current=\"page\">2024</a>"));
    assert!(main_of(&y2024).contains("<li><a href=\"/kb/en/news/\">News</a></li>"));
    // The news list itself: six items, newest first.
    let all: Vec<String> = ["index.html", "page/2/index.html", "page/3/index.html"]
        .iter()
        .flat_map(|f| cards(&s.page(&format!("en/news/{f}"))))
        .collect();
    assert_eq!(all.len(), 6);
    assert_eq!(all[0], news("en", "summer"));
    assert_eq!(all[5], news("en", "old"));
    // In Hebrew and Arabic, the year as it is, without grouping.
    assert_eq!(h1(&s.page("he/news/2024/index.html")), "חדשות 2024");
    assert_eq!(h1(&s.page("ar/news/2021/index.html")), "أخبار عام 2021");
}

#[test]
fn a_news_item_named_as_a_year_is_refused() {
    let s = Site::fixture("basic");
    s.write("content/news/2019/en.md", "---\ntitle: A year\n---\n");
    let m = messages(&s.build_err());
    assert!(m.contains("content/news/2019"), "{m}");
    assert!(m.contains("'2019' is a year"), "{m}");
    assert!(m.contains("2019-annual-report"), "{m}");
    // An old id too: its page would send readers away from the year's news.
    let s = Site::fixture("basic");
    s.write(
        "content/news/launch/common.yaml",
        "date: 2024-03-05\ninitiatives: [alpha]\naliases: ['2024']\n",
    );
    let m = messages(&s.build_err());
    assert!(m.contains("content/news/launch/common.yaml:3"), "{m}");
    assert!(m.contains("'2024' is a year"), "{m}");
}

#[test]
fn the_sitemap_names_every_page_of_every_list() {
    let s = paged_site();
    s.build_ok();
    let map = s.page("sitemap.xml");
    for path in [
        "en/initiatives/",
        "en/initiatives/page/4/",
        "he/initiatives/page/2/",
        "en/news/page/3/",
        "en/news/2024/",
        "en/news/2024/page/2/",
        "ar/news/2021/",
        "en/filter/status/active/page/3/",
    ] {
        assert!(
            map.contains(&format!("<loc>https://example.org/kb/{path}</loc>")),
            "{path}"
        );
    }
    assert!(!map.contains("initiatives/page/5/") && !map.contains("page/1/"));
    assert!(!map.contains("cards.json"));
    // Page 2 in Hebrew names page 2 in the other languages.
    let entry = &map[map
        .find("<loc>https://example.org/kb/he/initiatives/page/2/</loc>")
        .expect("he page 2")..];
    let entry = &entry[..entry.find("</url>").expect("</url>")];
    assert!(
        entry.contains("hreflang=\"ar\" href=\"https://example.org/kb/ar/initiatives/page/2/\"")
    );
}

#[test]
fn per_page_must_be_a_number_from_one_up() {
    for (value, words) in [
        (
            "0",
            "per_page: 0 is not a number of entries a page can show",
        ),
        ("ten", "'per_page' must be a whole number, not 'ten'"),
        ("-2", "'per_page' must be a whole number"),
    ] {
        let s = Site::fixture("basic");
        let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
        let line = yaml.lines().count() + 1;
        s.write("site.yaml", &format!("{yaml}per_page: {value}\n"));
        let m = messages(&s.build_err());
        assert!(m.contains(&format!("site.yaml:{line}:")), "{value}: {m}");
        assert!(m.contains(words), "{value}: {m}");
    }
}

/// A copy of the example site with `per_page: 4`, its root canonical as the watcher reports.
fn paged_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::support::copy_site(repo, dir.path()).expect("copy the example");
    let yaml = std::fs::read_to_string(dir.path().join("site.yaml")).expect("site.yaml");
    std::fs::write(dir.path().join("site.yaml"), format!("{yaml}per_page: 4\n")).expect("write");
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    (dir, root)
}

const BASE: &str = "http://127.0.0.1:9/";

/// Edits `rel` (`from` → `to`), rebuilds as `serve` does, and checks that what it serves is
/// what a build from scratch gives, file for file; whether it rendered everything.
fn serve_after(
    builder: &mut Builder,
    served: &mut Served,
    root: &Path,
    rel: &str,
    from: &str,
    to: &str,
) -> bool {
    let p = root.join(rel);
    let text = std::fs::read_to_string(&p).expect("read");
    assert!(text.contains(from), "{rel} has no '{from}'");
    std::fs::write(&p, text.replacen(from, to, 1)).expect("write");
    let outcome = builder.rebuild(&[p], served);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    builder.refresh_search(served);
    let (fresh, _) = Builder::new(root.to_path_buf(), BASE.into()).full();
    let differing = crate::common::differing(&fresh.output.files, &served.output.files);
    assert!(differing.is_empty(), "after editing {rel}: {differing:?}");
    outcome.full
}

#[test]
fn serve_gives_what_a_build_gives_when_pages_come_and_go() {
    let (_dir, root) = paged_example();
    let mut builder = Builder::new(root.clone(), BASE.into());
    let (mut served, first) = builder.full();
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert!(
        served
            .output
            .files
            .contains_key("en/initiatives/page/7/index.html")
    );
    assert!(served.output.files.contains_key("en/news/1984/index.html"));

    // A news item moves from 1984 to 2023: the year 1984 is gone.
    let full = serve_after(
        &mut builder,
        &mut served,
        &root,
        "content/news/rashi-foundation-founded/common.yaml",
        "date: 1984-01-01",
        "date: 2023-06-01",
    );
    assert!(!full, "a date is rendered again in part");
    assert!(!served.output.files.contains_key("en/news/1984/index.html"));

    // A status that only one initiative has makes filter pages; back, and they are gone.
    let rel = "content/initiatives/municipal-mobility/common.yaml";
    let full = serve_after(
        &mut builder,
        &mut served,
        &root,
        rel,
        "status: active",
        "status: planned",
    );
    assert!(!full);
    assert!(
        served
            .output
            .files
            .contains_key("he/filter/status/planned/index.html")
    );
    serve_after(
        &mut builder,
        &mut served,
        &root,
        rel,
        "status: planned",
        "status: active",
    );
    assert!(
        !served
            .output
            .files
            .contains_key("he/filter/status/planned/index.html")
    );
    // A title: the cards of the filters follow.
    serve_after(
        &mut builder,
        &mut served,
        &root,
        "content/initiatives/municipal-mobility/en.md",
        "title: ",
        "title: Renamed ",
    );
    assert!(
        String::from_utf8_lossy(&served.output.files["en/initiatives/cards.json"])
            .contains("Renamed")
    );
}

/// The basic fixture with 230 more initiatives in the domain `education`, all in the town of
/// Ofakim and with the partner `acme`: with the fixture's alpha, 231 in each, three pages of up
/// to 100.
fn crowded_site() -> Site {
    crowded(230)
}

/// The basic fixture with `extra` more initiatives in `education`, Ofakim and `acme`.
fn crowded(extra: usize) -> Site {
    let s = Site::fixture("basic");
    // A site with nothing to warn about, so that serve's rebuild reports nothing.
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "site.yaml",
        &(yaml + "accessibility:\n  coordinator: {name: Dana, email: a@example.org}\n  reviewed: 2026-11-01\n"),
    );
    for i in 0..extra {
        let id = format!("extra-{i:03}");
        s.write(
            &format!("content/initiatives/{id}/common.yaml"),
            "domains: [education]\ntowns: [ofakim]\npartners: [acme]\n",
        );
        s.write(
            &format!("content/initiatives/{id}/he.md"),
            &format!("---\ntitle: יוזמה {i:03}\n---\n"),
        );
    }
    s
}

/// The addresses of the links of a page's initiatives section, in order.
fn listed(html: &str) -> Vec<String> {
    let start = html
        .find("aria-labelledby=\"h-section-initiatives")
        .expect("an initiatives section");
    let start = start
        + html[start..]
            .find("<ul class=\"link-list\">")
            .expect("the links");
    let end = start + html[start..].find("</ul>").expect("</ul>");
    html[start..end]
        .split("<li>")
        .skip(1)
        .map(|li| {
            let href = li.split("href=\"").nth(1).expect("a link");
            href[..href.find('"').expect("end")].to_string()
        })
        .collect()
}

#[test]
fn an_entry_that_lists_many_initiatives_lists_them_in_pages() {
    let s = crowded_site();
    s.build_ok();
    for (c, id) in [
        ("domains", "education"),
        ("towns", "ofakim"),
        ("partners", "acme"),
    ] {
        let first = s.page(&format!("he/{c}/{id}/index.html"));
        let second = s.page(&format!("he/{c}/{id}/page/2/index.html"));
        let third = s.page(&format!("he/{c}/{id}/page/3/index.html"));
        assert!(!s.out().join(format!("he/{c}/{id}/page/4")).exists(), "{c}");
        let pages = [listed(&first), listed(&second), listed(&third)];
        assert_eq!(
            pages.iter().map(Vec::len).collect::<Vec<_>>(),
            [100, 100, 31],
            "{c}"
        );
        // Every initiative once, in the order one list would have them.
        let all: Vec<String> = pages.concat();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 231, "{c}");
        // The entry's page says how many in all and links to the next page by number.
        assert!(
            plain(&first).contains("<p class=\"count\">231 יוזמות</p>"),
            "{c}"
        );
        let nav = pager(&first).expect("a pages nav on the entry's page");
        assert!(
            nav.contains(&format!("href=\"/kb/he/{c}/{id}/page/2/\"")),
            "{nav}"
        );
        assert!(nav.contains("aria-current=\"page\""), "{nav}");
        // A further page: its heading names the entry and the page, the crumbs lead back.
        assert_eq!(
            h1(&second),
            format!("{}, עמוד 2 מתוך 3", h1(&first).trim()),
            "{c}"
        );
        assert!(
            second.contains(&format!("<link rel=\"prev\" href=\"/kb/he/{c}/{id}/\">")),
            "{c}"
        );
        assert!(
            second.contains(&format!(
                "<link rel=\"next\" href=\"/kb/he/{c}/{id}/page/3/\">"
            )),
            "{c}"
        );
        let crumbs = &second[second.find("class=\"breadcrumbs\"").expect("crumbs")..];
        let crumbs = &crumbs[..crumbs.find("</nav>").expect("</nav>")];
        assert!(
            crumbs.contains(&format!("href=\"/kb/he/{c}/{id}/\"")),
            "{crumbs}"
        );
        assert!(
            plain(crumbs).contains("<span aria-current=\"page\">עמוד 2 מתוך 3</span>"),
            "{crumbs}"
        );
    }
}

#[test]
fn the_sitemap_and_serve_know_the_further_pages_of_an_entry() {
    let s = crowded(200);
    s.build_ok();
    let map = s.page("sitemap.xml");
    assert!(map.contains("<loc>https://example.org/kb/ar/domains/education/page/3/</loc>"));
    assert!(map.contains("<loc>https://example.org/kb/en/towns/ofakim/page/2/</loc>"));
    assert!(!map.contains("education/page/4/"));

    // One initiative fewer in the domain: 200, two pages, and serve drops the third as a
    // build would not write it.
    let root = std::fs::canonicalize(s.root()).expect("canonical");
    let mut builder = Builder::new(root.clone(), BASE.into());
    let (mut served, first) = builder.full();
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let third = "he/domains/education/page/3/index.html";
    assert!(served.output.files.contains_key(third));
    let full = serve_after(
        &mut builder,
        &mut served,
        &root,
        "content/initiatives/extra-000/common.yaml",
        "domains: [education]\n",
        "",
    );
    assert!(!full, "one initiative's domain is rendered again in part");
    assert!(!served.output.files.contains_key(third));
    assert!(
        served
            .output
            .files
            .contains_key("he/domains/education/page/2/index.html")
    );
}

/// The basic fixture with 70 more towns and 250 more partners, each partner in an initiative of
/// its own in one of the towns: 72 towns and 252 partners to filter by, 324 boxes in all.
fn many_values_site() -> Site {
    let s = Site::fixture("basic");
    for t in 0..70 {
        s.write(
            &format!("content/towns/t-{t:03}/en.md"),
            &format!("---\ntitle: Town {t:03}\n---\n"),
        );
    }
    for i in 0..250 {
        s.write(
            &format!("content/partners/p-{i:03}/en.md"),
            &format!("---\ntitle: Partner {i:03}\n---\n"),
        );
        s.write(
            &format!("content/initiatives/i-{i:03}/common.yaml"),
            &format!("towns: [t-{:03}]\npartners: [p-{i:03}]\n", i % 70),
        );
        s.write(
            &format!("content/initiatives/i-{i:03}/en.md"),
            &format!("---\ntitle: Initiative {i:03}\n---\n"),
        );
    }
    s
}

#[test]
fn many_filter_values_are_kept_off_the_list_page() {
    let s = many_values_site();
    s.build_ok();
    let first = s.page("en/initiatives/index.html");
    let second = s.page("en/initiatives/page/2/index.html");
    // The boxes are in facets.html, which every page of the list names.
    for html in [&first, &second] {
        assert!(!html.contains("type=\"checkbox\""));
        assert!(html.contains("data-sulam-facets-from=\"/kb/en/initiatives/facets.html\""));
    }
    let facets = s.page("en/initiatives/facets.html");
    assert!(facets.starts_with("<!DOCTYPE html>"), "{}", &facets[..80]);
    assert!(facets.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(facets.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(facets.contains("<form data-sulam-filters>"));
    for value in [
        "name=\"town\" value=\"t-069\"",
        "name=\"partner\" value=\"p-249\"",
    ] {
        assert!(
            facets.contains(&format!("<input type=\"checkbox\" {value}>")),
            "{value}"
        );
    }
    // Every value of every facet: the towns and partners, the fixture's four age groups and
    // its one domain, district, sector and status.
    assert_eq!(
        facets.matches("type=\"checkbox\"").count(),
        72 + 252 + 4 + 4
    );
    assert!(
        s.page("he/initiatives/facets.html")
            .contains("<html lang=\"he\" dir=\"rtl\">")
    );
    // Without JavaScript: the towns and the partners are each one link to their list, where
    // every one leads to its initiatives; the statuses are still a link each.
    let browse = &first[first.find("data-sulam-browse").expect("browse")..];
    let browse = plain(&browse[..browse.find("</section>").expect("</section>")]);
    assert!(
        browse.contains("<a href=\"/kb/en/towns/\">72 towns</a>"),
        "{browse}"
    );
    assert!(
        browse.contains("<a href=\"/kb/en/partners/\">252 partners</a>"),
        "{browse}"
    );
    assert!(!browse.contains("/kb/en/towns/t-000/"));
    assert!(browse.contains("href=\"/kb/en/filter/status/active/\""));
    // facets.html is no page for readers or search engines.
    assert!(!s.page("sitemap.xml").contains("facets.html"));
}
