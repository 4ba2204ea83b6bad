//! Text in three languages and two directions, below the model: language codes and
//! direction and isolation of Latin runs (`lang`), the one HTML and XML escaper (`escape`),
//! numbers, dates and collation per language (`format`), figures with units (`figure`),
//! Markdown to clean HTML (`markdown`), and the UI strings in Fluent (`i18n`).

pub mod escape;
pub mod figure;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod markdown;
