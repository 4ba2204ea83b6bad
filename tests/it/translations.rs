//! `sulam translations`: what is missing and what is out of date, per language; `done` and
//! `unchanged` stamp translations without touching the rest of the author's file.

use sulam::commands::translations::{LanguageStatus, Report, report};

use crate::common::{self, Site};

/// A he/ar/en site with one initiative: Hebrew is the original, Arabic a translation, no English.
fn site() -> Site {
    let site = Site {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    site.write(
        "site.yaml",
        "base_url: https://example.org/\nlanguages: [he, ar, en]\ntitle: {he: אתר, ar: موقع, en: Site}\n\
         accessibility:\n  coordinator: {name: Dana, email: a11y@example.org}\n  reviewed: 2026-11-01\n",
    );
    site.write(
        "content/initiatives/alpha/he.md",
        "---\ntitle: אלפא\nsummary: תוכנית לדוגמה בשלוש מילים נוספות\naudience: ילדים\n---\nגוף הטקסט של התוכנית.\n",
    );
    // The author's own style: a comment, extra spaces, quotes, CRLF line ends.
    site.write(
        "content/initiatives/alpha/ar.md",
        "---\r\ntitle:   'ألفا'   # the name\r\nsummary: \"برنامج نموذجي\"\r\n---\r\nنصّ البرنامج.\r\n",
    );
    site
}

fn lang<'a>(r: &'a Report, code: &str) -> &'a LanguageStatus {
    r.languages
        .iter()
        .find(|l| l.lang == code)
        .unwrap_or_else(|| panic!("no {code} in the report"))
}

fn run(site: &Site, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
        .arg("--root")
        .arg(site.root())
        .arg("translations")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sulam")
}

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).expect("read")
}

#[test]
fn a_missing_file_and_a_missing_field_show_as_missing() {
    let site = site();
    let r = report(site.root(), None).expect("report");
    assert!(
        lang(&r, "he").entries.is_empty(),
        "the original needs nothing"
    );

    let en = lang(&r, "en");
    assert_eq!(en.missing_entries, 1);
    let e = &en.entries[0];
    assert_eq!((e.state, e.source.as_str()), ("missing", "he"));
    assert_eq!(e.missing, ["title", "summary", "audience", "body"]);
    // אלפא (1) + summary (5) + ילדים (1) + body (4)
    assert_eq!(e.words, 11);

    let ar = lang(&r, "ar");
    let e = &ar.entries[0];
    assert_eq!(e.state, "unstamped", "never marked done");
    assert_eq!(e.missing, ["audience"]);
    assert_eq!((ar.missing_fields, ar.words), (1, 1));
}

#[test]
fn done_makes_a_translation_current_and_keeps_the_rest_of_the_file() {
    let site = site();
    let before = read(&site, "content/initiatives/alpha/ar.md");
    let out = run(&site, &["done", "ar", "initiatives/alpha"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = read(&site, "content/initiatives/alpha/ar.md");

    // Only lines were added, before the closing `---`, in the file's own line ends.
    let (head, rest) = after.split_once("translation:").expect("a stamp");
    assert_eq!(
        head,
        "---\r\ntitle:   'ألفا'   # the name\r\nsummary: \"برنامج نموذجي\"\r\n"
    );
    let stamp_end = rest.find("---\r\n").expect("closing line");
    assert_eq!(&rest[stamp_end..], "---\r\nنصّ البرنامج.\r\n");
    assert!(rest.contains("\r\n  from: he\r\n"));
    assert!(rest.contains("hashes: {body: "));
    assert_eq!(after.len() - before.len(), "translation:".len() + stamp_end);

    // The Arabic still lacks `audience`, but nothing it has is out of date.
    let r = report(site.root(), Some("ar")).expect("report");
    let e = &lang(&r, "ar").entries[0];
    assert_eq!(e.state, "stale");
    assert_eq!(e.missing, ["audience"]);
    assert!(e.outdated.is_empty());

    // The stamp never shows on a page, and the site still builds without a warning.
    common::build_cleanly(site.root(), None);
    let page = site.page("ar/initiatives/alpha/index.html");
    assert!(!page.contains("hashes") && !page.contains("translation:"));
}

#[test]
fn a_source_changed_after_the_stamp_shows_the_field_as_out_of_date() {
    let site = site();
    site.write(
        "content/initiatives/alpha/ar.md",
        "---\ntitle: ألفا\nsummary: برنامج نموذجي\naudience: الأطفال\n---\nنصّ البرنامج.\n",
    );
    assert!(
        run(&site, &["done", "ar", "initiatives/alpha"])
            .status
            .success()
    );
    let r = report(site.root(), Some("ar")).expect("report");
    assert!(lang(&r, "ar").entries.is_empty(), "current after done");

    // The Hebrew summary is rewritten; re-quoting the title is not a change.
    site.write(
        "content/initiatives/alpha/he.md",
        "---\ntitle: \"אלפא\"\nsummary: תוכנית אחרת לגמרי\naudience: ילדים\n---\nגוף הטקסט של התוכנית.\n",
    );
    let r = report(site.root(), Some("ar")).expect("report");
    let ar = lang(&r, "ar");
    assert_eq!(ar.outdated_fields, 1);
    let e = &ar.entries[0];
    assert_eq!(e.outdated, ["summary"]);
    assert_eq!(e.words, 3);
    assert!(e.since.len() == 10, "the stamp's date: {}", e.since);

    let out = run(&site, &["--lang", "ar"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("initiatives/alpha") && text.contains("out of date: summary"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour with NO_COLOR");
    // Nor in a pipe when NO_COLOR is not set: stdout is not a terminal.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
        .arg("--root")
        .arg(site.root())
        .args(["translations", "--lang", "ar"])
        .env_remove("NO_COLOR")
        .output()
        .expect("run sulam");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("out of date: summary"), "{text}");
    assert!(!text.contains('\x1b'), "colour in a pipe: {text:?}");

    let out = run(&site, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["languages"][1]["lang"], "ar");
    assert_eq!(json["languages"][1]["entries"][0]["outdated"][0], "summary");
}

#[test]
fn unchanged_after_a_typo_fix_makes_the_translations_current() {
    let site = site();
    assert!(
        run(&site, &["done", "ar", "initiatives/alpha"])
            .status
            .success()
    );
    let stamped = read(&site, "content/initiatives/alpha/ar.md");
    site.write(
        "content/initiatives/alpha/he.md",
        "---\ntitle: אלפא\nsummary: תוכנית לדוגמא בשלוש מילים נוספות\naudience: ילדים\n---\nגוף הטקסט של התוכנית.\n",
    );
    let r = report(site.root(), Some("ar")).expect("report");
    assert_eq!(lang(&r, "ar").entries[0].outdated, ["summary"]);

    let out = run(&site, &["unchanged", "he", "initiatives/alpha"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = report(site.root(), Some("ar")).expect("report");
    let e = &lang(&r, "ar").entries[0];
    assert!(e.outdated.is_empty());
    assert_eq!(e.missing, ["audience"], "still missing what it never had");

    // Only the summary's fingerprint changed; the rest of the file is as it was.
    let restamped = read(&site, "content/initiatives/alpha/ar.md");
    let diff: Vec<_> = stamped
        .lines()
        .zip(restamped.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(diff.len(), 1, "{diff:?}");
    assert!(diff[0].0.trim_start().starts_with("hashes:"));
}

#[test]
fn bad_arguments_are_clear_errors() {
    let site = site();
    let cases: [(&[&str], &str); 6] = [
        (&["done", "ar", "initiatives/alpah"], "did you mean 'alpha'"),
        (
            &["done", "ar", "initiative/alpha"],
            "'initiative' is not a collection",
        ),
        (&["done", "ar", "alpha"], "name it as <collection>/<id>"),
        (
            &["done", "ru", "initiatives/alpha"],
            "'ru' is not one of the site's languages",
        ),
        (&["done", "en", "initiatives/alpha"], "has no en.md"),
        (
            &["done", "he", "initiatives/alpha"],
            "he.md is the original text",
        ),
    ];
    for (args, expected) in cases {
        let out = run(&site, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let out = run(&site, &["unchanged", "he", "initiatives/alpha"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no translation"));
    let out = run(&site, &["--lang", "fr"]);
    assert!(!out.status.success());
    // Nothing was written by the failures.
    assert!(!read(&site, "content/initiatives/alpha/ar.md").contains("translation:"));
}

#[test]
fn done_from_another_language_records_it() {
    let site = site();
    site.write(
        "content/initiatives/alpha/en.md",
        "---\ntitle: Alpha\n---\nThe program's text.\n",
    );
    let out = run(&site, &["done", "en", "initiatives/alpha", "--from", "ar"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(read(&site, "content/initiatives/alpha/en.md").contains("  from: ar\n"));
    let r = report(site.root(), Some("en")).expect("report");
    let e = &lang(&r, "en").entries[0];
    assert_eq!(e.source, "ar");
    assert_eq!(
        e.missing,
        ["summary"],
        "what the Arabic has and the English lacks"
    );
}

#[test]
fn the_report_lists_the_longest_waiting_first_and_written_texts_last() {
    // Ids, collections and days in three different orders, so that a report sorted by any
    // one of them alone comes out wrong.
    let site = site();
    site.remove("content/initiatives/alpha/ar.md");
    let he = |title: &str| format!("---\ntitle: {title}\nsummary: תקציר\n---\nגוף.\n");
    for (rel, title) in [
        ("initiatives/zeta", "זטא"),
        ("initiatives/beta", "בטא"),
        ("partners/acme", "אקמה"),
        ("partners/old", "ותיק"),
        ("towns/aaa", "עיר"),
    ] {
        site.write(&format!("content/{rel}/he.md"), &he(title));
    }
    // Stamped long ago against another source text: out of date since the stamp's day.
    let stale = |title: &str, date: &str| {
        format!(
            "---\ntitle: {title}\nsummary: ملخص\ntranslation:\n  from: he\n  date: {date}\n  \
             hashes: {{title: 00000000, summary: 00000000, body: 00000000}}\n---\nنص.\n"
        )
    };
    site.write(
        "content/initiatives/zeta/ar.md",
        &stale("زيتا", "2026-03-01"),
    );
    site.write("content/partners/old/ar.md", &stale("قديم", "2025-01-10"));
    // Done, then its summary said to be written from another source, and dated before all
    // the others: nothing to do, so it comes after the work however old it is.
    site.write(
        "content/towns/aaa/ar.md",
        "---\ntitle: بلدة\nsummary: ملخص\n---\nنص.\n",
    );
    let out = run(&site, &["done", "ar", "towns/aaa"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let town = read(&site, "content/towns/aaa/ar.md");
    let dated = with_stamp_date(&town, "2020-01-01");
    site.write(
        "content/towns/aaa/ar.md",
        &dated.replacen(
            "  from: he\n",
            "  from: he\n  written_from: {summary: the town's own site}\n",
            1,
        ),
    );

    let r = report(site.root(), Some("ar")).expect("report");
    let order: Vec<(String, &str, &str)> = lang(&r, "ar")
        .entries
        .iter()
        .map(|e| {
            (
                format!("{}/{}", e.collection, e.id),
                e.state,
                e.since.as_str(),
            )
        })
        .collect();
    let today = &order[2].2.to_string();
    assert_eq!(
        order,
        [
            ("partners/old".to_string(), "stale", "2025-01-10"),
            ("initiatives/zeta".to_string(), "stale", "2026-03-01"),
            // Missing: the day their source was written (today), then collection, then id.
            ("initiatives/alpha".to_string(), "missing", today.as_str()),
            ("initiatives/beta".to_string(), "missing", today.as_str()),
            ("partners/acme".to_string(), "missing", today.as_str()),
            ("towns/aaa".to_string(), "written", "2020-01-01"),
        ]
    );
    assert!(
        today.as_str() > "2026-03-01",
        "a file written now is newer: {today}"
    );

    // The printed report keeps that order.
    let out = run(&site, &["--lang", "ar"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let at = |what: &str| {
        text.find(what)
            .unwrap_or_else(|| panic!("{what} is not in the report:\n{text}"))
    };
    let printed = [
        "partners/old",
        "initiatives/zeta",
        "initiatives/alpha",
        "initiatives/beta",
        "partners/acme",
        "towns/aaa",
    ]
    .map(|e| at(&format!("  {e} ")));
    assert!(printed.is_sorted(), "printed order {printed:?}:\n{text}");
}

/// `text` with the stamp's `date:` line set to `date`.
fn with_stamp_date(text: &str, date: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start().starts_with("date: ") {
                format!("  date: {date}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn the_html_report_is_a_whole_accessible_page() {
    let site = site();
    let html = sulam::commands::translations::report_html(site.root());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<th scope=\"col\">Words</th>"));
    assert!(html.contains("<span lang=\"he\" dir=\"rtl\">אלפא</span>"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
}

/// `site()` with more entries: a second initiative translated into Arabic, a third with no
/// Arabic, and a town whose Arabic is already marked done.
fn several() -> Site {
    let site = site();
    site.write(
        "content/initiatives/beta/he.md",
        "---\ntitle: בטא\nsummary: תוכנית שנייה\n---\nטקסט.\n",
    );
    site.write(
        "content/initiatives/beta/ar.md",
        "---\ntitle: بيتا\nsummary: برنامج ثانٍ\n---\nنصّ.\n",
    );
    site.write(
        "content/initiatives/gamma/he.md",
        "---\ntitle: גמא\n---\nטקסט שלישי.\n",
    );
    site.write("content/towns/ofakim/he.md", "---\ntitle: אופקים\n---\n");
    site.write("content/towns/ofakim/ar.md", "---\ntitle: أوفاكيم\n---\n");
    assert!(run(&site, &["done", "ar", "towns/ofakim"]).status.success());
    site
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The Arabic entries the report lists, as `collection/id state`.
fn arabic_work(site: &Site) -> Vec<String> {
    let r = report(site.root(), Some("ar")).expect("report");
    let mut work: Vec<String> = lang(&r, "ar")
        .entries
        .iter()
        .map(|e| format!("{}/{} {}", e.collection, e.id, e.state))
        .collect();
    work.sort();
    work
}

#[test]
fn done_marks_several_entries_named_as_entries_or_files() {
    let site = several();
    assert_eq!(
        arabic_work(&site),
        [
            "initiatives/alpha unstamped",
            "initiatives/beta unstamped",
            "initiatives/gamma missing"
        ]
    );
    // As typed, as pasted from a file browser, and as the shell expands `content/*/*/ar.md`.
    let out = run(
        &site,
        &[
            "done",
            "ar",
            "initiatives/alpha",
            "content/initiatives/beta/ar.md",
        ],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "content/initiatives/alpha/ar.md: marked as translated from he.md as it reads today (3 fields)",
            "content/initiatives/beta/ar.md: marked as translated from he.md as it reads today (3 fields)",
            "ar: 2 translations marked done",
        ],
        "{err}"
    );
    // alpha still lacks `audience`, which marking cannot give it; beta is done.
    assert_eq!(
        arabic_work(&site),
        ["initiatives/alpha stale", "initiatives/gamma missing"]
    );
    let r = report(site.root(), Some("ar")).expect("report");
    let alpha = &lang(&r, "ar").entries[0];
    assert_eq!(
        (alpha.missing.clone(), alpha.outdated.len()),
        (vec!["audience".to_string()], 0)
    );
    assert!(read(&site, "content/initiatives/beta/ar.md").contains("  from: he\n"));
}

#[test]
fn a_pattern_marks_every_entry_it_matches_that_has_the_file() {
    let site = several();
    let town_before = read(&site, "content/towns/ofakim/ar.md");
    let out = run(&site, &["done", "ar", "initiatives/*"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("content/initiatives/alpha/ar.md: marked")
            && err.contains("content/initiatives/beta/ar.md: marked"),
        "{err}"
    );
    assert!(
        err.contains("not marked, no ar.md: 1 entry (initiatives/gamma)"),
        "{err}"
    );
    assert!(err.ends_with("ar: 2 translations marked done\n"), "{err}");
    assert_eq!(
        arabic_work(&site),
        ["initiatives/alpha stale", "initiatives/gamma missing"]
    );
    assert_eq!(read(&site, "content/towns/ofakim/ar.md"), town_before);

    // `?` is one letter; the entry's file named by pattern too; an entry named twice is
    // marked once.
    site.write(
        "content/initiatives/beta/he.md",
        "---\ntitle: בטא\nsummary: תוכנית שנייה, מתוקנת\n---\nטקסט.\n",
    );
    assert_eq!(arabic_work(&site)[1], "initiatives/beta stale");
    let out = run(
        &site,
        &[
            "done",
            "ar",
            "content/initiatives/b?ta/ar.md",
            "initiatives/beta",
        ],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.ends_with("ar: 1 translation marked done\n"), "{err}");
    assert_eq!(
        arabic_work(&site),
        ["initiatives/alpha stale", "initiatives/gamma missing"]
    );
}

#[test]
fn all_marks_every_translation_that_needs_work_and_leaves_the_rest() {
    let site = several();
    assert!(
        run(&site, &["done", "ar", "initiatives/beta"])
            .status
            .success()
    );
    // beta's source changes after it was marked: out of date. alpha was never marked.
    site.write(
        "content/initiatives/beta/he.md",
        "---\ntitle: בטא\nsummary: תוכנית שנייה, מתוקנת\n---\nטקסט.\n",
    );
    assert_eq!(
        arabic_work(&site),
        [
            "initiatives/alpha unstamped",
            "initiatives/beta stale",
            "initiatives/gamma missing"
        ]
    );
    let town_before = read(&site, "content/towns/ofakim/ar.md");
    let out = run(&site, &["done", "ar", "--all"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "content/initiatives/alpha/ar.md: marked as translated from he.md as it reads today (3 fields)",
            "content/initiatives/beta/ar.md: marked as translated from he.md as it reads today (3 fields)",
            "not marked, no ar.md yet: 1 entry (initiatives/gamma)",
            "ar: 2 translations marked done",
        ],
        "{err}"
    );
    // The town was up to date: its stamp (and date) are as they were.
    assert_eq!(read(&site, "content/towns/ofakim/ar.md"), town_before);
    assert_eq!(
        arabic_work(&site),
        ["initiatives/alpha stale", "initiatives/gamma missing"]
    );
    // Nothing left: said, not an error.
    site.write(
        "content/initiatives/alpha/ar.md",
        "---\ntitle: ألفا\nsummary: برنامج\naudience: الأطفال\n---\nنصّ.\n",
    );
    assert!(run(&site, &["done", "ar", "--all"]).status.success());
    let out = run(&site, &["done", "ar", "--all"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).ends_with("ar: nothing to mark\n"),
        "{}",
        stderr(&out)
    );
    // A name and --all together make no sense.
    let out = run(&site, &["done", "ar", "--all", "initiatives/alpha"]);
    assert!(!out.status.success());
}

#[test]
fn a_pattern_that_matches_nothing_is_an_error_and_nothing_is_written() {
    let site = several();
    let before = read(&site, "content/initiatives/alpha/ar.md");
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["done", "ar", "initiatives/alpha", "initiatives/zz*"],
            "'initiatives/zz*' matches no entry",
            "the entries of initiatives are the folders in content/initiatives/",
        ),
        (
            &["done", "ar", "initiative/*"],
            "'initiative/*' matches no entry",
            "the collections are: initiatives, ",
        ),
        (
            &["done", "ar", "initiatives/g*"],
            "'initiatives/g*' matches 1 entry, none with ar.md to mark",
            "sulam translations --lang ar",
        ),
        (
            &["done", "ar", "content/initiatives/alpha/he.md"],
            "names he.md, but this marks ar.md",
            "sulam translations done he content/initiatives/alpha/he.md",
        ),
        (
            &["done", "ar", "*"],
            "'*' does not name entries",
            "<collection>/<id>",
        ),
    ];
    for (args, error, hint) in cases {
        let out = run(&site, args);
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert!(err.contains(error), "{args:?}: {err}");
        assert!(err.contains(hint), "{args:?}: {err}");
    }
    assert_eq!(read(&site, "content/initiatives/alpha/ar.md"), before);
}
