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
//!
//! `status` tells each translation's state and `report` prints it (terminal text, or the HTML
//! page `serve` shows); `fields` reads and hashes the text fields; `stamping` writes the
//! stamps into the authors' files, for the entries `select` picks (names and patterns).

mod fields;
mod report;
mod select;
mod stamping;
mod status;

pub use crate::model::stamp::{STAMP_KEY, Stamp};
pub use fields::{normalise, text_fields};
pub use report::{render_text, report_html};
pub(crate) use stamping::carry_stamps;
pub use stamping::{Marked, Which, mark_done, mark_done_many, mark_unchanged, today, with_stamp};
pub use status::{EntryStatus, LanguageStatus, Report, original_language, report};

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::config::SiteConfig;
use crate::model::content::{Collection, Content, Entry, LangFile};

/// Loads the site for a translations command; errors in it stop the command, since a file
/// that does not parse would otherwise look like a missing translation.
pub(crate) fn load(root: &Path) -> Result<(SiteConfig, Content), Diagnostics> {
    let mut diags = Diagnostics::default();
    let Some(config) = SiteConfig::load(root, None, &mut diags) else {
        return Err(diags);
    };
    let content = crate::model::content::load(&config, &mut diags);
    for c in Collection::ALL {
        for entry in content.of(c) {
            for lf in entry.texts.values() {
                written_fields_are_known(c, lf, &mut diags);
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((config, content))
}

/// A field named in a stamp's `written_from:` that the collection does not translate is a typo
/// that would leave the field it meant counted as a translation: say so, with the right name.
fn written_fields_are_known(c: Collection, lf: &LangFile, diags: &mut Diagnostics) {
    let Some(stamp) = &lf.front.translation else {
        return;
    };
    let fields = text_fields(c);
    for field in stamp.written_from.keys() {
        if !fields.contains(&field.as_str()) {
            diags.push(
                Diagnostic::error(format!(
                    "'{field}' in '{STAMP_KEY}: written_from:' is not a translated field of {c}"
                ))
                .in_file(&lf.path)
                .hint(
                    did_you_mean(field, fields.iter().copied()).unwrap_or_else(|| {
                        format!("the translated fields of {c} are: {}", fields.join(", "))
                    }),
                ),
            );
        }
    }
}

pub(crate) fn unknown_language(lang: &str, config: &SiteConfig) -> Diagnostic {
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    Diagnostic::error(format!("'{lang}' is not one of the site's languages"))
        .in_file(crate::model::config::SITE_FILE)
        .hint(
            did_you_mean(lang, codes.iter().copied())
                .unwrap_or_else(|| format!("the site's languages are: {}", codes.join(", "))),
        )
}

/// `initiatives/municipal-mobility` (or `content/initiatives/municipal-mobility/`, as pasted
/// from a file browser) → the entry.
pub(crate) fn find_entry<'a>(content: &'a Content, name: &str) -> Result<&'a Entry, Diagnostic> {
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

#[cfg(test)]
mod tests {
    //! Fields written from another source (`written_from:` in the stamp): how the report, `done`
    //! and `unchanged` treat them.

    use super::*;

    /// A he/ar site with one initiative: Hebrew is the original; the Arabic summary is a
    /// translation, the Arabic body was written from the program's Arabic page.
    fn site(stamp: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        };
        write(
            "site.yaml",
            "base_url: https://example.org/\nlanguages: [he, ar]\ntitle: {he: אתר, ar: موقع}\n",
        );
        write(
            "content/initiatives/alpha/he.md",
            "---\ntitle: אלפא\nsummary: תוכנית לדוגמה\n---\nגוף הטקסט.\n",
        );
        write(
            "content/initiatives/alpha/ar.md",
            &format!(
                "---\ntitle: ألفا\nsummary: برنامج نموذجي\n{stamp}---\nنصّ كُتب من الصفحة العربية.\n"
            ),
        );
        dir
    }

    fn ar(root: &Path) -> Option<EntryStatus> {
        report(root, Some("ar"))
            .expect("report")
            .languages
            .remove(0)
            .entries
            .into_iter()
            .next()
    }

    fn edit_hebrew(root: &Path, field: &str, to: &str) {
        let p = root.join("content/initiatives/alpha/he.md");
        let text = std::fs::read_to_string(&p).expect("read");
        let text = match field {
            "body" => text.replace("גוף הטקסט.", to),
            _ => text.replace("תוכנית לדוגמה", to),
        };
        std::fs::write(p, text).expect("write");
    }

    #[test]
    fn a_field_written_from_another_source_is_never_out_of_date() {
        let dir = site("translation:\n  from: he\n  written_from: {body: \"the Arabic page\"}\n");
        // Written by hand: until `done`, nobody has said the other fields match.
        assert_eq!(ar(dir.path()).expect("listed").state, "unstamped");

        let said = mark_done(dir.path(), "ar", "initiatives/alpha", None).expect("done");
        assert!(
            said.contains("still written from another source: body"),
            "{said}"
        );
        let text = std::fs::read_to_string(dir.path().join("content/initiatives/alpha/ar.md"))
            .expect("read");
        assert!(
            text.contains("  written_from: {body: \"the Arabic page\"}\n"),
            "{text}"
        );
        let hashes = text
            .lines()
            .find(|l| l.starts_with("  hashes:"))
            .expect("hashes");
        assert!(
            !hashes.contains("body"),
            "no fingerprint of a written field: {hashes}"
        );

        let e = ar(dir.path()).expect("listed, with nothing to do");
        assert_eq!(e.state, "written");
        assert_eq!(e.words, 0);
        assert_eq!(e.written_from["body"], "the Arabic page");
        let r = report(dir.path(), Some("ar")).expect("report");
        let line = render_text(&r, false);
        assert!(
            line.starts_with("ar: up to date; 1 entry with text written from another source\n"),
            "{line}"
        );
        assert!(
            line.contains("written from another source, not translated: body (the Arabic page)")
        );

        // A new Hebrew body does not touch the Arabic one; a new summary does.
        edit_hebrew(dir.path(), "body", "גוף אחר לגמרי.");
        assert_eq!(ar(dir.path()).expect("listed").state, "written");
        edit_hebrew(dir.path(), "summary", "תוכנית אחרת");
        let e = ar(dir.path()).expect("listed");
        assert_eq!(
            (e.state, e.outdated.clone()),
            ("stale", vec!["summary".to_string()])
        );

        // `unchanged` keeps what the author said about the body.
        mark_unchanged(dir.path(), "he", "initiatives/alpha").expect("unchanged");
        let e = ar(dir.path()).expect("listed");
        assert_eq!(e.state, "written");
    }

    #[test]
    fn an_old_stamp_without_written_from_reads_as_before() {
        let dir =
            site("translation:\n  from: he\n  date: 2026-11-23\n  hashes: {title: 00000000}\n");
        let e = ar(dir.path()).expect("listed");
        assert_eq!(
            (e.state, e.outdated.clone()),
            ("stale", vec!["title".to_string()])
        );
        assert!(e.written_from.is_empty());
    }

    #[test]
    fn a_misspelt_written_field_is_an_error_with_the_right_name() {
        let dir = site("translation:\n  from: he\n  written_from: {bdy: seed}\n");
        let err = report(dir.path(), None).expect_err("an error");
        let msg = err
            .all()
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(msg.contains("'bdy'") && msg.contains("body"), "{msg}");
    }
}
