//! `sulam build`: the site rendered in batches and written, collecting every mistake on the
//! way; the output folder is replaced only when there is none.

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media;
use crate::output;
use crate::site::{Batch, Drafts, Site};

#[derive(Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Publish drafts too, marked and kept out of search engines (a staging site).
    pub drafts: bool,
}

/// What a build may do besides writing the site, as `sulam build` asks for it.
#[derive(Default)]
pub struct Also<'a> {
    /// Write a `.gz` and a `.br` copy beside each text file (`--compress`).
    pub compress: bool,
    /// Told each step as the build reaches it, for a progress line.
    pub progress: Option<&'a (dyn Fn(Step) + Sync)>,
}

/// Where a build is, for a progress line.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Reading site.yaml, content/ and the theme, and checking references.
    Reading,
    /// `done` of `total` pages rendered and written, each in every one of `languages`.
    Rendering {
        done: usize,
        total: usize,
        languages: usize,
    },
    /// Feeds, sitemap, search index, theme and static files.
    Extras,
    /// `done` of `total` text files compressed (`--compress`).
    Compressing { done: usize, total: usize },
}

pub struct Report {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    /// The `.gz` and `.br` copies written with `--compress`.
    pub compressed: usize,
    /// How many versions of pictures were made, and how many taken from the cache.
    pub pictures: media::Stats,
    pub diagnostics: Diagnostics,
}

/// Builds the site and writes it; on any error nothing is written.
pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    build_also(opts, &Also::default())
}

/// Builds the site and writes it, doing `also` on the way; on any error nothing is written.
///
/// Pages are rendered and written in batches, so that a large site is never all in memory;
/// the new folder replaces the output only when every page rendered without error.
pub fn build_also(opts: &BuildOptions, also: &Also) -> Result<Report, Diagnostics> {
    let step = |s: Step| {
        if let Some(progress) = also.progress {
            progress(s);
        }
    };
    let out_dir = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let fail = |d: Diagnostic| {
        let mut diags = Diagnostics::default();
        diags.push(d);
        diags
    };
    // The folder to write, links followed.
    let target = output::check_target(&opts.root, &out_dir).map_err(fail)?;
    step(Step::Reading);
    let (site, mut diags) = load(opts, target.note)?;
    let mut writer = output::Writer::start(&target.dir)
        .map_err(fail)?
        .with_cache(media::Cache::new(&opts.root));
    let mut files = 0;
    let total = site.pages().len();
    let languages = site.config.languages.len();
    let mut done = 0;
    step(Step::Rendering {
        done,
        total,
        languages,
    });
    let in_site = |d: Diagnostic| in_site(&opts.root, d);
    let pages = site
        .render_all(BATCH, &mut diags, |out, what, diags| {
            // After a mistake, the remaining pages are still rendered, to report every
            // mistake at once, but nothing more is written.
            if !diags.has_errors() {
                writer.add(&out).map_err(in_site)?;
                files += out.paths().count();
            }
            // A batch of pages, and after the last one the extras.
            if let Batch::Pages(n) = what {
                done = (done + n).min(total);
                step(Step::Rendering {
                    done,
                    total,
                    languages,
                });
                if done == total {
                    step(Step::Extras);
                }
            }
            Ok(())
        })
        .map_err(|d| fail(in_site(d)))?;
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    let compressed = if also.compress {
        writer
            .compress(&|done, total| step(Step::Compressing { done, total }))
            .map_err(fail)?
    } else {
        0
    };
    if let Some(problem) = writer.cache().problem() {
        diags.push(Diagnostic::warning(problem).hint(
            "the pictures were made in memory and will be made again at the next build; let Sulam write to .sulam-cache/ to save that time",
        ));
    }
    let pictures = writer.cache().stats();
    writer.finish().map_err(fail)?;
    Ok(Report {
        output: out_dir,
        pages,
        files,
        compressed,
        pictures,
        diagnostics: diags.sorted(),
    })
}

/// The site of `opts` and its problems so far (with `note` about the output folder); `Err`
/// when one of them is an error.
fn load(opts: &BuildOptions, note: Option<Diagnostic>) -> Result<(Site, Diagnostics), Diagnostics> {
    let drafts = if opts.drafts {
        Drafts::Shown
    } else {
        Drafts::Hidden
    };
    let site = Site::load_for_build(&opts.root, opts.base_url.as_deref(), drafts)
        .map_err(Diagnostics::sorted)?;
    let mut diags = site.problems();
    if let Some(note) = note {
        diags.push(note);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((site, diags))
}

/// `d` with its file named as the author knows it, in the site (a picture that cannot be
/// made is found by its path on disk).
fn in_site(root: &std::path::Path, mut d: Diagnostic) -> Diagnostic {
    if let Some(f) = &d.file
        && let Ok(rel) = f.strip_prefix(root)
    {
        d.file = Some(rel.to_path_buf());
    }
    d
}

/// How many pages (each in every language) are rendered before they are written.
const BATCH: usize = 256;
