//! `sulam build` as a program: its exit code, its last line, `--output` and `--base-url`.

use std::process::{Command, Output};

use crate::common::Site;

fn sulam(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sulam"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sulam")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_good_build_exits_zero_and_sums_up_what_it_wrote() {
    let s = Site::fixture("basic");
    let out = sulam(s.root(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let last = err.lines().last().expect("a line");
    let public = s.root().join("public");
    // Named as given: the site folder is where sulam runs.
    // The fixture's one warning is its missing accessibility statement.
    let (pages, rest) = last
        .strip_prefix("built ")
        .and_then(|r| r.split_once(" pages ("))
        .unwrap_or_else(|| panic!("{last}"));
    let files = rest.split_once(" files) into ").expect("files").0;
    let pages: usize = pages.parse().expect("a number of pages");
    let files: usize = files.parse().expect("a number of files");
    assert!(pages > 0 && files > pages, "{last}");
    assert!(last.contains(" files) into ./public in "), "{last}");
    assert!(last.ends_with(" ms, 1 warning(s)"), "{last}");
    assert!(err.contains("warning: site.yaml: the site has no accessibility statement"));
    assert!(public.join("he/index.html").is_file());
    // Every file it counts is in the folder (the marker is Sulam's own, not the site's).
    let written = walkdir::WalkDir::new(&public)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".sulam")
        .count();
    assert_eq!(written, files, "{last}");
}

#[test]
fn a_failed_build_exits_one_and_says_the_folder_was_not_changed() {
    let s = Site::fixture("basic");
    s.write("content/news/launch/common.yaml", "date: soon\n");
    s.write("content/towns/ofakim/ar.md", "---\nsummary: x\n---\n");
    let out = sulam(s.root(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.lines().last(),
        Some("build failed: 2 error(s); the output folder was not changed"),
        "{err}"
    );
    assert!(!s.root().join("public").exists());
}

#[test]
fn output_is_relative_to_where_sulam_runs_and_base_url_moves_the_links() {
    let s = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let root = s.root().to_str().expect("utf-8 path");
    let out = sulam(
        elsewhere.path(),
        &[
            "build",
            "--root",
            root,
            "--output",
            "site-out",
            "--base-url",
            "https://other.example/docs/",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let home = std::fs::read_to_string(elsewhere.path().join("site-out/he/index.html"))
        .expect("written where sulam ran");
    assert!(home.contains(r#"href="/docs/he/initiatives/""#), "{home}");
    assert!(home.contains(r#"<link rel="canonical" href="https://other.example/docs/he/">"#));
    assert!(!s.root().join("public").exists());
    assert!(!s.root().join("site-out").exists());
    let robots =
        std::fs::read_to_string(elsewhere.path().join("site-out/robots.txt")).expect("robots");
    assert!(
        robots.contains("Sitemap: https://other.example/docs/sitemap.xml"),
        "{robots}"
    );
    // A bad address is named, with the flag's own hint.
    let out = sulam(
        elsewhere.path(),
        &["build", "--root", root, "--base-url", "example.org"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("'example.org' is not an absolute http(s) address"),
        "{err}"
    );
    assert!(
        err.contains("give --base-url a full address, like https://example.org/kb/"),
        "{err}"
    );
}
