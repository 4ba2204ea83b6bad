//! The theme: templates, static files and UI strings. The default theme is embedded in the
//! binary so a site without a `themes/` folder builds; a site's `themes/<name>/` overrides it
//! file by file.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::folders;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)) as &[u8])),*]
    };
}

/// The default theme's files, by path inside the theme folder.
pub const DEFAULT: &[(&str, &[u8])] = embed![
    "templates/base.html",
    "templates/links.html",
    "templates/entry_header.html",
    "templates/figures.html",
    "templates/statement.html",
    "templates/home.html",
    "templates/list.html",
    "templates/initiative.html",
    "templates/partner.html",
    "templates/town.html",
    "templates/network.html",
    "templates/term.html",
    "templates/suggested.html",
    "templates/map.html",
    "templates/filters.html",
    "templates/filter.html",
    "templates/person.html",
    "templates/page.html",
    "templates/news.html",
    "templates/chooser.html",
    "templates/404.html",
    "templates/search.html",
    "static/sulam.css",
    "static/sulam.js",
    "static/filters.js",
    "static/search.js",
    "i18n/he.ftl",
    "i18n/ar.ftl",
    "i18n/en.ftl",
];

/// A theme's files after the site's overrides.
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    pub fn load(config: &SiteConfig, diags: &mut Diagnostics) -> Option<Theme> {
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULT
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let dir = config.root.join(folders::THEMES).join(&config.theme);
        if !dir.is_dir() && config.theme != "default" {
            diags.push(
                Diagnostic::error(format!("the theme '{}' is not in themes/", config.theme))
                    .in_file(crate::model::config::SITE_FILE)
                    .hint("remove 'theme:' to use the built-in default theme, or create themes/<name>/templates/"),
            );
            return None;
        }
        if dir.is_dir() {
            for item in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let item = match item {
                    Ok(i) => i,
                    Err(e) => {
                        diags.push(Diagnostic::error(format!("cannot read the theme: {e}")));
                        continue;
                    }
                };
                if !item.file_type().is_file() {
                    continue;
                }
                let rel = item.path().strip_prefix(&dir).unwrap_or(item.path());
                let key = rel.to_string_lossy().replace('\\', "/");
                match std::fs::read(item.path()) {
                    Ok(b) => {
                        files.insert(key, b);
                    }
                    Err(e) => diags
                        .push(Diagnostic::error(format!("cannot read: {e}")).in_file(item.path())),
                }
            }
        }
        Some(Theme { files })
    }

    pub fn templates(&self, diags: &mut Diagnostics) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (path, bytes) in &self.files {
            if let Some(name) = path.strip_prefix("templates/") {
                match String::from_utf8(bytes.clone()) {
                    Ok(s) => out.push((name.to_string(), s)),
                    Err(_) => diags.push(
                        Diagnostic::error("the template is not UTF-8 text")
                            .in_file(format!("themes/…/{path}")),
                    ),
                }
            }
        }
        out
    }

    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter_map(|(p, b)| p.strip_prefix("static/").map(|n| (n, b.as_slice())))
    }

    pub fn strings(&self, lang: &str) -> Option<String> {
        self.files
            .get(&folders::strings_file(lang))
            .and_then(|b| String::from_utf8(b.clone()).ok())
    }
}

pub fn read_site_strings(root: &Path, lang: &str) -> Option<String> {
    std::fs::read_to_string(root.join(folders::strings_file(lang))).ok()
}
