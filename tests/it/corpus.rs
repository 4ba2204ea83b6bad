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

/// The addresses of the cards of a list, following its pages from the first by `rel="next"`.
fn listed_through_the_pages(out: &Path, first: &str) -> Vec<String> {
    let mut listed = Vec::new();
    let mut next = Some(first.to_string());
    let mut pages = 0;
    while let Some(path) = next.take() {
        pages += 1;
        assert!(pages < 1000, "the pages of {first} never end");
        let html =
            std::fs::read_to_string(out.join(path.trim_start_matches('/')).join("index.html"))
                .unwrap_or_else(|e| panic!("{path}: {e}"));
        for card in html.split("<li class=\"card\"").skip(1) {
            let href = card.split("href=\"").nth(1).expect("a link in a card");
            listed.push(href[..href.find('"').expect("end")].to_string());
        }
        next = html
            .split("<link rel=\"next\" href=\"")
            .nth(1)
            .map(|rest| rest[..rest.find('"').expect("end")].to_string());
    }
    listed
}

/// A site of a few hundred initiatives: its lists are split into pages, no page is over
/// 200 KB of HTML (the weight a phone gets for one page; the list of 400 initiatives on one
/// page was about 250 KB), and every entry can be reached from its list's first page by going
/// on to the next page.
#[test]
fn a_corpus_of_hundreds_is_in_pages_that_reach_every_entry_and_none_is_heavy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let params = generate::Params {
        initiatives: 400,
        seed: 3,
    };
    let summary = generate::generate(&params, &site, None).expect("generate");
    let out = dir.path().join("public");
    common::build_cleanly(&site, Some(out.clone()));

    let heavy: Vec<(String, u64)> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".html"))
        .map(|e| {
            (
                e.path().display().to_string(),
                e.metadata().expect("size").len(),
            )
        })
        .filter(|(_, size)| *size > 200 * 1024)
        .collect();
    assert!(heavy.is_empty(), "pages over 200 KB: {heavy:?}");

    let entries = |c: &str| -> std::collections::BTreeSet<String> {
        std::fs::read_dir(site.join("content").join(c))
            .expect("a collection")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect()
    };
    for c in ["initiatives", "partners", "towns", "news"] {
        let all = entries(c);
        for lang in ["he", "ar", "en"] {
            let listed = listed_through_the_pages(&out, &format!("{lang}/{c}/"));
            let ids: Vec<String> = listed
                .iter()
                .map(|href| {
                    href.trim_start_matches(&format!("/{lang}/{c}/"))
                        .trim_end_matches('/')
                        .to_string()
                })
                .collect();
            let unique: std::collections::BTreeSet<String> = ids.iter().cloned().collect();
            assert_eq!(unique.len(), ids.len(), "{lang}/{c}: an entry listed twice");
            assert_eq!(unique, all, "{lang}/{c}: not every entry is reached");
        }
    }
    assert_eq!(summary.sizes.initiatives, 400);
    assert!(
        out.join("en/initiatives/page/12/index.html").is_file(),
        "400 initiatives, 36 a page, make 12 pages"
    );
    // Each year of news reaches its own items, and together they reach them all.
    let years: Vec<String> = std::fs::read_dir(out.join("he/news"))
        .expect("news")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(years.len() > 3, "{years:?}");
    let by_year: usize = years
        .iter()
        .map(|y| listed_through_the_pages(&out, &format!("he/news/{y}/")).len())
        .sum();
    assert_eq!(by_year, entries("news").len());
}
