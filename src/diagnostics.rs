//! Author-facing problems: what is wrong, where, and how to fix it.
//!
//! Every stage of the build pushes into one `Diagnostics` list instead of stopping at the first
//! mistake, so an author sees all of them in one run. Only the command layer prints them.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the author's files.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site folder where possible.
    pub file: Option<PathBuf>,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
    /// How to fix it, in plain words ("did you mean 'towns'?").
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, line: u64, column: u64) -> Self {
        if line > 0 {
            self.line = Some(line);
            self.column = (column > 0).then_some(column);
        }
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn hint_opt(mut self, hint: Option<String>) -> Self {
        if hint.is_some() {
            self.hint = hint;
        }
        self
    }
}

/// The fields, and `text`: the same words the terminal shows, so that `check --format json`,
/// the terminal and `serve`'s overlay read alike.
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Diagnostic", 7)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("hint", &self.hint)?;
        st.serialize_field("text", &self.to_string())?;
        st.end()
    }
}

impl Diagnostic {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// Prints mistakes to standard error: in colour on a terminal, plain in a pipe or with
/// `NO_COLOR` set.
pub fn print(diags: &[Diagnostic]) {
    use std::io::IsTerminal;
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags {
        let text = d.to_string();
        if !colour {
            eprintln!("{text}");
            continue;
        }
        let code = match d.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
        };
        let (first, hint) = text.split_once("\n  hint: ").unwrap_or((&text, ""));
        let (head, rest) = first.split_once(": ").unwrap_or((first, ""));
        eprint!("\x1b[1;{code}m{head}\x1b[0m: {rest}");
        if !hint.is_empty() {
            eprint!("\n  \x1b[36mhint:\x1b[0m {hint}");
        }
        eprintln!();
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: ")?;
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The problems of one run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn all(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Sorted by file and line, so a long list reads top to bottom like the site does.
    pub fn sorted(mut self) -> Self {
        self.items
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        self
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(word, c);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = (word.chars().count().max(c.chars().count()) / 3).max(2);
    (d <= limit).then(|| format!("did you mean '{c}'?"))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Turns a YAML error from serde-saphyr into a plain-words diagnostic.
///
/// `line_offset` is the number of lines before the YAML starts in its file (front matter
/// starts after the opening `---`).
pub fn from_yaml_error(err: &serde_saphyr::Error, file: &Path, line_offset: u64) -> Diagnostic {
    let raw = err.without_snippet().to_string();
    let plain = match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let (message, hint) = explain_yaml_message(&plain);
    let mut d = Diagnostic::error(message).in_file(file).hint_opt(hint);
    if let Some(loc) = err.location() {
        d = d.at(loc.line() + line_offset, loc.column());
    }
    d
}

fn explain_yaml_message(plain: &str) -> (String, Option<String>) {
    if let Some(rest) = plain.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`').trim())
            .filter(|s| !s.is_empty())
            .collect();
        let hint = did_you_mean(field, known.iter().copied()).or_else(|| {
            Some(format!(
                "the fields known here are: {}; put your own data under 'extra:'",
                known.join(", ")
            ))
        });
        return (format!("unknown field '{field}'"), hint);
    }
    if let Some(rest) = plain.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`').trim())
            .filter(|s| !s.is_empty())
            .collect();
        let hint = did_you_mean(value, known.iter().copied())
            .unwrap_or_else(|| format!("use one of: {}", known.join(", ")));
        return (
            format!("'{value}' is not an allowed value here"),
            Some(hint),
        );
    }
    if let Some(rest) = plain.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            format!("the required field '{field}' is missing"),
            Some(format!("add a line '{field}: ...'")),
        );
    }
    if let Some(rest) = plain.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return (
            format!("the key '{key}' is written twice"),
            Some("keep one of the two lines".into()),
        );
    }
    if plain.starts_with("invalid boolean") {
        return (
            "expected true or false".into(),
            Some("write true or false; yes/no/on/off are not booleans here".into()),
        );
    }
    if plain.starts_with("invalid u") || plain.starts_with("invalid i") {
        return ("expected a whole number".into(), None);
    }
    if plain.starts_with("invalid f") {
        return ("expected a number".into(), None);
    }
    if plain.starts_with("expected mapping") {
        return (
            "expected 'field: value' lines here".into(),
            Some("a file of facts or front matter is a list of 'name: value' lines, not a list of items".into()),
        );
    }
    if plain.starts_with("expected string scalar") {
        return (
            "expected a text here".into(),
            Some("a text that starts with [ { * & ! | > ' \" % @ or ` must be in quotes".into()),
        );
    }
    (plain.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("rashi-fondation", ["rashi-foundation", "yad-hanadiv"]).as_deref(),
            Some("did you mean 'rashi-foundation'?")
        );
        assert_eq!(did_you_mean("xyz", ["rashi-foundation"]), None);
    }
}
