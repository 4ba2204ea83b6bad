//! Shared by `cargo bench --bench serve` and `--bench build`: starts `sulam serve` on a site,
//! writes one paragraph into an entry's `en.md` several times, and times each save until the
//! reload event and until the page holds the new text.
#![allow(dead_code)] // Each bench uses part of it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Timing {
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_sulam"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start sulam serve: {e}"))?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let guard = Guard(child);
    let mut address = None;
    let mut first_build = String::new();
    while address.is_none() {
        let line = rx
            .recv_timeout(Duration::from_secs(600))
            .map_err(|_| "serve did not start")?;
        if line.starts_with("built ") {
            first_build = line.clone();
        }
        if let Some(rest) = line.strip_prefix("serving http://") {
            address = rest.split('/').next().map(str::to_string);
        }
    }
    let address = address.ok_or("no address")?;
    let (collection, id) = entry.split_once('/').ok_or("--entry is collection/id")?;
    let file = root.join("content").join(collection).join(id).join("en.md");
    let original =
        std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let page = format!("/en/{collection}/{id}/");
    let events = listen(&address)?;
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
            if get(&address, &page)?.contains(&marker) {
                break;
            }
            if started.elapsed() > Duration::from_secs(120) {
                return Err("the page never showed the new text".into());
            }
        }
        to_page.push(started.elapsed());
        while let Ok(line) = rx.try_recv() {
            if line.starts_with("rebuilt ") {
                rebuild_lines.push(line);
            }
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    drop(guard);
    Ok(Timing {
        first_build,
        to_event,
        to_page,
        last_rebuild: rebuild_lines.pop(),
    })
}

struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or(Duration::ZERO)
}

fn get(address: &str, path: &str) -> Result<String, String> {
    let mut s = TcpStream::connect(address).map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut text = String::new();
    s.read_to_string(&mut text).map_err(|e| e.to_string())?;
    Ok(text)
}

fn listen(address: &str) -> Result<mpsc::Receiver<()>, String> {
    let mut s = TcpStream::connect(address).map_err(|e| e.to_string())?;
    write!(
        s,
        "GET /_sulam/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if line == "event: update" && tx.send(()).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}

/// Copies site.yaml, content/, themes/, i18n/ and static/ (what a site is made of).
pub fn copy_site(from: &Path, to: &Path) {
    let _ = std::fs::create_dir_all(to);
    let _ = std::fs::copy(from.join("site.yaml"), to.join("site.yaml"));
    for dir in ["content", "themes", "i18n", "static"] {
        let src = from.join(dir);
        if !src.is_dir() {
            continue;
        }
        for item in walkdir::WalkDir::new(&src).into_iter().flatten() {
            let rel = item.path().strip_prefix(from).unwrap_or(item.path());
            let dest = to.join(rel);
            if item.file_type().is_dir() {
                let _ = std::fs::create_dir_all(&dest);
            } else {
                let _ = std::fs::copy(item.path(), &dest);
            }
        }
    }
}
