//! The translation stamp in a language file's front matter: what a translation was made
//! from. Part of the model because every language file may carry one; `sulam translations`
//! writes it and reads it back to tell what is out of date. A translation may also say which of
//! its fields were written from another source than the language it was translated from (a
//! page of the program in that language, say), so that the report does not count them as
//! translations of the source, and never calls them out of date.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The front-matter key of the stamp.
pub const STAMP_KEY: &str = "translation";

/// What a translation was made from: written by `sulam translations done`, read by the report.
/// It is never shown on a page.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// The language the text was translated from.
    pub from: String,
    /// The day the translation was marked done (YYYY-MM-DD).
    #[serde(default)]
    pub date: Option<String>,
    /// A fingerprint of each field of the source when the translation was marked done.
    #[serde(default)]
    pub hashes: BTreeMap<String, String>,
    /// Fields of this text that were not translated from `from` but written from another
    /// source, each with a note of which (the author writes these lines; `done` keeps them).
    /// Such a field is never out of date with `from`, and has no fingerprint.
    #[serde(default)]
    pub written_from: BTreeMap<String, String>,
}
