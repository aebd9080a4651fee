//! Moving through the walk: answering, going on, going back, jumping from the review.

use super::{Notice, Phase, Step, Walk};
use crate::assessment::{Rating, RatingValue};

impl<'f> Walk<'f> {
    /// Show indicator `number` (1-based among those asked); moving on from it returns to the
    /// review.
    pub(super) fn jump(&mut self, number: usize) -> Step {
        match self.asked_at(number) {
            Some(p) => {
                self.phase = Phase::Asking;
                self.position = p;
                self.back_to_review = true;
                Step::Redraw
            }
            None => Step::Redraw,
        }
    }

    /// To the review screen, unless an indicator not passed over still waits for an answer.
    pub(super) fn review(&mut self) -> Step {
        self.back_to_review = false;
        if let Some(p) = self.first_waiting() {
            return self.enter_at(p);
        }
        self.phase = Phase::Review;
        self.position = self.items.len();
        Step::Redraw
    }

    pub(super) fn answer(&mut self, value: RatingValue) -> Step {
        let Some(item) = self.items.get(self.position).copied() else {
            return Step::Finished;
        };
        let id = self.indicator(&item).id.clone();
        let note = match self.ratings.get(&id) {
            Some(rating) => rating.note.clone(),
            None => self
                .drafts
                .remove(&id)
                .or_else(|| self.earlier_note(&id).map(str::to_string)),
        };
        self.ratings.insert(id, Rating { value, note });
        self.update_reach(item.competency);
        self.previous = Some(self.position);
        self.advance();
        Step::Answered
    }

    /// Move on. After a jump from the review screen, back to it; while reviewing answers
    /// behind the furthest point reached, to the next indicator; from there on, to the next
    /// unanswered one; past the last, to the first still unanswered anywhere, and when there
    /// is none, to the review screen.
    pub(super) fn advance(&mut self) -> Step {
        if self.back_to_review {
            return self.review();
        }
        let reviewing = self.position < self.furthest;
        let reach = self.reach();
        let next = (self.position + 1..self.items.len())
            .find(|&p| {
                let item = &self.items[p];
                !self.left_out(item, reach)
                    && (reviewing || (self.rating_of(item).is_none() && !self.passed.contains(&p)))
            })
            .or_else(|| self.first_waiting());
        match next {
            Some(p) => self.enter_at(p),
            None => self.review(),
        }
    }

    pub(super) fn enter_at(&mut self, position: usize) -> Step {
        if position >= self.items.len() || self.left_out(&self.items[position], self.reach()) {
            return match self.first_waiting() {
                Some(p) => self.enter_at(p),
                None => self.review(),
            };
        }
        self.phase = Phase::Asking;
        self.position = position;
        self.furthest = self.furthest.max(position);
        Step::Redraw
    }

    pub(super) fn back(&mut self) -> Step {
        self.back_to_review = false;
        let reach = self.reach();
        match (0..self.position)
            .rev()
            .find(|&p| !self.left_out(&self.items[p], reach))
        {
            Some(p) => {
                self.position = p;
                Step::Redraw
            }
            None => {
                self.notice = Some(Notice::AtFirst);
                Step::Redraw
            }
        }
    }

    /// Leave the indicator on screen unanswered and go on (`s`): moving on does not come back
    /// to it; the review screen names it, and `--resume` asks it. A rated one keeps its rating.
    pub(super) fn pass(&mut self) -> Step {
        if self.current_rating().is_none() {
            self.passed.insert(self.position);
        }
        self.advance()
    }

    /// The first indicator to ask that has no answer and was not passed over.
    pub(super) fn first_waiting(&self) -> Option<usize> {
        let reach = self.reach();
        (0..self.items.len()).find(|&p| {
            let item = &self.items[p];
            self.rating_of(item).is_none() && !reach.skips(item) && !self.passed.contains(&p)
        })
    }

    /// The first indicator to ask that has no answer.
    pub(super) fn first_open(&self) -> Option<usize> {
        let reach = self.reach();
        self.items
            .iter()
            .position(|item| self.rating_of(item).is_none() && !reach.skips(item))
    }
}
