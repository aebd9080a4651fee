//! `rungs history`: scores per competency over time, one renderer per format: a table, JSON
//! or Markdown.

pub mod json;
pub mod markdown;
pub mod table;

use super::text::score_text;
use super::Style;
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

/// "2 · Title, met", "3 · Title, 1 to go", or "" when no target applies.
fn target_text(series: &Series) -> String {
    match (&series.target, series.gap) {
        (Some(target), Some(0)) => format!("{target}, met"),
        (Some(target), Some(gap)) => format!("{target}, {gap} to go"),
        (Some(target), None) => target.clone(),
        (None, _) => String::new(),
    }
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
            Format::Table => table::render(history, style),
            Format::Json => json::render(history),
            Format::Markdown => markdown::render(history),
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
