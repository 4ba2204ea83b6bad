//! An entry's files as the site publishes them: each once, at `/media/<collection>/<id>/`,
//! whatever the page's language; beside each JPEG and PNG picture its smaller versions and
//! WebP copies (made as the site is written: `output::Made`); and the addresses and sizes
//! of a picture as pages print it (`markdown::Picture`), the same for a picture of the body
//! and for the `image`, `logo` and `photo` fields.

use std::collections::BTreeMap;

use crate::media::Format;
use crate::model::config::SiteConfig;
use crate::model::content::Entry;
use crate::model::urls::{media_dir, media_file, media_version};
use crate::output::{Made, Output};
use crate::text::markdown::{Picture, Shown, picture_html};

/// How wide the default theme shows a picture (the `sizes` attribute), by where it is. Keep
/// them true to themes/default/static/sulam.css: the body column is `--measure` (44rem) wide
/// inside `main`'s 1rem padding; cards are at least 16rem in a grid; a logo at most 16rem; a
/// person's photo 12rem.
pub const BODY_SIZES: &str = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";
pub const CARD_SIZES: &str = "(min-width: 36rem) 22rem, calc(100vw - 4rem)";
pub const LOGO_SIZES: &str = "16rem";
pub const PHOTO_SIZES: &str = "12rem";

/// The name of an entry's file as it goes into an address (`/` between folders).
fn name_of(asset: &std::path::Path) -> String {
    asset.to_string_lossy().replace('\\', "/")
}

/// Every file of entry `e`, and every version of its pictures, into `out`.
pub fn entry_files(e: &Entry, out: &mut Output) {
    for asset in &e.assets {
        let name = name_of(asset);
        let source = e.asset_source(asset);
        out.copy(media_file(e.collection, &e.id, &name), source.clone());
        if let Some(p) = e.pictures.get(asset) {
            for version in p.versions() {
                out.make(
                    media_version(e.collection, &e.id, &name, version),
                    Made {
                        source: source.clone(),
                        version,
                    },
                );
            }
        }
    }
}

/// The addresses in the output of entry `e`'s file `asset`: the file's, then its versions'.
pub fn published(e: &Entry, asset: &std::path::Path) -> Vec<String> {
    let name = name_of(asset);
    let mut v = vec![media_file(e.collection, &e.id, &name)];
    if let Some(p) = e.pictures.get(asset) {
        v.extend(
            p.versions()
                .into_iter()
                .map(|version| media_version(e.collection, &e.id, &name, version)),
        );
    }
    v
}

/// Entry `e`'s picture `name` as pages print it; `None` when it is no picture of the entry.
pub fn picture(config: &SiteConfig, e: &Entry, name: &str) -> Option<Picture> {
    let p = e.pictures.get(std::path::Path::new(name))?;
    let link = |path: String| config.link(&path);
    let at = |width: u32, format: Format| {
        let own = p.size.is_some_and(|(w, _)| w == width) && format == p.format;
        if own {
            link(media_file(e.collection, &e.id, name))
        } else {
            link(media_version(
                e.collection,
                &e.id,
                name,
                crate::media::Version { width, format },
            ))
        }
    };
    let widths = p.widths();
    // A PNG has WebP versions only (see `media::Picture::versions`): its `<img>` is the file.
    let srcset: Vec<(String, u32)> = if p.format == Format::Png {
        Vec::new()
    } else {
        widths.iter().map(|w| (at(*w, p.format), *w)).collect()
    };
    let webp = widths.iter().map(|w| (at(*w, Format::WebP), *w)).collect();
    let src = srcset
        .last()
        .map(|(url, _)| url.clone())
        .unwrap_or_else(|| link(media_file(e.collection, &e.id, name)));
    // As shown at the largest width published, which is the picture's own when it is smaller.
    let size = match (p.size, widths.last()) {
        (Some(_), Some(w)) => Some((*w, p.height_at(*w))),
        (size, None) => size,
        _ => None,
    };
    Some(Picture {
        src,
        size,
        srcset,
        webp,
    })
}

/// Every picture of entry `e`, by name, for its Markdown bodies.
pub fn pictures(config: &SiteConfig, e: &Entry) -> BTreeMap<String, Picture> {
    e.pictures
        .keys()
        .filter_map(|asset| {
            let name = name_of(asset);
            picture(config, e, &name).map(|p| (name, p))
        })
        .collect()
}

/// A picture of a field (`image`, `logo`, `photo`) as a template prints it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PictureView {
    /// The address of the largest version in the picture's own format (for `og:image`).
    pub src: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// What it shows, as plain text (empty for a picture that only decorates).
    pub alt: String,
    /// The whole `<picture>` (or `<img>`), alt text and class included: print with `| safe`.
    pub html: String,
}

/// Entry `e`'s picture `name` as a field shows it: described by `alt` (its language's
/// `lang` and `dir` in `attrs` when it is not the page's), with `class`, `sizes` wide.
pub fn view(
    config: &SiteConfig,
    e: &Entry,
    name: &str,
    alt: &str,
    attrs: &str,
    sizes: &str,
) -> Option<PictureView> {
    let p = match picture(config, e, name) {
        Some(p) => p,
        // A file that is no picture Sulam reads (a .bmp): shown as it is.
        None if e.assets.iter().any(|a| name_of(a) == name) => Picture {
            src: config.link(&media_file(e.collection, &e.id, name)),
            size: None,
            srcset: Vec::new(),
            webp: Vec::new(),
        },
        None => return None,
    };
    let html = picture_html(&p, &Shown { alt, attrs, sizes });
    Some(PictureView {
        src: p.src,
        width: p.size.map(|(w, _)| w),
        height: p.size.map(|(_, h)| h),
        alt: alt.to_string(),
        html,
    })
}

/// The folder of entry `e`'s files in the output, for `check` and `serve`.
pub fn folder(e: &Entry) -> String {
    media_dir(e.collection, &e.id)
}
