//! The text fields of a language file, normalised and hashed: what a stamp remembers of
//! the source, and how many words a translator reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::model::content::{Collection, Front, LangFile};

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
pub(crate) fn field_value(lf: &LangFile, field: &str) -> Option<serde_json::Value> {
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
        "image_alt" => text(&f.image_alt),
        "role" => text(&f.role),
        "address" => text(&f.address),
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

pub(crate) fn normalise_value(v: serde_json::Value) -> serde_json::Value {
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
pub(crate) fn fingerprint(value: &serde_json::Value) -> String {
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
pub(crate) fn words(value: &serde_json::Value) -> usize {
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
pub(crate) fn strip_markup(s: &str) -> String {
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

/// The fingerprints of the fields that both the source and the translation have.
pub(crate) fn fingerprints(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_line_ends_and_trailing_spaces() {
        assert_eq!(normalise("  a  \r\nb\t\r\n\r\n"), "a\nb");
        assert_eq!(normalise("\n\n a\rb \n\n\n  c\t\n"), "a\nb\n\n\n  c");
        assert_eq!(normalise("אלפא   "), "אלפא");
        assert_eq!(normalise(" \r\n\t"), "");
        assert_eq!(
            normalise_value(serde_json::json!({"t": ["a \r\nb ", 3], "n": " x ", "z": null})),
            serde_json::json!({"t": ["a\nb", 3], "n": "x"})
        );
    }

    #[test]
    fn words_skip_link_targets_and_tags() {
        let v = serde_json::Value::String(
            "See [the report](https://x.org/a b) and <span lang=\"en\">STEM</span> ##".into(),
        );
        assert_eq!(words(&v), 5);
    }
}
