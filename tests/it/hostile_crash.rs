//! Hostile input that once crashed a build or took unbounded memory: an unbroken "word" of
//! hundreds of thousands of letters, huge titles and summaries, characters XML cannot hold,
//! and HTML or SVG files that would run script on the site's own origin.

use std::process::{Command, Output};

use crate::common::Site;

/// Runs the `sulam` binary in a child process, so that a crash fails one test, not the run.
fn sulam(args: &[&str], site: &Site) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sulam"))
        .args(args)
        .arg("--root")
        .arg(site.root())
        .output()
        .expect("run sulam")
}

/// A copy of the basic fixture whose English initiative `alpha` has this body.
fn site_with_body(body: &str) -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/alpha/en.md",
        &format!("---\ntitle: Municipal Mobility\n---\n{body}\n"),
    );
    site
}

#[test]
fn an_unbroken_word_of_300000_letters_builds_and_checks() {
    let site = site_with_body(&"a".repeat(300_000));
    for command in ["build", "check"] {
        let out = sulam(&[command], &site);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "{command}: {:?}\n{}",
            out.status,
            &stderr[..stderr.len().min(2000)]
        );
        assert!(!stderr.contains("overflow"), "{command}: {stderr}");
    }
    // The word is still found: it is in the English index.
    let parts = std::fs::read_dir(site.out().join("search/en")).expect("search/en");
    let found = parts
        .flatten()
        .any(|p| std::fs::read_to_string(p.path()).is_ok_and(|t| t.contains(&"a".repeat(300_000))));
    assert!(found, "the long word is in no part of the index");
}
