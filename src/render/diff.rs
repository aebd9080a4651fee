//! `rungs diff`: what changed between two assessments, as a table, JSON or Markdown.

use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;

use super::report::markdown::{escape as md, row as md_row};
use super::report::{date_part, level_text, score_text};
use super::{bold, table, Style};
use crate::assessment::RatingValue;
use crate::diff::{plural, ChangeKind, CompetencyChange, Diff, IndicatorChange, IndicatorRef};
use crate::framework::Framework;

/// One side of a diff as shown in headings and JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideSummary {
    /// The assessment file, as the user named it.
    pub file: String,
    /// The person assessed, if named.
    pub subject: Option<String>,
    /// Completion time, or start time while in progress (RFC 3339, as recorded).
    pub date: String,
    /// Version of the framework the side is scored against.
    pub version: String,
}

/// Everything `rungs diff` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport {
    /// The framework id both assessments share.
    pub framework: String,
    /// The framework's name (from the framework the new side is scored against).
    pub name: String,
    /// The earlier assessment.
    pub old: SideSummary,
    /// The later assessment.
    pub new: SideSummary,
    /// Levels and scores before and after.
    pub competencies: Vec<CompetencyChange>,
    /// Ratings that changed.
    pub indicators: Vec<IndicatorChange>,
    /// Indicators only the new framework version has.
    pub added: Vec<IndicatorRef>,
    /// Indicators only the old framework version has.
    pub removed: Vec<IndicatorRef>,
    /// The one-line summary.
    pub summary: String,
}

impl DiffReport {
    /// Combine a diff with what names its two sides.
    pub fn new(
        framework: &Framework,
        old: SideSummary,
        new: SideSummary,
        diff: Diff,
    ) -> DiffReport {
        DiffReport {
            framework: framework.id.clone(),
            name: framework.name.clone(),
            summary: diff.summary(),
            old,
            new,
            competencies: diff.competencies,
            indicators: diff.indicators,
            added: diff.added,
            removed: diff.removed,
        }
    }

    /// "Teamwork 1.0 · Sam Example · 2026-03-01 → 2026-06-02".
    pub fn heading(&self) -> String {
        let mut parts = vec![if self.old.version == self.new.version {
            format!("{} {}", self.name, self.new.version)
        } else {
            format!("{} {} → {}", self.name, self.old.version, self.new.version)
        }];
        let (old_date, new_date) = (date_part(&self.old.date), date_part(&self.new.date));
        if self.old.subject == self.new.subject {
            parts.extend(
                self.new
                    .subject
                    .as_deref()
                    .map(|s| super::visible(s).into_owned()),
            );
            parts.push(format!("{old_date} → {new_date}"));
        } else {
            let side = |s: &SideSummary, date: &str| match &s.subject {
                Some(subject) => format!("{} {date}", super::visible(subject)),
                None => date.to_string(),
            };
            parts.push(format!(
                "{} → {}",
                side(&self.old, old_date),
                side(&self.new, new_date)
            ));
        }
        parts.join(" · ")
    }

    fn groups(&self) -> [(ChangeKind, &'static str, Vec<&IndicatorChange>); 3] {
        let of = |kind| {
            self.indicators
                .iter()
                .filter(|i| i.change == kind)
                .collect::<Vec<_>>()
        };
        [
            (
                ChangeKind::Demonstrated,
                "Newly demonstrated",
                of(ChangeKind::Demonstrated),
            ),
            (
                ChangeKind::Lost,
                "No longer demonstrated",
                of(ChangeKind::Lost),
            ),
            (
                ChangeKind::Changed,
                "Other rating changes",
                of(ChangeKind::Changed),
            ),
        ]
    }
}

/// "↑ +0.50", "↓ -1.00", "= 0.00", or "new"/"gone" when one side lacks the competency.
pub fn score_change_text(change: &CompetencyChange) -> String {
    match (change.score_change, change.from_score, change.to_score) {
        (Some(d), _, _) if d > 0.0 => format!("↑ +{d:.2}"),
        (Some(d), _, _) if d < 0.0 => format!("↓ -{:.2}", -d),
        (Some(_), _, _) => "= 0.00".to_string(),
        (None, None, Some(_)) => "new".to_string(),
        (None, Some(_), None) => "gone".to_string(),
        (None, _, _) => String::new(),
    }
}

fn side_level(rank: Option<usize>, title: Option<&str>) -> String {
    match rank {
        Some(rank) => level_text(rank, title),
        None => "(not in this version)".to_string(),
    }
}

fn score_pair(change: &CompetencyChange) -> String {
    let show = |s: Option<f64>| s.map_or_else(|| "–".to_string(), score_text);
    format!("{} → {}", show(change.from_score), show(change.to_score))
}

/// "2 · Sometimes", "na", or "not rated".
pub fn rating_value_text(value: Option<RatingValue>, label: Option<&str>) -> String {
    match (value, label) {
        (Some(RatingValue::NotApplicable), _) => "na".to_string(),
        (Some(v), Some(label)) => format!("{v} · {label}"),
        (Some(v), None) => v.to_string(),
        (None, _) => "not rated".to_string(),
    }
}

fn rating_change(i: &IndicatorChange) -> String {
    format!(
        "{} → {}",
        rating_value_text(i.from, i.from_label.as_deref()),
        rating_value_text(i.to, i.to_label.as_deref())
    )
}

/// The diff for the terminal.
pub fn table_text(report: &DiffReport, style: Style) -> String {
    let mut out = bold(&report.heading(), style);
    out.push_str("\n\n");
    let mut t = table(style);
    t.set_header(vec!["competency", "before", "after", "score", "change"]);
    for c in &report.competencies {
        let mut change = Cell::new(score_change_text(c)).set_alignment(CellAlignment::Right);
        if style.color {
            match c.score_change {
                Some(d) if d > 0.0 => change = change.fg(Color::Green),
                Some(d) if d < 0.0 => change = change.fg(Color::Red),
                _ => {}
            }
        }
        t.add_row(vec![
            Cell::new(&c.name),
            Cell::new(side_level(c.from_rank, c.from_title.as_deref())),
            Cell::new(side_level(c.to_rank, c.to_title.as_deref())),
            Cell::new(score_pair(c)),
            change,
        ]);
    }
    out.push_str(&format!("{t}\n"));

    for (_, title, items) in report.groups() {
        if items.is_empty() {
            continue;
        }
        let mut t = table(style);
        t.set_header(vec!["indicator", "competency", "rating"]);
        for i in items {
            t.add_row(vec![
                Cell::new(format!("{}\n({})", i.text, i.id)),
                Cell::new(format!("{}\nlevel {}", i.competency_name, i.rank)),
                Cell::new(rating_change(i)),
            ]);
        }
        out.push_str(&format!("\n{}\n{t}\n", bold(title, style)));
    }
    for (title, items) in [
        ("Added in the new framework version", &report.added),
        ("Removed from the new framework version", &report.removed),
    ] {
        if items.is_empty() {
            continue;
        }
        let mut t = table(style);
        t.set_header(vec!["indicator", "competency"]);
        for i in items {
            t.add_row(vec![
                Cell::new(format!("{}\n({})", i.text, i.id)),
                Cell::new(&i.competency_name),
            ]);
        }
        out.push_str(&format!("\n{}\n{t}\n", bold(title, style)));
    }
    out.push_str(&format!("\n{}\n", report.summary));
    out
}

/// The diff as pretty JSON.
pub fn json_text(report: &DiffReport) -> String {
    let mut text = crate::render::safe::json_pretty(report);
    text.push('\n');
    text
}

/// The diff as Markdown.
pub fn markdown_text(report: &DiffReport) -> String {
    let mut out = format!("# {}\n\n", md(&report.heading()));
    out.push_str("| Competency | Before | After | Score | Change |\n");
    out.push_str("| --- | --- | --- | --- | ---: |\n");
    for c in &report.competencies {
        out.push_str(&md_row(&[
            md(&c.name),
            md(&side_level(c.from_rank, c.from_title.as_deref())),
            md(&side_level(c.to_rank, c.to_title.as_deref())),
            score_pair(c),
            score_change_text(c),
        ]));
    }
    for (_, title, items) in report.groups() {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {title} ({})\n\n",
            plural(items.len(), "indicator", "indicators")
        ));
        for i in items {
            out.push_str(&format!(
                "- {} (`{}`, {} level {}): {}\n",
                md(&i.text),
                i.id.replace('`', "'"),
                md(&i.competency_name),
                i.rank,
                md(&rating_change(i))
            ));
        }
    }
    for (title, items) in [
        ("Added in the new framework version", &report.added),
        ("Removed from the new framework version", &report.removed),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for i in items {
            out.push_str(&format!(
                "- {} (`{}`, {})\n",
                md(&i.text),
                i.id.replace('`', "'"),
                md(&i.competency_name)
            ));
        }
    }
    out.push_str(&format!("\n{}\n", md(&report.summary)));
    out
}
