//! The files a reader downloads: words grouped by prefix into parts small enough to parse
//! within a keystroke, docs in files of 64, each part named by a hash of its content and
//! written as a plain script that sets a global (so it also loads from `file://`).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::index::{Doc, FIRST_RESULTS, Shard};
use crate::model::urls::search_part_key;

/// One normalised word of the index and where it is found.
pub(crate) struct Term {
    text: String,
    /// Its (doc, score) pairs, by doc.
    docs: Vec<(u32, u32)>,
    /// The same as [`posting_list`] writes them.
    list: String,
}

/// The parts of the index, each as (prefix, part, whether it is split): all the words in one
/// part while they fit `whole` characters, else grouped by their first letter, and a letter
/// with more than `limit` (in Arabic, ا: the article) split by the next letter, and so on.
pub(crate) fn shards_of<S>(
    postings: HashMap<String, Vec<(u32, u32)>, S>,
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
pub(crate) fn groups_by_char(terms: &[Term], at: usize) -> Vec<&[Term]> {
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

/// How many characters a part's prefix has at most. Below it, the words of a part are split by
/// their next character while the part is too large; a part of this prefix holds all its words
/// whatever its size, which `search.js` reads as it reads any part that is not split. Real
/// words share far shorter prefixes; without the bound, one unbroken "word" of a million
/// letters (a pasted blob) made a part per letter: gigabytes of prefixes, and a recursion as
/// deep as the word that overflowed the stack.
pub(crate) const MAX_PREFIX_CHARS: usize = 64;

/// The part of the words `terms`, which share their first `depth` characters, split by the
/// next character while it holds more than the limit (`whole` for all the words, `part`
/// below) and the prefix is shorter than [`MAX_PREFIX_CHARS`]. A split prefix keeps a part of
/// its own for the prefix typed alone; the empty prefix, which nobody types, does not.
pub(crate) fn split_shard(
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
    let is_split = size > if depth == 0 { whole } else { part }
        && !rest.is_empty()
        && depth < MAX_PREFIX_CHARS;
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
pub(crate) fn first_results(
    exact: Option<&Term>,
    longer: &[(u32, u32)],
    docs: &[Doc],
) -> Vec<(u32, Doc)> {
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
pub(crate) fn posting_list(p: &[(u32, u32)]) -> String {
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
pub(crate) fn part(
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
        script_of("sulamSearchParts", &search_part_key(lang, &name), &json),
    ));
    name
}

/// Digits of a number's last base-32 place, and of its other places. Postings written so are
/// one string per term, which the browser reads in a few milliseconds where the same numbers
/// as JSON arrays take hundreds on a phone.
pub(crate) const LAST_DIGIT: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
pub(crate) const MORE_DIGIT: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+,-";

/// Appends `n` in base 32, most significant place first, the last place marked by its digits.
pub(crate) fn encode(out: &mut String, mut n: u32) {
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
pub(crate) fn to_script(global: &str, key: &str, value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    script_of(global, key, &json)
}

pub(crate) fn script_of(global: &str, key: &str, json: &str) -> String {
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
