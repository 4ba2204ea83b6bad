//! Writes a site with many pictures, to measure what making their versions costs and what the
//! cache saves (docs/performance.md):
//!
//! ```text
//! cargo run --release --example pictures -- --out DIR [--pictures 200]
//! ```
//!
//! News items in Hebrew, Arabic and English, four pictures each: one as the item's `image`
//! (described by `image_alt`), three in the body, one of them a figure with a caption. The
//! pictures are made here, every one different: photos of 1200 to 4032 pixels (most phone
//! cameras take 4032 × 3024) with a texture of several scales, so that they compress about as
//! photos do, and one in ten a PNG chart of flat colours.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use image::ImageEncoder;

const USAGE: &str = "usage: pictures --out DIR [--pictures N (200)]";

fn main() -> ExitCode {
    let mut pictures = 200usize;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let ok = match (a.as_str(), args.next()) {
            ("--pictures", Some(v)) => v.parse().map(|n| pictures = n).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    }
    let Some(out) = out else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    match write_site(&out, pictures) {
        Ok(bytes) => {
            eprintln!(
                "wrote {} news items with {pictures} pictures ({} MB) into {}",
                pictures.div_ceil(4),
                bytes / 1_000_000,
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the site: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The site; the bytes of its pictures.
fn write_site(out: &Path, pictures: usize) -> io::Result<usize> {
    std::fs::create_dir_all(out)?;
    std::fs::write(
        out.join("site.yaml"),
        "base_url: https://example.org/kb/\nlanguages: [he, ar, en]\ntitle: {he: תמונות, ar: صور, en: Pictures}\naccessibility:\n  coordinator: {name: {he: רכזת, ar: منسقة, en: Coordinator}, email: a@example.org}\n  reviewed: 2025-01-01\n",
    )?;
    let mut bytes = 0;
    for item in 0..pictures.div_ceil(4) {
        let dir = out.join(format!("content/news/item-{item:03}"));
        std::fs::create_dir_all(&dir)?;
        let mut names = Vec::new();
        for k in 0..4 {
            let n = item * 4 + k;
            if n >= pictures {
                break;
            }
            let (name, data) = picture(n);
            bytes += data.len();
            std::fs::write(dir.join(&name), data)?;
            names.push(name);
        }
        std::fs::write(
            dir.join("common.yaml"),
            format!(
                "date: 2024-{:02}-{:02}\nimage: {}\n",
                item % 12 + 1,
                item % 28 + 1,
                names[0]
            ),
        )?;
        for (lang, title, alt, caption) in [
            ("he", "עדכון", "תמונה מהשטח", "כיתוב לתמונה"),
            ("ar", "تحديث", "صورة من الميدان", "تعليق على الصورة"),
            ("en", "Update", "A picture from the field", "A caption"),
        ] {
            let mut body =
                format!("---\ntitle: {title} {item}\nimage_alt: {alt} {item}\n---\n{title}.\n\n");
            for (k, name) in names.iter().enumerate().skip(1) {
                if k == 1 {
                    body.push_str(&format!("![{alt} {k}]({name} \"{caption} {k}\")\n\n"));
                } else {
                    body.push_str(&format!("{title}: ![{alt} {k}]({name})\n\n"));
                }
            }
            std::fs::write(dir.join(format!("{lang}.md")), body)?;
        }
    }
    Ok(bytes)
}

/// Picture `n`: its file name and bytes.
fn picture(n: usize) -> (String, Vec<u8>) {
    let mut out = Vec::new();
    if n % 10 == 9 {
        let (w, h) = (1600, 1000);
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            let bar = (x / 160) as usize;
            let high = h - (((bar * 37 + n * 11) % 9) as u32 + 1) * h / 10;
            if y > high && x % 160 > 20 {
                image::Rgb([30 + (bar * 20) as u8, 90, 160])
            } else {
                image::Rgb([250, 250, 250])
            }
        });
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .expect("a PNG");
        return (format!("chart-{n}.png"), out);
    }
    let sizes = [
        (4032, 3024),
        (3000, 2000),
        (2400, 1600),
        (1600, 1200),
        (1200, 800),
    ];
    let (w, h) = sizes[n % sizes.len()];
    let seed = n as u32 * 7919;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let v = texture(x, y, seed);
        let u = texture(x + 5000, y + 5000, seed ^ 0x5bd1);
        image::Rgb([
            (v * 200.0 + 30.0) as u8,
            ((v * 0.6 + u * 0.4) * 210.0 + 20.0) as u8,
            (u * 180.0 + 40.0) as u8,
        ])
    });
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("a JPEG");
    (format!("photo-{n}.jpg"), out)
}

/// Value noise of four scales, 0 to 1: large shapes and fine grain, as in a photo.
fn texture(x: u32, y: u32, seed: u32) -> f32 {
    let mut sum = 0.0;
    let mut weight = 0.0;
    for (scale, w) in [(256, 0.5), (64, 0.25), (16, 0.15), (2, 0.1)] {
        sum += w * smooth(x, y, scale, seed.wrapping_add(scale));
        weight += w;
    }
    sum / weight
}

fn smooth(x: u32, y: u32, scale: u32, seed: u32) -> f32 {
    let (cx, cy) = (x / scale, y / scale);
    let (fx, fy) = (
        (x % scale) as f32 / scale as f32,
        (y % scale) as f32 / scale as f32,
    );
    let at = |i: u32, j: u32| hash(i, j, seed);
    let top = at(cx, cy) * (1.0 - fx) + at(cx + 1, cy) * fx;
    let bottom = at(cx, cy + 1) * (1.0 - fx) + at(cx + 1, cy + 1) * fx;
    top * (1.0 - fy) + bottom * fy
}

fn hash(i: u32, j: u32, seed: u32) -> f32 {
    let mut h = i
        .wrapping_mul(374_761_393)
        .wrapping_add(j.wrapping_mul(668_265_263))
        .wrapping_add(seed.wrapping_mul(2_246_822_519));
    h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
    (h ^ (h >> 16)) as f32 / u32::MAX as f32
}
