//! A checked chart as HTML:
//!
//! ```html
//! <figure class="chart chart-bar">
//!   <figcaption>title · Source: source</figcaption>
//!   <svg aria-hidden="true">bars, labels and values</svg>
//!   <div class="chart-data"><table>the labels and values</table></div>
//! </figure>
//! ```
//!
//! What each reader gets, once: the caption names the figure; sighted readers see the SVG;
//! screen readers skip it (it says nothing the table does not) and read the table, which the
//! stylesheet hides from the eye but not from them (its box, not the table, is hidden: a
//! table cannot be made 1 pixel wide), and which text browsers show as it is.
//! The table holds nothing focusable, so a keyboard user meets no invisible stop.
//!
//! The SVG has a width of 360 units (a phone's column) and scales to its container; its
//! bars grow from the inline start: in a right-to-left chart their x is counted from the
//! right edge, so the drawing is mirrored in its own coordinates and its text is not. Text
//! cannot wrap in SVG, so labels are wrapped here, by an estimate of their width. Colours
//! are the theme's, from classes (`chart-bar`, `chart-label`, `chart-value`, `chart-axis`).

use crate::text::escape::escape;
use crate::text::figure::{Figure, Writer, Written};
use crate::text::lang::{Dir, isolate_ltr_runs, own_dir};
use crate::text::markdown::Context;

use super::{Chart, Kind};

/// The SVG's width in its own units.
const WIDTH: f64 = 360.0;
/// Labels and values of a bar chart.
const FONT: f64 = 14.0;

pub fn html(chart: &Chart, cx: &Context) -> String {
    let writer = Writer::new(
        cx.lang,
        cx.words.map(|w| (w.strings, w.formats.get(cx.lang))),
    );
    let values: Vec<Written> = chart
        .rows
        .iter()
        .map(|r| writer.write(&Figure::number(r.value, chart.unit)))
        .collect();
    let word = |key: &str, plain: &str| match cx.words {
        Some(w) => crate::text::i18n::strip_isolation(&w.strings.get(cx.lang, key, None)),
        None => plain.to_string(),
    };
    let kind = match chart.kind {
        Kind::Bar => "bar",
        Kind::Column => "column",
    };
    let mut html = format!("<figure class=\"chart chart-{kind}\"");
    if let Some(file) = &chart.file {
        // Where the numbers come from; also tells `sulam check` that the file is used.
        let url = super::super::entry_file_url(cx, file);
        html.push_str(&format!(" data-csv=\"{}\"", escape(&url)));
    }
    html.push_str(&format!(
        ">\n<figcaption><span class=\"chart-title\">{}</span>",
        isolate_ltr_runs(&chart.title, cx.dir)
    ));
    if let Some(source) = &chart.source {
        html.push_str(&format!(
            " <span class=\"chart-source\">{} <cite>{}</cite></span>",
            escape(&word("figure-source", "Source:")),
            isolate_ltr_runs(source, cx.dir)
        ));
    }
    html.push_str("</figcaption>\n");
    let texts: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
    html.push_str(&match chart.kind {
        Kind::Bar => bars(chart, &texts, cx.dir),
        Kind::Column => columns(chart, &texts, cx.dir),
    });
    html.push_str(&format!(
        "<div class=\"chart-data\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(&word("chart-label-column", "Item")),
        escape(&word("chart-value-column", "Value")),
    ));
    for (row, value) in chart.rows.iter().zip(&values) {
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
            isolate_ltr_runs(&row.label, cx.dir),
            value.html
        ));
    }
    html.push_str("</tbody>\n</table></div>\n</figure>\n");
    html
}

/// Horizontal bars, each under its label, its value after its end. The longest bar reaches
/// the width less the room the longest value needs.
fn bars(chart: &Chart, values: &[&str], dir: Dir) -> String {
    let line = FONT * 1.3;
    let thick = 20.0;
    let room = values
        .iter()
        .map(|v| text_width(v, FONT) * 1.1 + 8.0)
        .fold(0.0, f64::max)
        .min(WIDTH / 2.0);
    let longest = WIDTH - room;
    let most = chart.rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let mut body = String::new();
    let mut y = 2.0;
    for (row, value) in chart.rows.iter().zip(values) {
        for text in wrap(&row.label, FONT, WIDTH, 4) {
            y += line;
            body.push_str(&label(&text, at_start(0.0, dir), y - 4.0, dir, "start"));
        }
        y += 4.0;
        let length = share(row.value, most) * longest;
        let x = if dir == Dir::Rtl { WIDTH - length } else { 0.0 };
        body.push_str(&format!(
            "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{thick}\"/>",
            num(x),
            num(y),
            num(length)
        ));
        let after = at_start(length + 6.0, dir);
        body.push_str(&format!(
            "<text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>\n",
            num(after),
            num(y + thick / 2.0 + FONT * 0.35),
            escape(value)
        ));
        y += thick + 12.0;
    }
    svg(&body, y, dir, FONT)
}

/// Columns side by side in reading order, each with its value above and its label below.
fn columns(chart: &Chart, values: &[&str], dir: Dir) -> String {
    let n = chart.rows.len().max(1) as f64;
    let slot = WIDTH / n;
    let thick = (slot * 0.62).min(56.0);
    let widest = values
        .iter()
        .map(|v| text_width(v, 1.0))
        .fold(0.0, f64::max);
    let value_font = (slot * 0.95 / widest.max(0.1)).clamp(7.0, 13.0);
    let label_font = (slot / 6.0).clamp(8.0, 13.0);
    let height = 180.0;
    let base = value_font + 8.0 + height;
    let most = chart.rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let mut body = format!(
        "<line class=\"chart-axis\" x1=\"0\" y1=\"{b}\" x2=\"{WIDTH}\" y2=\"{b}\"/>\n",
        b = num(base)
    );
    let mut lowest = base;
    for (i, (row, value)) in chart.rows.iter().zip(values).enumerate() {
        let from_start = i as f64 * slot;
        let left = if dir == Dir::Rtl {
            WIDTH - from_start - slot
        } else {
            from_start
        };
        let middle = left + slot / 2.0;
        let h = share(row.value, most) * height;
        body.push_str(&format!(
            "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            num(middle - thick / 2.0),
            num(base - h),
            num(thick),
            num(h)
        ));
        body.push_str(&format!(
            "<text class=\"chart-value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\">{}</text>\n",
            num(middle),
            num(base - h - 5.0),
            num(value_font),
            escape(value)
        ));
        let mut y = base + 4.0;
        for text in wrap(&row.label, label_font, slot * 0.95, 3) {
            y += label_font * 1.3;
            body.push_str(&format!(
                "<text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\"{}>{}</text>\n",
                num(middle),
                num(y - 3.0),
                num(label_font),
                text_dir(&text, dir),
                escape(&text)
            ));
        }
        lowest = lowest.max(y);
    }
    svg(&body, lowest + 4.0, dir, FONT)
}

fn svg(body: &str, height: f64, dir: Dir, font: f64) -> String {
    let h = num(height.ceil());
    format!(
        "<svg class=\"chart-plot\" viewBox=\"0 0 {WIDTH} {h}\" width=\"{WIDTH}\" height=\"{h}\" direction=\"{}\" font-size=\"{font}\" aria-hidden=\"true\">\n{body}</svg>\n",
        dir.as_str()
    )
}

/// A label of a bar chart, its start at `x`: in a right-to-left chart a wholly Latin label
/// runs left to right, so it is anchored at its end to keep to the right edge.
fn label(text: &str, x: f64, y: f64, dir: Dir, anchor: &str) -> String {
    let own = own_dir(text, dir);
    let anchor = if own != dir { "end" } else { anchor };
    format!(
        "<text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{}>{}</text>\n",
        num(x),
        num(y),
        text_dir(text, dir),
        escape(text)
    )
}

/// ` direction="ltr"` for a wholly Latin text in a right-to-left chart.
fn text_dir(text: &str, dir: Dir) -> &'static str {
    if own_dir(text, dir) != dir {
        " direction=\"ltr\""
    } else {
        ""
    }
}

/// The x of a point `d` units from the inline start.
fn at_start(d: f64, dir: Dir) -> f64 {
    if dir == Dir::Rtl { WIDTH - d } else { d }
}

/// `value` as a share of the largest, from 0 to 1.
fn share(value: f64, most: f64) -> f64 {
    if most > 0.0 { value / most } else { 0.0 }
}

/// A number for an SVG attribute: two decimals at most, no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// An estimate of the width of `text` at `font` units: SVG text does not wrap, and the
/// build cannot measure the reader's font, so labels are wrapped by this.
fn text_width(text: &str, font: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '\u{200e}' | '\u{200f}' | '\u{2068}' | '\u{2069}' | '\u{61c}' => 0.0,
            ' ' | '\u{a0}' => 0.3,
            '0'..='9' | '.' | ',' => 0.58,
            '%' | '₪' | '$' | 'W' | 'M' | 'm' | 'w' => 0.9,
            _ => 0.62,
        })
        .sum();
    em * font
}

/// `text` in lines no wider than `width` at `font`, at most `most` lines (the last cut with
/// "…"); a word longer than a line is cut.
fn wrap(text: &str, font: f64, width: f64, most: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, font) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if text_width(&piece, font) > width {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), font) > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_to_the_width_and_long_words_are_cut() {
        let lines = wrap(
            "Matriculation eligible for university entrance",
            14.0,
            160.0,
            4,
        );
        assert_eq!(
            lines,
            ["Matriculation", "eligible for", "university", "entrance"]
        );
        for l in &lines {
            assert!(text_width(l, 14.0) <= 160.0, "{l}");
        }
        let cut = wrap(&"x".repeat(60), 10.0, 62.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        assert_eq!(wrap("", 14.0, 100.0, 3), Vec::<String>::new());
    }

    #[test]
    fn numbers_for_attributes() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(-0.001), "0");
    }
}
