//! `sulam check`: everything `build` validates, plus what only shows once the pages exist —
//! every internal link and asset reference resolves, every UI string the templates name
//! exists in every language, and assets nothing uses. (That two things never claim one address
//! is checked as the site is rendered, for `build` and `serve` alike: `site::Site::render_all`.)
//! Nothing is written.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::content::Collection;
use crate::model::folders;
use crate::site::{BuiltSite, render_site};

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

fn links(site: &BuiltSite, diags: &mut Diagnostics) {
    let base = &site.config.base_path;
    let exists = |path: &str| {
        let path = path.split(['#', '?']).next().unwrap_or(path);
        if path.is_empty() || path.ends_with('/') {
            site.output.contains(&format!("{path}index.html"))
        } else {
            site.output.contains(path) || site.output.contains(&format!("{path}/index.html"))
        }
    };
    let mut reported: BTreeSet<(String, String)> = BTreeSet::new();
    for (page, bytes) in &site.output.files {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let dir = page
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        for attr in [" href=\"", " src=\""] {
            for url in attribute_values(&html, attr) {
                let target = if let Some(rest) = url.strip_prefix(base.as_str()) {
                    rest.to_string()
                } else if url.starts_with('/') || url.starts_with('#') || url.contains(':') {
                    continue;
                } else {
                    resolve_relative(&dir, url)
                };
                // A text borrowed by other languages shows its link on each of their pages:
                // one report for the entry, not one per language.
                let same_page = page.split_once('/').map(|(_, rest)| rest).unwrap_or(page);
                if !exists(&target) && reported.insert((same_page.to_string(), url.to_string())) {
                    diags.push(
                        Diagnostic::error(format!(
                            "the page /{page} links to {url}, which the site does not have"
                        ))
                        .hint(
                            "correct the address in the entry's Markdown, or add what it points to",
                        ),
                    );
                }
            }
        }
    }
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

/// Every `t(key="…")` the templates name, in every language.
fn ui_strings(site: &BuiltSite, diags: &mut Diagnostics) {
    let mut keys: BTreeSet<(String, String)> = BTreeSet::new();
    for (name, text) in &site.templates {
        for part in text.split("t(key=\"").skip(1) {
            let Some(end) = part.find('"') else { continue };
            let key = &part[..end];
            if part[end + 1..].trim_start().starts_with('~') {
                // `"collection-" ~ collection`: the key for every collection.
                for c in Collection::ALL {
                    keys.insert((format!("{key}{}", c.name()), name.clone()));
                }
            } else {
                keys.insert((key.to_string(), name.clone()));
            }
        }
    }
    for lang in &site.config.languages {
        let mut seen = HashSet::new();
        for (key, template) in &keys {
            if !site.strings.has(&lang.code, key) && seen.insert(key) {
                diags.push(
                    Diagnostic::error(format!("the template {template} uses the UI string '{key}', which '{}' does not have", lang.code))
                        .in_file(folders::strings_file(&lang.code))
                        .hint(format!("add '{key} = ...' to {}", folders::strings_file(&lang.code))),
                );
            }
        }
    }
}

/// Files in entry folders that no page refers to.
fn unused_assets(site: &BuiltSite, root: &Path, diags: &mut Diagnostics) {
    let pages: Vec<String> = site
        .output
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    for (dir, assets) in &site.assets {
        for asset in assets {
            let name = asset.to_string_lossy().replace('\\', "/");
            let used = pages.iter().any(|html| {
                html.contains(&format!("/{name}\"")) || html.contains(&format!("\"{name}\""))
            });
            if !used {
                let file = dir.join(asset);
                diags.push(
                    Diagnostic::warning("no page uses this file; it is published all the same")
                        .in_file(file.strip_prefix(root).unwrap_or(&file))
                        .hint(
                            "link it from the entry's text or a field such as image:, or remove it",
                        ),
                );
            }
        }
    }
}

impl CheckReport {
    pub fn failed(&self, strict: bool) -> bool {
        self.errors > 0 || (strict && self.warnings > 0)
    }
}
