//! What a word is, and the one form in which the index and the reader's query meet:
//! marks dropped, letters folded, Hebrew and Arabic prefixes stripped. `search.js` has the same
//! rules; `tests/search-cases.json` keeps the two in step.

use icu_normalizer::DecomposingNormalizerBorrowed;

/// Marks that are dropped: Latin combining accents, Hebrew niqqud and cantillation, Arabic
/// tashkeel and Quranic marks. They never split a word.
pub(crate) fn is_mark(c: char) -> bool {
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
pub(crate) fn is_joiner(c: char) -> bool {
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
pub(crate) fn fold(l: char) -> char {
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

pub(crate) const HEBREW_PREFIX: &[char] = &['ו', 'ה', 'ב', 'כ', 'ל', 'מ', 'ש'];

/// Arabic prefixes (normalised) and how many letters must remain after each: the article and
/// its combinations leave at least two, a lone conjunction or preposition at least three, so
/// that ولد or باب are not cut.
pub(crate) const ARABIC_PREFIX: &[(&str, usize)] = &[
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
