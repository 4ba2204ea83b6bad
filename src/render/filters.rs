//! Filtering the initiatives: by life domain, age group, town, district, partner, partner's
//! sector and status.
//!
//! Two ways, one set of facts. Without JavaScript, every value of a facet is a link to a plain
//! page listing its initiatives: the entry page for a domain, town or partner (each lists its
//! initiatives already), and a generated page at `/<lang>/filter/<facet>/<value>/` for the
//! facets that have no entry of their own (age group, district, sector, status). `filter/` is
//! no collection's name, so these pages can never take an entry's address. With JavaScript, the
//! initiatives list page filters at once: each card carries its values in `data-` attributes,
//! the form's state is kept in the address (`?domain=education&town=sderot`) so it can be
//! shared, and the count is announced with the plural forms of the page's language, rendered
//! here through Fluent because Fluent does not run in the browser.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use fluent_bundle::{FluentArgs, FluentValue};
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::content::{Collection, District, Entry, Facts, InitiativeFacts, Status};
use crate::model::urls::{cards_file, facets_file, filter_path, index_file, list_path, paged};
use crate::output::Output;
use crate::render::keys::UiKey;
use crate::render::lists::{page_words, page_words_isolated};
use crate::render::meta::{Listed, PageKind, meta};
use crate::render::paging::{page_count, page_of, pager};
use crate::render::{Link, Model, Text, chrome};
use crate::text::i18n::strip_isolation;

/// A fact that the initiatives can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Domain,
    AgeGroup,
    Town,
    District,
    Partner,
    Sector,
    Status,
}

impl Facet {
    /// In the order the form shows them.
    pub const ALL: [Facet; 7] = [
        Facet::Domain,
        Facet::AgeGroup,
        Facet::Town,
        Facet::District,
        Facet::Partner,
        Facet::Sector,
        Facet::Status,
    ];

    /// The facet's name: of its `data-` attribute, of its parameter in the address, of its
    /// filter pages' folder, and in its UI key (`facet-ages`).
    pub fn name(self) -> &'static str {
        match self {
            Facet::Domain => "domain",
            Facet::AgeGroup => "ages",
            Facet::Town => "town",
            Facet::District => "district",
            Facet::Partner => "partner",
            Facet::Sector => "sector",
            Facet::Status => "status",
        }
    }

    /// The collection whose entries are the facet's values, if they are entries.
    pub fn collection(self) -> Option<Collection> {
        match self {
            Facet::Domain => Some(Collection::Domains),
            Facet::Town => Some(Collection::Towns),
            Facet::Partner => Some(Collection::Partners),
            Facet::Sector => Some(Collection::Sectors),
            Facet::AgeGroup | Facet::District | Facet::Status => None,
        }
    }

    /// Whether the facet's values are entries whose pages list their initiatives (a domain, a
    /// town, a partner), so that they need no filter page.
    pub fn has_entry_pages(self) -> bool {
        matches!(self, Facet::Domain | Facet::Town | Facet::Partner)
    }
}

/// Facets sort by name: the order of a card's `data-` attributes and of the sitemap's filter
/// pages.
impl Ord for Facet {
    fn cmp(&self, other: &Facet) -> Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for Facet {
    fn partial_cmp(&self, other: &Facet) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Facet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl UiKey for Facet {
    const PREFIX: &'static str = "facet";

    fn name(self) -> &'static str {
        Facet::name(self)
    }
}

/// Age groups: a program for ages 0–35 is in every group from 0–5 to 19–35.
const AGE_GROUPS: [(u8, Option<u8>); 5] = [
    (0, Some(5)),
    (6, Some(12)),
    (13, Some(18)),
    (19, Some(35)),
    (36, None),
];

/// The filters of the initiatives list in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Filters {
    pub facets: Vec<FacetView>,
    /// Each initiative's ` data-domain="…" data-town="…"` attributes, by id.
    pub data: BTreeMap<String, String>,
    /// The count sentence per plural category (`one`, `few`…), `{n}` standing for the number.
    pub count_forms: Vec<(&'static str, String)>,
}

impl Filters {
    /// How many boxes the form has: one per value of every facet.
    pub fn boxes(&self) -> usize {
        self.facets.iter().map(|f| f.options.len()).sum()
    }

    /// The filters as a page of the list shows them: the values of its own cards only.
    pub fn for_items(&self, items: &[Link]) -> Filters {
        Filters {
            facets: self.facets.clone(),
            data: items
                .iter()
                .filter_map(|l| Some((l.id.clone(), self.data.get(&l.id)?.clone())))
                .collect(),
            count_forms: self.count_forms.clone(),
        }
    }
}

/// A facet and its values in one language.
#[derive(Debug, Clone, Serialize)]
pub struct FacetView {
    #[serde(rename = "name")]
    pub facet: Facet,
    /// The UI string of its name: `facet-domain`.
    pub key: String,
    pub options: Vec<FacetOption>,
    /// For readers without JavaScript, when the values have pages of their own and are more
    /// than [`BROWSE_LIMIT`]: the list of them (the towns, the partners), where each leads to
    /// its initiatives, in place of a link per value.
    pub browse_list: Option<BrowseList>,
}

/// A link to the list of a facet's values, with how many there are.
#[derive(Debug, Clone, Serialize)]
pub struct BrowseList {
    pub url: String,
    /// The UI string of the count: `count-towns`.
    pub count_key: String,
    pub count: usize,
}

/// Up to this many values of a facet whose values have pages are each a link for readers
/// without JavaScript; past it, the facet links to the list of its values (667 towns and 833
/// partners made 193 KB of links on the initiatives list's first page).
pub const BROWSE_LIMIT: usize = 60;

/// Up to this many boxes in all, the filters' boxes are written in the initiatives list's
/// first page; past it, in `facets.html` beside it, which filters.js fetches (at 10,000
/// initiatives they were 252 KB of a 477 KB page).
pub const INLINE_BOXES: usize = 300;

#[derive(Debug, Clone, Serialize)]
pub struct FacetOption {
    pub value: String,
    pub label: Text,
    pub count: usize,
    /// The plain page of this value's initiatives.
    pub url: String,
}

fn age_group_id((from, to): (u8, Option<u8>)) -> String {
    match to {
        Some(to) => format!("{from}-{to}"),
        None => format!("{from}-plus"),
    }
}

/// The value of a fixed set (a district, a status) that is named `value`.
fn named<T: UiKey>(all: &[T], value: &str) -> Option<T> {
    all.iter().copied().find(|v| v.name() == value)
}

/// The filter pages of a language, as (facet, value, number of pages): where
/// [`render_pages`] writes them.
pub fn page_values(m: &Model, lang: &str) -> Vec<(Facet, String, usize)> {
    let Some(filters) = of_language(m, lang) else {
        return Vec::new();
    };
    filters
        .facets
        .iter()
        .filter(|f| !f.facet.has_entry_pages())
        .flat_map(|f| {
            f.options.iter().map(|o| {
                let pages = page_count(o.count, m.config.per_page);
                (f.facet, o.value.clone(), pages)
            })
        })
        .collect()
}

/// The values of every facet that initiative `e` has.
pub fn facet_values(m: &Model, e: &Entry) -> BTreeMap<Facet, BTreeSet<String>> {
    let mut v: BTreeMap<Facet, BTreeSet<String>> =
        Facet::ALL.iter().map(|f| (*f, BTreeSet::new())).collect();
    let Facts::Initiative(f) = &e.facts else {
        return v;
    };
    let f: &InitiativeFacts = f;
    let mut add = |facet: Facet, value: String| {
        if let Some(set) = v.get_mut(&facet) {
            set.insert(value);
        }
    };
    // Only what is published: a draft town, partner or domain is not a choice.
    let published = |c: Collection, id: &str| m.content.get(c, id).is_some();
    for d in &f.domains {
        if published(Collection::Domains, d.value.trim()) {
            add(Facet::Domain, d.value.trim().to_string());
        }
    }
    if let Some(a) = &f.ages {
        for g in AGE_GROUPS {
            if a.value.from <= g.1.unwrap_or(u8::MAX) && a.value.to >= g.0 {
                add(Facet::AgeGroup, age_group_id(g));
            }
        }
    }
    for t in f
        .towns
        .iter()
        .filter(|t| published(Collection::Towns, t.value.trim()))
    {
        let id = t.value.trim();
        add(Facet::Town, id.to_string());
        if let Some(Facts::Town(tf)) = m.content.get(Collection::Towns, id).map(|e| &e.facts)
            && let Some(d) = tf.district
        {
            add(Facet::District, d.name().to_string());
        }
    }
    for p in f
        .partners
        .iter()
        .filter(|p| published(Collection::Partners, p.id.value.trim()))
    {
        let id = p.id.value.trim();
        add(Facet::Partner, id.to_string());
        if let Some(Facts::Partner(pf)) = m.content.get(Collection::Partners, id).map(|e| &e.facts)
            && let Some(s) = &pf.sector
        {
            add(Facet::Sector, s.value.trim().to_string());
        }
    }
    if let Some(s) = f.status {
        add(Facet::Status, s.name().to_string());
    }
    v
}

fn ui(m: &Model, lang: &str, key: &str, args: Option<&FluentArgs>) -> Text {
    let s = strip_isolation(&m.strings.get(lang, key, args));
    m.text(&s, lang, lang)
}

/// The label of a facet's value on a page in `lang`.
fn option_label(m: &Model, facet: Facet, value: &str, lang: &str) -> Option<Text> {
    if let Some(c) = facet.collection() {
        return m.content.get(c, value).map(|e| m.title_of(e, lang));
    }
    match facet {
        Facet::District => named(&District::ALL, value).map(|d| ui(m, lang, &d.ui_key(), None)),
        Facet::Status => named(&Status::ALL, value).map(|s| ui(m, lang, &s.ui_key(), None)),
        Facet::AgeGroup => {
            let g = AGE_GROUPS.iter().find(|g| age_group_id(**g) == value)?;
            let f = m.formats.get(lang);
            let mut args = FluentArgs::new();
            args.set("from", FluentValue::from(f.number(g.0.into())));
            Some(match g.1 {
                Some(to) => {
                    args.set("to", FluentValue::from(f.number(to.into())));
                    ui(m, lang, "ages-range", Some(&args))
                }
                None => ui(m, lang, "ages-and-over", Some(&args)),
            })
        }
        Facet::Domain | Facet::Town | Facet::Partner | Facet::Sector => None,
    }
}

/// The plain page of a facet's value: its entry's page, or a generated filter page.
fn option_url(m: &Model, facet: Facet, value: &str, lang: &str) -> String {
    match facet.collection() {
        Some(c) if facet.has_entry_pages() => m.entry_url(c, value, lang),
        _ => m.config.link(&filter_path(lang, facet.name(), value)),
    }
}

/// The order of a facet's values: the facts' own order for districts, statuses and age
/// groups, the reader's alphabet for entries.
fn sort_options(m: &Model, facet: Facet, options: &mut [FacetOption], lang: &str) {
    let fixed: Vec<String> = match facet {
        Facet::District => District::ALL.iter().map(|d| d.name().to_string()).collect(),
        Facet::Status => Status::ALL.iter().map(|s| s.name().to_string()).collect(),
        Facet::AgeGroup => AGE_GROUPS.iter().map(|g| age_group_id(*g)).collect(),
        Facet::Domain | Facet::Town | Facet::Partner | Facet::Sector => Vec::new(),
    };
    let f = m.formats.get(lang);
    options.sort_by(|a, b| {
        let pa = fixed.iter().position(|x| *x == a.value);
        let pb = fixed.iter().position(|x| *x == b.value);
        pa.cmp(&pb)
            .then_with(|| f.compare(&a.label.text, &b.label.text))
            .then_with(|| a.value.cmp(&b.value))
    });
}

/// The filters on the list page of collection `c`: on the initiatives list.
pub fn list_filters(m: &Model, c: Collection, lang: &str) -> Option<Filters> {
    (c == Collection::Initiatives)
        .then(|| of_language(m, lang))
        .flatten()
}

/// The filters of the initiatives list in `lang`; `None` when the site has no initiative.
pub fn of_language(m: &Model, lang: &str) -> Option<Filters> {
    let initiatives: Vec<&Entry> = m.content.of(Collection::Initiatives).collect();
    if initiatives.is_empty() {
        return None;
    }
    let values: Vec<(&Entry, BTreeMap<Facet, BTreeSet<String>>)> = initiatives
        .iter()
        .map(|e| (*e, facet_values(m, e)))
        .collect();
    let mut facets = Vec::new();
    for facet in Facet::ALL {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, v) in &values {
            for value in &v[&facet] {
                *counts.entry(value.as_str()).or_default() += 1;
            }
        }
        let mut options: Vec<FacetOption> = counts
            .into_iter()
            .filter_map(|(value, count)| {
                Some(FacetOption {
                    label: option_label(m, facet, value, lang)?,
                    url: option_url(m, facet, value, lang),
                    value: value.to_string(),
                    count,
                })
            })
            .collect();
        // A facet that every initiative passes whatever is chosen filters nothing.
        if options.iter().all(|o| o.count == initiatives.len()) {
            continue;
        }
        sort_options(m, facet, &mut options, lang);
        let browse_list = facet
            .collection()
            .filter(|_| facet.has_entry_pages() && options.len() > BROWSE_LIMIT)
            .map(|c| BrowseList {
                url: m.config.link(&list_path(c, lang)),
                count_key: format!("count-{}", c.name()),
                count: options.len(),
            });
        facets.push(FacetView {
            facet,
            key: facet.ui_key(),
            options,
            browse_list,
        });
    }
    let data = values
        .iter()
        .map(|(e, v)| {
            let attrs: String = v
                .iter()
                .map(|(facet, set)| {
                    let list: Vec<&str> = set.iter().map(String::as_str).collect();
                    format!(" data-{}=\"{}\"", facet.name(), list.join(" "))
                })
                .collect();
            (e.id.clone(), attrs)
        })
        .collect();
    Some(Filters {
        facets,
        data,
        count_forms: count_forms(m, lang, "count-initiatives"),
    })
}

/// The message `key` for each plural category of `lang` that a count can select, with
/// `{n}` where the number goes. The browser picks the category with `Intl.PluralRules`.
pub fn count_forms(m: &Model, lang: &str, key: &str) -> Vec<(&'static str, String)> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let primary = lang.split('-').next().unwrap_or(lang);
    let rules = primary
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .and_then(|l| PluralRules::create(l, PluralRuleType::CARDINAL).ok());
    let name = |c: PluralCategory| match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    };
    // The first count of each category, among the counts a list can have.
    let mut samples: Vec<(&'static str, u32)> = Vec::new();
    for n in 0..1000u32 {
        let category = match &rules {
            Some(r) => r.select(n).map(name).unwrap_or("other"),
            None => "other",
        };
        if !samples.iter().any(|(c, _)| *c == category) {
            samples.push((category, n));
        }
    }
    samples
        .into_iter()
        .map(|(category, n)| {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(f64::from(n)));
            let text = m.strings.get(lang, key, Some(&args));
            (category, text.replace(&n.to_string(), "{n}"))
        })
        .collect()
}

/// A page of a generated filter page, as `filter.html` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FilterPage {
    pub facet: Facet,
    /// The UI string of the facet's name: `facet-status`.
    pub facet_key: String,
    pub value: String,
    pub label: Text,
    /// The value's name, with "page 2 of 3" after the first page: plain for the title, and
    /// with the name isolated for the heading.
    pub heading: String,
    pub heading_isolated: String,
    /// "Page 2 of 3", after the first page.
    pub page_of: String,
    /// The initiatives of this page, and how many have the value in all.
    pub items: Vec<Link>,
    pub count: usize,
    /// The first page of the value's initiatives.
    pub first_url: String,
    /// The initiatives list with this filter chosen, for filtering further with JavaScript.
    pub list_url: String,
}

/// Renders `/<lang>/filter/<facet>/<value>/` (and its further pages) for every value of the
/// facets that have no entry pages (age group, district, sector, status), in every language,
/// and the cards of a list of initiatives split into pages (`cards.json`). Returns the pages
/// made.
pub fn render_pages(
    m: &Model,
    tera: &tera::Tera,
    out: &mut Output,
    diags: &mut Diagnostics,
) -> usize {
    let values = FacetTable::new(m);
    let mut pages = 0;
    for l in &m.config.languages {
        let mut add = |o: Output, _: &mut Diagnostics| {
            out.extend(o);
            Ok(())
        };
        // Kept in memory, nothing fails.
        pages += render_language(m, tera, &values, &l.code, usize::MAX, diags, &mut add)
            .unwrap_or_default();
    }
    pages
}

/// The values of every initiative's facets, found once for the filter pages of all languages.
pub struct FacetTable<'m>(HashMap<&'m str, BTreeMap<Facet, BTreeSet<String>>>);

impl<'m> FacetTable<'m> {
    pub fn new(m: &Model<'m>) -> FacetTable<'m> {
        FacetTable(
            m.content
                .of(Collection::Initiatives)
                .map(|e| (e.id.as_str(), facet_values(m, e)))
                .collect(),
        )
    }
}

/// Where rendered files go, a batch at a time: `build` writes each before it renders the next.
pub type Sink<'s> = dyn FnMut(Output, &mut Diagnostics) -> Result<(), Diagnostic> + 's;

/// [`render_pages`] in one language, given to `sink` in batches of `batch` pages: at 10,000
/// initiatives a language's filter pages weigh 55 MB. Returns how many pages were made, or
/// the first error of `sink`.
pub fn render_language(
    m: &Model,
    tera: &tera::Tera,
    values: &FacetTable,
    lang: &str,
    batch: usize,
    diags: &mut Diagnostics,
    sink: &mut Sink,
) -> Result<usize, Diagnostic> {
    let Some(filters) = of_language(m, lang) else {
        return Ok(0);
    };
    let mut out = Output::default();
    write_cards(m, tera, &filters, lang, &mut out, diags);
    write_facets(m, tera, &filters, lang, &mut out, diags);
    sink(out, diags)?;
    // Every initiative in the list's order, sorted once: a value's initiatives keep it.
    let mut all: Vec<Link> = m
        .content
        .of(Collection::Initiatives)
        .filter_map(|e| m.link_to(Collection::Initiatives, &e.id, lang))
        .collect();
    m.sort_links(&mut all, lang);
    let mut lists = Vec::new();
    for view in filters.facets.iter().filter(|v| !v.facet.has_entry_pages()) {
        for o in &view.options {
            let items: Vec<&Link> = all
                .iter()
                .filter(|l| values.0[l.id.as_str()][&view.facet].contains(&o.value))
                .collect();
            lists.push(Value {
                view,
                option: o,
                items,
            });
        }
    }
    let jobs: Vec<(&Value, usize, usize)> = lists
        .iter()
        .flat_map(|v| {
            let total = page_count(v.items.len(), m.config.per_page);
            (1..=total).map(move |n| (v, n, total))
        })
        .collect();
    let mut pages = 0;
    for chunk in jobs.chunks(batch.max(1)) {
        let rendered: Vec<(Output, Diagnostics, bool)> = chunk
            .par_iter()
            .map(|(v, n, total)| {
                let (mut o, mut d) = (Output::default(), Diagnostics::default());
                let ok = filter_page(m, tera, v, lang, (*n, *total), &mut o, &mut d);
                (o, d, ok)
            })
            .collect();
        let mut out = Output::default();
        for (o, d, ok) in rendered {
            out.extend(o);
            diags.extend(d);
            pages += usize::from(ok);
        }
        sink(out, diags)?;
    }
    Ok(pages)
}

/// A value of a facet and its initiatives, in the list's order.
struct Value<'a> {
    view: &'a FacetView,
    option: &'a FacetOption,
    items: Vec<&'a Link>,
}

/// Renders page `n` of `total` of a value's filter page; whether it worked.
fn filter_page(
    m: &Model,
    tera: &tera::Tera,
    v: &Value,
    lang: &str,
    (n, total): (usize, usize),
    out: &mut Output,
    diags: &mut Diagnostics,
) -> bool {
    let (facet, o) = (v.view.facet, v.option);
    let first_of = |l: &str| filter_path(l, facet.name(), &o.value);
    let path_of = |l: &str| paged(&first_of(l), n);
    let chrome = chrome::chrome(m, lang, &path_of, &|_| true, Some("initiatives"));
    let mut ctx = chrome::context(&chrome);
    let facet_label = strip_isolation(&m.strings.get(lang, &v.view.key, None));
    let words = |key| page_words(m, lang, key, &o.label.text, n, total);
    let heading = if n > 1 {
        words("list-page")
    } else {
        o.label.text.clone()
    };
    let items: Vec<Link> = page_of(&v.items, n, m.config.per_page)
        .iter()
        .map(|l| (*l).clone())
        .collect();
    let listed = Listed {
        items: &items,
        total: v.items.len(),
        before: (n - 1) * m.config.per_page.max(1),
    };
    let title = format!("{facet_label}: {heading}");
    let kind = PageKind::Filter(&facet_label, &heading, listed);
    ctx.insert("meta", &meta(m, &chrome, lang, &title, kind));
    let pager = pager(m, lang, n, total, &|k| paged(&first_of(lang), k));
    ctx.insert("pager", &pager);
    ctx.insert(
        "filter",
        &FilterPage {
            facet,
            facet_key: v.view.key.clone(),
            value: o.value.clone(),
            label: o.label.clone(),
            heading_isolated: page_words_isolated(m, lang, "list-page", &o.label.text, n, total),
            heading,
            page_of: words("page-of"),
            items,
            count: v.items.len(),
            first_url: m.config.link(&first_of(lang)),
            list_url: format!(
                "{}?{}={}",
                m.config.link(&list_path(Collection::Initiatives, lang)),
                facet.name(),
                o.value
            ),
        },
    );
    crate::render::pages::render_one(
        tera,
        "filter.html",
        &ctx,
        &index_file(&path_of(lang)),
        out,
        diags,
    )
}

/// The address of the cards of every initiative in `lang`, when the initiatives list is split
/// into pages: its filters then filter these, not only the cards of the page.
pub fn cards_url(m: &Model, lang: &str) -> Option<String> {
    let n = m.content.of(Collection::Initiatives).count();
    (page_count(n, m.config.per_page) > 1).then(|| m.config.link(&cards_file(lang)))
}

/// The address of `facets.html`, the boxes of the filters in `lang`, when they are too many
/// to be written in the initiatives list's first page ([`INLINE_BOXES`]).
pub fn facets_url(m: &Model, filters: &Filters, lang: &str) -> Option<String> {
    (filters.boxes() > INLINE_BOXES).then(|| m.config.link(&facets_file(lang)))
}

/// `facets.html`: the boxes of the filters, in a page of their own that filters.js reads them
/// from, when [`facets_url`] says they are too many for the list's first page.
fn write_facets(
    m: &Model,
    tera: &tera::Tera,
    filters: &Filters,
    lang: &str,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    if facets_url(m, filters, lang).is_none() {
        return;
    }
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert("dir", m.dir_of(lang).as_str());
    ctx.insert("filters", filters);
    let path = facets_file(lang);
    crate::render::pages::render_one(tera, "facets.html", &ctx, &path, out, diags);
}

/// `cards.json`: `{"cards": "<li class=\"card\" …>…</li>…"}`, every initiative's card as the
/// list shows it (rendered by the theme's `cards.html`, escaped as every page is), in the
/// list's order, when the list is split into pages.
fn write_cards(
    m: &Model,
    tera: &tera::Tera,
    filters: &Filters,
    lang: &str,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    if cards_url(m, lang).is_none() {
        return;
    }
    let path = cards_file(lang);
    match cards_html(m, tera, filters, lang, &path, CARDS_AT_ONCE) {
        Ok(html) => out.add(
            path,
            serde_json::json!({ "cards": html.trim() }).to_string(),
        ),
        Err(d) => diags.push(d),
    }
}

/// Every initiative's card (the template `cards.html`), rendered `at_once` cards at a time:
/// the template's copy of every initiative's link took more memory than the rest of the
/// filter pages (at 10,000 initiatives). The template is a loop over the cards; what it writes
/// around the loop, rendered with no cards, is taken off each piece and put back once. A
/// theme's template that writes more than blanks around the loop is rendered whole.
pub(crate) fn cards_html(
    m: &Model,
    tera: &tera::Tera,
    filters: &Filters,
    lang: &str,
    path: &str,
    at_once: usize,
) -> Result<String, Diagnostic> {
    let items = crate::render::pages::links_of(m, Collection::Initiatives, lang);
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert("filters", filters);
    let mut render = |items: &[crate::render::Link]| {
        ctx.insert("items", items);
        crate::render::pages::render_template(tera, "cards.html", &ctx, path)
    };
    let frame = render(&[])?;
    if !frame.trim().is_empty() {
        return render(&items);
    }
    let mut html = String::new();
    for chunk in items.chunks(at_once.max(1)) {
        let piece = render(chunk)?;
        html.push_str(piece.strip_suffix(frame.as_str()).unwrap_or(&piece));
    }
    html.push_str(&frame);
    Ok(html)
}

/// How many cards `write_cards` renders at once.
const CARDS_AT_ONCE: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_are_named_shown_in_form_order_and_sorted_by_name() {
        let names: Vec<&str> = Facet::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(
            names,
            [
                "domain", "ages", "town", "district", "partner", "sector", "status"
            ]
        );
        let mut sorted = Facet::ALL;
        sorted.sort();
        let sorted: Vec<&str> = sorted.iter().map(|f| f.name()).collect();
        let mut by_name = names.clone();
        by_name.sort();
        assert_eq!(sorted, by_name);
        assert_eq!(serde_json::to_value(Facet::AgeGroup).unwrap(), "ages");
        assert_eq!(Facet::AgeGroup.ui_key(), "facet-ages");
    }
}
