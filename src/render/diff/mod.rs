//! `rungs diff`: what changed between two assessments ([`DiffReport`]), one renderer per
//! format: a table, JSON or Markdown.

pub mod json;
pub mod markdown;
pub mod table;

use serde::Serialize;

use super::plural;
use super::text::score_text;
use super::Style;
use crate::assessment::RatingValue;
use crate::diff::{ChangeKind, CompetencyChange, Diff, IndicatorChange, IndicatorRef};
use crate::framework::Framework;
use crate::words::{date_part, level_text};

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
    /// What the gaps are measured against; `None` without a target.
    pub target: Option<String>,
    /// Per competency with a target: the gap before and after.
    pub gaps: Vec<GapChange>,
    /// Evidence notes that changed, in walk order.
    pub notes: Vec<NoteChange>,
    /// Ratings left out of either side because the framework changed since it was given.
    pub dropped: Vec<DroppedRating>,
}

/// A rating one side holds that does not count against the framework found for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DroppedRating {
    /// The assessment file it is in.
    pub file: String,
    /// The indicator, its value and why it was left out.
    #[serde(flatten)]
    pub dropped: crate::assessment::reconcile::Dropped,
}

/// Why a rating was left out, in a few words.
pub fn drop_reason(reason: crate::assessment::reconcile::DropReason) -> &'static str {
    use crate::assessment::reconcile::DropReason;
    match reason {
        DropReason::NotInFramework => "no longer in the framework",
        DropReason::TextChanged => "its text changed since it was rated",
        DropReason::OffScale => "no longer on the scale",
    }
}

/// An evidence note that was added, changed or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteChange {
    /// Indicator id.
    pub id: String,
    /// The indicator's text.
    pub text: String,
    /// The note before; `None` when there was none.
    pub from: Option<String>,
    /// The note after; `None` when it was removed.
    pub to: Option<String>,
}

/// How far one competency is from its target level, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapChange {
    /// Competency id.
    pub competency: String,
    /// Target level id.
    pub target: String,
    /// Levels still to climb in the earlier assessment (0 when met).
    pub from_gap: Option<usize>,
    /// Levels still to climb in the later assessment (0 when met).
    pub to_gap: Option<usize>,
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
            summary: summary(&diff),
            old,
            new,
            competencies: diff.competencies,
            indicators: diff.indicators,
            added: diff.added,
            removed: diff.removed,
            target: None,
            gaps: Vec::new(),
            notes: Vec::new(),
            dropped: Vec::new(),
        }
    }

    /// Add the ratings each side left out.
    pub fn with_dropped(mut self, dropped: Vec<DroppedRating>) -> DiffReport {
        self.dropped = dropped;
        self
    }

    /// Add the evidence notes that changed.
    pub fn with_notes(mut self, notes: Vec<NoteChange>) -> DiffReport {
        if !notes.is_empty() {
            self.summary.push_str(&format!(
                " {} changed.",
                plural(notes.len(), "note", "notes")
            ));
        }
        self.notes = notes;
        self
    }

    /// Measure both sides against a target: `description` says what it is.
    pub fn with_target(mut self, description: String, gaps: Vec<GapChange>) -> DiffReport {
        self.target = Some(description);
        self.gaps = gaps;
        self
    }

    fn gap_text(&self, competency: &str) -> String {
        let show = |g: Option<usize>| match g {
            Some(0) => "met".to_string(),
            Some(g) => g.to_string(),
            None => "–".to_string(),
        };
        match self.gaps.iter().find(|g| g.competency == competency) {
            Some(g) if g.from_gap == g.to_gap => show(g.to_gap),
            Some(g) => format!("{} → {}", show(g.from_gap), show(g.to_gap)),
            None => String::new(),
        }
    }

    /// "Teamwork 1.0 · Sam Example · 2026-03-01 → 2026-06-02".
    pub fn heading(&self) -> String {
        let mut parts = vec![if self.old.version == self.new.version {
            format!("{} {}", self.name, self.new.version)
        } else {
            format!("{} {} → {}", self.name, self.old.version, self.new.version)
        }];
        let (mut old_date, mut new_date) = (
            date_part(&self.old.date).to_string(),
            date_part(&self.new.date).to_string(),
        );
        if old_date == new_date {
            // One day: the times tell the two apart, else the files do.
            let (old_time, new_time) = (time_part(&self.old.date), time_part(&self.new.date));
            if old_time != new_time && !old_time.is_empty() && !new_time.is_empty() {
                old_date = format!("{old_date} {old_time}");
                new_date = format!("{new_date} {new_time}");
            } else {
                old_date = file_name(&self.old.file);
                new_date = file_name(&self.new.file);
            }
        }
        let (old_date, new_date) = (old_date.as_str(), new_date.as_str());
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

/// One line: how many competencies moved a level, how scores moved, how many ratings
/// changed; counts of zero are left out.
pub fn summary(diff: &Diff) -> String {
    if diff.is_empty() {
        return "No change: the same levels, scores and ratings.".to_string();
    }
    let count = |test: &dyn Fn(&CompetencyChange) -> bool| {
        diff.competencies.iter().filter(|c| test(c)).count()
    };
    let rank_up = count(&|c| c.rank_change().is_some_and(|d| d > 0));
    let rank_down = count(&|c| c.rank_change().is_some_and(|d| d < 0));
    let score_up = count(&|c| c.score_change.is_some_and(|d| d > 0.0));
    let score_down = count(&|c| c.score_change.is_some_and(|d| d < 0.0));
    let changed = diff.count(ChangeKind::Changed);
    let sections = [
        (
            "Levels",
            vec![
                (rank_up, format!("{rank_up} up")),
                (rank_down, format!("{rank_down} down")),
            ],
        ),
        (
            "Scores",
            vec![
                (score_up, format!("{score_up} rose")),
                (score_down, format!("{score_down} fell")),
            ],
        ),
        (
            "Ratings",
            vec![
                (
                    diff.count(ChangeKind::Demonstrated),
                    format!(
                        "{} newly demonstrated",
                        diff.count(ChangeKind::Demonstrated)
                    ),
                ),
                (
                    diff.count(ChangeKind::Lost),
                    format!("{} lost", diff.count(ChangeKind::Lost)),
                ),
                (changed, plural(changed, "other change", "other changes")),
            ],
        ),
        (
            "Framework",
            vec![
                (
                    diff.added.len(),
                    plural(diff.added.len(), "indicator added", "indicators added"),
                ),
                (
                    diff.removed.len(),
                    plural(
                        diff.removed.len(),
                        "indicator removed",
                        "indicators removed",
                    ),
                ),
            ],
        ),
    ];
    sections
        .into_iter()
        .filter_map(|(title, parts)| {
            let parts: Vec<String> = parts
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .map(|(_, text)| text)
                .collect();
            (!parts.is_empty()).then(|| format!("{title}: {}.", parts.join(", ")))
        })
        .collect::<Vec<_>>()
        .join(" ")
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
