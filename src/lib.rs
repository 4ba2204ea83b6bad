//! Sulam: a static site generator for program knowledge bases in Hebrew, Arabic and English.
//!
//! The stages, each a folder, in the order data flows through them:
//!
//! ```text
//! text (languages, bidi, formats, Markdown, Fluent)
//!   ↓
//! model (site.yaml → content/ → references)   →   render (views, Tera)   →   search
//!                                  ↘                  ↓                       ↓
//!                                   site (load → problems → pages → render)  →  output (write)
//!                                                       ↓
//!                                   commands (build, check, serve, new, schema, translations)
//! ```
//!
//! A lower stage never names a higher one. `main.rs` only parses the command line. See
//! `docs/architecture.md`.

pub mod commands;
mod compress;
pub mod diagnostics;
mod media;
mod model;
mod output;
mod render;
mod salvage;
mod search;
mod site;
mod text;

// The stages one at a time, for the benchmark that times each and the tests that look at one;
// everything else stays inside the crate.
pub use model::config::SiteConfig;
pub use model::content::{self, Collection};
pub use model::link;
pub use output::write;
pub use render::Bodies;
pub use render::theme::DEFAULT as DEFAULT_THEME;
pub use site::{BuiltSite, render_site};
pub use text::i18n::{Source, Strings};
