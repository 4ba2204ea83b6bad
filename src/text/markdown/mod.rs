//! Markdown bodies to HTML: pulldown-cmark with tables, footnotes and heading ids, then the
//! bidi care of `lang.rs` applied per block, then ammonia to remove what could run code.
//!
//! Components are modules of their own: callouts (`callout.rs`), quotations (`quote.rs`),
//! and the fenced blocks that are not code (`component`: ```` ```video ```` in `video.rs`,
//! ```` ```chart ```` in `chart.rs`), whose HTML is put in after the cleaner, which would take
//! an SVG apart.

mod callout;
mod chart;
mod image;
mod quote;
mod video;

pub use image::{Picture, Shown, picture_html, relative_path};

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::text::format::Formats;
use crate::text::i18n::Strings;
use crate::text::lang::{Dir, Language, foreign_language, isolate_ltr_runs};

/// What a body is rendered with: its language and the site's, and the words and number
/// formats that components (callouts, charts, figures) print in that language.
pub struct Context<'a> {
    /// The language the body is written in, and its direction.
    pub lang: &'a str,
    pub dir: Dir,
    pub site_langs: &'a [Language],
    /// The UI strings and number formats; `None` when only the body's problems are wanted
    /// (`salvage`), and components then fall back to plain English words.
    pub words: Option<Words<'a>>,
    /// The entry's own files (images, CSV data, video), when the body belongs to an entry.
    pub files: Option<EntryFiles<'a>>,
}

/// The files of the entry a body belongs to.
#[derive(Clone, Copy)]
pub struct EntryFiles<'a> {
    /// The entry's folder on disk.
    pub dir: &'a std::path::Path,
    /// The entry's files by the name they are published under, relative to `dir`.
    pub names: &'a [std::path::PathBuf],
    /// The address the entry's files are published under, ending in `/`: a file's address
    /// is this and its name.
    pub address: &'a str,
    /// The entry's pictures by name, with their versions' addresses and sizes.
    pub pictures: &'a std::collections::BTreeMap<String, Picture>,
    /// How wide the theme shows a picture of the body (the `sizes` attribute).
    pub sizes: &'a str,
}

impl EntryFiles<'_> {
    /// Whether `name` (relative to the entry's folder, `/` between folders) is one of its files.
    pub fn has(&self, name: &str) -> bool {
        self.written().any(|n| n == name)
    }

    /// The entry's file names as an author writes them: relative, `/` between folders.
    pub fn written(&self) -> impl Iterator<Item = String> + '_ {
        self.names
            .iter()
            .map(|n| n.to_string_lossy().replace('\\', "/"))
    }

    /// "did you mean …?" for a name that is none of the entry's files.
    pub fn did_you_mean(&self, name: &str) -> Option<String> {
        let names: Vec<String> = self.written().collect();
        crate::diagnostics::did_you_mean(name, names.iter().map(String::as_str))
    }
}

/// The address of the entry's file `name` (one of `EntryFiles::names`) from the page that
/// shows the body. Every component addresses the entry's files through this one function.
pub(super) fn entry_file_url(cx: &Context, name: &str) -> String {
    // Published once for all languages, at the entry's media address (see `EntryFiles`).
    match &cx.files {
        Some(f) => format!("{}{name}", f.address),
        None => name.to_string(),
    }
}

/// The UI strings that components print, for `sulam check` to find in every language.
pub fn ui_keys() -> impl Iterator<Item = &'static str> {
    callout::UI_KEYS.into_iter().chain(video::UI_KEYS)
}

/// The site's UI strings and number formats, for components.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub strings: &'a Strings,
    pub formats: &'a Formats,
}

impl<'a> Context<'a> {
    pub fn new(lang: &'a str, dir: Dir, site_langs: &'a [Language]) -> Context<'a> {
        Context {
            lang,
            dir,
            site_langs,
            words: None,
            files: None,
        }
    }

    pub fn with_words(mut self, words: Option<Words<'a>>) -> Context<'a> {
        self.words = words;
        self
    }

    pub fn with_files(mut self, files: EntryFiles<'a>) -> Context<'a> {
        self.files = Some(files);
        self
    }
}

/// A rendered body and what the author should hear about it.
pub struct Rendered {
    pub html: String,
    /// Raw HTML that was removed because it could run code in a reader's browser.
    pub removed: Vec<String>,
    /// Mistakes in the body's components (a chart value that is not a number, a video
    /// without a title), each at its line counted from the body's first line (1): the caller
    /// adds the file and moves the line to the file's. A mistake that already names a file is
    /// in that file of the entry (a chart's CSV file, named from the entry's folder), at that
    /// file's own line.
    pub problems: Vec<crate::diagnostics::Diagnostic>,
}

/// A fenced block that is a component: its HTML, and its mistakes as in `Rendered::problems`.
pub struct Component {
    pub html: String,
    pub problems: Vec<crate::diagnostics::Diagnostic>,
}

/// The component that a fenced block's info string names, if any. `text` is the block's
/// content, `line` the body's line (from 1) of its first line.
fn component(info: &str, text: &str, line: usize, cx: &Context) -> Option<Component> {
    match info.split_whitespace().next()? {
        "chart" => Some(chart::render(text, line, cx)),
        "video" => {
            let mut problems = Vec::new();
            // The video's lines are counted from its fence, the line before.
            let html = video::render(text, line as u64 - 1, cx, &mut problems);
            Some(Component { html, problems })
        }
        _ => None,
    }
}

/// A text that `markdown` does not hold, to mark where components go in the HTML.
fn component_marker(markdown: &str) -> String {
    let mut marker = String::from("sulam-component-");
    while markdown.contains(&marker) {
        marker.push('x');
    }
    marker
}

/// The Markdown the site is written in: tables, footnotes, strikethrough, heading ids and
/// GitHub's callouts (`ENABLE_GFM`, which turns on nothing else in pulldown-cmark 0.13). No
/// smart punctuation: it turns Hebrew gershayim and geresh (צה"ל, ג') into curly quotes.
fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_GFM);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    options
}

/// The addresses the links and images of `markdown` point to, each with the line (from 0) of
/// `markdown` on which it is written.
pub fn link_destinations(markdown: &str) -> Vec<(String, usize)> {
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let line = markdown[..range.start].matches('\n').count();
                Some((dest_url.trim().to_string(), line))
            }
            _ => None,
        })
        .collect()
}

/// Renders `markdown` written in `cx.lang` (direction `cx.dir`).
pub fn render(markdown: &str, cx: &Context) -> Rendered {
    let (lang, dir, site_langs) = (cx.lang, cx.dir, cx.site_langs);
    let options = options();

    let mut removed = Vec::new();
    let mut problems = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    // Without raw HTML and with ordinary addresses only, pulldown-cmark's output is escaped
    // already and the cleaner (an HTML parse, most of this function's time) is skipped.
    let mut needs_cleaning = false;
    let marker = component_marker(markdown);
    let mut lines = Lines::new(markdown);
    let mut components: Vec<Component> = Vec::new();
    let mut parser = Parser::new_ext(markdown, options).into_offset_iter();
    while let Some((ev, range)) = parser.next() {
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &ev {
            let mut text = String::new();
            for (ev, _) in parser.by_ref() {
                match ev {
                    Event::Text(t) => text.push_str(&t),
                    _ => break,
                }
            }
            // The block's first line is the one after its fence.
            let line = lines.at(range.start) as usize + 1;
            if let Some(c) = component(info, &text, line, cx) {
                events.push(Event::Html(
                    format!("<p>{marker}{}</p>\n", components.len()).into(),
                ));
                components.push(c);
            } else {
                events.push(ev.clone());
                events.push(Event::Text(text.into()));
                events.push(Event::End(TagEnd::CodeBlock));
            }
            continue;
        }
        if let Event::Html(h) | Event::InlineHtml(h) = &ev {
            removed.extend(dangerous_parts(h));
            needs_cleaning = true;
        }
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &ev {
            let url = dest_url.trim().to_ascii_lowercase();
            if url.starts_with("javascript:") {
                removed.push("a javascript: address".into());
            }
            if !ordinary_address(&url) {
                needs_cleaning = true;
            }
        }
        // Merge adjacent text so that a Latin run is seen whole.
        if let (Event::Text(t), Some(Event::Text(prev))) = (&ev, events.last_mut()) {
            *prev = CowStr::from(format!("{prev}{t}"));
            continue;
        }
        events.push(ev);
    }

    let (mut events, pictures) = image::rewrite(events, markdown, cx, &mut problems);
    let quotes = quote::Quotes::find(&mut events);
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut ids: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    let mut in_code = false;
    // Inside an image: its text is the alt text, which must stay text (see `transform_inline`).
    let mut in_image = 0;
    // The direction of the block being written, for Latin-run isolation.
    let mut block_dir = dir;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(events[i].clone());
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(events[i].clone());
            }
            ev @ (Event::Start(Tag::BlockQuote(_)) | Event::End(TagEnd::BlockQuote(_))) => {
                out.push(blockquote(ev, quotes.bounds(i), cx));
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => {
                let end = block_end(&events, i);
                let text = plain_text(&events[i + 1..end]);
                let foreign = foreign_language(&text, lang, site_langs);
                let caption = quotes.caption(i);
                let mut attrs = String::new();
                if let Some(l) = foreign {
                    attrs.push_str(&format!(" lang=\"{}\"", l.code));
                    // A quote's attribution keeps the page's direction (see quote.rs).
                    if l.dir != dir && !caption {
                        attrs.push_str(&format!(" dir=\"{}\"", l.dir.as_str()));
                        block_dir = l.dir;
                    }
                }
                let close = match &events[i] {
                    Event::Start(Tag::Heading {
                        level, id, classes, ..
                    }) => {
                        let n = heading_number(*level);
                        let id = match id {
                            Some(id) => id.to_string(),
                            None => unique_id(slug(&text), &ids, &mut next_suffix),
                        };
                        ids.insert(id.clone());
                        let class = if classes.is_empty() {
                            String::new()
                        } else {
                            format!(
                                " class=\"{}\"",
                                crate::text::escape::escape(&classes.join(" "))
                            )
                        };
                        out.push(Event::Html(
                            format!(
                                "<h{n} id=\"{}\"{class}{attrs}>",
                                crate::text::escape::escape(&id)
                            )
                            .into(),
                        ));
                        format!("</h{n}>\n")
                    }
                    _ if caption => {
                        out.push(Event::Html(quote::caption_open(&attrs).into()));
                        quote::CAPTION_CLOSE.to_string()
                    }
                    _ => {
                        out.push(Event::Html(format!("<p{attrs}>").into()));
                        "</p>\n".to_string()
                    }
                };
                for ev in &events[i + 1..end] {
                    out.push(transform_inline(ev, block_dir, in_code, &mut in_image));
                }
                out.push(Event::Html(close.into()));
                block_dir = dir;
                i = end + 1;
                continue;
            }
            ev => out.push(transform_inline(ev, block_dir, in_code, &mut in_image)),
        }
        i += 1;
    }

    let out = image::place(out, pictures);
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if needs_cleaning {
        html = clean_html(&html);
    }
    let html = put_components(&html, &marker, components, &mut problems);
    Rendered {
        html,
        removed,
        problems,
    }
}

/// `html` with each component's marker paragraph (`<p>{marker}{n}</p>`) replaced by the
/// component's HTML, in one pass however many there are; their problems go to `problems`.
fn put_components(
    html: &str,
    marker: &str,
    components: Vec<Component>,
    problems: &mut Vec<crate::diagnostics::Diagnostic>,
) -> String {
    if components.is_empty() {
        return html.to_string();
    }
    let mut parts: Vec<Option<String>> = Vec::with_capacity(components.len());
    for c in components {
        problems.extend(c.problems);
        parts.push(Some(c.html));
    }
    let open = format!("<p>{marker}");
    let mut out =
        String::with_capacity(html.len() + parts.iter().flatten().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let close = "</p>\n";
        let n: Option<usize> = after[..digits].parse().ok();
        match n.and_then(|n| parts.get_mut(n)).and_then(Option::take) {
            Some(component) if after[digits..].starts_with(close) => {
                out.push_str(&rest[..at]);
                out.push_str(&component);
                rest = &after[digits + close.len()..];
            }
            _ => {
                out.push_str(&rest[..at + open.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A blockquote's start or end: a callout's, a quotation's (`quote`: it is one), or a plain
/// blockquote's.
fn blockquote<'a>(ev: &Event<'a>, quote: bool, cx: &Context) -> Event<'a> {
    match ev {
        Event::Start(Tag::BlockQuote(Some(kind))) => Event::Html(callout::open(*kind, cx).into()),
        Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html(callout::CLOSE.into()),
        Event::Start(_) if quote => Event::Html(quote::OPEN.into()),
        Event::End(_) if quote => Event::Html(quote::CLOSE.into()),
        other => other.clone(),
    }
}

/// The line (from 1) of byte offsets of a text, asked in increasing order: counted from the
/// last answer, so that a body of a thousand blocks is read once, not a thousand times.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            offset: 0,
            line: 1,
        }
    }

    fn at(&mut self, offset: usize) -> u64 {
        if offset < self.offset {
            *self = Lines::new(self.text);
        }
        let bytes = self.text.as_bytes();
        let end = offset.min(bytes.len());
        self.line += bytes[self.offset..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.offset = end;
        self.line
    }
}

/// A relative address, a fragment, or one with a scheme that cannot run code.
fn ordinary_address(url: &str) -> bool {
    match url.split_once(':') {
        None => true,
        // A colon after a '/', '?' or '#' is not a scheme's.
        Some((scheme, _)) if scheme.contains(['/', '?', '#']) => true,
        Some((scheme, _)) => matches!(scheme, "http" | "https" | "mailto" | "tel"),
    }
}

/// Text in a right-to-left block becomes HTML with its Latin runs isolated. Not inside an
/// image: the writer takes an image's alt text from its text events only, so text turned into
/// HTML there would be dropped, and `alt=""` would tell screen readers the picture says
/// nothing. An attribute cannot hold `<bdi>` anyway.
fn transform_inline<'a>(
    ev: &Event<'a>,
    dir: Dir,
    in_code: bool,
    in_image: &mut usize,
) -> Event<'a> {
    match ev {
        Event::Start(Tag::Image { .. }) => {
            *in_image += 1;
            ev.clone()
        }
        Event::End(TagEnd::Image) => {
            *in_image = in_image.saturating_sub(1);
            ev.clone()
        }
        Event::Text(t) if !in_code && dir == Dir::Rtl && *in_image == 0 => {
            Event::Html(isolate_ltr_runs(t, dir).into())
        }
        other => other.clone(),
    }
}

fn block_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0;
    for (j, ev) in events.iter().enumerate().skip(start) {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for ev in events {
        if let Event::Text(t) | Event::Code(t) = ev {
            s.push_str(t);
        }
    }
    s
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A heading's id: its words, lower-cased, joined by `-`; Hebrew and Arabic letters kept.
pub fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.chars() {
        if c.is_alphanumeric()
            && !('\u{0591}'..='\u{05C7}').contains(&c)
            && !('\u{064B}'..='\u{065F}').contains(&c)
        {
            s.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !s.ends_with('-') && !s.is_empty()
        {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() { "section".into() } else { s }
}

/// `base`, or `base-2`, `base-3`… the first not yet used. `next` remembers where each base's
/// search stopped, so that thousands of headings with the same words stay linear, not
/// quadratic (the fuzzer found a body of 20,000 "---" headings taking 13 seconds).
fn unique_id(base: String, ids: &HashSet<String>, next: &mut HashMap<String, usize>) -> String {
    if !ids.contains(&base) {
        return base;
    }
    let mut n = next.get(&base).copied().unwrap_or(2);
    loop {
        let candidate = format!("{base}-{n}");
        n += 1;
        if !ids.contains(&candidate) {
            next.insert(base, n);
            return candidate;
        }
    }
}

/// The parts of a raw HTML fragment that the cleaner will remove, for the author's warning.
fn dangerous_parts(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    if lower.contains("<script") {
        found.push("<script>".to_string());
    }
    if lower.contains("javascript:") {
        found.push("a javascript: address".to_string());
    }
    let bytes = lower.as_bytes();
    for (i, w) in lower.match_indices(" on") {
        let rest = &lower[i + w.len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let after = rest[name.len()..].trim_start();
        if !name.is_empty() && after.starts_with('=') && i > 0 && bytes[..i].contains(&b'<') {
            found.push(format!("the attribute on{name}="));
        }
    }
    found
}

/// What raw HTML may keep: no script, event handlers or `javascript:` addresses; but what
/// authors use: `lang`/`dir` on any element, tables, `<bdi>`, embedded video; and what the
/// components write, which goes through the cleaner with the rest of a body that has raw
/// HTML: a callout's `role` and icon, a video's play button, `data-video-*` and `<track>`.
/// None of these can run code; `video.js` trusts no address in the page (see video.rs).
fn cleaner() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "picture",
        "bdi",
        "bdo",
        "iframe",
        "figure",
        "figcaption",
        "section",
        "details",
        "summary",
        "mark",
        "abbr",
        "video",
        "source",
        "audio",
        "button",
        "track",
    ]);
    b.add_generic_attributes(["lang", "dir", "id", "class", "title"]);
    b.add_tag_attributes(
        "iframe",
        [
            "src",
            "width",
            "height",
            "allow",
            "allowfullscreen",
            "loading",
        ],
    );
    b.add_tag_attributes(
        "video",
        ["src", "controls", "width", "height", "poster", "preload"],
    );
    b.add_tag_attributes("track", ["kind", "src", "srclang", "label", "default"]);
    b.add_tag_attributes("div", ["role", "data-video-host", "data-video-id"]);
    b.add_tag_attributes("button", ["type", "aria-label", "hidden"]);
    b.add_tag_attributes("span", ["aria-hidden"]);
    b.add_tag_attributes("audio", ["src", "controls"]);
    b.add_tag_attributes("source", ["src", "type", "srcset", "sizes"]);
    b.add_tag_attributes(
        "img",
        ["loading", "width", "height", "srcset", "sizes", "decoding"],
    );
    b.add_tag_attributes("td", ["colspan", "rowspan", "style"]);
    b.add_tag_attributes("th", ["colspan", "rowspan", "scope", "style"]);
    b.add_tag_attributes("ol", ["start"]);
    b.link_rel(None);
    b.url_relative(ammonia::UrlRelative::PassThrough);
    b
}

/// Removes what could run code; see `cleaner`.
pub fn clean_html(html: &str) -> String {
    static CLEANER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    CLEANER.get_or_init(cleaner).clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str, lang: &str, dir: Dir, langs: &[Language]) -> Rendered {
        super::render(markdown, &Context::new(lang, dir, langs))
    }

    fn langs() -> Vec<Language> {
        crate::text::lang::test_languages()
    }

    #[test]
    fn hebrew_paragraph_in_arabic_body_gets_its_lang() {
        let r = render(
            "نص عربي هنا.\n\nטקסט בעברית כאן.\n",
            "ar",
            Dir::Rtl,
            &langs(),
        );
        assert!(
            r.html.contains("<p lang=\"he\">טקסט בעברית כאן.</p>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<p>نص عربي هنا.</p>"), "{}", r.html);
    }

    #[test]
    fn alt_text_is_kept_in_every_script() {
        for (body, lang, dir, alt) in [
            (
                "![מדרגות עץ בכניסה לבית הספר](steps.png)",
                "he",
                Dir::Rtl,
                "מדרגות עץ בכניסה לבית הספר",
            ),
            (
                "![درج خشبي عند مدخل المدرسة](steps.png)",
                "ar",
                Dir::Rtl,
                "درج خشبي عند مدخل المدرسة",
            ),
            ("![Wooden steps](steps.png)", "he", Dir::Rtl, "Wooden steps"),
            (
                "![מדרגות של Tech Forward Ltd.](steps.png)",
                "he",
                Dir::Rtl,
                "מדרגות של Tech Forward Ltd.",
            ),
            ("![Wooden steps](steps.png)", "en", Dir::Ltr, "Wooden steps"),
            (
                "![a <b> & \"c\"](x.png)",
                "he",
                Dir::Rtl,
                "a &lt;b&gt; &amp; &quot;c&quot;",
            ),
            // In a paragraph with other text, and in a heading.
            (
                "לפני ![תמונה של בית](x.png) אחרי",
                "he",
                Dir::Rtl,
                "תמונה של בית",
            ),
            ("## כותרת ![סמל](x.png)", "he", Dir::Rtl, "סמל"),
        ] {
            let r = render(body, lang, dir, &langs());
            assert!(
                r.html.contains(&format!("alt=\"{alt}\"")),
                "{body}: {}",
                r.html
            );
        }
        // The text after an image in the same paragraph is still isolated as before.
        let r = render("![תמונה](x.png) של Tech Forward", "he", Dir::Rtl, &langs());
        assert!(r.html.contains("<bdi>Tech Forward</bdi>"), "{}", r.html);
    }

    #[test]
    fn script_and_handlers_are_removed_and_reported() {
        let r = render(
            "<span lang=\"en\" onclick=\"x()\">hi</span>\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1))\n",
            "en",
            Dir::Ltr,
            &langs(),
        );
        assert!(!r.html.contains("script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("<span lang=\"en\">hi</span>"), "{}", r.html);
        assert_eq!(
            r.removed,
            [
                "the attribute onclick=",
                "<script>",
                "a javascript: address"
            ],
            "{:?}",
            r.removed
        );
        // Ordinary HTML reports nothing.
        let r = render(
            "<span lang=\"he\">שלום</span> online=1\n",
            "en",
            Dir::Ltr,
            &langs(),
        );
        assert!(r.removed.is_empty(), "{:?}", r.removed);
    }

    #[test]
    fn tables_footnotes_strikethrough_and_heading_ids_are_written() {
        let r = render(
            "| town | cluster |\n|---|--:|\n| Sderot | 4 |\n\nA note[^1] and ~~old~~ text.\n\n[^1]: The source.\n\n## The plan {#plan .wide}\n",
            "en",
            Dir::Ltr,
            &langs(),
        );
        let html = &r.html;
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<th>town</th>"), "{html}");
        assert!(
            html.contains("<td style=\"text-align: right\">4</td>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(
            html.contains("<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>"),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"footnote-definition\" id=\"1\">"),
            "{html}"
        );
        assert!(
            html.contains("<h2 id=\"plan\" class=\"wide\">The plan</h2>"),
            "{html}"
        );
        assert!(r.removed.is_empty());
    }

    #[test]
    fn the_cleaner_drops_what_could_run_and_keeps_what_authors_use() {
        let r = render(
            "<div style=\"color:red\" onmouseover=\"x()\"><form action=\"/x\"><input name=\"q\"></form><object data=\"x.swf\"></object><iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=\"560\" srcdoc=\"<script>1</script>\"></iframe><img src=\"x.png\" onerror=\"x()\" width=\"10\"><a href=\"data:text/html,x\">d</a><bdi dir=\"ltr\">STEM</bdi><table><tr><td colspan=\"2\" onclick=\"x()\">c</td></tr></table><style>p{}</style></div>\n",
            "en",
            Dir::Ltr,
            &langs(),
        );
        let html = &r.html;
        for gone in [
            "style=\"color",
            "onmouseover",
            "<form",
            "<input",
            "<object",
            "srcdoc",
            "onerror",
            "data:",
            "<style",
            "onclick",
        ] {
            assert!(!html.contains(gone), "{gone}: {html}");
        }
        for kept in [
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=\"560\">",
            "<img src=\"x.png\" width=\"10\">",
            "<bdi dir=\"ltr\">STEM</bdi>",
            "<td colspan=\"2\">c</td>",
            ">d</a>",
        ] {
            assert!(html.contains(kept), "{kept}: {html}");
        }
    }

    #[test]
    fn hebrew_abbreviations_keep_their_marks() {
        let r = render("צה\"ל וג'ון\n", "he", Dir::Rtl, &langs());
        let text = r.html.replace("&quot;", "\"").replace("&#39;", "'");
        assert!(text.contains("צה\"ל וג'ון"), "{}", r.html);
    }

    #[test]
    fn headings_get_ids() {
        let r = render("## הרקע\n\n## הרקע\n", "he", Dir::Rtl, &langs());
        assert!(r.html.contains("<h2 id=\"הרקע\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"הרקע-2\">"), "{}", r.html);
    }

    #[test]
    fn many_headings_with_the_same_words_stay_fast() {
        let body = "rot\n---\n".repeat(20_000);
        let start = std::time::Instant::now();
        let r = render(&body, "en", Dir::Ltr, &langs());
        assert!(r.html.contains("<h2 id=\"rot-20000\">"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
    }
}
