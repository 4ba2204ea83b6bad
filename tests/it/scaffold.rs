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

/// A YAML file as JSON, to look into.
fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
}

#[test]
fn a_new_site_has_a_workflow_that_checks_builds_and_publishes_it_on_github_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let mut diags = Diagnostics::default();
    assert!(sulam::commands::scaffold::init(&site, &mut diags));
    let text =
        std::fs::read_to_string(site.join(".github/workflows/deploy.yml")).expect("the workflow");
    let w = yaml(&text);
    assert_eq!(w["on"]["push"]["branches"], serde_json::json!(["main"]));
    assert_eq!(w["permissions"]["pages"], "write");
    assert_eq!(w["permissions"]["id-token"], "write");
    assert_eq!(w["concurrency"]["group"], "pages");
    assert_eq!(w["concurrency"]["cancel-in-progress"], false);

    // The build job: check, build, upload, in that order, with the address Pages gives.
    let steps = w["jobs"]["build"]["steps"].as_array().expect("steps");
    let at = |what: &str| {
        steps
            .iter()
            .position(|s| {
                s["uses"].as_str().is_some_and(|u| u.starts_with(what))
                    || s["run"].as_str().is_some_and(|r| r.starts_with(what))
            })
            .unwrap_or_else(|| panic!("no step {what}"))
    };
    let (checkout, pages, check, build, upload) = (
        at("actions/checkout@v7"),
        at("actions/configure-pages@v6"),
        at("sulam check --strict --base-url \"$BASE_URL\""),
        at("sulam build --base-url \"$BASE_URL\""),
        at("actions/upload-pages-artifact@v5"),
    );
    assert!(checkout < pages && pages < check && check < build && build < upload);
    assert!(at("rustup update stable") < check, "Sulam is built first");
    for step in [check, build] {
        assert_eq!(
            steps[step]["env"]["BASE_URL"],
            "${{ steps.pages.outputs.base_url }}"
        );
    }
    assert_eq!(steps[upload]["with"]["path"], "public");

    // The deploy job publishes what the build job handed over.
    let deploy = &w["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "build");
    assert_eq!(deploy["environment"]["name"], "github-pages");
    assert_eq!(deploy["steps"][0]["uses"], "actions/deploy-pages@v5");

    let ignore = std::fs::read_to_string(site.join(".gitignore")).expect(".gitignore");
    for line in ["/public/", "/.sulam-cache/"] {
        assert!(ignore.lines().any(|l| l == line), "{line} in {ignore}");
    }
    // The new site still builds, and checks without a warning at a Pages address.
    let check =
        sulam::commands::check::check(&site, Some("https://someone.github.io/knowledge-base"));
    assert_eq!((check.errors, check.warnings), (0, 0));
}

/// The fenced blocks of `lang` in a Markdown file.
fn blocks<'a>(markdown: &'a str, lang: &str) -> Vec<&'a str> {
    let fence = format!("```{lang}\n");
    markdown
        .split(fence.as_str())
        .skip(1)
        .filter_map(|rest| rest.split_once("\n```").map(|(code, _)| code))
        .collect()
}

#[test]
fn the_recipes_in_publishing_md_are_what_init_writes_and_valid_yaml() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/publishing.md"),
    )
    .expect("docs/publishing.md");
    let yamls = blocks(&doc, "yaml");
    // The workflow as `sulam init` writes it, word for word.
    assert!(
        yamls
            .iter()
            .any(|b| format!("{b}\n") == sulam::commands::scaffold::DEPLOY_WORKFLOW),
        "docs/publishing.md does not show the workflow `sulam init` writes"
    );
    for b in &yamls {
        yaml(b);
    }
    // GitLab publishes the `public/` folder of a job called `pages`.
    let gitlab = yamls
        .iter()
        .map(|b| yaml(b))
        .find(|y| y.get("pages").is_some())
        .expect("a .gitlab-ci.yml");
    assert_eq!(
        gitlab["pages"]["artifacts"]["paths"],
        serde_json::json!(["public"])
    );
    let script = gitlab["pages"]["script"].to_string();
    assert!(script.contains("sulam check --strict") && script.contains("sulam build"));
}
