//! `sulam build` as a program: its exit code, its last line, `--output` and `--base-url`.

use std::process::{Command, Output};

use crate::common::Site;

fn sulam(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sulam"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sulam")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_good_build_exits_zero_and_sums_up_what_it_wrote() {
    let s = Site::fixture("basic");
    let out = sulam(s.root(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let last = err.lines().last().expect("a line");
    let public = s.root().join("public");
    // Named as given: the site folder is where sulam runs.
    // The fixture's one warning is its missing accessibility statement.
    let (pages, rest) = last
        .strip_prefix("built ")
        .and_then(|r| r.split_once(" pages ("))
        .unwrap_or_else(|| panic!("{last}"));
    let files = rest.split_once(" files) into ").expect("files").0;
    let pages: usize = pages.parse().expect("a number of pages");
    let files: usize = files.parse().expect("a number of files");
    assert!(pages > 0 && files > pages, "{last}");
    assert!(last.contains(" files) into ./public in "), "{last}");
    assert!(last.ends_with(" ms, 1 warning(s)"), "{last}");
    assert!(err.contains("warning: site.yaml: the site has no accessibility statement"));
    assert!(public.join("he/index.html").is_file());
    // Every file it counts is in the folder (the marker is Sulam's own, not the site's).
    let written = walkdir::WalkDir::new(&public)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".sulam")
        .count();
    assert_eq!(written, files, "{last}");
}

#[test]
fn a_failed_build_exits_one_and_says_the_folder_was_not_changed() {
    let s = Site::fixture("basic");
    s.write("content/news/launch/common.yaml", "date: soon\n");
    s.write("content/towns/ofakim/ar.md", "---\nsummary: x\n---\n");
    let out = sulam(s.root(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.lines().last(),
        Some("build failed: 2 error(s); the output folder was not changed"),
        "{err}"
    );
    assert!(!s.root().join("public").exists());
}

#[test]
fn output_is_relative_to_where_sulam_runs_and_base_url_moves_the_links() {
    let s = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let root = s.root().to_str().expect("utf-8 path");
    let out = sulam(
        elsewhere.path(),
        &[
            "build",
            "--root",
            root,
            "--output",
            "site-out",
            "--base-url",
            "https://other.example/docs/",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let home = std::fs::read_to_string(elsewhere.path().join("site-out/he/index.html"))
        .expect("written where sulam ran");
    assert!(home.contains(r#"href="/docs/he/initiatives/""#), "{home}");
    assert!(home.contains(r#"<link rel="canonical" href="https://other.example/docs/he/">"#));
    assert!(!s.root().join("public").exists());
    assert!(!s.root().join("site-out").exists());
    let robots =
        std::fs::read_to_string(elsewhere.path().join("site-out/robots.txt")).expect("robots");
    assert!(
        robots.contains("Sitemap: https://other.example/docs/sitemap.xml"),
        "{robots}"
    );
    // A bad address is named, with the flag's own hint.
    let out = sulam(
        elsewhere.path(),
        &["build", "--root", root, "--base-url", "example.org"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("'example.org' is not an absolute http(s) address"),
        "{err}"
    );
    assert!(
        err.contains("give --base-url a full address, like https://example.org/kb/"),
        "{err}"
    );
}

/// Every file under `dir` by its path inside it, with `/`.
fn files(dir: &std::path::Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn compress_writes_a_gz_and_a_br_of_each_text_file_that_read_back_as_it() {
    use std::io::Read as _;
    let s = Site::fixture("basic");
    let out = sulam(s.root(), &["build", "--compress"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let last = err.lines().last().expect("a line");
    let public = s.root().join("public");
    let all = files(&public);
    let copies = all
        .iter()
        .filter(|p| p.ends_with(".gz") || p.ends_with(".br"))
        .count();
    assert!(
        last.contains(&format!(" files, {copies} compressed copies) into ")),
        "{last}"
    );
    let html: Vec<&String> = all.iter().filter(|p| p.ends_with(".html")).collect();
    assert!(html.len() > 50, "{}", html.len());
    for page in html {
        let original = std::fs::read(public.join(page)).expect("page");
        let mut gz = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(public.join(format!("{page}.gz"))).expect(page),
        )
        .read_to_end(&mut gz)
        .expect("gzip");
        assert!(gz == original, "{page}.gz");
        let mut br = Vec::new();
        brotli::Decompressor::new(
            std::fs::File::open(public.join(format!("{page}.br"))).expect(page),
            4096,
        )
        .read_to_end(&mut br)
        .expect("brotli");
        assert!(br == original, "{page}.br");
    }
    // Pictures are compressed already; the stylesheet and the search index are text.
    assert!(all.iter().any(|p| p.ends_with(".png")));
    assert!(
        !all.iter()
            .any(|p| p.ends_with(".png.gz") || p.ends_with(".png.br"))
    );
    assert!(all.iter().any(|p| p.ends_with(".css.br")));
    assert!(
        all.iter()
            .any(|p| p.starts_with("search/") && p.ends_with(".js.gz"))
    );

    // The copies are Sulam's own: the next build replaces them; without --compress, none.
    let out = sulam(s.root(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = files(&public);
    assert!(
        !all.iter().any(|p| p.ends_with(".gz") || p.ends_with(".br")),
        "{all:?}"
    );
    assert!(!stderr(&out).contains("compressed"));
}

#[test]
fn in_a_pipe_a_build_prints_no_progress() {
    let s = Site::fixture("basic");
    let out = Command::new(env!("CARGO_BIN_EXE_sulam"))
        .current_dir(s.root())
        .args(["build", "--compress"])
        .env("SULAM_PROGRESS_AFTER_MS", "0")
        .env("TERM", "xterm")
        .output()
        .expect("run sulam");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains('\r'), "{err:?}");
    for word in ["reading the site", "rendering pages", "compressing"] {
        assert!(!err.contains(word), "{word}: {err}");
    }
    assert!(err.lines().last().is_some_and(|l| l.starts_with("built ")));

    // --quiet keeps the warning and drops the summary.
    let out = sulam(s.root(), &["build", "--quiet"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning: site.yaml: the site has no accessibility statement"));
    assert!(!err.contains("built "), "{err}");
}

/// `sulam build ARGS` on a terminal: run under `script`, which gives it a pseudo-terminal;
/// what it printed, or `None` where there is no `script` (util-linux).
fn on_a_terminal(site: &Site, args: &str, term: &str) -> Option<String> {
    on_a_terminal_in_colour(site, args, term, false)
}

/// As `on_a_terminal`, with `NO_COLOR` unset when `colour`.
fn on_a_terminal_in_colour(site: &Site, args: &str, term: &str, colour: bool) -> Option<String> {
    let bin = env!("CARGO_BIN_EXE_sulam");
    let mut command = Command::new("script");
    command
        .current_dir(site.root())
        .args(["-qec", &format!("'{bin}' build {args}"), "/dev/null"])
        .env("SULAM_PROGRESS_AFTER_MS", "0")
        .env("TERM", term)
        .stdin(std::process::Stdio::null());
    if colour {
        command.env_remove("NO_COLOR");
    } else {
        command.env("NO_COLOR", "1");
    }
    let out = command.output();
    match out {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => panic!("script failed: {}", stderr(&out)),
        Err(e) => {
            eprintln!(
                "skipped: no `script` to run sulam on a terminal ({e}); apt-get install util-linux"
            );
            None
        }
    }
}

#[test]
fn on_a_terminal_a_build_shows_its_steps_on_one_line_and_clears_it() {
    let s = Site::fixture("basic");
    let Some(seen) = on_a_terminal(&s, "--compress", "xterm") else {
        return;
    };
    // Each step drawn over the last, from the start of the line.
    for step in [
        "\rreading the site\x1b[K",
        "\rrendering pages 0/20 in 3 languages\x1b[K",
        "\rwriting feeds, sitemap and search index\x1b[K",
        "\rcompressing text files ",
    ] {
        assert!(seen.contains(step), "{step:?} in {seen:?}");
    }
    // Cleared before the warnings and the summary, which start on a clean line.
    let (before, after) = seen.rsplit_once("\r\x1b[K").expect("the line cleared");
    assert!(before.contains("compressing"), "{seen:?}");
    assert!(after.starts_with("warning: site.yaml"), "{after:?}");
    assert!(after.contains("built 81 pages"), "{after:?}");

    // --quiet: no progress and no summary, the warning still.
    let seen = on_a_terminal(&s, "--quiet", "xterm").expect("script ran before");
    assert!(
        !seen.contains("rendering") && !seen.contains("built "),
        "{seen:?}"
    );
    assert!(seen.contains("warning: site.yaml"), "{seen:?}");
    // A terminal that cannot go back to the start of a line gets none either.
    let seen = on_a_terminal(&s, "", "dumb").expect("script ran before");
    assert!(!seen.contains("rendering"), "{seen:?}");
    assert!(seen.contains("built 81 pages"), "{seen:?}");
}

#[test]
fn on_a_terminal_a_mistake_is_in_colour_with_its_hint_and_plain_with_no_color() {
    let s = Site::fixture("basic");
    let Some(seen) = on_a_terminal_in_colour(&s, "--quiet", "xterm", true) else {
        return;
    };
    // The fixture's one warning: its kind in bold yellow, the hint's label in cyan.
    assert!(
        seen.contains(
            "\x1b[1;33mwarning\x1b[0m: site.yaml: the site has no accessibility statement"
        ),
        "{seen:?}"
    );
    assert!(
        seen.contains(
            "\n  \x1b[36mhint:\x1b[0m Israeli regulations require one on every public site"
        ),
        "{seen:?}"
    );
    let plain = on_a_terminal_in_colour(&s, "--quiet", "xterm", false).expect("script ran before");
    assert!(!plain.contains('\x1b'), "{plain:?}");
    assert!(
        plain.contains("warning: site.yaml: the site has no accessibility statement"),
        "{plain:?}"
    );
    assert!(
        plain.contains("\n  hint: Israeli regulations require one on every public site"),
        "{plain:?}"
    );
}
