//! Text in three languages and two directions, below the model: language codes and
//! direction, isolation of Latin runs and the one HTML escaper (`lang`), numbers, dates and
//! collation per language (`format`), Markdown to clean HTML (`markdown`), and the UI strings
//! in Fluent (`i18n`).

pub mod format;
pub mod i18n;
pub mod lang;
pub mod markdown;
