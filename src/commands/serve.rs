//! `sulam serve`: builds the site in memory, serves it on 127.0.0.1, watches the site's files
//! and, after a change, renders again only the pages the change touches, then tells the open
//! pages to reload. A mistake is shown over the page with the terminal's words while the last
//! good pages stay served. Nothing is written to disk: `public/` is never touched.

use std::collections::BTreeSet;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostics::{self, Diagnostic};
use crate::model::content::Collection;
use crate::output::Output;
use crate::render::entry_path;
use crate::site::{Change, Page, Site};

/// The folders of a site whose files make the pages.
const WATCHED: [&str; 4] = ["content", "themes", "i18n", "static"];

pub struct ServeOptions {
    pub root: PathBuf,
    /// The port to try first; the next free one is taken when it is in use. 0: any free port.
    pub port: u16,
    /// Open the site in the default browser.
    pub open: bool,
}

/// What the server hands out: the last good pages and the mistakes of the last rebuild.
#[derive(Default)]
pub struct Served {
    pub output: Output,
    pub problems: Vec<Diagnostic>,
}

#[derive(Clone)]
struct AppState {
    served: Arc<RwLock<Served>>,
    events: broadcast::Sender<String>,
    root: PathBuf,
}

/// Runs until the process is stopped. Returns an error only when it cannot start.
pub fn serve(opts: &ServeOptions) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(&opts.root).map_err(|e| {
        Diagnostic::error(format!(
            "cannot open the site folder {}: {e}",
            opts.root.display()
        ))
    })?;
    let listener = bind(opts.port)?;
    let port = listener
        .local_addr()
        .map_err(|e| Diagnostic::error(format!("cannot read the server's address: {e}")))?
        .port();
    let address = format!("http://127.0.0.1:{port}/");
    if opts.port != 0 && port != opts.port {
        eprintln!("port {} is in use; using {port}", opts.port);
    }

    let started = Instant::now();
    let mut builder = Builder::new(root.clone(), address.clone());
    let (served, first) = builder.full();
    diagnostics::print(&first.problems);
    eprintln!("{}", first.summary(started.elapsed()));
    builder.printed = first.problems.iter().map(|d| d.to_string()).collect();
    let (events, _) = broadcast::channel(16);
    let state = AppState {
        served: Arc::new(RwLock::new(served)),
        events: events.clone(),
        root: root.clone(),
    };

    let (tx, rx) = mpsc::channel();
    // Set at each change, so that work that can wait (the search index) gives way.
    let arrived = Arc::new(AtomicBool::new(false));
    let flag = arrived.clone();
    let handler = move |r: DebounceEventResult| {
        flag.store(true, Ordering::SeqCst);
        let _ = tx.send(r);
    };
    let mut debouncer = new_debouncer(Duration::from_millis(80), None, handler)
        .map_err(|e| Diagnostic::error(format!("cannot watch the site's files: {e}")))?;
    watch(&mut debouncer, &root)?;
    let rebuild_state = state.clone();
    std::thread::spawn(move || {
        rebuild_loop(&mut builder, rx, arrived, &rebuild_state, &mut debouncer);
    });

    eprintln!("serving {address} (the site as it is in memory; Ctrl+C stops)");
    eprintln!("translation status: {address}_sulam/translations");
    if opts.open {
        open_browser(&address);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| Diagnostic::error(format!("cannot start the server: {e}")))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Diagnostic::error(format!("cannot start the server: {e}")))?;
        let app = Router::new()
            .route("/_sulam/events", get(sse))
            .route("/_sulam/live.js", get(live_js))
            .route("/_sulam/problems", get(problems))
            .route("/_sulam/translations", get(translations))
            .fallback(get(page))
            .with_state(state);
        axum::serve(listener, app)
            .await
            .map_err(|e| Diagnostic::error(format!("the server stopped: {e}")))
    })
}

/// Binds 127.0.0.1 at `port` or the next free port after it.
fn bind(port: u16) -> Result<TcpListener, Diagnostic> {
    let tries: Vec<u16> = if port == 0 {
        vec![0]
    } else {
        (port..port.saturating_add(50)).collect()
    };
    for p in tries {
        if let Ok(l) = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, p))) {
            return Ok(l);
        }
    }
    Err(Diagnostic::error(format!(
        "no free port from {port} to {}",
        port.saturating_add(49)
    ))
    .hint("choose another with --port"))
}

fn watch<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    root: &Path,
) -> Result<(), Diagnostic> {
    let fail = |e: notify::Error| Diagnostic::error(format!("cannot watch the site's files: {e}"));
    // The site folder itself, for site.yaml and for watched folders created later; each
    // watched folder with all it holds. Not the whole site folder: it may hold public/,
    // target/ or .git/, whose changes are not the author's.
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(fail)?;
    for dir in WATCHED {
        let d = root.join(dir);
        if d.is_dir() {
            debouncer
                .watch(&d, RecursiveMode::Recursive)
                .map_err(fail)?;
        }
    }
    Ok(())
}

fn open_browser(address: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(address).spawn() {
        eprintln!("cannot open a browser ({program}: {e}); open {address} yourself");
    }
}

fn rebuild_loop<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    builder: &mut Builder,
    rx: mpsc::Receiver<DebounceEventResult>,
    arrived: Arc<AtomicBool>,
    state: &AppState,
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
) {
    loop {
        // The search index waits until the files have been quiet for a second, and a save
        // that comes while it is being made interrupts it: the pages come first.
        let first = if builder.search_pending {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(e) => e,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    refresh_search(builder, &arrived, state);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(e) => e,
                Err(_) => break,
            }
        };
        // Everything that arrived meanwhile is one rebuild: a `git checkout` of fifty files.
        let mut paths = BTreeSet::new();
        let mut add = |r: DebounceEventResult| match r {
            Ok(events) => {
                for e in events {
                    if !e.kind.is_access() {
                        paths.extend(e.event.paths);
                    }
                }
            }
            Err(errors) => {
                for e in errors {
                    eprintln!("warning: watching the files: {e}");
                }
            }
        };
        arrived.store(false, Ordering::SeqCst);
        add(first);
        while let Ok(more) = rx.try_recv() {
            add(more);
        }
        let paths: Vec<PathBuf> = paths.into_iter().filter(|p| builder.relevant(p)).collect();
        if paths.is_empty() {
            continue;
        }
        let started = Instant::now();
        // A watched folder made after the start (static/, say) is watched from now on.
        for dir in WATCHED {
            let d = builder.root.join(dir);
            if paths.contains(&d) && d.is_dir() {
                let _ = debouncer.watch(&d, RecursiveMode::Recursive);
            }
        }
        let mut served = match state.served.write() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        let outcome = builder.rebuild(&paths, &mut served);
        drop(served);
        // The same warnings after every save would bury what is new: they are told again
        // only when the list changes.
        let texts: Vec<String> = outcome.problems.iter().map(|d| d.to_string()).collect();
        if texts != builder.printed {
            diagnostics::print(&outcome.problems);
            builder.printed = texts;
        }
        eprintln!("{}", outcome.summary(started.elapsed()));
        let _ = state.events.send(outcome.event());
    }
}

/// Renders the search index language by language, giving up (it stays due) as soon as a new
/// change arrives; then serves it and tells the open pages.
fn refresh_search(builder: &mut Builder, arrived: &AtomicBool, state: &AppState) {
    let started = Instant::now();
    let Some(site) = &builder.site else {
        builder.search_pending = false;
        return;
    };
    let mut fresh = Output::default();
    for l in &site.config.languages {
        if arrived.load(Ordering::SeqCst) {
            return;
        }
        site.render_search_lang(&l.code, &mut fresh);
    }
    builder.search_pending = false;
    let mut served = match state.served.write() {
        Ok(s) => s,
        Err(poisoned) => poisoned.into_inner(),
    };
    let changed = merge_search(&mut served.output, fresh);
    let problems = served.problems.clone();
    drop(served);
    if !changed.is_empty() {
        eprintln!(
            "updated the search index in {:.0} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
        let follow_up = Outcome {
            changed,
            problems,
            ..Outcome::default()
        };
        let _ = state.events.send(follow_up.event());
    }
}

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

    fn summary(&self, took: Duration) -> String {
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
    fn event(&self) -> String {
        serde_json::json!({
            "changed": self.changed,
            "problems": self.problems.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
        })
        .to_string()
    }
}

/// The site kept between rebuilds, and the pages a failed rebuild did not publish.
pub struct Builder {
    root: PathBuf,
    base_url: String,
    site: Option<Site>,
    /// Pages a rebuild with errors rendered but did not publish: rendered again next time.
    pending: BTreeSet<Page>,
    /// The last rebuild with errors was a whole one: the next one renders everything.
    pending_all: bool,
    /// A failed rebuild needed the extras: the next one renders them.
    extras_pending: bool,
    /// The pages were updated but not yet the search index.
    search_pending: bool,
    /// The mistakes last printed in the terminal.
    printed: Vec<String>,
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
    fn relevant(&self, path: &Path) -> bool {
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
                top == crate::model::config::SITE_FILE || WATCHED.contains(&top)
            }
            Some(top) => WATCHED.contains(top),
            None => false,
        }
    }

    /// Loads and renders everything; what to serve and what happened.
    pub fn full(&mut self) -> (Served, Outcome) {
        let mut served = Served::default();
        let mut outcome = Outcome {
            full: true,
            ..Outcome::default()
        };
        match Site::load(&self.root, Some(&self.base_url)) {
            Err(diags) => {
                outcome.problems = diags.sorted().all().to_vec();
                self.site = None;
            }
            Ok(site) => {
                let mut diags = site.problems();
                let output = &mut served.output;
                let rendered = site.render_all(usize::MAX, &mut diags, |batch, _| {
                    output.extend(batch);
                    Ok(())
                });
                // Kept in memory, nothing fails to be written.
                outcome.rendered = rendered.unwrap_or_default();
                outcome.problems = diags.sorted().all().to_vec();
                self.site = Some(site);
            }
        }
        served.problems = outcome.problems.clone();
        self.pending_all = outcome.failed();
        (served, outcome)
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
            let langs: Vec<String> = site
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect();
            served.output.copies.retain(|path, _| {
                !pages.iter().any(|p| match p {
                    Page::Entry(c, id) => langs
                        .iter()
                        .any(|l| path.starts_with(&entry_path(*c, id, l))),
                    _ => false,
                })
            });
            outcome.changed = merge(&mut served.output, scratch, paths);
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
                .filter(|p| !fresh.output.contains(p))
                .cloned()
                .collect();
            let old = std::mem::take(&mut served.output);
            for (path, bytes) in &fresh.output.files {
                if old.files.get(path) != Some(bytes) {
                    changed.insert(path.clone());
                }
            }
            for path in fresh.output.copies.keys() {
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
        let content = self.root.join("content");
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
fn merge(output: &mut Output, fresh: Output, sources: &[PathBuf]) -> Vec<String> {
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
    changed.into_iter().collect()
}

/// Puts a fresh search index into `output`, as [`merge`] does, and drops the parts of its
/// languages that it no longer names (a part's name carries a hash of its content).
fn merge_search(output: &mut Output, fresh: Output) -> Vec<String> {
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

async fn sse(
    State(state): State<AppState>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let stream = BroadcastStream::new(state.events.subscribe())
        .filter_map(|m| m.ok())
        .map(|data| Ok(Event::default().event("update").data(data)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn live_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
        .into_response()
}

async fn problems(State(state): State<AppState>) -> Response {
    let problems: Vec<serde_json::Value> = match state.served.read() {
        Ok(s) => s.problems.iter().map(Diagnostic::to_json).collect(),
        Err(_) => Vec::new(),
    };
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        serde_json::json!({ "problems": problems }).to_string(),
    )
        .into_response()
}

/// The translation status as a page for the people who plan the translators' work; served
/// only here, never published. Read from the files at each request, so it is always current.
async fn translations(State(state): State<AppState>) -> Response {
    let root = state.root.clone();
    let html =
        tokio::task::spawn_blocking(move || crate::commands::translations::report_html(&root))
            .await
            .unwrap_or_else(|e| format!("<!doctype html><title>error</title><p>{e}</p>"));
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        String::from_utf8_lossy(&inject_live_reload(html.into_bytes())).into_owned(),
    )
        .into_response()
}

enum Found {
    Bytes(Vec<u8>),
    File(PathBuf),
}

async fn page(State(state): State<AppState>, uri: Uri) -> Response {
    let path = percent_decode(uri.path().trim_start_matches('/'));
    let lookup = |p: &str| -> Option<Found> {
        let served = state.served.read().ok()?;
        if let Some(b) = served.output.files.get(p) {
            return Some(Found::Bytes(b.clone()));
        }
        served.output.copies.get(p).cloned().map(Found::File)
    };
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    let found = match lookup(&file) {
        Some(f) => Some(f),
        None if !path.ends_with('/') && lookup(&format!("{path}/index.html")).is_some() => {
            let to = format!("/{path}/");
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, to.as_str())],
            )
                .into_response();
        }
        None => None,
    };
    let (status, file, found) = match found {
        Some(f) => (StatusCode::OK, file, f),
        None => match lookup("404.html") {
            Some(f) => (StatusCode::NOT_FOUND, "404.html".to_string(), f),
            None => return (StatusCode::NOT_FOUND, "not found").into_response(),
        },
    };
    let bytes = match found {
        Found::Bytes(b) => b,
        Found::File(source) => match tokio::fs::read(&source).await {
            Ok(b) => b,
            Err(e) => {
                let shown = source.strip_prefix(&state.root).unwrap_or(&source);
                return (
                    StatusCode::NOT_FOUND,
                    format!("cannot read {}: {e}", shown.display()),
                )
                    .into_response();
            }
        },
    };
    let kind = content_type(&file);
    let body = if kind.starts_with("text/html") {
        inject_live_reload(bytes)
    } else {
        bytes
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Adds the live-reload script before `</body>`.
fn inject_live_reload(html: Vec<u8>) -> Vec<u8> {
    let tag = b"<script src=\"/_sulam/live.js\" defer></script>";
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&html[at..]);
    out
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(hex) = std::str::from_utf8(hex)
            && let Ok(v) = u8::from_str_radix(hex, 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The script `serve` adds to every page: reloads the page when its files change, shows the
/// build's mistakes over the page while there are any.
const LIVE_JS: &str = include_str!("serve_live.js");
