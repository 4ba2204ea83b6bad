//! The search index and page: what a build writes for search, read back as the browser would.

use crate::common::{self, Site};

/// The index object inside `search/<lang>.js` (a script: `...=JSON.parse('<json>');`).
fn index(s: &Site, lang: &str) -> serde_json::Value {
    script_json(&s.page(&format!("search/{lang}.js")))
}

/// A part of the index, `search/<lang>/<name>.js`, and the key it is stored under.
fn part(s: &Site, lang: &str, name: &str) -> serde_json::Value {
    let script = s.page(&format!("search/{lang}/{name}.js"));
    assert!(
        script.starts_with(&format!(
            "(self.sulamSearchParts=self.sulamSearchParts||{{}})[\"{lang}/{name}\"]="
        )),
        "{script}"
    );
    script_json(&script)
}

fn script_json(script: &str) -> serde_json::Value {
    let start = script.find("JSON.parse('").expect("JSON.parse(") + "JSON.parse('".len();
    let end = script.rfind("');").expect("');");
    let mut json = String::new();
    let mut chars = script[start..end].chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    json.push(
                        char::from_u32(u32::from_str_radix(&hex, 16).expect("hex")).expect("char"),
                    );
                }
                Some(x) => json.push(x),
                None => {}
            }
        } else {
            json.push(c);
        }
    }
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {script}"))
}

/// The docs of an index, from its parts, as (collection, id, title, text language, summary,
/// rest).
fn docs(s: &Site, ix: &serde_json::Value) -> Vec<(String, String, String, String, String, String)> {
    let lang = ix["lang"].as_str().expect("lang");
    let cols = ix["collections"].as_array().expect("collections");
    let text = |v: &serde_json::Value| v.as_str().expect("a string").to_string();
    let all: Vec<_> = ix["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .flat_map(|name| {
            let part = part(s, lang, name.as_str().expect("a name"));
            part.as_array().expect("docs").clone()
        })
        .map(|d| {
            let col = d[0].as_u64().expect("col") as usize;
            (
                text(&cols[col][0]),
                text(&d[1]),
                text(&d[2]),
                text(&d[3]),
                text(&d[4]),
                text(&d[5]),
            )
        })
        .collect();
    assert_eq!(all.len() as u64, ix["count"].as_u64().expect("count"));
    all
}

/// The score of `term` for the doc with `id`, or 0, from the part that holds the term: the
/// one part of a small site, or the part of its first letter (or longer prefix) where split.
fn score(s: &Site, ix: &serde_json::Value, term: &str, id: &str) -> u64 {
    let lang = ix["lang"].as_str().expect("lang");
    let split: Vec<&str> = ix["split"]
        .as_array()
        .expect("split")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    let mut first = String::new();
    for c in term.chars() {
        if !split.contains(&first.as_str()) {
            break;
        }
        first.push(c);
    }
    let name = ix["shards"][&first]
        .as_str()
        .expect("a part for the prefix");
    let shard = part(s, lang, name);
    let terms: Vec<&str> = shard["terms"].as_str().expect("terms").split(' ').collect();
    assert!(terms.iter().all(|t| t.starts_with(&first)), "{terms:?}");
    let Some(i) = terms.iter().position(|t| *t == term) else {
        return 0;
    };
    let want = docs(s, ix).iter().position(|d| d.1 == id).expect("doc") as u64;
    let numbers = decode(shard["postings"][i].as_str().expect("postings"));
    let mut doc = 0;
    for pair in numbers.chunks(2) {
        doc += pair[0];
        if doc == want {
            return pair[1];
        }
    }
    0
}

/// The numbers of a posting string: base 32, a digit of `LAST` ends a number.
fn decode(s: &str) -> Vec<u64> {
    const LAST: &str = "0123456789abcdefghijklmnopqrstuv";
    const MORE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+,-";
    let mut out = Vec::new();
    let mut n = 0;
    for c in s.chars() {
        if let Some(v) = MORE.find(c) {
            n = n * 32 + v as u64;
        } else {
            n = n * 32 + LAST.find(c).expect("a digit") as u64;
            out.push(n);
            n = 0;
        }
    }
    out
}

#[test]
fn every_language_has_an_index_with_every_entry_once() {
    let s = Site::fixture("basic");
    s.build_ok();
    for lang in ["he", "ar", "en"] {
        let ix = index(&s, lang);
        assert_eq!(ix["lang"], lang);
        let d = docs(&s, &ix);
        let alpha: Vec<_> = d.iter().filter(|x| x.1 == "alpha").collect();
        assert_eq!(alpha.len(), 1, "{lang}: alpha once");
        assert_eq!(alpha[0].3, "", "{lang}: alpha in its own language");
        // beta has only a Hebrew text: one result in every language, marked Hebrew elsewhere.
        let beta: Vec<_> = d.iter().filter(|x| x.1 == "beta").collect();
        assert_eq!(
            beta.len(),
            1,
            "{lang}: beta once, not once per fallback page"
        );
        assert_eq!(beta[0].2, "מיזם הינקות");
        assert_eq!(beta[0].3, if lang == "he" { "" } else { "he" }, "{lang}");
        // The docs are in parts of `chunk` each, with their snippet texts.
        let chunk = ix["chunk"].as_u64().expect("chunk") as usize;
        assert_eq!(
            ix["docs"].as_array().expect("docs").len(),
            d.len().div_ceil(chunk),
            "{lang}"
        );
        if lang == "he" {
            let alpha = &alpha[0];
            assert_eq!(
                alpha.4,
                "חברת Social Finance Israel (SFI) מציעה <b>משהו</b> & עוד"
            );
            assert!(alpha.5.contains("פלטפורמה יישובית"), "{}", alpha.5);
        }
        // The home page is the language's home ("" id).
        assert!(
            d.iter().any(|x| x.0 == "pages" && x.1.is_empty()),
            "{lang}: home"
        );
    }
}

#[test]
fn words_are_indexed_normalised_and_without_prefixes_title_first() {
    let s = Site::fixture("basic");
    s.write(
        "content/initiatives/gamma/he.md",
        "---\ntitle: ובירושלים\nsummary: מוביליות בְּרֵאשִׁית\n---\nגוף עם רש\"י ושָׁלוֹם.\n",
    );
    s.write(
        "content/initiatives/delta/ar.md",
        "---\ntitle: والمحلية\nsummary: مُبَادَرَةٌ\n---\nكتـــاب للأطفال.\n",
    );
    s.build_ok();
    let he = index(&s, "he");
    // As written, normalised (final mem), and with ו and וב stripped.
    assert_eq!(score(&s, &he, "ובירושלימ", "gamma"), 16);
    assert_eq!(score(&s, &he, "בירושלימ", "gamma"), 8);
    assert_eq!(score(&s, &he, "ירושלימ", "gamma"), 8);
    // Niqqud dropped; gershayim typed as " dropped.
    assert_eq!(score(&s, &he, "בראשית", "gamma"), 4);
    assert_eq!(score(&s, &he, "רשי", "gamma"), 1);
    assert_eq!(score(&s, &he, "שלומ", "gamma"), 1);
    // Title over summary over body.
    assert!(score(&s, &he, "ובירושלימ", "gamma") > score(&s, &he, "מוביליות", "gamma"));
    assert!(score(&s, &he, "מוביליות", "gamma") > score(&s, &he, "שלומ", "gamma"));

    let ar = index(&s, "ar");
    assert_eq!(score(&s, &ar, "والمحليه", "delta"), 16);
    assert_eq!(score(&s, &ar, "محليه", "delta"), 8);
    assert_eq!(score(&s, &ar, "مبادره", "delta"), 4);
    assert_eq!(score(&s, &ar, "كتاب", "delta"), 1);
    assert!(score(&s, &ar, "اطفال", "delta") > 0);
}

#[test]
fn the_search_page_is_a_plain_form_in_every_language() {
    let s = Site::fixture("basic");
    s.build_ok();
    for (lang, label) in [
        ("he", "חיפוש באתר"),
        ("ar", "البحث في الموقع"),
        ("en", "Search the site"),
    ] {
        let html = s.page(&format!("{lang}/search/index.html"));
        assert!(
            html.contains(r#"<form role="search" class="search-form" aria-labelledby="search-heading" action="./" method="get""#),
            "{lang}"
        );
        assert!(
            html.contains(&format!(r#"<label for="search-q">{label}</label>"#)),
            "{lang}"
        );
        assert!(html.contains(r#"name="q""#));
        assert!(
            html.contains(r#"role="status""#),
            "{lang}: a live region for the count"
        );
        // Relative, so the page also searches from a folder on disk.
        assert!(html.contains(r#"<script src="../../search.js" defer></script>"#));
        assert!(html.contains(r#"<link rel="stylesheet" href="../../sulam.css">"#));
        assert!(s.out().join("search.js").is_file());
    }
}

#[test]
fn every_page_has_a_search_box_that_goes_to_the_search_page() {
    let s = Site::fixture("basic");
    s.build_ok();
    let html = s.page("ar/initiatives/alpha/index.html");
    assert!(
        html.contains(
            r#"<form role="search" class="site-search" aria-label="البحث في الموقع" action="/kb/ar/search/" method="get""#
        ),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<label for="site-search-q" class="visually-hidden">البحث في الموقع</label>"#
        )
    );
}

#[test]
fn count_forms_are_rendered_per_plural_category() {
    let s = Site::fixture("basic");
    s.build_ok();
    let ar = index(&s, "ar");
    let plain = |v: &serde_json::Value| common::plain(v.as_str().expect("string"));
    assert_eq!(plain(&ar["ui"]["count"]["two"]), "نتيجتان");
    assert_eq!(plain(&ar["ui"]["count"]["few"]), "{n} نتائج");
    assert_eq!(plain(&ar["ui"]["count"]["many"]), "{n} نتيجة");
    let he = index(&s, "he");
    assert_eq!(plain(&he["ui"]["count"]["one"]), "תוצאה אחת");
    assert_eq!(plain(&he["ui"]["count"]["other"]), "{n} תוצאות");
    assert_eq!(plain(&he["ui"]["in"]["ar"]), "הטקסט בالعربية");
}
