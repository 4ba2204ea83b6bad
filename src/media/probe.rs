//! What a picture file is, read from its first bytes: its format and its size as shown. The
//! pixels are not decoded, so a picture too large to make versions of is refused before it
//! can take the memory.

use std::path::Path;

use image::ImageDecoder;
use image::metadata::Orientation;

use super::{Format, MAX_PIXELS, Picture};

/// Why a picture cannot be published as it is, in plain words, with how to fix it.
#[derive(Debug)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

/// Probes the JPEG, PNG, GIF or WebP picture at `path`, which its name says is in `format`.
pub fn probe(path: &Path, format: Format) -> Result<Picture, Problem> {
    let resave = format!(
        "open it in a picture editor and save it again as {}, or remove it",
        format.name()
    );
    let cannot = |e: std::io::Error| Problem {
        message: format!("cannot read the picture: {}", plain(&e.to_string())),
        hint: "check that the file is there and that you can open it".into(),
    };
    // The format its first bytes show, whatever its name says.
    let mut start = [0u8; 32];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut start))
        .map_err(cannot)?;
    let shown = image::guess_format(&start[..n]).ok();
    let mut reader = image::ImageReader::open(path).map_err(cannot)?;
    // Only the header is read: the size is checked against MAX_PIXELS below, in words.
    reader.no_limits();
    let found = shown.and_then(|f| match f {
        image::ImageFormat::Jpeg => Some(Format::Jpeg),
        image::ImageFormat::Png => Some(Format::Png),
        image::ImageFormat::Gif => Some(Format::Gif),
        image::ImageFormat::WebP => Some(Format::WebP),
        _ => None,
    });
    match found {
        None => {
            return Err(Problem {
                message: format!(
                    "this file is named as a {} picture, but it is not one (it may be damaged, or another kind of file)",
                    format.name()
                ),
                hint: resave,
            });
        }
        Some(f) if f != format => {
            return Err(Problem {
                message: format!(
                    "this file holds a {} picture, but its name says {}",
                    f.name(),
                    format.name()
                ),
                hint: format!("rename it to end in .{}", f.extension()),
            });
        }
        Some(_) => {}
    }
    if let Some(f) = shown {
        reader.set_format(f);
    }
    let mut decoder = reader.into_decoder().map_err(|e| Problem {
        message: format!(
            "this {} picture cannot be read: {}",
            format.name(),
            plain(&e.to_string())
        ),
        hint: resave.clone(),
    })?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS || w == 0 || h == 0 {
        return Err(Problem {
            message: format!(
                "this picture is {w} × {h} pixels ({} megapixels), too large to publish: the limit is {} megapixels",
                u64::from(w) * u64::from(h) / 1_000_000,
                MAX_PIXELS / 1_000_000
            ),
            hint: "save it smaller, for example 3000 pixels wide: a page never shows it wider than 1600".into(),
        });
    }
    let size = if turned(decoder.orientation().unwrap_or(Orientation::NoTransforms)) {
        (h, w)
    } else {
        (w, h)
    };
    Ok(Picture {
        format,
        size: Some(size),
    })
}

/// Whether `o` turns the picture a quarter, so that its width and height swap.
pub(super) fn turned(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// A decoder's message without its trailing detail in brackets, starting lower-case.
fn plain(words: &str) -> String {
    let words = words.split(" (os error").next().unwrap_or(words);
    let mut c = words.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The size an SVG picture gives itself: its `width` and `height` in pixels, else its
/// `viewBox`'s proportions. `None` when it gives neither (the page then leaves the size to
/// the browser).
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start + 4..];
    let tag = &tag[..tag.find('>')?];
    let attrs = attributes(tag);
    let get = |name: &str| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let length = |name: &str| get(name).and_then(pixels);
    let view = get("viewBox").and_then(|v| {
        let n: Vec<f64> = v
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        (n.len() == 4 && n[2] > 0.0 && n[3] > 0.0).then(|| (n[2], n[3]))
    });
    let (w, h) = match (length("width"), length("height"), view) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some(v)) => v,
        _ => return None,
    };
    let round = |x: f64| (x.round() >= 1.0 && x < 100_000.0).then(|| x.round() as u32);
    Some((round(w)?, round(h)?))
}

/// A length in pixels: a plain number or one in `px`; other units say nothing of pixels.
fn pixels(v: &str) -> Option<f64> {
    let v = v.trim();
    let n = v.strip_suffix("px").unwrap_or(v).trim();
    n.parse::<f64>().ok().filter(|x| x.is_finite() && *x > 0.0)
}

/// The `name="value"` (or `'value'`) attributes of a tag's text.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .trim()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            rest = &rest[eq + 1..];
            continue;
        };
        let Some(end) = after[1..].find(quote) else {
            break;
        };
        out.push((name, &after[1..1 + end]));
        rest = &after[end + 2..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_gives_its_size_in_pixels_or_by_its_view_box() {
        let svg = |a: &str| {
            format!(
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" {a}><rect stroke-width=\"3\"/></svg>"
            )
        };
        assert_eq!(
            svg_size(&svg("width=\"120\" height=\"80px\"")),
            Some((120, 80))
        );
        assert_eq!(svg_size(&svg("viewBox=\"0 0 300 150\"")), Some((300, 150)));
        assert_eq!(
            svg_size(&svg("width='600' viewBox='0,0,300,150'")),
            Some((600, 300))
        );
        assert_eq!(svg_size(&svg("width=\"100%\"")), None);
        assert_eq!(svg_size(&svg("stroke-width=\"2\"")), None);
        assert_eq!(svg_size("not a picture"), None);
    }
}
