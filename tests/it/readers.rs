//! What a reader meets that a validator does not see: names in their own direction, what
//! search engines and share previews read, and the words of every page (issue 13).

use crate::common::{Site, jsonld};

/// A partner whose name is wholly Latin, in every language file: on the Hebrew and Arabic
/// pages it keeps its own direction wherever it is shown, so its full stop stays at its end.
fn latin_partner() -> Site {
    let site = Site::fixture("basic");
    for lang in ["he", "ar", "en"] {
        site.write(
            &format!("content/partners/acme/{lang}.md"),
            "---\ntitle: Tech Forward Ltd.\n---\n",
        );
    }
    site.build_ok();
    site
}

const ISOLATED: &str = "<bdi dir=\"ltr\">Tech Forward Ltd.</bdi>";

#[test]
fn a_wholly_latin_name_keeps_its_direction_on_hebrew_and_arabic_pages() {
    let site = latin_partner();
    for lang in ["he", "ar"] {
        let page = site.page(&format!("{lang}/partners/acme/index.html"));
        assert!(
            page.contains(&format!("<h1>{ISOLATED}</h1>")),
            "{lang}: the heading: {page}"
        );
        assert!(
            page.contains(&format!("<span aria-current=\"page\">{ISOLATED}</span>")),
            "{lang}: the breadcrumb"
        );
        let initiative = site.page(&format!("{lang}/initiatives/alpha/index.html"));
        assert!(
            initiative.contains(&format!("/partners/acme/\">{ISOLATED}</a>")),
            "{lang}: the link on the initiative's page"
        );
        let list = site.page(&format!("{lang}/partners/index.html"));
        assert!(
            list.contains(&format!("/partners/acme/\">{ISOLATED}</a>")),
            "{lang}: the card in the list"
        );
    }
    // On the English page it is ordinary left-to-right text.
    let page = site.page("en/partners/acme/index.html");
    assert!(page.contains("<h1>Tech Forward Ltd.</h1>"), "{page}");
}

#[test]
fn a_latin_site_title_keeps_its_direction_in_the_header() {
    let site = Site::fixture("basic");
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        &yaml.replace("he: בסיס ידע", "he: Good Works Inc."),
    );
    site.build_ok();
    let he = site.page("he/index.html");
    assert!(
        he.contains(
            "class=\"site-title\" href=\"/kb/he/\"><bdi dir=\"ltr\">Good Works Inc.</bdi></a>"
        ),
        "{he}"
    );
}

/// Every HTML page of a built site: (path inside the output, text).
fn pages(site: &Site) -> Vec<(String, String)> {
    let out = site.out();
    walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&out)
                .expect("inside the output")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(e.path()).expect("read the page");
            (rel, text)
        })
        .collect()
}

/// The `content` of the first `<meta {attr}="{name}">` of a page, unescaped enough to compare.
fn meta_content<'a>(html: &'a str, attr: &str, name: &str) -> Option<&'a str> {
    let tag = format!("<meta {attr}=\"{name}\" content=\"");
    let at = html.find(&tag)? + tag.len();
    Some(&html[at..at + html[at..].find('"')?])
}

fn has_script(text: &str, lang: &str) -> bool {
    text.chars().any(|c| match lang {
        "he" => ('\u{05D0}'..='\u{05EA}').contains(&c),
        "ar" => ('\u{0621}'..='\u{064A}').contains(&c),
        _ => c.is_ascii_alphabetic(),
    })
}

/// Items 7 and 8: every page the example publishes has a description and a share picture.
#[test]
fn every_page_has_a_description_and_a_share_picture() {
    let site = Site::fixture("basic");
    site.build_ok();
    let all = pages(&site);
    assert!(all.len() > 70, "{} pages", all.len());
    for (rel, html) in &all {
        let description = meta_content(html, "name", "description")
            .unwrap_or_else(|| panic!("{rel}: no <meta name=description>"));
        assert!(
            description.trim().len() > 10,
            "{rel}: description {description:?}"
        );
        if rel == "404.html" || rel == "index.html" {
            continue;
        }
        assert_eq!(
            meta_content(html, "property", "og:description"),
            Some(description),
            "{rel}: og:description"
        );
        let image = meta_content(html, "property", "og:image")
            .unwrap_or_else(|| panic!("{rel}: no og:image"));
        let file = image
            .strip_prefix("https://example.org/kb/")
            .unwrap_or_else(|| panic!("{rel}: og:image {image} is not an address of the site"));
        assert!(
            site.out().join(file).is_file(),
            "{rel}: og:image {image} is not published"
        );
        assert!(
            meta_content(html, "property", "og:image:alt").is_some(),
            "{rel}: og:image:alt"
        );
    }
}

/// Item 7: the descriptions of the pages that are not an entry's are in the page's language.
#[test]
fn list_filter_and_search_pages_describe_themselves_in_their_language() {
    let site = Site::fixture("basic");
    site.build_ok();
    for lang in ["he", "ar", "en"] {
        for rel in [
            format!("{lang}/initiatives/index.html"),
            format!("{lang}/partners/index.html"),
            format!("{lang}/search/index.html"),
        ] {
            let html = site.page(&rel);
            let d = meta_content(&html, "name", "description").expect("a description");
            assert!(has_script(d, lang), "{rel}: {d}");
        }
    }
    let he = site.page("he/initiatives/index.html");
    let d = meta_content(&he, "name", "description").expect("a description");
    assert_eq!(d, "שתי יוזמות · בסיס ידע");
    let filter = pages(&site)
        .into_iter()
        .find(|(rel, _)| rel.starts_with("en/filter/district/"))
        .expect("a filter page");
    let d = meta_content(&filter.1, "name", "description").expect("a description");
    assert!(
        d.starts_with("District: Southern District · "),
        "{}: {d}",
        filter.0
    );
    assert!(d.contains(" initiative"), "{}: {d}", filter.0);
}

/// Item 9: list and filter pages are collections, the search page a search results page, and
/// the language is the page's, never an organisation's or a person's.
#[test]
fn schema_types_name_what_each_page_is() {
    let site = Site::fixture("basic");
    site.build_ok();
    let ld = |rel: &str| jsonld(&site.page(rel));
    let list = ld("en/initiatives/index.html");
    assert_eq!(list["@graph"][0]["@type"], "CollectionPage");
    assert_eq!(list["@graph"][0]["inLanguage"], "en");
    assert_eq!(list["@graph"][0]["mainEntity"]["@type"], "ItemList");
    assert_eq!(list["@graph"][0]["mainEntity"]["numberOfItems"], 2);
    assert_eq!(
        ld("he/search/index.html")["@graph"][0]["@type"],
        "SearchResultsPage"
    );
    let partners = ld("he/partners/index.html");
    assert_eq!(partners["@graph"][0]["@type"], "CollectionPage");
    for (rel, html) in pages(&site) {
        if !html.contains("application/ld+json") {
            continue;
        }
        let v = ld(&rel);
        for node in v["@graph"].as_array().expect("graph") {
            let entity = &node["mainEntity"];
            let ty = entity["@type"].as_str().unwrap_or("");
            if ["Organization", "Person", "Place", "Project", "DefinedTerm"].contains(&ty) {
                assert!(
                    entity.get("inLanguage").is_none(),
                    "{rel}: inLanguage on a {ty}"
                );
            }
            if rel.contains("/filter/")
                || rel.ends_with("s/index.html") && rel.matches('/').count() == 2
            {
                assert_ne!(node["@type"], "WebSite", "{rel}");
            }
        }
    }
}

/// Items 10 and 11: search pages are not indexed; alternates name the root chooser as
/// x-default, in the pages and the sitemap; a page without a translation names none.
#[test]
fn search_pages_are_noindex_and_alternates_have_an_x_default() {
    let site = Site::fixture("basic");
    site.build_ok();
    for lang in ["he", "ar", "en"] {
        let html = site.page(&format!("{lang}/search/index.html"));
        assert_eq!(
            meta_content(&html, "name", "robots"),
            Some("noindex"),
            "{lang}"
        );
        let list = site.page(&format!("{lang}/initiatives/index.html"));
        assert!(
            list.contains(
                r#"<link rel="alternate" hreflang="x-default" href="https://example.org/kb/">"#
            ),
            "{lang}"
        );
        assert_eq!(
            meta_content(&list, "name", "robots"),
            None,
            "{lang}: lists are indexed"
        );
    }
    // The page for an address the site does not have is not indexed either.
    assert_eq!(
        meta_content(&site.page("404.html"), "name", "robots"),
        Some("noindex")
    );
    let sitemap = std::fs::read_to_string(site.out().join("sitemap.xml")).expect("sitemap");
    assert!(!sitemap.contains("/search/"));
    let with_alternates = sitemap.matches(r#"hreflang="he""#).count();
    assert!(with_alternates > 10);
    assert_eq!(
        sitemap.matches(r#"<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/kb/"/>"#).count(),
        with_alternates,
        "one x-default beside every set of alternates"
    );
    // beta has only a Hebrew text: its Hebrew page names no alternate, not even itself.
    let beta = site.page("he/initiatives/beta/index.html");
    assert!(
        !beta.contains("<link rel=\"alternate\" hreflang="),
        "{beta}"
    );
}

/// Item 6: every page names an icon that is published, so no browser asks for /favicon.ico;
/// a site's own favicon in static/ is used instead of the theme's.
#[test]
fn every_page_has_an_icon_and_a_site_may_bring_its_own() {
    let site = Site::fixture("basic");
    site.build_ok();
    for (rel, html) in pages(&site) {
        let at = html
            .find(r#"<link rel="icon" href="/kb/"#)
            .unwrap_or_else(|| panic!("{rel}: no icon"))
            + r#"<link rel="icon" href="/kb/"#.len();
        let file = &html[at..at + html[at..].find('"').expect("end")];
        assert!(
            site.out().join(file).is_file(),
            "{rel}: the icon {file} is not published"
        );
        assert!(
            html.contains(r#"<link rel="apple-touch-icon" href="/kb/"#),
            "{rel}"
        );
    }
    site.write("static/favicon.ico", "not really an icon");
    site.build_ok();
    let home = site.page("en/index.html");
    assert!(
        home.contains(r#"<link rel="icon" href="/kb/favicon.ico">"#),
        "{home}"
    );
}

/// Item 12: the feed and the pages' link to it have the same title; entries carry both dates.
#[test]
fn the_feed_and_its_link_use_the_same_words() {
    let site = Site::fixture("basic");
    site.build_ok();
    for lang in ["he", "ar", "en"] {
        let feed =
            std::fs::read_to_string(site.out().join(format!("{lang}/feed.xml"))).expect("feed");
        let at = feed.find("<title>").expect("title") + 7;
        let title = &feed[at..at + feed[at..].find("</title>").expect("end")];
        let page = site.page(&format!("{lang}/index.html"));
        assert!(
            page.contains(&format!(
                r#"type="application/atom+xml" href="/kb/{lang}/feed.xml" title="{title}">"#
            )),
            "{lang}: the link's title is not the feed's {title:?}"
        );
        assert_eq!(
            feed.matches("<published>").count(),
            feed.matches("<entry").count(),
            "{lang}"
        );
    }
}

/// Item 13: `check` reports every broken link of every language in one run, at the file and
/// line where it is written, with the pages it fails on.
#[test]
fn check_reports_every_broken_link_at_its_source_line() {
    let site = Site::fixture("basic");
    let append = |rel: &str, text: &str| {
        let path = site.root().join(rel);
        let old = std::fs::read_to_string(&path).expect("read");
        site.write(rel, &format!("{old}{text}"));
    };
    append(
        "content/pages/home/he.md",
        "\nשורה ראשונה.\n\nראו [אודות](../pages/about/) ו[שבור](../nowhere/).\n",
    );
    append(
        "content/pages/home/ar.md",
        "\nراجع [حول](../pages/about/).\n",
    );
    append(
        "content/initiatives/beta/he.md",
        "\n[x](../../towns/nowhere/)\n",
    );
    let report = sulam::commands::check::check(site.root(), None);
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.to_string().starts_with("error"))
        .map(|d| d.to_string())
        .collect();
    let line_of = |rel: &str, needle: &str| {
        let text = std::fs::read_to_string(site.root().join(rel)).expect("read");
        1 + text
            .lines()
            .position(|l| l.contains(needle))
            .expect("the link's line")
    };
    let he = line_of("content/pages/home/he.md", "../nowhere/");
    let ar = line_of("content/pages/home/ar.md", "../pages/about/");
    let beta = line_of("content/initiatives/beta/he.md", "../../towns/nowhere/");
    let expect = [
        format!(
            "content/pages/home/he.md:{he}: the link ../nowhere/ leads to no page or file of the site (on /he/index.html, /en/index.html)"
        ),
        format!(
            "content/pages/home/he.md:{he}: the link ../pages/about/ leads to no page or file of the site (on /he/index.html, /en/index.html)"
        ),
        format!(
            "content/pages/home/ar.md:{ar}: the link ../pages/about/ leads to no page or file of the site (on /ar/index.html)"
        ),
        format!(
            "content/initiatives/beta/he.md:{beta}: the link ../../towns/nowhere/ leads to no page or file of the site (on /he/initiatives/beta/index.html, /ar/initiatives/beta/index.html, /en/initiatives/beta/index.html)"
        ),
    ];
    for e in &expect {
        assert!(
            errors.iter().any(|got| got.contains(e.as_str())),
            "missing {e}\nin:\n{}",
            errors.join("\n")
        );
    }
    assert_eq!(errors.len(), expect.len(), "{}", errors.join("\n"));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("hint: the page 'about' of this language is at pages/about/")),
        "{}",
        errors.join("\n")
    );
}

/// Item 2 on the map: a wholly Latin town name is drawn left to right on Hebrew and Arabic maps.
#[test]
fn a_wholly_latin_town_name_is_drawn_left_to_right_on_the_map() {
    let site = Site::fixture("basic");
    site.write(
        "content/towns/sderot/he.md",
        "---\ntitle: Sderot Hills Ltd.\n---\n",
    );
    site.build_ok();
    let he = site.page("he/towns/index.html");
    let at = he
        .find(">Sderot Hills Ltd.</text>")
        .expect("the label on the map");
    let tag = &he[he[..at].rfind("<text").expect("<text")..at];
    assert!(tag.contains("direction=\"ltr\""), "{tag}");
    // The Arabic map has the town's Arabic name, right to left.
    let ar = site.page("ar/towns/index.html");
    let at = ar.find("<text").expect("a label on the Arabic map");
    let tag = &ar[at..at + ar[at..].find('>').expect("end of tag")];
    assert!(tag.contains("direction=\"rtl\""), "{tag}");
}
