//! The site as data: settings (`site.yaml`), the entries of each collection with their facts
//! and texts, and the references between them. Built once from the site's files, read by every
//! later stage; it knows nothing of templates, pages or commands.
//!
//! `config` reads `site.yaml`; `content` discovers and parses the entries; `link` checks their
//! references and gathers the back-references; `related` finds initiatives that share facts;
//! `brand` checks the organisation's logo, colour and menu; `aliases` keeps the old ids of renamed entries; `contact` checks e-mail addresses and phone numbers; `urls` says where each page lives; `folders` names the site's folders; `files` says which
//! files of them may be read at all, and `names` what each file of an entry's folder is;
//! `read` reads an author's text file and `yaml` parses it, each saying what is wrong in plain
//! words; `limits` bounds what a file may hold.

pub mod aliases;
pub mod assets;
pub mod brand;
pub mod config;
pub mod contact;
pub mod content;
pub mod files;
pub mod folders;
pub mod limits;
pub mod link;
pub mod names;
pub mod read;
pub mod related;
pub mod stamp;
pub mod urls;
pub mod yaml;
