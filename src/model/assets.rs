//! Which files an entry's folder may publish, and what its pictures are.
//!
//! Why: an asset is served from the site's own origin, so an HTML page there, framed from the
//! body with `<iframe src="evil.html">` or opened by a link, runs its scripts as the site (its
//! cookies, its storage, its pages). Markdown bodies are cleaned of script; the files beside
//! them must be too. An HTML or XML document is refused (the text belongs in the Markdown); an
//! SVG picture is published only when it holds nothing that can run. `static/` is the site
//! owner's own folder and is copied as it is (docs/writing-content.md says so).

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::media::{Format, Picture};

/// Extensions of documents a browser renders with scripts: refused as an entry's asset.
const DOCUMENTS: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "xml", "xsl", "xslt",
];

/// The problem with publishing the asset at `path` (`relp` relative to the site), if any.
pub fn asset_problem(path: &Path, relp: &Path) -> Option<Diagnostic> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if DOCUMENTS.contains(&ext.as_str()) {
        return Some(
            Diagnostic::error(format!(
                "an .{ext} file in an entry's folder would run its scripts as the site, and is \
                 not published"
            ))
            .in_file(relp)
            .hint(
                "put its text in the entry's Markdown, link to it where it is published, or \
                 offer it for download as a .zip or .pdf",
            ),
        );
    }
    if ext == "svgz" {
        return Some(
            Diagnostic::error("a compressed SVG (.svgz) cannot be checked for scripts")
                .in_file(relp)
                .hint("save it as a plain .svg"),
        );
    }
    if ext != "svg" {
        return None;
    }
    let text = match super::limits::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return Some(Diagnostic::error(format!("cannot read the picture: {e}")).in_file(relp));
        }
    };
    let what = active_part(&text)?;
    Some(
        Diagnostic::error(format!(
            "the SVG picture holds {what}, which would run as the site; it is not published"
        ))
        .in_file(relp)
        .hint(
            "save it without scripts (in Inkscape: Save As > Optimized SVG, or export it again), \
             or publish it as a .png",
        ),
    )
}

/// The picture at `path` (`relp` relative to the site), probed: its format and size; `None`
/// for a file that is no picture by its name (a PDF). A picture that cannot be read, holds
/// another format than its name says, or is too large to make versions of is a mistake.
pub fn picture(path: &Path, relp: &Path) -> Result<Option<Picture>, Diagnostic> {
    let Some(format) = Format::of_name(path) else {
        return Ok(None);
    };
    if format == Format::Svg {
        // Read already by `asset_problem`, which refuses one it cannot read.
        let size = super::limits::read_to_string(path)
            .ok()
            .and_then(|t| crate::media::svg_size(&t));
        return Ok(Some(Picture { format, size }));
    }
    crate::media::probe(path, format)
        .map(Some)
        .map_err(|p| Diagnostic::error(p.message).in_file(relp).hint(p.hint))
}

/// What in an SVG could run code or show a web page: a `<script>`, an `on…=` event attribute,
/// a `javascript:` address, a `<foreignObject>` (HTML inside the picture), or a frame or
/// object element.
pub fn active_part(svg: &str) -> Option<&'static str> {
    let lower = svg.to_ascii_lowercase();
    let tags = [
        ("<script", "a <script>"),
        ("<foreignobject", "a <foreignObject>"),
        ("<iframe", "an <iframe>"),
        ("<embed", "an <embed>"),
        ("<object", "an <object>"),
        ("<handler", "a <handler>"),
        ("javascript:", "a javascript: address"),
        ("<!entity", "an <!ENTITY> declaration"),
    ];
    if let Some((_, what)) = tags.iter().find(|(t, _)| lower.contains(t)) {
        return Some(what);
    }
    has_event_attribute(&lower).then_some("an event attribute (on…=)")
}

/// Whether lower-case `text` has `on<letters>=` after white space or a quote, as an attribute.
fn has_event_attribute(text: &str) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find("on").map(|i| i + from) {
        from = at + 2;
        let before = at.checked_sub(1).map(|i| b[i]);
        if !matches!(
            before,
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'/')
        ) {
            continue;
        }
        let rest = &b[at + 2..];
        let letters = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        let after = rest[letters..].iter().find(|c| !c.is_ascii_whitespace());
        if after == Some(&b'=') {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_that_can_run_code_is_named_by_what_runs() {
        let svg = |inner: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{inner}</svg>");
        assert_eq!(active_part(&svg("<SCRIPT>x</SCRIPT>")), Some("a <script>"));
        assert_eq!(
            active_part(&svg("<rect onLoad = \"x()\"/>")),
            Some("an event attribute (on…=)")
        );
        assert_eq!(
            active_part(&svg("<a href=\"JavaScript:x()\">a</a>")),
            Some("a javascript: address")
        );
        assert_eq!(
            active_part(&svg("<foreignObject><div/></foreignObject>")),
            Some("a <foreignObject>")
        );
        // Words with "on" in them, and attributes that are not events, are fine.
        let fine = svg("<text font-family=\"Montserrat\" content=\"one\">lemon = on</text>");
        assert_eq!(active_part(&fine), None);
    }
}
