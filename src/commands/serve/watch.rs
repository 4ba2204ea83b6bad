//! Watching the site's folders and rebuilding after a change: the debounced file events go
//! to the builder, the result to the terminal and to the open pages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::DebounceEventResult;

use super::AppState;
use super::builder::{Builder, Outcome, merge_search};
use crate::diagnostics::{self, Diagnostic};
use crate::model::folders;
use crate::output::Output;

pub(super) fn watch<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
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
    for dir in folders::ALL {
        let d = root.join(dir);
        if d.is_dir() {
            debouncer
                .watch(&d, RecursiveMode::Recursive)
                .map_err(fail)?;
        }
    }
    Ok(())
}

pub(super) fn rebuild_loop<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
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
        for dir in folders::ALL {
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
pub(super) fn refresh_search(builder: &mut Builder, arrived: &AtomicBool, state: &AppState) {
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
