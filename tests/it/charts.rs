//! Figures with units and charts (issue 14): key figures written per language with their
//! unit, approximate or as a range; ```` ```chart ```` blocks drawn as SVG with their numbers
//! as a table, bars from the inline start; and every mistake in them at its file and line.

use crate::common::{Site, messages};

const RLM: char = '\u{200f}';
const LRM: char = '\u{200e}';
const NBSP: char = '\u{a0}';

/// The basic fixture with these figures in the home page's common.yaml, labelled in he, ar
/// and en.
fn figures_site(common: &str) -> Site {
    let site = Site::fixture("basic");
    site.write("content/pages/home/common.yaml", common);
    let ids: Vec<String> = common
        .lines()
        .filter_map(|l| l.split("id: ").nth(1))
        .map(|rest| {
            rest.split([',', '}'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect();
    for (lang, title) in [
        ("he", "ברוכים הבאים"),
        ("ar", "أهلًا وسهلًا"),
        ("en", "Welcome"),
    ] {
        let labels: String = ids
            .iter()
            .map(|id| format!("  {id}: {{label: {id}}}\n"))
            .collect();
        site.write(
            &format!("content/pages/home/{lang}.md"),
            &format!("---\ntitle: {title}\nfigures:\n{labels}---\n"),
        );
    }
    site
}

/// The HTML of each key figure's value on a home page, in order.
fn figure_values(html: &str) -> Vec<String> {
    html.split("<span class=\"figure-value\"><bdi>")
        .skip(1)
        .map(|rest| {
            let end = rest.find("</bdi></span>").expect("the value's end");
            rest[..end].to_string()
        })
        .collect()
}

#[test]
fn figures_are_written_with_their_units_in_each_language() {
    let site = figures_site(
        "figures:\n\
         \x20 - {id: share, value: 84, unit: percent}\n\
         \x20 - {id: towns, value: 170, approx: true}\n\
         \x20 - {id: budget, value: 1200000, unit: ils}\n\
         \x20 - {id: grant, value: 1200, unit: usd}\n\
         \x20 - {id: earnings, value: 2, unit: times}\n\
         \x20 - {id: ages, value: [6, 18]}\n\
         \x20 - {id: people, value: 400000, year: 2024}\n\
         \x20 - {id: spread, value: [10, 20], unit: percent, approx: true}\n",
    );
    site.build_ok();
    let expected = |lang: &str| -> Vec<String> {
        let v: [&str; 8] = match lang {
            "he" => [
                "84%",
                "כ־<bdi>170</bdi>",
                "\u{200f}1.2 מיליון\u{a0}\u{200f}₪",
                "\u{200f}1,200\u{a0}\u{200f}$",
                "פי <bdi>2</bdi>",
                "<bdi>6</bdi>–<bdi>18</bdi>",
                "400,000",
                "כ־<bdi><bdi>10%</bdi>–<bdi>20%</bdi></bdi>",
            ],
            "ar" => [
                "84\u{200e}%\u{200e}",
                "حوالي <bdi>170</bdi>",
                "\u{200f}1.2 مليون\u{a0}₪",
                "\u{200f}1,200\u{a0}US$",
                "ضعفان",
                "<bdi>6</bdi>–<bdi>18</bdi>",
                "400,000",
                "حوالي <bdi><bdi>10\u{200e}%\u{200e}</bdi>–<bdi>20\u{200e}%\u{200e}</bdi></bdi>",
            ],
            _ => [
                "84%",
                "about <bdi>170</bdi>",
                "₪1.2 million",
                "$1,200",
                "<bdi>2</bdi> times",
                "<bdi>6</bdi>–<bdi>18</bdi>",
                "400,000",
                "about <bdi><bdi>10%</bdi>–<bdi>20%</bdi></bdi>",
            ],
        };
        v.map(String::from).to_vec()
    };
    for lang in ["he", "ar", "en"] {
        let home = site.page(&format!("{lang}/index.html"));
        assert_eq!(figure_values(&home), expected(lang), "{lang}");
    }
    // The marks are CLDR's: the Hebrew amount reads "1.2 מיליון ₪" from the right, the
    // Arabic percent sign stays after its number.
    let he = site.page("he/index.html");
    assert!(he.contains(&format!("<bdi>{RLM}1,200{NBSP}{RLM}$</bdi>")));
    let ar = site.page("ar/index.html");
    assert!(ar.contains(&format!("<bdi>84{LRM}%{LRM}</bdi>")));
}

#[test]
fn a_text_value_is_still_shown_as_written() {
    let site = figures_site("figures:\n  - {id: ages, value: \"6 to 18 <years>\"}\n");
    site.build_ok();
    let en = site.page("en/index.html");
    assert_eq!(figure_values(&en), ["6 to 18 &lt;years&gt;"]);
}

#[test]
fn figures_are_checked_one_by_one_and_against_their_labels() {
    // A range of one number is a range; only one that goes down is a mistake.
    let site = figures_site("figures:\n  - {id: ages, value: [6, 6]}\n");
    site.build_ok();
    assert_eq!(figure_values(&site.page("en/index.html")).len(), 1);
    // 'approx' alone needs a number too.
    let m = messages(
        &figures_site("figures:\n  - {id: ages, value: many, approx: true}\n").build_err(),
    );
    assert!(
        m.contains("home/common.yaml:2:23: the figure 'ages' has 'approx', which needs a number, but its value is the text 'many'"),
        "{m}"
    );
    // An id twice (the language files label it once).
    let site = figures_site("figures:\n  - {id: share, value: 84}\n");
    site.write(
        "content/pages/home/common.yaml",
        "figures:\n  - {id: share, value: 84}\n  - {id: share, value: 90}\n",
    );
    let m = messages(&site.build_err());
    assert!(
        m.contains("home/common.yaml:3:5: the figure id 'share' is used twice"),
        "{m}"
    );
    assert_eq!(m.matches("error:").count(), 1, "{m}");
    // A label in a language file with no value of that id.
    let site = figures_site("figures:\n  - {id: share, value: 84}\n");
    site.write(
        "content/pages/home/ar.md",
        "---\ntitle: أهلًا وسهلًا\nfigures:\n  shar: {label: نسبة}\n  share: {label: نسبة}\n---\n",
    );
    let m = messages(&site.build_err());
    assert!(
        m.contains("content/pages/home/ar.md: the figure 'shar' has a label in ar.md but no value in common.yaml\n  hint: did you mean 'share'?"),
        "{m}"
    );
    assert_eq!(m.matches("error:").count(), 1, "{m}");
}

#[test]
fn a_mistake_in_a_figure_is_reported_at_its_line() {
    let cases: [(&str, u64, &str, &str); 6] = [
        (
            "figures:\n  - id: share\n    value: 84\n    unit: precent\n",
            4,
            "'precent' is not an allowed value of 'unit'",
            "did you mean 'percent'?",
        ),
        (
            "figures:\n  - {id: share, value: 84, unit: euro}\n",
            2,
            "'euro' is not an allowed value of 'unit'",
            "use one of: percent, times, ils, usd",
        ),
        (
            "figures:\n  - id: ages\n    value: [18, 6]\n",
            3,
            "the range [18, 6] of the figure 'ages' goes down",
            "write the smaller number first: [6, 18]",
        ),
        (
            "figures:\n  - id: ages\n    value: [6, 12, 18]\n",
            3,
            "'value' must be a number, or a range of two numbers [from, to]",
            "",
        ),
        (
            "figures:\n  - id: share\n    value: many\n    unit: percent\n",
            3,
            "the figure 'share' has 'unit', which needs a number, but its value is the text 'many'",
            "write the value as a number (170) or a range of two numbers ([170, 200])",
        ),
        (
            "figures:\n  - id: share\n    value: 84\n    approx: yes\n",
            4,
            "expected true or false",
            "write true or false",
        ),
    ];
    for (common, line, message, hint) in cases {
        let site = figures_site(common);
        let diags = site.build_err();
        let d = diags
            .errors()
            .find(|d| d.message.contains(message))
            .unwrap_or_else(|| panic!("{common}: no '{message}' in:\n{}", messages(&diags)));
        assert_eq!(
            d.file.as_deref(),
            Some(std::path::Path::new("content/pages/home/common.yaml")),
            "{common}"
        );
        assert_eq!(d.line, Some(line), "{common}: {d}");
        assert!(
            d.hint.as_deref().unwrap_or("").contains(hint),
            "{common}: {d}"
        );
    }
}

/// A chart of two towns, `unit: percent`, written in each language, the first datum the
/// smaller (so the longest bar is not the first).
fn chart_block(lang: &str, kind: &str) -> String {
    let (title, source, a, b) = match lang {
        "he" => (
            "זכאות לבגרות",
            "הלמ״ס",
            "יישובים מוחלשים",
            "יישובים מבוססים",
        ),
        "ar" => (
            "الأهلية للبجروت",
            "دائرة الإحصاء المركزية",
            "بلدات مستضعفة",
            "بلدات راسخة",
        ),
        _ => (
            "Matriculation",
            "Central Bureau of Statistics",
            "Disadvantaged towns",
            "Established towns",
        ),
    };
    format!(
        "```chart\ntype: {kind}\ntitle: {title}\nunit: percent\nsource: {source}\ndata:\n  - {{label: {a}, value: 13}}\n  - {{label: {b}, value: 84.5}}\n```\n"
    )
}

/// The basic fixture with the about page's body in each language set by `body`.
fn chart_site(body: impl Fn(&str) -> String) -> Site {
    let site = Site::fixture("basic");
    for (lang, title) in [("he", "אודות"), ("ar", "من نحن"), ("en", "About")] {
        site.write(
            &format!("content/pages/about/{lang}.md"),
            &format!(
                "---\ntitle: {title}\n---\nBefore.\n\n{}\nAfter.\n",
                body(lang)
            ),
        );
    }
    site
}

/// The one chart of a page: its `<figure>` element.
fn the_chart(html: &str) -> &str {
    let start = html
        .find("<figure class=\"chart")
        .expect("a chart on the page");
    let end = start + html[start..].find("</figure>").expect("the chart's end") + 9;
    assert!(
        !html[end..].contains("<figure class=\"chart"),
        "one chart only"
    );
    &html[start..end]
}

/// A number attribute of an SVG element's text.
fn attr(element: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let at = element
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {element}"))
        + key.len();
    let value = &element[at..at + element[at..].find('"').expect("closing quote")];
    value.parse().unwrap_or_else(|_| panic!("{name}={value}"))
}

/// The bars of a chart, (x, y, width, height) in drawing order, and the SVG's width.
fn bars(chart: &str) -> (Vec<[f64; 4]>, f64) {
    let svg = &chart[chart.find("<svg").expect("an SVG")..];
    let view: Vec<f64> = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    let rects = svg
        .split("<rect class=\"chart-bar\"")
        .skip(1)
        .map(|r| {
            let r = &r[..r.find("/>").expect("end of rect")];
            ["x", "y", "width", "height"].map(|k| attr(r, k))
        })
        .collect();
    (rects, view[2])
}

/// The rows of a chart's table: (label HTML, value HTML).
fn table_rows(chart: &str) -> Vec<(String, String)> {
    let tbody = &chart[chart.find("<tbody>").expect("a table body")..];
    tbody
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|r| {
            let (label, rest) = r.split_once("</th><td>").expect("a value cell");
            let value = &rest[..rest.find("</td>").expect("the cell's end")];
            (label.to_string(), value.to_string())
        })
        .collect()
}

#[test]
fn a_chart_is_a_figure_with_its_caption_an_svg_and_a_table_in_each_language() {
    let site = chart_site(|lang| chart_block(lang, "bar"));
    site.build_ok();
    let percent = |lang: &str, n: &str| {
        if lang == "ar" {
            format!("{n}{LRM}%{LRM}")
        } else {
            format!("{n}%")
        }
    };
    for (lang, caption, rows) in [
        (
            "he",
            "<figcaption><span class=\"chart-title\">זכאות לבגרות</span> <span class=\"chart-source\">מקור: <cite>הלמ״ס</cite></span></figcaption>",
            ["יישובים מוחלשים", "יישובים מבוססים"],
        ),
        (
            "ar",
            "<figcaption><span class=\"chart-title\">الأهلية للبجروت</span> <span class=\"chart-source\">المصدر: <cite>دائرة الإحصاء المركزية</cite></span></figcaption>",
            ["بلدات مستضعفة", "بلدات راسخة"],
        ),
        (
            "en",
            "<figcaption><span class=\"chart-title\">Matriculation</span> <span class=\"chart-source\">Source: <cite>Central Bureau of Statistics</cite></span></figcaption>",
            ["Disadvantaged towns", "Established towns"],
        ),
    ] {
        let page = crate::common::plain(&site.page(&format!("{lang}/pages/about/index.html")));
        let chart = the_chart(&page);
        assert!(
            chart.starts_with("<figure class=\"chart chart-bar\">"),
            "{chart}"
        );
        assert!(chart.contains(caption), "{lang}: {chart}");
        // The picture is hidden from screen readers, which read the table of the same numbers.
        assert!(chart.contains("aria-hidden=\"true\""), "{lang}");
        assert_eq!(
            table_rows(chart),
            [
                (rows[0].to_string(), percent(lang, "13")),
                (rows[1].to_string(), percent(lang, "84.5")),
            ],
            "{lang}"
        );
        // The SVG shows the same values, formatted for the language.
        assert!(
            chart.contains(&format!(">{}</text>", percent(lang, "84.5"))),
            "{lang}"
        );
        // The text around the chart is still there, in order.
        let main = &page[page.find("<main").expect("main")..];
        let (before, after) = (main.find("Before.</p>"), main.find("After.</p>"));
        let at = main.find("<figure class=\"chart");
        assert!(
            before.is_some() && before < at && at < after,
            "{lang}: {main}"
        );
    }
}

#[test]
fn bars_grow_from_the_right_in_hebrew_and_arabic_and_from_the_left_in_english() {
    let site = chart_site(|lang| chart_block(lang, "bar"));
    site.build_ok();
    for lang in ["he", "ar", "en"] {
        let page = site.page(&format!("{lang}/pages/about/index.html"));
        let (rects, width) = bars(the_chart(&page));
        assert_eq!(rects.len(), 2, "{lang}");
        let [short, long] = [rects[0], rects[1]];
        // The first datum is drawn first (above), the bars in proportion to the values.
        assert!(short[1] < long[1], "{lang}: {rects:?}");
        let ratio = short[2] / long[2];
        assert!((ratio - 13.0 / 84.5).abs() < 0.01, "{lang}: {rects:?}");
        // The longest bar leaves room for its value, and does not fill the width.
        assert!(
            long[2] < width && long[2] > width / 2.0,
            "{lang}: {rects:?}"
        );
        for [x, _, w, _] in [short, long] {
            if lang == "en" {
                assert_eq!(x, 0.0, "{lang}: a bar starts at the left edge: {rects:?}");
            } else {
                assert!(
                    (x + w - width).abs() < 0.01 && x > 0.0,
                    "{lang}: a bar starts at the right edge ({width}): {rects:?}"
                );
            }
        }
        assert!(page.contains(&format!(
            "direction=\"{}\"",
            if lang == "en" { "ltr" } else { "rtl" }
        )));
    }
}

#[test]
fn columns_stand_in_reading_order() {
    let site = chart_site(|lang| chart_block(lang, "column"));
    site.build_ok();
    for lang in ["he", "ar", "en"] {
        let page = site.page(&format!("{lang}/pages/about/index.html"));
        let chart = the_chart(&page);
        assert!(
            chart.starts_with("<figure class=\"chart chart-column\">"),
            "{chart}"
        );
        let (rects, width) = bars(chart);
        let [first, second] = [rects[0], rects[1]];
        // All stand on one line; the taller is the larger value.
        assert_eq!(first[1] + first[3], second[1] + second[3], "{lang}");
        assert!((first[3] / second[3] - 13.0 / 84.5).abs() < 0.01, "{lang}");
        let centre = |r: [f64; 4]| r[0] + r[2] / 2.0;
        if lang == "en" {
            assert!(
                centre(first) < width / 2.0 && centre(second) > width / 2.0,
                "{lang}: {rects:?}"
            );
        } else {
            assert!(
                centre(first) > width / 2.0 && centre(second) < width / 2.0,
                "{lang}: {rects:?}"
            );
        }
    }
}

#[test]
fn a_chart_reads_its_numbers_from_a_csv_file_of_the_entry() {
    let site = chart_site(|_| {
        "```chart\ntype: column\ntitle: Budget\nunit: ils\ndata: budget.csv\n```\n".into()
    });
    site.write(
        "content/pages/about/budget.csv",
        "\u{feff}label,value,note\r\n\"Sderot, south\",1200000,x\r\nOfakim,400000,\r\n",
    );
    site.build_ok();
    let expected = [
        (
            "he",
            [
                (
                    "<bdi dir=\"ltr\">Sderot, south</bdi>",
                    format!("{RLM}1.2 מיליון{NBSP}{RLM}₪"),
                ),
                (
                    "<bdi dir=\"ltr\">Ofakim</bdi>",
                    format!("{RLM}400,000{NBSP}{RLM}₪"),
                ),
            ],
        ),
        (
            "ar",
            [
                (
                    "<bdi dir=\"ltr\">Sderot, south</bdi>",
                    format!("{RLM}1.2 مليون{NBSP}₪"),
                ),
                (
                    "<bdi dir=\"ltr\">Ofakim</bdi>",
                    format!("{RLM}400,000{NBSP}₪"),
                ),
            ],
        ),
        (
            "en",
            [
                ("Sderot, south", "₪1.2 million".to_string()),
                ("Ofakim", "₪400,000".to_string()),
            ],
        ),
    ];
    for (lang, rows) in expected {
        let page = site.page(&format!("{lang}/pages/about/index.html"));
        let chart = the_chart(&page);
        let rows: Vec<(String, String)> = rows
            .iter()
            .map(|(l, v)| (l.to_string(), v.clone()))
            .collect();
        assert_eq!(table_rows(chart), rows, "{lang}");
        assert!(
            chart.contains("data-csv=\"/kb/media/pages/about/budget.csv\""),
            "{chart}"
        );
    }
    // `sulam check` counts the file as used.
    let report = sulam::commands::check::check(site.root(), None);
    let unused: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .filter(|m| m.contains("budget.csv"))
        .collect();
    assert!(unused.is_empty(), "{unused:?}");
}

#[test]
fn author_text_in_a_chart_is_text_never_markup() {
    let site = chart_site(|_| {
        "```chart\ntitle: \"<script>alert(1)</script> & co\"\nsource: \"<b>x</b>\"\ndata:\n  - {label: \"<script>alert(2)</script>\", value: 1}\n  - {label: \"a\\\" onload=\\\"x()\", value: 2}\n```\n"
            .into()
    });
    site.build_ok();
    let page = site.page("en/pages/about/index.html");
    let chart = the_chart(&page);
    assert!(
        !chart.contains("<script>") && !chart.contains("<b>"),
        "{chart}"
    );
    assert!(!chart.contains("\" onload"), "{chart}");
    assert!(
        chart.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
        "{chart}"
    );
    assert!(
        chart.contains(">&lt;script&gt;alert(2)&lt;/script&gt;</text>"),
        "{chart}"
    );
    assert!(
        chart.contains("<th scope=\"row\">&lt;script&gt;alert(2)&lt;/script&gt;</th>"),
        "{chart}"
    );
}

/// The about page's English body is `body` (its line 4 is the body's first line); the build
/// fails with the error that says `message`, which is returned.
fn chart_error(
    body: &str,
    files: &[(&str, &str)],
    message: &str,
) -> sulam::diagnostics::Diagnostic {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/about/en.md",
        &format!("---\ntitle: About\n---\n{body}"),
    );
    for (name, text) in files {
        site.write(&format!("content/pages/about/{name}"), text);
    }
    let diags = site.build_err();
    diags
        .errors()
        .find(|d| d.message.contains(message))
        .cloned()
        .unwrap_or_else(|| panic!("no '{message}' in:\n{}", messages(&diags)))
}

/// A body, the files beside it, the message, the file and line it is at, and its hint.
type MistakeCase<'a> = (
    String,
    Vec<(&'a str, &'a str)>,
    &'a str,
    &'a str,
    u64,
    &'a str,
);

#[test]
fn each_mistake_in_a_chart_is_reported_at_its_line_in_plain_words() {
    // (body, files, message, file, line, hint); the body's line 1 is the file's line 4.
    let md = "content/pages/about/en.md";
    let csv = "content/pages/about/rates.csv";
    let head = "Text.\n\n```chart\ntitle: Rates\n";
    let cases: Vec<MistakeCase> = vec![
        (
            format!(
                "{head}data:\n  - {{label: A, value: 84}}\n  - {{label: B, value: eighty}}\n```\n"
            ),
            vec![],
            "'value' must be a number, not 'eighty'",
            md,
            10,
            "write a number with digits",
        ),
        (
            format!("{head}data:\n  - label: A\n    value: 84%\n```\n"),
            vec![],
            "'value' must be a number, not '84%'",
            md,
            10,
            "write 84 and add 'unit: percent' to the chart",
        ),
        (
            format!("{head}data:\n  - {{value: 84}}\n```\n"),
            vec![],
            "this row of the chart has no 'label'",
            md,
            9,
            "{label: …, value: …}",
        ),
        (
            format!("{head}data:\n  - {{label: A, valeu: 84}}\n```\n"),
            vec![],
            "unknown field 'valeu'",
            md,
            9,
            "did you mean 'value'?",
        ),
        (
            format!("{head}sorce: CBS\ndata:\n  - {{label: A, value: 84}}\n```\n"),
            vec![],
            "unknown field 'sorce'",
            md,
            8,
            "did you mean 'source'?",
        ),
        (
            format!("{head}type: pie\ndata:\n  - {{label: A, value: 84}}\n```\n"),
            vec![],
            "'pie' is not an allowed value of 'type'",
            md,
            8,
            "use one of: bar, column",
        ),
        (
            format!("{head}type: colum\ndata:\n  - {{label: A, value: 84}}\n```\n"),
            vec![],
            "'colum' is not an allowed value of 'type'",
            md,
            8,
            "did you mean 'column'?",
        ),
        (
            format!("{head}unit: precent\ndata:\n  - {{label: A, value: 84}}\n```\n"),
            vec![],
            "'precent' is not an allowed value of 'unit'",
            md,
            8,
            "did you mean 'percent'?",
        ),
        (
            format!("{head}data: {{a: 1}}\n```\n"),
            vec![],
            "'data' must be a list of {label, value}, or the name of a CSV file of the entry, not a set of 'name: value' pairs",
            md,
            8,
            "data: rates.csv",
        ),
        (
            format!("{head}data:\n  - {{label: A, value: 3}}\n  - {{label: B, value: -3}}\n```\n"),
            vec![],
            "the value of 'B' is -3, but a chart's bars start at 0 and cannot show less",
            md,
            10,
            "0 or more",
        ),
        (
            format!("{head}data: []\n```\n"),
            vec![],
            "the chart's data has no rows",
            md,
            8,
            "at least one",
        ),
        (
            "Text.\n\n```chart\ndata:\n  - {label: A, value: 84}\n```\n".into(),
            vec![],
            "a chart needs a 'title'",
            md,
            7,
            "title: …",
        ),
        (
            format!("{head}data: rate.csv\n```\n"),
            vec![("rates.csv", "label,value\nA,1\n")],
            "the chart's data file 'rate.csv' is not in the entry's folder",
            md,
            8,
            "did you mean 'rates.csv'?",
        ),
        (
            format!("{head}data: rates.csv\n```\n"),
            vec![("rates.csv", "label,amount\nA,1\n")],
            "the CSV file has no 'value' column (its first line is 'label,amount')",
            csv,
            1,
            "the first line must name the columns: label,value",
        ),
        (
            format!("{head}data: rates.csv\n```\n"),
            vec![("rates.csv", "label,value\nA,1\n\n\"B, C\",\"1,200\"\n")],
            "the value of 'B, C' must be a number, not '1,200'",
            csv,
            4,
            "write it without commas: 1200",
        ),
        (
            format!("{head}data: rates.csv\n```\n"),
            vec![("rates.csv", "label,value\nA,1\n\"B,2\n")],
            "a quote (\") opened here is never closed",
            csv,
            3,
            "close the quoted text",
        ),
        (
            format!("{head}data:\n  - {{label: A, value: 1}}\n  bad\n```\n"),
            vec![],
            "",
            md,
            10,
            "",
        ),
    ];
    for (body, files, message, file, line, hint) in cases {
        let d = chart_error(&body, &files, message);
        assert_eq!(
            d.file.as_deref(),
            Some(std::path::Path::new(file)),
            "{body}: {d}"
        );
        assert_eq!(d.line, Some(line), "{body}: {d}");
        assert!(
            d.hint.as_deref().unwrap_or("").contains(hint),
            "{body}: {d}"
        );
    }
}

#[test]
fn a_chart_in_a_list_or_a_quote_is_found_at_its_line_too() {
    let body = "- item\n\n  ```chart\n  title: Rates\n  data:\n    - {label: A, value: x}\n  ```\n";
    let d = chart_error(body, &[], "'value' must be a number, not 'x'");
    assert_eq!(d.line, Some(9), "{d}");
}

#[test]
fn the_schema_of_common_yaml_knows_units_ranges_and_approx() {
    let site = Site::fixture("basic");
    let mut diags = sulam::diagnostics::Diagnostics::default();
    let config = sulam::SiteConfig::load(site.root(), None, &mut diags).expect("site.yaml");
    let content = sulam::content::load(&config, &mut diags);
    let schemas: std::collections::BTreeMap<String, serde_json::Value> =
        sulam::commands::schema::schemas(&content)
            .into_iter()
            .collect();
    let validator =
        jsonschema::validator_for(&schemas["pages.common.schema.json"]).expect("schema");
    let figures = |yaml: &str| -> serde_json::Value { serde_saphyr::from_str(yaml).expect("YAML") };
    let good = figures(
        "figures:\n  - {id: a, value: [6, 18], unit: percent, approx: true}\n  - {id: b, value: 2, unit: times, year: 2024}\n",
    );
    assert!(validator.is_valid(&good));
    for bad in [
        "figures:\n  - {id: a, value: 84, unit: euro}\n",
        "figures:\n  - {id: a, value: [1, 2, 3]}\n",
        "figures:\n  - {id: a, value: 84, approx: maybe}\n",
    ] {
        assert!(!validator.is_valid(&figures(bad)), "{bad}");
    }
}
