//! The index of one language: every entry's words, scored by where they stand (title,
//! summary, the rest), the docs a result list shows, and the UI strings the script needs.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::parts::{part, shards_of, to_script};
use super::words::{stripped, terms};
use crate::model::content::{Collection, Entry, Outcome};
use crate::model::urls::{search_index_file, search_part_file};
use crate::output::Output;
use crate::render::{Model, pages::links_of};
use crate::text::escape::{cut, html_text};
use crate::text::i18n::strip_isolation;
use crate::text::lang::native_name;

/// Characters kept from a summary for the result's snippet.
pub(crate) const SUMMARY_CHARS: usize = 200;
/// Characters kept from the rest of the text (body, pillars, ...) for the snippet. Matches
/// further on are found, but their snippet is the start of the text.
pub(crate) const TEXT_CHARS: usize = 200;

/// How much a word weighs where it stands: the title above the summary above the rest.
pub(crate) const TITLE: u32 = 16;
pub(crate) const SUMMARY: u32 = 4;
pub(crate) const BODY_MAX: u32 = 4;

/// How many letters of a prefix name its part's file. The name also carries a hash of the
/// part's content, which tells parts apart; the letters are for a person reading the folder.
/// Longer prefixes (a "word" of thousands of letters) would make a file name longer than a
/// file system allows: 64 Hebrew letters are 256 bytes written so.
const STEM_LETTERS: usize = 16;

/// The start of the file name of the part for `prefix`: its letters' code points in hex,
/// joined by `_` (`5d0_5d1` for "אב"); `all` for the part that holds every word.
pub(crate) fn part_stem(prefix: &str) -> String {
    if prefix.is_empty() {
        return "all".to_string();
    }
    prefix
        .chars()
        .take(STEM_LETTERS)
        .map(|c| format!("{:x}", u32::from(c)))
        .collect::<Vec<_>>()
        .join("_")
}

/// One entry as a result: what the list shows.
#[derive(Clone, Serialize)]
pub(crate) struct Doc(
    /// Collection, as an index into `collections`.
    pub(crate) usize,
    /// The entry's id; "" for a language's home page.
    pub(crate) String,
    /// Title.
    pub(crate) String,
    /// The language of the text when it is not the index's own (a fallback), else "".
    pub(crate) String,
    /// Summary, cut: a snippet is taken from it...
    pub(crate) String,
    /// ...or else from the rest of the text, cut.
    pub(crate) String,
);

/// Docs that share one file. A result list of six loads at most six such files, a few
/// kilobytes each, instead of every entry's.
pub(crate) const DOCS_PER_FILE: usize = 64;

/// What `search/<lang>.js` holds: what the script needs before the first keystroke, and where
/// the rest is. The words and the docs are in parts under `search/<lang>/`, loaded as the
/// reader types: on a site of thousands of entries the whole index is megabytes, and a phone
/// parses the part for one first letter in a fraction of the time.
#[derive(Serialize)]
pub(crate) struct Index {
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
pub(crate) struct Shard {
    /// Normalised words, sorted in UTF-16 order (JavaScript's), joined by spaces. For a
    /// prefix that is split further, only the prefix itself if it is a word.
    pub(crate) terms: String,
    /// Per term: doc-id deltas and scores, interleaved, as [`encode`] writes numbers.
    pub(crate) postings: Vec<String>,
    /// The answer to the prefix itself, as the reader types it: per doc, the best score of the
    /// words longer than the prefix, as one posting list. Without it the first keystroke would
    /// read every posting of the letter.
    pub(crate) longer: String,
    /// The first results for the prefix typed alone, as (number, doc), so that the first
    /// keystroke needs no other file.
    pub(crate) first: Vec<(u32, Doc)>,
}

/// A part holds at most about this many characters of words and postings; a prefix with more
/// is split by its next letter. Parsing and reading one part must fit a keystroke's budget on
/// a phone (a few tens of milliseconds).
pub(crate) const PART_CHARS: usize = 48_000;

/// A site whose words and postings fit in this many characters (some 70 KB gzipped) keeps
/// them in one part: one download, and every keystroke after it needs nothing more.
pub(crate) const ONE_PART_CHARS: usize = 200_000;

/// How many entries' words are read at once (see `build_index`).
const FOUND_AT_ONCE: usize = 512;

/// How many results a part carries (the header box shows six).
pub(crate) const FIRST_RESULTS: usize = 6;

/// The counts the plural forms of "N results" are rendered with, one per CLDR category.
pub(crate) const PLURAL_SAMPLES: &[(&str, f64)] = &[
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
        search_index_file(lang),
        to_script("sulamSearchIndex", lang, &index),
    );
    for (name, script) in parts {
        out.add(search_part_file(lang, &name), script);
    }
}

/// The UI strings the script shows, rendered here through Fluent (which the browser does not
/// have): "N results" once per plural category with `{n}` where the number goes, and "text in
/// <language>" for each language a fallback text can be in.
pub(crate) fn ui_strings(m: &Model, lang: &str) -> BTreeMap<String, serde_json::Value> {
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
pub(crate) struct Builder<'m, 'a> {
    m: &'m Model<'a>,
    lang: &'m str,
    collections: Vec<(String, String)>,
    docs: Vec<Doc>,
    postings: FxHashMap<String, Vec<(u32, u32)>>,
}

/// Entry `e` as a result in the text its page in this language shows: its own, or the
/// fallback (then marked with its language), with the scores of its words; its collection
/// number is set by [`Builder::add`]. None if the entry has no page in the language.
pub(crate) fn found(
    m: &Model,
    lang: &str,
    e: &Entry,
    id: String,
) -> Option<(Collection, Doc, Scores)> {
    let (text_lang, lf) = m.text_lang(e, lang)?;
    let title = m.title_of(e, lang);
    let summary = lf.front.summary.clone().unwrap_or_default();
    let rest = other_text(m, e, text_lang, lf);
    let mut scores = Scores::default();
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
pub(crate) type Scores = FxHashMap<String, u32>;

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
pub(crate) fn other_text(
    m: &Model,
    e: &Entry,
    text_lang: &str,
    lf: &crate::model::content::LangFile,
) -> String {
    let mut rest: Vec<String> = Vec::new();
    if let Some(html) = m.bodies.get(e.collection, &e.id, text_lang) {
        rest.push(html_text(&html));
    }
    let f = &lf.front;
    for s in [&f.audience, &f.timeframe, &f.role, &f.address]
        .into_iter()
        .flatten()
    {
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
pub(crate) fn add_scores(scores: &mut Scores, text: &str, weight: u32, cap: u32) {
    let mut field: FxHashMap<String, (u32, u32)> = FxHashMap::default();
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
pub(crate) fn build_index(m: &Model, lang: &str) -> (Index, Vec<(String, String)>) {
    let mut b = Builder {
        m,
        lang,
        collections: Vec::new(),
        docs: Vec::new(),
        postings: FxHashMap::default(),
    };
    // Every entry in the order of the lists, the language's home page last.
    let mut entries: Vec<(&Entry, String)> = Collection::ALL
        .into_iter()
        .flat_map(|c| links_of(m, c, lang).into_iter().map(move |l| (c, l.id)))
        .filter_map(|(c, id)| Some((m.content.get(c, &id)?, id)))
        .collect();
    entries.extend(m.content.home().map(|h| (h, String::new())));
    // Reading the words is most of the work: each entry on its own, on every core. A few
    // hundred at a time, since an entry's scores hold every form of its words: at 10,000
    // initiatives, all of them at once took more memory than the rest of the build.
    for chunk in entries.chunks(FOUND_AT_ONCE) {
        let found: Vec<_> = chunk
            .par_iter()
            .map(|(e, id)| found(m, lang, e, id.clone()))
            .collect();
        for f in found.into_iter().flatten() {
            b.add(f);
        }
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
        let name = part(lang, &part_stem(&prefix), &shard, &mut parts);
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
