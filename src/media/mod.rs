//! An entry's pictures: what each one is (`probe`), which smaller versions of it the site
//! publishes (`Picture::versions`), and making them (`make`: decode, turn upright, resize,
//! encode) through a cache outside the site's sources (`Cache`).
//!
//! Why a module of its own, below the stages: the model probes each picture when it reads an
//! entry (its size is a fact the pages print, so that nothing moves as pictures load), the
//! output makes the versions as it writes the site, and `serve` makes one when the browser
//! first asks for it. It names nothing of Sulam but `diagnostics`.
//!
//! The choices (measured on eleven photos and wallpapers of 1680 to 4000 pixels; the figures
//! are in docs/performance.md): `fast_image_resize` resizes (Lanczos3) about 12 times faster
//! than the `image` crate's own resize with the same result; `jpeg-encoder` writes JPEG 2.7
//! times faster and 23% smaller than `image`'s encoder at the same quality setting; libwebp
//! (the `webp` crate, built from source) writes lossy WebP 37% smaller than the JPEG at the
//! same PSNR, where the pure-Rust encoders are lossless only, AGPL, or larger at a lower PSNR.

mod cache;
mod make;
mod probe;

pub use cache::{Cache, Stats};
pub use make::make;
pub use probe::{probe, svg_size};

use std::path::Path;

/// The widths a picture is published at, in pixels, as the theme shows them: a phone, a
/// tablet or a phone at twice the density, a wide screen at twice the density (the body
/// column is 44rem, 704 pixels). A picture narrower than one of them is not made wider.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// JPEG and WebP quality (0–100): smaller than 80 shows blocks in skies and faces.
pub const QUALITY: u8 = 80;

/// The largest picture Sulam makes smaller versions of: 100 megapixels (a 200-megapixel
/// phone photo would need 800 MB to decode). Checked before decoding.
pub const MAX_PIXELS: u64 = 100_000_000;

/// A picture's file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    WebP,
    Svg,
}

impl Format {
    /// The format a file's name says it holds, if it is a picture.
    pub fn of_name(name: &Path) -> Option<Format> {
        let ext = name.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "jpg" | "jpeg" => Format::Jpeg,
            "png" => Format::Png,
            "gif" => Format::Gif,
            "webp" => Format::WebP,
            "svg" => Format::Svg,
            _ => return None,
        })
    }

    /// The extension of the versions Sulam writes in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Gif => "gif",
            Format::WebP => "webp",
            Format::Svg => "svg",
        }
    }

    /// The format's name for an author.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Gif => "GIF",
            Format::WebP => "WebP",
            Format::Svg => "SVG",
        }
    }

    /// Whether Sulam makes smaller versions of pictures in this format. An SVG is drawn at any
    /// size; a GIF may move, and a WebP is small already: both are published as they are.
    pub fn resized(self) -> bool {
        matches!(self, Format::Jpeg | Format::Png)
    }
}

/// One of an entry's pictures, as probed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picture {
    pub format: Format,
    /// Width and height in pixels as the picture is shown: turned as its EXIF orientation
    /// asks. `None` for an SVG that gives no size.
    pub size: Option<(u32, u32)>,
}

/// A version of a picture that Sulam makes: a smaller one, or a WebP copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    pub width: u32,
    pub format: Format,
}

impl Picture {
    /// The widths the picture is published at: those of `WIDTHS` below its own, and its own
    /// (at most the largest of `WIDTHS`). Empty for a picture shown as it is.
    pub fn widths(&self) -> Vec<u32> {
        let Some((width, _)) = self.size.filter(|_| self.format.resized()) else {
            return Vec::new();
        };
        let largest = WIDTHS[WIDTHS.len() - 1];
        let mut v: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
        if width <= largest {
            v.push(width);
        }
        v
    }

    /// The versions to make: at every width, one in the picture's own format and one in
    /// WebP; at the picture's own width, the file itself serves in its own format. A PNG gets
    /// WebP versions only: a smaller PNG can weigh more than the original (a drawing with few
    /// colours, made again with smoothed edges), and every browser of today reads WebP; the
    /// original stays for any other.
    pub fn versions(&self) -> Vec<Version> {
        let own = self.size.map_or(0, |(w, _)| w);
        let mut v = Vec::new();
        for width in self.widths() {
            if width != own && self.format != Format::Png {
                v.push(Version {
                    width,
                    format: self.format,
                });
            }
            v.push(Version {
                width,
                format: Format::WebP,
            });
        }
        v
    }

    /// The height at `width`, keeping the picture's proportions.
    pub fn height_at(&self, width: u32) -> u32 {
        match self.size {
            Some((w, h)) if w > 0 => scaled(h, width, w),
            _ => 0,
        }
    }
}

/// `h * to / from`, rounded, at least 1.
fn scaled(h: u32, to: u32, from: u32) -> u32 {
    let v = (u64::from(h) * u64::from(to) + u64::from(from) / 2) / u64::from(from);
    u32::try_from(v).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Picture {
        Picture {
            format: Format::Jpeg,
            size: Some((w, h)),
        }
    }

    #[test]
    fn widths_never_exceed_the_picture_and_stop_at_the_largest() {
        assert_eq!(jpeg(4000, 3000).widths(), [480, 960, 1600]);
        assert_eq!(jpeg(1600, 900).widths(), [480, 960, 1600]);
        assert_eq!(jpeg(1200, 800).widths(), [480, 960, 1200]);
        assert_eq!(jpeg(480, 480).widths(), [480]);
        assert_eq!(jpeg(300, 200).widths(), [300]);
        let svg = Picture {
            format: Format::Svg,
            size: Some((100, 50)),
        };
        assert!(svg.widths().is_empty());
    }

    #[test]
    fn the_file_itself_serves_at_its_own_width() {
        let v = jpeg(1200, 800).versions();
        assert!(!v.contains(&Version {
            width: 1200,
            format: Format::Jpeg
        }));
        assert!(v.contains(&Version {
            width: 1200,
            format: Format::WebP
        }));
        assert_eq!(v.len(), 5, "{v:?}");
        assert_eq!(jpeg(1200, 800).height_at(480), 320);
        assert_eq!(jpeg(3, 1).height_at(1), 1);
    }
}
