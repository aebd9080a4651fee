//! The history for the terminal.

use crate::render::cell;
use comfy_table::{CellAlignment, Color};

use super::{change_text, date_time, one_folder, sparkline, target_text};
use crate::history::History;
use crate::render::text::score_text;
use crate::render::{bold, table, Style};

/// The history for the terminal: the assessments in date order, then one row per competency
/// with a score per assessment, a sparkline and the change from first to last.
pub fn render(history: &History, style: Style) -> String {
    let files: Vec<&str> = history
        .assessments
        .iter()
        .map(|a| a.file.as_str())
        .collect();
    let (folder, names) = one_folder(&files);
    let mut heading = format!(
        "{} ({}): {}",
        history.name,
        history.framework,
        crate::render::plural(history.assessments.len(), "assessment", "assessments")
    );
    if let Some(folder) = folder {
        heading.push_str(&format!(" in {folder}/"));
    }
    let mut out = bold(&crate::render::lines(&heading, style.width), style);
    out.push_str("\n\n");
    let mut t = table(style);
    t.set_header(vec!["#", "date", "subject", "file"]);
    for (n, (a, file)) in history.assessments.iter().zip(names).enumerate() {
        let mut date = date_time(&a.date);
        if !a.completed {
            date.push_str(" (in progress)");
        }
        t.add_row(vec![
            cell(n + 1),
            cell(date),
            cell(crate::render::visible(a.subject.as_deref().unwrap_or(""))),
            cell(file),
        ]);
    }
    let t = crate::render::fit::laid_out(t);
    out.push_str(&format!("{t}\n\n"));

    let mut t = table(style);
    let w = |k: &str| style.lang.text(k).to_string();
    let mut header = vec![w("col.competency")];
    header.extend((1..=history.assessments.len()).map(|n| format!("#{n}")));
    header.extend([w("col.trend"), w("col.first_last")]);
    if history.target.is_some() {
        header.push(w("col.target"));
    }
    t.set_header(header);
    for series in &history.competencies {
        let mut row = vec![cell(&series.name)];
        row.extend(series.scores.iter().map(|s| {
            cell(s.map_or_else(|| "–".to_string(), score_text)).set_alignment(CellAlignment::Right)
        }));
        let mut trend = cell(sparkline(&series.scores, series.top_rank as f64));
        let mut change = cell(change_text(series));
        if style.color {
            trend = trend.fg(Color::Cyan);
            match series.change {
                Some(d) if d > 0.0 => change = change.fg(Color::Green),
                Some(d) if d < 0.0 => change = change.fg(Color::Red),
                _ => {}
            }
        }
        row.push(trend);
        row.push(change);
        if history.target.is_some() {
            row.push(cell(target_text(series)));
        }
        t.add_row(row);
    }
    let t = crate::render::fit::laid_out(t);
    out.push_str(&format!(
        "{}\n{t}\n",
        bold(
            &crate::render::lines(
                "Scores per assessment (trend from 0 to the competency's top rank)",
                style.width
            ),
            style
        )
    ));
    // Under the table, not between two headings: what its target column measures.
    if let Some(target) = &history.target {
        out.push_str(&crate::render::lines(
            &format!("Gaps to {target}, in the newest assessment: the target column."),
            style.width,
        ));
        out.push('\n');
    }
    out
}
