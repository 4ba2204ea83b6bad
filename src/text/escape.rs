//! The one escaper of text for HTML and XML.
//!
//! Two sets of replacements, for two real needs: pages escape `'` as well (`escape`), so that
//! text is safe in an attribute quoted either way; the feeds, the sitemap and the translations
//! report have always left `'` as it is (`escape_xml`), and their bytes must not change. Both
//! go over bytes: the five characters are ASCII, which never occurs inside another character
//! in UTF-8, so the text between them is copied in slices.

/// Appends `text` to `out` with `&`, `<`, `>` and `"` replaced, and `'` too when `APOS`.
#[inline]
fn escape_with<const APOS: bool>(text: &str, out: &mut String) {
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' if APOS => "&#39;",
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

#[cfg(test)]
mod tests {
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
}
