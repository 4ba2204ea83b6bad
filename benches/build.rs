//! Sulam against Hugo on the same generated knowledge base, on the same machine, in one run.
//!
//! ```text
//! cargo bench --bench build [-- --sizes 300,3000,10000] [--runs 5] [--seed 1] [--stages]
//! ```
//!
//! For each size it writes (or reuses) the corpus of examples/corpus under
//! target/bench-corpus/, then builds it with the release `sulam build` and with `hugo`,
//! alternating the two so that load from elsewhere on the machine hits both alike, each run
//! under `/usr/bin/time -v` for the peak memory. It prints a Markdown table of medians for
//! docs/performance.md. `--stages` also times Sulam's stages in this process (parse, link,
//! Markdown, render, write) on each corpus.
//!
//! This is a plain program (`harness = false`): whole builds take seconds, so statistics
//! beyond a median of a few runs would add nothing but time.

#[path = "common/serve_timing.rs"]
mod serve_timing;
#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::corpus as generate;

const SULAM: &str = env!("CARGO_BIN_EXE_sulam");

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    seed: u64,
    stages: bool,
}

fn options() -> Result<Option<Options>, String> {
    let mut o = Options {
        sizes: vec![300, 3000, 10000],
        runs: 5,
        seed: 1,
        stages: false,
    };
    let mut bench = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // cargo bench passes --bench; cargo test passes nothing.
            "--bench" => bench = true,
            "--stages" => o.stages = true,
            "--sizes" => {
                o.sizes = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(|s| s.trim().parse().map_err(|_| format!("bad size '{s}'")))
                    .collect::<Result<_, _>>()?;
            }
            "--runs" => {
                o.runs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a number above 0")?;
            }
            "--seed" => {
                o.seed = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--seed needs a number")?;
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(bench.then_some(o))
}

fn main() {
    let o = match options() {
        Ok(Some(o)) => o,
        Ok(None) => {
            eprintln!("the build benchmark runs under `cargo bench --bench build`; skipped");
            return;
        }
        Err(e) => {
            eprintln!(
                "{e}\nusage: cargo bench --bench build -- [--sizes 300,3000,10000] [--runs 5] [--seed 1] [--stages]"
            );
            std::process::exit(2);
        }
    };
    let hugo = hugo_version();
    let load_before = read(Path::new("/proc/loadavg")).trim().to_string();
    let time = Path::new("/usr/bin/time").is_file();
    let base = target_dir().join("bench-corpus");
    eprintln!(
        "sulam {SULAM}\nhugo: {}\n/usr/bin/time: {}",
        hugo.as_deref()
            .unwrap_or("not found (apt-get install hugo); Hugo columns skipped"),
        if time {
            "yes"
        } else {
            "not found (apt-get install time); no peak memory"
        }
    );

    let mut rows = Vec::new();
    for &n in &o.sizes {
        let params = generate::Params {
            initiatives: n,
            seed: o.seed,
        };
        let dir = base.join(format!("n{n}-seed{}", o.seed));
        let (site, hugo_site) = (dir.join("sulam"), dir.join("hugo"));
        let fresh = read(&site.join(generate::MARKER)) == params.marker()
            && read(&hugo_site.join(generate::MARKER)) == params.marker();
        if !fresh {
            eprintln!(
                "writing the corpus of {n} initiatives into {}",
                dir.display()
            );
            if let Err(e) = generate::generate(&params, &site, Some(&hugo_site)) {
                eprintln!("cannot write the corpus: {e}");
                std::process::exit(1);
            }
        }
        let (sulam_out, hugo_out) = (dir.join("out-sulam"), dir.join("out-hugo"));
        let mut s_runs = Vec::new();
        let mut h_runs = Vec::new();
        for r in 0..o.runs {
            eprint!("n={n} run {}/{}: ", r + 1, o.runs);
            let _ = std::fs::remove_dir_all(&sulam_out);
            let s = measure(
                Command::new(SULAM)
                    .arg("build")
                    .arg("--root")
                    .arg(&site)
                    .arg("--output")
                    .arg(&sulam_out),
                time,
            );
            if s.stderr.contains("warning") || s.stderr.contains("error") {
                eprintln!("sulam reported problems:\n{}", s.stderr);
                std::process::exit(1);
            }
            eprint!("sulam {:.2} s", s.wall.as_secs_f64());
            s_runs.push(s);
            if hugo.is_some() {
                let _ = std::fs::remove_dir_all(&hugo_out);
                let h = measure(
                    Command::new("hugo")
                        .arg("--quiet")
                        .arg("--source")
                        .arg(&hugo_site)
                        .arg("--destination")
                        .arg(&hugo_out),
                    time,
                );
                eprint!(", hugo {:.2} s", h.wall.as_secs_f64());
                h_runs.push(h);
            }
            eprintln!();
        }
        eprintln!(
            "load average after n={n}: {}",
            read(Path::new("/proc/loadavg")).trim()
        );
        let stages = o.stages.then(|| stages(&site, &dir.join("out-stages")));
        let serve = serve_rebuild(&site, &dir);
        rows.push(Row {
            n,
            serve,
            entries: generate::Sizes::for_initiatives(n).entries(),
            sulam: Summary::of(&s_runs, &sulam_out),
            hugo: (!h_runs.is_empty()).then(|| Summary::of(&h_runs, &hugo_out)),
            stages,
        });
    }
    let mut report = report(&rows, &o, hugo.as_deref());
    report.push_str(&format!(
        "\nLoad average (1, 5, 15 min) before: {load_before}; after: {}. Wall times count \
         waiting for the cores when other work runs; CPU (user + system) time is less \
         sensitive to that.\n",
        read(Path::new("/proc/loadavg")).trim()
    ));
    println!("{report}");
    let _ = std::fs::create_dir_all(&base);
    let _ = std::fs::write(base.join("results.md"), &report);
    eprintln!("also written to {}", base.join("results.md").display());
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

fn hugo_version() -> Option<String> {
    let out = Command::new("hugo").arg("version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

struct Run {
    wall: Duration,
    /// Peak resident set, in KiB, and user + system CPU time, from `/usr/bin/time -v`.
    rss_kib: Option<u64>,
    cpu: Option<Duration>,
    stderr: String,
}

/// Runs the command (under `/usr/bin/time -v` if there is one) and times it from spawn to exit.
fn measure(cmd: &mut Command, time: bool) -> Run {
    let report = std::env::temp_dir().join(format!("sulam-bench-time-{}", std::process::id()));
    let mut full = if time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg("-o").arg(&report).arg(cmd.get_program());
        c.args(cmd.get_args());
        c
    } else {
        let mut c = Command::new(cmd.get_program());
        c.args(cmd.get_args());
        c
    };
    let started = Instant::now();
    let out = full.output();
    let wall = started.elapsed();
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            eprintln!("cannot run {:?}: {e}", cmd.get_program());
            std::process::exit(1);
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if !out.status.success() {
        eprintln!("{:?} failed:\n{stderr}", cmd.get_program());
        std::process::exit(1);
    }
    let report_text = if time { read(&report) } else { String::new() };
    let field = |name: &str| -> Option<f64> {
        report_text
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
    };
    let rss_kib = field("Maximum resident set size (kbytes):").map(|k| k as u64);
    let cpu = field("User time (seconds):")
        .zip(field("System time (seconds):"))
        .map(|(u, s)| Duration::from_secs_f64(u + s));
    let _ = std::fs::remove_file(&report);
    Run {
        wall,
        rss_kib,
        cpu,
        stderr,
    }
}

/// Medians of the runs, and what the last run wrote.
struct Summary {
    wall: Duration,
    min: Duration,
    max: Duration,
    rss_kib: Option<u64>,
    cpu: Option<Duration>,
    html: usize,
    bytes: u64,
}

impl Summary {
    fn of(runs: &[Run], out: &Path) -> Summary {
        let mut walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
        walls.sort();
        let mut rss: Vec<u64> = runs.iter().filter_map(|r| r.rss_kib).collect();
        rss.sort();
        let mut cpu: Vec<Duration> = runs.iter().filter_map(|r| r.cpu).collect();
        cpu.sort();
        let (mut html, mut bytes) = (0, 0);
        for e in walkdir::WalkDir::new(out).into_iter().flatten() {
            if e.file_type().is_file() {
                bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
                if e.path().extension().is_some_and(|x| x == "html") {
                    html += 1;
                }
            }
        }
        Summary {
            wall: walls[walls.len() / 2],
            min: walls[0],
            max: walls[walls.len() - 1],
            rss_kib: rss.get(rss.len() / 2).copied(),
            cpu: cpu.get(cpu.len() / 2).copied(),
            html,
            bytes,
        }
    }

    fn pages_per_second(&self) -> f64 {
        self.html as f64 / self.wall.as_secs_f64()
    }
}

struct Row {
    n: usize,
    /// From starting `sulam serve` to its first page; the median time from saving one
    /// initiative's body to `serve` serving the new page; serve's line for that rebuild.
    serve: Result<(Duration, Duration, String), String>,
    entries: usize,
    sulam: Summary,
    hugo: Option<Summary>,
    stages: Option<Vec<(&'static str, Duration)>>,
}

/// Starts `sulam serve` on a copy of the corpus, saves one paragraph into the first
/// initiative's English text five times, and gives the median time until the page served has
/// it, with serve's own line for the last rebuild; and how soon after it started serve
/// answered with a page.
fn serve_rebuild(site: &Path, dir: &Path) -> Result<(Duration, Duration, String), String> {
    let copy = dir.join("serve-copy");
    let _ = std::fs::remove_dir_all(&copy);
    support::copy_site(site, &copy).map_err(|e| format!("cannot copy the corpus: {e}"))?;
    let initiatives = copy.join("content/initiatives");
    let mut ids: Vec<String> = std::fs::read_dir(&initiatives)
        .map_err(|e| e.to_string())?
        .flatten()
        .filter(|d| d.path().join("en.md").exists())
        .map(|d| d.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    let id = ids.first().ok_or("no initiative with an en.md")?;
    let result = serve_timing::measure(&copy, &format!("initiatives/{id}"), 5);
    let _ = std::fs::remove_dir_all(&copy);
    let mut t = result?;
    let median = t.median_to_page();
    eprintln!(
        "serve: first page {:.0} ms after the start; save to new page {:.0} ms (median of 5); {}",
        serve_timing::ms(t.first_page),
        serve_timing::ms(median),
        t.last_rebuild.as_deref().unwrap_or("")
    );
    Ok((t.first_page, median, t.last_rebuild.unwrap_or_default()))
}

/// Sulam's stages, timed in this process through the library. `render_site` runs them all
/// again, so "render pages" is its time less the parts timed on their own.
fn stages(root: &Path, out: &Path) -> Vec<(&'static str, Duration)> {
    use sulam::diagnostics::Diagnostics;
    let mut d = Diagnostics::default();
    let t = Instant::now();
    let Some(config) = sulam::SiteConfig::load(root, None, &mut d) else {
        return Vec::new();
    };
    let content = sulam::content::load(&config, &mut d);
    let parse = t.elapsed();
    let t = Instant::now();
    let _links = sulam::link::link(&content, &mut d);
    let link = t.elapsed();
    let t = Instant::now();
    let _bodies = sulam::Bodies::render_all(&config, &content, None);
    let markdown = t.elapsed();
    let t = Instant::now();
    let (site, _) = sulam::render_site(root, None);
    let all = t.elapsed();
    let Some(site) = site else {
        return Vec::new();
    };
    let _ = std::fs::remove_dir_all(out);
    let t = Instant::now();
    let _ = sulam::write(out, &site.output);
    let write = t.elapsed();
    vec![
        ("discover + parse", parse),
        ("link", link),
        ("markdown", markdown),
        (
            "render pages (templates, views)",
            all.saturating_sub(parse + link + markdown),
        ),
        ("write", write),
    ]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn mib(kib: Option<u64>) -> String {
    kib.map(|k| format!("{:.0} MiB", k as f64 / 1024.0))
        .unwrap_or_else(|| "n/a".into())
}

fn report(rows: &[Row], o: &Options, hugo: Option<&str>) -> String {
    let cpu = read(Path::new("/proc/cpuinfo"))
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = read(Path::new("/proc/meminfo"))
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:").map(|v| v.trim().to_string()))
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut s = format!(
        "Machine: {cores} cores ({cpu}), {mem} RAM. Hugo: {}. Medians of {} runs (seed {}).\n\n",
        hugo.unwrap_or("not installed"),
        o.runs,
        o.seed
    );
    s.push_str("| initiatives | entries | Sulam pages | Sulam wall (min–max) | Sulam CPU | Sulam pages/s | Sulam peak RSS | Sulam output | Hugo pages | Hugo wall (min–max) | Hugo CPU | Hugo pages/s | Hugo peak RSS | Hugo output | Sulam / Hugo wall | Sulam / Hugo CPU | serve: start, and one body edited |\n");
    s.push_str(
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n",
    );
    for r in rows {
        let sm = &r.sulam;
        let _ = std::fmt::Write::write_fmt(
            &mut s,
            format_args!(
                "| {} | {} | {} | {} ({}–{}) | {} | {:.0} | {} | {:.1} MiB | ",
                r.n,
                r.entries,
                sm.html,
                secs(sm.wall),
                secs(sm.min),
                secs(sm.max),
                sm.cpu.map_or("n/a".into(), secs),
                sm.pages_per_second(),
                mib(sm.rss_kib),
                sm.bytes as f64 / 1048576.0
            ),
        );
        match &r.hugo {
            Some(h) => {
                let _ = std::fmt::Write::write_fmt(
                    &mut s,
                    format_args!(
                        "{} | {} ({}–{}) | {} | {:.0} | {} | {:.1} MiB | {:.2} | {} | ",
                        h.html,
                        secs(h.wall),
                        secs(h.min),
                        secs(h.max),
                        h.cpu.map_or("n/a".into(), secs),
                        h.pages_per_second(),
                        mib(h.rss_kib),
                        h.bytes as f64 / 1048576.0,
                        sm.wall.as_secs_f64() / h.wall.as_secs_f64(),
                        match (sm.cpu, h.cpu) {
                            (Some(a), Some(b)) =>
                                format!("{:.2}", a.as_secs_f64() / b.as_secs_f64()),
                            _ => "n/a".into(),
                        }
                    ),
                );
            }
            None => s.push_str("– | – | – | – | – | – | – | – | "),
        }
        match &r.serve {
            Ok((first, t, line)) => s.push_str(&format!(
                "first page {:.1} s after the start; {:.0} ms to the new page (serve: {}) |\n",
                first.as_secs_f64(),
                serve_timing::ms(*t),
                line.trim_start_matches("rebuilt ")
            )),
            Err(e) => s.push_str(&format!("not measured: {e} |\n")),
        }
    }
    let find = |n: usize| rows.iter().find(|r| r.n == n);
    if let (Some(a), Some(b)) = (find(3000), find(10000)) {
        let _ = std::fmt::Write::write_fmt(
            &mut s,
            format_args!(
                "\nGrowth from 3,000 to 10,000 initiatives (3.33x the content): Sulam {:.2}x{}.\n",
                b.sulam.wall.as_secs_f64() / a.sulam.wall.as_secs_f64(),
                match (&a.hugo, &b.hugo) {
                    (Some(ha), Some(hb)) => format!(
                        ", Hugo {:.2}x",
                        hb.wall.as_secs_f64() / ha.wall.as_secs_f64()
                    ),
                    _ => String::new(),
                }
            ),
        );
    }
    for r in rows {
        if let Some(st) = &r.stages {
            let total: Duration = st.iter().map(|(_, d)| *d).sum();
            let _ = std::fmt::Write::write_fmt(
                &mut s,
                format_args!(
                    "\nSulam's stages on {} initiatives (one run, in process):\n\n| stage | time | share |\n|---|---:|---:|\n",
                    r.n
                ),
            );
            for (name, d) in st {
                let _ = std::fmt::Write::write_fmt(
                    &mut s,
                    format_args!(
                        "| {name} | {} | {:.0}% |\n",
                        secs(*d),
                        100.0 * d.as_secs_f64() / total.as_secs_f64()
                    ),
                );
            }
        }
    }
    s
}
