//! Metadata for sharing and search engines: Open Graph and Twitter card tags in the page's
//! language (with `og:locale:alternate` for real translations), and schema.org JSON-LD —
//! Organization for partners, Project for initiatives, Person, Place, NewsArticle, WebSite,
//! and a BreadcrumbList on entry pages.

use serde::Serialize;
use serde_json::{Value, json};

use crate::model::content::{Collection, Entry, Facts, Role};
use crate::model::urls::{entry_path, home_path, list_path};
use crate::render::keys::UiKey;
use crate::render::{Model, chrome::Chrome, entry::EntryView};
use crate::text::i18n::strip_isolation;

#[derive(Serialize, Default)]
pub struct Meta {
    /// `<meta property=… content=…>` pairs.
    pub og: Vec<(String, String)>,
    /// `<meta name=… content=…>` pairs.
    pub named: Vec<(String, String)>,
    /// The JSON-LD, ready to sit inside `<script type="application/ld+json">`.
    pub jsonld: String,
}

/// `og:locale` wants language_TERRITORY.
fn og_locale(code: &str) -> String {
    match code.split('-').next().unwrap_or(code) {
        "he" => "he_IL".into(),
        "ar" => "ar_AR".into(),
        "en" => "en_US".into(),
        "ru" => "ru_RU".into(),
        "fr" => "fr_FR".into(),
        other => other.to_string(),
    }
}

/// JSON for a `<script>` element: no `<`, `>` or `&` in it, so nothing can end it early or
/// read as markup.
fn script_json(v: &Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The metadata of a page. `view` is the entry the page shows, if any; `title` its title.
pub fn meta(
    m: &Model,
    chrome: &Chrome,
    lang: &str,
    title: &str,
    view: Option<(&Entry, &EntryView)>,
) -> Meta {
    let mut meta = Meta::default();
    let site_name = m.config.site_title(lang);
    let description = view
        .and_then(|(_, v)| v.summary.as_ref())
        .map(|s| s.text.clone());
    let image = view
        .and_then(|(_, v)| v.image.as_ref())
        .map(|i| m.config.absolute(i.trim_start_matches(&m.config.base_path)));
    let url = chrome.canonical.clone();
    let text_lang = view
        .and_then(|(_, v)| v.fallback.clone())
        .unwrap_or_else(|| lang.to_string());

    let og = &mut meta.og;
    og.push(("og:site_name".into(), site_name.clone()));
    og.push(("og:title".into(), title.to_string()));
    og.push((
        "og:type".into(),
        if view.is_some() { "article" } else { "website" }.into(),
    ));
    og.push(("og:url".into(), url.clone()));
    og.push(("og:locale".into(), og_locale(&text_lang)));
    for alt in chrome.hreflang.iter().filter(|a| a.code != lang) {
        og.push(("og:locale:alternate".into(), og_locale(&alt.code)));
    }
    if let Some(d) = &description {
        og.push(("og:description".into(), d.clone()));
    }
    if let Some(i) = &image {
        og.push(("og:image".into(), i.clone()));
    }
    let named = &mut meta.named;
    named.push((
        "twitter:card".into(),
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        }
        .into(),
    ));
    named.push(("twitter:title".into(), title.to_string()));
    if let Some(d) = &description {
        named.push(("twitter:description".into(), d.clone()));
    }

    let mut graph: Vec<Value> = Vec::new();
    match view {
        None => graph.push(json!({
            "@type": "WebSite",
            "name": site_name,
            "url": url,
            "inLanguage": lang,
        })),
        Some((entry, v)) => {
            let mut base = json!({ "name": title, "url": url, "inLanguage": text_lang });
            if let (Some(d), Some(map)) = (&description, base.as_object_mut()) {
                map.insert("description".into(), d.clone().into());
            }
            graph.push(entry_ld(m, entry, v, base, title, image.as_deref()));
            graph.push(breadcrumbs_ld(m, lang, entry, title));
        }
    }
    let doc = json!({ "@context": "https://schema.org", "@graph": graph });
    meta.jsonld = script_json(&doc);
    meta
}

/// `o` holds what every entry has: name, url, inLanguage, description.
fn entry_ld(
    m: &Model,
    entry: &Entry,
    v: &EntryView,
    mut o: Value,
    title: &str,
    image: Option<&str>,
) -> Value {
    let abs = |link: &str| {
        m.config
            .absolute(link.trim_start_matches(&m.config.base_path))
    };
    let Some(map) = o.as_object_mut() else {
        return o;
    };
    let ty = match &entry.facts {
        Facts::Initiative(f) => {
            if let Some(s) = &f.started {
                map.insert("foundingDate".into(), s.value.to_string().into());
            }
            if let Some(e) = &f.ends {
                map.insert("dissolutionDate".into(), e.value.to_string().into());
            }
            if let Some(w) = &f.website {
                map.insert("sameAs".into(), w.value.trim().into());
            }
            let place = |l: &crate::render::Link| json!({"@type": "Place", "name": l.title.text, "url": abs(&l.url)});
            if !v.towns().is_empty() {
                map.insert(
                    "areaServed".into(),
                    v.towns().iter().map(place).collect::<Vec<_>>().into(),
                );
            }
            let org = |l: &crate::render::Link| json!({"@type": "Organization", "name": l.title.text, "url": abs(&l.url)});
            let funder = Some(Role::Funder.ui_key());
            let funders: Vec<Value> = v
                .partners()
                .iter()
                .filter(|p| p.role == funder)
                .map(org)
                .collect();
            if !funders.is_empty() {
                map.insert("funder".into(), funders.into());
            }
            let members: Vec<Value> = v
                .partners()
                .iter()
                .filter(|p| p.role != funder)
                .map(org)
                .collect();
            if !members.is_empty() {
                map.insert("member".into(), members.into());
            }
            "Project"
        }
        Facts::Partner(f) => {
            if let Some(w) = &f.website {
                map.insert("sameAs".into(), w.value.trim().into());
            }
            if let Some(i) = image {
                map.insert("logo".into(), i.into());
            }
            "Organization"
        }
        Facts::Person(_) => {
            if let Some(r) = v.role() {
                map.insert("jobTitle".into(), r.text.clone().into());
            }
            if let Some(o) = v.organisation() {
                map.insert(
                    "worksFor".into(),
                    json!({"@type": "Organization", "name": o.title.text, "url": abs(&o.url)}),
                );
            }
            "Person"
        }
        Facts::Town(f) => {
            if let Some(c) = &f.coordinates {
                map.insert("geo".into(), json!({"@type": "GeoCoordinates", "latitude": c.value[0], "longitude": c.value[1]}));
            }
            "Place"
        }
        Facts::News(f) => {
            map.remove("name");
            map.insert("headline".into(), title.into());
            if let Some(d) = &f.date {
                map.insert("datePublished".into(), d.value.trim().into());
            }
            "NewsArticle"
        }
        Facts::Network(_) => "Organization",
        Facts::Term(_) => "DefinedTerm",
        Facts::Page(_) => "WebPage",
    };
    if let Some(i) = image.filter(|_| !matches!(entry.facts, Facts::Partner(_))) {
        map.insert("image".into(), i.into());
    }
    map.insert("@type".into(), ty.into());
    o
}

fn breadcrumbs_ld(m: &Model, lang: &str, entry: &Entry, title: &str) -> Value {
    let list_name = strip_isolation(&m.strings.get(lang, &entry.collection.ui_key(), None));
    let home = strip_isolation(&m.strings.get(lang, "home", None));
    let mut items = vec![(home, m.config.absolute(&home_path(lang)))];
    if entry.collection != Collection::Pages {
        items.push((
            list_name,
            m.config.absolute(&list_path(entry.collection, lang)),
        ));
    }
    items.push((
        title.to_string(),
        m.config
            .absolute(&entry_path(entry.collection, &entry.id, lang)),
    ));
    json!({
        "@type": "BreadcrumbList",
        "itemListElement": items.iter().enumerate().map(|(i, (name, url))| json!({
            "@type": "ListItem", "position": i + 1, "name": name, "item": url,
        })).collect::<Vec<_>>(),
    })
}
