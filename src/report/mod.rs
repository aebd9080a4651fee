//! A report of one assessment: everything `rungs report` shows, computed once.
//!
//! [`Report`] is recomputed from the ratings and the framework (the ratings are the source of
//! truth); every format's renderer ([`crate::render::report`]) reads only the [`Report`], so
//! the formats cannot disagree. The sentences a report carries (why a level is held, what a
//! warning asks to reconsider) are made here, so every format says them alike.

mod build;
pub mod explain;
mod text;
pub mod warning;

use serde::Serialize;

use crate::assessment::{Assessment, RatingValue, Ratings, TargetRequest};
use crate::error::BadInput;
use crate::framework::{Framework, Guidance, Ladder};
use crate::scoring::{self, Coverage};
use crate::words::plural;

pub use text::{
    competency_coverage_text, name_with_coverage, progress_text, progress_text_in, rating_text,
    roles_title, roles_title_in, standing_text,
};

/// A report of one assessment: profile, gaps against the target and the development plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Which framework the report is computed against.
    pub framework: FrameworkSummary,
    /// Id of the track scored on; `None` when the framework has no tracks.
    pub track: Option<String>,
    /// Name of the track scored on.
    pub track_name: Option<String>,
    /// The person assessed, if named.
    pub subject: Option<String>,
    /// When the assessment began (RFC 3339, as recorded).
    pub started_at: Option<String>,
    /// When the last indicator was answered; `None` while in progress.
    pub completed_at: Option<String>,
    /// A rating at least this counts as demonstrated.
    pub demonstrated_at: u32,
    /// The label of the `demonstrated_at` scale point.
    pub demonstrated_label: Option<String>,
    /// Competencies rated on a scale of their own, with theirs; empty when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub own_scales: Vec<OwnScaleSummary>,
    /// Share of a level's counted indicators that must be demonstrated (the framework's).
    pub threshold: f64,
    /// Names of the competencies whose levels are phases (`gating: false`), each tested on
    /// its own; empty when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<String>,
    /// Rank of the framework's top level: the highest score possible.
    pub max_rank: usize,
    /// How many indicators of the scored ladder are answered (rated or na).
    pub coverage: ReportCoverage,
    /// The share of the competencies a role names that must be met for the role to fit (the
    /// framework's `role_fit`, 1 unless it sets one).
    pub role_fit: f64,
    /// How well each role on the ladder fits, in file order; empty when the framework has
    /// none on the ladder scored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleReport>,
    /// The best-fit role and the next one; `None` when the framework has no role on the
    /// ladder scored.
    pub best_fit: Option<BestFitReport>,
    /// What the gaps are measured against; `None` when no target was asked for.
    pub target: Option<TargetSummary>,
    /// The framework's groups (areas, themes), in file order; empty when it has none.
    pub groups: Vec<GroupSummary>,
    /// Where the person stands, one entry per competency in framework order.
    pub competencies: Vec<CompetencyReport>,
    /// The competencies with a target, biggest gap first (framework order among equals).
    pub gaps: Vec<GapReport>,
    /// Per competency with a gap, in the order of `gaps`: what to work on.
    pub plan: Vec<PlanReport>,
    /// Every indicator in walk order, with its rating.
    pub indicators: Vec<IndicatorReport>,
    /// Ratings that do not hang together, worth a second look; scores are not changed by them.
    pub warnings: Vec<WarningReport>,
    /// The kind of indicator the report lists (`report --kind K`); `None` when it lists every
    /// one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindReport>,
}

/// The kind of indicator a report lists, and what that leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindReport {
    /// The kind, as the framework spells it.
    pub kind: String,
    /// Indicators of that kind on the ladder scored.
    pub indicators: usize,
    /// Indicators on the ladder scored.
    pub of: usize,
    /// One sentence saying what is listed and what still counts.
    pub description: String,
}

/// How many indicators of the scored ladder are answered, and whether that is all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReportCoverage {
    /// Indicators rated or marked na.
    pub answered: usize,
    /// Indicators on the ladder.
    pub of: usize,
    /// Whether every indicator on the ladder is answered.
    pub complete: bool,
}

impl From<Coverage> for ReportCoverage {
    fn from(coverage: Coverage) -> ReportCoverage {
        ReportCoverage {
            answered: coverage.answered,
            of: coverage.of,
            complete: coverage.complete(),
        }
    }
}

pub use crate::scoring::NamedFit as BestFitReport;

/// How well one role fits (section 10): k of n competencies met, levels short, fits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleReport {
    /// Role id.
    pub id: String,
    /// Role name.
    pub name: String,
    /// k: the competencies it names that are met.
    pub met: usize,
    /// n: the competencies it names.
    pub of: usize,
    /// s: levels short, over the competencies it names that apply.
    pub short: usize,
    /// Of the competencies it names, those that do not apply (answered na throughout): they
    /// count in n, never in k.
    pub not_applicable: usize,
    /// Whether it fits: every competency met, or k / n at least `role_fit`.
    pub fits: bool,
}

impl RoleReport {
    /// "2 of 3 met", with "(1 not applicable)" when some competency it names does not apply.
    pub fn met_text(&self) -> String {
        self.met_text_in(crate::language::Language::English)
    }

    /// [`RoleReport::met_text`] in a language.
    pub fn met_text_in(&self, lang: crate::language::Language) -> String {
        let mut text = lang.fill(
            "role.met",
            &[("met", &self.met.to_string()), ("of", &self.of.to_string())],
        );
        if self.not_applicable > 0 {
            text.push_str(&lang.fill("role.met.na", &[("n", &self.not_applicable.to_string())]));
        }
        text
    }

    /// "yes" or "no".
    pub fn fits_text(&self) -> &'static str {
        self.fits_text_in(crate::language::Language::English)
    }

    /// [`RoleReport::fits_text`] in a language.
    pub fn fits_text_in(&self, lang: crate::language::Language) -> &'static str {
        lang.text(if self.fits { "word.yes" } else { "word.no" })
    }
}

/// A competency rated on a scale of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnScaleSummary {
    /// Competency id.
    pub competency: String,
    /// Competency name.
    pub name: String,
    /// A rating at least this counts as demonstrated.
    pub demonstrated_at: u32,
    /// The label of that point of its scale.
    pub demonstrated_label: Option<String>,
    /// Its scale.
    pub scale: Vec<crate::framework::ScalePoint>,
}

/// A consistency warning and its sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarningReport {
    /// What was found.
    #[serde(flatten)]
    pub warning: crate::consistency::Warning,
    /// One sentence naming the competency and indicators and saying what to reconsider.
    pub message: String,
}

/// Why a competency stands where it does (`report --explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainReport {
    /// Where the ladder stops, in one line.
    pub summary: String,
    /// Every level of the competency's ladder, lowest first.
    pub levels: Vec<ExplainLevel>,
}

/// One level of an explanation, with its sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainLevel {
    /// The counts and the verdict.
    #[serde(flatten)]
    pub level: crate::explain::LevelExplanation,
    /// Why the level is held or not, in one line.
    pub reason: String,
}

/// The framework's identity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrameworkSummary {
    /// Framework id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Version string.
    pub version: String,
}

/// A group of competencies: an area or theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    /// Group id, as competencies name it in `group`.
    pub id: String,
    /// Human name, shown as a heading.
    pub name: String,
    /// The framework's own code for it, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// A target as the person asked for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetSummary {
    /// The role's id, when one was named.
    pub role: Option<String>,
    /// The role's human name.
    pub role_name: Option<String>,
    /// The level asked for every competency (`--target-level`).
    pub level: Option<String>,
    /// `COMPETENCY=LEVEL` overrides, in the order given.
    pub per_competency: Vec<TargetPair>,
    /// One line saying what the gaps are measured against.
    pub description: String,
}

/// One `COMPETENCY=LEVEL` override.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetPair {
    /// Competency id.
    pub competency: String,
    /// Level id.
    pub level: String,
}

/// One competency of the level profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyReport {
    /// Competency id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// The framework's own code for it, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Id of the group the competency belongs to, if any.
    pub group: Option<String>,
    /// Whether the competency applies (section 10): `false` when every indicator on its
    /// ladder is answered na; then it has no level, score, gap or next level.
    pub applicable: bool,
    /// Id of the current (highest held) level; `None` when none is held or it does not apply.
    pub level: Option<String>,
    /// The competency's own title of its current level (or the level's name).
    pub level_title: Option<String>,
    /// Rank of the current level, 0 for none.
    pub rank: usize,
    /// rank + demonstrated share of the next level; `None` when it does not apply.
    pub score: Option<f64>,
    /// Rank of the highest level on this competency's ladder.
    pub top_rank: usize,
    /// How many indicators of this competency's ladder are answered.
    pub coverage: Coverage,
    /// Progress toward the next level; `None` when the top level is held.
    pub next: Option<NextLevel>,
    /// Id of the target level; `None` when no target applies.
    pub target: Option<String>,
    /// Title of the target level for this competency.
    pub target_title: Option<String>,
    /// Rank of the target level.
    pub target_rank: Option<usize>,
    /// Levels still to climb to the target, 0 when met; `None` when no target applies or the
    /// competency does not apply.
    pub gap: Option<usize>,
    /// Whether the target is met; `None` when no target applies.
    pub met: Option<bool>,
    /// Why the competency stands where it does; only when asked for
    /// ([`Report::with_explanations`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<ExplainReport>,
}

/// How far a competency is into its next level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextLevel {
    /// Level id.
    pub level: String,
    /// The competency's title for it.
    pub title: String,
    /// Its rank.
    pub rank: usize,
    /// Indicators at the level.
    pub total: usize,
    /// Indicators with a scale value.
    pub rated: usize,
    /// Rated indicators demonstrated.
    pub demonstrated: usize,
    /// Indicators marked not applicable.
    pub not_applicable: usize,
    /// Indicators that count: every one not na, rated or not yet.
    pub counted: usize,
    /// demonstrated / counted (0 when nothing counts).
    pub share: f64,
    /// Indicators not answered yet.
    pub unrated: usize,
    /// The smallest number demonstrated that passes the level.
    pub needed: usize,
    /// How many more must be demonstrated: needed - demonstrated.
    pub more: usize,
    /// Id of the highest level held once `more` further indicators of this one are
    /// demonstrated, the other ratings unchanged (it can be above this one).
    pub unlocks: String,
    /// That level's name.
    pub unlocks_title: String,
    /// Its rank.
    pub unlocks_rank: usize,
}

/// One row of the gap table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    /// Competency id.
    pub competency: String,
    /// Competency name.
    pub name: String,
    /// The framework's own code for the competency, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Current level id, if any.
    pub level: Option<String>,
    /// Title of the current level, if any.
    pub level_title: Option<String>,
    /// Current rank (0 for none).
    pub rank: usize,
    /// Target level id.
    pub target: String,
    /// Title of the target level for this competency.
    pub target_title: String,
    /// Target rank.
    pub target_rank: usize,
    /// Whether the competency applies; one answered na throughout is never met and has no gap.
    pub applicable: bool,
    /// Levels still to climb on the competency's own ladder, 0 when met; `None` when the
    /// competency does not apply.
    pub gap: Option<usize>,
    /// Whether the target is met.
    pub met: bool,
    /// Levels up to the target passed over (every indicator na): not counted in the gap.
    pub passed_over: usize,
    /// Indicators not answered yet on the levels up to the target.
    pub unanswered: usize,
    /// Met because the top of the competency's ladder is held, below the target's rank.
    pub top_of_ladder: bool,
}

impl CompetencyReport {
    /// The score, 0 when the competency does not apply (for a bar or a chart).
    pub fn score_or_zero(&self) -> f64 {
        self.score.unwrap_or(0.0)
    }
}

impl GapReport {
    /// The gap in levels, or "–" when the competency does not apply.
    pub fn gap_text(&self) -> String {
        self.gap.map_or_else(|| "–".to_string(), |g| g.to_string())
    }

    /// "met", "met (top of its ladder)", "met (the rest does not apply)", "met so far (3 not
    /// answered)", "not met" or "not applicable".
    pub fn status(&self) -> String {
        self.status_in(crate::language::Language::English)
    }

    /// [`GapReport::status`] in a language; it begins with the word `status.met` when met.
    pub fn status_in(&self, lang: crate::language::Language) -> String {
        if !self.applicable {
            return lang.text("status.na").to_string();
        }
        if !self.met {
            return lang.text("status.not_met").to_string();
        }
        let mut status = lang.text("status.met").to_string();
        if self.top_of_ladder {
            status.push_str(lang.text("status.top"));
        } else if self.passed_over > 0 {
            status.push_str(lang.text("status.rest_na"));
        }
        if self.unanswered > 0 {
            status.push_str(&lang.fill("status.so_far", &[("n", &self.unanswered.to_string())]));
        }
        status
    }
}

/// The development plan of one competency with a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReport {
    /// Competency id.
    pub competency: String,
    /// Competency name.
    pub name: String,
    /// The framework's own code for the competency, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Current level title, if any.
    pub level_title: Option<String>,
    /// Current rank.
    pub rank: usize,
    /// Target level id.
    pub target: String,
    /// Target level title.
    pub target_title: String,
    /// What the competency looks like at the target level, if the framework says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_description: Option<String>,
    /// Examples of the competency at the target level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub target_examples: Vec<String>,
    /// Target rank.
    pub target_rank: usize,
    /// Levels to climb.
    pub gap: usize,
    /// Indicators up to the target level not yet demonstrated, lowest level first.
    pub indicators: Vec<IndicatorReport>,
    /// The competency's guidance: reflection questions, activities and the like.
    pub guidance: Vec<Guidance>,
}

impl PlanReport {
    /// "1 level" or "N levels": how far the target is.
    pub fn levels_to_go(&self) -> String {
        plural(self.gap, "level", "levels")
    }
}

/// Text many indicators of a report share (their competency's and level's names, a scale
/// label): one allocation each, not one per indicator.
pub type Shared = std::sync::Arc<str>;

/// One indicator with its rating.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorReport {
    /// Indicator id.
    pub id: String,
    /// Competency id.
    pub competency: Shared,
    /// Competency name.
    pub competency_name: Shared,
    /// The framework's own code for the competency, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competency_code: Option<Shared>,
    /// Id of the competency's group, if any.
    pub group: Option<Shared>,
    /// Level id.
    pub level: Shared,
    /// The level's name.
    pub level_title: Shared,
    /// The framework's own code for the level, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_code: Option<Shared>,
    /// The competency's own title for the level, when it differs from the name.
    pub competency_title: Option<Shared>,
    /// The level's rank.
    pub rank: usize,
    /// What is rated.
    pub text: String,
    /// The framework's own code for it, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What it is (knowledge, skill, ...), when the framework says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The rating value, `"na"`, or `None` when unrated.
    pub rating: Option<RatingValue>,
    /// The scale label of the rating ("Often"), "not applicable", or `None` when unrated.
    pub rating_label: Option<Shared>,
    /// Whether the rating counts as demonstrated.
    pub demonstrated: bool,
    /// The evidence note given with the rating.
    pub note: Option<String>,
}

pub use crate::scoring::{level_title_for, rating_label};

/// A name with its code beside it, as every format of a report shows it.
macro_rules! labelled {
    ($($name:ident),*) => {$(
        impl $name {
            /// Its name with its code beside it (`Browsing [1.1]`), or the name alone.
            pub fn label(&self) -> std::borrow::Cow<'_, str> {
                crate::words::coded(&self.name, self.code.as_deref())
            }
        }
    )*};
}
labelled!(GroupSummary, CompetencyReport, GapReport, PlanReport);

impl IndicatorReport {
    /// Its text with its code and kind (`Refines a search [LO1.1.02] (kind: skill)`).
    pub fn label(&self) -> std::borrow::Cow<'_, str> {
        crate::words::indicator_label(&self.text, self.code.as_deref(), self.kind.as_deref())
    }

    /// Its competency's name with the competency's code beside it.
    pub fn competency_label(&self) -> std::borrow::Cow<'_, str> {
        crate::words::coded(&self.competency_name, self.competency_code.as_deref())
    }

    /// Its level's name with the level's code beside it.
    pub fn level_label(&self) -> std::borrow::Cow<'_, str> {
        crate::words::coded(&self.level_title, self.level_code.as_deref())
    }
}

impl Report {
    /// Compute the report of `assessment` against `framework`, measured against `target`.
    /// Every unknown target id is a problem, one message each.
    pub fn new(
        framework: &Framework,
        assessment: &Assessment,
        target: &TargetRequest,
    ) -> Result<Report, BadInput> {
        let ladder = assessment
            .track
            .as_deref()
            .and_then(|t| framework.track_index(t))
            .map_or_else(|| framework.default_ladder(), |t| framework.ladder(Some(t)));
        Report::on_ladder(framework, &ladder, assessment, target)
    }

    /// Compute the report of `assessment` on a ladder (every level, or a track's).
    pub fn on_ladder(
        framework: &Framework,
        ladder: &Ladder,
        assessment: &Assessment,
        target: &TargetRequest,
    ) -> Result<Report, BadInput> {
        let mut report = Report::from_ratings_on(framework, ladder, &assessment.ratings, target)?;
        // Notes on indicators not rated yet are evidence too.
        if !assessment.notes.is_empty() {
            let plan = report.plan.iter_mut().flat_map(|p| p.indicators.iter_mut());
            for indicator in report.indicators.iter_mut().chain(plan) {
                if indicator.note.is_none() {
                    indicator.note = assessment.notes.get(&indicator.id).cloned();
                }
            }
        }
        report.subject = assessment.subject.clone();
        report.started_at = Some(assessment.started_at.clone());
        report.completed_at = assessment.completed_at.clone();
        Ok(report)
    }

    /// Compute the report of a set of ratings (no subject or dates) on the framework's default
    /// ladder.
    pub fn from_ratings(
        framework: &Framework,
        ratings: &Ratings,
        target: &TargetRequest,
    ) -> Result<Report, BadInput> {
        Report::from_ratings_on(framework, &framework.default_ladder(), ratings, target)
    }

    /// The report with, per competency, why each level of its ladder is held or not
    /// (`report --explain`); `ratings` and `ladder` are those the report was computed from.
    pub fn with_explanations(
        mut self,
        framework: &Framework,
        ladder: &Ladder,
        ratings: &Ratings,
    ) -> Report {
        let profile = scoring::profile_on(framework, ladder, ratings);
        for (row, result) in self.competencies.iter_mut().zip(&profile.competencies) {
            row.explain = Some(explain::report(framework, result));
        }
        self
    }

    /// The report without the per-level explanations.
    pub fn without_explanations(mut self) -> Report {
        for c in &mut self.competencies {
            c.explain = None;
        }
        self
    }

    /// The competencies under their group's heading: one section per group in the framework's
    /// order, then those in no group (heading `None`). Without groups, one section of all.
    pub fn sections(&self) -> Vec<(Option<&GroupSummary>, Vec<&CompetencyReport>)> {
        let mut sections: Vec<(Option<&GroupSummary>, Vec<&CompetencyReport>)> = self
            .groups
            .iter()
            .map(|g| {
                let members = self
                    .competencies
                    .iter()
                    .filter(|c| c.group.as_deref() == Some(g.id.as_str()))
                    .collect();
                (Some(g), members)
            })
            .collect();
        let rest: Vec<&CompetencyReport> = self
            .competencies
            .iter()
            .filter(|c| {
                !self
                    .groups
                    .iter()
                    .any(|g| c.group.as_deref() == Some(g.id.as_str()))
            })
            .collect();
        sections.push((None, rest));
        sections.retain(|(_, members)| !members.is_empty());
        sections
    }

    /// List only the indicators of one kind (`--kind`), in the indicator list and the plan;
    /// levels, scores and gaps still count every indicator, and the report says so. A plan entry
    /// left with no indicator of the kind is left out. A kind no indicator of `framework` has is
    /// an error naming the kinds it has.
    pub fn only_kind(mut self, framework: &Framework, kind: &str) -> Result<Report, BadInput> {
        let wanted = kind.trim();
        let mut kinds: Vec<&str> = Vec::new();
        for (_, _, indicator) in framework.indicators() {
            if let Some(k) = indicator.kind.as_deref() {
                if !kinds.iter().any(|seen| seen.eq_ignore_ascii_case(k)) {
                    kinds.push(k);
                }
            }
        }
        let Some(spelled) = kinds
            .iter()
            .find(|k| k.trim().eq_ignore_ascii_case(wanted))
            .map(|k| k.to_string())
        else {
            return Err(BadInput::new(if kinds.is_empty() {
                format!("--kind {wanted:?}: the framework gives its indicators no kind")
            } else {
                format!(
                    "--kind {wanted:?}: no indicator has this kind; the kinds are: {}",
                    kinds.join(", ")
                )
            }));
        };
        let of_kind = |i: &IndicatorReport| {
            i.kind
                .as_deref()
                .is_some_and(|k| k.trim().eq_ignore_ascii_case(wanted))
        };
        let of = self.indicators.len();
        self.indicators.retain(|i| of_kind(i));
        for entry in &mut self.plan {
            entry.indicators.retain(|i| of_kind(i));
        }
        self.plan.retain(|entry| !entry.indicators.is_empty());
        let indicators = self.indicators.len();
        self.kind = Some(KindReport {
            description: format!(
                "Only indicators of kind {spelled} are listed ({indicators} of {of}); levels, scores and gaps count every indicator."
            ),
            kind: spelled,
            indicators,
            of,
        });
        Ok(self)
    }

    /// Leave every evidence note out (`--no-notes`).
    pub fn without_notes(mut self) -> Report {
        let plan = self.plan.iter_mut().flat_map(|p| p.indicators.iter_mut());
        for indicator in self.indicators.iter_mut().chain(plan) {
            indicator.note = None;
        }
        self
    }

    /// Whether the explanations are kept.
    pub fn is_explained(&self) -> bool {
        self.competencies.iter().any(|c| c.explain.is_some())
    }

    /// The indicators with an evidence note, in walk order.
    pub fn noted(&self) -> impl Iterator<Item = &IndicatorReport> {
        self.indicators.iter().filter(|i| i.note.is_some())
    }
}
