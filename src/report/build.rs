//! Computing a [`Report`] from ratings: the scoring, then one step per part of the report.

use super::{
    BestFitReport, CompetencyReport, FrameworkSummary, GapReport, GroupSummary, IndicatorReport,
    NextLevel, OwnScaleSummary, PlanReport, Report, RoleReport, Shared, TargetPair, TargetSummary,
    WarningReport,
};
use crate::assessment::{Rating, RatingValue, Ratings, TargetLevels, TargetRequest};
use crate::error::BadInput;
use crate::framework::{Framework, Indicator, Ladder};
use crate::scoring::{self, level_title_for, Gap, PlanEntry, Profile};

impl Report {
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
        let fits = scoring::role_fits(framework, &profile);
        let mut gaps = scoring::gaps(&profile, &targets);
        // Biggest gap first; a stable sort keeps framework order among equals.
        gaps.sort_by_key(|g| std::cmp::Reverse(g.gap));
        let plan = scoring::plan(framework, ladder, &gaps, ratings);

        let made = Indicators::new(framework, ladder, ratings);
        let competencies = competency_rows(framework, &profile, &gaps);
        let gaps = gap_rows(framework, &gaps, &competencies);
        let plan = plan_rows(framework, &plan, &competencies, &made);
        // Indicators of levels off the ladder are not part of this report.
        let indicators = framework
            .indicators()
            .filter(|&(c, position, _)| {
                ladder.contains(framework.competencies[c].levels[position].level)
            })
            .map(|(c, position, i)| made.row(c, position, i))
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
            own_scales: own_scales(framework),
            threshold: framework.threshold,
            phases: (0..framework.competencies.len())
                .filter(|&c| !framework.gating_of(c))
                .map(|c| framework.competencies[c].name.clone())
                .collect(),
            max_rank: ladder.top_rank(),
            coverage: profile.coverage().into(),
            role_fit: framework.role_fit,
            roles: fits
                .iter()
                .map(|r| {
                    let role = &framework.targets[r.role];
                    RoleReport {
                        id: role.id.clone(),
                        name: role.name.clone(),
                        met: r.met,
                        of: r.of,
                        short: r.short,
                        not_applicable: r.not_applicable,
                        fits: r.fits,
                    }
                })
                .collect(),
            best_fit: scoring::best_fit_of(framework, &fits)
                .map(|fit| BestFitReport::named(framework, fit)),
            target: (!target.is_empty()).then(|| describe_target(framework, target)),
            groups: framework
                .groups
                .iter()
                .map(|g| GroupSummary {
                    id: g.id.clone(),
                    name: g.name.clone(),
                    code: g.code.clone(),
                })
                .collect(),
            competencies,
            gaps,
            plan,
            indicators,
            warnings: crate::consistency::check(framework, &profile, ratings)
                .into_iter()
                .map(|warning| WarningReport {
                    message: super::warning::sentence(&warning),
                    warning,
                })
                .collect(),
            kind: None,
        })
    }
}

/// What the indicators of one competency level share, made once.
struct Place {
    competency: Shared,
    competency_name: Shared,
    competency_code: Option<Shared>,
    group: Option<Shared>,
    level: Shared,
    level_title: Shared,
    level_code: Option<Shared>,
    competency_title: Option<Shared>,
}

/// Makes the report's row of an indicator, sharing the text many rows repeat.
struct Indicators<'a> {
    framework: &'a Framework,
    ladder: &'a Ladder,
    ratings: &'a Ratings,
    /// Per competency, per level of it: what its indicators share.
    places: Vec<Vec<Place>>,
    /// The labels of each competency's scale and of na, made once per competency; an
    /// off-scale value gets its own.
    labels: Vec<Vec<(RatingValue, Shared)>>,
}

impl<'a> Indicators<'a> {
    fn new(framework: &'a Framework, ladder: &'a Ladder, ratings: &'a Ratings) -> Self {
        let places = framework
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
                        competency_code: competency.code.as_deref().map(Into::into),
                        group: group.clone(),
                        level: framework.levels[level.level].id.as_str().into(),
                        level_title: framework.levels[level.level].name.as_str().into(),
                        level_code: framework.levels[level.level]
                            .code
                            .as_deref()
                            .map(Into::into),
                        competency_title: scoring::competency_title(framework, c, level.level)
                            .map(Into::into),
                    })
                    .collect()
            })
            .collect();
        let labels = (0..framework.competencies.len())
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
        Indicators {
            framework,
            ladder,
            ratings,
            places,
            labels,
        }
    }

    fn label(&self, c: usize, rating: Option<&Rating>) -> Option<Shared> {
        let value = rating?.value;
        Some(
            self.labels[c]
                .iter()
                .find(|(v, _)| *v == value)
                .map_or_else(
                    || scoring::value_label(self.framework, c, value).into(),
                    |(_, label)| label.clone(),
                ),
        )
    }

    /// The row of indicator `found`, at level `position` of competency `c`.
    fn row(&self, c: usize, position: usize, found: &Indicator) -> IndicatorReport {
        let place = &self.places[c][position];
        let level = self.framework.competencies[c].levels[position].level;
        let rating = self.ratings.get(&found.id);
        IndicatorReport {
            id: found.id.clone(),
            competency: place.competency.clone(),
            competency_name: place.competency_name.clone(),
            competency_code: place.competency_code.clone(),
            group: place.group.clone(),
            level: place.level.clone(),
            level_title: place.level_title.clone(),
            level_code: place.level_code.clone(),
            competency_title: place.competency_title.clone(),
            rank: self.ladder.rank(level).unwrap_or(0),
            text: found.text.clone(),
            code: found.code.clone(),
            kind: found.kind.clone(),
            rating: rating.map(|r| r.value),
            rating_label: self.label(c, rating),
            demonstrated: scoring::is_demonstrated(self.framework, c, rating),
            note: rating.and_then(|r| r.note.clone()),
        }
    }

    /// The row of the indicator a plan item names by id, within its competency level.
    fn row_by_id(&self, c: usize, position: usize, id: &str) -> Option<IndicatorReport> {
        let found = self.framework.competencies[c].levels[position]
            .indicators
            .iter()
            .find(|i| i.id == id)?;
        Some(self.row(c, position, found))
    }
}

/// Where the person stands, one row per competency in framework order.
fn competency_rows(
    framework: &Framework,
    profile: &Profile,
    gaps: &[Gap],
) -> Vec<CompetencyReport> {
    profile
        .competencies
        .iter()
        .map(|result| {
            let c = result.competency;
            let competency = &framework.competencies[c];
            let gap = gaps.iter().find(|g| g.competency == c);
            let next = result.step.map(|step| {
                let counts = &result.levels[step.next];
                let unlocks = &result.levels[step.unlocks];
                NextLevel {
                    level: framework.levels[counts.level].id.clone(),
                    title: framework.levels[counts.level].name.clone(),
                    rank: counts.rank,
                    total: counts.total,
                    rated: counts.rated,
                    demonstrated: counts.demonstrated,
                    not_applicable: counts.not_applicable,
                    counted: counts.counted(),
                    share: counts.share(),
                    unrated: step.unrated,
                    needed: step.needed,
                    more: step.more,
                    unlocks: framework.levels[unlocks.level].id.clone(),
                    unlocks_title: framework.levels[unlocks.level].name.clone(),
                    unlocks_rank: unlocks.rank,
                }
            });
            CompetencyReport {
                id: competency.id.clone(),
                name: competency.name.clone(),
                code: competency.code.clone(),
                group: framework.group_of(competency).map(|g| g.id.clone()),
                applicable: result.applicable,
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
                gap: gap.filter(|g| g.applicable).map(|g| g.gap),
                met: gap.map(|g| g.met()),
                explain: None,
            }
        })
        .collect()
}

/// The gap table, in the order of `gaps`.
fn gap_rows(
    framework: &Framework,
    gaps: &[Gap],
    competencies: &[CompetencyReport],
) -> Vec<GapReport> {
    gaps.iter()
        .map(|g| {
            let row = &competencies[g.competency];
            GapReport {
                competency: row.id.clone(),
                name: row.name.clone(),
                code: row.code.clone(),
                level: row.level.clone(),
                level_title: row.level_title.clone(),
                rank: g.current_rank,
                target: framework.levels[g.target].id.clone(),
                target_title: level_title_for(framework, g.competency, g.target),
                target_rank: g.target_rank,
                applicable: g.applicable,
                gap: g.applicable.then_some(g.gap),
                met: g.met(),
                passed_over: g.passed_over,
                unanswered: g.unanswered,
                top_of_ladder: g.top_of_ladder,
            }
        })
        .collect()
}

/// The development plan: per competency with a gap, what to work on.
fn plan_rows(
    framework: &Framework,
    plan: &[PlanEntry],
    competencies: &[CompetencyReport],
    made: &Indicators<'_>,
) -> Vec<PlanReport> {
    plan.iter()
        .map(|entry| {
            let row = &competencies[entry.competency];
            let competency = &framework.competencies[entry.competency];
            let target_level = competency
                .levels
                .iter()
                .find(|l| l.level == entry.gap.target);
            PlanReport {
                competency: row.id.clone(),
                name: row.name.clone(),
                code: row.code.clone(),
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
                        made.row_by_id(entry.competency, item.competency_level, &item.indicator)
                    })
                    .collect(),
                // A heading without items says nothing to the reader: left out.
                guidance: competency
                    .guidance
                    .iter()
                    .filter(|g| g.items.iter().any(|item| !item.trim().is_empty()))
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}

/// The competencies rated on a scale of their own, with theirs.
fn own_scales(framework: &Framework) -> Vec<OwnScaleSummary> {
    framework
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
        .collect()
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
