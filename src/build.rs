//! `sulam build`: discover → parse → link → render → write, collecting every mistake on the
//! way; the output folder is replaced only when there is none.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::content::{self, Collection, Content};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::format::Formats;
use crate::i18n::{Source, Strings};
use crate::lang::native_name;
use crate::link;
use crate::output::{self, Output};
use crate::render::{self, Chrome, Link, Model, entry_path};
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
pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    let out_dir = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    if let Err(d) = output::check_target(&opts.root, &out_dir) {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return Err(diags);
    }
    let (site, mut diags) = render_site(&opts.root, opts.base_url.as_deref());
    let Some(site) = site.filter(|_| !diags.has_errors()) else {
        return Err(diags.sorted());
    };
    if let Err(d) = output::write(&out_dir, &site.output) {
        diags.push(d);
        return Err(diags);
    }
    Ok(Report {
        output: out_dir,
        pages: site.pages,
        files: site.output.files.len() + site.output.copies.len(),
        diagnostics: diags.sorted(),
    })
}

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
    let mut diags = Diagnostics::default();
    let Some(config) = SiteConfig::load(root, base_url, &mut diags) else {
        return (None, diags);
    };
    let content = content::load(&config, &mut diags);
    let links = link::link(&content, &mut diags);
    let Some(theme) = Theme::load(&config, &mut diags) else {
        return (None, diags);
    };
    let strings = Arc::new(load_strings(&config, &theme, &mut diags));
    let templates = theme.templates(&mut diags);
    let Some(tera) = render::make_tera(&templates, strings.clone(), &mut diags) else {
        return (None, diags);
    };
    let formats = Formats::new(config.languages.iter().map(|l| l.code.as_str()));
    let bodies = render::render_bodies(&config, &content, &mut diags);
    let model = Model {
        config: &config,
        content: &content,
        links: &links,
        formats: &formats,
        strings: &strings,
        bodies,
    };
    let mut out = Output::default();
    let pages = render_pages(&model, &tera, &mut out, &mut diags);
    write_extras(&model, &theme, &tera, &mut out, &mut diags);
    crate::search::write_indexes(&model, &mut out);
    strings.report_missing(&mut diags);
    let assets = content
        .entries
        .values()
        .filter(|e| !e.assets.is_empty())
        .map(|e| (e.dir.clone(), e.assets.clone()))
        .collect();
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

fn render_one(
    tera: &tera::Tera,
    template: &str,
    ctx: &tera::Context,
    path: &str,
    out: &mut Output,
    diags: &mut Diagnostics,
) -> bool {
    match tera.render(template, ctx) {
        Ok(html) => {
            out.add(path, html);
            true
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(format!(
                    "the template '{template}' failed for /{path}: {}",
                    error_chain(&e)
                ))
                .in_file(format!("themes/…/templates/{template}")),
            );
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

fn render_pages(m: &Model, tera: &tera::Tera, out: &mut Output, diags: &mut Diagnostics) -> usize {
    let mut pages = 0;
    let content: &Content = m.content;
    let langs: Vec<String> = m.config.languages.iter().map(|l| l.code.clone()).collect();
    let all_langs = |_: &str| true;
    for lang in &langs {
        // Home.
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
        let initiatives = m.links_of(Collection::Initiatives, lang);
        ctx.insert("initiatives", &initiatives);
        let news: Vec<Link> = m
            .links_of(Collection::News, lang)
            .into_iter()
            .take(3)
            .collect();
        ctx.insert("news", &news);
        ctx.insert("counts", &counts(content));
        if render_one(
            tera,
            "home.html",
            &ctx,
            &format!("{lang}/index.html"),
            out,
            diags,
        ) {
            pages += 1;
        }

        // Lists.
        for c in Collection::ALL {
            if c == Collection::Pages || content.of(c).next().is_none() {
                continue;
            }
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
            if render_one(
                tera,
                "list.html",
                &ctx,
                &format!("{lang}/{}/index.html", c.name()),
                out,
                diags,
            ) {
                pages += 1;
            }
        }

        // Entries.
        for e in content.entries.values() {
            if e.collection == Collection::Pages && e.id == "home" {
                continue;
            }
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
            if render_one(
                tera,
                template_for(e.collection),
                &ctx,
                &format!("{path}index.html"),
                out,
                diags,
            ) {
                pages += 1;
            }
            for asset in &e.assets {
                let rel = asset.to_string_lossy().replace('\\', "/");
                out.copy(format!("{path}{rel}"), e.dir.join(asset));
            }
        }

        // The accessibility statement from site.yaml alone, when no page entry holds its text.
        if content.get(Collection::Pages, "accessibility").is_none()
            && m.config.accessibility.is_some()
        {
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
            if render_one(
                tera,
                "page.html",
                &ctx,
                &format!("{path}index.html"),
                out,
                diags,
            ) {
                pages += 1;
            }
        }
    }
    if content.get(Collection::Pages, "accessibility").is_none() && m.config.accessibility.is_none()
    {
        diags.push(
            crate::diagnostics::Diagnostic::warning("the site has no accessibility statement")
                .in_file(crate::config::SITE_FILE)
                .hint("Israeli regulations require one on every public site: add 'accessibility:' to site.yaml (see docs/accessibility.md)"),
        );
    }
    pages
}

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
    s.push_str("</urlset>\n");
    s
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
