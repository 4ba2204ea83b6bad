//! Related initiatives found from the facts, for an initiative whose author named none.
//!
//! Two initiatives are related by what they share: towns, partners, life domains. A shared
//! thing counts for more the fewer initiatives have it — sharing a town that two initiatives
//! run in says more than sharing the foundation that leads most of them — so each shared
//! thing weighs 1 / (number of initiatives that have it). The score is the sum; ties go to
//! the id, so the same content gives the same suggestions on every build. Each suggestion keeps
//! what it shares, most telling first, so the page can say why ("also in Sderot").

use std::collections::{BTreeMap, BTreeSet};

use crate::model::content::{Collection, Content, Facts, InitiativeFacts};

/// How many suggestions an initiative's page shows.
pub const SHOWN: usize = 3;

/// One suggested initiative and what it shares with the one on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub id: String,
    pub score: f64,
    /// (collection, id) of each shared town, partner or domain, the rarest first.
    pub shared: Vec<(Collection, String)>,
}

/// The facts an initiative is compared by.
fn features(f: &InitiativeFacts) -> BTreeSet<(Collection, String)> {
    let mut s = BTreeSet::new();
    for t in &f.towns {
        s.insert((Collection::Towns, t.value.trim().to_string()));
    }
    for p in &f.partners {
        s.insert((Collection::Partners, p.id.value.trim().to_string()));
    }
    for d in &f.domains {
        s.insert((Collection::Domains, d.value.trim().to_string()));
    }
    s
}

/// What every initiative shares with which others, built once per build (and again in
/// `serve` when facts change), so that a page looks only at the initiatives that share
/// something with its own instead of at all of them.
#[derive(Default)]
pub struct Relatedness {
    features: BTreeMap<String, BTreeSet<(Collection, String)>>,
    /// The initiatives that have each town, partner or domain.
    holders: BTreeMap<(Collection, String), Vec<String>>,
}

impl Relatedness {
    pub fn new(content: &Content) -> Relatedness {
        let features: BTreeMap<String, BTreeSet<(Collection, String)>> = content
            .of(Collection::Initiatives)
            .filter_map(|e| match &e.facts {
                Facts::Initiative(f) => Some((e.id.clone(), features(f))),
                _ => None,
            })
            .collect();
        let mut holders: BTreeMap<(Collection, String), Vec<String>> = BTreeMap::new();
        for (id, fs) in &features {
            for f in fs {
                holders.entry(f.clone()).or_default().push(id.clone());
            }
        }
        Relatedness { features, holders }
    }

    pub fn suggest(&self, id: &str, limit: usize) -> Vec<Suggestion> {
        let Some(mine) = self.features.get(id) else {
            return Vec::new();
        };
        let weight = |f: &(Collection, String)| {
            1.0 / self.holders.get(f).map_or(1, |h| h.len().max(1)) as f64
        };
        let candidates: BTreeSet<&str> = mine
            .iter()
            .filter_map(|f| self.holders.get(f))
            .flatten()
            .map(String::as_str)
            .filter(|other| *other != id)
            .collect();
        let mut found: Vec<Suggestion> = candidates
            .into_iter()
            .filter_map(|other| {
                let theirs = self.features.get(other)?;
                let mut shared: Vec<(Collection, String)> =
                    mine.intersection(theirs).cloned().collect();
                // Rarest first; among equals towns, then partners, then domains, then by id.
                shared.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then_with(|| a.cmp(b)));
                Some(Suggestion {
                    id: other.to_string(),
                    score: shared.iter().map(weight).sum(),
                    shared,
                })
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        found.truncate(limit);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `limit` initiatives most related to `id` by shared facts, best first.
    fn suggest(content: &Content, id: &str, limit: usize) -> Vec<Suggestion> {
        Relatedness::new(content).suggest(id, limit)
    }
    use crate::model::content::{Entry, Facts, InitiativeFacts, PartnerRef};
    use serde_saphyr::Spanned;
    use std::path::PathBuf;

    fn r(s: &str) -> Spanned<String> {
        serde_saphyr::from_str(&format!("\"{s}\"")).expect("a spanned string")
    }

    fn initiative(id: &str, towns: &[&str], partners: &[&str], domains: &[&str]) -> Entry {
        let f = InitiativeFacts {
            towns: towns.iter().map(|t| r(t)).collect(),
            partners: partners
                .iter()
                .map(|p| PartnerRef {
                    id: r(p),
                    role: None,
                })
                .collect(),
            domains: domains.iter().map(|d| r(d)).collect(),
            ..Default::default()
        };
        Entry {
            collection: Collection::Initiatives,
            id: id.into(),
            dir: PathBuf::new(),
            facts: Facts::Initiative(Box::new(f)),
            facts_file: None,
            texts: Default::default(),
            assets: Vec::new(),
            renamed: Default::default(),
            pictures: Default::default(),
            problems: Vec::new(),
        }
    }

    fn site(entries: Vec<Entry>) -> Content {
        let mut c = Content::default();
        for e in entries {
            c.entries.insert((e.collection, e.id.clone()), e);
        }
        c
    }

    fn ids(v: &[Suggestion]) -> Vec<&str> {
        v.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn a_shared_town_outweighs_the_partner_everyone_shares() {
        let c = site(vec![
            initiative("a", &["sderot"], &["rashi"], &["education"]),
            initiative("b", &["sderot"], &["other"], &[]),
            initiative("c", &[], &["rashi"], &[]),
            initiative("d", &[], &["rashi"], &[]),
            initiative("e", &["ofakim"], &["rashi"], &[]),
        ]);
        let s = suggest(&c, "a", 3);
        assert_eq!(ids(&s), ["b", "c", "d"]);
        assert_eq!(s[0].shared, [(Collection::Towns, "sderot".to_string())]);
    }

    #[test]
    fn nothing_shared_is_never_suggested_and_ties_go_by_id() {
        let c = site(vec![
            initiative("a", &[], &[], &["health"]),
            initiative("z", &[], &[], &["health"]),
            initiative("m", &[], &[], &["health"]),
            initiative("x", &["sderot"], &[], &["welfare"]),
        ]);
        assert_eq!(ids(&suggest(&c, "a", 3)), ["m", "z"]);
        assert!(suggest(&c, "x", 3).is_empty());
        assert!(suggest(&c, "no-such", 3).is_empty());
    }

    #[test]
    fn the_same_content_gives_the_same_suggestions_whatever_the_order_it_was_read_in() {
        let make = |rev: bool| {
            let mut v = vec![
                initiative("a", &["sderot", "ofakim"], &["rashi"], &["education"]),
                initiative("b", &["ofakim"], &["rashi"], &[]),
                initiative("c", &["sderot"], &["rashi"], &[]),
                initiative("d", &[], &[], &["education"]),
            ];
            if rev {
                v.reverse();
            }
            suggest(&site(v), "a", 3)
        };
        let first = make(false);
        assert_eq!(first, make(true));
        assert_eq!(ids(&first), ["b", "c", "d"]);
        // Within b: ofakim (2 initiatives) before rashi (3).
        assert_eq!(
            first[0].shared,
            [
                (Collection::Towns, "ofakim".to_string()),
                (Collection::Partners, "rashi".to_string())
            ]
        );
    }
}
