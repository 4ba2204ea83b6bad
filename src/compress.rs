//! `sulam build --compress`: a `.gz` and a `.br` copy beside each text file of the site, for
//! hosts that serve a file's precompressed copy to a browser that accepts it (nginx's
//! `gzip_static` and `brotli_static`, Apache's rewrite rules, Caddy's `precompressed`), so that
//! nothing is compressed per request and Brotli can take its slow, small settings.
//!
//! It runs on the new folder before it replaces the output (`output::Writer::compress`), so a
//! build that fails leaves no copies behind either. The settings, measured on the example site
//! (315 text files, 3.34 MB; one core; docs/publishing.md has the table):
//! - gzip level 9 (flate2, pure Rust): 917 KB in 0.18 s. Level 6 is 0.1% larger; zopfli is
//!   3.7% smaller but took 18.7 s, a hundred times longer, for little.
//! - Brotli quality 10: 728 KB in 2.7 s. Quality 11 is 1.8% smaller (715 KB) and takes 7.2 s;
//!   quality 8 takes 0.35 s but is 11% larger (808 KB). A site is compressed once and read
//!   many times, but a deploy should not wait minutes for the last 2%.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

/// The endings of the files worth compressing: text. Pictures, fonts and PDFs are compressed
/// already.
const TEXT: &[&str] = &[
    "html",
    "htm",
    "css",
    "js",
    "mjs",
    "json",
    "xml",
    "txt",
    "svg",
    "webmanifest",
    "atom",
    "rss",
    "csv",
    "ics",
    "map",
];

/// Files smaller than this are sent as they are: a request's headers outweigh what is saved.
const MIN_SIZE: u64 = 1024;

const GZIP_LEVEL: u32 = 9;
const BROTLI_QUALITY: u32 = 10;
/// Brotli's window, 2^22 bytes: larger than any file of a site, so it changes nothing else.
const BROTLI_WINDOW: u32 = 22;

/// Whether `path` (relative, with `/`) is a text file to compress.
pub fn is_text(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| TEXT.iter().any(|t| ext.eq_ignore_ascii_case(t)))
}

/// Writes `<file>.gz` and `<file>.br` beside each text file of `files` in `dir`, where the copy
/// is at least a tenth smaller than the file. A copy the author's site already has (a
/// `static/data.json.gz` of their own) is left alone. When the file is the very file of the
/// last build (`previous`, linked by the writer because it did not change), that build's copies
/// are linked too rather than made again. `tick(done, total)` after each file. Returns the
/// paths of the copies.
pub fn precompress(
    dir: &Path,
    previous: Option<&Path>,
    files: &BTreeSet<String>,
    tick: &(dyn Fn(usize, usize) + Sync),
) -> std::io::Result<Vec<String>> {
    let todo: Vec<&String> = files.iter().filter(|p| is_text(p)).collect();
    let done = AtomicUsize::new(0);
    let made: Vec<Vec<String>> = todo
        .par_iter()
        .map(|path| {
            let copies = compress_one(dir, previous, files, path);
            tick(done.fetch_add(1, Ordering::Relaxed) + 1, todo.len());
            copies
        })
        .collect::<std::io::Result<_>>()?;
    Ok(made.into_iter().flatten().collect())
}

/// The copies of one file, written beside it in `dir`.
fn compress_one(
    dir: &Path,
    previous: Option<&Path>,
    files: &BTreeSet<String>,
    path: &str,
) -> std::io::Result<Vec<String>> {
    let file = dir.join(path);
    if std::fs::metadata(&file)?.len() < MIN_SIZE {
        return Ok(Vec::new());
    }
    let mut bytes: Option<Vec<u8>> = None;
    let mut made = Vec::new();
    for (ending, squeeze) in [("gz", gzip as fn(&[u8]) -> Vec<u8>), ("br", brotli)] {
        let copy = format!("{path}.{ending}");
        if files.contains(&copy) {
            continue;
        }
        let target = dir.join(&copy);
        if previous.is_some_and(|prev| reuse(prev, &file, path, &copy, &target)) {
            made.push(copy);
            continue;
        }
        let original = match &bytes {
            Some(b) => b,
            None => bytes.insert(std::fs::read(&file)?),
        };
        let small = squeeze(original);
        if small.len() * 10 <= original.len() * 9 {
            std::fs::write(&target, small)?;
            made.push(copy);
        }
    }
    Ok(made)
}

/// Links the last build's copy `copy` into place when `file` is that build's very file (the
/// writer linked it, unchanged) and the copy is no older than it.
fn reuse(previous: &Path, file: &Path, path: &str, copy: &str, target: &Path) -> bool {
    let old_copy = previous.join(copy);
    let (Ok(now), Ok(old), Ok(copied)) = (
        std::fs::metadata(file),
        std::fs::metadata(previous.join(path)),
        std::fs::metadata(&old_copy),
    ) else {
        return false;
    };
    same_file(&now, &old)
        && matches!((copied.modified(), old.modified()), (Ok(c), Ok(o)) if c >= o)
        && std::fs::hard_link(&old_copy, target).is_ok()
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(GZIP_LEVEL),
    );
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 4);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        let _ = w.write_all(bytes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn text_files_by_their_ending() {
        for p in [
            "he/index.html",
            "theme/style.css",
            "search/he.js",
            "sitemap.xml",
            "robots.txt",
            "he/feed.atom",
            "static/site.webmanifest",
            "logo.SVG",
        ] {
            assert!(is_text(p), "{p}");
        }
        for p in [
            "photo.png",
            "a.jpg",
            "report.pdf",
            "font.woff2",
            "html",
            "x.html.gz",
        ] {
            assert!(!is_text(p), "{p}");
        }
    }

    #[test]
    fn copies_read_back_as_the_file() {
        let text = "<p>שלום עולם, مرحبا بالعالم, hello world</p>\n".repeat(200);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes())[..])
            .read_to_string(&mut back)
            .expect("gzip");
        assert_eq!(back, text);
        let mut back = String::new();
        brotli::Decompressor::new(&brotli(text.as_bytes())[..], 4096)
            .read_to_string(&mut back)
            .expect("brotli");
        assert_eq!(back, text);
    }

    #[test]
    fn small_files_and_the_authors_own_copies_are_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = "<li>an entry of a long list</li>\n".repeat(100);
        std::fs::write(dir.path().join("a.html"), &big).expect("write");
        std::fs::write(dir.path().join("small.html"), "<p>hi</p>").expect("write");
        std::fs::write(dir.path().join("b.json"), &big).expect("write");
        std::fs::write(dir.path().join("b.json.gz"), "the author's own").expect("write");
        let files: BTreeSet<String> = ["a.html", "small.html", "b.json", "b.json.gz"]
            .map(String::from)
            .into();
        let made = precompress(dir.path(), None, &files, &|_, _| {}).expect("compress");
        assert_eq!(made, ["a.html.gz", "a.html.br", "b.json.br"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.json.gz")).expect("read"),
            "the author's own"
        );
        assert!(!dir.path().join("small.html.gz").exists());
    }
}
