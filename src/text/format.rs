//! Sorting, numbers and dates per language, with ICU4X: Hebrew and Arabic lists are sorted by
//! their alphabets' collation, not by code point; numbers and dates read as a reader of that
//! language expects.
//!
//! Percentages and amounts of money come from CLDR too, through `icu_experimental` (ICU4X's
//! percent and currency formatters, which are not in the stable crates yet): each language's
//! own pattern and signs, with the direction marks CLDR puts in them ("84%", "84‎%‎" in Arabic,
//! "‏1,200 ‏₪" in Hebrew, "₪1,200" in English).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

use icu_calendar::{Date, Gregorian};
use icu_collator::{Collator, CollatorBorrowed, options::CollatorOptions};
use icu_datetime::{FixedCalendarDateTimeFormatter, fieldsets::YMD};
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter, input::Decimal};
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;

/// The formatters of one language.
pub struct LangFormat {
    locale: Locale,
    collator: Option<CollatorBorrowed<'static>>,
    decimal: Option<DecimalFormatter>,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    /// Made on first use: most pages of most sites never show a percentage or an amount.
    units: OnceLock<UnitFormats>,
}

/// A currency an amount is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// The new Israeli shekel, ₪.
    Ils,
    /// The US dollar.
    Usd,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Ils => "ILS",
            Currency::Usd => "USD",
        }
    }
}

/// The percent and currency formatters of one language (see the module's doc).
struct UnitFormats {
    percent: Option<PercentFormatter<DecimalFormatter>>,
    /// By [`Currency`]: with the amount's digits ("₪1,200").
    money: [Option<CurrencyFormatter<DecimalFormatter>>; 2],
    /// By [`Currency`]: in words for millions and more ("₪1.2 million").
    money_long: [Option<CurrencyFormatter<CompactDecimalFormatter>>; 2],
    /// Which power of ten a compact number is written with, for a number of a given size.
    compact: Option<CompactDecimalFormatter>,
}

impl UnitFormats {
    fn new(locale: &Locale) -> UnitFormats {
        let currency = |c: Currency| CurrencyType::try_from_str(c.code()).ok();
        let money = |c: Currency| {
            CurrencyFormatter::try_new_symbol(locale.into(), currency(c)?, Default::default()).ok()
        };
        let money_long = |c: Currency| {
            CurrencyFormatter::try_new_compact_long_symbol(
                locale.into(),
                currency(c)?,
                Default::default(),
            )
            .ok()
        };
        UnitFormats {
            percent: PercentFormatter::try_new(locale.into(), Default::default()).ok(),
            money: [money(Currency::Ils), money(Currency::Usd)],
            money_long: [money_long(Currency::Ils), money_long(Currency::Usd)],
            compact: CompactDecimalFormatter::try_new_long(locale.into(), Default::default()).ok(),
        }
    }
}

/// `n` as ICU's decimal: whole numbers exactly, others by their shortest decimal text.
fn decimal(n: f64) -> Option<Decimal> {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Some(Decimal::from(n as i64))
    } else {
        Decimal::try_from_str(&format!("{n}")).ok()
    }
}

/// The locale ICU is asked for. Arabic in Israel is written with Western digits, as Israeli
/// public bodies and Arabic-language media here do; `ar` alone would give Eastern Arabic ones.
pub fn icu_locale(code: &str) -> Locale {
    let tag = match code.split('-').next().unwrap_or(code) {
        "ar" if !code.contains("-u-") => format!("{code}-u-nu-latn"),
        _ => code.to_string(),
    };
    Locale::try_from_str(&tag)
        .or_else(|_| Locale::try_from_str(code))
        .unwrap_or(Locale::UNKNOWN)
}

/// See [`LangFormat::integer_style`].
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct IntegerStyle {
    /// The ten digits, 0 to 9.
    pub digits: Vec<String>,
    /// Between groups of three digits; empty if the language does not group them.
    pub group: String,
    /// The fewest digits a grouped number has (4: 1,000; 5: 10 000 but 1000).
    pub min: usize,
}

impl LangFormat {
    pub fn new(code: &str) -> LangFormat {
        let locale = icu_locale(code);
        LangFormat {
            units: OnceLock::new(),
            collator: Collator::try_new((&locale).into(), CollatorOptions::default()).ok(),
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            date: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long()).ok(),
            locale,
        }
    }

    fn units(&self) -> &UnitFormats {
        self.units.get_or_init(|| UnitFormats::new(&self.locale))
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }

    pub fn number(&self, n: f64) -> String {
        match (&self.decimal, decimal(n)) {
            (Some(f), Some(dec)) => f.format(&dec).to_string(),
            _ => n.to_string(),
        }
    }

    /// `n` per cent, in the language's pattern: "84%" (he, en), "84‎%‎" (ar: CLDR's percent
    /// sign for Arabic with Western digits is held left to right by two marks).
    pub fn percent(&self, n: f64) -> String {
        match (&self.units().percent, decimal(n)) {
            (Some(f), Some(dec)) => f.format(&dec).to_string(),
            _ => format!("{}%", self.number(n)),
        }
    }

    /// An amount of money in the language's pattern: "‏1,200 ‏₪" (he), "‏1,200 ₪" (ar),
    /// "₪1,200" (en). A whole amount keeps no cents; a whole amount of a million or more that
    /// words say exactly is said in words ("₪1.2 million", "‏1.2 מיליון ‏₪").
    pub fn amount(&self, n: f64, currency: Currency) -> String {
        let units = self.units();
        let i = currency as usize;
        let fallback = || format!("{} {}", self.number(n), currency.code());
        let (Some(f), Some(dec)) = (&units.money[i], decimal(n)) else {
            return fallback();
        };
        if n.fract() != 0.0 || n.abs() >= 1e15 {
            return f.format_fixed_decimal(&dec).to_string();
        }
        if let (Some(long), true) = (&units.money_long[i], self.said_in_words(n)) {
            // ICU 0.7 doubles the right-to-left mark before a Hebrew amount in words.
            let s = long.format_fixed_decimal(&dec).to_string();
            return s.replace("\u{200f}\u{200f}", "\u{200f}");
        }
        // ICU writes every amount with its currency's cents ("₪1,200.00"); a key figure of
        // whole shekels has none. The pattern around the digits is ICU's: that of 1 (or -1),
        // with the digits of 1.00 replaced by the amount's.
        let one = Decimal::from(if n < 0.0 { -1 } else { 1 });
        let pattern = f.format_fixed_decimal(&one).to_string();
        let digits = self.decimal.as_ref().and_then(|d| {
            Decimal::try_from_str("1.00")
                .ok()
                .map(|x| d.format(&x).to_string())
        });
        match digits.and_then(|d| pattern.split_once(&d)) {
            Some((before, after)) => format!("{before}{}{after}", self.number(n.abs())),
            None => f.format_fixed_decimal(&dec).to_string(),
        }
    }

    /// Whether a whole amount is a million or more and its words say it exactly: ICU keeps
    /// two significant digits under a hundred of a unit ("1.2 million") and whole units above
    /// ("120 million"), so 1,200,000 is said in words and 1,250,000 is written in digits.
    fn said_in_words(&self, n: f64) -> bool {
        let Some(compact) = &self.units().compact else {
            return false;
        };
        let n = n.abs();
        if !(1e6..1e15).contains(&n) {
            return false;
        }
        let whole = n as i64;
        let magnitude = whole.to_string().len() as i16 - 1;
        let exponent = i16::from(compact.compact_exponent_for_magnitude(magnitude));
        if exponent < 6 {
            return false;
        }
        let kept = if magnitude > exponent {
            exponent
        } else {
            magnitude - 1
        };
        whole % 10_i64.pow(kept as u32) == 0
    }

    /// How this language writes whole numbers, for a script that must write them as the pages
    /// do without `Intl.NumberFormat`, whose first use costs a phone-class CPU 100 ms.
    pub fn integer_style(&self) -> IntegerStyle {
        let digits: Vec<String> = (0..10).map(|d| self.number(f64::from(d))).collect();
        let is_digit = |c: char| digits.iter().any(|d| d.starts_with(c));
        let grouped = self.number(1_234_567.0);
        // What stands between the 1 and the 2.
        let group: String = grouped
            .chars()
            .skip_while(|c| !is_digit(*c))
            .skip(1)
            .take_while(|c| !is_digit(*c))
            .collect();
        let min = if group.is_empty() || self.number(1000.0).contains(&group) {
            4
        } else {
            5
        };
        IntegerStyle { digits, group, min }
    }

    /// `YYYY-MM-DD` as a long date ("23 בנובמבר 2026"); the input as is if it is not a date.
    pub fn date(&self, iso: &str) -> String {
        let Some((y, m, d)) = parse_date(iso) else {
            return iso.to_string();
        };
        match (&self.date, Date::try_new_gregorian(y, m, d)) {
            (Some(f), Ok(date)) => f.format(&date).to_string(),
            _ => iso.to_string(),
        }
    }
}

pub fn parse_date(iso: &str) -> Option<(i32, u8, u8)> {
    let mut parts = iso.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Date::try_new_gregorian(y, m, d).ok()?;
    Some((y, m, d))
}

/// Formatters for every language of the site, made once per build.
pub struct Formats {
    by_lang: HashMap<String, LangFormat>,
    root: LangFormat,
}

impl Formats {
    pub fn new<'a>(codes: impl IntoIterator<Item = &'a str>) -> Formats {
        Formats {
            by_lang: codes
                .into_iter()
                .map(|c| (c.to_string(), LangFormat::new(c)))
                .collect(),
            root: LangFormat::new("und"),
        }
    }

    pub fn get(&self, code: &str) -> &LangFormat {
        self.by_lang.get(code).unwrap_or(&self.root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_sorts_by_alphabet_and_numbers_group() {
        let he = LangFormat::new("he");
        let mut v = ["שדרות", "אופקים", "בית שאן", "Ashkelon"];
        v.sort_by(|a, b| he.compare(a, b));
        assert_eq!(v[..3], ["אופקים", "בית שאן", "שדרות"]);
        assert_eq!(he.number(400000.0), "400,000");
        let ar = LangFormat::new("ar");
        assert_eq!(ar.number(400000.0), "400,000");
        let en = LangFormat::new("en");
        assert_eq!(en.date("2026-11-23"), "November 23, 2026");
        assert!(LangFormat::new("he").date("2026-11-23").contains("בנובמבר"));
    }

    /// Each pair is in the reader's order, and code points give the other order: a sort by
    /// code point (or by the ids, which are Latin) could not pass.
    #[test]
    fn collation_differs_from_code_points_where_readers_expect() {
        let cases: [(&str, &str, &str); 6] = [
            // Latin case does not come first.
            ("en", "apple", "Banana"),
            ("he", "apple", "Banana"),
            // Hebrew before Latin on a Hebrew page.
            ("he", "שדרות", "Ashkelon"),
            // A final letter is the same letter: ך is כ, then the next letter decides.
            ("he", "כא", "ךב"),
            // ا, أ and إ are one letter: ابتسام before أمل (ب before م).
            ("ar", "ابتسام", "أمل"),
            ("ar", "إبراهيم", "أمل"),
        ];
        for (lang, a, b) in cases {
            let f = LangFormat::new(lang);
            assert_eq!(f.compare(a, b), Ordering::Less, "{lang}: {a} < {b}");
            assert_eq!(f.compare(b, a), Ordering::Greater, "{lang}: {b} > {a}");
            assert_eq!(a.cmp(b), Ordering::Greater, "{a} {b}: code points agree");
        }
        assert_eq!(LangFormat::new("he").compare("אבג", "אבג"), Ordering::Equal);
        let mut v = ["ياسمين", "إربد", "أمل", "ابتسام", "بيت"];
        let ar = LangFormat::new("ar");
        v.sort_by(|a, b| ar.compare(a, b));
        assert_eq!(v, ["ابتسام", "إربد", "أمل", "بيت", "ياسمين"]);
    }

    #[test]
    fn numbers_and_dates_in_each_language() {
        let (he, ar, en) = (
            LangFormat::new("he"),
            LangFormat::new("ar"),
            LangFormat::new("en"),
        );
        for f in [&he, &ar, &en] {
            assert_eq!(f.number(0.0), "0");
            assert_eq!(f.number(999.0), "999");
            assert_eq!(f.number(1000.0), "1,000");
            assert_eq!(f.number(1234567.0), "1,234,567");
            assert_eq!(f.number(2.5), "2.5");
            assert_eq!(f.number(0.25), "0.25");
        }
        assert_eq!(en.number(-1234.0), "-1,234");
        // Past what an i64 holds, still whole and grouped.
        assert_eq!(en.number(1e20), "100,000,000,000,000,000,000");
        assert_eq!(he.date("2024-03-05"), "5 במרץ 2024");
        assert_eq!(ar.date("2024-03-05"), "5 مارس 2024");
        assert_eq!(en.date("2024-03-05"), "March 5, 2024");
        // Not a date: shown as written.
        for bad in [
            "2024-02-30",
            "2024-3-05",
            "24-03-05",
            "2024-03-05-1",
            "soon",
            "2024-13-01",
        ] {
            assert_eq!(en.date(bad), bad);
        }
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-03"), None);
        assert_eq!(parse_date("20240-03-05"), None);
        // An unknown code formats as the root locale does, never fails.
        let formats = Formats::new(["he", "en"]);
        assert_eq!(formats.get("he").date("2024-03-05"), "5 במרץ 2024");
        assert_eq!(
            formats.get("xx").number(1000.0),
            formats.root.number(1000.0)
        );
        assert_eq!(icu_locale("ar").to_string(), "ar-u-nu-latn");
        assert_eq!(icu_locale("ar-u-nu-arab").to_string(), "ar-u-nu-arab");
        assert_eq!(icu_locale("he").to_string(), "he");
    }

    /// The marks CLDR puts in, spelled out, so that a test says what is there.
    fn marks(s: &str) -> String {
        s.replace('\u{200f}', "<RLM>")
            .replace('\u{200e}', "<LRM>")
            .replace('\u{a0}', "<NBSP>")
    }

    #[test]
    fn percentages_in_each_language() {
        let [he, ar, en] = ["he", "ar", "en"].map(LangFormat::new);
        assert_eq!(he.percent(84.0), "84%");
        assert_eq!(en.percent(84.0), "84%");
        assert_eq!(marks(&ar.percent(84.0)), "84<LRM>%<LRM>");
        assert_eq!(en.percent(12.5), "12.5%");
        assert_eq!(en.percent(1200.0), "1,200%");
        // Eastern Arabic digits where the site asks for them (ICU4X 0.7 keeps the percent
        // sign of Western digits: its percent data knows one numbering system).
        assert!(
            LangFormat::new("ar-u-nu-arab")
                .percent(84.0)
                .starts_with("٨٤")
        );
    }

    #[test]
    fn amounts_in_each_language() {
        let [he, ar, en] = ["he", "ar", "en"].map(LangFormat::new);
        let (ils, usd) = (Currency::Ils, Currency::Usd);
        assert_eq!(marks(&he.amount(1200.0, ils)), "<RLM>1,200<NBSP><RLM>₪");
        assert_eq!(marks(&ar.amount(1200.0, ils)), "<RLM>1,200<NBSP>₪");
        assert_eq!(en.amount(1200.0, ils), "₪1,200");
        assert_eq!(marks(&he.amount(1200.0, usd)), "<RLM>1,200<NBSP><RLM>$");
        assert_eq!(marks(&ar.amount(1200.0, usd)), "<RLM>1,200<NBSP>US$");
        assert_eq!(en.amount(1200.0, usd), "$1,200");
        // Cents when there are some.
        assert_eq!(en.amount(2.5, ils), "₪2.50");
        assert_eq!(en.amount(-1200.0, usd), "-$1,200");
        // Millions and more in words, when the words say the amount exactly.
        assert_eq!(en.amount(1_200_000.0, ils), "₪1.2 million");
        assert_eq!(
            marks(&he.amount(1_200_000.0, ils)),
            "<RLM>1.2 מיליון<NBSP><RLM>₪"
        );
        assert_eq!(marks(&ar.amount(1_200_000.0, ils)), "<RLM>1.2 مليون<NBSP>₪");
        assert_eq!(en.amount(3_000_000_000.0, usd), "$3 billion");
        assert_eq!(en.amount(120_000_000.0, usd), "$120 million");
        assert_eq!(en.amount(1_250_000.0, ils), "₪1,250,000");
        assert_eq!(en.amount(125_500_000.0, ils), "₪125,500,000");
        // Under a million, digits.
        assert_eq!(en.amount(400_000.0, ils), "₪400,000");
        assert_eq!(en.amount(0.0, ils), "₪0");
    }

    #[test]
    fn integer_styles_are_read_from_icu() {
        let ten = |s: &str| s.chars().map(String::from).collect::<Vec<_>>();
        let he = LangFormat::new("he").integer_style();
        assert_eq!(he.digits, ten("0123456789"));
        assert_eq!((he.group.as_str(), he.min), (",", 4));
        // Arabic in Israel: Western digits (see `icu_locale`).
        assert_eq!(LangFormat::new("ar").integer_style(), he);
        // Eastern Arabic digits where asked for; Spanish groups from five digits.
        let eastern = LangFormat::new("ar-u-nu-arab").integer_style();
        assert_eq!(eastern.digits, ten("٠١٢٣٤٥٦٧٨٩"));
        assert_eq!(LangFormat::new("es").integer_style().min, 5);
    }
}
