//! Finding things: the town map, the initiative filters, related initiatives found from the
//! facts, and the Atom feed of news — each checked on a built site.

mod common;
use common::{Site, plain};

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
