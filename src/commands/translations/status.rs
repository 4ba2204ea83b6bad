//! Each entry's state in each language: translated and current, out of date (which fields),
//! borrowed from another language, or missing.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::fields::{field_value, fingerprint, text_fields, words};
use super::stamping::civil_date;
use super::{load, unknown_language};
use crate::diagnostics::Diagnostics;
use crate::model::config::SiteConfig;
use crate::model::content::{Collection, Entry};

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
pub(crate) fn source_language<'a>(
    entry: &'a Entry,
    lang: &str,
    config: &'a SiteConfig,
) -> Option<&'a str> {
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
    /// that was never marked done, so whether it is current is unknown; `written`: nothing to
    /// do, but some fields were written from another source than `source` (see
    /// `written_from`), so they are not translations of it.
    pub state: &'static str,
    /// YYYY-MM-DD: the day the translation was marked done, or for a text never marked, the
    /// day the source file was last changed. The report lists the oldest first.
    pub since: String,
    pub missing: Vec<String>,
    pub outdated: Vec<String>,
    /// Words of the source in the missing and out-of-date fields.
    pub words: usize,
    /// The fields the stamp says were written from another source, with its note of which.
    pub written_from: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub lang: String,
    pub missing_entries: usize,
    pub missing_fields: usize,
    pub outdated_fields: usize,
    pub unstamped_entries: usize,
    /// Entries with fields written from another source (whatever else their state).
    pub written_entries: usize,
    pub words: usize,
    pub entries: Vec<EntryStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub languages: Vec<LanguageStatus>,
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
            written_entries: 0,
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
                    if !e.written_from.is_empty() {
                        status.written_entries += 1;
                    }
                    status.outdated_fields += e.outdated.len();
                    status.words += e.words;
                    status.entries.push(e);
                }
            }
        }
        // Stable: entries of the same day stay in collection and id order. Entries with
        // nothing to do (text written from another source) come after the work.
        status.entries.sort_by(|a, b| {
            (a.state == "written", &a.since).cmp(&(b.state == "written", &b.since))
        });
        languages.push(status);
    }
    Ok(Report { languages })
}

pub(crate) fn entry_status(config: &SiteConfig, entry: &Entry, lang: &str) -> Option<EntryStatus> {
    let source = source_language(entry, lang, config)?;
    let src = entry.texts.get(source)?;
    // A translation still marked `draft: true` is not done: it is not published.
    let target = entry
        .texts
        .get(lang)
        .filter(|t| t.front.draft != Some(true));
    let stamp = target.and_then(|t| t.front.translation.as_ref());
    // Fields written from another source are not translations of `source`: never out of date.
    let written_from: BTreeMap<String, String> = match (target, stamp) {
        (Some(t), Some(s)) => s
            .written_from
            .iter()
            .filter(|(f, _)| field_value(t, f).is_some())
            .map(|(f, n)| (f.clone(), n.clone()))
            .collect(),
        _ => BTreeMap::new(),
    };
    let file = format!("content/{}/{}/{lang}.md", entry.collection, entry.id);
    let mut missing = Vec::new();
    let mut outdated = Vec::new();
    let mut words_to_do = 0;
    for field in text_fields(entry.collection) {
        let Some(value) = field_value(src, field) else {
            continue;
        };
        if written_from.contains_key(field) {
            continue;
        }
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
        // Lines an author wrote by hand to say where fields came from: until `done` has
        // fingerprinted the other fields, nobody has said that they match their source.
        (Some(_), Some(s))
            if !s.written_from.is_empty() && s.date.is_none() && s.hashes.is_empty() =>
        {
            "unstamped"
        }
        (Some(_), Some(_)) if missing.is_empty() && outdated.is_empty() => {
            if written_from.is_empty() {
                return None;
            }
            "written"
        }
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
        written_from,
    })
}

/// The day a file was last changed, YYYY-MM-DD (UTC); empty when it cannot be read.
pub(crate) fn modified(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| civil_date(d.as_secs()))
        .unwrap_or_default()
}
