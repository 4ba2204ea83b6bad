//! How every YAML file of a site is read: `site.yaml`, `common.yaml` and front matter alike,
//! and what a YAML mistake is called in words an author can act on.
//!
//! Strict booleans: `yes`, `no`, `on` and `off` are text, not true and false, so that a town
//! called "No" or an answer "yes" in a list stays what the author wrote.
//!
//! The parser says "expected sequence start" where the author wrote `coordinates: north`;
//! `parse_error` finds the field at the mistake's place in the text and, from the table of
//! fields below, says what it must be: "'coordinates' must be [latitude, longitude], like
//! [31.25, 34.79]". The general words, by kind of parser message, are in `diagnostics`.

use std::path::Path;

use crate::diagnostics::{Diagnostic, YamlPlace, yaml_diagnostic};

pub fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! { strict_booleans: true }
}

/// A YAML error of `file` in plain words that name the field. `text` is the YAML that was
/// parsed; `line_offset` the lines before it in the file (front matter starts on line 2).
pub fn parse_error(
    err: &serde_saphyr::Error,
    file: &Path,
    text: &str,
    line_offset: u64,
) -> Diagnostic {
    // A typed reading stops at the first value of the wrong kind, which may be where a
    // mistake of syntax begins (`summary: [unclosed` starts a list): the syntax is told first.
    let syntax = serde_saphyr::from_str_with_options::<serde_json::Value>(text, yaml_options());
    let err = syntax.as_ref().err().unwrap_or(err);
    let place = err
        .location()
        .map(|loc| place_of(file, text, loc.line(), loc.column()))
        .unwrap_or_default();
    yaml_diagnostic(err, file, line_offset, &place)
}

/// Which file a field is in: the same name means different things in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Site,
    Facts,
    Front,
}

fn file_kind(file: &Path) -> FileKind {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "site.yaml" {
        FileKind::Site
    } else if name.ends_with(".md") {
        FileKind::Front
    } else {
        FileKind::Facts
    }
}

/// What the text says at (`line`, `column`), both from 1: the field, its shape, what is there.
fn place_of(file: &Path, text: &str, line: u64, column: u64) -> YamlPlace {
    let lines: Vec<&str> = text.lines().collect();
    let Some(index) = usize::try_from(line).ok().and_then(|l| l.checked_sub(1)) else {
        return YamlPlace::default();
    };
    let Some(this) = lines.get(index) else {
        return YamlPlace::default();
    };
    let col = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
    let path = field_path(&lines[..index], this, col);
    let kind = file_kind(file);
    let field = path.last().cloned();
    let parent = path
        .len()
        .checked_sub(2)
        .and_then(|i| path.get(i))
        .map(String::as_str);
    let shape = field.as_deref().and_then(|f| shape_of(kind, parent, f));
    let value_at = value_after(this, col);
    YamlPlace {
        found: value_at.as_deref().map(describe),
        field,
        shape: shape.map(|s| (s.0, s.1)),
        allowed: shape.map(|s| s.2).unwrap_or(&[]),
        line: Some(this.trim().to_string()).filter(|l| l.chars().count() <= 200),
    }
}

/// The keys that lead to column `col` of `this`, outermost first: the keys before it on its
/// line (nested by brackets) and the keys of the less indented lines above it.
fn field_path(above: &[&str], this: &str, col: usize) -> Vec<String> {
    let chars: Vec<char> = this.chars().collect();
    let col = col.min(chars.len());
    let mut on_line: Vec<(usize, String)> = keys_on_line(&chars[..col]);
    if on_line.is_empty() {
        // The mistake is at the start of a key: the value of that key is what is wrong.
        if let Some((_, k)) = keys_on_line(&chars).into_iter().next() {
            on_line.push((0, k));
        }
    }
    // Keep the chain of keys that encloses the column: each one shallower than the next.
    let mut chain: Vec<String> = Vec::new();
    let mut depth = usize::MAX;
    for (d, k) in on_line.into_iter().rev() {
        if d < depth || chain.is_empty() {
            chain.push(k);
            depth = d;
        }
    }
    let mut indent = key_indent(this).unwrap_or(indent_of(this));
    if chain.is_empty() {
        indent = indent_of(this) + 1;
    }
    for line in above.iter().rev() {
        if chain.len() >= 4 || indent == 0 {
            break;
        }
        let Some(i) = key_indent(line) else { continue };
        if i < indent
            && let Some((_, k)) = keys_on_line(&line.chars().collect::<Vec<_>>())
                .into_iter()
                .next()
        {
            chain.push(k);
            indent = i;
        }
    }
    chain.reverse();
    chain
}

/// The `key:` names on a piece of a line, with how deep in brackets each one is.
fn keys_on_line(chars: &[char]) -> Vec<(usize, String)> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '#' if i == 0 || chars[i - 1] == ' ' => break,
            '"' | '\'' if word.is_empty() => quote = Some(c),
            '[' | '{' => {
                depth += 1;
                word.clear();
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                word.clear();
            }
            ':' if !word.is_empty() && chars.get(i + 1).is_none_or(|n| *n == ' ') => {
                keys.push((depth, std::mem::take(&mut word)));
            }
            c if c.is_alphanumeric() || c == '_' || c == '-' => word.push(c),
            _ => word.clear(),
        }
    }
    keys
}

fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// The column where the first key of a line starts, after any `- `; `None` for a line with no
/// key (a blank line, a comment, a list item without a key).
fn key_indent(line: &str) -> Option<usize> {
    let t = line.trim_start_matches([' ', '-']);
    if t.is_empty() || t.starts_with('#') {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    keys_on_line(&chars).first()?;
    Some(line.chars().count() - chars.len())
}

/// The value written at column `col`: the rest of the line, or nothing when the line ends there
/// (the value is on the lines below).
fn value_after(line: &str, col: usize) -> Option<String> {
    let rest: String = line.chars().skip(col).collect();
    let rest = rest.trim();
    let rest = match rest.split_once(": ") {
        // At the start of a key: the value is after it.
        Some((k, v)) if !k.contains(['[', '{', '"', '\'']) && col <= indent_of(line) + 2 => {
            v.trim()
        }
        _ => rest,
    };
    (!rest.is_empty()).then(|| rest.to_string())
}

/// "a list", "a text 'north'", "a number": what an author wrote, in their words.
fn describe(v: &str) -> String {
    let first = v.chars().next().unwrap_or(' ');
    let number = v.split([',', ']', '}']).next().unwrap_or(v).trim();
    if first == '[' || first == '-' && v.chars().nth(1) == Some(' ') {
        "a list".into()
    } else if first == '{' {
        "a set of 'name: value' pairs".into()
    } else if number.parse::<f64>().is_ok() {
        format!("the number {number}")
    } else if first == '!' {
        "a value with a tag (!…)".into()
    } else {
        let short: String = v.chars().take(40).collect();
        let short = short
            .split([',', ']', '}'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        format!("'{short}'")
    }
}

type Shape = (&'static str, &'static str, &'static [&'static str]);

const TEXT: Shape = ("a text", "Municipal Mobility", &[]);
const YEAR: Shape = ("a year of four digits", "2024", &[]);
const FILE: Shape = ("the name of a file in the entry's folder", "photo.jpg", &[]);
const WEB: Shape = ("an http:// or https:// address", "https://example.org", &[]);

/// What each field must be, by file: the words after "must be", an example, and the allowed
/// values of a field that takes one of a few words.
fn shape_of(kind: FileKind, parent: Option<&str>, field: &str) -> Option<Shape> {
    if field == "extra" || parent == Some("extra") {
        return None;
    }
    match kind {
        FileKind::Facts => facts_shape(parent, field),
        FileKind::Front => front_shape(parent, field),
        FileKind::Site => site_shape(parent, field),
    }
}

fn facts_shape(parent: Option<&str>, field: &str) -> Option<Shape> {
    Some(match (parent, field) {
        (_, "coordinates") => ("[latitude, longitude]", "[31.25, 34.79]", &[]),
        (Some("partners"), "id") => ("one partner id", "acme", &[]),
        (_, "partners") => (
            "a list of partner ids, each an id or {id, role}",
            "[acme, {id: city-hall, role: lead}]",
            &[],
        ),
        (_, "towns") => ("a list of town ids", "[sderot, ofakim]", &[]),
        (_, "networks") => ("a list of network ids", "[south]", &[]),
        (_, "domains") => ("a list of domain ids", "[education, health]", &[]),
        (_, "related" | "initiatives") => ("a list of initiative ids", "[municipal-mobility]", &[]),
        (_, "sector") => ("one sector id", "philanthropy", &[]),
        (_, "organisation") => ("one partner id", "acme", &[]),
        (_, "started" | "ends" | "year") => YEAR,
        (_, "status") => (
            "one of: planned, active, completed",
            "active",
            &["planned", "active", "completed"],
        ),
        (_, "district") => (
            "one of the districts",
            "south",
            &[
                "north",
                "haifa",
                "center",
                "tel-aviv",
                "jerusalem",
                "south",
                "judea-samaria",
            ],
        ),
        (_, "kind") => (
            "one of: city, local-council, regional-council, cluster",
            "city",
            &["city", "local-council", "regional-council", "cluster"],
        ),
        (_, "role") => (
            "one of: lead, funder, operator, partner",
            "lead",
            &["lead", "funder", "operator", "partner"],
        ),
        (_, "cluster") => ("a whole number from 1 to 10", "5", &[]),
        (_, "ages") => ("{from, to} in years", "{from: 6, to: 18}", &[]),
        (Some("ages"), "from" | "to") => ("a whole number of years from 0 to 255", "18", &[]),
        (_, "order") => ("a whole number", "1", &[]),
        (_, "date") => ("a date written YYYY-MM-DD", "2024-03-05", &[]),
        (_, "image" | "logo" | "photo") => FILE,
        (_, "website") => WEB,
        (_, "email") => ("an email address", "info@example.org", &[]),
        (_, "phone") => ("a phone number as text", "03-1234567", &[]),
        (_, "figures") => (
            "a list of {id, value}",
            "[{id: beneficiaries, value: 400000}]",
            &[],
        ),
        (Some("figures"), "id") => ("a short name for the figure", "beneficiaries", &[]),
        (_, "value") => (
            "a number, or a range of two numbers [from, to]",
            "400000",
            &[],
        ),
        (_, "approx") => ("true or false", "true", &[]),
        (_, "unit") => (
            "one of: percent, times, ils, usd",
            "percent",
            &["percent", "times", "ils", "usd"],
        ),
        _ => return None,
    })
}

fn front_shape(parent: Option<&str>, field: &str) -> Option<Shape> {
    Some(match (parent, field) {
        (_, "pillars" | "milestones") => (
            "a list of {title, text}",
            "[{title: Access, text: A place for every child}]",
            &[],
        ),
        (_, "team") => (
            "a list of {role, text}",
            "[{role: Director, text: Dana Levi}]",
            &[],
        ),
        (_, "outcomes") => (
            "a list of texts, or of {title, items}",
            "[Higher grades, More graduates]",
            &[],
        ),
        (Some("outcomes"), "items") => ("a list of texts", "[Higher grades, More graduates]", &[]),
        (_, "figures") => (
            "a label per figure id",
            "{beneficiaries: {label: beneficiaries a year}}",
            &[],
        ),
        (Some("figures"), _) => ("{label, source}", "{label: beneficiaries a year}", &[]),
        (
            _,
            "title" | "summary" | "audience" | "timeframe" | "image_alt" | "role" | "address"
            | "text" | "label" | "source",
        ) => TEXT,
        _ => return None,
    })
}

fn site_shape(parent: Option<&str>, field: &str) -> Option<Shape> {
    Some(match (parent, field) {
        (_, "base_url") => ("the site's address", "https://example.org/kb/", &[]),
        (_, "languages") => ("a list of language codes", "[he, ar, en]", &[]),
        (Some("languages"), "code") => ("a language code", "he", &[]),
        (_, "dir") => ("rtl or ltr", "rtl", &["rtl", "ltr"]),
        (_, "title") => (
            "a title per language",
            "{he: בסיס ידע, en: Knowledge base}",
            &[],
        ),
        (Some("title"), _) => TEXT,
        (_, "fallback") => ("a list of languages per language", "{ar: [he, en]}", &[]),
        (Some("fallback"), _) => ("a list of language codes", "[he, en]", &[]),
        (_, "bbox") => (
            "[west, south, east, north]",
            "[34.2, 29.4, 35.9, 33.4]",
            &[],
        ),
        (_, "reviewed") => ("a date written YYYY-MM-DD", "2025-01-31", &[]),
        (_, "theme" | "standard" | "email" | "phone" | "outline") => TEXT,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(file: &str, text: &str, line: u64, col: u64) -> YamlPlace {
        place_of(Path::new(file), text, line, col)
    }

    #[test]
    fn finds_the_field_on_its_line_and_above() {
        let p = place(
            "common.yaml",
            "district: south\ncoordinates: north\n",
            2,
            14,
        );
        assert_eq!(p.field.as_deref(), Some("coordinates"));
        assert_eq!(p.found.as_deref(), Some("'north'"));
        let p = place("common.yaml", "ages: {from: -1, to: 3}", 1, 14);
        assert_eq!(p.field.as_deref(), Some("from"));
        assert!(p.shape.is_some_and(|s| s.0.contains("0 to 255")));
        let p = place(
            "common.yaml",
            "figures:\n  - id: a\n    value: [1, 2, 3]\n",
            3,
            12,
        );
        assert_eq!(p.field.as_deref(), Some("value"));
        let p = place("common.yaml", "coordinates: [1]", 1, 1);
        assert_eq!(p.field.as_deref(), Some("coordinates"));
        let p = place("he.md", "pillars:\n  - a\n", 2, 5);
        assert_eq!(p.field.as_deref(), Some("pillars"));
    }

    #[test]
    fn never_fails_on_odd_places() {
        for (l, c) in [(0, 0), (1, 0), (1, 999), (99, 1)] {
            let _ = place("common.yaml", "a: \"[{\n\u{5d0}: ]]\n- - -", l, c);
        }
    }
}
