//! What an adaptive walk skips: the levels above one that can no longer reach the threshold,
//! worked out when the walk starts and kept up to date per answer, and so how many indicators
//! it asks.

use std::ops::Range;

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
        let count = self.count_asked(competency);
        if let Some(counted) = self.asked.counts.get_mut(competency) {
            *counted = count;
        }
    }

    /// Count again, for every competency, the indicators the walk asks (after the items or
    /// the reach changed as a whole).
    pub(super) fn recount_asked(&mut self) {
        let competencies = self.framework.competencies.len();
        let mut spans = vec![0..0; competencies];
        for (p, item) in self.items.iter().enumerate() {
            let span: &mut Range<usize> = &mut spans[item.competency];
            if span.start == span.end {
                *span = p..p + 1;
            } else {
                span.end = p + 1;
            }
        }
        self.asked.spans = spans;
        self.asked.counts = (0..competencies).map(|c| self.count_asked(c)).collect();
    }

    /// The indicators of competency `c` the walk asks: those not left out.
    fn count_asked(&self, c: usize) -> usize {
        let span = self.asked.spans.get(c).cloned().unwrap_or(0..0);
        let reach = self.reach();
        self.items[span]
            .iter()
            .filter(|item| !self.left_out(item, reach))
            .count()
    }

    /// How many indicators the walk asks.
    pub(super) fn asked_total(&self) -> usize {
        self.asked.counts.iter().sum()
    }

    /// How many of the indicators the walk asks are at `position` or before it: the number of
    /// the one at `position`, counting only its own competency's indicators one by one.
    pub(super) fn asked_up_to(&self, position: usize) -> usize {
        let Some(item) = self.items.get(position) else {
            return self.asked_total();
        };
        let c = item.competency;
        let start = self.asked.spans[c].start;
        let reach = self.reach();
        let before: usize = self.asked.counts[..c].iter().sum();
        before
            + self.items[start..=position]
                .iter()
                .filter(|item| !self.left_out(item, reach))
                .count()
    }

    /// The position of the indicator asked `number`th (1-based), if there is one.
    pub(super) fn asked_at(&self, number: usize) -> Option<usize> {
        let mut before = 0;
        for (c, &count) in self.asked.counts.iter().enumerate() {
            if number > before + count {
                before += count;
                continue;
            }
            let reach = self.reach();
            return self.asked.spans[c]
                .clone()
                .filter(|&p| !self.left_out(&self.items[p], reach))
                .nth(number.checked_sub(before + 1)?);
        }
        None
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

/// How many indicators the walk asks per competency, kept up to date with the reach, so that
/// numbering a question costs a sum over the competencies and one competency's indicators,
/// not every indicator of the framework.
#[derive(Debug, Clone, Default)]
pub(super) struct Asked {
    /// Per competency, the positions of its items in walk order (they follow each other).
    spans: Vec<Range<usize>>,
    /// Per competency, how many of its items the walk asks.
    counts: Vec<usize>,
}
