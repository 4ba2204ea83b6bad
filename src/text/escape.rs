//! The one escaper of text for HTML and XML.
//!
//! Two sets of replacements, for two real needs: pages escape `'` as well (`escape`), so that
//! text is safe in an attribute quoted either way; the feeds, the sitemap and the translations
//! report have always left `'` as it is (`escape_xml`), and their bytes must not change. Both
//! go over bytes: the five characters are ASCII, which never occurs inside another character
//! in UTF-8, so the text between them is copied in slices.
//!
//! Both drop the characters XML 1.0 cannot hold at all ([`is_unfit_for_xml`]): the files of a
//! site that hold one are refused where they are read (`model::limits`), and this is the net
//! for any text that comes another way, so that no feed or page is ever malformed by one.

/// Whether `c` may not appear in an XML document, escaped or not (and is an error in HTML):
/// the C0 controls but tab, newline and carriage return; DEL; and the non-characters U+FFFE and
/// U+FFFF.
pub fn is_unfit_for_xml(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}')
}

/// Appends `text` to `out` with `&`, `<`, `>` and `"` replaced, and `'` too when `APOS`; the
/// characters [`is_unfit_for_xml`] dropped (U+FFFE and U+FFFF are EF BF BE and EF BF BF).
#[inline]
fn escape_with<const APOS: bool>(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' if APOS => "&#39;",
            0..=8 | 0xb | 0xc | 0xe..=0x1f | 0x7f => "",
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => {
                out.push_str(&text[copied..i]);
                copied = i + 3;
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(replacement);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
}

/// Appends `text` to `out` escaped for HTML: `&`, `<`, `>`, `"` and `'`.
pub fn escape_into(text: &str, out: &mut String) {
    escape_with::<true>(text, out);
}

/// `text` escaped for HTML: `&`, `<`, `>`, `"` and `'`.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_into(text, &mut s);
    s
}

/// `text` escaped for XML text and double-quoted attributes: `&`, `<`, `>` and `"`, leaving
/// `'` as it is. For the feeds, the sitemap and the translations report.
pub fn escape_xml(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_with::<false>(text, &mut s);
    s
}

/// Plain text of rendered HTML: tags dropped, the few entities the Markdown renderer writes
/// decoded, block ends as spaces. What the page holds twice for its readers is read once: a
/// chart's picture (`<svg>`, whose numbers its table gives) and a video's play button (its
/// title is in the link beside it).
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        if let Some(after) = skip_twice_told(&rest[i..]) {
            out.push(' ');
            rest = after;
            continue;
        }
        match rest[i..].find('>') {
            Some(j) => {
                out.push(' ');
                rest = &rest[i + j + 1..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// When `html` starts with an element whose words the page also gives elsewhere (see
/// `html_text`), the text after its end.
fn skip_twice_told(html: &str) -> Option<&str> {
    for name in ["svg", "button"] {
        let open = html.strip_prefix('<').and_then(|r| r.strip_prefix(name));
        if open.is_some_and(|r| r.starts_with([' ', '>', '\n'])) {
            let close = format!("</{name}>");
            return Some(html.find(&close).map_or("", |e| &html[e + close.len()..]));
        }
    }
    None
}

pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{00A0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first `n` characters of `s`, cut at a word's end when one is near.
pub fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        None => s.to_string(),
        Some((i, _)) => {
            let head = &s[..i];
            let at = head.rfind(' ').filter(|&j| j > i / 2).unwrap_or(i);
            format!("{}…", head[..at].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn what_a_page_says_twice_is_read_once() {
        let chart = "<figure class=\"chart\"><figcaption>Rates</figcaption><svg viewBox=\"0 0 1 1\" aria-hidden=\"true\"><text>Towns</text><text>84%</text></svg><div><table><tr><th>Towns</th><td>84%</td></tr></table></div></figure><p>After</p>";
        assert_eq!(html_text(chart), "Rates Towns 84% After");
        let video = "<div class=\"video\"><a href=\"x\"><span>A talk</span></a>\n<button type=\"button\" hidden><span>A talk</span></button></div><p>Next &amp; last</p>";
        assert_eq!(html_text(video), "A talk Next & last");
        // Only those elements: <b> and <br> are not <button>, nor is an <svgx>.
        assert_eq!(html_text("<b>bold</b><br><svgx>kept</svgx>"), "bold kept");
        // An element never closed ends the text.
        assert_eq!(html_text("before<svg><text>never closed"), "before");
    }
    use super::*;

    #[test]
    fn html_escapes_five_characters_and_xml_four() {
        let text = "a&b <c> \"d\" 'e' עברית";
        assert_eq!(
            escape(text),
            "a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39; עברית"
        );
        assert_eq!(
            escape_xml(text),
            "a&amp;b &lt;c&gt; &quot;d&quot; 'e' עברית"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("<"), "&lt;");
    }

    #[test]
    fn characters_xml_cannot_hold_are_dropped() {
        let text = "a\u{0}b\u{1}\tc\u{1f}\u{7f}\nd\u{fffe}e\u{ffff}\u{fffd}f\r";
        assert_eq!(escape(text), "ab\tc\nde\u{fffd}f\r");
        assert_eq!(escape_xml("\u{8}<\u{b}\u{c}"), "&lt;");
        assert!(!is_unfit_for_xml('\t') && is_unfit_for_xml('\u{e}'));
    }
}
