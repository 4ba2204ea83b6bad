//! Related initiatives found from the facts, for an initiative whose author named none.
//!
//! Two initiatives are related by what they share: towns, partners, life domains. A shared
//! thing counts for more the fewer initiatives have it — sharing a town that two initiatives
//! run in says more than sharing the foundation that leads most of them — so each shared
//! thing weighs 1 / (number of initiatives that have it). The score is the sum; ties go to
//! the id, so the same content gives the same suggestions on every build. Each suggestion keeps
//! what it shares, most telling first, so the page can say why ("also in Sderot").

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashSet;

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

/// What an initiative is compared by: its towns, partners and domains.
type Features = BTreeSet<(Collection, String)>;

/// The facts an initiative is compared by.
fn features(f: &InitiativeFacts) -> Features {
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
    features: BTreeMap<String, Features>,
    /// The initiatives that have each town, partner or domain.
    holders: BTreeMap<(Collection, String), Vec<String>>,
}

impl Relatedness {
    pub fn new(content: &Content) -> Relatedness {
        let features: BTreeMap<String, Features> = content
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
        let Some(mine) = self.features.get(id).filter(|_| limit > 0) else {
            return Vec::new();
        };
        let weight = |f: &(Collection, String)| {
            1.0 / self.holders.get(f).map_or(1, |h| h.len().max(1)) as f64
        };
        // Its features, rarest first; among equals towns, then partners, then domains, then
        // by id. What it shares with another is these in this order, and the score their
        // weights added in this order.
        let mut ranked: Vec<(&(Collection, String), f64)> =
            mine.iter().map(|f| (f, weight(f))).collect();
        ranked.sort_by(|(a, wa), (b, wb)| wb.total_cmp(wa).then_with(|| a.cmp(b)));
        let score_of = |theirs: &Features| -> f64 {
            ranked
                .iter()
                .filter(|(f, _)| theirs.contains(*f))
                .map(|(_, w)| w)
                .sum()
        };
        let best = |a: &(f64, &str, &Features), b: &(f64, &str, &Features)| {
            b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1))
        };
        // The others are met through its features, rarest first, and scored without copying
        // what they share: at 10,000 initiatives one shares a domain with thousands. One not
        // met yet shares none of the features gone through, so it scores at most the weights
        // of the rest added up (another weight never lowers a sum of positive numbers, even
        // rounded). Once the last of the best `limit` scores above that, nobody else can
        // reach them, nor tie with them.
        let mut met: FxHashSet<&str> = FxHashSet::default();
        let mut scored: Vec<(f64, &str, &Features)> = Vec::new();
        for (i, (f, _)) in ranked.iter().enumerate() {
            for other in self.holders.get(*f).into_iter().flatten() {
                if other == id || !met.insert(other.as_str()) {
                    continue;
                }
                if let Some(theirs) = self.features.get(other) {
                    scored.push((score_of(theirs), other, theirs));
                }
            }
            scored.sort_by(best);
            scored.truncate(limit);
            let rest: f64 = ranked[i + 1..].iter().map(|(_, w)| w).sum();
            if scored.len() == limit && scored.last().is_some_and(|last| last.0 > rest) {
                break;
            }
        }
        scored
            .into_iter()
            .map(|(score, other, theirs)| Suggestion {
                id: other.to_string(),
                score,
                shared: ranked
                    .iter()
                    .filter(|(f, _)| theirs.contains(*f))
                    .map(|(f, _)| (*f).clone())
                    .collect(),
            })
            .collect()
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

    /// Every initiative that shares anything with `id` scored against all of them, as
    /// `suggest` did before it stopped early: what the quicker way must agree with.
    fn suggest_by_scoring_all(content: &Content, id: &str, limit: usize) -> Vec<Suggestion> {
        let r = Relatedness::new(content);
        let Some(mine) = r.features.get(id) else {
            return Vec::new();
        };
        let weight = |f: &(Collection, String)| 1.0 / r.holders.get(f).map_or(1, Vec::len) as f64;
        let mut found: Vec<Suggestion> = r
            .features
            .iter()
            .filter(|(other, theirs)| *other != id && !mine.is_disjoint(theirs))
            .map(|(other, theirs)| {
                let mut shared: Vec<(Collection, String)> =
                    mine.intersection(theirs).cloned().collect();
                shared.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then_with(|| a.cmp(b)));
                Suggestion {
                    id: other.clone(),
                    score: shared.iter().map(weight).sum(),
                    shared,
                }
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        found.truncate(limit);
        found
    }

    #[test]
    fn stopping_early_finds_what_scoring_everyone_finds() {
        // 400 initiatives: two domains shared by hundreds, 40 towns and 25 partners shared by
        // a few, with many equal scores (the same towns and partners over and over).
        let mut state: u64 = 7;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        let mut entries = Vec::new();
        for i in 0..400 {
            let towns: Vec<String> = (0..next(3)).map(|_| format!("t{}", next(40))).collect();
            let partners: Vec<String> = (0..next(3)).map(|_| format!("p{}", next(25))).collect();
            let domains: Vec<String> = (0..1 + next(2)).map(|_| format!("d{}", next(2))).collect();
            fn refs(v: &[String]) -> Vec<&str> {
                v.iter().map(String::as_str).collect()
            }
            entries.push(initiative(
                &format!("i{i:03}"),
                &refs(&towns),
                &refs(&partners),
                &refs(&domains),
            ));
        }
        let c = site(entries);
        // How many found as many as asked for: where stopping early could leave one out.
        let mut full = 0;
        for i in 0..400 {
            let id = format!("i{i:03}");
            for limit in [1, 3, 10] {
                let quick = suggest(&c, &id, limit);
                assert_eq!(
                    quick,
                    suggest_by_scoring_all(&c, &id, limit),
                    "{id}, {limit}"
                );
                full += usize::from(quick.len() == limit);
            }
        }
        assert!(full > 1000, "{full}");
    }
}
