//! The theme: templates, static files and UI strings. The default theme is embedded in the
//! binary so a site without a `themes/` folder builds; a site's `themes/<name>/` overrides it
//! file by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::{files, folders};

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
    "templates/contact.html",
    "templates/statement.html",
    "templates/home.html",
    "templates/list.html",
    "templates/crumbs.html",
    "templates/initiative.html",
    "templates/partner.html",
    "templates/town.html",
    "templates/network.html",
    "templates/term.html",
    "templates/suggested.html",
    "templates/map.html",
    "templates/filters.html",
    "templates/facet_boxes.html",
    "templates/facets.html",
    "templates/filter.html",
    "templates/entry_links.html",
    "templates/card.html",
    "templates/cards.html",
    "templates/pager.html",
    "templates/person.html",
    "templates/page.html",
    "templates/news.html",
    "templates/chooser.html",
    "templates/404.html",
    "templates/redirect.html",
    "templates/search.html",
    "static/sulam.css",
    "static/sulam.js",
    "static/filters.js",
    "static/search.js",
    "static/video.js",
    "static/sulam-icon.svg",
    "static/sulam-touch-icon.png",
    "static/sulam-social.png",
    "i18n/he.ftl",
    "i18n/ar.ftl",
    "i18n/en.ftl",
    // The town map's land (render::map); not a static file, not copied to the site.
    "land/land.txt",
];

/// A theme's files after the site's overrides, and the site's `static/` files.
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
    /// The site's `static/` files, copied as they are to the root of the output: (path in
    /// the output, file). Found here, with the theme's, so that a mistake among them is
    /// known before anything is rendered.
    pub site_statics: Vec<(String, PathBuf)>,
}

impl Theme {
    pub fn load(config: &SiteConfig, diags: &mut Diagnostics) -> Option<Theme> {
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULT
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let root = &config.root;
        let dir = root.join(folders::THEMES).join(&config.theme);
        let found = match files::check_path(root, &dir) {
            Ok(kind) => kind == Some(files::Kind::Folder),
            Err(d) => {
                diags.push(d);
                return None;
            }
        };
        if !found && config.theme != "default" {
            diags.push(
                Diagnostic::error(format!("the theme '{}' is not in themes/", config.theme))
                    .in_file(crate::model::config::SITE_FILE)
                    .hint("remove 'theme:' to use the built-in default theme, or create themes/<name>/templates/"),
            );
            return None;
        }
        if found {
            read_theme_files(root, &dir, &mut files, diags);
        }
        let site_statics = site_statics(root, diags);
        Some(Theme {
            files,
            site_statics,
        })
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

/// The files of the site's theme folder `dir` over the default theme's: its ordinary files,
/// and links to ordinary files inside the site (`model::files`).
fn read_theme_files(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, Vec<u8>>,
    diags: &mut Diagnostics,
) {
    for item in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot read the theme: {e}")));
                continue;
            }
        };
        match files::check(root, item.path(), item.file_type()) {
            Ok(files::Kind::File) => {}
            Ok(files::Kind::Folder) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        }
        let rel = item.path().strip_prefix(dir).unwrap_or(item.path());
        let key = rel.to_string_lossy().replace('\\', "/");
        match std::fs::read(item.path()) {
            Ok(b) => {
                files.insert(key, b);
            }
            Err(e) => diags.push(
                Diagnostic::error(format!("cannot read: {e}"))
                    .in_file(item.path().strip_prefix(root).unwrap_or(item.path())),
            ),
        }
    }
}

/// The site's `static/`: its ordinary files, and links to ordinary files inside the site.
/// A link leading elsewhere, a named pipe or a device is a mistake (`model::files`).
fn site_statics(root: &Path, diags: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let static_dir = root.join(folders::STATIC);
    let mut found = Vec::new();
    match files::check_path(root, &static_dir) {
        Ok(Some(files::Kind::Folder)) => {}
        Ok(_) => return found,
        Err(d) => {
            diags.push(d);
            return found;
        }
    }
    for item in walkdir::WalkDir::new(&static_dir).min_depth(1) {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                diags.push(Diagnostic::error(format!(
                    "cannot read a folder in static/: {e}"
                )));
                continue;
            }
        };
        match files::check(root, item.path(), item.file_type()) {
            Ok(files::Kind::File) => {
                let rel = item.path().strip_prefix(&static_dir).unwrap_or(item.path());
                let name = rel.to_string_lossy().replace('\\', "/");
                found.push((name, item.path().to_path_buf()));
            }
            Ok(files::Kind::Folder) => {}
            Err(d) => diags.push(d),
        }
    }
    found
}

/// The site's `i18n/<lang>.ftl`, when there is one. A link out of the site, a named pipe or
/// a device there is a mistake (`model::files`), not read.
pub fn read_site_strings(root: &Path, lang: &str, diags: &mut Diagnostics) -> Option<String> {
    let path = root.join(folders::strings_file(lang));
    match files::check_path(root, &path) {
        // Not UTF-8, or unreadable: told, with the file, rather than silently left out.
        Ok(Some(files::Kind::File)) => {
            crate::model::read::read_text(&path, Path::new(&folders::strings_file(lang)))
                .map_err(|d| diags.push(d))
                .ok()
        }
        Ok(_) => None,
        Err(d) => {
            diags.push(d);
            None
        }
    }
}
