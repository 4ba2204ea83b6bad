//! Writing stamps into the authors' files: only the stamp's few lines are replaced or
//! inserted, every other byte of the file is kept. `done` marks one translation, many (names
//! and patterns, picked by `select`), or every one that needs work (`--all`); it writes none
//! unless it can write them all.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::fields::fingerprints;
use super::report::count;
use super::select::{self, Pick};
use super::status::{entry_status, source_language};
use super::{find_entry, load, unknown_language};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::content::{Collection, Entry, parse_lang_file};
use crate::model::stamp::{STAMP_KEY, Stamp};

/// Today, YYYY-MM-DD (UTC).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date(secs)
}

/// Seconds since 1970 as a civil date (Howard Hinnant's algorithm).
pub(crate) fn civil_date(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `sulam translations done <lang> <entry>`: records that `lang`'s text of the entry is
/// translated from its source as the source reads now. Returns what was done, for the author.
pub fn mark_done(
    root: &Path,
    lang: &str,
    entry_name: &str,
    from: Option<&str>,
) -> Result<String, Diagnostics> {
    let names = [entry_name.to_string()];
    mark_done_many(root, lang, Which::Named(&names), from).map(|m| m.to_string())
}

/// The translations `done` marks.
#[derive(Clone, Copy)]
pub enum Which<'a> {
    /// Entries by name, or by pattern (`initiatives/*`); see `select`.
    Named(&'a [String]),
    /// Every `lang` text the report lists as needing work: never marked done, or with a field
    /// missing or out of date. Texts that are up to date keep their stamps and dates.
    All,
}

/// What `done` did, to tell the author: a line per file marked, and what was passed over.
#[derive(Debug)]
pub struct Marked {
    pub lang: String,
    /// One line per file, in collection and id order.
    pub files: Vec<String>,
    /// Entries passed over, by reason (`no ar.md`), with their names.
    pub passed_over: BTreeMap<String, Vec<String>>,
    /// Whether more than one entry was asked for (a pattern or `--all`): the closing count
    /// line is then said too.
    pub many: bool,
}

impl std::fmt::Display for Marked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut lines = self.files.clone();
        for (why, names) in &self.passed_over {
            let mut shown = names.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
            if names.len() > 5 {
                let _ = write!(shown, " and {} more", names.len() - 5);
            }
            lines.push(format!(
                "not marked, {why}: {} ({shown})",
                count(names.len(), "entry", "entries")
            ));
        }
        if self.many {
            lines.push(match self.files.len() {
                0 => format!("{}: nothing to mark", self.lang),
                n => format!(
                    "{}: {} marked done",
                    self.lang,
                    count(n, "translation", "translations")
                ),
            });
        }
        f.write_str(&lines.join("\n"))
    }
}

/// `sulam translations done <lang> <entry>...` and `done <lang> --all`: marks each translation
/// chosen as translated from its source as the source reads now. Nothing is written unless
/// every one can be marked.
pub fn mark_done_many(
    root: &Path,
    lang: &str,
    which: Which,
    from: Option<&str>,
) -> Result<Marked, Diagnostics> {
    let (config, content) = load(root)?;
    for l in std::iter::once(lang).chain(from) {
        if config.language(l).is_none() {
            let mut ds = Diagnostics::default();
            ds.push(unknown_language(l, &config));
            return Err(ds);
        }
    }
    let mut diags = Diagnostics::default();
    let mut marked = Marked {
        lang: lang.to_string(),
        files: Vec::new(),
        passed_over: BTreeMap::new(),
        many: matches!(which, Which::All),
    };
    let mut chosen: Vec<&Entry> = Vec::new();
    match which {
        Which::All => {
            for entry in content.entries.values() {
                match entry_status(&config, entry, lang).map(|e| e.state) {
                    Some("stale" | "unstamped") => match markable(&config, entry, lang, from) {
                        Ok(()) => chosen.push(entry),
                        Err(why) => pass_over(entry, why, &mut marked),
                    },
                    Some("missing") => pass_over(entry, format!("no {lang}.md yet"), &mut marked),
                    _ => {}
                }
            }
        }
        Which::Named(names) => {
            for name in names {
                match select::pick(&content, &config, lang, name) {
                    Err(d) => diags.push(d),
                    Ok(Pick::One(entry)) => chosen.push(entry),
                    Ok(Pick::Matched(found)) => {
                        marked.many = true;
                        let before = chosen.len();
                        for entry in &found {
                            match markable(&config, entry, lang, from) {
                                Ok(()) => chosen.push(entry),
                                Err(why) => pass_over(entry, why, &mut marked),
                            }
                        }
                        if chosen.len() == before {
                            diags.push(nothing_in(name, found.len(), lang));
                        }
                    }
                }
            }
        }
    }
    marked.many |= matches!(which, Which::Named(names) if names.len() > 1);
    // The same entry named twice (`initiatives/a initiatives/*`) is marked once.
    let mut seen = std::collections::BTreeSet::new();
    chosen.retain(|e| seen.insert((e.collection, e.id.as_str())));
    chosen.sort_by_key(|e| (e.collection, e.id.as_str()));
    let mut planned = Vec::new();
    for entry in chosen {
        match plan_done(&config, entry, lang, from) {
            Ok(plan) => planned.push(plan),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    for (path, text, said) in planned {
        std::fs::write(config.root.join(&path), text).map_err(|e| {
            let mut ds = Diagnostics::default();
            ds.push(
                Diagnostic::error(format!("cannot write the file: {e}"))
                    .in_file(&path)
                    .hint(format!(
                        "the files listed before it were marked; run the command again once it can be written ({} marked so far)",
                        marked.files.len()
                    )),
            );
            ds
        })?;
        marked.files.push(said);
    }
    Ok(marked)
}

fn pass_over(entry: &Entry, why: String, marked: &mut Marked) {
    marked
        .passed_over
        .entry(why)
        .or_default()
        .push(format!("{}/{}", entry.collection, entry.id));
}

/// Why an entry a pattern matched has nothing to mark, if it has not.
fn markable(
    config: &SiteConfig,
    entry: &Entry,
    lang: &str,
    from: Option<&str>,
) -> Result<(), String> {
    if !entry.texts.contains_key(lang) {
        return Err(format!("no {lang}.md"));
    }
    match from {
        Some(f) if f == lang => Ok(()), // said once, as an error, by plan_done
        Some(f) if !entry.texts.contains_key(f) => Err(format!("no {f}.md to translate from")),
        Some(_) => Ok(()),
        None if source_language(entry, lang, config).is_none() => {
            Err(format!("{lang}.md is the original text"))
        }
        None => Ok(()),
    }
}

fn nothing_in(pattern: &str, found: usize, lang: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "'{pattern}' matches {}, none with {lang}.md to mark",
        count(found, "entry", "entries")
    ))
    .hint(format!(
        "`sulam translations --lang {lang}` lists the {lang} texts that need work"
    ))
}

/// The stamp `done` writes into `lang`'s text of `entry`: (the file, its new text, the line
/// that tells the author).
fn plan_done(
    config: &SiteConfig,
    entry: &Entry,
    lang: &str,
    from: Option<&str>,
) -> Result<(PathBuf, String, String), Diagnostic> {
    let dir = format!("content/{}/{}", entry.collection, entry.id);
    let Some(translation) = entry.texts.get(lang) else {
        return Err(
            Diagnostic::error(format!("{dir} has no {lang}.md to mark as translated"))
                .in_file(&dir)
                .hint(format!("write {dir}/{lang}.md first")),
        );
    };
    let source = match from {
        Some(f) => f,
        None => match source_language(entry, lang, config) {
            Some(s) => s,
            None => {
                return Err(Diagnostic::error(format!(
                    "{lang}.md is the original text of {dir}: no other language is its source"
                ))
                .in_file(&translation.path)
                .hint(format!(
                    "if it was translated from another language, say which: sulam translations done {lang} {}/{} --from <language>",
                    entry.collection, entry.id
                )));
            }
        },
    };
    if source == lang {
        return Err(
            Diagnostic::error(format!("a text cannot be translated from itself ({lang})"))
                .hint("give --from the language it was translated from"),
        );
    }
    let Some(src) = entry.texts.get(source) else {
        return Err(
            Diagnostic::error(format!("{dir} has no {source}.md to be translated from"))
                .in_file(&dir)
                .hint("name a language the entry has with --from"),
        );
    };
    // Fields the author has said were written from another source stay so: they are not
    // translations of the source, and get no fingerprint.
    let written_from = translation
        .front
        .translation
        .as_ref()
        .map(|s| s.written_from.clone())
        .unwrap_or_default();
    let mut hashes = fingerprints(entry.collection, src, translation, None);
    hashes.retain(|field, _| !written_from.contains_key(field));
    let stamp = Stamp {
        from: source.to_string(),
        date: Some(today()),
        hashes,
        written_from,
    };
    let text = stamped_text(&config.root, &translation.path, entry.collection, &stamp)?;
    let mut said = format!(
        "{}: marked as translated from {source}.md as it reads today ({} fields)",
        translation.path.display(),
        stamp.hashes.len()
    );
    if !stamp.written_from.is_empty() {
        let fields: Vec<&str> = stamp.written_from.keys().map(String::as_str).collect();
        let _ = write!(
            said,
            "; still written from another source: {}",
            fields.join(", ")
        );
    }
    Ok((translation.path.clone(), text, said))
}

/// `sulam translations unchanged <lang> <entry>`: after an edit of `lang`'s text that needs no
/// new translation (a typo fix), re-stamps every translation made from it with the new
/// fingerprints. The stamps keep their dates: the translations are as old as they were.
pub fn mark_unchanged(root: &Path, lang: &str, entry_name: &str) -> Result<String, Diagnostics> {
    let (config, content) = load(root)?;
    let fail = |d: Diagnostic| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    };
    if config.language(lang).is_none() {
        return Err(fail(unknown_language(lang, &config)));
    }
    let entry = find_entry(&content, entry_name).map_err(fail)?;
    let dir = format!("content/{}/{}", entry.collection, entry.id);
    let Some(src) = entry.texts.get(lang) else {
        return Err(fail(
            Diagnostic::error(format!("{dir} has no {lang}.md"))
                .in_file(&dir)
                .hint("name the language whose text you corrected"),
        ));
    };
    let mut done = Vec::new();
    for (l, t) in &entry.texts {
        let Some(old) = t.front.translation.as_ref().filter(|s| s.from == lang) else {
            continue;
        };
        let stamp = Stamp {
            from: old.from.clone(),
            date: old.date.clone(),
            hashes: fingerprints(entry.collection, src, t, Some(&old.hashes)),
            written_from: old.written_from.clone(),
        };
        write_stamp(&config.root, &t.path, entry.collection, &stamp)?;
        done.push(format!("{l}.md"));
    }
    if done.is_empty() {
        return Err(fail(
            Diagnostic::error(format!(
                "no translation in {dir} is marked as translated from {lang}.md"
            ))
            .in_file(&dir)
            .hint(format!(
                "mark a translation first: sulam translations done <language> {}/{}",
                entry.collection, entry.id
            )),
        ));
    }
    Ok(format!(
        "{dir}: {} marked as still matching {lang}.md",
        done.join(", ")
    ))
}

/// The stamp as YAML lines, in the style of the author's file.
pub(crate) fn stamp_lines(stamp: &Stamp, eol: &str) -> String {
    let hashes = stamp
        .hashes
        .iter()
        .map(|(k, v)| {
            // A fingerprint of digits only would read as a number in YAML.
            if v.parse::<f64>().is_ok() {
                format!("{k}: \"{v}\"")
            } else {
                format!("{k}: {v}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut s = format!(
        "{STAMP_KEY}: # written by `sulam translations done`: what this text was translated from{eol}  from: {}{eol}",
        stamp.from
    );
    if let Some(d) = &stamp.date {
        let _ = write!(s, "  date: {d}{eol}");
    }
    let _ = write!(s, "  hashes: {{{hashes}}}{eol}");
    if !stamp.written_from.is_empty() {
        let written = stamp
            .written_from
            .iter()
            // A JSON string is a YAML double-quoted string: the note may hold any character.
            .map(|(k, v)| format!("{k}: {}", serde_json::Value::String(v.clone())))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = write!(s, "  written_from: {{{written}}}{eol}");
    }
    s
}

/// `text` with its stamp replaced, or added at the end of the front matter. Every other byte is
/// kept. `None` when the text has no front matter.
pub fn with_stamp(text: &str, stamp: &Stamp) -> Option<String> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = bom;
    for l in text[bom..].split_inclusive('\n') {
        lines.push((at, l));
        at += l.len();
    }
    let (_, first) = lines.first()?;
    if first.trim_end() != "---" {
        return None;
    }
    let eol = if first.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let close = lines
        .iter()
        .skip(1)
        .position(|(_, l)| l.trim_end() == "---")?
        + 1;
    let key = format!("{STAMP_KEY}:");
    let start = (1..close).find(|&i| lines[i].1.starts_with(&key));
    let (from, to) = match start {
        Some(i) => {
            let mut j = i + 1;
            while j < close && lines[j].1.starts_with([' ', '\t']) {
                j += 1;
            }
            (lines[i].0, lines[j].0)
        }
        None => (lines[close].0, lines[close].0),
    };
    // The line before the closing `---` may lack its line end only if it is the opening line,
    // which always has one; so the stamp starts on a line of its own.
    let mut out = String::with_capacity(text.len() + 120);
    out.push_str(&text[..from]);
    out.push_str(&stamp_lines(stamp, eol));
    out.push_str(&text[to..]);
    Some(out)
}

pub(crate) fn write_stamp(
    root: &Path,
    rel: &Path,
    collection: Collection,
    stamp: &Stamp,
) -> Result<(), Diagnostics> {
    let fail = |d: Diagnostic| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    };
    let new = stamped_text(root, rel, collection, stamp).map_err(fail)?;
    std::fs::write(root.join(rel), new)
        .map_err(|e| fail(Diagnostic::error(format!("cannot write the file: {e}")).in_file(rel)))
}

/// The text of the author's file `rel` with `stamp` in its front matter, checked to read back
/// as it did with the new stamp: a broken file is never written.
fn stamped_text(
    root: &Path,
    rel: &Path,
    collection: Collection,
    stamp: &Stamp,
) -> Result<String, Diagnostic> {
    let path: PathBuf = root.join(rel);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")).in_file(rel))?;
    let Some(new) = with_stamp(&text, stamp) else {
        return Err(Diagnostic::error("the file does not start with front matter").in_file(rel));
    };
    match parse_lang_file(collection, new.trim_start_matches('\u{feff}'), rel) {
        Ok(lf) if lf.front.translation.is_some() => Ok(new),
        _ => Err(
            Diagnostic::error("could not add the translation stamp to this file")
                .in_file(rel)
                .hint(format!(
                    "check the '{STAMP_KEY}:' lines of its front matter"
                )),
        ),
    }
}

/// After a change that is not a change of text (`sulam rename` rewrote links to the renamed
/// entry), the stamps of an entry's translations that were current with the texts `before`
/// are made current with the files now in `dir` (relative to `root`). A field whose stamp was
/// already behind its source stays behind: that work is still to do. Returns the files whose
/// stamp changed.
pub(crate) fn carry_stamps(
    root: &Path,
    dir: &Path,
    before: &crate::model::content::Entry,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let c = before.collection;
    let read = |lang: &str| -> Option<(PathBuf, crate::model::content::LangFile)> {
        let rel = dir.join(format!("{lang}.md"));
        let text = std::fs::read_to_string(root.join(&rel)).ok()?;
        let lf = parse_lang_file(c, text.trim_start_matches('\u{feff}'), &rel).ok()?;
        Some((rel, lf))
    };
    let mut changed = Vec::new();
    for lang in before.texts.keys() {
        let Some((rel, now)) = read(lang) else {
            continue;
        };
        let Some(stamp) = now.front.translation.clone() else {
            continue;
        };
        let (Some(old_src), Some((_, new_src))) =
            (before.texts.get(&stamp.from), read(&stamp.from))
        else {
            continue;
        };
        let was = fingerprints(c, old_src, &now, Some(&stamp.hashes));
        let is = fingerprints(c, &new_src, &now, Some(&stamp.hashes));
        let mut hashes = stamp.hashes.clone();
        for (field, h) in hashes.iter_mut() {
            if was.get(field) == Some(h)
                && let Some(new) = is.get(field)
            {
                *h = new.clone();
            }
        }
        if hashes != stamp.hashes {
            write_stamp(root, &rel, c, &Stamp { hashes, ..stamp })?;
            changed.push(rel);
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::Stamp;

    fn stamp() -> Stamp {
        Stamp {
            from: "he".into(),
            date: Some("2026-11-24".into()),
            hashes: [("title".to_string(), "0a1b2c3d".to_string())].into(),
            written_from: Default::default(),
        }
    }

    #[test]
    fn a_stamp_is_added_before_the_closing_line_and_nothing_else_changes() {
        let text = "---\ntitle:   'כותרת'   # note\n---\nbody\n";
        let out = with_stamp(text, &stamp()).expect("front matter");
        assert!(out.starts_with("---\ntitle:   'כותרת'   # note\ntranslation:"));
        assert!(out.ends_with("  hashes: {title: 0a1b2c3d}\n---\nbody\n"));
    }

    #[test]
    fn a_stamp_is_replaced_in_place_with_the_files_line_ends() {
        let text = "---\r\ntitle: x\r\ntranslation:\r\n  from: ar\r\n  hashes: {title: ffffffff}\r\nsummary: y\r\n---\r\nbody";
        let out = with_stamp(text, &stamp()).expect("front matter");
        assert_eq!(
            out,
            "---\r\ntitle: x\r\ntranslation: # written by `sulam translations done`: what this text was translated from\r\n  from: he\r\n  date: 2026-11-24\r\n  hashes: {title: 0a1b2c3d}\r\nsummary: y\r\n---\r\nbody"
        );
    }

    #[test]
    fn digits_only_fingerprints_are_quoted() {
        let mut s = stamp();
        s.hashes.insert("title".into(), "12345678".into());
        assert!(stamp_lines(&s, "\n").contains("{title: \"12345678\"}"));
    }

    #[test]
    fn fields_written_from_another_source_are_kept_with_their_notes_quoted() {
        let mut s = stamp();
        s.written_from.insert(
            "body".into(),
            "the Arabic page: \"الحراك\", seed 002".into(),
        );
        let text = "---\ntitle: x\n---\nbody\n";
        let out = with_stamp(text, &s).expect("front matter");
        assert!(out.contains(
            "  hashes: {title: 0a1b2c3d}\n  written_from: {body: \"the Arabic page: \\\"الحراك\\\", seed 002\"}\n---\n"
        ));
        let lf = parse_lang_file(Collection::Initiatives, &out, std::path::Path::new("ar.md"))
            .expect("the stamp reads back");
        let back = lf.front.translation.expect("a stamp");
        assert_eq!(back.written_from, s.written_from);
        assert_eq!(back.hashes, s.hashes);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(1_795_478_400), "2026-11-24");
    }
}
