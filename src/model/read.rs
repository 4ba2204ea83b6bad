//! Reading an author's text file: every failure names the file, and says in plain words what
//! is wrong and where ("the byte 0xFF on line 4 is not UTF-8 text"), never the system's
//! "stream did not contain valid UTF-8".

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// The text of `path` (named `relp` in messages), without a leading byte-order mark.
pub fn read_text(path: &Path, relp: &Path) -> Result<String, Diagnostic> {
    let bytes = super::limits::read(path).map_err(|e| match e.kind() {
        // Over the size limit: its own words say what to do.
        std::io::ErrorKind::InvalidData => {
            Diagnostic::error(format!("cannot read the file: {e}")).in_file(relp)
        }
        _ => cannot_read(relp, &e),
    })?;
    decode(bytes, relp)
}

/// "cannot read content/x/he.md: permission denied", with a hint for the usual causes.
pub fn cannot_read(relp: &Path, e: &std::io::Error) -> Diagnostic {
    use std::io::ErrorKind::*;
    let (why, hint) = match e.kind() {
        PermissionDenied => (
            "permission denied".to_string(),
            "let your user read it (on Linux or macOS: chmod u+r FILE)",
        ),
        NotFound => (
            "the file is not there".to_string(),
            "it was moved or deleted while Sulam was reading the site; run again",
        ),
        IsADirectory => (
            "it is a folder, not a file".to_string(),
            "rename the folder, or move it out of the entry",
        ),
        _ => (
            plain_io_words(e),
            "check that the file is an ordinary file you can open in your editor",
        ),
    };
    Diagnostic::error(format!("cannot read {}: {why}", relp.display()))
        .in_file(relp)
        .hint(hint)
}

/// The system's words without "(os error 13)".
fn plain_io_words(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s.to_lowercase(),
    }
}

fn decode(bytes: Vec<u8>, relp: &Path) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
        Err(e) => Err(not_utf8(e.as_bytes(), e.utf8_error().valid_up_to(), relp)),
    }
}

/// Where the first byte that is not UTF-8 is: its line, its column, its offset in the file.
fn not_utf8(bytes: &[u8], at: usize, relp: &Path) -> Diagnostic {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Diagnostic::error("the file is saved as UTF-16, not UTF-8 text")
            .in_file(relp)
            .hint("save it again as UTF-8 (in the editor's Save As, choose the encoding UTF-8)");
    }
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u64
        + 1;
    let byte = bytes.get(at).copied().unwrap_or(0);
    Diagnostic::error(format!(
        "the file is not UTF-8 text: the byte 0x{byte:02X} on line {line} (byte {at} of the file) is not a letter of UTF-8"
    ))
    .in_file(relp)
    .at(line, column)
    .hint("save the file as UTF-8 in your editor (a file saved as Windows-1255, Windows-1256 or Latin-1 shows this); then check the letters on that line")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line_and_byte_of_a_bad_byte() {
        let d = decode(
            b"---\ntitle: a\n---\nab\xffc\n".to_vec(),
            Path::new("he.md"),
        )
        .expect_err("not UTF-8");
        assert_eq!((d.line, d.column), (Some(4), Some(3)));
        assert!(
            d.message.contains("0xFF on line 4 (byte 19"),
            "{}",
            d.message
        );
    }

    #[test]
    fn keeps_text_and_drops_a_leading_mark() {
        let s = decode("\u{feff}שלום".as_bytes().to_vec(), Path::new("he.md"));
        assert_eq!(s.ok().as_deref(), Some("שלום"));
    }
}
