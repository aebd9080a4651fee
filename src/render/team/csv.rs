//! The matrix as CSV: one row per person, one column per competency holding the level id
//! (`none` for no level), safe to open in a spreadsheet.

use std::io::Write;

use crate::render::report::csv::field;
use crate::team::Team;

/// Write the CSV (CRLF line ends, RFC 4180) to a writer.
pub fn write(team: &Team, mut writer: impl Write) -> std::io::Result<()> {
    let mut header = vec!["subject".to_string(), "complete".into(), "file".into()];
    header.extend(team.competencies.iter().map(|c| field(&c.id)));
    writer.write_all(header.join(",").as_bytes())?;
    writer.write_all(b"\r\n")?;
    for m in &team.members {
        let mut row = vec![
            field(&m.subject),
            if m.complete { "yes" } else { "no" }.to_string(),
            field(m.file.as_deref().unwrap_or("")),
        ];
        row.extend(
            m.competencies
                .iter()
                .map(|s| field(s.level.as_deref().unwrap_or("none"))),
        );
        writer.write_all(row.join(",").as_bytes())?;
        writer.write_all(b"\r\n")?;
    }
    writer.flush()
}

/// The same CSV as a String.
pub fn render(team: &Team) -> String {
    crate::render::export::written(|out| write(team, out))
}
