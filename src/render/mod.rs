//! The render stage: for each page (an entry, a list, a home page) in each language, a view of
//! the model in that language — with the fallback text marked — given to a Tera template.
//!
//! Text that a page borrows from another language carries that language's `lang` and `dir`
//! (`attrs`), and Latin runs in right-to-left text are isolated (`html`); templates print
//! `html` and `attrs` as they are and never need to know the bidi rules.

pub mod chrome;
pub mod extras;
pub mod feed;
pub mod filters;
pub mod map;
pub mod meta;
pub mod pages;
pub mod related;
pub mod sitemap;
pub mod statement;
pub mod theme;

pub use pages::Page;

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::content::{
    Collection, Content, Entry, Facts, FigureValue, Front, LangFile, Outcome,
};
use crate::model::link::Links;
pub use crate::model::urls::entry_path;
use crate::text::format::{Formats, LangFormat};
use crate::text::i18n::{Strings, strip_isolation};
use crate::text::lang::{Dir, isolate_ltr_runs};
use crate::text::markdown;

/// Everything a page needs, built once per build and shared by all pages.
pub struct Model<'a> {
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub links: &'a Links,
    pub formats: &'a Formats,
    pub strings: &'a Strings,
    pub bodies: &'a Bodies,
    pub related: &'a crate::model::related::Relatedness,
}

/// One entry's Markdown bodies as HTML, by the language of the file, with what the cleaner
/// removed from them.
#[derive(Default)]
pub struct EntryBodies {
    pub html: BTreeMap<String, String>,
    pub problems: Vec<Diagnostic>,
}

/// Every entry's Markdown bodies, each rendered once whatever number of pages show it.
#[derive(Default)]
pub struct Bodies {
    by_entry: HashMap<(Collection, String), EntryBodies>,
}

impl Bodies {
    pub fn render_all(config: &SiteConfig, content: &Content) -> Bodies {
        let by_entry = content
            .entries
            .par_iter()
            .map(|(key, e)| (key.clone(), Bodies::render_entry(config, e)))
            .collect();
        Bodies { by_entry }
    }

    pub fn render_entry(config: &SiteConfig, e: &Entry) -> EntryBodies {
        let mut out = EntryBodies::default();
        for (lang, lf) in &e.texts {
            let dir = config.language(lang).map(|l| l.dir).unwrap_or(Dir::Ltr);
            let r = markdown::render(&lf.body, lang, dir, &config.languages);
            if !r.removed.is_empty() {
                out.problems.push(
                    Diagnostic::warning(format!(
                        "removed from the page because it could run code in a reader's browser: {}",
                        r.removed.join(", ")
                    ))
                    .in_file(&lf.path)
                    .hint("use plain Markdown or HTML without script, on...= attributes or javascript: addresses"),
                );
            }
            out.html.insert(lang.clone(), r.html);
        }
        out
    }

    /// Replaces one entry's bodies (`None`: the entry is gone).
    pub fn set(&mut self, key: (Collection, String), bodies: Option<EntryBodies>) {
        match bodies {
            Some(b) => self.by_entry.insert(key, b),
            None => self.by_entry.remove(&key),
        };
    }

    pub fn get(&self, c: Collection, id: &str, lang: &str) -> Option<&String> {
        self.by_entry.get(&(c, id.to_string()))?.html.get(lang)
    }

    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.by_entry.values().flat_map(|b| b.problems.iter())
    }
}

/// A text in some language, ready for the page.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    /// The plain text, for attributes and sorting.
    pub text: String,
    /// Escaped, Latin runs isolated: print with `| safe`.
    pub html: String,
    pub lang: String,
    /// ` lang="he" dir="rtl"` when the text is not in the page's language, else empty.
    pub attrs: String,
    pub foreign: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub id: String,
    pub collection: Collection,
    pub url: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// A partner's role in an initiative, as a UI-string key (`role-lead`).
    pub role: Option<String>,
    /// A news item's date, formatted for the page.
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub image: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Block<T: Serialize> {
    pub attrs: String,
    pub items: T,
}

#[derive(Debug, Clone, Serialize)]
pub struct TitledText {
    pub title: String,
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutcomeGroup {
    pub title: Option<String>,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub id: String,
    pub value: String,
    pub year: Option<String>,
    pub label: Option<Text>,
    pub source: Option<Text>,
}

/// One entry as a page in one language shows it.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EntryView {
    pub id: String,
    pub collection: String,
    pub url: String,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    pub body: Option<String>,
    /// ` lang=".." dir=".."` for the body when it comes from another language.
    pub body_attrs: String,
    /// The language the entry's text comes from, when the page's own is missing.
    pub fallback: Option<String>,
    /// The fields taken from another language than the entry's own text.
    pub partial_fallback: Vec<String>,
    /// The language the first of those fields came from.
    pub partial_lang: Option<String>,
    pub pillars: Option<Block<Vec<TitledText>>>,
    pub milestones: Option<Block<Vec<TitledText>>>,
    pub outcomes: Option<Block<Vec<OutcomeGroup>>>,
    pub team: Option<Block<Vec<TitledText>>>,
    pub audience: Option<Text>,
    pub timeframe: Option<Text>,
    pub role: Option<Text>,
    pub status: Option<String>,
    pub started: Option<String>,
    pub ends: Option<String>,
    pub ages: Option<(String, String)>,
    pub website: Option<String>,
    pub image: Option<String>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub district: Option<String>,
    pub kind: Option<String>,
    pub coordinates: Option<(String, String)>,
    pub cluster: Option<i64>,
    pub figures: Vec<FigureView>,
    pub partners: Vec<Link>,
    pub towns: Vec<Link>,
    pub networks: Vec<Link>,
    pub domains: Vec<Link>,
    pub related: Vec<Link>,
    /// Related initiatives found from shared facts, when the author named none.
    pub suggested: Vec<related::Suggested>,
    pub news: Vec<Link>,
    pub initiatives: Vec<Link>,
    pub people: Vec<Link>,
    pub sector: Option<Link>,
    pub organisation: Option<Link>,
    /// The map of the entry's towns (initiatives and networks).
    pub map: Option<crate::render::map::TownMap>,
    /// `extra:` of common.yaml.
    pub extra: Option<serde_json::Value>,
    /// `extra:` of the language file (with fallback).
    pub text_extra: Option<serde_json::Value>,
}

impl Model<'_> {
    fn dir_of(&self, lang: &str) -> Dir {
        self.config
            .language(lang)
            .map(|l| l.dir)
            .unwrap_or(Dir::Ltr)
    }

    fn fmt(&self, lang: &str) -> &LangFormat {
        self.formats.get(lang)
    }

    /// The language an entry's text is taken from on a page in `lang`.
    pub fn text_lang<'e>(&self, e: &'e Entry, lang: &str) -> Option<(&'e str, &'e LangFile)> {
        if let Some((l, f)) = e.texts.get_key_value(lang) {
            return Some((l.as_str(), f));
        }
        for l in self.config.fallback_chain(lang) {
            if let Some((l, f)) = e.texts.get_key_value(l) {
                return Some((l.as_str(), f));
            }
        }
        e.texts.iter().next().map(|(l, f)| (l.as_str(), f))
    }

    /// A front-matter field on a page in `lang`: from the entry's own file in that language,
    /// else from the first language along the fallback chain that has it.
    fn field<'e, T>(
        &self,
        e: &'e Entry,
        lang: &str,
        get: impl Fn(&'e Front) -> Option<&'e T>,
    ) -> Option<(&'e str, &'e T)> {
        let (primary, _) = self.text_lang(e, lang)?;
        let order = std::iter::once(primary).chain(self.config.fallback_chain(lang));
        for l in order {
            if let Some((code, lf)) = e.texts.get_key_value(l)
                && let Some(v) = get(&lf.front)
            {
                return Some((code.as_str(), v));
            }
        }
        None
    }

    fn attrs(&self, text_lang: &str, page_lang: &str) -> String {
        if text_lang == page_lang {
            String::new()
        } else {
            format!(
                " lang=\"{}\" dir=\"{}\"",
                text_lang,
                self.dir_of(text_lang).as_str()
            )
        }
    }

    pub fn text(&self, s: &str, text_lang: &str, page_lang: &str) -> Text {
        Text {
            text: s.to_string(),
            html: isolate_ltr_runs(s, self.dir_of(text_lang)),
            lang: text_lang.to_string(),
            attrs: self.attrs(text_lang, page_lang),
            foreign: text_lang != page_lang,
        }
    }

    fn html(&self, s: &str, text_lang: &str) -> String {
        isolate_ltr_runs(s, self.dir_of(text_lang))
    }

    pub fn entry_url(&self, c: Collection, id: &str, lang: &str) -> String {
        self.config.link(&entry_path(c, id, lang))
    }

    pub fn title_of(&self, e: &Entry, lang: &str) -> Text {
        match self.field(e, lang, |f| f.title.as_ref()) {
            Some((l, t)) => self.text(t, l, lang),
            None => self.text(&e.id, lang, lang),
        }
    }

    fn image_url(
        &self,
        e: &Entry,
        lang: &str,
        name: &Option<serde_saphyr::Spanned<String>>,
    ) -> Option<String> {
        name.as_ref().map(|n| {
            format!(
                "{}{}",
                self.entry_url(e.collection, &e.id, lang),
                n.value.trim()
            )
        })
    }

    pub fn link_to(&self, c: Collection, id: &str, lang: &str) -> Option<Link> {
        let e = self.content.get(c, id)?;
        let summary = self
            .field(e, lang, |f| f.summary.as_ref())
            .map(|(l, s)| self.text(s, l, lang));
        let (date, date_iso, image) = match &e.facts {
            Facts::News(f) => (
                f.date.as_ref().map(|d| self.fmt(lang).date(d.value.trim())),
                f.date.as_ref().map(|d| d.value.trim().to_string()),
                self.image_url(e, lang, &f.image),
            ),
            Facts::Initiative(f) => (None, None, self.image_url(e, lang, &f.image)),
            Facts::Partner(f) => (None, None, self.image_url(e, lang, &f.logo)),
            Facts::Person(f) => (None, None, self.image_url(e, lang, &f.photo)),
            _ => (None, None, None),
        };
        Some(Link {
            id: id.to_string(),
            collection: c,
            url: self.entry_url(c, id, lang),
            title: self.title_of(e, lang),
            summary,
            role: None,
            date,
            date_iso,
            image,
        })
    }

    fn links<'r>(
        &self,
        c: Collection,
        ids: impl IntoIterator<Item = &'r str>,
        lang: &str,
    ) -> Vec<Link> {
        let mut seen = std::collections::HashSet::new();
        let mut v: Vec<Link> = ids
            .into_iter()
            .filter(|id| seen.insert(id.to_string()))
            .filter_map(|id| self.link_to(c, id, lang))
            .collect();
        self.sort_links(&mut v, lang);
        v
    }

    /// Sorted as the reader's language sorts; `order` first where the collection has it,
    /// news newest first.
    pub fn sort_links(&self, v: &mut [Link], lang: &str) {
        let f = self.fmt(lang);
        v.sort_by(|a, b| {
            let oa = self.order_of(a.collection, &a.id);
            let ob = self.order_of(b.collection, &b.id);
            match (&a.date_iso, &b.date_iso) {
                (Some(da), Some(db)) if da != db => return db.cmp(da),
                _ => {}
            }
            match (oa, ob) {
                (Some(x), Some(y)) if x != y => return x.cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                _ => {}
            }
            f.compare(&a.title.text, &b.title.text)
                .then_with(|| a.id.cmp(&b.id))
        });
    }

    fn order_of(&self, c: Collection, id: &str) -> Option<i64> {
        match &self.content.get(c, id)?.facts {
            Facts::Initiative(f) => f.order,
            Facts::Person(f) => f.order,
            _ => None,
        }
    }

    fn year(&self, y: &Option<serde_saphyr::Spanned<i64>>) -> Option<String> {
        // Years are written without grouping in every language ("2020", not "2,020").
        y.as_ref().map(|y| y.value.to_string())
    }

    fn backrefs(&self, e: &Entry, from: Collection, lang: &str) -> Vec<Link> {
        let ids: Vec<String> = self
            .links
            .from_collection(e.collection, &e.id, from)
            .map(|b| b.id.clone())
            .collect();
        self.links(from, ids.iter().map(String::as_str), lang)
    }

    /// The view of entry `e` on its page in `lang`.
    pub fn entry_view(&self, e: &Entry, lang: &str) -> EntryView {
        let mut v = EntryView {
            id: e.id.clone(),
            collection: e.collection.name().to_string(),
            url: self.entry_url(e.collection, &e.id, lang),
            title: Some(self.title_of(e, lang)),
            extra: e.facts.extra().cloned(),
            ..Default::default()
        };
        let Some((text_lang, lf)) = self.text_lang(e, lang) else {
            return v;
        };
        if text_lang != lang {
            v.fallback = Some(text_lang.to_string());
        }
        let mut borrowed: Vec<(String, String)> = Vec::new();
        let mut note = |name: &str, l: &str| {
            if l != lang && l != text_lang {
                borrowed.push((name.to_string(), l.to_string()));
            }
        };
        if let Some((l, s)) = self.field(e, lang, |f| f.summary.as_ref()) {
            note("summary", l);
            v.summary = Some(self.text(s, l, lang));
        }
        if !lf.body.trim().is_empty() {
            v.body = self.bodies.get(e.collection, &e.id, text_lang).cloned();
            v.body_attrs = self.attrs(text_lang, lang);
        } else if let Some(l) = self
            .config
            .fallback_chain(lang)
            .into_iter()
            .find(|l| e.texts.get(*l).is_some_and(|f| !f.body.trim().is_empty()))
        {
            note("body", l);
            v.body = self.bodies.get(e.collection, &e.id, l).cloned();
            v.body_attrs = self.attrs(l, lang);
        }
        let titled = |items: &Vec<crate::model::content::TitleText>, l: &str| -> Vec<TitledText> {
            items
                .iter()
                .map(|p| TitledText {
                    title: self.html(&p.title, l),
                    text: p.text.as_ref().map(|t| self.html(t, l)),
                })
                .collect()
        };
        if let Some((l, p)) = self.field(e, lang, |f| f.pillars.as_ref()) {
            note("pillars", l);
            v.pillars = Some(Block {
                attrs: self.attrs(l, lang),
                items: titled(p, l),
            });
        }
        if let Some((l, p)) = self.field(e, lang, |f| f.milestones.as_ref()) {
            note("milestones", l);
            v.milestones = Some(Block {
                attrs: self.attrs(l, lang),
                items: titled(p, l),
            });
        }
        if let Some((l, t)) = self.field(e, lang, |f| f.team.as_ref()) {
            note("team", l);
            let items = t
                .iter()
                .map(|r| TitledText {
                    title: self.html(&r.role, l),
                    text: r.text.as_ref().map(|t| self.html(t, l)),
                })
                .collect();
            v.team = Some(Block {
                attrs: self.attrs(l, lang),
                items,
            });
        }
        if let Some((l, o)) = self.field(e, lang, |f| f.outcomes.as_ref()) {
            note("outcomes", l);
            let mut groups: Vec<OutcomeGroup> = Vec::new();
            for item in o {
                match item {
                    Outcome::Plain(s) => match groups.last_mut() {
                        Some(g) if g.title.is_none() => g.items.push(self.html(s, l)),
                        _ => groups.push(OutcomeGroup {
                            title: None,
                            items: vec![self.html(s, l)],
                        }),
                    },
                    Outcome::Group { title, items } => groups.push(OutcomeGroup {
                        title: Some(self.html(title, l)),
                        items: items.iter().map(|s| self.html(s, l)).collect(),
                    }),
                }
            }
            v.outcomes = Some(Block {
                attrs: self.attrs(l, lang),
                items: groups,
            });
        }
        if let Some((l, s)) = self.field(e, lang, |f| f.audience.as_ref()) {
            note("audience", l);
            v.audience = Some(self.text(s, l, lang));
        }
        if let Some((l, s)) = self.field(e, lang, |f| f.timeframe.as_ref()) {
            note("timeframe", l);
            v.timeframe = Some(self.text(s, l, lang));
        }
        if let Some((l, s)) = self.field(e, lang, |f| f.role.as_ref()) {
            note("role", l);
            v.role = Some(self.text(s, l, lang));
        }
        if let Some((l, x)) = self.field(e, lang, |f| f.extra.as_ref()) {
            note("extra", l);
            v.text_extra = Some(x.clone());
        }
        v.partial_lang = borrowed.first().map(|(_, l)| l.clone());
        v.partial_fallback = borrowed.into_iter().map(|(name, _)| name).collect();

        match &e.facts {
            Facts::Initiative(f) => {
                let mut partners: Vec<Link> = Vec::new();
                for p in &f.partners {
                    if partners.iter().any(|x| x.id == p.id.value) {
                        continue;
                    }
                    if let Some(mut l) = self.link_to(Collection::Partners, p.id.value.trim(), lang)
                    {
                        l.role = p.role.map(|r| format!("role-{}", r.as_str()));
                        partners.push(l);
                    }
                }
                self.sort_links(&mut partners, lang);
                v.partners = partners;
                v.towns = self.links(
                    Collection::Towns,
                    f.towns.iter().map(|r| r.value.as_str()),
                    lang,
                );
                let ids: Vec<&str> = f.towns.iter().map(|r| r.value.as_str()).collect();
                v.map = map::town_map(self, "initiative", Some(&ids), lang);
                let mut nets: Vec<String> = f.networks.iter().map(|r| r.value.clone()).collect();
                nets.extend(
                    self.links
                        .from_collection(e.collection, &e.id, Collection::Networks)
                        .map(|b| b.id.clone()),
                );
                v.networks =
                    self.links(Collection::Networks, nets.iter().map(String::as_str), lang);
                v.domains = self.links(
                    Collection::Domains,
                    f.domains.iter().map(|r| r.value.as_str()),
                    lang,
                );
                let mut related: Vec<String> = f.related.iter().map(|r| r.value.clone()).collect();
                related.extend(
                    self.links
                        .from_collection(e.collection, &e.id, Collection::Initiatives)
                        .map(|b| b.id.clone()),
                );
                related.retain(|r| r != &e.id);
                v.related = self.links(
                    Collection::Initiatives,
                    related.iter().map(String::as_str),
                    lang,
                );
                if v.related.is_empty() {
                    v.suggested = self.suggested(e, lang);
                }
                v.news = self.backrefs(e, Collection::News, lang);
                v.status = f.status.map(|s| format!("status-{}", serde_plain(&s)));
                v.started = self.year(&f.started);
                v.ends = self.year(&f.ends);
                v.ages = f.ages.as_ref().map(|a| {
                    (
                        self.fmt(lang).number(a.value.from.into()),
                        self.fmt(lang).number(a.value.to.into()),
                    )
                });
                v.website = f.website.as_ref().map(|w| w.value.trim().to_string());
                v.image = self.image_url(e, lang, &f.image);
            }
            Facts::Partner(f) => {
                let mut inits: Vec<Link> = Vec::new();
                for b in self
                    .links
                    .from_collection(e.collection, &e.id, Collection::Initiatives)
                {
                    if let Some(mut l) = self.link_to(Collection::Initiatives, &b.id, lang) {
                        l.role = b.role.map(|r| format!("role-{}", r.as_str()));
                        inits.push(l);
                    }
                }
                self.sort_links(&mut inits, lang);
                v.initiatives = inits;
                v.people = self.backrefs(e, Collection::People, lang);
                v.sector = f
                    .sector
                    .as_ref()
                    .and_then(|s| self.link_to(Collection::Sectors, &s.value, lang));
                v.website = f.website.as_ref().map(|w| w.value.trim().to_string());
                v.image = self.image_url(e, lang, &f.logo);
            }
            Facts::Town(f) => {
                v.initiatives = self.backrefs(e, Collection::Initiatives, lang);
                v.networks = self.backrefs(e, Collection::Networks, lang);
                v.district = f.district.map(|d| format!("district-{}", serde_plain(&d)));
                v.kind = f.kind.map(|k| format!("kind-{}", serde_plain(&k)));
                v.coordinates = f
                    .coordinates
                    .as_ref()
                    .map(|c| (format!("{:.4}", c.value[0]), format!("{:.4}", c.value[1])));
                v.cluster = f.cluster.as_ref().map(|c| c.value);
            }
            Facts::Network(f) => {
                v.towns = self.links(
                    Collection::Towns,
                    f.towns.iter().map(|r| r.value.as_str()),
                    lang,
                );
                let ids: Vec<&str> = f.towns.iter().map(|r| r.value.as_str()).collect();
                v.map = map::town_map(self, "network", Some(&ids), lang);
                let mut inits: Vec<String> =
                    f.initiatives.iter().map(|r| r.value.clone()).collect();
                inits.extend(
                    self.links
                        .from_collection(e.collection, &e.id, Collection::Initiatives)
                        .map(|b| b.id.clone()),
                );
                v.initiatives = self.links(
                    Collection::Initiatives,
                    inits.iter().map(String::as_str),
                    lang,
                );
            }
            Facts::Term(_) => {
                v.initiatives = self.backrefs(e, Collection::Initiatives, lang);
                v.partners = self.backrefs(e, Collection::Partners, lang);
            }
            Facts::Person(f) => {
                v.organisation = f
                    .organisation
                    .as_ref()
                    .and_then(|o| self.link_to(Collection::Partners, &o.value, lang));
                v.image = self.image_url(e, lang, &f.photo);
            }
            Facts::News(f) => {
                v.initiatives = self.links(
                    Collection::Initiatives,
                    f.initiatives.iter().map(|r| r.value.as_str()),
                    lang,
                );
                v.date = f.date.as_ref().map(|d| self.fmt(lang).date(d.value.trim()));
                v.date_iso = f.date.as_ref().map(|d| d.value.trim().to_string());
                v.image = self.image_url(e, lang, &f.image);
            }
            Facts::Page(f) => {
                for fig in &f.figures {
                    let fig = &fig.value;
                    let texts = self.field(e, lang, |fr| {
                        fr.figures.as_ref().and_then(|m| m.get(&fig.id))
                    });
                    v.figures.push(FigureView {
                        id: fig.id.clone(),
                        value: match &fig.value {
                            FigureValue::Number(n) => self.fmt(lang).number(*n),
                            FigureValue::Text(s) => s.clone(),
                        },
                        year: fig.year.map(|y| y.to_string()),
                        label: texts.map(|(l, t)| self.text(&t.label, l, lang)),
                        source: texts
                            .and_then(|(l, t)| t.source.as_ref().map(|s| self.text(s, l, lang))),
                    });
                }
            }
        }
        v
    }
}

fn serde_plain<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Tera with the theme's templates and Sulam's functions.
pub fn make_tera(
    templates: &[(String, String)],
    strings: Arc<Strings>,
    diags: &mut Diagnostics,
) -> Option<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    let s = strings.clone();
    // t(key="...", count=3, other=...): a UI string in the page's language.
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang: String = match kwargs.get::<String>("lang")? {
                Some(l) => l,
                None => state.get::<String>("lang")?.unwrap_or_default(),
            };
            let attr = kwargs.get::<bool>("attr")?.unwrap_or(false);
            let mut args = fluent_bundle::FluentArgs::new();
            for (k, v) in kwargs.iter() {
                let Some(name) = k.as_str() else { continue };
                if matches!(name, "key" | "lang" | "attr") {
                    continue;
                }
                if let Some(n) = v.as_f64() {
                    args.set(name.to_string(), fluent_bundle::FluentValue::from(n));
                } else if let Some(st) = v.as_str() {
                    args.set(
                        name.to_string(),
                        fluent_bundle::FluentValue::from(st.to_string()),
                    );
                }
            }
            let out = s.get(&lang, &key, Some(&args));
            Ok(if attr { strip_isolation(&out) } else { out })
        },
    );
    let mut ok = true;
    let refs: Vec<(&str, &str)> = templates
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(refs) {
        diags.push(
            Diagnostic::error(format!("a template has a mistake:\n{e}"))
                .hint("fix the template named in the message"),
        );
        ok = false;
    }
    ok.then_some(tera)
}
