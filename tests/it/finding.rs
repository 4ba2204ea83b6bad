//! Finding things: the town map, the initiative filters, related initiatives found from the
//! facts, and the Atom feed of news — each checked on a built site.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{self, Site, plain};

// ---------------------------------------------------------------------------------------------
// The town map

/// The towns of the map in `html`: id → (cx, cy) of its dot.
fn map_towns(html: &str) -> BTreeMap<String, (f64, f64)> {
    let Some(svg) = html.split("<svg class=\"map\"").nth(1) else {
        return BTreeMap::new();
    };
    let svg = svg.split("</svg>").next().expect("svg end");
    let attr = |s: &str, name: &str| -> f64 {
        s.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {s}"))
    };
    svg.split("<a class=\"map-town\" href=\"")
        .skip(1)
        .map(|a| {
            let href = a.split('"').next().expect("href");
            let id = href
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .expect("id")
                .to_string();
            (id, (attr(a, "cx"), attr(a, "cy")))
        })
        .collect()
}

fn add_town(s: &Site, id: &str, coordinates: Option<&str>, en: &str) {
    if let Some(c) = coordinates {
        s.write(
            &format!("content/towns/{id}/common.yaml"),
            &format!("coordinates: {c}\n"),
        );
    }
    s.write(
        &format!("content/towns/{id}/en.md"),
        &format!("---\ntitle: {en}\n---\n"),
    );
}

#[test]
fn the_towns_list_has_a_map_with_every_town_where_it_is() {
    let s = Site::fixture("basic");
    add_town(&s, "nazareth", Some("[32.70, 35.30]"), "Nazareth");
    add_town(&s, "eilat", Some("[29.56, 34.95]"), "Eilat");
    s.build_ok();
    let en = s.page("en/towns/index.html");
    let towns = map_towns(&en);
    // Ofakim has no coordinates: not drawn, but named under the map.
    assert_eq!(
        towns.keys().collect::<Vec<_>>(),
        ["eilat", "nazareth", "sderot"],
        "{en}"
    );
    let (sderot, nazareth, eilat) = (towns["sderot"], towns["nazareth"], towns["eilat"]);
    // x grows eastwards, y southwards: Sderot is south-west of Nazareth, Eilat south of both.
    assert!(sderot.0 < nazareth.0 && sderot.1 > nazareth.1, "{towns:?}");
    assert!(eilat.1 > sderot.1 && eilat.0 > sderot.0 && eilat.0 < nazareth.0);
    // Distances to scale: Sderot–Eilat (220 km) is about 1.5 times Sderot–Nazareth (150 km).
    let d = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let ratio = d(sderot, eilat) / d(sderot, nazareth);
    assert!((1.4..1.6).contains(&ratio), "{ratio}");
    let figure = en
        .split("<figure class=\"town-map\">")
        .nth(1)
        .expect("figure");
    assert!(figure.contains(r#"<a class="map-town" href="/kb/en/towns/sderot/">"#));
    assert!(figure.contains(">Sderot</text>"), "{figure}");
    assert!(figure.contains("<figcaption>"));
    let caption = figure.split("<figcaption>").nth(1).expect("caption");
    assert!(
        caption.contains(r#"<a href="/kb/en/towns/ofakim/">"#),
        "{caption}"
    );
    // The same map on a right-to-left page: nothing mirrors.
    let he = s.page("he/towns/index.html");
    assert_eq!(map_towns(&he), towns);
    assert!(he.contains(r#"direction="rtl">שדרות</text>"#), "{he}");
    // Nazareth has no Hebrew file: its borrowed name says which language it is in.
    assert!(he.contains(r#"direction="ltr" xml:lang="en">Nazareth</text>"#));
}

#[test]
fn network_and_initiative_pages_map_their_own_towns_among_the_others() {
    let s = Site::fixture("basic");
    add_town(&s, "nazareth", Some("[32.70, 35.30]"), "Nazareth");
    s.build_ok();
    for page in [
        "en/networks/south/index.html",
        "en/initiatives/alpha/index.html",
    ] {
        let html = s.page(page);
        let towns = map_towns(&html);
        assert_eq!(towns.keys().collect::<Vec<_>>(), ["sderot"], "{page}");
        // Nazareth is a dot for orientation, not a link.
        let others = html
            .split("<g class=\"map-others\" aria-hidden=\"true\">")
            .nth(1)
            .expect(page);
        assert_eq!(
            others
                .split("</g>")
                .next()
                .map(|g| g.matches("<circle").count()),
            Some(1)
        );
        assert!(html.contains(r#"<a href="/kb/en/towns/ofakim/">Ofakim</a>"#));
    }
    // An initiative that names no town has no map.
    assert!(
        !s.page("en/initiatives/beta/index.html")
            .contains("town-map")
    );
}

#[test]
fn every_town_of_the_example_site_with_coordinates_is_on_its_map_in_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("temp dir");
    common::build_cleanly(root, Some(out.path().to_path_buf()));
    let mut coords: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for e in std::fs::read_dir(root.join("content/towns"))
        .expect("towns")
        .flatten()
    {
        let yaml = std::fs::read_to_string(e.path().join("common.yaml")).unwrap_or_default();
        if let Some(line) = yaml.lines().find(|l| l.starts_with("coordinates:")) {
            let nums: Vec<f64> = line
                .trim_start_matches("coordinates:")
                .trim()
                .trim_matches(['[', ']'])
                .split(',')
                .map(|n| n.trim().parse().expect("number"))
                .collect();
            coords.insert(
                e.file_name().to_string_lossy().to_string(),
                (nums[0], nums[1]),
            );
        }
    }
    assert!(coords.len() >= 10);
    for lang in ["he", "ar", "en"] {
        let html =
            std::fs::read_to_string(out.path().join(lang).join("towns/index.html")).expect("page");
        let drawn = map_towns(&html);
        assert_eq!(
            drawn.keys().collect::<Vec<_>>(),
            coords.keys().collect::<Vec<_>>(),
            "{lang}"
        );
        for (a, (alat, alon)) in &coords {
            for (b, (blat, blon)) in &coords {
                let (pa, pb) = (drawn[a], drawn[b]);
                if alon < blon {
                    assert!(pa.0 < pb.0, "{a} is west of {b}");
                }
                if alat < blat {
                    assert!(pa.1 > pb.1, "{a} is south of {b}");
                }
            }
        }
    }
    // The network page maps the network's eight towns.
    let net = std::fs::read_to_string(
        out.path()
            .join("en/networks/town-at-the-centre-network/index.html"),
    )
    .expect("network");
    assert_eq!(map_towns(&net).len(), 8);
}

#[test]
fn the_map_draws_land_and_sea_under_the_towns_and_no_land_outside_its_data() {
    let s = Site::fixture("basic");
    add_town(&s, "nazareth", Some("[32.70, 35.30]"), "Nazareth");
    s.build_ok();
    for page in ["en/towns/index.html", "he/networks/south/index.html"] {
        let html = s.page(page);
        let svg = html.split("<svg class=\"map\"").nth(1).expect(page);
        // Sea (the frame), then the land, hidden from screen readers, then the towns.
        let land = svg
            .split(r#"<path class="map-land" aria-hidden="true" fill-rule="evenodd" d=""#)
            .nth(1)
            .unwrap_or_else(|| panic!("no land on {page}: {svg}"));
        let d = land.split('"').next().expect("d");
        assert!(d.starts_with('M') && d.ends_with('z'), "{d}");
        // Simplified to the drawing's scale: a few hundred bytes, not the coastline's 18 KB.
        assert!(d.len() < 1500, "{page}: {} bytes of land", d.len());
        assert!(svg.find("map-frame") < svg.find("map-land"));
        assert!(svg.find("map-land") < svg.find("map-town"));
    }
    // A site far from the data's box (Lisbon) gets no land rather than a false coast.
    let site = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    add_town(&s, "lisbon", Some("[38.72, -9.14]"), "Lisbon");
    s.write(
        "site.yaml",
        &format!("{site}map:\n  bbox: [-9.6, 38.4, -8.6, 39.0]\n"),
    );
    s.build_ok();
    let en = s.page("en/towns/index.html");
    assert!(en.contains(">Lisbon</text>"), "{en}");
    assert!(!en.contains("map-land"), "{en}");
}

#[test]
fn site_yaml_can_frame_the_map_and_put_a_picture_under_it() {
    let s = Site::fixture("basic");
    let site = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "static/israel.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    s.write(
        "site.yaml",
        &format!("{site}map:\n  outline: israel.svg\n  bbox: [34.2, 29.4, 35.9, 33.4]\n"),
    );
    s.build_ok();
    let en = s.page("en/towns/index.html");
    assert!(
        en.contains(r#"<image class="map-outline" href="/kb/israel.svg" x="0" y="0""#),
        "{en}"
    );
    // The site's picture replaces the built-in land.
    assert!(!en.contains("map-land"), "{en}");
    // Sderot, at 34.60 E, lies about a quarter of the way across 34.2–35.9.
    let (x, _) = map_towns(&en)["sderot"];
    assert!((80.0..90.0).contains(&x), "{x}");

    s.write(
        "site.yaml",
        &format!("{site}map:\n  outline: nowhere.png\n"),
    );
    let errors = common::messages(&s.build_err());
    assert!(errors.contains("map.outline needs map.bbox"), "{errors}");
    assert!(
        errors.contains("there is no file static/nowhere.png"),
        "{errors}"
    );
    s.write(
        "site.yaml",
        &format!("{site}map:\n  bbox: [35.9, 29.4, 34.2, 33.4]\n"),
    );
    let errors = common::messages(&s.build_err());
    assert!(
        errors.contains("is not [west, south, east, north]"),
        "{errors}"
    );
}

// ---------------------------------------------------------------------------------------------
// Related initiatives

#[test]
fn an_initiative_that_names_no_related_ones_gets_some_found_with_the_reason() {
    let s = Site::fixture("basic");
    // gamma shares Sderot with alpha; delta shares nothing with anyone.
    s.write(
        "content/initiatives/gamma/common.yaml",
        "towns: [sderot]\ndomains: [education]\n",
    );
    s.write(
        "content/initiatives/gamma/en.md",
        "---\ntitle: Gamma\n---\n",
    );
    s.write("content/initiatives/gamma/he.md", "---\ntitle: גמא\n---\n");
    s.write(
        "content/initiatives/delta/en.md",
        "---\ntitle: Delta\n---\n",
    );
    s.build_ok();
    let en = plain(&s.page("en/initiatives/gamma/index.html"));
    let section = en
        .split("class=\"links suggested\"")
        .nth(1)
        .expect("a related section on gamma's page");
    assert!(
        section.contains(r#"<a href="/kb/en/initiatives/alpha/">"#),
        "{section}"
    );
    assert!(section.contains("Also in Sderot"), "{section}");
    // Alpha names beta itself: nothing is found for it.
    let alpha = s.page("en/initiatives/alpha/index.html");
    assert!(!alpha.contains("links suggested"));
    // Nothing shared, nothing shown.
    let delta = s.page("en/initiatives/delta/index.html");
    assert!(!delta.contains("h-section-related"), "{delta}");
    // The reason in the page's language.
    let he = plain(&s.page("he/initiatives/gamma/index.html"));
    assert!(he.contains("גם בשדרות"), "{he}");
}

#[test]
fn related_initiatives_are_the_same_from_build_to_build() {
    let s = Site::fixture("basic");
    for (id, towns) in [
        ("c1", "[sderot]"),
        ("c2", "[sderot]"),
        ("c3", "[sderot]"),
        ("c4", "[sderot]"),
    ] {
        s.write(
            &format!("content/initiatives/{id}/common.yaml"),
            &format!("towns: {towns}\n"),
        );
        s.write(
            &format!("content/initiatives/{id}/en.md"),
            &format!("---\ntitle: {id}\n---\n"),
        );
    }
    s.build_ok();
    let first = s.page("en/initiatives/c4/index.html");
    s.build_ok();
    assert_eq!(first, s.page("en/initiatives/c4/index.html"));
    // Each shares only Sderot, so the scores are equal and the ids decide: alpha, c1, c2.
    let section = first.split("links suggested").nth(1).expect("section");
    let order: Vec<usize> = ["/alpha/", "/c1/", "/c2/"]
        .iter()
        .map(|p| {
            section
                .find(p)
                .unwrap_or_else(|| panic!("{p} in {section}"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{section}");
    assert!(!section.contains("/c3/"), "three at most: {section}");
}

// ---------------------------------------------------------------------------------------------
// Feeds

fn parse_feed(xml: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("not a feed: {e}\n{xml}"))
}

/// The rules of RFC 4287 that a parser forgives: required elements, absolute ids, RFC 3339
/// dates, and an author for every entry.
fn assert_atom_rules(xml: &str) {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    let head = xml.split("<entry").next().expect("head");
    for el in ["<id>", "<title>", "<updated>", "<author><name>"] {
        assert_eq!(head.matches(el).count(), 1, "feed needs one {el}");
    }
    assert!(head.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://"));
    let mut ids = std::collections::HashSet::new();
    for entry in xml.split("<entry").skip(1) {
        for el in ["<id>", "<title", "<updated>"] {
            assert_eq!(
                entry.matches(el).count(),
                1,
                "entry needs one {el}: {entry}"
            );
        }
        let id = entry
            .split("<id>")
            .nth(1)
            .and_then(|r| r.split("</id>").next())
            .expect("id");
        assert!(id.starts_with("https://"), "absolute id {id}");
        assert!(ids.insert(id.to_string()), "ids are unique: {id}");
        // Without content, an entry needs a link to its page.
        assert!(entry.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://"));
        for date_el in ["<updated>", "<published>"] {
            if let Some(d) = entry
                .split(date_el)
                .nth(1)
                .and_then(|r| r.split('<').next())
            {
                let b = d.as_bytes();
                assert!(
                    d.len() == 20 && b[4] == b'-' && b[10] == b'T' && d.ends_with('Z'),
                    "RFC 3339 date-time: {d}"
                );
            }
        }
    }
}

#[test]
fn each_language_has_an_atom_feed_of_its_news_with_borrowed_items_marked() {
    let s = Site::fixture("basic");
    s.write("content/news/later/common.yaml", "date: 2025-06-01\n");
    s.write(
        "content/news/later/he.md",
        "---\ntitle: עדכון מאוחר & חשוב\nsummary: רק בעברית.\n---\nראו [את הדף](../launch/).\n",
    );
    s.build_ok();
    for lang in ["he", "ar", "en"] {
        let xml = s.page(&format!("{lang}/feed.xml"));
        assert_atom_rules(&xml);
        let feed = parse_feed(&xml);
        assert_eq!(feed.entries.len(), 2, "{lang}");
        // Newest first.
        assert_eq!(
            feed.entries[0].title.as_ref().map(|t| t.content.as_str()),
            Some("עדכון מאוחר & חשוב")
        );
        assert_eq!(
            feed.entries[0].links[0].href,
            format!("https://example.org/kb/{lang}/news/later/")
        );
        assert_eq!(
            feed.updated.map(|d| d.to_rfc3339()).as_deref(),
            Some("2025-06-01T00:00:00+00:00")
        );
        assert_eq!(feed.language.as_deref(), Some(lang));
        // The item's links work outside the site.
        let content = feed.entries[0]
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .expect("content");
        assert!(
            content.contains(&format!(
                "href=\"https://example.org/kb/{lang}/news/launch/\""
            )),
            "{content}"
        );
    }
    let en = s.page("en/feed.xml");
    assert!(en.contains("<entry xml:lang=\"he\">"), "{en}");
    assert!(s.page("he/feed.xml").contains("  <entry>\n"));
    assert!(!s.page("he/feed.xml").contains("<entry xml:lang"));
    let launch = parse_feed(&en).entries[1].clone();
    assert_eq!(launch.title.map(|t| t.content).as_deref(), Some("Launch"));
}

#[test]
fn every_page_links_its_languages_feed_in_the_head() {
    let s = Site::fixture("basic");
    s.build_ok();
    for (lang, page) in [
        ("he", "he/index.html"),
        ("ar", "ar/towns/sderot/index.html"),
        ("en", "en/initiatives/index.html"),
    ] {
        let html = s.page(page);
        let head = html.split("</head>").next().expect("head");
        assert!(
            head.contains(&format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/kb/{lang}/feed.xml\" title=\""
            )),
            "{head}"
        );
    }
}

#[test]
fn a_site_without_news_has_no_feed_and_links_none() {
    let s = Site::fixture("basic");
    std::fs::remove_dir_all(s.root().join("content/news")).expect("rm news");
    s.build_ok();
    assert!(!s.out().join("en/feed.xml").exists());
    assert!(!s.page("en/index.html").contains("application/atom+xml"));
}

// ---------------------------------------------------------------------------------------------
// Filters

/// The `<li class="card" …>` of initiative `id` on a list page.
fn card<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("href=\"/kb/en/initiatives/{id}/\""))
        .unwrap_or_else(|| panic!("{id} on the page"));
    let start = html[..at].rfind("<li class=\"card\"").expect("card");
    &html[start..at]
}

#[test]
fn initiative_cards_carry_every_facet_for_filtering_at_once() {
    let s = Site::fixture("basic");
    s.build_ok();
    let en = s.page("en/initiatives/index.html");
    let alpha = card(&en, "alpha");
    for attr in [
        r#"data-domain="education""#,
        // 0–35 years spans four age groups.
        r#"data-ages="0-5 13-18 19-35 6-12""#,
        r#"data-town="ofakim sderot""#,
        r#"data-district="south""#,
        r#"data-partner="acme city-hall""#,
        r#"data-sector="philanthropy""#,
        r#"data-status="active""#,
    ] {
        assert!(alpha.contains(attr), "{attr} in {alpha}");
    }
    // beta has no facts: empty values, so any filter hides it.
    assert!(card(&en, "beta").contains(r#"data-town="""#));
    // The form, hidden until the script shows it, one box per value.
    let form = en
        .split("<form class=\"filter-form\" data-sulam-filters hidden>")
        .nth(1)
        .expect("form");
    let form = form.split("</form>").next().expect("form end");
    for (facet, value) in [
        ("domain", "education"),
        ("town", "sderot"),
        ("ages", "0-5"),
        ("status", "active"),
        ("sector", "philanthropy"),
        ("district", "south"),
        ("partner", "acme"),
    ] {
        assert!(
            form.contains(&format!(
                r#"<input type="checkbox" name="{facet}" value="{value}">"#
            )),
            "{facet}={value} in {form}"
        );
    }
    assert!(form.contains("<legend class=\"visually-hidden\">Town</legend>"));
    assert!(en.contains(r#"<script src="/kb/filters.js" defer></script>"#));
    assert!(s.out().join("filters.js").is_file());
    // Other lists have no filters.
    assert!(
        !s.page("en/partners/index.html")
            .contains("data-sulam-filters")
    );
}

#[test]
fn the_count_is_announced_in_every_plural_form_of_the_language() {
    let s = Site::fixture("basic");
    s.build_ok();
    let count = |lang: &str| {
        let html = plain(&s.page(&format!("{lang}/initiatives/index.html")));
        html.split("<p class=\"visually-hidden\" role=\"status\" data-sulam-count")
            .nth(1)
            .and_then(|p| p.split('>').next())
            .expect("count")
            .to_string()
    };
    let ar = count("ar");
    for form in [
        r#"data-count-zero="لا توجد مبادرات""#,
        r#"data-count-one="مبادرة واحدة""#,
        r#"data-count-two="مبادرتان""#,
        r#"data-count-few="{n} مبادرات""#,
        r#"data-count-many="{n} مبادرة""#,
        r#"data-count-other="{n} مبادرة""#,
    ] {
        assert!(ar.contains(form), "{form} in {ar}");
    }
    // Empty until the reader filters: nothing is announced on load.
    assert!(
        plain(&s.page("ar/initiatives/index.html"))
            .contains(r#"data-count-other="{n} مبادرة"></p>"#)
    );
    let he = count("he");
    assert!(
        he.contains(r#"data-count-two="שתי יוזמות""#)
            && he.contains(r#"data-count-other="{n} יוזמות""#),
        "{he}"
    );
    let en = count("en");
    assert!(
        en.contains(r#"data-count-one="One initiative""#)
            && en.contains(r#"data-count-other="{n} initiatives""#),
        "{en}"
    );
}

#[test]
fn without_javascript_each_value_links_to_a_page_of_its_initiatives() {
    let s = Site::fixture("basic");
    s.build_ok();
    let en = s.page("en/initiatives/index.html");
    let browse = en
        .split("<div class=\"browse\" data-sulam-browse>")
        .nth(1)
        .expect("links");
    // Domains, towns and partners have their own pages, which list their initiatives.
    assert!(
        browse.contains(r#"<a href="/kb/en/domains/education/">"#),
        "{browse}"
    );
    assert!(browse.contains(r#"<a href="/kb/en/towns/sderot/">"#));
    assert!(browse.contains(r#"<a href="/kb/en/partners/acme/">"#));
    // The others get plain pages under /<lang>/filter/.
    for (facet, value) in [
        ("status", "active"),
        ("district", "south"),
        ("sector", "philanthropy"),
        ("ages", "6-12"),
    ] {
        let href = format!("/kb/en/filter/{facet}/{value}/");
        assert!(browse.contains(&format!(r#"<a href="{href}">"#)), "{href}");
        for lang in ["he", "ar", "en"] {
            let page = s.page(&format!("{lang}/filter/{facet}/{value}/index.html"));
            assert!(
                page.contains(&format!(r#"href="/kb/{lang}/initiatives/alpha/""#)),
                "{lang} {facet}"
            );
            assert!(!page.contains("/initiatives/beta/"));
            assert!(page.contains(&format!(
                r#"<a href="/kb/{lang}/initiatives/?{facet}={value}">"#
            )));
        }
    }
    let status = plain(&s.page("he/filter/status/active/index.html"));
    assert!(status.contains("<h1>פעילה</h1>"), "{status}");
    assert!(status.contains("<title>סטטוס: פעילה · בסיס ידע</title>"));
    let ages = plain(&s.page("en/filter/ages/6-12/index.html"));
    assert!(ages.contains("<h1>6 to 12 years</h1>"), "{ages}");
}

#[test]
fn every_filter_page_is_in_the_sitemap_with_its_languages() {
    let s = Site::fixture("basic");
    s.build_ok();
    let mut written = std::collections::BTreeSet::new();
    for lang in ["he", "ar", "en"] {
        let dir = s.out().join(lang).join("filter");
        for facet in std::fs::read_dir(&dir).expect("filter folder").flatten() {
            for value in std::fs::read_dir(facet.path()).expect("facet").flatten() {
                assert!(value.path().join("index.html").is_file());
                written.insert(format!(
                    "https://example.org/kb/{lang}/filter/{}/{}/",
                    facet.file_name().to_string_lossy(),
                    value.file_name().to_string_lossy()
                ));
            }
        }
    }
    assert!(written.len() >= 12, "{written:?}");
    let sitemap = s.page("sitemap.xml");
    let listed: std::collections::BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|x| x.split("</loc>").next())
        .filter(|loc| loc.contains("/filter/"))
        .map(str::to_string)
        .collect();
    assert_eq!(listed, written);
    assert!(sitemap.contains(
        r#"<xhtml:link rel="alternate" hreflang="ar" href="https://example.org/kb/ar/filter/status/active/"/>"#
    ));
}
