//! The organisation's look (issue 15): `brand` (logo, favicon, accent, share picture) and
//! `menu` in site.yaml, and `static/custom.css`.

use crate::common::{Site, messages};

const SITE: &str = "base_url: https://example.org/kb/\nlanguages: [he, ar, en]\n\
title:\n  he: בסיס ידע\n  ar: قاعدة معرفة\n  en: Knowledge base\n";

fn branded(brand: &str) -> Site {
    let site = Site::fixture("basic");
    site.write("site.yaml", &format!("{SITE}{brand}"));
    site.write("static/wordmark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 80 20\"><rect width=\"80\" height=\"20\"/></svg>");
    site.write("static/mark.png", "not really a png, but a file");
    site.write("static/share.png", "not really a png either");
    site.write(
        "static/custom.css",
        ".site-title { letter-spacing: 0.02em; }\n",
    );
    site
}

const BRAND: &str = concat!(
    "brand:\n  logo: wordmark.svg\n  favicon: mark.png\n  accent: \"#0b5394\"\n",
    "  social_image: share.png\n",
    "menu:\n  - title: {he: תרומה, ar: تبرّع, en: Donate}\n    url: https://example.org/donate\n",
    "  - title: {he: נגישות, ar: إتاحة, en: Accessibility}\n    url: pages/about/\n",
);

#[test]
fn the_brand_shows_in_every_language() {
    let site = branded(BRAND);
    site.build_ok();
    for (lang, title, donate, access) in [
        ("he", "בסיס ידע", "תרומה", "נגישות"),
        ("ar", "قاعدة معرفة", "تبرّع", "إتاحة"),
        ("en", "Knowledge base", "Donate", "Accessibility"),
    ] {
        let page = site.page(&format!("{lang}/initiatives/alpha/index.html"));
        // The logo beside the title, the title its alt; the visible title is not read twice.
        assert!(
            page.contains(&format!("<a class=\"site-title has-logo\" href=\"/kb/{lang}/\"><img class=\"logo\" src=\"/kb/wordmark.svg\" alt=\"{title}\"><span aria-hidden=\"true\">")),
            "{lang}: {page}"
        );
        // The brand's colours, then the site's own stylesheet, after the theme's.
        let theme = page
            .find("href=\"/kb/sulam.css\"")
            .expect("the theme's stylesheet");
        let brand = page
            .find("href=\"/kb/sulam-brand.css\"")
            .expect("the brand's");
        let custom = page
            .find("href=\"/kb/custom.css\"")
            .expect("the site's own");
        assert!(
            theme < brand && brand < custom,
            "{lang}: the order of the stylesheets"
        );
        assert!(
            page.contains("<link rel=\"icon\" href=\"/kb/mark.png\" type=\"image/png\">"),
            "{page}"
        );
        assert!(
            page.contains("<link rel=\"apple-touch-icon\" href=\"/kb/mark.png\">"),
            "{page}"
        );
        assert!(
            page.contains(
                "<meta property=\"og:image\" content=\"https://example.org/kb/share.png\">"
            ),
            "{page}"
        );
        assert!(
            page.contains(&format!(
                "<meta property=\"og:image:alt\" content=\"{title}\">"
            )),
            "{page}"
        );
        // The menu's links after the collections, in the page's language.
        assert!(
            page.contains(&format!(
                "<li><a href=\"https://example.org/donate\">{donate}</a></li>"
            )),
            "{lang}: {page}"
        );
        assert!(
            page.contains(&format!(
                "<li><a href=\"/kb/{lang}/pages/about/\">{access}</a></li>"
            )),
            "{lang}: {page}"
        );
        let nav = &page[page.find("class=\"main-nav\"").expect("nav")..];
        assert!(
            nav.find("initiatives/").expect("a collection") < nav.find(donate).expect("the menu")
        );
    }
    // The search page names its stylesheets relative to itself, as it does the theme's.
    let search = site.page("ar/search/index.html");
    assert!(
        search.contains("<link rel=\"stylesheet\" href=\"../../sulam-brand.css\">"),
        "{search}"
    );
    assert!(
        search.contains("<link rel=\"stylesheet\" href=\"../../custom.css\">"),
        "{search}"
    );

    let css =
        std::fs::read_to_string(site.out().join("sulam-brand.css")).expect("the brand's colours");
    assert!(css.contains(":root { --accent: #0b5394; }"), "{css}");
    // In the dark scheme, a lighter shade of it that is readable on the dark page.
    let dark = css
        .split("prefers-color-scheme: dark")
        .nth(1)
        .expect("a dark rule");
    assert!(
        dark.contains("--accent: #") && !dark.contains("#0b5394"),
        "{css}"
    );
}

#[test]
fn without_a_brand_nothing_is_added() {
    let site = Site::fixture("basic");
    site.build_ok();
    let page = site.page("en/index.html");
    assert!(
        !page.contains("sulam-brand.css")
            && !page.contains("custom.css")
            && !page.contains("has-logo")
    );
    assert!(!site.out().join("sulam-brand.css").exists());
}

#[test]
fn brand_mistakes_are_told_with_the_fix() {
    let site = branded(
        "brand:\n  logo: wordmark.png\n  accent: \"#7cc4f0\"\nmenu:\n  - title: {en: Evil}\n    url: javascript:alert(1)\n",
    );
    let m = messages(&site.build_err());
    assert!(
        m.contains("error: site.yaml:8:9: 'brand: logo' names 'wordmark.png', which is not a file in static/"),
        "{m}"
    );
    assert!(m.contains("did you mean 'wordmark.svg'"), "{m}");
    assert!(
        m.contains("error: site.yaml:9:11: the accent #7cc4f0 has a contrast of 1.75:1"),
        "{m}"
    );
    assert!(m.contains("below the 4.5:1"), "{m}");
    assert!(
        m.contains("use a darker shade of it: accent: \"#"),
        "the passing shade: {m}"
    );
    assert!(
        m.contains("site.yaml:12:10: a menu link's 'url' must be a web address or a page of the site, not 'javascript:alert(1)'"),
        "{m}"
    );
    let site = branded("brand:\n  colour: \"#0b5394\"\n");
    let m = messages(&site.build_err());
    assert!(m.contains("colour"), "the unknown key is named: {m}");
}
