//! Everything a person reads, as pure functions returning Strings. Colour and width are passed in.

pub mod catalog;
pub mod profile;
pub mod show;
pub mod walk;

use comfy_table::{presets, ContentArrangement, Table};

/// How to lay out terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Total width available, in columns.
    pub width: u16,
    /// Whether ANSI colour may be used.
    pub color: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 80,
            color: false,
        }
    }
}

/// A table with the house style: UTF-8 borders, dynamic arrangement within the width.
pub fn table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if !style.color {
        table.force_no_tty();
    } else {
        table.enforce_styling();
    }
    table
}

/// Bold text when colour is on.
pub fn bold(text: &str, style: Style) -> String {
    if style.color {
        console::style(text).bold().force_styling(true).to_string()
    } else {
        text.to_string()
    }
}
