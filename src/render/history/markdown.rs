//! The history as Markdown.

use super::{change_text, date_time, sparkline, target_text};
use crate::history::History;
use crate::render::markdown::{escape as md, row as md_row};
use crate::render::text::score_text;

/// The history as Markdown.
pub fn render(history: &History) -> String {
    let mut out = format!(
        "# {} ({}): history\n\n",
        md(&history.name),
        md(&history.framework)
    );
    out.push_str("| # | Date | Subject | File |\n| ---: | --- | --- | --- |\n");
    for (n, a) in history.assessments.iter().enumerate() {
        let mut date = date_time(&a.date);
        if !a.completed {
            date.push_str(" (in progress)");
        }
        out.push_str(&md_row(&[
            (n + 1).to_string(),
            md(&date),
            md(a.subject.as_deref().unwrap_or("")),
            md(&a.file),
        ]));
    }
    out.push('\n');
    if let Some(target) = &history.target {
        out.push_str(&format!(
            "Gaps to {}, in the newest assessment\n\n",
            md(target)
        ));
    }
    let mut header = vec!["Competency".to_string()];
    header.extend((1..=history.assessments.len()).map(|n| format!("#{n}")));
    header.extend(["Trend".to_string(), "First → last".to_string()]);
    let mut rule = vec!["---".to_string()];
    rule.extend(history.assessments.iter().map(|_| "---:".to_string()));
    rule.extend(["---".to_string(), "---".to_string()]);
    if history.target.is_some() {
        header.push("Target".to_string());
        rule.push("---".to_string());
    }
    out.push_str(&md_row(&header));
    out.push_str(&md_row(&rule));
    for series in &history.competencies {
        let mut row = vec![md(&series.name)];
        row.extend(
            series
                .scores
                .iter()
                .map(|s| s.map_or_else(|| "–".to_string(), score_text)),
        );
        row.push(format!(
            "`{}`",
            sparkline(&series.scores, series.top_rank as f64)
        ));
        row.push(change_text(series));
        if history.target.is_some() {
            row.push(md(&target_text(series)));
        }
        out.push_str(&md_row(&row));
    }
    out
}
