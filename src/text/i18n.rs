//! UI strings in Fluent: the theme's `i18n/<lang>.ftl`, overridden key by key by the site's
//! `i18n/<lang>.ftl`. Plural forms come from Fluent (CLDR); numbers inside messages are
//! formatted per language with ICU4X through Fluent's formatter hook.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// An ICU number formatter that Fluent's memoizer keeps per language.
struct NumberFormat(crate::text::format::LangFormat);

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(NumberFormat(crate::text::format::LangFormat::new(
            &lang.to_string(),
        )))
    }
}

fn format_number(
    value: &FluentValue,
    memo: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n) => memo
            .with_try_get::<NumberFormat, _, _>((), |f| f.0.number(n.value))
            .ok(),
        _ => None,
    }
}

/// The UI strings of every language of the site.
pub struct Strings {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
    /// For each language, where to look when a key is missing.
    chains: HashMap<String, Vec<String>>,
    /// Keys that were missing in a language and were taken from another: reported once.
    missing: Mutex<BTreeSet<(String, String)>>,
}

pub struct Source<'a> {
    /// Where the file is, for messages (`themes/default/i18n/he.ftl`, `i18n/he.ftl`).
    pub label: String,
    pub text: &'a str,
}

impl Strings {
    /// `sources[lang]` are the files of that language, theme first, site last.
    pub fn new(
        sources: &HashMap<String, Vec<Source>>,
        chains: HashMap<String, Vec<String>>,
        diags: &mut Diagnostics,
    ) -> Strings {
        let mut bundles = HashMap::new();
        for (lang, files) in sources {
            let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_formatter(Some(format_number));
            for src in files {
                unfit_character(src, diags);
                let res = match FluentResource::try_new(src.text.to_string()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            let before = src.text.get(..e.pos.start).unwrap_or(src.text);
                            let line = before.matches('\n').count() as u64 + 1;
                            diags.push(
                                Diagnostic::error(format!("this line is not valid Fluent: {}", e.kind))
                                    .in_file(&src.label)
                                    .at(line, 1)
                                    .hint("a message is 'key = text'; see https://projectfluent.org/fluent/guide/"),
                            );
                        }
                        r
                    }
                };
                bundle.add_resource_overriding(res);
            }
            bundles.insert(lang.clone(), bundle);
        }
        Strings {
            bundles,
            chains,
            missing: Mutex::new(BTreeSet::new()),
        }
    }

    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(key))
    }

    /// The message `key` in `lang`, or along the fallback chain; the key itself if none has it.
    pub fn get(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        let chain = self.chains.get(lang);
        let candidates =
            std::iter::once(lang).chain(chain.into_iter().flatten().map(String::as_str));
        for (n, l) in candidates.enumerate() {
            let Some(bundle) = self.bundles.get(l) else {
                continue;
            };
            let Some(msg) = bundle.get_message(key) else {
                continue;
            };
            let Some(pattern) = msg.value() else { continue };
            if n > 0
                && let Ok(mut m) = self.missing.lock()
            {
                m.insert((lang.to_string(), key.to_string()));
            }
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        if let Ok(mut m) = self.missing.lock() {
            m.insert((lang.to_string(), key.to_string()));
        }
        key.to_string()
    }

    /// Keys that some language had to take from another, as warnings.
    pub fn report_missing(&self, diags: &mut Diagnostics) {
        let Ok(m) = self.missing.lock() else { return };
        for (lang, key) in m.iter() {
            diags.push(
                Diagnostic::warning(format!(
                    "the UI string '{key}' is missing in '{lang}'; another language's is shown"
                ))
                .in_file(format!("i18n/{lang}.ftl"))
                .hint(format!("add '{key} = ...' to i18n/{lang}.ftl")),
            );
        }
    }
}

/// A control character in a UI-string file, which pages and feeds cannot hold: an error at
/// its line and column (UI strings reach the pages through the templates, past the escaper).
fn unfit_character(src: &Source, diags: &mut Diagnostics) {
    let Some((at, c)) = src
        .text
        .char_indices()
        .find(|&(_, c)| crate::text::escape::is_unfit_for_xml(c))
    else {
        return;
    };
    let before = &src.text[..at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    diags.push(
        Diagnostic::error(format!(
            "the file holds the control character U+{:04X}, which web pages and feeds cannot hold",
            c as u32
        ))
        .in_file(&src.label)
        .at(line, column)
        .hint("delete the character at that place (it often comes with pasted text; most editors do not show it)"),
    );
}

/// Removes Fluent's bidi isolation marks, for attributes, addresses and JSON.
pub fn strip_isolation(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_strings_are_written_as_the_language_writes_them() {
        let text = "n = { $count ->\n    [one] one\n   *[other] { $count } items\n}\n";
        let mut sources = HashMap::new();
        for lang in ["he", "ar", "en"] {
            sources.insert(
                lang.to_string(),
                vec![Source {
                    label: format!("{lang}.ftl"),
                    text,
                }],
            );
        }
        let mut diags = Diagnostics::default();
        let strings = Strings::new(&sources, HashMap::new(), &mut diags);
        assert!(!diags.has_errors());
        for lang in ["he", "ar", "en"] {
            let mut args = FluentArgs::new();
            args.set("count", 12345.0);
            let s = strings
                .get(lang, "n", Some(&args))
                .replace(['\u{2068}', '\u{2069}'], "");
            assert_eq!(s, "12,345 items", "{lang}");
            args.set("count", 1.0);
            assert_eq!(strings.get(lang, "n", Some(&args)), "one", "{lang}");
        }
    }
}
