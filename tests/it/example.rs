//! The repository's own example site, written from the seed documents: it must build with no
//! warning and publish every page in every language.

use std::path::Path;

use crate::common;

#[test]
fn example_site_builds_cleanly_in_all_three_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().join("public");
    common::build_cleanly(root, Some(out_dir.clone()));

    // Every entry folder has its page in he, ar and en.
    let content = root.join("content");
    let mut entries = 0;
    for coll in std::fs::read_dir(&content).expect("content/").flatten() {
        for entry in std::fs::read_dir(coll.path())
            .expect("collection")
            .flatten()
        {
            let (c, id) = (
                coll.file_name().to_string_lossy().to_string(),
                entry.file_name().to_string_lossy().to_string(),
            );
            let facts =
                std::fs::read_to_string(entry.path().join("common.yaml")).unwrap_or_default();
            if facts.lines().any(|l| l == "draft: true") {
                // Prepared, not published: in no language.
                for lang in ["he", "ar", "en"] {
                    assert!(
                        !out_dir.join(lang).join(&c).join(&id).exists(),
                        "{c}/{id} is a draft"
                    );
                }
                continue;
            }
            for lang in ["he", "ar", "en"] {
                let page = if c == "pages" && id == "home" {
                    out_dir.join(lang).join("index.html")
                } else {
                    out_dir.join(lang).join(&c).join(&id).join("index.html")
                };
                assert!(page.is_file(), "missing {}", page.display());
            }
            entries += 1;
        }
    }
    assert!(entries > 40, "only {entries} entries");

    let read =
        |p: &str| std::fs::read_to_string(out_dir.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    // The Arabic page of the program carries the Hebrew paragraph of seed 002 as Hebrew.
    assert!(read("ar/initiatives/municipal-mobility/index.html").contains("<p lang=\"he\">"));
    // The untranslated entries show their fallback, marked.
    let bond = read("en/initiatives/loneliness-social-impact-bond/index.html");
    assert!(bond.contains(r#"<h1 lang="he" dir="rtl">"#));
    assert!(bond.contains("class=\"notice\""));
    let ecostem = read("ar/initiatives/ecostem21/index.html");
    assert!(
        ecostem.contains(r#"<p class="summary" lang="he" dir="rtl">"#),
        "single-field fallback"
    );
    // Key figures on the home page, formatted for the language.
    assert!(read("en/index.html").contains("<bdi>400,000</bdi>"));
    // The accessibility statement, from site.yaml, in every language.
    for lang in ["he", "ar", "en"] {
        let st = read(&format!("{lang}/pages/accessibility/index.html"));
        assert!(
            st.contains("<section class=\"statement\"")
                && st.contains("mailto:accessibility@example.org"),
            "{lang}"
        );
    }
    // Latin fragments in Hebrew are isolated.
    assert!(
        read("he/initiatives/loneliness-social-impact-bond/index.html")
            .contains("<bdi>Social Finance Israel (SFI)</bdi>")
    );
    // The site's own UI strings (i18n/<lang>.ftl) replace the theme's, key by key: the
    // footer says what this example is, in each language, on every page.
    for (lang, theirs) in [
        ("he", "נבנה באמצעות סולם."),
        ("ar", "بُني بواسطة سُلَّم."),
        ("en", "Built with Sulam."),
    ] {
        let ftl = std::fs::read_to_string(root.join("i18n").join(format!("{lang}.ftl")))
            .unwrap_or_else(|e| panic!("i18n/{lang}.ftl: {e}"));
        let ours = ftl
            .lines()
            .find_map(|l| l.strip_prefix("footer-built-with = "))
            .unwrap_or_else(|| panic!("i18n/{lang}.ftl has no footer-built-with"));
        for page in ["", "initiatives/", "towns/sderot/"] {
            let html = read(&format!("{lang}/{page}index.html"));
            assert!(
                html.contains(&format!("<p class=\"built-with\">{ours}</p>")),
                "{lang}/{page}: the site's footer line is missing"
            );
            assert!(
                !html.contains(&format!("<p class=\"built-with\">{theirs}</p>")),
                "{lang}/{page}: the theme's footer line is shown"
            );
        }
    }
}
