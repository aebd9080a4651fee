//! `rungs report`: everything a report shows, computed once, then one renderer per format.
//!
//! [`Report`] is recomputed from the ratings and the framework (the ratings are the source of
//! truth); every renderer reads only the [`Report`], so the formats cannot disagree.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use serde::Serialize;

use crate::assessment::{Assessment, RatingValue};
use crate::error::BadInput;
use crate::framework::{Framework, Guidance, Ladder};
use crate::render::text::{date_part, level_text, percent};
use crate::scoring::{self, Coverage, Ratings, TargetLevels, TargetRequest};

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
    /// Share of a level's rated indicators that must be demonstrated.
    pub threshold: f64,
    /// Rank of the framework's top level: the highest score possible.
    pub max_rank: usize,
    /// How many indicators of the scored ladder are answered (rated or na).
    pub coverage: ReportCoverage,
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
    /// Id of the group the competency belongs to, if any.
    pub group: Option<String>,
    /// Id of the current (highest attained) level; `None` when none is attained.
    pub level: Option<String>,
    /// The competency's own title of its current level (or the level's name).
    pub level_title: Option<String>,
    /// Rank of the current level, 0 for none.
    pub rank: usize,
    /// rank + demonstrated share of the next level.
    pub score: f64,
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
    /// Target rank - current rank, 0 when met; `None` when no target applies.
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
}

impl NextLevel {
    /// Indicators not yet rated.
    pub fn unrated(&self) -> usize {
        self.total - self.rated - self.not_applicable
    }
}

/// One row of the gap table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    /// Competency id.
    pub competency: String,
    /// Competency name.
    pub name: String,
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
    /// Levels still to climb on the competency's own ladder, 0 when met.
    pub gap: usize,
    /// Whether the target is met.
    pub met: bool,
    /// Indicators not answered yet on the levels up to the target.
    pub unanswered: usize,
    /// Met because the top of the competency's ladder is held, below the target's rank.
    pub top_of_ladder: bool,
}

impl GapReport {
    /// "met", "met (top of its ladder)", "met so far (3 not answered)" or "not met".
    pub fn status(&self) -> String {
        if !self.met {
            return "not met".to_string();
        }
        let mut status = "met".to_string();
        if self.top_of_ladder {
            status.push_str(" (top of its ladder)");
        }
        if self.unanswered > 0 {
            status.push_str(&format!(" so far ({} not answered)", self.unanswered));
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
        crate::render::plural(self.gap, "level", "levels")
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
    /// Id of the competency's group, if any.
    pub group: Option<Shared>,
    /// Level id.
    pub level: Shared,
    /// The level's name.
    pub level_title: Shared,
    /// The competency's own title for the level, when it differs from the name.
    pub competency_title: Option<Shared>,
    /// The level's rank.
    pub rank: usize,
    /// What is rated.
    pub text: String,
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

    /// Compute the report of a set of ratings (no subject or dates) on a ladder.
    pub fn from_ratings_on(
        framework: &Framework,
        ladder: &Ladder,
        ratings: &Ratings,
        target: &TargetRequest,
    ) -> Result<Report, BadInput> {
        let targets = if target.is_empty() {
            TargetLevels::default()
        } else {
            target.resolve_on(framework, ladder)?
        };
        let profile = scoring::profile_on(framework, ladder, ratings);
        let mut gaps = scoring::gaps(&profile, &targets);
        // Biggest gap first; a stable sort keeps framework order among equals.
        gaps.sort_by_key(|g| std::cmp::Reverse(g.gap));
        let plan = scoring::plan(framework, ladder, &gaps, ratings);

        // What the indicators of one competency level share, made once.
        struct Place {
            competency: Shared,
            competency_name: Shared,
            group: Option<Shared>,
            level: Shared,
            level_title: Shared,
            competency_title: Option<Shared>,
        }
        let places: Vec<Vec<Place>> = framework
            .competencies
            .iter()
            .enumerate()
            .map(|(c, competency)| {
                let (id, name): (Shared, Shared) = (
                    competency.id.as_str().into(),
                    competency.name.as_str().into(),
                );
                let group: Option<Shared> =
                    framework.group_of(competency).map(|g| g.id.as_str().into());
                competency
                    .levels
                    .iter()
                    .map(|level| Place {
                        competency: id.clone(),
                        competency_name: name.clone(),
                        group: group.clone(),
                        level: framework.levels[level.level].id.as_str().into(),
                        level_title: framework.levels[level.level].name.as_str().into(),
                        competency_title: crate::scoring::competency_title(
                            framework,
                            c,
                            level.level,
                        )
                        .map(Into::into),
                    })
                    .collect()
            })
            .collect();
        // The labels of each competency's scale and of na, made once per competency; an
        // off-scale value gets its own.
        let labels: Vec<Vec<(RatingValue, Shared)>> = (0..framework.competencies.len())
            .map(|c| {
                framework
                    .scale_of(c)
                    .iter()
                    .map(|p| RatingValue::Scale(p.value))
                    .chain([RatingValue::NotApplicable])
                    .map(|v| (v, scoring::value_label(framework, c, v).into()))
                    .collect()
            })
            .collect();
        let label = |c: usize, rating: Option<&crate::assessment::Rating>| -> Option<Shared> {
            let value = rating?.value;
            Some(labels[c].iter().find(|(v, _)| *v == value).map_or_else(
                || scoring::value_label(framework, c, value).into(),
                |(_, label)| label.clone(),
            ))
        };
        let indicator = |c: usize, position: usize, found: &crate::framework::Indicator| {
            let place = &places[c][position];
            let level = framework.competencies[c].levels[position].level;
            let rating = ratings.get(&found.id);
            IndicatorReport {
                id: found.id.clone(),
                competency: place.competency.clone(),
                competency_name: place.competency_name.clone(),
                group: place.group.clone(),
                level: place.level.clone(),
                level_title: place.level_title.clone(),
                competency_title: place.competency_title.clone(),
                rank: ladder.rank(level).unwrap_or(0),
                text: found.text.clone(),
                rating: rating.map(|r| r.value),
                rating_label: label(c, rating),
                demonstrated: scoring::is_demonstrated(framework, c, rating),
                note: rating.and_then(|r| r.note.clone()),
            }
        };
        // A plan item names its indicator by id, within its competency level.
        let by_id = |c: usize, position: usize, id: &str| {
            framework.competencies[c].levels[position]
                .indicators
                .iter()
                .find(|i| i.id == id)
        };

        let competencies = profile
            .competencies
            .iter()
            .map(|result| {
                let c = result.competency;
                let competency = &framework.competencies[c];
                let gap = gaps.iter().find(|g| g.competency == c);
                let next = result.next.map(|n| {
                    let counts = &result.levels[n];
                    let level = &competency.levels[counts.position];
                    NextLevel {
                        level: framework.levels[level.level].id.clone(),
                        title: framework.levels[level.level].name.clone(),
                        rank: counts.rank,
                        total: counts.total,
                        rated: counts.rated,
                        demonstrated: counts.demonstrated,
                        not_applicable: counts.not_applicable,
                        counted: counts.counted(),
                        share: counts.share(),
                    }
                });
                CompetencyReport {
                    id: competency.id.clone(),
                    name: competency.name.clone(),
                    group: framework.group_of(competency).map(|g| g.id.clone()),
                    level: result.current.map(|l| framework.levels[l].id.clone()),
                    level_title: result.current.map(|l| level_title_for(framework, c, l)),
                    rank: result.rank,
                    score: result.score,
                    top_rank: result.top_rank,
                    coverage: result.coverage(),
                    next,
                    target: gap.map(|g| framework.levels[g.target].id.clone()),
                    target_title: gap.map(|g| level_title_for(framework, c, g.target)),
                    target_rank: gap.map(|g| g.target_rank),
                    gap: gap.map(|g| g.gap),
                    met: gap.map(|g| g.met()),
                    explain: None,
                }
            })
            .collect::<Vec<_>>();

        let gap_rows = gaps
            .iter()
            .map(|g| {
                let row = &competencies[g.competency];
                GapReport {
                    competency: row.id.clone(),
                    name: row.name.clone(),
                    level: row.level.clone(),
                    level_title: row.level_title.clone(),
                    rank: g.current_rank,
                    target: framework.levels[g.target].id.clone(),
                    target_title: level_title_for(framework, g.competency, g.target),
                    target_rank: g.target_rank,
                    gap: g.gap,
                    met: g.met(),
                    unanswered: g.unanswered,
                    top_of_ladder: g.top_of_ladder,
                }
            })
            .collect();

        let plan = plan
            .iter()
            .map(|entry| {
                let row = &competencies[entry.competency];
                let target_level = framework.competencies[entry.competency]
                    .levels
                    .iter()
                    .find(|l| l.level == entry.gap.target);
                PlanReport {
                    competency: row.id.clone(),
                    name: row.name.clone(),
                    level_title: row.level_title.clone(),
                    rank: row.rank,
                    target: framework.levels[entry.gap.target].id.clone(),
                    target_title: level_title_for(framework, entry.competency, entry.gap.target),
                    target_description: target_level.and_then(|l| l.description.clone()),
                    target_examples: target_level.map(|l| l.examples.clone()).unwrap_or_default(),
                    target_rank: entry.gap.target_rank,
                    gap: entry.gap.gap,
                    indicators: entry
                        .items
                        .iter()
                        .filter_map(|item| {
                            let found =
                                by_id(entry.competency, item.competency_level, &item.indicator)?;
                            Some(indicator(entry.competency, item.competency_level, found))
                        })
                        .collect(),
                    // A heading without items says nothing to the reader: left out.
                    guidance: framework.competencies[entry.competency]
                        .guidance
                        .iter()
                        .filter(|g| g.items.iter().any(|item| !item.trim().is_empty()))
                        .cloned()
                        .collect(),
                }
            })
            .collect();

        // Indicators of levels off the ladder are not part of this report.
        let indicators = framework
            .indicators()
            .filter(|&(c, position, _)| {
                ladder.contains(framework.competencies[c].levels[position].level)
            })
            .map(|(c, position, i)| indicator(c, position, i))
            .collect();
        let track = ladder.track().map(|t| &framework.tracks[t]);

        Ok(Report {
            framework: FrameworkSummary {
                id: framework.id.clone(),
                name: framework.name.clone(),
                version: framework.version.clone(),
            },
            track: track.map(|t| t.id.clone()),
            track_name: track.map(|t| t.name.clone()),
            subject: None,
            started_at: None,
            completed_at: None,
            demonstrated_at: framework.demonstrated_at,
            demonstrated_label: framework
                .scale_point(framework.demonstrated_at)
                .map(|p| p.label.clone()),
            own_scales: framework
                .competencies
                .iter()
                .filter_map(|c| {
                    let own = c.scale.as_ref()?;
                    Some(OwnScaleSummary {
                        competency: c.id.clone(),
                        name: c.name.clone(),
                        demonstrated_at: own.demonstrated_at,
                        demonstrated_label: own
                            .scale
                            .iter()
                            .find(|p| p.value == own.demonstrated_at)
                            .map(|p| p.label.clone()),
                        scale: own.scale.clone(),
                    })
                })
                .collect(),
            threshold: framework.threshold,
            max_rank: ladder.top_rank(),
            coverage: profile.coverage().into(),
            best_fit: BestFitReport::of(framework, &profile),
            target: (!target.is_empty()).then(|| describe_target(framework, target)),
            groups: framework
                .groups
                .iter()
                .map(|g| GroupSummary {
                    id: g.id.clone(),
                    name: g.name.clone(),
                })
                .collect(),
            competencies,
            gaps: gap_rows,
            plan,
            indicators,
            warnings: crate::consistency::check(framework, &profile, ratings)
                .into_iter()
                .map(|warning| WarningReport {
                    message: crate::render::consistency::sentence(&warning),
                    warning,
                })
                .collect(),
        })
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
            row.explain = Some(explain_report(framework, result));
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

    /// "Teamwork 1.0 · Sam Example · completed 2026-03-01": who, what and when, on one line.
    pub fn heading(&self) -> String {
        let mut parts = vec![format!(
            "{} {}",
            self.framework.name, self.framework.version
        )];
        if let Some(subject) = &self.subject {
            parts.push(crate::render::visible(subject).into_owned());
        }
        parts.extend(self.progress());
        parts.join(" · ")
    }

    /// "completed 2026-03-01", "in progress: 4 of 24 answered (started 2026-03-01)": when the
    /// assessment was made and, while indicators are unanswered, how many of them are.
    pub fn progress(&self) -> Option<String> {
        let coverage = self.coverage_text();
        match (&self.completed_at, &self.started_at, coverage) {
            (Some(done), _, None) => Some(format!("completed {}", date_part(done))),
            // Finished with indicators left out (an adaptive walk skips levels out of reach).
            (Some(done), _, Some(_)) => Some(format!(
                "completed {} · {} of {} answered",
                date_part(done),
                self.coverage.answered,
                self.coverage.of
            )),
            (None, Some(started), Some(coverage)) => {
                Some(format!("{coverage} (started {})", date_part(started)))
            }
            (None, Some(started), None) => {
                Some(format!("in progress (started {})", date_part(started)))
            }
            (None, None, coverage) => coverage,
        }
    }

    /// "in progress: 4 of 24 answered", or `None` when every indicator is answered.
    pub fn coverage_text(&self) -> Option<String> {
        (!self.coverage.complete).then(|| {
            format!(
                "in progress: {} of {} answered",
                self.coverage.answered, self.coverage.of
            )
        })
    }

    /// "Targets met: 1 of 2.", and when a met target has unanswered indicators below it, that
    /// it is met on the answers so far.
    pub fn targets_met_text(&self) -> String {
        let met = self.gaps.iter().filter(|g| g.met).count();
        let mut text = format!("Targets met: {met} of {}.", self.gaps.len());
        let unanswered: usize = self
            .gaps
            .iter()
            .filter(|g| g.met)
            .map(|g| g.unanswered)
            .sum();
        if unanswered > 0 {
            text.push_str(&format!(
                " Met on the answers so far: {} up to {} not answered yet.",
                crate::render::plural(unanswered, "indicator", "indicators"),
                match (met, unanswered) {
                    (1, 1) => "it is",
                    (1, _) => "it are",
                    (_, 1) => "them is",
                    _ => "them are",
                }
            ));
        }
        text
    }

    /// What the development plan says when no competency has a gap: "nothing to close", or,
    /// with indicators up to the targets unanswered, that the targets are met only so far.
    pub fn all_met_text(&self) -> String {
        let unanswered: usize = self.gaps.iter().map(|g| g.unanswered).sum();
        if unanswered == 0 {
            "Every target is met: nothing to close.".to_string()
        } else {
            format!(
                "Every target is met on the answers so far; {} up to the targets {} not answered yet.",
                crate::render::plural(unanswered, "indicator", "indicators"),
                if unanswered == 1 { "is" } else { "are" }
            )
        }
    }

    /// One sentence stating the scoring rule in the framework's own terms.
    pub fn rule(&self) -> String {
        let label = self
            .demonstrated_label
            .as_ref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        let own: String = self
            .own_scales
            .iter()
            .map(|o| {
                let label = o
                    .demonstrated_label
                    .as_ref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default();
                format!(
                    " {} is rated on a scale of its own, where {}{label} or more counts.",
                    o.name, o.demonstrated_at
                )
            })
            .collect();
        format!(
            "A level is held when {} of its indicators (not counting those not applicable) are rated {}{label} or more, and every lower level is held; an indicator not answered yet is not yet shown.{own}",
            percent(self.threshold),
            self.demonstrated_at
        )
    }
}

/// The explanation of one competency's result, with its sentences.
fn explain_report(framework: &Framework, result: &scoring::CompetencyResult) -> ExplainReport {
    let explanation = crate::explain::explain(framework, result);
    let reasons = crate::render::explain::reasons(&explanation);
    ExplainReport {
        summary: crate::render::explain::summary(&explanation),
        levels: explanation
            .levels
            .into_iter()
            .zip(reasons)
            .map(|(level, reason)| ExplainLevel { level, reason })
            .collect(),
    }
}

/// "Team lead (team-lead)", "every competency at Practising", and overrides.
fn describe_target(framework: &Framework, target: &TargetRequest) -> TargetSummary {
    let role = target.role.as_deref().and_then(|r| framework.target(r));
    let mut parts = Vec::new();
    if let Some(role) = role {
        parts.push(format!("{} ({})", role.name, role.id));
    }
    if let Some(level) = &target.level {
        let name = framework
            .level_index(level)
            .map_or(level.as_str(), |l| framework.levels[l].name.as_str());
        parts.push(format!("every competency at {name}"));
    }
    if !target.per_competency.is_empty() {
        parts.push(
            target
                .per_competency
                .iter()
                .map(|(c, l)| format!("{c}={l}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    TargetSummary {
        role: role.map(|r| r.id.clone()),
        role_name: role.map(|r| r.name.clone()),
        level: target.level.clone(),
        per_competency: target
            .per_competency
            .iter()
            .map(|(competency, level)| TargetPair {
                competency: competency.clone(),
                level: level.clone(),
            })
            .collect(),
        description: parts.join(", then "),
    }
}

/// "1/2 shown toward 2 · Listens actively (1 not applicable)", "top level held", or, for a
/// competency with no level on the ladder of the report (a track's), "not on this track".
pub fn progress_text(competency: &CompetencyReport) -> String {
    let Some(next) = competency.next.as_ref() else {
        return if competency.top_rank == 0 {
            "not on this track".to_string()
        } else {
            "top level held".to_string()
        };
    };
    let toward = level_text(next.rank, Some(&next.title));
    let mut extras = Vec::new();
    if next.not_applicable > 0 {
        extras.push(format!("{} not applicable", next.not_applicable));
    }
    if next.unrated() > 0 {
        extras.push(format!("{} not rated", next.unrated()));
    }
    let extras = if extras.is_empty() {
        String::new()
    } else {
        format!(" ({})", extras.join(", "))
    };
    if next.rated == 0 {
        format!("nothing rated yet toward {toward}{extras}")
    } else {
        format!(
            "{}/{} shown toward {toward}{extras}",
            next.demonstrated, next.counted
        )
    }
}

/// "4 of 24 answered" beside a competency not fully answered; `None` when it is.
pub fn competency_coverage_text(competency: &CompetencyReport) -> Option<String> {
    let coverage = competency.coverage;
    (!coverage.complete()).then(|| format!("{} of {} answered", coverage.answered, coverage.of))
}

/// The competency's name, with "4 of 24 answered" beside it while it is not fully answered.
pub fn name_with_coverage(competency: &CompetencyReport) -> String {
    match competency_coverage_text(competency) {
        Some(coverage) => format!("{} ({coverage})", competency.name),
        None => competency.name.clone(),
    }
}

/// "3 · Often", "na · not applicable", or "not rated".
pub fn rating_text(indicator: &IndicatorReport) -> String {
    match (&indicator.rating, &indicator.rating_label) {
        (Some(RatingValue::NotApplicable), _) => "not applicable".to_string(),
        (Some(value), Some(label)) => format!("{value} · {label}"),
        (Some(value), None) => value.to_string(),
        _ => "not rated".to_string(),
    }
}

/// The formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The contract's JSON.
    Json,
    /// Markdown.
    Markdown,
    /// One row per indicator (per level with explanations).
    Csv,
    /// A page that stands alone.
    Html,
}

impl crate::render::Document for Report {
    type Format = Format;

    fn render(&self, format: Format, style: crate::render::Style) -> String {
        match format {
            Format::Table => table::render(self, style),
            Format::Json => json::render(self),
            Format::Markdown => markdown::render(self),
            Format::Csv => csv::render(self),
            Format::Html => html::render(self),
        }
    }

    /// JSON, the largest output, is streamed.
    fn streams(&self, format: Format) -> bool {
        format == Format::Json
    }

    fn write(
        &self,
        format: Format,
        style: crate::render::Style,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match format {
            Format::Json => json::write(self, out),
            other => out.write_all(self.render(other, style).as_bytes()),
        }
    }
}
