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
        "track".into(),
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
            field(m.track.as_deref().unwrap_or("")),
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
    if let Some(over) = &team.over_time {
        rounds(team, over, &mut writer)?;
    }
    writer.flush()
}

/// With rounds, after an empty line: per competency and round how many people hold each level;
/// after another, each level that changed between a person's first and last round.
fn rounds(
    team: &Team,
    over: &crate::team::OverTime,
    writer: &mut impl Write,
) -> std::io::Result<()> {
    let mut header = vec!["competency".to_string(), "round".into(), "none".into()];
    header.extend(team.levels.iter().map(|l| field(l)));
    writer.write_all(b"\r\n")?;
    writer.write_all(header.join(",").as_bytes())?;
    writer.write_all(b"\r\n")?;
    for (c, competency) in team.competencies.iter().enumerate() {
        for (r, label) in over.labels.iter().enumerate() {
            let distribution = &over.distributions[r][c];
            let mut row = vec![
                field(&competency.id),
                field(label),
                super::count(distribution, "none").unwrap_or(0).to_string(),
            ];
            row.extend(team.levels.iter().map(|l| {
                super::count(distribution, l).map_or_else(String::new, |n| n.to_string())
            }));
            writer.write_all(row.join(",").as_bytes())?;
            writer.write_all(b"\r\n")?;
        }
    }
    writer.write_all(b"\r\nsubject,competency,from_round,before,to_round,after,change\r\n")?;
    for m in &over.moves {
        let row = [
            field(&m.subject),
            field(&team.competencies[m.competency].id),
            field(&over.labels[m.from]),
            field(level_or_none(&m.before)),
            field(&over.labels[m.to]),
            field(level_or_none(&m.after)),
            m.change().to_string(),
        ];
        writer.write_all(row.join(",").as_bytes())?;
        writer.write_all(b"\r\n")?;
    }
    Ok(())
}

/// The same CSV as a String.
pub fn render(team: &Team) -> String {
    crate::render::document::written(|out| write(team, out))
}

/// The level id, `not_applicable` or `none`, as the distribution names them.
fn level_or_none(standing: &crate::compare::Standing) -> &str {
    match &standing.level {
        Some(level) => level,
        None if !standing.applicable => crate::team::NOT_APPLICABLE,
        None => "none",
    }
}
