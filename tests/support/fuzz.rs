//! The hostile-input fuzzer: real entries of a site, mutated with a fixed-seed generator
//! (bytes, YAML tokens, Markdown, sizes), each built by the real `sulam` binary as a
//! subprocess with a time limit. A build passes when it did not panic, did not hang, and every
//! error it printed names a file.
//!
//! Shared by the short pass of `cargo test` (tests/it/fuzz.rs) and the long one on demand,
//! `cargo run --release --example fuzz -- --minutes 60 [--seed N]` (examples/fuzz/). It uses
//! only the standard library, so the example can include it as it is.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Xorshift64*: small, fast, and the same sequence for the same seed everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How large a mutation may make a file: small for the pass in `cargo test`, larger for the
/// long run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most bytes one mutation adds.
    pub max_growth: usize,
}

/// YAML pieces that break or bend a value.
const YAML_TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\t",
    "---",
    "...",
    "\"",
    "'",
    "*a",
    "&a ",
    "!!str ",
    "!!int ",
    "|",
    ">",
    " #",
    "~",
    "null",
    "[a, b]",
    "{a: b}",
    "123",
    "-1",
    "1e400",
    "0x1F",
    "''",
    "\u{200f}",
    "\u{feff}",
    "\u{0}",
    "\u{7}",
    "?",
    "%",
    "@",
    "`",
    "2024-13-45",
    "yes",
    "true",
    "\r",
    "\\",
    "\u{5d0}\u{5d1}",
    "\u{645}",
    "\n  ",
    "\n- ",
    "<<: *a",
    "&a [*a]",
];

/// Markdown and HTML pieces for a body.
const MARKDOWN: &[&str] = &[
    "```chart\ntype: bar\ndata:\n  - {label: a, value: 1}\n```\n",
    "```chart\ntype: pie\n",
    "```\n",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](",
    "](javascript:alert(1))",
    "![img](missing.png)",
    "{{ x }}",
    "{% if %}",
    "|a|b|\n|-|-|\n|1|2|\n",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "# ",
    "\n---\n",
    "> ",
    "* ",
    "1. ",
    "[^1]",
    "[^1]: note\n",
    "<details>",
    "&amp;",
    "&#0;",
    "\u{202e}",
    "<iframe src=x>",
    "<svg onload=x>",
    "\\",
    "`",
    "**",
    "<",
    ">",
];

/// One mutation of the site at `root`: the file it changed and what it did, for the report.
pub fn mutate(root: &Path, rng: &mut Rng, limits: Limits) -> io::Result<String> {
    let files = author_files(root)?;
    let file = rng.pick(&files).clone();
    let mut bytes = std::fs::read(&file)?;
    let what = match rng.below(7) {
        0 => flip_bytes(&mut bytes, rng),
        1 | 2 => insert_text(&mut bytes, rng, YAML_TOKENS, "yaml token"),
        3 => insert_text(&mut bytes, rng, MARKDOWN, "markdown"),
        4 => replace_value(&mut bytes, rng),
        5 => grow(&mut bytes, rng, limits),
        _ => cut(&mut bytes, rng),
    };
    std::fs::write(&file, &bytes)?;
    let rel = file
        .strip_prefix(root)
        .unwrap_or(&file)
        .display()
        .to_string();
    Ok(format!("{rel}: {what}"))
}

/// site.yaml and every .md and .yaml file under content/.
fn author_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = vec![root.join("site.yaml")];
    let mut dirs = vec![root.join("content")];
    while let Some(d) = dirs.pop() {
        for item in std::fs::read_dir(&d)? {
            let p = item?.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "md" || e == "yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn flip_bytes(bytes: &mut Vec<u8>, rng: &mut Rng) -> String {
    let n = 1 + rng.below(4);
    for _ in 0..n {
        if bytes.is_empty() {
            bytes.push(0);
        }
        let at = rng.below(bytes.len());
        bytes[at] = rng.next() as u8;
    }
    format!("{n} random byte(s)")
}

fn insert_text(bytes: &mut Vec<u8>, rng: &mut Rng, pieces: &[&str], kind: &str) -> String {
    let piece = *rng.pick(pieces);
    let at = rng.below(bytes.len() + 1);
    bytes.splice(at..at, piece.bytes());
    format!("{kind} {piece:?} at byte {at}")
}

/// The value after the `: ` of a random line, replaced by a YAML token.
fn replace_value(bytes: &mut Vec<u8>, rng: &mut Rng) -> String {
    let text = String::from_utf8_lossy(bytes).to_string();
    let lines: Vec<&str> = text.split('\n').collect();
    let i = rng.below(lines.len());
    let Some((key, _)) = lines[i].split_once(": ") else {
        return insert_text(bytes, rng, YAML_TOKENS, "yaml token");
    };
    let token = *rng.pick(YAML_TOKENS);
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[i] = format!("{key}: {token}");
    *bytes = out.join("\n").into_bytes();
    format!("line {} value replaced by {token:?}", i + 1)
}

/// A piece of the file repeated, up to `limits.max_growth` bytes more.
fn grow(bytes: &mut Vec<u8>, rng: &mut Rng, limits: Limits) -> String {
    if bytes.is_empty() {
        return "nothing to grow".into();
    }
    let start = rng.below(bytes.len());
    let len = 1 + rng.below((bytes.len() - start).min(64));
    let piece = bytes[start..start + len].to_vec();
    let times = 1 + rng.below(limits.max_growth / len);
    let at = start + len;
    let added: Vec<u8> = piece.iter().copied().cycle().take(len * times).collect();
    bytes.splice(at..at, added);
    format!("{len} byte(s) at {start} repeated {times} times")
}

fn cut(bytes: &mut Vec<u8>, rng: &mut Rng) -> String {
    let at = rng.below(bytes.len() + 1);
    let len = rng.below(bytes.len() - at + 1).min(200);
    bytes.drain(at..at + len);
    format!("{len} byte(s) cut at {at}")
}

/// What one build did.
#[derive(Debug)]
pub enum Outcome {
    /// It ended with this exit code and printed this on standard error.
    Ended(Option<i32>, String),
    /// It was still running at the time limit, and was killed.
    Hung,
}

/// Runs `sulam build` on `root` with a time limit.
pub fn build(bin: &Path, root: &Path, limit: Duration) -> io::Result<Outcome> {
    let mut child = Command::new(bin)
        .args(["--root"])
        .arg(root)
        .args(["build", "--output"])
        .arg(root.join("public"))
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stderr = child
        .stderr
        .take()
        .ok_or_else(|| io::Error::other("no stderr"))?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            let text = reader.join().unwrap_or_default();
            return Ok(Outcome::Ended(status.code(), text));
        }
        if start.elapsed() > limit {
            child.kill()?;
            child.wait()?;
            return Ok(Outcome::Hung);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Why an outcome is a finding: a panic, a hang, a crash, or an error that names no file.
pub fn finding(outcome: &Outcome) -> Option<String> {
    let (code, text) = match outcome {
        Outcome::Hung => return Some("the build did not end in time".into()),
        Outcome::Ended(code, text) => (code, text),
    };
    if text.contains("panicked at") || text.contains("stack overflow") {
        return Some(format!("panic:\n{}", tail(text)));
    }
    if !matches!(code, Some(0 | 1)) {
        return Some(format!("exit code {code:?}:\n{}", tail(text)));
    }
    text.lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .find(|rest| !names_a_file(rest))
        .map(|rest| format!("an error that names no file: {rest}"))
}

/// Whether a message starts with a file: `content/x/he.md:3:1: …` or `site.yaml: …`.
fn names_a_file(message: &str) -> bool {
    let head = message.split(": ").next().unwrap_or("");
    let file = head.split(':').next().unwrap_or("");
    !file.is_empty() && !file.contains(' ') && (file.contains('/') || file.contains('.'))
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(12)..].join("\n")
}

/// One fuzz run's count of builds and what it found, with the mutations that led there.
#[derive(Debug, Default)]
pub struct Report {
    pub builds: usize,
    pub findings: Vec<String>,
}

/// Builds `count` mutated copies of the site at `base`, in `work`, with seeds from `seed` on;
/// stops early at `deadline`.
pub fn run(
    bin: &Path,
    base: &Path,
    work: &Path,
    (seed, count, deadline): (u64, usize, Instant),
    (limits, limit): (Limits, Duration),
) -> io::Result<Report> {
    let mut report = Report::default();
    for i in 0..count {
        if Instant::now() > deadline {
            break;
        }
        let this_seed = seed.wrapping_add(i as u64);
        let mut rng = Rng::new(this_seed);
        let root = work.join(format!("site-{}", i % 4));
        let _ = std::fs::remove_dir_all(&root);
        copy_tree(base, &root)?;
        let mut done = Vec::new();
        for _ in 0..1 + rng.below(3) {
            done.push(mutate(&root, &mut rng, limits)?);
        }
        let outcome = build(bin, &root, limit)?;
        report.builds += 1;
        if let Some(f) = finding(&outcome) {
            report.findings.push(format!(
                "seed {this_seed}: {f}\n  after: {}",
                done.join("; ")
            ));
        }
    }
    Ok(report)
}

/// Copies the folder `from` into `to`, with the standard library only.
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for item in std::fs::read_dir(from)? {
        let item = item?;
        let dest = to.join(item.file_name());
        if item.file_type()?.is_dir() {
            copy_tree(&item.path(), &dest)?;
        } else {
            std::fs::copy(item.path(), &dest)?;
        }
    }
    Ok(())
}
