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

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::diagnostics::Diagnostics;
use crate::model::content::{Collection, District, Entry, Facts, InitiativeFacts, Status};
use crate::model::urls::filter_path;
use crate::output::Output;
use crate::render::{Link, Model, Text, chrome};
use crate::text::i18n::strip_isolation;

/// The facets, in the order the form shows them; each is also the name of its `data-`
/// attribute and of its parameter in the address.
pub const FACETS: [&str; 7] = [
    "domain", "ages", "town", "district", "partner", "sector", "status",
];

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
    pub facets: Vec<Facet>,
    /// Each initiative's ` data-domain="…" data-town="…"` attributes, by id.
    pub data: BTreeMap<String, String>,
    /// The count sentence per plural category (`one`, `few`…), `{n}` standing for the number.
    pub count_forms: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    pub name: &'static str,
    /// The UI string of its name: `facet-domain`.
    pub key: String,
    pub options: Vec<FacetOption>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetOption {
    pub value: String,
    pub label: Text,
    pub count: usize,
    /// The plain page of this value's initiatives.
    pub url: String,
}

fn serde_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn age_group_id((from, to): (u8, Option<u8>)) -> String {
    match to {
        Some(to) => format!("{from}-{to}"),
        None => format!("{from}-plus"),
    }
}

/// Whether a facet's values are entries with pages of their own (a domain, a town, a partner
/// lists its initiatives), so that they need no filter page.
fn has_entry_pages(facet: &str) -> bool {
    matches!(facet, "domain" | "town" | "partner")
}

/// The filter pages of a language, as (facet, value): where [`render_pages`] writes them.
pub fn page_values(m: &Model, lang: &str) -> Vec<(&'static str, String)> {
    let Some(filters) = m.filters(lang) else {
        return Vec::new();
    };
    filters
        .facets
        .iter()
        .filter(|f| !has_entry_pages(f.name))
        .flat_map(|f| f.options.iter().map(|o| (f.name, o.value.clone())))
        .collect()
}

impl Model<'_> {
    /// The values of every facet that initiative `e` has.
    pub fn facet_values(&self, e: &Entry) -> BTreeMap<&'static str, BTreeSet<String>> {
        let mut v: BTreeMap<&'static str, BTreeSet<String>> =
            FACETS.iter().map(|f| (*f, BTreeSet::new())).collect();
        let Facts::Initiative(f) = &e.facts else {
            return v;
        };
        let f: &InitiativeFacts = f;
        let mut add = |facet: &'static str, value: String| {
            if let Some(set) = v.get_mut(facet) {
                set.insert(value);
            }
        };
        for d in &f.domains {
            add("domain", d.value.trim().to_string());
        }
        if let Some(a) = &f.ages {
            for g in AGE_GROUPS {
                if a.value.from <= g.1.unwrap_or(u8::MAX) && a.value.to >= g.0 {
                    add("ages", age_group_id(g));
                }
            }
        }
        for t in &f.towns {
            let id = t.value.trim();
            add("town", id.to_string());
            if let Some(Facts::Town(tf)) = self.content.get(Collection::Towns, id).map(|e| &e.facts)
                && let Some(d) = tf.district
            {
                add("district", serde_name(&d));
            }
        }
        for p in &f.partners {
            let id = p.id.value.trim();
            add("partner", id.to_string());
            if let Some(Facts::Partner(pf)) =
                self.content.get(Collection::Partners, id).map(|e| &e.facts)
                && let Some(s) = &pf.sector
            {
                add("sector", s.value.trim().to_string());
            }
        }
        if let Some(s) = f.status {
            add("status", serde_name(&s));
        }
        v
    }

    fn ui(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> Text {
        let s = strip_isolation(&self.strings.get(lang, key, args));
        self.text(&s, lang, lang)
    }

    /// The label of a facet's value on a page in `lang`.
    fn option_label(&self, facet: &str, value: &str, lang: &str) -> Option<Text> {
        let entry = |c: Collection| self.content.get(c, value).map(|e| self.title_of(e, lang));
        match facet {
            "domain" => entry(Collection::Domains),
            "town" => entry(Collection::Towns),
            "partner" => entry(Collection::Partners),
            "sector" => entry(Collection::Sectors),
            "district" => Some(self.ui(lang, &format!("district-{value}"), None)),
            "status" => Some(self.ui(lang, &format!("status-{value}"), None)),
            "ages" => {
                let g = AGE_GROUPS.iter().find(|g| age_group_id(**g) == value)?;
                let f = self.formats.get(lang);
                let mut args = FluentArgs::new();
                args.set("from", FluentValue::from(f.number(g.0.into())));
                Some(match g.1 {
                    Some(to) => {
                        args.set("to", FluentValue::from(f.number(to.into())));
                        self.ui(lang, "ages-range", Some(&args))
                    }
                    None => self.ui(lang, "ages-and-over", Some(&args)),
                })
            }
            _ => None,
        }
    }

    /// The plain page of a facet's value: its entry's page, or a generated filter page.
    fn option_url(&self, facet: &str, value: &str, lang: &str) -> String {
        match facet {
            "domain" => self.entry_url(Collection::Domains, value, lang),
            "town" => self.entry_url(Collection::Towns, value, lang),
            "partner" => self.entry_url(Collection::Partners, value, lang),
            _ => self.config.link(&filter_path(lang, facet, value)),
        }
    }

    /// The order of a facet's values: the facts' own order for districts, statuses and age
    /// groups, the reader's alphabet for entries.
    fn sort_options(&self, facet: &str, options: &mut [FacetOption], lang: &str) {
        let fixed: Vec<String> = match facet {
            "district" => District::ALL.iter().map(serde_name).collect(),
            "status" => Status::ALL.iter().map(serde_name).collect(),
            "ages" => AGE_GROUPS.iter().map(|g| age_group_id(*g)).collect(),
            _ => Vec::new(),
        };
        let f = self.formats.get(lang);
        options.sort_by(|a, b| {
            let pa = fixed.iter().position(|x| *x == a.value);
            let pb = fixed.iter().position(|x| *x == b.value);
            pa.cmp(&pb)
                .then_with(|| f.compare(&a.label.text, &b.label.text))
                .then_with(|| a.value.cmp(&b.value))
        });
    }

    /// The filters on the list page of collection `c`: on the initiatives list.
    pub fn list_filters(&self, c: Collection, lang: &str) -> Option<Filters> {
        (c == Collection::Initiatives)
            .then(|| self.filters(lang))
            .flatten()
    }

    /// The filters of the initiatives list in `lang`; `None` when the site has no initiative.
    pub fn filters(&self, lang: &str) -> Option<Filters> {
        let initiatives: Vec<&Entry> = self.content.of(Collection::Initiatives).collect();
        if initiatives.is_empty() {
            return None;
        }
        let values: Vec<(&Entry, BTreeMap<&'static str, BTreeSet<String>>)> = initiatives
            .iter()
            .map(|e| (*e, self.facet_values(e)))
            .collect();
        let mut facets = Vec::new();
        for name in FACETS {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for (_, v) in &values {
                for value in &v[name] {
                    *counts.entry(value.as_str()).or_default() += 1;
                }
            }
            let mut options: Vec<FacetOption> = counts
                .into_iter()
                .filter_map(|(value, count)| {
                    Some(FacetOption {
                        label: self.option_label(name, value, lang)?,
                        url: self.option_url(name, value, lang),
                        value: value.to_string(),
                        count,
                    })
                })
                .collect();
            // A facet that every initiative passes whatever is chosen filters nothing.
            if options.iter().all(|o| o.count == initiatives.len()) {
                continue;
            }
            self.sort_options(name, &mut options, lang);
            facets.push(Facet {
                name,
                key: format!("facet-{name}"),
                options,
            });
        }
        let data = values
            .iter()
            .map(|(e, v)| {
                let attrs: String = v
                    .iter()
                    .map(|(facet, set)| {
                        let list: Vec<&str> = set.iter().map(String::as_str).collect();
                        format!(" data-{facet}=\"{}\"", list.join(" "))
                    })
                    .collect();
                (e.id.clone(), attrs)
            })
            .collect();
        Some(Filters {
            facets,
            data,
            count_forms: self.count_forms(lang, "count-initiatives"),
        })
    }

    /// The message `key` for each plural category of `lang` that a count can select, with
    /// `{n}` where the number goes. The browser picks the category with `Intl.PluralRules`.
    pub fn count_forms(&self, lang: &str, key: &str) -> Vec<(&'static str, String)> {
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
                let text = self.strings.get(lang, key, Some(&args));
                (category, text.replace(&n.to_string(), "{n}"))
            })
            .collect()
    }
}

/// A generated filter page, as `filter.html` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FilterPage {
    pub facet: &'static str,
    /// The UI string of the facet's name: `facet-status`.
    pub facet_key: String,
    pub value: String,
    pub label: Text,
    pub items: Vec<Link>,
    /// The initiatives list with this filter chosen, for filtering further with JavaScript.
    pub list_url: String,
}

/// Renders `/<lang>/filter/<facet>/<value>/` for every value of the facets that have no entry
/// pages (age group, district, sector, status), in every language. Returns the pages made.
pub fn render_pages(
    m: &Model,
    tera: &tera::Tera,
    out: &mut Output,
    diags: &mut Diagnostics,
) -> usize {
    let mut pages = 0;
    for l in &m.config.languages {
        let lang = l.code.as_str();
        let Some(filters) = m.filters(lang) else {
            continue;
        };
        for facet in &filters.facets {
            if has_entry_pages(facet.name) {
                continue;
            }
            for o in &facet.options {
                let ids: Vec<&str> = m
                    .content
                    .of(Collection::Initiatives)
                    .filter(|e| m.facet_values(e)[facet.name].contains(&o.value))
                    .map(|e| e.id.as_str())
                    .collect();
                let mut items: Vec<Link> = ids
                    .iter()
                    .filter_map(|id| m.link_to(Collection::Initiatives, id, lang))
                    .collect();
                m.sort_links(&mut items, lang);
                let path_of = |l: &str| filter_path(l, facet.name, &o.value);
                let chrome = chrome::chrome(m, lang, &path_of, &|_| true, Some("initiatives"));
                let mut ctx = chrome::context(&chrome);
                let facet_label =
                    strip_isolation(&m.strings.get(lang, &format!("facet-{}", facet.name), None));
                let title = format!("{facet_label}: {}", o.label.text);
                ctx.insert("meta", &m.meta(&chrome, lang, &title, None));
                ctx.insert(
                    "filter",
                    &FilterPage {
                        facet: facet.name,
                        facet_key: facet.key.clone(),
                        value: o.value.clone(),
                        label: o.label.clone(),
                        items,
                        list_url: format!(
                            "{}?{}={}",
                            m.config.link(&format!("{lang}/initiatives/")),
                            facet.name,
                            o.value
                        ),
                    },
                );
                if crate::render::pages::render_one(
                    tera,
                    "filter.html",
                    &ctx,
                    &format!("{}index.html", path_of(lang)),
                    out,
                    diags,
                ) {
                    pages += 1;
                }
            }
        }
    }
    pages
}
