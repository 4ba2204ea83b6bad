//! `sulam rename <collection> <old> <new>`: an entry's new id in one step. The folder moves,
//! every reference to the old id in the other entries' `common.yaml` and every relative
//! Markdown link to its pages are rewritten in place (each file keeps every other byte), the
//! old id becomes an alias (its addresses keep working), and the translation stamps that were
//! current stay current: a rename is not a change of text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::commands::translations::carry_stamps;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::config::SiteConfig;
use crate::model::content::{self, Collection, Entry};
use crate::model::folders;
use crate::model::urls::entry_path;
use crate::text::markdown::link_destinations;

/// What a rename changed, for the author.
#[derive(Debug, Default)]
pub struct Renamed {
    /// The folder before and after, relative to the site.
    pub moved: (PathBuf, PathBuf),
    /// The files whose references or links were rewritten, relative to the site.
    pub rewritten: Vec<PathBuf>,
    /// How many references and links were rewritten in all.
    pub changes: usize,
    /// The translations whose stamps were carried over to the rewritten source.
    pub restamped: Vec<PathBuf>,
}

pub fn rename(root: &Path, collection: &str, old: &str, new: &str) -> Result<Renamed, Diagnostics> {
    let fail = |d: Diagnostic| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    };
    let mut diags = Diagnostics::default();
    let Some(config) = SiteConfig::load(root, None, &mut diags) else {
        return Err(diags);
    };
    let c = Collection::from_name(collection).ok_or_else(|| {
        fail(
            Diagnostic::error(format!("there is no collection '{collection}'")).hint_opt(
                did_you_mean(collection, Collection::ALL.iter().map(|c| c.name())).or_else(|| {
                    Some("name one of the folders of content/, e.g. initiatives".into())
                }),
            ),
        )
    })?;
    let content = content::load(&config, &mut diags);
    if content.get(c, old).is_none() {
        return Err(fail(
            Diagnostic::error(format!("there is no entry content/{c}/{old}/")).hint_opt(
                did_you_mean(old, content.ids(c))
                    .map(|h| format!("{h} (rename takes the id the entry has now)")),
            ),
        ));
    }
    if !content::valid_id(new) {
        return Err(fail(
            Diagnostic::error(format!("'{new}' cannot be an id"))
                .hint("an id is lower-case letters, digits and '-', e.g. town-at-the-centre"),
        ));
    }
    let from = PathBuf::from(folders::CONTENT).join(c.name()).join(old);
    let to = PathBuf::from(folders::CONTENT).join(c.name()).join(new);
    if root.join(&to).exists() {
        return Err(fail(
            Diagnostic::error(format!("{} exists already", to.display()))
                .hint("choose another id, or remove that folder first"),
        ));
    }
    if diags.has_errors() {
        // A file that does not parse could hold a reference we would miss.
        return Err(diags.sorted());
    }

    // Every file's new text, computed before anything is written.
    let mut edits: BTreeMap<PathBuf, (String, usize)> = BTreeMap::new();
    for e in content.entries.values().chain(content.drafts.values()) {
        references_in_facts(root, e, c, old, new, &mut edits);
        links_in_bodies(root, &config, e, c, old, new, &mut edits);
    }
    let alias_file = from.join("common.yaml");
    let facts_text = match edits.remove(&alias_file) {
        Some((text, n)) => (text, n),
        None => (read(root, &alias_file).unwrap_or_default(), 0),
    };
    edits.insert(
        alias_file.clone(),
        (with_alias(&facts_text.0, old), facts_text.1),
    );

    let mut done = Renamed {
        moved: (from.clone(), to.clone()),
        ..Renamed::default()
    };
    for (file, (text, n)) in &edits {
        std::fs::write(root.join(file), text).map_err(|e| {
            fail(Diagnostic::error(format!("cannot write the file: {e}")).in_file(file))
        })?;
        if *n > 0 {
            done.rewritten.push(moved_path(file, &from, &to));
            done.changes += n;
        }
    }
    std::fs::rename(root.join(&from), root.join(&to)).map_err(|e| {
        fail(
            Diagnostic::error(format!("cannot move the folder to {}: {e}", to.display()))
                .in_file(&from),
        )
    })?;
    for e in content.entries.values().chain(content.drafts.values()) {
        let dir = moved_path(&rel(root, &e.dir), &from, &to);
        done.restamped.extend(carry_stamps(root, &dir, e)?);
    }
    Ok(done)
}

fn rel(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

fn read(root: &Path, file: &Path) -> Option<String> {
    std::fs::read_to_string(root.join(file)).ok()
}

/// `file` after the folder `from` moved to `to`.
fn moved_path(file: &Path, from: &Path, to: &Path) -> PathBuf {
    match file.strip_prefix(from) {
        Ok(rest) => to.join(rest),
        Err(_) => file.to_path_buf(),
    }
}

/// The text of `file` as edited so far, or as on disk.
fn text_of<'a>(
    root: &Path,
    edits: &'a mut BTreeMap<PathBuf, (String, usize)>,
    file: &Path,
) -> Option<&'a mut (String, usize)> {
    if !edits.contains_key(file) {
        let text = read(root, file)?;
        edits.insert(file.to_path_buf(), (text, 0));
    }
    edits.get_mut(file)
}

/// The references to (`c`, `old`) in `e`'s `common.yaml`, each replaced where it is written.
fn references_in_facts(
    root: &Path,
    e: &Entry,
    c: Collection,
    old: &str,
    new: &str,
    edits: &mut BTreeMap<PathBuf, (String, usize)>,
) {
    let Some(file) = &e.facts_file else { return };
    let lines: Vec<usize> = e
        .facts
        .references()
        .into_iter()
        .filter(|(target, r)| *target == c && r.value.trim() == old)
        .map(|(_, r)| r.referenced.line() as usize)
        .collect();
    if lines.is_empty() {
        return;
    }
    let Some((text, n)) = text_of(root, edits, file) else {
        return;
    };
    for line in lines {
        if replace_word_on_line(text, line, old, new) {
            *n += 1;
        }
    }
}

/// The relative Markdown links of `e`'s language files that lead to a page of (`c`, `old`),
/// each replaced on its line.
fn links_in_bodies(
    root: &Path,
    config: &SiteConfig,
    e: &Entry,
    c: Collection,
    old: &str,
    new: &str,
    edits: &mut BTreeMap<PathBuf, (String, usize)>,
) {
    for (lang, lf) in &e.texts {
        let page = entry_path(e.collection, &e.id, lang);
        let found: Vec<(String, String, usize)> = link_destinations(&lf.body)
            .into_iter()
            .filter_map(|(dest, line)| {
                let renamed = renamed_link(&dest, &page, &config.base_path, c, old, new)?;
                Some((dest, renamed, lf.body_line + line))
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        let Some((text, n)) = text_of(root, edits, &lf.path) else {
            continue;
        };
        for (dest, renamed, line) in found {
            if replace_on_line(text, line, &dest, &renamed) {
                *n += 1;
            }
        }
    }
}

/// `dest`, a link written on the page at `page` (`he/initiatives/x/`), with `old` made `new`
/// when it leads to a page of (`c`, `old`) in any language; `None` when it leads elsewhere.
fn renamed_link(
    dest: &str,
    page: &str,
    base_path: &str,
    c: Collection,
    old: &str,
    new: &str,
) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() || path.contains(':') || path.starts_with("//") {
        return None;
    }
    let mut segments: Vec<&str> = if let Some(abs) = path.strip_prefix(base_path) {
        Vec::from_iter(abs.split('/'))
    } else if path.starts_with('/') {
        return None;
    } else {
        let mut s: Vec<&str> = page.trim_end_matches('/').split('/').collect();
        for part in path.split('/') {
            match part {
                ".." => {
                    s.pop();
                }
                "." | "" => {}
                p => s.push(p),
            }
        }
        s
    };
    segments.retain(|s| !s.is_empty());
    let leads_there = segments.len() >= 3 && segments[1] == c.name() && segments[2] == old;
    if !leads_there {
        return None;
    }
    // The segment of the written link that names the entry: the last one equal to `old`.
    let mut parts: Vec<&str> = dest.split('/').collect();
    let at = parts
        .iter()
        .rposition(|p| *p == old || p.split(['#', '?']).next() == Some(old))?;
    let renamed = parts[at].replacen(old, new, 1);
    parts[at] = &renamed;
    Some(parts.join("/"))
}

/// Replaces the first whole-word `old` on line `line` (from 1) of `text`.
fn replace_word_on_line(text: &mut String, line: usize, old: &str, new: &str) -> bool {
    let Some((start, end)) = line_range(text, line) else {
        return false;
    };
    let is_id_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let l = &text[start..end];
    let at = l.match_indices(old).find(|(i, _)| {
        let before = l[..*i].chars().next_back();
        let after = l[i + old.len()..].chars().next();
        !before.is_some_and(is_id_char) && !after.is_some_and(is_id_char)
    });
    let Some((i, _)) = at else { return false };
    text.replace_range(start + i..start + i + old.len(), new);
    true
}

/// Replaces the first `from` on line `line` (from 1) of `text` with `to`.
fn replace_on_line(text: &mut String, line: usize, from: &str, to: &str) -> bool {
    let Some((start, end)) = line_range(text, line) else {
        return false;
    };
    let Some(i) = text[start..end].find(from) else {
        return false;
    };
    text.replace_range(start + i..start + i + from.len(), to);
    true
}

/// The byte range of line `line` (from 1) of `text`, without its line end.
fn line_range(text: &str, line: usize) -> Option<(usize, usize)> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    Some((start, end))
}

/// `common.yaml`'s text with `old` added to its `aliases` (a line added when it has none).
fn with_alias(text: &str, old: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut added = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !added
            && let Some(rest) = body.strip_prefix("aliases:")
            && let Some(inner) = rest
                .trim()
                .strip_prefix('[')
                .and_then(|r| r.strip_suffix(']'))
        {
            let items = inner.trim();
            let list = if items.is_empty() {
                old.to_string()
            } else {
                format!("{items}, {old}")
            };
            out.push_str(&format!("aliases: [{list}]"));
            out.push_str(&line[body.len()..]);
            added = true;
            continue;
        }
        out.push_str(line);
    }
    if !added {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!("aliases: [{old}]\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_lead_to_the_renamed_entry() {
        let c = Collection::Initiatives;
        let page = "he/initiatives/alpha/";
        for (dest, want) in [
            ("../old-one/", Some("../new-one/")),
            (
                "../../initiatives/old-one/",
                Some("../../initiatives/new-one/"),
            ),
            (
                "../../../ar/initiatives/old-one/#goals",
                Some("../../../ar/initiatives/new-one/#goals"),
            ),
            (
                "/kb/en/initiatives/old-one/",
                Some("/kb/en/initiatives/new-one/"),
            ),
            ("../old-one", Some("../new-one")),
            ("../old-one-two/", None),
            ("../../towns/old-one/", None),
            ("https://example.org/he/initiatives/old-one/", None),
            ("/elsewhere/he/initiatives/old-one/", None),
            ("old-one.pdf", None),
        ] {
            assert_eq!(
                renamed_link(dest, page, "/kb/", c, "old-one", "new-one").as_deref(),
                want,
                "{dest}"
            );
        }
    }

    #[test]
    fn an_alias_is_added_to_the_list_or_as_a_line() {
        assert_eq!(
            with_alias("towns: [a]\n", "x"),
            "towns: [a]\naliases: [x]\n"
        );
        assert_eq!(with_alias("towns: [a]", "x"), "towns: [a]\naliases: [x]\n");
        assert_eq!(
            with_alias("aliases: [y]\r\nb: 1\r\n", "x"),
            "aliases: [y, x]\r\nb: 1\r\n"
        );
        assert_eq!(with_alias("", "x"), "aliases: [x]\n");
    }

    #[test]
    fn only_whole_ids_are_replaced() {
        let mut t = "towns: [old-one-two, old-one]\nrelated: [old-one]\n".to_string();
        assert!(replace_word_on_line(&mut t, 1, "old-one", "new"));
        assert_eq!(t, "towns: [old-one-two, new]\nrelated: [old-one]\n");
    }
}
