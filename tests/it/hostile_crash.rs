//! Hostile input that once crashed a build or took unbounded memory: an unbroken "word" of
//! hundreds of thousands of letters, huge titles and summaries, characters XML cannot hold,
//! and HTML or SVG files that would run script on the site's own origin.

use std::process::{Command, Output};

use crate::common::{Site, messages};

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

/// Found by the fuzzer: a part's file name was made of every letter of its prefix, and 64
/// Hebrew letters made a name longer than a file system takes ("File name too long").
#[test]
fn an_unbroken_hebrew_word_gets_part_names_a_file_system_takes() {
    let site = site_with_body(&"אבגדהו".repeat(30_000));
    let out = sulam(&["build"], &site);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{:?}\n{}",
        out.status,
        &stderr[..stderr.len().min(2000)]
    );
    for part in std::fs::read_dir(site.out().join("search/en"))
        .expect("search/en")
        .flatten()
    {
        let name = part.file_name();
        assert!(name.len() <= 100, "{} bytes: {name:?}", name.len());
    }
}

/// The messages of a build that must fail.
fn refused(site: &Site) -> String {
    messages(&site.build_err())
}

fn site_with_front(front: &str, body: &str) -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/alpha/en.md",
        &format!("---\n{front}\n---\n{body}\n"),
    );
    site
}

#[test]
fn a_title_of_a_million_characters_is_refused_with_its_length() {
    let site = site_with_front(&format!("title: {}", "Mobility ".repeat(111_111)), "Text.");
    let m = refused(&site);
    assert!(
        m.contains("content/initiatives/alpha/en.md:2:1")
            && m.contains("'title' is 999998 characters long, more than the 1000 it may have")
            && m.contains("keep it short"),
        "{m}"
    );
}

#[test]
fn a_summary_too_long_and_a_file_too_large_are_refused() {
    let site = site_with_front(
        &format!("title: T\nsummary: {}", "s".repeat(5_001)),
        "Text.",
    );
    let m = refused(&site);
    assert!(
        m.contains("en.md:3:1") && m.contains("'summary' is 5001 characters long"),
        "{m}"
    );
    let site = site_with_front("title: T", &"b".repeat(5 << 20));
    let m = refused(&site);
    assert!(
        m.contains("content/initiatives/alpha/en.md")
            && m.contains("it is 5.0 MB, more than the 4.0 MB a file of the site may have"),
        "{m}"
    );
}

#[test]
fn a_control_character_in_a_title_or_body_is_refused_with_its_code_point() {
    let site = site_with_front("title: Bell\u{7}s", "Text.");
    let m = refused(&site);
    assert!(
        m.contains("content/initiatives/alpha/en.md:2:12")
            && m.contains("the control character U+0007"),
        "{m}"
    );
    let site = site_with_front("title: T", "Line one.\nA form\u{c}feed.");
    let m = refused(&site);
    assert!(m.contains("en.md:5:7") && m.contains("U+000C"), "{m}");
    // Written as an escape in YAML, the character is only in the value.
    let site = site_with_front("title: \"Non\\uFFFFcharacter\"", "Text.");
    let m = refused(&site);
    assert!(
        m.contains("'title' holds the control character U+FFFF"),
        "{m}"
    );
}

#[test]
fn a_control_character_in_site_yaml_is_refused() {
    let site = Site::fixture("basic");
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        &yaml.replace("en: Knowledge base", "en: \"Knowledge\\x01base\""),
    );
    let m = refused(&site);
    assert!(
        m.contains("site.yaml:") && m.contains("'title.en' holds the control character U+0001"),
        "{m}"
    );
}

#[test]
fn an_html_file_beside_an_entry_is_refused() {
    let site = site_with_body("<iframe src=\"evil.html\"></iframe>");
    site.write(
        "content/initiatives/alpha/evil.html",
        "<script>alert(document.domain)</script>",
    );
    site.write("content/initiatives/alpha/docs/page.XHTML", "<x/>");
    let m = refused(&site);
    assert!(
        m.contains("content/initiatives/alpha/evil.html: an .html file in an entry's folder would run its scripts as the site")
            && m.contains("content/initiatives/alpha/docs/page.XHTML: an .xhtml file"),
        "{m}"
    );
}

#[test]
fn an_svg_picture_is_published_only_without_script() {
    let site = site_with_body("![map](map.svg)");
    let clean = "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>";
    site.write("content/initiatives/alpha/map.svg", clean);
    site.build_ok();
    assert_eq!(site.page("media/initiatives/alpha/map.svg"), clean);
    site.write(
        "content/initiatives/alpha/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\" onload=\"alert(1)\"/></svg>",
    );
    let m = refused(&site);
    assert!(
        m.contains("content/initiatives/alpha/map.svg: the SVG picture holds an event attribute (on…=), which would run as the site"),
        "{m}"
    );
}
