//! A site read and prepared for rendering: load (settings, theme, strings, content,
//! references, Markdown bodies) → problems → pages → render. `build` renders it once in
//! batches, `check` renders it in memory, and `serve` keeps it and renders again only what a
//! change touches.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::content::{self, Collection, Content, is_home};
use crate::model::folders;
use crate::model::link::{self, Links};
use crate::model::urls::{self, entry_path, index_file};
use crate::output::Output;
use crate::render::extras::write_extras;
use crate::render::pages::{RenderedPage, render_page};
use crate::render::theme::{self, Theme};
use crate::render::{self, Bodies, Model};
use crate::text::format::Formats;
use crate::text::i18n::{Source, Strings};
use crate::text::markdown::Words;

pub use crate::render::Page;

pub struct BuiltSite {
    pub output: Output,
    pub pages: usize,
    /// The site's settings, for checks that run after the build.
    pub config: SiteConfig,
    /// Every entry's file, with the paths in the output it is published at (its own, then
    /// its versions'), for the unused-file check.
    pub assets: Vec<(PathBuf, Vec<String>)>,
    /// The theme's templates by name, and the UI strings, for the UI-string check.
    pub templates: Vec<(String, String)>,
    pub strings: Arc<Strings>,
    /// Which language file's Markdown each entry page shows, for the link check to report a
    /// broken link where it is written.
    pub shown: Vec<ShownBody>,
}

/// The Markdown body an entry's page shows: its own language's, or a fallback's.
pub struct ShownBody {
    /// The page, as a file of the output: `he/initiatives/alpha/index.html`.
    pub page: String,
    /// The language file, relative to the site.
    pub file: PathBuf,
    /// The line of the file on which the body starts.
    pub body_line: usize,
    pub body: String,
    /// Where the entry's files are published, as a folder of the output: a relative link of
    /// the body that names one of them leads there.
    pub media: String,
}

/// Builds the whole site in memory.
pub fn render_site(root: &Path, base_url: Option<&str>) -> (Option<BuiltSite>, Diagnostics) {
    let site = match Site::load(root, base_url, Drafts::Hidden) {
        Ok(site) => site,
        Err(diags) => return (None, diags),
    };
    let mut diags = site.problems();
    let mut out = Output::default();
    let pages = site.render_all(usize::MAX, &mut diags, |batch, _, _| {
        out.extend(batch);
        Ok(())
    });
    // Kept in memory, nothing fails to be written.
    let pages = pages.unwrap_or_default();
    let assets = site
        .content
        .entries
        .values()
        .flat_map(|e| {
            e.assets
                .iter()
                .map(|a| (e.dir.join(a), crate::render::media::published(e, a)))
        })
        .collect();
    let shown = shown_bodies(&site);
    let Site {
        config,
        templates,
        strings,
        ..
    } = site;
    (
        Some(BuiltSite {
            output: out,
            pages,
            config,
            assets,
            templates,
            strings,
            shown,
        }),
        diags,
    )
}

/// For every entry page in every language, the language file whose body it shows.
fn shown_bodies(site: &Site) -> Vec<ShownBody> {
    let m = site.model();
    let mut shown = Vec::new();
    for e in site.content.entries.values() {
        for l in &site.config.languages {
            if let Some((_, f)) = m.body_lang(e, &l.code) {
                shown.push(ShownBody {
                    page: index_file(&entry_path(e.collection, &e.id, &l.code)),
                    file: f.path.clone(),
                    body_line: f.body_line,
                    body: f.body.clone(),
                    media: crate::render::media::folder(e),
                });
            }
        }
    }
    shown
}

/// Whether drafts (`draft: true`) are published: `build` and `check` leave them out, `serve`
/// and `build --drafts` show them, marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drafts {
    Hidden,
    Shown,
}

/// A site read and prepared for rendering: settings, theme, strings, content, references and
/// Markdown bodies. `build` renders it once; `serve` keeps it and renders again only what a
/// change touches.
pub struct Site {
    pub config: SiteConfig,
    pub theme: Theme,
    pub strings: Arc<Strings>,
    pub templates: Vec<(String, String)>,
    tera: tera::Tera,
    formats: Formats,
    pub content: Content,
    links: Links,
    /// What the reference checks found; redone with the references.
    link_problems: Diagnostics,
    bodies: Bodies,
    related: crate::model::related::Relatedness,
    /// What every town map shares, made for the first.
    maps: render::map::Shared,
    /// Every entry's link in each language, made for the first page that needs them.
    made_links: render::MadeLinks,
    /// Mistakes outside any entry: site.yaml, the theme, UI strings, the folders of content/.
    base_problems: Diagnostics,
}

/// What a batch of rendered files is, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    /// This many of [`Site::pages`], each in every language. The filter pages, one of them,
    /// come in batches of their own ([`Batch::Filters`]) and count once they are all done.
    Pages(usize),
    Filters,
    /// The sitemap, feeds, redirects and the other files that are not pages.
    Extras,
    /// One language's search index.
    Search,
}

/// What changed in `content/`, as `serve` sees it.
pub enum Change {
    /// Only the files inside these existing entries changed: the pages that show them are
    /// rendered again, and the extras (sitemap, feeds) when `extras`.
    Entries { pages: Vec<Page>, extras: bool },
    /// Entries were added or removed, or something outside the entries changed: render all.
    Everything,
}

impl Site {
    /// Reads and prepares the site. `Err` when it cannot be rendered at all (no site.yaml, a
    /// broken template); other mistakes are kept and told by `problems`.
    pub fn load(root: &Path, base_url: Option<&str>, drafts: Drafts) -> Result<Site, Diagnostics> {
        Site::read(root, base_url, drafts, true)
    }

    /// As `load`, letting go of each body's Markdown as soon as it is rendered: a build needs
    /// only the HTML after that (`check` reports links by the Markdown, and `serve` renders a
    /// changed entry again, so both keep it).
    pub fn load_for_build(
        root: &Path,
        base_url: Option<&str>,
        drafts: Drafts,
    ) -> Result<Site, Diagnostics> {
        Site::read(root, base_url, drafts, false)
    }

    fn read(
        root: &Path,
        base_url: Option<&str>,
        drafts: Drafts,
        keep_markdown: bool,
    ) -> Result<Site, Diagnostics> {
        let mut diags = Diagnostics::default();
        let Some(config) = SiteConfig::load(root, base_url, &mut diags) else {
            crate::salvage::check_content(root, &mut diags);
            return Err(diags);
        };
        let mut content = content::load(&config, &mut diags);
        if drafts == Drafts::Hidden {
            content.hide_drafts();
        }
        let Some(theme) = Theme::load(&config, &mut diags) else {
            return Err(diags);
        };
        let strings = Arc::new(load_strings(&config, &theme, &mut diags));
        let templates = theme.templates(&mut diags);
        let Some(tera) = render::make_tera(&templates, strings.clone(), &mut diags) else {
            return Err(diags);
        };
        let formats = Formats::new(config.languages.iter().map(|l| l.code.as_str()));
        let mut link_problems = Diagnostics::default();
        let links = link::link(&content, &mut link_problems);
        let words = Some(Words {
            strings: &strings,
            formats: &formats,
        });
        let bodies = if keep_markdown {
            Bodies::render_all(&config, &content, words)
        } else {
            // Each entry's Markdown goes once its HTML is made, so that the two are never
            // all held at once.
            let bodies = Bodies::render_all_forgetting(&config, &mut content, words);
            content.forget_bodies();
            bodies
        };
        let related = crate::model::related::Relatedness::new(&content);
        if content.statement().is_none() && config.accessibility.is_none() {
            diags.push(
                Diagnostic::warning("the site has no accessibility statement")
                    .in_file(crate::model::config::SITE_FILE)
                    .hint("Israeli regulations require one on every public site: add 'accessibility:' to site.yaml (see docs/accessibility.md)"),
            );
        }
        let made_links = render::MadeLinks::new(&config);
        Ok(Site {
            config,
            theme,
            strings,
            templates,
            tera,
            formats,
            content,
            links,
            link_problems,
            bodies,
            related,
            maps: render::map::Shared::default(),
            made_links,
            base_problems: diags,
        })
    }

    /// Every mistake known now, sorted by file and line.
    pub fn problems(&self) -> Diagnostics {
        let mut d = self.base_problems.clone();
        for p in self.content.problems().chain(self.bodies.problems()) {
            d.push(p.clone());
        }
        d.extend(self.link_problems.clone());
        d.sorted()
    }

    /// The strings and formats Markdown components print with.
    fn words(&self) -> Words<'_> {
        Words {
            strings: &self.strings,
            formats: &self.formats,
        }
    }

    pub fn model(&self) -> Model<'_> {
        Model {
            config: &self.config,
            content: &self.content,
            links: &self.links,
            formats: &self.formats,
            strings: &self.strings,
            bodies: &self.bodies,
            related: &self.related,
            maps: &self.maps,
            made_links: &self.made_links,
        }
    }

    /// Every page of the site.
    pub fn pages(&self) -> Vec<Page> {
        let content = &self.content;
        let mut v = vec![Page::Home];
        v.extend(
            Collection::ALL
                .into_iter()
                .filter(|c| *c != Collection::Pages && content.of(*c).next().is_some())
                .map(Page::List),
        );
        v.extend(
            content
                .entries
                .values()
                .filter(|e| !e.is_home())
                .map(|e| Page::Entry(e.collection, e.id.clone())),
        );
        if content.statement().is_none() && self.config.accessibility.is_some() {
            v.push(Page::Statement);
        }
        v.push(Page::Filters);
        v
    }

    /// The page that writes `file` (a file of the output), if one of [`Site::pages`] does.
    pub fn page_at(&self, file: &str) -> Option<Page> {
        for l in &self.config.languages {
            let lang = l.code.as_str();
            if file == urls::index_file(&urls::home_path(lang)) {
                return Some(Page::Home);
            }
            if urls::is_filter_file(lang, file) {
                return Some(Page::Filters);
            }
            if let Some(c) = Collection::ALL
                .into_iter()
                .find(|c| urls::is_list_file(*c, lang, file))
            {
                return Some(Page::List(c));
            }
            let Some(rest) = file.strip_prefix(lang).and_then(|r| r.strip_prefix('/')) else {
                continue;
            };
            // `<collection>/<id>/index.html`, or a further page of the initiatives it lists.
            let mut parts = rest.splitn(3, '/');
            if let (Some(name), Some(id), Some(tail)) = (parts.next(), parts.next(), parts.next())
                && let Some(c) = Collection::from_name(name)
                && self.content.get(c, id).is_some()
                && !is_home(c, id)
                && (tail == "index.html" || urls::is_entry_further_file(c, id, lang, file))
            {
                return Some(Page::Entry(c, id.to_string()));
            }
        }
        None
    }

    /// Reads the given entries again after their files changed, and tells which pages show
    /// them, before the change or after it.
    pub fn update_entries(&mut self, keys: &[(Collection, String)]) -> Change {
        let mut pages = std::collections::BTreeSet::new();
        let mut reloaded = Vec::new();
        // Entries whose change shows beyond their own pages.
        let mut widened = Vec::new();
        let mut relink = false;
        for (c, id) in keys {
            let Some(entry) = content::reload_entry(&self.config, *c, id) else {
                return Change::Everything;
            };
            let Some(old) = self.content.get(*c, id) else {
                // A new entry changes lists and counts everywhere.
                return Change::Everything;
            };
            if *c == Collection::Pages {
                // A page's title is in every footer.
                return Change::Everything;
            }
            if *c == Collection::Towns && old.facts != entry.facts {
                // A town's place frames every map.
                return Change::Everything;
            }
            // The reference checks look at the facts and at the entry's files.
            relink |= old.assets != entry.assets;
            if same_elsewhere(old, &entry) {
                pages.insert(Page::Entry(*c, id.clone()));
            } else {
                pages.extend(self.shown_on(*c, id));
                widened.push((*c, id.clone()));
            }
            reloaded.push(entry);
        }
        // Their titles, summaries or dates are in the links of other pages.
        if !widened.is_empty() {
            self.made_links = render::MadeLinks::new(&self.config);
        }
        for entry in reloaded {
            let key = (entry.collection, entry.id.clone());
            self.bodies.set(
                key.clone(),
                Some(Bodies::render_entry(
                    &self.config,
                    &entry,
                    Some(self.words()),
                )),
            );
            self.content.entries.insert(key, entry);
        }
        if relink || !widened.is_empty() {
            let mut link_problems = Diagnostics::default();
            self.links = link::link(&self.content, &mut link_problems);
            self.link_problems = link_problems;
        }
        if !widened.is_empty() {
            self.related = crate::model::related::Relatedness::new(&self.content);
        }
        for (c, id) in &widened {
            pages.extend(self.shown_on(*c, id));
        }
        // The sitemap names each entry's languages, the feeds show news items whole; other
        // extras do not change with one entry's text.
        let extras = !widened.is_empty() || keys.iter().any(|(c, _)| *c == Collection::News);
        Change::Entries {
            pages: pages.into_iter().collect(),
            extras,
        }
    }

    /// Whether `file` (a file of the output) is one that rendering `page` writes, in this
    /// state of the site or another: a list's pages and a year's news, the filter pages, come
    /// and go with the entries and their facts, as do the further pages of the initiatives an
    /// entry lists, and `serve` removes those a new rendering of `page` no longer writes. Other
    /// pages write one file each, always.
    pub fn writes(&self, page: &Page, file: &str) -> bool {
        self.config.languages.iter().any(|l| match page {
            Page::List(c) => urls::is_list_file(*c, &l.code, file),
            Page::Filters => urls::is_filter_file(&l.code, file),
            Page::Entry(c, id) => urls::is_entry_further_file(*c, id, &l.code, file),
            Page::Home | Page::Statement => false,
        })
    }

    /// The pages that show something of entry (`c`, `id`): its own, the entries it names and
    /// that name it, its collection's list, and the home page for initiatives and news.
    fn shown_on(&self, c: Collection, id: &str) -> Vec<Page> {
        let mut v = vec![Page::Entry(c, id.to_string()), Page::List(c)];
        if matches!(c, Collection::Initiatives | Collection::News) || is_home(c, id) {
            v.push(Page::Home);
        }
        for (nc, nid) in self.links.named_by(c, id) {
            v.push(Page::Entry(*nc, nid.clone()));
        }
        for b in self.links.to(c, id) {
            v.push(Page::Entry(b.from, b.id.clone()));
        }
        match c {
            // The suggested related initiatives of those sharing a town, partner or domain
            // may name it; the filter pages list it.
            Collection::Initiatives => {
                v.push(Page::Filters);
                for (nc, nid) in self.links.named_by(c, id) {
                    for b in self
                        .links
                        .from_collection(*nc, nid, Collection::Initiatives)
                    {
                        v.push(Page::Entry(Collection::Initiatives, b.id.clone()));
                    }
                }
            }
            // Their names are filter options and reasons for suggested initiatives.
            Collection::Towns
            | Collection::Partners
            | Collection::Domains
            | Collection::Sectors => {
                v.push(Page::List(Collection::Initiatives));
                v.push(Page::Filters);
                v.extend(
                    self.content
                        .ids(Collection::Initiatives)
                        .map(|i| Page::Entry(Collection::Initiatives, i.to_string())),
                );
            }
            _ => {}
        }
        v.retain(|p| match p {
            Page::Entry(c, id) => !is_home(*c, id),
            _ => true,
        });
        v
    }

    /// The one render sequence that `build`, `check` and `serve` share: every page in every
    /// language, then the extras (sitemap, feeds, theme files, …) and the search index, and
    /// last the UI strings that were asked for and missing. The output goes to `sink` in
    /// batches of `batch` pages, so that `build` never holds a large site in memory; `sink`
    /// sees the mistakes so far. The filter pages go in batches of their own, one language
    /// and as many files as `batch` pages make at a time, then the extras, then each
    /// language's search index. Returns how many pages were rendered, or the first error
    /// `sink` returned.
    pub fn render_all(
        &self,
        batch: usize,
        diags: &mut Diagnostics,
        sink: impl FnMut(Output, Batch, &Diagnostics) -> Result<(), Diagnostic>,
    ) -> Result<usize, Diagnostic> {
        let batch = batch.max(1);
        let files = batch.saturating_mul(self.config.languages.len());
        self.render_batched(
            diags,
            |rest| rest.drain(..batch.min(rest.len())).collect(),
            files,
            sink,
        )
    }

    /// [`Site::render_all`], each batch being what `pick` takes out of the pages still to
    /// render (all of them to begin with, in the order of [`Site::pages`]): `serve` renders
    /// first the pages a browser is waiting for.
    pub fn render_picked(
        &self,
        diags: &mut Diagnostics,
        pick: impl FnMut(&mut Vec<Page>) -> Vec<Page>,
        sink: impl FnMut(Output, Batch, &Diagnostics) -> Result<(), Diagnostic>,
    ) -> Result<usize, Diagnostic> {
        self.render_batched(diags, pick, FILTER_BATCH, sink)
    }

    /// [`Site::render_picked`], with `filter_batch` filter pages at most in a batch.
    fn render_batched(
        &self,
        diags: &mut Diagnostics,
        mut pick: impl FnMut(&mut Vec<Page>) -> Vec<Page>,
        filter_batch: usize,
        mut sink: impl FnMut(Output, Batch, &Diagnostics) -> Result<(), Diagnostic>,
    ) -> Result<usize, Diagnostic> {
        let mut rest = self.pages();
        let mut rendered = 0;
        let mut addresses = Addresses::default();
        let mut batch = |out: Output, what: Batch, diags: &mut Diagnostics| {
            addresses.note(&out, self, diags);
            sink(out, what, diags)
        };
        let m = self.model();
        while !rest.is_empty() {
            let mut pages = pick(&mut rest);
            if pages.is_empty() {
                pages.push(rest.remove(0));
            }
            // The filter pages are the largest batch of a large site: they go a language at a
            // time, in batches of their own.
            let filters = pages.contains(&Page::Filters);
            pages.retain(|p| *p != Page::Filters);
            if !pages.is_empty() {
                let mut out = Output::default();
                rendered += self.render_pages(&pages, &mut out, diags);
                batch(out, Batch::Pages(pages.len()), diags)?;
            }
            if filters {
                let values = crate::render::filters::FacetTable::new(&m);
                for l in &self.config.languages {
                    rendered += crate::render::filters::render_language(
                        &m,
                        &self.tera,
                        &values,
                        &l.code,
                        filter_batch,
                        diags,
                        &mut |out, diags| batch(out, Batch::Filters, diags),
                    )?;
                }
                // The filter pages are one of `pages()`: done.
                batch(Output::default(), Batch::Pages(1), diags)?;
            }
        }
        let mut out = Output::default();
        self.render_extras(&mut out, diags);
        batch(out, Batch::Extras, diags)?;
        // Each language's search index on its own, for the same reason.
        for l in &self.config.languages {
            let mut out = Output::default();
            self.render_search_lang(&l.code, &mut out);
            batch(out, Batch::Search, diags)?;
        }
        self.strings.report_missing(diags);
        Ok(rendered)
    }

    /// Renders `pages` in every language into `out`, in parallel; returns how many were
    /// written.
    pub fn render_pages(&self, pages: &[Page], out: &mut Output, diags: &mut Diagnostics) -> usize {
        let m = self.model();
        let jobs: Vec<(&str, &Page)> = self
            .config
            .languages
            .iter()
            .flat_map(|l| pages.iter().map(move |p| (l.code.as_str(), p)))
            .filter(|(_, p)| **p != Page::Filters)
            .collect();
        let results: Vec<Result<Vec<RenderedPage>, Diagnostic>> = jobs
            .par_iter()
            .map(|(lang, page)| render_page(&m, &self.tera, page, lang))
            .collect();
        let mut count = 0;
        for r in results {
            match r {
                Ok(rendered) => {
                    for p in rendered {
                        out.add(p.path, p.html);
                        count += 1;
                    }
                }
                Err(d) => diags.push(d),
            }
        }
        // An entry's files, once whatever the number of languages.
        for page in pages {
            let entry = match page {
                Page::Entry(c, id) => self.content.get(*c, id),
                Page::Home => self.content.home(),
                _ => None,
            };
            if let Some(e) = entry {
                crate::render::media::entry_files(e, out);
            }
        }
        if pages.contains(&Page::Filters) {
            count += crate::render::filters::render_pages(&m, &self.tera, out, diags);
        }
        count
    }

    /// The files that are not pages of entries: language chooser, 404, theme files, static/,
    /// sitemap, robots.txt.
    pub fn render_extras(&self, out: &mut Output, diags: &mut Diagnostics) {
        write_extras(&self.model(), &self.theme, &self.tera, out, diags);
    }

    /// The extras a browser may ask for before any page (see `extras::write_front`).
    pub fn render_front(&self, out: &mut Output, diags: &mut Diagnostics) {
        crate::render::extras::write_front(&self.model(), &self.theme, &self.tera, out, diags);
    }

    /// The mistake of the author's file `source`, published at `path` where Sulam writes a file
    /// of its own (for `serve`, which renders a few pages at a time).
    pub fn clash(&self, path: &str, source: &Path) -> Diagnostic {
        clash(&self.config.root, &self.theme, path, source)
    }

    /// The search index of each language (`search/<lang>.js`).
    pub fn render_search(&self, out: &mut Output) {
        crate::search::write_indexes(&self.model(), out);
    }

    /// The search index of one language.
    pub fn render_search_lang(&self, lang: &str, out: &mut Output) {
        crate::search::write_index(&self.model(), lang, out);
    }
}

/// How many filter pages (of one language) `serve` renders before it takes them in: as many
/// files as a batch of `build`'s pages in three languages.
const FILTER_BATCH: usize = 768;

/// Every address of a site rendered in batches, to find an author's file (an entry's asset,
/// a file of `static/`) published where a generated file goes, or where another author's
/// file goes: whichever was written last would replace the other without a word. A clash
/// is told before the batch that completes it reaches `sink`, so `build` writes no more.
#[derive(Default)]
struct Addresses {
    generated: HashSet<String>,
    /// The author's file at each address, and whether the file there is a version Sulam
    /// makes of it (`photo.480.webp` of `photo.jpg`) rather than the file itself.
    copied: BTreeMap<String, (PathBuf, bool)>,
}

impl Addresses {
    /// Takes in the addresses of one batch, and tells of each clash as soon as both files
    /// are known: before the batch is written.
    fn note(&mut self, out: &Output, site: &Site, diags: &mut Diagnostics) {
        for path in out.files.keys() {
            if let Some((source, _)) = self.copied.get(path) {
                diags.push(site.clash(path, source));
            }
        }
        self.generated.extend(out.files.keys().cloned());
        let copies = out.copies.iter().map(|(path, s)| (path, s, false));
        let made = out.made.iter().map(|(path, m)| (path, &m.source, true));
        for (path, source, is_made) in copies.chain(made) {
            match self.copied.get(path) {
                Some((first, first_made)) if first != source => {
                    let shown =
                        |p: &Path| p.strip_prefix(&site.config.root).unwrap_or(p).to_path_buf();
                    let d = match (first_made, is_made) {
                        (false, false) => Diagnostic::error(format!(
                            "this file would be published at /{path}, where {} is published too",
                            shown(first).display()
                        ))
                        .in_file(shown(source))
                        .hint("rename one of the two files"),
                        (true, true) => Diagnostic::error(format!(
                            "this picture's smaller version would be published at /{path}, where Sulam puts one of {} too",
                            shown(first).display()
                        ))
                        .in_file(shown(source))
                        .hint("two pictures of an entry need different names before the extension: rename one of them"),
                        (_, _) => {
                            let (file, picture) = if is_made {
                                (first, source)
                            } else {
                                (source, first)
                            };
                            Diagnostic::error(format!(
                                "this file would be published at /{path}, where Sulam puts a smaller version of {}",
                                shown(picture).display()
                            ))
                            .in_file(shown(file))
                            .hint("rename this file: the versions of a picture are named <name>.<width>.<jpg, png or webp>")
                        }
                    };
                    diags.push(d);
                }
                Some(_) => {}
                None => {
                    if self.generated.contains(path) {
                        diags.push(site.clash(path, source));
                    }
                    self.copied.insert(path.clone(), (source.clone(), is_made));
                }
            }
        }
    }
}

/// The mistake of an author's file, `source`, that would be published at `path`, where Sulam
/// writes a file of its own.
fn clash(root: &Path, theme: &Theme, path: &str, source: &Path) -> Diagnostic {
    let theirs = theme.statics().any(|(name, _)| name == path);
    let what = if theirs {
        format!("the theme's file {path}")
    } else {
        match path {
            "index.html" => "the language chooser".to_string(),
            "404.html" => "the page shown for an address the site does not have".into(),
            "sitemap.xml" => "the sitemap".into(),
            "robots.txt" => "the robots.txt that tells search engines where the sitemap is".into(),
            p if p.starts_with("search/") => "the search index".into(),
            p if p.ends_with("feed.xml") => "a news feed".into(),
            _ => "a page of the site".into(),
        }
    };
    let d = Diagnostic::error(format!(
        "this file would be published at /{path}, where {what} goes"
    ));
    if theirs && path.ends_with(".css") {
        d.hint("rename the file. To change a few things of the theme's look, write them in static/custom.css, which is linked after the theme's stylesheet; to replace the stylesheet, copy the theme into themes/<name>/, change its static/sulam.css and write 'theme: <name>' in site.yaml")
    } else {
        d.hint("rename the file")
    }
    .in_file(source.strip_prefix(root).unwrap_or(source))
}

/// Whether other pages show the same of `new` as of `old`: they show an entry's facts (its
/// references, date, image), its title and summary, and which languages it has, never its
/// body or its other texts.
fn same_elsewhere(old: &content::Entry, new: &content::Entry) -> bool {
    old.facts == new.facts
        && old.texts.len() == new.texts.len()
        && old.texts.iter().zip(&new.texts).all(|((la, a), (lb, b))| {
            la == lb && a.front.title == b.front.title && a.front.summary == b.front.summary
        })
}

fn load_strings(config: &SiteConfig, theme: &Theme, diags: &mut Diagnostics) -> Strings {
    let mut texts: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for l in &config.languages {
        let mut files = Vec::new();
        if let Some(t) = theme.strings(&l.code) {
            files.push((folders::theme_strings_file(&config.theme, &l.code), t));
        }
        if let Some(t) = theme::read_site_strings(&config.root, &l.code, diags) {
            files.push((folders::strings_file(&l.code), t));
        }
        texts.insert(l.code.clone(), files);
    }
    let sources: HashMap<String, Vec<Source>> = texts
        .iter()
        .map(|(l, files)| {
            (
                l.clone(),
                files
                    .iter()
                    .map(|(label, text)| Source {
                        label: label.clone(),
                        text,
                    })
                    .collect(),
            )
        })
        .collect();
    let chains = config
        .languages
        .iter()
        .map(|l| {
            (
                l.code.clone(),
                config
                    .fallback_chain(&l.code)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            )
        })
        .collect();
    Strings::new(&sources, chains, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        match Site::load(root, None, Drafts::Hidden) {
            Ok(site) => site,
            Err(diags) => panic!("the example site loads: {:?}", diags.all()),
        }
    }

    /// The site's languages, in the order of site.yaml.
    fn codes(site: &Site) -> Vec<&str> {
        site.config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect()
    }

    #[test]
    fn every_page_a_page_writes_leads_back_to_it() {
        let site = example();
        let mut kinds = HashSet::new();
        for page in site.pages() {
            if page == Page::Statement {
                continue;
            }
            let mut out = Output::default();
            site.render_pages(
                std::slice::from_ref(&page),
                &mut out,
                &mut Diagnostics::default(),
            );
            let files: Vec<&String> = out.files.keys().filter(|f| f.ends_with(".html")).collect();
            assert!(!files.is_empty(), "{page:?} writes pages");
            for f in files {
                assert_eq!(site.page_at(f), Some(page.clone()), "{f}");
            }
            kinds.insert(std::mem::discriminant(&page));
        }
        assert_eq!(
            kinds.len(),
            4,
            "home, lists, entries and filters were all tried"
        );
        // A list's further pages, whether or not this site has them.
        assert_eq!(
            site.page_at("ar/initiatives/page/2/index.html"),
            Some(Page::List(Collection::Initiatives))
        );
        for other in [
            "sulam.css",
            "index.html",
            "he/initiatives/no-such-initiative/index.html",
            "fr/index.html",
            "he/initiatives/municipal-mobility/photo.jpg",
            "he/initiatives/municipal-mobility/x/index.html",
        ] {
            assert_eq!(site.page_at(other), None, "{other}");
        }
    }

    #[test]
    fn the_pages_picked_first_are_rendered_first() {
        let site = example();
        let last = site
            .pages()
            .into_iter()
            .rfind(|p| matches!(p, Page::Entry(..)))
            .expect("an entry");
        let mut batches: Vec<Vec<String>> = Vec::new();
        let pick = |rest: &mut Vec<Page>| -> Vec<Page> {
            let i = rest.iter().position(|p| *p == last).unwrap_or(0);
            vec![rest.remove(i)]
        };
        let rendered = site.render_picked(&mut Diagnostics::default(), pick, |out, _, _| {
            batches.push(out.files.keys().cloned().collect());
            Ok(())
        });
        let Page::Entry(c, id) = &last else {
            unreachable!()
        };
        assert_eq!(
            batches[0],
            ["ar", "en", "he"].map(|l| index_file(&entry_path(*c, id, l)))
        );
        // Then every other page, the filter pages in batches of their own, the extras, and
        // each language's search index on its own.
        assert!(rendered.expect("rendered") > site.pages().len());
        let langs = codes(&site);
        let last = &batches[batches.len() - langs.len()..];
        for (files, lang) in last.iter().zip(&langs) {
            assert!(!files.is_empty());
            assert!(
                files
                    .iter()
                    .all(|f| f.starts_with(&format!("search/{lang}"))),
                "{lang}: {files:?}"
            );
        }
    }

    #[test]
    fn a_site_rendered_in_small_batches_is_the_same_site() {
        let site = example();
        let mut whole = Output::default();
        let all = site.render_all(usize::MAX, &mut Diagnostics::default(), |out, _, _| {
            whole.extend(out);
            Ok(())
        });
        let mut pieces = Output::default();
        let mut batches: Vec<Vec<String>> = Vec::new();
        let small = site.render_all(1, &mut Diagnostics::default(), |out, _, _| {
            batches.push(out.files.keys().cloned().collect());
            pieces.extend(out);
            Ok(())
        });
        assert_eq!(all.expect("rendered"), small.expect("rendered"));
        assert_eq!(
            whole.files.keys().collect::<Vec<_>>(),
            pieces.files.keys().collect::<Vec<_>>()
        );
        assert!(whole.files == pieces.files, "the same bytes");
        // A batch of one page is three files: the filter pages go three at a time, one
        // language at a time.
        let langs = codes(&site);
        let filters: Vec<&Vec<String>> = batches
            .iter()
            .filter(|b| b.iter().any(|f| f.contains("/filter/")))
            .collect();
        assert!(filters.len() > 2 * langs.len(), "{} batches", filters.len());
        for b in filters {
            assert!(b.len() <= langs.len(), "{b:?}");
            let lang = b[0].split('/').next().unwrap_or_default();
            assert!(
                b.iter().all(|f| f.starts_with(&format!("{lang}/filter/"))),
                "{b:?}"
            );
        }
    }

    /// The cards of the filtered list, rendered a few at a time, are the cards rendered at
    /// once: in every language, one card at a time, and with a theme's `cards.html` that
    /// wraps the loop (then rendered whole).
    #[test]
    fn cards_rendered_a_few_at_a_time_are_the_cards_rendered_at_once() {
        use crate::render::filters::{cards_html, of_language};
        let site = example();
        let m = site.model();
        let whole = |tera: &tera::Tera, filters: &crate::render::filters::Filters, lang: &str| {
            let mut ctx = tera::Context::new();
            ctx.insert("lang", lang);
            ctx.insert("filters", filters);
            ctx.insert(
                "items",
                &crate::render::pages::links_of(&m, Collection::Initiatives, lang),
            );
            crate::render::pages::render_template(tera, "cards.html", &ctx, "cards")
                .expect("rendered")
        };
        let mut wrapping = site.tera.clone();
        wrapping
            .add_raw_template(
                "cards.html",
                "<ul>{% for l in items %}{% include \"card.html\" %}{% endfor %}</ul>\n",
            )
            .expect("a template");
        for lang in codes(&site) {
            let filters = of_language(&m, lang).expect("the example's initiatives have filters");
            let at_once = whole(&site.tera, &filters, lang);
            assert!(
                at_once.matches("<li class=\"card\"").count() > 3,
                "{at_once}"
            );
            for n in [1, 2, 500] {
                let pieces = cards_html(&m, &site.tera, &filters, lang, "cards", n).ok();
                assert_eq!(
                    pieces.as_deref(),
                    Some(at_once.as_str()),
                    "{lang}, {n} at once"
                );
            }
            let wrapped = whole(&wrapping, &filters, lang);
            assert!(wrapped.starts_with("<ul>") && wrapped.ends_with("</ul>\n"));
            let pieces = cards_html(&m, &wrapping, &filters, lang, "cards", 1).ok();
            assert_eq!(pieces.as_deref(), Some(wrapped.as_str()), "{lang}, wrapped");
        }
    }

    /// A site read for a build lets each body's Markdown go once it is rendered, and
    /// renders the same files as a site read for `check` or `serve`, which keeps it.
    #[test]
    fn a_site_read_for_a_build_keeps_no_markdown_and_renders_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let Ok(lean) = Site::load_for_build(root, None, Drafts::Hidden) else {
            panic!("the example site loads");
        };
        let kept = example();
        let files = |site: &Site| {
            let mut out = Output::default();
            let rendered = site.render_all(usize::MAX, &mut Diagnostics::default(), |o, _, _| {
                out.extend(o);
                Ok(())
            });
            assert!(rendered.is_ok());
            out.files
        };
        let texts = |site: &Site| -> Vec<(String, bool)> {
            site.content
                .entries
                .values()
                .flat_map(|e| e.texts.values())
                .map(|f| (f.body.clone(), f.has_body))
                .collect()
        };
        let (lean_texts, kept_texts) = (texts(&lean), texts(&kept));
        assert!(lean_texts.iter().all(|(body, _)| body.is_empty()));
        assert!(
            kept_texts
                .iter()
                .filter(|(body, _)| !body.is_empty())
                .count()
                > 20
        );
        let has_body = |t: &[(String, bool)]| t.iter().map(|(_, h)| *h).collect::<Vec<_>>();
        assert_eq!(has_body(&lean_texts), has_body(&kept_texts));
        assert!(
            files(&lean) == files(&kept),
            "the same files, byte for byte"
        );
    }

    /// What `build`'s progress line counts: each batch says what it is, the pages add up to
    /// `pages()`, and they are all done only after the last filter page.
    #[test]
    fn each_batch_says_what_it_holds() {
        let site = example();
        let mut seen: Vec<(Batch, Vec<String>)> = Vec::new();
        let rendered = site.render_all(4, &mut Diagnostics::default(), |out, what, _| {
            seen.push((what, out.files.keys().cloned().collect()));
            Ok(())
        });
        assert!(rendered.is_ok());
        let pages: usize = seen
            .iter()
            .map(|(b, _)| match b {
                Batch::Pages(n) => *n,
                _ => 0,
            })
            .sum();
        assert_eq!(pages, site.pages().len());
        let last_page = seen
            .iter()
            .rposition(|(b, _)| matches!(b, Batch::Pages(_)))
            .expect("pages");
        let last_filter = seen
            .iter()
            .rposition(|(b, _)| *b == Batch::Filters)
            .expect("filter pages");
        assert!(
            last_filter < last_page,
            "the pages end after the filter pages"
        );
        assert!(
            seen.iter()
                .any(|(b, files)| *b == Batch::Filters && !files.is_empty()),
            "the example has filter pages"
        );
        for (b, files) in &seen {
            let filter_files = files.iter().filter(|f| f.contains("/filter/")).count();
            match b {
                // The filter pages, and the cards and boxes they share (none of which a
                // small list needs).
                Batch::Filters => assert!(
                    files
                        .iter()
                        .all(|f| f.contains("/filter/") || f.contains("/initiatives/")),
                    "{files:?}"
                ),
                Batch::Pages(n) => {
                    assert!(*n <= 4, "{n}");
                    assert_eq!(filter_files, 0, "{files:?}");
                }
                Batch::Extras => assert!(files.iter().any(|f| f == "sitemap.xml"), "{files:?}"),
                Batch::Search => {
                    assert!(files.iter().all(|f| f.starts_with("search/")), "{files:?}")
                }
            }
        }
        // After the pages: the extras once, then a search index for each language.
        let tail: Vec<Batch> = seen[last_page + 1..].iter().map(|(b, _)| *b).collect();
        let mut expected = vec![Batch::Extras];
        expected.extend(codes(&site).iter().map(|_| Batch::Search));
        assert_eq!(tail, expected);
    }
}
