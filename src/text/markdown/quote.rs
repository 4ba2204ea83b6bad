//! Quotations: a blockquote whose last paragraph starts with an em dash ("— Ruth Calderon")
//! is a quote, and that paragraph its attribution:
//! `<figure class="quote"><blockquote>…</blockquote><figcaption>— …</figcaption></figure>`.
//!
//! The dash may be followed by a space or not ("—Ruth" is as plainly an attribution); the
//! figcaption always writes it as "— ". A blockquote of one paragraph is never a quotation,
//! since there would be nothing left to attribute, nor one whose dash is followed by nothing.
//!
//! The dash is taken out of the text and written by the figcaption's opening tag, so that it
//! stays at the start of the line in the page's direction while a Latin name after it is
//! isolated like any Latin run of a right-to-left paragraph (`— <bdi dir="ltr">Tech Forward
//! Ltd.</bdi>`); `render` keeps the figcaption in the body's direction for the same reason.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Tag};

pub const OPEN: &str = "<figure class=\"quote\">\n<blockquote>\n";
/// Before the attribution: the quote's end and the caption's start, with its `lang`.
pub fn caption_open(attrs: &str) -> String {
    format!("</blockquote>\n<figcaption{attrs}>— ")
}
pub const CAPTION_CLOSE: &str = "</figcaption>\n";
pub const CLOSE: &str = "</figure>\n";

const DASH: char = '—';

/// Where the quotations of a body are, by index in its events.
#[derive(Default)]
pub struct Quotes {
    /// The `Start(BlockQuote)` and `End(BlockQuote)` of each quotation.
    bounds: HashSet<usize>,
    /// The `Start(Paragraph)` of each attribution.
    captions: HashSet<usize>,
}

/// An element being read: where it starts, whether it is a plain blockquote, and its direct
/// children so far (how many, and where the last one starts and ends).
struct Open {
    start: usize,
    plain_quote: bool,
    children: usize,
    last: Option<(usize, usize)>,
}

impl Quotes {
    /// Finds the quotations among `events` and takes the dash out of their attributions.
    /// One pass with a stack, so that deeply nested blockquotes stay linear.
    pub fn find(events: &mut [Event]) -> Quotes {
        let mut quotes = Quotes::default();
        let mut stack: Vec<Open> = Vec::new();
        for i in 0..events.len() {
            match &events[i] {
                Event::Start(tag) => {
                    if let Some(parent) = stack.last_mut() {
                        parent.children += 1;
                    }
                    stack.push(Open {
                        start: i,
                        plain_quote: matches!(tag, Tag::BlockQuote(None)),
                        children: 0,
                        last: None,
                    });
                }
                Event::End(_) => {
                    let Some(open) = stack.pop() else { continue };
                    if let Some(parent) = stack.last_mut() {
                        parent.last = Some((open.start, i));
                    }
                    if open.plain_quote
                        && open.children >= 2
                        && let Some((p, end)) = open.last
                        && attribution(events, p, end)
                    {
                        quotes.bounds.extend([open.start, i]);
                        quotes.captions.insert(p);
                    }
                }
                _ => {
                    if let Some(parent) = stack.last_mut() {
                        parent.children += 1;
                    }
                }
            }
        }
        quotes
    }

    /// Whether `events[i]` opens or closes a quotation.
    pub fn bounds(&self, i: usize) -> bool {
        self.bounds.contains(&i)
    }

    /// Whether `events[i]` starts an attribution.
    pub fn caption(&self, i: usize) -> bool {
        self.captions.contains(&i)
    }
}

/// Whether the paragraph `events[p..=end]` is an attribution; if so its dash is taken out.
fn attribution(events: &mut [Event], p: usize, end: usize) -> bool {
    if !matches!(events[p], Event::Start(Tag::Paragraph)) {
        return false;
    }
    // The dash is the paragraph's first character, inside emphasis or not.
    let Some(first) = (p + 1..end).find(|&j| {
        !matches!(
            events[j],
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
        )
    }) else {
        return false;
    };
    let Event::Text(text) = &events[first] else {
        return false;
    };
    let Some(rest) = text.strip_prefix(DASH) else {
        return false;
    };
    let rest = rest.trim_start().to_string();
    let more = events[first + 1..end]
        .iter()
        .any(|e| matches!(e, Event::Text(t) | Event::Code(t) if !t.trim().is_empty()));
    if rest.is_empty() && !more {
        return false;
    }
    events[first] = Event::Text(CowStr::from(rest));
    true
}

#[cfg(test)]
mod tests {
    use crate::text::lang::Dir;
    use crate::text::markdown::{Context, render};

    fn html(markdown: &str, lang: &str, dir: Dir) -> String {
        let langs = crate::text::lang::test_languages();
        render(markdown, &Context::new(lang, dir, &langs)).html
    }

    #[test]
    fn a_last_paragraph_with_a_dash_is_the_attribution() {
        let h = html(
            "> Words worth keeping.\n>\n> — Ruth Calderon\n",
            "en",
            Dir::Ltr,
        );
        assert_eq!(
            h,
            "<figure class=\"quote\">\n<blockquote>\n<p>Words worth keeping.</p>\n</blockquote>\n<figcaption>— Ruth Calderon</figcaption>\n</figure>\n"
        );
        // Without the space, inside emphasis, with a no-break space: the same.
        for body in [
            "> a\n>\n> —Ruth Calderon\n",
            "> a\n>\n> *— Ruth Calderon*\n",
            "> a\n>\n> —\u{a0}Ruth Calderon\n",
        ] {
            let h = html(body, "en", Dir::Ltr);
            assert!(h.contains("<figcaption>— "), "{body}: {h}");
            assert!(h.contains("Ruth Calderon"), "{body}: {h}");
            assert!(!h.contains("— —") && !h.contains("—\u{a0}"), "{body}: {h}");
        }
    }

    #[test]
    fn a_latin_name_in_a_hebrew_attribution_is_isolated_and_the_dash_stays_at_the_start() {
        let h = html("> מילים.\n>\n> — Tech Forward Ltd.\n", "he", Dir::Rtl);
        assert!(
            h.contains(
                "<figcaption lang=\"en\">— <bdi dir=\"ltr\">Tech Forward Ltd.</bdi></figcaption>"
            ),
            "{h}"
        );
    }

    #[test]
    fn other_blockquotes_stay_plain() {
        for body in [
            // One paragraph: nothing to attribute.
            "> — Ruth Calderon\n",
            // No dash, a hyphen, an en dash, a dash alone.
            "> a\n>\n> Ruth Calderon\n",
            "> a\n>\n> - Ruth Calderon\n",
            "> a\n>\n> – Ruth Calderon\n",
            "> a\n>\n> —\n",
            // The dash is not at the start of the last paragraph.
            "> a\n>\n> Ruth — Calderon\n",
            "> — Ruth\n>\n> a\n",
        ] {
            let h = html(body, "en", Dir::Ltr);
            assert!(h.starts_with("<blockquote>\n"), "{body}: {h}");
            assert!(!h.contains("figure"), "{body}: {h}");
        }
        // The last block is a list, not a paragraph.
        let h = html("> a\n>\n> - — b\n", "en", Dir::Ltr);
        assert!(!h.contains("figure"), "{h}");
    }

    #[test]
    fn a_quote_inside_a_quote_and_deep_nesting() {
        let h = html("> > a\n> >\n> > — b\n>\n> — c\n", "en", Dir::Ltr);
        assert_eq!(h.matches("<figure class=\"quote\">").count(), 2, "{h}");
        assert_eq!(h.matches("</figure>").count(), 2, "{h}");
        let deep = ">".repeat(5000) + " a\n";
        let h = html(&deep, "en", Dir::Ltr);
        assert!(h.contains("a"), "{h}");
    }
}
