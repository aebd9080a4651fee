//! Screens out: what the terminal layer draws after each key.

use super::{Phase, Walk};
use crate::assessment::Ratings;
use crate::assessment::{Rating, RatingValue};
use crate::framework::{Competency, CompetencyLevel, Indicator};

/// Something to tell the person on the next screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The digits typed name no scale value.
    NotOnScale(String),
    /// Back was pressed on the first indicator.
    AtFirst,
    /// Enter or Right on an indicator that has no rating yet.
    RateFirst,
    /// A key the walk does not use.
    UnknownKey,
    /// A note was saved for an indicator not rated yet: the rating will join it.
    NoteHeld,
    /// The note was saved.
    NoteSaved,
    /// The note was removed.
    NoteRemoved,
    /// Enter was expected on the opening screen.
    PressEnter,
    /// The number typed on the review screen names no indicator.
    NoSuchIndicator(String),
    /// A key the review screen does not use.
    ReviewKeys,
}

/// The screen to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen<'w> {
    /// Before the first indicator: what is about to be rated and how.
    Opening(Opening<'w>),
    /// One indicator to rate.
    Question(Question<'w>),
    /// Every indicator to ask is answered or passed over: a last look before finishing.
    Review(Review<'w>),
    /// Finished.
    Done,
}

/// The review screen's facts: the profile is computed from `ratings` by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Review<'w> {
    /// The ratings given.
    pub ratings: &'w Ratings,
    /// Indicators asked.
    pub total: usize,
    /// The numbers of those passed over with `s` and still unanswered (else all are answered).
    pub unanswered: Vec<usize>,
    /// Of those, how many are not applicable.
    pub not_applicable: usize,
    /// Indicators an adaptive walk left out: their level is out of reach.
    pub skipped: usize,
    /// Notes kept on indicators that have no rating (left out by an adaptive walk).
    pub unrated_notes: usize,
    /// Digits typed so far toward an indicator number.
    pub typed: &'w str,
    /// A message for the person.
    pub notice: Option<&'w Notice>,
}

/// The opening screen's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening<'w> {
    /// Competencies in the framework.
    pub competencies: usize,
    /// Indicators in the framework.
    pub indicators: usize,
    /// Indicators already answered (when resuming).
    pub answered: usize,
    /// Whether out-of-reach levels are skipped.
    pub adaptive: bool,
    /// The name of the track rated, when the framework has tracks.
    pub track: Option<&'w str>,
    /// Whether every indicator to ask is answered already: Enter opens the review.
    pub complete: bool,
    /// Whether the walk starts from a previous assessment: each indicator shows last time's
    /// rating, which Enter keeps.
    pub revisiting: bool,
    /// Whether the screen asks whose assessment this is (nothing names the person yet).
    pub ask_name: bool,
    /// A message for the person.
    pub notice: Option<&'w Notice>,
}

/// One indicator and everything shown with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question<'w> {
    /// The competency the indicator belongs to.
    pub competency: &'w Competency,
    /// The title of the indicator's level in that competency.
    pub level_title: &'w str,
    /// The indicator's level in that competency (its description and examples).
    pub level: &'w CompetencyLevel,
    /// The indicator.
    pub indicator: &'w Indicator,
    /// 1-based position among the indicators to ask.
    pub number: usize,
    /// How many indicators are to be asked.
    pub total: usize,
    /// How many indicators are skipped (adaptive walk: levels out of reach).
    pub skipped: usize,
    /// The rating given, when going back to an answered indicator.
    pub rating: Option<&'w Rating>,
    /// Last time's rating, when the walk starts from a previous assessment and this indicator
    /// is not answered yet: Enter keeps it.
    pub earlier: Option<&'w Rating>,
    /// A note typed before the indicator was rated.
    pub draft_note: Option<&'w str>,
    /// Digits typed so far toward a multi-digit scale value.
    pub typed: &'w str,
    /// Whether to show the scale with the question.
    pub show_scale: bool,
    /// A message for the person.
    pub notice: Option<&'w Notice>,
    /// The answer given just before, to confirm it, with its competency (whose scale labels it).
    pub previous: Option<(&'w Competency, &'w Indicator, &'w Rating)>,
}

impl<'f> Walk<'f> {
    /// What to draw now.
    pub fn screen(&self) -> Screen<'_> {
        match self.phase {
            Phase::Opening => Screen::Opening(Opening {
                competencies: self.framework.competencies.len(),
                indicators: self.items.len(),
                answered: self.answered(),
                adaptive: self.adaptive,
                track: self.track,
                complete: self.is_complete(),
                revisiting: !self.earlier.is_empty(),
                ask_name: self.ask_name,
                notice: self.notice.as_ref(),
            }),
            Phase::Review => {
                let total = self.asked_total();
                Screen::Review(Review {
                    ratings: &self.ratings,
                    total,
                    unanswered: self.unanswered_numbers(),
                    // An answered indicator is always asked: count them all.
                    not_applicable: self
                        .items
                        .iter()
                        .filter(|item| {
                            self.rating_of(item).map(|r| r.value)
                                == Some(RatingValue::NotApplicable)
                        })
                        .count(),
                    skipped: self.items.len() - total,
                    unrated_notes: self.drafts.len(),
                    typed: &self.typed,
                    notice: self.notice.as_ref(),
                })
            }
            Phase::Done => Screen::Done,
            Phase::Asking => {
                let Some(item) = self.items.get(self.position) else {
                    return Screen::Done;
                };
                let competency = &self.framework.competencies[item.competency];
                let indicator = self.indicator(item);
                let total = self.asked_total();
                Screen::Question(Question {
                    competency,
                    level_title: self.framework.level_title(&competency.levels[item.level]),
                    level: &competency.levels[item.level],
                    indicator,
                    number: self.asked_up_to(self.position),
                    total,
                    skipped: self.items.len() - total,
                    rating: self.ratings.get(&indicator.id),
                    earlier: self
                        .earlier
                        .get(&indicator.id)
                        .filter(|_| !self.ratings.contains_key(&indicator.id)),
                    draft_note: self.drafts.get(&indicator.id).map(String::as_str),
                    typed: &self.typed,
                    show_scale: self.show_scale,
                    notice: self.notice.as_ref(),
                    previous: self
                        .previous
                        .filter(|&p| p != self.position)
                        .and_then(|p| self.items.get(p))
                        .and_then(|item| {
                            let indicator = self.indicator(item);
                            let competency = &self.framework.competencies[item.competency];
                            self.ratings
                                .get(&indicator.id)
                                .map(|r| (competency, indicator, r))
                        }),
                })
            }
        }
    }
}
