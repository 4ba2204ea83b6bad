//! Files that are not what they seem (issue 12): links out of the site folder, named pipes,
//! file names that almost match `he.md` or `common.yaml`, and file names written in another
//! Unicode form. Nothing outside the site is published, nothing hangs, nothing is dropped
//! silently.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use sulam::diagnostics::Diagnostics;

use crate::common::{Site, messages};

/// The messages of a build that must fail, within a minute: a build that waits on a pipe
/// fails the test instead of hanging it.
fn build_fails(s: &Site) -> String {
    match build_in_time(s) {
        Ok(()) => panic!("the build should have failed"),
        Err(d) => messages(&d),
    }
}

fn build_in_time(s: &Site) -> Result<(), Diagnostics> {
    let root = s.root().to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = sulam::commands::build::build(&sulam::commands::build::BuildOptions {
            root,
            output: None,
            base_url: None,
            ..Default::default()
        });
        let _ = tx.send(r.map(|_| ()));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the build hangs")
}

fn build_succeeds(s: &Site) {
    if let Err(d) = build_in_time(s) {
        panic!("build failed:\n{}", messages(&d));
    }
}

fn link(s: &Site, rel: &str, target: impl AsRef<Path>) {
    let p = s.root().join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    let _ = std::fs::remove_file(&p);
    symlink(target, p).expect("symlink");
}

fn mkfifo(s: &Site, rel: &str) {
    let p = s.root().join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    let _ = std::fs::remove_file(&p);
    let ok = std::process::Command::new("mkfifo")
        .arg(&p)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", p.display());
}

/// A folder outside the site with one secret file and one entry's language file.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("secret.txt"), "SECRET-OUTSIDE").expect("write");
    std::fs::write(
        dir.path().join("he.md"),
        "---\ntitle: SECRET-OUTSIDE\n---\n",
    )
    .expect("write");
    dir
}

/// No file of the output holds `needle`.
fn nothing_published_holds(s: &Site, needle: &str) {
    for f in walkdir::WalkDir::new(s.out()).into_iter().flatten() {
        if f.file_type().is_file() {
            let bytes = std::fs::read(f.path()).expect("read");
            assert!(
                !String::from_utf8_lossy(&bytes).contains(needle),
                "{} holds {needle}",
                f.path().display()
            );
        }
    }
}

// Links (item 1)

#[test]
fn a_link_out_of_the_site_in_an_entry_is_refused_naming_the_file_and_its_target() {
    let s = Site::fixture("basic");
    link(&s, "content/initiatives/alpha/passwd.txt", "/etc/passwd");
    let m = build_fails(&s);
    assert!(
        m.contains(
            "content/initiatives/alpha/passwd.txt: this is a link to /etc/passwd, which is outside the site folder"
        ),
        "{m}"
    );
    assert!(!s.out().exists(), "nothing is written");
}

#[test]
fn a_link_out_of_the_site_in_static_or_the_theme_is_refused() {
    let out = outside();
    let s = Site::fixture("basic");
    link(&s, "static/leak.txt", out.path().join("secret.txt"));
    link(&s, "themes/default/static/leak.txt", "/etc/passwd");
    link(&s, "i18n/ar.ftl", "/etc/passwd");
    let m = build_fails(&s);
    assert!(
        m.contains("i18n/ar.ftl: this is a link to /etc/passwd"),
        "{m}"
    );
    assert!(
        m.contains("static/leak.txt: this is a link to") && m.contains("outside the site folder"),
        "{m}"
    );
    assert!(
        m.contains("themes/default/static/leak.txt: this is a link to /etc/passwd"),
        "{m}"
    );
}

#[test]
fn a_linked_static_folder_leading_out_is_refused() {
    let out = outside();
    let s = Site::fixture("basic");
    link(&s, "static", out.path());
    let m = build_fails(&s);
    assert!(
        m.contains("static: this is a link to") && m.contains("outside the site folder"),
        "{m}"
    );
}

#[test]
fn linked_entry_and_collection_folders_are_refused() {
    let out = outside();
    let s = Site::fixture("basic");
    link(&s, "content/initiatives/gamma", out.path());
    link(&s, "content/people", out.path());
    link(&s, "content/towns/copy", "sderot");
    let m = build_fails(&s);
    assert!(
        m.contains("content/initiatives/gamma: this is a link to")
            && m.contains("outside the site folder"),
        "{m}"
    );
    assert!(m.contains("content/people: this is a link to"), "{m}");
    assert!(
        m.contains("content/towns/copy: this is a link to the folder content/towns/sderot; Sulam follows links to files only"),
        "{m}"
    );
}

#[test]
fn a_circle_of_links_is_an_error_naming_the_file() {
    let s = Site::fixture("basic");
    link(&s, "content/initiatives/alpha/a.jpg", "b.jpg");
    link(&s, "content/initiatives/alpha/b.jpg", "a.jpg");
    link(&s, "static/gone.png", "nowhere.png");
    let m = build_fails(&s);
    assert!(
        m.contains(
            "content/initiatives/alpha/a.jpg: this is a link to b.jpg, which leads round in a circle of links"
        ),
        "{m}"
    );
    assert!(
        m.contains("static/gone.png: this is a link to nowhere.png, which does not exist"),
        "{m}"
    );
}

#[test]
fn a_link_to_a_file_inside_the_site_is_published_as_a_copy_of_it() {
    let s = Site::fixture("basic");
    s.write("static/logo.svg", "<svg id=\"logo\"/>");
    link(&s, "static/brand/logo.svg", "../logo.svg");
    link(
        &s,
        "content/initiatives/alpha/logo.svg",
        "../../../static/logo.svg",
    );
    build_succeeds(&s);
    assert_eq!(s.page("brand/logo.svg"), "<svg id=\"logo\"/>");
    assert_eq!(
        s.page("media/initiatives/alpha/logo.svg"),
        "<svg id=\"logo\"/>"
    );
}

// Named pipes and devices (item 8)

#[test]
fn a_named_pipe_as_an_asset_or_a_text_is_an_error_not_a_hang() {
    let s = Site::fixture("basic");
    mkfifo(&s, "content/initiatives/alpha/photo.jpg");
    mkfifo(&s, "content/initiatives/beta/common.yaml");
    mkfifo(&s, "content/towns/sderot/he.md");
    mkfifo(&s, "static/pipe.css");
    mkfifo(&s, "i18n/en.ftl");
    let m = build_fails(&s);
    for f in [
        "i18n/en.ftl",
        "content/initiatives/alpha/photo.jpg",
        "content/initiatives/beta/common.yaml",
        "content/towns/sderot/he.md",
        "static/pipe.css",
    ] {
        assert!(
            m.contains(&format!(
                "{f}: this is not a regular file (a named pipe)\n  hint: remove it"
            )),
            "{f}: {m}"
        );
    }
}

#[test]
fn a_link_to_a_device_is_refused() {
    let s = Site::fixture("basic");
    link(&s, "content/initiatives/alpha/zero.bin", "/dev/zero");
    link(&s, "content/towns/sderot/he.md", "/dev/zero");
    let m = build_fails(&s);
    assert!(
        m.contains("content/initiatives/alpha/zero.bin: this is a link to /dev/zero"),
        "{m}"
    );
    assert!(
        m.contains("content/towns/sderot/he.md: this is a link to /dev/zero"),
        "{m}"
    );
}

// Names that almost match (item 13)

fn near_miss(name: &str, right: &str) {
    let s = Site::fixture("basic");
    s.write(
        &format!("content/initiatives/beta/{name}"),
        "---\ntitle: NEAR-MISS\n---\n",
    );
    let m = build_fails(&s);
    assert!(
        m.contains(&format!("content/initiatives/beta/{name}: ")),
        "{name}: {m}"
    );
    assert!(
        m.contains(&format!("hint: rename it to {right}")),
        "{name}: {m}"
    );
    nothing_published_holds(&s, "NEAR-MISS");
}

#[test]
fn a_language_file_with_a_near_miss_name_is_an_error_with_the_right_name() {
    for name in [
        "he.MD",
        "HE.md",
        "Ar.md",
        "en.Md",
        "he.markdown",
        "he.md.txt",
        "he.txt",
        "EN.TXT",
        "he.mdown",
    ] {
        let right = format!("{}.md", name[..2].to_lowercase());
        near_miss(name, &right);
    }
}

#[test]
fn a_facts_file_with_a_near_miss_name_is_an_error_with_the_right_name() {
    for name in [
        "COMMON.YAML",
        "Common.yaml",
        "common.YML",
        "common.yaml.txt",
        "common.txt",
    ] {
        near_miss(name, "common.yaml");
    }
}

#[test]
fn common_yaml_and_common_yml_together_is_an_error() {
    let s = Site::fixture("basic");
    s.write("content/initiatives/beta/common.yaml", "status: active\n");
    s.write("content/initiatives/beta/common.yml", "status: planned\n");
    let m = build_fails(&s);
    assert!(
        m.contains(
            "content/initiatives/beta/common.yml: the entry has both common.yaml and common.yml"
        ),
        "{m}"
    );
}

#[test]
fn a_folder_named_like_a_language_file_is_an_error() {
    let s = Site::fixture("basic");
    s.write(
        "content/initiatives/beta/en.md/text.md",
        "---\ntitle: X\n---\n",
    );
    let m = build_fails(&s);
    assert!(
        m.contains("content/initiatives/beta/en.md: this is a folder"),
        "{m}"
    );
}

#[test]
fn real_assets_with_such_names_stay_assets() {
    let s = Site::fixture("basic");
    for name in [
        "report.pdf",
        "photo.JPG",
        "he.pdf",
        "en.png",
        "notes.txt",
        "common-ground.jpg",
        "hebrew.txt",
    ] {
        // A picture must be one: Sulam reads it to make its smaller versions.
        let bytes = match name.rsplit('.').next() {
            Some("png") => crate::common::png(8, 8),
            Some("jpg" | "JPG") => crate::common::jpeg(8, 8),
            _ => b"x".to_vec(),
        };
        std::fs::write(
            s.root().join(format!("content/initiatives/beta/{name}")),
            bytes,
        )
        .expect("write");
    }
    s.write("content/initiatives/beta/common.yml", "status: planned\n");
    build_succeeds(&s);
    for name in ["report.pdf", "photo.JPG", "he.pdf", "en.png", "notes.txt"] {
        assert!(
            s.out()
                .join(format!("media/initiatives/beta/{name}"))
                .is_file(),
            "{name}"
        );
    }
    assert!(
        !s.out().join("media/initiatives/beta/common.yml").exists(),
        "common.yml is still read as the facts"
    );
}

// Unicode forms of file names (item 17)

#[test]
fn a_file_named_in_nfd_matches_a_reference_in_nfc_and_is_published_under_it() {
    let nfc = "caf\u{e9}.jpg";
    let nfd = "cafe\u{301}.jpg";
    let s = Site::fixture("basic");
    let photo = crate::common::jpeg(8, 8);
    std::fs::write(
        s.root().join(format!("content/initiatives/beta/{nfd}")),
        &photo,
    )
    .expect("write");
    s.write(
        "content/initiatives/beta/common.yaml",
        &format!("image: {nfc}\n"),
    );
    build_succeeds(&s);
    let published = std::fs::read(s.out().join(format!("media/initiatives/beta/{nfc}")));
    assert_eq!(published.ok(), Some(photo));
    let page = s.page("he/initiatives/beta/index.html");
    assert!(page.contains(nfc), "the page names the file as written");
}
