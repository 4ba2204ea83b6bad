//! `sulam translations`: which texts are missing or out of date in each language, and the
//! stamps that make "out of date" knowable.
//!
//! A translation records what it was translated from in its own front matter: the source
//! language, the date, and a short fingerprint (hash) of every text field of the source at that
//! moment. When the source's text changes, its fingerprint no longer matches, and the field is
//! out of date. Fingerprints are taken from the parsed, normalised text, so re-quoting YAML or
//! changing line endings does not count as a change; a typo fix does, and `unchanged`
//! re-stamps the translations of a source to say it needs no new translation. Dates alone (as
//! in Lunaria) would raise exactly those false alarms.
//!
//! The stamp is written into the author's file by replacing or inserting its few lines only;
//! the rest of the file stays byte for byte as the author wrote it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::config::SiteConfig;
use crate::model::content::{Collection, Content, Entry, Front, LangFile, parse_lang_file};
// The report's attributes are all double-quoted; `'` has always been left as it is.
pub use crate::model::stamp::{STAMP_KEY, Stamp};
use crate::text::escape::escape_xml as escape;

/// The fields of a collection that are translated: the text fields of its front matter and
/// the body. `extra:` is the site's own data, not known to be text, and is left out.
pub fn text_fields(c: Collection) -> Vec<&'static str> {
    Front::fields_of(c)
        .iter()
        .copied()
        .filter(|f| *f != "extra")
        .chain(std::iter::once("body"))
        .collect()
}

/// The value of a text field of a language file, with its strings normalised; `None` when the
/// file does not have the field (or has it empty).
fn field_value(lf: &LangFile, field: &str) -> Option<serde_json::Value> {
    use serde_json::{Value, to_value};
    let f = &lf.front;
    let text = |s: &Option<String>| {
        s.as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(|t| Value::String(t.to_string()))
    };
    let value = match field {
        "title" => text(&f.title),
        "summary" => text(&f.summary),
        "audience" => text(&f.audience),
        "timeframe" => text(&f.timeframe),
        "role" => text(&f.role),
        "pillars" => f.pillars.as_ref().and_then(|v| to_value(v).ok()),
        "outcomes" => f.outcomes.as_ref().and_then(|v| to_value(v).ok()),
        "milestones" => f.milestones.as_ref().and_then(|v| to_value(v).ok()),
        "team" => f.team.as_ref().and_then(|v| to_value(v).ok()),
        "figures" => f.figures.as_ref().and_then(|v| to_value(v).ok()),
        "body" => (!lf.body.trim().is_empty()).then(|| Value::String(lf.body.clone())),
        _ => None,
    }?;
    let value = normalise_value(value);
    match &value {
        Value::Array(a) if a.is_empty() => None,
        Value::Object(o) if o.is_empty() => None,
        _ => Some(value),
    }
}

/// Line endings made `\n`, spaces at line ends and blank lines at either end removed.
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn normalise_value(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => Value::String(normalise(&s)),
        Value::Array(a) => Value::Array(a.into_iter().map(normalise_value).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, normalise_value(v)))
                .collect(),
        ),
        other => other,
    }
}

/// The fingerprint of a (normalised) field value: the first 8 hex digits of its SHA-256.
fn fingerprint(value: &serde_json::Value) -> String {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        // Structured fields (pillars, milestones…) as compact JSON: fields in a fixed order.
        other => other.to_string(),
    };
    let digest = Sha256::digest(text.as_bytes());
    digest[..4].iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Roughly how many words a translator reads in a field: tokens with a letter or digit, not
/// counting link targets and HTML tags in the body.
fn words(value: &serde_json::Value) -> usize {
    use serde_json::Value;
    match value {
        Value::String(s) => strip_markup(s)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric) && !w.contains("://"))
            .count(),
        Value::Array(a) => a.iter().map(words).sum(),
        Value::Object(o) => o.values().map(words).sum(),
        _ => 0,
    }
}

/// Removes `](target)` of Markdown links and `<tags>`, keeping the text around them.
fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', ']']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let skip = if let Some(t) = tail.strip_prefix("](") {
            t.find(')').map(|j| j + 3)
        } else if tail.starts_with('<') {
            tail.find('>').map(|j| j + 1)
        } else {
            None
        };
        match skip {
            Some(n) => {
                out.push(' ');
                rest = &tail[n..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The language an entry was written in: the first of the site's languages (the default
/// first) whose file is not stamped as a translation; if every file is stamped, the first
/// language it has.
pub fn original_language<'a>(entry: &Entry, config: &'a SiteConfig) -> Option<&'a str> {
    let has = |l: &str| entry.texts.contains_key(l);
    let codes = || config.languages.iter().map(|l| l.code.as_str());
    codes()
        .find(|l| {
            entry
                .texts
                .get(*l)
                .is_some_and(|lf| lf.front.translation.is_none())
        })
        .or_else(|| codes().find(|l| has(l)))
}

/// The language `lang`'s text of `entry` is (or would be) translated from: its stamp's
/// `from:` if the stamp names a language the entry has, else the entry's original language.
/// `None` when `lang` is itself the original.
fn source_language<'a>(entry: &'a Entry, lang: &str, config: &'a SiteConfig) -> Option<&'a str> {
    if let Some(stamp) = entry
        .texts
        .get(lang)
        .and_then(|lf| lf.front.translation.as_ref())
        && stamp.from != lang
        && entry.texts.contains_key(&stamp.from)
    {
        return Some(stamp.from.as_str());
    }
    original_language(entry, config).filter(|o| *o != lang)
}

/// One entry's state in one language, as the report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct EntryStatus {
    pub collection: Collection,
    pub id: String,
    /// The entry's title in the source language.
    pub title: String,
    /// The translation's file, site-relative (it may not exist yet).
    pub file: String,
    /// The language to translate from.
    pub source: String,
    /// `missing`: no file yet; `stale`: fields missing or out of date; `unstamped`: a file
    /// that was never marked done, so whether it is current is unknown.
    pub state: &'static str,
    /// YYYY-MM-DD: the day the translation was marked done, or for a text never marked, the
    /// day the source file was last changed. The report lists the oldest first.
    pub since: String,
    pub missing: Vec<String>,
    pub outdated: Vec<String>,
    /// Words of the source in the missing and out-of-date fields.
    pub words: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub lang: String,
    pub missing_entries: usize,
    pub missing_fields: usize,
    pub outdated_fields: usize,
    pub unstamped_entries: usize,
    pub words: usize,
    pub entries: Vec<EntryStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub languages: Vec<LanguageStatus>,
}

/// Loads the site for a translations command; errors in it stop the command, since a file
/// that does not parse would otherwise look like a missing translation.
fn load(root: &Path) -> Result<(SiteConfig, Content), Diagnostics> {
    let mut diags = Diagnostics::default();
    let Some(config) = SiteConfig::load(root, None, &mut diags) else {
        return Err(diags);
    };
    let content = crate::model::content::load(&config, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((config, content))
}

fn unknown_language(lang: &str, config: &SiteConfig) -> Diagnostic {
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    Diagnostic::error(format!("'{lang}' is not one of the site's languages"))
        .in_file(crate::model::config::SITE_FILE)
        .hint(
            did_you_mean(lang, codes.iter().copied())
                .unwrap_or_else(|| format!("the site's languages are: {}", codes.join(", "))),
        )
}

/// The state of every translation, per language (only `only` if given), entries oldest first.
pub fn report(root: &Path, only: Option<&str>) -> Result<Report, Diagnostics> {
    let (config, content) = load(root)?;
    if let Some(l) = only
        && config.language(l).is_none()
    {
        let mut d = Diagnostics::default();
        d.push(unknown_language(l, &config));
        return Err(d);
    }
    let mut languages = Vec::new();
    for lang in config.languages.iter().map(|l| l.code.as_str()) {
        if only.is_some_and(|o| o != lang) {
            continue;
        }
        let mut status = LanguageStatus {
            lang: lang.to_string(),
            missing_entries: 0,
            missing_fields: 0,
            outdated_fields: 0,
            unstamped_entries: 0,
            words: 0,
            entries: Vec::new(),
        };
        for c in Collection::ALL {
            for entry in content.of(c) {
                if let Some(e) = entry_status(&config, entry, lang) {
                    match e.state {
                        "missing" => status.missing_entries += 1,
                        "unstamped" => status.unstamped_entries += 1,
                        _ => {}
                    }
                    if e.state != "missing" {
                        status.missing_fields += e.missing.len();
                    }
                    status.outdated_fields += e.outdated.len();
                    status.words += e.words;
                    status.entries.push(e);
                }
            }
        }
        // Stable: entries of the same day stay in collection and id order.
        status.entries.sort_by(|a, b| a.since.cmp(&b.since));
        languages.push(status);
    }
    Ok(Report { languages })
}

fn entry_status(config: &SiteConfig, entry: &Entry, lang: &str) -> Option<EntryStatus> {
    let source = source_language(entry, lang, config)?;
    let src = entry.texts.get(source)?;
    let target = entry.texts.get(lang);
    let stamp = target.and_then(|t| t.front.translation.as_ref());
    let file = format!("content/{}/{}/{lang}.md", entry.collection, entry.id);
    let mut missing = Vec::new();
    let mut outdated = Vec::new();
    let mut words_to_do = 0;
    for field in text_fields(entry.collection) {
        let Some(value) = field_value(src, field) else {
            continue;
        };
        let stale = match target {
            None => {
                missing.push(field.to_string());
                true
            }
            Some(t) if field_value(t, field).is_none() => {
                missing.push(field.to_string());
                true
            }
            Some(_) => match stamp.and_then(|s| s.hashes.get(field)) {
                Some(h) if *h != fingerprint(&value) => {
                    outdated.push(field.to_string());
                    true
                }
                _ => false,
            },
        };
        if stale {
            words_to_do += words(&value);
        }
    }
    let state = match (target, stamp) {
        (None, _) => "missing",
        (Some(_), None) => "unstamped",
        (Some(_), Some(_)) if missing.is_empty() && outdated.is_empty() => return None,
        _ => "stale",
    };
    let since = stamp
        .and_then(|s| s.date.clone())
        .unwrap_or_else(|| modified(&config.root.join(&src.path)));
    Some(EntryStatus {
        collection: entry.collection,
        id: entry.id.clone(),
        title: src.front.title.clone().unwrap_or_default(),
        file,
        source: source.to_string(),
        state,
        since,
        missing,
        outdated,
        words: words_to_do,
    })
}

/// The day a file was last changed, YYYY-MM-DD (UTC); empty when it cannot be read.
fn modified(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| civil_date(d.as_secs()))
        .unwrap_or_default()
}

/// Today, YYYY-MM-DD (UTC).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date(secs)
}

/// Seconds since 1970 as a civil date (Howard Hinnant's algorithm).
fn civil_date(secs: u64) -> String {
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

/// `initiatives/municipal-mobility` (or `content/initiatives/municipal-mobility/`, as pasted
/// from a file browser) → the entry.
fn find_entry<'a>(content: &'a Content, name: &str) -> Result<&'a Entry, Diagnostic> {
    let trimmed = name
        .trim()
        .trim_start_matches("./")
        .trim_start_matches("content/")
        .trim_end_matches('/');
    let Some((cname, id)) = trimmed.split_once('/') else {
        return Err(
            Diagnostic::error(format!("'{name}' does not name an entry"))
                .hint("name it as <collection>/<id>, e.g. initiatives/municipal-mobility"),
        );
    };
    let Some(c) = Collection::from_name(cname) else {
        return Err(
            Diagnostic::error(format!("'{cname}' is not a collection")).hint(
                did_you_mean(cname, Collection::ALL.iter().map(|c| c.name())).unwrap_or_else(
                    || {
                        format!(
                            "the collections are: {}",
                            Collection::ALL.map(|c| c.name()).join(", ")
                        )
                    },
                ),
            ),
        );
    };
    content.get(c, id).ok_or_else(|| {
        Diagnostic::error(format!("there is no entry '{id}' in {c}"))
            .in_file(format!("content/{c}"))
            .hint(
                did_you_mean(id, content.ids(c))
                    .unwrap_or_else(|| format!("the entries are the folders in content/{c}/")),
            )
    })
}

/// The fingerprints of the fields that both the source and the translation have.
fn fingerprints(
    c: Collection,
    source: &LangFile,
    translation: &LangFile,
    only: Option<&BTreeMap<String, String>>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for field in text_fields(c) {
        if only.is_some_and(|o| !o.contains_key(field)) {
            continue;
        }
        if let (Some(v), Some(_)) = (field_value(source, field), field_value(translation, field)) {
            out.insert(field.to_string(), fingerprint(&v));
        }
    }
    out
}

/// `sulam translations done <lang> <entry>`: records that `lang`'s text of the entry is
/// translated from its source as the source reads now. Returns what was done, for the author.
pub fn mark_done(
    root: &Path,
    lang: &str,
    entry_name: &str,
    from: Option<&str>,
) -> Result<String, Diagnostics> {
    let (config, content) = load(root)?;
    let fail = |d: Diagnostic| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    };
    for l in std::iter::once(lang).chain(from) {
        if config.language(l).is_none() {
            return Err(fail(unknown_language(l, &config)));
        }
    }
    let entry = find_entry(&content, entry_name).map_err(fail)?;
    let dir = format!("content/{}/{}", entry.collection, entry.id);
    let Some(translation) = entry.texts.get(lang) else {
        return Err(fail(
            Diagnostic::error(format!("{dir} has no {lang}.md to mark as translated"))
                .in_file(&dir)
                .hint(format!("write {dir}/{lang}.md first")),
        ));
    };
    let source = match from {
        Some(f) => f,
        None => match source_language(entry, lang, &config) {
            Some(s) => s,
            None => {
                return Err(fail(
                    Diagnostic::error(format!(
                        "{lang}.md is the original text of {dir}: no other language is its source"
                    ))
                    .in_file(&translation.path)
                    .hint(format!(
                        "if it was translated from another language, say which: sulam translations done {lang} {}/{} --from <language>",
                        entry.collection, entry.id
                    )),
                ));
            }
        },
    };
    if source == lang {
        return Err(fail(
            Diagnostic::error(format!("a text cannot be translated from itself ({lang})"))
                .hint("give --from the language it was translated from"),
        ));
    }
    let Some(src) = entry.texts.get(source) else {
        return Err(fail(
            Diagnostic::error(format!("{dir} has no {source}.md to be translated from"))
                .in_file(&dir)
                .hint("name a language the entry has with --from"),
        ));
    };
    let stamp = Stamp {
        from: source.to_string(),
        date: Some(today()),
        hashes: fingerprints(entry.collection, src, translation, None),
    };
    write_stamp(&config.root, &translation.path, entry.collection, &stamp)?;
    Ok(format!(
        "{}: marked as translated from {source}.md as it reads today ({} fields)",
        translation.path.display(),
        stamp.hashes.len()
    ))
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
fn stamp_lines(stamp: &Stamp, eol: &str) -> String {
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

fn write_stamp(
    root: &Path,
    rel: &Path,
    collection: Collection,
    stamp: &Stamp,
) -> Result<(), Diagnostics> {
    let fail = |d: Diagnostic| {
        let mut ds = Diagnostics::default();
        ds.push(d.in_file(rel));
        ds
    };
    let path: PathBuf = root.join(rel);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| fail(Diagnostic::error(format!("cannot read the file: {e}"))))?;
    let Some(new) = with_stamp(&text, stamp) else {
        return Err(fail(Diagnostic::error(
            "the file does not start with front matter",
        )));
    };
    // The file must still read as it did, with the new stamp: never write a broken file.
    match parse_lang_file(collection, new.trim_start_matches('\u{feff}'), rel) {
        Ok(lf) if lf.front.translation.is_some() => {}
        _ => {
            return Err(fail(
                Diagnostic::error("could not add the translation stamp to this file").hint(
                    format!("check the '{STAMP_KEY}:' lines of its front matter"),
                ),
            ));
        }
    }
    std::fs::write(&path, new)
        .map_err(|e| fail(Diagnostic::error(format!("cannot write the file: {e}"))))
}

/// The report as text for a terminal: per language a summary line, then the entries to work
/// on, oldest first. `colour` adds ANSI colours.
pub fn render_text(report: &Report, colour: bool) -> String {
    let paint = |code: &str, s: &str| {
        if colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for l in &report.languages {
        let _ = writeln!(out, "{}", paint("1", &summary_line(l)));
        let width = l
            .entries
            .iter()
            .map(|e| e.collection.name().len() + 1 + e.id.len())
            .max()
            .unwrap_or(0);
        for e in &l.entries {
            let what = match e.state {
                "missing" => paint("31", &format!("no {}.md yet", l.lang)),
                "unstamped" => paint("33", "never marked done"),
                _ => String::new(),
            };
            let mut parts = Vec::new();
            if !what.is_empty() {
                parts.push(what);
            }
            if e.state != "missing" && !e.missing.is_empty() {
                parts.push(paint("31", &format!("missing: {}", e.missing.join(", "))));
            }
            if !e.outdated.is_empty() {
                parts.push(paint(
                    "33",
                    &format!("out of date: {}", e.outdated.join(", ")),
                ));
            }
            if e.words > 0 {
                parts.push(count(e.words, "word", "words"));
            }
            let _ = writeln!(
                out,
                "  {:<10}  {:<width$}  from {}  {}",
                if e.since.is_empty() { "?" } else { &e.since },
                format!("{}/{}", e.collection, e.id),
                e.source,
                parts.join("; ")
            );
        }
        if l.unstamped_entries > 0 {
            let _ = writeln!(
                out,
                "  once a translation is checked: sulam translations done {} <collection>/<id>",
                l.lang
            );
        }
    }
    out
}

fn summary_line(l: &LanguageStatus) -> String {
    if l.entries.is_empty() {
        return format!("{}: up to date", l.lang);
    }
    let mut parts = vec![
        count(l.missing_entries, "entry", "entries") + &format!(" with no {}.md", l.lang),
        count(l.missing_fields, "field", "fields") + " missing",
        count(l.outdated_fields, "field", "fields") + " out of date",
    ];
    if l.unstamped_entries > 0 {
        parts.push(count(l.unstamped_entries, "entry", "entries") + " never marked done");
    }
    format!(
        "{}: {}; about {} to translate",
        l.lang,
        parts.join(", "),
        count(l.words, "word", "words")
    )
}

fn count(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// The report as a complete HTML page, for `sulam serve` to show the site's authors at a
/// private address (never published). The page is in English like the command line; titles
/// carry their own language and direction.
pub fn report_html(root: &Path) -> String {
    let mut body = String::new();
    let mut dir_of: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut d = Diagnostics::default();
    if let Some(config) = SiteConfig::load(root, None, &mut d) {
        for l in &config.languages {
            dir_of.insert(l.code.clone(), l.dir.as_str());
        }
    }
    match report(root, None) {
        Err(diags) => {
            body.push_str("<h2>The site has errors</h2>\n<p>Fix these first; <code>sulam check</code> shows them too.</p>\n<ul>\n");
            for d in diags.errors() {
                let _ = writeln!(body, "<li>{}</li>", escape(&d.to_string()));
            }
            body.push_str("</ul>\n");
        }
        Ok(report) => {
            body.push_str("<p>Oldest first: by the day a translation was marked done, or for a text never marked, the day its source file last changed. Words are those of the source text to translate.</p>\n");
            for l in &report.languages {
                let _ = writeln!(
                    body,
                    "<section aria-labelledby=\"lang-{0}\">\n<h2 id=\"lang-{0}\">{1}</h2>",
                    escape(&l.lang),
                    escape(&summary_line(l))
                );
                if l.entries.is_empty() {
                    body.push_str("</section>\n");
                    continue;
                }
                let _ = writeln!(
                    body,
                    "<table>\n<caption>Texts to translate into {}</caption>\n<thead><tr><th scope=\"col\">Since</th><th scope=\"col\">Entry</th><th scope=\"col\">From</th><th scope=\"col\">State</th><th scope=\"col\">Missing</th><th scope=\"col\">Out of date</th><th scope=\"col\">Words</th></tr></thead>\n<tbody>",
                    escape(&l.lang)
                );
                for e in &l.entries {
                    let state = match e.state {
                        "missing" => "no file yet",
                        "unstamped" => "never marked done",
                        _ => "to update",
                    };
                    let dir = dir_of.get(&e.source).copied().unwrap_or("auto");
                    let _ = writeln!(
                        body,
                        "<tr><td>{}</td><th scope=\"row\"><span lang=\"{}\" dir=\"{}\">{}</span><br><code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(&e.since),
                        escape(&e.source),
                        dir,
                        escape(&e.title),
                        escape(&e.file),
                        escape(&e.source),
                        state,
                        escape(&e.missing.join(", ")),
                        escape(&e.outdated.join(", ")),
                        e.words
                    );
                }
                body.push_str("</tbody>\n</table>\n</section>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>Translations · Sulam</title>\n<style>\nbody{{font-family:system-ui,sans-serif;margin:1rem auto;max-inline-size:72rem;padding-inline:1rem;line-height:1.5;color:#1a1a1a;background:#fff}}\ntable{{border-collapse:collapse;inline-size:100%;margin-block-end:2rem}}\nth,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:start;vertical-align:top}}\nthead th{{background:#f0f0f0}}\ntd:first-child{{white-space:nowrap}}\ncaption{{text-align:start;font-weight:bold;padding-block:.3rem}}\ncode{{font-size:.9em}}\n</style>\n</head>\n<body>\n<main>\n<h1>Translations</h1>\n{body}</main>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp {
            from: "he".into(),
            date: Some("2026-11-24".into()),
            hashes: [("title".to_string(), "0a1b2c3d".to_string())].into(),
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
    fn normalising_ignores_line_ends_and_trailing_spaces() {
        assert_eq!(normalise("  a  \r\nb\t\r\n\r\n"), normalise("a\nb"));
    }

    #[test]
    fn words_skip_link_targets_and_tags() {
        let v = serde_json::Value::String(
            "See [the report](https://x.org/a b) and <span lang=\"en\">STEM</span> ##".into(),
        );
        assert_eq!(words(&v), 5);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(1_795_478_400), "2026-11-24");
    }
}
