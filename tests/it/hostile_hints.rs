//! Issue 12, item 17: a hint never shows a dangerous value as if it were the fix.

use crate::common::{Site, messages};

#[test]
fn a_website_that_is_not_a_web_address_gets_a_hint_that_does_not_repeat_it() {
    for (value, shown) in [
        ("https://javascript:alert(1)", "https://javascript:alert(1)"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("'https://x.org/\"><script>'", "https://x.org/\\\"><script>"),
        ("https://", "https://"),
    ] {
        let s = Site::fixture("basic");
        let common =
            std::fs::read_to_string(s.root().join("content/initiatives/alpha/common.yaml"))
                .expect("common.yaml");
        s.write(
            "content/initiatives/alpha/common.yaml",
            &format!("{common}website: {value}\n"),
        );
        let m = messages(&s.build_err());
        assert!(
            m.contains(&format!(
                "'website' must be an http:// or https:// address, not '{shown}'"
            )),
            "{value}: {m}"
        );
        assert!(
            m.contains("hint: write the whole address of the site, e.g. https://www.example.org"),
            "{value}: {m}"
        );
        assert!(!m.contains("e.g. https://javascript"), "{value}: {m}");
    }
    // A host written without its scheme is repeated with it: that is the fix.
    let s = Site::fixture("basic");
    let common = std::fs::read_to_string(s.root().join("content/initiatives/alpha/common.yaml"))
        .expect("common.yaml");
    s.write(
        "content/initiatives/alpha/common.yaml",
        &format!("{common}website: www.example.org\n"),
    );
    let m = messages(&s.build_err());
    assert!(
        m.contains("hint: write it in full, e.g. https://www.example.org"),
        "{m}"
    );
}
