//! Issue 12, where the site is written and what site.yaml may name: an author's file never
//! silently replaces a generated one, the site's address and theme are checked, and the output
//! folder is found, recognised and replaced without ever losing a file Sulam did not write.

use std::path::{Path, PathBuf};

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
        ..Default::default()
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

// Item 2: an author's file where a generated file goes.

/// The messages of `sulam check` on `s`.
fn check_messages(s: &Site) -> String {
    sulam::commands::check::check(s.root(), None)
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_file_where_a_generated_file_goes_fails_the_build_and_keeps_the_site() {
    let cases = [
        // Copied with the extras, after the batch that holds the page.
        (
            "static/he/towns/sderot/index.html",
            "he/towns/sderot/index.html",
            "a page of the site",
        ),
        ("static/index.html", "index.html", "the language chooser"),
        (
            "static/404.html",
            "404.html",
            "the page shown for an address the site does not have",
        ),
        ("static/sitemap.xml", "sitemap.xml", "the sitemap"),
        (
            "static/robots.txt",
            "robots.txt",
            "the robots.txt that tells search engines where the sitemap is",
        ),
        ("static/he/feed.xml", "he/feed.xml", "a news feed"),
        ("static/search/he.js", "search/he.js", "the search index"),
        ("static/sulam.js", "sulam.js", "the theme's file sulam.js"),
    ];
    for (file, address, what) in cases {
        let s = Site::fixture("basic");
        s.build_ok();
        let before = std::fs::read(s.out().join(address)).expect("generated");
        s.write(file, "mine");
        let m = messages(&s.build_err());
        let expected =
            format!("error: {file}: this file would be published at /{address}, where {what}");
        assert!(m.contains(&expected), "{expected}\n{m}");
        assert!(m.contains("hint: rename the file"), "{m}");
        assert_eq!(
            std::fs::read(s.out().join(address)).expect("kept"),
            before,
            "{file}"
        );
        assert!(check_messages(&s).contains(&expected), "check: {file}");
    }
    // An entry's own index.html never reaches its page's address: an HTML file beside an
    // entry is refused first (it would run its scripts as the site), and the page stays.
    let s = Site::fixture("basic");
    s.build_ok();
    let before = std::fs::read(s.out().join("he/towns/ofakim/index.html")).expect("generated");
    s.write("content/towns/ofakim/index.html", "mine");
    let m = messages(&s.build_err());
    assert!(
        m.contains("error: content/towns/ofakim/index.html: an .html file in an entry's folder"),
        "{m}"
    );
    assert_eq!(
        std::fs::read(s.out().join("he/towns/ofakim/index.html")).expect("kept"),
        before
    );
}

#[test]
fn a_stylesheet_named_as_the_themes_points_to_a_theme_of_ones_own() {
    let s = Site::fixture("basic");
    s.write("static/sulam.css", "body { color: red }");
    let m = messages(&s.build_err());
    assert!(m.contains("static/sulam.css: this file would be published at /sulam.css, where the theme's file sulam.css goes"), "{m}");
    assert!(m.contains("copy the theme into themes/<name>/"), "{m}");
}

#[test]
fn two_files_of_the_author_at_one_address_are_an_error() {
    let s = Site::fixture("basic");
    s.write("content/towns/ofakim/map.pdf", "one");
    s.write("static/media/towns/ofakim/map.pdf", "two");
    let m = messages(&s.build_err());
    assert!(
        m.contains("this file would be published at /media/towns/ofakim/map.pdf, where content/towns/ofakim/map.pdf is published too"),
        "{m}"
    );
}

#[test]
fn serve_reports_a_file_where_a_page_goes_after_a_save() {
    use sulam::commands::serve::Builder;
    let s = Site::fixture("basic");
    let root = std::fs::canonicalize(s.root()).expect("canonical");
    let mut builder = Builder::new(root.clone(), "http://127.0.0.1:9/".into());
    let (mut served, first) = builder.full();
    assert!(
        !first
            .problems
            .iter()
            .any(|d| d.to_string().starts_with("error"))
    );
    let page = served
        .output
        .files
        .get("he/towns/ofakim/index.html")
        .cloned();
    s.write("static/he/towns/ofakim/index.html", "mine");
    let outcome = builder.rebuild(
        &[root.join("static/he/towns/ofakim/index.html")],
        &mut served,
    );
    let m: Vec<String> = outcome.problems.iter().map(|d| d.to_string()).collect();
    assert!(
        m.iter().any(|d| d.contains("static/he/towns/ofakim/index.html: this file would be published at /he/towns/ofakim/index.html")),
        "{m:?}"
    );
    assert_eq!(
        served
            .output
            .files
            .get("he/towns/ofakim/index.html")
            .cloned(),
        page
    );
    // From scratch, as when serve starts.
    let (_, fresh) = Builder::new(root, "http://127.0.0.1:9/".into()).full();
    assert!(
        fresh
            .problems
            .iter()
            .any(|d| d.to_string().contains("where a page of the site goes"))
    );
}

// Items 9 and 10: links on the way to the output folder.

#[cfg(unix)]
#[test]
fn an_output_folder_reached_through_a_link_into_content_is_refused() {
    let s = Site::fixture("basic");
    std::os::unix::fs::symlink(s.root().join("content"), s.root().join("link")).expect("link");
    let m = build_err_with(&s, Some(s.root().join("link/new")), None);
    assert!(m.contains("is inside the site's content/"), "{m}");
    assert!(m.contains("link/new (which leads to "), "{m}");
    assert!(
        !s.root().join("content/new").exists(),
        "a site was written into content/"
    );
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_link_is_written_through() {
    let s = Site::fixture("basic");
    let real = tempfile::tempdir().expect("temp dir");
    let target = real.path().join("site");
    std::fs::create_dir(&target).expect("mkdir");
    std::os::unix::fs::symlink(&target, s.out()).expect("link");
    s.build_ok();
    assert!(
        std::fs::symlink_metadata(s.out())
            .expect("public")
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    assert!(target.join("he/towns/ofakim/index.html").is_file());
    s.write(
        "content/towns/ofakim/en.md",
        "---\ntitle: Ofakim renamed\n---\n",
    );
    s.build_ok();
    assert!(
        std::fs::symlink_metadata(s.out())
            .expect("public")
            .file_type()
            .is_symlink()
    );
    let page = std::fs::read_to_string(target.join("en/towns/ofakim/index.html")).expect("page");
    assert!(
        page.contains("Ofakim renamed"),
        "the link's folder was not updated"
    );
}

#[cfg(unix)]
#[test]
fn an_output_link_to_nothing_is_refused() {
    let s = Site::fixture("basic");
    std::os::unix::fs::symlink(s.root().join("gone"), s.out()).expect("link");
    let m = messages(&s.build_err());
    assert!(
        m.contains("is a link to something that does not exist"),
        "{m}"
    );
    assert!(
        std::fs::symlink_metadata(s.out())
            .expect("kept")
            .file_type()
            .is_symlink()
    );
}

// Item 11: the marker proves the folder is Sulam's, and no file Sulam did not write is lost.

#[test]
fn a_folder_with_a_marker_sulam_did_not_write_is_refused_and_kept() {
    for make_marker in [
        |p: &Path| std::fs::write(p.join(".sulam"), "").expect("empty file"),
        |p: &Path| std::fs::create_dir(p.join(".sulam")).expect("folder"),
        |p: &Path| std::fs::write(p.join(".sulam"), "mine\n").expect("file"),
    ] {
        let s = Site::fixture("basic");
        s.write("public/thesis.docx", "years of work");
        make_marker(&s.out());
        let m = messages(&s.build_err());
        assert!(
            m.contains("exists and was not made by Sulam: its .sulam is not one Sulam wrote"),
            "{m}"
        );
        assert_eq!(
            std::fs::read_to_string(s.out().join("thesis.docx")).expect("kept"),
            "years of work"
        );
    }
}

#[test]
fn a_file_added_to_the_output_stops_the_next_build_and_is_kept() {
    let s = Site::fixture("basic");
    s.build_ok();
    s.write("public/thesis.docx", "years of work");
    s.write("public/he/notes/today.txt", "notes");
    let m = messages(&s.build_err());
    assert!(
        m.contains(
            "holds he/notes, thesis.docx, which Sulam did not write; the folder is left as it is"
        ),
        "{m}"
    );
    assert!(m.contains("hint: move he/notes out of the folder (a file to publish goes in static/), or choose another --output folder"), "{m}");
    assert_eq!(
        std::fs::read_to_string(s.out().join("thesis.docx")).expect("kept"),
        "years of work"
    );
    assert!(s.out().join("he/notes/today.txt").is_file());
    // Once moved away, the build goes on.
    std::fs::remove_file(s.out().join("thesis.docx")).expect("rm");
    std::fs::remove_dir_all(s.out().join("he/notes")).expect("rm");
    s.build_ok();
}

#[test]
fn an_output_of_the_earlier_marker_format_is_still_sulams() {
    let s = Site::fixture("basic");
    s.write(
        "public/.sulam",
        "This folder was written by Sulam; it is replaced at each build.\n",
    );
    s.write("public/he/old-page/index.html", "old");
    s.build_ok();
    assert!(!s.out().join("he/old-page").exists());
    assert!(s.out().join("he/towns/ofakim/index.html").is_file());
    let marker = std::fs::read_to_string(s.out().join(".sulam")).expect("marker");
    assert!(
        marker.contains("\nhe/towns/ofakim/index.html\n"),
        "{marker}"
    );
}

// Item 12: a build stopped between the two renames of the swap.

/// A process id no process can have (above Linux's largest), for a build that was killed.
const DEAD: u32 = 4_194_305;

fn side(s: &Site, kind: &str) -> PathBuf {
    s.root().join(format!(".public.sulam-{kind}-{DEAD}"))
}

fn side_folders(s: &Site) -> Vec<String> {
    std::fs::read_dir(s.root())
        .expect("site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".sulam-"))
        .collect()
}

#[test]
fn a_build_stopped_before_the_new_site_was_finished_puts_the_old_one_back() {
    let s = Site::fixture("basic");
    s.build_ok();
    let page = s.page("he/towns/ofakim/index.html");
    // Killed while writing: the output moved aside, the new folder half written.
    std::fs::rename(s.out(), side(&s, "old")).expect("rename");
    std::fs::create_dir(side(&s, "new")).expect("mkdir");
    std::fs::write(
        side(&s, "new").join(".sulam"),
        "This folder was written by Sulam; it is replaced at each build.\nSulam is writing this folder (marker format 2); it is not finished.\n",
    )
    .expect("marker");
    std::fs::write(side(&s, "new").join("index.html"), "half").expect("write");
    // The next build fails on a mistake, yet the last good site is back.
    s.write("content/news/launch/common.yaml", "date: soon\n");
    let m = messages(&s.build_err());
    assert!(m.contains("'soon' is not a date"), "{m}");
    assert!(
        m.contains("an earlier build was stopped while it replaced"),
        "{m}"
    );
    assert_eq!(s.page("he/towns/ofakim/index.html"), page);
    assert!(side_folders(&s).is_empty(), "{:?}", side_folders(&s));
}

#[test]
fn a_build_stopped_between_the_two_renames_puts_the_finished_site_in_place() {
    let s = Site::fixture("basic");
    s.write(
        "content/towns/ofakim/en.md",
        "---\ntitle: Ofakim new\n---\n",
    );
    s.build_ok();
    // The finished new site, and the old one moved aside: the state between the renames.
    crate::support::copy_dir(&s.out(), &side(&s, "new")).expect("copy");
    std::fs::rename(s.out(), side(&s, "old")).expect("rename");
    std::fs::write(side(&s, "old").join("en/towns/ofakim/index.html"), "old").expect("write");
    // A folder of that name that Sulam did not make is left alone.
    let other = s.root().join(".public.sulam-old-4194306");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("mine.txt"), "mine").expect("write");
    s.write("content/news/launch/common.yaml", "date: soon\n");
    s.build_err();
    assert!(s.page("en/towns/ofakim/index.html").contains("Ofakim new"));
    assert!(other.join("mine.txt").is_file());
    std::fs::remove_dir_all(&other).expect("rm");
    assert!(side_folders(&s).is_empty(), "{:?}", side_folders(&s));
}
