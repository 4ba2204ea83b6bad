//! Search without a server: at build time, an index per language (`search/<lang>.js` and its
//! parts in `search/<lang>/`), which the theme's `search.js` loads piece by piece as the
//! reader types, and queries in the browser. How it is split: `Index`, `split_shard`.
//!
//! Why our own and not Pagefind: Pagefind normalises the reader's query inside its own
//! WebAssembly, so we cannot give it the Hebrew and Arabic rules below on the query side; it
//! does not strip Hebrew prefixes (בית does not find הבית) nor "وال"; and it needs `fetch`,
//! JavaScript modules and WebAssembly, none of which work from `file://`. The index here is a
//! plain script that sets a global, so it loads from any folder, host or disk.
//!
//! The one rule that holds it together: a word is matched through [`normalize`] on both sides.
//! `search.js` has the same functions, written again in JavaScript; `tests/search-cases.json`
//! is read by the unit tests here and by the node tests, so the two cannot drift apart.

use std::collections::{BTreeMap, HashMap};

use icu_normalizer::DecomposingNormalizerBorrowed;
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::content::{Collection, Entry, Outcome};
use crate::output::Output;
use crate::render::{Model, pages::links_of};
use crate::text::i18n::strip_isolation;
use crate::text::lang::native_name;

/// Characters kept from a summary for the result's snippet.
const SUMMARY_CHARS: usize = 200;
/// Characters kept from the rest of the text (body, pillars, ...) for the snippet. Matches
/// further on are found, but their snippet is the start of the text.
const TEXT_CHARS: usize = 200;

/// Marks that are dropped: Latin combining accents, Hebrew niqqud and cantillation, Arabic
/// tashkeel and Quranic marks. They never split a word.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Characters inside a word that are dropped rather than splitting it: quote marks typed for
/// geresh and gershayim (רש"י, ג'ינט), the real ׳ and ״, apostrophes, tatweel, soft hyphen,
/// zero-width and direction marks.
fn is_joiner(c: char) -> bool {
    matches!(c,
        '\'' | '"' | '`' | '\u{00B4}' | '\u{05F3}' | '\u{05F4}'
        | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
        | '\u{0640}' | '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}')
}

/// Whether `c` belongs to a word (JavaScript: `/[\p{Alphabetic}\p{N}]/u`, marks, joiners).
pub fn is_word_char(c: char) -> bool {
    match c {
        // The common cases first: Unicode's tables are slow to look up.
        _ if c.is_ascii() => c.is_ascii_alphanumeric() || is_joiner(c),
        '\u{05D0}'..='\u{05EA}' | '\u{0621}'..='\u{064A}' => true,
        _ => c.is_alphabetic() || c.is_numeric() || is_mark(c) || is_joiner(c),
    }
}

/// The words of a text, as written.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// One word as the index and the query see it: compatibility-decomposed (NFKD), lower case,
/// marks and joiners dropped, Hebrew final letters as regular letters, Arabic alef forms as
/// bare alef, alef maqsura as ya, taa marbuta as ha, Arabic-Indic digits as ASCII digits.
pub fn normalize(word: &str) -> String {
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd().normalize(word);
    let mut out = String::with_capacity(nfkd.len());
    let mut keep = |l: char| {
        if !(is_mark(l) || is_joiner(l)) {
            out.push(fold(l));
        }
    };
    for c in nfkd.chars() {
        // Hebrew and Arabic have no case: no need to look it up.
        if ('\u{0590}'..='\u{06FF}').contains(&c) {
            keep(c);
        } else {
            c.to_lowercase().for_each(&mut keep);
        }
    }
    out
}

/// A lower-case letter as the index keeps it: Hebrew final letters as regular ones, Arabic
/// wasla, alef maqsura and taa marbuta as alef, ya and ha, Arabic-Indic digits as ASCII.
fn fold(l: char) -> char {
    match l {
        'ך' => 'כ',
        'ם' => 'מ',
        'ן' => 'נ',
        'ף' => 'פ',
        'ץ' => 'צ',
        // After NFKD, أ إ آ are already ا plus a dropped mark; ٱ (wasla) has no decomposition.
        'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        '٠'..='٩' => char::from(b'0' + (l as u32 - 0x0660) as u8),
        '۰'..='۹' => char::from(b'0' + (l as u32 - 0x06F0) as u8),
        _ => l,
    }
}

/// The normalised words of a text.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(normalize).filter(|w| !w.is_empty())
}

const HEBREW_PREFIX: &[char] = &['ו', 'ה', 'ב', 'כ', 'ל', 'מ', 'ש'];

/// Arabic prefixes (normalised) and how many letters must remain after each: the article and
/// its combinations leave at least two, a lone conjunction or preposition at least three, so
/// that ولد or باب are not cut.
const ARABIC_PREFIX: &[(&str, usize)] = &[
    ("وبال", 2),
    ("وكال", 2),
    ("ولل", 2),
    ("فال", 2),
    ("فلل", 2),
    ("وال", 2),
    ("بال", 2),
    ("كال", 2),
    ("لل", 2),
    ("ال", 2),
    ("وب", 3),
    ("ول", 3),
    ("فب", 3),
    ("فل", 3),
    ("و", 3),
    ("ف", 3),
    ("ب", 3),
    ("ل", 3),
    ("ك", 3),
];

/// A normalised word without the prefixes it may carry: Hebrew ו ה ב כ ל מ ש (up to three,
/// at least two letters left), the Arabic article and ال-combinations, و ف ب ل ك. A word
/// that only looks prefixed (מוביליות begins with מ) yields a few extra forms too; the word as
/// written always ranks above them.
pub fn stripped(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if s != term && !out.contains(&s) {
            out.push(s);
        }
    };
    for k in 1..=3.min(chars.len()) {
        if !HEBREW_PREFIX.contains(&chars[k - 1]) {
            break;
        }
        if chars.len() - k >= 2 {
            push(chars[k..].iter().collect());
        }
    }
    for (p, rest) in ARABIC_PREFIX {
        if let Some(r) = term.strip_prefix(p)
            && r.chars().count() >= *rest
        {
            push(r.to_string());
        }
    }
    out
}

/// Plain text of rendered HTML: tags dropped, the few entities the Markdown renderer writes
/// decoded, block ends as spaces.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => {
                out.push(' ');
                rest = &rest[i + j + 1..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{00A0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first `n` characters of `s`, cut at a word's end when one is near.
fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        None => s.to_string(),
        Some((i, _)) => {
            let head = &s[..i];
            let at = head.rfind(' ').filter(|&j| j > i / 2).unwrap_or(i);
            format!("{}…", head[..at].trim_end())
        }
    }
}

/// How much a word weighs where it stands: the title above the summary above the rest.
const TITLE: u32 = 16;
const SUMMARY: u32 = 4;
const BODY_MAX: u32 = 4;

/// One entry as a result: what the list shows.
#[derive(Clone, Serialize)]
struct Doc(
    /// Collection, as an index into `collections`.
    usize,
    /// The entry's id; "" for a language's home page.
    String,
    /// Title.
    String,
    /// The language of the text when it is not the index's own (a fallback), else "".
    String,
    /// Summary, cut: a snippet is taken from it...
    String,
    /// ...or else from the rest of the text, cut.
    String,
);

/// Docs that share one file. A result list of six loads at most six such files, a few
/// kilobytes each, instead of every entry's.
const DOCS_PER_FILE: usize = 64;

/// What `search/<lang>.js` holds: what the script needs before the first keystroke, and where
/// the rest is. The words and the docs are in parts under `search/<lang>/`, loaded as the
/// reader types: on a site of thousands of entries the whole index is megabytes, and a phone
/// parses the part for one first letter in a fraction of the time.
#[derive(Serialize)]
struct Index {
    lang: String,
    /// How the language writes counts, as the pages do.
    num: crate::text::format::IntegerStyle,
    /// Every language of the site and its direction, for fallback texts.
    dirs: BTreeMap<String, String>,
    /// UI strings the script needs, in the page's language.
    ui: BTreeMap<String, serde_json::Value>,
    /// Collections' folder names and their labels.
    collections: Vec<(String, String)>,
    /// How many docs there are.
    count: usize,
    /// Per prefix of the normalised words: the part that holds those words (a [`Shard`]), by
    /// its file name under `search/<lang>/` without `.js`. The empty prefix, all the words,
    /// on a small site; else their first letters, or longer prefixes where split.
    shards: BTreeMap<String, String>,
    /// The prefixes whose words are in parts for one letter more ("" first, if any).
    split: Vec<String>,
    /// The parts holding the [`Doc`]s, [`DOCS_PER_FILE`] each, in order.
    docs: Vec<String>,
    /// Docs per part.
    chunk: usize,
}

/// The words that begin with one prefix (a letter, or more where a letter's words are too
/// many for one file), and where they are found.
#[derive(Default, Serialize)]
struct Shard {
    /// Normalised words, sorted in UTF-16 order (JavaScript's), joined by spaces. For a
    /// prefix that is split further, only the prefix itself if it is a word.
    terms: String,
    /// Per term: doc-id deltas and scores, interleaved, as [`encode`] writes numbers.
    postings: Vec<String>,
    /// The answer to the prefix itself, as the reader types it: per doc, the best score of the
    /// words longer than the prefix, as one posting list. Without it the first keystroke would
    /// read every posting of the letter.
    longer: String,
    /// The first results for the prefix typed alone, as (number, doc), so that the first
    /// keystroke needs no other file.
    first: Vec<(u32, Doc)>,
}

/// A part holds at most about this many characters of words and postings; a prefix with more
/// is split by its next letter. Parsing and reading one part must fit a keystroke's budget on
/// a phone (a few tens of milliseconds).
const PART_CHARS: usize = 48_000;

/// A site whose words and postings fit in this many characters (some 70 KB gzipped) keeps
/// them in one part: one download, and every keystroke after it needs nothing more.
const ONE_PART_CHARS: usize = 200_000;

/// How many results a part carries (the header box shows six).
const FIRST_RESULTS: usize = 6;

/// The counts the plural forms of "N results" are rendered with, one per CLDR category.
const PLURAL_SAMPLES: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("few", 3.0),
    ("many", 11.0),
    ("other", 100.0),
];

/// Adds `search/<lang>.js` for each language of the site.
pub fn write_indexes(m: &Model, out: &mut Output) {
    let each: Vec<Output> = m
        .config
        .languages
        .par_iter()
        .map(|l| {
            let mut one = Output::default();
            write_index(m, &l.code, &mut one);
            one
        })
        .collect();
    for one in each {
        out.files.extend(one.files);
    }
}

/// The index of one language: `search/<lang>.js` and its parts in `search/<lang>/`.
pub fn write_index(m: &Model, lang: &str, out: &mut Output) {
    let (index, parts) = build_index(m, lang);
    out.add(
        format!("search/{lang}.js"),
        to_script("sulamSearchIndex", lang, &index),
    );
    for (name, script) in parts {
        out.add(format!("search/{lang}/{name}.js"), script);
    }
}

/// The UI strings the script shows, rendered here through Fluent (which the browser does not
/// have): "N results" once per plural category with `{n}` where the number goes, and "text in
/// <language>" for each language a fallback text can be in.
fn ui_strings(m: &Model, lang: &str) -> BTreeMap<String, serde_json::Value> {
    let get = |key: &str, arg: Option<(&str, fluent_bundle::FluentValue)>| {
        let mut args = fluent_bundle::FluentArgs::new();
        if let Some((name, value)) = arg {
            args.set(name, value);
        }
        m.strings.get(lang, key, Some(&args))
    };
    let mut counts = serde_json::Map::new();
    for (cat, n) in PLURAL_SAMPLES {
        let s = get("search-count", Some(("count", (*n).into())));
        counts.insert(cat.to_string(), s.replace(&n.to_string(), "{n}").into());
    }
    let mut langs = serde_json::Map::new();
    for l in &m.config.languages {
        let s = get(
            "search-in-language",
            Some(("language", native_name(&l.code).into())),
        );
        langs.insert(l.code.clone(), s.into());
    }
    let mut ui = BTreeMap::new();
    ui.insert("count".into(), serde_json::Value::Object(counts));
    ui.insert("in".into(), serde_json::Value::Object(langs));
    ui.insert("none".into(), get("search-none", None).into());
    ui.insert("all".into(), get("search-all", None).into());
    ui.insert("more".into(), get("search-more", None).into());
    ui
}

/// The index of one language while it is being built.
struct Builder<'m, 'a> {
    m: &'m Model<'a>,
    lang: &'m str,
    collections: Vec<(String, String)>,
    docs: Vec<Doc>,
    postings: HashMap<String, Vec<(u32, u32)>>,
}

/// Entry `e` as a result in the text its page in this language shows: its own, or the
/// fallback (then marked with its language), with the scores of its words; its collection
/// number is set by [`Builder::add`]. None if the entry has no page in the language.
fn found(m: &Model, lang: &str, e: &Entry, id: String) -> Option<(Collection, Doc, Scores)> {
    let (text_lang, lf) = m.text_lang(e, lang)?;
    let title = m.title_of(e, lang);
    let summary = lf.front.summary.clone().unwrap_or_default();
    let rest = other_text(m, e, text_lang, lf);
    let mut scores = Scores::new();
    add_scores(&mut scores, &title.text, TITLE, TITLE);
    add_scores(&mut scores, &summary, SUMMARY, SUMMARY);
    add_scores(&mut scores, &rest, 1, BODY_MAX);
    let doc = Doc(
        0,
        id,
        title.text.clone(),
        if text_lang == lang {
            String::new()
        } else {
            text_lang.to_string()
        },
        cut(&summary, SUMMARY_CHARS),
        cut(&rest, TEXT_CHARS),
    );
    Some((e.collection, doc, scores))
}

/// The words of one entry and their scores.
type Scores = HashMap<String, u32>;

impl Builder<'_, '_> {
    /// Adds an entry as the next result. Each entry is one result, never two.
    fn add(&mut self, (collection, mut doc, scores): (Collection, Doc, Scores)) {
        let name = collection.name();
        doc.0 = match self.collections.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                let label = self
                    .m
                    .strings
                    .get(self.lang, &format!("singular-{name}"), None);
                self.collections
                    .push((name.to_string(), strip_isolation(&label)));
                self.collections.len() - 1
            }
        };
        let number = self.docs.len() as u32;
        for (t, s) in scores {
            self.postings.entry(t).or_default().push((number, s));
        }
        self.docs.push(doc);
    }
}

/// Everything of an entry's text but its title and summary, as plain text.
fn other_text(
    m: &Model,
    e: &Entry,
    text_lang: &str,
    lf: &crate::model::content::LangFile,
) -> String {
    let mut rest: Vec<String> = Vec::new();
    if let Some(html) = m.bodies.get(e.collection, &e.id, text_lang) {
        rest.push(html_text(html));
    }
    let f = &lf.front;
    for s in [&f.audience, &f.timeframe, &f.role].into_iter().flatten() {
        rest.push(s.clone());
    }
    for list in [&f.pillars, &f.milestones].into_iter().flatten() {
        for p in list {
            rest.push(p.title.clone());
            rest.extend(p.text.clone());
        }
    }
    for r in f.team.iter().flatten() {
        rest.push(r.role.clone());
        rest.extend(r.text.clone());
    }
    for o in f.outcomes.iter().flatten() {
        match o {
            Outcome::Plain(s) => rest.push(s.clone()),
            Outcome::Group { title, items } => {
                rest.push(title.clone());
                rest.extend(items.iter().cloned());
            }
        }
    }
    for fig in f.figures.iter().flat_map(|m| m.values()) {
        rest.push(fig.label.clone());
    }
    rest.join(" ")
}

/// Adds a field's words to an entry's scores: `weight` for each time a word occurs, at most
/// `cap` for the field; half of both for a word's prefix-stripped forms.
fn add_scores(scores: &mut Scores, text: &str, weight: u32, cap: u32) {
    let mut field: HashMap<String, (u32, u32)> = HashMap::new();
    for t in terms(text) {
        for s in stripped(&t) {
            let (n, c) = field.entry(s).or_insert((0, cap.div_ceil(2)));
            *n = (*n + weight.div_ceil(2)).min(*c);
        }
        let (n, c) = field.entry(t).or_insert((0, cap));
        *c = cap;
        *n = (*n + weight).min(*c);
    }
    for (form, (n, _)) in field {
        *scores.entry(form).or_default() += n;
    }
}

/// The index of one language and its parts, as (file name without `.js`, script).
fn build_index(m: &Model, lang: &str) -> (Index, Vec<(String, String)>) {
    let mut b = Builder {
        m,
        lang,
        collections: Vec::new(),
        docs: Vec::new(),
        postings: HashMap::new(),
    };
    // Every entry in the order of the lists, the language's home page last.
    let mut entries: Vec<(&Entry, String)> = Collection::ALL
        .into_iter()
        .flat_map(|c| links_of(m, c, lang).into_iter().map(move |l| (c, l.id)))
        .filter_map(|(c, id)| Some((m.content.get(c, &id)?, id)))
        .collect();
    entries.extend(
        m.content
            .get(Collection::Pages, "home")
            .map(|h| (h, String::new())),
    );
    // Reading the words is most of the work: each entry on its own, on every core.
    let found: Vec<_> = entries
        .into_par_iter()
        .map(|(e, id)| found(m, lang, e, id))
        .collect();
    for f in found.into_iter().flatten() {
        b.add(f);
    }
    let Builder {
        collections,
        docs,
        postings,
        ..
    } = b;

    let mut parts = Vec::new();
    let mut shards = BTreeMap::new();
    let mut split = Vec::new();
    for (prefix, shard, is_split) in shards_of(postings, &docs, ONE_PART_CHARS, PART_CHARS) {
        if is_split {
            split.push(prefix.clone());
            if prefix.is_empty() {
                // Nothing to look up by the empty prefix: only its letters have parts.
                continue;
            }
        }
        let stem: Vec<String> = prefix
            .chars()
            .map(|c| format!("{:x}", u32::from(c)))
            .collect();
        let stem = if stem.is_empty() {
            "all".to_string()
        } else {
            stem.join("_")
        };
        let name = part(lang, &stem, &shard, &mut parts);
        shards.insert(prefix, name);
    }
    let count = docs.len();
    let docs = docs
        .chunks(DOCS_PER_FILE)
        .enumerate()
        .map(|(i, chunk)| part(lang, &format!("d{i}"), &chunk, &mut parts))
        .collect();
    let index = Index {
        lang: lang.to_string(),
        num: m.formats.get(lang).integer_style(),
        dirs: m
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), l.dir.as_str().to_string()))
            .collect(),
        ui: ui_strings(m, lang),
        collections,
        count,
        shards,
        split,
        docs,
        chunk: DOCS_PER_FILE,
    };
    (index, parts)
}

/// One normalised word of the index and where it is found.
struct Term {
    text: String,
    /// Its (doc, score) pairs, by doc.
    docs: Vec<(u32, u32)>,
    /// The same as [`posting_list`] writes them.
    list: String,
}

/// The parts of the index, each as (prefix, part, whether it is split): all the words in one
/// part while they fit `whole` characters, else grouped by their first letter, and a letter
/// with more than `limit` (in Arabic, ا: the article) split by the next letter, and so on.
fn shards_of(
    postings: HashMap<String, Vec<(u32, u32)>>,
    docs: &[Doc],
    whole: usize,
    limit: usize,
) -> Vec<(String, Shard, bool)> {
    let mut terms: Vec<(Vec<u16>, Term)> = postings
        .into_iter()
        .map(|(text, mut docs)| {
            docs.sort();
            let list = posting_list(&docs);
            (text.encode_utf16().collect(), Term { text, docs, list })
        })
        .collect();
    terms.sort_by(|a, b| a.0.cmp(&b.0));
    let terms: Vec<Term> = terms.into_iter().map(|(_, t)| t).collect();
    let mut out = Vec::new();
    split_shard(&terms, 0, docs, (whole, limit), &mut out);
    out
}

/// Runs of `terms` (sorted) that share their character at `at` (all share the ones before).
/// A word that ends before `at` is a run of its own.
fn groups_by_char(terms: &[Term], at: usize) -> Vec<&[Term]> {
    let key = |t: &Term| t.text.chars().nth(at);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=terms.len() {
        if i == terms.len() || key(&terms[i]) != key(&terms[start]) {
            out.push(&terms[start..i]);
            start = i;
        }
    }
    out
}

/// The part of the words `terms`, which share their first `depth` characters, split by the
/// next character while it holds more than the limit (`whole` for all the words, `part`
/// below). A split prefix keeps a part of its own for the prefix typed alone; the empty
/// prefix, which nobody types, does not.
fn split_shard(
    terms: &[Term],
    depth: usize,
    docs: &[Doc],
    (whole, part): (usize, usize),
    out: &mut Vec<(String, Shard, bool)>,
) {
    let Some(first) = terms.first() else {
        return;
    };
    let prefix: String = first.text.chars().take(depth).collect();
    // Sorted, so the prefix itself comes first when it is a word.
    let (exact, rest) = match first.text == prefix {
        true => (Some(first), &terms[1..]),
        false => (None, terms),
    };
    let size: usize = terms.iter().map(|t| t.text.len() + t.list.len()).sum();
    let is_split = size > if depth == 0 { whole } else { part } && !rest.is_empty();
    // Per doc, the best score of the longer words (every score is at least 1).
    let mut longer: Vec<(u32, u32)> = Vec::new();
    if depth > 0 {
        let docs_seen = rest
            .iter()
            .flat_map(|t| t.docs.last())
            .map(|d| d.0 + 1)
            .max();
        let mut best = vec![0u32; docs_seen.unwrap_or(0) as usize];
        for t in rest {
            for &(d, s) in &t.docs {
                best[d as usize] = best[d as usize].max(s);
            }
        }
        longer = (0..).zip(best).filter(|&(_, s)| s > 0).collect();
    }
    if depth > 0 || !is_split {
        let kept = if is_split {
            exact.into_iter().collect()
        } else {
            terms.iter().collect::<Vec<_>>()
        };
        let shard = Shard {
            terms: kept
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            postings: kept.iter().map(|t| t.list.clone()).collect(),
            first: match depth {
                0 => Vec::new(),
                _ => first_results(exact, &longer, docs),
            },
            longer: posting_list(&longer),
        };
        out.push((prefix, shard, is_split));
    } else {
        out.push((prefix, Shard::default(), true));
    }
    if is_split {
        for group in groups_by_char(rest, depth) {
            split_shard(group, depth + 1, docs, (whole, part), out);
        }
    }
}

/// The first [`FIRST_RESULTS`] results for a prefix typed alone, ranked
/// as `search.js` ranks them: the prefix as a whole word counts double.
fn first_results(exact: Option<&Term>, longer: &[(u32, u32)], docs: &[Doc]) -> Vec<(u32, Doc)> {
    let mut best: BTreeMap<u32, u32> = longer.iter().copied().collect();
    for &(d, s) in exact.map(|t| t.docs.as_slice()).unwrap_or_default() {
        let b = best.entry(d).or_default();
        *b = (2 * s).max(*b);
    }
    let mut ranked: Vec<(u32, u32)> = best.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(FIRST_RESULTS)
        .filter_map(|(d, _)| Some((d, docs.get(d as usize)?.clone())))
        .collect()
}

/// (doc, score) pairs sorted by doc, as doc-id deltas and scores written by [`encode`].
fn posting_list(p: &[(u32, u32)]) -> String {
    let mut flat = String::with_capacity(p.len() * 3);
    let mut last = 0;
    for &(d, s) in p {
        encode(&mut flat, d - last);
        encode(&mut flat, s);
        last = d;
    }
    flat
}

/// Adds a part of the index to `parts` and returns its file name: `stem` and a hash of its
/// content, so that a browser or host that keeps an old part never pairs it with a new index.
fn part(
    lang: &str,
    stem: &str,
    value: &impl Serialize,
    parts: &mut Vec<(String, String)>,
) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let digest = Sha256::digest(json.as_bytes());
    let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("{stem}-{hash}");
    parts.push((
        name.clone(),
        script_of("sulamSearchParts", &format!("{lang}/{name}"), &json),
    ));
    name
}

/// Digits of a number's last base-32 place, and of its other places. Postings written so are
/// one string per term, which the browser reads in a few milliseconds where the same numbers
/// as JSON arrays take hundreds on a phone.
const LAST_DIGIT: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE_DIGIT: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+,-";

/// Appends `n` in base 32, most significant place first, the last place marked by its digits.
fn encode(out: &mut String, mut n: u32) {
    let mut places = Vec::with_capacity(4);
    loop {
        places.push((n % 32) as usize);
        n /= 32;
        if n == 0 {
            break;
        }
    }
    for &p in places[1..].iter().rev() {
        out.push(MORE_DIGIT[p] as char);
    }
    out.push(LAST_DIGIT[places[0]] as char);
}

/// A value as a script that hands it to `search.js` under `self[global][key]`; a script, not
/// JSON, because `fetch` does not read `file://`. `JSON.parse` of a string literal is faster to
/// load than the same object literal.
fn to_script(global: &str, key: &str, value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    script_of(global, key, &json)
}

fn script_of(global: &str, key: &str, json: &str) -> String {
    let mut lit = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '\\' => lit.push_str("\\\\"),
            '\'' => lit.push_str("\\'"),
            '\u{2028}' => lit.push_str("\\u2028"),
            '\u{2029}' => lit.push_str("\\u2029"),
            _ => lit.push(c),
        }
    }
    format!("(self.{global}=self.{global}||{{}})[{key:?}]=JSON.parse('{lit}');\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Cases {
        normalize: Vec<(String, String)>,
        words: Vec<(String, Vec<String>)>,
        stripped: Vec<(String, Vec<String>)>,
    }

    fn cases() -> Cases {
        serde_json::from_str(include_str!("../../tests/search-cases.json")).expect("cases parse")
    }

    #[test]
    fn normalize_matches_the_shared_cases() {
        for (input, want) in cases().normalize {
            let got: Vec<String> = terms(&input).collect();
            assert_eq!(got.join(" "), want, "normalize({input:?})");
        }
    }

    #[test]
    fn words_match_the_shared_cases() {
        for (input, want) in cases().words {
            let got: Vec<&str> = words(&input).collect();
            assert_eq!(got, want, "words({input:?})");
        }
    }

    #[test]
    fn stripped_matches_the_shared_cases() {
        for (input, want) in cases().stripped {
            assert_eq!(stripped(&normalize(&input)), want, "stripped({input:?})");
        }
    }

    #[test]
    fn html_text_drops_tags_and_decodes() {
        assert_eq!(
            html_text("<p>Tom &amp; <em>Jerry</em></p>\n<p>&#x5E9;&lt;</p>"),
            "Tom & Jerry ש<"
        );
    }

    #[test]
    fn numbers_are_written_in_base_32_with_a_marked_last_place() {
        let mut s = String::new();
        for n in [0, 5, 31, 32, 1000, 40000] {
            encode(&mut s, n);
        }
        assert_eq!(s, "05vB0-8BHC0");
    }

    #[test]
    fn cut_ends_at_a_word() {
        assert_eq!(cut("one two three", 9), "one two…");
        assert_eq!(cut("short", 9), "short");
    }

    fn doc(summary: &str, rest: &str) -> Doc {
        Doc(
            0,
            "x".into(),
            "X".into(),
            "".into(),
            summary.into(),
            rest.into(),
        )
    }

    #[test]
    fn the_script_survives_quotes_and_backslashes() {
        let docs = vec![doc("רש\"י 'a' \\", "")];
        let s = to_script("sulamSearchIndex", "he", &docs);
        assert!(s.starts_with(
            r#"(self.sulamSearchIndex=self.sulamSearchIndex||{})["he"]=JSON.parse('"#
        ));
        assert!(s.contains(r#"רש\\"י \'a\' \\\\"#), "{s}");
    }

    fn small_postings() -> HashMap<String, Vec<(u32, u32)>> {
        HashMap::from([
            ("מוביליות".to_string(), vec![(3, 1), (0, 16)]),
            ("מ".to_string(), vec![(1, 2)]),
            ("מבית".to_string(), vec![(1, 7), (0, 3)]),
            ("בית".to_string(), vec![(2, 4)]),
            // U+1D400 sorts before U+FB01 in UTF-16 (a surrogate), after it in UTF-8.
            ("\u{1D400}x".to_string(), vec![(0, 1)]),
            ("\u{FB01}x".to_string(), vec![(0, 1)]),
        ])
    }

    #[test]
    fn a_small_index_is_one_part_in_utf16_order() {
        let shards = shards_of(small_postings(), &[], ONE_PART_CHARS, PART_CHARS);
        assert_eq!(shards.len(), 1);
        let (prefix, all, split) = &shards[0];
        assert_eq!((prefix.as_str(), *split), ("", false));
        assert_eq!(all.terms, "בית מ מבית מוביליות \u{1D400}x \u{FB01}x");
        // Sorted by doc, as deltas: doc 0 score 16, doc 3 (0 + 3) score 1.
        assert_eq!(all.postings[3], "0g31");
        assert!(all.longer.is_empty() && all.first.is_empty());
    }

    #[test]
    fn a_large_index_is_split_by_letters_each_answering_its_prefix_alone() {
        let docs: Vec<Doc> = (0..4)
            .map(|d| doc(&format!("s{d}"), &format!("r{d}")))
            .collect();
        // A limit that splits every prefix with more than one word.
        let shards = shards_of(small_postings(), &docs, 20, 20);
        let prefixes: Vec<(&str, bool)> = shards.iter().map(|s| (s.0.as_str(), s.2)).collect();
        assert_eq!(
            prefixes,
            [
                ("", true),
                ("ב", false),
                ("מ", true),
                ("מב", false),
                ("מו", false),
                ("\u{1D400}", false),
                ("\u{FB01}", false)
            ]
        );
        let mem = &shards[2].1;
        // Split: it keeps only מ itself...
        assert_eq!(mem.terms, "מ");
        assert_eq!(mem.postings, ["12"]);
        // ...and the best of the longer words per doc: doc 0 16, doc 1 7, doc 3 1.
        assert_eq!(mem.longer, "0g1721");
        // Its first results: doc 0 (16), doc 1 (7, above מ as a word: 2 × 2), doc 3.
        let first: Vec<u32> = mem.first.iter().map(|f| f.0).collect();
        assert_eq!(first, [0, 1, 3]);
        assert_eq!(
            (mem.first[0].1.4.as_str(), mem.first[0].1.5.as_str()),
            ("s0", "r0")
        );
        assert_eq!(shards[4].1.terms, "מוביליות");
        assert_eq!(shards[4].1.postings, ["0g31"]);
    }

    #[test]
    fn a_letter_with_too_many_words_is_split_by_the_next() {
        // 5,000 words beginning with ال and one with ب, each in 20 docs.
        let docs: Vec<(u32, u32)> = (0..20).map(|d| (d, 1 + d % 3)).collect();
        let mut postings: HashMap<String, Vec<(u32, u32)>> = (0..5000)
            .map(|i| {
                (
                    format!("ال{}", char::from_u32(0x0628 + i % 20).unwrap_or('ب'))
                        + &i.to_string(),
                    docs.clone(),
                )
            })
            .collect();
        postings.insert("ا".into(), vec![(5, 9)]);
        postings.insert("بيت".into(), vec![(2, 4)]);
        let shards = shards_of(postings, &[], ONE_PART_CHARS, PART_CHARS);
        let find = |p: &str| {
            shards
                .iter()
                .find(|s| s.0 == p)
                .unwrap_or_else(|| panic!("{p}"))
        };
        // All, ا and ال are split; ا keeps only the word ا itself, and the best of the rest.
        assert!(find("").2 && find("ا").2 && find("ال").2 && !find("ب").2);
        assert_eq!(find("ا").1.terms, "ا");
        assert_eq!(find("ال").1.terms, "");
        assert_eq!(find("ا").1.longer, find("ال").1.longer);
        // Below them, parts by the third letter, each under the size limit, holding every word.
        let leaves: Vec<_> = shards
            .iter()
            .filter(|s| s.0.starts_with("ال") && s.0 != "ال")
            .collect();
        assert_eq!(leaves.len(), 20);
        for (prefix, shard, split) in &leaves {
            assert!(
                !split
                    && shard
                        .terms
                        .split(' ')
                        .all(|t| t.starts_with(prefix.as_str()))
            );
            assert!(shard.terms.len() + shard.postings.concat().len() <= PART_CHARS);
        }
        let words: usize = leaves.iter().map(|s| s.1.terms.split(' ').count()).sum();
        assert_eq!(words, 5000);
    }

    #[test]
    fn a_part_is_named_by_its_content() {
        let mut parts = Vec::new();
        let a = part("he", "t0", &vec![doc("a", "b")], &mut parts);
        let b = part("he", "t0", &vec![doc("a", "c")], &mut parts);
        assert!(a.starts_with("t0-") && a.len() == "t0-".len() + 8, "{a}");
        assert_ne!(a, b);
        assert!(parts[0].1.starts_with(&format!(
            "(self.sulamSearchParts=self.sulamSearchParts||{{}})[\"he/{a}\"]="
        )));
    }
}
