//! The files that are not pages of entries: the root language chooser, the 404 page, the
//! search page of each language, the theme's files and `static/`, the feeds, the sitemap and
//! robots.txt.

use crate::diagnostics::Diagnostics;
use crate::model::urls::{home_path, index_file, search_path};
use crate::output::Output;
use crate::render::Model;
use crate::render::chrome::{self, Chrome};
use crate::render::meta::{Meta, PageKind, description, meta};
use crate::render::pages::render_one;
use crate::render::sitemap::sitemap;
use crate::render::theme::Theme;
use crate::text::lang::native_name;

pub fn write_extras(
    m: &Model,
    theme: &Theme,
    tera: &tera::Tera,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    write_front(m, theme, tera, out, diags);
    write_indexes(m, tera, out, diags);
}

/// What a browser may ask for before any page: the language chooser, the 404 and search
/// pages, the theme's files and `static/`. `serve` serves these first, while it renders the
/// rest.
pub fn write_front(
    m: &Model,
    theme: &Theme,
    tera: &tera::Tera,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let config = m.config;
    let default = &config.default_language().code;

    // The root: a language chooser that works without JavaScript.
    let chrome: Chrome = chrome::chrome(m, default, &home_path, &|_| true, None);
    let mut ctx = chrome::context(&chrome);
    let choices: Vec<_> = config
        .languages
        .iter()
        .map(|l| {
            serde_json::json!({
                "code": l.code, "name": native_name(&l.code), "dir": l.dir.as_str(),
                "url": config.link(&home_path(&l.code)),
                "title": config.site_title(&l.code),
            })
        })
        .collect();
    ctx.insert("choices", &choices);
    ctx.insert("script", &config.link("sulam.js"));
    let home = m
        .content
        .home()
        .map(|h| crate::render::entry::view(m, h, default));
    let site = config.site_title(default);
    ctx.insert(
        "description",
        &description(m, default, &site, &PageKind::Home(home.as_ref())),
    );
    render_one(tera, "chooser.html", &ctx, "index.html", out, diags);

    // 404, in the default language with links to every language's home. It is served at any
    // address, so it names no canonical page and no alternates.
    let mut not_found = chrome.clone();
    not_found.canonical = String::new();
    not_found.hreflang.clear();
    let mut ctx = chrome::context(&not_found);
    let not_found_meta = Meta {
        description: crate::text::i18n::strip_isolation(&m.strings.get(
            default,
            "not-found-text",
            None,
        )),
        named: vec![("robots".into(), "noindex".into())],
        ..Meta::default()
    };
    ctx.insert("meta", &not_found_meta);
    ctx.insert("choices", &choices);
    render_one(tera, "404.html", &ctx, "404.html", out, diags);

    // The search page of each language. Its stylesheet is named relative to it, as search.js
    // and the index are, so that the page also works when opened from a folder on disk.
    for l in &config.languages {
        let mut chrome = chrome::chrome(m, &l.code, &search_path, &|_| true, None);
        chrome.css = "../../sulam.css".into();
        chrome.extra_css = chrome::extra_css(m)
            .iter()
            .map(|f| format!("../../{f}"))
            .collect();
        let mut ctx = chrome::context(&chrome);
        let title =
            crate::text::i18n::strip_isolation(&m.strings.get(&l.code, "search-title", None));
        ctx.insert("meta", &meta(m, &chrome, &l.code, &title, PageKind::Search));
        let path = index_file(&search_path(&l.code));
        render_one(tera, "search.html", &ctx, &path, out, diags);
    }

    for (name, bytes) in theme.statics() {
        out.add(name.to_string(), bytes.to_vec());
    }
    if let Some(a) = &config.accent {
        out.add(
            chrome::BRAND_CSS,
            format!(
                "/* The organisation's colour (brand: accent in site.yaml), and its readable shade\n   for the dark scheme. Written by Sulam. */\n:root {{ --accent: {}; }}\n@media (prefers-color-scheme: dark) {{\n  :root {{ --accent: {}; }}\n}}\n",
                a.light, a.dark
            ),
        );
    }
    for (name, source) in &theme.site_statics {
        out.copy(name.clone(), source.clone());
    }
}

/// What names every page: the redirects of renamed entries, the feeds, the sitemap and
/// robots.txt.
fn write_indexes(m: &Model, tera: &tera::Tera, out: &mut Output, diags: &mut Diagnostics) {
    let config = m.config;
    crate::render::redirects::write_redirects(m, tera, out, diags);
    crate::render::feed::write_feeds(m, out);
    out.add("sitemap.xml", sitemap(m));
    out.add(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            config.absolute("sitemap.xml")
        ),
    );
}
