//! Everything `rungs diff` shows: the changes, what names the two sides, the notes that
//! changed, the ratings left out and, with a target, the gaps before and after.

use serde::Serialize;

use super::{ChangeKind, CompetencyChange, Diff, IndicatorChange, IndicatorRef};
use crate::framework::Framework;
use crate::words::plural;

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
