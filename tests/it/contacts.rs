//! Contact fields (issue 15): a partner's and a person's e-mail and phone in common.yaml, a
//! partner's address in each language file; `mailto:` and `tel:` links whose numbers stay
//! left to right in Hebrew and Arabic, the labels in the page's language, a `ContactPoint` in
//! the JSON-LD, and plain-words mistakes.

use crate::common::{Site, jsonld, messages};

fn site_with_contacts() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/partners/acme/common.yaml",
        "sector: philanthropy\nemail: info@acme.example.org\nphone: +972-3-123-4567\n",
    );
    site.write(
        "content/partners/acme/he.md",
        "---\ntitle: קרן אקמה\naddress: רחוב הרצל 12, שדרות\n---\n",
    );
    site.write(
        "content/partners/acme/ar.md",
        "---\ntitle: صندوق أكمي\naddress: شارع هرتسل 12، سديروت\n---\n",
    );
    site.write(
        "content/people/dana/common.yaml",
        "organisation: acme\nphone: '*2345'\nemail: dana@acme.example.org\n",
    );
    site.write(
        "content/people/dana/he.md",
        "---\ntitle: דנה לוי\nrole: מנכ״לית\n---\n",
    );
    site.build_ok();
    site
}

#[test]
fn a_partners_contacts_are_links_that_keep_their_direction() {
    let site = site_with_contacts();
    for (lang, email, phone, address_label) in [
        ("he", "דוא״ל", "טלפון", "כתובת"),
        ("ar", "البريد الإلكتروني", "الهاتف", "العنوان"),
        ("en", "Email", "Phone", "Address"),
    ] {
        let page = site.page(&format!("{lang}/partners/acme/index.html"));
        assert!(
            page.contains(&format!("<dt>{email}</dt><dd><a href=\"mailto:info@acme.example.org\" dir=\"ltr\">info@acme.example.org</a></dd>")),
            "{lang}: the e-mail link: {page}"
        );
        // The number as written, dialled without its dashes; dir="ltr" isolates it, so
        // "+972-3-123-4567" is not shown "972-3-123-4567+" in Hebrew and Arabic.
        assert!(
            page.contains(&format!("<dt>{phone}</dt><dd><a href=\"tel:+97231234567\" dir=\"ltr\">+972-3-123-4567</a></dd>")),
            "{lang}: the phone link: {page}"
        );
        assert!(
            page.contains(&format!("<dt>{address_label}</dt>")),
            "{lang}: {page}"
        );
    }
    let he = site.page("he/partners/acme/index.html");
    assert!(
        he.contains("<dd><address>רחוב הרצל 12, שדרות</address></dd>"),
        "{he}"
    );
    // English has no address of its own: the Hebrew one, marked as Hebrew.
    let en = site.page("en/partners/acme/index.html");
    assert!(
        en.contains("<dd lang=\"he\" dir=\"rtl\"><address>רחוב הרצל 12, שדרות</address></dd>"),
        "{en}"
    );

    let org = &jsonld(&he)["@graph"][0]["mainEntity"];
    assert_eq!(org["@type"], "Organization");
    assert_eq!(org["email"], "info@acme.example.org");
    assert_eq!(org["telephone"], "+972-3-123-4567");
    assert_eq!(org["address"], "רחוב הרצל 12, שדרות");
    assert_eq!(org["contactPoint"]["@type"], "ContactPoint");
    assert_eq!(org["contactPoint"]["telephone"], "+972-3-123-4567");
    assert_eq!(org["contactPoint"]["email"], "info@acme.example.org");
}

#[test]
fn a_persons_star_number_and_email() {
    let site = site_with_contacts();
    let page = site.page("ar/people/dana/index.html");
    assert!(
        page.contains("<a href=\"tel:*2345\" dir=\"ltr\">*2345</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"mailto:dana@acme.example.org\""),
        "{page}"
    );
    let person = &jsonld(&page)["@graph"][0]["mainEntity"];
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["telephone"], "*2345");
    assert_eq!(person["contactPoint"]["email"], "dana@acme.example.org");
    // A partner without contacts has no contact rows and no contactPoint.
    let city = site.page("en/partners/city-hall/index.html");
    assert!(
        !city.contains("mailto:") && !city.contains("tel:"),
        "{city}"
    );
    assert!(
        jsonld(&city)["@graph"][0]["mainEntity"]
            .get("contactPoint")
            .is_none()
    );
}

#[test]
fn a_wrong_email_or_phone_is_a_mistake_at_its_line() {
    let site = Site::fixture("basic");
    site.write(
        "content/partners/acme/common.yaml",
        "sector: philanthropy\nemail: mailto:info@acme.example.org\nphone: 03-123-4567 ext. 5\n",
    );
    site.write("content/people/dana/common.yaml", "phone: call us\n");
    site.write("content/people/dana/en.md", "---\ntitle: Dana\n---\n");
    let m = messages(&site.build_err());
    assert!(
        m.contains("error: content/partners/acme/common.yaml:2:8: 'email' must be an e-mail address, not 'mailto:info@acme.example.org'"),
        "{m}"
    );
    assert!(m.contains("email: info@example.org"), "the hint: {m}");
    assert!(
        m.contains("error: content/partners/acme/common.yaml:3:8: 'phone' must be a phone number, not '03-123-4567 ext. 5'"),
        "{m}"
    );
    assert!(
        m.contains("one number; put opening hours in the text"),
        "{m}"
    );
    assert!(
        m.contains("error: content/people/dana/common.yaml:1:8: 'phone' must be a phone number, not 'call us'"),
        "{m}"
    );
}
