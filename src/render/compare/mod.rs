//! `rungs compare`: the 360 view of one person, one renderer per format. Every renderer reads
//! only the [`Comparison`](crate::compare::Comparison).

pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use crate::assessment::RatingValue;
use crate::compare::Standing;

/// `2.50 growing`, or `0.40 none`: the score, then the level held; `–` when there is no
/// standing.
pub fn standing_text(standing: Option<&Standing>) -> String {
    match standing {
        Some(s) => format!(
            "{:.2} {}",
            s.score,
            s.level.as_deref().map_or("none", |l| l)
        ),
        None => "–".to_string(),
    }
}

/// A value as shown in tables: `3`, `na`, or `–` when unrated.
pub fn value_text(value: Option<RatingValue>) -> String {
    match value {
        Some(v) => v.to_string(),
        None => "–".to_string(),
    }
}

/// The formats of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// Pretty JSON.
    Json,
    /// Markdown.
    Markdown,
    /// A page that stands alone.
    Html,
}

impl crate::render::Document for crate::compare::Comparison {
    type Format = Format;

    fn render(&self, format: Format, style: crate::render::Style) -> String {
        match format {
            Format::Table => table::render(self, style),
            Format::Json => json::render(self),
            Format::Markdown => markdown::render(self),
            Format::Html => html::render(self),
        }
    }
}
