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
    closest(word, candidates).map(|c| format!("did you mean '{c}'?"))
}

/// The one of `candidates` closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(word, c);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = (word.chars().count().max(c.chars().count()) / 3).max(2);
    (d <= limit).then_some(c)
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

/// What is known about the place of a YAML mistake, from the file's text: the field, the shape
/// its value must have, what was written there. `model::yaml` fills it in from the text and its
/// table of fields; without it the words are general ("expected a list here").
#[derive(Debug, Default, Clone)]
pub struct YamlPlace {
    /// The field whose value is wrong (`coordinates`, `from`).
    pub field: Option<String>,
    /// What the value must be, and an example: ("[latitude, longitude]", "[31.25, 34.79]").
    pub shape: Option<(&'static str, &'static str)>,
    /// The values allowed, for a field that takes one of a few words.
    pub allowed: &'static [&'static str],
    /// What was written: "a list", "a text", "'north'".
    pub found: Option<String>,
    /// The line of the mistake as written, without its indentation.
    pub line: Option<String>,
}

/// Turns a YAML error from serde-saphyr into a plain-words diagnostic, with no knowledge of the
/// text it was read from (see `model::yaml::parse_error` for the words that name the field).
///
/// `line_offset` is the number of lines before the YAML starts in its file (front matter
/// starts after the opening `---`).
pub fn from_yaml_error(err: &serde_saphyr::Error, file: &Path, line_offset: u64) -> Diagnostic {
    yaml_diagnostic(err, file, line_offset, &YamlPlace::default())
}

/// The parser's message without its position ("expected sequence start").
pub fn yaml_raw_message(err: &serde_saphyr::Error) -> String {
    let raw = err.without_snippet().to_string();
    match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    }
}

/// A YAML error in plain words, with what `place` knows about where it is.
pub fn yaml_diagnostic(
    err: &serde_saphyr::Error,
    file: &Path,
    line_offset: u64,
    place: &YamlPlace,
) -> Diagnostic {
    let (message, hint) = explain_yaml_message(&yaml_raw_message(err), place);
    let mut d = Diagnostic::error(message).in_file(file).hint_opt(hint);
    if let Some(loc) = err.location() {
        d = d.at(loc.line() + line_offset, loc.column());
    }
    d
}

/// The kinds of parser message, by the words they start with or hold. Each is translated by
/// `explain_yaml_message`; docs/errors.md has the table of parser words → plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YamlClass {
    /// A value of the wrong type: a list, a mapping, a text, a number or a word was expected.
    WrongShape(&'static str),
    /// `: ` inside an unquoted text.
    ColonInText,
    Tab,
    TwoDocuments,
    UnclosedQuote,
    UnclosedBracket,
    Indentation,
    /// `*`, `@`, `` ` ``, `%`, `&`, `!` at the start of an unquoted text.
    SpecialStart,
    BlockScalar,
    CommentInText,
    TooDeep,
    TooLarge,
    InnerBom,
    ControlCharacter,
    Other,
}

fn classify(plain: &str) -> YamlClass {
    use YamlClass::*;
    let starts = |p: &str| plain.starts_with(p);
    let has = |p: &str| plain.contains(p);
    if starts("expected sequence") || starts("invalid length") {
        WrongShape("a list")
    } else if starts("expected mapping") {
        WrongShape("'field: value' lines")
    } else if starts("expected string scalar") {
        WrongShape("a text")
    } else if starts("invalid u") || starts("invalid i") {
        WrongShape("a whole number")
    } else if starts("invalid f") {
        WrongShape("a number")
    } else if starts("externally tagged enum") || starts("data did not match any variant") {
        WrongShape("one of the allowed values")
    } else if starts("mapping values are not allowed") {
        ColonInText
    } else if has("tab") && (starts("tabs disallowed") || has("found a tab")) {
        Tab
    } else if starts("multiple YAML documents") {
        TwoDocuments
    } else if starts("unclosed quote") || has("found unexpected end of stream") && has("quoted") {
        UnclosedQuote
    } else if starts("unclosed bracket") || starts("illegal placement of ':'") || has("flow") {
        UnclosedBracket
    } else if has("did not find expected key") || has("block") && has("indent") {
        Indentation
    } else if starts("alias references unknown anchor") {
        SpecialStart
    } else if starts("unexpected character: `\\u{") {
        ControlCharacter
    } else if starts("unexpected character") {
        SpecialStart
    } else if starts("while scanning a block scalar") {
        BlockScalar
    } else if starts("comment intercepting") {
        CommentInText
    } else if starts("recursion limit") || has("Depth") && starts("budget breached") {
        TooDeep
    } else if starts("budget breached") {
        TooLarge
    } else if has("BOM") {
        InnerBom
    } else {
        Other
    }
}

fn list_of_words(expected: &str) -> Vec<&str> {
    expected
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ")
        .split(", ")
        .map(|s| s.trim_matches('`').trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `'coordinates' must be [latitude, longitude], like [31.25, 34.79]`, from what is known.
fn must_be(place: &YamlPlace, general: &str) -> String {
    let subject = match &place.field {
        Some(f) => format!("'{f}' must be"),
        None => "expected".to_string(),
    };
    let mut s = match (place.shape, place.allowed) {
        (_, allowed) if !allowed.is_empty() => {
            format!("{subject} one of: {}", allowed.join(", "))
        }
        (Some((what, example)), _) => format!("{subject} {what}, like {example}"),
        (None, _) => format!("{subject} {general}"),
    };
    if let Some(found) = &place.found {
        s.push_str(&format!(", not {found}"));
    }
    s
}

fn explain_yaml_message(plain: &str, place: &YamlPlace) -> (String, Option<String>) {
    if let Some(rest) = plain.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = list_of_words(expected);
        let hint = did_you_mean(field, known.iter().copied()).or_else(|| {
            Some(format!(
                "the fields known here are: {}; put your own data under 'extra:'",
                known.join(", ")
            ))
        });
        return (format!("unknown field '{field}'"), hint);
    }
    if let Some(rest) = plain.strip_prefix("unknown variant") {
        let rest = rest.trim_start_matches(" `");
        let (value, expected) = rest.split_once('`').unwrap_or(("", rest));
        let known = list_of_words(expected);
        let hint = did_you_mean(value, known.iter().copied())
            .unwrap_or_else(|| format!("use one of: {}", known.join(", ")));
        let field = place
            .line
            .as_deref()
            .and_then(|l| key_of_value(l, value))
            .or_else(|| place.field.clone());
        let message = match (&field, value.is_empty()) {
            (Some(f), false) => format!("'{value}' is not an allowed value of '{f}'"),
            (Some(f), true) => format!("'{f}' must be one of: {}", known.join(", ")),
            (None, _) => format!("'{value}' is not an allowed value here"),
        };
        return (message, Some(hint));
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
    if plain.starts_with("a partner is an id") {
        // Sulam's own words (model::content::PartnerRef), already plain.
        return (plain.to_string(), None);
    }
    if let Some(n) = plain
        .strip_prefix("invalid length ")
        .and_then(|r| r.split(',').next())
    {
        let place = YamlPlace {
            found: Some(format!("a list of {n}")),
            ..place.clone()
        };
        return (must_be(&place, "a list"), None);
    }
    if plain.starts_with("invalid boolean") {
        return (
            "expected true or false".into(),
            Some("write true or false; yes/no/on/off are not booleans here".into()),
        );
    }
    explain_by_class(plain, place)
}

fn explain_by_class(plain: &str, place: &YamlPlace) -> (String, Option<String>) {
    use YamlClass::*;
    let quoted = |hint: &str| -> Option<String> {
        match quote_line(place.line.as_deref()) {
            Some(fixed) => Some(format!("{hint}: {fixed}")),
            None => Some(hint.to_string()),
        }
    };
    let field = match place.field.as_deref() {
        None => "text".to_string(),
        Some(
            f @ ("title" | "summary" | "text" | "label" | "source" | "audience" | "timeframe"
            | "address" | "image_alt"),
        ) => f.to_string(),
        Some(f) => format!("value of '{f}'"),
    };
    let bare = place.field.as_deref().unwrap_or("text");
    match classify(plain) {
        WrongShape("'field: value' lines") if place.field.is_none() => (
            "expected 'field: value' lines here".into(),
            Some("a file of facts or front matter is a list of 'name: value' lines, not a list of items".into()),
        ),
        WrongShape(general) => {
            let hint = if general == "a text" && place.shape.is_none() {
                Some("a text that starts with [ { * & ! | > ' \" % @ or ` must be in quotes".into())
            } else {
                None
            };
            (must_be(place, general), hint)
        }
        ColonInText => (
            format!("the {field} has ': ' in it, so it reads as a new field"),
            quoted(&format!("put the whole {bare} in quotes")),
        ),
        Tab => (
            "a tab is used to indent this line".into(),
            Some("YAML indents with spaces only: replace the tab with spaces".into()),
        ),
        TwoDocuments => (
            "a second '---' (or '...') line starts a second document here; the file holds one".into(),
            Some("remove that line; in a <lang>.md file, '---' only opens and closes the front matter".into()),
        ),
        UnclosedQuote => (
            "a quote opened here is never closed".into(),
            Some("end the text with the same quote mark it starts with (\" or '); to write ' inside '…', write it twice: ''".into()),
        ),
        UnclosedBracket => (
            "a '[' or '{' opened here is never closed".into(),
            quoted("close it with ']' or '}' on the same line; a text that starts with [ or { goes in quotes"),
        ),
        Indentation => (
            "this line is indented differently from the lines around it".into(),
            Some("fields of the same level start at the same column; indent with spaces, the same number on each line".into()),
        ),
        SpecialStart => (
            format!("the {field} starts with a sign YAML reserves (* & ! @ ` % |)"),
            quoted("put it in quotes"),
        ),
        BlockScalar => (
            "after '|' or '>' the text must start on the next line".into(),
            Some("write the text on the lines below, indented; or put it in quotes on this line".into()),
        ),
        CommentInText => (
            "' #' starts a comment in the middle of this text".into(),
            quoted("put the whole text in quotes"),
        ),
        TooDeep => (
            "the file is nested too deeply to read ('[' or '{' inside each other hundreds of times)".into(),
            Some("a Sulam file needs only a few levels; remove the extra brackets".into()),
        ),
        TooLarge => (
            "the file is too large to read safely (it holds hundreds of thousands of values)".into(),
            Some("a common.yaml or front matter holds a few dozen lines; remove the repeated part, or put a long text in the Markdown body".into()),
        ),
        InnerBom => (
            "an invisible byte-order mark (U+FEFF) is in the middle of the file".into(),
            Some("delete it: it is the first character of a file pasted in here; most editors show it as a space".into()),
        ),
        ControlCharacter => (
            "an invisible control character is in this line".into(),
            Some("delete it (it often comes from copying out of a PDF or a spreadsheet)".into()),
        ),
        Other => (
            format!("YAML cannot read this line ({plain})"),
            Some("compare it with the lines around it; a text with : # [ { or a quote mark in it goes in quotes".into()),
        ),
    }
}

/// The key written before `value` on `line`: `role` in `{id: acme, role: boss}` for `boss`.
fn key_of_value(line: &str, value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let at = line.find(&format!(": {value}"))?;
    let key: String = line[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!key.is_empty()).then_some(key)
}

/// `title: Mobility: the plan` → `title: "Mobility: the plan"`.
fn quote_line(line: Option<&str>) -> Option<String> {
    let line = line?.trim();
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    if key.is_empty() || key.contains([' ', '{', '[', '"', '\'']) || value.is_empty() {
        return None;
    }
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!("{key}: \"{escaped}\""))
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

    #[test]
    fn a_place_needs_a_line_and_a_column_needs_a_line() {
        let d = Diagnostic::error("x").at(0, 5);
        assert_eq!((d.line, d.column), (None, None), "line 0 is no place");
        let d = Diagnostic::error("x").at(1, 0);
        assert_eq!((d.line, d.column), (Some(1), None), "column 0 is none");
        let d = Diagnostic::error("x").at(1, 1);
        assert_eq!((d.line, d.column), (Some(1), Some(1)));
    }

    #[test]
    fn the_closest_name_is_the_first_of_equals_within_a_third_of_its_length() {
        // Both one letter away: the first named wins.
        assert_eq!(closest("aa", ["ab", "ac"]), Some("ab"));
        // Nine letters allow three changes (a third), not two.
        assert_eq!(closest("abcdefghi", ["abcdefxyz"]), Some("abcdefxyz"));
        assert_eq!(closest("abcdefghi", ["abcdwxyzi"]), None);
        // Short names allow two.
        assert_eq!(closest("ab", ["xy"]), Some("xy"));
        assert_eq!(closest("abc", ["xyz"]), None);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_changes() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("ab", "abc"), 1);
        assert_eq!(edit_distance("abc", "axc"), 1);
        assert_eq!(edit_distance("כתובת", "כתבת"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn parser_messages_are_told_apart_by_their_words() {
        use YamlClass::*;
        for (message, class) in [
            ("expected sequence, found mapping", WrongShape("a list")),
            (
                "invalid length 3, expected 2 elements",
                WrongShape("a list"),
            ),
            ("invalid unsigned integer", WrongShape("a whole number")),
            ("invalid integer", WrongShape("a whole number")),
            (
                "data did not match any variant",
                WrongShape("one of the allowed values"),
            ),
            (
                "externally tagged enum Status",
                WrongShape("one of the allowed values"),
            ),
            ("found a tab character that violates indentation", Tab),
            ("tabs disallowed within this context", Tab),
            ("unclosed quote", UnclosedQuote),
            (
                "found unexpected end of stream in a quoted scalar",
                UnclosedQuote,
            ),
            // The end of the text inside brackets is an unclosed bracket, not a quote.
            (
                "found unexpected end of stream in a flow sequence",
                UnclosedBracket,
            ),
            // "tab" inside another word of another message is no tab.
            ("multiple YAML documents (a stable file)", TwoDocuments),
        ] {
            assert_eq!(classify(message), class, "{message}");
        }
    }
}
