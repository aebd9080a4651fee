//! What an adaptive walk skips: the levels above one that can no longer reach the threshold,
//! worked out when the walk starts and kept up to date per answer.

use super::{Item, Walk};
use crate::assessment::RatingValue;

impl<'f> Walk<'f> {
    /// Whether the walk leaves an item out: unanswered, in a level an adaptive walk skips.
    pub(super) fn left_out(&self, item: &Item, reach: &Reach) -> bool {
        reach.skips(item) && self.rating_of(item).is_none()
    }

    /// Which levels an adaptive walk skips now: worked out when the walk starts and kept up
    /// to date per answer, so that a step costs the same whatever the size of the framework.
    pub(super) fn reach(&self) -> &Reach {
        &self.reach
    }

    /// Which levels an adaptive walk skips, worked out from all the answers.
    pub(super) fn reach_now(&self) -> Reach {
        if !self.adaptive {
            return Reach(Vec::new());
        }
        Reach(
            (0..self.framework.competencies.len())
                .map(|c| self.reach_of(c))
                .collect(),
        )
    }

    /// An answer in `competency` changed: work out again which of its levels are skipped
    /// (one competency's indicators, not the whole framework's).
    pub(super) fn update_reach(&mut self, competency: usize) {
        if !self.adaptive {
            return;
        }
        let levels = self.reach_of(competency);
        if let Some(row) = self.reach.0.get_mut(competency) {
            *row = levels;
        }
    }

    /// Per level of one competency: whether a lower level can no longer reach the threshold.
    fn reach_of(&self, c: usize) -> Vec<bool> {
        let demonstrated_at = self.framework.demonstrated_at_of(c);
        let mut below_out_of_reach = false;
        self.framework.competencies[c]
            .levels
            .iter()
            .map(|level| {
                let skipped = below_out_of_reach;
                below_out_of_reach =
                    below_out_of_reach || self.out_of_reach(level, demonstrated_at);
                skipped
            })
            .collect()
    }

    /// Whether a level can no longer reach the threshold, even if every indicator of it still
    /// unanswered were demonstrated.
    fn out_of_reach(
        &self,
        level: &crate::framework::CompetencyLevel,
        demonstrated_at: u32,
    ) -> bool {
        let (mut rated, mut demonstrated, mut open) = (0usize, 0usize, 0usize);
        for indicator in &level.indicators {
            match self.ratings.get(&indicator.id).map(|r| r.value) {
                Some(RatingValue::Scale(v)) => {
                    rated += 1;
                    if v >= demonstrated_at {
                        demonstrated += 1;
                    }
                }
                Some(RatingValue::NotApplicable) => {}
                None => open += 1,
            }
        }
        rated + open > 0
            && ((demonstrated + open) as f64 / (rated + open) as f64) < self.framework.threshold
    }
}

/// Per competency, per level: whether an adaptive walk skips the level's unanswered
/// indicators, because a lower level can no longer reach the threshold. Empty for a walk that
/// asks everything.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reach(pub(super) Vec<Vec<bool>>);

impl Reach {
    pub(super) fn skips(&self, item: &Item) -> bool {
        self.0
            .get(item.competency)
            .and_then(|levels| levels.get(item.level))
            .copied()
            .unwrap_or(false)
    }
}
