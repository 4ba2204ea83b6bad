//! Deterministic text for the benchmark corpus: a tiny PRNG of our own (so a seed gives the same
//! corpus with any crate versions) and sentences made from word lists in Hebrew, Arabic and
//! English, with the Latin fragments that real Hebrew and Arabic program texts carry.

use std::ops::RangeInclusive;

/// SplitMix64: one `u64` of state, good enough spread for picking words, and stable forever.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// With probability `p` a number in `lo..=hi`, else 0.
    pub fn maybe(&mut self, p: f64, lo: usize, hi: usize) -> usize {
        if self.chance(p) {
            self.range(lo, hi)
        } else {
            0
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    /// `n` distinct indices below `len` (fewer if `len` is smaller), in the order drawn.
    pub fn distinct(&mut self, n: usize, len: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n.min(len) {
            let i = self.range(0, len - 1);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    He,
    Ar,
    En,
}

pub const LANGS: [Lang; 3] = [Lang::He, Lang::Ar, Lang::En];

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::He => "he",
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            Lang::He => HE,
            Lang::Ar => AR,
            Lang::En => EN,
        }
    }
}

const HE: &[&str] = &[
    "תוכנית",
    "קהילה",
    "רשות",
    "חינוך",
    "מוביליות",
    "צעירים",
    "ילדים",
    "הורים",
    "שותפים",
    "יישוב",
    "מערכת",
    "פיתוח",
    "מענה",
    "תעסוקה",
    "בריאות",
    "רווחה",
    "השכלה",
    "מנהיגות",
    "קרן",
    "ממשלה",
    "משרד",
    "נתונים",
    "מדידה",
    "הערכה",
    "שיתוף",
    "פעולה",
    "מודל",
    "תשתית",
    "ידע",
    "מחקר",
    "הכשרה",
    "מורים",
    "בתי ספר",
    "גנים",
    "פריפריה",
    "הזדמנויות",
    "שוויון",
    "חוסן",
    "שייכות",
    "יזמות",
    "חדשנות",
    "מקומית",
    "אזורית",
    "ארצית",
    "ליווי",
    "צוות",
    "מקצועי",
    "תושבים",
    "משפחות",
    "נוער",
    "מתנדבים",
    "מרכז",
    "אשכול",
    "תוצאות",
    "יעדים",
    "מדדים",
    "אסטרטגיה",
    "תהליך",
    "שלב",
    "בגיל הרך",
    "דיגיטל",
    "מיומנויות",
    "עתיד",
    "קידום",
    "חיזוק",
    "בניית",
    "הרחבת",
    "פועלת",
    "מקדמת",
    "מחברת",
    "בונה",
    "מלווה",
    "יוצרת",
    "עם",
    "של",
    "בין",
    "לכל",
    "יחד",
    "גם",
    "כדי",
    "אחרי",
    "לפני",
    "בשטח",
    "לאורך זמן",
    "ברשויות",
    "בצפון",
    "בדרום",
];

const AR: &[&str] = &[
    "برنامج",
    "مجتمع",
    "سلطة",
    "التعليم",
    "الحراك",
    "الشباب",
    "الأطفال",
    "الأهل",
    "الشركاء",
    "البلدة",
    "منظومة",
    "تطوير",
    "استجابة",
    "التشغيل",
    "الصحّة",
    "الرفاه",
    "التعليم العالي",
    "قيادة",
    "صندوق",
    "الحكومة",
    "وزارة",
    "معطيات",
    "قياس",
    "تقييم",
    "شراكة",
    "عمل",
    "نموذج",
    "بنية تحتية",
    "معرفة",
    "بحث",
    "تأهيل",
    "المعلّمين",
    "المدارس",
    "الروضات",
    "الضواحي",
    "الفرص",
    "المساواة",
    "الحصانة",
    "الانتماء",
    "ريادة",
    "ابتكار",
    "محلّية",
    "إقليمية",
    "قُطرية",
    "مرافقة",
    "طاقم",
    "مهني",
    "السكّان",
    "العائلات",
    "متطوّعين",
    "مركز",
    "عنقود",
    "نتائج",
    "أهداف",
    "مؤشّرات",
    "استراتيجية",
    "مسار",
    "مرحلة",
    "الطفولة المبكرة",
    "الرقمي",
    "مهارات",
    "المستقبل",
    "تعزيز",
    "بناء",
    "توسيع",
    "يعمل",
    "يدعم",
    "يربط",
    "يبني",
    "من",
    "في",
    "مع",
    "بين",
    "لكلّ",
    "معًا",
    "أيضًا",
    "من أجل",
    "في الميدان",
    "على المدى البعيد",
    "في الشمال",
    "في الجنوب",
];

const EN: &[&str] = &[
    "program",
    "community",
    "authority",
    "education",
    "mobility",
    "young people",
    "children",
    "parents",
    "partners",
    "town",
    "system",
    "development",
    "services",
    "employment",
    "health",
    "welfare",
    "higher education",
    "leadership",
    "foundation",
    "government",
    "ministry",
    "data",
    "measurement",
    "evaluation",
    "partnership",
    "model",
    "infrastructure",
    "knowledge",
    "research",
    "training",
    "teachers",
    "schools",
    "kindergartens",
    "periphery",
    "opportunity",
    "equality",
    "resilience",
    "belonging",
    "entrepreneurship",
    "innovation",
    "local",
    "regional",
    "national",
    "accompaniment",
    "team",
    "professional",
    "residents",
    "families",
    "youth",
    "volunteers",
    "centre",
    "cluster",
    "results",
    "goals",
    "indicators",
    "strategy",
    "process",
    "stage",
    "early childhood",
    "digital",
    "skills",
    "future",
    "advances",
    "builds",
    "connects",
    "supports",
    "the",
    "of",
    "with",
    "for",
    "and",
    "in",
    "together",
    "also",
    "on the ground",
    "over time",
    "in the north",
    "in the south",
];

/// Latin fragments as they appear inside Hebrew and Arabic program texts.
const LATIN: &[&str] = &[
    "STEM",
    "Social Finance Israel (SFI)",
    "ECOSTEM21",
    "OECD",
    "PISA 2022",
    "JDC",
    "www.example.org.il",
    "21st century skills",
    "Impact Bond",
    "K-12",
];

pub fn words(rng: &mut Rng, lang: Lang, n: usize) -> String {
    let list = lang.words();
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        let word: &&str = rng.pick(list);
        s.push_str(word);
    }
    s
}

/// A sentence of 6–16 words; in Hebrew and Arabic one in eight carries a Latin fragment, and
/// some carry a number, so the bidirectional cases of real texts are there.
pub fn sentence(rng: &mut Rng, lang: Lang) -> String {
    let n = rng.range(6, 16);
    let mut s = words(rng, lang, n);
    if lang != Lang::En && rng.chance(0.125) {
        let at = s.find(' ').unwrap_or(s.len());
        let latin = *rng.pick(LATIN);
        s.insert_str(at, &format!(" {latin}"));
    }
    if rng.chance(0.1) {
        let year = rng.range(1995, 2025);
        s.push_str(&format!(" {year}"));
    }
    if lang == Lang::En {
        capitalise(&mut s);
    }
    s.push('.');
    s
}

/// A paragraph of a number of sentences in `sentences`.
pub fn paragraph(rng: &mut Rng, lang: Lang, sentences: RangeInclusive<usize>) -> String {
    let n = rng.range(*sentences.start(), *sentences.end());
    (0..n)
        .map(|_| sentence(rng, lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title of a number of words in `n` (capitalised in English).
pub fn title(rng: &mut Rng, lang: Lang, n: RangeInclusive<usize>) -> String {
    let n = rng.range(*n.start(), *n.end());
    let mut s = words(rng, lang, n);
    if lang == Lang::En {
        capitalise(&mut s);
    }
    s
}

pub fn capitalise(s: &mut String) {
    if let Some(c) = s.chars().next() {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
}

/// Place names: a prefix and a root in each language, as Israeli town names are built.
pub const PLACE_PREFIX: [[&str; 3]; 8] = [
    ["קריית", "كريات", "Kiryat"],
    ["נווה", "نفيه", "Neve"],
    ["בית", "بيت", "Beit"],
    ["גבעת", "جفعات", "Givat"],
    ["מצפה", "متسبيه", "Mitzpe"],
    ["כפר", "كفر", "Kfar"],
    ["עין", "عين", "Ein"],
    ["רמת", "رمات", "Ramat"],
];

pub const PLACE_ROOT: [[&str; 3]; 12] = [
    ["הגליל", "هجليل", "HaGalil"],
    ["שמש", "شيمش", "Shemesh"],
    ["אור", "أور", "Or"],
    ["הדר", "هدار", "Hadar"],
    ["ים", "يام", "Yam"],
    ["הכרמל", "هكرمل", "HaCarmel"],
    ["זיו", "زيف", "Ziv"],
    ["שלום", "شالوم", "Shalom"],
    ["יערים", "يعاريم", "Yearim"],
    ["גנים", "جانيم", "Ganim"],
    ["הנגב", "هنيجف", "HaNegev"],
    ["תבור", "تابور", "Tavor"],
];

pub const FIRST_NAMES: [[&str; 3]; 10] = [
    ["מיכל", "ميخال", "Michal"],
    ["יוסף", "يوسف", "Yosef"],
    ["נועה", "نوعا", "Noa"],
    ["סאמר", "سامر", "Samer"],
    ["רונית", "رونيت", "Ronit"],
    ["אחמד", "أحمد", "Ahmad"],
    ["דנה", "دانا", "Dana"],
    ["עומר", "عمر", "Omer"],
    ["לילא", "ليلى", "Layla"],
    ["אבי", "آفي", "Avi"],
];

pub const LAST_NAMES: [[&str; 3]; 10] = [
    ["כהן", "كوهين", "Cohen"],
    ["לוי", "ليفي", "Levi"],
    ["חורי", "خوري", "Khoury"],
    ["מזרחי", "مزراحي", "Mizrahi"],
    ["חלבי", "حلبي", "Halabi"],
    ["פרץ", "بيرتس", "Peretz"],
    ["אבו-ריא", "أبو ريّا", "Abu Ria"],
    ["שפירא", "شابيرا", "Shapira"],
    ["נסר", "نصر", "Nasser"],
    ["ביטון", "بيتون", "Biton"],
];

/// Kinds of partner, as a name prefix in each language; the last kind keeps a Latin name in
/// every language, as companies and international bodies do.
pub const PARTNER_KIND: [[&str; 3]; 5] = [
    ["קרן", "صندوق", "Foundation"],
    ["משרד", "وزارة", "Ministry of"],
    ["עמותת", "جمعية", "Association for"],
    ["עיריית", "بلدية", "Municipality of"],
    ["", "", ""],
];

pub const COMPANY: &[&str] = &[
    "Social Finance Israel (SFI)",
    "Tech4Good Ltd",
    "Data & Impact (D&I)",
    "Mobility Lab",
    "EduNext",
    "Bridges International",
];

/// Topics, for the names of ministries and associations.
pub const TOPICS: [[&str; 3]; 12] = [
    ["החינוך", "التربية والتعليم", "Education"],
    ["הבריאות", "الصحّة", "Health"],
    ["הרווחה", "الرفاه", "Welfare"],
    ["העבודה", "العمل", "Labour"],
    ["הפריפריה", "الضواحي", "the Periphery"],
    ["המדע", "العلوم", "Science"],
    ["התרבות", "الثقافة", "Culture"],
    ["השוויון החברתי", "المساواة الاجتماعية", "Social Equality"],
    ["הנגב והגליל", "النقب والجليل", "the Negev and Galilee"],
    ["ילדים בסיכון", "الأطفال في خطر", "Children at Risk"],
    ["קידום נוער", "تقدّم الشبيبة", "Youth Advancement"],
    ["השכלה גבוהה", "التعليم العالي", "Higher Education"],
];
