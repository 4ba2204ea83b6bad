//! Video: a fenced block with the info string `video`, whose YAML names the video (`url`:
//! YouTube, Vimeo or a video file of the entry), says what it is about (`title`, required: the
//! player's accessible name) and may give captions for a file (`captions`).
//!
//! Nothing on the page asks YouTube or Vimeo for anything until the reader presses play: the
//! page holds a link to the video's own page, in a 16:9 box with the title and a play sign
//! drawn by the stylesheet (no thumbnail from the host, no preconnect). `video.js`, loaded by
//! `sulam.js` on pages that have a video, shows a play button in the link's place, and on a
//! press puts the player there at the host's privacy-enhanced address. The script builds that
//! address itself from the host's name and an id it checks (`data-video-host`,
//! `data-video-id`), never from an address in the page: an author's raw HTML can carry any
//! `data-` attribute. Without JavaScript the link stays. A file of the entry is a `<video>`
//! that loads nothing before it is played (`preload="none"`), with its captions as a `<track>`.

use std::collections::HashMap;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use super::{Context, entry_file_url};
use crate::diagnostics::{Diagnostic, Severity, YamlPlace, closest, yaml_diagnostic};
use crate::text::escape::escape;
use crate::text::i18n::strip_isolation;
use crate::text::lang::{isolate_ltr_runs, native_name};

/// The UI string of the play button's accessible name.
pub const UI_KEYS: [&str; 1] = ["video-play"];

/// The fields a video block may have.
const FIELDS: [&str; 3] = ["url", "title", "captions"];

/// The kinds of file that browsers play, with their media type.
const FILE_TYPES: [(&str, &str); 2] = [("mp4", "video/mp4"), ("webm", "video/webm")];

/// As every YAML file of a site is read (`model::yaml::yaml_options`, which the text stage
/// does not name): `yes` and `no` stay text.
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! { strict_booleans: true }
}

/// A video block's fields; unknown ones are found by `unknown_fields` first.
#[derive(Deserialize)]
struct Block {
    url: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    captions: Option<Spanned<String>>,
}

/// Where a video plays from.
#[derive(Debug, PartialEq, Eq)]
pub enum Source {
    /// A YouTube video, by its id (11 letters, digits, `-` and `_`).
    YouTube(String),
    /// A Vimeo video, by its number.
    Vimeo(String),
    /// A file of the entry, by its name.
    File(String),
}

/// Why an address cannot be played here.
#[derive(Debug, PartialEq, Eq)]
pub enum Unplayable {
    /// An address on another site than YouTube or Vimeo, or not a web address at all.
    Elsewhere,
    /// A YouTube or Vimeo address that is not a video's (a channel, a playlist).
    NotAVideo(Host),
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Host {
    YouTube,
    Vimeo,
}

impl Host {
    /// The name `video.js` knows the host by (`data-video-host`).
    fn code(self) -> &'static str {
        match self {
            Host::YouTube => "youtube",
            Host::Vimeo => "vimeo",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Host::YouTube => "YouTube",
            Host::Vimeo => "Vimeo",
        }
    }

    /// The video's own page, where the link without JavaScript leads.
    fn watch_url(self, id: &str) -> String {
        match self {
            Host::YouTube => format!("https://www.youtube.com/watch?v={id}"),
            Host::Vimeo => format!("https://vimeo.com/{id}"),
        }
    }

    fn example(self) -> &'static str {
        match self {
            Host::YouTube => "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            Host::Vimeo => "https://vimeo.com/76979871",
        }
    }
}

/// Where the video at `url` plays from: a web address must be a YouTube or Vimeo video's;
/// anything without a scheme is taken for a file name (`file_problem` checks it).
pub fn source(url: &str) -> Result<Source, Unplayable> {
    let url = url.trim();
    let Some((scheme, rest)) = scheme_of(url) else {
        return Ok(Source::File(url.to_string()));
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return Err(Unplayable::Elsewhere);
    }
    let rest = rest.strip_prefix("//").ok_or(Unplayable::Elsewhere)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(end);
    // No user, password or port: `youtube.com@evil.example` is evil.example.
    if authority.contains(['@', ':', '\\']) {
        return Err(Unplayable::Elsewhere);
    }
    let host = authority.to_ascii_lowercase();
    let after = after.split_once('#').map_or(after, |(a, _)| a);
    let (path, query) = after.split_once('?').unwrap_or((after, ""));
    let path = path.strip_suffix('/').unwrap_or(path);
    match host.as_str() {
        "youtube.com"
        | "www.youtube.com"
        | "m.youtube.com"
        | "youtube-nocookie.com"
        | "www.youtube-nocookie.com" => youtube_path(path, query),
        "youtu.be" | "www.youtu.be" => youtube_id(path.strip_prefix('/').unwrap_or("")),
        "vimeo.com" | "www.vimeo.com" => vimeo_id(path.strip_prefix('/').unwrap_or("")),
        "player.vimeo.com" => vimeo_id(path.strip_prefix("/video/").unwrap_or("")),
        _ => Err(Unplayable::Elsewhere),
    }
}

/// The scheme of `url` and what follows its colon, when it has one (a colon before any `/`,
/// `?` or `#`, after a letter and letters, digits, `+`, `-` or `.`).
fn scheme_of(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some((scheme, rest))
}

/// A YouTube address's video, from its path and query: `/watch?v=ID`, `/embed/ID`,
/// `/shorts/ID`, `/live/ID`.
fn youtube_path(path: &str, query: &str) -> Result<Source, Unplayable> {
    if path == "/watch" {
        let id = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("v="))
            .unwrap_or("");
        return youtube_id(id);
    }
    for prefix in ["/embed/", "/shorts/", "/live/"] {
        if let Some(id) = path.strip_prefix(prefix) {
            return youtube_id(id);
        }
    }
    Err(Unplayable::NotAVideo(Host::YouTube))
}

/// The same test as `video.js`'s: 11 of A–Z, a–z, 0–9, `-` and `_`.
fn youtube_id(id: &str) -> Result<Source, Unplayable> {
    if id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(Source::YouTube(id.to_string()))
    } else {
        Err(Unplayable::NotAVideo(Host::YouTube))
    }
}

/// The same test as `video.js`'s: 1 to 12 digits.
fn vimeo_id(id: &str) -> Result<Source, Unplayable> {
    if (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Source::Vimeo(id.to_string()))
    } else {
        Err(Unplayable::NotAVideo(Host::Vimeo))
    }
}

/// A video block: `yaml` is its text, `fence` the body's line (from 1) of its opening fence.
/// Its HTML, or nothing when it has a mistake (each pushed to `problems` at its line).
pub fn render(yaml: &str, fence: u64, cx: &Context, problems: &mut Vec<Diagnostic>) -> String {
    let before = problems.len();
    let Some((block, meant)) = read(yaml, fence, problems) else {
        return String::new();
    };
    let at = |s: &Spanned<String>| fence + s.referenced.line();
    let title = block
        .title
        .as_ref()
        .map(|t| t.value.trim())
        .filter(|t| !t.is_empty());
    // A missing field that a misspelt one was meant to be has been reported with it.
    if title.is_none() && !meant.contains(&"title") {
        problems.push(
            Diagnostic::error("the video has no title")
                .at(block.title.as_ref().map_or(fence, at), 0)
                .hint("add a line 'title: ...' that says what the video is about: screen readers give it as the player's name"),
        );
    }
    let Some(url) = &block.url else {
        if meant.contains(&"url") {
            return String::new();
        }
        problems.push(
            Diagnostic::error("the video has no 'url'")
                .at(fence, 0)
                .hint("add a line 'url: ...' with a YouTube or Vimeo address, or the name of a video file of this entry"),
        );
        return String::new();
    };
    // A file's captions are checked even when the file is not found.
    let is_file = matches!(source(&url.value), Ok(Source::File(_)));
    let played = source_of(url, cx)
        .map_err(|d| problems.push(d.at(at(url), 0)))
        .ok();
    let captions = match &block.captions {
        Some(c) if is_file => captions_of(c, cx)
            .map_err(|d| problems.push(d.at(at(c), 0)))
            .ok(),
        Some(c) => {
            problems.push(
                Diagnostic::warning("captions are shown only with a video file of this entry")
                    .at(at(c), 0)
                    .hint("YouTube and Vimeo show the captions uploaded there: add them on the video's page, and remove this line"),
            );
            None
        }
        None => None,
    };
    let failed = problems[before..]
        .iter()
        .any(|d| d.severity == Severity::Error);
    match (title, played) {
        (Some(title), Some(played)) if !failed => html(&played, title, captions.as_ref(), cx),
        _ => String::new(),
    }
}

/// The block's fields, and the fields that its unknown ones were likely meant to be (`titel`:
/// `title`); nothing when its YAML has a mistake. Each mistake is pushed to `problems`.
fn read(
    source: &str,
    fence: u64,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Block, Vec<&'static str>)> {
    if source.trim().is_empty() {
        problems.push(
            Diagnostic::error("the video block is empty")
                .at(fence, 0)
                .hint("write 'url: ...' and 'title: ...' lines inside it"),
        );
        return None;
    }
    let yaml_error = |e: serde_saphyr::Error| yaml_problem(&e, source, fence);
    let keys: HashMap<Spanned<String>, IgnoredAny> =
        match serde_saphyr::from_str_with_options(source, yaml_options()) {
            Ok(k) => k,
            Err(e) => {
                problems.push(yaml_error(e));
                return None;
            }
        };
    let mut unknown: Vec<&Spanned<String>> = keys
        .keys()
        .filter(|k| !FIELDS.contains(&k.value.as_str()))
        .collect();
    unknown.sort_by_key(|k| k.referenced.line());
    let mut meant = Vec::new();
    for k in &unknown {
        let hint = match closest(&k.value, FIELDS) {
            Some(field) => {
                meant.push(field);
                format!("did you mean '{field}'?")
            }
            None => "its fields are url, title and captions".into(),
        };
        problems.push(
            Diagnostic::error(format!("a video block has no field '{}'", k.value))
                .at(fence + k.referenced.line(), 0)
                .hint(hint),
        );
    }
    match serde_saphyr::from_str_with_options::<Block>(source, yaml_options()) {
        Ok(b) => Some((b, meant)),
        Err(e) => {
            problems.push(yaml_error(e));
            None
        }
    }
}

/// A YAML mistake of the block in plain words, at its line in the body, naming the field
/// when the mistake is on a field's line.
fn yaml_problem(err: &serde_saphyr::Error, source: &str, fence: u64) -> Diagnostic {
    let line = err
        .location()
        .and_then(|l| usize::try_from(l.line()).ok())
        .and_then(|l| source.lines().nth(l.checked_sub(1)?));
    let field = line
        .and_then(|l| l.split_once(':'))
        .map(|(k, _)| k.trim())
        .filter(|k| FIELDS.contains(k));
    let place = YamlPlace {
        field: field.map(str::to_string),
        ..YamlPlace::default()
    };
    let mut d = yaml_diagnostic(err, std::path::Path::new(""), fence, &place);
    // At a line of the body: the caller names the file (a file here would be another one).
    d.file = None;
    // The general hint speaks of files of facts; a video block is smaller.
    if d.message.starts_with("expected 'field: value' lines") {
        return d.hint(
            "a video block is 'field: value' lines, like 'url: https://youtu.be/…' and 'title: …'",
        );
    }
    d
}

/// Where `url` plays from, with the mistake in plain words when it cannot be played here.
fn source_of(url: &Spanned<String>, cx: &Context) -> Result<Source, Diagnostic> {
    let written = url.value.trim();
    match source(written) {
        Ok(Source::File(name)) => file_problem(&name, cx).map_or(Ok(Source::File(name)), Err),
        Ok(s) => Ok(s),
        Err(Unplayable::Elsewhere) => Err(Diagnostic::error(format!(
            "'{written}' cannot be played here: only YouTube, Vimeo or a video file of this entry can be"
        ))
        .hint("link to it in the text instead: [what the video is about](address)")),
        Err(Unplayable::NotAVideo(host)) => Err(Diagnostic::error(format!(
            "'{written}' is not the address of a {} video",
            host.name()
        ))
        .hint(format!(
            "use the video's own address, like {}",
            host.example()
        ))),
    }
}

/// What is wrong with `name` as a video file of the entry, if anything.
fn file_problem(name: &str, cx: &Context) -> Option<Diagnostic> {
    let ext = extension(name);
    if !FILE_TYPES.iter().any(|(e, _)| *e == ext) {
        return Some(
            Diagnostic::error(format!("'{name}' is not a video file that browsers play"))
                .hint("use an .mp4 or .webm file of this entry, or a YouTube or Vimeo address starting with https://"),
        );
    }
    missing_file(name, cx)
}

/// An error when `name` is not a file of the entry (unknown when the body has no entry).
fn missing_file(name: &str, cx: &Context) -> Option<Diagnostic> {
    let files = cx.files?;
    let path = std::path::Path::new(name);
    if !name.contains("..") && files.names.iter().any(|n| n == path) {
        return None;
    }
    Some(
        Diagnostic::error(format!("'{name}' is not a file in this entry's folder")).hint(
            files
                .did_you_mean(name)
                .unwrap_or_else(|| "put the file in the entry's folder, beside this text".into()),
        ),
    )
}

/// The captions file and the language it is in.
struct Captions {
    name: String,
    lang: String,
}

fn captions_of(c: &Spanned<String>, cx: &Context) -> Result<Captions, Diagnostic> {
    let name = c.value.trim();
    if extension(name) != "vtt" {
        return Err(
            Diagnostic::error(format!("the captions '{name}' are not a WebVTT file"))
                .hint("browsers show captions from a .vtt file; most subtitle editors save one"),
        );
    }
    if let Some(d) = missing_file(name, cx) {
        return Err(d);
    }
    // `talk.ar.vtt` is in Arabic whatever the body's language; `talk.vtt` in the body's.
    let stem = &name[..name.len() - 4];
    let lang = stem
        .rsplit_once('.')
        .map(|(_, l)| l)
        .filter(|l| cx.site_langs.iter().any(|s| s.code == *l))
        .unwrap_or(cx.lang);
    Ok(Captions {
        name: name.to_string(),
        lang: lang.to_string(),
    })
}

/// A file name's extension, in lower case.
fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn html(played: &Source, title: &str, captions: Option<&Captions>, cx: &Context) -> String {
    let (host, id) = match played {
        Source::YouTube(id) => (Host::YouTube, id),
        Source::Vimeo(id) => (Host::Vimeo, id),
        Source::File(name) => return file_html(name, title, captions, cx),
    };
    let shown = isolate_ltr_runs(title, cx.dir);
    let play = match cx.words {
        Some(w) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("title", title);
            strip_isolation(&w.strings.get(cx.lang, "video-play", Some(&args)))
        }
        None => format!("Play video: {title}"),
    };
    // The link names the site it leads to; the button's name is "Play video: <title>", and
    // holds the title only, so that what it shows is in its name (WCAG 2.5.3).
    let poster = format!(
        "<span class=\"video-icon\" aria-hidden=\"true\"></span><span class=\"video-title\">{shown}</span>"
    );
    format!(
        "<div class=\"video\" data-video-host=\"{code}\" data-video-id=\"{id}\">\n<a class=\"video-poster\" href=\"{watch}\">{poster}<span class=\"video-host\">{name}</span></a>\n<button type=\"button\" class=\"video-poster\" aria-label=\"{label}\" hidden>{poster}</button>\n</div>\n",
        code = host.code(),
        watch = escape(&host.watch_url(id)),
        name = host.name(),
        label = escape(&play),
    )
}

fn file_html(name: &str, title: &str, captions: Option<&Captions>, cx: &Context) -> String {
    let src = escape(&entry_file_url(cx, name));
    let kind = FILE_TYPES
        .iter()
        .find(|(e, _)| *e == extension(name))
        .map_or("video/mp4", |(_, t)| t);
    let track = captions.map_or(String::new(), |c| {
        format!(
            "<track kind=\"captions\" src=\"{}\" srclang=\"{}\" label=\"{}\" default>",
            escape(&entry_file_url(cx, &c.name)),
            escape(&c.lang),
            escape(&native_name(&c.lang)),
        )
    });
    format!(
        "<figure class=\"video-file\">\n<video controls preload=\"none\" width=\"640\" height=\"360\"><source src=\"{src}\" type=\"{kind}\">{track}</video>\n<figcaption><a href=\"{src}\">{}</a></figcaption>\n</figure>\n",
        isolate_ltr_runs(title, cx.dir)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yt(id: &str) -> Result<Source, Unplayable> {
        Ok(Source::YouTube(id.into()))
    }

    #[test]
    fn youtube_addresses_in_every_form_give_the_video() {
        let id = "dQw4w9WgXcQ";
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?v=dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42s",
            "https://WWW.YouTube.com/watch?v=dQw4w9WgXcQ#comments",
            "https://youtu.be/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abcdef",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://m.youtube.com/shorts/dQw4w9WgXcQ/",
            "  https://youtu.be/dQw4w9WgXcQ  ",
        ] {
            assert_eq!(source(url), yt(id), "{url}");
        }
        // Ids with - and _.
        assert_eq!(source("https://youtu.be/a-b_c-d_e-f"), yt("a-b_c-d_e-f"));
    }

    #[test]
    fn vimeo_addresses_give_the_video() {
        for url in [
            "https://vimeo.com/76979871",
            "https://www.vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871?h=abc",
        ] {
            assert_eq!(source(url), Ok(Source::Vimeo("76979871".into())), "{url}");
        }
    }

    #[test]
    fn lookalikes_and_other_addresses_are_refused() {
        for url in [
            "https://youtube.com.evil.org/watch?v=dQw4w9WgXcQ",
            "https://evil.org/youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com@evil.org/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com:8080/watch?v=dQw4w9WgXcQ",
            "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be.evil.org/dQw4w9WgXcQ",
            "https://vimeo.com.evil.org/76979871",
            "https://example.org/talk.mp4",
            "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
            "JavaScript:alert('https://youtu.be/dQw4w9WgXcQ')",
            "data:text/html,<script>alert(1)</script>",
            "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
            "https:youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com\\@evil.org/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(source(url), Err(Unplayable::Elsewhere), "{url}");
        }
        for url in [
            "https://www.youtube.com/@someone",
            "https://www.youtube.com/playlist?list=PL123",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=",
            "https://www.youtube.com/watch?vv=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ/extra",
            "https://youtu.be/../../evil",
            "https://www.youtube.com/embed/dQw4w9WgXcQX",
        ] {
            assert_eq!(
                source(url),
                Err(Unplayable::NotAVideo(Host::YouTube)),
                "{url}"
            );
        }
        for url in [
            "https://vimeo.com/channels/staffpicks",
            "https://vimeo.com/76979871/abcdef",
            "https://vimeo.com/1234567890123",
            "https://player.vimeo.com/76979871",
        ] {
            assert_eq!(
                source(url),
                Err(Unplayable::NotAVideo(Host::Vimeo)),
                "{url}"
            );
        }
    }

    #[test]
    fn a_name_without_a_scheme_is_a_file() {
        assert_eq!(source("talk.mp4"), Ok(Source::File("talk.mp4".into())));
        assert_eq!(
            source("clips/talk one.webm"),
            Ok(Source::File("clips/talk one.webm".into()))
        );
    }
}

#[cfg(test)]
mod render_tests {
    use super::*;
    use crate::text::lang::Dir;
    use crate::text::markdown::{EntryFiles, render as render_body};
    use std::path::PathBuf;

    fn body(markdown: &str, lang: &str, dir: Dir) -> (String, Vec<String>) {
        let langs = crate::text::lang::test_languages();
        let names: Vec<PathBuf> = ["talk.mp4", "talk.he.vtt", "talk.vtt", "photo.jpg"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let pictures = std::collections::BTreeMap::new();
        // An empty address: the entry's files are named as they are, as these tests expect.
        let cx = Context::new(lang, dir, &langs).with_files(EntryFiles {
            dir: std::path::Path::new("content/initiatives/x"),
            names: &names,
            address: "",
            pictures: &pictures,
            sizes: "",
        });
        let r = render_body(markdown, &cx);
        let problems = r
            .problems
            .iter()
            .map(|d| {
                format!(
                    "{:?} {}: {} ({})",
                    d.severity,
                    d.line.unwrap_or(0),
                    d.message,
                    d.hint.as_deref().unwrap_or("")
                )
            })
            .collect();
        (r.html, problems)
    }

    /// One problem of `markdown` (in English), as "Severity line: message (hint)".
    fn problem(markdown: &str) -> String {
        let (html, p) = body(markdown, "en", Dir::Ltr);
        assert_eq!(p.len(), 1, "{markdown}: {p:#?}");
        if p[0].starts_with("Error") {
            assert!(!html.contains("video"), "nothing is shown: {html}");
        }
        p[0].clone()
    }

    #[test]
    fn each_mistake_is_at_its_line_in_plain_words_with_a_hint() {
        // The fence is on line 3 of the body; the block's first line is line 4.
        let before = "Some text.\n\n";
        let yt = "url: https://youtu.be/dQw4w9WgXcQ\n";
        let cases = [
            (
                format!("{before}```video\n{yt}titel: A talk\n```\n"),
                "Error 5: a video block has no field 'titel' (did you mean 'title'?)",
            ),
            (
                format!("{before}```video\ntitle: A talk\n```\n"),
                "Error 3: the video has no 'url' (add a line 'url: ...' with a YouTube or Vimeo address, or the name of a video file of this entry)",
            ),
            (
                format!(
                    "{before}```video\ntitle: A talk\nurl: https://example.org/talk.mp4\n```\n"
                ),
                "Error 5: 'https://example.org/talk.mp4' cannot be played here: only YouTube, Vimeo or a video file of this entry can be (link to it in the text instead: [what the video is about](address))",
            ),
            (
                format!(
                    "{before}```video\ntitle: A talk\nurl: https://youtube.com.evil.org/watch?v=dQw4w9WgXcQ\n```\n"
                ),
                "Error 5: 'https://youtube.com.evil.org/watch?v=dQw4w9WgXcQ' cannot be played here: only YouTube, Vimeo or a video file of this entry can be (link to it in the text instead: [what the video is about](address))",
            ),
            (
                format!("{before}```video\ntitle: A talk\nurl: javascript:alert(1)\n```\n"),
                "Error 5: 'javascript:alert(1)' cannot be played here: only YouTube, Vimeo or a video file of this entry can be (link to it in the text instead: [what the video is about](address))",
            ),
            (
                format!(
                    "{before}```video\ntitle: A talk\nurl: https://www.youtube.com/@someone\n```\n"
                ),
                "Error 5: 'https://www.youtube.com/@someone' is not the address of a YouTube video (use the video's own address, like https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
            ),
            (
                format!("{before}```video\ntitle: A talk\nurl: tlak.mp4\n```\n"),
                "Error 5: 'tlak.mp4' is not a file in this entry's folder (did you mean 'talk.mp4'?)",
            ),
            (
                format!("{before}```video\ntitle: A talk\nurl: photo.jpg\n```\n"),
                "Error 5: 'photo.jpg' is not a video file that browsers play (use an .mp4 or .webm file of this entry, or a YouTube or Vimeo address starting with https://)",
            ),
            (
                format!(
                    "{before}```video\nurl: talk.mp4\ntitle: A talk\ncaptions: talk.en.vtt\n```\n"
                ),
                "Error 6: 'talk.en.vtt' is not a file in this entry's folder (did you mean 'talk.he.vtt'?)",
            ),
            (
                format!(
                    "{before}```video\nurl: talk.mp4\ntitle: A talk\ncaptions: talk.srt\n```\n"
                ),
                "Error 6: the captions 'talk.srt' are not a WebVTT file (browsers show captions from a .vtt file; most subtitle editors save one)",
            ),
            (
                format!("{before}```video\n{yt}title: A talk\ncaptions: talk.he.vtt\n```\n"),
                "Warning 6: captions are shown only with a video file of this entry (YouTube and Vimeo show the captions uploaded there: add them on the video's page, and remove this line)",
            ),
            (
                format!("{before}```video\n{yt}title: [a, b]\n```\n"),
                "Error 5: 'title' must be a text (a text that starts with [ { * & ! | > ' \" % @ or ` must be in quotes)",
            ),
            (
                format!("{before}```video\n{yt}title: \"A talk\n```\n"),
                "Error 5: a quote opened here is never closed (end the text with the same quote mark it starts with (\" or '); to write ' inside '…', write it twice: '')",
            ),
            (
                format!("{before}```video\nhttps://youtu.be/dQw4w9WgXcQ\n```\n"),
                "Error 4: expected 'field: value' lines here (a video block is 'field: value' lines, like 'url: https://youtu.be/…' and 'title: …')",
            ),
            (
                format!("{before}```video\n```\n"),
                "Error 3: the video block is empty (write 'url: ...' and 'title: ...' lines inside it)",
            ),
        ];
        for (markdown, want) in cases {
            assert_eq!(problem(&markdown), want, "{markdown}");
        }
        // No title, or an empty one: at the fence, or at the empty title's line.
        let (_, p) = body(&format!("{before}```video\n{yt}```\n"), "en", Dir::Ltr);
        assert!(
            p[0].starts_with("Error 3: the video has no title (add a line 'title: ...'"),
            "{p:?}"
        );
        let (_, p) = body(
            &format!("{before}```video\n{yt}title: \" \"\n```\n"),
            "en",
            Dir::Ltr,
        );
        assert!(p[0].starts_with("Error 5: the video has no title"), "{p:?}");
        // Inside a callout and a list, the lines are the body's still.
        let (_, p) = body(
            &format!(
                "{before}> [!NOTE]\n> ```video\n> {yt}> titel: a\n> ```\n\n- item\n\n  ```video\n  url: x.mp4\n  title: b\n  ```\n"
            ),
            "en",
            Dir::Ltr,
        );
        assert!(
            p[0].starts_with("Error 6: a video block has no field 'titel'"),
            "{p:?}"
        );
        assert!(p[1].starts_with("Error 12: 'x.mp4' is not a file"), "{p:?}");
    }

    #[test]
    fn a_youtube_video_is_a_link_until_played_and_names_no_player() {
        let (h, p) = body(
            "```video\nurl: https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s\ntitle: \"A talk <b> & \\\"more\\\"\"\n```\n",
            "en",
            Dir::Ltr,
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(
            h,
            "<div class=\"video\" data-video-host=\"youtube\" data-video-id=\"dQw4w9WgXcQ\">\n\
             <a class=\"video-poster\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><span class=\"video-icon\" aria-hidden=\"true\"></span><span class=\"video-title\">A talk &lt;b&gt; &amp; &quot;more&quot;</span><span class=\"video-host\">YouTube</span></a>\n\
             <button type=\"button\" class=\"video-poster\" aria-label=\"Play video: A talk &lt;b&gt; &amp; &quot;more&quot;\" hidden><span class=\"video-icon\" aria-hidden=\"true\"></span><span class=\"video-title\">A talk &lt;b&gt; &amp; &quot;more&quot;</span></button>\n\
             </div>\n"
        );
        let (h, _) = body(
            "```video\nurl: https://player.vimeo.com/video/76979871\ntitle: שיחה\n```\n",
            "he",
            Dir::Rtl,
        );
        assert!(
            h.contains("data-video-host=\"vimeo\" data-video-id=\"76979871\""),
            "{h}"
        );
        assert!(h.contains("href=\"https://vimeo.com/76979871\""), "{h}");
        assert!(!h.contains("player.vimeo.com"), "{h}");
    }

    #[test]
    fn a_file_of_the_entry_is_a_video_element_with_its_captions() {
        let (h, p) = body(
            "```video\nurl: talk.mp4\ntitle: A talk\ncaptions: talk.vtt\n```\n",
            "ar",
            Dir::Rtl,
        );
        assert!(p.is_empty(), "{p:?}");
        assert!(h.contains("<video controls preload=\"none\" width=\"640\" height=\"360\"><source src=\"talk.mp4\" type=\"video/mp4\"><track kind=\"captions\" src=\"talk.vtt\" srclang=\"ar\" label=\"العربية\" default></video>"), "{h}");
        assert!(
            h.contains(
                "<figcaption><a href=\"talk.mp4\"><bdi dir=\"ltr\">A talk</bdi></a></figcaption>"
            ),
            "{h}"
        );
        // A captions file named for a language of the site is in that language.
        let (h, _) = body(
            "```video\nurl: talk.mp4\ntitle: A talk\ncaptions: talk.he.vtt\n```\n",
            "en",
            Dir::Ltr,
        );
        assert!(h.contains("srclang=\"he\" label=\"עברית\""), "{h}");
    }

    #[test]
    fn other_fenced_blocks_stay_code() {
        let (h, p) = body("```yaml\nurl: x\n```\n\n```\nvideo\n```\n", "en", Dir::Ltr);
        assert!(p.is_empty());
        assert!(
            h.contains("<pre><code class=\"language-yaml\">url: x\n</code></pre>"),
            "{h}"
        );
        assert!(h.contains("<pre><code>video\n</code></pre>"), "{h}");
    }

    #[test]
    fn the_cleaner_keeps_what_components_write() {
        // Raw HTML in the body sends all of it through the cleaner; a video, like every
        // fenced component, is put in after it, as written.
        let (h, _) = body(
            "<span lang=\"he\">שלום</span>\n\n> [!TIP]\n> a\n\n```video\nurl: https://youtu.be/dQw4w9WgXcQ\ntitle: A talk\n```\n\n```video\nurl: talk.mp4\ntitle: A talk\ncaptions: talk.vtt\n```\n",
            "en",
            Dir::Ltr,
        );
        for kept in [
            "<div class=\"callout callout-tip\" role=\"note\">",
            "<span class=\"callout-icon\" aria-hidden=\"true\"></span>",
            "<div class=\"video\" data-video-host=\"youtube\" data-video-id=\"dQw4w9WgXcQ\">",
            "<button type=\"button\" class=\"video-poster\" aria-label=\"Play video: A talk\" hidden>",
            "<video controls preload=\"none\" width=\"640\" height=\"360\">",
            "<track kind=\"captions\" src=\"talk.vtt\" srclang=\"en\" label=\"English\" default>",
        ] {
            assert!(h.contains(kept), "{kept}: {h}");
        }
        // What an author's raw HTML could add for the script is not an address.
        let (h, _) = body(
            "<div class=\"video\" data-video-host=\"youtube\" data-video-id=\"x\" data-video-src=\"https://evil.example/\" data-src=\"https://evil.example/\"><button onclick=\"x()\" formaction=\"https://evil.example/\">play</button></div>\n",
            "en",
            Dir::Ltr,
        );
        assert!(!h.contains("evil"), "{h}");
        assert!(!h.contains("onclick"), "{h}");
    }
}
