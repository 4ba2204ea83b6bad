//! The list of each collection, split into pages of `per_page` entries (the first page at the
//! list's own address, the others at `page/<n>/` under it), and the news by year at
//! `/<lang>/news/<year>/`, split the same way.
//!
//! Every page of a list keeps the list's name and its whole count; a page after the first
//! says which it is ("page 2 of 5") in its title, heading and breadcrumbs. A list has as many
//! entries in every language (an entry without a translation is listed with its fallback),
//! so page `n` in one language is page `n` in the others: its canonical address and hreflang
//! alternates are those of page `n`.

use serde::Serialize;

use crate::model::content::Collection;
use crate::model::urls::{index_file, list_path, news_year_path, paged};
use crate::render::keys::UiKey;
use crate::render::meta::{Listed, PageKind, meta};
use crate::render::pages::{Prepared, counts, links_of};
use crate::render::paging::{Pager, page_count, page_of, pager};
use crate::render::{Link, Model, chrome, filters, map};
use crate::text::i18n::strip_isolation;

/// One list as its pages show it: a collection's, or a year's news.
struct Listing<'a> {
    c: Collection,
    /// The year, for the news of one year.
    year: Option<u16>,
    /// Every entry of the list, in the list's order.
    items: &'a [Link],
    /// The list's name in the page's language: "Initiatives", "News of 2024".
    title: String,
    /// The filters of the whole list, for the initiatives.
    filters: Option<&'a filters::Filters>,
}

impl Listing<'_> {
    /// Where the list's first page lives in `lang`.
    fn first_path(&self, lang: &str) -> String {
        first_path(self.c, self.year, lang)
    }
}

/// A step of the breadcrumbs: a link, or the page itself (`url` empty).
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub text: String,
    pub url: String,
}

/// A year of news, in the nav of the news pages.
#[derive(Debug, Clone, Serialize)]
pub struct YearLink {
    /// The year as written, without grouping.
    pub text: String,
    pub url: String,
    pub current: bool,
}

/// Every page of the list of `c` in `lang`, for news the pages of each year too, each given
/// to `done` as soon as it is prepared: a context holds the list's filters, and the contexts
/// of a hundred pages at once would weigh hundreds of megabytes.
pub fn list_pages<E>(
    m: &Model,
    c: Collection,
    lang: &str,
    done: &mut dyn FnMut(Prepared) -> Result<(), E>,
) -> Result<(), E> {
    let items = links_of(m, c, lang);
    let title = ui(m, lang, &c.ui_key(), &[]);
    let all_filters = filters::list_filters(m, c, lang);
    let whole = Listing {
        c,
        year: None,
        items: &items,
        title,
        filters: all_filters.as_ref(),
    };
    let years = if c == Collection::News {
        news_years(&items)
    } else {
        Vec::new()
    };
    pages_of(m, &whole, &years, lang, done)?;
    for (year, news) in &years {
        let listing = Listing {
            c,
            year: Some(*year),
            items: news,
            title: ui(m, lang, "news-year", &[("year", year.to_string())]),
            filters: None,
        };
        pages_of(m, &listing, &years, lang, done)?;
    }
    Ok(())
}

/// The news by year, newest first, each year's items in the list's order: by the year of
/// their date (an item without a date is in no year).
pub fn news_years(items: &[Link]) -> Vec<(u16, Vec<Link>)> {
    let mut years: Vec<(u16, Vec<Link>)> = Vec::new();
    for l in items {
        let Some(year) = l
            .date_iso
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<u16>().ok())
        else {
            continue;
        };
        match years.iter_mut().find(|(y, _)| *y == year) {
            Some((_, v)) => v.push(l.clone()),
            None => years.push((year, vec![l.clone()])),
        }
    }
    years.sort_by_key(|(y, _)| std::cmp::Reverse(*y));
    years
}

/// A UI string in `lang` with text arguments, as plain text.
fn ui(m: &Model, lang: &str, key: &str, args: &[(&str, String)]) -> String {
    let mut a = fluent_bundle::FluentArgs::new();
    for (k, v) in args {
        a.set(k.to_string(), v.clone());
    }
    strip_isolation(&m.strings.get(lang, key, Some(&a)))
}

/// "page 2 of 5" in `lang`, for page `n` of `total`: `key` is `page-of` alone, or `list-page`
/// after the list's name `title`. Plain text, for titles and attributes.
pub fn page_words(m: &Model, lang: &str, key: &str, title: &str, n: usize, total: usize) -> String {
    strip_isolation(&page_words_isolated(m, lang, key, title, n, total))
}

/// [`page_words`] with the name and numbers isolated, for a heading whose name may be in
/// another language than the page.
pub fn page_words_isolated(
    m: &Model,
    lang: &str,
    key: &str,
    title: &str,
    n: usize,
    total: usize,
) -> String {
    // Written here rather than by Fluent, so that they are the page's language's numbers
    // even where its UI strings come from another language.
    let f = m.formats.get(lang);
    let mut a = fluent_bundle::FluentArgs::new();
    a.set("title", title.to_string());
    a.set("page", f.number(n as f64));
    a.set("pages", f.number(total as f64));
    m.strings.get(lang, key, Some(&a))
}

/// The pages of one list.
fn pages_of<E>(
    m: &Model,
    l: &Listing,
    years: &[(u16, Vec<Link>)],
    lang: &str,
    done: &mut dyn FnMut(Prepared) -> Result<(), E>,
) -> Result<(), E> {
    let total = page_count(l.items.len(), m.config.per_page);
    for n in 1..=total {
        done(list_page(m, l, years, lang, n, total))?;
    }
    Ok(())
}

/// Page `n` of `total` of a list.
fn list_page(
    m: &Model,
    l: &Listing,
    years: &[(u16, Vec<Link>)],
    lang: &str,
    n: usize,
    total: usize,
) -> Prepared {
    let per_page = m.config.per_page;
    let path_of = |lang: &str| paged(&l.first_path(lang), n);
    let chrome = chrome::chrome(m, lang, &path_of, &|_| true, Some(l.c.name()));
    let mut ctx = chrome::context(&chrome);
    let items = page_of(l.items, n, per_page);
    let heading = if n > 1 {
        page_words(m, lang, "list-page", &l.title, n, total)
    } else {
        l.title.clone()
    };
    let listed = Listed {
        items,
        total: l.items.len(),
        before: (n - 1) * per_page.max(1),
    };
    ctx.insert(
        "meta",
        &meta(m, &chrome, lang, &heading, PageKind::List(l.c, listed)),
    );
    ctx.insert("collection", l.c.name());
    ctx.insert("heading", &heading);
    ctx.insert("crumbs", &crumbs(m, l, lang, n, total));
    ctx.insert("counts", &counts(m.content));
    ctx.insert("count", &l.items.len());
    ctx.insert("items", items);
    let pager: Option<Pager> = pager(m, lang, n, total, &|k| paged(&l.first_path(lang), k));
    ctx.insert("pager", &pager);
    ctx.insert("first_url", &m.config.link(&l.first_path(lang)));
    // The map of the towns on the page (of every town, when they fit on one page).
    ctx.insert(
        "map",
        &l.year
            .is_none()
            .then(|| map::list_map(m, l.c, items, l.items.len(), lang))
            .flatten(),
    );
    ctx.insert("filters", &l.filters.map(|f| f.for_items(items)));
    ctx.insert(
        "facets_url",
        &l.filters.and_then(|f| filters::facets_url(m, f, lang)),
    );
    ctx.insert(
        "cards_url",
        &l.filters.and_then(|_| filters::cards_url(m, lang)),
    );
    ctx.insert("years", &year_links(m, years, l.year, lang));
    Prepared {
        template: "list.html",
        path: index_file(&path_of(lang)),
        ctx,
    }
}

/// Home › the list › the year › "page n of m", each but the last a link.
fn crumbs(m: &Model, l: &Listing, lang: &str, n: usize, total: usize) -> Vec<Crumb> {
    let link = |text: String, path: String| Crumb {
        text,
        url: m.config.link(&path),
    };
    let mut v = vec![
        link(
            ui(m, lang, "home", &[]),
            crate::model::urls::home_path(lang),
        ),
        link(ui(m, lang, &l.c.ui_key(), &[]), list_path(l.c, lang)),
    ];
    if let Some(y) = l.year {
        v.push(link(y.to_string(), news_year_path(lang, y)));
    }
    if n > 1 {
        v.push(Crumb {
            text: page_words(m, lang, "page-of", "", n, total),
            url: String::new(),
        });
    }
    if let Some(last) = v.last_mut() {
        last.url = String::new();
    }
    v
}

/// The years of news, newest first, for the nav of the news pages; none when no news has a
/// date.
fn year_links(
    m: &Model,
    years: &[(u16, Vec<Link>)],
    current: Option<u16>,
    lang: &str,
) -> Vec<YearLink> {
    years
        .iter()
        .map(|(y, _)| YearLink {
            text: y.to_string(),
            url: m.config.link(&news_year_path(lang, *y)),
            current: current == Some(*y),
        })
        .collect()
}

/// The lists of `c` and how many pages each has: the whole list (`None`), and for news each
/// year's. The same in every language, as every entry is listed in each.
pub fn list_sizes(m: &Model, c: Collection) -> Vec<(Option<u16>, usize)> {
    let per_page = m.config.per_page;
    let lang = m.config.default_language().code.as_str();
    let items = links_of(m, c, lang);
    let mut v = vec![(None, page_count(items.len(), per_page))];
    if c == Collection::News {
        v.extend(
            news_years(&items)
                .into_iter()
                .map(|(y, news)| (Some(y), page_count(news.len(), per_page))),
        );
    }
    v
}

/// Where the first page of the list of `c` lives in `lang`, or of the news of `year`.
pub fn first_path(c: Collection, year: Option<u16>, lang: &str) -> String {
    match year {
        Some(y) => news_year_path(lang, y),
        None => list_path(c, lang),
    }
}
