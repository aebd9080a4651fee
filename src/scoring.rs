//! The level profile, gaps against a target, and the development plan (docs/FORMAT.md, Scoring).
//!
//! Pure functions of a [`Framework`] and a set of ratings: nothing here reads files or prints.

use serde::Serialize;

use crate::assessment::{Rating, RatingValue, Ratings, TargetLevels};
use crate::framework::{Framework, Indicator, Ladder};

/// How one level of one competency stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelResult {
    /// Index into the framework's levels.
    pub level: usize,
    /// Position of the level in the competency's `levels`.
    pub position: usize,
    /// The level's rank on the ladder scored against.
    pub rank: usize,
    /// Indicators at this level.
    pub total: usize,
    /// Indicators with a scale value (not na, not unrated).
    pub rated: usize,
    /// Rated indicators whose value is at least `demonstrated_at`.
    pub demonstrated: usize,
    /// Indicators marked not applicable.
    pub not_applicable: usize,
    /// Whether the level is held (section 10: it passes or is empty, and every lower level is
    /// held, empty or passed over; on a ladder of phases, it passes).
    pub attained: bool,
}

/// What a level of a competency is, by its indicators and their answers (section 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelKind {
    /// The framework gives it no indicators for this competency.
    Empty,
    /// It has indicators and every one is answered `na`.
    PassedOver,
    /// Otherwise: it is tested against the threshold.
    Tested,
}

impl LevelResult {
    /// Indicators that count toward the level: every one not marked na, rated or not yet
    /// (an unanswered indicator is not yet shown).
    pub fn counted(&self) -> usize {
        self.total - self.not_applicable
    }

    /// Indicators answered: rated or marked na.
    pub fn answered(&self) -> usize {
        self.rated + self.not_applicable
    }

    /// Indicators not answered yet.
    pub fn unanswered(&self) -> usize {
        self.total - self.answered()
    }

    /// demonstrated / counted, 0 when nothing counts.
    pub fn share(&self) -> f64 {
        match self.counted() {
            0 => 0.0,
            counted => self.demonstrated as f64 / counted as f64,
        }
    }

    /// Empty, passed over or tested.
    pub fn kind(&self) -> LevelKind {
        if self.total == 0 {
            LevelKind::Empty
        } else if self.not_applicable == self.total {
            LevelKind::PassedOver
        } else {
            LevelKind::Tested
        }
    }

    /// Whether it is tested (neither empty nor passed over).
    pub fn tested(&self) -> bool {
        self.kind() == LevelKind::Tested
    }

    /// Whether it is passed over: every indicator answered na.
    pub fn passed_over(&self) -> bool {
        self.kind() == LevelKind::PassedOver
    }

    /// Whether the level is tested and its demonstrated share of what counts reaches
    /// `threshold` (exactly at the threshold counts).
    pub fn passes(&self, threshold: f64) -> bool {
        self.tested() && self.share() >= threshold
    }

    /// Whether the level's own counts meet the rule, lower levels aside: it is empty, passed
    /// over, or passes.
    pub fn meets(&self, threshold: f64) -> bool {
        !self.tested() || self.passes(threshold)
    }

    /// How many of its counted indicators must be demonstrated for it to pass.
    pub fn needed(&self, threshold: f64) -> usize {
        needed(self.counted(), threshold)
    }
}

/// The smallest whole number of demonstrated indicators out of `counted` that meets
/// `threshold`, by the same comparison the rule makes; 0 when nothing counts.
pub fn needed(counted: usize, threshold: f64) -> usize {
    (0..=counted)
        .find(|&d| counted > 0 && d as f64 / counted as f64 >= threshold)
        .unwrap_or(0)
}

/// How much of a ladder is answered: `answered` (rated or na) of `of` indicators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Indicators rated or marked na.
    pub answered: usize,
    /// Indicators on the ladder.
    pub of: usize,
}

impl Coverage {
    /// Whether every indicator is answered.
    pub fn complete(&self) -> bool {
        self.answered == self.of
    }

    /// This coverage and another, added.
    pub fn plus(self, other: Coverage) -> Coverage {
        Coverage {
            answered: self.answered + other.answered,
            of: self.of + other.of,
        }
    }
}

/// How close the next level is (section 10): how many more of its indicators shown would
/// pass it, and which level that would hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NextStep {
    /// Index into the competency's `levels` (of [`CompetencyResult`]) of the next level.
    pub next: usize,
    /// Its indicators demonstrated.
    pub demonstrated: usize,
    /// The smallest number demonstrated that passes it.
    pub needed: usize,
    /// needed - demonstrated (never below 0).
    pub more: usize,
    /// Its indicators not answered yet.
    pub unrated: usize,
    /// Index into the competency's `levels` of the highest level that would be held with
    /// `more` further indicators of next demonstrated, the other ratings unchanged.
    pub unlocks: usize,
}

/// Where a person stands on one competency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyResult {
    /// Index into the framework's competencies.
    pub competency: usize,
    /// One entry per level the competency lists that is on the ladder, lowest first.
    pub levels: Vec<LevelResult>,
    /// Whether it applies: `false` when it has indicators on its ladder and every one is
    /// answered na (then it has no level, no score and no next level).
    pub applicable: bool,
    /// Whether a lower level gates a higher one; `false` when its levels are phases.
    pub gating: bool,
    /// The share of a level's counted indicators that must be demonstrated.
    pub threshold: f64,
    /// Framework level index of the current (highest held) level; `None` when none is held.
    pub current: Option<usize>,
    /// Rank of the current level, 0 for none.
    pub rank: usize,
    /// Index into `levels` (above) of the first tested level above the current one, if any.
    pub next: Option<usize>,
    /// How close the next level is; `None` without a next level.
    pub step: Option<NextStep>,
    /// Rank of the highest level the competency lists on the ladder, 0 when it lists none.
    pub top_rank: usize,
    /// rank + demonstrated share of the next level; `None` when not applicable.
    pub score: Option<f64>,
}

impl CompetencyResult {
    /// The result for the next level, if any is left to reach.
    pub fn next_level(&self) -> Option<&LevelResult> {
        self.next.map(|n| &self.levels[n])
    }

    /// The score, 0 when the competency does not apply (for sums and charts that need a
    /// number; JSON says null).
    pub fn score_or_zero(&self) -> f64 {
        self.score.unwrap_or(0.0)
    }

    /// How many indicators of the competency's ladder are answered.
    pub fn coverage(&self) -> Coverage {
        self.levels.iter().fold(Coverage::default(), |sum, l| {
            sum.plus(Coverage {
                answered: l.answered(),
                of: l.total,
            })
        })
    }

    /// Levels on the competency's own ladder ranked above the current level and at or below
    /// `target_rank` that are not passed over: the levels still to climb (section 10). 0 for
    /// a competency that does not apply (it has no gap; see [`Gap::met`]).
    pub fn levels_to(&self, target_rank: usize) -> usize {
        if !self.applicable {
            return 0;
        }
        self.levels
            .iter()
            .filter(|l| l.rank > self.rank && l.rank <= target_rank && !l.passed_over())
            .count()
    }

    /// Whether a target of rank `target_rank` is met: the competency applies and no level is
    /// left to climb.
    pub fn meets(&self, target_rank: usize) -> bool {
        self.applicable && self.levels_to(target_rank) == 0
    }

    /// Indicators not answered yet on the levels of the ladder at or below `target_rank`.
    pub fn unanswered_to(&self, target_rank: usize) -> usize {
        self.levels
            .iter()
            .filter(|l| l.rank <= target_rank)
            .map(LevelResult::unanswered)
            .sum()
    }
}

/// The level profile: one result per competency, in framework order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// Results in framework order.
    pub competencies: Vec<CompetencyResult>,
    /// The ladder the ranks are on.
    #[serde(skip)]
    pub ladder: Ladder,
}

impl Profile {
    /// How many indicators of the scored ladder are answered, over every competency.
    pub fn coverage(&self) -> Coverage {
        self.competencies
            .iter()
            .fold(Coverage::default(), |sum, c| sum.plus(c.coverage()))
    }
}

/// Whether a rating of an indicator of `competency` counts as demonstrated under its
/// `demonstrated_at` (the competency's own, else the framework's).
pub fn is_demonstrated(framework: &Framework, competency: usize, rating: Option<&Rating>) -> bool {
    matches!(rating.map(|r| r.value), Some(RatingValue::Scale(v)) if v >= framework.demonstrated_at_of(competency))
}

/// Counts for one list of indicators, without the rule that holds a level. `value` gives
/// each indicator's rating by its position in the list.
fn tally(
    demonstrated_at: u32,
    level: usize,
    indicators: &[Indicator],
    value: impl Fn(usize, &Indicator) -> Option<RatingValue>,
) -> LevelResult {
    let mut result = LevelResult {
        level,
        position: 0,
        rank: 0,
        total: indicators.len(),
        rated: 0,
        demonstrated: 0,
        not_applicable: 0,
        attained: false,
    };
    for (position, indicator) in indicators.iter().enumerate() {
        match value(position, indicator) {
            Some(RatingValue::Scale(v)) => {
                result.rated += 1;
                if v >= demonstrated_at {
                    result.demonstrated += 1;
                }
            }
            Some(RatingValue::NotApplicable) => result.not_applicable += 1,
            None => {}
        }
    }
    result
}

/// Which levels of a ladder are held, by section 10, and the current one (an index into
/// `levels`, `None` when none is held). With `gating`, a level is held when it passes (or is
/// empty) and every lower level is held, empty or passed over; without, a level is held when
/// it passes, on its own.
fn hold(levels: &[LevelResult], threshold: f64, gating: bool) -> (Vec<bool>, Option<usize>) {
    let mut held = Vec::with_capacity(levels.len());
    let mut open = true;
    let mut current = None;
    for (i, level) in levels.iter().enumerate() {
        let this = if gating {
            let this = open && (level.kind() == LevelKind::Empty || level.passes(threshold));
            if level.tested() && !level.passes(threshold) {
                open = false;
            }
            this
        } else {
            level.passes(threshold)
        };
        if this {
            current = Some(i);
        }
        held.push(this);
    }
    (held, current)
}

/// Score one competency on a ladder: only the levels it lists that are on the ladder count.
pub fn score_competency(
    framework: &Framework,
    ladder: &Ladder,
    competency: usize,
    ratings: &Ratings,
) -> CompetencyResult {
    score_competency_by(framework, ladder, competency, |_, indicator| {
        ratings.get(&indicator.id).map(|r| r.value)
    })
}

/// Score one competency on a ladder with ratings looked up by `value`, which gets each
/// indicator with its position among the competency's indicators (flat over all the levels it
/// lists, lowest first, whether on the ladder or not).
pub fn score_competency_by(
    framework: &Framework,
    ladder: &Ladder,
    competency: usize,
    value: impl Fn(usize, &Indicator) -> Option<RatingValue>,
) -> CompetencyResult {
    let threshold = framework.threshold_of(competency);
    let gating = framework.gating_of(competency);
    let demonstrated_at = framework.demonstrated_at_of(competency);
    let mut offset = 0;
    let mut levels = Vec::with_capacity(framework.competencies[competency].levels.len());
    let mut top_rank = 0;
    for (position, level) in framework.competencies[competency].levels.iter().enumerate() {
        let start = offset;
        offset += level.indicators.len();
        let Some(rank) = ladder.rank(level.level) else {
            continue;
        };
        top_rank = rank;
        let mut result = tally(demonstrated_at, level.level, &level.indicators, |p, i| {
            value(start + p, i)
        });
        result.position = position;
        result.rank = rank;
        levels.push(result);
    }
    settle(competency, levels, threshold, gating, top_rank)
}

/// The result of a competency from its counted levels: which are held, the current level,
/// the next one and how close it is, and the score.
fn settle(
    competency: usize,
    mut levels: Vec<LevelResult>,
    threshold: f64,
    gating: bool,
    top_rank: usize,
) -> CompetencyResult {
    let applicable =
        levels.iter().all(|l| l.kind() == LevelKind::Empty) || levels.iter().any(|l| l.tested());
    let (held, current) = if applicable {
        hold(&levels, threshold, gating)
    } else {
        (vec![false; levels.len()], None)
    };
    for (level, held) in levels.iter_mut().zip(held) {
        level.attained = held;
    }
    let rank = current.map_or(0, |c| levels[c].rank);
    let next = if applicable {
        levels
            .iter()
            .enumerate()
            .skip(current.map_or(0, |c| c + 1))
            .find(|(_, l)| l.tested())
            .map(|(i, _)| i)
    } else {
        None
    };
    let step = next.map(|n| {
        let at = &levels[n];
        let needed = at.needed(threshold);
        let more = needed.saturating_sub(at.demonstrated);
        let unlocks = if gating {
            let mut shown = levels.clone();
            shown[n].demonstrated += more;
            hold(&shown, threshold, gating).1.unwrap_or(n)
        } else {
            n
        };
        NextStep {
            next: n,
            demonstrated: at.demonstrated,
            needed,
            more,
            unrated: at.unanswered(),
            unlocks,
        }
    });
    let share = next.map_or(0.0, |n| levels[n].share());
    CompetencyResult {
        competency,
        applicable,
        gating,
        threshold,
        current: current.map(|c| levels[c].level),
        rank,
        next,
        step,
        top_rank,
        score: applicable.then_some(rank as f64 + share),
        levels,
    }
}

/// The level profile of a set of ratings on the framework's default ladder (its first track,
/// or every level when it has no tracks).
pub fn profile(framework: &Framework, ratings: &Ratings) -> Profile {
    profile_on(framework, &framework.default_ladder(), ratings)
}

/// The level profile of a set of ratings on a ladder.
pub fn profile_on(framework: &Framework, ladder: &Ladder, ratings: &Ratings) -> Profile {
    Profile {
        competencies: (0..framework.competencies.len())
            .map(|c| score_competency(framework, ladder, c, ratings))
            .collect(),
        ladder: ladder.clone(),
    }
}

/// One message per target that ranks above every level the competency lists: it is met by
/// holding the competency's top level (section 7), which the person should know.
pub fn unreachable_targets(
    framework: &Framework,
    ladder: &Ladder,
    targets: &TargetLevels,
) -> Vec<String> {
    framework
        .competencies
        .iter()
        .zip(&targets.levels)
        .filter_map(|(competency, target)| {
            let target = (*target)?;
            let target_rank = ladder.rank(target)?;
            let top = competency
                .levels
                .iter()
                .rev()
                .find(|l| ladder.contains(l.level))?;
            let top_rank = ladder.rank(top.level)?;
            (top_rank < target_rank).then(|| {
                format!(
                    "target {} (rank {target_rank}) for {} is above its highest level, {} (rank {top_rank}): holding {} meets it, the top of its ladder",
                    framework.levels[target].id,
                    competency.id,
                    framework.levels[top.level].id,
                    framework.levels[top.level].id,
                )
            })
        })
        .collect()
}

/// How far one competency is from its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// Index into the framework's competencies.
    pub competency: usize,
    /// Framework level index of the target.
    pub target: usize,
    /// Rank of the target level.
    pub target_rank: usize,
    /// Rank of the current level (0 for none).
    pub current_rank: usize,
    /// Whether the competency applies; one that does not is never met and has no gap.
    pub applicable: bool,
    /// Levels on the competency's own ladder above the current one and at or below the
    /// target's rank that are not passed over; 0 when met, and when it does not apply.
    pub gap: usize,
    /// Indicators not answered yet on the ladder's levels at or below the target's rank: a
    /// met target with unanswered indicators below it is met on what was answered so far.
    pub unanswered: usize,
    /// Met because the competency's top level is held and the target ranks above it.
    pub top_of_ladder: bool,
    /// Levels above the current one and at or below the target's rank that are passed over
    /// (every indicator na): not counted in the gap, since they do not apply.
    pub passed_over: usize,
}

impl Gap {
    /// Whether the target is met: the competency applies and nothing is left to climb.
    pub fn met(&self) -> bool {
        self.applicable && self.gap == 0
    }

    /// The gap of one scored competency to a target level of rank `target_rank`.
    pub fn of(result: &CompetencyResult, target: usize, target_rank: usize) -> Gap {
        let gap = result.levels_to(target_rank);
        Gap {
            competency: result.competency,
            target,
            target_rank,
            current_rank: result.rank,
            applicable: result.applicable,
            gap,
            unanswered: result.unanswered_to(target_rank),
            top_of_ladder: result.applicable && gap == 0 && target_rank > result.top_rank,
            passed_over: result
                .levels
                .iter()
                .filter(|l| l.rank > result.rank && l.rank <= target_rank && l.passed_over())
                .count(),
        }
    }
}

/// Gaps for every competency that has a target, in framework order.
pub fn gaps(profile: &Profile, targets: &TargetLevels) -> Vec<Gap> {
    profile
        .competencies
        .iter()
        .filter_map(|result| {
            let target = targets.levels.get(result.competency).copied().flatten()?;
            let target_rank = profile.ladder.rank(target)?;
            Some(Gap::of(result, target, target_rank))
        })
        .collect()
}

/// How well one role fits a profile (section 10).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RoleFit {
    /// Index into the framework's targets.
    pub role: usize,
    /// k: the competencies it names that are met.
    pub met: usize,
    /// n: the competencies it names.
    pub of: usize,
    /// s: the sum of their gaps (a competency that does not apply adds nothing).
    pub short: usize,
    /// The competencies it names that do not apply.
    pub not_applicable: usize,
    /// The sum of the ranks of the levels it names.
    pub rank_sum: usize,
    /// Whether it fits: k / n >= the framework's `role_fit` (every one met, by default).
    pub fits: bool,
}

impl RoleFit {
    /// Whether it could fit with more shown: enough of the competencies it names apply.
    pub fn can_fit(&self, role_fit: f64) -> bool {
        share_reaches(self.of - self.not_applicable, self.of, role_fit)
    }
}

/// Whether `k` of `n` reaches `share` (a role naming nothing fits).
fn share_reaches(k: usize, n: usize, share: f64) -> bool {
    n == 0 || k as f64 / n as f64 >= share
}

/// How each role on the profile's ladder fits, in file order. A role takes part when it is
/// on the profile's track or on none, and every level it names is on the ladder.
pub fn role_fits(framework: &Framework, profile: &Profile) -> Vec<RoleFit> {
    framework
        .targets
        .iter()
        .enumerate()
        .filter(|(_, role)| role.track.is_none() || role.track == profile.ladder.track())
        .filter_map(|(t, role)| {
            let mut fit = RoleFit {
                role: t,
                met: 0,
                of: role.levels.len(),
                short: 0,
                not_applicable: 0,
                rank_sum: 0,
                fits: false,
            };
            for &(c, level) in &role.levels {
                let rank = profile.ladder.rank(level)?;
                let result = profile.competencies.get(c)?;
                fit.rank_sum += rank;
                if !result.applicable {
                    fit.not_applicable += 1;
                } else if result.meets(rank) {
                    fit.met += 1;
                } else {
                    fit.short += result.levels_to(rank);
                }
            }
            fit.fits = share_reaches(fit.met, fit.of, framework.role_fit);
            Some(fit)
        })
        .collect()
}

/// The roles (framework `targets`) a profile fits: the best one and the next to aim for
/// (sections 7 and 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BestFit {
    /// Index into the framework's targets of the fitting role whose named levels rank
    /// highest; `None` when no role fits.
    pub role: Option<usize>,
    /// Index of the role that does not fit, ranked at least as high as the best fit, with the
    /// smallest total gap; `None` when there is none.
    pub next: Option<usize>,
    /// The next role's total gap in levels (0 without a next role).
    pub next_gap: usize,
}

/// The best-fit role of a profile and the next one; `None` when no role takes part (the
/// framework has none, or none on the profile's track).
pub fn best_fit(framework: &Framework, profile: &Profile) -> Option<BestFit> {
    best_fit_of(framework, &role_fits(framework, profile))
}

/// The best-fit role and the next one from the roles' fits (in file order).
pub fn best_fit_of(framework: &Framework, roles: &[RoleFit]) -> Option<BestFit> {
    if roles.is_empty() {
        return None;
    }
    // max_by_key keeps the last of equals: reversed, the earliest in the file wins.
    let best = roles
        .iter()
        .rev()
        .filter(|r| r.fits)
        .max_by_key(|r| r.rank_sum);
    let floor = best.map_or(0, |b| b.rank_sum);
    // min_by_key keeps the first of equals: the earliest in the file.
    let next = roles
        .iter()
        .filter(|r| !r.fits && r.rank_sum >= floor && r.can_fit(framework.role_fit))
        .min_by_key(|r| r.short);
    Some(BestFit {
        role: best.map(|b| b.role),
        next: next.map(|n| n.role),
        next_gap: next.map_or(0, |n| n.short),
    })
}

/// The best-fit role and the next one to aim for (contract section 7).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedFit {
    /// Id of the fitting role whose named levels rank highest; `None` when no role fits.
    pub role: Option<String>,
    /// Its name.
    pub role_name: Option<String>,
    /// Id of the next role to aim for; `None` when there is none.
    pub next: Option<String>,
    /// Its name.
    pub next_name: Option<String>,
    /// Levels still to climb for the next role, over every competency it names.
    pub next_gap: usize,
}

impl NamedFit {
    /// The best fit of a profile, named; `None` when no role takes part.
    pub fn of(framework: &Framework, profile: &Profile) -> Option<NamedFit> {
        Some(NamedFit::named(framework, best_fit(framework, profile)?))
    }

    /// A best fit, named.
    pub fn named(framework: &Framework, fit: BestFit) -> NamedFit {
        let role = |t: Option<usize>| t.map(|t| &framework.targets[t]);
        NamedFit {
            role: role(fit.role).map(|r| r.id.clone()),
            role_name: role(fit.role).map(|r| r.name.clone()),
            next: role(fit.next).map(|r| r.id.clone()),
            next_name: role(fit.next).map(|r| r.name.clone()),
            next_gap: fit.next_gap,
        }
    }

    /// "Team lead (team-lead)", or "no role met yet".
    pub fn role_text(&self) -> String {
        self.role_text_in(crate::language::Language::English)
    }

    /// [`NamedFit::role_text`] in a language.
    pub fn role_text_in(&self, lang: crate::language::Language) -> String {
        match (&self.role_name, &self.role) {
            (Some(name), Some(id)) => format!("{name} ({id})"),
            _ => lang.text("fit.no_role").to_string(),
        }
    }

    /// "Senior (senior), 2 levels to go", or "none above it" when no role is left to aim for.
    pub fn next_text(&self) -> String {
        self.next_text_in(crate::language::Language::English)
    }

    /// [`NamedFit::next_text`] in a language.
    pub fn next_text_in(&self, lang: crate::language::Language) -> String {
        match (&self.next_name, &self.next) {
            (Some(name), Some(id)) => lang.count(
                self.next_gap,
                "fit.next",
                &[("role", &format!("{name} ({id})"))],
            ),
            _ if self.role.is_some() => lang.text("fit.none_above").to_string(),
            _ => lang.text("fit.none").to_string(),
        }
    }

    /// "Best fit: Team lead (team-lead). Next: Senior (senior), 2 levels to go."
    pub fn sentence(&self) -> String {
        self.sentence_in(crate::language::Language::English)
    }

    /// [`NamedFit::sentence`] in a language.
    pub fn sentence_in(&self, lang: crate::language::Language) -> String {
        lang.fill(
            "fit.sentence",
            &[
                ("role", &self.role_text_in(lang)),
                ("next", &self.next_text_in(lang)),
            ],
        )
    }
}

/// One indicator to work on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    /// Framework level index of the indicator's level.
    pub level: usize,
    /// Position of that level in the competency's ladder.
    pub competency_level: usize,
    /// The indicator id.
    pub indicator: String,
    /// The rating given, if any.
    pub rating: Option<Rating>,
}

/// The development plan for one competency with a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEntry {
    /// Index into the framework's competencies.
    pub competency: usize,
    /// The gap being closed.
    pub gap: Gap,
    /// Indicators at levels up to the target that are not demonstrated, lowest level first.
    /// Indicators rated not applicable are left out: they are not the person's to develop.
    pub items: Vec<PlanItem>,
}

/// The development plan: per competency with a gap, what is not yet demonstrated.
pub fn plan(
    framework: &Framework,
    ladder: &Ladder,
    gaps: &[Gap],
    ratings: &Ratings,
) -> Vec<PlanEntry> {
    gaps.iter()
        .filter(|gap| gap.applicable && !gap.met())
        .map(|gap| {
            let competency = &framework.competencies[gap.competency];
            let items = competency
                .levels
                .iter()
                .enumerate()
                .filter(|(_, level)| {
                    // On a ladder of phases a phase below the current one is not on the way.
                    ladder.rank(level.level).is_some_and(|rank| {
                        rank <= gap.target_rank
                            && (framework.gating_of(gap.competency) || rank > gap.current_rank)
                    })
                })
                .flat_map(|(position, level)| {
                    level.indicators.iter().filter_map(move |indicator| {
                        let rating = ratings.get(&indicator.id);
                        let skip = is_demonstrated(framework, gap.competency, rating)
                            || matches!(rating.map(|r| r.value), Some(RatingValue::NotApplicable));
                        (!skip).then(|| PlanItem {
                            level: level.level,
                            competency_level: position,
                            indicator: indicator.id.clone(),
                            rating: rating.cloned(),
                        })
                    })
                })
                .collect();
            PlanEntry {
                competency: gap.competency,
                gap: gap.clone(),
                items,
            }
        })
        .collect()
}

/// The label shown for a rating of an indicator of `competency`: the scale label, "not
/// applicable", or `None` when unrated.
pub fn rating_label(
    framework: &Framework,
    competency: usize,
    rating: Option<&Rating>,
) -> Option<String> {
    rating.map(|r| value_label(framework, competency, r.value).into_owned())
}

/// What a value of an indicator of `competency` reads as: its scale label ("Often", borrowed
/// from the framework), "not applicable", or "5 (off the scale)".
pub fn value_label(
    framework: &Framework,
    competency: usize,
    value: RatingValue,
) -> std::borrow::Cow<'_, str> {
    match value {
        RatingValue::Scale(v) => framework.point_of(competency, v).map_or_else(
            || format!("{v} (off the scale)").into(),
            |p| p.label.as_str().into(),
        ),
        RatingValue::NotApplicable => "not applicable".into(),
    }
}

/// How a line names a framework level: by the level's name, the same on every competency (a
/// competency's own title for it is shown apart, once: see [`competency_title`]).
pub fn level_title_for(framework: &Framework, _competency: usize, level: usize) -> String {
    framework.levels[level].name.clone()
}

/// A competency's own title for one of its levels, when it has one that differs from the
/// level's name; without a trailing period.
pub fn competency_title(framework: &Framework, competency: usize, level: usize) -> Option<String> {
    let own = framework.competencies[competency]
        .levels
        .iter()
        .find(|l| l.level == level)?
        .title
        .as_deref()?;
    let own = without_period(own);
    (own != framework.levels[level].name).then(|| own.to_string())
}

/// Text without one trailing period (a title is no sentence); an ellipsis stays.
pub fn without_period(text: &str) -> &str {
    let text = text.trim_end();
    match text.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests;
