//! Metadata for sharing and search engines: a description of every page in its language, Open
//! Graph and Twitter card tags (with `og:locale:alternate` for real translations, and the
//! theme's share picture where a page has none of its own), and schema.org JSON-LD: each page
//! is a `WebPage`, `CollectionPage` or `SearchResultsPage` in its language, whose main entity
//! is the Project, Organization, Person, Place or NewsArticle it shows; entry pages carry a
//! BreadcrumbList, home pages the `WebSite` with its search.

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;
use serde_json::{Value, json};

use crate::model::content::{Collection, Entry, Facts, InitiativeFacts, Role};
use crate::model::urls::{entry_path, home_path, list_path, search_path};
use crate::render::keys::UiKey;
use crate::render::media::PictureView;
use crate::render::{Link, Model, chrome::Chrome, entry::EntryView};
use crate::text::escape::{cut, html_text};
use crate::text::i18n::strip_isolation;

#[derive(Serialize, Default)]
pub struct Meta {
    /// The page's description, in its language, for `<meta name="description">`.
    pub description: String,
    /// `<meta property=… content=…>` pairs.
    pub og: Vec<(String, String)>,
    /// `<meta name=… content=…>` pairs.
    pub named: Vec<(String, String)>,
    /// The JSON-LD, ready to sit inside `<script type="application/ld+json">`.
    pub jsonld: String,
}

/// What a page is, for its description and its schema.org type.
pub enum PageKind<'a> {
    /// The home page of a language, with the view of the home entry when the site has one.
    Home(Option<&'a EntryView>),
    /// A page of the list of a collection (of a year's news too).
    List(Collection, Listed<'a>),
    /// A page of a plain filter page of the initiatives: the facet's name, the value's, the
    /// initiatives.
    Filter(&'a str, &'a str, Listed<'a>),
    /// The search page of a language.
    Search,
    /// The page of an entry.
    Entry(&'a Entry, &'a EntryView),
    /// The accessibility statement's own page, when no entry holds its text.
    Statement(&'a EntryView),
}

/// The entries one page of a list shows, of how many in all.
#[derive(Clone, Copy)]
pub struct Listed<'a> {
    pub items: &'a [Link],
    /// The whole list's length.
    pub total: usize,
    /// How many entries the pages before this one show.
    pub before: usize,
}

/// How long a description made from the page's text is, at most, in characters: about what
/// search engines show.
const DESCRIPTION_CHARS: usize = 155;

/// How many items of a list its JSON-LD names (it says how many there are in all).
const LISTED_ITEMS: usize = 50;

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

/// The metadata of a page titled `title`.
pub fn meta(m: &Model, chrome: &Chrome, lang: &str, title: &str, kind: PageKind) -> Meta {
    let site_name = m.config.site_title(lang);
    let view = match kind {
        PageKind::Entry(_, v) => Some(v),
        PageKind::Home(v) => v,
        PageKind::Statement(v) => Some(v),
        _ => None,
    };
    let description = description(m, lang, &site_name, &kind);
    let own_picture = view.and_then(|v| v.image.as_ref());
    let own_image = own_picture.map(|i| {
        m.config
            .absolute(i.src.trim_start_matches(&m.config.base_path))
    });
    let url = chrome.canonical.clone();
    let text_lang = view
        .and_then(|v| v.fallback.clone())
        .unwrap_or_else(|| lang.to_string());

    let mut meta = Meta {
        description: description.clone(),
        ..Meta::default()
    };
    let og = &mut meta.og;
    og.push(("og:site_name".into(), site_name.clone()));
    og.push(("og:title".into(), title.to_string()));
    let article = matches!(kind, PageKind::Entry(..));
    og.push((
        "og:type".into(),
        if article { "article" } else { "website" }.into(),
    ));
    og.push(("og:url".into(), url.clone()));
    og.push(("og:locale".into(), og_locale(&text_lang)));
    for alt in chrome.hreflang.iter().filter(|a| a.code != lang) {
        og.push(("og:locale:alternate".into(), og_locale(&alt.code)));
    }
    og.push(("og:description".into(), description.clone()));
    share_image(m, own_picture, og);
    og.push((
        "og:image:alt".into(),
        image_alt(m, lang, title, own_picture),
    ));
    let named = &mut meta.named;
    if matches!(kind, PageKind::Search) || view.is_some_and(|v| v.draft) {
        // Result pages change with every query; the pages they lead to are what to index.
        named.push(("robots".into(), "noindex".into()));
    }
    named.push((
        "twitter:card".into(),
        if own_image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        }
        .into(),
    ));
    named.push(("twitter:title".into(), title.to_string()));
    named.push(("twitter:description".into(), description.clone()));

    let page = json!({
        "url": url,
        "name": title,
        "description": description,
        "inLanguage": text_lang,
        "isPartOf": {
            "@type": "WebSite",
            "@id": website_id(m, lang),
            "name": site_name,
            "url": m.config.absolute(&home_path(lang)),
        },
    });
    let graph = match kind {
        PageKind::Entry(entry, v) => {
            entry_graph(m, lang, entry, v, page, title, own_image.as_deref())
        }
        PageKind::Home(_) => vec![website_ld(m, lang, &site_name), typed(page, "WebPage")],
        PageKind::List(_, listed) | PageKind::Filter(_, _, listed) => {
            let mut page = typed(page, "CollectionPage");
            if let Some(o) = page.as_object_mut() {
                o.insert("mainEntity".into(), item_list(m, &listed));
            }
            vec![page]
        }
        PageKind::Search => vec![typed(page, "SearchResultsPage")],
        PageKind::Statement(_) => vec![typed(page, "WebPage")],
    };
    let doc = json!({ "@context": "https://schema.org", "@graph": graph });
    meta.jsonld = script_json(&doc);
    meta
}

/// The entry's own picture, else the site's share picture, which shows no words: its address
/// and size.
fn share_image(m: &Model, own: Option<&PictureView>, og: &mut Vec<(String, String)>) {
    let (url, size) = match own {
        Some(p) => (
            m.config
                .absolute(p.src.trim_start_matches(&m.config.base_path)),
            p.width.zip(p.height),
        ),
        None => match &m.config.brand.social_image {
            Some(s) => (m.config.absolute(s.value.trim()), None),
            None => (
                m.config.absolute(SOCIAL_IMAGE.0),
                Some((SOCIAL_IMAGE.1, SOCIAL_IMAGE.2)),
            ),
        },
    };
    og.push(("og:image".into(), url));
    if let Some((w, h)) = size {
        og.push(("og:image:width".into(), w.to_string()));
        og.push(("og:image:height".into(), h.to_string()));
    }
}

/// The theme's share picture (address in the site, width, height), for pages without a
/// picture of their own.
pub const SOCIAL_IMAGE: (&str, u32, u32) = ("sulam-social.png", 1200, 630);

/// What the share picture shows, in the page's language.
fn image_alt(m: &Model, lang: &str, title: &str, own: Option<&PictureView>) -> String {
    match own {
        Some(p) if !p.alt.trim().is_empty() => p.alt.clone(),
        Some(_) => title.to_string(),
        // The organisation's own share picture: its name is what it shows.
        None if m.config.brand.social_image.is_some() => m.config.site_title(lang),
        None => strip_isolation(&m.strings.get(lang, "social-image-alt", None)),
    }
}

/// `o` with its `@type`.
fn typed(mut o: Value, ty: &str) -> Value {
    if let Some(map) = o.as_object_mut() {
        map.insert("@type".into(), ty.into());
    }
    o
}

fn website_id(m: &Model, lang: &str) -> String {
    format!("{}#website", m.config.absolute(&home_path(lang)))
}

/// The site in `lang`, with its search.
fn website_ld(m: &Model, lang: &str, site_name: &str) -> Value {
    json!({
        "@type": "WebSite",
        "@id": website_id(m, lang),
        "name": site_name,
        "url": m.config.absolute(&home_path(lang)),
        "inLanguage": lang,
        "potentialAction": {
            "@type": "SearchAction",
            "target": format!("{}?q={{search_term_string}}", m.config.absolute(&search_path(lang))),
            "query-input": "required name=search_term_string",
        },
    })
}

/// The first items of a list page, at their places in the whole list, with how many there
/// are in all.
fn item_list(m: &Model, listed: &Listed) -> Value {
    json!({
        "@type": "ItemList",
        "numberOfItems": listed.total,
        "itemListElement": listed.items.iter().take(LISTED_ITEMS).enumerate().map(|(i, l)| json!({
            "@type": "ListItem",
            "position": listed.before + i + 1,
            "name": l.title.text,
            "url": m.config.absolute(l.url.trim_start_matches(&m.config.base_path)),
        })).collect::<Vec<_>>(),
    })
}

/// Every page's description, in its language: an entry's summary, else the beginning of its
/// text; for the pages that are not an entry's, what they hold.
pub fn description(m: &Model, lang: &str, site: &str, kind: &PageKind) -> String {
    let ui = |key: &str, args: &[(&str, FluentValue)]| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(k.to_string(), v.clone());
        }
        strip_isolation(&m.strings.get(lang, key, Some(&a)))
    };
    let count = |c: Collection, n: usize| {
        ui(
            &format!("count-{}", c.name()),
            &[("count", FluentValue::from(n as f64))],
        )
    };
    let of_view = |v: &EntryView| {
        v.summary.as_ref().map(|s| s.text.clone()).or_else(|| {
            v.body
                .as_deref()
                .map(html_text)
                .filter(|t| !t.is_empty())
                .map(|t| cut(&t, DESCRIPTION_CHARS))
        })
    };
    match kind {
        PageKind::Entry(e, v) => of_view(v).unwrap_or_else(|| {
            let kind = ui(&format!("singular-{}", e.collection.name()), &[]);
            let title = v.title.as_ref().map_or(e.id.as_str(), |t| t.text.as_str());
            format!("{title} · {kind} · {site}")
        }),
        PageKind::Home(v) => v.and_then(of_view).unwrap_or_else(|| site.to_string()),
        PageKind::Statement(v) => of_view(v).unwrap_or_else(|| site.to_string()),
        PageKind::List(c, listed) => format!("{} · {site}", count(*c, listed.total)),
        PageKind::Filter(facet, value, listed) => format!(
            "{facet}: {value} · {} · {site}",
            count(Collection::Initiatives, listed.total)
        ),
        PageKind::Search => ui("search-description", &[("site", FluentValue::from(site))]),
    }
}

/// An entry's page: a `WebPage` (a `ProfilePage` for a person) in the page's language, with its
/// breadcrumbs, whose main entity is what the entry is: a `Project`, an `Organization`, a
/// `Person`, a `Place`, a `NewsArticle`, a `DefinedTerm`. A plain page is the `WebPage` alone.
fn entry_graph(
    m: &Model,
    lang: &str,
    entry: &Entry,
    v: &EntryView,
    page: Value,
    title: &str,
    image: Option<&str>,
) -> Vec<Value> {
    let page_type = match entry.facts {
        Facts::Person(_) => "ProfilePage",
        _ => "WebPage",
    };
    let mut page = typed(page, page_type);
    let breadcrumb = breadcrumbs_ld(m, lang, entry, title);
    if let Some(o) = page.as_object_mut() {
        o.insert("breadcrumb".into(), breadcrumb);
        if let Some(i) = image {
            o.insert("primaryImageOfPage".into(), i.into());
        }
        if !matches!(entry.facts, Facts::Page(_)) {
            let mut thing = json!({ "name": title, "url": o["url"].clone() });
            if let (Some(t), Some(d)) = (thing.as_object_mut(), o.get("description")) {
                t.insert("description".into(), d.clone());
                // Of these types only a news article is a creative work with a language.
                if matches!(entry.facts, Facts::News(_)) {
                    t.insert("inLanguage".into(), o["inLanguage"].clone());
                }
            }
            o.insert(
                "mainEntity".into(),
                entry_ld(m, entry, v, thing, title, image),
            );
        }
    }
    vec![page]
}

/// `o` holds what every entry has: name, url, description.
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
            initiative_ld(map, f, v, &abs);
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
            if let Some(o) = v.organisation().filter(|o| !o.url.is_empty()) {
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
    if let Some(c) = v.contact() {
        contact_ld(map, c);
    }
    map.insert("@type".into(), ty.into());
    o
}

/// A partner's or a person's e-mail, phone and address, also as a `ContactPoint`.
fn contact_ld(map: &mut serde_json::Map<String, Value>, c: &crate::render::entry::Contact) {
    let mut point = serde_json::Map::new();
    if let Some(e) = &c.email {
        map.insert("email".into(), e.as_str().into());
        point.insert("email".into(), e.as_str().into());
    }
    if let Some(p) = &c.phone {
        map.insert("telephone".into(), p.shown.as_str().into());
        point.insert("telephone".into(), p.shown.as_str().into());
    }
    if let Some(a) = &c.address {
        map.insert("address".into(), a.text.as_str().into());
    }
    if !point.is_empty() {
        point.insert("@type".into(), "ContactPoint".into());
        map.insert("contactPoint".into(), Value::Object(point));
    }
}

/// A `Project`'s dates, website, towns, funders and other partners.
fn initiative_ld(
    map: &mut serde_json::Map<String, Value>,
    f: &InitiativeFacts,
    v: &EntryView,
    abs: &dyn Fn(&str) -> String,
) {
    if let Some(s) = &f.started {
        map.insert("foundingDate".into(), s.value.to_string().into());
    }
    if let Some(e) = &f.ends {
        map.insert("dissolutionDate".into(), e.value.to_string().into());
    }
    if let Some(w) = &f.website {
        map.insert("sameAs".into(), w.value.trim().into());
    }
    // A draft is named without an address (its `url` is empty).
    let thing = |ty: &str, l: &crate::render::Link| {
        let mut o = json!({"@type": ty, "name": l.title.text});
        if !l.url.is_empty() {
            o["url"] = abs(&l.url).into();
        }
        o
    };
    let place = |l: &crate::render::Link| thing("Place", l);
    if !v.towns().is_empty() {
        map.insert(
            "areaServed".into(),
            v.towns().iter().map(place).collect::<Vec<_>>().into(),
        );
    }
    let org = |l: &crate::render::Link| thing("Organization", l);
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
