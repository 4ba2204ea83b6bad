//! Pictures and an entry's other files: published once at /media/<collection>/<id>/ under the
//! site's path, smaller versions and WebP copies with srcset, sizes, width and height, alt text
//! kept in Hebrew, Arabic and English, figures with captions, the picture cache, and the
//! mistakes an author can make with pictures.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sulam::commands::build::{BuildOptions, build};
use sulam::commands::check::check;

use crate::common::{Site, jpeg, messages, png};

const ALPHA: &str = "content/initiatives/alpha";
const MEDIA: &str = "/kb/media/initiatives/alpha/";

fn put(site: &Site, rel: &str, bytes: &[u8]) {
    let p = site.root().join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

/// The basic site with, in the initiative alpha: a 1200 × 800 photo as its `image` (described
/// in each language), a 600 × 300 chart shown as a figure with its caption, an SVG, a PDF; and
/// a logo of 300 × 100 for the partner acme.
/// Rewrites the file `rel` of the site with each line that starts with `prefix` replaced by
/// `with`, or left out.
fn replace_lines(site: &Site, rel: &str, prefix: &str, with: Option<&str>) {
    let text = std::fs::read_to_string(site.root().join(rel)).expect("read");
    let text: String = text
        .lines()
        .filter_map(|l| if l.starts_with(prefix) { with } else { Some(l) })
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(rel, &text);
}

fn site() -> Site {
    let s = Site::fixture("basic");
    put(&s, &format!("{ALPHA}/garden.jpg"), &jpeg(1200, 800));
    put(&s, &format!("{ALPHA}/chart.png"), &png(600, 300));
    put(&s, "content/partners/acme/logo.png", &png(300, 100));
    s.write(
        "content/partners/acme/common.yaml",
        &(std::fs::read_to_string(s.root().join("content/partners/acme/common.yaml"))
            .expect("read")
            + "logo: logo.png\n"),
    );
    s.write(
        &format!("{ALPHA}/steps.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\"><rect width=\"120\" height=\"60\"/></svg>",
    );
    s.write(&format!("{ALPHA}/report.pdf"), "%PDF-1.4\n");
    let facts = s.root().join(format!("{ALPHA}/common.yaml"));
    let facts = std::fs::read_to_string(facts).expect("read");
    s.write(
        &format!("{ALPHA}/common.yaml"),
        &format!("{facts}image: garden.jpg\n"),
    );
    s.write(
        &format!("{ALPHA}/he.md"),
        "---\ntitle: מוביליות רשותית\nimage_alt: ילדים שותלים עצים בחצר בית הספר\n---\n## הרקע\n\nפסקה בעברית.\n\n![תרשים המשתתפים לפי שנה](chart.png \"המשתתפים בתוכנית STEM לפי שנה\")\n\nהמדרגות: ![מדרגות עץ בכניסה](steps.svg) וגם [הדוח המלא](report.pdf).\n",
    );
    s.write(
        &format!("{ALPHA}/ar.md"),
        "---\ntitle: الحراك المحلّي\nimage_alt: أطفال يزرعون الأشجار في ساحة المدرسة\n---\n## الخلفية\n\n![مخطط المشاركين حسب السنة](chart.png \"المشاركون في برنامج STEM حسب السنة\")\n\n[التقرير الكامل](report.pdf)\n",
    );
    s.write(
        &format!("{ALPHA}/en.md"),
        "---\ntitle: Municipal Mobility\nimage_alt: Children planting trees in the schoolyard\n---\n![Participants by year](chart.png \"Participants in the STEM program by year\")\n\nSee [the full report](report.pdf).\n",
    );
    s
}

/// The value of every `attr="…"` in `html`.
fn values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    html.split(&format!(" {attr}=\""))
        .skip(1)
        .filter_map(|p| p.find('"').map(|e| &p[..e]))
        .collect()
}

/// The `<img …>` whose alt is `alt`, on `html`.
fn img_with_alt<'a>(html: &'a str, alt: &str) -> &'a str {
    let at = html
        .find(&format!("alt=\"{alt}\""))
        .unwrap_or_else(|| panic!("no picture described '{alt}' in {html}"));
    let start = html[..at].rfind("<img").expect("<img");
    let end = at + html[at..].find('>').expect(">");
    &html[start..=end]
}

/// How many files named `name` the output holds.
fn copies_of(out: &Path, name: &str) -> usize {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy() == name)
        .count()
}

#[test]
fn pictures_keep_their_alt_text_and_get_versions_sizes_and_figures_in_each_language() {
    let s = site();
    s.build_ok();
    let out = s.out();
    for (lang, field_alt, body_alt, caption) in [
        (
            "he",
            "ילדים שותלים עצים בחצר בית הספר",
            "תרשים המשתתפים לפי שנה",
            "המשתתפים בתוכנית <bdi>STEM</bdi> לפי שנה",
        ),
        (
            "ar",
            "أطفال يزرعون الأشجار في ساحة المدرسة",
            "مخطط المشاركين حسب السنة",
            "المشاركون في برنامج <bdi>STEM</bdi> حسب السنة",
        ),
        (
            "en",
            "Children planting trees in the schoolyard",
            "Participants by year",
            "Participants in the STEM program by year",
        ),
    ] {
        let html = s.page(&format!("{lang}/initiatives/alpha/index.html"));
        // The `image` field, described by image_alt, 1200 wide: 480, 960 and the file itself.
        let img = img_with_alt(&html, field_alt);
        assert!(img.contains(" class=\"entry-image\""), "{img}");
        assert!(img.contains(" width=\"1200\" height=\"800\""), "{img}");
        assert!(
            img.contains(&format!(
                " srcset=\"{MEDIA}garden.480.jpg 480w, {MEDIA}garden.960.jpg 960w, {MEDIA}garden.jpg 1200w\""
            )),
            "{img}"
        );
        assert!(img.contains(" sizes=\""), "{img}");
        assert!(
            img.contains(" loading=\"lazy\" decoding=\"async\""),
            "{img}"
        );
        assert!(html.contains(&format!(
            "<source type=\"image/webp\" srcset=\"{MEDIA}garden.480.webp 480w, {MEDIA}garden.960.webp 960w, {MEDIA}garden.1200.webp 1200w\""
        )));
        // The chart of the body: a figure with its caption, bidi care included.
        let img = img_with_alt(&html, body_alt);
        assert!(img.contains(" width=\"600\" height=\"300\""), "{img}");
        assert!(
            html.contains(&format!(
                "</picture><figcaption>{caption}</figcaption></figure>"
            )),
            "{lang}: {html}"
        );
        // The PDF, linked where it is published.
        assert!(
            html.contains(&format!("<a href=\"{MEDIA}report.pdf\">")),
            "{lang}: {html}"
        );
    }
    // The SVG is shown as it is, with the size it gives itself.
    let he = s.page("he/initiatives/alpha/index.html");
    assert!(
        img_with_alt(&he, "מדרגות עץ בכניסה").starts_with(&format!(
            "<img src=\"{MEDIA}steps.svg\" width=\"120\" height=\"60\" alt="
        )),
        "{he}"
    );
    // A partner's logo is described by its name, and never made wider than it is (300).
    let acme = s.page("en/partners/acme/index.html");
    let logo = img_with_alt(&acme, "Logo of Acme Foundation");
    assert!(logo.contains(" class=\"logo\""), "{logo}");
    // A PNG is shown as itself, with WebP versions beside it (a smaller PNG can weigh more).
    assert!(
        logo.starts_with("<img src=\"/kb/media/partners/acme/logo.png\" width=\"300\""),
        "{logo}"
    );
    assert!(
        acme.contains("/kb/media/partners/acme/logo.300.webp 300w\""),
        "{acme}"
    );
    assert!(!out.join("media/partners/acme/logo.480.png").exists());
    assert!(!out.join("media/partners/acme/logo.480.webp").exists());
    // Every address of a srcset is a file of the output, as wide as it says.
    for page in [
        "he/initiatives/alpha/index.html",
        "en/partners/acme/index.html",
    ] {
        let html = s.page(page);
        for set in values(&html, "srcset") {
            for candidate in set.split(", ") {
                let (url, w) = candidate.split_once(' ').expect("url and width");
                let file = out.join(url.strip_prefix("/kb/").expect("under /kb/"));
                let picture = image::open(&file).unwrap_or_else(|e| panic!("{url} on {page}: {e}"));
                assert_eq!(format!("{}w", picture.width()), w, "{url}");
            }
        }
    }
    // The list's card shows the picture as decoration beside the entry's name.
    let list = s.page("en/initiatives/index.html");
    assert!(
        img_with_alt(&list, "").contains(" class=\"card-image\""),
        "{list}"
    );
}

#[test]
fn an_entrys_files_are_published_once_whatever_the_languages() {
    let s = site();
    s.build_ok();
    let out = s.out();
    for name in [
        "garden.jpg",
        "chart.png",
        "steps.svg",
        "report.pdf",
        "garden.480.webp",
    ] {
        assert_eq!(copies_of(&out, name), 1, "{name}");
        assert!(
            out.join("media/initiatives/alpha").join(name).is_file(),
            "{name}"
        );
    }
    assert!(!out.join("he/initiatives/alpha/garden.jpg").exists());
    // Never a version wider than the picture: the chart is 600 wide.
    assert!(out.join("media/initiatives/alpha/chart.480.webp").is_file());
    assert!(
        !out.join("media/initiatives/alpha/chart.480.png").exists(),
        "a PNG gets WebP versions only"
    );
    assert!(!out.join("media/initiatives/alpha/chart.960.webp").exists());
    assert!(!out.join("media/initiatives/alpha/chart.600.png").exists());
    assert!(out.join("media/initiatives/alpha/chart.600.webp").is_file());
}

#[test]
fn addresses_follow_the_sites_path() {
    let s = site();
    let out = s.root().join("elsewhere");
    build(&BuildOptions {
        root: s.root().to_path_buf(),
        output: Some(out.clone()),
        base_url: Some("https://example.org/a/b/".into()),
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("{}", messages(&d)));
    let html = std::fs::read_to_string(out.join("ar/initiatives/alpha/index.html")).expect("page");
    for url in values(&html, "src")
        .into_iter()
        .chain(values(&html, "srcset"))
        .filter(|u| u.contains("/media/"))
    {
        assert!(url.starts_with("/a/b/media/initiatives/alpha/"), "{url}");
    }
    assert!(html.contains("<a href=\"/a/b/media/initiatives/alpha/report.pdf\">"));
    assert!(html.contains(
        "<meta property=\"og:image\" content=\"https://example.org/a/b/media/initiatives/alpha/garden.jpg\">"
    ));
}

#[test]
fn check_finds_no_broken_link_and_no_unused_file() {
    let s = site();
    let report = check(s.root(), None);
    let text: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(report.errors, 0, "{text:?}");
    assert!(
        !text.iter().any(|t| t.contains("no page uses this file")),
        "{text:?}"
    );
    // A file that nothing names is still told.
    s.write(&format!("{ALPHA}/draft.pdf"), "%PDF-1.4\n");
    let report = check(s.root(), None);
    let text: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains(&format!("{ALPHA}/draft.pdf: no page uses this file"))),
        "{text:?}"
    );
}

#[test]
fn an_image_without_alt_is_a_warning_and_fails_a_strict_check() {
    let s = site();
    for lang in ["he", "ar", "en"] {
        replace_lines(&s, &format!("{ALPHA}/{lang}.md"), "image_alt:", None);
    }
    let report = s.build_ok();
    let m = messages(&report.diagnostics);
    // `image: garden.jpg` is the last line of common.yaml.
    let line = std::fs::read_to_string(s.root().join(format!("{ALPHA}/common.yaml")))
        .expect("read")
        .lines()
        .count();
    assert!(
        m.contains(&format!(
            "{ALPHA}/common.yaml:{line}:8: the picture 'garden.jpg' has no image_alt"
        )),
        "{m}"
    );
    assert!(m.contains("ar.md, en.md, he.md"), "{m}");
    let html = s.page("he/initiatives/alpha/index.html");
    assert!(html.contains("alt=\"\" class=\"entry-image\""), "{html}");
    let report = check(s.root(), None);
    assert_eq!(report.errors, 0);
    assert!(report.failed(true));
    assert!(!report.failed(false));
    // One language's words are enough: the others take them, marked with their language.
    s.write(
        &format!("{ALPHA}/he.md"),
        "---\ntitle: מוביליות רשותית\nimage_alt: ילדים שותלים עצים\n---\nגוף.\n",
    );
    let report = s.build_ok();
    assert!(
        !messages(&report.diagnostics).contains("image_alt"),
        "{}",
        messages(&report.diagnostics)
    );
    let en = s.page("en/initiatives/alpha/index.html");
    assert!(
        img_with_alt(&en, "ילדים שותלים עצים").contains(" lang=\"he\" dir=\"rtl\""),
        "{en}"
    );
}

#[test]
fn an_image_field_names_a_file_of_its_own_entry_and_nothing_else() {
    // Each case on a fresh site: the facts file, what 'image' says, and the message.
    let beta = "content/initiatives/beta/common.yaml";
    let alpha = format!("{ALPHA}/common.yaml");
    let cases = [
        // Another entry's picture, which is there: a name leads nowhere outside the folder.
        (beta, "../alpha/garden.jpg", None),
        (beta, "/etc/hostname", None),
        // A slip in the name of a picture the entry has: the entry's other files do not
        // make it one of them.
        (
            alpha.as_str(),
            "gardn.jpg",
            Some("did you mean 'garden.jpg'?"),
        ),
    ];
    for (file, name, hint) in cases {
        let s = site();
        // beta has no facts file of its own.
        if !s.root().join(file).exists() {
            s.write(file, "");
        }
        replace_lines(&s, file, "image:", None);
        let facts = std::fs::read_to_string(s.root().join(file)).expect("read");
        s.write(file, &format!("{facts}image: {name}\n"));
        let m = messages(&s.build_err());
        assert!(
            m.contains(&format!(
                "'image' names '{name}', which is not a file in this entry's folder"
            )),
            "{name}: {m}"
        );
        if let Some(hint) = hint {
            assert!(m.contains(hint), "{name}: {m}");
        }
    }
}

#[test]
fn an_image_alt_of_blanks_describes_nothing() {
    let s = site();
    for lang in ["he", "ar", "en"] {
        let p = format!("{ALPHA}/{lang}.md");
        replace_lines(&s, &p, "image_alt:", Some("image_alt: \"   \""));
    }
    let m = messages(&s.build_ok().diagnostics);
    assert!(
        m.contains("the picture 'garden.jpg' has no image_alt"),
        "{m}"
    );
}

#[test]
fn a_picture_that_is_not_there_is_an_error_at_its_line_with_the_right_name() {
    let s = site();
    s.write(
        &format!("{ALPHA}/en.md"),
        "---\ntitle: Municipal Mobility\nimage_alt: Children\n---\nText.\n\n![The chart](chrat.png)\n",
    );
    let d = s.build_err();
    let m = messages(&d);
    assert!(
        m.contains(&format!(
            "{ALPHA}/en.md:7: the picture chrat.png is not a file of this entry"
        )),
        "{m}"
    );
    assert!(m.contains("did you mean 'chart.png'?"), "{m}");
    // check tells it once, not again as a broken link.
    let report = check(s.root(), None);
    assert_eq!(report.errors, 1, "{:?}", report.diagnostics);
}

#[test]
fn a_damaged_or_misnamed_or_huge_picture_is_an_error_naming_the_file() {
    let s = site();
    s.write(&format!("{ALPHA}/garden.jpg"), "this is not a picture");
    put(&s, &format!("{ALPHA}/chart.png"), &jpeg(100, 50));
    put(
        &s,
        "content/partners/acme/logo.png",
        &huge_png(20_000, 20_000),
    );
    let m = messages(&s.build_err());
    assert!(
        m.contains(&format!(
            "{ALPHA}/garden.jpg: this file is named as a JPEG picture, but it is not one"
        )),
        "{m}"
    );
    assert!(
        m.contains(&format!(
            "{ALPHA}/chart.png: this file holds a JPEG picture, but its name says PNG"
        )),
        "{m}"
    );
    assert!(m.contains("rename it to end in .jpg"), "{m}");
    assert!(
        m.contains("content/partners/acme/logo.png: this picture is 20000 × 20000 pixels (400 megapixels), too large"),
        "{m}"
    );
    assert!(!s.out().exists());
}

/// The start of a PNG whose header says `w` × `h`: a probe must refuse it without decoding.
fn huge_png(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for chunk in [ihdr, b"IDAT\x78\x9c".to_vec(), b"IEND".to_vec()] {
        out.extend((chunk.len() as u32 - 4).to_be_bytes());
        out.extend(&chunk);
        out.extend(crc32(&chunk).to_be_bytes());
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn an_authors_file_where_a_version_goes_is_an_error() {
    let s = site();
    put(&s, &format!("{ALPHA}/garden.480.jpg"), &jpeg(480, 320));
    let m = messages(&s.build_err());
    assert!(
        m.contains(&format!(
            "{ALPHA}/garden.480.jpg: this file would be published at /media/initiatives/alpha/garden.480.jpg, where Sulam puts a smaller version of {ALPHA}/garden.jpg"
        )),
        "{m}"
    );
}

#[test]
fn a_second_build_takes_the_versions_from_the_cache() {
    let s = site();
    let first = s.build_ok();
    assert!(first.pictures.made > 0);
    assert_eq!(first.pictures.reused, 0);
    let cache = s.root().join(".sulam-cache/images");
    let files: Vec<PathBuf> = std::fs::read_dir(&cache)
        .expect("the cache")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), first.pictures.made);
    // What the cache holds is what the site gets: a version changed there is published so.
    let webp = files
        .iter()
        .find(|p| p.to_string_lossy().ends_with("-480.webp"))
        .expect("a 480 WebP");
    let marked = b"RIFF from the cache".to_vec();
    std::fs::write(webp, &marked).expect("write");
    let second = s.build_ok();
    assert_eq!(second.pictures.made, 0);
    assert_eq!(second.pictures.reused, first.pictures.made);
    let published: Vec<Vec<u8>> = ["garden.480.webp", "chart.480.webp", "logo.480.webp"]
        .iter()
        .filter_map(|n| {
            walkdir::WalkDir::new(s.out())
                .into_iter()
                .flatten()
                .find(|e| e.file_name().to_string_lossy() == *n)
                .map(|e| std::fs::read(e.path()).expect("read"))
        })
        .collect();
    assert!(published.contains(&marked));
    // A picture changed under the same name is made again.
    put(&s, &format!("{ALPHA}/chart.png"), &png(500, 250));
    let third = s.build_ok();
    assert_eq!(third.pictures.made, 2, "a 480 and a 500 WebP");
}

#[test]
fn a_cache_that_cannot_be_written_costs_time_not_the_build() {
    let s = site();
    // A file where the cache's folder goes: nothing can be written under it.
    s.write(".sulam-cache", "not a folder");
    let report = s.build_ok();
    let m = messages(&report.diagnostics);
    assert!(m.contains("cannot write the picture cache"), "{m}");
    assert_eq!(
        m.matches("cannot write the picture cache").count(),
        1,
        "{m}"
    );
    assert!(
        s.out()
            .join("media/initiatives/alpha/garden.480.webp")
            .is_file()
    );
}

/// `GET path`: the status line and headers, and the body's bytes.
fn get_bytes(address: &str, path: &str) -> (String, Vec<u8>) {
    let mut s = std::net::TcpStream::connect(address).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut all = Vec::new();
    s.read_to_end(&mut all).expect("read");
    let end = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers");
    (
        String::from_utf8_lossy(&all[..end]).into_owned(),
        all[end + 4..].to_vec(),
    )
}

#[test]
fn serve_makes_a_version_when_it_is_first_asked_for_the_same_as_build() {
    let s = site();
    s.build_ok();
    let built =
        std::fs::read(s.out().join("media/initiatives/alpha/garden.480.webp")).expect("built");
    std::fs::remove_dir_all(s.root().join(".sulam-cache")).expect("empty the cache");
    let server = crate::support::serve::Server::start(s.root(), Duration::from_secs(60))
        .expect("serve starts");
    let (head, body) = get_bytes(&server.address, "/media/initiatives/alpha/garden.480.webp");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("content-type: image/webp"), "{head}");
    assert_eq!(body, built, "serve and build make the same bytes");
    // Only what was asked for is made, and kept in the cache.
    let cached = std::fs::read_dir(s.root().join(".sulam-cache/images"))
        .expect("the cache")
        .count();
    assert_eq!(cached, 1);
    let (head, body) = get_bytes(&server.address, "/media/initiatives/alpha/report.pdf");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(body, b"%PDF-1.4\n");
    let (head, _) = get_bytes(&server.address, "/en/initiatives/alpha/garden.jpg");
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
}
