//! The folders of a site, by name: every place that reads, watches, protects or creates one
//! names it from here.

use std::path::{Path, PathBuf};

use crate::model::content::Collection;

/// The entries, one folder a collection and one an entry: `content/<collection>/<id>/`.
pub const CONTENT: &str = "content";
/// The site's themes, one folder each: `themes/<name>/`.
pub const THEMES: &str = "themes";
/// The site's UI strings, one Fluent file a language: `i18n/<lang>.ftl`.
pub const I18N: &str = "i18n";
/// Files copied as they are to the root of the output.
pub const STATIC: &str = "static";
/// The folders of a site whose files make the pages.
pub const ALL: [&str; 4] = [CONTENT, THEMES, I18N, STATIC];

/// The folder of entry (`c`, `id`), relative to the site root.
pub fn entry_dir(c: Collection, id: &str) -> PathBuf {
    Path::new(CONTENT).join(c.name()).join(id)
}

/// The UI strings of `lang`, relative to the site root or to a theme's folder.
pub fn strings_file(lang: &str) -> String {
    format!("{I18N}/{lang}.ftl")
}

/// The UI strings of `lang` in theme `theme`, relative to the site root.
pub fn theme_strings_file(theme: &str, lang: &str) -> String {
    format!("{THEMES}/{theme}/{}", strings_file(lang))
}
