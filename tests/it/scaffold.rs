//! `sulam init` and `sulam new`: what they create builds as it is.

use sulam::diagnostics::Diagnostics;

use crate::common;

#[test]
fn a_new_site_builds_cleanly_with_one_entry_of_each_collection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let mut diags = Diagnostics::default();
    assert!(
        sulam::commands::scaffold::init(&site, &mut diags),
        "{}",
        common::messages(&diags)
    );
    common::build_cleanly(&site, None);
    for page in [
        "he/initiatives/sample-initiative/index.html",
        "ar/partners/sample-partner/index.html",
        "en/towns/sample-town/index.html",
        "he/networks/sample-network/index.html",
        "ar/domains/education/index.html",
        "en/sectors/philanthropy/index.html",
        "he/people/sample-person/index.html",
        "ar/news/sample-news/index.html",
        "en/pages/about/index.html",
        "he/pages/accessibility/index.html",
    ] {
        assert!(site.join("public").join(page).is_file(), "{page}");
    }
    // The sample entries name each other, so back-references show.
    let town =
        std::fs::read_to_string(site.join("public/ar/towns/sample-town/index.html")).expect("town");
    assert!(town.contains("مبادرة نموذجية"));
    let check = sulam::commands::check::check(&site, None);
    assert_eq!((check.errors, check.warnings), (0, 0));
    // A second init into the same folder is refused.
    let mut diags = Diagnostics::default();
    assert!(!sulam::commands::scaffold::init(&site, &mut diags));
    assert!(common::messages(&diags).contains("is not empty; it is left as it is"));
}

#[test]
fn a_new_entry_has_commented_examples_in_each_language_and_builds() {
    let s = common::Site::fixture("basic");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
            .arg("--root")
            .arg(s.root())
            .args(args)
            .output()
            .expect("run sulam")
    };
    assert!(run(&["new", "initiatives", "gamma"]).status.success());
    assert!(run(&["new", "news", "gamma-launch"]).status.success());
    let dir = s.root().join("content/initiatives/gamma");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect(f);
    assert!(read("he.md").contains("# pillars:") && read("he.md").contains("ממד פעולה"));
    assert!(read("ar.md").contains("محور عمل"));
    assert!(read("en.md").contains("A pillar of action"));
    assert!(read("common.yaml").contains("# partners:"));
    s.build_ok();
    assert!(s.out().join("ar/initiatives/gamma/index.html").is_file());
    assert!(s.out().join("en/news/gamma-launch/index.html").is_file());

    let again = run(&["new", "initiatives", "gamma"]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("content/initiatives/gamma/ already exists")
    );
    let typo = run(&["new", "initiative", "delta"]);
    assert!(!typo.status.success());
    assert!(String::from_utf8_lossy(&typo.stderr).contains("did you mean 'initiatives'?"));
    let bad_id = run(&["new", "towns", "Beit Shean"]);
    assert!(!bad_id.status.success());
    assert!(!s.root().join("content/towns/Beit Shean").exists());
}
