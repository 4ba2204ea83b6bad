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
//!
//! `words` says what a word is and how it is normalised (the rules `search.js` repeats);
//! `index` reads every entry's text into scored words and docs; `parts` splits them into the
//! files a reader downloads as they type and writes each as a script.

mod index;
mod parts;
mod words;

pub use index::{write_index, write_indexes};

#[cfg(test)]
mod tests {
    use super::index::*;
    use super::parts::*;
    use super::words::*;
    use crate::text::escape::{cut, html_text};
    use std::collections::HashMap;

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
    fn a_long_shared_prefix_stops_splitting_at_the_bound() {
        // Two "words" of hundreds of letters that differ only at the end, over every limit:
        // one part per prefix letter down to the bound, and the last holds them both.
        let long = "x".repeat(300);
        let postings = HashMap::from([
            (long.clone(), vec![(0, 1)]),
            (format!("{long}y"), vec![(1, 1)]),
        ]);
        let shards = shards_of(postings, &[], 20, 20);
        assert_eq!(shards.len(), MAX_PREFIX_CHARS + 1);
        let (prefix, last, split) = shards.last().expect("a part");
        assert_eq!((prefix.chars().count(), *split), (MAX_PREFIX_CHARS, false));
        assert_eq!(last.terms, format!("{long} {long}y"));
        assert!(
            shards
                .iter()
                .all(|s| s.0.chars().count() <= MAX_PREFIX_CHARS)
        );
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

    #[test]
    fn a_part_is_named_by_its_first_letters_and_the_name_stays_short() {
        assert_eq!(part_stem(""), "all");
        assert_eq!(part_stem("אב"), "5d0_5d1");
        assert_eq!(part_stem("ال"), "627_644");
        let long: String = "אבגדהוזחטיכלמנסעפצקרשת".repeat(10);
        let stem = part_stem(&long);
        assert_eq!(
            stem,
            part_stem(&long[..long.char_indices().nth(16).map_or(long.len(), |(i, _)| i)])
        );
        // With `-` and an 8-digit hash and `.js`, well under the 255 bytes a file name may have.
        assert!(stem.len() + 12 <= 100, "{}", stem.len());
    }
}
