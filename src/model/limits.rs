//! What one file of a site may hold: at most [`FILE_BYTES`], no character that XML and HTML
//! cannot hold, and a title or summary of a sane length.
//!
//! Why: a title is printed on every list, card, feed and filter page that shows its entry, and
//! a page's text goes through the templates, the map, the meta tags and the search index; a
//! pasted blob of megabytes made the build take gigabytes of memory, and one control
//! character made `feed.xml` unreadable to every feed reader. Refusing such a file where it
//! is read, with the field and the size named, is clearer than any later failure. The limits
//! are far above any real text.

use std::io::{self, Read};
use std::path::Path;

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::escape::is_unfit_for_xml;

/// The largest file of the site Sulam reads: `site.yaml`, `common.yaml` or a `<lang>.md`.
pub const FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The most characters a title may have (in a language file or `site.yaml`).
pub const TITLE_CHARS: usize = 1_000;
/// The most characters a summary may have.
pub const SUMMARY_CHARS: usize = 5_000;

/// The bytes of a file of the site, or an error (shown after "cannot read the file:") when it
/// is larger than [`FILE_BYTES`]. No more than that is ever read into memory.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > FILE_BYTES {
        let size = std::fs::metadata(path).map_or(FILE_BYTES + 1, |m| m.len());
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it is {}, more than the {} a file of the site may have; split the text into \
                 several entries, or publish a large document as a file in static/ and link to it",
                megabytes(size),
                megabytes(FILE_BYTES)
            ),
        ));
    }
    Ok(bytes)
}

/// [`read`] as UTF-8 text.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

fn megabytes(n: u64) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// `text` when [`text_problems`] finds none, else `None` with the problems pushed to `diags`.
pub fn checked(text: String, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    let problems = text_problems(&text, file);
    let ok = problems.is_empty();
    for d in problems {
        diags.push(d);
    }
    ok.then_some(text)
}

/// The problems of a file's text (`file` relative to the site): the first character that XML
/// and HTML cannot hold, with its line and column; and in its YAML (all of a `.yaml` file, the
/// front matter of a `.md` file) a value holding one through an escape such as `"\x01"`, or a
/// `title` or `summary` that is too long.
pub fn text_problems(text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some((line, column, c)) = first_unfit(text) {
        out.push(
            Diagnostic::error(format!(
                "the file holds the control character {}, which web pages and feeds cannot hold",
                code_point(c)
            ))
            .in_file(file)
            .at(line, column)
            .hint("delete it (most editors do not show it; it often comes with pasted text)"),
        );
    }
    let Some((yaml, first_line)) = yaml_of(text, file) else {
        return out;
    };
    // Reading the YAML a second time is for what the text does not show: a control character
    // made by an escape (it needs a backslash) and an overlong title or summary (it needs a
    // text longer than the shorter limit). Most files have neither.
    if !yaml.contains('\\') && yaml.chars().count() <= TITLE_CHARS.min(SUMMARY_CHARS) {
        return out;
    }
    let Ok(value) = serde_saphyr::from_str_with_options::<Value>(yaml, super::yaml::yaml_options())
    else {
        return out; // the file's own reader reports it
    };
    let mut fields = Vec::new();
    walk(&value, "", &mut fields);
    for (path, s) in fields {
        // The innermost title or summary: `pillars[0].title`, `title.he` in site.yaml.
        let key = path
            .rsplit(['.', '['])
            .find(|k| ["title", "summary"].contains(k))
            .unwrap_or("");
        let top = path.split(['.', '[']).next().unwrap_or("");
        let line = line_of(yaml, top).map_or(first_line, |l| l + first_line);
        if out.is_empty()
            && let Some(c) = s.chars().find(|&c| is_unfit_for_xml(c))
        {
            out.push(
                Diagnostic::error(format!(
                    "'{path}' holds the control character {}, which web pages and feeds cannot \
                     hold",
                    code_point(c)
                ))
                .in_file(file)
                .at(line, 1)
                .hint("remove the escape that makes it (such as \\x01 or \\u0001)"),
            );
        }
        if let Some(d) = too_long(&path, key, s) {
            out.push(d.in_file(file).at(line, 1));
        }
    }
    out.sort_by_key(|d| d.line);
    out
}

/// A `title` over [`TITLE_CHARS`] or a `summary` over [`SUMMARY_CHARS`] characters.
fn too_long(path: &str, key: &str, s: &str) -> Option<Diagnostic> {
    let (limit, hint) = match key {
        "title" => (
            TITLE_CHARS,
            "a title is shown on every list, card and feed that names the entry: keep it short, \
             and say the rest in the summary or the text",
        ),
        "summary" => (
            SUMMARY_CHARS,
            "a summary is shown on lists and cards: keep it to a few sentences, and move the \
             rest into the text below the front matter",
        ),
        _ => return None,
    };
    let n = s.chars().count();
    (n > limit).then(|| {
        Diagnostic::error(format!(
            "'{path}' is {n} characters long, more than the {limit} it may have"
        ))
        .hint(hint)
    })
}

/// Every string of `v` with its path (`pillars[0].title`).
fn walk<'a>(v: &'a Value, path: &str, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(item, &p, out);
            }
        }
        _ => {}
    }
}

/// The YAML of a file and the line it starts on: a `.yaml` file whole, the front matter of a
/// `.md` file (between its first two `---` lines).
fn yaml_of<'a>(text: &'a str, file: &Path) -> Option<(&'a str, u64)> {
    match file.extension().and_then(|e| e.to_str()) {
        Some("yaml" | "yml") => Some((text, 1)),
        Some("md") => {
            let rest = text.strip_prefix("---")?;
            let rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))?;
            let mut end = 0;
            for l in rest.split_inclusive('\n') {
                if l.trim_end() == "---" {
                    return Some((&rest[..end], 2));
                }
                end += l.len();
            }
            None
        }
        _ => None,
    }
}

/// The line (from 0) on which the top-level key `key` is written.
fn line_of(yaml: &str, key: &str) -> Option<u64> {
    let prefix = format!("{key}:");
    yaml.lines()
        .position(|l| l.starts_with(&prefix))
        .map(|i| i as u64)
}

/// The first character unfit for XML, with its line and column (from 1).
fn first_unfit(text: &str) -> Option<(u64, u64, char)> {
    let (i, c) = text.char_indices().find(|&(_, c)| is_unfit_for_xml(c))?;
    let before = &text[..i];
    let line = before.matches('\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let column = text[line_start..i].chars().count() as u64 + 1;
    Some((line, column, c))
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_character_is_found_with_its_line_and_column() {
        let ds = text_problems("---\ntitle: a\u{1}b\n---\n", Path::new("x/en.md"));
        assert_eq!(ds.len(), 1);
        assert!(ds[0].message.contains("U+0001"), "{}", ds[0].message);
        assert_eq!((ds[0].line, ds[0].column), (Some(2), Some(9)));
    }

    #[test]
    fn an_escaped_control_character_is_found_in_its_field() {
        let ds = text_problems(
            "---\ntitle: ok\npillars:\n  - {title: \"a\\uFFFF\"}\n---\n",
            Path::new("x/en.md"),
        );
        assert_eq!(ds.len(), 1);
        assert!(ds[0].message.contains("'pillars[0].title'") && ds[0].message.contains("U+FFFF"));
        assert_eq!(ds[0].line, Some(3));
    }

    #[test]
    fn tabs_newlines_and_short_fields_are_fine() {
        let text = "---\r\ntitle: \"a\\tb\"\r\nsummary: s\r\n---\r\nText\twith\ttabs.\r\n";
        assert!(text_problems(text, Path::new("x/en.md")).is_empty());
    }

    #[test]
    fn a_long_title_and_summary_are_named_with_their_length() {
        let text = format!(
            "title:\n  he: {}\nsummary: {}\n",
            "t".repeat(1001),
            "s".repeat(5001)
        );
        let ds = text_problems(&text, Path::new("site.yaml"));
        let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "'title.he' is 1001 characters long, more than the 1000 it may have",
                "'summary' is 5001 characters long, more than the 5000 it may have"
            ]
        );
    }
}
