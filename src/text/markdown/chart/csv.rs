//! A chart's data from a CSV file of the entry: a `label,value` header, then a row per datum.
//!
//! A small reader of RFC 4180 rather than the `csv` crate: a chart reads two columns of a
//! file of a few dozen lines, and what it needs beyond splitting is the line each row starts
//! on, for the author's messages, and a plain-words message for an unclosed quote. It reads
//! what spreadsheets save: commas, fields in double quotes (with commas, line breaks and
//! doubled quotes inside), `\r\n` or `\n` line ends, and a byte-order mark at the start.

/// One record of the file: its fields, and the line (from 1) it starts on.
#[derive(Debug, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A quote opened on `line` that the file never closes.
#[derive(Debug, PartialEq)]
pub struct Unclosed {
    pub line: usize,
}

/// The records of `text`; blank lines are skipped.
pub fn records(text: &str) -> Result<Vec<Record>, Unclosed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1, 1);
    let mut quoted = false;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            // A quote opens a field only at its start; elsewhere it is a character.
            '"' if field.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' if quoted => {
                line += 1;
                field.push('\n');
            }
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut out, std::mem::take(&mut fields), start);
                line += 1;
                start = line;
            }
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if quoted {
        return Err(Unclosed { line: quote_line });
    }
    fields.push(field);
    push_record(&mut out, fields, start);
    Ok(out)
}

fn push_record(out: &mut Vec<Record>, fields: Vec<String>, line: usize) {
    let blank = fields.iter().all(|f| f.trim().is_empty());
    if !blank {
        out.push(Record { line, fields });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: usize, fields: &[&str]) -> Record {
        Record {
            line,
            fields: fields.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn reads_what_spreadsheets_save() {
        let text = "\u{feff}label,value\r\n\"Sderot, south\",84\r\n\r\n\"a \"\"quoted\"\"\nname\",13\nlast,1";
        assert_eq!(
            records(text),
            Ok(vec![
                rec(1, &["label", "value"]),
                rec(2, &["Sderot, south", "84"]),
                rec(4, &["a \"quoted\"\nname", "13"]),
                rec(6, &["last", "1"]),
            ])
        );
        // A quote inside a field is a character; an empty field is kept.
        assert_eq!(
            records("5\" screens,,x\n"),
            Ok(vec![rec(1, &["5\" screens", "", "x"])])
        );
        assert_eq!(records(""), Ok(vec![]));
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        assert_eq!(
            records("label,value\n\"Sderot,84\nOfakim,13\n"),
            Err(Unclosed { line: 2 })
        );
    }
}
