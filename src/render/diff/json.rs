//! The diff as the contract's JSON.

use super::DiffReport;

/// The diff as pretty JSON.
pub fn render(report: &DiffReport) -> String {
    let mut text = crate::render::safe::json_pretty(report);
    text.push('\n');
    text
}
