//! The accessibility statement's facts from site.yaml, shown by the `accessibility` page entry
//! or, when there is none, by a page of their own.

use serde::Serialize;

use crate::render::{Block, Model, Text};

/// The accessibility statement's facts from site.yaml, on a page in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub standard: String,
    pub reviewed: String,
    pub reviewed_iso: String,
    pub coordinator: Option<Text>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub not_accessible: Option<Block<Vec<String>>>,
}

/// The statement on a page in `lang`; `None` when site.yaml has no `accessibility`.
pub fn statement(m: &Model, lang: &str) -> Option<Statement> {
    let a = m.config.accessibility.as_ref()?;
    let reviewed_iso = a.reviewed.value.trim().to_string();
    Some(Statement {
        standard: a
            .standard
            .clone()
            .unwrap_or_else(|| "IS 5568 (WCAG 2.1, AA)".into()),
        reviewed: m.fmt(lang).date(&reviewed_iso),
        reviewed_iso,
        coordinator: m
            .config
            .localized(&a.coordinator.name, lang)
            .map(|(name, l)| m.text(name, &l, lang)),
        email: a.coordinator.email.clone(),
        phone: a.coordinator.phone.clone(),
        not_accessible: a
            .not_accessible
            .as_ref()
            .and_then(|n| m.config.localized(n, lang))
            .map(|(items, l)| Block {
                attrs: m.attrs(&l, lang),
                items: items.iter().map(|i| m.html(i, &l)).collect(),
            }),
    })
}
