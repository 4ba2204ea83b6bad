//! Writing the site: everything goes into a fresh folder beside the output, which replaces the
//! output only when the whole build succeeded. Sulam never writes into, or deletes, a folder it
//! did not make, nor a file it did not write: it marks its own folder with a `.sulam` file that
//! lists the files it wrote, and refuses to replace a folder that holds any other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::media::{self, Cache};
use crate::model::folders;

pub const MARKER: &str = ".sulam";

/// The first line of the marker, the whole of it before the list of files (which builds of
/// that time wrote, and which are still taken as Sulam's).
const MARKER_LINE: &str = "This folder was written by Sulam; it is replaced at each build.";
/// The second line of a finished folder's marker; the files follow, one a line.
const LIST_LINE: &str =
    "Sulam wrote the files below (marker format 2); any other file here stops the next build:";
/// The second line of the marker of a folder still being written.
const PARTIAL_LINE: &str = "Sulam is writing this folder (marker format 2); it is not finished.";

/// What the `.sulam` entry of a folder says of it.
#[derive(Debug, PartialEq)]
enum Mark {
    /// No `.sulam` entry.
    None,
    /// A `.sulam` entry Sulam did not write (an empty file, a folder…).
    Foreign,
    /// Written by a Sulam that did not list its files.
    Unlisted,
    /// A folder Sulam was writing and did not finish.
    Partial,
    /// A finished folder, with the files Sulam wrote in it.
    Listed(BTreeSet<String>),
}

fn read_mark(dir: &Path) -> Mark {
    let path = dir.join(MARKER);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Mark::None;
    };
    let text = if meta.is_file() {
        std::fs::read_to_string(&path).unwrap_or_default()
    } else {
        String::new()
    };
    let mut lines = text.lines();
    if lines.next() != Some(MARKER_LINE) {
        return Mark::Foreign;
    }
    match lines.next() {
        None => Mark::Unlisted,
        Some(PARTIAL_LINE) => Mark::Partial,
        Some(LIST_LINE) => Mark::Listed(lines.map(unescape).collect()),
        Some(_) => Mark::Foreign,
    }
}

/// A path on one line of the marker: `\` and line breaks written as escapes.
fn escape(path: &str) -> String {
    path.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The first few entries of `dir` that Sulam did not write, by path inside it.
fn foreign_files(dir: &Path, written: &BTreeSet<String>) -> Vec<String> {
    let folders: BTreeSet<&str> = written
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let mut found = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir).min_depth(1).into_iter();
    while let Some(item) = walk.next() {
        let Ok(item) = item else { continue };
        let rel = item.path().strip_prefix(dir).unwrap_or(item.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        let ours = if item.file_type().is_dir() {
            folders.contains(rel.as_str())
        } else {
            rel == MARKER || written.contains(&rel)
        };
        if !ours {
            found.push(rel);
            if item.file_type().is_dir() {
                walk.skip_current_dir();
            }
            if found.len() == 3 {
                break;
            }
        }
    }
    found
}

/// Whether `dir` is a finished output folder of Sulam's.
fn is_sulams(dir: &Path) -> bool {
    matches!(read_mark(dir), Mark::Unlisted | Mark::Listed(_))
}

/// Why Sulam may not replace `out`, a folder that exists; `shown` is its name in the message.
fn not_ours(out: &Path, shown: &str) -> Option<Diagnostic> {
    let empty = std::fs::read_dir(out)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    let refuse = |what: String| {
        Some(
            Diagnostic::error(format!("{shown} {what}; it is left as it is"))
                .hint("choose another --output folder, or empty this one yourself"),
        )
    };
    match read_mark(out) {
        Mark::None if empty => None,
        Mark::None => refuse("exists and was not made by Sulam".into()),
        Mark::Foreign | Mark::Partial => refuse(format!(
            "exists and was not made by Sulam: its {MARKER} is not one Sulam wrote"
        )),
        Mark::Unlisted => None,
        Mark::Listed(written) => {
            let foreign = foreign_files(out, &written);
            let first = foreign.first()?;
            Some(
                Diagnostic::error(format!(
                    "{shown} holds {}, which Sulam did not write; the folder is left as it is",
                    foreign.join(", ")
                ))
                .hint(format!(
                    "move {first} out of the folder (a file to publish goes in static/), or choose another --output folder"
                )),
            )
        }
    }
}

/// The files of a built site, by path relative to the output folder.
#[derive(Default)]
pub struct Output {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files copied from disk as they are: (destination, source).
    pub copies: BTreeMap<String, PathBuf>,
    /// Versions of the author's pictures, made as they are written (or served).
    pub made: BTreeMap<String, Made>,
}

/// A version of an author's picture (a smaller one, a WebP copy): made from `source` when the
/// site is written, through the picture cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub source: PathBuf,
    pub version: media::Version,
}

impl Output {
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    pub fn copy(&mut self, path: impl Into<String>, source: PathBuf) {
        self.copies.insert(path.into(), source);
    }

    pub fn make(&mut self, path: impl Into<String>, made: Made) {
        self.made.insert(path.into(), made);
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
            || self.copies.contains_key(path)
            || self.made.contains_key(path)
    }

    /// Every path of the output.
    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.files
            .keys()
            .chain(self.copies.keys())
            .chain(self.made.keys())
    }

    /// Takes in the files of `other`; a path in both keeps `other`'s.
    pub fn extend(&mut self, other: Output) {
        self.files.extend(other.files);
        self.copies.extend(other.copies);
        self.made.extend(other.made);
    }
}

fn unchanged(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// Refuses an output folder that is the site, holds it, lies in `content/`, or was not made by
/// Sulam. Links are followed first: `--output link/new`, with `link` leading into `content/`,
/// is inside `content/`. Returns the folder to write: when `out` is itself a link to a folder
/// (`public -> /srv/site`), the folder it leads to, which the build replaces while the link
/// stays as it is.
pub fn check_target(site_root: &Path, out: &Path) -> Result<Target, Diagnostic> {
    let root = resolve(site_root);
    let given = normalize(&absolute(out));
    let out = resolve(out);
    let shown = if given == out {
        out.display().to_string()
    } else {
        format!("{} (which leads to {})", given.display(), out.display())
    };
    if root.starts_with(&out) {
        return Err(Diagnostic::error(format!(
            "the output folder {shown} is the site folder or holds it"
        ))
        .hint("choose a folder inside the site, such as public/"));
    }
    for protected in folders::ALL.into_iter().chain([".git"]) {
        if out.starts_with(root.join(protected)) {
            return Err(Diagnostic::error(format!(
                "the output folder {shown} is inside the site's {protected}/"
            ))
            .hint("choose a folder of its own, such as public/"));
        }
    }
    let note = recover(&out);
    if std::fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Diagnostic::error(format!(
            "the output folder {shown} is a link to something that does not exist"
        ))
        .hint("remove the link, or make the folder it names"));
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(Diagnostic::error(format!(
                "{shown} exists and is not a folder"
            )));
        }
        if let Some(d) = not_ours(&out, &shown) {
            return Err(d);
        }
    }
    Ok(Target { dir: out, note })
}

/// The output folder to write, and what was done to undo an interrupted build.
pub struct Target {
    /// The folder to replace, links followed.
    pub dir: PathBuf,
    /// A warning when the output folder was restored.
    pub note: Option<Diagnostic>,
}

/// Where a build puts its side folders (beside the output), and the start of their names.
fn side_place(out: &Path) -> (PathBuf, String) {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (parent.to_path_buf(), format!(".{name}.sulam-"))
}

/// The folders a build leaves beside the output while it runs: the new site (`new`), and the
/// old one (`old`) between the two renames of `Writer::finish`.
fn side_folder(out: &Path, kind: &str, pid: u32) -> PathBuf {
    let (parent, prefix) = side_place(out);
    parent.join(format!("{prefix}{kind}-{pid}"))
}

/// The side folders of builds that are not running any more, the new ones first.
fn leftovers(out: &Path) -> Vec<(bool, PathBuf)> {
    let (parent, prefix) = side_place(out);
    let Ok(items) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<(bool, PathBuf)> = items
        .flatten()
        .filter(|item| item.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|item| {
            let name = item.file_name().to_string_lossy().to_string();
            let (new, pid) = match name.strip_prefix(&prefix)?.split_once('-')? {
                ("new", pid) => (true, pid),
                ("old", pid) => (false, pid),
                _ => return None,
            };
            let pid: u32 = pid.parse().ok()?;
            (!running(pid)).then(|| (new, item.path()))
        })
        .collect();
    found.sort_by_key(|(new, path)| (!*new, path.clone()));
    found
}

/// Whether process `pid` is alive (another build of the same site at the same time).
fn running(pid: u32) -> bool {
    pid == std::process::id()
        || (cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists())
}

/// Undoes what a build that was stopped (killed, the power cut) left: when the output folder
/// is missing, puts back the last complete site beside it (the new one when it was finished,
/// else the old one); removes the other side folders Sulam made. Leaves alone any folder
/// whose marker Sulam did not write.
fn recover(out: &Path) -> Option<Diagnostic> {
    let mut note = None;
    for (new, dir) in leftovers(out) {
        let mark = read_mark(&dir);
        let complete = match &mark {
            Mark::Listed(_) => true,
            // An earlier Sulam marked the new folder so from the start.
            Mark::Unlisted => !new,
            _ => false,
        };
        let missing = std::fs::symlink_metadata(out).is_err();
        if complete && missing && std::fs::rename(&dir, out).is_ok() {
            note = Some(
                Diagnostic::warning(format!(
                    "an earlier build was stopped while it replaced {}; the folder was put back from {}",
                    out.display(),
                    dir.display()
                ))
                .hint("nothing to do: the output folder is whole again"),
            );
        } else if matches!(mark, Mark::Listed(_) | Mark::Unlisted | Mark::Partial)
            || std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_none())
        {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    note
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    }
}

/// `p` made absolute, with every link in the part of it that exists followed; the rest, which
/// does not exist yet, is added as written.
fn resolve(p: &Path) -> PathBuf {
    let abs = absolute(p);
    for ancestor in abs.ancestors() {
        if let Ok(real) = std::fs::canonicalize(ancestor) {
            let rest = abs.strip_prefix(ancestor).unwrap_or(Path::new(""));
            return normalize(&real.join(rest));
        }
    }
    normalize(&abs)
}

/// `p` with its `.` and `..` taken out, as written (links are not followed).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes `output` into a fresh folder and swaps it in for `out`.
/// Writes a whole site: see `Writer`.
pub fn write(out: &Path, output: &Output) -> Result<(), Diagnostic> {
    let mut writer = Writer::start(out)?;
    writer.add(output)?;
    writer.finish()
}

/// A site being written: files go into a new folder beside the output as they are rendered
/// (so a large site is never all in memory), and the new folder replaces the output only at
/// `finish`. Dropped without `finish`, it removes the new folder and leaves the output as it
/// was.
pub struct Writer {
    out: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    /// The output of the last build, when Sulam made it: unchanged files are linked from it.
    previous: Option<PathBuf>,
    /// Every file written so far, for the marker.
    written: BTreeSet<String>,
    /// Where made pictures are kept between builds.
    cache: Cache,
    finished: bool,
}

impl Writer {
    pub fn start(out: &Path) -> Result<Writer, Diagnostic> {
        let staging = side_folder(out, "new", std::process::id());
        let old = side_folder(out, "old", std::process::id());
        let parent = staging.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::error(format!("cannot create {}: {e}", parent.display())))?;
        let _ = std::fs::remove_dir_all(&staging);
        let writer = Writer {
            out: out.to_path_buf(),
            staging,
            old,
            previous: is_sulams(out).then(|| out.to_path_buf()),
            written: BTreeSet::new(),
            cache: Cache::none(),
            finished: false,
        };
        std::fs::create_dir_all(&writer.staging)
            .and_then(|_| {
                std::fs::write(
                    writer.staging.join(MARKER),
                    format!("{MARKER_LINE}\n{PARTIAL_LINE}\n"),
                )
            })
            .map_err(write_error)?;
        Ok(writer)
    }

    /// Makes pictures through `cache` (by default, in memory only).
    pub fn with_cache(mut self, cache: Cache) -> Writer {
        self.cache = cache;
        self
    }

    /// The picture cache, for what it made and reused.
    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// Writes `output`'s files into the new folder, in parallel.
    pub fn add(&mut self, output: &Output) -> Result<(), Diagnostic> {
        let staging = &self.staging;
        self.written.extend(output.paths().cloned());
        let dirs: std::collections::BTreeSet<PathBuf> = output
            .paths()
            .filter_map(|p| staging.join(p).parent().map(Path::to_path_buf))
            .collect();
        for d in dirs {
            std::fs::create_dir_all(d).map_err(write_error)?;
        }
        // A file that is the same as in the last build is linked to it rather than written,
        // so it keeps its modification time (an upload with rsync sends only what changed).
        let previous = self.previous.as_deref();
        output
            .files
            .par_iter()
            .try_for_each(|(path, bytes)| {
                let p = staging.join(path);
                if let Some(prev) = previous.map(|o| o.join(path))
                    && unchanged(&prev, bytes)
                    && std::fs::hard_link(&prev, &p).is_ok()
                {
                    return Ok(());
                }
                fresh(&p)?;
                std::fs::write(p, bytes)
            })
            .map_err(write_error)?;
        output.copies.par_iter().try_for_each(|(path, src)| {
            let p = staging.join(path);
            fresh(&p).map_err(write_error)?;
            std::fs::copy(src, p)
                .map(|_| ())
                .map_err(|e| cannot_copy(src, &e))
        })?;
        self.make(&output.made)
    }

    /// Makes the pictures' versions (each picture decoded once for all of its versions, the
    /// pictures in parallel) and writes them.
    fn make(&self, made: &BTreeMap<String, Made>) -> Result<(), Diagnostic> {
        let mut by_source: BTreeMap<&Path, Vec<(&String, media::Version)>> = BTreeMap::new();
        for (path, m) in made {
            by_source
                .entry(&m.source)
                .or_default()
                .push((path, m.version));
        }
        by_source
            .into_par_iter()
            .try_for_each(|(source, versions)| {
                let wanted: Vec<media::Version> = versions.iter().map(|(_, v)| *v).collect();
                let bytes = self
                    .cache
                    .versions(source, &wanted)
                    .map_err(|words| cannot_make(source, &words))?;
                for ((path, _), bytes) in versions.iter().zip(bytes) {
                    let p = self.staging.join(path);
                    fresh(&p)
                        .and_then(|_| std::fs::write(&p, bytes))
                        .map_err(write_error)?;
                }
                Ok(())
            })
    }

    /// Adds precompressed copies of the text files written so far (`compress::precompress`);
    /// returns how many. `tick(done, total)` after each file.
    pub fn compress(&mut self, tick: &(dyn Fn(usize, usize) + Sync)) -> Result<usize, Diagnostic> {
        let made = crate::compress::precompress(
            &self.staging,
            self.previous.as_deref(),
            &self.written,
            tick,
        )
        .map_err(write_error)?;
        let n = made.len();
        self.written.extend(made);
        Ok(n)
    }

    /// Puts the new folder in the output's place.
    pub fn finish(mut self) -> Result<(), Diagnostic> {
        let mut marker = format!("{MARKER_LINE}\n{LIST_LINE}\n");
        for path in &self.written {
            marker.push_str(&escape(path));
            marker.push('\n');
        }
        std::fs::write(self.staging.join(MARKER), marker).map_err(write_error)?;
        let out = &self.out;
        if out.exists() {
            std::fs::rename(out, &self.old)
                .map_err(|e| Diagnostic::error(format!("cannot replace {}: {e}", out.display())))?;
        }
        if let Err(e) = std::fs::rename(&self.staging, out) {
            let _ = std::fs::rename(&self.old, out);
            return Err(Diagnostic::error(format!(
                "cannot move the new site into place: {e}"
            )));
        }
        self.finished = true;
        let _ = std::fs::remove_dir_all(&self.old);
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// Removes what is at `p` in the new folder, if anything: a file there may be linked to the
/// published site's (see `Writer::add`), and writing into it would change the published site.
fn fresh(p: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// A file of the author's that could not be copied into the site: named, since the author
/// can do something about it (an asset that cannot be read, or that went away meanwhile).
fn cannot_copy(src: &Path, e: &std::io::Error) -> Diagnostic {
    let words = e.to_string();
    let words = words
        .split(" (os error")
        .next()
        .unwrap_or(&words)
        .to_lowercase();
    Diagnostic::error(format!("cannot copy this file into the site: {words}"))
        .in_file(src)
        .hint("check that the file is there and that you can open it; the last good site is left as it was")
}

/// A picture of the author's whose versions could not be made.
fn cannot_make(src: &Path, words: &str) -> Diagnostic {
    Diagnostic::error(format!("cannot make the smaller versions of this picture: {words}"))
        .in_file(src)
        .hint("open it in a picture editor and save it again, or remove it; the last good site is left as it was")
}

fn write_error(e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write the site: {e}"))
        .hint("the last good site is left as it was")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_copied_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("content/towns/x/photo.jpg");
        let mut writer = Writer::start(&dir.path().join("public")).expect("start");
        let mut out = Output::default();
        out.copy("he/towns/x/photo.jpg", gone.clone());
        let d = writer.add(&out).expect_err("the source is not there");
        let text = d.to_string();
        assert!(
            text.contains(&format!(
                "{}: cannot copy this file into the site: ",
                gone.display()
            )),
            "{text}"
        );
    }

    #[test]
    fn a_listed_path_reads_back_as_written() {
        for path in ["he/index.html", "a\\b\nc\rd.txt", "end\\"] {
            assert_eq!(unescape(&escape(path)), path);
            assert!(!escape(path).contains(['\n', '\r']));
        }
    }

    #[test]
    fn an_output_holds_what_is_added_copied_or_made_and_nothing_else() {
        let mut out = Output::default();
        out.add("he/index.html", "x");
        out.copy("media/a.pdf", PathBuf::from("content/a.pdf"));
        out.make(
            "media/a-480.webp",
            Made {
                source: PathBuf::from("content/a.jpg"),
                version: media::Version {
                    width: 480,
                    format: media::Format::WebP,
                },
            },
        );
        for p in ["he/index.html", "media/a.pdf", "media/a-480.webp"] {
            assert!(out.contains(p), "{p}");
        }
        assert!(!out.contains("he/other.html"));
        assert_eq!(out.paths().count(), 3);
    }

    #[test]
    fn a_file_is_unchanged_only_with_the_same_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("a.html");
        assert!(!unchanged(&p, b"abc"), "a missing file");
        std::fs::write(&p, b"abc").expect("write");
        assert!(unchanged(&p, b"abc"));
        assert!(!unchanged(&p, b"abd"), "the same length, other bytes");
        assert!(!unchanged(&p, b"abcd"), "another length");
    }

    #[test]
    fn only_a_finished_folder_of_sulams_is_sulams() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mark = dir.path().join(MARKER);
        assert!(!is_sulams(dir.path()), "no marker");
        for (text, ours) in [
            (format!("{MARKER_LINE}\n"), true),
            (format!("{MARKER_LINE}\n{LIST_LINE}\nhe/index.html\n"), true),
            (format!("{MARKER_LINE}\n{PARTIAL_LINE}\n"), false),
            ("something else\n".to_string(), false),
        ] {
            std::fs::write(&mark, &text).expect("write");
            assert_eq!(is_sulams(dir.path()), ours, "{text}");
        }
    }
}
