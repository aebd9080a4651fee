//! What a person asked to be measured against (`--target`, `--target-level`, or the target
//! saved in an assessment), and the level it asks of each competency.

use crate::error::BadInput;
use crate::framework::{Framework, Ladder};

/// The level each competency should reach; `None` where no target applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetLevels {
    /// Framework level index per competency index.
    pub levels: Vec<Option<usize>>,
}

/// What a person asked to be measured against (docs/FORMAT.md, Scoring).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetRequest {
    /// A target (role) id from the framework's `targets`.
    pub role: Option<String>,
    /// One level id for every competency.
    pub level: Option<String>,
    /// `COMPETENCY=LEVEL` pairs, applied last, later ones winning.
    pub per_competency: Vec<(String, String)>,
}

impl TargetRequest {
    /// Whether any target was asked for.
    pub fn is_empty(&self) -> bool {
        self.role.is_none() && self.level.is_none() && self.per_competency.is_empty()
    }

    /// Resolve against a framework on its default ladder.
    pub fn resolve(&self, framework: &Framework) -> Result<TargetLevels, BadInput> {
        self.resolve_on(framework, &framework.default_ladder())
    }

    /// Resolve against a framework: role first, then `--target-level`, then each pair.
    /// Every unknown id, and every level that is not on the ladder, is reported, one message
    /// each.
    pub fn resolve_on(
        &self,
        framework: &Framework,
        ladder: &Ladder,
    ) -> Result<TargetLevels, BadInput> {
        let mut levels = vec![None; framework.competencies.len()];
        let mut problems = Vec::new();
        let known_levels = || {
            framework
                .levels
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(role) = &self.role {
            match framework.target(role) {
                Some(target) => {
                    for &(c, l) in &target.levels {
                        levels[c] = Some(l);
                    }
                }
                None if framework.targets.is_empty() => problems.push(format!(
                    "unknown target {role:?}: framework {} defines no targets (use --target-level LEVEL or --target COMPETENCY=LEVEL)",
                    framework.id
                )),
                None => problems.push(format!(
                    "unknown target {role:?}; known targets: {}",
                    framework
                        .targets
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
        if let Some(level) = &self.level {
            match framework.level_index(level) {
                Some(l) => levels.iter_mut().for_each(|slot| *slot = Some(l)),
                None => problems.push(format!(
                    "unknown level {level:?}; known levels: {}",
                    known_levels()
                )),
            }
        }
        for (competency, level) in &self.per_competency {
            let c = framework.competency_index(competency);
            let l = framework.level_index(level);
            if c.is_none() {
                problems.push(format!(
                    "unknown competency {competency:?} in --target {competency}={level}; known competencies: {}",
                    framework
                        .competencies
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if l.is_none() {
                problems.push(format!(
                    "unknown level {level:?} in --target {competency}={level}; known levels: {}",
                    known_levels()
                ));
            }
            if let (Some(c), Some(l)) = (c, l) {
                levels[c] = Some(l);
            }
        }
        if problems.is_empty() {
            let off: Vec<String> = levels
                .iter()
                .zip(&framework.competencies)
                .filter_map(|(level, competency)| {
                    let level = (*level)?;
                    (!ladder.contains(level)).then(|| {
                        format!(
                            "target level {:?} for {} is not on the ladder being scored ({}); its levels are: {}",
                            framework.levels[level].id,
                            competency.id,
                            ladder.name(),
                            ladder
                                .levels()
                                .iter()
                                .map(|&l| framework.levels[l].id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })
                })
                .collect();
            problems.extend(off);
        }
        if problems.is_empty() {
            Ok(TargetLevels { levels })
        } else {
            Err(BadInput::many(problems))
        }
    }
}
