//! Key figures and chart values with their units: a number or a range, a percentage, "times
//! as much", shekels or dollars, perhaps approximate, written as a reader of the page's
//! language writes them.
//!
//! The numbers come from `format` (ICU: digits, percent and currency patterns, amounts in
//! words); the words around them ("about", "times", the dash of a range) are UI strings
//! (`figure-approx`, `figure-times`, `figure-times-range`, `figure-range`), so that each
//! language says them its own way: "כ־170", "حوالي 170", "about 170"; "פי 2", "ضعفان",
//! "2 times". Fluent isolates each value it puts into its words (U+2068 … U+2069); the HTML
//! turns each isolate into a `<bdi>`, so that a number keeps its own order inside
//! right-to-left words and a reader of "כ־84%" never sees "%84".

use fluent_bundle::FluentArgs;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text::escape::escape_into;
use crate::text::format::{Currency, LangFormat};
use crate::text::i18n::Strings;

/// What a number counts, when it is not a plain count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Per cent: `84` is shown "84%".
    Percent,
    /// "Times as much": `2` is shown "2 times", "פי 2", "ضعفان".
    Times,
    /// An amount in new Israeli shekels.
    Ils,
    /// An amount in US dollars.
    Usd,
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Percent, Unit::Times, Unit::Ils, Unit::Usd];

    /// The name an author writes (`unit: percent`).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Times => "times",
            Unit::Ils => "ils",
            Unit::Usd => "usd",
        }
    }

    pub fn from_name(name: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.name() == name)
    }

    /// The names an author may write, for messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Unit::ALL.into_iter().map(Unit::name)
    }
}

/// A figure's value: one number, or a range from the first to the second.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    One(f64),
    Range(f64, f64),
}

/// A number with what it counts and whether it is approximate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: Value,
    pub unit: Option<Unit>,
    pub approx: bool,
}

impl Figure {
    /// A plain number in `unit`.
    pub fn number(n: f64, unit: Option<Unit>) -> Figure {
        Figure {
            value: Value::One(n),
            unit,
            approx: false,
        }
    }
}

/// A figure written out: as text (with Fluent's isolation marks, for an attribute or a
/// template that escapes), and as HTML (each isolate a `<bdi>`, to print as it is).
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub text: String,
    pub html: String,
}

/// Writes figures in one language. Without UI strings and formats (`None`, when only a body's
/// problems are wanted) numbers are written plainly.
#[derive(Clone, Copy)]
pub struct Writer<'a> {
    lang: &'a str,
    words: Option<(&'a Strings, &'a LangFormat)>,
}

impl<'a> Writer<'a> {
    pub fn new(lang: &'a str, words: Option<(&'a Strings, &'a LangFormat)>) -> Writer<'a> {
        Writer { lang, words }
    }

    pub fn write(&self, figure: &Figure) -> Written {
        let text = self.text(figure);
        Written {
            html: isolates_as_bdi(&text),
            text,
        }
    }

    fn text(&self, figure: &Figure) -> String {
        let unit = figure.unit;
        let shown = match (figure.value, unit) {
            (Value::One(n), Some(Unit::Times)) => {
                self.say("figure-times", &[("value", self.plain(n, None))], Some(n))
            }
            (Value::One(n), _) => self.plain(n, unit),
            (Value::Range(from, to), Some(Unit::Times)) => {
                let range = self.range(self.plain(from, None), self.plain(to, None));
                self.say("figure-times-range", &[("value", range)], Some(to))
            }
            (Value::Range(from, to), _) => self.range(self.plain(from, unit), self.plain(to, unit)),
        };
        if !figure.approx {
            return shown;
        }
        let unit = unit.map_or("none", Unit::name).to_string();
        self.say("figure-approx", &[("value", shown), ("unit", unit)], None)
    }

    /// `n` in `unit`, without words: digits, a percent sign, a currency.
    fn plain(&self, n: f64, unit: Option<Unit>) -> String {
        let Some((_, f)) = self.words else {
            return match unit {
                Some(Unit::Percent) => format!("{n}%"),
                Some(Unit::Ils) => format!("₪{n}"),
                Some(Unit::Usd) => format!("${n}"),
                _ => n.to_string(),
            };
        };
        match unit {
            Some(Unit::Percent) => f.percent(n),
            Some(Unit::Ils) => f.amount(n, Currency::Ils),
            Some(Unit::Usd) => f.amount(n, Currency::Usd),
            Some(Unit::Times) | None => f.number(n),
        }
    }

    fn range(&self, from: String, to: String) -> String {
        self.say("figure-range", &[("from", from), ("to", to)], None)
    }

    /// The UI string `key` with `texts` as its arguments and `n` as `$n` (for plural forms).
    fn say(&self, key: &str, texts: &[(&'static str, String)], n: Option<f64>) -> String {
        let Some((strings, _)) = self.words else {
            let value = texts.first().map(|(_, v)| v.as_str()).unwrap_or("");
            return match key {
                "figure-approx" => format!("~{value}"),
                "figure-range" => texts
                    .iter()
                    .map(|(_, v)| v.as_str())
                    .collect::<Vec<_>>()
                    .join("–"),
                _ => format!("{value}×"),
            };
        };
        let mut args = FluentArgs::new();
        for (name, text) in texts {
            args.set(*name, text.clone());
        }
        if let Some(n) = n {
            args.set("n", n);
        }
        strings.get(self.lang, key, Some(&args))
    }
}

/// `text` escaped for HTML, each of Fluent's isolates (U+2068 … U+2069) a `<bdi>`. Marks
/// that do not pair up (a translator's stray one) are dropped rather than left unclosed.
pub fn isolates_as_bdi(text: &str) -> String {
    let mut depth = 0i32;
    let mut balanced = true;
    for c in text.chars() {
        match c {
            '\u{2068}' => depth += 1,
            '\u{2069}' => depth -= 1,
            _ => {}
        }
        balanced &= depth >= 0;
    }
    balanced &= depth == 0;
    let mut html = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(i) = rest.find(['\u{2068}', '\u{2069}']) {
        escape_into(&rest[..i], &mut html);
        let opens = rest[i..].starts_with('\u{2068}');
        if balanced {
            html.push_str(if opens { "<bdi>" } else { "</bdi>" });
        }
        // Both marks are three bytes in UTF-8.
        rest = &rest[i + 3..];
    }
    escape_into(rest, &mut html);
    html
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::text::i18n::Source;

    /// The default theme's UI strings of he, ar and en.
    fn theme_strings() -> Strings {
        let files = [
            ("he", include_str!("../../themes/default/i18n/he.ftl")),
            ("ar", include_str!("../../themes/default/i18n/ar.ftl")),
            ("en", include_str!("../../themes/default/i18n/en.ftl")),
        ];
        let sources: HashMap<String, Vec<Source>> = files
            .into_iter()
            .map(|(lang, text)| {
                let label = format!("{lang}.ftl");
                (lang.to_string(), vec![Source { label, text }])
            })
            .collect();
        let mut diags = Diagnostics::default();
        let strings = Strings::new(&sources, HashMap::new(), &mut diags);
        assert!(!diags.has_errors());
        strings
    }

    fn fig(value: Value, unit: Option<Unit>, approx: bool) -> Figure {
        Figure {
            value,
            unit,
            approx,
        }
    }

    /// The HTML of `figure` in each of he, ar and en, with the direction marks spelled out.
    fn written(strings: &Strings, figure: Figure) -> [String; 3] {
        ["he", "ar", "en"].map(|lang| {
            let format = LangFormat::new(lang);
            let html = Writer::new(lang, Some((strings, &format)))
                .write(&figure)
                .html;
            html.replace('\u{200f}', "<RLM>")
                .replace('\u{200e}', "<LRM>")
                .replace('\u{a0}', " ")
        })
    }

    #[test]
    fn each_language_writes_figures_its_own_way() {
        let s = theme_strings();
        let one = |n| Value::One(n);
        let cases: [(Figure, [&str; 3]); 9] = [
            (fig(one(400000.0), None, false), ["400,000"; 3]),
            (
                fig(one(84.0), Some(Unit::Percent), false),
                ["84%", "84<LRM>%<LRM>", "84%"],
            ),
            (
                fig(one(170.0), None, true),
                [
                    "כ־<bdi>170</bdi>",
                    "حوالي <bdi>170</bdi>",
                    "about <bdi>170</bdi>",
                ],
            ),
            (
                fig(one(1_200_000.0), Some(Unit::Ils), false),
                ["<RLM>1.2 מיליון <RLM>₪", "<RLM>1.2 مليون ₪", "₪1.2 million"],
            ),
            (
                fig(one(1200.0), Some(Unit::Usd), false),
                ["<RLM>1,200 <RLM>$", "<RLM>1,200 US$", "$1,200"],
            ),
            (
                fig(one(2.0), Some(Unit::Times), false),
                ["פי <bdi>2</bdi>", "ضعفان", "<bdi>2</bdi> times"],
            ),
            (
                fig(one(5.0), Some(Unit::Times), true),
                [
                    "בערך <bdi>פי <bdi>5</bdi></bdi>",
                    "<bdi><bdi>5</bdi> أضعاف</bdi> تقريبًا",
                    "about <bdi><bdi>5</bdi> times</bdi>",
                ],
            ),
            (
                fig(Value::Range(170.0, 200.0), None, false),
                ["<bdi>170</bdi>–<bdi>200</bdi>"; 3],
            ),
            (
                fig(Value::Range(10.0, 20.0), Some(Unit::Percent), true),
                [
                    "כ־<bdi><bdi>10%</bdi>–<bdi>20%</bdi></bdi>",
                    "حوالي <bdi><bdi>10<LRM>%<LRM></bdi>–<bdi>20<LRM>%<LRM></bdi></bdi>",
                    "about <bdi><bdi>10%</bdi>–<bdi>20%</bdi></bdi>",
                ],
            ),
        ];
        for (figure, expected) in cases {
            assert_eq!(written(&s, figure), expected, "{figure:?}");
        }
    }

    #[test]
    fn arabic_says_times_in_the_number_s_plural_form() {
        let s = theme_strings();
        let times = |n| written(&s, fig(Value::One(n), Some(Unit::Times), false))[1].clone();
        assert_eq!(times(3.0), "<bdi>3</bdi> أضعاف");
        assert_eq!(times(11.0), "<bdi>11</bdi> ضعفًا");
        assert_eq!(times(100.0), "<bdi>100</bdi> ضعف");
        assert_eq!(times(1.5), "<bdi>1.5</bdi> ضعف");
        let range = written(&s, fig(Value::Range(2.0, 3.0), Some(Unit::Times), false));
        assert_eq!(
            range,
            [
                "פי <bdi><bdi>2</bdi>–<bdi>3</bdi></bdi>",
                "<bdi><bdi>2</bdi>–<bdi>3</bdi></bdi> أضعاف",
                "<bdi><bdi>2</bdi>–<bdi>3</bdi></bdi> times",
            ]
        );
    }

    #[test]
    fn text_keeps_fluent_s_marks_and_html_escapes() {
        assert_eq!(
            isolates_as_bdi("a\u{2068}<b>\u{2069}"),
            "a<bdi>&lt;b&gt;</bdi>"
        );
        // Marks that do not pair up are dropped, never left as an unclosed element.
        assert_eq!(isolates_as_bdi("\u{2069}x\u{2068}"), "x");
        assert_eq!(isolates_as_bdi("\u{2068}x"), "x");
        // Without UI strings (a body's problems only): plain, never failing.
        let w = Writer::new("he", None);
        let approx = fig(Value::Range(1.0, 2.0), Some(Unit::Percent), true);
        assert_eq!(w.write(&approx).html, "~1%–2%");
    }
}
