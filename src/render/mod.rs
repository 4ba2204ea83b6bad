//! The render stage: for each page (an entry, a list, a home page) in each language, a view of
//! the model in that language — with the fallback text marked — given to a Tera template.
//!
//! Text that a page borrows from another language carries that language's `lang` and `dir`
//! (`attrs`), and Latin runs in right-to-left text are isolated (`html`); templates print
//! `html` and `attrs` as they are and never need to know the bidi rules.

pub mod chrome;
pub mod entry;
pub mod extras;
pub mod feed;
pub mod filters;
pub mod keys;
pub mod lists;
pub mod map;
pub mod media;
pub mod meta;
pub mod pages;
pub mod paging;
pub mod redirects;
pub mod related;
pub mod sitemap;
pub mod statement;
pub mod theme;

pub use pages::Page;

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::content::{
    Collection, Content, Entry, EntryKey, Facts, Front, LangFile, NewsFacts,
};
use crate::model::link::Links;
use crate::model::urls::entry_path;
use crate::text::format::{Formats, LangFormat};
use crate::text::i18n::{Strings, strip_isolation};
use crate::text::lang::{Dir, isolate_ltr_runs};
use crate::text::markdown;

/// Everything a page needs, built once per build and shared by all pages.
pub struct Model<'a> {
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub links: &'a Links,
    pub formats: &'a Formats,
    pub strings: &'a Strings,
    pub bodies: &'a Bodies,
    pub related: &'a crate::model::related::Relatedness,
    pub maps: &'a map::Shared,
    pub made_links: &'a MadeLinks,
}

/// Every entry's link in each language, made the first time a page of that language links
/// to an entry: a page shows dozens of links, each a title and summary looked up through the
/// languages' fallbacks, isolated and escaped. Made anew with the `Site`, and emptied by
/// `Site::update_entries` when entries change.
#[derive(Default)]
pub struct MadeLinks {
    by_lang: Vec<(String, OnceLock<LinksById>)>,
}

type LinksById = HashMap<(Collection, String), Link>;

impl MadeLinks {
    pub fn new(config: &SiteConfig) -> MadeLinks {
        MadeLinks {
            by_lang: config
                .languages
                .iter()
                .map(|l| (l.code.clone(), OnceLock::new()))
                .collect(),
        }
    }

    fn of(&self, lang: &str) -> Option<&OnceLock<LinksById>> {
        self.by_lang.iter().find(|(l, _)| l == lang).map(|(_, m)| m)
    }
}

/// One entry's Markdown bodies as HTML, by the language of the file, with what the cleaner
/// removed from them.
#[derive(Default)]
pub struct EntryBodies {
    pub html: BTreeMap<String, Packed>,
    pub problems: Vec<Diagnostic>,
}

/// A rendered body, kept LZ4-packed until a page shows it: the bodies of every entry are
/// held from their rendering to the end of the build (the search index reads them last),
/// and packed they take about half the room.
pub struct Packed(Box<[u8]>);

impl Packed {
    pub fn new(html: &str) -> Packed {
        Packed(lz4_flex::block::compress_prepend_size(html.as_bytes()).into_boxed_slice())
    }

    /// The HTML again. `None` only if the bytes were not made by `new`, which cannot happen.
    pub fn unpack(&self) -> Option<String> {
        let bytes = lz4_flex::block::decompress_size_prepended(&self.0).ok()?;
        String::from_utf8(bytes).ok()
    }
}

/// Every entry's Markdown bodies, each rendered once whatever number of pages show it.
#[derive(Default)]
pub struct Bodies {
    by_entry: HashMap<(Collection, String), EntryBodies>,
}

impl Bodies {
    pub fn render_all(
        config: &SiteConfig,
        content: &Content,
        words: Option<markdown::Words>,
    ) -> Bodies {
        let by_entry = content
            .entries
            .par_iter()
            .map(|(key, e)| (key.clone(), Bodies::render_entry(config, e, words)))
            .collect();
        Bodies { by_entry }
    }

    /// As `render_all`, letting go of each entry's Markdown once its bodies are rendered.
    pub fn render_all_forgetting(
        config: &SiteConfig,
        content: &mut Content,
        words: Option<markdown::Words>,
    ) -> Bodies {
        let by_entry = content
            .entries
            .par_iter_mut()
            .map(|(key, e)| {
                let bodies = Bodies::render_entry(config, e, words);
                e.forget_bodies();
                (key.clone(), bodies)
            })
            .collect();
        Bodies { by_entry }
    }

    pub fn render_entry(
        config: &SiteConfig,
        e: &Entry,
        words: Option<markdown::Words>,
    ) -> EntryBodies {
        let mut out = EntryBodies::default();
        let pictures = media::pictures(config, e);
        let address = config.link(&media::folder(e));
        for (lang, lf) in &e.texts {
            let dir = config.language(lang).map(|l| l.dir).unwrap_or(Dir::Ltr);
            let cx = markdown::Context::new(lang, dir, &config.languages)
                .with_words(words)
                .with_files(markdown::EntryFiles {
                    dir: &e.dir,
                    names: &e.assets,
                    address: &address,
                    pictures: &pictures,
                    sizes: media::BODY_SIZES,
                });
            let r = markdown::render(&lf.body, &cx);
            for mut d in r.problems {
                // A mistake in another file of the entry (a chart's CSV) is at its own line.
                d = match d.file.take() {
                    Some(other) => d.in_file(lf.path.with_file_name(other)),
                    None => {
                        d.line = d.line.map(|l| l + lf.body_line as u64 - 1);
                        d.in_file(&lf.path)
                    }
                };
                out.problems.push(d);
            }
            if !r.removed.is_empty() {
                out.problems.push(
                    Diagnostic::warning(format!(
                        "removed from the page because it could run code in a reader's browser: {}",
                        r.removed.join(", ")
                    ))
                    .in_file(&lf.path)
                    .hint("use plain Markdown or HTML without script, on...= attributes or javascript: addresses"),
                );
            }
            out.html.insert(lang.clone(), Packed::new(&r.html));
        }
        out
    }

    /// Replaces one entry's bodies (`None`: the entry is gone).
    pub fn set(&mut self, key: (Collection, String), bodies: Option<EntryBodies>) {
        match bodies {
            Some(b) => self.by_entry.insert(key, b),
            None => self.by_entry.remove(&key),
        };
    }

    pub fn get(&self, c: Collection, id: &str, lang: &str) -> Option<String> {
        self.by_entry
            .get(&(c, id) as &dyn crate::model::content::EntryKey)?
            .html
            .get(lang)?
            .unpack()
    }

    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.by_entry.values().flat_map(|b| b.problems.iter())
    }
}

/// A text in some language, ready for the page.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    /// The plain text, for attributes and sorting.
    pub text: String,
    /// Escaped, Latin runs isolated: print with `| safe`.
    pub html: String,
    pub lang: String,
    /// ` lang="he" dir="rtl"` when the text is not in the page's language, else empty.
    pub attrs: String,
    pub foreign: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub id: String,
    pub collection: Collection,
    pub url: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// A partner's role in an initiative, as a UI-string key (`role-lead`).
    pub role: Option<String>,
    /// A news item's date, formatted for the page.
    pub date: Option<String>,
    pub date_iso: Option<String>,
    /// The entry's picture (`image`, `logo`, `photo`) as a list's card shows it: beside the
    /// entry's name, so it only decorates (`alt=""`). Set by the lists (`pages::links_of`).
    pub image: Option<media::PictureView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Block<T: Serialize> {
    pub attrs: String,
    pub items: T,
}

impl Model<'_> {
    fn dir_of(&self, lang: &str) -> Dir {
        self.config
            .language(lang)
            .map(|l| l.dir)
            .unwrap_or(Dir::Ltr)
    }

    fn fmt(&self, lang: &str) -> &LangFormat {
        self.formats.get(lang)
    }

    /// The language an entry's text is taken from on a page in `lang`.
    pub fn text_lang<'e>(&self, e: &'e Entry, lang: &str) -> Option<(&'e str, &'e LangFile)> {
        if let Some((l, f)) = e.texts.get_key_value(lang) {
            return Some((l.as_str(), f));
        }
        for l in self.config.fallback_chain(lang) {
            if let Some((l, f)) = e.texts.get_key_value(l) {
                return Some((l.as_str(), f));
            }
        }
        e.texts.iter().next().map(|(l, f)| (l.as_str(), f))
    }

    /// The language file whose Markdown body the page of `e` in `lang` shows: the text's own,
    /// else the first along the fallback chain that has a body.
    pub fn body_lang<'e>(&self, e: &'e Entry, lang: &str) -> Option<(&'e str, &'e LangFile)> {
        let (l, f) = self.text_lang(e, lang)?;
        if f.has_body {
            return Some((l, f));
        }
        self.config.fallback_chain(lang).into_iter().find_map(|l| {
            e.texts
                .get_key_value(l)
                .filter(|(_, f)| f.has_body)
                .map(|(l, f)| (l.as_str(), f))
        })
    }

    /// A front-matter field on a page in `lang`: from the entry's own file in that language,
    /// else from the first language along the fallback chain that has it.
    fn field<'e, T>(
        &self,
        e: &'e Entry,
        lang: &str,
        get: impl Fn(&'e Front) -> Option<&'e T>,
    ) -> Option<(&'e str, &'e T)> {
        let (primary, _) = self.text_lang(e, lang)?;
        let order = std::iter::once(primary).chain(self.config.fallback_chain(lang));
        for l in order {
            if let Some((code, lf)) = e.texts.get_key_value(l)
                && let Some(v) = get(&lf.front)
            {
                return Some((code.as_str(), v));
            }
        }
        None
    }

    fn attrs(&self, text_lang: &str, page_lang: &str) -> String {
        if text_lang == page_lang {
            String::new()
        } else {
            format!(
                " lang=\"{}\" dir=\"{}\"",
                text_lang,
                self.dir_of(text_lang).as_str()
            )
        }
    }

    pub fn text(&self, s: &str, text_lang: &str, page_lang: &str) -> Text {
        Text {
            text: s.to_string(),
            html: isolate_ltr_runs(s, self.dir_of(text_lang)),
            lang: text_lang.to_string(),
            attrs: self.attrs(text_lang, page_lang),
            foreign: text_lang != page_lang,
        }
    }

    pub fn html(&self, s: &str, text_lang: &str) -> String {
        isolate_ltr_runs(s, self.dir_of(text_lang))
    }

    pub fn entry_url(&self, c: Collection, id: &str, lang: &str) -> String {
        self.config.link(&entry_path(c, id, lang))
    }

    pub fn title_of(&self, e: &Entry, lang: &str) -> Text {
        match self.field(e, lang, |f| f.title.as_ref()) {
            Some((l, t)) => self.text(t, l, lang),
            None => self.text(&e.id, lang, lang),
        }
    }

    /// The entry's picture (an initiative's or a news item's `image`, a partner's `logo`, a
    /// person's `photo`) on a list's card: decorative, as the card names the entry.
    pub fn card_image(&self, e: &Entry) -> Option<media::PictureView> {
        let name = e.file_ref()?;
        media::view(
            self.config,
            e,
            name.value.trim(),
            "",
            " class=\"card-image\"",
            media::CARD_SIZES,
        )
    }

    /// A news item's date, formatted for the page and as written (YYYY-MM-DD).
    fn news_date(&self, f: &NewsFacts, lang: &str) -> (Option<String>, Option<String>) {
        (
            f.date.as_ref().map(|d| self.fmt(lang).date(d.value.trim())),
            f.date.as_ref().map(|d| d.value.trim().to_string()),
        )
    }

    /// The link to entry (`c`, `id`) on a page in `lang`; to a draft left out of the site,
    /// its name with no address (`url` empty: templates show it without a link).
    pub fn link_to(&self, c: Collection, id: &str, lang: &str) -> Option<Link> {
        if let Some(made) = self.made_links.of(lang) {
            let all = made.get_or_init(|| {
                self.content
                    .entries
                    .values()
                    .filter_map(|e| {
                        Some((
                            (e.collection, e.id.clone()),
                            self.make_link(e.collection, &e.id, lang)?,
                        ))
                    })
                    .collect()
            });
            if let Some(link) = all.get(&(c, id) as &dyn EntryKey) {
                return Some(link.clone());
            }
        }
        self.make_link(c, id, lang)
    }

    fn make_link(&self, c: Collection, id: &str, lang: &str) -> Option<Link> {
        let Some(e) = self.content.get(c, id) else {
            let d = self.content.draft(c, id)?;
            return Some(Link {
                id: id.to_string(),
                collection: c,
                url: String::new(),
                title: self.title_of(d, lang),
                summary: None,
                role: None,
                date: None,
                date_iso: None,
                image: None,
            });
        };
        let summary = self
            .field(e, lang, |f| f.summary.as_ref())
            .map(|(l, s)| self.text(s, l, lang));
        let (date, date_iso) = match &e.facts {
            Facts::News(f) => self.news_date(f, lang),
            _ => (None, None),
        };
        Some(Link {
            id: id.to_string(),
            collection: c,
            url: self.entry_url(c, id, lang),
            title: self.title_of(e, lang),
            summary,
            role: None,
            date,
            date_iso,
            image: None,
        })
    }

    fn links<'r>(
        &self,
        c: Collection,
        ids: impl IntoIterator<Item = &'r str>,
        lang: &str,
    ) -> Vec<Link> {
        let mut seen = std::collections::HashSet::new();
        let mut v: Vec<Link> = ids
            .into_iter()
            .filter(|id| seen.insert(id.to_string()))
            .filter_map(|id| self.link_to(c, id, lang))
            .collect();
        self.sort_links(&mut v, lang);
        v
    }

    /// Sorted as the reader's language sorts; `order` first where the collection has it,
    /// news newest first.
    pub fn sort_links(&self, v: &mut [Link], lang: &str) {
        let f = self.fmt(lang);
        // Each link's `order` looked up once, not at every comparison.
        let orders: Vec<Option<i64>> = v
            .iter()
            .map(|l| self.order_of(l.collection, &l.id))
            .collect();
        let mut by: Vec<usize> = (0..v.len()).collect();
        by.sort_by(|&i, &j| {
            let (a, b) = (&v[i], &v[j]);
            match (&a.date_iso, &b.date_iso) {
                (Some(da), Some(db)) if da != db => return db.cmp(da),
                _ => {}
            }
            match (orders[i], orders[j]) {
                (Some(x), Some(y)) if x != y => return x.cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                _ => {}
            }
            f.compare(&a.title.text, &b.title.text)
                .then_with(|| a.id.cmp(&b.id))
        });
        permute(v, by);
    }

    fn order_of(&self, c: Collection, id: &str) -> Option<i64> {
        match &self.content.get(c, id)?.facts {
            Facts::Initiative(f) => f.order,
            Facts::Person(f) => f.order,
            _ => None,
        }
    }
}

/// Puts `v` in the order `by` gives: position k gets the item that was at `by[k]`.
fn permute<T>(v: &mut [T], mut by: Vec<usize>) {
    for start in 0..v.len() {
        // Along the cycle through `start`, each place takes its item with one swap.
        let mut k = start;
        while by[k] != start {
            let from = by[k];
            v.swap(k, from);
            by[k] = k;
            k = from;
        }
        by[k] = k;
    }
}

/// Tera with the theme's templates and Sulam's functions.
pub fn make_tera(
    templates: &[(String, String)],
    strings: Arc<Strings>,
    diags: &mut Diagnostics,
) -> Option<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    let s = strings.clone();
    // t(key="...", count=3, other=...): a UI string in the page's language.
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang: String = match kwargs.get::<String>("lang")? {
                Some(l) => l,
                None => state.get::<String>("lang")?.unwrap_or_default(),
            };
            let attr = kwargs.get::<bool>("attr")?.unwrap_or(false);
            let mut args = fluent_bundle::FluentArgs::new();
            for (k, v) in kwargs.iter() {
                let Some(name) = k.as_str() else { continue };
                if matches!(name, "key" | "lang" | "attr") {
                    continue;
                }
                if let Some(n) = v.as_f64() {
                    args.set(name.to_string(), fluent_bundle::FluentValue::from(n));
                } else if let Some(st) = v.as_str() {
                    args.set(
                        name.to_string(),
                        fluent_bundle::FluentValue::from(st.to_string()),
                    );
                }
            }
            let out = s.get(&lang, &key, Some(&args));
            Ok(if attr { strip_isolation(&out) } else { out })
        },
    );
    let mut ok = true;
    let refs: Vec<(&str, &str)> = templates
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(refs) {
        diags.push(
            Diagnostic::error(format!("a template has a mistake:\n{e}"))
                .hint("fix the template named in the message"),
        );
        ok = false;
    }
    ok.then_some(tera)
}

#[cfg(test)]
mod tests {
    use super::{Packed, permute};

    #[test]
    fn permute_puts_every_item_where_the_order_says() {
        // Every order of five items, against building the new list one by one.
        let items = ['a', 'b', 'c', 'd', 'e'];
        let mut orders: Vec<Vec<usize>> = vec![vec![]];
        for _ in 0..items.len() {
            let mut longer = Vec::new();
            for o in &orders {
                for i in (0..items.len()).filter(|i| !o.contains(i)) {
                    longer.push([o.as_slice(), &[i]].concat());
                }
            }
            orders = longer;
        }
        assert_eq!(orders.len(), 120);
        for by in orders {
            let want: Vec<char> = by.iter().map(|&i| items[i]).collect();
            let mut got = items;
            permute(&mut got, by.clone());
            assert_eq!(got.to_vec(), want, "{by:?}");
        }
    }

    #[test]
    fn a_packed_body_unpacks_to_the_same_html_and_takes_less_room() {
        let body = "<p dir=\"rtl\">שלום, مرحبا and <bdi>Hello</bdi>.</p>\n".repeat(200);
        for html in ["", "<p>א</p>", body.as_str()] {
            assert_eq!(Packed::new(html).unpack().as_deref(), Some(html));
        }
        let packed = Packed::new(&body);
        assert!(
            packed.0.len() * 4 < body.len(),
            "{} of {}",
            packed.0.len(),
            body.len()
        );
    }
}
