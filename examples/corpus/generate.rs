//! The benchmark corpus: a knowledge base of N initiatives with partners, towns, networks,
//! domains, sectors, people and news in the proportions of a real network, written as a Sulam
//! site and, optionally, as the equivalent Hugo site. Shared by `examples/corpus` (the command),
//! `benches/build.rs` and `tests/it/corpus.rs` (these two through tests/support), so the three
//! can never disagree.
//!
//! Everything comes from one seeded PRNG in a fixed order, so the same parameters always give
//! the same bytes.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

#[path = "text.rs"]
mod text;
use text::{LANGS, Lang, Rng};

/// The version of the corpus format: bump it when the generated text changes, so that reused
/// corpora are regenerated.
const VERSION: u32 = 1;

/// The file that marks a folder as a generated corpus (and holds its parameters), so the
/// generator only ever deletes folders it made.
pub const MARKER: &str = ".sulam-corpus";

pub struct Params {
    pub initiatives: usize,
    pub seed: u64,
}

impl Params {
    /// What the marker file holds: equal markers mean equal corpora.
    pub fn marker(&self) -> String {
        format!(
            "sulam benchmark corpus v{VERSION}: initiatives={} seed={}\n",
            self.initiatives, self.seed
        )
    }
}

/// How many entries each collection gets for `n` initiatives. The ratios follow a network like
/// Rashi's (about 170 authorities, 75 philanthropic partners and 10 ministries around a few
/// hundred programs), scaled so that 3,000 initiatives make about 11,000 pages in three
/// languages. Domains and sectors are vocabularies: their number does not grow with the site.
pub struct Sizes {
    pub initiatives: usize,
    pub partners: usize,
    pub towns: usize,
    pub networks: usize,
    pub domains: usize,
    pub sectors: usize,
    pub people: usize,
    pub news: usize,
    pub pages: usize,
}

impl Sizes {
    pub fn for_initiatives(n: usize) -> Sizes {
        Sizes {
            initiatives: n.max(3),
            partners: (n / 12).max(6),
            towns: (n / 15).max(5),
            networks: (n / 150).max(1),
            domains: DOMAINS.len(),
            sectors: SECTORS.len(),
            people: (n / 50).max(2),
            news: (n / 20).max(3),
            pages: 2,
        }
    }

    pub fn entries(&self) -> usize {
        self.initiatives
            + self.partners
            + self.towns
            + self.networks
            + self.domains
            + self.sectors
            + self.people
            + self.news
            + self.pages
    }
}

/// What was written.
pub struct Summary {
    pub sizes: Sizes,
    /// Language files written, and those left out (missing translations).
    pub lang_files: usize,
    pub missing: usize,
}

const DOMAINS: [&str; 15] = [
    "education",
    "health",
    "welfare",
    "economy-employment",
    "early-childhood",
    "higher-education",
    "digital",
    "belonging",
    "community",
    "local-government",
    "informal-education",
    "21st-century-skills",
    "housing",
    "youth-at-risk",
    "culture",
];

const SECTORS: [&str; 8] = [
    "government",
    "local-authorities",
    "philanthropy",
    "business",
    "civil-society",
    "academia",
    "international",
    "health-funds",
];

const ROLES: [&str; 4] = ["lead", "funder", "operator", "partner"];
const STATUS: [&str; 3] = ["planned", "active", "completed"];
const DISTRICTS: [&str; 7] = [
    "north",
    "haifa",
    "center",
    "tel-aviv",
    "jerusalem",
    "south",
    "judea-samaria",
];
const KINDS: [&str; 4] = ["city", "local-council", "regional-council", "cluster"];

/// One entry: its facts (common.yaml) and its texts, in the languages it is written in.
struct Entry {
    collection: &'static str,
    id: String,
    /// `common.yaml` lines, `key: value`, the value already YAML.
    facts: Vec<(&'static str, String)>,
    /// Extra front matter for the Hugo copy: taxonomies and Hugo's own keys.
    hugo: Vec<(&'static str, String)>,
    texts: Vec<(Lang, Text)>,
}

struct Text {
    /// Front-matter lines, `title` first, the values already YAML.
    front: Vec<(&'static str, String)>,
    body: String,
}

/// Writes the Sulam site into `out` and, if asked, the Hugo site into `hugo`. Each folder must
/// be new, empty, or a corpus this generator wrote before (it is then replaced).
pub fn generate(params: &Params, out: &Path, hugo: Option<&Path>) -> io::Result<Summary> {
    let sizes = Sizes::for_initiatives(params.initiatives);
    let mut rng = Rng::new(params.seed);
    let ids = Ids::new(&mut rng, &sizes);
    let entries = make_entries(&mut rng, &sizes, &ids);

    prepare(out)?;
    write_sulam(out, &entries)?;
    std::fs::write(out.join(MARKER), params.marker())?;
    if let Some(h) = hugo {
        prepare(h)?;
        write_hugo(h, &entries)?;
        std::fs::write(h.join(MARKER), params.marker())?;
    }
    let lang_files = entries.iter().map(|e| e.texts.len()).sum::<usize>();
    Ok(Summary {
        missing: entries.len() * LANGS.len() - lang_files,
        lang_files,
        sizes,
    })
}

/// Empties a folder the generator made before; refuses any other non-empty folder.
fn prepare(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)?.next().is_none();
        if !empty {
            if !dir.join(MARKER).is_file() {
                return Err(io::Error::other(format!(
                    "{} is not empty and is not a corpus made by this generator; choose a new folder",
                    dir.display()
                )));
            }
            std::fs::remove_dir_all(dir)?;
        }
    }
    std::fs::create_dir_all(dir)
}

/// Every entry's id, drawn before any text so references can point anywhere.
struct Ids {
    initiatives: Vec<String>,
    partners: Vec<String>,
    /// The kind of each partner (index into `text::PARTNER_KIND`) and its name's parts.
    partner_names: Vec<(usize, usize, usize)>,
    towns: Vec<String>,
    town_names: Vec<(usize, usize, usize)>,
    networks: Vec<String>,
    people: Vec<String>,
    news: Vec<String>,
}

impl Ids {
    fn new(rng: &mut Rng, s: &Sizes) -> Ids {
        // A few nouns make readable ids; the number makes them unique.
        let nouns: Vec<String> = ["mobility", "youth", "community", "schools", "skills"]
            .iter()
            .map(|w| w.to_string())
            .chain(ID_WORDS.iter().map(|w| w.to_string()))
            .collect();
        let initiatives = (0..s.initiatives)
            .map(|i| format!("{}-{}-{}", rng.pick(&nouns), rng.pick(&nouns), i + 1))
            .collect();
        let mut town_names = Vec::new();
        let towns = (0..s.towns)
            .map(|i| {
                let p = i % text::PLACE_PREFIX.len();
                let r = (i / text::PLACE_PREFIX.len()) % text::PLACE_ROOT.len();
                let round = i / (text::PLACE_PREFIX.len() * text::PLACE_ROOT.len());
                town_names.push((p, r, round));
                let base = slug(&format!(
                    "{} {}",
                    text::PLACE_PREFIX[p][2],
                    text::PLACE_ROOT[r][2]
                ));
                if round == 0 {
                    base
                } else {
                    format!("{base}-{}", round + 1)
                }
            })
            .collect();
        let mut partner_names = Vec::new();
        let partners = (0..s.partners)
            .map(|i| {
                let kind = rng.range(0, text::PARTNER_KIND.len() - 1);
                let a = rng.range(0, 11);
                let b = rng.range(0, 11);
                partner_names.push((kind, a, b));
                let kind_slug = [
                    "foundation",
                    "ministry",
                    "association",
                    "municipality",
                    "company",
                ];
                format!("{}-{}", kind_slug[kind], i + 1)
            })
            .collect();
        let networks = (0..s.networks)
            .map(|i| format!("network-{}", i + 1))
            .collect();
        let people = (0..s.people)
            .map(|i| {
                let f = i % text::FIRST_NAMES.len();
                let l = (i / text::FIRST_NAMES.len()) % text::LAST_NAMES.len();
                format!(
                    "{}-{}-{}",
                    slug(text::FIRST_NAMES[f][2]),
                    slug(text::LAST_NAMES[l][2]),
                    i + 1
                )
            })
            .collect();
        let news = (0..s.news).map(|i| format!("update-{}", i + 1)).collect();
        Ids {
            initiatives,
            partners,
            partner_names,
            towns,
            town_names,
            networks,
            people,
            news,
        }
    }
}

const ID_WORDS: &[&str] = &[
    "education",
    "health",
    "welfare",
    "leaders",
    "bridge",
    "horizon",
    "roots",
    "ladder",
    "growth",
    "futures",
    "learning",
    "teachers",
    "parents",
    "families",
    "digital",
    "stem",
    "belonging",
    "resilience",
    "employment",
    "academy",
    "early",
    "start",
    "path",
    "network",
];

fn slug(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A YAML double-quoted string.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A YAML flow list of plain ids.
fn list(ids: &[&str]) -> String {
    format!("[{}]", ids.join(", "))
}

fn make_entries(rng: &mut Rng, s: &Sizes, ids: &Ids) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(s.entries());
    for i in 0..s.initiatives {
        entries.push(initiative(rng, ids, i));
    }
    for i in 0..s.partners {
        entries.push(partner(rng, ids, i));
    }
    for i in 0..s.towns {
        entries.push(town(rng, ids, i));
    }
    for i in 0..s.networks {
        entries.push(network(rng, ids, i));
    }
    for (i, id) in DOMAINS.iter().enumerate() {
        entries.push(term(rng, ids, "domains", id, i));
    }
    for (i, id) in SECTORS.iter().enumerate() {
        entries.push(term(rng, ids, "sectors", id, i));
    }
    for i in 0..s.people {
        entries.push(person(rng, ids, i));
    }
    for i in 0..s.news {
        entries.push(news(rng, ids, i));
    }
    entries.push(page(rng, ids, "home"));
    entries.push(page(rng, ids, "about"));
    entries
}

/// The languages an entry is written in: its original (Hebrew for nine in ten, as at an Israeli
/// foundation, else English or Arabic) always; each other language is missing with probability
/// 0.225, so that about 15% of all the language files are missing.
fn languages(rng: &mut Rng) -> (Lang, Vec<Lang>) {
    let original = match rng.range(0, 99) {
        0..=89 => Lang::He,
        90..=96 => Lang::En,
        _ => Lang::Ar,
    };
    let langs = LANGS
        .iter()
        .copied()
        .filter(|&l| l == original || !rng.chance(0.225))
        .collect();
    (original, langs)
}

/// Picks `lo..=hi` distinct ids from `all`.
fn some<'a>(rng: &mut Rng, all: &'a [String], lo: usize, hi: usize) -> Vec<&'a str> {
    let n = rng.range(lo, hi);
    rng.distinct(n, all.len())
        .into_iter()
        .map(|i| all[i].as_str())
        .collect()
}

/// A body of `sections` sections under `##` headings, with a bulleted list, links to `links`
/// (addresses relative to the page, as authors write them), and now and then a numbered list,
/// a table and a footnote.
fn body(rng: &mut Rng, lang: Lang, sections: usize, links: &[String]) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "{}\n", text::paragraph(rng, lang, 2..=4));
    let list_at = rng.range(0, sections.saturating_sub(1));
    let mut links = links.iter();
    for s in 0..sections {
        let _ = writeln!(b, "## {}\n", text::title(rng, lang, 2..=4));
        for _ in 0..rng.range(1, 2) {
            let mut p = text::paragraph(rng, lang, 2..=5);
            if let Some(url) = links.next() {
                let _ = write!(
                    p,
                    " {} [{}]({url}).",
                    text::title(rng, lang, 3..=3),
                    text::words(rng, lang, 2)
                );
            }
            let _ = writeln!(b, "{p}\n");
        }
        if s == list_at {
            for _ in 0..rng.range(3, 5) {
                let _ = writeln!(
                    b,
                    "- **{}:** {}",
                    text::title(rng, lang, 1..=1),
                    text::sentence(rng, lang)
                );
            }
            b.push('\n');
        }
        if rng.chance(0.15) {
            for n in 1..=rng.range(3, 5) {
                let _ = writeln!(b, "{n}. {}", text::sentence(rng, lang));
            }
            b.push('\n');
        }
        if rng.chance(0.08) {
            let _ = writeln!(
                b,
                "| {} | {} |\n|---|---|",
                text::title(rng, lang, 1..=1),
                text::title(rng, lang, 1..=1)
            );
            for _ in 0..3 {
                let _ = writeln!(
                    b,
                    "| {} | {} |",
                    text::words(rng, lang, 2),
                    rng.range(10, 5000)
                );
            }
            b.push('\n');
        }
    }
    if rng.chance(0.3) {
        let _ = writeln!(
            b,
            "{} [www.example.org.il](https://www.example.org.il/{}).\n",
            text::sentence(rng, lang),
            rng.range(1, 999)
        );
    }
    if rng.chance(0.1) {
        let _ = writeln!(
            b,
            "{}[^1]\n\n[^1]: {}",
            text::sentence(rng, lang),
            text::sentence(rng, lang)
        );
    }
    b
}

/// Title and summary (the summary left out of one translation in twenty, to exercise the
/// partial fallback).
fn head(rng: &mut Rng, lang: Lang, original: bool, title: String) -> Vec<(&'static str, String)> {
    let mut front = vec![("title", q(&title))];
    let summary = text::sentence(rng, lang);
    if original || !rng.chance(0.05) {
        front.push(("summary", q(&summary)));
    }
    front
}

fn initiative(rng: &mut Rng, ids: &Ids, i: usize) -> Entry {
    let mut facts = Vec::new();
    let mut hugo = Vec::new();
    let partners = some(rng, &ids.partners, 1, 5);
    let roles: Vec<&str> = partners
        .iter()
        .enumerate()
        .map(|(k, _)| {
            if k == 0 {
                "lead"
            } else {
                *rng.pick(&ROLES[1..])
            }
        })
        .collect();
    let towns = some(rng, &ids.towns, 1, 6);
    let n_domains = rng.range(1, 4);
    let domains: Vec<&str> = rng
        .distinct(n_domains, DOMAINS.len())
        .into_iter()
        .map(|k| DOMAINS[k])
        .collect();
    let networks = if rng.chance(0.3) {
        some(rng, &ids.networks, 1, 1)
    } else {
        Vec::new()
    };
    let related: Vec<&str> = some(rng, &ids.initiatives, 0, 3)
        .into_iter()
        .filter(|r| *r != ids.initiatives[i])
        .collect();
    let mut p = String::from("\n");
    for (id, role) in partners.iter().zip(&roles) {
        let _ = writeln!(p, "  - {{id: {id}, role: {role}}}");
    }
    facts.push(("partners", p.trim_end().to_string()));
    facts.push(("towns", list(&towns)));
    if !networks.is_empty() {
        facts.push(("networks", list(&networks)));
    }
    facts.push(("domains", list(&domains)));
    if rng.chance(0.6) {
        let from = rng.range(0, 18);
        facts.push((
            "ages",
            format!("{{from: {from}, to: {}}}", from + rng.range(3, 17)),
        ));
    }
    let started = rng.range(2005, 2024);
    facts.push(("started", started.to_string()));
    if rng.chance(0.5) {
        facts.push(("ends", (started + rng.range(3, 8)).to_string()));
    }
    facts.push(("status", rng.pick(&STATUS).to_string()));
    if !related.is_empty() {
        facts.push(("related", list(&related)));
    }
    if rng.chance(0.5) {
        facts.push((
            "website",
            format!("https://www.example.org.il/programs/{}", ids.initiatives[i]),
        ));
    }
    if i < 12 {
        facts.push(("order", (i + 1).to_string()));
        hugo.push(("weight", (i + 1).to_string()));
    }
    // Hugo: references become taxonomies (term pages for towns, partners and domains, and the
    // reverse of `related`), roles a map, since Hugo has no `{id, role}` list.
    hugo.push(("partners", list(&partners)));
    let mut r = String::from("{");
    for (k, (id, role)) in partners.iter().zip(&roles).enumerate() {
        let _ = write!(r, "{}{id}: {role}", if k > 0 { ", " } else { "" });
    }
    r.push('}');
    hugo.push(("roles", r));

    let links: Vec<String> = {
        let mut l = Vec::new();
        for _ in 0..rng.range(1, 3) {
            l.push(format!("../{}/", rng.pick(&ids.initiatives)));
        }
        l.push(format!("../../partners/{}/", partners[0]));
        l.push(format!("../../towns/{}/", towns[0]));
        l
    };
    let (original, langs) = languages(rng);
    let pillars = rng.maybe(0.6, 3, 4);
    let milestones = rng.maybe(0.4, 4, 8);
    let outcomes = rng.range(0, 9);
    let team = rng.maybe(0.2, 1, 3);
    let sections = rng.range(3, 5);
    let texts = langs
        .iter()
        .map(|&lang| {
            let title = text::title(rng, lang, 2..=5);
            let mut front = head(rng, lang, lang == original, title);
            front.push(("audience", q(&text::sentence(rng, lang))));
            if rng.chance(0.5) {
                front.push(("timeframe", q(&text::sentence(rng, lang))));
            }
            if pillars > 0 {
                front.push(("pillars", pairs(rng, lang, pillars, "title", "text")));
            }
            if milestones > 0 {
                front.push(("milestones", pairs(rng, lang, milestones, "title", "text")));
            }
            match outcomes {
                0..=4 => {
                    let mut o = String::new();
                    for _ in 0..rng.range(2, 4) {
                        let _ = write!(o, "\n  - {}", q(&text::sentence(rng, lang)));
                    }
                    front.push(("outcomes", o));
                }
                5 => {
                    let mut o = String::new();
                    for _ in 0..2 {
                        let _ = write!(
                            o,
                            "\n  - title: {}\n    items:",
                            q(&text::title(rng, lang, 2..=2))
                        );
                        for _ in 0..2 {
                            let _ = write!(o, "\n      - {}", q(&text::sentence(rng, lang)));
                        }
                    }
                    front.push(("outcomes", o));
                }
                _ => {}
            }
            if team > 0 {
                front.push(("team", pairs(rng, lang, team, "role", "text")));
            }
            let body = body(rng, lang, sections, &links);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "initiatives",
        id: ids.initiatives[i].clone(),
        facts,
        hugo,
        texts,
    }
}

/// A YAML block list of `{a, b}` maps.
fn pairs(rng: &mut Rng, lang: Lang, n: usize, a: &str, b: &str) -> String {
    let mut s = String::new();
    for _ in 0..n {
        let _ = write!(
            s,
            "\n  - {a}: {}\n    {b}: {}",
            q(&text::title(rng, lang, 2..=4)),
            q(&text::sentence(rng, lang))
        );
    }
    s
}

fn partner(rng: &mut Rng, ids: &Ids, i: usize) -> Entry {
    let (kind, a, b) = ids.partner_names[i];
    let sector = match kind {
        0 => "philanthropy",
        1 => "government",
        2 => "civil-society",
        3 => "local-authorities",
        _ => *rng.pick(&["business", "international", "academia", "health-funds"]),
    };
    let mut facts = vec![("sector", sector.to_string())];
    if rng.chance(0.7) {
        facts.push((
            "website",
            format!("https://www.example.org.il/partners/{}", ids.partners[i]),
        ));
    }
    let name = |l: usize| -> String {
        let k = text::PARTNER_KIND[kind][l];
        match kind {
            0 => format!("{k} {}", text::LAST_NAMES[a % 10][l]),
            1 | 2 => format!("{k} {}", text::TOPICS[b][l]),
            3 => format!(
                "{k} {} {}",
                text::PLACE_PREFIX[a % 8][l],
                text::PLACE_ROOT[b][l]
            ),
            _ => text::COMPANY[(a + b) % text::COMPANY.len()].to_string(),
        }
    };
    let (original, langs) = languages(rng);
    let links = [format!("../../initiatives/{}/", rng.pick(&ids.initiatives))];
    let texts = langs
        .iter()
        .map(|&lang| {
            let l = LANGS.iter().position(|x| *x == lang).unwrap_or(0);
            let title = format!("{} {}", name(l), i + 1);
            let front = head(rng, lang, lang == original, title);
            let body = body(rng, lang, 1, &links);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "partners",
        id: ids.partners[i].clone(),
        facts,
        hugo: Vec::new(),
        texts,
    }
}

fn town(rng: &mut Rng, ids: &Ids, i: usize) -> Entry {
    let (p, r, round) = ids.town_names[i];
    let facts = vec![
        ("district", rng.pick(&DISTRICTS).to_string()),
        (
            "coordinates",
            format!(
                "[{:.3}, {:.3}]",
                29.5 + rng.range(0, 3800) as f64 / 1000.0,
                34.3 + rng.range(0, 1500) as f64 / 1000.0
            ),
        ),
        ("cluster", rng.range(1, 10).to_string()),
        ("kind", rng.pick(&KINDS).to_string()),
    ];
    let (original, langs) = languages(rng);
    let texts = langs
        .iter()
        .map(|&lang| {
            let l = LANGS.iter().position(|x| *x == lang).unwrap_or(0);
            let mut title = format!("{} {}", text::PLACE_PREFIX[p][l], text::PLACE_ROOT[r][l]);
            if round > 0 {
                let _ = write!(title, " {}", round + 1);
            }
            let front = head(rng, lang, lang == original, title);
            let body = body(rng, lang, 1, &[]);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "towns",
        id: ids.towns[i].clone(),
        facts,
        hugo: Vec::new(),
        texts,
    }
}

fn network(rng: &mut Rng, ids: &Ids, i: usize) -> Entry {
    let towns = some(rng, &ids.towns, 3, 10);
    let initiatives = some(rng, &ids.initiatives, 1, 5);
    let facts = vec![("towns", list(&towns)), ("initiatives", list(&initiatives))];
    let (original, langs) = languages(rng);
    let texts = langs
        .iter()
        .map(|&lang| {
            let title = text::title(rng, lang, 3..=3);
            let front = head(rng, lang, lang == original, title);
            let body = body(rng, lang, 2, &[]);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "networks",
        id: ids.networks[i].clone(),
        facts,
        hugo: Vec::new(),
        texts,
    }
}

/// A domain or a sector: written in all three languages, as a site's vocabulary is.
fn term(rng: &mut Rng, _ids: &Ids, collection: &'static str, id: &str, _i: usize) -> Entry {
    let texts = LANGS
        .iter()
        .map(|&lang| {
            let title = text::title(rng, lang, 1..=2);
            let front = head(rng, lang, true, title);
            let body = body(rng, lang, 1, &[]);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection,
        id: id.to_string(),
        facts: Vec::new(),
        hugo: Vec::new(),
        texts,
    }
}

fn person(rng: &mut Rng, ids: &Ids, i: usize) -> Entry {
    let org = rng.pick(&ids.partners).clone();
    let mut facts = vec![("organisation", org.clone())];
    let mut hugo = vec![("partners", list(&[&org]))];
    if rng.chance(0.2) {
        let order = rng.range(1, 20).to_string();
        facts.push(("order", order.clone()));
        hugo.push(("weight", order));
    }
    let f = i % text::FIRST_NAMES.len();
    let l = (i / text::FIRST_NAMES.len()) % text::LAST_NAMES.len();
    let (_, langs) = languages(rng);
    let texts = langs
        .iter()
        .map(|&lang| {
            let k = LANGS.iter().position(|x| *x == lang).unwrap_or(0);
            let title = format!("{} {}", text::FIRST_NAMES[f][k], text::LAST_NAMES[l][k]);
            let front = vec![
                ("title", q(&title)),
                ("role", q(&text::title(rng, lang, 3..=3))),
            ];
            let body = text::paragraph(rng, lang, 3..=5);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "people",
        id: ids.people[i].clone(),
        facts,
        hugo,
        texts,
    }
}

fn news(rng: &mut Rng, ids: &Ids, i: usize) -> Entry {
    let date = format!(
        "{}-{:02}-{:02}",
        rng.range(2015, 2025),
        rng.range(1, 12),
        rng.range(1, 28)
    );
    let initiatives = some(rng, &ids.initiatives, 1, 2);
    let facts = vec![("date", date.clone()), ("initiatives", list(&initiatives))];
    let hugo = vec![("date", date), ("newsof", list(&initiatives))];
    let links = [format!("../../initiatives/{}/", initiatives[0])];
    let (original, langs) = languages(rng);
    let texts = langs
        .iter()
        .map(|&lang| {
            let title = text::title(rng, lang, 4..=7);
            let front = head(rng, lang, lang == original, title);
            let body = body(rng, lang, 1, &links);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "news",
        id: ids.news[i].clone(),
        facts,
        hugo,
        texts,
    }
}

fn page(rng: &mut Rng, _ids: &Ids, id: &str) -> Entry {
    let texts = LANGS
        .iter()
        .map(|&lang| {
            let title = text::title(rng, lang, 4..=4);
            let front = head(rng, lang, true, title);
            let body = body(rng, lang, 2, &[]);
            (lang, Text { front, body })
        })
        .collect();
    Entry {
        collection: "pages",
        id: id.to_string(),
        facts: Vec::new(),
        hugo: Vec::new(),
        texts,
    }
}

fn yaml_lines(lines: &[(&str, String)]) -> String {
    let mut s = String::new();
    for (k, v) in lines {
        // Block values (lists of maps) start on the next line.
        let sep = if v.starts_with('\n') { ":" } else { ": " };
        let _ = writeln!(s, "{k}{sep}{v}");
    }
    s
}

fn write_sulam(out: &Path, entries: &[Entry]) -> io::Result<()> {
    std::fs::write(out.join("site.yaml"), SITE_YAML)?;
    for e in entries {
        let dir = out.join("content").join(e.collection).join(&e.id);
        std::fs::create_dir_all(&dir)?;
        if !e.facts.is_empty() {
            std::fs::write(dir.join("common.yaml"), yaml_lines(&e.facts))?;
        }
        for (lang, t) in &e.texts {
            std::fs::write(
                dir.join(format!("{}.md", lang.code())),
                format!("---\n{}---\n{}", yaml_lines(&t.front), t.body),
            )?;
        }
    }
    Ok(())
}

const SITE_YAML: &str = r#"# A generated benchmark corpus (examples/corpus); not for publishing.
base_url: https://bench.example.org/
languages: [he, ar, en]
title:
  he: "מאגר ידע לבדיקת ביצועים"
  ar: "قاعدة معرفة لاختبار الأداء"
  en: "A knowledge base for benchmarks"
fallback:
  ar: [he, en]
  en: [he]
  he: [en]
accessibility:
  coordinator:
    name:
      he: "דנה לוי"
      ar: "دانا ليفي"
      en: "Dana Levi"
    email: accessibility@example.org
  reviewed: 2026-01-15
"#;

/// The Hugo copy: the same entries as page bundles translated by file name
/// (`index.he.md`), towns, partners and domains as taxonomies whose term pages carry the
/// entry's text (`_index.he.md`), and templates that do the work of Sulam's theme.
fn write_hugo(out: &Path, entries: &[Entry]) -> io::Result<()> {
    for (path, text) in HUGO_FILES {
        let p = out.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(p, text)?;
    }
    // Copy Sulam's stylesheet and script so both sites ship the same static files.
    let statics = out.join("static");
    std::fs::create_dir_all(&statics)?;
    std::fs::write(statics.join("sulam.css"), SULAM_CSS)?;
    std::fs::write(statics.join("sulam.js"), SULAM_JS)?;
    for e in entries {
        let (dir, file): (PathBuf, &str) = match (e.collection, e.id.as_str()) {
            ("pages", "home") => (out.join("content"), "_index"),
            ("towns" | "partners" | "domains", _) => {
                (out.join("content").join(e.collection).join(&e.id), "_index")
            }
            _ => (out.join("content").join(e.collection).join(&e.id), "index"),
        };
        std::fs::create_dir_all(&dir)?;
        for (lang, t) in &e.texts {
            let mut front = yaml_lines(&t.front);
            // Sulam's facts live in common.yaml; Hugo has no such file, so every language
            // file repeats them. Hugo's own keys override Sulam's where both exist.
            for (k, v) in &e.facts {
                if !e.hugo.iter().any(|(hk, _)| hk == k) && *k != "order" {
                    front.push_str(&yaml_lines(&[(k, v.clone())]));
                }
            }
            front.push_str(&yaml_lines(&e.hugo));
            std::fs::write(
                dir.join(format!("{file}.{}.md", lang.code())),
                format!("---\n{front}---\n{}", t.body),
            )?;
        }
    }
    Ok(())
}

const SULAM_CSS: &str = include_str!("../../themes/default/static/sulam.css");
const SULAM_JS: &str = include_str!("../../themes/default/static/sulam.js");

const HUGO_FILES: &[(&str, &str)] = &[
    ("config.yaml", include_str!("hugo/config.yaml")),
    ("i18n/he.yaml", include_str!("hugo/i18n/he.yaml")),
    ("i18n/ar.yaml", include_str!("hugo/i18n/ar.yaml")),
    ("i18n/en.yaml", include_str!("hugo/i18n/en.yaml")),
    (
        "layouts/_default/baseof.html",
        include_str!("hugo/layouts/_default/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("hugo/layouts/_default/single.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("hugo/layouts/_default/list.html"),
    ),
    (
        "layouts/_default/terms.html",
        include_str!("hugo/layouts/_default/list.html"),
    ),
    (
        "layouts/_default/term.html",
        include_str!("hugo/layouts/_default/term.html"),
    ),
    (
        "layouts/index.html",
        include_str!("hugo/layouts/index.html"),
    ),
    (
        "layouts/initiatives/single.html",
        include_str!("hugo/layouts/initiatives/single.html"),
    ),
    (
        "layouts/partials/links.html",
        include_str!("hugo/layouts/partials/links.html"),
    ),
    (
        "layouts/partials/header.html",
        include_str!("hugo/layouts/partials/header.html"),
    ),
    ("layouts/404.html", include_str!("hugo/layouts/404.html")),
    // The reverse-reference taxonomies exist only for lookups: no pages of their own.
    ("content/related/_index.he.md", HIDDEN),
    ("content/related/_index.ar.md", HIDDEN),
    ("content/related/_index.en.md", HIDDEN),
    ("content/newsof/_index.he.md", HIDDEN),
    ("content/newsof/_index.ar.md", HIDDEN),
    ("content/newsof/_index.en.md", HIDDEN),
    // Sulam has no list of free pages either; the footer still finds them.
    ("content/pages/_index.he.md", UNLISTED),
    ("content/pages/_index.ar.md", UNLISTED),
    ("content/pages/_index.en.md", UNLISTED),
];

const HIDDEN: &str = "---\nbuild: {render: never, list: never}\ncascade:\n  build: {render: never, list: never}\n---\n";

const UNLISTED: &str = "---\nbuild: {render: never}\n---\n";
