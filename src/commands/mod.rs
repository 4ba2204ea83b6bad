//! One module per command of the `sulam` binary: what it reads, what it writes, what it
//! reports. `main.rs` parses the command line and calls these; they call the stages through
//! `site` and print nothing themselves but through the diagnostics they return.

pub mod build;
pub mod check;
pub mod progress;
pub mod rename;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod translations;
