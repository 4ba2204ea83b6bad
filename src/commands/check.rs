//! `sulam check`: everything `build` validates, plus what only shows once the pages exist —
//! every internal link and asset reference resolves, every UI string the templates name
//! exists in every language, and assets nothing uses. (That two things never claim one address
//! is checked as the site is rendered, for `build` and `serve` alike: `site::Site::render_all`.)
//! Nothing is written.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::content::Collection;
use crate::model::folders;
use crate::site::{BuiltSite, render_site};
use crate::text::markdown;

/// What a check found, in the shape `--format json` prints.
#[derive(Serialize)]
pub struct CheckReport {
    pub errors: usize,
    pub warnings: usize,
    pub pages: usize,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn check(root: &Path, base_url: Option<&str>) -> CheckReport {
    let (site, mut diags) = render_site(root, base_url);
    let mut pages = 0;
    if let Some(site) = &site {
        pages = site.pages;
        links(site, &mut diags);
        ui_strings(site, &mut diags);
        unused_assets(site, root, &mut diags);
    }
    let diags = diags.sorted();
    CheckReport {
        errors: diags.errors().count(),
        warnings: diags.warnings().count(),
        pages,
        diagnostics: diags.all().to_vec(),
    }
}

/// The addresses an attribute `attr="…"` names in `html`.
fn attribute_values<'a>(html: &'a str, attr: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    html.split(attr)
        .skip(1)
        .filter_map(|part| part.find('"').map(|end| &part[..end]))
}

/// Where `url`, written on the page `page` (a file of the output), leads inside the site: a
/// file of the output, or `None` for an address outside the site or on the same page.
fn target_of(site: &BuiltSite, page: &str, url: &str) -> Option<String> {
    let base = &site.config.base_path;
    if let Some(rest) = url.strip_prefix(base.as_str()) {
        Some(rest.to_string())
    } else if url.starts_with('/') || url.starts_with('#') || url.contains(':') || url.is_empty() {
        None
    } else {
        let dir = page
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        Some(resolve_relative(&dir, url))
    }
}

/// Whether the output has what `target` names.
fn exists(site: &BuiltSite, target: &str) -> bool {
    let path = target.split(['#', '?']).next().unwrap_or(target);
    if path.is_empty() || path.ends_with('/') {
        site.output.contains(&format!("{path}index.html"))
    } else {
        site.output.contains(path) || site.output.contains(&format!("{path}/index.html"))
    }
}

/// Every internal link and picture of every page leads somewhere. A link written in an entry's
/// Markdown is reported at its file and line, once with every page it fails on (a text shown
/// by other languages as their fallback fails on their pages too); a link of the theme's
/// templates, once with the pages it fails on.
fn links(site: &BuiltSite, diags: &mut Diagnostics) {
    // (page, target) of every link a body wrote: the template pass leaves them alone.
    let mut from_bodies: HashSet<(&str, String)> = HashSet::new();
    // (file, line, url) -> the pages it fails on.
    let mut broken: BTreeMap<(&Path, usize, &str), Vec<&str>> = BTreeMap::new();
    let destinations: Vec<Vec<(String, usize)>> = site
        .shown
        .iter()
        .map(|s| markdown::link_destinations(&s.body))
        .collect();
    // A picture that names no file of its entry was told at its line by the build already.
    let told: Vec<(std::path::PathBuf, u64, String)> = diags
        .errors()
        .filter_map(|d| Some((d.file.clone()?, d.line?, d.message.clone())))
        .collect();
    let told_of = |file: &Path, line: u64, url: &str| {
        told.iter()
            .any(|(f, l, m)| *f == file && *l == line && m.contains(url))
    };
    for (shown, links) in site.shown.iter().zip(&destinations) {
        for (url, line) in links {
            let Some(mut target) = target_of(site, &shown.page, url) else {
                continue;
            };
            // A relative link that names one of the entry's files leads where they are
            // published.
            if !exists(site, &target)
                && let Some(path) = markdown::relative_path(url)
            {
                let file = resolve_relative(&shown.media, &path);
                if exists(site, &file) {
                    target = file;
                }
            }
            if !exists(site, &target) && !told_of(&shown.file, (shown.body_line + line) as u64, url)
            {
                broken
                    .entry((&shown.file, shown.body_line + line, url))
                    .or_default()
                    .push(&shown.page);
            }
            from_bodies.insert((&shown.page, target));
        }
    }
    for ((file, line, url), pages) in broken {
        diags.push(
            Diagnostic::error(format!(
                "the link {url} leads to no page or file of the site (on {})",
                page_list(&pages)
            ))
            .in_file(file)
            .at(line as u64, 0)
            .hint(suggestion(site, pages[0], url)),
        );
    }

    let mut from_templates: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (page, bytes) in &site.output.files {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for attr in [" href=\"", " src=\""] {
            for url in attribute_values(&html, attr) {
                let Some(target) = target_of(site, page, url) else {
                    continue;
                };
                if !exists(site, &target) && !from_bodies.contains(&(page.as_str(), target)) {
                    from_templates
                        .entry(url.to_string())
                        .or_default()
                        .insert(page);
                }
            }
        }
    }
    for (url, pages) in from_templates {
        let pages: Vec<&str> = pages.into_iter().collect();
        diags.push(
            Diagnostic::error(format!(
                "the theme links to {url}, which the site does not have (on {})",
                page_list(&pages)
            ))
            .hint("correct the address in the theme's template, or add what it points to"),
        );
    }
}

/// "/he/x/index.html", or the first pages and how many more.
fn page_list(pages: &[&str]) -> String {
    const SHOWN: usize = 3;
    let mut out: Vec<String> = pages.iter().take(SHOWN).map(|p| format!("/{p}")).collect();
    if pages.len() > SHOWN {
        out.push(format!("{} more pages", pages.len() - SHOWN));
    }
    out.join(", ")
}

/// A hint for a broken link written on `page`: the address, written from `page`, of the page
/// of the same language whose name is the link's last part or closest to it; else plain advice.
fn suggestion(site: &BuiltSite, page: &str, url: &str) -> String {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let lang = page.split('/').next().unwrap_or("");
    // The pages of the language, by their folder's name.
    let pages: BTreeMap<&str, &str> = site
        .output
        .files
        .keys()
        .filter(|f| f.starts_with(&format!("{lang}/")))
        .filter_map(|f| f.strip_suffix("index.html"))
        .filter_map(|dir| {
            let name = dir.trim_end_matches('/').rsplit('/').next()?;
            Some((name, dir))
        })
        .collect();
    let found = if last.is_empty() || last == ".." {
        None
    } else {
        pages
            .get_key_value(last)
            .map(|(n, d)| (*n, *d))
            .or_else(|| {
                let name = crate::diagnostics::closest(last, pages.keys().copied())?;
                Some((name, pages[name]))
            })
    };
    match found {
        Some((name, dir)) if name == last => format!(
            "the page '{name}' of this language is at {}",
            relative(page, dir)
        ),
        Some((name, dir)) => format!(
            "did you mean the page '{name}'? From here it is {}",
            relative(page, dir)
        ),
        None => "correct the address, or add the page or file it points to".into(),
    }
}

/// `to` (a path in the output) as a relative address from the page `from`.
fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').collect();
    let from = &from[..from.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if to.ends_with('/') && !out.is_empty() && !out.ends_with('/') {
        out.push('/');
    }
    if out.is_empty() { "./".into() } else { out }
}

fn resolve_relative(dir: &str, url: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in url.split(['#', '?']).next().unwrap_or(url).split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if url.ends_with('/') {
        out.push('/');
    }
    out
}

/// Every `t(key="…")` the templates name, and the UI strings of Markdown's components
/// (callout labels, the video's play button), in every language.
fn ui_strings(site: &BuiltSite, diags: &mut Diagnostics) {
    // (key, what uses it)
    let mut keys: BTreeSet<(String, String)> = BTreeSet::new();
    for (name, text) in &site.templates {
        let user = format!("the template {name}");
        for part in text.split("t(key=\"").skip(1) {
            let Some(end) = part.find('"') else { continue };
            let key = &part[..end];
            if part[end + 1..].trim_start().starts_with('~') {
                // `"collection-" ~ collection`: the key for every collection.
                for c in Collection::ALL {
                    keys.insert((format!("{key}{}", c.name()), user.clone()));
                }
            } else {
                keys.insert((key.to_string(), user.clone()));
            }
        }
    }
    for key in markdown::ui_keys() {
        keys.insert((key.to_string(), "Markdown (callouts, video)".to_string()));
    }
    for lang in &site.config.languages {
        let mut seen = HashSet::new();
        for (key, user) in &keys {
            if !site.strings.has(&lang.code, key) && seen.insert(key) {
                diags.push(
                    Diagnostic::error(format!(
                        "{user} uses the UI string '{key}', which '{}' does not have",
                        lang.code
                    ))
                    .in_file(folders::strings_file(&lang.code))
                    .hint(format!(
                        "add '{key} = ...' to {}",
                        folders::strings_file(&lang.code)
                    )),
                );
            }
        }
    }
}

/// Files in entry folders that no page refers to: neither the file nor any of its versions
/// is named by a link, a picture, a `srcset` or a chart's `data-csv` of a page.
fn unused_assets(site: &BuiltSite, root: &Path, diags: &mut Diagnostics) {
    let mut named: HashSet<String> = HashSet::new();
    for (page, bytes) in &site.output.files {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let srcsets = attribute_values(&html, " srcset=\"")
            .flat_map(|set| set.split(", "))
            .filter_map(|candidate| candidate.split_whitespace().next());
        // A chart names the CSV file of the entry it reads its numbers from in `data-csv`.
        let urls = attribute_values(&html, " href=\"")
            .chain(attribute_values(&html, " src=\""))
            .chain(attribute_values(&html, " data-csv=\""))
            .chain(srcsets);
        for url in urls {
            let url = url.replace("%20", " ").replace("%2C", ",");
            if let Some(target) = target_of(site, page, &url) {
                named.insert(target);
            }
        }
    }
    for (file, published) in &site.assets {
        if !published.iter().any(|p| named.contains(p)) {
            diags.push(
                Diagnostic::warning("no page uses this file; it is published all the same")
                    .in_file(file.strip_prefix(root).unwrap_or(file))
                    .hint("link it from the entry's text or a field such as image:, or remove it"),
            );
        }
    }
}

impl CheckReport {
    pub fn failed(&self, strict: bool) -> bool {
        self.errors > 0 || (strict && self.warnings > 0)
    }
}
