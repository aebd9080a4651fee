//! The matrix as CSV: one row per person, one column per competency holding the level id
//! (`none` for no level), safe to open in a spreadsheet.

use std::io::Write;

use crate::render::report::csv::field;
use crate::team::Team;

/// Write the CSV (CRLF line ends, RFC 4180) to a writer.
pub fn write(team: &Team, mut writer: impl Write) -> std::io::Result<()> {
    let mut header = vec![
        "subject".to_string(),
        "complete".into(),
        "file".into(),
        "answered".into(),
        "of".into(),
        "best_fit".into(),
        "next_role".into(),
        "next_gap".into(),
    ];
    header.extend(team.competencies.iter().map(|c| field(&c.id)));
    writer.write_all(header.join(",").as_bytes())?;
    writer.write_all(b"\r\n")?;
    for m in &team.members {
        let mut row = vec![
            field(&m.subject),
            if m.complete { "yes" } else { "no" }.to_string(),
            field(m.file.as_deref().unwrap_or("")),
            m.coverage.answered.to_string(),
            m.coverage.of.to_string(),
            field(m.fit.as_ref().and_then(|f| f.role.as_deref()).unwrap_or("")),
            field(m.fit.as_ref().and_then(|f| f.next.as_deref()).unwrap_or("")),
            m.fit
                .as_ref()
                .filter(|f| f.next.is_some())
                .map(|f| f.next_gap.to_string())
                .unwrap_or_default(),
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
    crate::render::document::written(|out| write(team, out))
}
