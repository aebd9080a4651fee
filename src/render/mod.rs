//! Everything a person reads, as pure functions returning Strings. Colour and width are passed in.

pub mod catalog;
pub mod compare;
pub mod diff;
pub mod document;
pub mod fit;
pub mod form;
pub mod history;
pub mod html;
pub mod markdown;
pub mod prose;
pub mod reconcile;
pub mod report;
pub mod safe;
pub mod show;
pub mod team;
pub mod text;
pub mod walk;
pub mod width;
mod wrapping;

pub use crate::words::plural;
pub use document::Document;
pub use safe::visible;
pub use wrapping::{lines, wrap, wrap_hanging, wrap_prose};

use comfy_table::{presets, ContentArrangement, Table};

/// How to lay out terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Total width available, in columns.
    pub width: u16,
    /// Whether ANSI colour may be used.
    pub color: bool,
    /// The language of the interface's words (human formats only).
    pub lang: crate::language::Language,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 80,
            color: false,
            lang: crate::language::Language::English,
        }
    }
}

/// An evidence note for a terminal: on one line, made [`visible`].
pub fn one_line(text: &str) -> String {
    visible(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// Keep every word of a table whole when the table's width allows it: each column gets at
/// least its longest word (header included), and the space left goes to the columns whose
/// text is longer, a column at a time. Call once the rows are in. Returns false, leaving the
/// table as it was, when even the longest words do not fit side by side ([`fit::laid_out`]
/// then gives one block per row instead).
pub fn whole_words(table: &mut Table) -> bool {
    let Some(width) = table.width() else {
        return true;
    };
    let columns = table.column_count();
    if columns == 0 {
        return true;
    }
    // Longest word and longest line per column.
    let mut words = vec![0usize; columns];
    let mut lines = vec![0usize; columns];
    let mut measure = |column: usize, text: &str| {
        for line in text.lines() {
            lines[column] = lines[column].max(width::width(line));
            for word in line.split_whitespace() {
                words[column] = words[column].max(width::width(word));
            }
        }
    };
    if let Some(header) = table.header() {
        for (column, cell) in header.cell_iter().enumerate().take(columns) {
            measure(column, &cell.content());
        }
    }
    for row in table.row_iter() {
        for (column, cell) in row.cell_iter().enumerate().take(columns) {
            measure(column, &cell.content());
        }
    }
    for (column, c) in table.column_iter().enumerate() {
        if c.constraint() == Some(&comfy_table::ColumnConstraint::ContentWidth) {
            words[column] = lines[column];
        }
    }
    // comfy-table gives even an empty column one character.
    for w in &mut words {
        *w = (*w).max(1);
    }
    // Borders: one before each column and one after the last; padding: one each side.
    let frame = (columns + 1) + 2 * columns;
    let Some(available) = usize::from(width).checked_sub(frame) else {
        return false;
    };
    let needed: usize = words.iter().sum();
    if needed > available {
        return false;
    }
    let mut given = words.clone();
    let mut left = available - needed;
    while left > 0 {
        let mut gave = false;
        for column in 0..columns {
            if left > 0 && given[column] < lines[column] {
                given[column] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    for (column, w) in given.into_iter().enumerate() {
        if let Some(c) = table.column_mut(column) {
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            c.set_constraint(comfy_table::ColumnConstraint::Absolute(
                comfy_table::Width::Fixed(w),
            ));
        }
    }
    true
}

/// A table cell holding `content` as a person may read it: each character
/// [`safe::is_hidden`] (a tab among them) shown as `\u{..}` before the table is laid out, so
/// the columns are measured on what is shown; rungs' own colour sequences are kept.
pub fn cell(content: impl ToString) -> comfy_table::Cell {
    let content = content.to_string();
    match safe::output(&content, true) {
        std::borrow::Cow::Borrowed(_) => comfy_table::Cell::new(content),
        std::borrow::Cow::Owned(shown) => comfy_table::Cell::new(shown),
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

/// The competencies under their group's heading: one section per group in the framework's
/// order, then those in no group (heading `None`). Without groups, one section of all.
pub fn sections(
    framework: &crate::framework::Framework,
) -> Vec<(
    Option<&crate::framework::Group>,
    Vec<&crate::framework::Competency>,
)> {
    let mut sections: Vec<_> = framework
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let members = framework
                .competencies
                .iter()
                .filter(|c| c.group == Some(g))
                .collect::<Vec<_>>();
            (Some(group), members)
        })
        .collect();
    let rest = framework
        .competencies
        .iter()
        .filter(|c| c.group.is_none_or(|g| g >= framework.groups.len()))
        .collect::<Vec<_>>();
    sections.push((None, rest));
    sections.retain(|(_, members)| !members.is_empty());
    sections
}

/// The framework's title line, `Name (id version)`, bold when colour is on.
pub fn title(framework: &crate::framework::Framework, style: Style) -> String {
    bold(
        &lines(
            &format!(
                "{} ({} {})",
                framework.name, framework.id, framework.version
            ),
            style.width,
        ),
        style,
    ) + "\n"
}

/// Bold text when colour is on.
pub fn bold(text: &str, style: Style) -> String {
    if style.color {
        console::style(text).bold().force_styling(true).to_string()
    } else {
        text.to_string()
    }
}

/// "Rated on a scale of its own: 1 Not yet · 2 Partly · 3 Fully; 3 or more counts as
/// demonstrated." for a competency or group with its own scale.
pub fn own_scale_line(own: &crate::framework::OwnScale) -> String {
    format!(
        "Rated on a scale of its own: {}; {} or more counts as demonstrated.",
        own.scale
            .iter()
            .map(|p| format!("{} {}", p.value, one_line(&p.label)))
            .collect::<Vec<_>>()
            .join(" · "),
        own.demonstrated_at
    )
}

/// "; for Knowledge, 2 or more": the competencies that count from another value on a scale
/// of their own; empty when none does.
pub fn own_scales_note(own: &[(String, u32)]) -> String {
    own.iter()
        .map(|(name, at)| format!("; for {name}, {at} or more on its own scale"))
        .collect()
}
