//! Sulam: a static site generator for program knowledge bases in Hebrew, Arabic and English.
//!
//! The stages, each a module, in the order data flows through them:
//! `config` (site.yaml) → `content` (discover and parse) → `link` (references, back-references)
//! → `markdown` and `render` (views per language, Tera + Fluent) → `output` (atomic write).
//! `build` runs them in order; `main.rs` only parses the command line.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod feed;
pub mod filters;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod link;
pub mod map;
pub mod markdown;
pub mod meta;
pub mod output;
pub mod related;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod theme;
pub mod translations;
