//! Long lists split into pages (`per_page` in site.yaml): which entries page `n` shows, and the
//! navigation between the pages: previous, next, and the pages by number, written as the
//! page's language writes numbers. A long run of numbers keeps the first, the last and the
//! current page's neighbours, with a gap between (1 … 4 5 6 … 60), so that a list of a
//! hundred pages does not make a hundred links.

use serde::Serialize;

use crate::render::Model;

/// How many pages a list of `len` entries takes at `per_page` a page: at least one, so an
/// empty list still has its page.
pub fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page.max(1)).max(1)
}

/// The entries of page `n` (from 1); none past the last page.
pub fn page_of<T>(items: &[T], n: usize, per_page: usize) -> &[T] {
    let per = per_page.max(1);
    let start = n.saturating_sub(1).saturating_mul(per).min(items.len());
    let end = start.saturating_add(per).min(items.len());
    &items[start..end]
}

/// The page numbers a navigation shows on page `current` of `total`: the first, the last,
/// and the current one with its neighbours; `None` stands for a gap. A gap never stands for
/// a single number: that number is shown instead.
pub fn numbers(current: usize, total: usize) -> Vec<Option<usize>> {
    let mut wanted: Vec<usize> = [1, current.saturating_sub(1), current, current + 1, total]
        .into_iter()
        .filter(|n| (1..=total).contains(n))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = Vec::new();
    let mut last = 0;
    for n in wanted {
        match n - last {
            1 => {}
            2 => out.push(Some(last + 1)),
            _ => out.push(None),
        }
        out.push(Some(n));
        last = n;
    }
    out
}

/// The navigation of one page of a list, as `pager.html` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    /// The addresses of the previous and next pages, when there are.
    pub prev: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
}

/// A page's number in the navigation, or a gap (`number` is `None`).
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: Option<usize>,
    /// The number as the page's language writes it.
    pub text: String,
    pub url: String,
    pub current: bool,
}

/// The navigation of page `current` of `total` in `lang`, where `path_of(n)` is page `n`'s
/// path in the site; `None` for a list of one page, which needs none.
pub fn pager(
    m: &Model,
    lang: &str,
    current: usize,
    total: usize,
    path_of: &dyn Fn(usize) -> String,
) -> Option<Pager> {
    if total < 2 {
        return None;
    }
    let f = m.formats.get(lang);
    let url = |n: usize| m.config.link(&path_of(n));
    let links = numbers(current, total)
        .into_iter()
        .map(|n| PageLink {
            number: n,
            text: n.map(|n| f.number(n as f64)).unwrap_or_default(),
            url: n.map(url).unwrap_or_default(),
            current: n == Some(current),
        })
        .collect();
    Some(Pager {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_counted_and_cut_at_per_page() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(page_count(5, 0), 5, "a per_page of 0 is read as 1");
        let items: Vec<u32> = (1..=11).collect();
        assert_eq!(page_of(&items, 1, 5), &[1, 2, 3, 4, 5]);
        assert_eq!(page_of(&items, 3, 5), &[11]);
        assert!(page_of(&items, 4, 5).is_empty());
        assert!(page_of(&items, usize::MAX, 5).is_empty());
    }

    #[test]
    fn a_long_run_of_numbers_has_gaps_that_each_hide_more_than_one() {
        let shown = |current, total| -> String {
            numbers(current, total)
                .into_iter()
                .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 2), "1 2");
        assert_eq!(shown(5, 60), "1 … 4 5 6 … 60");
        assert_eq!(shown(1, 60), "1 2 … 60");
        assert_eq!(shown(60, 60), "1 … 59 60");
        // A gap would hide 2 alone: 2 is shown.
        assert_eq!(shown(4, 60), "1 2 3 4 5 … 60");
        assert_eq!(shown(57, 60), "1 … 56 57 58 59 60");
        assert_eq!(shown(3, 5), "1 2 3 4 5");
        for total in 1..=125 {
            for current in 1..=total {
                let n = numbers(current, total);
                assert!(n.len() <= 9, "{current} of {total}: {n:?}");
                assert!(n.contains(&Some(current)) && n.contains(&Some(total)));
            }
        }
    }
}
