//! The translations report as text for a terminal and as the HTML page `serve` shows.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::status::{LanguageStatus, Report, report};
use crate::diagnostics::Diagnostics;
use crate::model::config::SiteConfig;
// The report's attributes are all double-quoted; `'` has always been left as it is.
use crate::text::escape::escape_xml as escape;

/// The report as text for a terminal: per language a summary line, then the entries to work
/// on, oldest first. `colour` adds ANSI colours.
pub fn render_text(report: &Report, colour: bool) -> String {
    let paint = |code: &str, s: &str| {
        if colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for l in &report.languages {
        let _ = writeln!(out, "{}", paint("1", &summary_line(l)));
        let width = l
            .entries
            .iter()
            .map(|e| e.collection.name().len() + 1 + e.id.len())
            .max()
            .unwrap_or(0);
        for e in &l.entries {
            let what = match e.state {
                "missing" => paint("31", &format!("no {}.md yet", l.lang)),
                "unstamped" => paint("33", "never marked done"),
                "written" => "up to date".to_string(),
                _ => String::new(),
            };
            let mut parts = Vec::new();
            if !what.is_empty() {
                parts.push(what);
            }
            if e.state != "missing" && !e.missing.is_empty() {
                parts.push(paint("31", &format!("missing: {}", e.missing.join(", "))));
            }
            if !e.outdated.is_empty() {
                parts.push(paint(
                    "33",
                    &format!("out of date: {}", e.outdated.join(", ")),
                ));
            }
            if e.words > 0 {
                parts.push(count(e.words, "word", "words"));
            }
            if !e.written_from.is_empty() {
                parts.push(paint("36", &written_line(&e.written_from)));
            }
            let _ = writeln!(
                out,
                "  {:<10}  {:<width$}  from {}  {}",
                if e.since.is_empty() { "?" } else { &e.since },
                format!("{}/{}", e.collection, e.id),
                e.source,
                parts.join("; ")
            );
        }
        if l.unstamped_entries > 0 {
            let _ = writeln!(
                out,
                "  once a translation is checked: sulam translations done {} <collection>/<id>",
                l.lang
            );
        }
    }
    out
}

/// `written from another source, not translated: body (the program's Arabic page)`.
pub(crate) fn written_line(written: &BTreeMap<String, String>) -> String {
    let fields = written
        .iter()
        .map(|(f, note)| {
            if note.trim().is_empty() {
                f.clone()
            } else {
                format!("{f} ({})", note.trim())
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!("written from another source, not translated: {fields}")
}

pub(crate) fn summary_line(l: &LanguageStatus) -> String {
    let written = (l.written_entries > 0).then(|| {
        count(l.written_entries, "entry", "entries") + " with text written from another source"
    });
    if l.entries.iter().all(|e| e.state == "written") {
        return match written {
            Some(w) => format!("{}: up to date; {w}", l.lang),
            None => format!("{}: up to date", l.lang),
        };
    }
    let mut parts = vec![
        count(l.missing_entries, "entry", "entries") + &format!(" with no {}.md", l.lang),
        count(l.missing_fields, "field", "fields") + " missing",
        count(l.outdated_fields, "field", "fields") + " out of date",
    ];
    if l.unstamped_entries > 0 {
        parts.push(count(l.unstamped_entries, "entry", "entries") + " never marked done");
    }
    parts.extend(written);
    format!(
        "{}: {}; about {} to translate",
        l.lang,
        parts.join(", "),
        count(l.words, "word", "words")
    )
}

pub(crate) fn count(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// The report as a complete HTML page, for `sulam serve` to show the site's authors at a
/// private address (never published). The page is in English like the command line; titles
/// carry their own language and direction.
pub fn report_html(root: &Path) -> String {
    let mut body = String::new();
    let mut dir_of: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut d = Diagnostics::default();
    if let Some(config) = SiteConfig::load(root, None, &mut d) {
        for l in &config.languages {
            dir_of.insert(l.code.clone(), l.dir.as_str());
        }
    }
    match report(root, None) {
        Err(diags) => {
            body.push_str("<h2>The site has errors</h2>\n<p>Fix these first; <code>sulam check</code> shows them too.</p>\n<ul>\n");
            for d in diags.errors() {
                let _ = writeln!(body, "<li>{}</li>", escape(&d.to_string()));
            }
            body.push_str("</ul>\n");
        }
        Ok(report) => {
            body.push_str("<p>Oldest first: by the day a translation was marked done, or for a text never marked, the day its source file last changed. Words are those of the source text to translate.</p>\n");
            for l in &report.languages {
                let _ = writeln!(
                    body,
                    "<section aria-labelledby=\"lang-{0}\">\n<h2 id=\"lang-{0}\">{1}</h2>",
                    escape(&l.lang),
                    escape(&summary_line(l))
                );
                if l.entries.is_empty() {
                    body.push_str("</section>\n");
                    continue;
                }
                let _ = writeln!(
                    body,
                    "<table>\n<caption>Texts to translate into {}</caption>\n<thead><tr><th scope=\"col\">Since</th><th scope=\"col\">Entry</th><th scope=\"col\">From</th><th scope=\"col\">State</th><th scope=\"col\">Missing</th><th scope=\"col\">Out of date</th><th scope=\"col\">Words</th></tr></thead>\n<tbody>",
                    escape(&l.lang)
                );
                for e in &l.entries {
                    let mut state = match e.state {
                        "missing" => "no file yet",
                        "unstamped" => "never marked done",
                        "written" => "up to date",
                        _ => "to update",
                    }
                    .to_string();
                    if !e.written_from.is_empty() {
                        state = format!("{state}; {}", written_line(&e.written_from));
                    }
                    let dir = dir_of.get(&e.source).copied().unwrap_or("auto");
                    let _ = writeln!(
                        body,
                        "<tr><td>{}</td><th scope=\"row\"><span lang=\"{}\" dir=\"{}\">{}</span><br><code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(&e.since),
                        escape(&e.source),
                        dir,
                        escape(&e.title),
                        escape(&e.file),
                        escape(&e.source),
                        escape(&state),
                        escape(&e.missing.join(", ")),
                        escape(&e.outdated.join(", ")),
                        e.words
                    );
                }
                body.push_str("</tbody>\n</table>\n</section>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>Translations · Sulam</title>\n<style>\nbody{{font-family:system-ui,sans-serif;margin:1rem auto;max-inline-size:72rem;padding-inline:1rem;line-height:1.5;color:#1a1a1a;background:#fff}}\ntable{{border-collapse:collapse;inline-size:100%;margin-block-end:2rem}}\nth,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:start;vertical-align:top}}\nthead th{{background:#f0f0f0}}\ntd:first-child{{white-space:nowrap}}\ncaption{{text-align:start;font-weight:bold;padding-block:.3rem}}\ncode{{font-size:.9em}}\n</style>\n</head>\n<body>\n<main>\n<h1>Translations</h1>\n{body}</main>\n</body>\n</html>\n"
    )
}
