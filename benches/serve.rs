//! Save-to-reload time of `sulam serve`: from writing one paragraph into an entry's file to
//! (a) the reload event reaching the browser's connection and (b) the page, fetched again,
//! holding the new text. This is what an author waits for after pressing save.
//!
//!     cargo bench --bench serve                       # the example site
//!     cargo bench --bench serve -- --site DIR [--entry initiatives/x] [--runs 15]
//!
//! The site is copied to a temporary folder first; the original is not touched. The time
//! includes the watcher's debounce (80 ms), which groups an editor's several writes of one
//! save into one rebuild.

use std::path::PathBuf;
use std::time::Duration;

#[path = "common/serve_timing.rs"]
mod serve_timing;
#[path = "../tests/support/mod.rs"]
mod support;
use serve_timing::{measure, median, ms};

fn main() {
    let mut args = std::env::args().skip(1);
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut site = repo.clone();
    let mut entry = "initiatives/municipal-mobility".to_string();
    let mut runs = 15;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--site" => site = args.next().map(PathBuf::from).unwrap_or(site),
            "--entry" => entry = args.next().unwrap_or(entry),
            "--runs" => runs = args.next().and_then(|r| r.parse().ok()).unwrap_or(runs),
            "--bench" => {}
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let tmp = std::env::temp_dir().join(format!("sulam-serve-bench-{}", std::process::id()));
    let result = support::copy_site(&site, &tmp)
        .map_err(|e| format!("cannot copy the site: {e}"))
        .and_then(|()| measure(&tmp, &entry, runs));
    let _ = std::fs::remove_dir_all(&tmp);
    let mut t = match result {
        Ok(t) => t,
        Err(e) => {
            eprintln!("serve bench: {e}");
            std::process::exit(1);
        }
    };
    let span = |v: &mut Vec<Duration>| {
        let m = median(v);
        format!(
            "median {:.0} ms (min {:.0}, max {:.0})",
            ms(m),
            ms(*v.iter().min().unwrap_or(&Duration::ZERO)),
            ms(*v.iter().max().unwrap_or(&Duration::ZERO))
        )
    };
    println!("site: {} ({})", site.display(), t.first_build);
    println!(
        "start → the entry's page answered: {:.0} ms",
        ms(t.first_page)
    );
    println!("edited: content/{entry}/en.md, one paragraph, {runs} times");
    println!("save → reload event: {}", span(&mut t.to_event));
    println!("save → page with the new text: {}", span(&mut t.to_page));
    if let Some(last) = &t.last_rebuild {
        println!("serve's own report of the last rebuild: {last}");
    }
}
