//! What the pages of each collection show, as a reader sees them: people, news, the footer,
//! an initiative's years and suggestions, figures, maps, filters, sharing tags and JSON-LD,
//! the language settings of site.yaml, and the accessibility statement's own text.

use crate::common::{Site, jsonld, plain};

/// The `<main>` of a page, with Fluent's isolation marks removed.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("<main");
    let end = html.find("</main>").expect("</main>");
    plain(&html[start..end])
}

/// Where each of `needles` is in `hay`, asserting they come in that order.
fn assert_in_order(hay: &str, needles: &[&str]) {
    let at: Vec<usize> = needles
        .iter()
        .map(|n| hay.find(n).unwrap_or_else(|| panic!("no {n} in {hay}")))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "{needles:?} out of order: {hay}"
    );
}

fn people(s: &Site) {
    s.write(
        "content/people/dana/common.yaml",
        "organisation: acme\norder: 1\n",
    );
    s.write(
        "content/people/dana/he.md",
        "---\ntitle: דנה לוי\nrole: מנהלת\n---\nביוגרפיה.\n",
    );
    s.write(
        "content/people/dana/en.md",
        "---\ntitle: Dana Levi\nrole: Director\n---\nBio.\n",
    );
    s.write("content/people/avi/common.yaml", "order: 2\n");
    s.write(
        "content/people/avi/en.md",
        "---\ntitle: Avi Cohen\nrole: Chair\n---\n",
    );
    // No order: after those with one, by name.
    s.write("content/people/zev/en.md", "---\ntitle: Zev Adler\n---\n");
    s.write(
        "content/people/bella/en.md",
        "---\ntitle: Bella Ross\n---\n",
    );
}

#[test]
fn people_show_their_role_and_organisation_in_their_order() {
    let s = Site::fixture("basic");
    people(&s);
    s.build_ok();
    let list = main_of(&s.page("en/people/index.html"));
    // `order` first (Dana 1 before Avi 2, against the alphabet), then the rest by name.
    assert_in_order(
        &list,
        &["Dana Levi", "Avi Cohen", "Bella Ross", "Zev Adler"],
    );
    let dana = s.page("en/people/dana/index.html");
    assert!(
        dana.contains(r#"<dl class="facts"><div><dt>Role</dt><dd>Director</dd></div><div><dt>Organisation</dt><dd><a href="/kb/en/partners/acme/">Acme Foundation</a></dd></div>"#),
        "{dana}"
    );
    let he = plain(&s.page("he/people/dana/index.html"));
    assert!(he.contains("<dd>מנהלת</dd>"), "{he}");
    assert!(
        he.contains(r#"<a href="/kb/he/partners/acme/">קרן אקמי</a>"#)
            || he.contains("/kb/he/partners/acme/"),
        "{he}"
    );
    // JSON-LD: a profile page about a Person with their job and employer.
    let ld = jsonld(&dana);
    assert_eq!(ld["@graph"][0]["@type"], "ProfilePage");
    let person = &ld["@graph"][0]["mainEntity"];
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["name"], "Dana Levi");
    assert_eq!(person["jobTitle"], "Director");
    assert_eq!(person["worksFor"]["@type"], "Organization");
    assert_eq!(person["worksFor"]["name"], "Acme Foundation");
    assert_eq!(
        person["worksFor"]["url"],
        "https://example.org/kb/en/partners/acme/"
    );
    assert!(
        jsonld(&s.page("en/people/zev/index.html"))["@graph"][0]["mainEntity"]
            .get("jobTitle")
            .is_none()
    );
}

#[test]
fn news_are_listed_newest_first_and_described_as_news_articles() {
    let s = Site::fixture("basic");
    // Ids, titles and dates in three different orders.
    s.write("content/news/aaa/common.yaml", "date: 2023-06-01\n");
    s.write("content/news/aaa/en.md", "---\ntitle: Zebra\n---\nOld.\n");
    s.write("content/news/zzz/common.yaml", "date: 2025-01-10\n");
    s.write(
        "content/news/zzz/en.md",
        "---\ntitle: Middle\nsummary: The newest item.\n---\nNew.\n",
    );
    s.build_ok();
    for lang in ["he", "ar", "en"] {
        let list = main_of(&s.page(&format!("{lang}/news/index.html")));
        assert_in_order(
            &list,
            &[
                "/news/zzz/",
                "datetime=\"2025-01-10\"",
                "/news/launch/",
                "datetime=\"2024-03-05\"",
                "/news/aaa/",
                "datetime=\"2023-06-01\"",
            ],
        );
    }
    let html = s.page("en/news/zzz/index.html");
    assert!(
        html.contains(r#"<meta property="og:type" content="article">"#),
        "{html}"
    );
    assert!(html.contains(r#"<meta property="og:description" content="The newest item.">"#));
    let ld = jsonld(&html);
    let article = &ld["@graph"][0]["mainEntity"];
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["headline"], "Middle");
    assert!(article.get("name").is_none(), "{article}");
    assert_eq!(article["datePublished"], "2025-01-10");
    assert_eq!(article["inLanguage"], "en");
}

#[test]
fn funders_are_named_apart_in_json_ld() {
    let s = Site::fixture("basic");
    s.write(
        "content/initiatives/beta/common.yaml",
        "partners:\n  - {id: acme, role: funder}\n  - {id: city-hall, role: operator}\n",
    );
    s.build_ok();
    let ld = jsonld(&s.page("en/initiatives/beta/index.html"));
    let project = &ld["@graph"][0]["mainEntity"];
    assert_eq!(project["@type"], "Project");
    assert_eq!(
        project["funder"],
        serde_json::json!([{"@type": "Organization", "name": "Acme Foundation", "url": "https://example.org/kb/en/partners/acme/"}])
    );
    assert_eq!(
        project["member"],
        serde_json::json!([{"@type": "Organization", "name": "Sderot Municipality", "url": "https://example.org/kb/en/partners/city-hall/"}])
    );
    // alpha has a lead and a partner without role, and no funder.
    let alpha = jsonld(&s.page("en/initiatives/alpha/index.html"));
    assert!(alpha["@graph"][0]["mainEntity"].get("funder").is_none());
    assert_eq!(
        alpha["@graph"][0]["mainEntity"]["member"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn the_footer_links_the_pages_but_home_and_the_statement() {
    let s = Site::fixture("basic");
    s.write(
        "content/pages/contact/en.md",
        "---\ntitle: Contact us\n---\n",
    );
    let site = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "site.yaml",
        &(site + "accessibility:\n  coordinator: {name: Dana, email: a@example.org}\n  reviewed: 2026-11-01\n"),
    );
    s.build_ok();
    for (lang, statement) in [
        ("he", "הצהרת נגישות"),
        ("ar", "بيان الإتاحة"),
        ("en", "Accessibility statement"),
    ] {
        let html = plain(&s.page(&format!("{lang}/towns/sderot/index.html")));
        let footer = &html[html.find("<footer").expect("footer")..];
        let links: Vec<&str> = footer
            .split("<li><a href=\"")
            .skip(1)
            .map(|l| &l[..l.find('"').expect("quote")])
            .collect();
        assert_eq!(
            links,
            [
                format!("/kb/{lang}/pages/about/"),
                format!("/kb/{lang}/pages/contact/"),
                format!("/kb/{lang}/pages/accessibility/"),
            ],
            "{lang}: {footer}"
        );
        assert!(
            footer.contains(&format!(">{statement}</a>")),
            "{lang}: {footer}"
        );
        assert!(!footer.contains("/pages/home/"), "{lang}");
    }
}

#[test]
fn an_initiatives_years_read_in_the_page_language() {
    let s = Site::fixture("basic");
    s.write("content/initiatives/beta/common.yaml", "started: 2021\n");
    s.write("content/initiatives/gamma/common.yaml", "ends: 2030\n");
    s.write("content/initiatives/gamma/he.md", "---\ntitle: גמא\n---\n");
    s.write("content/initiatives/delta/he.md", "---\ntitle: דלתא\n---\n");
    s.build_ok();
    for (lang, since, until) in [
        ("he", "משנת 2021", "עד 2030"),
        ("ar", "منذ 2021", "حتى 2030"),
        ("en", "Since 2021", "Until 2030"),
    ] {
        let page = |id: &str| plain(&s.page(&format!("{lang}/initiatives/{id}/index.html")));
        // Both years: a range, never grouped as a number ("2,020").
        assert!(
            page("alpha").contains("<dd><bdi>2020–2027</bdi></dd>"),
            "{lang}"
        );
        assert!(
            page("beta").contains(&format!("<dd>{since}</dd>")),
            "{lang}: {}",
            page("beta")
        );
        assert!(
            page("gamma").contains(&format!("<dd>{until}</dd>")),
            "{lang}"
        );
        let delta = page("delta");
        assert!(
            !delta.contains("2021") && !delta.contains("<dt>Years"),
            "{lang}"
        );
    }
}

#[test]
fn a_figure_shows_its_source_in_the_page_language() {
    let s = Site::fixture("basic");
    s.write(
        "content/pages/home/en.md",
        "---\ntitle: Welcome\nfigures:\n  beneficiaries: {label: beneficiaries a year, source: Central Bureau of Statistics}\n---\n",
    );
    s.build_ok();
    let he = plain(&s.page("he/index.html"));
    assert!(
        he.contains(r#"<span class="figure-source">מקור: <cite>הלמ״ס</cite></span>"#),
        "{he}"
    );
    let en = plain(&s.page("en/index.html"));
    assert!(
        en.contains(r#"<span class="figure-source">Source: <cite>Central Bureau of Statistics</cite></span>"#),
        "{en}"
    );
    assert!(
        en.contains(r#"<span class="figure-year">(2024)</span>"#),
        "{en}"
    );
    // The Arabic label has no source of its own: none is shown, not another language's.
    let ar = plain(&s.page("ar/index.html"));
    let figure = &ar[ar.find("class=\"figure\"").expect("figure")..];
    let figure = &figure[..figure.find("</li>").expect("</li>")];
    assert!(!figure.contains("Central Bureau"), "{figure}");
}

#[test]
fn suggested_initiatives_say_why() {
    let s = Site::fixture("basic");
    // gamma shares a town and a partner with alpha.
    s.write(
        "content/initiatives/gamma/common.yaml",
        "towns: [sderot]\npartners: [acme]\n",
    );
    s.write(
        "content/initiatives/gamma/en.md",
        "---\ntitle: Gamma\n---\n",
    );
    s.build_ok();
    let html = plain(&s.page("en/initiatives/gamma/index.html"));
    let section = &html[html.find("class=\"links suggested\"").expect("suggestions")..];
    let section = &section[..section.find("</section>").expect("end")];
    let item = &section[section
        .find("/kb/en/initiatives/alpha/")
        .expect("alpha suggested")..];
    let reasons = &item[item
        .find("<p class=\"link-summary reasons\">")
        .expect("reasons")..];
    let reasons = &reasons[..reasons.find("</p>").expect("</p>")];
    assert!(reasons.contains("Also in Sderot"), "{reasons}");
    assert!(reasons.contains("Also with Acme Foundation"), "{reasons}");
    let he = plain(&s.page("he/initiatives/gamma/index.html"));
    assert!(he.contains("שדרות"), "{he}");
}

/// The fixture with `n` more towns, each with coordinates.
fn with_towns(n: u32) -> Site {
    let s = Site::fixture("basic");
    for i in 0..n {
        s.write(
            &format!("content/towns/t{i:03}/common.yaml"),
            &format!("coordinates: [{}, 34.8]\n", 30.0 + f64::from(i) * 0.02),
        );
        s.write(
            &format!("content/towns/t{i:03}/en.md"),
            &format!("---\ntitle: Town {i}\n---\n"),
        );
    }
    s.build_ok();
    s
}

#[test]
fn a_map_draws_the_other_towns_in_grey_up_to_a_hundred() {
    // The network's map: its town (Sderot) as a link, the site's other towns as grey dots.
    let s = with_towns(100);
    let html = s.page("en/networks/south/index.html");
    let others = &html[html
        .find("<g class=\"map-others\" aria-hidden=\"true\">")
        .expect("grey dots")..];
    let others = &others[..others.find("</g>").expect("</g>")];
    assert_eq!(others.matches("<circle").count(), 100, "{others}");
    assert!(html.contains("<circle class=\"dot\""));
    // One more, and they would be a cloud on every page: none at all.
    let s = with_towns(101);
    let html = s.page("en/networks/south/index.html");
    assert!(!html.contains("map-others"), "grey dots past the limit");
    assert!(
        html.contains("<circle class=\"dot\""),
        "the network's own town is still drawn"
    );
}

#[test]
fn filter_options_count_the_initiatives_of_each_value() {
    let s = Site::fixture("basic");
    s.write(
        "content/initiatives/beta/common.yaml",
        "towns: [sderot]\nstatus: planned\n",
    );
    s.write(
        "content/initiatives/gamma/common.yaml",
        "towns: [sderot]\nstatus: active\n",
    );
    s.write(
        "content/initiatives/gamma/en.md",
        "---\ntitle: Gamma\n---\n",
    );
    s.build_ok();
    let html = plain(&s.page("en/initiatives/index.html"));
    for (name, value, label, n) in [
        ("town", "sderot", "Sderot", 3),
        ("town", "ofakim", "Ofakim", 1),
        ("status", "active", "Active", 2),
        ("status", "planned", "Planned", 1),
    ] {
        let option = format!(
            r#"<input type="checkbox" name="{name}" value="{value}"> <span>{label}</span> <span class="option-count">({n})</span>"#
        );
        assert!(html.contains(&option), "{option}\n{html}");
    }
    assert!(
        html.contains("<p class=\"count\">3 initiatives</p>"),
        "{html}"
    );
    let ar = plain(&s.page("ar/initiatives/index.html"));
    assert!(ar.contains("<p class=\"count\">3 مبادرات</p>"), "{ar}");
}

#[test]
fn the_fallback_order_of_site_yaml_is_followed() {
    let s = Site::fixture("basic");
    // Written in Arabic and English only. By the order of `languages` the Hebrew page would
    // borrow the Arabic text; site.yaml says Hebrew falls back to English.
    s.write(
        "content/towns/yarka/ar.md",
        "---\ntitle: يركا\n---\nنص عربي.\n",
    );
    s.write(
        "content/towns/yarka/en.md",
        "---\ntitle: Yarka\n---\nEnglish text.\n",
    );
    s.build_ok();
    let he = s.page("he/towns/yarka/index.html");
    assert!(he.contains(r#"<h1 lang="en" dir="ltr">Yarka</h1>"#), "{he}");
    assert!(
        he.contains("English text.") && !he.contains("نص عربي"),
        "{he}"
    );
    // Without a fallback for Hebrew, the first language of `languages` that it has.
    let y = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write("site.yaml", &y.replace("  he: [en]\n", ""));
    s.build_ok();
    let he = s.page("he/towns/yarka/index.html");
    assert!(he.contains(r#"<h1 lang="ar" dir="rtl">يركا</h1>"#), "{he}");
}

#[test]
fn a_language_given_as_code_and_dir_takes_that_direction() {
    let s = Site::fixture("basic");
    let y = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "site.yaml",
        &y.replace(
            "languages: [he, ar, en]",
            "languages: [he, {code: ar, dir: rtl}, {code: en, dir: rtl}]",
        ),
    );
    s.build_ok();
    assert!(
        s.page("en/index.html")
            .contains("<html lang=\"en\" dir=\"rtl\">")
    );
    assert!(
        s.page("ar/index.html")
            .contains("<html lang=\"ar\" dir=\"rtl\">")
    );
    assert!(s.page("he/towns/sderot/index.html").contains(
        r#"<a href="/kb/en/towns/sderot/" hreflang="en" lang="en" dir="rtl">English</a>"#
    ));
}

#[test]
fn the_accessibility_statement_has_its_own_text_in_each_language() {
    let s = Site::fixture("basic");
    let site = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "site.yaml",
        &(site + "accessibility:\n  coordinator: {name: Dana, email: a@example.org}\n  reviewed: 2026-11-01\n"),
    );
    s.build_ok();
    for (lang, h1, date) in [
        ("he", "הצהרת נגישות", "1 בנובמבר 2026"),
        ("ar", "بيان الإتاحة", "1 نوفمبر 2026"),
        ("en", "Accessibility statement", "November 1, 2026"),
    ] {
        let html = main_of(&s.page(&format!("{lang}/pages/accessibility/index.html")));
        assert!(html.contains(&format!("<h1>{h1}</h1>")), "{lang}: {html}");
        assert!(html.contains("IS 5568 (WCAG 2.1, AA)"), "{lang}: {html}");
        assert!(
            html.contains(&format!(r#"<time datetime="2026-11-01">{date}</time>"#)),
            "{lang}: {html}"
        );
        assert!(html.contains(r#"<a href="mailto:a@example.org" dir="ltr">a@example.org</a>"#));
        // No list of what is not accessible was given: no borrowed list either.
        assert!(!html.contains("<ul lang="), "{lang}: {html}");
    }
}
