//! The organisation's look in `site.yaml`: `brand` (logo, favicon, accent colour, share
//! picture) and `menu` (extra header links). Checked with the rest of `site.yaml`: each file
//! must be in `static/`, the accent must be readable (WCAG AA, 4.5:1) where the theme uses
//! it, and each menu link must be an address a reader can follow.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::model::config::{Localized, SITE_FILE};
use crate::model::folders;

/// `brand:` in site.yaml.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// A file in `static/`, shown in the header beside the site's title.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// A file in `static/`: the favicon and the touch icon.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub favicon: Option<Spanned<String>>,
    /// The theme's main colour, `#rrggbb`.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("pattern" = "^#([0-9a-fA-F]{3}){1,2}$"))]
    pub accent: Option<Spanned<String>>,
    /// A file in `static/`: the picture shared pages show when they have none of their own.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub social_image: Option<Spanned<String>>,
}

/// One of `menu:`'s links: its title per language, and where it goes: a whole address, or a
/// page of the site relative to each language's home (`pages/accessibility/`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub title: Localized<String>,
    #[schemars(with = "Localized<String>")]
    pub url: Spanned<Localized<String>>,
}

/// The backgrounds the theme draws the accent on, as links and as the colour of buttons whose
/// text is the paper's colour: the page and the tinted panels, in each scheme. Kept in step
/// with `--paper` and `--wash` in themes/default/static/sulam.css.
const LIGHT_BACKGROUNDS: [Rgb; 2] = [Rgb(0xff, 0xff, 0xff), Rgb(0xf3, 0xf5, 0xf7)];
const DARK_BACKGROUNDS: [Rgb; 2] = [Rgb(0x14, 0x18, 0x1c), Rgb(0x1e, 0x24, 0x2a)];
/// WCAG 2.1 AA for text.
const AA: f64 = 4.5;

/// The accent as the theme applies it: as written in the light scheme, and in the dark one the
/// lightest step towards white of it that is readable on the dark backgrounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Accent {
    pub light: String,
    pub dark: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rgb(u8, u8, u8);

impl Rgb {
    fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
        match hex.len() {
            3 => Some(Rgb(v(0, 1)? * 17, v(1, 1)? * 17, v(2, 1)? * 17)),
            6 => Some(Rgb(v(0, 2)?, v(2, 2)?, v(4, 2)?)),
            _ => None,
        }
    }

    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1).
    fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// `self` moved `t` (0 to 1) of the way to `to`.
    fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance(), b.luminance());
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The lowest contrast of `c` with any of `backgrounds`.
fn worst(c: Rgb, backgrounds: &[Rgb]) -> f64 {
    backgrounds
        .iter()
        .map(|b| contrast(c, *b))
        .fold(f64::INFINITY, f64::min)
}

/// The first step from `c` towards `to` (in hundredths) readable on `backgrounds`.
fn readable_towards(c: Rgb, to: Rgb, backgrounds: &[Rgb]) -> Rgb {
    (0..=100)
        .map(|i| c.mix(to, f64::from(i) / 100.0))
        .find(|s| worst(*s, backgrounds) >= AA)
        .unwrap_or(to)
}

/// The accent for both schemes, or the mistake: not a colour, or too light to read on the
/// light scheme's backgrounds (with its ratio and the nearest darker shade that passes).
pub fn accent(written: &Spanned<String>) -> Result<Accent, Diagnostic> {
    let at = |d: Diagnostic| {
        d.in_file(SITE_FILE)
            .at(written.referenced.line(), written.referenced.column())
    };
    let Some(c) = Rgb::parse(&written.value) else {
        return Err(at(Diagnostic::error(format!(
            "'accent' must be a colour written #rrggbb, not '{}'",
            written.value.escape_debug()
        ))
        .hint("write it in quotes, e.g. accent: \"#0b5394\"")));
    };
    let ratio = worst(c, &LIGHT_BACKGROUNDS);
    if ratio < AA {
        let fix = readable_towards(c, Rgb(0, 0, 0), &LIGHT_BACKGROUNDS);
        return Err(at(Diagnostic::error(format!(
            "the accent {} has a contrast of {ratio:.2}:1 with the page, below the 4.5:1 that \
             readers with low vision need (WCAG AA) for links and buttons",
            c.hex()
        ))
        .hint(format!(
            "use a darker shade of it: accent: \"{}\" reaches {:.2}:1",
            fix.hex(),
            worst(fix, &LIGHT_BACKGROUNDS)
        ))));
    }
    Ok(Accent {
        light: c.hex(),
        dark: readable_towards(c, Rgb(0xff, 0xff, 0xff), &DARK_BACKGROUNDS).hex(),
    })
}

/// A mistake unless `name` is a file of `static/`.
pub fn static_file(root: &Path, field: &str, name: &Spanned<String>) -> Option<Diagnostic> {
    let n = name.value.trim();
    let dir = root.join(folders::STATIC);
    if !n.is_empty() && !n.contains("..") && !n.starts_with('/') && dir.join(n).is_file() {
        return None;
    }
    let files: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    Some(
        Diagnostic::error(format!(
            "'brand: {field}' names '{n}', which is not a file in static/"
        ))
        .in_file(SITE_FILE)
        .at(name.referenced.line(), name.referenced.column())
        .hint_opt(
            did_you_mean(n, files.iter().map(String::as_str)).or_else(|| {
                Some(format!(
                    "put the file in static/ and name it here: {field}: {n}"
                ))
            }),
        ),
    )
}

/// A mistake unless each of the menu link's addresses is `http(s)://…` or a path in the site.
pub fn menu_url(item: &MenuItem) -> Option<Diagnostic> {
    let urls: Vec<&String> = match &item.url.value {
        Localized::Same(u) => vec![u],
        Localized::PerLanguage(by) => by.values().collect(),
    };
    let bad = urls.into_iter().find(|u| {
        let u = u.trim();
        let scheme = u.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("http" | "https" | "mailto" | "tel") => false,
            Some(s) if !s.contains('/') => true,
            _ => u.is_empty() || u.starts_with("//"),
        }
    })?;
    Some(
        Diagnostic::error(format!(
            "a menu link's 'url' must be a web address or a page of the site, not '{}'",
            bad.escape_debug()
        ))
        .in_file(SITE_FILE)
        .at(item.url.referenced.line(), item.url.referenced.column())
        .hint("write e.g. url: https://example.org/donate, or url: pages/contact/ for a page of the site"),
    )
}

/// The address of a menu link on a page in `lang`: as written when it is a whole address;
/// a path of the site is taken from the language's home (`pages/contact/` → `/he/pages/contact/`).
pub fn menu_link(item: &MenuItem, lang: &str, link: &dyn Fn(&str) -> String) -> Option<String> {
    let url = match &item.url.value {
        Localized::Same(u) => u,
        Localized::PerLanguage(by) => by.get(lang).or_else(|| by.values().next())?,
    };
    let url = url.trim();
    if url.contains(':') {
        return Some(url.to_string());
    }
    Some(link(&format!("{lang}/{}", url.trim_start_matches('/'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned(s: &str) -> Spanned<String> {
        serde_saphyr::from_str::<Spanned<String>>(&format!("\"{s}\"")).expect("a string")
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_readable_accent_gets_a_lighter_shade_for_the_dark_scheme() {
        let a = accent(&spanned("#0b5394")).expect("readable");
        assert_eq!(a.light, "#0b5394");
        let dark = Rgb::parse(&a.dark).expect("hex");
        assert!(worst(dark, &DARK_BACKGROUNDS) >= AA, "{}", a.dark);
        // The nearest such shade: one step less light would not do.
        assert!(dark.luminance() > Rgb(0x0b, 0x53, 0x94).luminance());
        assert_eq!(
            accent(&spanned("#036")).expect("short form").light,
            "#003366"
        );
    }

    #[test]
    fn a_light_accent_is_refused_with_its_ratio_and_a_shade_that_passes() {
        let e = accent(&spanned("#7cc4f0")).expect_err("too light");
        assert!(
            e.message
                .contains("the accent #7cc4f0 has a contrast of 1.75:1"),
            "{}",
            e.message
        );
        let hint = e.hint.expect("hint");
        let fix = hint.split('"').nth(1).expect("a colour in the hint");
        assert!(
            worst(Rgb::parse(fix).expect("hex"), &LIGHT_BACKGROUNDS) >= AA,
            "{hint}"
        );
        assert!(accent(&spanned("blue")).is_err());
        assert!(accent(&spanned("#12345")).is_err());
    }
}
