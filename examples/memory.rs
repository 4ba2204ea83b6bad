//! Where the memory of a build goes: builds a site through the library with an allocator that
//! counts, and prints the bytes allocated and still held at each step of the build, and the
//! most held at once between two steps.
//!
//! ```sh
//! cargo run --release --example memory -- --root target/bench-corpus/n10000-seed1/sulam --output /tmp/out
//! cargo run --release --example memory -- --root target/bench-corpus/n10000-seed1/sulam --parts
//! ```
//!
//! `--parts` reads the site without building it and prints what its parts hold.
//!
//! The figures are the program's own allocations; the peak resident size that `time -v`
//! reports adds the allocator's free pages, the stacks and the binary (see
//! docs/performance.md).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use sulam::commands::build::{Also, BuildOptions, Step, build_also};

/// The system allocator, counting what is held now and the most held since the last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            held(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        held(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            held(new_size as isize - layout.size() as isize);
        }
        p
    }
}

fn held(delta: isize) {
    let now = if delta >= 0 {
        HELD.fetch_add(delta as usize, Ordering::Relaxed) + delta as usize
    } else {
        HELD.fetch_sub(delta.unsigned_abs(), Ordering::Relaxed) - delta.unsigned_abs()
    };
    PEAK.fetch_max(now, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let mut root = PathBuf::from(".");
    let mut output = None;
    let mut only_parts = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--root" => root = args.next().map(PathBuf::from).unwrap_or(root),
            "--output" => output = args.next().map(PathBuf::from),
            "--parts" => only_parts = true,
            other => {
                eprintln!(
                    "unknown argument {other}\nusage: memory [--root DIR] [--output DIR] [--parts]"
                );
                std::process::exit(2);
            }
        }
    }
    if only_parts {
        parts(&root);
        return;
    }
    let start = Instant::now();
    // Each step's name, when it was reached, what was held then, and the peak since the step
    // before.
    let steps: Mutex<Vec<(String, f64, usize, usize)>> = Mutex::new(Vec::new());
    let note = |name: String| {
        let peak = PEAK.swap(HELD.load(Ordering::Relaxed), Ordering::Relaxed);
        if let Ok(mut s) = steps.lock() {
            s.push((
                name,
                start.elapsed().as_secs_f64(),
                HELD.load(Ordering::Relaxed),
                peak,
            ));
        }
    };
    let progress = |s: Step| {
        let name = match s {
            Step::Reading => "reading".to_string(),
            Step::Rendering { done, total, .. } => format!("rendered {done} of {total}"),
            Step::Extras => "extras and search".to_string(),
            Step::Compressing { done: 0, .. } => "compressing".to_string(),
            Step::Compressing { .. } => return,
        };
        note(name);
    };
    let opts = BuildOptions {
        root,
        output,
        ..BuildOptions::default()
    };
    let result = build_also(
        &opts,
        &Also {
            compress: false,
            progress: Some(&progress),
        },
    );
    note("written".to_string());
    if let Err(d) = result {
        eprintln!("the build failed: {} errors", d.errors().count());
    }
    println!("| step reached | at | held then | most held since the step before |");
    println!("|---|---:|---:|---:|");
    for (name, at, held, peak) in steps.into_inner().unwrap_or_default() {
        println!("| {name} | {at:.1} s | {} | {} |", mib(held), mib(peak));
    }
}

/// What the parts of a read site hold: the entries, their Markdown, the references, the
/// rendered bodies.
fn parts(root: &std::path::Path) {
    let mut d = sulam::diagnostics::Diagnostics::default();
    let base = HELD.load(Ordering::Relaxed);
    let Some(config) = sulam::SiteConfig::load(root, None, &mut d) else {
        eprintln!("{root:?} has no site.yaml that can be read");
        return;
    };
    let content = sulam::content::load(&config, &mut d);
    let c = HELD.load(Ordering::Relaxed);
    let markdown: usize = content
        .entries
        .values()
        .flat_map(|e| e.texts.values())
        .map(|f| f.body.capacity())
        .sum();
    let links = sulam::link::link(&content, &mut d);
    let l = HELD.load(Ordering::Relaxed);
    let bodies = sulam::Bodies::render_all(&config, &content, None);
    let b = HELD.load(Ordering::Relaxed);
    println!("| part | held |\n|---|---:|");
    println!(
        "| entries, read (of which the Markdown of their bodies) | {} ({}) |",
        mib(c - base),
        mib(markdown)
    );
    println!("| references | {} |", mib(l - c));
    println!("| bodies, rendered | {} |", mib(b - l));
    drop((links, bodies));
    // What the entries hold besides their Markdown: each part let go in turn, and the bytes
    // that went with it.
    let mut content = content;
    let mut freed = |name: &str, f: &mut dyn FnMut(&mut sulam::content::Entry)| {
        let before = HELD.load(Ordering::Relaxed);
        content.entries.values_mut().for_each(&mut *f);
        println!(
            "| entries: {name} | {} |",
            mib(before.saturating_sub(HELD.load(Ordering::Relaxed)))
        );
    };
    freed("the Markdown", &mut |e| {
        e.texts.values_mut().for_each(|f| f.body = String::new())
    });
    freed("the front matter", &mut |e| {
        e.texts
            .values_mut()
            .for_each(|f| *f.front = Default::default())
    });
    freed("the language files' paths", &mut |e| {
        e.texts
            .values_mut()
            .for_each(|f| f.path = Default::default())
    });
    freed("the problems found", &mut |e| e.problems = Vec::new());
    freed("the files and pictures", &mut |e| {
        e.assets = Vec::new();
        e.renamed = Default::default();
        e.pictures = Default::default();
    });
    freed("the language files", &mut |e| e.texts = Default::default());
    let before = HELD.load(Ordering::Relaxed);
    drop(content);
    println!(
        "| the rest: facts, ids, folders, the map | {} |",
        mib(before.saturating_sub(HELD.load(Ordering::Relaxed)))
    );
}
