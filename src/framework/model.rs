//! The validated, in-memory shape of a competency framework (format 1).
//!
//! Every value here has passed validation: ids are unique, references resolve, a competency's
//! levels follow the framework order. Code that receives a [`Framework`] can index freely.

use serde::Serialize;

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
    /// Share of a level's rated indicators that must be demonstrated, in (0, 1].
    pub threshold: f64,
    /// Framework-wide levels, lowest first; a level's rank is its index + 1.
    pub levels: Vec<Level>,
    /// The competencies, in file order.
    pub competencies: Vec<Competency>,
    /// Named target profiles (roles, contexts).
    pub targets: Vec<Target>,
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

/// A framework-wide growth level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level {
    /// Slug referenced by competencies and targets.
    pub id: String,
    /// Human name.
    pub name: String,
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
    /// Optional description.
    pub description: Option<String>,
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
    /// Behavioural indicators; may be empty (an empty level imposes no requirement).
    pub indicators: Vec<Indicator>,
}

/// A behavioural indicator a person rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indicator {
    /// Unique across the framework; explicit or derived as `<competency>.<level>.<n>`.
    pub id: String,
    /// What the person rates.
    pub text: String,
    /// Optional details shown while rating.
    pub examples: Vec<String>,
}

/// A titled list of guidance attached to a competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guidance {
    /// E.g. "Reflection questions".
    pub title: String,
    /// The items of the list.
    pub items: Vec<String>,
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
    /// (competency index, level index) pairs, in file order.
    pub levels: Vec<(usize, usize)>,
}

impl Framework {
    /// Rank (1-based position) of the framework level at `level_index`.
    pub fn rank(&self, level_index: usize) -> usize {
        level_index + 1
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
