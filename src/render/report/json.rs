//! The report as JSON: the contract's fields (`framework.id`, `framework.version`, and per
//! competency `id`, `name`, `level`, `rank`, `score`, `target`, `gap`) plus everything the table
//! shows.

use std::io::Write;

use crate::report::Report;

/// Pretty JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    crate::render::document::written(|out| write(report, out))
}

/// Stream the same JSON to a writer, without building it in memory first.
pub fn write(report: &Report, mut writer: impl Write) -> std::io::Result<()> {
    crate::render::safe::write_json_pretty(&mut writer, report)?;
    writer.write_all(b"\n")?;
    writer.flush()
}
