//! The site kept in memory between changes: what a change touches, what is rendered again,
//! what failed and waits for the next save, and what the open pages must reload.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use super::Served;
use crate::diagnostics::{self, Diagnostic};
use crate::model::content::{Collection, HOME};
use crate::model::folders;
use crate::model::urls::media_dir;
use crate::output::Output;
use crate::site::{Change, Drafts, Page, Site};

/// The result of one rebuild, for the terminal and for the open pages.
#[derive(Default)]
pub struct Outcome {
    /// Pages rendered (in all languages).
    pub rendered: usize,
    /// Files whose bytes changed, by path in the site.
    pub changed: Vec<String>,
    pub problems: Vec<Diagnostic>,
    /// Whether everything was rendered again.
    pub full: bool,
}

impl Outcome {
    fn failed(&self) -> bool {
        self.problems
            .iter()
            .any(|d| d.severity == diagnostics::Severity::Error)
    }

    pub(super) fn summary(&self, took: Duration) -> String {
        let ms = took.as_secs_f64() * 1000.0;
        if self.failed() {
            let n = self
                .problems
                .iter()
                .filter(|d| d.severity == diagnostics::Severity::Error)
                .count();
            format!("{n} error(s) in {ms:.0} ms; the last good pages are still served")
        } else {
            let warnings = self.problems.len();
            format!(
                "{} {} pages in {ms:.0} ms, {} file(s) changed{}",
                if self.full { "built" } else { "rebuilt" },
                self.rendered,
                self.changed.len(),
                if warnings > 0 {
                    format!(", {warnings} warning(s)")
                } else {
                    String::new()
                }
            )
        }
    }

    /// The message sent to the open pages.
    pub(super) fn event(&self) -> String {
        serde_json::json!({
            "changed": self.changed,
            "problems": self.problems.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
        })
        .to_string()
    }
}

/// Pages rendered at a time while `serve` starts: small, so that a page the browser asks for
/// waits for little more than its own rendering.
const STARTING_BATCH: usize = 4;

/// What the first rendering after `serve` starts shares with the requests that come during
/// it: the files asked for and not yet rendered, and whether it is over.
#[derive(Default)]
pub struct Starting {
    wanted: Mutex<Vec<String>>,
    done: AtomicBool,
}

impl Starting {
    /// Whether every page has been rendered once.
    pub fn done(&self) -> bool {
        self.done.load(Ordering::SeqCst)
    }

    /// Asks for the page that writes `file` to be rendered next.
    pub fn want(&self, file: &str) {
        match self.wanted.lock() {
            Ok(mut w) => w.push(file.to_string()),
            Err(poisoned) => poisoned.into_inner().push(file.to_string()),
        }
    }

    /// A start that is over, for a site that could not be loaded.
    pub fn over() -> Starting {
        let s = Starting::default();
        s.done.store(true, Ordering::SeqCst);
        s
    }
}

/// The site kept between rebuilds, and the pages a failed rebuild did not publish.
pub struct Builder {
    pub(super) root: PathBuf,
    base_url: String,
    pub(super) site: Option<Site>,
    /// Pages a rebuild with errors rendered but did not publish: rendered again next time.
    pending: BTreeSet<Page>,
    /// The last rebuild with errors was a whole one: the next one renders everything.
    pending_all: bool,
    /// A failed rebuild needed the extras: the next one renders them.
    extras_pending: bool,
    /// The pages were updated but not yet the search index.
    pub(super) search_pending: bool,
    /// The mistakes last printed in the terminal.
    pub(super) printed: Vec<String>,
}

impl Builder {
    pub fn new(root: PathBuf, base_url: String) -> Builder {
        Builder {
            root,
            base_url,
            site: None,
            pending: BTreeSet::new(),
            pending_all: true,
            extras_pending: false,
            search_pending: false,
            printed: Vec::new(),
        }
    }

    /// Whether a change to `path` can change the site.
    pub(super) fn relevant(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let parts: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect();
        let Some(name) = parts.last() else {
            return false;
        };
        // Editors' temporary and backup files.
        if name.starts_with(".#") || name.ends_with('~') || name.ends_with(".swp") {
            return false;
        }
        if parts.iter().any(|p| p.starts_with('.')) {
            return false;
        }
        match parts.first() {
            Some(&top) if parts.len() == 1 => {
                top == crate::model::config::SITE_FILE || folders::ALL.contains(&top)
            }
            Some(top) => folders::ALL.contains(top),
            None => false,
        }
    }

    /// Loads and renders everything; what to serve and what happened.
    pub fn full(&mut self) -> (Served, Outcome) {
        if let Err(failed) = self.load() {
            return (Served::mistakes_of(&failed), failed);
        }
        let served = RwLock::new(Served::default());
        let outcome = self.render(&served, None);
        let served = served.into_inner().unwrap_or_else(|p| p.into_inner());
        (served, outcome)
    }

    /// Reads the site, to be rendered by [`Builder::render`]. When it cannot be rendered at
    /// all (no site.yaml, a broken template): the mistakes.
    pub fn load(&mut self) -> Result<(), Outcome> {
        match Site::load(&self.root, Some(&self.base_url), Drafts::Shown) {
            Ok(site) => {
                self.site = Some(site);
                Ok(())
            }
            Err(diags) => {
                self.site = None;
                self.pending_all = true;
                Err(Outcome {
                    full: true,
                    problems: diags.sorted().all().to_vec(),
                    ..Outcome::default()
                })
            }
        }
    }

    /// Renders the loaded site into `served`. With `starting` (when `serve` has just
    /// started and the browser may already be asking), the theme's files come first, then
    /// the pages in small batches, the ones asked for in `starting` before the others, each
    /// batch served as soon as it is rendered.
    pub fn render(&mut self, served: &RwLock<Served>, starting: Option<&Starting>) -> Outcome {
        let mut outcome = Outcome {
            full: true,
            ..Outcome::default()
        };
        let Some(site) = &self.site else {
            return outcome;
        };
        let publish = |batch: Output| match served.write() {
            Ok(mut s) => s.output.extend(batch),
            Err(poisoned) => poisoned.into_inner().output.extend(batch),
        };
        let mut diags = site.problems();
        if starting.is_some() {
            // Rendered again with the other extras at the end, with their mistakes.
            let mut early = Output::default();
            site.render_front(&mut early, &mut diags.clone());
            publish(early);
        }
        let pick = |rest: &mut Vec<Page>| -> Vec<Page> {
            let Some(starting) = starting else {
                return std::mem::take(rest);
            };
            let wanted = match starting.wanted.lock() {
                Ok(mut w) => std::mem::take(&mut *w),
                Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
            };
            // The pages asked for, alone; else the next few, the lists last: a list of many
            // pages takes long, and a page asked for meanwhile would wait for it.
            let mut batch = Vec::new();
            for page in wanted.iter().filter_map(|f| site.page_at(f)) {
                if let Some(i) = rest.iter().position(|p| *p == page) {
                    batch.push(rest.remove(i));
                }
            }
            if batch.is_empty() {
                while batch.len() < STARTING_BATCH && !rest.is_empty() {
                    let i = rest
                        .iter()
                        .position(|p| !matches!(p, Page::List(_)))
                        .unwrap_or(0);
                    batch.push(rest.remove(i));
                }
            }
            batch
        };
        let rendered = site.render_picked(&mut diags, pick, |batch, _, _| {
            publish(batch);
            Ok(())
        });
        // Kept in memory, nothing fails to be written.
        outcome.rendered = rendered.unwrap_or_default();
        outcome.problems = diags.sorted().all().to_vec();
        match served.write() {
            Ok(mut s) => s.problems = outcome.problems.clone(),
            Err(poisoned) => poisoned.into_inner().problems = outcome.problems.clone(),
        }
        self.pending_all = outcome.failed();
        if let Some(starting) = starting {
            starting.done.store(true, Ordering::SeqCst);
        }
        outcome
    }

    /// Rebuilds after `paths` changed, updating `served` only when there is no error.
    pub fn rebuild(&mut self, paths: &[PathBuf], served: &mut Served) -> Outcome {
        // SULAM_TIMINGS=1 prints where a rebuild's time goes.
        let timings = std::env::var_os("SULAM_TIMINGS").is_some();
        let mut clock = Instant::now();
        let mut lap = |what: &str| {
            if timings {
                eprintln!("  {what}: {:.1} ms", clock.elapsed().as_secs_f64() * 1000.0);
            }
            clock = Instant::now();
        };
        let keys = self.entry_keys(paths);
        let change = match (&mut self.site, keys) {
            (Some(site), Some(keys)) if !self.pending_all => site.update_entries(&keys),
            _ => Change::Everything,
        };
        let Change::Entries { pages, extras } = change else {
            return self.rebuild_all(served);
        };
        let Some(site) = &self.site else {
            return self.rebuild_all(served);
        };
        let mut pages: BTreeSet<Page> = pages.into_iter().collect();
        pages.extend(std::mem::take(&mut self.pending));
        let pages: Vec<Page> = pages.into_iter().collect();
        lap("read the entries, references");
        let mut scratch = Output::default();
        let mut diags = site.problems();
        lap("collect the problems");
        let rendered = site.render_pages(&pages, &mut scratch, &mut diags);
        lap(&format!("render {} pages", pages.len()));
        if extras || self.extras_pending {
            site.render_extras(&mut scratch, &mut diags);
            lap("render the extras");
        }
        site.strings.report_missing(&mut diags);
        // An entry's file where a page goes: the pages rendered now, or the others served.
        let made = scratch.made.iter().map(|(path, m)| (path, &m.source));
        for (path, source) in scratch.copies.iter().chain(made) {
            if scratch.files.contains_key(path) || served.output.files.contains_key(path) {
                diags.push(site.clash(path, source));
            }
        }
        let mut outcome = Outcome {
            rendered,
            problems: diags.sorted().all().to_vec(),
            ..Outcome::default()
        };
        if outcome.failed() {
            self.pending.extend(pages);
            self.extras_pending |= extras;
        } else {
            self.extras_pending = false;
            // The search index reads every entry's text: it follows in a second step, so the
            // edited page is not kept waiting for it.
            self.search_pending = true;
            // The entries' own files: removed ones go, the rest are as the pages list them.
            let folders: Vec<String> = pages
                .iter()
                .filter_map(|p| match p {
                    Page::Entry(c, id) => Some(media_dir(*c, id)),
                    Page::Home => Some(media_dir(Collection::Pages, HOME)),
                    _ => None,
                })
                .collect();
            let stale = |path: &String| folders.iter().any(|f| path.starts_with(f.as_str()));
            served.output.copies.retain(|path, _| !stale(path));
            served.output.made.retain(|path, _| !stale(path));
            // A list's pages, a year of news, a filter page that the change leaves empty.
            let gone: Vec<String> = served
                .output
                .files
                .keys()
                .filter(|f| !scratch.files.contains_key(*f))
                .filter(|f| pages.iter().any(|p| site.writes(p, f)))
                .cloned()
                .collect();
            for f in &gone {
                served.output.files.remove(f);
            }
            outcome.changed = merge(&mut served.output, scratch, paths);
            outcome.changed.extend(gone);
            outcome.changed.sort();
        }
        served.problems = outcome.problems.clone();
        outcome
    }

    /// The search index, rendered again after `rebuild` updated the pages, when it is due.
    /// It takes a while on a large site, so it is made without holding the served pages.
    pub fn search_update(&mut self) -> Option<Output> {
        if !std::mem::take(&mut self.search_pending) {
            return None;
        }
        let site = self.site.as_ref()?;
        let mut scratch = Output::default();
        site.render_search(&mut scratch);
        Some(scratch)
    }

    /// `search_update`, put into `served`; the files whose bytes changed.
    pub fn refresh_search(&mut self, served: &mut Served) -> Vec<String> {
        match self.search_update() {
            Some(fresh) => merge_search(&mut served.output, fresh),
            None => Vec::new(),
        }
    }

    fn rebuild_all(&mut self, served: &mut Served) -> Outcome {
        let (fresh, mut outcome) = self.full();
        self.pending.clear();
        if !outcome.failed() {
            let mut changed: BTreeSet<String> = served
                .output
                .files
                .keys()
                .chain(served.output.copies.keys())
                .chain(served.output.made.keys())
                .filter(|p| !fresh.output.contains(p))
                .cloned()
                .collect();
            let old = std::mem::take(&mut served.output);
            for (path, bytes) in &fresh.output.files {
                if old.files.get(path) != Some(bytes) {
                    changed.insert(path.clone());
                }
            }
            for path in fresh.output.copies.keys().chain(fresh.output.made.keys()) {
                changed.insert(path.clone());
            }
            served.output = fresh.output;
            outcome.changed = changed.into_iter().collect();
        }
        served.problems = outcome.problems.clone();
        outcome
    }

    /// The entries the changed files belong to; `None` when a file outside any existing entry
    /// changed (site.yaml, the theme, a new or removed entry folder).
    fn entry_keys(&self, paths: &[PathBuf]) -> Option<Vec<(Collection, String)>> {
        let site = self.site.as_ref()?;
        let content = self.root.join(folders::CONTENT);
        let mut keys = BTreeSet::new();
        for p in paths {
            let rel = p.strip_prefix(&content).ok()?;
            let mut parts = rel.components().filter_map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            });
            let c = Collection::from_name(parts.next()?)?;
            let id = parts.next()?;
            // The entry folder itself was made, removed or renamed.
            parts.next()?;
            site.content.get(c, id)?;
            keys.insert((c, id.to_string()));
        }
        Some(keys.into_iter().collect())
    }
}

/// Puts `fresh` into `output`; returns the paths whose bytes changed. A copied file counts as
/// changed when its source is among `sources`.
pub(super) fn merge(output: &mut Output, fresh: Output, sources: &[PathBuf]) -> Vec<String> {
    let mut changed = BTreeSet::new();
    for (path, bytes) in fresh.files {
        if output.files.get(&path) != Some(&bytes) {
            changed.insert(path.clone());
            output.files.insert(path, bytes);
        }
    }
    for (path, source) in fresh.copies {
        if sources.contains(&source) || output.copies.get(&path) != Some(&source) {
            changed.insert(path.clone());
        }
        output.copies.insert(path, source);
    }
    for (path, made) in fresh.made {
        if sources.contains(&made.source) || output.made.get(&path) != Some(&made) {
            changed.insert(path.clone());
        }
        output.made.insert(path, made);
    }
    changed.into_iter().collect()
}

/// Puts a fresh search index into `output`, as [`merge`] does, and drops the parts of its
/// languages that it no longer names (a part's name carries a hash of its content).
pub(super) fn merge_search(output: &mut Output, fresh: Output) -> Vec<String> {
    let folders: Vec<String> = fresh
        .files
        .keys()
        .filter_map(|p| p.strip_prefix("search/")?.strip_suffix(".js"))
        .filter(|lang| !lang.contains('/'))
        .map(|lang| format!("search/{lang}/"))
        .collect();
    let stale: Vec<String> = output
        .files
        .keys()
        .filter(|p| folders.iter().any(|f| p.starts_with(f)) && !fresh.files.contains_key(*p))
        .cloned()
        .collect();
    for p in &stale {
        output.files.remove(p);
    }
    let mut changed = merge(output, fresh, &[]);
    changed.extend(stale);
    changed.sort();
    changed
}
