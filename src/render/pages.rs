//! One page in one language: which template, at which address, with which context. Home,
//! entries and the accessibility statement are rendered here; the lists (each in pages, news
//! by year too) in `lists`, the filter pages in `filters`, the extras in `extras` and
//! `sitemap`.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use tera::Context;

use crate::model::content::{Collection, Content, Entry, STATEMENT};
use crate::model::urls::{entry_path, home_path, index_file, list_path, paged};
use crate::output::Output;
use crate::render::chrome::{self, Chrome};
use crate::render::entry::{self, EntryView, LINKS_PER_PAGE};
use crate::render::keys::UiKey;
use crate::render::lists::Crumb;
use crate::render::meta::{Listed, PageKind, meta};
use crate::render::paging::{page_count, page_of, pager};
use crate::render::statement::{self, Statement};
use crate::render::{Link, Model, lists};
use crate::text::i18n::strip_isolation;
use crate::text::lang::native_name;

/// One page of the site, rendered in every language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Page {
    Home,
    /// The list of a collection: all its pages, and for news the pages of each year.
    List(Collection),
    Entry(Collection, String),
    /// The accessibility statement from site.yaml alone, when no page entry holds its text.
    Statement,
    /// The initiatives filtered by a fact that has no page of its own (status, age group,
    /// district, sector): all of them.
    Filters,
}

fn template_for(c: Collection) -> &'static str {
    match c {
        Collection::Initiatives => "initiative.html",
        Collection::Partners => "partner.html",
        Collection::Towns => "town.html",
        Collection::Networks => "network.html",
        Collection::Domains | Collection::Sectors => "term.html",
        Collection::People => "person.html",
        Collection::Pages => "page.html",
        Collection::News => "news.html",
    }
}

pub struct RenderedPage {
    pub path: String,
    pub html: String,
}

pub(crate) fn render_template(
    tera: &tera::Tera,
    template: &str,
    ctx: &tera::Context,
    path: &str,
) -> Result<String, Diagnostic> {
    tera.render(template, ctx).map_err(|e| {
        Diagnostic::error(format!(
            "the template '{template}' failed for /{path}: {}",
            error_chain(&e)
        ))
        .in_file(format!("themes/…/templates/{template}"))
    })
}

/// Renders through `render_template`, pushing a failure into `diags`; whether it worked.
pub(crate) fn render_one(
    tera: &tera::Tera,
    template: &str,
    ctx: &tera::Context,
    path: &str,
    out: &mut Output,
    diags: &mut Diagnostics,
) -> bool {
    match render_template(tera, template, ctx, path) {
        Ok(html) => {
            out.add(path, html);
            true
        }
        Err(d) => {
            diags.push(d);
            false
        }
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    s
}

/// One page in one language: for a list, each of its pages.
pub fn render_page(
    m: &Model,
    tera: &tera::Tera,
    page: &Page,
    lang: &str,
) -> Result<Vec<RenderedPage>, Diagnostic> {
    let finish = |p: Prepared| -> Result<RenderedPage, Diagnostic> {
        let html = render_template(tera, p.template, &p.ctx, &p.path)?;
        Ok(RenderedPage { path: p.path, html })
    };
    Ok(vec![match page {
        Page::Home => finish(home(m, lang))?,
        Page::List(c) => {
            let mut pages = Vec::new();
            lists::list_pages(m, *c, lang, &mut |p| {
                pages.push(finish(p)?);
                Ok(())
            })?;
            return Ok(pages);
        }
        Page::Entry(c, id) => {
            return entry_pages(m, *c, id, lang)?
                .into_iter()
                .map(finish)
                .collect();
        }
        Page::Statement => finish(statement_page(m, lang))?,
        Page::Filters => {
            return Err(Diagnostic::error(
                "the filter pages are rendered by filters::render_pages",
            ));
        }
    }])
}

/// A page ready for its template.
pub(crate) struct Prepared {
    pub(crate) template: &'static str,
    /// The file's path in the output.
    pub(crate) path: String,
    pub(crate) ctx: Context,
}

/// The home page: the `home` page entry if there is one, the first initiatives, the latest
/// news and how many entries each collection has.
fn home(m: &Model, lang: &str) -> Prepared {
    let home = m.content.home();
    let has_home = |l: &str| home.is_none_or(|h| h.texts.contains_key(l));
    let chrome = chrome::chrome(m, lang, &home_path, &has_home, None);
    let mut ctx = chrome::context(&chrome);
    let view = home.map(|h| entry::view(m, h, lang));
    ctx.insert(
        "fallback_name",
        &view
            .as_ref()
            .and_then(|v| v.fallback.as_deref())
            .map(native_name),
    );
    ctx.insert("page", &view);
    let home_title = view
        .as_ref()
        .and_then(|v| v.title.as_ref())
        .map(|t| t.text.clone())
        .unwrap_or_else(|| m.config.site_title(lang));
    ctx.insert(
        "meta",
        &meta(m, &chrome, lang, &home_title, PageKind::Home(view.as_ref())),
    );
    let mut initiatives = links_of(m, Collection::Initiatives, lang);
    ctx.insert("initiatives_more", &(initiatives.len() > HOME_INITIATIVES));
    initiatives.truncate(HOME_INITIATIVES);
    ctx.insert("initiatives", &initiatives);
    let news: Vec<Link> = links_of(m, Collection::News, lang)
        .into_iter()
        .take(3)
        .collect();
    ctx.insert("news", &news);
    ctx.insert("counts", &counts(m.content));
    Prepared {
        template: "home.html",
        path: index_file(&home_path(lang)),
        ctx,
    }
}

/// The page of entry (`c`, `id`), and when it lists more initiatives than
/// [`LINKS_PER_PAGE`], the further pages of that list at `page/<n>/` under it. Its files are
/// published once for all languages (`media::entry_files`).
fn entry_pages(
    m: &Model,
    c: Collection,
    id: &str,
    lang: &str,
) -> Result<Vec<Prepared>, Diagnostic> {
    let Some(e) = m.content.get(c, id) else {
        return Err(Diagnostic::error(format!("no entry {c}/{id} to render")));
    };
    let has = |l: &str| e.texts.contains_key(l);
    let path_of = |l: &str, n: usize| paged(&entry_path(e.collection, &e.id, l), n);
    let mut view = entry::view(m, e, lang);
    let listed = view
        .listed_initiatives_mut()
        .map(std::mem::take)
        .unwrap_or_default();
    let total = page_count(listed.len(), LINKS_PER_PAGE);
    if let Some(first) = view.listed_initiatives_mut() {
        *first = page_of(&listed, 1, LINKS_PER_PAGE).to_vec();
    }
    let pager_of = |n: usize| pager(m, lang, n, total, &|k| path_of(lang, k));
    let chrome = chrome::chrome(m, lang, &|l| path_of(l, 1), &has, Some(e.collection.name()));
    let statement = e
        .is_statement()
        .then(|| statement::statement(m, lang))
        .flatten();
    let mut ctx = entry_context(m, &chrome, lang, &view, Some(e), statement);
    ctx.insert("initiatives_pager", &pager_of(1));
    ctx.insert("initiatives_count", &listed.len());
    let mut pages = vec![Prepared {
        template: template_for(e.collection),
        path: index_file(&path_of(lang, 1)),
        ctx,
    }];
    for n in 2..=total {
        let chrome = chrome::chrome(m, lang, &|l| path_of(l, n), &has, Some(e.collection.name()));
        let title = view.title.as_ref().map_or("", |t| t.text.as_str());
        let heading = lists::page_words(m, lang, "list-page", title, n, total);
        let items = page_of(&listed, n, LINKS_PER_PAGE);
        let shown = Listed {
            items,
            total: listed.len(),
            before: (n - 1) * LINKS_PER_PAGE,
        };
        let mut ctx = chrome::context(&chrome);
        ctx.insert(
            "meta",
            &meta(
                m,
                &chrome,
                lang,
                &heading,
                PageKind::List(Collection::Initiatives, shown),
            ),
        );
        ctx.insert("heading", &heading);
        ctx.insert(
            "heading_isolated",
            &lists::page_words_isolated(m, lang, "list-page", title, n, total),
        );
        ctx.insert("crumbs", &entry_crumbs(m, e, title, lang, n, total));
        ctx.insert("items", items);
        ctx.insert("initiatives_pager", &pager_of(n));
        ctx.insert("initiatives_count", &listed.len());
        pages.push(Prepared {
            template: "entry_links.html",
            path: index_file(&path_of(lang, n)),
            ctx,
        });
    }
    Ok(pages)
}

/// Home › the collection › the entry › "page n of m", each but the last a link.
fn entry_crumbs(
    m: &Model,
    e: &Entry,
    title: &str,
    lang: &str,
    n: usize,
    total: usize,
) -> Vec<Crumb> {
    let ui = |key: &str| strip_isolation(&m.strings.get(lang, key, None));
    let link = |text: String, path: String| Crumb {
        text,
        url: m.config.link(&path),
    };
    vec![
        link(ui("home"), home_path(lang)),
        link(ui(&e.collection.ui_key()), list_path(e.collection, lang)),
        link(title.to_string(), entry_path(e.collection, &e.id, lang)),
        Crumb {
            text: lists::page_words(m, lang, "page-of", "", n, total),
            url: String::new(),
        },
    ]
}

/// The accessibility statement's own page, when no page entry holds its text.
fn statement_page(m: &Model, lang: &str) -> Prepared {
    let path = entry_path(Collection::Pages, STATEMENT, lang);
    let chrome = chrome::chrome(
        m,
        lang,
        &|l| entry_path(Collection::Pages, STATEMENT, l),
        &|_| true,
        None,
    );
    let title = strip_isolation(&m.strings.get(lang, "accessibility-statement", None));
    let view = EntryView::titled(
        STATEMENT,
        Collection::Pages,
        m.config.link(&path),
        m.text(&title, lang, lang),
    );
    let ctx = entry_context(m, &chrome, lang, &view, None, statement::statement(m, lang));
    Prepared {
        template: "page.html",
        path: index_file(&path),
        ctx,
    }
}

/// The context of a page that shows `view`: the view of entry `e`, or of no entry (the
/// statement's own page) when `None`.
fn entry_context(
    m: &Model,
    chrome: &Chrome,
    lang: &str,
    view: &EntryView,
    e: Option<&Entry>,
    statement: Option<Statement>,
) -> Context {
    let mut ctx = chrome::context(chrome);
    let title = view
        .title
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    let kind = match e {
        Some(e) => PageKind::Entry(e, view),
        None => PageKind::Statement(view),
    };
    ctx.insert("meta", &meta(m, chrome, lang, &title, kind));
    ctx.insert("page", view);
    ctx.insert("collection", &view.collection);
    // The statement's own page is a page, as the entry that would hold its text is.
    let collection = e.map_or(Collection::Pages, |e| e.collection);
    ctx.insert("list_url", &m.config.link(&list_path(collection, lang)));
    ctx.insert("fallback_name", &view.fallback.as_deref().map(native_name));
    ctx.insert(
        "partial_name",
        &view.partial_lang.as_deref().map(native_name),
    );
    ctx.insert("statement", &statement);
    ctx
}

/// How many initiatives the home page shows, in the list's order; a site with more links to
/// the list of all of them. A home page with thousands of cards would weigh megabytes on a
/// phone and make every change to it slow to lay out.
const HOME_INITIATIVES: usize = 12;

pub(crate) fn counts(content: &Content) -> HashMap<&'static str, usize> {
    Collection::ALL
        .iter()
        .map(|c| (c.name(), content.of(*c).count()))
        .collect()
}

/// Links to every entry of `c` (but the home page), sorted as lists are, with their cards'
/// pictures.
pub fn links_of(m: &Model, c: Collection, lang: &str) -> Vec<Link> {
    let mut v: Vec<Link> = m
        .content
        .of(c)
        .filter(|e| !e.is_home())
        .filter_map(|e| {
            let mut link = m.link_to(c, &e.id, lang)?;
            link.image = m.card_image(e);
            Some(link)
        })
        .collect();
    m.sort_links(&mut v, lang);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Text;
    use crate::render::theme::DEFAULT;

    fn template(name: &str) -> String {
        let (_, bytes) = DEFAULT
            .iter()
            .find(|(p, _)| *p == format!("templates/{name}"))
            .expect("a template of the default theme");
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    }

    /// The `page.` fields that `name` and the templates it includes read.
    fn page_fields(name: &str, out: &mut Vec<String>) {
        let text = template(name);
        for (i, _) in text.match_indices("page.") {
            let starts_word = !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let field: String = text[i + 5..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if starts_word && !field.is_empty() {
                out.push(field);
            }
        }
        for (i, _) in text.match_indices("{% include \"") {
            let rest = &text[i + 12..];
            page_fields(&rest[..rest.find('"').unwrap_or(0)], out);
        }
    }

    /// A template that read a field its page's view lacks would fail (`for`, `{{ }}`) or see it
    /// as false (`if`), where every view had every field before the views were split.
    #[test]
    fn each_entry_template_reads_only_fields_its_view_has() {
        let pages = [("home.html", Collection::Pages)];
        let entries = Collection::ALL.map(|c| (template_for(c), c));
        for (name, c) in pages.into_iter().chain(entries) {
            let title = Text {
                text: "t".into(),
                html: "t".into(),
                lang: "en".into(),
                attrs: String::new(),
                foreign: false,
            };
            let view = EntryView::titled("x", c, String::new(), title);
            let json = serde_json::to_value(&view).expect("a view serializes");
            let mut fields = Vec::new();
            page_fields(name, &mut fields);
            assert!(!fields.is_empty(), "{name}");
            for f in fields {
                assert!(
                    json.get(&f).is_some(),
                    "{name} reads page.{f}, not in {c}'s view"
                );
            }
        }
    }
}
