//! Charts: a fenced block with the info string `chart`, drawn at build time as SVG with no
//! script (see docs/charts.md).
//!
//! ````text
//! ```chart
//! type: bar                 # bar (the default) or column
//! title: Matriculation, by town's socio-economic level
//! unit: percent
//! source: Central Bureau of Statistics
//! data:
//!   - {label: Established towns, value: 84}
//!   - {label: Disadvantaged towns, value: 13}
//! ```
//! ````
//!
//! `data` may instead name a CSV file of the entry with a `label,value` header. The block is
//! read with serde-saphyr (strict booleans, as every YAML file of a site), keeping each key's
//! line, so that each mistake is reported at the line of the body, or of the CSV file, where
//! it is. A block with a mistake draws nothing: the build fails anyway, and `serve` shows the
//! mistake rather than half a chart.
//!
//! What a reader gets is decided in `draw`: the SVG is a picture of the table that follows
//! it, so it is hidden from screen readers, which read the table instead.

mod csv;
mod draw;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, YamlPlace, did_you_mean, yaml_diagnostic, yaml_raw_message};
use crate::text::figure::Unit;
use crate::text::markdown::{Component, Context};

/// What `data:` must be, in the words of its messages.
const DATA_SHAPE: &str = "a list of {label, value}, or the name of a CSV file of the entry";

/// The most rows a chart draws: more would not be read as a chart on a phone.
const MOST_ROWS: usize = 100;
/// The largest CSV file a chart reads.
const MOST_CSV_BYTES: u64 = 1024 * 1024;

/// How the numbers are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Horizontal bars, each under its label, growing from the inline start.
    Bar,
    /// Vertical columns side by side, in reading order from the inline start.
    Column,
}

/// A chart as the author wrote it, checked.
#[derive(Debug)]
pub struct Chart {
    pub kind: Kind,
    pub title: String,
    pub unit: Option<Unit>,
    pub source: Option<String>,
    pub rows: Vec<Row>,
    /// The CSV file the rows come from, if they do.
    pub file: Option<String>,
}

#[derive(Debug)]
pub struct Row {
    pub label: String,
    pub value: f64,
}

/// The block's YAML, each value with its place.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Block {
    #[serde(rename = "type")]
    kind: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
    data: Option<Spanned<Data>>,
}

/// `data:` is a list of rows, or the name of a CSV file.
enum Data {
    File(String),
    Rows(Vec<Spanned<BlockRow>>),
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockRow {
    label: Option<Spanned<serde_json::Value>>,
    value: Option<Spanned<serde_json::Value>>,
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Data, D::Error> {
        struct DataVisitor;
        impl<'de> Visitor<'de> for DataVisitor {
            type Value = Data;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(DATA_SHAPE)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Data, E> {
                Ok(Data::File(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Data, A::Error> {
                let mut rows = Vec::new();
                while let Some(row) = seq.next_element()? {
                    rows.push(row);
                }
                Ok(Data::Rows(rows))
            }
        }
        d.deserialize_any(DataVisitor)
    }
}

/// Renders the chart block `text`, whose first line is line `first_line` of the body.
pub fn render(text: &str, first_line: usize, cx: &Context) -> Component {
    let mut problems = Problems {
        offset: first_line.saturating_sub(1),
        list: Vec::new(),
    };
    let chart = read(text, cx, &mut problems);
    let html = match chart {
        Some(chart) if problems.list.is_empty() => draw::html(&chart, cx),
        _ => String::new(),
    };
    Component {
        html,
        problems: problems.list,
    }
}

/// The mistakes of one block, each at its line of the body (or of the CSV file).
struct Problems {
    /// The lines of the body before the block's first line.
    offset: usize,
    list: Vec<Diagnostic>,
}

impl Problems {
    /// A mistake at `line` of the block (from 1).
    fn at(&mut self, line: usize, message: String, hint: Option<String>) {
        let d = Diagnostic::error(message)
            .at((self.offset + line.max(1)) as u64, 0)
            .hint_opt(hint);
        self.list.push(d);
    }

    /// A mistake at `line` of the entry's file `file`.
    fn in_file(&mut self, file: &str, line: usize, message: String, hint: String) {
        let mut d = Diagnostic::error(message).hint(hint);
        d.file = Some(PathBuf::from(file));
        d.line = (line > 0).then_some(line as u64);
        self.list.push(d);
    }
}

fn read(text: &str, cx: &Context, problems: &mut Problems) -> Option<Chart> {
    let options = serde_saphyr::options! { strict_booleans: true };
    let block: Block = if text.trim().is_empty() {
        Block {
            kind: None,
            title: None,
            unit: None,
            source: None,
            data: None,
        }
    } else {
        match serde_saphyr::from_str_with_options(text, options) {
            Ok(b) => b,
            Err(e) => {
                problems.list.push(yaml_problem(&e, text, problems.offset));
                return None;
            }
        }
    };
    let kind = match &block.kind {
        None => Kind::Bar,
        Some(k) => match k.value.trim() {
            "bar" => Kind::Bar,
            "column" => Kind::Column,
            other => {
                let hint = did_you_mean(other, ["bar", "column"])
                    .unwrap_or_else(|| "use one of: bar, column".into());
                let message = format!("'{other}' is not an allowed value of 'type'");
                problems.at(k.referenced.line() as usize, message, Some(hint));
                Kind::Bar
            }
        },
    };
    let unit = block.unit.as_ref().and_then(|u| unit(u, problems));
    let title = text_field(&block.title);
    if title.is_none() {
        let line = block
            .title
            .as_ref()
            .map_or(1, |t| t.referenced.line() as usize);
        problems.at(
            line,
            "a chart needs a 'title': it is the chart's caption and what screen readers call it"
                .into(),
            Some("add a line 'title: …' that says what the chart shows".into()),
        );
    }
    let (rows, file) = rows(&block.data, cx, problems);
    Some(Chart {
        kind,
        title: title?,
        unit,
        source: text_field(&block.source),
        rows,
        file,
    })
}

/// A text field, trimmed; `None` when absent or empty.
fn text_field(field: &Option<Spanned<String>>) -> Option<String> {
    field
        .as_ref()
        .map(|f| f.value.trim().to_string())
        .filter(|t| !t.is_empty())
}

fn unit(u: &Spanned<String>, problems: &mut Problems) -> Option<Unit> {
    let name = u.value.trim();
    Unit::from_name(name).or_else(|| {
        let names: Vec<&str> = Unit::names().collect();
        let hint = did_you_mean(name, names.iter().copied())
            .unwrap_or_else(|| format!("use one of: {}", names.join(", ")));
        problems.at(
            u.referenced.line() as usize,
            format!("'{name}' is not an allowed value of 'unit'"),
            Some(hint),
        );
        None
    })
}

/// The rows of `data:`, written in the block or read from the CSV file it names.
fn rows(
    data: &Option<Spanned<Data>>,
    cx: &Context,
    problems: &mut Problems,
) -> (Vec<Row>, Option<String>) {
    let Some(data) = data else {
        problems.at(
            1,
            "a chart needs 'data': its labels and numbers".into(),
            Some("add 'data:' with a list of {label, value}, or the name of a CSV file of the entry (data: rates.csv)".into()),
        );
        return (Vec::new(), None);
    };
    let line = data.referenced.line() as usize;
    let (rows, file) = match &data.value {
        Data::Rows(rows) => (block_rows(rows, problems), None),
        Data::File(name) => {
            let name = name.trim();
            (csv_rows(name, line, cx, problems), Some(name.to_string()))
        }
    };
    let Some(rows) = rows else {
        return (Vec::new(), file);
    };
    if rows.is_empty() {
        problems.at(
            line,
            "the chart's data has no rows".into(),
            Some("give at least one {label, value}".into()),
        );
    } else if rows.len() > MOST_ROWS {
        problems.at(
            line,
            format!(
                "the chart has {} rows; a chart shows at most {MOST_ROWS}",
                rows.len()
            ),
            Some("show the largest or the most telling ones, or split the chart".into()),
        );
    }
    (rows, file)
}

/// The rows written in the block; `None` when one of them is wrong.
fn block_rows(rows: &[Spanned<BlockRow>], problems: &mut Problems) -> Option<Vec<Row>> {
    let before = problems.list.len();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let at = row.referenced.line() as usize;
        let label = match &row.value.label {
            Some(l) => label_text(&l.value),
            None => None,
        };
        let Some(label) = label else {
            let line = row
                .value
                .label
                .as_ref()
                .map_or(at, |l| l.referenced.line() as usize);
            problems.at(
                line,
                "this row of the chart has no 'label'".into(),
                Some("write each row as {label: …, value: …}".into()),
            );
            continue;
        };
        let Some(value) = &row.value.value else {
            problems.at(
                at,
                format!("the row '{label}' of the chart has no 'value'"),
                Some("write each row as {label: …, value: …}".into()),
            );
            continue;
        };
        match yaml_number(&value.value) {
            Ok(n) => match below_zero(&label, n) {
                Some((message, hint)) => {
                    problems.at(value.referenced.line() as usize, message, Some(hint))
                }
                None => out.push(Row { label, value: n }),
            },
            Err((shown, hint)) => problems.at(
                value.referenced.line() as usize,
                format!("'value' must be a number, not {shown}"),
                Some(hint),
            ),
        }
    }
    (problems.list.len() == before).then_some(out)
}

/// A label as text: numbers and words alike ("2024" is a label too).
fn label_text(v: &serde_json::Value) -> Option<String> {
    let text = match v {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A chart's number from YAML: a number, or a text that is one. Else what was written, in
/// the words of a message, and how to write it.
fn yaml_number(v: &serde_json::Value) -> Result<f64, (String, String)> {
    match v {
        serde_json::Value::Number(n) => n
            .as_f64()
            .filter(|n| n.is_finite())
            .ok_or_else(|| (n.to_string(), "write a number such as 84 or 12.5".into())),
        serde_json::Value::String(s) => number(s).map_err(|hint| (format!("'{s}'"), hint)),
        serde_json::Value::Null => Err(("empty".into(), "write a number such as 84".into())),
        serde_json::Value::Bool(b) => Err((b.to_string(), "write a number such as 84".into())),
        _ => Err(("a list".into(), "write one number per row".into())),
    }
}

/// A row whose value is below 0, which a chart whose bars start at 0 cannot draw: the
/// message and the hint.
fn below_zero(label: &str, n: f64) -> Option<(String, String)> {
    (n < 0.0).then(|| {
        (
            format!(
                "the value of '{label}' is {n}, but a chart's bars start at 0 and cannot show less"
            ),
            "chart numbers of 0 or more (for a fall, the amounts before and after it)".into(),
        )
    })
}

/// A number written as text (in the CSV, or quoted in the block): digits with an optional
/// point and sign. Else how to write it.
fn number(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let plain = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && t.chars().any(|c| c.is_ascii_digit());
    if let Some(n) = plain
        .then(|| t.parse::<f64>().ok())
        .flatten()
        .filter(|n| n.is_finite())
    {
        return Ok(n);
    }
    let digits: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    Err(if t.ends_with('%') && !digits.is_empty() {
        format!("write {digits} and add 'unit: percent' to the chart")
    } else if t.contains(['₪', '$']) && !digits.is_empty() {
        format!("write {digits} and add 'unit: ils' or 'unit: usd' to the chart")
    } else if t.contains(',') && t.replace(',', "").parse::<f64>().is_ok() {
        format!("write it without commas: {}", t.replace(',', ""))
    } else {
        "write a number with digits, such as 84 or 12.5".into()
    })
}

/// The rows of the CSV file `name` of the entry; `None` when it cannot be read or a row is
/// wrong. `line` is the block's line that names it.
fn csv_rows(name: &str, line: usize, cx: &Context, problems: &mut Problems) -> Option<Vec<Row>> {
    let Some(files) = cx.files else {
        problems.at(
            line,
            format!("the chart's data file '{name}' cannot be read here"),
            Some("write the data in the block: a list of {label, value}".into()),
        );
        return None;
    };
    if !files.names.iter().any(|n| n.as_path() == Path::new(name)) {
        let hint = files.did_you_mean(name).unwrap_or_else(|| {
            "put the CSV file in the entry's folder, beside this file, and write its name".into()
        });
        problems.at(
            line,
            format!("the chart's data file '{name}' is not in the entry's folder"),
            Some(hint),
        );
        return None;
    }
    let text = match read_text(&files.dir.join(name)) {
        Ok(t) => t,
        Err(why) => {
            problems.in_file(
                name,
                0,
                why,
                "save it as CSV (UTF-8) from the spreadsheet".into(),
            );
            return None;
        }
    };
    csv_table(name, &text, problems)
}

fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("the file cannot be read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MOST_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the file cannot be read: {e}"))?;
    if bytes.len() as u64 > MOST_CSV_BYTES {
        return Err("the file is larger than a chart's data can be (1 MB)".into());
    }
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".into())
}

/// The `label` and `value` columns of a CSV file's text.
fn csv_table(name: &str, text: &str, problems: &mut Problems) -> Option<Vec<Row>> {
    let records = match csv::records(text) {
        Ok(r) => r,
        Err(csv::Unclosed { line }) => {
            problems.in_file(
                name,
                line,
                "a quote (\") opened here is never closed".into(),
                "close the quoted text with another \", or remove the quote".into(),
            );
            return None;
        }
    };
    let Some((header, rows)) = records.split_first() else {
        return Some(Vec::new());
    };
    let column = |want: &str| {
        header
            .fields
            .iter()
            .position(|f| f.trim().eq_ignore_ascii_case(want))
    };
    let (Some(l), Some(v)) = (column("label"), column("value")) else {
        let missing = if column("label").is_none() {
            "label"
        } else {
            "value"
        };
        let names: Vec<&str> = header.fields.iter().map(|f| f.trim()).collect();
        let hint = did_you_mean(missing, names.iter().copied())
            .map(|d| format!("{d} The first line must name the columns: label,value"))
            .unwrap_or_else(|| "the first line must name the columns: label,value".into());
        problems.in_file(
            name,
            header.line,
            format!(
                "the CSV file has no '{missing}' column (its first line is '{}')",
                names.join(",")
            ),
            hint,
        );
        return None;
    };
    let before = problems.list.len();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let field = |i: usize| r.fields.get(i).map(|f| f.trim()).filter(|f| !f.is_empty());
        match (field(l), field(v)) {
            (None, _) => problems.in_file(
                name,
                r.line,
                "this row has no label".into(),
                "write the label in the 'label' column".into(),
            ),
            (Some(label), None) => problems.in_file(
                name,
                r.line,
                format!("the row '{label}' has no value"),
                "write its number in the 'value' column".into(),
            ),
            (Some(label), Some(value)) => match number(value) {
                Ok(n) => match below_zero(label, n) {
                    Some((message, hint)) => problems.in_file(name, r.line, message, hint),
                    None => out.push(Row {
                        label: label.to_string(),
                        value: n,
                    }),
                },
                Err(hint) => problems.in_file(
                    name,
                    r.line,
                    format!("the value of '{label}' must be a number, not '{value}'"),
                    hint,
                ),
            },
        }
    }
    (problems.list.len() == before).then_some(out)
}

/// A YAML mistake of the block in plain words, at its line of the body.
fn yaml_problem(err: &serde_saphyr::Error, text: &str, offset: usize) -> Diagnostic {
    let raw = yaml_raw_message(err);
    if let Some(found) = raw
        .strip_prefix("invalid type: ")
        .filter(|r| r.contains(DATA_SHAPE))
        .and_then(|r| r.split(',').next())
    {
        let found = match found {
            "map" => "a set of 'name: value' pairs".to_string(),
            other => other.replace('`', "'"),
        };
        let line = err.location().map_or(1, |l| l.line());
        return Diagnostic::error(format!("'data' must be {DATA_SHAPE}, not {found}"))
            .at(line + offset as u64, 0)
            .hint(
                "write each row on its own line as '  - {label: …, value: …}', or data: rates.csv",
            );
    }
    let line_text = err
        .location()
        .and_then(|l| text.lines().nth((l.line() as usize).saturating_sub(1)))
        .map(str::trim)
        .unwrap_or("");
    let field = line_text
        .trim_start_matches(['-', ' ', '{'])
        .split_once(':')
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && !k.contains([' ', '{', '[']));
    let shape = field.as_deref().and_then(shape_of);
    let place = YamlPlace {
        allowed: shape.map_or(&[], |s| s.2),
        shape: shape.map(|s| (s.0, s.1)),
        field,
        found: None,
        line: Some(line_text.to_string()).filter(|l| l.chars().count() <= 200),
    };
    let mut d = yaml_diagnostic(err, Path::new(""), offset as u64, &place);
    d.file = None;
    d
}

type Shape = (&'static str, &'static str, &'static [&'static str]);

/// What each key of a chart block must be, for the words of a YAML mistake.
fn shape_of(field: &str) -> Option<Shape> {
    Some(match field {
        "type" => ("bar or column", "bar", &["bar", "column"]),
        "title" | "source" | "label" => ("a text", "Matriculation by town", &[]),
        "unit" => (
            "one of: percent, times, ils, usd",
            "percent",
            &["percent", "times", "ils", "usd"],
        ),
        "data" => (DATA_SHAPE, "rates.csv", &[]),
        "value" => ("a number", "84", &[]),
        _ => return None,
    })
}
