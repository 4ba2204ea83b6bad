//! Making a picture's versions: decode it once, turn it upright as its EXIF orientation asks,
//! then for each version resize it (`fast_image_resize`, Lanczos3) and encode it (JPEG with
//! `jpeg-encoder`, PNG with `image`'s fast setting, WebP with libwebp). The encoders are
//! deterministic, so `build` and `serve` publish the same bytes.

use std::io::Cursor;

use fast_image_resize as fr;
use image::{DynamicImage, ImageDecoder, ImageEncoder};

use super::{Format, MAX_PIXELS, QUALITY, Version};

/// The pixels of a decoded picture, upright, 8 bits a channel.
struct Pixels {
    width: u32,
    height: u32,
    bytes: Vec<u8>,
    alpha: bool,
}

/// Makes `versions` of the picture whose file holds `bytes`, in the order asked: decoded
/// once, resized once a width. `Err` holds what went wrong in plain words.
pub fn make(bytes: &[u8], versions: &[Version]) -> Result<Vec<Vec<u8>>, String> {
    let pixels = decode(bytes)?;
    let mut out: Vec<Vec<u8>> = vec![Vec::new(); versions.len()];
    let mut widths: Vec<u32> = versions.iter().map(|v| v.width).collect();
    widths.sort_unstable();
    widths.dedup();
    for width in widths {
        let resized;
        let src = if width == pixels.width {
            &pixels
        } else {
            resized = resize(&pixels, width)?;
            &resized
        };
        for (slot, v) in out.iter_mut().zip(versions) {
            if v.width == width {
                *slot = encode(src, v.format)?;
            }
        }
    }
    Ok(out)
}

fn decode(bytes: &[u8]) -> Result<Pixels, String> {
    let words = |e: image::ImageError| format!("the picture cannot be read: {e}");
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("the picture cannot be read: {e}"))?;
    let mut decoder = reader.into_decoder().map_err(words)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!("the picture is too large ({w} × {h} pixels)"));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(words)?;
    image.apply_orientation(orientation);
    let alpha = image.color().has_alpha();
    let (width, height) = (image.width(), image.height());
    let bytes = if alpha {
        image.into_rgba8().into_raw()
    } else {
        image.into_rgb8().into_raw()
    };
    Ok(Pixels {
        width,
        height,
        bytes,
        alpha,
    })
}

fn pixel_type(alpha: bool) -> fr::PixelType {
    if alpha {
        fr::PixelType::U8x4
    } else {
        fr::PixelType::U8x3
    }
}

fn resize(p: &Pixels, width: u32) -> Result<Pixels, String> {
    let height = super::scaled(p.height, width, p.width);
    let kind = pixel_type(p.alpha);
    let words = |e: &dyn std::fmt::Display| format!("the picture cannot be resized: {e}");
    let src =
        fr::images::ImageRef::new(p.width, p.height, &p.bytes, kind).map_err(|e| words(&e))?;
    let mut dst = fr::images::Image::new(width, height, kind);
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    fr::Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|e| words(&e))?;
    Ok(Pixels {
        width,
        height,
        bytes: dst.into_vec(),
        alpha: p.alpha,
    })
}

fn encode(p: &Pixels, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let color = if p.alpha {
        image::ExtendedColorType::Rgba8
    } else {
        image::ExtendedColorType::Rgb8
    };
    match format {
        Format::Jpeg => {
            let too_large = || {
                format!(
                    "a JPEG is at most 65535 pixels a side, not {} × {}",
                    p.width, p.height
                )
            };
            let w = u16::try_from(p.width).map_err(|_| too_large())?;
            let h = u16::try_from(p.height).map_err(|_| too_large())?;
            let kind = if p.alpha {
                jpeg_encoder::ColorType::Rgba
            } else {
                jpeg_encoder::ColorType::Rgb
            };
            jpeg_encoder::Encoder::new(&mut out, QUALITY)
                .encode(&p.bytes, w, h, kind)
                .map_err(|e| format!("the JPEG version cannot be written: {e}"))?;
        }
        Format::Png => {
            image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::Adaptive,
            )
            .write_image(&p.bytes, p.width, p.height, color)
            .map_err(|e| format!("the PNG version cannot be written: {e}"))?;
        }
        Format::WebP => out = webp(p)?,
        Format::Gif | Format::Svg => {
            return Err(format!("Sulam does not write {} versions", format.name()));
        }
    }
    Ok(out)
}

fn webp(p: &Pixels) -> Result<Vec<u8>, String> {
    let mut config =
        webp::WebPConfig::new().map_err(|_| "the WebP encoder cannot start".to_string())?;
    config.quality = f32::from(QUALITY);
    // libwebp's default effort: method 2 is 2.5 times faster but 3% larger at a lower PSNR,
    // method 6 twice as slow for 4% less (docs/performance.md).
    config.method = 4;
    let encoder = if p.alpha {
        webp::Encoder::from_rgba(&p.bytes, p.width, p.height)
    } else {
        webp::Encoder::from_rgb(&p.bytes, p.width, p.height)
    };
    encoder
        .encode_advanced(&config)
        .map(|m| m.to_vec())
        .map_err(|e| {
            format!(
                "the WebP copy cannot be written ({e:?}); a WebP is at most 16383 pixels a side"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` × `h` with a gradient, so that resizing has something to do.
    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .expect("encode");
        out
    }

    #[test]
    fn versions_have_the_width_asked_and_the_format_asked() {
        let made = make(
            &png(600, 300),
            &[
                Version {
                    width: 480,
                    format: Format::Png,
                },
                Version {
                    width: 480,
                    format: Format::WebP,
                },
                Version {
                    width: 600,
                    format: Format::Jpeg,
                },
            ],
        )
        .expect("made");
        let png480 = image::load_from_memory(&made[0]).expect("a PNG");
        assert_eq!((png480.width(), png480.height()), (480, 240));
        assert_eq!(
            image::guess_format(&made[1]).ok(),
            Some(image::ImageFormat::WebP)
        );
        let webp = image::load_from_memory(&made[1]).expect("a WebP");
        assert_eq!((webp.width(), webp.height()), (480, 240));
        assert_eq!(
            image::guess_format(&made[2]).ok(),
            Some(image::ImageFormat::Jpeg)
        );
        // The same input gives the same bytes: build and serve agree.
        let again = make(
            &png(600, 300),
            &[Version {
                width: 480,
                format: Format::WebP,
            }],
        )
        .expect("made");
        assert_eq!(again[0], made[1]);
    }

    #[test]
    fn a_file_that_is_no_picture_is_an_error_not_a_panic() {
        let e = make(
            b"not a picture at all",
            &[Version {
                width: 480,
                format: Format::WebP,
            }],
        )
        .expect_err("no picture");
        assert!(e.contains("cannot be read"), "{e}");
    }
}
