//! The old ids of renamed entries (`aliases:` in `common.yaml`): each is checked, and kept so
//! that a reference to an old id can name the new one and every old address can send readers
//! on to the new page.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::content::{Collection, Content, Entry, Ref};

/// Old id → the entry's id now, by collection.
pub type Aliases = BTreeMap<(Collection, String), String>;

/// Every published entry's aliases; a mistake (an alias that is an entry's id, or that two
/// entries claim, or not an id at all) is reported at its line and left out.
pub fn collect(content: &Content, diags: &mut Diagnostics) -> Aliases {
    let mut aliases = Aliases::new();
    for entry in content.entries.values() {
        for a in entry.facts.aliases() {
            if let Some(d) = problem(content, &aliases, entry, a) {
                diags.push(d);
                continue;
            }
            aliases.insert(
                (entry.collection, a.value.trim().to_string()),
                entry.id.clone(),
            );
        }
    }
    aliases
}

fn problem(content: &Content, seen: &Aliases, entry: &Entry, a: &Ref) -> Option<Diagnostic> {
    let old = a.value.trim();
    let c = entry.collection;
    let (message, hint) = if !super::content::valid_id(old) {
        (
            format!("'aliases' holds '{old}', which is not an id"),
            "an id is lower-case letters, digits and '-', as in the folder's name".to_string(),
        )
    } else if let Some(problem) = (c == Collection::News)
        .then(|| super::content::year_id_problem(old))
        .flatten()
    {
        problem
    } else if old == entry.id {
        (
            format!("'aliases' holds the entry's own id '{old}'"),
            "list only the ids the entry had before; remove this one".to_string(),
        )
    } else if content.get(c, old).is_some() || content.draft(c, old).is_some() {
        (
            format!(
                "'aliases' holds '{old}', which is the id of another entry: content/{c}/{old}/"
            ),
            format!(
                "an old address cannot send readers away from a page that exists: remove '{old}' here, or rename content/{c}/{old}/"
            ),
        )
    } else if let Some(other) = seen.get(&(c, old.to_string())) {
        (
            format!("'aliases' holds '{old}', which content/{c}/{other}/ lists as its old id too"),
            "an old id can send readers to one entry only: keep it where it belongs".to_string(),
        )
    } else {
        return None;
    };
    let mut d = Diagnostic::error(message)
        .at(a.referenced.line(), a.referenced.column())
        .hint(hint);
    if let Some(f) = &entry.facts_file {
        d = d.in_file(f);
    }
    Some(d)
}
