//! The benchmark corpus generator (examples/corpus) must keep writing a site that follows the
//! content model: built and checked with no error and no warning, every page in every language,
//! and the same bytes for the same seed. Otherwise the benchmark would measure error paths.

use std::path::Path;

use crate::common;
use crate::support::corpus as generate;

fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(root)
                    .expect("prefix")
                    .to_string_lossy()
                    .to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_small_corpus_builds_and_checks_with_no_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let hugo = dir.path().join("hugo");
    let params = generate::Params {
        initiatives: 30,
        seed: 7,
    };
    let summary = generate::generate(&params, &site, Some(&hugo)).expect("generate");

    let out = dir.path().join("public");
    let report = common::build_cleanly(&site, Some(out.clone()));
    // Every entry has a page in each of the three languages, translated or not; plus the three
    // homes, the lists, the accessibility statements, the chooser and the 404.
    assert!(
        report.pages >= summary.sizes.entries() * 3,
        "{} pages for {} entries",
        report.pages,
        summary.sizes.entries()
    );
    let check = sulam::commands::check::check(&site, None);
    assert_eq!(
        (check.errors, check.warnings),
        (0, 0),
        "{}",
        check
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );

    // Some translations are missing, and the pages for them are fallback pages.
    assert!(summary.missing > 0, "no translation is missing");
    let fallback = walkdir::WalkDir::new(out.join("en/initiatives"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .expect("page")
                .contains("rel=\"canonical\" href=\"https://bench.example.org/he/")
        })
        .count();
    assert!(
        fallback > 0,
        "no English initiative page falls back to Hebrew"
    );

    // The Hugo copy has the same entries, translated by file name.
    assert!(hugo.join("config.yaml").is_file());
    let hugo_files = walkdir::WalkDir::new(hugo.join("content/initiatives"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("index."))
        .count();
    let sulam_files = walkdir::WalkDir::new(site.join("content/initiatives"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .count();
    assert_eq!(hugo_files, sulam_files);

    // The same seed writes the same bytes; the generator replaces a corpus it made.
    let again = dir.path().join("again");
    generate::generate(&params, &again, None).expect("generate again");
    assert!(
        files(&site) == files(&again),
        "the corpus is not deterministic"
    );
    generate::generate(&params, &again, None).expect("regenerate over the old corpus");
}

#[test]
fn the_generator_refuses_a_folder_it_did_not_make() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "keep me").expect("write");
    let params = generate::Params {
        initiatives: 3,
        seed: 1,
    };
    assert!(generate::generate(&params, dir.path(), None).is_err());
    assert!(dir.path().join("notes.txt").is_file());
}
