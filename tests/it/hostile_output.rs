//! Issue 12, where the site is written and what site.yaml may name: an author's file never
//! silently replaces a generated one, the site's address and theme are checked, and the output
//! folder is found, recognised and replaced without ever losing a file Sulam did not write.

use std::path::PathBuf;

use sulam::commands::build::{BuildOptions, Report, build};
use sulam::diagnostics::Diagnostics;

use crate::common::{Site, messages};

fn build_into(
    s: &Site,
    output: Option<PathBuf>,
    base_url: Option<&str>,
) -> Result<Report, Diagnostics> {
    build(&BuildOptions {
        root: s.root().to_path_buf(),
        output,
        base_url: base_url.map(str::to_string),
    })
}

fn build_err_with(s: &Site, output: Option<PathBuf>, base_url: Option<&str>) -> String {
    match build_into(s, output, base_url) {
        Ok(_) => panic!("the build should have failed"),
        Err(d) => messages(&d),
    }
}

// Item 4: the site's address.

#[test]
fn a_base_url_with_markup_is_refused_and_never_reaches_a_file() {
    let s = Site::fixture("basic");
    let m = build_err_with(&s, None, Some("https://x/\"><script>alert(1)</script>"));
    assert!(
        m.contains("'https://x/\"><script>alert(1)</script>' is not an absolute http(s) address"),
        "{m}"
    );
    assert!(
        m.contains("hint: give --base-url a full address, like https://example.org/kb/"),
        "{m}"
    );
    assert!(!s.out().exists(), "something was written");

    s.write(
        "site.yaml",
        "base_url: \"https://example.org/a b\"\nlanguages: [he, ar, en]\n",
    );
    let m = messages(&s.build_err());
    assert!(
        m.contains("site.yaml:1:11: 'https://example.org/a b' is not an absolute http(s) address"),
        "{m}"
    );
}

#[test]
fn the_hint_for_a_bad_base_url_never_repeats_it() {
    let s = Site::fixture("basic");
    let m = build_err_with(&s, None, Some("https://javascript:alert(1)"));
    assert!(
        m.contains("'https://javascript:alert(1)' is not an absolute http(s) address"),
        "{m}"
    );
    let hints: Vec<&str> = m.lines().filter(|l| l.contains("hint:")).collect();
    assert!(!hints.is_empty(), "{m}");
    assert!(hints.iter().all(|h| !h.contains("javascript")), "{m}");
}

// Item 5: the theme.

#[test]
fn a_theme_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(outside.path().join("static")).expect("mkdir");
    std::fs::write(outside.path().join("static/leak.txt"), "secret").expect("write");
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    for theme in [
        outside.path().display().to_string(),
        "../../x".into(),
        "a/b".into(),
        ".hidden".into(),
    ] {
        s.write("site.yaml", &format!("{yaml}theme: \"{theme}\"\n"));
        let m = messages(&s.build_err());
        assert!(
            m.contains(&format!(
                "site.yaml:11:8: theme: '{theme}' is not the name of a theme folder"
            )),
            "{m}"
        );
        assert!(
            m.contains("hint: themes come from the site's themes/ folder"),
            "{m}"
        );
        assert!(!s.out().join("leak.txt").exists());
    }
}
