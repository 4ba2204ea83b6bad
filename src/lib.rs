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
pub mod diagnostics;
pub mod model;
pub mod output;
pub mod render;
pub mod search;
pub mod site;
pub mod text;
