//! Shared by `cargo bench --bench serve` and `--bench build`: starts `sulam serve` on a site,
//! writes one paragraph into an entry's `en.md` several times, and times each save until the
//! reload event and until the page holds the new text. The server and the HTTP client are
//! tests/support/serve.rs, which the serve tests drive too.

#![allow(dead_code)] // Each bench uses part of it.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::serve::{Server, events, get};

pub struct Timing {
    /// From starting `sulam serve` to its answer to the first request, the entry's page.
    pub first_page: Duration,
    /// serve's own line for the first, whole build.
    pub first_build: String,
    pub to_event: Vec<Duration>,
    pub to_page: Vec<Duration>,
    /// serve's own line for the last rebuild ("rebuilt 3 pages in 12 ms, ...").
    pub last_rebuild: Option<String>,
}

impl Timing {
    pub fn median_to_page(&mut self) -> Duration {
        median(&mut self.to_page)
    }
}

pub fn measure(root: &Path, entry: &str, runs: usize) -> Result<Timing, String> {
    let (collection, id) = entry.split_once('/').ok_or("--entry is collection/id")?;
    let page = format!("/en/{collection}/{id}/");
    let started = Instant::now();
    let server = Server::start(root, Duration::from_secs(600))?;
    let address = server.address.clone();
    // serve answers while it renders the rest of the site, the page asked for first.
    let (status, _) = get(&address, &page).map_err(|e| e.to_string())?;
    let first_page = started.elapsed();
    if status != 200 {
        return Err(format!("{page}: status {status}"));
    }
    // The saves are timed once the whole site is rendered.
    let first_build = loop {
        let line = server
            .stderr
            .recv_timeout(Duration::from_secs(600))
            .map_err(|_| "serve never finished its first build")?;
        if line.starts_with("built ") {
            break line;
        }
    };
    let file = root.join("content").join(collection).join(id).join("en.md");
    let original =
        std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let events = events(&address).map_err(|e| e.to_string())?;
    std::thread::sleep(Duration::from_millis(500));

    let mut to_event = Vec::new();
    let mut to_page = Vec::new();
    let mut rebuild_lines = Vec::new();
    for i in 0..runs {
        let marker = format!("Paragraph number {i} written by the benchmark.");
        let started = Instant::now();
        std::fs::write(&file, format!("{original}\n{marker}\n")).map_err(|e| e.to_string())?;
        events
            .recv_timeout(Duration::from_secs(120))
            .map_err(|_| "no reload event")?;
        to_event.push(started.elapsed());
        loop {
            if get(&address, &page)
                .map_err(|e| e.to_string())?
                .1
                .contains(&marker)
            {
                break;
            }
            if started.elapsed() > Duration::from_secs(120) {
                return Err("the page never showed the new text".into());
            }
        }
        to_page.push(started.elapsed());
        while let Ok(line) = server.stderr.try_recv() {
            if line.starts_with("rebuilt ") {
                rebuild_lines.push(line);
            }
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    drop(server);
    Ok(Timing {
        first_page,
        first_build,
        to_event,
        to_page,
        last_rebuild: rebuild_lines.pop(),
    })
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or(Duration::ZERO)
}
