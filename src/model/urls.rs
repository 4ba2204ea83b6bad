//! Where each page of the site lives, relative to the site root. Every address that a page,
//! a feed, the sitemap or the search index names is built here, so that a page and the links
//! to it can never disagree.

use crate::model::content::{Collection, is_home};

/// Where an entry's page lives. The `home` page is the language's home page.
pub fn entry_path(c: Collection, id: &str, lang: &str) -> String {
    if is_home(c, id) {
        format!("{lang}/")
    } else {
        format!("{lang}/{}/{id}/", c.name())
    }
}

/// Where the Atom feed of `lang` lives.
pub fn feed_path(lang: &str) -> String {
    format!("{lang}/feed.xml")
}

/// Where a generated filter page lives.
pub fn filter_path(lang: &str, facet: &str, value: &str) -> String {
    format!("{lang}/filter/{facet}/{value}/")
}
