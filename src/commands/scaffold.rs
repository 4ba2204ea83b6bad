//! `sulam new` and `sulam init`: an entry folder, or a whole site, that builds as it is and
//! shows the author every field as a commented example — in the language of the file.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::config::SiteConfig;
use crate::model::content::{self, Collection};
use crate::model::folders;

/// The commented examples of `common.yaml` for a collection (facts: the same in every language).
fn facts_example(c: Collection) -> &'static str {
    match c {
        Collection::Initiatives => {
            "\
# Facts about the initiative. Texts go in the language files (he.md, ar.md, en.md).
# partners:                      # ids of content/partners/<id>/, with a role if you like
#   - {id: some-foundation, role: lead}   # lead, funder, operator or partner
#   - some-ministry
# towns: [sderot, ofakim]        # ids of content/towns/<id>/
# networks: []                   # ids of content/networks/<id>/
# domains: [education]           # ids of content/domains/<id>/
# ages: {from: 0, to: 18}
# started: 2024
# ends: 2028
# status: active                 # planned, active or completed
# related: []                    # ids of other initiatives (shown on both sides)
# image: photo.jpg               # a file in this folder
# website: https://example.org
# order: 1                       # position in lists (lower first)
"
        }
        Collection::Partners => {
            "\
# sector: philanthropy           # an id of content/sectors/<id>/
# logo: logo.svg                 # a file in this folder
# website: https://example.org
# email: info@example.org
# phone: 03-1234567              # as people dial it; shown as a tel: link
"
        }
        Collection::Towns => {
            "\
# district: south                # north, haifa, center, tel-aviv, jerusalem, south, judea-samaria
# coordinates: [31.52, 34.60]    # [latitude, longitude]
# cluster: 3                     # socio-economic cluster, 1 to 10
# kind: city                     # city, local-council, regional-council or cluster
"
        }
        Collection::Networks => {
            "\
# towns: [sderot, ofakim]       # required: ids of the towns in the network
# initiatives: []                # ids of initiatives the network takes part in
"
        }
        Collection::Domains | Collection::Sectors => {
            "\
# Nothing is needed here: the page lists every entry that names this one.
# extra: {}                      # your own data, for your own templates
"
        }
        Collection::People => {
            "\
# photo: photo.jpg               # a file in this folder
# organisation: some-foundation  # an id of content/partners/<id>/
# order: 1                       # position in lists (lower first)
# email: name@example.org
# phone: 03-1234567
"
        }
        Collection::Pages => {
            "\
# figures:                       # key figures; their labels go in the language files
#   - {id: beneficiaries, value: 400000, year: 2025}
#   - {id: towns, value: 170, approx: true}   # shown as about 170, in each language's words
#   - {id: eligible, value: 84, unit: percent}   # unit: percent, times, ils or usd
#   - {id: ages, value: [6, 18]}                 # a range
"
        }
        Collection::News => {
            "date: DATE                       # required: YYYY-MM-DD\n# initiatives: []               # ids of the initiatives this news is about\n# image: photo.jpg\n"
        }
    }
}

/// The words of the commented examples, per language of the file.
struct Words {
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    pillar: &'static str,
    milestone: &'static str,
    outcome: &'static str,
    role: &'static str,
    audience: &'static str,
    timeframe: &'static str,
    person_role: &'static str,
    figure: &'static str,
    image_alt: &'static str,
}

fn words(lang: &str) -> Words {
    match lang.split('-').next().unwrap_or(lang) {
        "he" => Words {
            title: "הכותרת בעברית",
            summary: "משפט אחד שמסביר במה מדובר",
            body: "כאן כותבים את הטקסט, ב-Markdown: כותרות (##), רשימות, קישורים.",
            pillar: "ממד פעולה",
            milestone: "שלב",
            outcome: "תוצאה מצופה",
            role: "תפקיד בצוות",
            audience: "למי התוכנית מיועדת",
            timeframe: "משך התוכנית",
            person_role: "תפקיד",
            figure: "תווית הנתון",
            image_alt: "מה רואים בתמונה, למי שאינו רואה אותה",
        },
        "ar" => Words {
            title: "العنوان بالعربية",
            summary: "جملة واحدة تشرح الموضوع",
            body: "هنا يُكتب النصّ بصيغة Markdown: عناوين (##)، قوائم، روابط.",
            pillar: "محور عمل",
            milestone: "مرحلة",
            outcome: "نتيجة متوقّعة",
            role: "وظيفة في الطاقم",
            audience: "لمن البرنامج",
            timeframe: "مدّة البرنامج",
            person_role: "الوظيفة",
            figure: "وصف المعطى",
            image_alt: "ما الذي تُظهره الصورة، لمن لا يراها",
        },
        _ => Words {
            title: "The title",
            summary: "One sentence that says what this is",
            body: "Write the text here, in Markdown: headings (##), lists, links.",
            pillar: "A pillar of action",
            milestone: "A stage",
            outcome: "An expected outcome",
            role: "A role in the team",
            audience: "Who the program serves",
            timeframe: "How long it runs",
            person_role: "Role",
            figure: "What the figure counts",
            image_alt: "What the picture shows, for readers who cannot see it",
        },
    }
}

/// A language file for a new entry, with `title` filled in so that it builds.
fn lang_file(c: Collection, lang: &str, title: &str) -> String {
    let w = words(lang);
    let yaml_title = yaml_quote(title);
    let mut s = format!("---\ntitle: {yaml_title}            # {}\n", w.title);
    match c {
        Collection::People => s.push_str(&format!("# role: {}\n", w.person_role)),
        _ => s.push_str(&format!("# summary: {}\n", w.summary)),
    }
    match c {
        Collection::Initiatives => s.push_str(&format!(
            "# pillars:\n#   - {{title: {p}, text: ...}}\n# milestones:\n#   - {{title: {m} 1, text: ...}}\n#   - {{title: {m} 2}}\n# outcomes:\n#   - {o}\n# team:\n#   - {{role: {r}, text: ...}}\n# audience: {a}\n# timeframe: {t}\n",
            p = w.pillar, m = w.milestone, o = w.outcome, r = w.role, a = w.audience, t = w.timeframe
        )),
        Collection::Pages => s.push_str(&format!("# figures:\n#   beneficiaries: {{label: {}}}\n", w.figure)),
        _ => {}
    }
    if matches!(c, Collection::Initiatives | Collection::News) {
        s.push_str(&format!("# image_alt: {}\n", w.image_alt));
    }
    s.push_str(&format!("---\n{}\n", w.body));
    s
}

fn yaml_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Creates `content/<collection>/<id>/` in the site at `config.root`.
pub fn new_entry(
    config: &SiteConfig,
    collection: &str,
    id: &str,
    diags: &mut Diagnostics,
) -> Option<std::path::PathBuf> {
    let Some(c) = Collection::from_name(collection) else {
        diags.push(
            Diagnostic::error(format!("'{collection}' is not a collection")).hint(
                did_you_mean(collection, Collection::ALL.iter().map(|c| c.name())).unwrap_or_else(
                    || {
                        format!(
                            "the collections are: {}",
                            Collection::ALL.map(|c| c.name()).join(", ")
                        )
                    },
                ),
            ),
        );
        return None;
    };
    if id.is_empty()
        || !id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        diags.push(
            Diagnostic::error(format!("'{id}' is not a valid entry id"))
                .hint("use lower-case ASCII letters, digits and '-', e.g. my-program"),
        );
        return None;
    }
    let dir = config.root.join(folders::entry_dir(c, id));
    if dir.exists() {
        diags.push(
            Diagnostic::error(format!(
                "content/{}/{id}/ already exists; it is left as it is",
                c.name()
            ))
            .hint("choose another id"),
        );
        return None;
    }
    let files = entry_files(
        c,
        id,
        &config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>(),
        &|_| id.to_string(),
        "",
    );
    match write_all(&dir, &files) {
        Ok(()) => Some(dir),
        Err(e) => {
            diags.push(Diagnostic::error(format!(
                "cannot create {}: {e}",
                dir.display()
            )));
            None
        }
    }
}

/// The files of an entry: (name, text). `title_of(lang)` gives each language file's title;
/// `facts` is prepended to the commented examples of common.yaml.
fn entry_files(
    c: Collection,
    _id: &str,
    langs: &[&str],
    title_of: &dyn Fn(&str) -> String,
    facts: &str,
) -> Vec<(String, String)> {
    let mut common = String::from(facts);
    common.push_str(&facts_example(c).replace("DATE", &today()));
    common.push_str(
        "# draft: true                   # not published yet (serve shows it, marked)\n\
         # aliases: [old-id]             # ids this entry had before: their addresses lead here\n",
    );
    let mut files = vec![("common.yaml".to_string(), common)];
    for l in langs {
        files.push((format!("{l}.md"), lang_file(c, l, &title_of(l))));
    }
    files
}

fn write_all(dir: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

/// Today as YYYY-MM-DD (UTC), for a new news item.
fn today() -> String {
    crate::commands::translations::today()
}

/// The sample entries of a new site: (collection, id, facts, titles in he/ar/en).
const SAMPLE: &[(Collection, &str, &str, [&str; 3])] = &[
    (
        Collection::Initiatives,
        "sample-initiative",
        "partners:\n  - {id: sample-partner, role: lead}\ntowns: [sample-town]\ndomains: [education]\nstarted: 2025\nstatus: active\n",
        ["יוזמה לדוגמה", "مبادرة نموذجية", "A sample initiative"],
    ),
    (
        Collection::Partners,
        "sample-partner",
        "sector: philanthropy\n",
        ["שותף לדוגמה", "شريك نموذجي", "A sample partner"],
    ),
    (
        Collection::Towns,
        "sample-town",
        "kind: city\n",
        ["יישוב לדוגמה", "بلدة نموذجية", "A sample town"],
    ),
    (
        Collection::Networks,
        "sample-network",
        "towns: [sample-town]\ninitiatives: [sample-initiative]\n",
        ["רשת לדוגמה", "شبكة نموذجية", "A sample network"],
    ),
    (
        Collection::Domains,
        "education",
        "",
        ["חינוך", "التربية والتعليم", "Education"],
    ),
    (
        Collection::Sectors,
        "philanthropy",
        "",
        ["פילנתרופיה", "العمل الخيري", "Philanthropy"],
    ),
    (
        Collection::People,
        "sample-person",
        "organisation: sample-partner\norder: 1\n",
        ["שם לדוגמה", "اسم نموذجي", "A sample name"],
    ),
    (
        Collection::News,
        "sample-news",
        "initiatives: [sample-initiative]\n",
        ["עדכון לדוגמה", "خبر نموذجي", "A sample update"],
    ),
    (
        Collection::Pages,
        content::HOME,
        "",
        ["ברוכים הבאים", "أهلًا وسهلًا", "Welcome"],
    ),
    (Collection::Pages, "about", "", ["אודות", "من نحن", "About"]),
];

/// What a site's repository need not keep: what `sulam build` makes again.
const GITIGNORE: &str = "\
# Made again by `sulam build` from the rest of this folder.
/public/
# The folders a build writes beside public/ while it runs.
/.public.sulam-*/
# Pictures Sulam has made, kept to build faster next time.
/.sulam-cache/
";

/// A GitHub Actions workflow that checks the site, builds it and publishes it on GitHub Pages
/// (docs/publishing.md; CI checks it against GitHub's schema of workflows).
pub const DEPLOY_WORKFLOW: &str = include_str!("deploy.yml");

/// Creates a new site in `dir` (new or empty): site.yaml, one entry of each collection, a
/// `.gitignore` and a workflow that publishes it on GitHub Pages.
pub fn init(dir: &Path, diags: &mut Diagnostics) -> bool {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        diags.push(
            Diagnostic::error(format!(
                "{} exists and is not empty; it is left as it is",
                dir.display()
            ))
            .hint("name a new or empty folder"),
        );
        return false;
    }
    let site = format!(
        "base_url: https://example.org/          # the address the site will be published at\n\
         languages: [he, ar, en]                  # the first is the default\n\
         title:\n  he: אתר הידע שלנו\n  ar: موقع المعرفة لدينا\n  en: Our knowledge base\n\
         fallback:                                # where to take a text that is not translated yet\n  ar: [he, en]\n  en: [he]\n  he: [en]\n\
         accessibility:                           # the accessibility statement (docs/accessibility.md)\n  coordinator:\n    name: {{he: שם הרכז/ת, ar: اسم المركّز/ة, en: The coordinator's name}}\n    email: accessibility@example.org\n  reviewed: {}\n",
        today()
    );
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("site.yaml"), site)?;
        std::fs::write(dir.join(".gitignore"), GITIGNORE)?;
        let workflows = dir.join(".github/workflows");
        std::fs::create_dir_all(&workflows)?;
        std::fs::write(workflows.join("deploy.yml"), DEPLOY_WORKFLOW)?;
        for (c, id, facts, titles) in SAMPLE {
            let title_of = |l: &str| match l {
                "he" => titles[0].to_string(),
                "ar" => titles[1].to_string(),
                _ => titles[2].to_string(),
            };
            let files = entry_files(*c, id, &["he", "ar", "en"], &title_of, facts);
            write_all(&dir.join(folders::entry_dir(*c, id)), &files)?;
        }
        // VS Code settings that check site.yaml and common.yaml as they are typed.
        crate::commands::schema::write_editor_settings(dir)?;
        Ok(())
    })();
    if let Err(e) = result {
        diags.push(Diagnostic::error(format!(
            "cannot create the site in {}: {e}",
            dir.display()
        )));
        return false;
    }
    match crate::commands::schema::write(dir, None) {
        Ok(_) => true,
        Err(d) => {
            diags.extend(d);
            false
        }
    }
}
