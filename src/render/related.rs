//! Suggested related initiatives as a page shows them: the model's suggestions (see
//! `model::related`) with each one's title and the reasons, in the page's language.

use serde::Serialize;

use crate::model::content::{Collection, Entry};
use crate::model::related::SHOWN;
use crate::render::{Link, Model, Text};

/// A suggested initiative on a page, with why: "also in Sderot".
#[derive(Debug, Clone, Serialize)]
pub struct Suggested {
    pub link: Link,
    /// At most two reasons of different kinds, the most telling first.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// A UI-string key that takes `$name`: `related-town`, `related-partner`, `related-domain`.
    pub key: &'static str,
    pub name: Text,
}

/// Related initiatives for `e`'s page in `lang`, found from the facts.
pub fn suggested(m: &Model, e: &Entry, lang: &str) -> Vec<Suggested> {
    m.related
        .suggest(&e.id, SHOWN)
        .into_iter()
        .filter_map(|s| {
            let link = m.link_to(Collection::Initiatives, &s.id, lang)?;
            // One reason of each kind, so two reasons say two different things.
            let mut kinds = Vec::new();
            let reasons = s
                .shared
                .iter()
                .filter(|(c, _)| {
                    let first = !kinds.contains(c);
                    kinds.push(*c);
                    first
                })
                .filter_map(|(c, id)| {
                    let key = match c {
                        Collection::Towns => "related-town",
                        Collection::Partners => "related-partner",
                        _ => "related-domain",
                    };
                    let entry = m.content.get(*c, id)?;
                    Some(Reason {
                        key,
                        name: m.title_of(entry, lang),
                    })
                })
                .take(2)
                .collect();
            Some(Suggested { link, reasons })
        })
        .collect()
}
