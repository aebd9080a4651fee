//! A team (contract section 5): one profile per person, the distribution of levels per
//! competency, and against a target who meets it, who could mentor, and which competencies
//! rest on one person only.
//!
//! Pure functions of a framework and [`Scorecard`]s: nothing here reads files or prints.

use crate::assessment::gather::{offsets, Scorecard};
use crate::assessment::{RatingValue, Relation, TargetLevels};
use crate::compare::{consensus, profile_of, Standing};
use crate::framework::{Framework, Ladder};
use crate::scoring::{Coverage, Gap, NamedFit, Profile};

/// The distribution's key for the people a competency does not apply to.
pub const NOT_APPLICABLE: &str = "not_applicable";

/// Whose view of each person counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The latest assessment by a rater of this relation (`self` by default).
    Relation(Relation),
    /// The consensus of the raters other than self.
    Consensus,
}

/// The ladders a team is scored on, each with the target resolved on it: one for everyone
/// (`--track`, or a role on a track), or each person on the track their assessment records
/// (contract section 12), the default track for files that record none.
#[derive(Debug, Clone)]
pub struct Ladders {
    /// By track index; one entry when everyone is on one ladder or there are no tracks.
    each: Vec<(Ladder, Option<TargetLevels>)>,
}

impl Ladders {
    /// Everyone on `ladder`.
    pub fn one(ladder: Ladder, targets: Option<TargetLevels>) -> Ladders {
        Ladders {
            each: vec![(ladder, targets)],
        }
    }

    /// Each person on their recorded track. `used` are the tracks the files record (`None`:
    /// none): the target must resolve on each of their ladders; on another it is left out.
    pub fn recorded(
        framework: &Framework,
        used: impl IntoIterator<Item = Option<usize>>,
        request: &crate::assessment::TargetRequest,
    ) -> Result<Ladders, crate::error::BadInput> {
        if framework.tracks.is_empty() {
            let ladder = framework.default_ladder();
            let targets = if request.is_empty() {
                None
            } else {
                Some(request.resolve_on(framework, &ladder)?)
            };
            return Ok(Ladders::one(ladder, targets));
        }
        let default = framework.default_track().unwrap_or(0);
        let mut used: Vec<usize> = used.into_iter().map(|t| t.unwrap_or(default)).collect();
        used.sort_unstable();
        used.dedup();
        let mut each = Vec::with_capacity(framework.tracks.len());
        for track in 0..framework.tracks.len() {
            let ladder = framework.ladder(Some(track));
            let targets = if request.is_empty() {
                None
            } else if used.binary_search(&track).is_ok() {
                Some(request.resolve_on(framework, &ladder)?)
            } else {
                request.resolve_on(framework, &ladder).ok()
            };
            each.push((ladder, targets));
        }
        Ok(Ladders { each })
    }

    /// The ladder and target of a person whose file records `track`.
    pub fn of(&self, track: Option<usize>) -> (&Ladder, Option<&TargetLevels>) {
        let at = if self.each.len() == 1 {
            0
        } else {
            track.unwrap_or(0).min(self.each.len() - 1)
        };
        let (ladder, targets) = &self.each[at];
        (ladder, targets.as_ref())
    }

    /// Every ladder, by track index.
    pub fn all(&self) -> impl Iterator<Item = &Ladder> {
        self.each.iter().map(|(l, _)| l)
    }
}

/// One person's row of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The person.
    pub subject: String,
    /// The file that counts; `None` for a consensus.
    pub file: Option<String>,
    /// Whether every assessment that counts is complete.
    pub complete: bool,
    /// How many raters' assessments count (1 unless a consensus).
    pub raters: usize,
    /// Per competency, in framework order.
    pub competencies: Vec<Standing>,
    /// How many indicators of the ladder are answered (for a consensus: have a value).
    pub coverage: Coverage,
    /// The best-fit role; `None` when the framework has no role on the ladder.
    pub fit: Option<NamedFit>,
    /// The track the person is scored on (the one their assessment records, else the
    /// default); `None` when the framework has no tracks.
    pub track: Option<String>,
    /// Per competency: whether the target is met on the competency's own ladder (false
    /// without a target).
    pub meets: Vec<bool>,
}

/// One competency across the team.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetencyStats {
    /// Competency id.
    pub id: String,
    /// Competency name.
    pub name: String,
    /// How many people hold each level: `none` first, then the competency's levels, lowest
    /// first, then `not_applicable`: those for whom every indicator of it is answered na.
    pub distribution: Vec<(String, usize)>,
    /// The target level id, when a target applies.
    pub target: Option<String>,
    /// The target level's title in this competency (else the level's name), when a target
    /// applies.
    pub target_title: Option<String>,
    /// The target's rank.
    pub target_rank: Option<usize>,
    /// How many people hold the target level or higher.
    pub met: Option<usize>,
    /// Those people: who could mentor the others.
    pub holders: Vec<String>,
}

impl CompetencyStats {
    /// How many people the competency does not apply to.
    pub fn not_applicable(&self) -> usize {
        self.distribution
            .iter()
            .find(|(id, _)| id == NOT_APPLICABLE)
            .map_or(0, |(_, n)| *n)
    }

    /// With a target: whether exactly one person holds it (a single point of failure).
    pub fn single_point(&self) -> bool {
        self.met == Some(1)
    }
}

/// The team: people × competencies.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// Framework id.
    pub framework_id: String,
    /// Framework name.
    pub framework_name: String,
    /// Framework version.
    pub framework_version: String,
    /// Whose view counts.
    pub view: View,
    /// One per person with an assessment of that view, by name.
    pub members: Vec<Member>,
    /// People left out because no assessment of the view exists for them.
    pub without_view: Vec<String>,
    /// Per competency in framework order.
    pub competencies: Vec<CompetencyStats>,
    /// Level ids of the ladders people are on, in framework order (by rank - 1 when everyone
    /// is on one ladder).
    pub levels: Vec<String>,
    /// The rank of each of [`Team::levels`] on the first ladder that has it.
    pub level_ranks: Vec<usize>,
    /// Highest rank on the ladder.
    pub max_rank: usize,
    /// With `team --over-time`: the team in each round and who moved.
    pub over_time: Option<OverTime>,
}

impl Team {
    /// Whether some competency does not apply to someone: the distribution then shows a
    /// column for it.
    pub fn any_not_applicable(&self) -> bool {
        self.competencies.iter().any(|c| c.not_applicable() > 0)
    }
}

/// A team over rounds (contract section 12): each path given is a round, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct OverTime {
    /// Each round's label: the path as given.
    pub labels: Vec<String>,
    /// Per round, per competency in framework order: how many people hold each level (as
    /// [`CompetencyStats::distribution`]).
    pub distributions: Vec<Vec<Vec<(String, usize)>>>,
    /// Per person with an assessment of the view in some round, by name: the rounds they
    /// appear in (by index) and their standing per competency there.
    pub appearances: Vec<(String, Vec<Appearance>)>,
    /// Each person × competency whose level changed between the first and the last round the
    /// person appears in, by person, then competency.
    pub moves: Vec<Move>,
}

impl OverTime {
    /// The rounds a person appears in, with their standings; empty when they appear in none.
    pub fn of(&self, subject: &str) -> &[Appearance] {
        self.appearances
            .binary_search_by(|(s, _)| s.as_str().cmp(subject))
            .map_or(&[], |at| self.appearances[at].1.as_slice())
    }
}

/// A round a person appears in (by index), and their standing per competency there.
pub type Appearance = (usize, Vec<Standing>);

/// A level that changed between a person's first and last round.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The person.
    pub subject: String,
    /// The competency, by index.
    pub competency: usize,
    /// The first round the person appears in, by index.
    pub from: usize,
    /// The last round the person appears in, by index.
    pub to: usize,
    /// The standing in the first round.
    pub before: Standing,
    /// The standing in the last round.
    pub after: Standing,
}

impl Move {
    /// `up` or `down` by rank; `changed` when the rank is the same but the level is not (a
    /// ladder of another track) or the competency applies on one side only (section 10: not
    /// applicable is no level, neither higher nor lower).
    pub fn change(&self) -> &'static str {
        if self.before.applicable != self.after.applicable {
            return "changed";
        }
        match self.after.rank.cmp(&self.before.rank) {
            std::cmp::Ordering::Greater => "up",
            std::cmp::Ordering::Less => "down",
            std::cmp::Ordering::Equal => "changed",
        }
    }
}

/// The team over rounds: `scorecards` hold the latest per round, subject and rater (gathered
/// by round), `labels` name the rounds. The team itself is that of the latest files over every
/// round; [`Team::over_time`] holds each round's distribution and who moved.
pub fn over_time(
    framework: &Framework,
    ladders: &Ladders,
    scorecards: &[Scorecard],
    labels: Vec<String>,
    view: View,
) -> Team {
    let latest: Vec<&Scorecard> = scorecards.iter().filter(|s| s.latest).collect();
    let mut whole = team(framework, ladders, &latest, view);
    let rounds: Vec<Team> = (0..labels.len())
        .map(|round| {
            let of_round: Vec<&Scorecard> =
                scorecards.iter().filter(|s| s.round == round).collect();
            team(framework, ladders, &of_round, view)
        })
        .collect();
    let mut appearances: Vec<(String, Vec<Appearance>)> = Vec::new();
    for (round, members) in rounds.iter().map(|t| &t.members).enumerate() {
        for m in members {
            let at = match appearances.binary_search_by(|(s, _)| s.cmp(&m.subject)) {
                Ok(at) => at,
                Err(at) => {
                    appearances.insert(at, (m.subject.clone(), Vec::new()));
                    at
                }
            };
            appearances[at].1.push((round, m.competencies.clone()));
        }
    }
    let mut moves = Vec::new();
    for (subject, seen) in &appearances {
        let (Some(first), Some(last)) = (seen.first(), seen.last()) else {
            continue;
        };
        if first.0 == last.0 {
            continue;
        }
        for (c, (before, after)) in first.1.iter().zip(&last.1).enumerate() {
            if before.level != after.level || before.applicable != after.applicable {
                moves.push(Move {
                    subject: subject.clone(),
                    competency: c,
                    from: first.0,
                    to: last.0,
                    before: before.clone(),
                    after: after.clone(),
                });
            }
        }
    }
    whole.over_time = Some(OverTime {
        labels,
        distributions: rounds
            .into_iter()
            .map(|t| t.competencies.into_iter().map(|c| c.distribution).collect())
            .collect(),
        appearances,
        moves,
    });
    whole
}

/// Build the team on a ladder from scorecards sorted by subject (as gathered), one per subject
/// and rater.
pub fn team(
    framework: &Framework,
    ladders: &Ladders,
    scorecards: &[&Scorecard],
    view: View,
) -> Team {
    let offsets = offsets(framework);
    let mut members = Vec::new();
    let mut without_view = Vec::new();
    let mut start = 0;
    while start < scorecards.len() {
        let subject = &scorecards[start].subject;
        let end = start
            + scorecards[start..]
                .iter()
                .take_while(|s| &s.subject == subject)
                .count();
        match member(framework, ladders, &offsets, &scorecards[start..end], view) {
            Some(member) => members.push(member),
            None => without_view.push(subject.clone()),
        }
        start = end;
    }
    // The ladders people are on (the default one when no one is): the levels shown are theirs.
    let mut on: Vec<&Ladder> = Vec::new();
    for m in &members {
        let ladder = ladders
            .of(m.track.as_deref().and_then(|t| framework.track_index(t)))
            .0;
        if !on.iter().any(|l| std::ptr::eq(*l, ladder)) {
            on.push(ladder);
        }
    }
    if on.is_empty() {
        on.push(ladders.of(None).0);
    }
    let ladder = on[0];
    let targets = ladders.of(ladder.track()).1;
    let on_some = |level: usize| on.iter().any(|l| l.contains(level));
    let competencies = framework
        .competencies
        .iter()
        .enumerate()
        .map(|(c, competency)| {
            let mut distribution: Vec<(String, usize)> = vec![("none".into(), 0)];
            distribution.extend(
                competency
                    .levels
                    .iter()
                    .filter(|l| on_some(l.level))
                    .map(|l| (framework.levels[l.level].id.clone(), 0)),
            );
            let not_applicable = members
                .iter()
                .filter(|m| !m.competencies[c].applicable)
                .count();
            for m in members.iter().filter(|m| m.competencies[c].applicable) {
                let key = m.competencies[c].level.as_deref().unwrap_or("none");
                if let Some(slot) = distribution.iter_mut().find(|(id, _)| id == key) {
                    slot.1 += 1;
                }
            }
            distribution.push((NOT_APPLICABLE.into(), not_applicable));
            let target = targets.and_then(|t| t.levels.get(c).copied().flatten());
            let target_rank = target.and_then(|l| ladder.rank(l));
            let holders: Vec<String> = members
                .iter()
                .filter(|m| m.meets[c])
                .map(|m| m.subject.clone())
                .collect();
            CompetencyStats {
                id: competency.id.clone(),
                name: competency.name.clone(),
                distribution,
                target: target.map(|l| framework.levels[l].id.clone()),
                target_title: target.map(|l| {
                    competency
                        .levels
                        .iter()
                        .find(|cl| cl.level == l)
                        .map_or_else(
                            || framework.levels[l].name.clone(),
                            |cl| framework.level_title(cl).to_string(),
                        )
                }),
                target_rank,
                met: target_rank.map(|_| holders.len()),
                holders,
            }
        })
        .collect();
    Team {
        framework_id: framework.id.clone(),
        framework_name: framework.name.clone(),
        framework_version: framework.version.clone(),
        view,
        members,
        without_view,
        competencies,
        levels: (0..framework.levels.len())
            .filter(|&l| on_some(l))
            .map(|l| framework.levels[l].id.clone())
            .collect(),
        level_ranks: (0..framework.levels.len())
            .filter(|&l| on_some(l))
            .map(|l| on.iter().find_map(|ladder| ladder.rank(l)).unwrap_or(0))
            .collect(),
        max_rank: on.iter().map(|l| l.top_rank()).max().unwrap_or(0),
        over_time: None,
    }
}

/// One person's row, from the scorecards of that person; `None` when the view has no assessment.
fn member(
    framework: &Framework,
    ladders: &Ladders,
    offsets: &[usize],
    scorecards: &[&Scorecard],
    view: View,
) -> Option<Member> {
    let subject = scorecards.first()?.subject.clone();
    // The standings, coverage, best fit and targets met of one set of values.
    let scored = |track: Option<usize>, value: &dyn Fn(usize) -> Option<RatingValue>| {
        let (ladder, targets) = ladders.of(track);
        let profile: Profile = profile_of(framework, ladder, offsets, value);
        let meets = profile
            .competencies
            .iter()
            .map(|result| {
                let target =
                    targets.and_then(|t| t.levels.get(result.competency).copied().flatten());
                target
                    .and_then(|l| Some(Gap::of(result, l, ladder.rank(l)?).met()))
                    .unwrap_or(false)
            })
            .collect();
        (
            profile
                .competencies
                .iter()
                .map(|result| Standing::of(framework, result))
                .collect(),
            profile.coverage(),
            NamedFit::of(framework, &profile),
            meets,
            ladder.track().map(|t| framework.tracks[t].id.clone()),
        )
    };
    match view {
        View::Relation(relation) => {
            // Several raters of one relation (two peers): the latest counts.
            let scorecard = scorecards
                .iter()
                .filter(|s| s.relation == relation)
                .max_by(|a, b| a.order_key().cmp(&b.order_key()))?;
            let (competencies, coverage, fit, meets, track) =
                scored(scorecard.track, &|p| scorecard.cells[p].value(framework));
            Some(Member {
                subject,
                file: Some(scorecard.file.display().to_string()),
                complete: scorecard.is_complete(),
                raters: 1,
                competencies,
                coverage,
                fit,
                meets,
                track,
            })
        }
        View::Consensus => {
            let others: Vec<&Scorecard> = scorecards
                .iter()
                .copied()
                .filter(|s| s.relation != Relation::SelfRating)
                .collect();
            if others.is_empty() {
                return None;
            }
            let cells: Vec<Option<RatingValue>> = (0..framework.indicator_count())
                .map(|p| consensus(others.iter().map(|s| s.cells[p].value(framework))))
                .collect();
            // The track of the latest of the other raters' files.
            let recorded = others
                .iter()
                .max_by(|a, b| a.order_key().cmp(&b.order_key()))
                .and_then(|s| s.track);
            let (competencies, coverage, fit, meets, track) = scored(recorded, &|p| cells[p]);
            Some(Member {
                subject,
                file: None,
                complete: others.iter().all(|s| s.is_complete()),
                raters: others.len(),
                competencies,
                coverage,
                fit,
                meets,
                track,
            })
        }
    }
}
