//! Languages, writing direction and mixed text.
//!
//! Hebrew and Arabic pages carry Latin names, English terms and paragraphs in the other
//! right-to-left language. The Unicode bidi algorithm gets most of it right by itself; what it
//! gets wrong is a Latin run that ends in a neutral (`Social Finance Israel (SFI)` followed by
//! Hebrew shows its closing parenthesis on the wrong side). This module finds such runs and
//! isolates them, and tells which language a paragraph is written in.

use serde::Serialize;

use crate::text::escape::escape_into;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }

    /// The direction a language is written in when the site does not say.
    pub fn of_language(code: &str) -> Dir {
        let primary = code.split('-').next().unwrap_or(code);
        match primary {
            "he" | "ar" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb" => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }
}

/// A language of the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    pub code: String,
    pub dir: Dir,
}

/// The language's name in itself, as the language switcher shows it.
pub fn native_name(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    match primary {
        "he" => "עברית",
        "ar" => "العربية",
        "en" => "English",
        "ru" => "Русский",
        "am" => "አማርኛ",
        "fr" => "Français",
        "es" => "Español",
        "de" => "Deutsch",
        "fa" => "فارسی",
        "yi" => "ייִדיש",
        "ti" => "ትግርኛ",
        "uk" => "Українська",
        _ => return code.to_string(),
    }
    .to_string()
}

/// The script a run of text is written in, as far as this site cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Hebrew,
    Arabic,
    Latin,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    match c {
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Some(Script::Hebrew),
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Some(Script::Arabic),
        c if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => {
            Some(Script::Latin)
        }
        c if c.is_alphabetic() => Some(Script::Other),
        _ => None,
    }
}

/// The script most letters of `text` are in, if it has letters.
pub fn dominant_script(text: &str) -> Option<Script> {
    let mut counts = [0usize; 4];
    for c in text.chars() {
        if let Some(s) = script_of(c) {
            counts[s as usize] += 1;
        }
    }
    let (i, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if *n == 0 {
        return None;
    }
    Some([Script::Hebrew, Script::Arabic, Script::Latin, Script::Other][i])
}

/// The script a language is normally written in.
pub fn script_of_language(code: &str) -> Script {
    match code.split('-').next().unwrap_or(code) {
        "he" | "yi" => Script::Hebrew,
        "ar" | "fa" | "ur" => Script::Arabic,
        "en" | "fr" | "es" | "de" | "it" | "pt" | "nl" => Script::Latin,
        _ => Script::Other,
    }
}

/// For a block of text on a page in `page_lang`: the language it is really written in, when it
/// is plainly another of the site's languages (a Hebrew paragraph in an Arabic body).
pub fn foreign_language<'a>(
    text: &str,
    page_lang: &str,
    site_langs: &'a [Language],
) -> Option<&'a Language> {
    let script = dominant_script(text)?;
    if script == script_of_language(page_lang) || script == Script::Other {
        return None;
    }
    // Only a block that is mostly that script: a Hebrew sentence with a Latin acronym is Hebrew.
    let letters = text.chars().filter(|c| script_of(*c).is_some()).count();
    let of_script = text
        .chars()
        .filter(|c| script_of(*c) == Some(script))
        .count();
    if of_script * 10 < letters * 7 {
        return None;
    }
    site_langs
        .iter()
        .find(|l| l.code != page_lang && script_of_language(&l.code) == script)
}

fn is_strong_ltr(c: char) -> bool {
    matches!(script_of(c), Some(Script::Latin) | Some(Script::Other))
}

fn is_strong_rtl(c: char) -> bool {
    matches!(script_of(c), Some(Script::Hebrew) | Some(Script::Arabic))
}

/// The direction `text` is shown in where the surrounding text runs `around`: left to right
/// for a wholly Latin name on a right-to-left page, else `around`.
pub fn own_dir(text: &str, around: Dir) -> Dir {
    if around == Dir::Rtl && text.chars().any(is_strong_ltr) && !text.chars().any(is_strong_rtl) {
        Dir::Ltr
    } else {
        around
    }
}

/// Escapes `text` for HTML and, in right-to-left text, wraps each Latin run in `<bdi>` so that
/// its neutrals (parentheses, dots, hyphens) stay with it: a text that is wholly Latin, such as
/// a partner called "Tech Forward Ltd." on a Hebrew page, is one such run, with its full stop
/// at its end. Left-to-right text is only escaped.
pub fn isolate_ltr_runs(text: &str, dir: Dir) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    if dir == Dir::Ltr || !text.chars().any(is_strong_ltr) {
        escape_into(text, &mut out);
        return out;
    }
    if own_dir(text, dir) == Dir::Ltr {
        out.push_str("<bdi dir=\"ltr\">");
        escape_into(text, &mut out);
        out.push_str("</bdi>");
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    while i < chars.len() {
        if !is_strong_ltr(chars[i].1) {
            // Up to the next Latin letter, the text is only escaped.
            let mut j = i + 1;
            while j < chars.len() && !is_strong_ltr(chars[j].1) {
                j += 1;
            }
            escape_into(&text[byte_at(i)..byte_at(j)], &mut out);
            i = j;
            continue;
        }
        // A run starts at a Latin letter (or an opening bracket right before it, taken below)
        // and goes on through letters, digits, spaces and punctuation until the next
        // right-to-left letter; it ends at its last Latin letter, digit or closing bracket that
        // closes an opening one inside the run.
        let start = i;
        let mut end = i + 1; // exclusive, over chars
        let mut depth: i32 = 0;
        let mut j = i;
        while j < chars.len() && !is_strong_rtl(chars[j].1) {
            let c = chars[j].1;
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => {
                    if depth > 0 {
                        depth -= 1;
                        end = j + 1;
                    } else {
                        break;
                    }
                }
                c if is_strong_ltr(c) || c.is_ascii_digit() => end = j + 1,
                _ => {}
            }
            j += 1;
        }
        // Never cut inside an open bracket: fall back to the last point where all were closed.
        out.push_str("<bdi>");
        escape_into(&text[byte_at(start)..byte_at(end)], &mut out);
        out.push_str("</bdi>");
        i = end;
    }
    out
}

/// he, ar, en: the languages most tests use.
#[cfg(test)]
pub(crate) fn test_languages() -> Vec<Language> {
    [("he", Dir::Rtl), ("ar", Dir::Rtl), ("en", Dir::Ltr)]
        .into_iter()
        .map(|(code, dir)| Language {
            code: code.into(),
            dir,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_are_written_as_html_wants_them() {
        assert_eq!(Dir::Rtl.as_str(), "rtl");
        assert_eq!(Dir::Ltr.as_str(), "ltr");
        assert_eq!(Dir::of_language("fa-IR"), Dir::Rtl);
        assert_eq!(Dir::of_language("ru"), Dir::Ltr);
    }

    #[test]
    fn scripts_of_letters_and_languages() {
        assert_eq!(script_of_language("ar-IL"), Script::Arabic);
        assert_eq!(script_of_language("fa"), Script::Arabic);
        assert_eq!(script_of_language("yi"), Script::Hebrew);
        assert_eq!(script_of_language("ru"), Script::Other);
        // Cyrillic and Ethiopic letters are letters of another script, not nothing.
        assert_eq!(dominant_script("Привет"), Some(Script::Other));
        assert_eq!(dominant_script("ሰላም"), Some(Script::Other));
        assert_eq!(dominant_script("123 - !"), None);
    }

    #[test]
    fn a_block_is_foreign_from_seventy_percent_of_its_letters() {
        let langs = test_languages();
        // 7 Hebrew letters of 10: Hebrew, on an Arabic page.
        assert_eq!(
            foreign_language("אבגדהוז abc", "ar", &langs).map(|l| l.code.as_str()),
            Some("he")
        );
        // 6 of 10: not plainly Hebrew.
        assert_eq!(foreign_language("אבגדהו abcd", "ar", &langs), None);
        // An Arabic block on an Arabic page is not foreign; nor is Cyrillic on any page.
        assert_eq!(foreign_language("مرحبا", "ar", &langs), None);
        assert_eq!(foreign_language("Привет", "he", &langs), None);
    }

    #[test]
    fn a_block_in_the_pages_own_script_or_an_unknown_one_is_never_foreign() {
        let site = |codes: &[&str]| -> Vec<Language> {
            codes
                .iter()
                .map(|c| Language {
                    code: c.to_string(),
                    dir: Dir::of_language(c),
                })
                .collect()
        };
        // Persian and Arabic share a script: an Arabic-script block on the Persian page is
        // not told to be Arabic, though the site has Arabic.
        let fa_ar = site(&["fa", "ar"]);
        assert_eq!(foreign_language("مرحبا بكم", "fa", &fa_ar), None);
        // On the Arabic page, a Hebrew block of a site with Hebrew is Hebrew.
        let he_ar = site(&["he", "ar", "ru"]);
        assert_eq!(
            foreign_language("שלום לכולם", "ar", &he_ar).map(|l| l.code.as_str()),
            Some("he")
        );
        // Cyrillic, Ethiopic and other scripts are not told apart: a Cyrillic block is not
        // said to be Russian, even where Russian is the site's only such language.
        assert_eq!(foreign_language("Привет всем", "he", &he_ar), None);
        assert_eq!(foreign_language("Привет всем", "ar", &he_ar), None);
    }

    #[test]
    fn each_language_is_named_in_itself() {
        // The languages of Israel's readers the switcher knows by name, each in its own script.
        for (code, name) in [
            ("he", "עברית"),
            ("ar", "العربية"),
            ("en", "English"),
            ("ru", "Русский"),
            ("am", "አማርኛ"),
            ("fr", "Français"),
            ("es", "Español"),
            ("de", "Deutsch"),
            ("fa", "فارسی"),
            ("yi", "ייִדיש"),
            ("ti", "ትግርኛ"),
            ("uk", "Українська"),
            ("ar-IL", "العربية"),
        ] {
            assert_eq!(native_name(code), name, "{code}");
        }
        // One it does not know is shown as its code.
        assert_eq!(native_name("tlh"), "tlh");
    }

    #[test]
    fn latin_run_with_parentheses_is_isolated_whole() {
        let html = isolate_ltr_runs("חברת Social Finance Israel (SFI) מציעה", Dir::Rtl);
        assert_eq!(html, "חברת <bdi>Social Finance Israel (SFI)</bdi> מציעה");
    }

    #[test]
    fn a_closing_bracket_the_run_did_not_open_stays_outside_it() {
        // The Hebrew text's own brackets around a Latin name: the name is isolated, its
        // brackets stay with the Hebrew.
        assert_eq!(
            isolate_ltr_runs("מיזם (Tech Forward) בצפון", Dir::Rtl),
            "מיזם (<bdi>Tech Forward</bdi>) בצפון"
        );
        // A pair opened and closed inside the run belongs to it; the bracket after it that
        // closes the Hebrew's does not.
        assert_eq!(
            isolate_ltr_runs("שותף (Tech (Israel) Ltd) בצפון", Dir::Rtl),
            "שותף (<bdi>Tech (Israel) Ltd</bdi>) בצפון"
        );
    }

    #[test]
    fn rtl_text_is_escaped_inside_and_outside_latin_runs() {
        let html = isolate_ltr_runs("א < ב \"AT&T\" ג", Dir::Rtl);
        assert_eq!(html, "א &lt; ב &quot;<bdi>AT&amp;T</bdi>&quot; ג");
    }

    #[test]
    fn a_wholly_latin_text_in_rtl_keeps_its_own_direction() {
        assert_eq!(
            isolate_ltr_runs("Tech Forward Ltd.", Dir::Rtl),
            "<bdi dir=\"ltr\">Tech Forward Ltd.</bdi>"
        );
        assert_eq!(
            isolate_ltr_runs("(A&B) Ltd.", Dir::Rtl),
            "<bdi dir=\"ltr\">(A&amp;B) Ltd.</bdi>"
        );
        // Digits and punctuation alone have no direction of their own to keep.
        assert_eq!(isolate_ltr_runs("2020–2024", Dir::Rtl), "2020–2024");
    }

    #[test]
    fn ltr_text_is_only_escaped() {
        assert_eq!(isolate_ltr_runs("a < b (c)", Dir::Ltr), "a &lt; b (c)");
    }

    #[test]
    fn hebrew_paragraph_in_arabic_page_is_found() {
        let langs = test_languages();
        let he = foreign_language("אבני הדרך של התוכנית כוללות STEM", "ar", &langs);
        assert_eq!(he.map(|l| l.code.as_str()), Some("he"));
        assert!(foreign_language("برنامج STEM في المدارس", "ar", &langs).is_none());
        assert!(foreign_language("12 + 3", "ar", &langs).is_none());
    }
}
