//! `rungs history`: scores per competency over time, as a table, JSON or Markdown.

use comfy_table::{Cell, CellAlignment, Color};

use super::markdown::{escape as md, row as md_row};
use super::text::score_text;
use super::{bold, table, Style};
use crate::history::{History, Series};

/// A sparkline of scores on a 0..=`max` scale, one character per assessment; a space where
/// there is no score.
pub fn sparkline(scores: &[Option<f64>], max: f64) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores
        .iter()
        .map(|score| match score {
            Some(s) if max > 0.0 => {
                let step = (s / max * 7.0).round().clamp(0.0, 7.0) as usize;
                TICKS[step]
            }
            Some(_) => TICKS[0],
            None => '·',
        })
        .collect()
}

/// "↑ +0.50 (1.50 → 2.00)", "= 0.00", or "" when there is nothing to compare.
pub fn change_text(series: &Series) -> String {
    match (series.first, series.last, series.change) {
        (Some(first), Some(last), Some(d)) => {
            let arrow = if d > 0.0 {
                format!("↑ +{d:.2}")
            } else if d < 0.0 {
                format!("↓ -{:.2}", -d)
            } else {
                "= 0.00".to_string()
            };
            format!("{arrow} ({} → {})", score_text(first), score_text(last))
        }
        _ => String::new(),
    }
}

/// `2026-03-01 09:20` of an RFC 3339 time: the date and the time of day as recorded.
pub fn date_time(date: &str) -> String {
    // "2026-03-01T09:20:00Z" -> "2026-03-01 09:20"
    match (date.get(..10), date.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        _ => date.to_string(),
    }
}

/// The folder all these files are in, when they share one, and the names to show: each
/// file's name within that folder, else each file as given. A table of long paths that differ
/// only at their end would not fit a terminal.
fn one_folder<'a>(files: &[&'a str]) -> (Option<&'a str>, Vec<&'a str>) {
    let split = |file: &'a str| {
        file.rsplit_once('/')
            .filter(|(dir, name)| !dir.is_empty() && !name.is_empty())
    };
    let parts: Vec<Option<(&str, &str)>> = files.iter().map(|f| split(f)).collect();
    match parts.first() {
        Some(Some((folder, _)))
            if parts
                .iter()
                .all(|p| p.is_some_and(|(dir, _)| dir == *folder)) =>
        {
            (
                Some(*folder),
                parts.iter().flatten().map(|(_, name)| *name).collect(),
            )
        }
        _ => (None, files.to_vec()),
    }
}

/// The history for the terminal: the assessments in date order, then one row per competency
/// with a score per assessment, a sparkline and the change from first to last.
pub fn table_text(history: &History, style: Style) -> String {
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
        super::plural(history.assessments.len(), "assessment", "assessments")
    );
    if let Some(folder) = folder {
        heading.push_str(&format!(" in {folder}/"));
    }
    let mut out = bold(&super::lines(&heading, style.width), style);
    out.push_str("\n\n");
    let mut t = table(style);
    t.set_header(vec!["#", "date", "subject", "file"]);
    for (n, (a, file)) in history.assessments.iter().zip(names).enumerate() {
        let mut date = date_time(&a.date);
        if !a.completed {
            date.push_str(" (in progress)");
        }
        t.add_row(vec![
            Cell::new(n + 1),
            Cell::new(date),
            Cell::new(super::visible(a.subject.as_deref().unwrap_or(""))),
            Cell::new(file),
        ]);
    }
    let t = crate::render::fit::laid_out(t);
    out.push_str(&format!("{t}\n\n"));

    let mut t = table(style);
    let mut header = vec!["competency".to_string()];
    header.extend((1..=history.assessments.len()).map(|n| format!("#{n}")));
    header.extend(["trend".to_string(), "first → last".to_string()]);
    if history.target.is_some() {
        header.push("target".to_string());
    }
    t.set_header(header);
    for series in &history.competencies {
        let mut row = vec![Cell::new(&series.name)];
        row.extend(series.scores.iter().map(|s| {
            Cell::new(s.map_or_else(|| "–".to_string(), score_text))
                .set_alignment(CellAlignment::Right)
        }));
        let mut trend = Cell::new(sparkline(&series.scores, series.top_rank as f64));
        let mut change = Cell::new(change_text(series));
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
            row.push(Cell::new(target_text(series)));
        }
        t.add_row(row);
    }
    let t = crate::render::fit::laid_out(t);
    out.push_str(&format!(
        "{}\n{t}\n",
        bold(
            &super::lines(
                "Scores per assessment (trend from 0 to the competency's top rank)",
                style.width
            ),
            style
        )
    ));
    // Under the table, not between two headings: what its target column measures.
    if let Some(target) = &history.target {
        out.push_str(&super::lines(
            &format!("Gaps to {target}, in the newest assessment: the target column."),
            style.width,
        ));
        out.push('\n');
    }
    out
}

/// "2 · Title, met", "3 · Title, 1 to go", or "" when no target applies.
fn target_text(series: &Series) -> String {
    match (&series.target, series.gap) {
        (Some(target), Some(0)) => format!("{target}, met"),
        (Some(target), Some(gap)) => format!("{target}, {gap} to go"),
        (Some(target), None) => target.clone(),
        (None, _) => String::new(),
    }
}

/// The history as pretty JSON.
pub fn json_text(history: &History) -> String {
    let mut text = crate::render::safe::json_pretty(history);
    text.push('\n');
    text
}

/// The history as Markdown.
pub fn markdown_text(history: &History) -> String {
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

/// A history has the formats of a diff.
pub use super::diff::Format;

/// The histories of several frameworks' assessments (one each), written as one document: one
/// after another, or in JSON an array of them when there are several.
#[derive(Debug, Clone, PartialEq)]
pub struct Histories(pub Vec<History>);

impl super::Document for Histories {
    type Format = Format;

    fn render(&self, format: Format, style: Style) -> String {
        let texts = self.0.iter().map(|history| match format {
            Format::Table => table_text(history, style),
            Format::Json => json_text(history),
            Format::Markdown => markdown_text(history),
        });
        if format == Format::Json && self.0.len() > 1 {
            let inner: Vec<String> = texts.map(|t| t.trim_end().to_string()).collect();
            return format!("[\n{}\n]\n", inner.join(",\n"));
        }
        texts.collect::<Vec<_>>().join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_to_the_top_rank() {
        assert_eq!(sparkline(&[Some(0.0), Some(1.5), Some(3.0)], 3.0), "▁▅█");
        assert_eq!(sparkline(&[Some(2.0), None, Some(2.0)], 4.0), "▅·▅");
    }
}
