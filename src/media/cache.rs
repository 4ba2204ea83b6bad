//! The cache of made versions, `<site>/.sulam-cache/images/`: one file a version, named by a
//! hash of the picture's bytes and of the settings it is made with, then its width and
//! format. A rebuild reads what is there instead of making it again; a picture changed under
//! the same name gets a new hash and is made again; the same picture in two entries is made
//! once. Nothing in the cache is ever changed in place: a version is written beside its name
//! and renamed, so a stopped build leaves no half-written file under a real name.
//!
//! A cache that cannot be written (a read-only folder) costs time, never the build: the
//! versions are made in memory, and `problem` says why once.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

use super::{QUALITY, Version};

/// The cache folder, relative to the site folder.
pub const FOLDER: &str = ".sulam-cache/images";

/// What the versions are made with: a change here makes every version again.
const SETTINGS: &str = "sulam images 1: lanczos3, jpeg-encoder, png fast, libwebp method 4";

pub struct Cache {
    dir: Option<PathBuf>,
    made: AtomicUsize,
    reused: AtomicUsize,
    problem: Mutex<Option<String>>,
}

/// How many versions a build made, and how many it found in the cache.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub made: usize,
    pub reused: usize,
}

/// Names files written beside their final name, unique within the process.
static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Cache {
    /// The cache of the site at `root`.
    pub fn new(root: &Path) -> Cache {
        Cache::at(Some(root.join(FOLDER)))
    }

    /// No cache: every version is made in memory.
    pub fn none() -> Cache {
        Cache::at(None)
    }

    fn at(dir: Option<PathBuf>) -> Cache {
        Cache {
            dir,
            made: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
            problem: Mutex::new(None),
        }
    }

    pub fn stats(&self) -> Stats {
        Stats {
            made: self.made.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
        }
    }

    /// Why the cache could not be written, the first time it could not.
    pub fn problem(&self) -> Option<String> {
        self.problem.lock().ok()?.clone()
    }

    /// The `versions` of the picture at `source`, from the cache or made (and then kept).
    pub fn versions(&self, source: &Path, versions: &[Version]) -> Result<Vec<Vec<u8>>, String> {
        let bytes = std::fs::read(source).map_err(|e| {
            let words = e.to_string();
            format!(
                "cannot read the picture: {}",
                words.split(" (os error").next().unwrap_or(&words)
            )
        })?;
        let key = key(&bytes);
        let place = |v: &Version| {
            self.dir
                .as_ref()
                .map(|d| d.join(format!("{key}-{}.{}", v.width, v.format.extension())))
        };
        let mut out: Vec<Option<Vec<u8>>> = versions
            .iter()
            .map(|v| place(v).and_then(|p| std::fs::read(p).ok()))
            .collect();
        let missing: Vec<Version> = versions
            .iter()
            .zip(&out)
            .filter(|(_, found)| found.is_none())
            .map(|(v, _)| *v)
            .collect();
        self.reused
            .fetch_add(versions.len() - missing.len(), Ordering::Relaxed);
        if !missing.is_empty() {
            let mut made = super::make(&bytes, &missing)?.into_iter();
            self.made.fetch_add(missing.len(), Ordering::Relaxed);
            for (v, slot) in versions.iter().zip(out.iter_mut()) {
                if slot.is_none() {
                    let fresh = made.next().unwrap_or_default();
                    if let Some(p) = place(v) {
                        self.keep(&p, &fresh);
                    }
                    *slot = Some(fresh);
                }
            }
        }
        Ok(out.into_iter().map(Option::unwrap_or_default).collect())
    }

    /// Writes a made version into the cache; a failure is noted, not returned.
    fn keep(&self, path: &Path, bytes: &[u8]) {
        let tmp = path.with_extension(format!(
            "part-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&tmp, bytes))
            .and_then(|_| std::fs::rename(&tmp, path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            if let Ok(mut p) = self.problem.lock()
                && p.is_none()
            {
                let dir = path.parent().unwrap_or(path);
                *p = Some(format!(
                    "cannot write the picture cache {}: {e}",
                    dir.display()
                ));
            }
        }
    }
}

/// The first 32 hex digits of the SHA-256 of the settings and the picture's bytes.
fn key(bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(SETTINGS.as_bytes());
    h.update([0, QUALITY]);
    h.update(bytes);
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}
