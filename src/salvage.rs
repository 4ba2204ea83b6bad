//! The content's mistakes when `site.yaml` has errors.
//!
//! A mistake in `site.yaml` stops the build, since the address and the languages shape every
//! page. It must not hide the mistakes in `content/`: an author fixing a site should see them
//! all in one run. The content needs only the site's languages to be read, so when those can
//! still be made out of `site.yaml` (even one that does not parse as a whole), `content/` is
//! read and checked with them; when they cannot, the author is told that `content/` was not
//! checked.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::{SITE_FILE, SiteConfig, valid_language_code};
use crate::model::{content, link};
use crate::render::Bodies;
use crate::text::lang::{Dir, Language};

/// Adds to `diags` the mistakes of `content/` (files, references, Markdown bodies), read with
/// the languages of the broken `site.yaml`; or says why they could not be checked.
pub fn check_content(root: &Path, diags: &mut Diagnostics) {
    if !root.join(SITE_FILE).is_file() {
        return; // Not a site folder: nothing more to tell.
    }
    let Some(languages) = languages(root) else {
        diags.push(
            Diagnostic::warning("content/ was not checked: the site's languages cannot be read from site.yaml")
                .in_file(SITE_FILE)
                .hint("fix 'languages:' in site.yaml (e.g. languages: [he, ar, en]) and run again; then the mistakes in content/ are told too"),
        );
        return;
    };
    let config = SiteConfig::languages_only(root, languages);
    let mut found = Diagnostics::default();
    let content = content::load(&config, &mut found);
    for p in content.problems() {
        found.push(p.clone());
    }
    link::link(&content, &mut found);
    let bodies = Bodies::render_all(&config, &content, None);
    for p in bodies.problems() {
        found.push(p.clone());
    }
    diags.extend(found.sorted());
}

/// The languages `site.yaml` lists, when each is a well-formed code: from the whole file, or
/// from its `languages:` lines alone when another part of it does not parse.
fn languages(root: &Path) -> Option<Vec<Language>> {
    let text = crate::model::read::read_text(&root.join(SITE_FILE), Path::new(SITE_FILE)).ok()?;
    let options = crate::model::yaml::yaml_options;
    let whole: Option<serde_json::Value> =
        serde_saphyr::from_str_with_options(&text, options()).ok();
    let value = match whole {
        Some(v) => v,
        None => serde_saphyr::from_str_with_options(&languages_lines(&text), options()).ok()?,
    };
    let mut out: Vec<Language> = Vec::new();
    for item in value.get("languages")?.as_array()? {
        let (code, dir) = match item {
            serde_json::Value::String(c) => (c.as_str(), None),
            serde_json::Value::Object(m) => (
                m.get("code")?.as_str()?,
                m.get("dir")
                    .and_then(|d| serde_json::from_value::<Dir>(d.clone()).ok()),
            ),
            _ => return None,
        };
        if !valid_language_code(code) {
            return None;
        }
        if !out.iter().any(|l| l.code == code) {
            out.push(Language {
                code: code.to_string(),
                dir: dir.unwrap_or_else(|| Dir::of_language(code)),
            });
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The `languages:` line of a YAML text and the indented or `- ` lines under it.
fn languages_lines(text: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("languages:") {
            inside = true;
        } else if inside && !(line.starts_with([' ', '-', '#']) || line.trim().is_empty()) {
            break;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_languages_lines_of_a_broken_file() {
        let text =
            "base_url: [\ntitle: a: b\nlanguages:\n  - he\n  - {code: en, dir: ltr}\ntheme: x\n";
        assert_eq!(
            languages_lines(text),
            "languages:\n  - he\n  - {code: en, dir: ltr}\n"
        );
    }
}
