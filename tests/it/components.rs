//! Callouts, quotations and video in Markdown bodies (issue 14): built into pages in he, ar and
//! en, the HTML asserted, and each mistake of a video block reported at its file and line.

use crate::common::{Site, messages};

const LANGS: [&str; 3] = ["he", "ar", "en"];

/// The labels of note, tip, important, warning and caution in each language.
fn labels(lang: &str) -> [&'static str; 5] {
    match lang {
        "he" => ["הערה", "עצה", "חשוב", "אזהרה", "זהירות"],
        "ar" => ["ملاحظة", "نصيحة", "مهم", "تحذير", "احذر"],
        _ => ["Note", "Tip", "Important", "Warning", "Caution"],
    }
}

const KINDS: [&str; 5] = ["note", "tip", "important", "warning", "caution"];

/// The words of the body in each language, so that every paragraph is in the page's script.
fn words(lang: &str) -> &'static str {
    match lang {
        "he" => "טקסט בעברית",
        "ar" => "نص بالعربية",
        _ => "Text in English",
    }
}

/// A page entry `components` with `body(lang)` in each language, and the entry's files.
fn site_with(body: impl Fn(&str) -> String) -> Site {
    let site = Site::fixture("basic");
    for lang in LANGS {
        site.write(
            &format!("content/pages/components/{lang}.md"),
            &format!("---\ntitle: {}\n---\n{}", words(lang), body(lang)),
        );
    }
    site.write("content/pages/components/talk.mp4", "not really a video");
    site.write("content/pages/components/talk.he.vtt", "WEBVTT\n");
    site.write("content/pages/components/talk.vtt", "WEBVTT\n");
    site
}

fn page(site: &Site, lang: &str) -> String {
    site.page(&format!("{lang}/pages/components/index.html"))
}

fn callouts(lang: &str) -> String {
    KINDS
        .iter()
        .map(|k| format!("> [!{}]\n> {}.\n\n", k.to_uppercase(), words(lang)))
        .collect()
}

#[test]
fn each_callout_has_its_label_in_the_page_language_and_the_same_icon_in_every_direction() {
    let site = site_with(callouts);
    site.build_ok();
    for lang in LANGS {
        let html = page(&site, lang);
        for (kind, label) in KINDS.iter().zip(labels(lang)) {
            let want = format!(
                "<div class=\"callout callout-{kind}\" role=\"note\">\n<p class=\"callout-label\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>{label}</p>\n<p>{}.</p>\n</div>",
                words(lang)
            );
            assert!(html.contains(&want), "{lang} {kind}: {want}\n{html}");
        }
        // The labels of the other languages are nowhere on the page.
        for other in LANGS.iter().filter(|l| **l != lang) {
            for label in labels(other) {
                assert!(
                    !html.contains(&format!("</span>{label}</p>")),
                    "{lang}: {label}"
                );
            }
        }
        // GitHub's own markup is not left behind.
        assert!(!html.contains("markdown-alert"), "{lang}");
        assert!(!html.contains("[!NOTE]"), "{lang}");
    }
}

#[test]
fn a_callout_on_a_fallback_page_speaks_the_language_of_its_text() {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/only-hebrew/he.md",
        "---\ntitle: רק בעברית\n---\n> [!WARNING]\n> טקסט בעברית.\n",
    );
    site.build_ok();
    let en = site.page("en/pages/only-hebrew/index.html");
    assert!(
        en.contains("<span class=\"callout-icon\" aria-hidden=\"true\"></span>אזהרה</p>"),
        "{en}"
    );
    assert!(!en.contains("</span>Warning</p>"), "{en}");
}

#[test]
fn a_blockquote_with_a_dash_line_is_a_quotation_and_others_stay_blockquotes() {
    let by = |lang: &str| match lang {
        "he" => "רות קלדרון, חברת כנסת",
        "ar" => "مريم، معلمة في رهط",
        _ => "Ruth Calderon, member of the Knesset",
    };
    let site = site_with(|lang| {
        format!(
            "> {w}.\n>\n> {w} 2.\n>\n> — {b}\n\n> {w} 3.\n\n> — {b}\n\n> {w}.\n>\n> — Tech Forward Ltd.\n",
            w = words(lang),
            b = by(lang)
        )
    });
    site.build_ok();
    for lang in LANGS {
        let html = page(&site, lang);
        let w = words(lang);
        let quote = format!(
            "<figure class=\"quote\">\n<blockquote>\n<p>{w}.</p>\n<p>{w} 2.</p>\n</blockquote>\n<figcaption>— {}</figcaption>\n</figure>",
            by(lang)
        );
        assert!(html.contains(&quote), "{lang}: {quote}\n{html}");
        // Without a dash line, and with only the dash line: plain blockquotes.
        assert!(
            html.contains(&format!("<blockquote>\n<p>{w} 3.</p>\n</blockquote>")),
            "{lang}"
        );
        assert!(
            html.contains(&format!(
                "<blockquote>\n<p>— {}</p>\n</blockquote>",
                by(lang)
            )),
            "{lang}"
        );
        assert_eq!(
            html.matches("<figure class=\"quote\">").count(),
            2,
            "{lang}"
        );
    }
    // A Latin name in the attribution keeps its own direction on a right-to-left page, after
    // the dash, which stays at the start of the line.
    for lang in ["he", "ar"] {
        assert!(
            page(&site, lang).contains(
                "<figcaption lang=\"en\">— <bdi dir=\"ltr\">Tech Forward Ltd.</bdi></figcaption>"
            ),
            "{lang}"
        );
    }
    assert!(page(&site, "en").contains("<figcaption>— Tech Forward Ltd.</figcaption>"));
}

fn play_label(lang: &str) -> &'static str {
    match lang {
        "he" => "הפעלת הסרטון: ",
        "ar" => "تشغيل الفيديو: ",
        _ => "Play video: ",
    }
}

#[test]
fn a_youtube_or_vimeo_video_asks_nothing_of_its_host_before_play() {
    let site = site_with(|lang| {
        format!(
            "{w}.\n\n```video\nurl: https://youtu.be/dQw4w9WgXcQ\ntitle: {w} 1\n```\n\n```video\nurl: https://vimeo.com/76979871\ntitle: {w} 2\n```\n",
            w = words(lang)
        )
    });
    site.build_ok();
    for lang in LANGS {
        let html = page(&site, lang);
        let w = words(lang);
        // The only addresses of the hosts are the links to the videos' own pages.
        assert_eq!(html.matches("youtube").count(), 2, "{lang}: {html}"); // the link and data-video-host
        assert_eq!(
            html.matches("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
                .count(),
            1,
            "{lang}"
        );
        assert!(
            html.contains(
                "<a class=\"video-poster\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
            ),
            "{lang}"
        );
        assert!(
            html.contains("<a class=\"video-poster\" href=\"https://vimeo.com/76979871\">"),
            "{lang}"
        );
        for host in [
            "youtube-nocookie",
            "ytimg",
            "googlevideo",
            "player.vimeo",
            "vimeocdn",
            "youtu.be",
        ] {
            assert!(!html.contains(host), "{lang}: {host}");
        }
        for tag in ["<iframe", "<img", "preconnect", "dns-prefetch", "prefetch"] {
            assert!(!html.contains(tag), "{lang}: {tag}");
        }
        // The play button, hidden until video.js shows it, named in the page's language.
        for n in [1, 2] {
            assert!(
                html.contains(&format!(
                    "<button type=\"button\" class=\"video-poster\" aria-label=\"{}{w} {n}\" hidden>",
                    play_label(lang)
                )),
                "{lang} {n}: {html}"
            );
        }
        assert!(
            html.contains(
                "<div class=\"video\" data-video-host=\"youtube\" data-video-id=\"dQw4w9WgXcQ\">"
            ),
            "{lang}"
        );
    }
    // The script the page's sulam.js loads is published, and builds the player's address
    // itself, at the privacy-enhanced hosts.
    let script = std::fs::read_to_string(site.out().join("video.js")).expect("video.js");
    assert!(script.contains("https://www.youtube-nocookie.com/embed/"));
    assert!(script.contains("https://player.vimeo.com/video/"));
    assert!(script.contains("dnt=1"));
    let loader = std::fs::read_to_string(site.out().join("sulam.js")).expect("sulam.js");
    assert!(loader.contains("\"video.js\""), "{loader}");
}

#[test]
fn a_video_file_of_the_entry_plays_in_the_page_with_its_captions() {
    let site = site_with(|lang| {
        let captions = if lang == "he" {
            "talk.he.vtt"
        } else {
            "talk.vtt"
        };
        format!(
            "```video\nurl: talk.mp4\ntitle: {}\ncaptions: {captions}\n```\n",
            words(lang)
        )
    });
    site.build_ok();
    for (lang, name) in [("he", "עברית"), ("ar", "العربية"), ("en", "English")] {
        let html = page(&site, lang);
        let captions = if lang == "he" {
            "talk.he.vtt"
        } else {
            "talk.vtt"
        };
        let want = format!(
            "<video controls preload=\"none\" width=\"640\" height=\"360\"><source src=\"/kb/media/pages/components/talk.mp4\" type=\"video/mp4\"><track kind=\"captions\" src=\"/kb/media/pages/components/{captions}\" srclang=\"{lang}\" label=\"{name}\" default></video>"
        );
        assert!(html.contains(&want), "{lang}: {want}\n{html}");
        assert!(
            html.contains(&format!(
                "<figcaption><a href=\"/kb/media/pages/components/talk.mp4\">{}</a></figcaption>",
                words(lang)
            )),
            "{lang}"
        );
        // The files are published once for all languages, at the entry's media address.
        assert!(
            site.out()
                .join(format!("media/pages/components/{captions}"))
                .is_file()
        );
        assert!(site.out().join("media/pages/components/talk.mp4").is_file());
    }
    // `sulam check` finds the addresses good and every file used.
    let report = sulam::commands::check::check(site.root(), None);
    let m = report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(report.errors, 0, "{m}");
    assert!(!m.contains("components"), "{m}");
}

#[test]
fn a_body_with_raw_html_keeps_what_the_components_write() {
    let site = site_with(|lang| {
        format!(
            "<span lang=\"en\">raw</span>\n\n> [!NOTE]\n> {w}.\n\n```video\nurl: https://youtu.be/dQw4w9WgXcQ\ntitle: {w}\n```\n\n```video\nurl: talk.mp4\ntitle: {w}\ncaptions: talk.vtt\n```\n",
            w = words(lang)
        )
    });
    site.build_ok();
    for lang in LANGS {
        let html = page(&site, lang);
        for kept in [
            "<div class=\"callout callout-note\" role=\"note\">".to_string(),
            "<span class=\"callout-icon\" aria-hidden=\"true\"></span>".to_string(),
            "<div class=\"video\" data-video-host=\"youtube\" data-video-id=\"dQw4w9WgXcQ\">"
                .to_string(),
            format!(
                "<button type=\"button\" class=\"video-poster\" aria-label=\"{}{}\" hidden>",
                play_label(lang),
                words(lang)
            ),
            "<track kind=\"captions\" src=\"/kb/media/pages/components/talk.vtt\"".to_string(),
            "preload=\"none\"".to_string(),
        ] {
            assert!(html.contains(&kept), "{lang}: {kept}\n{html}");
        }
    }
}

#[test]
fn each_mistake_of_a_video_block_is_reported_at_its_file_and_line() {
    let site = site_with(|lang| words(lang).to_string() + ".\n");
    // Front matter on lines 1-3; the body starts on line 4.
    site.write(
        "content/pages/components/en.md",
        "---\ntitle: Mistakes\n---\nA paragraph.\n\n```video\nurl: https://youtu.be/dQw4w9WgXcQ\ntitel: A talk\n```\n\n```video\nurl: https://example.org/talk.mp4\ntitle: A talk\n```\n\n```video\nurl: tlak.mp4\ntitle: A talk\ncaptions: missing.vtt\n```\n\n```video\nurl: talk.mp4\n```\n\n```video\ntitle: [a\n```\n",
    );
    let m = messages(&site.build_err());
    let file = "content/pages/components/en.md";
    for want in [
        format!(
            "error: {file}:8: a video block has no field 'titel'\n  hint: did you mean 'title'?"
        ),
        format!(
            "error: {file}:12: 'https://example.org/talk.mp4' cannot be played here: only YouTube, Vimeo or a video file of this entry can be\n  hint: link to it in the text instead"
        ),
        format!(
            "error: {file}:17: 'tlak.mp4' is not a file in this entry's folder\n  hint: did you mean 'talk.mp4'?"
        ),
        format!("error: {file}:19: 'missing.vtt' is not a file in this entry's folder"),
        format!("error: {file}:22: the video has no title\n  hint: add a line 'title: ...'"),
        format!("error: {file}:27:"),
    ] {
        assert!(m.contains(&want), "{want}\n---\n{m}");
    }
    // The other languages' pages are fine: nothing reported of them.
    assert!(!m.contains("he.md"), "{m}");
}

#[test]
fn check_finds_a_component_string_missing_in_a_language() {
    let site = Site::fixture("basic");
    let he = include_str!("../../themes/default/i18n/he.ftl");
    assert!(he.contains("callout-caution = זהירות\n"));
    site.write(
        "themes/default/i18n/he.ftl",
        &he.replace("callout-caution = זהירות\n", ""),
    );
    let report = sulam::commands::check::check(site.root(), None);
    let m = report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        m.contains("error: i18n/he.ftl: Markdown (callouts, video) uses the UI string 'callout-caution', which 'he' does not have"),
        "{m}"
    );
    assert_eq!(report.errors, 1, "{m}");
}
