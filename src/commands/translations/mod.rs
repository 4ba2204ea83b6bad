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
//! stamps into the authors' files.

mod fields;
mod report;
mod stamping;
mod status;

pub use crate::model::stamp::{STAMP_KEY, Stamp};
pub use fields::{normalise, text_fields};
pub use report::{render_text, report_html};
pub use stamping::{mark_done, mark_unchanged, today, with_stamp};
pub use status::{EntryStatus, LanguageStatus, Report, original_language, report};

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::config::SiteConfig;
use crate::model::content::{Collection, Content, Entry};

/// Loads the site for a translations command; errors in it stop the command, since a file
/// that does not parse would otherwise look like a missing translation.
pub(crate) fn load(root: &Path) -> Result<(SiteConfig, Content), Diagnostics> {
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
