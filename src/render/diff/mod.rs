//! `rungs diff` in every format: one renderer per format (a table, JSON or Markdown), each
//! reading only the [`DiffReport`] (computed in [`crate::diff`]).

pub mod json;
pub mod markdown;
pub mod table;

use super::text::score_text;
use super::Style;
use crate::assessment::RatingValue;
use crate::diff::{ChangeKind, CompetencyChange, DiffReport, IndicatorChange, SideSummary};
use crate::words::{date_part, level_text};

/// Why a rating was left out, in a few words.
pub fn drop_reason(reason: crate::assessment::reconcile::DropReason) -> &'static str {
    use crate::assessment::reconcile::DropReason;
    match reason {
        DropReason::NotInFramework => "no longer in the framework",
        DropReason::TextChanged => "its text changed since it was rated",
        DropReason::OffScale => "no longer on the scale",
    }
}

/// "Teamwork 1.0 · Sam Example · 2026-03-01 → 2026-06-02".
pub fn heading(report: &DiffReport) -> String {
    let mut parts = vec![if report.old.version == report.new.version {
        format!("{} {}", report.name, report.new.version)
    } else {
        format!(
            "{} {} → {}",
            report.name, report.old.version, report.new.version
        )
    }];
    let (mut old_date, mut new_date) = (
        date_part(&report.old.date).to_string(),
        date_part(&report.new.date).to_string(),
    );
    if old_date == new_date {
        // One day: the times tell the two apart, else the files do.
        let (old_time, new_time) = (time_part(&report.old.date), time_part(&report.new.date));
        if old_time != new_time && !old_time.is_empty() && !new_time.is_empty() {
            old_date = format!("{old_date} {old_time}");
            new_date = format!("{new_date} {new_time}");
        } else {
            old_date = file_name(&report.old.file);
            new_date = file_name(&report.new.file);
        }
    }
    let (old_date, new_date) = (old_date.as_str(), new_date.as_str());
    if report.old.subject == report.new.subject {
        parts.extend(
            report
                .new
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
            side(&report.old, old_date),
            side(&report.new, new_date)
        ));
    }
    parts.join(" · ")
}

/// "met", "2", "2 → 1" or "–": the gap of a competency before and after; "" without a target.
fn gap_text(report: &DiffReport, competency: &str) -> String {
    let show = |g: Option<usize>| match g {
        Some(0) => "met".to_string(),
        Some(g) => g.to_string(),
        None => "–".to_string(),
    };
    match report.gaps.iter().find(|g| g.competency == competency) {
        Some(g) if g.from_gap == g.to_gap => show(g.to_gap),
        Some(g) => format!("{} → {}", show(g.from_gap), show(g.to_gap)),
        None => String::new(),
    }
}

/// The changed ratings in three groups, each with its title.
fn groups(report: &DiffReport) -> [(ChangeKind, &'static str, Vec<&IndicatorChange>); 3] {
    let of = |kind| {
        report
            .indicators
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

/// `09:20` from an RFC 3339 time, or "" when it has none.
fn time_part(time: &str) -> &str {
    match time.get(10..16) {
        Some(t) if t.starts_with('T') || t.starts_with(' ') => &time[11..16],
        _ => "",
    }
}

/// The last part of a path as the user named it.
fn file_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
}

fn note_text(note: Option<&str>) -> String {
    match note {
        Some(note) => format!("“{}”", super::one_line(note)),
        None => "none".to_string(),
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

/// "2 · Sometimes", "not applicable", or "not rated".
pub fn rating_value_text(value: Option<RatingValue>, label: Option<&str>) -> String {
    match (value, label) {
        (Some(RatingValue::NotApplicable), _) => "not applicable".to_string(),
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

/// The formats of a diff (and of a history).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// Pretty JSON.
    Json,
    /// Markdown.
    Markdown,
}

impl super::Document for DiffReport {
    type Format = Format;

    fn render(&self, format: Format, style: Style) -> String {
        match format {
            Format::Table => table::render(self, style),
            Format::Json => json::render(self),
            Format::Markdown => markdown::render(self),
        }
    }
}
