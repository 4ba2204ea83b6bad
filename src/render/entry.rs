//! The view of one entry on its page in one language: what every entry has (`EntryView`) and
//! what its collection adds (`Part`). The two are flattened into one object, so templates read
//! `page.title` and `page.partners` alike; each collection's template reads only what its own
//! part has.

use serde::Serialize;

use crate::model::content::{
    Collection, Entry, Facts, Figure, FigureValue, Front, InitiativeFacts, NetworkFacts, NewsFacts,
    Outcome, PageFacts, PartnerFacts, PersonFacts, Ref, RoleText, TitleText, TownFacts,
};
use crate::render::keys::UiKey;
use crate::render::map::{self, TownMap};
use crate::render::media::{self, PictureView};
use crate::render::related::{self, Suggested};
use crate::render::{Block, Link, Model, Text};
use crate::text;
use crate::text::figure::{Value, Writer, Written};
use crate::text::i18n::strip_isolation;

/// One entry as a page in one language shows it.
#[derive(Debug, Clone, Serialize)]
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
    /// The entry's picture: an initiative's or a news item's `image`, a partner's `logo`, a
    /// person's `photo` (see `picture`).
    pub image: Option<PictureView>,
    /// `extra:` of common.yaml.
    pub extra: Option<serde_json::Value>,
    /// `extra:` of the language file (with fallback).
    pub text_extra: Option<serde_json::Value>,
    /// Not published yet: shown by `serve` and `build --drafts` only, marked, not indexed.
    pub draft: bool,
    /// What the entry's collection adds, beside the fields above.
    #[serde(flatten)]
    pub part: Part,
}

/// The fields of one collection's entries.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Part {
    Initiative(Box<InitiativeView>),
    Partner(PartnerView),
    Town(TownView),
    Network(NetworkView),
    Term(TermView),
    Person(PersonView),
    News(NewsView),
    Page(PageView),
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct InitiativeView {
    pub pillars: Option<Block<Vec<TitledText>>>,
    pub milestones: Option<Block<Vec<TitledText>>>,
    pub outcomes: Option<Block<Vec<OutcomeGroup>>>,
    pub team: Option<Block<Vec<TitledText>>>,
    pub audience: Option<Text>,
    pub timeframe: Option<Text>,
    /// A UI-string key: `status-active`.
    pub status: Option<String>,
    pub started: Option<String>,
    pub ends: Option<String>,
    pub ages: Option<(String, String)>,
    pub website: Option<String>,
    pub partners: Vec<Link>,
    pub towns: Vec<Link>,
    /// The map of the initiative's towns.
    pub map: Option<TownMap>,
    pub networks: Vec<Link>,
    pub domains: Vec<Link>,
    pub related: Vec<Link>,
    /// Related initiatives found from shared facts, when the author named none.
    pub suggested: Vec<Suggested>,
    pub news: Vec<Link>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct PartnerView {
    /// Each with the partner's role in it.
    pub initiatives: Vec<Link>,
    pub people: Vec<Link>,
    pub sector: Option<Link>,
    pub website: Option<String>,
    pub contact: Contact,
}

/// How to reach a partner or a person.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<Phone>,
    /// A partner's postal address, in the language the page has it in.
    pub address: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Phone {
    /// As the author wrote it: `03-1234567`.
    pub shown: String,
    /// `tel:031234567`.
    pub tel: String,
}

impl Contact {
    fn new(email: &Option<Ref>, phone: &Option<Ref>, address: Option<Text>) -> Contact {
        Contact {
            email: email.as_ref().map(|e| e.value.trim().to_string()),
            phone: phone.as_ref().and_then(|p| {
                Some(Phone {
                    tel: crate::model::contact::tel_uri(&p.value)?,
                    shown: p.value.trim().to_string(),
                })
            }),
            address,
        }
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct TownView {
    pub initiatives: Vec<Link>,
    pub networks: Vec<Link>,
    /// UI-string keys: `district-north`, `kind-city`.
    pub district: Option<String>,
    pub kind: Option<String>,
    pub coordinates: Option<(String, String)>,
    pub cluster: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct NetworkView {
    pub towns: Vec<Link>,
    /// The map of the network's towns.
    pub map: Option<TownMap>,
    pub initiatives: Vec<Link>,
}

/// A domain or a sector.
#[derive(Debug, Clone, Serialize, Default)]
pub struct TermView {
    pub initiatives: Vec<Link>,
    pub partners: Vec<Link>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct PersonView {
    pub role: Option<Text>,
    pub organisation: Option<Link>,
    pub contact: Contact,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct NewsView {
    pub initiatives: Vec<Link>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct PageView {
    pub figures: Vec<FigureView>,
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
    /// The value as text, with its unit, in the page's language ("84%", "כ־170").
    pub value: String,
    /// The same as HTML, each number of a phrase in its own `<bdi>`: print with `| safe`.
    pub value_html: String,
    pub year: Option<String>,
    pub label: Option<Text>,
    pub source: Option<Text>,
}

impl Part {
    /// The part of an entry of `c` that has no text to show: every field empty.
    pub fn empty(c: Collection) -> Part {
        match c {
            Collection::Initiatives => Part::Initiative(Box::default()),
            Collection::Partners => Part::Partner(PartnerView::default()),
            Collection::Towns => Part::Town(TownView::default()),
            Collection::Networks => Part::Network(NetworkView::default()),
            Collection::Domains | Collection::Sectors => Part::Term(TermView::default()),
            Collection::People => Part::Person(PersonView::default()),
            Collection::News => Part::News(NewsView::default()),
            Collection::Pages => Part::Page(PageView::default()),
        }
    }
}

impl EntryView {
    /// A view of (`c`, `id`) with its address and title and nothing else.
    pub fn titled(id: &str, c: Collection, url: String, title: Text) -> EntryView {
        EntryView {
            id: id.to_string(),
            collection: c.name().to_string(),
            url,
            title: Some(title),
            summary: None,
            body: None,
            body_attrs: String::new(),
            fallback: None,
            partial_fallback: Vec::new(),
            partial_lang: None,
            image: None,
            extra: None,
            text_extra: None,
            draft: false,
            part: Part::empty(c),
        }
    }

    /// An initiative's or a network's towns (none for other entries).
    pub fn towns(&self) -> &[Link] {
        match &self.part {
            Part::Initiative(v) => &v.towns,
            Part::Network(v) => &v.towns,
            _ => &[],
        }
    }

    /// An initiative's or a term's partners (none for other entries).
    pub fn partners(&self) -> &[Link] {
        match &self.part {
            Part::Initiative(v) => &v.partners,
            Part::Term(v) => &v.partners,
            _ => &[],
        }
    }

    /// The initiatives a partner, town, network, domain or sector lists (see
    /// [`listed_initiatives`]).
    pub fn listed_initiatives_mut(&mut self) -> Option<&mut Vec<Link>> {
        match &mut self.part {
            Part::Partner(v) => Some(&mut v.initiatives),
            Part::Town(v) => Some(&mut v.initiatives),
            Part::Network(v) => Some(&mut v.initiatives),
            Part::Term(v) => Some(&mut v.initiatives),
            _ => None,
        }
    }

    /// A person's role.
    pub fn role(&self) -> Option<&Text> {
        match &self.part {
            Part::Person(v) => v.role.as_ref(),
            _ => None,
        }
    }

    /// A person's organisation.
    pub fn organisation(&self) -> Option<&Link> {
        match &self.part {
            Part::Person(v) => v.organisation.as_ref(),
            _ => None,
        }
    }

    /// How to reach a partner or a person.
    pub fn contact(&self) -> Option<&Contact> {
        match &self.part {
            Part::Partner(v) => Some(&v.contact),
            Part::Person(v) => Some(&v.contact),
            _ => None,
        }
    }
}

/// The front-matter fields of an entry on a page in `lang`, each taken where `Model::field`
/// finds it; remembers those that come from a third language (neither the page's nor the
/// entry's text's), for the page's notice.
struct Fields<'a, 'e> {
    m: &'a Model<'a>,
    e: &'e Entry,
    lang: &'a str,
    text_lang: &'e str,
    /// (field, language), in the order read.
    borrowed: Vec<(String, String)>,
}

impl<'e> Fields<'_, 'e> {
    fn note(&mut self, name: &str, l: &str) {
        if l != self.lang && l != self.text_lang {
            self.borrowed.push((name.to_string(), l.to_string()));
        }
    }

    fn get<T>(
        &mut self,
        name: &str,
        get: impl Fn(&'e Front) -> Option<&'e T>,
    ) -> Option<(&'e str, &'e T)> {
        let (l, v) = self.m.field(self.e, self.lang, get)?;
        self.note(name, l);
        Some((l, v))
    }

    fn text(&mut self, name: &str, get: impl Fn(&'e Front) -> Option<&'e String>) -> Option<Text> {
        let (l, s) = self.get(name, get)?;
        Some(self.m.text(s, l, self.lang))
    }

    /// `items` in language `l`, marked as such on the page.
    fn block<T: Serialize>(&self, l: &str, items: T) -> Block<T> {
        Block {
            attrs: self.m.attrs(l, self.lang),
            items,
        }
    }
}

/// The view of entry `e` on its page in `lang`.
/// How many initiatives the page of a partner, town, network, domain or sector lists at most; a
/// longer list goes on at `page/<n>/` under the entry's address, so that the page of a domain
/// of a large site stays light (1,618 initiatives made a page of 460 KB).
pub const LINKS_PER_PAGE: usize = 100;

pub fn view(m: &Model, e: &Entry, lang: &str) -> EntryView {
    let url = m.entry_url(e.collection, &e.id, lang);
    let mut v = EntryView::titled(&e.id, e.collection, url, m.title_of(e, lang));
    v.extra = e.facts.extra().cloned();
    v.draft = e.facts.is_draft();
    let Some((text_lang, _)) = m.text_lang(e, lang) else {
        return v;
    };
    v.draft |= e.is_draft(text_lang);
    if text_lang != lang {
        v.fallback = Some(text_lang.to_string());
    }
    let mut t = Fields {
        m,
        e,
        lang,
        text_lang,
        borrowed: Vec::new(),
    };
    v.summary = t.text("summary", |f| f.summary.as_ref());
    (v.body, v.body_attrs) = body(&mut t);
    v.part = part(&mut t);
    if let Some((_, x)) = t.get("extra", |f| f.extra.as_ref()) {
        v.text_extra = Some(x.clone());
    }
    v.image = picture(&mut t, v.title.as_ref());
    v.partial_lang = t.borrowed.first().map(|(_, l)| l.clone());
    v.partial_fallback = t.borrowed.into_iter().map(|(name, _)| name).collect();
    v
}

/// The entry's picture as its page shows it, with the words that describe it: `image_alt`
/// (falling back as any text, and marked with its language when borrowed) for an
/// initiative's or a news item's `image`; "logo of …" for a partner's `logo`; the person's
/// name for a `photo`.
fn picture(t: &mut Fields, title: Option<&Text>) -> Option<PictureView> {
    let (m, e, lang) = (t.m, t.e, t.lang);
    let name = e.file_ref()?.value.trim();
    let name_text = title.map(|t| t.text.clone()).unwrap_or_default();
    let (alt, lang_attrs, class, sizes) = match e.collection {
        Collection::Partners => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("name", name_text);
            let alt = strip_isolation(&m.strings.get(lang, "logo-of", Some(&args)));
            (alt, String::new(), "logo", media::LOGO_SIZES)
        }
        Collection::People => {
            let attrs = title.map(|t| t.attrs.clone()).unwrap_or_default();
            (name_text, attrs, "photo", media::PHOTO_SIZES)
        }
        _ => match t.get("image_alt", |f| f.image_alt.as_ref()) {
            Some((l, alt)) => (
                alt.trim().to_string(),
                m.attrs(l, lang),
                "entry-image",
                media::BODY_SIZES,
            ),
            None => (
                String::new(),
                String::new(),
                "entry-image",
                media::BODY_SIZES,
            ),
        },
    };
    let attrs = format!(" class=\"{class}\"{lang_attrs}");
    media::view(m.config, e, name, &alt, &attrs, sizes)
}

/// The body as HTML and its `attrs`: from the text's file, else from the first language along
/// the fallback chain that has one.
fn body(t: &mut Fields) -> (Option<String>, String) {
    let (m, e, lang) = (t.m, t.e, t.lang);
    let Some((l, _)) = m.body_lang(e, lang) else {
        return (None, String::new());
    };
    if l != t.text_lang {
        t.note("body", l);
    }
    (m.bodies.get(e.collection, &e.id, l), m.attrs(l, lang))
}

fn part(t: &mut Fields) -> Part {
    let (m, e, lang) = (t.m, t.e, t.lang);
    match &e.facts {
        Facts::Initiative(f) => Part::Initiative(Box::new(initiative(t, f))),
        Facts::Partner(f) => {
            let address = t.text("address", |fr| fr.address.as_ref());
            Part::Partner(partner(m, e, f, lang, address))
        }
        Facts::Town(f) => Part::Town(town(m, e, f, lang)),
        Facts::Network(f) => Part::Network(network(m, e, f, lang)),
        Facts::Term(_) => Part::Term(term(m, e, lang)),
        Facts::Person(f) => Part::Person(person(t, f)),
        Facts::News(f) => Part::News(news(m, f, lang)),
        Facts::Page(f) => Part::Page(page(m, e, f, lang)),
    }
}

fn initiative(t: &mut Fields, f: &InitiativeFacts) -> InitiativeView {
    let (m, e, lang) = (t.m, t.e, t.lang);
    let pillars = t.get("pillars", |fr| fr.pillars.as_ref());
    let pillars = pillars.map(|(l, p)| t.block(l, titled(m, p, l)));
    let milestones = t.get("milestones", |fr| fr.milestones.as_ref());
    let milestones = milestones.map(|(l, p)| t.block(l, titled(m, p, l)));
    let team = t.get("team", |fr| fr.team.as_ref());
    let team = team.map(|(l, r)| t.block(l, roles(m, r, l)));
    let outcomes = t.get("outcomes", |fr| fr.outcomes.as_ref());
    let outcomes = outcomes.map(|(l, o)| t.block(l, outcome_groups(m, o, l)));
    let audience = t.text("audience", |fr| fr.audience.as_ref());
    let timeframe = t.text("timeframe", |fr| fr.timeframe.as_ref());
    let (towns, map) = towns_and_map(m, &f.towns, "initiative", lang);
    let mut related = named_and_back(m, e, &f.related, Collection::Initiatives);
    related.retain(|r| r != &e.id);
    let related = links(m, Collection::Initiatives, &related, lang);
    let networks = named_and_back(m, e, &f.networks, Collection::Networks);
    InitiativeView {
        pillars,
        milestones,
        outcomes,
        team,
        audience,
        timeframe,
        status: f.status.map(UiKey::ui_key),
        started: year(&f.started),
        ends: year(&f.ends),
        ages: f.ages.as_ref().map(|a| {
            (
                m.fmt(lang).number(a.value.from.into()),
                m.fmt(lang).number(a.value.to.into()),
            )
        }),
        website: website(&f.website),
        partners: initiative_partners(m, f, lang),
        towns,
        map,
        networks: links(m, Collection::Networks, &networks, lang),
        domains: named(m, Collection::Domains, &f.domains, lang),
        suggested: if related.is_empty() {
            related::suggested(m, e, lang)
        } else {
            Vec::new()
        },
        related,
        news: backrefs(m, e, Collection::News, lang),
    }
}

/// An initiative's partners, each once, with its role.
fn initiative_partners(m: &Model, f: &InitiativeFacts, lang: &str) -> Vec<Link> {
    let mut partners: Vec<Link> = Vec::new();
    for p in &f.partners {
        if partners.iter().any(|x| x.id == p.id.value) {
            continue;
        }
        if let Some(mut l) = m.link_to(Collection::Partners, p.id.value.trim(), lang) {
            l.role = p.role.map(UiKey::ui_key);
            partners.push(l);
        }
    }
    m.sort_links(&mut partners, lang);
    partners
}

fn partner(
    m: &Model,
    e: &Entry,
    f: &PartnerFacts,
    lang: &str,
    address: Option<Text>,
) -> PartnerView {
    PartnerView {
        initiatives: partner_initiatives(m, e, lang),
        people: backrefs(m, e, Collection::People, lang),
        sector: f
            .sector
            .as_ref()
            .and_then(|s| m.link_to(Collection::Sectors, &s.value, lang)),
        website: website(&f.website),
        contact: Contact::new(&f.email, &f.phone, address),
    }
}

/// A partner's initiatives, each with the partner's role in it.
fn partner_initiatives(m: &Model, e: &Entry, lang: &str) -> Vec<Link> {
    let mut initiatives: Vec<Link> = Vec::new();
    for b in m
        .links
        .from_collection(e.collection, &e.id, Collection::Initiatives)
    {
        if let Some(mut l) = m.link_to(Collection::Initiatives, &b.id, lang) {
            l.role = b.role.map(UiKey::ui_key);
            initiatives.push(l);
        }
    }
    m.sort_links(&mut initiatives, lang);
    initiatives
}

fn town(m: &Model, e: &Entry, f: &TownFacts, lang: &str) -> TownView {
    TownView {
        initiatives: backrefs(m, e, Collection::Initiatives, lang),
        networks: backrefs(m, e, Collection::Networks, lang),
        district: f.district.map(UiKey::ui_key),
        kind: f.kind.map(UiKey::ui_key),
        coordinates: f
            .coordinates
            .as_ref()
            .map(|c| (format!("{:.4}", c.value[0]), format!("{:.4}", c.value[1]))),
        cluster: f.cluster.as_ref().map(|c| c.value),
    }
}

fn network(m: &Model, e: &Entry, f: &NetworkFacts, lang: &str) -> NetworkView {
    let (towns, map) = towns_and_map(m, &f.towns, "network", lang);
    NetworkView {
        towns,
        map,
        initiatives: network_initiatives(m, e, f, lang),
    }
}

/// The initiatives a network names and those that name it.
fn network_initiatives(m: &Model, e: &Entry, f: &NetworkFacts, lang: &str) -> Vec<Link> {
    let ids = named_and_back(m, e, &f.initiatives, Collection::Initiatives);
    links(m, Collection::Initiatives, &ids, lang)
}

/// The initiatives the page of a partner, town, network, domain or sector lists, as its view
/// has them (`None` for the other entries): the list that [`LINKS_PER_PAGE`] splits.
pub fn listed_initiatives(m: &Model, e: &Entry, lang: &str) -> Option<Vec<Link>> {
    match &e.facts {
        Facts::Partner(_) => Some(partner_initiatives(m, e, lang)),
        Facts::Network(f) => Some(network_initiatives(m, e, f, lang)),
        Facts::Town(_) | Facts::Term(_) => Some(backrefs(m, e, Collection::Initiatives, lang)),
        _ => None,
    }
}

fn term(m: &Model, e: &Entry, lang: &str) -> TermView {
    TermView {
        initiatives: backrefs(m, e, Collection::Initiatives, lang),
        partners: backrefs(m, e, Collection::Partners, lang),
    }
}

fn person(t: &mut Fields, f: &PersonFacts) -> PersonView {
    let (m, lang) = (t.m, t.lang);
    PersonView {
        role: t.text("role", |fr| fr.role.as_ref()),
        organisation: f
            .organisation
            .as_ref()
            .and_then(|o| m.link_to(Collection::Partners, &o.value, lang)),
        contact: Contact::new(&f.email, &f.phone, None),
    }
}

fn news(m: &Model, f: &NewsFacts, lang: &str) -> NewsView {
    let (date, date_iso) = m.news_date(f, lang);
    NewsView {
        initiatives: named(m, Collection::Initiatives, &f.initiatives, lang),
        date,
        date_iso,
    }
}

/// A page's figures, their labels and sources in the language the page's text has them in.
fn page(m: &Model, e: &Entry, f: &PageFacts, lang: &str) -> PageView {
    let mut figures = Vec::new();
    for fig in &f.figures {
        let fig = &fig.value;
        let texts = m.field(e, lang, |fr| {
            fr.figures.as_ref().and_then(|by_id| by_id.get(&fig.id))
        });
        let value = figure_value(m, fig, lang);
        figures.push(FigureView {
            id: fig.id.clone(),
            value: value.text,
            value_html: value.html,
            year: fig.year.map(|y| y.to_string()),
            label: texts.map(|(l, t)| m.text(&t.label, l, lang)),
            source: texts.and_then(|(l, t)| t.source.as_ref().map(|s| m.text(s, l, lang))),
        });
    }
    PageView { figures }
}

/// A figure's value written for `lang`: its number or range with its unit (a text value as
/// it is written).
fn figure_value(m: &Model, fig: &Figure, lang: &str) -> Written {
    let value = match fig.value.value {
        FigureValue::Number(n) => Value::One(n),
        FigureValue::Range([from, to]) => Value::Range(from, to),
        FigureValue::Text(ref s) => {
            return Written {
                text: s.clone(),
                html: crate::text::escape::escape(s),
            };
        }
    };
    let figure = text::figure::Figure {
        value,
        unit: fig.unit,
        approx: fig.approx,
    };
    Writer::new(lang, Some((m.strings, m.fmt(lang)))).write(&figure)
}

fn titled(m: &Model, items: &[TitleText], l: &str) -> Vec<TitledText> {
    items
        .iter()
        .map(|p| TitledText {
            title: m.html(&p.title, l),
            text: p.text.as_ref().map(|t| m.html(t, l)),
        })
        .collect()
}

fn roles(m: &Model, items: &[RoleText], l: &str) -> Vec<TitledText> {
    items
        .iter()
        .map(|r| TitledText {
            title: m.html(&r.role, l),
            text: r.text.as_ref().map(|t| m.html(t, l)),
        })
        .collect()
}

/// Outcomes in groups: plain ones in a row share a group without a title.
fn outcome_groups(m: &Model, items: &[Outcome], l: &str) -> Vec<OutcomeGroup> {
    let mut groups: Vec<OutcomeGroup> = Vec::new();
    for item in items {
        match item {
            Outcome::Plain(s) => match groups.last_mut() {
                Some(g) if g.title.is_none() => g.items.push(m.html(s, l)),
                _ => groups.push(OutcomeGroup {
                    title: None,
                    items: vec![m.html(s, l)],
                }),
            },
            Outcome::Group { title, items } => groups.push(OutcomeGroup {
                title: Some(m.html(title, l)),
                items: items.iter().map(|s| m.html(s, l)).collect(),
            }),
        }
    }
    groups
}

/// The towns an entry names, and their map of `kind`.
fn towns_and_map(
    m: &Model,
    towns: &[Ref],
    kind: &'static str,
    lang: &str,
) -> (Vec<Link>, Option<TownMap>) {
    let ids: Vec<&str> = towns.iter().map(|r| r.value.as_str()).collect();
    (
        m.links(Collection::Towns, ids.iter().copied(), lang),
        map::town_map(m, kind, Some(&ids), lang),
    )
}

/// The ids that `e` names in `refs`, then those of the entries of `from` that name `e`.
fn named_and_back(m: &Model, e: &Entry, refs: &[Ref], from: Collection) -> Vec<String> {
    let mut ids: Vec<String> = refs.iter().map(|r| r.value.clone()).collect();
    ids.extend(
        m.links
            .from_collection(e.collection, &e.id, from)
            .map(|b| b.id.clone()),
    );
    ids
}

/// Links to the entries of `c` that `refs` names.
fn named(m: &Model, c: Collection, refs: &[Ref], lang: &str) -> Vec<Link> {
    m.links(c, refs.iter().map(|r| r.value.as_str()), lang)
}

fn links(m: &Model, c: Collection, ids: &[String], lang: &str) -> Vec<Link> {
    m.links(c, ids.iter().map(String::as_str), lang)
}

/// Links to the entries of `from` that name `e`.
fn backrefs(m: &Model, e: &Entry, from: Collection, lang: &str) -> Vec<Link> {
    let ids: Vec<String> = m
        .links
        .from_collection(e.collection, &e.id, from)
        .map(|b| b.id.clone())
        .collect();
    links(m, from, &ids, lang)
}

fn year(y: &Option<serde_saphyr::Spanned<i64>>) -> Option<String> {
    // Years are written without grouping in every language ("2020", not "2,020").
    y.as_ref().map(|y| y.value.to_string())
}

fn website(w: &Option<Ref>) -> Option<String> {
    w.as_ref().map(|w| w.value.trim().to_string())
}
