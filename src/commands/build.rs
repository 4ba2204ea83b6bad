//! `sulam build`: the site rendered in batches and written, collecting every mistake on the
//! way; the output folder is replaced only when there is none.

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media;
use crate::output;
use crate::site::Site;

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
}

pub struct Report {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    /// How many versions of pictures were made, and how many taken from the cache.
    pub pictures: media::Stats,
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
    // The folder to write, links followed.
    let target = output::check_target(&opts.root, &out_dir).map_err(fail)?;
    let site = Site::load(&opts.root, opts.base_url.as_deref()).map_err(Diagnostics::sorted)?;
    let mut diags = site.problems();
    if let Some(note) = target.note {
        diags.push(note);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut writer = output::Writer::start(&target.dir)
        .map_err(fail)?
        .with_cache(media::Cache::new(&opts.root));
    let mut files = 0;
    // A picture that cannot be made is named as the author knows it, in the site.
    let in_site = |mut d: Diagnostic| {
        if let Some(f) = &d.file
            && let Ok(rel) = f.strip_prefix(&opts.root)
        {
            d.file = Some(rel.to_path_buf());
        }
        d
    };
    let pages = site
        .render_all(BATCH, &mut diags, |out, diags| {
            // After a mistake, the remaining pages are still rendered, to report every
            // mistake at once, but nothing more is written.
            if !diags.has_errors() {
                writer.add(&out).map_err(in_site)?;
                files += out.paths().count();
            }
            Ok(())
        })
        .map_err(|d| fail(in_site(d)))?;
    if diags.has_errors() {
        return Err(diags.sorted());
    }
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
        pictures,
        diagnostics: diags.sorted(),
    })
}

/// How many pages (each in every language) are rendered before they are written.
const BATCH: usize = 512;
