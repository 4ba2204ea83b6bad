//! Which entries `sulam translations done` marks: each named as `<collection>/<id>`, as the
//! entry's folder or as the translation's own file (what a file browser, or the shell's own
//! `*`, gives), or as a pattern with `*` and `?` (`initiatives/*`, `content/*/*/ar.md`).
//!
//! Patterns are matched here, against the site's entries, rather than by a glob crate against
//! the disk: the names are a few hundred `<collection>/<id>` pairs, so `*` and `?` within one
//! part of a name are all a pattern needs, and a quoted `'initiatives/*'` then works the same
//! on every shell as an unquoted one that the shell expands itself.

use super::find_entry;
use crate::diagnostics::Diagnostic;
use crate::model::config::SiteConfig;
use crate::model::content::{Collection, Content, Entry};

/// What one name on the command line picks.
pub(crate) enum Pick<'a> {
    /// An entry named as such: every problem with it is an error.
    One(&'a Entry),
    /// The entries a pattern matches (at least one): those that have nothing to mark are
    /// passed over.
    Matched(Vec<&'a Entry>),
}

/// The entries `name` picks, for marking `lang`'s text of them.
pub(crate) fn pick<'a>(
    content: &'a Content,
    config: &SiteConfig,
    lang: &str,
    name: &str,
) -> Result<Pick<'a>, Diagnostic> {
    let path = entry_part(config, lang, name)?;
    if !is_pattern(&path) {
        return find_entry(content, &path).map(Pick::One);
    }
    let Some((cpat, ipat)) = path.split_once('/') else {
        return Err(Diagnostic::error(format!("'{name}' does not name entries"))
            .hint("write a pattern as <collection>/<id>, e.g. 'initiatives/*'"));
    };
    let found: Vec<&Entry> = Collection::ALL
        .into_iter()
        .filter(|c| matches(cpat, c.name()))
        .flat_map(|c| content.of(c))
        .filter(|e| matches(ipat, &e.id))
        .collect();
    if found.is_empty() {
        let hint = match Collection::from_name(cpat) {
            Some(c) if !is_pattern(cpat) => format!(
                "the entries of {c} are the folders in content/{c}/; `*` stands for any part of an id, `?` for one letter"
            ),
            _ => format!(
                "a pattern is <collection>/<id>, with `*` for any part of a name and `?` for one letter; the collections are: {}",
                Collection::ALL.map(|c| c.name()).join(", ")
            ),
        };
        return Err(Diagnostic::error(format!("'{name}' matches no entry")).hint(hint));
    }
    Ok(Pick::Matched(found))
}

/// `name` without `./`, `content/`, a trailing `/` and the translation's file name; an error
/// when the file named is not `lang`'s.
fn entry_part(config: &SiteConfig, lang: &str, name: &str) -> Result<String, Diagnostic> {
    let trimmed = name
        .trim()
        .trim_start_matches("./")
        .trim_start_matches("content/")
        .trim_end_matches('/');
    let Some((entry, file)) = trimmed
        .rsplit_once('/')
        .filter(|(entry, file)| entry.contains('/') || file.ends_with(".md"))
    else {
        return Ok(trimmed.to_string());
    };
    let Some(code) = file.strip_suffix(".md") else {
        return Err(
            Diagnostic::error(format!("'{name}' names neither an entry nor a translation"))
                .hint(format!(
                    "name the entry (<collection>/<id>) or its {lang}.md, e.g. initiatives/some-program/{lang}.md"
                )),
        );
    };
    if code == lang || (is_pattern(code) && matches(code, lang)) {
        return Ok(entry.to_string());
    }
    let hint = if config.language(code).is_some() {
        format!(
            "to mark the {code} text, run: sulam translations done {code} {name}; to mark the {lang} one, name {entry}/{lang}.md"
        )
    } else {
        format!("name the entry (<collection>/<id>) or its {lang}.md")
    };
    Err(Diagnostic::error(format!("'{name}' names {file}, but this marks {lang}.md")).hint(hint))
}

fn is_pattern(s: &str) -> bool {
    s.contains(['*', '?'])
}

/// Whether `text` matches `pattern`, where `*` is any run of characters (none too) and `?` any
/// one character.
fn matches(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // The last `*` seen and where in `text` it was tried up to: on a mismatch, it takes one
    // more character. Linear in practice, never exponential.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn star_and_question_mark() {
        for (p, t) in [
            ("*", "municipal-mobility"),
            ("*", ""),
            ("muni*", "municipal-mobility"),
            ("*mobility", "municipal-mobility"),
            ("*-*-*", "a-b-c"),
            ("m*l*y", "municipal-mobility"),
            ("to?n?", "towns"),
            ("initiatives", "initiatives"),
        ] {
            assert!(matches(p, t), "{p} should match {t}");
        }
        for (p, t) in [
            ("muni", "municipal"),
            ("*mobility", "mobility-plan"),
            ("?", ""),
            ("to?n", "towns"),
            ("*-*-*", "a-b"),
            ("initiatives", "initiative"),
        ] {
            assert!(!matches(p, t), "{p} should not match {t}");
        }
    }
}
