//! Search without a server: at build time, one small index per language
//! (`search/<lang>.js`), which the theme's `search.js` loads on first use and queries as the
//! reader types.
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
use serde::Serialize;

use crate::content::{Collection, Entry, Outcome};
use crate::i18n::strip_isolation;
use crate::lang::native_name;
use crate::output::Output;
use crate::render::Model;

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
    c.is_alphabetic() || c.is_numeric() || is_mark(c) || is_joiner(c)
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
    for c in nfkd.chars() {
        for l in c.to_lowercase() {
            if is_mark(l) || is_joiner(l) {
                continue;
            }
            out.push(match l {
                'ך' => 'כ',
                'ם' => 'מ',
                'ן' => 'נ',
                'ף' => 'פ',
                'ץ' => 'צ',
                // After NFKD, أ إ آ are already ا plus a dropped mark; ٱ (wasla) has no
                // decomposition.
                'ٱ' => 'ا',
                'ى' | 'ی' => 'ي',
                'ة' => 'ه',
                '٠'..='٩' => char::from(b'0' + (l as u32 - 0x0660) as u8),
                '۰'..='۹' => char::from(b'0' + (l as u32 - 0x06F0) as u8),
                _ => l,
            });
        }
    }
    out
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

/// One entry as a result.
#[derive(Serialize)]
struct Doc(
    /// Collection, as an index into `collections`.
    usize,
    /// The entry's id; "" for a language's home page.
    String,
    String,
    /// The language of the text when it is not the index's own (a fallback), else "".
    String,
    /// Summary, cut.
    String,
    /// The rest of the text, cut.
    String,
);

#[derive(Serialize)]
struct Index {
    lang: String,
    /// The language's number locale for `Intl.NumberFormat` (as the pages format numbers).
    num: String,
    /// Every language of the site and its direction, for fallback texts.
    dirs: BTreeMap<String, String>,
    /// UI strings the script needs, in the page's language.
    ui: BTreeMap<String, serde_json::Value>,
    /// Collections' folder names and their labels.
    collections: Vec<(String, String)>,
    docs: Vec<Doc>,
    /// Normalised words, sorted in UTF-16 order (JavaScript's), joined by spaces.
    terms: String,
    /// Per term: doc-id deltas and scores, interleaved, as [`encode`] writes numbers.
    postings: Vec<String>,
}

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
    for l in &m.config.languages {
        write_index(m, &l.code, out);
    }
}

/// `search/<lang>.js`: the index of one language.
pub fn write_index(m: &Model, lang: &str, out: &mut Output) {
    let index = build_index(m, lang);
    out.add(format!("search/{lang}.js"), to_script(&index));
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

impl Builder<'_, '_> {
    /// Adds entry `e` in the text its page in this language shows: its own, or the fallback
    /// (then marked with its language). Each entry is one result, never two.
    fn add(&mut self, e: &Entry, id: String) {
        let (m, lang) = (self.m, self.lang);
        let Some((text_lang, lf)) = m.text_lang(e, lang) else {
            return;
        };
        let name = e.collection.name();
        let col = match self.collections.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                let label = m.strings.get(lang, &format!("singular-{name}"), None);
                self.collections
                    .push((name.to_string(), strip_isolation(&label)));
                self.collections.len() - 1
            }
        };
        let title = m.title_of(e, lang);
        let summary = lf.front.summary.clone().unwrap_or_default();
        let rest = other_text(m, e, text_lang, lf);

        let doc = self.docs.len() as u32;
        let mut scores: HashMap<String, u32> = HashMap::new();
        add_scores(&mut scores, &title.text, TITLE, TITLE);
        add_scores(&mut scores, &summary, SUMMARY, SUMMARY);
        add_scores(&mut scores, &rest, 1, BODY_MAX);
        for (t, s) in scores {
            self.postings.entry(t).or_default().push((doc, s));
        }
        self.docs.push(Doc(
            col,
            id,
            title.text.clone(),
            if text_lang == lang {
                String::new()
            } else {
                text_lang.to_string()
            },
            cut(&summary, SUMMARY_CHARS),
            cut(&rest, TEXT_CHARS),
        ));
    }
}

/// Everything of an entry's text but its title and summary, as plain text.
fn other_text(m: &Model, e: &Entry, text_lang: &str, lf: &crate::content::LangFile) -> String {
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
fn add_scores(scores: &mut HashMap<String, u32>, text: &str, weight: u32, cap: u32) {
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

fn build_index(m: &Model, lang: &str) -> Index {
    let mut b = Builder {
        m,
        lang,
        collections: Vec::new(),
        docs: Vec::new(),
        postings: HashMap::new(),
    };
    for c in Collection::ALL {
        for link in m.links_of(c, lang) {
            if let Some(e) = m.content.get(c, &link.id) {
                b.add(e, link.id.clone());
            }
        }
    }
    if let Some(home) = m.content.get(Collection::Pages, "home") {
        b.add(home, String::new());
    }
    let Builder {
        collections,
        docs,
        mut postings,
        ..
    } = b;

    let mut terms: Vec<(Vec<u16>, String)> = postings
        .keys()
        .map(|t| (t.encode_utf16().collect(), t.clone()))
        .collect();
    terms.sort();
    let mut lists = Vec::with_capacity(terms.len());
    for (_, t) in &terms {
        let mut p = postings.remove(t).unwrap_or_default();
        p.sort();
        let mut flat = String::with_capacity(p.len() * 3);
        let mut last = 0;
        for (d, s) in p {
            encode(&mut flat, d - last);
            encode(&mut flat, s);
            last = d;
        }
        lists.push(flat);
    }
    Index {
        lang: lang.to_string(),
        num: crate::format::icu_locale(lang).to_string(),
        dirs: m
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), l.dir.as_str().to_string()))
            .collect(),
        ui: ui_strings(m, lang),
        collections,
        docs,
        terms: terms
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(" "),
        postings: lists,
    }
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

/// The index as a script that hands it to `search.js`; a script, not JSON, because `fetch`
/// does not read `file://`. `JSON.parse` of a string literal is faster to load than the same
/// object literal.
fn to_script(index: &Index) -> String {
    let json = serde_json::to_string(index).unwrap_or_else(|_| "{}".into());
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
    format!(
        "(self.sulamSearchIndex=self.sulamSearchIndex||{{}})[{lang:?}]=JSON.parse('{lit}');\n",
        lang = index.lang
    )
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
        serde_json::from_str(include_str!("../tests/search-cases.json")).expect("cases parse")
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

    #[test]
    fn the_script_survives_quotes_and_backslashes() {
        let index = Index {
            lang: "he".into(),
            num: "he".into(),
            dirs: BTreeMap::new(),
            ui: BTreeMap::new(),
            collections: vec![],
            docs: vec![Doc(
                0,
                "x".into(),
                "רש\"י 'a' \\".into(),
                "".into(),
                "".into(),
                "".into(),
            )],
            terms: String::new(),
            postings: vec![],
        };
        let s = to_script(&index);
        assert!(s.contains(r#"רש\\"י \'a\' \\\\"#), "{s}");
    }
}
