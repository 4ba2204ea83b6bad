//! `sulam build`: discover → parse → link → render → write, collecting every mistake on the
//! way; the output folder is replaced only when there is none.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{self, Collection, Content};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::format::Formats;
use crate::i18n::{Source, Strings};
use crate::lang::native_name;
use crate::link::{self, Links};
use crate::output::{self, Output};
use crate::render::{self, Bodies, Chrome, Link, Model, entry_path};
use crate::theme::{self, Theme};

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
}

pub struct Report {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub diagnostics: Diagnostics,
}

/// Builds the site and writes it; on any error nothing is written.
///
/// Pages are rendered and written in batches, so that a large site is never all in memory;
/// the new folder replaces the output only when every page rendered without error.
pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    let out_dir = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let fail = |d: Diagnostic| {
        let mut diags = Diagnostics::default();
        diags.push(d);
        diags
    };
    output::check_target(&opts.root, &out_dir).map_err(fail)?;
    let site = Site::load(&opts.root, opts.base_url.as_deref()).map_err(Diagnostics::sorted)?;
    let mut diags = site.problems();
    if diags.has_errors() {
        return Err(diags);
    }
    let writer = output::Writer::start(&out_dir).map_err(fail)?;
    let mut pages = 0;
    let mut files = 0;
    let all = site.pages();
    let mut batches: Vec<&[Page]> = all.chunks(BATCH).collect();
    // The extras (lists of everything: sitemap, feeds, search) come last, in their own batch.
    batches.push(&[]);
    for (i, batch) in batches.iter().enumerate() {
        let mut out = Output::default();
        pages += site.render_pages(batch, &mut out, &mut diags);
        if i + 1 == batches.len() {
            site.render_extras(&mut out, &mut diags);
            site.render_search(&mut out);
        }
        // After a mistake, the remaining pages are still rendered, to report every mistake
        // at once, but nothing more is written.
        if !diags.has_errors() {
            writer.add(&out).map_err(fail)?;
            files += out.files.len() + out.copies.len();
        }
    }
    site.strings.report_missing(&mut diags);
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    writer.finish().map_err(fail)?;
    Ok(Report {
        output: out_dir,
        pages,
        files,
        diagnostics: diags.sorted(),
    })
}

/// How many pages (each in every language) are rendered before they are written.
const BATCH: usize = 512;

pub struct BuiltSite {
    pub output: Output,
    pub pages: usize,
    /// The site's settings, for checks that run after the build.
    pub config: SiteConfig,
    /// Every entry's folder and assets, for the unused-asset check.
    pub assets: Vec<(PathBuf, Vec<PathBuf>)>,
    /// The theme's templates by name, and the UI strings, for the UI-string check.
    pub templates: Vec<(String, String)>,
    pub strings: Arc<Strings>,
}

/// Builds the whole site in memory.
pub fn render_site(root: &Path, base_url: Option<&str>) -> (Option<BuiltSite>, Diagnostics) {
    let site = match Site::load(root, base_url) {
        Ok(site) => site,
        Err(diags) => return (None, diags),
    };
    let mut diags = site.problems();
    let mut out = Output::default();
    let pages = site.render_pages(&site.pages(), &mut out, &mut diags);
    site.render_extras(&mut out, &mut diags);
    site.render_search(&mut out);
    site.strings.report_missing(&mut diags);
    let assets = site
        .content
        .entries
        .values()
        .filter(|e| !e.assets.is_empty())
        .map(|e| (e.dir.clone(), e.assets.clone()))
        .collect();
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
        }),
        diags,
    )
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
    related: crate::related::Relatedness,
    /// Mistakes outside any entry: site.yaml, the theme, UI strings, the folders of content/.
    base_problems: Diagnostics,
}

/// One page of the site, rendered in every language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Page {
    Home,
    List(Collection),
    Entry(Collection, String),
    /// The accessibility statement from site.yaml alone, when no page entry holds its text.
    Statement,
    /// The initiatives filtered by a fact that has no page of its own (status, age group,
    /// district, sector): all of them.
    Filters,
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
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<Site, Diagnostics> {
        let mut diags = Diagnostics::default();
        let Some(config) = SiteConfig::load(root, base_url, &mut diags) else {
            return Err(diags);
        };
        let content = content::load(&config, &mut diags);
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
        let bodies = Bodies::render_all(&config, &content);
        let related = crate::related::Relatedness::new(&content);
        if content.get(Collection::Pages, "accessibility").is_none()
            && config.accessibility.is_none()
        {
            diags.push(
                Diagnostic::warning("the site has no accessibility statement")
                    .in_file(crate::config::SITE_FILE)
                    .hint("Israeli regulations require one on every public site: add 'accessibility:' to site.yaml (see docs/accessibility.md)"),
            );
        }
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

    pub fn model(&self) -> Model<'_> {
        Model {
            config: &self.config,
            content: &self.content,
            links: &self.links,
            formats: &self.formats,
            strings: &self.strings,
            bodies: &self.bodies,
            related: &self.related,
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
                .filter(|e| !is_home(e.collection, &e.id))
                .map(|e| Page::Entry(e.collection, e.id.clone())),
        );
        if content.get(Collection::Pages, "accessibility").is_none()
            && self.config.accessibility.is_some()
        {
            v.push(Page::Statement);
        }
        v.push(Page::Filters);
        v
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
            if *c == Collection::Towns && format!("{:?}", old.facts) != format!("{:?}", entry.facts)
            {
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
        for entry in reloaded {
            let key = (entry.collection, entry.id.clone());
            self.bodies.set(
                key.clone(),
                Some(Bodies::render_entry(&self.config, &entry)),
            );
            self.content.entries.insert(key, entry);
        }
        if relink || !widened.is_empty() {
            let mut link_problems = Diagnostics::default();
            self.links = link::link(&self.content, &mut link_problems);
            self.link_problems = link_problems;
        }
        if !widened.is_empty() {
            self.related = crate::related::Relatedness::new(&self.content);
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
        let results: Vec<Result<RenderedPage, Diagnostic>> = jobs
            .par_iter()
            .map(|(lang, page)| render_page(&m, &self.tera, page, lang))
            .collect();
        let mut count = 0;
        for r in results {
            match r {
                Ok(p) => {
                    out.add(p.path, p.html);
                    for (to, from) in p.copies {
                        out.copy(to, from);
                    }
                    count += 1;
                }
                Err(d) => diags.push(d),
            }
        }
        if pages.contains(&Page::Filters) {
            count += crate::filters::render_pages(&m, &self.tera, out, diags);
        }
        count
    }

    /// The files that are not pages of entries: language chooser, 404, theme files, static/,
    /// sitemap, robots.txt.
    pub fn render_extras(&self, out: &mut Output, diags: &mut Diagnostics) {
        write_extras(&self.model(), &self.theme, &self.tera, out, diags);
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

/// Whether other pages show the same of `new` as of `old`: they show an entry's facts (its
/// references, date, image), its title and summary, and which languages it has, never its
/// body or its other texts.
fn same_elsewhere(old: &content::Entry, new: &content::Entry) -> bool {
    format!("{:?}", old.facts) == format!("{:?}", new.facts)
        && old.texts.len() == new.texts.len()
        && old.texts.iter().zip(&new.texts).all(|((la, a), (lb, b))| {
            la == lb && a.front.title == b.front.title && a.front.summary == b.front.summary
        })
}

fn is_home(c: Collection, id: &str) -> bool {
    c == Collection::Pages && id == "home"
}

fn load_strings(config: &SiteConfig, theme: &Theme, diags: &mut Diagnostics) -> Strings {
    let mut texts: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for l in &config.languages {
        let mut files = Vec::new();
        if let Some(t) = theme.strings(&l.code) {
            files.push((format!("themes/{}/i18n/{}.ftl", config.theme, l.code), t));
        }
        if let Some(t) = theme::read_site_strings(&config.root, &l.code) {
            files.push((format!("i18n/{}.ftl", l.code), t));
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

struct RenderedPage {
    path: String,
    html: String,
    /// The entry's files, copied beside its page: (destination, source).
    copies: Vec<(String, PathBuf)>,
}

fn render_template(
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

/// One page in one language.
fn render_page(
    m: &Model,
    tera: &tera::Tera,
    page: &Page,
    lang: &str,
) -> Result<RenderedPage, Diagnostic> {
    let content: &Content = m.content;
    let all_langs = |_: &str| true;
    let mut copies = Vec::new();
    let (template, path, ctx) = match page {
        Page::Home => {
            let home = content.get(Collection::Pages, "home");
            let has_home = |l: &str| home.is_none_or(|h| h.texts.contains_key(l));
            let chrome = m.chrome(lang, &|l| format!("{l}/"), &has_home, None);
            let mut ctx = render::context(&chrome);
            let view = home.map(|h| m.entry_view(h, lang));
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
            ctx.insert("meta", &m.meta(&chrome, lang, &home_title, None));
            let mut initiatives = m.links_of(Collection::Initiatives, lang);
            ctx.insert("initiatives_more", &(initiatives.len() > HOME_INITIATIVES));
            initiatives.truncate(HOME_INITIATIVES);
            ctx.insert("initiatives", &initiatives);
            let news: Vec<Link> = m
                .links_of(Collection::News, lang)
                .into_iter()
                .take(3)
                .collect();
            ctx.insert("news", &news);
            ctx.insert("counts", &counts(content));
            ("home.html", format!("{lang}/index.html"), ctx)
        }
        Page::List(c) => {
            let c = *c;
            let chrome = m.chrome(
                lang,
                &|l| format!("{l}/{}/", c.name()),
                &all_langs,
                Some(c.name()),
            );
            let mut ctx = render::context(&chrome);
            let items = m.links_of(c, lang);
            ctx.insert("collection", c.name());
            let list_title = crate::i18n::strip_isolation(&m.strings.get(
                lang,
                &format!("collection-{}", c.name()),
                None,
            ));
            ctx.insert("meta", &m.meta(&chrome, lang, &list_title, None));
            ctx.insert("counts", &counts(content));
            ctx.insert("count", &items.len());
            ctx.insert("items", &items);
            ctx.insert("map", &m.list_map(c, lang));
            ctx.insert("filters", &m.list_filters(c, lang));
            ("list.html", format!("{lang}/{}/index.html", c.name()), ctx)
        }
        Page::Entry(c, id) => {
            let Some(e) = content.get(*c, id) else {
                return Err(Diagnostic::error(format!("no entry {c}/{id} to render")));
            };
            let path = entry_path(e.collection, &e.id, lang);
            let has = |l: &str| e.texts.contains_key(l);
            let chrome = m.chrome(
                lang,
                &|l| entry_path(e.collection, &e.id, l),
                &has,
                Some(e.collection.name()),
            );
            let mut ctx = render::context(&chrome);
            let view = m.entry_view(e, lang);
            let title = view
                .title
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default();
            ctx.insert("meta", &m.meta(&chrome, lang, &title, Some((e, &view))));
            ctx.insert("page", &view);
            ctx.insert("collection", e.collection.name());
            ctx.insert(
                "list_url",
                &m.config.link(&format!("{lang}/{}/", e.collection.name())),
            );
            ctx.insert("fallback_name", &view.fallback.as_deref().map(native_name));
            ctx.insert(
                "partial_name",
                &view.partial_lang.as_deref().map(native_name),
            );
            let is_statement = e.collection == Collection::Pages && e.id == "accessibility";
            ctx.insert(
                "statement",
                &is_statement.then(|| m.statement(lang)).flatten(),
            );
            for asset in &e.assets {
                let rel = asset.to_string_lossy().replace('\\', "/");
                copies.push((format!("{path}{rel}"), e.dir.join(asset)));
            }
            (template_for(e.collection), format!("{path}index.html"), ctx)
        }
        Page::Filters => {
            return Err(Diagnostic::error(
                "the filter pages are rendered by filters::render_pages",
            ));
        }
        Page::Statement => {
            let path = entry_path(Collection::Pages, "accessibility", lang);
            let chrome = m.chrome(
                lang,
                &|l| entry_path(Collection::Pages, "accessibility", l),
                &all_langs,
                None,
            );
            let mut ctx = render::context(&chrome);
            let title = m.strings.get(lang, "accessibility-statement", None);
            let view = render::EntryView {
                id: "accessibility".into(),
                collection: "pages".into(),
                url: m.config.link(&path),
                title: Some(m.text(&crate::i18n::strip_isolation(&title), lang, lang)),
                ..Default::default()
            };
            let title = view
                .title
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default();
            ctx.insert("meta", &m.meta(&chrome, lang, &title, None));
            ctx.insert("page", &view);
            ctx.insert("collection", "pages");
            ctx.insert("list_url", &m.config.link(&format!("{lang}/pages/")));
            ctx.insert("fallback_name", &None::<String>);
            ctx.insert("partial_name", &None::<String>);
            ctx.insert("statement", &m.statement(lang));
            ("page.html", format!("{path}index.html"), ctx)
        }
    };
    let html = render_template(tera, template, &ctx, &path)?;
    Ok(RenderedPage { path, html, copies })
}

/// How many initiatives the home page shows, in the list's order; a site with more links to
/// the list of all of them. A home page with thousands of cards would weigh megabytes on a
/// phone and make every change to it slow to lay out.
const HOME_INITIATIVES: usize = 12;

fn counts(content: &Content) -> HashMap<&'static str, usize> {
    Collection::ALL
        .iter()
        .map(|c| (c.name(), content.of(*c).count()))
        .collect()
}

impl Model<'_> {
    pub fn links_of(&self, c: Collection, lang: &str) -> Vec<Link> {
        let mut v: Vec<Link> = self
            .content
            .of(c)
            .filter(|e| !(c == Collection::Pages && e.id == "home"))
            .filter_map(|e| self.link_to(c, &e.id, lang))
            .collect();
        self.sort_links(&mut v, lang);
        v
    }
}

fn write_extras(
    m: &Model,
    theme: &Theme,
    tera: &tera::Tera,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let config = m.config;
    let default = &config.default_language().code;

    // The root: a language chooser that works without JavaScript.
    let chrome: Chrome = m.chrome(default, &|l| format!("{l}/"), &|_| true, None);
    let mut ctx = render::context(&chrome);
    let choices: Vec<_> = config
        .languages
        .iter()
        .map(|l| {
            serde_json::json!({
                "code": l.code, "name": native_name(&l.code), "dir": l.dir.as_str(),
                "url": config.link(&format!("{}/", l.code)),
                "title": config.site_title(&l.code),
            })
        })
        .collect();
    ctx.insert("choices", &choices);
    ctx.insert("script", &config.link("sulam.js"));
    render_one(tera, "chooser.html", &ctx, "index.html", out, diags);

    // 404, in the default language with links to every language's home. It is served at any
    // address, so it names no canonical page and no alternates.
    let mut not_found = chrome.clone();
    not_found.canonical = String::new();
    not_found.hreflang.clear();
    let mut ctx = render::context(&not_found);
    ctx.insert("meta", &crate::meta::Meta::default());
    ctx.insert("choices", &choices);
    render_one(tera, "404.html", &ctx, "404.html", out, diags);

    // The search page of each language. Its stylesheet is named relative to it, as search.js
    // and the index are, so that the page also works when opened from a folder on disk.
    for l in &config.languages {
        let mut chrome = m.chrome(&l.code, &|x| format!("{x}/search/"), &|_| true, None);
        chrome.css = "../../sulam.css".into();
        let mut ctx = render::context(&chrome);
        let title = crate::i18n::strip_isolation(&m.strings.get(&l.code, "search-title", None));
        ctx.insert("meta", &m.meta(&chrome, &l.code, &title, None));
        let path = format!("{}/search/index.html", l.code);
        render_one(tera, "search.html", &ctx, &path, out, diags);
    }

    for (name, bytes) in theme.statics() {
        out.add(name.to_string(), bytes.to_vec());
    }
    let static_dir = config.root.join("static");
    if static_dir.is_dir() {
        for item in walkdir::WalkDir::new(&static_dir).into_iter().flatten() {
            if item.file_type().is_file() {
                let rel = item.path().strip_prefix(&static_dir).unwrap_or(item.path());
                out.copy(
                    rel.to_string_lossy().replace('\\', "/"),
                    item.path().to_path_buf(),
                );
            }
        }
    }

    crate::feed::write_feeds(m, out);
    out.add("sitemap.xml", sitemap(m));
    out.add(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            config.absolute("sitemap.xml")
        ),
    );
}

/// `sitemap.xml` with `xhtml:link` alternates between real translations only: a fallback page
/// is neither listed nor named as an alternate.
fn sitemap(m: &Model) -> String {
    let config = m.config;
    let langs: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut add = |path_of: &dyn Fn(&str) -> String, has: &dyn Fn(&str) -> bool| {
        let real: Vec<&str> = langs.iter().copied().filter(|l| has(l)).collect();
        for l in &real {
            s.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                xml_escape(&config.absolute(&path_of(l)))
            ));
            if real.len() > 1 {
                for a in &real {
                    s.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{a}\" href=\"{}\"/>\n",
                        xml_escape(&config.absolute(&path_of(a)))
                    ));
                }
            }
            s.push_str("  </url>\n");
        }
    };
    let home = m.content.get(Collection::Pages, "home");
    add(&|l| format!("{l}/"), &|l| {
        home.is_none_or(|h| h.texts.contains_key(l))
    });
    for c in Collection::ALL {
        if c != Collection::Pages && m.content.of(c).next().is_some() {
            add(&|l| format!("{l}/{}/", c.name()), &|_| true);
        }
    }
    for e in m.content.entries.values() {
        if e.collection == Collection::Pages && e.id == "home" {
            continue;
        }
        add(&|l| entry_path(e.collection, &e.id, l), &|l| {
            e.texts.contains_key(l)
        });
    }
    // The plain pages of the initiatives' filters, in the languages that have them.
    let mut filters: BTreeMap<(&str, String), Vec<&str>> = BTreeMap::new();
    for l in &langs {
        for page in crate::filters::page_values(m, l) {
            filters.entry(page).or_default().push(l);
        }
    }
    for ((facet, value), in_langs) in &filters {
        add(&|l| crate::filters::filter_path(l, facet, value), &|l| {
            in_langs.contains(&l)
        });
    }
    s.push_str("</urlset>\n");
    s
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
