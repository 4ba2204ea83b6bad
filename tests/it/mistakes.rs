//! One test per kind of author mistake: the message names the file, the line, what is wrong
//! and how to fix it, and the last good site is left exactly as it was.

use crate::common::{Site, messages};

/// Builds once (good), makes the mistake, builds again: returns the messages and checks that
/// the output folder did not change.
fn after_mistake(mistake: impl FnOnce(&Site)) -> String {
    let s = Site::fixture("basic");
    s.build_ok();
    let before = snapshot(&s);
    mistake(&s);
    let d = s.build_err();
    assert_eq!(
        before,
        snapshot(&s),
        "the output folder changed after a failed build"
    );
    messages(&d)
}

fn snapshot(s: &Site) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(s.out())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn unknown_field_names_the_closest_known_one() {
    let m = after_mistake(|s| {
        s.write(
            "content/initiatives/beta/common.yaml",
            "status: active\ntonws: [sderot]\n",
        )
    });
    assert!(
        m.contains("content/initiatives/beta/common.yaml:2:1: unknown field 'tonws'"),
        "{m}"
    );
    assert!(m.contains("did you mean 'towns'?"), "{m}");
}

#[test]
fn missing_reference_suggests_the_id_meant() {
    let m = after_mistake(|s| {
        s.write(
            "content/initiatives/beta/common.yaml",
            "partners:\n  - id: acmee\n    role: funder\n",
        )
    });
    assert!(m.contains("content/initiatives/beta/common.yaml:2:5: partner 'acmee' (in 'partners') does not exist"), "{m}");
    assert!(m.contains("did you mean 'acme'?"), "{m}");
}

#[test]
fn markdown_file_in_an_unknown_language_is_a_mistake() {
    let m = after_mistake(|s| s.write("content/initiatives/beta/fr.md", "---\ntitle: Bêta\n---\n"));
    assert!(m.contains("content/initiatives/beta/fr.md: 'fr.md' is a Markdown file, but 'fr' is not one of the site's languages (he, ar, en)"), "{m}");
}

#[test]
fn missing_title_is_reported_at_the_front_matter() {
    let m = after_mistake(|s| {
        s.write(
            "content/towns/ofakim/ar.md",
            "---\nsummary: بلدة في الجنوب\n---\n",
        )
    });
    assert!(
        m.contains("content/towns/ofakim/ar.md:2:1: the required field 'title' is missing"),
        "{m}"
    );
}

#[test]
fn broken_yaml_points_at_the_line_in_the_file() {
    let m = after_mistake(|s| {
        s.write(
            "content/towns/ofakim/en.md",
            "---\ntitle: Ofakim\nsummary: [unclosed\n---\nBody\n",
        )
    });
    assert!(m.contains("content/towns/ofakim/en.md:3:"), "{m}");
}

#[test]
fn a_field_of_another_collection_is_named() {
    let m = after_mistake(|s| {
        s.write(
            "content/towns/ofakim/en.md",
            "---\ntitle: Ofakim\npillars: []\n---\n",
        )
    });
    assert!(
        m.contains("content/towns/ofakim/en.md:3:1: 'pillars' is not a field of towns"),
        "{m}"
    );
}

#[test]
fn unknown_value_lists_the_allowed_ones() {
    let m = after_mistake(|s| s.write("content/initiatives/beta/common.yaml", "status: activ\n"));
    assert!(
        m.contains(
            "content/initiatives/beta/common.yaml:1:9: 'activ' is not an allowed value of 'status'"
        ),
        "{m}"
    );
    assert!(m.contains("did you mean 'active'?"), "{m}");
}

#[test]
fn a_year_must_have_four_digits() {
    let m = after_mistake(|s| s.write("content/initiatives/beta/common.yaml", "started: 20\n"));
    assert!(
        m.contains("common.yaml:1:10: 'started' must be a year of four digits, not 20"),
        "{m}"
    );
}

#[test]
fn a_date_must_be_a_real_date() {
    let m = after_mistake(|s| s.write("content/news/launch/common.yaml", "date: 2024-13-40\n"));
    assert!(
        m.contains("content/news/launch/common.yaml:1:7: '2024-13-40' is not a date"),
        "{m}"
    );
    assert!(m.contains("YYYY-MM-DD"));
}

#[test]
fn duplicate_key_is_named() {
    let m = after_mistake(|s| {
        s.write(
            "content/towns/ofakim/common.yaml",
            "kind: city\nkind: cluster\n",
        )
    });
    assert!(
        m.contains("content/towns/ofakim/common.yaml:2:1: the key 'kind' is written twice"),
        "{m}"
    );
}

#[test]
fn yes_is_not_a_boolean_or_a_year() {
    let m = after_mistake(|s| s.write("content/initiatives/beta/common.yaml", "ends: yes\n"));
    assert!(
        m.contains("content/initiatives/beta/common.yaml:1:7"),
        "{m}"
    );
}

#[test]
fn unknown_collection_is_named_with_a_suggestion() {
    let m = after_mistake(|s| s.write("content/initiative/gamma/he.md", "---\ntitle: x\n---\n"));
    assert!(
        m.contains("content/initiative: 'initiative' is not a collection"),
        "{m}"
    );
    assert!(m.contains("did you mean 'initiatives'?"), "{m}");
}

#[test]
fn bad_entry_id_gets_a_suggested_id() {
    let m = after_mistake(|s| {
        s.write(
            "content/towns/Beit Shean/he.md",
            "---\ntitle: בית שאן\n---\n",
        )
    });
    assert!(m.contains("'Beit Shean' is not a valid entry id"), "{m}");
    assert!(m.contains("'beit-shean'"), "{m}");
}

#[test]
fn an_entry_without_language_files_is_a_mistake() {
    let m = after_mistake(|s| s.write("content/towns/yarka/common.yaml", "kind: local-council\n"));
    assert!(
        m.contains("content/towns/yarka: the entry 'yarka' has no language file"),
        "{m}"
    );
}

#[test]
fn a_missing_image_file_is_named() {
    let m =
        after_mistake(|s| s.write("content/initiatives/beta/common.yaml", "image: photo.jpg\n"));
    assert!(m.contains("content/initiatives/beta/common.yaml:1:8: 'image' names 'photo.jpg', which is not a file in this entry's folder"), "{m}");
}

#[test]
fn site_yaml_mistakes_are_named() {
    let m = after_mistake(|s| {
        let y = std::fs::read_to_string(s.root().join("site.yaml")).expect("read");
        s.write("site.yaml", &y.replace("languages:", "langauges:"));
    });
    assert!(
        m.contains("site.yaml:2:1: unknown field 'langauges'"),
        "{m}"
    );
    assert!(m.contains("did you mean 'languages'?"), "{m}");
}

#[test]
fn a_template_mistake_is_reported_and_nothing_written() {
    let m = after_mistake(|s| {
        s.write("themes/default/templates/town.html", "{% extends \"base.html\" %}{% block main %}{{ page.nonexistent.field }}{% endblock main %}")
    });
    assert!(m.contains("town.html"), "{m}");
}

#[test]
fn every_mistake_of_a_run_is_reported() {
    let m = after_mistake(|s| {
        s.write("content/initiatives/beta/common.yaml", "towns: [sderott]\n");
        s.write("content/towns/ofakim/ar.md", "---\nsummary: x\n---\n");
        s.write("content/news/launch/common.yaml", "date: soon\n");
    });
    assert!(m.contains("town 'sderott'"), "{m}");
    assert!(m.contains("ofakim/ar.md"), "{m}");
    assert!(m.contains("'soon' is not a date"), "{m}");
}

#[test]
fn output_folder_not_made_by_sulam_is_refused_and_untouched() {
    let s = Site::fixture("basic");
    s.write("public/important.txt", "mine");
    let m = messages(&s.build_err());
    assert!(m.contains("was not made by Sulam"), "{m}");
    assert_eq!(
        std::fs::read_to_string(s.out().join("important.txt")).expect("kept"),
        "mine"
    );
}

#[test]
fn output_folder_that_is_the_site_or_content_is_refused() {
    let s = Site::fixture("basic");
    for out in [
        s.root().to_path_buf(),
        s.root().join("content"),
        s.root().join("content/towns"),
    ] {
        let r = sulam::commands::build::build(&sulam::commands::build::BuildOptions {
            root: s.root().to_path_buf(),
            output: Some(out.clone()),
            base_url: None,
        });
        assert!(r.is_err(), "{} accepted", out.display());
    }
    assert!(s.root().join("content/towns/sderot/he.md").is_file());
}

#[test]
fn a_rebuild_replaces_the_output_whole() {
    let s = Site::fixture("basic");
    s.build_ok();
    s.write("content/towns/yarka/he.md", "---\ntitle: ירכא\n---\n");
    s.build_ok();
    assert!(s.out().join("ar/towns/yarka/index.html").is_file());
    std::fs::remove_dir_all(s.root().join("content/towns/yarka")).expect("rm");
    s.build_ok();
    assert!(
        !s.out().join("ar/towns/yarka").exists(),
        "a deleted entry's pages are gone"
    );
}

#[test]
fn odd_files_are_mistakes_not_crashes() {
    let odd: [(&str, &[u8]); 6] = [
        ("content/towns/ofakim/he.md", b"---\n---\n"),
        ("content/towns/ofakim/ar.md", b"no front matter at all"),
        ("content/towns/ofakim/en.md", b"---\ntitle: Ofakim\n"),
        ("content/towns/ofakim/common.yaml", b"- a\n- list\n"),
        ("content/towns/sderot/he.md", b"\xff\xfe\x00binary"),
        (
            "content/towns/sderot/common.yaml",
            b"coordinates: [91, 200]\n",
        ),
    ];
    let m = after_mistake(|s| {
        for (path, bytes) in odd {
            std::fs::write(s.root().join(path), bytes).expect("write");
        }
    });
    assert!(
        m.contains("ofakim/he.md:2:1: the required field 'title' is missing"),
        "{m}"
    );
    assert!(
        m.contains("ofakim/ar.md:1:1: the file does not start with front matter"),
        "{m}"
    );
    assert!(
        m.contains("ofakim/en.md:1:1: the front matter is not closed"),
        "{m}"
    );
    assert!(m.contains("ofakim/common.yaml:1:"), "{m}");
    assert!(
        m.contains("sderot/he.md: the file is saved as UTF-16, not UTF-8 text"),
        "{m}"
    );
    assert!(
        m.contains("sderot/common.yaml:1:14: coordinates [91, 200] are not [latitude, longitude]"),
        "{m}"
    );
    // A broken entry still exists for the entries that name it.
    assert!(
        !m.contains("town 'sderot' (in 'towns') does not exist"),
        "{m}"
    );
}

#[test]
fn a_mistyped_partner_role_names_the_roles() {
    let m = after_mistake(|s| {
        s.write(
            "content/initiatives/beta/common.yaml",
            "partners:\n  - {id: acme, role: leader}\n",
        )
    });
    assert!(m.contains("content/initiatives/beta/common.yaml:2:"), "{m}");
    assert!(
        m.contains("'leader' is not an allowed value of 'role'"),
        "{m}"
    );
    assert!(m.contains("did you mean 'lead'?"), "{m}");
    let m = after_mistake(|s| {
        s.write(
            "content/initiatives/beta/common.yaml",
            "partners:\n  - {id: acme, rol: lead}\n",
        )
    });
    assert!(
        m.contains("unknown field 'rol'") && m.contains("did you mean 'role'?"),
        "{m}"
    );
}

#[test]
fn accessibility_statement_mistakes_are_named() {
    let m = after_mistake(|s| {
        let y = std::fs::read_to_string(s.root().join("site.yaml")).expect("read");
        s.write(
            "site.yaml",
            &(y + "accessibility:\n  coordinator: {name: Dana}\n  reviewed: last week\n"),
        );
    });
    assert!(
        m.contains("site.yaml:13:13: accessibility.reviewed: 'last week' is not a date"),
        "{m}"
    );
    assert!(
        m.contains("accessibility.coordinator needs an email or a phone"),
        "{m}"
    );
}
