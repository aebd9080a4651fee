//! `rungs report` in every format: one renderer per format, each reading only the
//! [`Report`] (computed once in [`crate::report`]), so the formats cannot disagree.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use crate::language::Language;
use crate::report::Report;

/// "Teamwork 1.0 · Sam Example · completed 2026-03-01": who, what and when, on one line.
pub fn heading(report: &Report) -> String {
    heading_in(report, Language::English)
}

/// [`heading`] in a language: its words and its date.
pub fn heading_in(report: &Report, lang: Language) -> String {
    let mut parts = vec![format!(
        "{} {}",
        report.framework.name, report.framework.version
    )];
    if let Some(subject) = &report.subject {
        parts.push(crate::render::visible(subject).into_owned());
    }
    parts.extend(progress_in(report, lang));
    parts.join(" · ")
}

/// When the assessment was made and how much of it is answered, in a language:
/// `completed 2026-03-01`, `voltooid 1 maart 2026`.
pub fn progress_in(report: &Report, lang: Language) -> Option<String> {
    if lang == Language::English {
        return report.progress();
    }
    let coverage = &report.coverage;
    let counts = [
        ("n", coverage.answered.to_string()),
        ("total", coverage.of.to_string()),
    ];
    let values = |date: Option<&String>| -> Vec<(&str, String)> {
        let mut all = counts.to_vec();
        all.push(("date", date.map(|d| lang.date(d)).unwrap_or_default()));
        all
    };
    let fill = |key: &str, date: Option<&String>| {
        let all = values(date);
        let refs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
        lang.fill(key, &refs)
    };
    match (&report.completed_at, &report.started_at, coverage.complete) {
        (Some(done), _, true) => Some(fill("report.completed", Some(done))),
        (Some(done), _, false) => Some(fill("report.completed.some", Some(done))),
        (None, Some(started), false) => Some(fill("report.in_progress.some", Some(started))),
        (None, Some(started), true) => Some(fill("report.in_progress", Some(started))),
        (None, None, false) => Some(fill("report.coverage", None)),
        (None, None, true) => None,
    }
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
