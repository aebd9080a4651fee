//! `rungs report` in every format: one renderer per format, each reading only the
//! [`Report`] (computed once in [`crate::report`]), so the formats cannot disagree.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use crate::report::Report;

/// "Teamwork 1.0 · Sam Example · completed 2026-03-01": who, what and when, on one line.
pub fn heading(report: &Report) -> String {
    let mut parts = vec![format!(
        "{} {}",
        report.framework.name, report.framework.version
    )];
    if let Some(subject) = &report.subject {
        parts.push(crate::render::visible(subject).into_owned());
    }
    parts.extend(report.progress());
    parts.join(" · ")
}

/// The formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The contract's JSON.
    Json,
    /// Markdown.
    Markdown,
    /// One row per indicator (per level with explanations).
    Csv,
    /// A page that stands alone.
    Html,
}

impl crate::render::Document for Report {
    type Format = Format;

    fn render(&self, format: Format, style: crate::render::Style) -> String {
        match format {
            Format::Table => table::render(self, style),
            Format::Json => json::render(self),
            Format::Markdown => markdown::render(self, style.lang),
            Format::Csv => csv::render(self),
            Format::Html => html::render(self, style.lang),
        }
    }

    /// JSON, the largest output, is streamed.
    fn streams(&self, format: Format) -> bool {
        format == Format::Json
    }

    fn write(
        &self,
        format: Format,
        style: crate::render::Style,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match format {
            Format::Json => json::write(self, out),
            other => out.write_all(self.render(other, style).as_bytes()),
        }
    }
}
