//! `sulam build`: the site rendered in batches and written, collecting every mistake on the
//! way; the output folder is replaced only when there is none.

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output;
use crate::site::{Drafts, Site};

#[derive(Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Publish drafts too, marked and kept out of search engines (a staging site).
    pub drafts: bool,
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
    // The folder to write, links followed.
    let target = output::check_target(&opts.root, &out_dir).map_err(fail)?;
    let drafts = if opts.drafts {
        Drafts::Shown
    } else {
        Drafts::Hidden
    };
    let site =
        Site::load(&opts.root, opts.base_url.as_deref(), drafts).map_err(Diagnostics::sorted)?;
    let mut diags = site.problems();
    if let Some(note) = target.note {
        diags.push(note);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut writer = output::Writer::start(&target.dir).map_err(fail)?;
    let mut files = 0;
    let pages = site
        .render_all(BATCH, &mut diags, |out, diags| {
            // After a mistake, the remaining pages are still rendered, to report every
            // mistake at once, but nothing more is written.
            if !diags.has_errors() {
                writer.add(&out)?;
                files += out.files.len() + out.copies.len();
            }
            Ok(())
        })
        .map_err(fail)?;
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
