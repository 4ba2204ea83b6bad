//! Writes a benchmark corpus: a Sulam site of N initiatives with partners, towns, networks,
//! domains, sectors, people and news, and optionally the same content as a Hugo site.
//!
//! ```text
//! cargo run --release --example corpus -- --initiatives 3000 --out DIR [--hugo DIR] [--seed N]
//! ```
//!
//! `benches/build.rs` uses the same generator (generate.rs) to build both sites side by side.

use std::path::PathBuf;
use std::process::ExitCode;

mod generate;

const USAGE: &str = "usage: corpus --out DIR [--initiatives N (3000)] [--hugo DIR] [--seed N (1)]";

fn main() -> ExitCode {
    let mut initiatives = 3000;
    let mut seed = 1;
    let mut out = None;
    let mut hugo = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next();
        let parsed = match (a.as_str(), value) {
            ("--initiatives", Some(v)) => v.parse().map(|n| initiatives = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| seed = n).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            ("--hugo", Some(v)) => {
                hugo = Some(PathBuf::from(v));
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    }
    let Some(out) = out else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let params = generate::Params { initiatives, seed };
    match generate::generate(&params, &out, hugo.as_deref()) {
        Ok(s) => {
            eprintln!(
                "wrote {} entries ({} initiatives, {} partners, {} towns, {} networks, {} domains, \
                 {} sectors, {} people, {} news, {} pages) into {}{}: {} language files, {} missing",
                s.sizes.entries(),
                s.sizes.initiatives,
                s.sizes.partners,
                s.sizes.towns,
                s.sizes.networks,
                s.sizes.domains,
                s.sizes.sectors,
                s.sizes.people,
                s.sizes.news,
                s.sizes.pages,
                out.display(),
                hugo.map(|h| format!(" and {}", h.display()))
                    .unwrap_or_default(),
                s.lang_files,
                s.missing
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
