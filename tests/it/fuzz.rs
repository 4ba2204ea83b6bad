//! The short fixed-seed pass of the hostile-input fuzzer (tests/support/fuzz.rs): mutated
//! copies of the basic fixture, each built by the real binary with a time limit; none may
//! panic, hang, or print an error that names no file. The long pass is
//! `cargo run --release --example fuzz -- --minutes 60`.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::fuzz::{self, Limits};

#[test]
fn mutated_sites_never_panic_hang_or_lose_the_file() {
    let work = tempfile::tempdir().expect("temp dir");
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let report = fuzz::run(
        Path::new(env!("CARGO_BIN_EXE_sulam")),
        &base,
        work.path(),
        (1, 60, Instant::now() + Duration::from_secs(20)),
        (Limits { max_growth: 2_000 }, Duration::from_secs(15)),
    )
    .expect("run the fuzzer");
    assert!(report.builds >= 20, "only {} builds in time", report.builds);
    assert!(
        report.findings.is_empty(),
        "{} of {} builds found:\n{}",
        report.findings.len(),
        report.builds,
        report.findings.join("\n\n")
    );
}
