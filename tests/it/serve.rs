//! `sulam serve`: a rebuild after a change gives the same site as a build from scratch, and a
//! real server on a free port reloads the open pages, shows mistakes and never writes to disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use sulam::commands::serve::{Builder, Served};

use crate::common;
use crate::support::serve::{self, Server};

const BASE: &str = "http://127.0.0.1:9/";

/// A copy of the example site, with its root canonicalised as the watcher reports paths.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::support::copy_dir(&repo.join("content"), &dir.path().join("content"))
        .expect("copy content/");
    crate::support::copy_dir(&repo.join("static"), &dir.path().join("static"))
        .expect("copy static/");
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    (dir, root)
}

fn from_scratch(root: &Path) -> Served {
    let (served, outcome) = Builder::new(root.to_path_buf(), BASE.into()).full();
    assert!(
        outcome.problems.is_empty(),
        "{:?}",
        outcome
            .problems
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
    );
    served
}

/// Applies `edit`, rebuilds incrementally, and checks the served site equals a fresh build.
fn assert_rebuild_matches(
    builder: &mut Builder,
    served: &mut Served,
    root: &Path,
    changed: &[&str],
    edit: impl FnOnce(),
) -> sulam::commands::serve::Outcome {
    edit();
    let paths: Vec<PathBuf> = changed.iter().map(|p| root.join(p)).collect();
    let outcome = builder.rebuild(&paths, served);
    builder.refresh_search(served);
    let fresh = from_scratch(root);
    let differing = crate::common::differing(&fresh.output.files, &served.output.files);
    assert!(
        differing.is_empty(),
        "after changing {changed:?}, these files differ from a full build: {differing:?}"
    );
    assert_eq!(
        served.output.copies, fresh.output.copies,
        "copied files differ"
    );
    assert_eq!(
        served.output.made, fresh.output.made,
        "versions of pictures differ"
    );
    outcome
}

/// The `towns: [...]` line of a common.yaml, and the first town it names.
fn first_town(facts: &Path) -> (String, String) {
    let text = std::fs::read_to_string(facts).expect("read");
    let line = text
        .lines()
        .find(|l| l.starts_with("towns: ["))
        .expect("a towns line")
        .to_string();
    let town = line
        .trim_start_matches("towns: [")
        .split([',', ']'])
        .next()
        .expect("a town")
        .trim()
        .to_string();
    (line, town)
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = std::fs::read_to_string(&p).expect("read");
    assert!(text.contains(from), "{rel} has no '{from}'");
    std::fs::write(&p, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn a_rebuild_after_each_kind_of_change_equals_a_full_build() {
    let (_dir, root) = example_copy();
    let mut builder = Builder::new(root.clone(), BASE.into());
    let (mut served, first) = builder.full();
    assert!(first.problems.is_empty());
    let mm = "content/initiatives/municipal-mobility";

    // A paragraph of one language: that entry's pages and those showing it, not the site.
    let o = assert_rebuild_matches(
        &mut builder,
        &mut served,
        &root,
        &[&format!("{mm}/en.md")],
        || {
            let p = root.join(mm).join("en.md");
            let mut text = std::fs::read_to_string(&p).expect("read");
            text.push_str("\nA paragraph added while previewing.\n");
            std::fs::write(&p, text).expect("write");
        },
    );
    assert!(!o.full, "a text edit must not rebuild everything");
    assert_eq!(
        o.changed,
        vec!["en/initiatives/municipal-mobility/index.html"]
    );
    assert_eq!(
        o.rendered, 3,
        "a body is shown on its own pages only: one per language"
    );

    // A title: shown on the lists, the home page and the pages of everything it names.
    let o = assert_rebuild_matches(
        &mut builder,
        &mut served,
        &root,
        &[&format!("{mm}/he.md")],
        || {
            edit(&root, &format!("{mm}/he.md"), "title: ", "title: חדש ");
        },
    );
    assert!(o.changed.iter().any(|p| p == "he/initiatives/index.html"));

    // A reference removed from the facts: the town it named no longer lists it.
    let facts = format!("{mm}/common.yaml");
    let (towns_line, town) = first_town(&root.join(&facts));
    let o = assert_rebuild_matches(&mut builder, &mut served, &root, &[&facts], || {
        edit(&root, &facts, &towns_line, "towns: []");
    });
    assert!(
        o.changed
            .iter()
            .any(|p| p == &format!("en/towns/{town}/index.html")),
        "{:?}",
        o.changed
    );

    // A town's name: filter options, maps and suggested initiatives' reasons show it.
    let o = assert_rebuild_matches(
        &mut builder,
        &mut served,
        &root,
        &["content/towns/sderot/en.md"],
        || {
            edit(
                &root,
                "content/towns/sderot/en.md",
                "title: ",
                "title: Renamed ",
            );
        },
    );
    assert!(!o.full);

    // A file beside the entry.
    assert_rebuild_matches(
        &mut builder,
        &mut served,
        &root,
        &[&format!("{mm}/plan.pdf")],
        || {
            std::fs::write(root.join(mm).join("plan.pdf"), b"%PDF-1.4").expect("write");
        },
    );

    // A new entry, then its removal.
    let new_dir = root.join("content/domains/new-domain");
    let o = assert_rebuild_matches(
        &mut builder,
        &mut served,
        &root,
        &["content/domains/new-domain/he.md"],
        || {
            std::fs::create_dir_all(&new_dir).expect("mkdir");
            std::fs::write(new_dir.join("he.md"), "---\ntitle: תחום חדש\n---\n").expect("write");
        },
    );
    assert!(o.full);
    assert!(
        served
            .output
            .files
            .contains_key("ar/domains/new-domain/index.html")
    );
    assert_rebuild_matches(
        &mut builder,
        &mut served,
        &root,
        &["content/domains/new-domain"],
        || {
            std::fs::remove_dir_all(&new_dir).expect("rm");
        },
    );
    assert!(
        !served
            .output
            .files
            .contains_key("ar/domains/new-domain/index.html")
    );

    // site.yaml.
    assert_rebuild_matches(&mut builder, &mut served, &root, &["site.yaml"], || {
        let p = root.join("site.yaml");
        let text = std::fs::read_to_string(&p).expect("read");
        std::fs::write(
            &p,
            text.replacen("title:\n  he: \"", "title:\n  he: \"(תצוגה) ", 1),
        )
        .expect("write");
    });
}

#[test]
fn a_broken_edit_keeps_the_last_good_pages_until_it_is_fixed() {
    let (_dir, root) = example_copy();
    let mut builder = Builder::new(root.clone(), BASE.into());
    let (mut served, _) = builder.full();
    let mm = "content/initiatives/municipal-mobility";
    let page = "en/initiatives/municipal-mobility/index.html";
    let before = served.output.files[page].clone();
    let facts = root.join(mm).join("common.yaml");
    let good = std::fs::read_to_string(&facts).expect("read");

    // Remove a town (which changes other pages) and break the file in the same save.
    let (town_line, town) = first_town(&facts);
    let without_town = good.replacen(&town_line, "towns: []", 1);
    std::fs::write(&facts, format!("{without_town}started: soon\n")).expect("write");
    let o = builder.rebuild(std::slice::from_ref(&facts), &mut served);
    let error = o
        .problems
        .iter()
        .find(|d| d.severity == sulam::diagnostics::Severity::Error)
        .expect("an error");
    assert!(error.to_string().contains("common.yaml:"), "{error}");
    assert!(o.changed.is_empty());
    assert_eq!(
        served.output.files[page], before,
        "the last good page stays"
    );
    assert_eq!(served.problems.len(), o.problems.len());

    // The fix: the town removed in the broken save is updated too.
    std::fs::write(&facts, &without_town).expect("write");
    let o = builder.rebuild(&[facts], &mut served);
    assert!(o.problems.is_empty(), "{:?}", o.problems);
    assert!(served.problems.is_empty());
    let fresh = from_scratch(&root);
    assert_eq!(
        served.output.files[&format!("en/towns/{town}/index.html")],
        fresh.output.files[&format!("en/towns/{town}/index.html")]
    );
}

/// A `sulam serve` process on a free port, stopped when dropped.
fn start_server(root: &Path) -> Server {
    Server::start(root, Duration::from_secs(60)).expect("the server prints its address")
}

fn get(address: &str, path: &str) -> (u16, String) {
    serve::get(address, path).expect("GET")
}

/// Listens to the reload events; each `update` event's data arrives on the channel.
fn events(address: &str) -> mpsc::Receiver<String> {
    serve::events(address).expect("connect to the events")
}

/// The next event about pages, past the search index's follow-ups.
fn next_event(rx: &mpsc::Receiver<String>) -> serde_json::Value {
    loop {
        let data = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("an update event after the save");
        let e: serde_json::Value = serde_json::from_str(&data).expect("json");
        let changed = e["changed"].as_array().cloned().unwrap_or_default();
        let search_only = !changed.is_empty()
            && changed
                .iter()
                .all(|p| p.as_str().is_some_and(|p| p.starts_with("search/")));
        if !search_only {
            return e;
        }
    }
}

#[test]
fn a_real_server_reloads_shows_mistakes_and_writes_nothing() {
    let site = common::Site::fixture("basic");
    let root = site.root();
    let server = start_server(root);
    let addr = &server.address;
    let page = "/en/initiatives/alpha/";

    let (status, html) = get(addr, page);
    assert_eq!(status, 200);
    assert!(html.contains("<script src=\"/_sulam/live.js\" defer></script></body>"));
    assert_eq!(get(addr, "/_sulam/live.js").0, 200);
    let (status, report) = get(addr, "/_sulam/translations");
    assert_eq!(status, 200);
    // beta is written in Hebrew only: a row in Arabic's table and in English's.
    for lang in ["ar", "en"] {
        let table = report
            .split(&format!(
                "<caption>Texts to translate into {lang}</caption>"
            ))
            .nth(1)
            .unwrap_or_else(|| panic!("no table for {lang}: {report}"));
        let table = &table[..table.find("</table>").expect("end of table")];
        assert!(
            table.contains(&format!("<th scope=\"row\"><span lang=\"he\" dir=\"rtl\">מיזם הינקות</span><br><code>content/initiatives/beta/{lang}.md</code></th><td>he</td><td>no file yet</td>")),
            "{lang}: {table}"
        );
    }
    assert!(
        !report.contains("<caption>Texts to translate into he</caption>"),
        "the original has nothing to translate: {report}"
    );
    // The preview is never cached: a reload shows the last save.
    for path in [
        page,
        "/_sulam/live.js",
        "/_sulam/problems",
        "/_sulam/translations",
    ] {
        assert!(
            get(addr, path)
                .1
                .to_ascii_lowercase()
                .contains("cache-control: no-store"),
            "{path}"
        );
    }
    assert_eq!(get(addr, "/en").0, 301);
    assert_eq!(get(addr, "/en/initiatives/no-such-thing/").0, 404);
    let rx = events(addr);

    // A text edit: the event names the page, and the page has the new text.
    let en = root.join("content/initiatives/alpha/en.md");
    let good = std::fs::read_to_string(&en).expect("read");
    std::fs::write(&en, format!("{good}\nA sentence typed while previewing.\n")).expect("write");
    let e = next_event(&rx);
    assert!(
        e["changed"]
            .as_array()
            .expect("changed")
            .iter()
            .any(|p| p == "en/initiatives/alpha/index.html"),
        "{e}"
    );
    assert!(
        get(addr, page)
            .1
            .contains("A sentence typed while previewing.")
    );

    // A broken edit: the event carries the mistake as the terminal words it; the page stays.
    std::fs::write(&en, "---\ntitle: Alpha\nsumary: typo\n---\nBroken text.\n").expect("write");
    let e = next_event(&rx);
    let text = e["problems"][0]["text"]
        .as_str()
        .expect("a problem")
        .to_string();
    assert!(
        text.starts_with("error: content/initiatives/alpha/en.md:3:1: unknown field 'sumary'"),
        "{text}"
    );
    assert!(text.contains("hint:"), "{text}");
    let (_, html) = get(addr, page);
    assert!(html.contains("A sentence typed while previewing."));
    assert!(!html.contains("Broken text."));
    assert!(
        get(addr, "/_sulam/problems")
            .1
            .contains("unknown field 'sumary'")
    );

    // The fix clears it.
    std::fs::write(&en, &good).expect("write");
    let e = next_event(&rx);
    assert!(
        !e["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .any(|p| p["severity"] == "error"),
        "{e}"
    );
    assert!(!get(addr, "/_sulam/problems").1.contains("\"error\""));
    assert!(
        !get(addr, page)
            .1
            .contains("A sentence typed while previewing.")
    );

    // Two files saved together are one rebuild, whose event names the pages of both.
    let he = root.join("content/towns/sderot/he.md");
    let ar = root.join("content/towns/sderot/ar.md");
    let (he_text, ar_text) = (
        std::fs::read_to_string(&he).expect("read"),
        std::fs::read_to_string(&ar).expect("read"),
    );
    std::fs::write(&he, format!("{he_text}\nשורה חדשה.\n")).expect("write");
    std::fs::write(&ar, format!("{ar_text}\nسطر جديد.\n")).expect("write");
    let e = next_event(&rx);
    let changed = e["changed"].as_array().expect("changed");
    for p in ["he/towns/sderot/index.html", "ar/towns/sderot/index.html"] {
        assert!(changed.iter().any(|c| c == p), "{p}: {e}");
    }
    // And no second rebuild changes them again: what follows within a second and a half (the
    // search index, a second after the saves) names neither page.
    let quiet = std::time::Instant::now();
    while let Some(left) = Duration::from_millis(1500).checked_sub(quiet.elapsed()) {
        let Ok(data) = rx.recv_timeout(left) else {
            break;
        };
        assert!(
            !data.contains("towns/sderot/index.html"),
            "a second rebuild: {data}"
        );
    }

    // A new entry is picked up.
    site.write(
        "content/initiatives/gamma/en.md",
        "---\ntitle: Gamma\n---\nNew.\n",
    );
    // The folder and its file may arrive as two rebuilds.
    let mut found = (0, String::new());
    for _ in 0..3 {
        next_event(&rx);
        found = get(addr, "/he/initiatives/gamma/");
        if found.0 == 200 {
            break;
        }
    }
    let (status, html) = found;
    assert_eq!(status, 200);
    assert!(html.contains("Gamma"));

    assert!(!root.join("public").exists(), "serve wrote public/");
}

#[test]
fn serve_takes_the_next_free_port_when_its_port_is_taken() {
    let site = common::Site::fixture("basic");
    // A port that is surely taken: one held here.
    let held = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = held.local_addr().expect("address").port();
    let server = Server::start_on(site.root(), port, Duration::from_secs(60))
        .expect("the server prints its address");
    let got: u16 = server
        .address
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    assert!(
        got > port && got < port.saturating_add(50),
        "{port} -> {got}"
    );
    assert!(
        server
            .startup
            .iter()
            .any(|l| l == &format!("port {port} is in use; using {got}")),
        "{:?}",
        server.startup
    );
    assert_eq!(get(&server.address, "/en/").0, 200);
}
