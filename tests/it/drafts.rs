//! Drafts and renames (issue 15): an entry or a translation prepared before it is public, and
//! an entry whose id changed. See docs/drafts.md.

use std::path::Path;

use sulam::commands::build::{BuildOptions, build};

use crate::common::{Site, messages};

/// Every file of the output with its text (binary files as lossy text).
fn all_files(out: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .expect("inside")
                .to_string_lossy()
                .to_string();
            let text = String::from_utf8_lossy(&std::fs::read(e.path()).expect("read")).to_string();
            (rel, text)
        })
        .collect()
}

/// The basic fixture with its initiative `beta` ("מיזם הינקות") a draft; `alpha` names it.
fn with_draft_beta() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/beta/common.yaml",
        "draft: true\ntowns: [ofakim]\n",
    );
    site
}

#[test]
fn a_draft_entry_is_in_no_file_of_the_site() {
    let site = with_draft_beta();
    let report = site.build_ok();
    let warned = messages(&report.diagnostics);
    assert!(
        warned.contains("content/initiatives/alpha/common.yaml:10:")
            && warned.contains("'related' names the initiative 'beta', a draft: its name is shown without a link until it is published"),
        "{warned}"
    );
    for (file, text) in all_files(&site.out()) {
        assert!(!file.contains("beta"), "a file of the draft: {file}");
        assert!(
            !text.contains("initiatives/beta"),
            "{file} links to the draft"
        );
        // Its summary is nowhere: not in lists, search, feeds or filters.
        assert!(
            !text.contains("רצף שירותים לגיל הרך"),
            "{file} shows the draft's summary"
        );
    }
    // alpha still names it, without a link, in every language.
    for lang in ["he", "ar", "en"] {
        let page = site.page(&format!("{lang}/initiatives/alpha/index.html"));
        assert!(
            page.contains("מיזם הינקות</span>"),
            "{lang}: the name: {page}"
        );
        assert!(!page.contains("מיזם הינקות</a>"), "{lang}: no link");
    }
    // The town it ran in lists only what is published.
    let town = site.page("he/towns/ofakim/index.html");
    assert!(!town.contains("מיזם הינקות"), "{town}");
}

#[test]
fn a_draft_translation_falls_back_as_if_it_were_not_there() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/launch/en.md",
        "---\ntitle: Launch under embargo\ndraft: true\n---\nNot yet.\n",
    );
    site.build_ok();
    let en = site.page("en/news/launch/index.html");
    assert!(
        en.contains("<h1 lang=\"he\" dir=\"rtl\">השקה</h1>"),
        "the Hebrew text: {en}"
    );
    assert!(
        en.contains("<link rel=\"canonical\" href=\"https://example.org/kb/he/news/launch/\">"),
        "{en}"
    );
    for (file, text) in all_files(&site.out()) {
        assert!(
            !text.contains("Launch under embargo"),
            "{file} shows the draft translation"
        );
    }
    // The other languages are published as before.
    assert!(site.page("ar/news/launch/index.html").contains("إطلاق"));
    // And `sulam translations` counts it as not done.
    let r = sulam::commands::translations::report(site.root(), Some("en")).expect("report");
    let e = r.languages[0]
        .entries
        .iter()
        .find(|e| e.id == "launch")
        .expect("launch in the report");
    assert_eq!(e.state, "missing");
}

#[test]
fn build_with_drafts_publishes_them_marked_and_unindexed() {
    let site = with_draft_beta();
    let out = site.root().join("staging");
    build(&BuildOptions {
        root: site.root().to_path_buf(),
        output: Some(out.clone()),
        drafts: true,
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("{}", messages(&d)));
    for (lang, mark) in [("he", "טיוטה:"), ("ar", "مسودة:"), ("en", "Draft:")] {
        let page = std::fs::read_to_string(out.join(format!("{lang}/initiatives/beta/index.html")))
            .expect("the draft's page");
        assert!(
            page.contains(&format!(
                "<p class=\"notice draft-notice\" role=\"note\"><strong>{mark}</strong>"
            )),
            "{lang}: {page}"
        );
        assert!(
            page.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{lang}"
        );
        // alpha links to it on a staging site.
        let alpha =
            std::fs::read_to_string(out.join(format!("{lang}/initiatives/alpha/index.html")))
                .expect("alpha");
        assert!(
            alpha.contains("/kb/") && alpha.contains("initiatives/beta/\""),
            "{lang}: {alpha}"
        );
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    assert!(!sitemap.contains("initiatives/beta"), "{sitemap}");
    assert!(sitemap.contains("initiatives/alpha"));
}

#[test]
fn an_old_id_sends_readers_to_the_new_page_in_every_language() {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/beta/common.yaml",
        "aliases: [infancy, old-beta]\n",
    );
    site.build_ok();
    for lang in ["he", "ar", "en"] {
        for old in ["infancy", "old-beta"] {
            let page = site.page(&format!("{lang}/initiatives/{old}/index.html"));
            assert!(
                page.contains(&format!(
                    "<meta http-equiv=\"refresh\" content=\"0; url=/kb/{lang}/initiatives/beta/\">"
                )),
                "{lang}: {page}"
            );
            assert!(page.contains(&format!("<link rel=\"canonical\" href=\"https://example.org/kb/{lang}/initiatives/beta/\">")), "{page}");
            assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
            // A link for when the refresh does not happen, with the title.
            assert!(
                page.contains(&format!("<a href=\"/kb/{lang}/initiatives/beta/\"")),
                "{page}"
            );
            assert!(page.contains("מיזם הינקות"), "{page}");
            assert!(
                !page.contains("rel=\"alternate\" hreflang"),
                "not an alternate of anything: {page}"
            );
        }
    }
    assert!(
        site.page("en/initiatives/infancy/index.html")
            .contains("This page has moved to a new address:")
    );
    assert!(
        site.page("he/initiatives/infancy/index.html")
            .contains("הדף עבר לכתובת חדשה:")
    );
    let sitemap = std::fs::read_to_string(site.out().join("sitemap.xml")).expect("sitemap");
    assert!(
        !sitemap.contains("infancy") && !sitemap.contains("old-beta"),
        "{sitemap}"
    );
}

#[test]
fn a_reference_to_an_old_id_names_the_new_one() {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/beta/common.yaml",
        "aliases: [infancy]\n",
    );
    let alpha = std::fs::read_to_string(site.root().join("content/initiatives/alpha/common.yaml"))
        .expect("alpha");
    site.write(
        "content/initiatives/alpha/common.yaml",
        &alpha.replace("related: [beta]", "related: [infancy]"),
    );
    let m = messages(&site.build_err());
    assert!(
        m.contains("error: content/initiatives/alpha/common.yaml:10:11: initiative 'infancy' (in 'related') was renamed to 'beta'"),
        "{m}"
    );
    assert!(m.contains("write 'beta' instead of 'infancy'"), "{m}");
}

#[test]
fn an_alias_that_is_an_entrys_id_is_a_mistake() {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/beta/common.yaml",
        "aliases:\n  - alpha\n  - beta\n  - Old_Name\n",
    );
    let m = messages(&site.build_err());
    assert!(
        m.contains("error: content/initiatives/beta/common.yaml:2:5: 'aliases' holds 'alpha', which is the id of another entry: content/initiatives/alpha/"),
        "{m}"
    );
    assert!(
        m.contains(
            "content/initiatives/beta/common.yaml:3:5: 'aliases' holds the entry's own id 'beta'"
        ),
        "{m}"
    );
    assert!(m.contains("content/initiatives/beta/common.yaml:4:5: 'aliases' holds 'Old_Name', which is not an id"), "{m}");
    // Two entries cannot claim one old id.
    let site = Site::fixture("basic");
    site.write("content/initiatives/beta/common.yaml", "aliases: [gamma]\n");
    let alpha = std::fs::read_to_string(site.root().join("content/initiatives/alpha/common.yaml"))
        .expect("alpha");
    site.write(
        "content/initiatives/alpha/common.yaml",
        &format!("{alpha}aliases: [gamma]\n"),
    );
    let m = messages(&site.build_err());
    assert!(
        m.contains(
            "'aliases' holds 'gamma', which content/initiatives/alpha/ lists as its old id too"
        ),
        "{m}"
    );
}

#[test]
fn draft_must_be_true_or_false() {
    let site = Site::fixture("basic");
    site.write("content/initiatives/beta/common.yaml", "draft: yes\n");
    let m = messages(&site.build_err());
    assert!(m.contains("content/initiatives/beta/common.yaml:1:"), "{m}");
}

#[test]
fn serve_shows_drafts_marked() {
    let site = with_draft_beta();
    let server =
        crate::support::serve::Server::start(site.root(), std::time::Duration::from_secs(60))
            .expect("the server prints its address");
    let (status, page) =
        crate::support::serve::get(&server.address, "/ar/initiatives/beta/").expect("GET");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<strong>مسودة:</strong>"), "{page}");
    let (_, alpha) =
        crate::support::serve::get(&server.address, "/he/initiatives/alpha/").expect("GET");
    assert!(
        alpha.contains("initiatives/beta/\""),
        "linked in serve: {alpha}"
    );
}

/// A copy of the example site.
fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::support::copy_dir(&repo.join("content"), &dir.path().join("content"))
        .expect("copy content/");
    crate::support::copy_dir(&repo.join("static"), &dir.path().join("static"))
        .expect("copy static/");
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    dir
}

fn sulam(root: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sulam")
}

/// What the translations report says of every text, with the renamed id put back.
fn translation_states(root: &Path, new: &str, old: &str) -> Vec<String> {
    let r = sulam::commands::translations::report(root, None).expect("report");
    let mut v: Vec<String> = r
        .languages
        .iter()
        .flat_map(|l| {
            l.entries.iter().map(move |e| {
                let id = if e.id == new { old } else { e.id.as_str() };
                format!(
                    "{} {}/{id} {} {:?} {:?}",
                    l.lang, e.collection, e.state, e.missing, e.outdated
                )
            })
        })
        .collect();
    v.sort();
    v
}

#[test]
fn rename_rewrites_every_reference_and_link_and_the_site_still_checks_strictly() {
    let dir = example_copy();
    let root = dir.path();
    let (old, new) = ("town-at-the-centre", "the-town-at-the-centre");
    let states_before = translation_states(root, new, old);
    let about_before =
        std::fs::read_to_string(root.join("content/pages/about/en.md")).expect("about");

    let out = sulam(root, &["rename", "initiatives", old, new]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("4 references and links rewritten; 'town-at-the-centre' is now an alias of 'the-town-at-the-centre'"), "{said}");

    assert!(!root.join("content/initiatives").join(old).exists());
    let facts = std::fs::read_to_string(
        root.join("content/initiatives")
            .join(new)
            .join("common.yaml"),
    )
    .expect("moved");
    assert!(
        facts.ends_with("aliases: [hayishuv-bamerkaz, town-at-the-centre]\n"),
        "{facts}"
    );
    // The network that names it; the network whose own id starts with the old id is untouched.
    let network = std::fs::read_to_string(
        root.join("content/networks/town-at-the-centre-network/common.yaml"),
    )
    .expect("network");
    assert!(
        network.contains("initiatives: [the-town-at-the-centre]"),
        "{network}"
    );
    let ecostem = std::fs::read_to_string(root.join("content/initiatives/ecostem21/common.yaml"))
        .expect("ecostem21");
    assert!(
        ecostem.contains("networks: [town-at-the-centre-network]"),
        "{ecostem}"
    );
    // The links of the about page, and nothing else of its text.
    let about = std::fs::read_to_string(root.join("content/pages/about/en.md")).expect("about");
    assert_eq!(
        about,
        about_before
            .replace(
                "](../../initiatives/town-at-the-centre/)",
                "](../../initiatives/the-town-at-the-centre/)"
            )
            .replace(&stamp_body_line(&about_before), &stamp_body_line(&about)),
        "only the link (and the stamp carried over) changed"
    );
    // A rename is not a change of text: the translations are as current as they were.
    assert_eq!(translation_states(root, new, old), states_before);

    // The site checks without a warning, its links all resolve, and the old address leads on.
    let out = sulam(root, &["check", "--strict"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sulam(root, &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let moved =
        std::fs::read_to_string(root.join("public/ar/initiatives/town-at-the-centre/index.html"))
            .expect("redirect");
    assert!(
        moved.contains("url=/ar/initiatives/the-town-at-the-centre/"),
        "{moved}"
    );
    assert!(
        root.join("public/he/initiatives/the-town-at-the-centre/index.html")
            .is_file()
    );
}

/// The `hashes:` line of a stamp.
fn stamp_body_line(text: &str) -> String {
    text.lines()
        .find(|l| l.trim_start().starts_with("hashes:"))
        .unwrap_or("")
        .to_string()
}

#[test]
fn rename_refuses_what_it_cannot_do() {
    let site = Site::fixture("basic");
    for (args, said) in [
        (
            ["rename", "initiative", "alpha", "gamma"],
            "there is no collection 'initiative'",
        ),
        (
            ["rename", "initiatives", "alpah", "gamma"],
            "there is no entry content/initiatives/alpah/",
        ),
        (
            ["rename", "initiatives", "alpha", "Gamma"],
            "'Gamma' cannot be an id",
        ),
        (
            ["rename", "initiatives", "alpha", "beta"],
            "content/initiatives/beta exists already",
        ),
    ] {
        let out = sulam(site.root(), &args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
    }
    assert!(
        String::from_utf8_lossy(
            &sulam(site.root(), &["rename", "initiative", "alpha", "gamma"]).stderr
        )
        .contains("did you mean 'initiatives'")
    );
    // Nothing moved.
    assert!(
        site.root()
            .join("content/initiatives/alpha/he.md")
            .is_file()
    );
}
