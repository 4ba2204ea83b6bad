//! `sulam check`: each kind of problem it finds that a build alone does not, its JSON form and
//! its exit codes. Nothing is written.

use sulam::commands::check::check;

use crate::common::Site;

fn messages(site: &Site) -> (String, sulam::commands::check::CheckReport) {
    let report = check(site.root(), None);
    let text = report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    (text, report)
}

#[test]
fn a_clean_site_passes_and_nothing_is_written() {
    let s = Site::fixture("basic");
    let (m, report) = messages(&s);
    assert_eq!(report.errors, 0, "{m}");
    // 57 pages of entries and lists, 3 of the news of 2024, and 21 filter pages (7 values in 3
    // languages).
    assert_eq!(report.pages, 81);
    assert!(!s.out().exists(), "check wrote an output folder");
}

#[test]
fn a_broken_link_in_a_body_is_found() {
    let s = Site::fixture("basic");
    s.write(
        "content/towns/ofakim/en.md",
        "---\ntitle: Ofakim\n---\nSee [Sderot](../sderott/) and [the list](../).\n",
    );
    let (m, report) = messages(&s);
    assert_eq!(report.errors, 1, "{m}");
    assert!(
        m.contains("content/towns/ofakim/en.md:4: the link ../sderott/ leads to no page or file of the site"),
        "{m}"
    );
    assert!(
        m.contains("hint: did you mean the page 'sderot'? From here it is ../sderot/"),
        "{m}"
    );
}

#[test]
fn a_ui_string_missing_in_one_language_is_found() {
    let s = Site::fixture("basic");
    s.write("i18n/en.ftl", "only-in-english = Hello\n");
    s.write(
        "themes/default/templates/list.html",
        "{% extends \"base.html\" %}{% block main %}{% if false %}{{ t(key=\"only-in-english\") }}{% endif %}{% endblock main %}",
    );
    let (m, report) = messages(&s);
    assert!(m.contains("error: i18n/he.ftl: the template list.html uses the UI string 'only-in-english', which 'he' does not have\n  hint: add 'only-in-english = ...' to i18n/he.ftl"), "{m}");
    assert!(m.contains("error: i18n/ar.ftl: the template list.html uses the UI string 'only-in-english', which 'ar' does not have"), "{m}");
    assert!(!m.contains("which 'en' does not have"), "{m}");
    // Two errors (he, ar); the fixture's one warning (no accessibility statement) stays one.
    assert_eq!((report.errors, report.warnings), (2, 1), "{m}");
}

#[test]
fn a_ui_string_of_a_markdown_component_missing_in_one_language_is_found() {
    // A theme's Arabic strings without the label of one kind of callout and the video's play
    // button: no page of the fixture shows either, so only `check` can tell.
    let s = Site::fixture("basic");
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/ar.ftl"),
    )
    .expect("the built-in Arabic strings");
    let without: String = builtin
        .lines()
        .filter(|l| !l.starts_with("callout-caution =") && !l.starts_with("video-play ="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(without.len() < builtin.len());
    s.write("themes/default/i18n/ar.ftl", &without);
    let (m, report) = messages(&s);
    for key in ["callout-caution", "video-play"] {
        assert!(m.contains(&format!("error: i18n/ar.ftl: Markdown (callouts, video) uses the UI string '{key}', which 'ar' does not have\n  hint: add '{key} = ...' to i18n/ar.ftl")), "{m}");
    }
    assert!(!m.contains("which 'he' does not have"), "{m}");
    assert_eq!(report.errors, 2, "{m}");
}

#[test]
fn an_unused_file_is_listed() {
    let s = Site::fixture("basic");
    s.write("content/towns/ofakim/old-map.pdf", "pdf");
    s.write("content/towns/sderot/map.pdf", "pdf");
    s.write(
        "content/towns/sderot/en.md",
        "---\ntitle: Sderot\n---\n[The map](map.pdf)\n",
    );
    let (m, report) = messages(&s);
    assert!(
        m.contains("warning: content/towns/ofakim/old-map.pdf: no page uses this file"),
        "{m}"
    );
    assert!(!m.contains("sderot/map.pdf"), "{m}");
    assert_eq!(report.errors, 0, "{m}");
}

#[test]
fn a_file_that_would_replace_a_page_is_an_error() {
    let s = Site::fixture("basic");
    s.write("content/towns/ofakim/index.html", "<p>mine</p>");
    let (m, report) = messages(&s);
    // Refused as an HTML file before it could collide (issue 12: it ran script as the site).
    assert!(m.contains("error: content/towns/ofakim/index.html: an .html file in an entry's folder would run its scripts as the site"), "{m}");
    assert_eq!((report.errors, report.warnings), (1, 1), "{m}");
    // Another file where a page goes: the sitemap.
    s.remove("content/towns/ofakim/index.html");
    s.write("static/sitemap.xml", "<urlset/>");
    let (m, report) = messages(&s);
    assert!(
        m.contains("error: static/sitemap.xml: this file would be published at /sitemap.xml, where the sitemap goes\n  hint: rename the file"),
        "{m}"
    );
    assert_eq!((report.errors, report.warnings), (1, 1), "{m}");
}

#[test]
fn the_command_speaks_json_and_fails_as_asked() {
    let s = Site::fixture("basic");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
            .arg("--root")
            .arg(s.root())
            .arg("check")
            .args(args)
            .output()
            .expect("run sulam")
    };
    // The fixture has one warning (no accessibility statement): fine, unless --strict.
    assert!(run(&[]).status.success());
    assert!(!run(&["--strict"]).status.success());
    let out = run(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["diagnostics"][0]["file"], "site.yaml");
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    s.write(
        "content/towns/ofakim/en.md",
        "---\ntitle: Ofakim\n---\n[x](../nowhere/)\n",
    );
    let out = run(&["--format", "json"]);
    assert!(!out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["errors"], 1);
}
