//! What a file directly in an entry's folder is, by its name: the facts, a language file, a
//! near miss of one of them, another Markdown or YAML file, or an asset.
//!
//! Names are exact (`he.md`, `common.yaml`). A name an author could easily have meant as one of
//! them is a mistake whose hint is the right name, rather than a text silently left out and
//! its raw file published as an asset. A near miss is, with `<lang>` one of the site's
//! languages and case not counting:
//!
//! - `<lang>.<md-like>` or `<lang>.<md-like>.<anything>`, where md-like is `md` or another
//!   Markdown ending (`markdown`, `mdown`, `mkd`, …) or plain text (`txt`, `text`):
//!   `HE.md`, `he.MD`, `he.markdown`, `he.md.txt`, `he.txt`;
//! - `common.yaml`, `common.yml` in another case (`COMMON.YAML`), `common.yaml.<anything>`,
//!   `common.yml.<anything>`, `common.txt`.
//!
//! Anything else with a language code (`he.pdf`, `en.png`) stays an asset.

use std::borrow::Cow;

/// The facts file's name.
pub const FACTS: &str = "common.yaml";
/// The other name of the facts file that Sulam reads (documented in writing-content.md).
pub const FACTS_YML: &str = "common.yml";

const MARKDOWN: [&str; 8] = [
    "md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext",
];
const TEXT: [&str; 2] = ["txt", "text"];

/// What a file directly in an entry's folder is.
#[derive(Debug, PartialEq, Eq)]
pub enum Name<'a> {
    /// `common.yaml` or `common.yml`.
    Facts,
    /// `<lang>.md`, with one of the site's languages.
    Lang(&'a str),
    /// A near miss of a language file or of `common.yaml`; the right name.
    NearMiss(String),
    /// Another Markdown file (`fr.md`, `notes.markdown`); its name without the ending.
    Markdown(&'a str),
    /// Another YAML file (`facts.yaml`).
    Yaml,
    /// Anything else: published beside the entry's pages.
    Asset,
}

/// Sorts `name` (a file directly in an entry's folder) given the site's language codes.
pub fn classify<'a>(name: &'a str, codes: &[&'a str]) -> Name<'a> {
    if name == FACTS || name == FACTS_YML {
        return Name::Facts;
    }
    if let Some(code) = name
        .strip_suffix(".md")
        .and_then(|s| codes.iter().find(|c| **c == s))
    {
        return Name::Lang(code);
    }
    let lower = name.to_lowercase();
    let (first, rest) = lower.split_once('.').unwrap_or((&lower, ""));
    let rest_first = rest.split('.').next().unwrap_or("");
    let texty = |ext: &str| MARKDOWN.contains(&ext) || TEXT.contains(&ext);
    if let Some(code) = codes.iter().find(|c| c.to_lowercase() == first)
        && texty(rest_first)
    {
        return Name::NearMiss(format!("{code}.md"));
    }
    if first == "common" && (rest_first == "yaml" || rest_first == "yml" || TEXT.contains(&rest)) {
        return Name::NearMiss(FACTS.to_string());
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    if MARKDOWN.contains(&ext) {
        return Name::Markdown(name.rsplit_once('.').map_or(name, |(stem, _)| stem));
    }
    if ext == "yaml" || ext == "yml" {
        return Name::Yaml;
    }
    Name::Asset
}

/// `s` in Unicode's composed form (NFC), the form most keyboards type: a file name written by
/// macOS (decomposed, NFD) and the same name typed in `common.yaml` compare equal in it.
pub fn nfc(s: &str) -> Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 3] = ["he", "ar", "en"];

    fn near(name: &str) -> Option<String> {
        match classify(name, &CODES) {
            Name::NearMiss(right) => Some(right),
            _ => None,
        }
    }

    #[test]
    fn exact_names_are_read() {
        assert_eq!(classify("he.md", &CODES), Name::Lang("he"));
        assert_eq!(classify("common.yaml", &CODES), Name::Facts);
        assert_eq!(classify("common.yml", &CODES), Name::Facts);
    }

    #[test]
    fn near_misses_name_the_right_file() {
        for n in [
            "HE.md",
            "he.MD",
            "He.Md",
            "he.markdown",
            "he.md.txt",
            "he.txt",
            "he.mkd",
            "he.md.bak",
        ] {
            assert_eq!(near(n).as_deref(), Some("he.md"), "{n}");
        }
        for n in [
            "COMMON.YAML",
            "Common.yaml",
            "common.YML",
            "common.yaml.txt",
            "common.txt",
        ] {
            assert_eq!(near(n).as_deref(), Some("common.yaml"), "{n}");
        }
    }

    #[test]
    fn other_files_are_not_near_misses() {
        for n in [
            "he.pdf",
            "en.png",
            "photo.JPG",
            "report.pdf",
            "hebrew.txt",
            "common-ground.jpg",
            "he",
        ] {
            assert_eq!(classify(n, &CODES), Name::Asset, "{n}");
        }
        assert_eq!(classify("fr.md", &CODES), Name::Markdown("fr"));
        assert_eq!(classify("README.MD", &CODES), Name::Markdown("README"));
        assert_eq!(classify("notes.markdown", &CODES), Name::Markdown("notes"));
        assert_eq!(classify("facts.yaml", &CODES), Name::Yaml);
        assert_eq!(classify("he.yaml", &CODES), Name::Yaml);
    }

    #[test]
    fn nfc_and_nfd_names_compare_equal() {
        assert_eq!(nfc("cafe\u{301}.jpg"), nfc("caf\u{e9}.jpg"));
    }
}
