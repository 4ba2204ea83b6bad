//! The words of a mistake (issue 12): a wrong value in YAML is told in the author's terms (the
//! field, the shape it must have, an example), one mistake gives one error, a mistake in
//! site.yaml does not hide those in content/, and a file that cannot be read is named.

use crate::common::{Site, messages};

/// Writes `text` over `file` in a copy of the basic fixture, builds, and returns the errors.
fn errors_after(file: &str, text: &[u8]) -> Vec<String> {
    let s = Site::fixture("basic");
    std::fs::write(s.root().join(file), text).expect("write");
    let d = s.build_err();
    d.errors().map(|e| e.to_string()).collect()
}

/// Replaces `from` by `to` in `file` of the basic fixture and returns the errors.
fn errors_with(file: &str, from: &str, to: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/basic")
        .join(file);
    let text = std::fs::read_to_string(path).expect("fixture");
    assert!(text.contains(from), "{file} has no {from:?}");
    errors_after(file, text.replacen(from, to, 1).as_bytes())
}

/// Exactly one error, which holds every one of `words`.
fn one_error_saying(errors: &[String], words: &[&str]) {
    assert_eq!(
        errors.len(),
        1,
        "one mistake, one error:\n{}",
        errors.join("\n")
    );
    for w in words {
        assert!(errors[0].contains(w), "{w:?} not in:\n{}", errors[0]);
    }
}

const TOWN: &str = "content/towns/sderot/common.yaml";
const INITIATIVE: &str = "content/initiatives/alpha/common.yaml";
const TEXT: &str = "content/initiatives/alpha/en.md";

#[test]
fn a_wrong_value_names_the_field_and_the_shape_it_must_have() {
    let cases: Vec<(Vec<String>, &[&str])> = vec![
        (
            errors_with(TOWN, "coordinates: [31.52, 34.60]", "coordinates: north"),
            &[
                "sderot/common.yaml:3:14:",
                "'coordinates' must be [latitude, longitude], like [31.25, 34.79], not 'north'",
            ],
        ),
        (
            errors_with(TOWN, "coordinates: [31.52, 34.60]", "coordinates: [31.52]"),
            &[
                "'coordinates' must be [latitude, longitude]",
                "not a list of 1",
            ],
        ),
        (
            errors_with(
                TEXT,
                "title: Municipal Mobility",
                "title: Mobility: the plan",
            ),
            &[
                "alpha/en.md:2:16:",
                "the title has ': ' in it",
                "put the whole title in quotes: title: \"Mobility: the plan\"",
            ],
        ),
        (
            errors_with(TEXT, "title: Municipal Mobility", "title: [Mobility, Plan]"),
            &["'title' must be a text", "not a list"],
        ),
        (
            errors_with(INITIATIVE, "towns: [sderot, ofakim]", "towns: sderot"),
            &["'towns' must be a list of town ids, like [sderot, ofakim], not 'sderot'"],
        ),
        (
            errors_with(INITIATIVE, "started: 2020", "started: twenty"),
            &["'started' must be a year of four digits, like 2024, not 'twenty'"],
        ),
        (
            errors_with(INITIATIVE, "status: active", "status: [active]"),
            &["'status' must be one of: planned, active, completed, not a list"],
        ),
        (
            errors_with(TOWN, "district: south", "district: southern"),
            &[
                "'southern' is not an allowed value of 'district'",
                "north, haifa, center, tel-aviv, jerusalem, south, judea-samaria",
            ],
        ),
        (
            errors_with(
                INITIATIVE,
                "ages: {from: 0, to: 35}",
                "ages: {from: 0, to: 350}",
            ),
            &[
                "'to' must be a whole number of years from 0 to 255",
                "not the number 350",
            ],
        ),
        (
            errors_with(INITIATIVE, "ages: {from: 0, to: 35}", "ages: 0-35"),
            &["'ages' must be {from, to} in years, like {from: 6, to: 18}"],
        ),
        (
            errors_with(
                "content/pages/home/common.yaml",
                "value: 400000",
                "value: [1, 2, 3]",
            ),
            // [1, 2] is a range (issue 14); three numbers are not.
            &["'value' must be a number, or a range of two numbers [from, to]"],
        ),
        (
            errors_with(
                "content/news/launch/common.yaml",
                "date: 2024-03-05",
                "date: [2024, 3]",
            ),
            &["'date' must be a date written YYYY-MM-DD"],
        ),
        (
            errors_with(INITIATIVE, "order: 1", "order: 1\norder: 2"),
            &["alpha/common.yaml:12:1: the key 'order' is written twice"],
        ),
        (
            errors_with(INITIATIVE, "order: 1", "order: 1\n---\norder: 2"),
            &[
                "starts a second document here; the file holds one",
                "remove that line",
            ],
        ),
        (
            errors_with(
                INITIATIVE,
                "ages: {from: 0, to: 35}",
                "ages:\n\tfrom: 0\n\tto: 35",
            ),
            &[
                "a tab is used to indent this line",
                "replace the tab with spaces",
            ],
        ),
    ];
    for (errors, words) in cases {
        one_error_saying(&errors, words);
    }
}

#[test]
fn no_parser_words_reach_the_author() {
    let deep = format!("extra: {}{}\n", "[".repeat(3000), "]".repeat(3000));
    let large = format!("extra: [{}]\n", vec!["1"; 300_000].join(","));
    let cases: Vec<Vec<String>> = vec![
        errors_after(INITIATIVE, deep.as_bytes()),
        errors_after(INITIATIVE, large.as_bytes()),
        errors_with(
            INITIATIVE,
            "towns: [sderot, ofakim]",
            "towns: [sderot, ofakim",
        ),
        errors_with(INITIATIVE, "status: active", "status: [active]"),
        errors_with(
            TOWN,
            "coordinates: [31.52, 34.60]",
            "coordinates: {lat: 31}",
        ),
        errors_with(
            TEXT,
            "title: Municipal Mobility",
            "outcomes: [[a]]\ntitle: A",
        ),
        errors_with(
            "content/pages/home/common.yaml",
            "value: 400000",
            "value: {a: 1}",
        ),
        errors_with(
            "site.yaml",
            "languages: [he, ar, en]",
            "languages: [he, ar, 3]",
        ),
    ];
    let parser_words = [
        "expected sequence",
        "expected mapping",
        "scalar",
        "untagged enum",
        "externally tagged",
        "budget breached",
        "from_str_multiple",
        "mapping values",
        "recursion limit",
        "Option<",
        "invalid length",
        "indicator",
    ];
    for errors in cases {
        assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
        for w in parser_words {
            assert!(
                !errors[0].contains(w),
                "parser words {w:?} in:\n{}",
                errors[0]
            );
        }
    }
}

#[test]
fn a_broken_common_yaml_is_one_error_not_a_cascade() {
    // Each of these once also told what followed from the facts being empty: a news item
    // with no date, a network with no towns, figure labels with no value.
    one_error_saying(
        &errors_with(
            "content/news/launch/common.yaml",
            "date: 2024-03-05",
            "date: [2024]",
        ),
        &["'date' must be"],
    );
    one_error_saying(
        &errors_with(
            "content/networks/south/common.yaml",
            "towns: [sderot, ofakim]",
            "towns: sderot",
        ),
        &["'towns' must be a list"],
    );
    one_error_saying(
        &errors_after("content/pages/home/common.yaml", b"figures: many\n"),
        &["'figures' must be a list of {id, value}"],
    );
}

#[test]
fn a_mistake_in_site_yaml_does_not_hide_those_in_content() {
    let s = Site::fixture("basic");
    let site = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    s.write(
        "site.yaml",
        &site.replace("https://example.org/kb/", "example.org"),
    );
    s.write(TOWN, "coordinates: north\n");
    let m = messages(&s.build_err());
    assert!(
        m.contains("site.yaml:1:11: 'example.org' is not an absolute"),
        "{m}"
    );
    assert!(
        m.contains("sderot/common.yaml:1:14: 'coordinates' must be"),
        "{m}"
    );

    // site.yaml that does not parse at all, but whose languages can still be read.
    s.write(
        "site.yaml",
        &site.replace("  en: Knowledge base", "  en: Knowledge: base"),
    );
    let m = messages(&s.build_err());
    assert!(
        m.contains("site.yaml:6:16: the value of 'en' has ': ' in it"),
        "{m}"
    );
    assert!(
        m.contains("sderot/common.yaml:1:14: 'coordinates' must be"),
        "{m}"
    );

    // The languages themselves broken: content/ cannot be read, and the author is told.
    s.write(
        "site.yaml",
        &site.replace("languages: [he, ar, en]", "languages: [he, ar, en"),
    );
    let m = messages(&s.build_err());
    assert!(
        m.contains("content/ was not checked: the site's languages cannot be read"),
        "{m}"
    );
    assert!(!m.contains("coordinates"), "{m}");
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_its_line_and_byte() {
    let errors = errors_after(TEXT, b"---\ntitle: A\n---\nOne line.\nCaf\xe9 au lait\n");
    one_error_saying(
        &errors,
        &[
            "content/initiatives/alpha/en.md:5:4: the file is not UTF-8 text",
            "the byte 0xE9 on line 5 (byte 30 of the file)",
            "save the file as UTF-8",
        ],
    );
    let errors = errors_after(
        "site.yaml",
        b"base_url: https://example.org/\nlanguages: [he]\ntitle: {he: \xff}\n",
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("site.yaml:3:") && e.contains("not UTF-8 text")),
        "{}",
        errors.join("\n")
    );
}

#[test]
fn a_file_that_cannot_be_read_is_named() {
    // A language file that is a link to nothing: reading it fails.
    let s = Site::fixture("basic");
    let file = s.root().join(TEXT);
    std::fs::remove_file(&file).expect("remove");
    #[cfg(unix)]
    std::os::unix::fs::symlink(s.root().join("nowhere.md"), &file).expect("link");
    #[cfg(unix)]
    {
        let m = messages(&s.build_err());
        // The check of links comes first and names the file and where it leads.
        assert!(
            m.contains("error: content/initiatives/alpha/en.md: this is a link to ")
                && m.contains("nowhere.md, which does not exist"),
            "{m}"
        );
    }
}

#[test]
fn ui_strings_that_are_not_utf8_or_hold_a_control_character_are_named() {
    let s = Site::fixture("basic");
    std::fs::create_dir_all(s.root().join("i18n")).expect("i18n/");
    std::fs::write(s.root().join("i18n/en.ftl"), b"home = Caf\xe9\n").expect("write");
    let m = messages(&s.build_err());
    assert!(
        m.contains("error: i18n/en.ftl:1:11: the file is not UTF-8 text"),
        "{m}"
    );
    std::fs::write(
        s.root().join("i18n/en.ftl"),
        "home = Start\nnews = A\u{7}B\n",
    )
    .expect("write");
    let m = messages(&s.build_err());
    assert!(
        m.contains("error: i18n/en.ftl:2:9: the file holds the control character U+0007"),
        "{m}"
    );
}
