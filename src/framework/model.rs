//! The validated, in-memory shape of a competency framework (format 1).
//!
//! Every value here has passed validation: ids are unique, references resolve, a competency's
//! levels follow the framework order. Code that receives a [`Framework`] can index freely.

use serde::Serialize;

use crate::error::BadInput;

/// A competency framework: ordered growth levels and the competencies rated against them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Framework {
    /// Slug that identifies the framework among those loaded.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Author's version string.
    pub version: String,
    /// Longer description, if any.
    pub description: Option<String>,
    /// Citation, URL or licence note for the framework text.
    pub source: Option<String>,
    /// The rating scale, strictly increasing by value.
    pub scale: Vec<ScalePoint>,
    /// A rating `>=` this counts as demonstrated.
    pub demonstrated_at: u32,
    /// Share of a level's counted indicators that must be demonstrated, in (0, 1].
    pub threshold: f64,
    /// Whether a lower level gates a higher one (`gating: false`: levels are phases, each
    /// tested on its own).
    pub gating: bool,
    /// Share of the competencies a role names that must be met for the role to fit, in (0, 1]
    /// (section 10; 1 unless the framework sets `role_fit`).
    pub role_fit: f64,
    /// Whether every demonstrated rating should come with a note (`evidence: required`).
    pub evidence_required: bool,
    /// Framework-wide levels, lowest first; a level's rank is its index + 1.
    pub levels: Vec<Level>,
    /// Areas or themes that gather competencies, in file order.
    pub groups: Vec<Group>,
    /// Ladders over some of the levels (tracks that share lower levels and fork), in file order.
    pub tracks: Vec<Track>,
    /// The competencies, in file order.
    pub competencies: Vec<Competency>,
    /// Named target profiles (roles, contexts).
    pub targets: Vec<Target>,
    /// Titled lists about the whole framework (closing advice, references).
    pub guidance: Vec<Guidance>,
    /// Every value of the framework's scale and of the competencies' own scales, ascending:
    /// what a compact rating indexes.
    #[serde(skip)]
    pub(super) rating_values: Vec<u32>,
    /// A value worked out once per indicator from its text (its text print), shared by every
    /// file fitted to this framework.
    #[serde(skip)]
    pub(super) kept: PerIndicator,
}

/// One value per indicator, each worked out the first time it is asked for. A copy starts
/// empty: its texts may be changed (a translation).
#[derive(Default)]
pub struct PerIndicator(std::sync::OnceLock<Box<[std::sync::OnceLock<String>]>>);

impl Clone for PerIndicator {
    fn clone(&self) -> Self {
        PerIndicator::default()
    }
}

impl PartialEq for PerIndicator {
    /// What is kept follows from the texts: it never makes two frameworks differ.
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for PerIndicator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PerIndicator")
    }
}

/// A scale of its own (a competency's or a group's) with the rating from which it counts as
/// demonstrated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnScale {
    /// The points, strictly increasing by value.
    pub scale: Vec<ScalePoint>,
    /// A rating `>=` this counts as demonstrated.
    pub demonstrated_at: u32,
}

/// An area or theme that gathers competencies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Slug named by a competency's `group`.
    pub id: String,
    /// Human name, shown as a heading.
    pub name: String,
    /// The framework's own code for it (e.g. "4.2"), shown beside its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Optional description.
    pub description: Option<String>,
    /// The group's own scale for its competencies, when it declares one.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub scale: Option<OwnScale>,
    /// The group's own `threshold` for its competencies' levels, when it declares one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
}

/// A track: the framework levels one career path climbs, lowest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Track {
    /// Slug given to `--track`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
    /// Indices into [`Framework::levels`], in framework order.
    pub levels: Vec<usize>,
}

/// The levels a score is ranked against, lowest first: every framework level, or a track's.
///
/// Scoring takes a ladder and knows nothing else about tracks: a level's rank is its position
/// on the ladder (1-based), and a level not on the ladder is neither required nor attainable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ladder {
    /// Framework level indices on the ladder, lowest first.
    levels: Vec<usize>,
    /// Rank per framework level index; `None` when the level is not on the ladder.
    ranks: Vec<Option<usize>>,
    /// What the ladder is called in messages ("track ic").
    name: String,
    /// The track it is, by index, when it is a track's.
    track: Option<usize>,
}

impl Ladder {
    /// A ladder of these framework level indices (lowest first) out of `level_count` levels.
    pub fn new(levels: Vec<usize>, level_count: usize, name: impl Into<String>) -> Ladder {
        let mut ranks = vec![None; level_count];
        for (position, &level) in levels.iter().enumerate() {
            if let Some(slot) = ranks.get_mut(level) {
                *slot = Some(position + 1);
            }
        }
        Ladder {
            levels,
            ranks,
            name: name.into(),
            track: None,
        }
    }

    /// The track this ladder is, by index into [`Framework::tracks`], when it is a track's.
    pub fn track(&self) -> Option<usize> {
        self.track
    }

    /// What the ladder is called in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rank of a framework level on this ladder, `None` when the level is not on it.
    pub fn rank(&self, level: usize) -> Option<usize> {
        self.ranks.get(level).copied().flatten()
    }

    /// Whether a framework level is on this ladder.
    pub fn contains(&self, level: usize) -> bool {
        self.rank(level).is_some()
    }

    /// The framework level indices on the ladder, lowest first.
    pub fn levels(&self) -> &[usize] {
        &self.levels
    }

    /// The highest rank on the ladder.
    pub fn top_rank(&self) -> usize {
        self.levels.len()
    }
}

/// One point of the rating scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScalePoint {
    /// The number a person types to give this rating.
    pub value: u32,
    /// What the rating means, e.g. "Often".
    pub label: String,
    /// Optional longer explanation shown with the scale.
    pub description: Option<String>,
}

/// The scale a competency's indicators are rated on, borrowed from the framework or the
/// competency (see [`Framework::rating_scale`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingScale<'f> {
    /// The points, strictly increasing by value.
    pub points: &'f [ScalePoint],
    /// A rating `>=` this counts as demonstrated.
    pub demonstrated_at: u32,
    /// Whether it is the competency's own (or its group's), not the framework's.
    pub own: bool,
}

impl<'f> RatingScale<'f> {
    /// The point with this value.
    pub fn point(&self, value: u32) -> Option<&'f ScalePoint> {
        self.points.iter().find(|p| p.value == value)
    }
}

/// A framework-wide growth level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level {
    /// Slug referenced by competencies and targets.
    pub id: String,
    /// Human name.
    pub name: String,
    /// The framework's own code for it (e.g. "4.2"), shown beside its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Optional description.
    pub description: Option<String>,
}

/// A competency: a ladder of some of the framework's levels, each with indicators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Competency {
    /// Unique within the framework.
    pub id: String,
    /// Human name.
    pub name: String,
    /// The framework's own code for it (e.g. "4.2"), shown beside its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Optional description.
    pub description: Option<String>,
    /// Index into [`Framework::groups`] of the group it belongs to, if any.
    pub group: Option<usize>,
    /// The scale its indicators are rated on when it is not the framework's: its own, or its
    /// group's.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub scale: Option<OwnScale>,
    /// Its own `threshold` for its levels, when it declares one (else its group's, else the
    /// framework's: see [`Framework::threshold_of`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Its own `gating`, when it declares one (else the framework's: see
    /// [`Framework::gating_of`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gating: Option<bool>,
    /// The levels this competency lists, in framework order.
    pub levels: Vec<CompetencyLevel>,
    /// Titled lists: key points, reflection questions, activities, courses.
    pub guidance: Vec<Guidance>,
}

/// One rung of a competency's ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyLevel {
    /// Index into [`Framework::levels`] (rank - 1).
    pub level: usize,
    /// Competency-specific title for this level, if the framework gives one.
    pub title: Option<String>,
    /// What this competency looks like at this level, if the framework says.
    pub description: Option<String>,
    /// Examples of this competency at this level.
    pub examples: Vec<String>,
    /// Whether a demonstrated rating here should come with a note (`evidence: required`).
    pub evidence_required: bool,
    /// Behavioural indicators; may be empty (an empty level imposes no requirement).
    pub indicators: Vec<Indicator>,
}

/// A behavioural indicator a person rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indicator {
    /// Unique across the framework; explicit or derived as `<competency>.<level>.<n>`.
    pub id: String,
    /// The framework's own code for it (e.g. "4.2"), shown beside its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What the person rates.
    pub text: String,
    /// What it is: a free label (knowledge, skill, attitude, behaviour, or the framework's own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Optional details shown while rating.
    pub examples: Vec<String>,
    /// Where the text comes from when it is not the framework's own (e.g. a quoted author).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// A titled list of guidance attached to a competency or to the whole framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guidance {
    /// E.g. "Reflection questions".
    pub title: String,
    /// The items of the list.
    pub items: Vec<String>,
    /// Said with the list, e.g. why it is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A named target profile: the level each listed competency should reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// Slug given to `--target`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
    /// Index into [`Framework::tracks`] of the track the target is on, if it names one.
    pub track: Option<usize>,
    /// (competency index, level index) pairs, in file order.
    pub levels: Vec<(usize, usize)>,
}

/// A name with the framework's own code beside it, as every output shows it.
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
labelled!(Group, Level, Competency);

impl Indicator {
    /// Its text with its code and kind (`Refines a search [LO1.1.02] (kind: skill)`), or the
    /// text alone.
    pub fn label(&self) -> std::borrow::Cow<'_, str> {
        crate::words::indicator_label(&self.text, self.code.as_deref(), self.kind.as_deref())
    }
}

impl Framework {
    /// The value `work` gives the text `text` of the indicator at `position` (in
    /// [`Framework::indicators`] order), worked out the first time and kept with the
    /// framework; `None` for a position past the last indicator.
    pub fn kept_for_indicator(
        &self,
        position: usize,
        text: &str,
        work: impl FnOnce(&str) -> String,
    ) -> Option<&str> {
        let slots = self.kept.0.get_or_init(|| {
            (0..self.indicator_count())
                .map(|_| std::sync::OnceLock::new())
                .collect()
        });
        Some(slots.get(position)?.get_or_init(|| work(text)).as_str())
    }

    /// Rank (1-based position) of the framework level at `level_index`.
    pub fn rank(&self, level_index: usize) -> usize {
        level_index + 1
    }

    /// Index of the track with this id.
    pub fn track_index(&self, id: &str) -> Option<usize> {
        self.tracks.iter().position(|t| t.id == id)
    }

    /// The ladder of a track (by index), or of every framework level when `track` is `None`.
    pub fn ladder(&self, track: Option<usize>) -> Ladder {
        match track.and_then(|t| self.tracks.get(t)) {
            Some(found) => Ladder {
                track,
                ..Ladder::new(
                    found.levels.clone(),
                    self.levels.len(),
                    format!("track {}", found.id),
                )
            },
            None => Ladder::new(
                (0..self.levels.len()).collect(),
                self.levels.len(),
                "the framework's levels",
            ),
        }
    }

    /// The ladder used when no track is asked for: the first track's, or every level's.
    pub fn default_ladder(&self) -> Ladder {
        self.ladder(self.default_track())
    }

    /// The track used when none is asked for: the first one, if the framework has tracks.
    pub fn default_track(&self) -> Option<usize> {
        (!self.tracks.is_empty()).then_some(0)
    }

    /// The track asked for by id (`--track`), or the default one; an unknown id is an error
    /// that lists the tracks.
    pub fn choose_track(&self, asked: Option<&str>) -> Result<Option<usize>, BadInput> {
        let Some(asked) = asked else {
            return Ok(self.default_track());
        };
        if let Some(index) = self.track_index(asked) {
            return Ok(Some(index));
        }
        if self.tracks.is_empty() {
            return Err(BadInput::new(format!(
                "unknown track {asked:?}: framework {} defines no tracks (leave out --track)",
                self.id
            )));
        }
        Err(BadInput::new(format!(
            "unknown track {asked:?}; the tracks of {} are: {}",
            self.id,
            self.tracks
                .iter()
                .map(|t| format!("{} ({})", t.id, t.name))
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }

    /// An error when a target (role) that names a track is used on another track.
    pub fn check_target_track(&self, target: &str, track: Option<usize>) -> Result<(), BadInput> {
        let Some(target) = self.target(target) else {
            return Ok(());
        };
        match (target.track, track) {
            (Some(own), Some(asked)) if own != asked => Err(BadInput::new(format!(
                "target {:?} is on track {:?}, not {:?}; use --track {} with it",
                target.id, self.tracks[own].id, self.tracks[asked].id, self.tracks[own].id
            ))),
            _ => Ok(()),
        }
    }

    /// The group a competency belongs to, if any.
    pub fn group_of(&self, competency: &Competency) -> Option<&Group> {
        competency.group.and_then(|g| self.groups.get(g))
    }

    /// Index of the level with this id.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }

    /// Index of the competency with this id.
    pub fn competency_index(&self, id: &str) -> Option<usize> {
        self.competencies.iter().position(|c| c.id == id)
    }

    /// The target with this id.
    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// The scale point with this value.
    pub fn scale_point(&self, value: u32) -> Option<&ScalePoint> {
        self.scale.iter().find(|p| p.value == value)
    }

    /// The scale a competency's indicators are rated on, with its `demonstrated_at`.
    pub fn rating_scale<'f>(&'f self, competency: &'f Competency) -> RatingScale<'f> {
        match &competency.scale {
            Some(own) => RatingScale {
                points: &own.scale,
                demonstrated_at: own.demonstrated_at,
                own: true,
            },
            None => self.framework_scale(),
        }
    }

    /// The framework's own scale, with its `demonstrated_at`.
    pub fn framework_scale(&self) -> RatingScale<'_> {
        RatingScale {
            points: &self.scale,
            demonstrated_at: self.demonstrated_at,
            own: false,
        }
    }

    /// The scale the indicators of a competency (by index) are rated on: its own or its
    /// group's, else the framework's.
    pub fn scale_of(&self, competency: usize) -> &[ScalePoint] {
        match self
            .competencies
            .get(competency)
            .and_then(|c| c.scale.as_ref())
        {
            Some(own) => &own.scale,
            None => &self.scale,
        }
    }

    /// The rating from which an indicator of a competency (by index) counts as demonstrated.
    pub fn demonstrated_at_of(&self, competency: usize) -> u32 {
        match self
            .competencies
            .get(competency)
            .and_then(|c| c.scale.as_ref())
        {
            Some(own) => own.demonstrated_at,
            None => self.demonstrated_at,
        }
    }

    /// The share of a level's counted indicators of a competency (by index) that must be
    /// demonstrated: the competency's own `threshold`, else its group's, else the framework's.
    pub fn threshold_of(&self, competency: usize) -> f64 {
        let Some(c) = self.competencies.get(competency) else {
            return self.threshold;
        };
        c.threshold
            .or_else(|| self.group_of(c).and_then(|g| g.threshold))
            .unwrap_or(self.threshold)
    }

    /// Whether a lower level of a competency (by index) gates a higher one: its own `gating`,
    /// else the framework's. `false`: the levels are phases, each tested on its own.
    pub fn gating_of(&self, competency: usize) -> bool {
        self.competencies
            .get(competency)
            .and_then(|c| c.gating)
            .unwrap_or(self.gating)
    }

    /// Whether some competency's levels are phases (`gating: false`).
    pub fn has_phases(&self) -> bool {
        (0..self.competencies.len()).any(|c| !self.gating_of(c))
    }

    /// The point with this value on the scale of a competency (by index).
    pub fn point_of(&self, competency: usize, value: u32) -> Option<&ScalePoint> {
        self.scale_of(competency).iter().find(|p| p.value == value)
    }

    /// Every value of the framework's scale and of the competencies' own scales, ascending.
    pub fn rating_values(&self) -> &[u32] {
        &self.rating_values
    }

    /// Whether some competency is rated on a scale other than the framework's.
    pub fn has_own_scales(&self) -> bool {
        self.competencies.iter().any(|c| c.scale.is_some())
    }

    /// Every indicator, in walk order, with its competency and competency-level indices.
    pub fn indicators(&self) -> impl Iterator<Item = (usize, usize, &Indicator)> {
        self.competencies.iter().enumerate().flat_map(|(ci, c)| {
            c.levels
                .iter()
                .enumerate()
                .flat_map(move |(li, l)| l.indicators.iter().map(move |i| (ci, li, i)))
        })
    }

    /// Number of indicators in the framework.
    pub fn indicator_count(&self) -> usize {
        self.competencies
            .iter()
            .flat_map(|c| &c.levels)
            .map(|l| l.indicators.len())
            .sum()
    }

    /// The title shown for a competency level: its own title, else the framework level's name.
    pub fn level_title<'a>(&'a self, level: &'a CompetencyLevel) -> &'a str {
        level
            .title
            .as_deref()
            .unwrap_or(&self.levels[level.level].name)
    }

    /// Like [`Framework::level_title`], with the level's code beside its name when the
    /// competency gives no title of its own.
    pub fn level_label<'a>(&'a self, level: &'a CompetencyLevel) -> std::borrow::Cow<'a, str> {
        match &level.title {
            Some(title) => title.into(),
            None => self.levels[level.level].label(),
        }
    }
}

/// The scale used when a framework gives none.
pub fn default_scale() -> Vec<ScalePoint> {
    [
        (1, "Rarely"),
        (2, "Sometimes"),
        (3, "Often"),
        (4, "Consistently"),
    ]
    .into_iter()
    .map(|(value, label)| ScalePoint {
        value,
        label: label.to_string(),
        description: None,
    })
    .collect()
}

/// `demonstrated_at` when a framework gives none.
pub const DEFAULT_DEMONSTRATED_AT: u32 = 3;

/// `threshold` when a framework gives none.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// `role_fit` when a framework gives none: a role fits when every competency it names is met.
pub const DEFAULT_ROLE_FIT: f64 = 1.0;
