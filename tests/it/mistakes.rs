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
            "---\ntitle: Ofakim\nsummary: \"unclosed\n---\nBody\n",
        )
    });
    assert!(
        m.contains("content/towns/ofakim/en.md:3:10: a quote opened here is never closed\n  hint: end the text with the same quote mark it starts with"),
        "{m}"
    );
    let m = after_mistake(|s| s.write("content/initiatives/beta/common.yaml", "towns: [sderot\n"));
    assert!(
        m.contains("content/initiatives/beta/common.yaml:1:8: a '[' or '{' opened here is never closed\n  hint: close it with ']' or '}' on the same line"),
        "{m}"
    );
}

/// docs/errors.md: "a quote, `[` or `{` never closed" is named so. For a text field it is not:
/// the shape check speaks first and calls the text a list.
#[test]
fn an_unclosed_bracket_in_a_text_field_is_named_as_unclosed() {
    let m = after_mistake(|s| {
        s.write(
            "content/towns/ofakim/en.md",
            "---\ntitle: Ofakim\nsummary: [unclosed\n---\nBody\n",
        )
    });
    assert!(
        m.contains("content/towns/ofakim/en.md:3:10: a '[' or '{' opened here is never closed"),
        "{m}"
    );
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
        m.contains(
            "content/initiatives/beta/common.yaml:1:7: 'ends' must be a year of four digits, like 2024, not 'yes'"
        ),
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
    assert!(
        m.contains(
            "templates/town.html: the template 'town.html' failed for /he/towns/ofakim/index.html: "
        ),
        "{m}"
    );
    assert!(m.contains("Field `nonexistent` is not defined"), "{m}");
    assert!(m.contains("--> town.html:1:50"), "{m}");
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
    std::fs::create_dir_all(s.root().join(".git")).expect(".git");
    let root = std::fs::canonicalize(s.root()).expect("canonical");
    let cases = [
        (root.clone(), "is the site folder or holds it".to_string()),
        (
            root.parent().expect("parent").to_path_buf(),
            "is the site folder or holds it".into(),
        ),
        (root.join("content"), "is inside the site's content/".into()),
        (
            root.join("content/towns"),
            "is inside the site's content/".into(),
        ),
        (
            root.join("themes/mine"),
            "is inside the site's themes/".into(),
        ),
        (root.join("static"), "is inside the site's static/".into()),
        (root.join("i18n/out"), "is inside the site's i18n/".into()),
        (
            root.join(".git/public"),
            "is inside the site's .git/".into(),
        ),
    ];
    for (out, words) in cases {
        let r = sulam::commands::build::build(&sulam::commands::build::BuildOptions {
            root: s.root().to_path_buf(),
            output: Some(out.clone()),
            base_url: None,
            ..Default::default()
        });
        let m = match r {
            Ok(_) => panic!("{} accepted", out.display()),
            Err(d) => messages(&d),
        };
        let expected = format!("error: the output folder {} {words}", out.display());
        assert!(m.starts_with(&expected), "{expected}\n{m}");
        assert!(m.contains("hint: choose a"), "{m}");
        assert_eq!(m.matches("error:").count(), 1, "{m}");
    }
    assert!(s.root().join("content/towns/sderot/he.md").is_file());
    assert!(!s.root().join("static").exists() && !s.root().join("themes").exists());
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
        m.contains("ofakim/he.md:2:1: the required field 'title' is missing\n  hint: add a line 'title: ...' to the front matter"),
        "{m}"
    );
    assert!(
        m.contains("ofakim/ar.md:1:1: the file does not start with front matter\n  hint: start it with a line '---', then 'title: ...', then a closing '---'"),
        "{m}"
    );
    assert!(
        m.contains("ofakim/en.md:1:1: the front matter is not closed\n  hint: add a line '---' after the last field"),
        "{m}"
    );
    assert!(
        m.contains("ofakim/common.yaml:1:1: expected 'field: value' lines here\n  hint: a file of facts or front matter is a list of 'name: value' lines, not a list of items"),
        "{m}"
    );
    assert!(
        m.contains("sderot/he.md: the file is saved as UTF-16, not UTF-8 text\n  hint: save it again as UTF-8 (in the editor's Save As, choose the encoding UTF-8)"),
        "{m}"
    );
    assert!(
        m.contains("sderot/common.yaml:1:14: coordinates [91, 200] are not [latitude, longitude] in degrees\n  hint: write e.g. coordinates: [31.52, 34.60] (latitude first)"),
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

#[test]
fn coordinates_with_one_value_out_of_range_are_refused() {
    for (coordinates, shown) in [("[91, 34.6]", "[91, 34.6]"), ("[31.5, 200]", "[31.5, 200]")] {
        let m = after_mistake(|s| {
            s.write(
                "content/towns/ofakim/common.yaml",
                &format!("coordinates: {coordinates}\n"),
            )
        });
        assert!(
            m.contains(&format!(
                "ofakim/common.yaml:1:14: coordinates {shown} are not [latitude, longitude] in degrees"
            )),
            "{coordinates}: {m}"
        );
    }
}

#[test]
fn a_person_s_organisation_and_photo_are_checked() {
    let m = after_mistake(|s| {
        s.write(
            "content/people/dana/common.yaml",
            "organisation: acmee\nphoto: dana.jpg\nemail: dana-at-example\n",
        );
        s.write("content/people/dana/he.md", "---\ntitle: דנה\n---\n");
    });
    assert!(
        m.contains(
            "content/people/dana/common.yaml:1:15: partner 'acmee' (in 'organisation') does not exist"
        ),
        "{m}"
    );
    assert!(m.contains("did you mean 'acme'?"), "{m}");
    assert!(
        m.contains("content/people/dana/common.yaml:2:8: 'photo' names 'dana.jpg', which is not a file in this entry's folder\n  hint: put the file in content/people/dana/\n"),
        "{m}"
    );
    assert!(
        m.contains("content/people/dana/common.yaml:3:8: 'email' must be an e-mail address, not 'dana-at-example'"),
        "{m}"
    );
}

/// The content mistakes docs/errors.md lists, each with its words, place and hint.
#[test]
fn documented_content_mistakes_are_named_with_their_hint() {
    let cases: [(&str, &str, &str, &str); 10] = [
        (
            "content/initiatives/beta/facts.yaml",
            "status: active\n",
            "content/initiatives/beta/facts.yaml: 'facts.yaml' is not a file Sulam reads",
            "facts go in common.yaml, texts in <lang>.md",
        ),
        (
            "content/initiatives/beta/common.yml",
            "status: active\n",
            "content/initiatives/beta/common.yml: the entry has both common.yaml and common.yml",
            "keep one: move the facts into common.yaml and remove common.yml",
        ),
        (
            "content/news/launch/common.yaml",
            "initiatives: [alpha]\n",
            "content/news/launch/common.yaml: a news item needs a 'date'",
            "add a line date: 2026-11-23 to common.yaml",
        ),
        (
            "content/networks/south/common.yaml",
            "initiatives: [alpha]\n",
            "content/networks/south/common.yaml: a network needs 'towns': the towns that take part in it",
            "add e.g. towns: [sderot, ofakim]",
        ),
        (
            "content/initiatives/beta/common.yaml",
            "status: active\nwebsite: www.x.org\n",
            "content/initiatives/beta/common.yaml:2:10: 'website' must be an http:// or https:// address, not 'www.x.org'",
            "write it in full, e.g. https://www.x.org",
        ),
        (
            "content/initiatives/beta/common.yaml",
            "website: javascript:alert(1)\n",
            "content/initiatives/beta/common.yaml:1:10: 'website' must be an http:// or https:// address, not 'javascript:alert(1)'",
            "write the whole address of the site, e.g. https://www.example.org",
        ),
        (
            "content/towns/ofakim/common.yaml",
            "cluster: 11\n",
            "content/towns/ofakim/common.yaml:1:10: 'cluster' is a socio-economic cluster from 1 to 10, not 11",
            "",
        ),
        (
            "content/initiatives/beta/common.yaml",
            "related: [beta]\n",
            "content/initiatives/beta/common.yaml:1:11: an initiative cannot be related to itself",
            "remove it from 'related'",
        ),
        (
            "content/initiatives/beta/common.yaml",
            "started: 2024\nends: 2020\n",
            "content/initiatives/beta/common.yaml:2:7: 'ends' (2020) is before 'started' (2024)",
            "",
        ),
        (
            "content/initiatives/beta/common.yaml",
            "ages: {from: 10, to: 5}\n",
            "content/initiatives/beta/common.yaml:1:7: 'ages' goes from 10 to 5: 'from' must not be above 'to'",
            "",
        ),
    ];
    for (file, text, words, hint) in cases {
        let m = after_mistake(|s| {
            if file.ends_with("common.yml") {
                s.write("content/initiatives/beta/common.yaml", "status: active\n");
            }
            s.write(file, text);
        });
        let at = m
            .find(&format!("error: {words}"))
            .unwrap_or_else(|| panic!("{file}: {words}\n{m}"));
        if !hint.is_empty() {
            let next = &m[at..];
            let end = next[1..].find("\nerror:").map_or(next.len(), |e| e + 1);
            assert!(
                next[..end].contains(&format!("hint: {hint}")),
                "{hint}\n{m}"
            );
        }
        assert_eq!(m.matches("error:").count(), 1, "{file}: {m}");
    }
    // A cluster at the bounds is no mistake.
    for cluster in [1, 10] {
        let s = Site::fixture("basic");
        s.write(
            "content/towns/ofakim/common.yaml",
            &format!("cluster: {cluster}\n"),
        );
        s.build_ok();
    }
    // Ends in the year it started, and a single age, are fine too.
    let s = Site::fixture("basic");
    s.write(
        "content/initiatives/beta/common.yaml",
        "started: 2024\nends: 2024\nages: {from: 6, to: 6}\n",
    );
    s.build_ok();
}

/// site.yaml's own mistakes: languages, titles, fallbacks and themes.
#[test]
fn site_yaml_mistakes_of_languages_titles_and_themes_are_named() {
    let edit = |from: &'static str, to: &'static str| {
        move |s: &Site| {
            let y = std::fs::read_to_string(s.root().join("site.yaml")).expect("read");
            assert!(y.contains(from), "{from}");
            s.write("site.yaml", &y.replace(from, to));
        }
    };
    let m = after_mistake(edit(
        "languages: [he, ar, en]",
        "languages: [he, ar, en, he]",
    ));
    assert!(
        m.contains("error: site.yaml:2:25: language 'he' is listed twice"),
        "{m}"
    );
    let m = after_mistake(edit(
        "languages: [he, ar, en]",
        "languages: [he, ar, en, hebrew]",
    ));
    assert!(
        m.contains("error: site.yaml:2:25: 'hebrew' is not a language code\n  hint: use a code such as he, ar, en"),
        "{m}"
    );
    assert!(
        m.contains("warning: site.yaml: content/ was not checked: the site's languages cannot be read from site.yaml"),
        "{m}"
    );
    let m = after_mistake(edit("languages: [he, ar, en]", "languages: []"));
    assert!(
        m.contains("error: site.yaml: 'languages' is empty\n  hint: list at least one, e.g. languages: [he, ar, en]"),
        "{m}"
    );
    let m = after_mistake(edit(
        "  en: Knowledge base",
        "  en: Knowledge base\n  fr: Base",
    ));
    assert!(
        m.contains(
            "error: site.yaml: title is given for 'fr', which is not one of the site's languages"
        ),
        "{m}"
    );
    assert_eq!(m.matches("error:").count(), 1, "{m}");
    let m = after_mistake(edit("  en: [he]", "  en: [hebrew]"));
    assert!(
        m.contains(
            "error: site.yaml: fallback names 'hebrew', which is not one of the site's languages"
        ),
        "{m}"
    );
    assert_eq!(m.matches("error:").count(), 1, "{m}");
    let m = after_mistake(edit("base_url:", "theme: fancy\nbase_url:"));
    assert!(
        m.contains("error: site.yaml: the theme 'fancy' is not in themes/\n  hint: remove 'theme:' to use the built-in default theme"),
        "{m}"
    );
    let m = after_mistake(edit("base_url:", "theme: ../x\nbase_url:"));
    assert!(
        m.contains("error: site.yaml:1:8: theme: '../x' is not the name of a theme folder\n  hint: themes come from the site's themes/ folder"),
        "{m}"
    );
}

#[test]
fn a_broken_fluent_line_is_named() {
    let m = after_mistake(|s| s.write("i18n/ar.ftl", "home = البداية\n!!! broken\n"));
    assert!(
        m.contains("error: i18n/ar.ftl:2:1: this line is not valid Fluent: "),
        "{m}"
    );
    assert!(
        m.contains("hint: a message is 'key = text'; see https://projectfluent.org/fluent/guide/"),
        "{m}"
    );
}
