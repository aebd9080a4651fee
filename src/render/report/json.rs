//! The report as JSON: the contract's fields (`framework.id`, `framework.version`, and per
//! competency `id`, `name`, `level`, `rank`, `score`, `target`, `gap`) plus everything the table
//! shows.

use super::Report;

/// Pretty JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}
