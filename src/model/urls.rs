//! Where each page of the site lives, relative to the site root. Every address that a page,
//! a feed, the sitemap or the search index names is built here, so that a page and the links
//! to it can never disagree.

use crate::media::Version;
use crate::model::content::{Collection, is_home};

/// Where the home page of `lang` lives.
pub fn home_path(lang: &str) -> String {
    format!("{lang}/")
}

/// Where the list of collection `c` lives.
pub fn list_path(c: Collection, lang: &str) -> String {
    format!("{lang}/{}/", c.name())
}

/// Where an entry's page lives. The `home` page is the language's home page.
pub fn entry_path(c: Collection, id: &str, lang: &str) -> String {
    if is_home(c, id) {
        home_path(lang)
    } else {
        format!("{}{id}/", list_path(c, lang))
    }
}

/// Where the search page of `lang` lives.
pub fn search_path(lang: &str) -> String {
    format!("{lang}/search/")
}

/// The file that holds the page at `path`, an address that ends in `/`.
pub fn index_file(path: &str) -> String {
    format!("{path}index.html")
}

/// Where the Atom feed of `lang` lives.
pub fn feed_path(lang: &str) -> String {
    format!("{lang}/feed.xml")
}

/// Where a generated filter page lives.
pub fn filter_path(lang: &str, facet: &str, value: &str) -> String {
    format!("{lang}/filter/{facet}/{value}/")
}

/// Where the search index of `lang` lives.
pub fn search_index_file(lang: &str) -> String {
    format!("search/{lang}.js")
}

/// The name under which a part of the search index of `lang` registers itself; search.js
/// loads the part named `key` from `search/<key>.js`.
pub fn search_part_key(lang: &str, name: &str) -> String {
    format!("{lang}/{name}")
}

/// Where a part of the search index of `lang` lives.
pub fn search_part_file(lang: &str, name: &str) -> String {
    format!("search/{}.js", search_part_key(lang, name))
}

/// Where the files of entry (`c`, `id`) are published: once, whatever the page's language.
pub fn media_dir(c: Collection, id: &str) -> String {
    format!("media/{}/{id}/", c.name())
}

/// Where the entry's file `name` (relative to its folder) is published.
pub fn media_file(c: Collection, id: &str, name: &str) -> String {
    format!("{}{name}", media_dir(c, id))
}

/// Where version `v` of the entry's picture `name` is published: beside it, as
/// `<name without extension>.<width>.<extension>` (`photo.jpg` → `photo.480.webp`).
pub fn media_version(c: Collection, id: &str, name: &str, v: Version) -> String {
    let last = name.rfind('/').map_or(0, |i| i + 1);
    let stem = match name[last..].rfind('.') {
        Some(dot) if dot > 0 => &name[..last + dot],
        _ => name,
    };
    format!(
        "{}{stem}.{}.{}",
        media_dir(c, id),
        v.width,
        v.format.extension()
    )
}
