//! Pictures and an entry's files in a Markdown body: `![what it shows](photo.jpg)` becomes a
//! `<picture>` of the smaller versions the build makes (WebP first), with the size the
//! picture is shown at so nothing moves as it loads; alone in its paragraph with a title,
//! `![alt](photo.jpg "caption")`, a `<figure>` with that caption; `[report](report.pdf)` and
//! raw `<img src="photo.jpg">` lead to where the entry's files are published.
//!
//! This stage knows nothing of addresses: the caller gives each picture's addresses and sizes
//! (`Picture`, in `EntryFiles`), and the same `picture_html` writes the pictures of the
//! templates' fields (`image`, `logo`, `photo`), so a picture looks the same wherever it is.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::diagnostics::Diagnostic;
use crate::text::escape::escape;
use crate::text::lang::isolate_ltr_runs;

use super::Context;

/// One of an entry's pictures as pages show it: addresses ready to print.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Picture {
    /// What the `<img>` loads where `srcset` is not understood: the largest version in the
    /// picture's own format, or the file itself.
    pub src: String,
    /// Width and height as shown, when known.
    pub size: Option<(u32, u32)>,
    /// (address, width) of the versions in the picture's own format, narrowest first; empty
    /// for a picture shown as it is (SVG, GIF, WebP).
    pub srcset: Vec<(String, u32)>,
    /// The same widths in WebP.
    pub webp: Vec<(String, u32)>,
}

/// How a page shows a picture.
pub struct Shown<'a> {
    /// What the picture shows, as plain text; empty for a picture that only decorates.
    pub alt: &'a str,
    /// Attributes added to the `<img>` as they are: ` class="logo"`, ` lang="he" dir="rtl"`.
    pub attrs: &'a str,
    /// The `sizes` attribute: how wide the theme shows the picture.
    pub sizes: &'a str,
}

/// The `<picture>` (or, for a picture shown as it is, the `<img>`) that shows `p`.
pub fn picture_html(p: &Picture, shown: &Shown) -> String {
    let size = match p.size {
        Some((w, h)) => format!(" width=\"{w}\" height=\"{h}\""),
        None => String::new(),
    };
    let img = |srcset: &str| {
        format!(
            "<img src=\"{}\"{srcset}{size} alt=\"{}\"{} loading=\"lazy\" decoding=\"async\">",
            escape(&p.src),
            escape(shown.alt),
            shown.attrs,
        )
    };
    if p.srcset.is_empty() && p.webp.is_empty() {
        return img("");
    }
    let sizes = escape(shown.sizes);
    let mut html = String::from("<picture>");
    if !p.webp.is_empty() {
        html.push_str(&format!(
            "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\">",
            srcset(&p.webp)
        ));
    }
    if p.srcset.is_empty() {
        html.push_str(&img(""));
    } else {
        html.push_str(&img(&format!(
            " srcset=\"{}\" sizes=\"{sizes}\"",
            srcset(&p.srcset)
        )));
    }
    html.push_str("</picture>");
    html
}

/// A `srcset` value. A space or comma in an address would split it, so they are written as
/// `%20` and `%2C`, which the server reads back as the file's name.
fn srcset(versions: &[(String, u32)]) -> String {
    versions
        .iter()
        .map(|(url, w)| format!("{} {w}w", url.replace(' ', "%20").replace(',', "%2C")))
        .map(|s| escape(&s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rewrites the links to the entry's files in `events` (the whole body, in order), makes each
/// titled image alone in its paragraph a figure, and tells of each picture that names no file
/// of the entry, at its line of `markdown`. The other images stay, so that their alt text
/// still counts when the paragraph's language is found; their HTML, in order, is returned
/// for `place`.
pub(super) fn rewrite<'a>(
    events: Vec<Event<'a>>,
    markdown: &str,
    cx: &Context,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<Event<'a>>, Vec<String>) {
    let mut out = Vec::with_capacity(events.len());
    let mut inline = Vec::new();
    let mut found = Found {
        markdown,
        seen: 0,
        problems,
    };
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Paragraph) => {
                if let Some((image, end)) = lone_image(&events, i) {
                    let (html, _) = image_html(&events, image, true, cx, &mut found);
                    out.push(Event::Html(html.into()));
                    i = end + 1;
                    continue;
                }
                out.push(events[i].clone());
            }
            Event::Start(Tag::Image { .. }) => {
                let (html, end) = image_html(&events, i, false, cx, &mut found);
                inline.push(html);
                // Kept whole: `place` puts one HTML for the image, whatever is inside it.
                out.extend(events[i..=end].iter().cloned());
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match entry_file(dest_url, cx) {
                Some(address) => out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: address.into(),
                    title: title.clone(),
                    id: id.clone(),
                })),
                None => out.push(events[i].clone()),
            },
            Event::Html(h) => out.push(Event::Html(raw_html(h, cx))),
            Event::InlineHtml(h) => out.push(Event::InlineHtml(raw_html(h, cx))),
            other => out.push(other.clone()),
        }
        i += 1;
    }
    (out, inline)
}

/// Puts the HTML of each image (from `rewrite`, in order) in the place of the image.
pub(super) fn place<'a>(events: Vec<Event<'a>>, html: Vec<String>) -> Vec<Event<'a>> {
    if html.is_empty() {
        return events;
    }
    let mut html = html.into_iter();
    let mut out = Vec::with_capacity(events.len());
    let mut depth = 0;
    for ev in events {
        match ev {
            Event::Start(Tag::Image { .. }) => {
                if depth == 0 {
                    out.push(Event::InlineHtml(html.next().unwrap_or_default().into()));
                }
                depth += 1;
            }
            Event::End(TagEnd::Image) => depth -= 1,
            _ if depth > 0 => {}
            ev => out.push(ev),
        }
    }
    out
}

/// When the paragraph starting at `start` holds a titled image and nothing else but
/// spaces: where the image starts, and where the paragraph ends.
fn lone_image(events: &[Event], start: usize) -> Option<(usize, usize)> {
    let mut image = None;
    let mut depth = 0;
    for (j, ev) in events.iter().enumerate().skip(start + 1) {
        match ev {
            Event::End(TagEnd::Paragraph) if depth == 0 => return image.map(|i| (i, j)),
            Event::Start(Tag::Image { title, .. }) if depth == 0 && image.is_none() => {
                if title.trim().is_empty() {
                    return None;
                }
                image = Some(j);
                depth += 1;
            }
            Event::Start(_) if depth > 0 => depth += 1,
            Event::End(_) if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            Event::Text(t) if t.trim().is_empty() => {}
            Event::SoftBreak => {}
            _ => return None,
        }
    }
    None
}

/// The pictures of a body met so far, to find the line of one with a mistake.
struct Found<'m> {
    markdown: &'m str,
    /// How many pictures came before.
    seen: usize,
    problems: &'m mut Vec<Diagnostic>,
}

/// The HTML of the image starting at `start` (with its title as the caption of a figure
/// when `figure`), and where the image ends.
fn image_html(
    events: &[Event],
    start: usize,
    figure: bool,
    cx: &Context,
    found: &mut Found,
) -> (String, usize) {
    let Event::Start(Tag::Image {
        dest_url, title, ..
    }) = &events[start]
    else {
        return (String::new(), start);
    };
    let (alt, end) = alt_text(events, start);
    let title_attr = if title.is_empty() || figure {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    };
    let index = found.seen;
    found.seen += 1;
    let html = match (cx.files, relative_path(dest_url)) {
        (Some(files), Some(path)) => {
            let name = path.trim_start_matches("./");
            match files.pictures.get(name) {
                Some(p) => picture_html(
                    p,
                    &Shown {
                        alt: &alt,
                        attrs: &title_attr,
                        sizes: files.sizes,
                    },
                ),
                None if files.has(name) => {
                    plain_img(&format!("{}{name}", files.address), &alt, &title_attr)
                }
                None => {
                    let line = image_line(found.markdown, index);
                    found.problems.push(missing(dest_url, name, files, line));
                    plain_img(dest_url, &alt, &title_attr)
                }
            }
        }
        _ => plain_img(dest_url, &alt, &title_attr),
    };
    if figure {
        let caption = isolate_ltr_runs(title.trim(), cx.dir);
        return (
            format!("<figure>{html}<figcaption>{caption}</figcaption></figure>\n"),
            end,
        );
    }
    (html, end)
}

/// A picture that is not one of the entry's: as written, loaded when it comes into view.
fn plain_img(src: &str, alt: &str, attrs: &str) -> String {
    format!(
        "<img src=\"{}\" alt=\"{}\"{attrs} loading=\"lazy\" decoding=\"async\">",
        escape(src),
        escape(alt)
    )
}

/// The alt text of the image starting at `start` (the plain text inside it), and where the
/// image ends.
fn alt_text(events: &[Event], start: usize) -> (String, usize) {
    let mut alt = String::new();
    let mut depth = 0;
    for (j, ev) in events.iter().enumerate().skip(start) {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return (alt, j);
                }
            }
            // Raw HTML in an alt text is words, as pulldown-cmark writes it.
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                alt.push_str(t)
            }
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    (alt, events.len().saturating_sub(1))
}

/// The path a relative address names (without `#…` or `?…`, `%20` read as a space); `None`
/// for an address with a scheme, one from the site's root, or a fragment alone.
pub fn relative_path(url: &str) -> Option<String> {
    let url = url.trim();
    let path = url.split(['#', '?']).next().unwrap_or(url);
    let scheme = path
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains(['/', '?', '#']));
    if path.is_empty() || scheme || path.starts_with('/') || path.starts_with('\\') {
        return None;
    }
    Some(percent_decode(path))
}

/// Where a link to `url` leads when it names one of the entry's files: the file's address,
/// with the link's `#…` or `?…` kept.
fn entry_file(url: &str, cx: &Context) -> Option<String> {
    let files = cx.files?;
    let path = relative_path(url)?;
    let name = path.trim_start_matches("./");
    if !files.has(name) {
        return None;
    }
    let url = url.trim();
    let tail = url.find(['#', '?']).map_or("", |i| &url[i..]);
    Some(format!("{}{name}{tail}", files.address))
}

/// Raw HTML with its `src="…"` and `href="…"` that name the entry's files leading to them.
fn raw_html<'a>(html: &CowStr<'a>, cx: &Context) -> CowStr<'a> {
    if cx.files.is_none() {
        return html.clone();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest: &str = html;
    let mut changed = false;
    while let Some((at, len)) = ["src=", "href="]
        .iter()
        .filter_map(|a| find_attribute(rest, a).map(|i| (i, a.len())))
        .min()
    {
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(end) = rest[1..].find(quote) else {
            break;
        };
        let value = &rest[1..1 + end];
        match entry_file(value, cx) {
            Some(address) => {
                out.push(quote);
                out.push_str(&escape(&address));
                out.push(quote);
                changed = true;
            }
            None => out.push_str(&rest[..end + 2]),
        }
        rest = &rest[end + 2..];
    }
    if !changed {
        return html.clone();
    }
    out.push_str(rest);
    out.into()
}

/// Where attribute `name` (with its `=`) starts in `html`, preceded by white space.
fn find_attribute(html: &str, name: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name).map(|i| i + from) {
        if lower[..i].ends_with(|c: char| c.is_ascii_whitespace()) {
            return Some(i);
        }
        from = i + name.len();
    }
    None
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The line (from 1) of the `index`-th image of `markdown`.
fn image_line(markdown: &str, index: usize) -> u64 {
    pulldown_cmark::Parser::new_ext(markdown, super::options())
        .into_offset_iter()
        .filter(|(ev, _)| matches!(ev, Event::Start(Tag::Image { .. })))
        .nth(index)
        .map_or(1, |(_, range)| {
            markdown[..range.start].matches('\n').count() as u64 + 1
        })
}

/// The mistake of a picture that names `name`, no file of the entry.
fn missing(url: &str, name: &str, files: super::EntryFiles, line: u64) -> Diagnostic {
    let names: Vec<String> = files.written().collect();
    let hint = files.did_you_mean(name).unwrap_or_else(|| {
        if names.is_empty() {
            format!("put {name} in the entry's folder, beside this file")
        } else {
            format!(
                "put {name} in the entry's folder, beside this file; it has {}",
                names.join(", ")
            )
        }
    });
    Diagnostic::error(format!(
        "the picture {url} is not a file of this entry, so the page would show nothing"
    ))
    .at(line, 0)
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use super::super::{Context, EntryFiles, render};
    use super::*;
    use crate::text::lang::{Dir, test_languages};

    fn photo() -> Picture {
        Picture {
            src: "/kb/media/news/x/photo.960.jpg".into(),
            size: Some((960, 640)),
            srcset: vec![
                ("/kb/media/news/x/photo.480.jpg".into(), 480),
                ("/kb/media/news/x/photo.960.jpg".into(), 960),
            ],
            webp: vec![
                ("/kb/media/news/x/photo.480.webp".into(), 480),
                ("/kb/media/news/x/photo.960.webp".into(), 960),
            ],
        }
    }

    /// Renders `body` in `lang` as the body of an entry with photo.jpg and report.pdf.
    fn body(markdown: &str, lang: &str, dir: Dir) -> super::super::Rendered {
        let names = [PathBuf::from("photo.jpg"), PathBuf::from("report.pdf")];
        let pictures = BTreeMap::from([("photo.jpg".to_string(), photo())]);
        let langs = test_languages();
        let cx = Context::new(lang, dir, &langs).with_files(EntryFiles {
            dir: Path::new("content/news/x"),
            names: &names,
            address: "/kb/media/news/x/",
            pictures: &pictures,
            sizes: "44rem",
        });
        render(markdown, &cx)
    }

    #[test]
    fn a_picture_of_the_entry_gets_its_versions_and_size() {
        let r = body("טקסט ![ילדים בגינה](photo.jpg) ועוד.\n", "he", Dir::Rtl);
        assert!(
            r.html.contains(
                "<picture><source type=\"image/webp\" srcset=\"/kb/media/news/x/photo.480.webp 480w, /kb/media/news/x/photo.960.webp 960w\" sizes=\"44rem\"><img src=\"/kb/media/news/x/photo.960.jpg\" srcset=\"/kb/media/news/x/photo.480.jpg 480w, /kb/media/news/x/photo.960.jpg 960w\" sizes=\"44rem\" width=\"960\" height=\"640\" alt=\"ילדים בגינה\" loading=\"lazy\" decoding=\"async\"></picture>"
            ),
            "{}",
            r.html
        );
        assert!(r.problems.is_empty());
    }

    #[test]
    fn a_titled_picture_alone_in_its_paragraph_is_a_figure_with_its_caption() {
        let r = body(
            "פתיחה.\n\n![ילדים בגינה](photo.jpg \"הגינה של Tech Forward\")\n\nסוף.\n",
            "he",
            Dir::Rtl,
        );
        assert!(r.html.contains("<figure><picture>"), "{}", r.html);
        assert!(
            r.html.contains(
                "</picture><figcaption>הגינה של <bdi>Tech Forward</bdi></figcaption></figure>"
            ),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<p><figure>"), "{}", r.html);
        // With text beside it, the title stays a title.
        let r = body("Look: ![kids](photo.jpg \"the garden\")\n", "en", Dir::Ltr);
        assert!(!r.html.contains("<figure>"), "{}", r.html);
        assert!(r.html.contains(" title=\"the garden\""), "{}", r.html);
    }

    #[test]
    fn links_and_raw_html_naming_the_entrys_files_lead_to_where_they_are_published() {
        let r = body(
            "[the report](report.pdf#page=2) and [a page](../other/)\n\n<img src=\"photo.jpg\" alt=\"kids\"> <a href='./report.pdf'>pdf</a>\n",
            "en",
            Dir::Ltr,
        );
        assert!(
            r.html
                .contains("<a href=\"/kb/media/news/x/report.pdf#page=2\">the report</a>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<a href=\"../other/\">a page</a>"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<img src=\"/kb/media/news/x/photo.jpg\" alt=\"kids\">"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<a href=\"/kb/media/news/x/report.pdf\">pdf</a>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_picture_that_is_no_file_of_the_entry_is_a_mistake_at_its_line() {
        let r = body("# כותרת\n\nשורה.\n\n![ילדים](phot.jpg)\n", "he", Dir::Rtl);
        assert_eq!(r.problems.len(), 1);
        let d = &r.problems[0];
        assert_eq!(d.line, Some(5));
        assert!(d.message.contains("phot.jpg"), "{}", d.message);
        assert_eq!(d.hint.as_deref(), Some("did you mean 'photo.jpg'?"));
        // Pictures from elsewhere are as written, loaded when they come into view.
        let r = body("![a chart](https://example.org/c.png)\n", "en", Dir::Ltr);
        assert!(r.problems.is_empty());
        assert!(
            r.html.contains(
                "<img src=\"https://example.org/c.png\" alt=\"a chart\" loading=\"lazy\" decoding=\"async\">"
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_srcset_address_with_a_space_or_comma_stays_one_address() {
        let s = srcset(&[("/m/a b,c.480.jpg".into(), 480)]);
        assert_eq!(s, "/m/a%20b%2Cc.480.jpg 480w");
    }
}
