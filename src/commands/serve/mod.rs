//! `sulam serve`: builds the site in memory, serves it on 127.0.0.1, watches the site's files
//! and, after a change, renders again only the pages the change touches, then tells the open
//! pages to reload. A mistake is shown over the page with the terminal's words while the last
//! good pages stay served. Nothing is written to disk but the picture cache: `public/` is never
//! touched; a smaller version of a picture is made when the browser first asks for it, and
//! kept in `.sulam-cache/` as `build` keeps it.
//!
//! `builder` keeps the site and knows what a change touches; `watch` turns file events into
//! rebuilds and tells the open pages; `http` answers the browser (pages with the live-reload
//! script, the event stream, the mistakes, the translations page).

mod builder;
mod http;
mod watch;

pub use builder::{Builder, Outcome, Starting};

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::broadcast;

use crate::diagnostics::{self, Diagnostic};
use crate::output::Output;

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

impl Served {
    /// No pages, only the mistakes of a build that failed.
    fn mistakes_of(outcome: &Outcome) -> Served {
        Served {
            output: Output::default(),
            problems: outcome.problems.clone(),
        }
    }
}

#[derive(Clone)]
pub(super) struct AppState {
    served: Arc<RwLock<Served>>,
    /// The first rendering, which requests may wait for.
    starting: Arc<Starting>,
    events: broadcast::Sender<String>,
    root: PathBuf,
    /// Versions of pictures are made when first asked for, and kept here between runs.
    cache: Arc<crate::media::Cache>,
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
    // The site is read before the server answers; its pages are rendered while it answers,
    // the ones asked for first.
    let (served, starting) = match builder.load() {
        Ok(()) => (Served::default(), Starting::default()),
        Err(failed) => {
            tell(&mut builder, &failed, started);
            (Served::mistakes_of(&failed), Starting::over())
        }
    };
    let (events, _) = broadcast::channel(16);
    let state = AppState {
        served: Arc::new(RwLock::new(served)),
        starting: Arc::new(starting),
        events: events.clone(),
        root: root.clone(),
        cache: Arc::new(crate::media::Cache::new(&root)),
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
    watch::watch(&mut debouncer, &root)?;
    let rebuild_state = state.clone();
    std::thread::spawn(move || {
        if !rebuild_state.starting.done() {
            let first = builder.render(&rebuild_state.served, Some(&rebuild_state.starting));
            tell(&mut builder, &first, started);
        }
        watch::rebuild_loop(&mut builder, rx, arrived, &rebuild_state, &mut debouncer);
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
            .route("/_sulam/events", get(http::sse))
            .route("/_sulam/live.js", get(http::live_js))
            .route("/_sulam/problems", get(http::problems))
            .route("/_sulam/translations", get(http::translations))
            .fallback(get(http::page))
            .with_state(state);
        axum::serve(listener, app)
            .await
            .map_err(|e| Diagnostic::error(format!("the server stopped: {e}")))
    })
}

/// Prints the first build's mistakes and its summary line.
fn tell(builder: &mut Builder, first: &Outcome, started: Instant) {
    diagnostics::print(&first.problems);
    eprintln!("{}", first.summary(started.elapsed()));
    builder.printed = first.problems.iter().map(|d| d.to_string()).collect();
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
