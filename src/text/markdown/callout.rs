//! Callouts: GitHub's alert syntax (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`,
//! `[!CAUTION]`), which pulldown-cmark parses with `Options::ENABLE_GFM`, written as a note
//! with its label in the body's language and an icon the stylesheet draws.
//!
//! The markup is `<div class="callout callout-note" role="note">`, its first line the label.
//! Role `note` is ARIA's "section whose content is parenthetic or ancillary to the main
//! content"; an `<aside>` would instead be a "complementary" landmark, and a page with ten
//! callouts would give screen-reader users ten landmarks to wade through when they jump
//! between the page's regions. The kind is said in words by the label, so nothing rests on a
//! screen reader announcing the role. The icon is an empty `aria-hidden` span that the
//! stylesheet draws (an "i", a lightbulb, an "!", a triangle, an octagon): the same shape in
//! both directions, and no SVG in the body, which the cleaner would remove.

use pulldown_cmark::BlockQuoteKind;

use super::Context;
use crate::text::i18n::strip_isolation;
use crate::text::lang::isolate_ltr_runs;

/// The UI strings of the labels, one per kind.
pub const UI_KEYS: [&str; 5] = [
    "callout-note",
    "callout-tip",
    "callout-important",
    "callout-warning",
    "callout-caution",
];

/// The kind's name, as GitHub writes it in lower case: the class and the UI key's end.
fn name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

/// The label when there are no UI strings (only the body's problems are wanted).
fn english(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    }
}

/// The opening of a callout of `kind`, with its label, in the body's language.
pub fn open(kind: BlockQuoteKind, cx: &Context) -> String {
    let name = name(kind);
    let label = match cx.words {
        Some(w) => strip_isolation(&w.strings.get(cx.lang, &format!("callout-{name}"), None)),
        None => english(kind).to_string(),
    };
    format!(
        "<div class=\"callout callout-{name}\" role=\"note\">\n<p class=\"callout-label\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>{}</p>\n",
        isolate_ltr_runs(&label, cx.dir)
    )
}

pub const CLOSE: &str = "</div>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lang::Dir;

    #[test]
    fn every_kind_has_its_key_and_class() {
        let langs = crate::text::lang::test_languages();
        let cx = Context::new("en", Dir::Ltr, &langs);
        for (kind, key) in [
            BlockQuoteKind::Note,
            BlockQuoteKind::Tip,
            BlockQuoteKind::Important,
            BlockQuoteKind::Warning,
            BlockQuoteKind::Caution,
        ]
        .into_iter()
        .zip(UI_KEYS)
        {
            assert_eq!(key, format!("callout-{}", name(kind)));
            let html = open(kind, &cx);
            assert!(
                html.contains(&format!("class=\"callout {key}\" role=\"note\"")),
                "{html}"
            );
            assert!(html.contains(english(kind)), "{html}");
        }
    }
}
