//! The site as data: settings (`site.yaml`), the entries of each collection with their facts
//! and texts, and the references between them. Built once from the site's files, read by every
//! later stage; it knows nothing of templates, pages or commands.
//!
//! `config` reads `site.yaml`; `content` discovers and parses the entries; `link` checks their
//! references and gathers the back-references; `related` finds initiatives that share facts;
//! `urls` says where each page lives; `folders` names the site's folders; `read` reads an author's text file and `yaml` parses it,
//! each saying what is wrong in plain words.

pub mod config;
pub mod content;
pub mod folders;
pub mod link;
pub mod read;
pub mod related;
pub mod stamp;
pub mod urls;
pub mod yaml;
