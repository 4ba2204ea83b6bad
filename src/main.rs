//! The `sulam` command line: parses arguments and calls one function per command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use sulam::commands::build::{Also, BuildOptions, build_also};
use sulam::commands::progress::{self, Progress};
use sulam::diagnostics::Diagnostic;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sulam",
    version,
    about = "Build a trilingual knowledge-base website from Markdown and YAML."
)]
struct Cli {
    /// The site folder (the one with site.yaml). Default: the current folder.
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into public/ (or --output DIR).
    Build {
        /// Where to write the site. It must be a folder Sulam made, or empty, or new.
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The published address, overriding base_url in site.yaml (e.g. https://example.org/kb/).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Publish drafts too, marked "draft" and kept out of search engines (a staging site).
        #[arg(long)]
        drafts: bool,
        /// Also write a .gz and a .br copy of each text file, for hosts that serve them
        /// (docs/publishing.md).
        #[arg(long)]
        compress: bool,
        /// Print only warnings and errors: no progress line, no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Create a new entry: content/<collection>/<id>/ with common.yaml and a file per language,
    /// every field shown as a commented example.
    New {
        /// initiatives, partners, towns, networks, domains, sectors, people, pages or news.
        collection: String,
        /// The entry's id: lower-case letters, digits and '-'.
        id: String,
    },
    /// Preview the site: build it in memory, serve it on 127.0.0.1, and rebuild and reload the
    /// open pages when a file is saved. Writes nothing to disk.
    Serve {
        /// The port to try first; the next free one is used if it is taken (0: any).
        #[arg(long, short, default_value_t = 1818)]
        port: u16,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a new site in DIR (new or empty) with one entry of each collection.
    Init { dir: PathBuf },
    /// Check the site without writing it: everything build checks, plus links, UI strings and
    /// unused files. Exits non-zero on errors (and on warnings with --strict).
    Check {
        /// human (default) or json.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// Check as if published at this address.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Show, per language, the texts that are missing or out of date, oldest first, with the
    /// words to translate; or mark a translation done.
    Translations {
        #[command(subcommand)]
        action: Option<TranslationsAction>,
        /// Only this language.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// human (default) or json.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Write JSON Schemas of site.yaml, common.yaml and front matter, for editors (schemas/),
    /// and VS Code settings that use them where the site has none.
    Schema {
        /// Where to write the schemas. Default: schemas/ in the site folder.
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Give an entry a new id: move its folder, rewrite every reference and relative link to
    /// it, keep its old addresses working (aliases) and its translations' stamps current.
    Rename {
        /// initiatives, partners, towns, networks, domains, sectors, people, pages or news.
        collection: String,
        /// The id it has now.
        old: String,
        /// The id it will have.
        new: String,
    },
}

#[derive(Subcommand)]
enum TranslationsAction {
    /// Record that LANG's text of entries is translated from their source as the source reads
    /// now, e.g. `sulam translations done ar initiatives/municipal-mobility`,
    /// `sulam translations done ar 'initiatives/*'`, or `sulam translations done ar --all`.
    Done {
        lang: String,
        /// <collection>/<id>, the entry's folder or its LANG.md; `*` and `?` match any part of
        /// a name (quote them: 'initiatives/*').
        #[arg(
            required_unless_present = "all",
            conflicts_with = "all",
            value_name = "ENTRY"
        )]
        entries: Vec<String>,
        /// Every LANG text that `sulam translations` lists as needing work: never marked done,
        /// or with fields missing or out of date. Texts already up to date are left as they are.
        #[arg(long)]
        all: bool,
        /// The language it was translated from, when it is not the entry's original.
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
    },
    /// After a change to LANG's text that needs no new translation (a typo fix), record that
    /// every translation made from it still matches.
    Unchanged {
        lang: String,
        /// <collection>/<id>
        entry: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.unwrap_or_else(|| PathBuf::from("."));
    match cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
            compress,
            quiet,
        } => build_site(
            BuildOptions {
                root,
                output,
                base_url,
                drafts,
            },
            compress,
            quiet,
        ),
        Command::New { collection, id } => new_entry(&root, &collection, &id),
        Command::Serve { port, open } => serve(root, port, open),
        Command::Init { dir } => init(&dir),
        Command::Check {
            format,
            strict,
            base_url,
        } => check(&root, format, strict, base_url.as_deref()),
        Command::Translations {
            action,
            lang,
            format,
        } => translations(&root, action, lang.as_deref(), format),
        Command::Schema { output } => schema(&root, output.as_deref()),
        Command::Rename {
            collection,
            old,
            new,
        } => rename(&root, &collection, &old, &new),
    }
}

/// Builds into the output folder, which is replaced only when the build succeeds.
fn build_site(mut opts: BuildOptions, compress: bool, quiet: bool) -> ExitCode {
    let started = std::time::Instant::now();
    // Relative to where sulam was started, not to the site folder.
    opts.output = opts.output.map(|o| {
        if o.is_absolute() {
            o
        } else {
            std::env::current_dir().unwrap_or_default().join(o)
        }
    });
    let progress = Progress::start(progress::wanted(quiet));
    let result = build_also(
        &opts,
        &Also {
            compress,
            progress: Some(&|step| progress.step(step)),
        },
    );
    progress.finish();
    match result {
        Ok(report) => {
            print_all(report.diagnostics.all());
            if quiet {
                return ExitCode::SUCCESS;
            }
            let warnings = report.diagnostics.warnings().count();
            let pictures = report.pictures;
            eprintln!(
                "built {} pages ({} files{}) into {} in {} ms{}",
                report.pages,
                report.files,
                {
                    let mut also = String::new();
                    if compress {
                        also.push_str(&format!(", {} compressed copies", report.compressed));
                    }
                    if pictures.made + pictures.reused > 0 {
                        also.push_str(&format!(
                            "; {} versions of pictures made, {} taken from the cache",
                            pictures.made, pictures.reused
                        ));
                    }
                    also
                },
                report.output.display(),
                started.elapsed().as_millis(),
                if warnings > 0 {
                    format!(", {warnings} warning(s)")
                } else {
                    String::new()
                }
            );
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_all(diags.all());
            let n = diags.errors().count();
            eprintln!("build failed: {n} error(s); the output folder was not changed");
            ExitCode::FAILURE
        }
    }
}

/// Returns only when the server cannot start.
fn serve(root: PathBuf, port: u16, open: bool) -> ExitCode {
    match sulam::commands::serve::serve(&sulam::commands::serve::ServeOptions { root, port, open })
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            print_all(&[d]);
            ExitCode::FAILURE
        }
    }
}

/// A new site with one entry of each collection.
fn init(dir: &Path) -> ExitCode {
    let mut diags = sulam::diagnostics::Diagnostics::default();
    if sulam::commands::scaffold::init(dir, &mut diags) {
        eprintln!(
            "created a new site in {}; build it with: sulam build --root {}",
            dir.display(),
            dir.display()
        );
        eprintln!(
            "to publish it on GitHub Pages, read the top of .github/workflows/deploy.yml (docs/publishing.md)"
        );
        ExitCode::SUCCESS
    } else {
        print_all(diags.all());
        ExitCode::FAILURE
    }
}

/// The schemas, then the VS Code settings that point at them.
fn schema(root: &Path, output: Option<&Path>) -> ExitCode {
    let dir = match sulam::commands::schema::write(root, output) {
        Ok(dir) => dir,
        Err(diags) => {
            print_all(diags.all());
            return ExitCode::FAILURE;
        }
    };
    eprintln!("wrote the schemas into {}", dir.display());
    match sulam::commands::schema::write_editor_settings(root) {
        Ok(written) => {
            for path in written {
                eprintln!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the VS Code settings in .vscode/: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A new id for an entry, everywhere it is named.
fn rename(root: &Path, collection: &str, old: &str, new: &str) -> ExitCode {
    match sulam::commands::rename::rename(root, collection, old, new) {
        Ok(done) => {
            eprintln!(
                "moved {} to {}",
                done.moved.0.display(),
                done.moved.1.display()
            );
            for f in &done.rewritten {
                eprintln!("rewrote {}", f.display());
            }
            for f in &done.restamped {
                eprintln!("kept the translation stamp of {} current", f.display());
            }
            eprintln!(
                "{} references and links rewritten; '{old}' is now an alias of '{new}'",
                done.changes
            );
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_all(diags.all());
            ExitCode::FAILURE
        }
    }
}

/// A new entry folder with a commented example of every field.
fn new_entry(root: &Path, collection: &str, id: &str) -> ExitCode {
    let mut diags = sulam::diagnostics::Diagnostics::default();
    let created = sulam::SiteConfig::load(root, None, &mut diags).and_then(|config| {
        sulam::commands::scaffold::new_entry(&config, collection, id, &mut diags)
    });
    match created {
        Some(dir) if !diags.has_errors() => {
            eprintln!(
                "created {}: write the text in each language file, the facts in common.yaml",
                dir.display()
            );
            // Editors complete ids from the schemas: add the new one.
            if root.join("schemas").is_dir() && sulam::commands::schema::write(root, None).is_ok() {
                eprintln!("updated the editor schemas in schemas/");
            }
            ExitCode::SUCCESS
        }
        _ => {
            print_all(diags.all());
            ExitCode::FAILURE
        }
    }
}

/// Everything `build` checks and more, without writing; a report in words or JSON.
fn check(root: &Path, format: Format, strict: bool, base_url: Option<&str>) -> ExitCode {
    let report = sulam::commands::check::check(root, base_url);
    match format {
        Format::Json => print_json(&report),
        Format::Human => {
            print_all(&report.diagnostics);
            eprintln!(
                "checked {} pages: {} error(s), {} warning(s)",
                report.pages, report.errors, report.warnings
            );
        }
    }
    if report.failed(strict) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `translations done` and `translations unchanged` record a stamp; without an action, the
/// report.
fn translations(
    root: &Path,
    action: Option<TranslationsAction>,
    lang: Option<&str>,
    format: Format,
) -> ExitCode {
    use sulam::commands::translations as t;
    let marked = match action {
        Some(TranslationsAction::Done {
            lang,
            entries,
            all,
            from,
        }) => {
            let which = if all {
                t::Which::All
            } else {
                t::Which::Named(&entries)
            };
            t::mark_done_many(root, &lang, which, from.as_deref()).map(|m| m.to_string())
        }
        Some(TranslationsAction::Unchanged { lang, entry }) => {
            t::mark_unchanged(root, &lang, &entry)
        }
        None => return translations_report(root, lang, format),
    };
    match marked {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_all(diags.all());
            ExitCode::FAILURE
        }
    }
}

/// What is missing or out of date in each language, for reading or as JSON.
fn translations_report(root: &Path, lang: Option<&str>, format: Format) -> ExitCode {
    use sulam::commands::translations as t;
    let report = match t::report(root, lang) {
        Ok(report) => report,
        Err(diags) => {
            print_all(diags.all());
            return ExitCode::FAILURE;
        }
    };
    match format {
        Format::Json => print_json(&report),
        Format::Human => {
            let colour = std::io::IsTerminal::is_terminal(&std::io::stdout())
                && std::env::var_os("NO_COLOR").is_none();
            print!("{}", t::render_text(&report, colour));
        }
    }
    ExitCode::SUCCESS
}

/// A report as JSON on standard output, for `--format json`.
fn print_json(report: &impl serde::Serialize) {
    match serde_json::to_string_pretty(report) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("cannot write the report: {e}"),
    }
}

fn print_all(diags: &[Diagnostic]) {
    sulam::diagnostics::print(diags);
}
