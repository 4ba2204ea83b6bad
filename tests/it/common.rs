//! Helpers for the integration tests: copy a fixture site into a temp folder, build it, read
//! what came out.

use std::path::{Path, PathBuf};

use sulam::commands::build::{BuildOptions, Report, build};
use sulam::diagnostics::Diagnostics;

pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::support::copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            dir.path(),
        )
        .expect("copy the fixture");
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.path().join(rel)).expect("remove");
    }

    pub fn build(&self) -> Result<Report, Diagnostics> {
        build(&BuildOptions {
            root: self.root().to_path_buf(),
            output: None,
            base_url: None,
            ..Default::default()
        })
    }

    pub fn build_ok(&self) -> Report {
        match self.build() {
            Ok(r) => r,
            Err(d) => panic!(
                "build failed:\n{}",
                d.all()
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    pub fn build_err(&self) -> Diagnostics {
        match self.build() {
            Ok(_) => panic!("build should have failed"),
            Err(d) => d,
        }
    }

    pub fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Builds the site at `root` (into `output`, or its public/) and asserts that the build
/// succeeded with no warning at all.
pub fn build_cleanly(root: &Path, output: Option<PathBuf>) -> Report {
    let report = build(&BuildOptions {
        root: root.to_path_buf(),
        output,
        base_url: None,
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("build failed:\n{}", messages(&d)));
    assert_eq!(
        report.diagnostics.all().len(),
        0,
        "{}",
        messages(&report.diagnostics)
    );
    report
}

/// All messages of a failed build, one per line, for assertions.
pub fn messages(d: &Diagnostics) -> String {
    d.all()
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes Fluent's bidi isolation marks.
pub fn plain(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// The JSON-LD of a page, parsed.
pub fn jsonld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").expect("end of script");
    serde_json::from_str(&html[start..end]).unwrap_or_else(|e| panic!("invalid JSON-LD: {e}"))
}

/// A JPEG of `w` × `h` with a gradient, so that it has something to resize.
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("a JPEG");
    out
}

/// A PNG of `w` × `h` with see-through pixels at its start.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbaImage::from_fn(w, h, |x, y| {
        image::Rgba([
            40,
            (x % 200) as u8,
            (y % 200) as u8,
            if x < 20 { 0 } else { 255 },
        ])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgba8)
        .expect("a PNG");
    out
}

/// The files of two builds' outputs that differ: in `fresh` with other bytes in `served` or
/// none, and in `served` only.
pub fn differing<'a>(
    fresh: &'a std::collections::BTreeMap<String, Vec<u8>>,
    served: &'a std::collections::BTreeMap<String, Vec<u8>>,
) -> Vec<&'a String> {
    fresh
        .iter()
        .filter(|(p, b)| served.get(*p) != Some(*b))
        .map(|(p, _)| p)
        .chain(served.keys().filter(|p| !fresh.contains_key(*p)))
        .collect()
}
