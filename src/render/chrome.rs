//! What every page has around its content: the site, the page's language and direction, the
//! language switcher and hreflang alternates, the navigation and the footer.

use serde::Serialize;
use tera::Context;

use crate::model::content::{Collection, STATEMENT};
use crate::model::urls::{feed_path, home_path, list_path};
use crate::render::keys::UiKey;
use crate::render::{Model, Text};
use crate::text::lang::{Language, native_name};

/// The context every page has: site, language, switcher, navigation.
#[derive(Serialize, Clone)]
pub struct Chrome {
    pub lang: String,
    pub dir: &'static str,
    pub lang_name: String,
    pub site_title: String,
    /// The site's title as HTML for the page: a wholly Latin title on a right-to-left page
    /// keeps its own direction.
    pub site_title_html: String,
    pub base_path: String,
    pub home_url: String,
    /// The page's own absolute address, or the original's for a fallback page.
    pub canonical: String,
    /// The same page in each language, for the switcher.
    pub switcher: Vec<Alternate>,
    /// hreflang alternates: real translations only, none when the page has no translation.
    pub hreflang: Vec<Alternate>,
    /// The address for `hreflang="x-default"` beside the alternates: the root language chooser.
    pub x_default: String,
    pub nav: Vec<NavItem>,
    pub footer: Vec<NavItem>,
    pub css: String,
    /// Stylesheets linked after the theme's: the brand's colours (`sulam-brand.css`) and the
    /// site's own `static/custom.css`, when there are.
    pub extra_css: Vec<String>,
    /// `brand: logo`, shown in the header beside the title (the title is its alt).
    pub logo: Option<String>,
    /// The Atom feed of news in the page's language, when the site has news, and its title.
    pub feed: Option<String>,
    pub feed_title: String,
    /// The site's icon (its own `static/favicon.svg`, `.png` or `.ico`, else the theme's), its
    /// type, and the touch icon.
    pub icon: String,
    pub icon_type: &'static str,
    pub touch_icon: String,
    pub generator: &'static str,
    /// `extra:` of site.yaml.
    pub extra: serde_json::Value,
}

#[derive(Serialize, Clone)]
pub struct Alternate {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
    pub url: String,
    pub absolute: String,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct NavItem {
    pub url: String,
    /// A UI-string key, or a title for a page entry.
    pub key: Option<String>,
    pub title: Option<Text>,
    pub current: bool,
}

/// The chrome of the page at `path_of(lang)` in `lang`; `has(lang)` tells which languages have
/// a real translation of it (for hreflang and canonical).
pub fn chrome(
    m: &Model,
    lang: &str,
    path_of: &dyn Fn(&str) -> String,
    has: &dyn Fn(&str) -> bool,
    section: Option<&str>,
) -> Chrome {
    let canonical_lang = if has(lang) {
        lang.to_string()
    } else {
        std::iter::once(lang)
            .chain(m.config.fallback_chain(lang))
            .find(|l| has(l))
            .unwrap_or(lang)
            .to_string()
    };
    let (switcher, hreflang) = alternates(m, lang, path_of, has);
    let (icon, icon_type) = match &m.config.favicon {
        Some((name, ty)) => (name.as_str(), *ty),
        None => (THEME_ICON, "image/svg+xml"),
    };
    // The site's own icon is its touch icon too, unless it is an .ico (which phones ignore).
    let touch_icon = match &m.config.favicon {
        Some((name, ty)) if !ty.is_empty() => name.as_str(),
        _ => TOUCH_ICON,
    };
    Chrome {
        lang: lang.to_string(),
        dir: m.dir_of(lang).as_str(),
        lang_name: native_name(lang),
        site_title_html: m.html(&m.config.site_title(lang), lang),
        site_title: m.config.site_title(lang),
        base_path: m.config.base_path.clone(),
        home_url: m.config.link(&home_path(lang)),
        canonical: m.config.absolute(&path_of(&canonical_lang)),
        switcher,
        hreflang,
        x_default: m.config.absolute(""),
        nav: nav(m, lang, section),
        footer: footer(m, lang),
        css: m.config.link("sulam.css"),
        extra_css: extra_css(m).iter().map(|f| m.config.link(f)).collect(),
        logo: m
            .config
            .brand
            .logo
            .as_ref()
            .map(|l| m.config.link(l.value.trim())),
        feed: (m.content.of(Collection::News).next().is_some())
            .then(|| m.config.link(&feed_path(lang))),
        feed_title: feed_title(m, lang),
        icon: m.config.link(icon),
        icon_type,
        touch_icon: m.config.link(touch_icon),
        generator: concat!("Sulam ", env!("CARGO_PKG_VERSION")),
        extra: m.config.extra.clone(),
    }
}

/// The brand's colours, written by `extras` when site.yaml sets `brand: accent`.
pub const BRAND_CSS: &str = "sulam-brand.css";
/// The site's own stylesheet in `static/`, linked after the theme's.
pub const CUSTOM_CSS: &str = "custom.css";

/// The stylesheets after the theme's, as files of the site: the brand's, then the site's own.
pub fn extra_css(m: &Model) -> Vec<&'static str> {
    let mut v = Vec::new();
    if m.config.accent.is_some() {
        v.push(BRAND_CSS);
    }
    // Looked for once, when site.yaml is read: this runs for every page.
    if m.config.custom_css {
        v.push(CUSTOM_CSS);
    }
    v
}

/// The theme's icons, published at the site's root under names of the theme's own, so that a
/// site's `static/favicon.ico` is never a clash.
pub const THEME_ICON: &str = "sulam-icon.svg";
pub const TOUCH_ICON: &str = "sulam-touch-icon.png";

/// The title of the news feed in `lang`, the same words in the feed and in the pages' link to it.
pub fn feed_title(m: &Model, lang: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("site", m.config.site_title(lang));
    crate::text::i18n::strip_isolation(&m.strings.get(lang, "feed-title", Some(&args)))
}

/// The page in each language, for the switcher; and in those that have a real translation of
/// it, for hreflang (none when the page in `lang` is itself a fallback).
fn alternates(
    m: &Model,
    lang: &str,
    path_of: &dyn Fn(&str) -> String,
    has: &dyn Fn(&str) -> bool,
) -> (Vec<Alternate>, Vec<Alternate>) {
    let alt = |l: &Language| Alternate {
        code: l.code.clone(),
        name: native_name(&l.code),
        dir: l.dir.as_str(),
        url: m.config.link(&path_of(&l.code)),
        absolute: m.config.absolute(&path_of(&l.code)),
        current: l.code == lang,
    };
    let switcher: Vec<Alternate> = m.config.languages.iter().map(alt).collect();
    let mut hreflang: Vec<Alternate> = if has(lang) {
        m.config
            .languages
            .iter()
            .filter(|l| has(&l.code))
            .map(alt)
            .collect()
    } else {
        Vec::new()
    };
    // A page with no translation has no alternates: a lone hreflang naming itself says nothing.
    if hreflang.len() < 2 {
        hreflang.clear();
    }
    (switcher, hreflang)
}

/// The lists of the collections that have entries; `section` is the current one.
fn nav(m: &Model, lang: &str, section: Option<&str>) -> Vec<NavItem> {
    let mut nav = Vec::new();
    for c in [
        Collection::Initiatives,
        Collection::Partners,
        Collection::Towns,
        Collection::Networks,
        Collection::Domains,
        Collection::People,
        Collection::News,
    ] {
        if m.content.of(c).next().is_some() {
            nav.push(NavItem {
                url: m.config.link(&list_path(c, lang)),
                key: Some(c.ui_key()),
                title: None,
                current: section == Some(c.name()),
            });
        }
    }
    // The site's own links (`menu:` in site.yaml), after the collections.
    for item in &m.config.menu {
        let (Some(url), Some((title, title_lang))) = (
            crate::model::brand::menu_link(item, lang, &|p| m.config.link(p)),
            m.config.localized(&item.title, lang),
        ) else {
            continue;
        };
        nav.push(NavItem {
            url,
            key: None,
            title: Some(m.text(title, &title_lang, lang)),
            current: false,
        });
    }
    nav
}

/// The page entries but home, and the accessibility statement when no page entry holds it.
fn footer(m: &Model, lang: &str) -> Vec<NavItem> {
    let mut footer = Vec::new();
    for e in m.content.of(Collection::Pages).filter(|e| !e.is_home()) {
        footer.push(NavItem {
            url: m.entry_url(Collection::Pages, &e.id, lang),
            key: None,
            title: Some(m.title_of(e, lang)),
            current: false,
        });
    }
    if m.config.accessibility.is_some() && m.content.statement().is_none() {
        footer.push(NavItem {
            url: m.entry_url(Collection::Pages, STATEMENT, lang),
            key: Some("accessibility-statement".into()),
            title: None,
            current: false,
        });
    }
    footer
}

/// A template context with the chrome, and the page's `lang` and `dir` at the top level.
pub fn context(chrome: &Chrome) -> Context {
    let mut ctx = Context::new();
    ctx.insert("lang", &chrome.lang);
    ctx.insert("dir", &chrome.dir);
    ctx.insert("chrome", chrome);
    ctx
}
