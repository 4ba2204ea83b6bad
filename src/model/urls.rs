//! Where each page of the site lives, relative to the site root. Every address that a page,
//! a feed, the sitemap or the search index names is built here, so that a page and the links
//! to it can never disagree.

use crate::media::Version;
use crate::model::content::{Collection, is_home, year_like};

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

/// Where page `n` (from 1) of a list whose first page is at `first` lives: the first page
/// keeps the list's own address, the others are `page/<n>/` under it.
pub fn paged(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{n}/")
    }
}

/// Where the news of `year` live. A news item's id is never four digits (see
/// `content::year_like`), so no item's page can take this address.
pub fn news_year_path(lang: &str, year: u16) -> String {
    format!("{}{year}/", list_path(Collection::News, lang))
}

/// Where the cards of every initiative in `lang` live, for the filters of a list split into
/// pages to filter them all.
pub fn cards_file(lang: &str) -> String {
    format!("{}cards.json", list_path(Collection::Initiatives, lang))
}

/// Whether `file` (a file of the output) is a page of the list of `c` in `lang`, in any state
/// of the site: its first page, a further page, and for news the pages of a year. The number
/// of these changes with the entries; `serve` drops those a new rendering no longer writes.
pub fn is_list_file(c: Collection, lang: &str, file: &str) -> bool {
    let Some(rest) = file.strip_prefix(&list_path(c, lang)) else {
        return false;
    };
    let rest = match rest.split_once('/') {
        Some((year, rest)) if c == Collection::News && year_like(year) => rest,
        _ => rest,
    };
    rest == "index.html" || is_further_page(rest)
}

/// Whether `file` (a file of the output) is a further page of the initiatives that entry
/// (`c`, `id`) lists in `lang`: `page/<n>/` under the entry's own address.
pub fn is_entry_further_file(c: Collection, id: &str, lang: &str, file: &str) -> bool {
    !is_home(c, id)
        && file
            .strip_prefix(&entry_path(c, id, lang))
            .is_some_and(is_further_page)
}

/// `page/<n>/index.html`. An entry named `page` is at `page/index.html`, never beside these.
fn is_further_page(rest: &str) -> bool {
    rest.strip_prefix("page/")
        .and_then(|r| r.strip_suffix("/index.html"))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Where the boxes of the initiatives' filters in `lang` live when they are too many for the
/// list's first page.
pub fn facets_file(lang: &str) -> String {
    format!("{}facets.html", list_path(Collection::Initiatives, lang))
}

/// Whether `file` is a filter page of `lang` (any page of it), the cards the filters of a
/// list split into pages read, or the boxes of the filters written apart.
pub fn is_filter_file(lang: &str, file: &str) -> bool {
    file.starts_with(&format!("{lang}/filter/"))
        || file == cards_file(lang)
        || file == facets_file(lang)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn further_pages_of_a_list_are_under_its_address() {
        let first = list_path(Collection::Initiatives, "ar");
        assert_eq!(paged(&first, 1), "ar/initiatives/");
        assert_eq!(paged(&first, 2), "ar/initiatives/page/2/");
        assert_eq!(
            paged(&news_year_path("he", 2024), 3),
            "he/news/2024/page/3/"
        );
        assert_eq!(cards_file("en"), "en/initiatives/cards.json");
    }

    #[test]
    fn the_files_of_a_list_are_told_from_its_entries() {
        let c = Collection::News;
        for yes in [
            "he/news/index.html",
            "he/news/page/12/index.html",
            "he/news/2024/index.html",
            "he/news/2024/page/2/index.html",
        ] {
            assert!(is_list_file(c, "he", yes), "{yes}");
        }
        for no in [
            "he/news/launch/index.html",
            "he/news/page/index.html",
            "he/news/page/x/index.html",
            "he/news/2024/launch/index.html",
            "ar/news/index.html",
            "he/feed.xml",
        ] {
            assert!(!is_list_file(c, "he", no), "{no}");
        }
        assert!(!is_list_file(
            Collection::Towns,
            "he",
            "he/towns/2024/index.html"
        ));
        assert!(is_filter_file(
            "ar",
            "ar/filter/status/active/page/2/index.html"
        ));
        assert!(is_filter_file("ar", "ar/initiatives/cards.json"));
        assert!(!is_filter_file("ar", "he/filter/status/active/index.html"));
    }

    #[test]
    fn further_pages_of_an_entrys_initiatives_are_under_its_address() {
        let d = Collection::Domains;
        for yes in [
            "he/domains/culture/page/2/index.html",
            "he/domains/culture/page/17/index.html",
        ] {
            assert!(is_entry_further_file(d, "culture", "he", yes), "{yes}");
        }
        for no in [
            "he/domains/culture/index.html",
            "he/domains/culture/page/index.html",
            "he/domains/culture/page/2/x.html",
            "he/domains/culture-2/page/2/index.html",
            "ar/domains/culture/page/2/index.html",
            "he/domains/page/2/index.html",
        ] {
            assert!(!is_entry_further_file(d, "culture", "he", no), "{no}");
        }
        // The home page's further pages would be the list's of no collection: it has none.
        assert!(!is_entry_further_file(
            Collection::Pages,
            "home",
            "he",
            "he/page/2/index.html"
        ));
    }
}
