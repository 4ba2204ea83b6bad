//! What Sulam agrees to read from a site's folders: ordinary files and folders, and links to
//! ordinary files that stay inside the site folder.
//!
//! Everything under `content/`, `static/` and `themes/<name>/` is published or read into a
//! page, so a link to `/etc/passwd` would publish the machine's files, and a named pipe or a
//! device would make the build wait forever. Each item found while walking a folder is checked
//! here before anything reads or copies it; what is refused is a mistake that names the file.
//! A link is judged by where it really leads (`canonicalize`), compared with the site folder's
//! own real path, so `..` or a chain of links cannot step outside it.

use std::fs::FileType;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// What an item of a site folder may be used as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An ordinary file, or a link to one inside the site folder: read or copied as it is.
    File,
    /// A real folder (never a link): walked.
    Folder,
}

/// Checks one item found in a site folder. `kind` is the item's own type, links not
/// followed (what `walkdir` gives without `follow_links`). `root` is the site folder.
pub fn check(root: &Path, path: &Path, kind: FileType) -> Result<Kind, Diagnostic> {
    if kind.is_file() {
        Ok(Kind::File)
    } else if kind.is_dir() {
        Ok(Kind::Folder)
    } else if kind.is_symlink() {
        link(root, path)
    } else {
        Err(not_regular(root, path, kind))
    }
}

/// Checks one path of the site (a folder such as `static/`, or a file such as
/// `i18n/he.ftl`) before it is walked or read. `Ok(None)` when there is nothing there.
pub fn check_path(root: &Path, path: &Path) -> Result<Option<Kind>, Diagnostic> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => check(root, path, m.file_type()).map(Some),
        Err(_) => Ok(None),
    }
}

/// A link: followed only when it leads, in the end, to an ordinary file inside the site.
fn link(root: &Path, path: &Path) -> Result<Kind, Diagnostic> {
    let relp = rel(root, path);
    let written = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) => return Err(broken_link(&relp, &written, &e)),
    };
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if !real.starts_with(&site) {
        return Err(Diagnostic::error(format!(
            "this is a link to {}, which is outside the site folder; Sulam does not follow it",
            real.display()
        ))
        .in_file(&relp)
        .hint("put the file itself here instead of a link, or remove the link"));
    }
    let inside = real
        .strip_prefix(&site)
        .unwrap_or(&real)
        .display()
        .to_string();
    match std::fs::metadata(&real) {
        Ok(m) if m.is_file() => Ok(Kind::File),
        Ok(m) if m.is_dir() => Err(Diagnostic::error(format!(
            "this is a link to the folder {inside}; Sulam follows links to files only"
        ))
        .in_file(&relp)
        .hint("make it a real folder with the files in it, or remove the link")),
        Ok(m) => Err(not_regular(root, path, m.file_type())),
        Err(e) => Err(broken_link(&relp, &written, &e)),
    }
}

/// The ELOOP error number: too many links in a row, which is what a circle of links gives.
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

fn broken_link(relp: &Path, written: &str, e: &std::io::Error) -> Diagnostic {
    let message = if e.raw_os_error() == Some(ELOOP) {
        format!("this is a link to {written}, which leads round in a circle of links")
    } else if e.kind() == std::io::ErrorKind::NotFound {
        format!("this is a link to {written}, which does not exist")
    } else {
        format!("this is a link to {written}, which cannot be followed: {e}")
    };
    Diagnostic::error(message)
        .in_file(relp)
        .hint("put the file itself here instead of a link, or remove the link")
}

/// A named pipe, a socket or a device: reading one could wait forever or never end.
fn not_regular(root: &Path, path: &Path, kind: FileType) -> Diagnostic {
    Diagnostic::error(format!("this is not a regular file ({})", what(kind)))
        .in_file(rel(root, path))
        .hint("remove it; Sulam reads and copies only ordinary files")
}

#[cfg(unix)]
fn what(kind: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn what(_kind: FileType) -> &'static str {
    "a special file"
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
