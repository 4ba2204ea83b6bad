//! Sulam's integration tests, as one binary: each module tests one part of the tool, through
//! the library or the `sulam` binary, on the sites under tests/fixtures/, the example site, or
//! a site made on the spot. One binary rather than one per file, so that the tests, their
//! helpers and the dependencies they use are compiled and linked once.
//!
//! `cargo test --test it serve::` runs the tests of one module.

#[path = "../support/mod.rs"]
mod support;

mod common;

mod brand;
mod build_command;
mod charts;
mod check;
mod components;
mod contacts;
mod corpus;
mod drafts;
mod example;
mod example_facts;
mod finding;
mod fuzz;
mod hostile_crash;
mod hostile_files;
mod hostile_hints;
mod hostile_output;
mod hostile_words;
mod lists;
mod media;
mod mistakes;
mod pages;
mod readers;
mod scaffold;
mod schema;
mod search;
mod serve;
mod site;
mod translations;
