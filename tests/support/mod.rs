//! Dev-only code shared by the integration tests (`tests/it`) and the benchmarks (`benches/`):
//! copying a site, driving a real `sulam serve` over HTTP and its event stream, the
//! benchmark corpus generator of `examples/corpus`, and the fuzzer of `examples/fuzz`.
//!
//! Not a crate: the test binary and each bench include this folder with
//! `#[path = ".../tests/support/mod.rs"] mod support;`, so it is compiled once into each of
//! them and nothing is added to Cargo.toml or Cargo.lock. `env!("CARGO_BIN_EXE_sulam")` works
//! here because Cargo sets it for integration tests and benches alike.
#![allow(dead_code)] // Each includer uses part of it.

use std::io;
use std::path::Path;

/// The benchmark corpus generator. It stays beside the command that writes a corpus
/// (`cargo run --example corpus`); this is the one place the tests and benches reach it from.
#[path = "../../examples/corpus/generate.rs"]
pub mod corpus;
pub mod fuzz;
pub mod serve;

/// Copies the folder `from`, everything in it, into `to` (created if need be).
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    for item in walkdir::WalkDir::new(from) {
        let item = item?;
        let rel = item.path().strip_prefix(from).map_err(io::Error::other)?;
        let dest = to.join(rel);
        if item.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(item.path(), &dest)?;
        }
    }
    Ok(())
}

/// Copies what a site is made of, site.yaml, content/, themes/, i18n/ and static/ (the folders
/// it has), from `from` into `to`.
pub fn copy_site(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    std::fs::copy(from.join("site.yaml"), to.join("site.yaml"))?;
    for dir in ["content", "themes", "i18n", "static"] {
        if from.join(dir).is_dir() {
            copy_dir(&from.join(dir), &to.join(dir))?;
        }
    }
    Ok(())
}
