//! The long pass of the hostile-input fuzzer: mutated copies of a real site (bytes, YAML
//! tokens, Markdown, sizes), each built by the `sulam` binary with a time limit, until the
//! time is up. Prints every build that panicked, hung, or printed an error naming no file,
//! with the seed and the mutations that reproduce it.
//!
//! ```text
//! cargo build --release && cargo run --release --example fuzz -- --minutes 60 [--seed N] [--site DIR] [--bin PATH]
//! ```
//!
//! The mutations are those of the short pass in `cargo test` (tests/support/fuzz.rs).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[path = "../../tests/support/fuzz.rs"]
mod fuzz;

const USAGE: &str = "usage: fuzz [--minutes N (10)] [--seed N (1)] [--site DIR (tests/fixtures/basic)] [--bin PATH]";

fn main() -> ExitCode {
    let (mut minutes, mut seed) = (10u64, 1u64);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut site = root.join("tests/fixtures/basic");
    // The example runs from target/<profile>/examples/; the binary is one folder up.
    let mut bin = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("sulam")))
        .unwrap_or_else(|| root.join("target/release/sulam"));
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next();
        let ok = match (a.as_str(), value) {
            ("--minutes", Some(v)) => v.parse().map(|n| minutes = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| seed = n).is_ok(),
            ("--site", Some(v)) => {
                site = PathBuf::from(v);
                true
            }
            ("--bin", Some(v)) => {
                bin = PathBuf::from(v);
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    }
    if !bin.is_file() {
        eprintln!(
            "no sulam binary at {}: run `cargo build --release` first, or give --bin",
            bin.display()
        );
        return ExitCode::FAILURE;
    }
    let work = std::env::temp_dir().join(format!("sulam-fuzz-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&work) {
        eprintln!("cannot make {}: {e}", work.display());
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    let deadline = started + Duration::from_secs(minutes * 60);
    let limits = fuzz::Limits {
        max_growth: 200_000,
    };
    let mut total = fuzz::Report::default();
    // In rounds of 500, so progress shows and the seed of each build is known.
    while Instant::now() < deadline {
        let round_seed = seed.wrapping_add(total.builds as u64);
        match fuzz::run(
            &bin,
            &site,
            &work,
            (round_seed, 500, deadline),
            (limits, Duration::from_secs(30)),
        ) {
            Ok(r) => {
                for f in &r.findings {
                    println!("FOUND {f}\n");
                }
                total.builds += r.builds;
                total.findings.extend(r.findings);
            }
            Err(e) => {
                eprintln!("the fuzzer failed: {e}");
                break;
            }
        }
        eprintln!(
            "{} builds, {} findings, {:?}",
            total.builds,
            total.findings.len(),
            started.elapsed()
        );
    }
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "{} builds from seed {seed}: {} findings",
        total.builds,
        total.findings.len()
    );
    if total.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
