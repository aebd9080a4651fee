//! The interactive assessment as a state machine: key presses in, screens out.
//!
//! [`Walk`] knows nothing of terminals. The binary reads a key, hands it to [`Walk::handle`],
//! does what the returned [`Step`] asks (save the file, ask for a note, stop) and draws
//! [`Walk::screen`]. Tests drive it with plain key sequences.

use std::collections::{BTreeMap, BTreeSet};

use crate::assessment::Ratings;
use crate::assessment::{Rating, RatingValue};
use crate::framework::{Framework, Indicator, Ladder};

mod keys;
mod moves;
mod reach;
mod screen;

pub use keys::{Key, Step};
use reach::{Asked, Reach};
pub use screen::{Notice, Opening, Question, Review, Screen};

/// Where the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Opening,
    Asking,
    Review,
    Done,
}

/// One indicator in walk order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    competency: usize,
    level: usize,
    indicator: usize,
}

/// An assessment in progress: the ratings and where the person is.
#[derive(Debug, Clone)]
pub struct Walk<'f> {
    framework: &'f Framework,
    items: Vec<Item>,
    track: Option<&'f str>,
    ratings: Ratings,
    adaptive: bool,
    phase: Phase,
    position: usize,
    typed: String,
    drafts: BTreeMap<String, String>,
    show_scale: bool,
    notice: Option<Notice>,
    previous: Option<usize>,
    furthest: usize,
    back_to_review: bool,
    earlier: Ratings,
    /// Which levels an adaptive walk skips, kept up to date as answers change.
    reach: Reach,
    /// How many indicators the walk asks, kept up to date with `reach`.
    asked: Asked,
    /// Positions the person passed over with `s` in this walk, still unanswered: moving on
    /// does not come back to them, the review screen names them and `--resume` asks them.
    passed: BTreeSet<usize>,
    /// Whether the opening screen asks for the person's name (see [`Walk::asking_name`]).
    ask_name: bool,
}

impl<'f> Walk<'f> {
    /// A walk over `framework` starting from `ratings` (empty, or those of a resumed file).
    /// It opens on the opening screen and then continues at the first unrated indicator.
    pub fn new(framework: &'f Framework, ratings: Ratings, adaptive: bool) -> Walk<'f> {
        let items = framework
            .competencies
            .iter()
            .enumerate()
            .flat_map(|(c, competency)| {
                competency
                    .levels
                    .iter()
                    .enumerate()
                    .flat_map(move |(l, level)| {
                        (0..level.indicators.len()).map(move |i| Item {
                            competency: c,
                            level: l,
                            indicator: i,
                        })
                    })
            })
            .collect();
        let mut walk = Walk {
            framework,
            items,
            track: None,
            ratings,
            adaptive,
            phase: Phase::Opening,
            position: 0,
            typed: String::new(),
            drafts: BTreeMap::new(),
            show_scale: false,
            notice: None,
            previous: None,
            furthest: 0,
            back_to_review: false,
            earlier: Ratings::new(),
            reach: Reach(Vec::new()),
            asked: Asked::default(),
            passed: BTreeSet::new(),
            ask_name: false,
        };
        walk.reach = walk.reach_now();
        walk.recount_asked();
        walk.position = walk.first_open().unwrap_or(walk.items.len());
        walk
    }

    /// The same walk asking only the indicators of levels on `ladder` (a track's): the others
    /// are neither required nor attainable there.
    pub fn on_ladder(mut self, ladder: &Ladder) -> Walk<'f> {
        let framework = self.framework;
        self.items.retain(|item| {
            ladder.contains(framework.competencies[item.competency].levels[item.level].level)
        });
        self.track = ladder
            .track()
            .and_then(|t| framework.tracks.get(t))
            .map(|t| t.name.as_str());
        self.recount_asked();
        self.position = self.first_open().unwrap_or(self.items.len());
        self
    }

    /// Offer the ratings of a previous assessment (`assess --from`): an indicator not answered
    /// yet shows last time's rating and note; Enter keeps it, which answers the indicator like
    /// a digit does (saved at once), and a digit gives another. Indicators not reached stay
    /// unanswered.
    pub fn with_earlier(mut self, earlier: Ratings) -> Walk<'f> {
        self.earlier = earlier;
        self
    }

    /// Open by asking whose assessment this is (nothing names the person): the terminal layer
    /// reads the name, records it, and calls [`Walk::name_given`].
    pub fn asking_name(mut self, ask: bool) -> Walk<'f> {
        self.ask_name = ask;
        self
    }

    /// Whether the opening screen waits for the person's name.
    pub fn wants_name(&self) -> bool {
        self.ask_name && self.phase == Phase::Opening
    }

    /// The name was given (or the question skipped): the opening screen asks no more.
    pub fn name_given(&mut self) {
        self.ask_name = false;
    }

    /// Start with these notes on indicators not rated yet (those of a resumed file).
    pub fn with_notes(mut self, notes: BTreeMap<String, String>) -> Walk<'f> {
        self.drafts = notes;
        self
    }

    /// The ratings given so far.
    pub fn ratings(&self) -> &Ratings {
        &self.ratings
    }

    /// Notes on indicators not rated yet, by indicator id: saved like ratings.
    pub fn notes(&self) -> &BTreeMap<String, String> {
        &self.drafts
    }

    /// The numbers (1-based among those asked) of the indicators still unanswered, in walk
    /// order: those passed over with `s`, shown on the review screen.
    pub fn unanswered_numbers(&self) -> Vec<usize> {
        let reach = self.reach();
        (0..self.items.len())
            .filter(|&p| self.rating_of(&self.items[p]).is_none() && !reach.skips(&self.items[p]))
            .map(|p| self.asked_up_to(p))
            .collect()
    }

    /// Whether every indicator to ask has an answer.
    pub fn is_complete(&self) -> bool {
        self.first_open().is_none()
    }

    /// How many indicators have an answer (a scale value or na).
    pub fn answered(&self) -> usize {
        self.items
            .iter()
            .filter(|item| self.rating_of(item).is_some())
            .count()
    }

    /// How many unanswered indicators an adaptive walk currently leaves out.
    pub fn skipped(&self) -> usize {
        let reach = self.reach();
        self.items
            .iter()
            .filter(|item| self.left_out(item, reach))
            .count()
    }

    /// Ids of the unanswered indicators an adaptive walk currently leaves out, in walk order.
    pub fn skipped_ids(&self) -> Vec<&'f str> {
        let reach = self.reach();
        self.items
            .iter()
            .filter(|item| self.left_out(item, reach))
            .map(|item| self.indicator(item).id.as_str())
            .collect()
    }

    /// The indicator a note would be attached to: the one on screen.
    pub fn note_target(&self) -> Option<&'f Indicator> {
        match self.phase {
            Phase::Asking => self
                .items
                .get(self.position)
                .map(|item| self.indicator(item)),
            _ => None,
        }
    }

    /// The note already given for the indicator on screen (saved or held), to edit.
    pub fn current_note(&self) -> Option<&str> {
        let indicator = self.note_target()?;
        match self.ratings.get(&indicator.id) {
            Some(rating) => rating.note.as_deref(),
            None => self
                .drafts
                .get(&indicator.id)
                .map(String::as_str)
                .or_else(|| self.earlier_note(&indicator.id)),
        }
    }

    /// Last time's note on an indicator, when the walk starts from a previous assessment.
    fn earlier_note(&self, id: &str) -> Option<&str> {
        self.earlier.get(id).and_then(|r| r.note.as_deref())
    }

    /// Attach a note to the indicator on screen; an empty note removes it. Either way the file
    /// is to be saved ([`Step::Answered`]): a note on an indicator not rated yet is kept in
    /// [`Walk::notes`] and joins the rating when one is given.
    pub fn set_note(&mut self, note: &str) -> Step {
        let Some(indicator) = self.note_target() else {
            return Step::Redraw;
        };
        let note = note.trim();
        let note = (!note.is_empty()).then(|| note.to_string());
        if let Some(rating) = self.ratings.get_mut(&indicator.id) {
            self.notice = Some(if note.is_some() {
                Notice::NoteSaved
            } else {
                Notice::NoteRemoved
            });
            rating.note = note;
            return Step::Answered;
        }
        match note {
            Some(text) => {
                self.drafts.insert(indicator.id.clone(), text);
                self.notice = Some(Notice::NoteHeld);
            }
            None => {
                // Last time's note is not carried over once removed; it was never saved here.
                let earlier = self
                    .earlier
                    .get_mut(&indicator.id)
                    .and_then(|r| r.note.take());
                if self.drafts.remove(&indicator.id).is_none() {
                    if earlier.is_some() {
                        self.notice = Some(Notice::NoteRemoved);
                    }
                    return Step::Redraw;
                }
                self.notice = Some(Notice::NoteRemoved);
            }
        }
        Step::Answered
    }

    fn indicator(&self, item: &Item) -> &'f Indicator {
        &self.framework.competencies[item.competency].levels[item.level].indicators[item.indicator]
    }

    fn rating_of(&self, item: &Item) -> Option<&Rating> {
        self.ratings.get(&self.indicator(item).id)
    }

    fn current_rating(&self) -> Option<&Rating> {
        self.items
            .get(self.position)
            .and_then(|item| self.rating_of(item))
    }

    /// Last time's value of the indicator on screen, when it is not answered yet.
    fn current_earlier(&self) -> Option<RatingValue> {
        let item = self.items.get(self.position)?;
        if self.rating_of(item).is_some() {
            return None;
        }
        self.earlier.get(&self.indicator(item).id).map(|r| r.value)
    }
}

#[cfg(test)]
mod tests;
