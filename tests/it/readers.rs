//! What a reader meets that a validator does not see: names in their own direction, what
//! search engines and share previews read, and the words of every page (issue 13).

use crate::common::Site;

/// A partner whose name is wholly Latin, in every language file: on the Hebrew and Arabic
/// pages it keeps its own direction wherever it is shown, so its full stop stays at its end.
fn latin_partner() -> Site {
    let site = Site::fixture("basic");
    for lang in ["he", "ar", "en"] {
        site.write(
            &format!("content/partners/acme/{lang}.md"),
            "---\ntitle: Tech Forward Ltd.\n---\n",
        );
    }
    site.build_ok();
    site
}

const ISOLATED: &str = "<bdi dir=\"ltr\">Tech Forward Ltd.</bdi>";

#[test]
fn a_wholly_latin_name_keeps_its_direction_on_hebrew_and_arabic_pages() {
    let site = latin_partner();
    for lang in ["he", "ar"] {
        let page = site.page(&format!("{lang}/partners/acme/index.html"));
        assert!(
            page.contains(&format!("<h1>{ISOLATED}</h1>")),
            "{lang}: the heading: {page}"
        );
        assert!(
            page.contains(&format!("<span aria-current=\"page\">{ISOLATED}</span>")),
            "{lang}: the breadcrumb"
        );
        let initiative = site.page(&format!("{lang}/initiatives/alpha/index.html"));
        assert!(
            initiative.contains(&format!("/partners/acme/\">{ISOLATED}</a>")),
            "{lang}: the link on the initiative's page"
        );
        let list = site.page(&format!("{lang}/partners/index.html"));
        assert!(
            list.contains(&format!("/partners/acme/\">{ISOLATED}</a>")),
            "{lang}: the card in the list"
        );
    }
    // On the English page it is ordinary left-to-right text.
    let page = site.page("en/partners/acme/index.html");
    assert!(page.contains("<h1>Tech Forward Ltd.</h1>"), "{page}");
}

#[test]
fn a_latin_site_title_keeps_its_direction_in_the_header() {
    let site = Site::fixture("basic");
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        &yaml.replace("he: בסיס ידע", "he: Good Works Inc."),
    );
    site.build_ok();
    let he = site.page("he/index.html");
    assert!(
        he.contains("class=\"site-title\" href=\"/kb/he/\"><bdi dir=\"ltr\">Good Works Inc.</bdi></a>"),
        "{he}"
    );
}
