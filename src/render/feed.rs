//! The news as an Atom 1.0 feed (RFC 4287) per language, at `/<lang>/feed.xml`.
//!
//! A feed lists every news item in the language's own words, newest first. An item not yet
//! translated is still listed, in the language its text is borrowed from, and says so with
//! `xml:lang` on its entry, as pages mark borrowed text with `lang`. Addresses in a feed must
//! work outside the site, so every id and link is absolute, and the links inside an item's
//! HTML are made absolute against the item's page. A site without news has no feed.

use crate::model::content::{Collection, Entry, Facts};
use crate::model::urls::{entry_path, feed_path, list_path};
use crate::output::Output;
use crate::render::{Model, pages::links_of};
use crate::text::escape::escape_xml;

/// Adds one feed per language to the output, when the site has news.
pub fn write_feeds(m: &Model, out: &mut Output) {
    if m.content.of(Collection::News).next().is_none() {
        return;
    }
    for l in &m.config.languages {
        out.add(feed_path(&l.code), feed(m, &l.code));
    }
}

/// `YYYY-MM-DD` as an RFC 3339 date-time at the start of that day, UTC.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

fn date_of(e: &Entry) -> Option<&str> {
    match &e.facts {
        Facts::News(f) => f.date.as_ref().map(|d| d.value.trim()),
        _ => None,
    }
}

/// The Atom feed of the news in `lang`.
pub fn feed(m: &Model, lang: &str) -> String {
    let config = m.config;
    let items: Vec<&Entry> = links_of(m, Collection::News, lang)
        .iter()
        .filter_map(|l| m.content.get(Collection::News, &l.id))
        .filter(|e| !e.facts.is_draft())
        .collect();
    let self_url = config.absolute(&feed_path(lang));
    let site = config.site_title(lang);
    // The newest item's date; a feed whose items have no date (an error the build reports)
    // still gets a valid one.
    let updated = items
        .iter()
        .filter_map(|e| date_of(e))
        .max()
        .unwrap_or("1970-01-01");
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
    ));
    s.push_str(&format!("  <id>{}</id>\n", escape_xml(&self_url)));
    s.push_str(&format!(
        "  <title>{}</title>\n",
        escape_xml(&crate::render::chrome::feed_title(m, lang))
    ));
    s.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    s.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape_xml(&site)
    ));
    s.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape_xml(&self_url)
    ));
    s.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_xml(&config.absolute(&list_path(Collection::News, lang)))
    ));
    s.push_str(&format!(
        "  <generator version=\"{}\">Sulam</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    for e in items {
        entry(m, e, lang, &mut s);
    }
    s.push_str("</feed>\n");
    s
}

fn entry(m: &Model, e: &Entry, lang: &str, s: &mut String) {
    let page = m.config.absolute(&entry_path(e.collection, &e.id, lang));
    let view = crate::render::entry::view(m, e, lang);
    let text_lang = view.fallback.as_deref().unwrap_or(lang);
    let lang_attr = |l: &str| {
        if l == text_lang {
            String::new()
        } else {
            format!(" xml:lang=\"{l}\"")
        }
    };
    if text_lang == lang {
        s.push_str("  <entry>\n");
    } else {
        s.push_str(&format!("  <entry xml:lang=\"{text_lang}\">\n"));
    }
    s.push_str(&format!("    <id>{}</id>\n", escape_xml(&page)));
    if let Some(t) = &view.title {
        s.push_str(&format!(
            "    <title type=\"text\"{}>{}</title>\n",
            lang_attr(&t.lang),
            escape_xml(&t.text)
        ));
    }
    let date = date_of(e).unwrap_or("1970-01-01");
    s.push_str(&format!("    <updated>{}</updated>\n", timestamp(date)));
    s.push_str(&format!("    <published>{}</published>\n", timestamp(date)));
    s.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_xml(&page)
    ));
    if let Some(sum) = &view.summary {
        s.push_str(&format!(
            "    <summary type=\"text\"{}>{}</summary>\n",
            lang_attr(&sum.lang),
            escape_xml(&sum.text)
        ));
    }
    if let Some(body) = &view.body {
        // The body's own language, when it differs from the entry's (a partial fallback).
        let body_lang = view
            .body_attrs
            .split("lang=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or(lang);
        s.push_str(&format!(
            "    <content type=\"html\" xml:base=\"{}\"{}>{}</content>\n",
            escape_xml(&page),
            lang_attr(body_lang),
            escape_xml(&absolute_links(body, &page))
        ));
    }
    s.push_str("  </entry>\n");
}

/// Makes the `href`, `src` and `srcset` addresses of `html` absolute, against the page at
/// `page` (an absolute address ending in `/`), so that they work in a feed reader.
pub fn absolute_links(html: &str, page: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = [" href=\"", " src=\"", " srcset=\""]
            .iter()
            .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
            .min();
        let Some((i, len)) = next else { break };
        let srcset = rest[..i + len].ends_with("srcset=\"");
        out.push_str(&rest[..i + len]);
        rest = &rest[i + len..];
        let end = rest.find('"').unwrap_or(rest.len());
        if srcset {
            // "a.480.webp 480w, a.960.webp 960w": each address, its width kept.
            let candidates: Vec<String> = rest[..end]
                .split(", ")
                .map(|c| match c.split_once(' ') {
                    Some((url, w)) => format!("{} {w}", resolve(page, url)),
                    None => resolve(page, c),
                })
                .collect();
            out.push_str(&candidates.join(", "));
        } else {
            out.push_str(&resolve(page, &rest[..end]));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `url` as written on the page at `page`, as an absolute address.
fn resolve(page: &str, url: &str) -> String {
    let scheme_end = page.find("://").map(|i| i + 3).unwrap_or(0);
    let origin_end = page[scheme_end..]
        .find('/')
        .map(|i| i + scheme_end)
        .unwrap_or(page.len());
    let origin = &page[..origin_end];
    if url.is_empty() || url.starts_with('#') || url.starts_with('?') {
        return format!("{page}{url}");
    }
    let has_scheme = url
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains(['/', '?', '#']));
    if has_scheme || url.starts_with("//") {
        return url.to_string();
    }
    if url.starts_with('/') {
        return format!("{origin}{url}");
    }
    let dir = &page[origin_end..page.rfind('/').map(|i| i + 1).unwrap_or(page.len())];
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let (path, tail) = match url.find(['?', '#']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let ends_in_slash = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut joined = format!("{origin}/{}", parts.join("/"));
    if ends_in_slash && !parts.is_empty() {
        joined.push('/');
    }
    joined.push_str(tail);
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_a_feed_item_are_made_absolute_against_its_page() {
        let page = "https://example.org/kb/en/news/launch/";
        assert_eq!(
            resolve(page, "../../pages/about/"),
            "https://example.org/kb/en/pages/about/"
        );
        assert_eq!(
            resolve(page, "photo.jpg"),
            "https://example.org/kb/en/news/launch/photo.jpg"
        );
        assert_eq!(resolve(page, "/kb/he/"), "https://example.org/kb/he/");
        assert_eq!(resolve(page, "#x"), format!("{page}#x"));
        assert_eq!(resolve(page, "mailto:a@b.org"), "mailto:a@b.org");
        assert_eq!(resolve(page, "https://o.org/a"), "https://o.org/a");
        assert_eq!(
            absolute_links(r#"<a href="../">x</a><img src="a.png" alt="">"#, page),
            r#"<a href="https://example.org/kb/en/news/">x</a><img src="https://example.org/kb/en/news/launch/a.png" alt="">"#
        );
        assert_eq!(
            absolute_links(
                r#"<source srcset="/kb/media/news/launch/a.480.webp 480w, /kb/media/news/launch/a.960.webp 960w">"#,
                page
            ),
            r#"<source srcset="https://example.org/kb/media/news/launch/a.480.webp 480w, https://example.org/kb/media/news/launch/a.960.webp 960w">"#
        );
    }
}
