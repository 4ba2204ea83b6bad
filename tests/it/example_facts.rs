//! The example knowledge base speaks about real organisations and people: its key facts, taken
//! from the seed documents in ../shared/seeds/, must not drift. These tests build the example
//! and read the facts back from the published HTML: the key figures and their sources (seed
//! 003), the foundation's leadership (003), the towns of the Town at the Centre network (000,
//! 003), the programs and their partners (000–004), and the state of the translations.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sulam::commands::translations::report;

use crate::common;

/// The example, built once for all the tests of this module into a folder that lives as long
/// as the test binary.
fn out() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        common::build_cleanly(repo(), Some(out.clone()));
        (dir, out)
    })
    .1
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The texts of every `<tag class="class">…</tag>` of `html`, in order, without inner tags.
fn texts_of(html: &str, tag: &str, class: &str) -> Vec<String> {
    let open = format!("<{tag} class=\"{class}\">");
    let close = format!("</{tag}>");
    html.split(&open)
        .skip(1)
        .map(|rest| strip_tags(&rest[..rest.find(&close).unwrap_or(rest.len())]))
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The ids of the entries of `collection` that `html` links to, in `lang`.
fn linked(html: &str, lang: &str, collection: &str) -> BTreeSet<String> {
    let prefix = format!("href=\"/{lang}/{collection}/");
    html.split(&prefix)
        .skip(1)
        .filter_map(|rest| {
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            let entry = !id.is_empty() && id != "page" && rest[id.len()..].starts_with('/');
            entry.then_some(id)
        })
        .collect()
}

/// The role shown next to a partner in an initiative's list of partners, if any.
fn role_of(html: &str, lang: &str, partner: &str) -> Option<String> {
    let link = format!("<a href=\"/{lang}/partners/{partner}/\">");
    let item = html
        .split("<li>")
        .find(|li| li.contains(&link) && li.contains("link-summary"))
        .unwrap_or_else(|| panic!("{partner} is not among the partners"));
    texts_of(item, "span", "role").into_iter().next()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_key_figures_and_their_sources_are_the_brochures() {
    // "About" where the brochure says about (כ-75, בכ-170), the gaps as times, the
    // matriculation rates as percentages: each in the words and signs of its language.
    let pct = |n: u32| format!("{n}\u{200e}%\u{200e}");
    for (lang, values) in [
        (
            "he",
            [
                "400,000", "כ־75", "8", "כ־170", "10", "פי 2", "פי 2", "פי 9", "84%", "13%",
            ]
            .map(String::from),
        ),
        (
            "ar",
            [
                "400,000".to_string(),
                "حوالي 75".into(),
                "8".into(),
                "حوالي 170".into(),
                "10".into(),
                "ضعفان".into(),
                "ضعفان".into(),
                "9 أضعاف".into(),
                pct(84),
                pct(13),
            ],
        ),
        (
            "en",
            [
                "400,000",
                "about 75",
                "8",
                "about 170",
                "10",
                "2 times",
                "2 times",
                "9 times",
                "84%",
                "13%",
            ]
            .map(String::from),
        ),
    ] {
        let home = read(&format!("{lang}/index.html"));
        let shown = texts_of(&home, "span", "figure-value");
        assert_eq!(shown, values, "{lang}: the key figures, in order");
    }
    let en = read("en/index.html");
    let labels = texts_of(&en, "span", "figure-label");
    for (label, says) in labels.iter().zip([
        "people benefit each year",
        "philanthropic partners",
        "member non-profits in the Rashi network",
        "local authorities across the country where the foundation works",
        "government ministries",
        "bachelor's degree holder",
        "vocabulary of a three-year-old",
        "top fifth",
        "established towns",
        "disadvantaged towns",
    ]) {
        assert!(label.contains(says), "{label:?} should say {says:?}");
    }
    let sources = |html: &str| -> Vec<String> {
        html.split("<cite>")
            .skip(1)
            .map(|r| strip_tags(&r[..r.find("</cite>").unwrap_or(r.len())]))
            .collect()
    };
    assert_eq!(
        sources(&en),
        [
            "Shoresh Institution for Socioeconomic Research",
            "Studies in the United States",
            "Central Bureau of Statistics",
            "Central Bureau of Statistics",
            "Central Bureau of Statistics",
        ]
    );
    assert_eq!(
        sources(&read("he/index.html")),
        [
            "מוסד שורש למחקר כלכלי-חברתי",
            "מחקרים בארצות הברית",
            "הלשכה המרכזית לסטטיסטיקה",
            "הלשכה המרכזית לסטטיסטיקה",
            "הלשכה המרכזית לסטטיסטיקה",
        ]
    );
}

#[test]
fn the_foundations_leadership_is_who_the_brochure_names() {
    for (id, lang, name, role) in [
        (
            "michal-cohen",
            "en",
            "Michal Cohen",
            "CEO of the Rashi Foundation",
        ),
        ("hubert-leven", "en", "Hubert Leven", "Honorary President"),
        (
            "shaul-shani",
            "en",
            "Shaul Shani",
            "Chair of the Rashi Foundation",
        ),
        (
            "francois-leven",
            "en",
            "François Leven",
            "President of the Rashi Foundation",
        ),
        ("michal-cohen", "he", "מיכל כהן", "מנכ״לית קרן רש״י"),
        ("hubert-leven", "he", "הוברט לוואן", "נשיא כבוד"),
        ("shaul-shani", "he", "שאול שני", "יו״ר קרן רש״י"),
        ("francois-leven", "he", "פרנסואה לוואן", "נשיא קרן רש״י"),
        (
            "michal-cohen",
            "ar",
            "ميخال كوهين",
            "المديرة العامة لصندوق راشي",
        ),
        ("hubert-leven", "ar", "هوبير لوفان", "الرئيس الفخري"),
        (
            "shaul-shani",
            "ar",
            "شاؤول شاني",
            "رئيس مجلس إدارة صندوق راشي",
        ),
        ("francois-leven", "ar", "فرانسوا لوفان", "رئيس صندوق راشي"),
    ] {
        let page = read(&format!("{lang}/people/{id}/index.html"));
        assert!(
            page.contains(&format!(">{name}</h1>")),
            "{lang}/{id}: the name"
        );
        assert!(
            page.contains(&format!("<dd>{role}</dd>")),
            "{lang}/{id}: the role {role}"
        );
        assert!(
            page.contains(&format!("href=\"/{lang}/partners/rashi-foundation/\"")),
            "{lang}/{id}: the organisation"
        );
    }
    // Hubert Leven led the foundation for 35 years; Michal Cohen was Director General of the
    // Ministry of Education; Shaul Shani's four decades.
    assert!(read("en/people/hubert-leven/index.html").contains("first 35 years"));
    assert!(
        read("en/people/michal-cohen/index.html")
            .contains("Director General of the Ministry of Education")
    );
    assert!(read("en/people/shaul-shani/index.html").contains("more than forty years"));
    // The founder and the year, in every language.
    for lang in ["he", "ar", "en"] {
        let about = read(&format!("{lang}/pages/about/index.html"));
        assert!(
            about.contains("1984") && about.contains("1914–2008"),
            "{lang}"
        );
    }
}

#[test]
fn the_town_at_the_centre_network_has_the_eight_members_of_its_page_and_says_seven_or_eight() {
    let members = set(&[
        "ofakim",
        "ashkelon",
        "kiryat-malakhi",
        "sderot",
        "beit-shean",
        "yarka",
        "nof-hagalil",
        "beit-hakerem-cluster",
    ]);
    for lang in ["he", "ar", "en"] {
        let network = read(&format!(
            "{lang}/networks/town-at-the-centre-network/index.html"
        ));
        assert_eq!(
            linked(&network, lang, "towns"),
            members,
            "{lang}: the network's towns"
        );
        let initiative = read(&format!("{lang}/initiatives/town-at-the-centre/index.html"));
        assert_eq!(
            linked(&initiative, lang, "towns"),
            members,
            "{lang}: the initiative's towns"
        );
    }
    // The brochure says seven, the web page lists eight: the page says so.
    let en = read("en/networks/town-at-the-centre-network/index.html");
    assert!(en.contains("names eight members") && en.contains("seven authorities"));
    let he = read("he/networks/town-at-the-centre-network/index.html");
    assert!(he.contains("שמונה חברות") && he.contains("שבע רשויות"));
    let ar = read("ar/networks/town-at-the-centre-network/index.html");
    assert!(ar.contains("ثمانية أعضاء") && ar.contains("سبع سلطات"));
}

#[test]
fn every_program_of_the_seeds_is_an_initiative() {
    let expected = set(&[
        // 000: the initiative and its three related ones
        "town-at-the-centre",
        "infancy-project",
        "learning-communities",
        "ecostem21",
        // 001, 002: the program and its similar projects
        "municipal-mobility",
        "national-welfare-program",
        "municipal-resilience",
        "loneliness-social-impact-bond",
        // 004
        "thriving-community",
        // 003: the brochure's programs by life stage, and its policy work
        "madakids",
        "rabadim-plus",
        "magshimim",
        "science-leadership",
        "druze-youth-centres",
        "warm-homes-derech-haetgar",
        "yesod",
        "mekusharim",
        "volunteering-and-service",
        "employment-region",
        "education-for-young-adults-at-risk",
        "maskila",
        "pnima",
        "noshmim-lirvacha",
        "migdal-or",
        "social-leap",
    ]);
    assert_eq!(expected.len(), 25);
    for lang in ["he", "ar", "en"] {
        let published: BTreeSet<String> = std::fs::read_dir(out().join(lang).join("initiatives"))
            .expect("initiatives")
            .flatten()
            .filter(|e| e.path().join("index.html").is_file())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|id| id != "page")
            .filter(|id| id != "hayishuv-bamerkaz")
            .collect();
        assert_eq!(published, expected, "{lang}: the initiatives");
        // The old id of "The Town at the Centre" (aliases:) leads to its page.
        let old = read(&format!("{lang}/initiatives/hayishuv-bamerkaz/index.html"));
        assert!(
            old.contains(&format!("url=/{lang}/initiatives/town-at-the-centre/")),
            "{old}"
        );
    }
    // The about page's table of life stages links every program of the brochure.
    let about = read("en/pages/about/index.html");
    for id in [
        "madakids",
        "science-leadership",
        "warm-homes-derech-haetgar",
        "yesod",
        "mekusharim",
        "volunteering-and-service",
        "employment-region",
        "education-for-young-adults-at-risk",
        "maskila",
        "pnima",
        "noshmim-lirvacha",
        "migdal-or",
        "social-leap",
    ] {
        assert!(
            about.contains(&format!("initiatives/{id}/\"")),
            "the about page does not link {id}"
        );
    }
}

#[test]
fn the_programs_figures_and_partners_are_the_seeds() {
    // Thriving Community (004): six partners, none with a role the seed does not give; 16
    // towns, four years, results by the end of 2027; no invented span of years.
    let tc = read("en/initiatives/thriving-community/index.html");
    let partners = set(&[
        "ministry-of-welfare",
        "jdc-ashalim",
        "rashi-foundation",
        "shahaf-foundation",
        "yad-hanadiv",
        "national-insurance-funds",
    ]);
    assert_eq!(linked(&tc, "en", "partners"), partners);
    for p in &partners {
        assert_eq!(role_of(&tc, "en", p).as_deref(), Some("Partner"), "{p}");
    }
    for fact in [
        "16 towns",
        "Four years",
        "end of 2027",
        "began in 2020",
        "More than 60",
    ] {
        assert!(tc.contains(fact), "Thriving Community: {fact}");
    }
    assert!(
        !tc.contains("2020–2027"),
        "the movement's start is not the program's"
    );
    // The four channels, by name only: the seed gives no description of them.
    assert_eq!(
        texts_of(&tc, "li", "card pillar"),
        ["Economic", "Urban", "Social", "Educational"]
    );
    assert!(!tc.contains("<li class=\"card pillar\"><h3>Economic</h3><p>"));

    // Municipal Mobility (001, 002): developed together by the ministry and JDC-Ashalim, so
    // neither has a role; five years; ages 0 to 35; Tiberias.
    let mm = read("en/initiatives/municipal-mobility/index.html");
    assert_eq!(
        linked(&mm, "en", "partners"),
        set(&[
            "ministry-of-welfare",
            "jdc-ashalim",
            "menomadin-foundation",
            "tiberias-municipality"
        ])
    );
    assert_eq!(role_of(&mm, "en", "ministry-of-welfare"), None);
    assert_eq!(role_of(&mm, "en", "jdc-ashalim"), None);
    assert_eq!(linked(&mm, "en", "towns"), set(&["tiberias"]));
    for fact in [
        "Five years",
        "private companies",
        "academic institutions",
        "Two processes side by side",
        "Four reasons",
    ] {
        assert!(mm.contains(fact), "Municipal Mobility: {fact}");
    }
    // The nine milestones of seed 002; the third one meets heads of departments only.
    let milestones = texts_of(&mm, "li", "milestone");
    assert_eq!(milestones.len(), 9);
    assert!(milestones[2].starts_with("Mapping soft data"));
    assert!(!milestones[2].contains("residents"), "{}", milestones[2]);
    // The loneliness bond: Menomadin lists it among its impact investments, no role given.
    let bond = read("he/initiatives/loneliness-social-impact-bond/index.html");
    assert_eq!(role_of(&bond, "he", "menomadin-foundation"), None);

    // Figures of the brochure's programs, in every language.
    for (id, figures) in [
        ("druze-youth-centres", &["3,000", "14"][..]),
        ("noshmim-lirvacha", &["100"][..]),
    ] {
        for lang in ["he", "ar", "en"] {
            let page = read(&format!("{lang}/initiatives/{id}/index.html"));
            for f in figures {
                assert!(page.contains(f), "{lang}/{id}: {f}");
            }
        }
    }
    assert!(read("en/initiatives/rabadim-plus/index.html").contains("five-year"));
    assert!(read("en/initiatives/municipal-resilience/index.html").contains("since 2023"));
    assert!(read("en/initiatives/national-welfare-program/index.html").contains("since 2020"));
    // The Rashi network: eight member non-profits, founded in 1984.
    let rashi = read("en/partners/rashi-foundation/index.html");
    assert!(rashi.contains("eight member non-profits") && rashi.contains("1984"));
}

#[test]
fn the_translations_are_stamped_as_checked_and_the_arabic_page_as_written_from_its_own_source() {
    let r = report(repo(), None).expect("the translations report");
    for l in &r.languages {
        assert_eq!(
            l.unstamped_entries, 0,
            "{}: translations never checked",
            l.lang
        );
        assert_eq!(l.outdated_fields, 0, "{}: translations out of date", l.lang);
    }
    let todo = |lang: &str| -> BTreeSet<String> {
        r.languages
            .iter()
            .find(|l| l.lang == lang)
            .expect("language")
            .entries
            .iter()
            .filter(|e| e.state != "written")
            .map(|e| format!("{}/{}", e.collection, e.id))
            .collect()
    };
    // The deliberate fallbacks, and nothing else.
    assert_eq!(
        todo("ar"),
        set(&[
            "initiatives/ecostem21",
            "initiatives/loneliness-social-impact-bond",
            "partners/haruv-institute"
        ])
    );
    assert_eq!(
        todo("en"),
        set(&["initiatives/loneliness-social-impact-bond"])
    );
    assert!(todo("he").is_empty());
    let ar = r.languages.iter().find(|l| l.lang == "ar").expect("ar");
    let mm = ar
        .entries
        .iter()
        .find(|e| e.id == "municipal-mobility")
        .expect("the Arabic page of Municipal Mobility is listed");
    assert_eq!(mm.state, "written");
    assert_eq!(
        mm.written_from.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["body", "summary"])
    );
    // And it still carries the Hebrew paragraph of seed 002 as Hebrew.
    assert!(read("ar/initiatives/municipal-mobility/index.html").contains("<p lang=\"he\">"));
}

#[test]
fn the_about_page_charts_the_brochures_inequality_figures_with_their_sources() {
    for (lang, established, disadvantaged, cbs) in [
        (
            "he",
            "יישובים מבוססים",
            "יישובים מוחלשים",
            "הלשכה המרכזית לסטטיסטיקה",
        ),
        (
            "ar",
            "بلدات ميسورة",
            "بلدات مستضعفة",
            "دائرة الإحصاء المركزية",
        ),
        (
            "en",
            "Established towns",
            "Disadvantaged towns",
            "Central Bureau of Statistics",
        ),
    ] {
        let about = read(&format!("{lang}/pages/about/index.html"));
        assert_eq!(
            about.matches("<figure class=\"chart chart-bar\">").count(),
            2,
            "{lang}"
        );
        // The numbers in a table for screen readers, in the page's signs.
        let row = |label: &str| {
            let at = about
                .find(&format!("<th scope=\"row\">{label}</th><td>"))
                .unwrap_or_else(|| panic!("{lang}: no row {label}"));
            let rest = &about[at..];
            strip_tags(&rest[rest.find("<td>").unwrap_or(0)..rest.find("</td>").unwrap_or(0)])
        };
        assert!(
            row(established).starts_with("84"),
            "{lang}: {}",
            row(established)
        );
        assert!(
            row(disadvantaged).starts_with("13"),
            "{lang}: {}",
            row(disadvantaged)
        );
        assert!(
            about.contains(&format!("<cite>{cbs}</cite>")),
            "{lang}: the source"
        );
        // Shoresh for the earnings gap, studies in the US for vocabulary (seed 003).
        let second = &about[about.rfind("<figure class=\"chart").unwrap_or(0)..];
        let cite = &second[second.find("<cite>").unwrap_or(0)..second.find("</cite>").unwrap_or(0)];
        for source in match lang {
            "he" => ["מוסד שורש", "מחקרים בארצות הברית"],
            "ar" => ["معهد شورش", "أبحاث في الولايات المتحدة"],
            _ => ["Shoresh Institution", "studies in the United States"],
        } {
            assert!(cite.contains(source), "{lang}: {source} in {cite}");
        }
    }
}
