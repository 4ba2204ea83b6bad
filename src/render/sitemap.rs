//! `sitemap.xml`: every page in the languages that really have it.

use std::collections::BTreeMap;

use crate::model::content::Collection;
use crate::model::urls::{entry_path, filter_path, home_path, paged};
use crate::render::Model;
use crate::render::entry::{LINKS_PER_PAGE, listed_initiatives};
use crate::render::filters::Facet;
use crate::render::lists::{first_path, list_sizes};
use crate::render::paging::page_count;
use crate::text::escape::escape_xml;

/// `sitemap.xml` with `xhtml:link` alternates between real translations only (a fallback page
/// is neither listed nor named as an alternate), and `x-default`, the root language chooser,
/// beside them.
pub fn sitemap(m: &Model) -> String {
    let config = m.config;
    let langs: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // For a reader whose language is none of the site's: the root, which lets them choose.
    let x_default = config.absolute("");
    let mut add = |path_of: &dyn Fn(&str) -> String, has: &dyn Fn(&str) -> bool| {
        let real: Vec<&str> = langs.iter().copied().filter(|l| has(l)).collect();
        for l in &real {
            s.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                escape_xml(&config.absolute(&path_of(l)))
            ));
            if real.len() > 1 {
                for a in &real {
                    s.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{a}\" href=\"{}\"/>\n",
                        escape_xml(&config.absolute(&path_of(a)))
                    ));
                }
                s.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                    escape_xml(&x_default)
                ));
            }
            s.push_str("  </url>\n");
        }
    };
    let home = m.content.home();
    add(&home_path, &|l| {
        home.is_none_or(|h| h.texts.contains_key(l))
    });
    // Every page of every list, and of each year's news.
    for c in Collection::ALL {
        if c != Collection::Pages && m.content.of(c).next().is_some() {
            for (year, pages) in list_sizes(m, c) {
                for n in 1..=pages {
                    add(&|l| paged(&first_path(c, year, l), n), &|_| true);
                }
            }
        }
    }
    let default = config.default_language().code.as_str();
    for e in m.content.entries.values() {
        if e.is_home() {
            continue;
        }
        // A draft shown by `build --drafts` is kept out of search engines.
        let has = |l: &str| e.texts.contains_key(l) && !e.is_draft(l);
        add(&|l| entry_path(e.collection, &e.id, l), &has);
        // The further pages of the initiatives it lists, the same number in every language.
        let listed = listed_initiatives(m, e, default).map_or(0, |v| v.len());
        for n in 2..=page_count(listed, LINKS_PER_PAGE) {
            add(&|l| paged(&entry_path(e.collection, &e.id, l), n), &has);
        }
    }
    // The plain pages of the initiatives' filters, in the languages that have them, by facet
    // name and value.
    let mut filters: BTreeMap<(Facet, String, usize), Vec<&str>> = BTreeMap::new();
    for l in &langs {
        for (facet, value, pages) in crate::render::filters::page_values(m, l) {
            filters.entry((facet, value, pages)).or_default().push(l);
        }
    }
    for ((facet, value, pages), in_langs) in &filters {
        for n in 1..=*pages {
            add(&|l| paged(&filter_path(l, facet.name(), value), n), &|l| {
                in_langs.contains(&l)
            });
        }
    }
    s.push_str("</urlset>\n");
    s
}
