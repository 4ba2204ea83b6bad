//! `site.yaml`: the site's address, languages, titles, theme and fallback order.
//!
//! Read and checked whole before the content: every mistake in it is reported at once, and
//! nothing is built from settings with an error, since the address and the languages shape
//! every page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::brand::{self, Accent, Brand, MenuItem};
use crate::model::folders;
use crate::text::lang::{Dir, Language};

/// site.yaml as written. Also the source of its JSON Schema (`sulam schema`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSite {
    /// The absolute address of the published site; it may have a path.
    #[schemars(with = "String", extend("pattern" = "^https?://"))]
    base_url: serde_saphyr::Spanned<String>,
    /// The order of the language switcher; the first is the default.
    #[schemars(with = "Vec<RawLanguage>")]
    languages: Vec<serde_saphyr::Spanned<RawLanguage>>,
    #[serde(default)]
    title: BTreeMap<String, String>,
    // The name of a folder in the site's `themes/`, or `default` (built in); no doc comment,
    // which would change the JSON Schema.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    theme: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    fallback: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    accessibility: Option<Accessibility>,
    #[serde(default)]
    extra: Option<serde_json::Value>,
    #[serde(default)]
    #[schemars(with = "Option<MapSettings>")]
    map: Option<serde_saphyr::Spanned<MapSettings>>,
    #[serde(default)]
    brand: Option<Brand>,
    #[serde(default)]
    menu: Vec<MenuItem>,
    /// Lists longer than this are split into pages (default 36).
    #[serde(default)]
    #[schemars(with = "Option<u64>", extend("minimum" = 1))]
    per_page: Option<serde_saphyr::Spanned<u64>>,
}

/// `map:` in site.yaml: the frame of the town maps, and a picture to draw under the towns.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapSettings {
    /// A file in the site's `static/` folder (SVG, PNG, WebP…) drawn to fill `bbox` exactly.
    #[serde(default)]
    pub outline: Option<String>,
    /// `[west, south, east, north]` in degrees.
    #[serde(default)]
    pub bbox: Option<[f64; 4]>,
}

/// A text given once for all languages, or per language.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Localized<T> {
    Same(T),
    PerLanguage(BTreeMap<String, T>),
}

/// The facts of the accessibility statement that Israeli regulations require (regulation 35 of
/// the Service Accessibility Adjustments Regulations, 2013): the coordinator and how to reach
/// them, the date of the last review, what is not yet accessible.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    pub coordinator: Coordinator,
    /// `YYYY-MM-DD`.
    #[schemars(with = "String", extend("pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub reviewed: serde_saphyr::Spanned<String>,
    /// The standard and level met; default "IS 5568 (WCAG 2.1, level AA)".
    #[serde(default)]
    pub standard: Option<String>,
    #[serde(default)]
    pub not_accessible: Option<Localized<Vec<String>>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
    pub name: Localized<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum RawLanguage {
    Code(String),
    Full {
        code: String,
        #[serde(default)]
        dir: Option<Dir>,
    },
}

/// The site's settings, checked.
#[derive(Debug, Clone, Default)]
pub struct SiteConfig {
    pub root: PathBuf,
    /// Absolute address of the site, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/kb/`): every link starts with it.
    pub base_path: String,
    pub languages: Vec<Language>,
    pub title: BTreeMap<String, String>,
    pub theme: String,
    fallback: BTreeMap<String, Vec<String>>,
    pub accessibility: Option<Accessibility>,
    pub extra: serde_json::Value,
    pub map: Option<MapSettings>,
    /// The site's own icon in `static/` (its name, its type): `brand: favicon`, else one
    /// of `FAVICONS` found when site.yaml is read.
    pub favicon: Option<(String, &'static str)>,
    /// `brand:` of site.yaml, its files checked.
    pub brand: Brand,
    /// `brand: accent` as the theme applies it in each scheme.
    pub accent: Option<Accent>,
    /// `menu:` of site.yaml: extra links in the header.
    pub menu: Vec<MenuItem>,
    /// Whether the site has its own `static/custom.css`, looked for when site.yaml is read.
    pub custom_css: bool,
    /// How many entries a page of a list shows: `per_page`, else [`DEFAULT_PER_PAGE`].
    pub per_page: usize,
}

/// How many entries a page of a list shows when site.yaml does not say. 36 fills rows of two,
/// three and four cards alike, keeps a phone's scroll to a few screens, and is more than the
/// example site's longest list (25 initiatives), so a small site never meets a second page.
pub const DEFAULT_PER_PAGE: usize = 36;

/// The names a site's own icon may have in `static/`, with their types, in the order they are
/// preferred.
const FAVICONS: [(&str, &str); 3] = [
    ("favicon.svg", "image/svg+xml"),
    ("favicon.png", "image/png"),
    ("favicon.ico", ""),
];

pub const SITE_FILE: &str = "site.yaml";

/// The site's own icon: `brand: favicon`, else the first of `FAVICONS` in `static/`.
fn site_icon(root: &Path, brand: Option<&Brand>) -> Option<(String, &'static str)> {
    if let Some(f) = brand.and_then(|b| b.favicon.as_ref()) {
        let name = f.value.trim().to_string();
        let ty = match name
            .rsplit('.')
            .next()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("webp") => "image/webp",
            _ => "",
        };
        return Some((name, ty));
    }
    FAVICONS
        .into_iter()
        .find(|(name, _)| root.join(folders::STATIC).join(name).is_file())
        .map(|(name, ty)| (name.to_string(), ty))
}

/// `brand:`'s files are in `static/` and its accent is readable; the accent for each scheme.
fn check_brand(b: &Brand, root: &Path, errors: &mut SiteErrors) -> Option<Accent> {
    for (field, file) in [
        ("logo", &b.logo),
        ("favicon", &b.favicon),
        ("social_image", &b.social_image),
    ] {
        if let Some(f) = file {
            errors.0.extend(brand::static_file(root, field, f));
        }
    }
    match b.accent.as_ref().map(brand::accent)? {
        Ok(a) => Some(a),
        Err(d) => {
            errors.0.push(d);
            None
        }
    }
}

impl SiteConfig {
    /// Reads and checks `site.yaml`. Every mistake is reported, not only the first; `None`
    /// when there was an error. `base_url_override` is `--base-url`.
    pub fn load(
        root: &Path,
        base_url_override: Option<&str>,
        diags: &mut Diagnostics,
    ) -> Option<SiteConfig> {
        let raw = RawSite::read(root, diags)?;
        let mut errors = SiteErrors::default();
        let languages = raw.checked_languages(&mut errors);
        let (base_url, base_path) = raw.checked_base_url(base_url_override, &mut errors);
        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        raw.check_language_names(&codes, &mut errors);
        if let Some(a) = &raw.accessibility {
            check_accessibility(a, &mut errors);
        }
        if let Some(m) = &raw.map {
            check_map(m, root, &mut errors);
        }
        if let Some(t) = &raw.theme {
            check_theme(t, &mut errors);
        }
        let accent = raw
            .brand
            .as_ref()
            .and_then(|b| check_brand(b, root, &mut errors));
        for item in &raw.menu {
            errors.0.extend(brand::menu_url(item));
        }
        let per_page = raw.checked_per_page(&mut errors);
        let ok = errors.0.is_empty();
        for e in errors.0 {
            diags.push(e);
        }
        raw.warn_missing_titles(&codes, diags);
        if !ok {
            return None;
        }
        Some(SiteConfig {
            root: root.to_path_buf(),
            base_url,
            base_path,
            languages,
            title: raw.title,
            theme: raw.theme.map_or_else(|| "default".into(), |t| t.value),
            fallback: raw.fallback,
            accessibility: raw.accessibility,
            extra: raw.extra.unwrap_or(serde_json::Value::Null),
            map: raw.map.map(|m| m.value),
            favicon: site_icon(root, raw.brand.as_ref()),
            custom_css: root.join(folders::STATIC).join("custom.css").is_file(),
            brand: raw.brand.unwrap_or_default(),
            accent,
            menu: raw.menu,
            per_page,
        })
    }

    /// Settings with only the folder and the languages: enough to read `content/` when
    /// site.yaml has errors (`salvage`), never to render.
    pub(crate) fn languages_only(root: &Path, languages: Vec<Language>) -> SiteConfig {
        let (root, base_path) = (root.to_path_buf(), "/".to_string());
        SiteConfig {
            root,
            languages,
            base_path,
            ..SiteConfig::default()
        }
    }

    /// The first language listed; `load` refuses a site that lists none.
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The languages to borrow text from for `lang`, in order: the site's fallback list, then
    /// the site's languages in their order.
    pub fn fallback_chain(&self, lang: &str) -> Vec<&str> {
        let mut chain: Vec<&str> = Vec::new();
        if let Some(list) = self.fallback.get(lang) {
            chain.extend(list.iter().map(String::as_str));
        }
        for l in &self.languages {
            if !chain.contains(&l.code.as_str()) {
                chain.push(&l.code);
            }
        }
        chain.retain(|l| *l != lang);
        chain
    }

    /// The site's title in `lang`, else in the first language along the fallback chain.
    pub fn site_title(&self, lang: &str) -> String {
        if let Some(t) = self.title.get(lang) {
            return t.clone();
        }
        self.fallback_chain(lang)
            .into_iter()
            .find_map(|l| self.title.get(l).cloned())
            .unwrap_or_default()
    }

    /// `value` in `lang`, else along the fallback chain; with the language it is in.
    pub fn localized<'a, T>(&self, value: &'a Localized<T>, lang: &str) -> Option<(&'a T, String)> {
        match value {
            Localized::Same(v) => Some((v, lang.to_string())),
            Localized::PerLanguage(map) => std::iter::once(lang)
                .chain(self.fallback_chain(lang))
                .find_map(|l| map.get(l).map(|v| (v, l.to_string()))),
        }
    }

    /// A site-relative path (`he/towns/sderot/`) as a link (`/kb/he/towns/sderot/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// A site-relative path as an absolute address.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

/// The errors found in `site.yaml`, kept apart from `diags` until all checks have run, so
/// that they come before the warnings and decide whether the settings can be used.
#[derive(Default)]
struct SiteErrors(Vec<Diagnostic>);

impl SiteErrors {
    fn push(&mut self, d: Diagnostic) {
        self.0.push(d.in_file(SITE_FILE));
    }
}

impl RawSite {
    /// `site.yaml` parsed, or why it could not be read or parsed.
    fn read(root: &Path, diags: &mut Diagnostics) -> Option<RawSite> {
        let text = match crate::model::read::read_text(&root.join(SITE_FILE), Path::new(SITE_FILE))
        {
            Ok(t) => t,
            Err(d) => {
                let missing = !root.join(SITE_FILE).exists();
                diags.push(if missing {
                    d.hint("run sulam in the site folder, or name it with --root DIR")
                } else {
                    d
                });
                return None;
            }
        };
        let text = crate::model::limits::checked(text, Path::new(SITE_FILE), diags)?;
        match serde_saphyr::from_str_with_options(&text, crate::model::yaml::yaml_options()) {
            Ok(r) => Some(r),
            Err(e) => {
                diags.push(crate::model::yaml::parse_error(
                    &e,
                    Path::new(SITE_FILE),
                    &text,
                    0,
                ));
                None
            }
        }
    }

    /// The listed languages that are well formed, each once, with their writing direction.
    fn checked_languages(&self, errors: &mut SiteErrors) -> Vec<Language> {
        let mut languages: Vec<Language> = Vec::new();
        for spanned in &self.languages {
            let (code, dir) = match &spanned.value {
                RawLanguage::Code(c) => (c.clone(), None),
                RawLanguage::Full { code, dir } => (code.clone(), *dir),
            };
            let at = (spanned.referenced.line(), spanned.referenced.column());
            if !valid_language_code(&code) {
                errors.push(
                    Diagnostic::error(format!("'{code}' is not a language code"))
                        .at(at.0, at.1)
                        .hint("use a code such as he, ar, en"),
                );
                continue;
            }
            if languages.iter().any(|l| l.code == code) {
                errors.push(
                    Diagnostic::error(format!("language '{code}' is listed twice")).at(at.0, at.1),
                );
                continue;
            }
            let dir = dir.unwrap_or_else(|| Dir::of_language(&code));
            languages.push(Language { code, dir });
        }
        if self.languages.is_empty() {
            errors.push(
                Diagnostic::error("'languages' is empty")
                    .hint("list at least one, e.g. languages: [he, ar, en]"),
            );
        }
        languages
    }

    /// The site's address and its path, from `--base-url` when given, else from `base_url`.
    fn checked_base_url(
        &self,
        base_url_override: Option<&str>,
        errors: &mut SiteErrors,
    ) -> (String, String) {
        let base_source = base_url_override.unwrap_or(&self.base_url.value);
        let why = match base_url_parts(base_source) {
            Ok(v) => return v,
            Err(why) => why,
        };
        // The hint is a fixed example: it never repeats the value, which may be hostile.
        let d = Diagnostic::error(format!(
            "'{}' is not an absolute http(s) address{why}",
            shown(base_source.trim())
        ))
        .hint("write it like https://example.org/ or https://example.org/kb/");
        if base_url_override.is_some() {
            errors.push(d.hint("give --base-url a full address, like https://example.org/kb/"));
        } else {
            errors.push(d.at(
                self.base_url.referenced.line(),
                self.base_url.referenced.column(),
            ));
        }
        (String::new(), "/".into())
    }

    /// `per_page`, at least 1, else the default.
    fn checked_per_page(&self, errors: &mut SiteErrors) -> usize {
        let Some(n) = &self.per_page else {
            return DEFAULT_PER_PAGE;
        };
        match usize::try_from(n.value) {
            Ok(v) if v >= 1 => v,
            _ => {
                errors.push(
                    Diagnostic::error(format!(
                        "per_page: {} is not a number of entries a page can show",
                        n.value
                    ))
                    .at(n.referenced.line(), n.referenced.column())
                    .hint(format!(
                        "write a whole number from 1 up, e.g. 'per_page: 24', or remove the line for {DEFAULT_PER_PAGE} a page"
                    )),
                );
                DEFAULT_PER_PAGE
            }
        }
    }

    /// `fallback` and `title` name only the site's languages.
    fn check_language_names(&self, codes: &[&str], errors: &mut SiteErrors) {
        for (lang, list) in &self.fallback {
            for l in std::iter::once(lang).chain(list.iter()) {
                if !codes.contains(&l.as_str()) {
                    errors.push(
                        Diagnostic::error(format!(
                            "fallback names '{l}', which is not one of the site's languages"
                        ))
                        .hint_opt(crate::diagnostics::did_you_mean(l, codes.iter().copied())),
                    );
                }
            }
        }
        for lang in self.title.keys() {
            if !codes.contains(&lang.as_str()) {
                errors.push(Diagnostic::error(format!(
                    "title is given for '{lang}', which is not one of the site's languages"
                )));
            }
        }
    }

    /// A warning for each language the site has no title in.
    fn warn_missing_titles(&self, codes: &[&str], diags: &mut Diagnostics) {
        for l in codes {
            if !self.title.contains_key(*l) {
                diags.push(
                    Diagnostic::warning(format!("the site has no title in '{l}'"))
                        .in_file(SITE_FILE)
                        .hint(format!("add '{l}: ...' under title:")),
                );
            }
        }
    }
}

/// The statement's review date is a date, and readers have a way to reach the coordinator.
fn check_accessibility(a: &Accessibility, errors: &mut SiteErrors) {
    if crate::text::format::parse_date(a.reviewed.value.trim()).is_none() {
        errors.push(
            Diagnostic::error(format!(
                "accessibility.reviewed: '{}' is not a date",
                a.reviewed.value
            ))
            .at(a.reviewed.referenced.line(), a.reviewed.referenced.column())
            .hint("write the date of the last review as YYYY-MM-DD"),
        );
    }
    if a.coordinator.email.is_none() && a.coordinator.phone.is_none() {
        errors.push(
            Diagnostic::error("accessibility.coordinator needs an email or a phone").hint(
                "readers must be able to reach the accessibility coordinator: add email: or phone:",
            ),
        );
    }
}

/// The map's frame is a box on the globe, and its outline picture has a frame and exists.
fn check_map(m: &serde_saphyr::Spanned<MapSettings>, root: &Path, errors: &mut SiteErrors) {
    let at = (m.referenced.line(), m.referenced.column());
    if let Some([w, s, e, n]) = m.value.bbox
        && !(-180.0 <= w && w < e && e <= 180.0 && -90.0 <= s && s < n && n <= 90.0)
    {
        errors.push(
            Diagnostic::error(format!(
                "map.bbox [{w}, {s}, {e}, {n}] is not [west, south, east, north] in degrees"
            ))
            .at(at.0, at.1)
            .hint(
                "write e.g. bbox: [34.2, 29.4, 35.9, 33.4]: west before east, south before north",
            ),
        );
    }
    if let Some(o) = &m.value.outline {
        if m.value.bbox.is_none() {
            errors.push(Diagnostic::error("map.outline needs map.bbox")
                .at(at.0, at.1)
                .hint("give the longitudes and latitudes of the picture's edges: bbox: [west, south, east, north]"));
        }
        if !root
            .join(folders::STATIC)
            .join(o.trim_start_matches('/'))
            .is_file()
        {
            errors.push(Diagnostic::error(format!("map.outline: there is no file static/{o}"))
                .at(at.0, at.1)
                .hint("put the picture in the site's static/ folder and name it relative to that folder"));
        }
    }
}

/// A theme is a folder of the site's `themes/` (or the built-in `default`): its name is a
/// plain folder name, never a path, so that no file from elsewhere on the disk is published.
fn check_theme(t: &serde_saphyr::Spanned<String>, errors: &mut SiteErrors) {
    let name = &t.value;
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !plain {
        errors.push(
            Diagnostic::error(format!(
                "theme: '{}' is not the name of a theme folder",
                shown(name)
            ))
            .at(t.referenced.line(), t.referenced.column())
            .hint("themes come from the site's themes/ folder: write the folder's name alone, e.g. 'theme: mytheme' for themes/mytheme/, or remove 'theme:' for the built-in theme"),
        );
    }
}

pub(crate) fn valid_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// What is wrong with a site address, in words that follow "is not an absolute http(s)
/// address".
type Why = &'static str;

/// `https://example.org/kb` → (`https://example.org/kb/`, `/kb/`), or why `s` cannot be the site's address. The address goes as it
/// is into every page, the feeds, the sitemap and robots.txt, so it may hold nothing that
/// could end an attribute or start markup there: no quotes, spaces, `<`, `>` or control
/// characters.
fn base_url_parts(s: &str) -> Result<(String, String), Why> {
    let s = s.trim();
    let (scheme, rest) = match (s.strip_prefix("https://"), s.strip_prefix("http://")) {
        (Some(rest), _) => ("https", rest),
        (None, Some(rest)) => ("http", rest),
        _ => return Err(""),
    };
    if s.chars()
        .any(|c| c.is_control() || c.is_whitespace() || "\"'<>`\\{}|^".contains(c))
    {
        return Err(": it may not hold spaces, quotes, <, > or other signs of markup");
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    // `[::1]:8080` (an IPv6 address in brackets) or `example.org:8080`.
    let (name, port) = match host.strip_prefix('[').and_then(|h| h.split_once(']')) {
        Some((ip, after)) => (
            ip,
            after
                .strip_prefix(':')
                .or(Some(after).filter(|a| !a.is_empty())),
        ),
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let bracketed = host.starts_with('[');
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.' || (bracketed && c == ':'));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !name_ok || !port_ok {
        return Err(": after http:// or https:// comes the name of a host, such as example.org");
    }
    if path.contains(['?', '#']) {
        return Err(": the address of a site has no ? or # part");
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok((format!("{scheme}://{host}{path}"), path))
}

/// `s` as it can be shown in a message: control characters (which could move the cursor or
/// recolour a terminal) written as escapes.
fn shown(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_path() {
        assert_eq!(
            base_url_parts("https://example.org/kb"),
            Ok(("https://example.org/kb/".into(), "/kb/".into()))
        );
        assert_eq!(
            base_url_parts("http://localhost:1111"),
            Ok(("http://localhost:1111/".into(), "/".into()))
        );
        assert_eq!(
            base_url_parts("http://[::1]:8080/kb/"),
            Ok(("http://[::1]:8080/kb/".into(), "/kb/".into()))
        );
        assert!(base_url_parts("example.org").is_err());
    }

    #[test]
    fn base_url_with_markup_or_no_host_is_refused() {
        for bad in [
            "https://x/\"><script>alert(1)</script>",
            "https://x/'onload='a",
            "https://x.org/a b",
            "https://x.org/\u{1b}[31m",
            "https://javascript:alert(1)",
            "https://",
            "https:///kb/",
            "https://user@x.org/",
            "javascript:alert(1)",
            "https://x.org/?q=1",
        ] {
            assert!(base_url_parts(bad).is_err(), "{bad} accepted");
        }
    }
}
