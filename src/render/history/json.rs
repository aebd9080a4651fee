//! The history as the contract's JSON.

use crate::history::History;

/// The history as pretty JSON.
pub fn render(history: &History) -> String {
    let mut text = crate::render::safe::json_pretty(history);
    text.push('\n');
    text
}
