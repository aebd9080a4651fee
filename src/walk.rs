//! The interactive assessment as a state machine: key presses in, screens out.
//!
//! [`Walk`] knows nothing of terminals. The binary reads a key, hands it to [`Walk::handle`],
//! does what the returned [`Step`] asks (save the file, ask for a note, stop) and draws
//! [`Walk::screen`]. Tests drive it with plain key sequences.

use std::collections::BTreeMap;

use crate::assessment::{Rating, RatingValue};
use crate::framework::{Competency, CompetencyLevel, Framework, Indicator, Ladder, RatingScale};
use crate::scoring::Ratings;

/// A key press, as the walk understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// Enter or Return.
    Enter,
    /// Backspace (or Delete as some terminals send it).
    Backspace,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Ctrl-C.
    Interrupt,
    /// The terminal is gone: no more keys will come.
    Closed,
    /// Any other key.
    Other,
}

/// What the terminal layer must do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing changed on disk: draw the screen again.
    Redraw,
    /// A rating or a note changed: save the file, then draw the screen.
    Answered,
    /// Ask for an evidence note for [`Walk::note_target`], then call [`Walk::set_note`].
    EditNote,
    /// Stop here; everything answered is already saved.
    Quit,
    /// The person confirmed the review screen: save the file as completed and show the profile.
    Finished,
}

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

/// The screen to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen<'w> {
    /// Before the first indicator: what is about to be rated and how.
    Opening(Opening<'w>),
    /// One indicator to rate.
    Question(Question<'w>),
    /// Every indicator to ask is answered: a last look before finishing.
    Review(Review<'w>),
    /// Finished.
    Done,
}

/// The review screen's facts: the profile is computed from `ratings` by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Review<'w> {
    /// The ratings given.
    pub ratings: &'w Ratings,
    /// Indicators asked (and all answered).
    pub total: usize,
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
        };
        walk.reach = walk.reach_now();
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

    /// Take one key press.
    pub fn handle(&mut self, key: Key) -> Step {
        self.notice = None;
        let showing_scale = std::mem::take(&mut self.show_scale);
        if matches!(key, Key::Interrupt | Key::Closed | Key::Char('q' | 'Q')) {
            self.typed.clear();
            return Step::Quit;
        }
        match self.phase {
            Phase::Opening => self.handle_opening(key),
            Phase::Asking => self.handle_asking(key, showing_scale),
            Phase::Review => self.handle_review(key),
            Phase::Done => Step::Finished,
        }
    }

    /// The review screen: Enter finishes, back returns to the last indicator, a number jumps
    /// to that indicator (at once when no longer number fits, else on Enter).
    fn handle_review(&mut self, key: Key) -> Step {
        match key {
            Key::Char(digit) if digit.is_ascii_digit() => {
                self.typed.push(digit);
                let total = self.asked().len();
                match self.typed.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= total && n * 10 > total => {
                        self.typed.clear();
                        self.jump(n)
                    }
                    Ok(n) if n >= 1 && n <= total => Step::Redraw,
                    _ => {
                        let typed = std::mem::take(&mut self.typed);
                        self.notice = Some(Notice::NoSuchIndicator(typed));
                        Step::Redraw
                    }
                }
            }
            Key::Enter if !self.typed.is_empty() => {
                let typed = std::mem::take(&mut self.typed);
                match typed.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= self.asked().len() => self.jump(n),
                    _ => {
                        self.notice = Some(Notice::NoSuchIndicator(typed));
                        Step::Redraw
                    }
                }
            }
            Key::Enter => {
                self.phase = Phase::Done;
                Step::Finished
            }
            Key::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
                Step::Redraw
            }
            Key::Backspace | Key::Left => {
                self.typed.clear();
                self.position = self.items.len();
                self.phase = Phase::Asking;
                match self.back() {
                    Step::Redraw if self.position < self.items.len() => Step::Redraw,
                    _ => self.review(),
                }
            }
            Key::Char('?') => Step::Redraw,
            _ => {
                self.typed.clear();
                self.notice = Some(Notice::ReviewKeys);
                Step::Redraw
            }
        }
    }

    /// Show indicator `number` (1-based among those asked); moving on from it returns to the
    /// review.
    fn jump(&mut self, number: usize) -> Step {
        match self.asked().get(number - 1) {
            Some(&p) => {
                self.phase = Phase::Asking;
                self.position = p;
                self.back_to_review = true;
                Step::Redraw
            }
            None => Step::Redraw,
        }
    }

    /// Positions of the items the walk asks (not left out), in walk order.
    fn asked(&self) -> Vec<usize> {
        let reach = self.reach();
        (0..self.items.len())
            .filter(|&p| !self.left_out(&self.items[p], reach))
            .collect()
    }

    /// To the review screen, unless an indicator still waits for an answer.
    fn review(&mut self) -> Step {
        self.back_to_review = false;
        if let Some(p) = self.first_open() {
            return self.enter_at(p);
        }
        self.phase = Phase::Review;
        self.position = self.items.len();
        Step::Redraw
    }

    fn handle_opening(&mut self, key: Key) -> Step {
        match key {
            Key::Enter | Key::Char(' ') | Key::Right => self.enter_at(self.position),
            Key::Char('?') => Step::Redraw,
            _ => {
                self.notice = Some(Notice::PressEnter);
                Step::Redraw
            }
        }
    }

    fn handle_asking(&mut self, key: Key, showing_scale: bool) -> Step {
        match key {
            Key::Char('?') => {
                self.show_scale = !showing_scale;
                Step::Redraw
            }
            Key::Char('n' | 'N') => {
                self.typed.clear();
                self.answer(RatingValue::NotApplicable)
            }
            Key::Char(digit) if digit.is_ascii_digit() => self.digit(digit),
            Key::Char('e' | 'E') => {
                self.typed.clear();
                Step::EditNote
            }
            Key::Enter if !self.typed.is_empty() => {
                let typed = std::mem::take(&mut self.typed);
                match self.scale_value(&typed) {
                    Some(value) => self.answer(RatingValue::Scale(value)),
                    None => {
                        self.notice = Some(Notice::NotOnScale(typed));
                        Step::Redraw
                    }
                }
            }
            Key::Enter | Key::Right => {
                self.typed.clear();
                // The ✓ confirms the answer just given; moving on is no answer.
                self.previous = None;
                if self.current_rating().is_some() {
                    self.advance()
                } else if let Some(kept) = self.current_earlier() {
                    self.answer(kept)
                } else {
                    self.notice = Some(Notice::RateFirst);
                    Step::Redraw
                }
            }
            Key::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
                Step::Redraw
            }
            Key::Backspace | Key::Left => {
                self.typed.clear();
                self.previous = None;
                self.back()
            }
            _ => {
                self.notice = Some(Notice::UnknownKey);
                Step::Redraw
            }
        }
    }

    /// A digit: rate when it completes a scale value no longer value starts with; `0` alone is
    /// not applicable unless 0 is on the scale.
    fn digit(&mut self, digit: char) -> Step {
        self.typed.push(digit);
        let typed = self.typed.clone();
        let exact = self.scale_value(&typed);
        let longer = self.current_scale().points.iter().any(|p| {
            let text = p.value.to_string();
            text.len() > typed.len() && text.starts_with(&typed)
        });
        if typed == "0" && exact.is_none() && !longer {
            self.typed.clear();
            return self.answer(RatingValue::NotApplicable);
        }
        match (exact, longer) {
            (Some(value), false) => {
                self.typed.clear();
                self.answer(RatingValue::Scale(value))
            }
            (_, true) => Step::Redraw,
            (None, false) => {
                self.typed.clear();
                self.notice = Some(Notice::NotOnScale(typed));
                Step::Redraw
            }
        }
    }

    fn scale_value(&self, typed: &str) -> Option<u32> {
        let value = typed.parse::<u32>().ok()?;
        (self.current_scale().point(value).is_some() && value.to_string() == typed).then_some(value)
    }

    /// The scale of the indicator asked now (its competency's).
    fn current_scale(&self) -> RatingScale<'f> {
        match self.items.get(self.position) {
            Some(item) => self
                .framework
                .rating_scale(&self.framework.competencies[item.competency]),
            None => self.framework.framework_scale(),
        }
    }

    fn answer(&mut self, value: RatingValue) -> Step {
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
    fn advance(&mut self) -> Step {
        if self.back_to_review {
            return self.review();
        }
        let reviewing = self.position < self.furthest;
        let reach = self.reach();
        let next = (self.position + 1..self.items.len())
            .find(|&p| {
                let item = &self.items[p];
                !self.left_out(item, reach) && (reviewing || self.rating_of(item).is_none())
            })
            .or_else(|| self.first_open());
        match next {
            Some(p) => self.enter_at(p),
            None => self.review(),
        }
    }

    fn enter_at(&mut self, position: usize) -> Step {
        if position >= self.items.len() || self.left_out(&self.items[position], self.reach()) {
            return match self.first_open() {
                Some(p) => self.enter_at(p),
                None => self.review(),
            };
        }
        self.phase = Phase::Asking;
        self.position = position;
        self.furthest = self.furthest.max(position);
        Step::Redraw
    }

    fn back(&mut self) -> Step {
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

    /// The first indicator to ask that has no answer.
    fn first_open(&self) -> Option<usize> {
        let reach = self.reach();
        self.items
            .iter()
            .position(|item| self.rating_of(item).is_none() && !reach.skips(item))
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

    /// Whether the walk leaves an item out: unanswered, in a level an adaptive walk skips.
    fn left_out(&self, item: &Item, reach: &Reach) -> bool {
        reach.skips(item) && self.rating_of(item).is_none()
    }

    /// Which levels an adaptive walk skips now: worked out when the walk starts and kept up
    /// to date per answer, so that a step costs the same whatever the size of the framework.
    fn reach(&self) -> &Reach {
        &self.reach
    }

    /// Which levels an adaptive walk skips, worked out from all the answers.
    fn reach_now(&self) -> Reach {
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
    fn update_reach(&mut self, competency: usize) {
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
                notice: self.notice.as_ref(),
            }),
            Phase::Review => {
                let asked = self.asked();
                Screen::Review(Review {
                    ratings: &self.ratings,
                    total: asked.len(),
                    not_applicable: asked
                        .iter()
                        .filter(|&&p| {
                            self.rating_of(&self.items[p]).map(|r| r.value)
                                == Some(RatingValue::NotApplicable)
                        })
                        .count(),
                    skipped: self.items.len() - asked.len(),
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
                let asked = self.asked();
                let number = asked.iter().filter(|&&p| p <= self.position).count();
                Screen::Question(Question {
                    competency,
                    level_title: self.framework.level_title(&competency.levels[item.level]),
                    level: &competency.levels[item.level],
                    indicator,
                    number,
                    total: asked.len(),
                    skipped: self.items.len() - asked.len(),
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

/// Per competency, per level: whether an adaptive walk skips the level's unanswered
/// indicators, because a lower level can no longer reach the threshold. Empty for a walk that
/// asks everything.
#[derive(Debug, Clone, PartialEq)]
struct Reach(Vec<Vec<bool>>);

impl Reach {
    fn skips(&self, item: &Item) -> bool {
        self.0
            .get(item.competency)
            .and_then(|levels| levels.get(item.level))
            .copied()
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
id: small
name: Small
version: "1"
levels:
  - { id: one, name: One }
  - { id: two, name: Two }
  - { id: three, name: Three }
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        title: Starts
        indicators: [{ id: a1, text: A one }, { id: a2, text: A two }]
      - level: two
        indicators: [{ id: b1, text: B one }, { id: b2, text: B two }]
      - level: three
        indicators: [{ id: c1, text: C one }]
  - id: care
    name: Care
    levels:
      - level: one
        indicators: [{ id: d1, text: D one }]
"#;

    fn small() -> Framework {
        crate::test_support::framework("small.yaml", SMALL)
    }

    fn keys(text: &str) -> Vec<Key> {
        text.chars()
            .map(|c| match c {
                '\n' => Key::Enter,
                '<' => Key::Left,
                '>' => Key::Right,
                '\u{8}' => Key::Backspace,
                c => Key::Char(c),
            })
            .collect()
    }

    fn press(walk: &mut Walk, text: &str) -> Vec<Step> {
        keys(text).into_iter().map(|k| walk.handle(k)).collect()
    }

    fn on_screen(walk: &Walk) -> String {
        match walk.screen() {
            Screen::Question(q) => q.indicator.id.clone(),
            Screen::Opening(_) => "opening".into(),
            Screen::Review(_) => "review".into(),
            Screen::Done => "done".into(),
        }
    }

    fn value(walk: &Walk, id: &str) -> Option<String> {
        walk.ratings().get(id).map(|r| r.value.to_string())
    }

    #[test]
    fn opens_then_rates_one_key_each_and_finishes() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        assert_eq!(on_screen(&walk), "opening");
        assert_eq!(press(&mut walk, "\n"), vec![Step::Redraw]);
        assert_eq!(on_screen(&walk), "a1");
        let steps = press(&mut walk, "3412n4");
        assert_eq!(
            steps,
            vec![
                Step::Answered,
                Step::Answered,
                Step::Answered,
                Step::Answered,
                Step::Answered,
                Step::Answered
            ]
        );
        assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
        assert_eq!(value(&walk, "c1").as_deref(), Some("na"));
        assert_eq!(value(&walk, "d1").as_deref(), Some("4"));
        assert!(walk.is_complete());
        match walk.screen() {
            Screen::Review(r) => {
                assert_eq!((r.total, r.not_applicable, r.skipped), (6, 1, 0));
                assert_eq!(r.ratings.len(), 6);
            }
            other => panic!("the walk ends on the review screen: {other:?}"),
        }
        assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
        assert_eq!(walk.screen(), Screen::Done);
    }

    #[test]
    fn the_review_goes_back_to_the_last_indicator_and_returns() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n333333");
        assert_eq!(on_screen(&walk), "review");
        press(&mut walk, "<");
        assert_eq!(on_screen(&walk), "d1");
        press(&mut walk, "<");
        assert_eq!(on_screen(&walk), "c1");
        assert_eq!(press(&mut walk, "1"), vec![Step::Answered]);
        assert_eq!(value(&walk, "c1").as_deref(), Some("1"));
        assert_eq!(on_screen(&walk), "d1", "walking on from a changed answer");
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "review");
    }

    #[test]
    fn a_number_on_the_review_jumps_to_that_indicator_and_back_to_the_review() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n333333");
        assert_eq!(press(&mut walk, "2"), vec![Step::Redraw]);
        assert_eq!(
            on_screen(&walk),
            "a2",
            "6 indicators: 2 cannot start a longer number"
        );
        assert_eq!(press(&mut walk, "4"), vec![Step::Answered]);
        assert_eq!(value(&walk, "a2").as_deref(), Some("4"));
        assert_eq!(
            on_screen(&walk),
            "review",
            "the change made, back to the review"
        );
        press(&mut walk, "5\n");
        assert_eq!(on_screen(&walk), "review", "Enter keeps c1 and returns");
        press(&mut walk, "9");
        match walk.screen() {
            Screen::Review(r) => {
                assert_eq!(r.notice, Some(&Notice::NoSuchIndicator("9".into())));
                assert_eq!(r.typed, "");
            }
            other => panic!("{other:?}"),
        }
        press(&mut walk, "x");
        assert!(
            matches!(walk.screen(), Screen::Review(r) if r.notice == Some(&Notice::ReviewKeys))
        );
        assert_eq!(press(&mut walk, "q"), vec![Step::Quit]);
    }

    #[test]
    fn on_a_long_review_a_number_that_may_grow_waits_for_enter() {
        let yaml = (1..=12)
            .map(|n| format!("{{ id: i{n}, text: I{n} }}"))
            .collect::<Vec<_>>()
            .join(", ");
        let yaml = format!(
            "id: long\nname: Long\nversion: \"1\"\nlevels: [{{ id: one, name: One }}]\n\
             competencies: [{{ id: c, name: C, levels: [{{ level: one, indicators: [{yaml}] }}] }}]\n"
        );
        let f = crate::test_support::framework("long.yaml", &yaml);
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n333333333333");
        assert_eq!(on_screen(&walk), "review");
        press(&mut walk, "1");
        assert!(matches!(walk.screen(), Screen::Review(r) if r.typed == "1"));
        press(&mut walk, "2");
        assert_eq!(on_screen(&walk), "i12");
        press(&mut walk, "\n1\n");
        assert_eq!(on_screen(&walk), "i1");
    }

    #[test]
    fn zero_is_not_applicable_and_off_scale_digits_are_refused() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n7");
        assert_eq!(on_screen(&walk), "a1");
        match walk.screen() {
            Screen::Question(q) => assert_eq!(q.notice, Some(&Notice::NotOnScale("7".into()))),
            other => panic!("{other:?}"),
        }
        assert!(walk.ratings().is_empty());
        press(&mut walk, "0");
        assert_eq!(value(&walk, "a1").as_deref(), Some("na"));
    }

    #[test]
    fn going_back_shows_the_rating_and_changes_it() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n34");
        assert_eq!(on_screen(&walk), "b1");
        press(&mut walk, "\u{8}");
        assert_eq!(on_screen(&walk), "a2");
        match walk.screen() {
            Screen::Question(q) => {
                assert_eq!(q.rating.map(|r| r.value), Some(RatingValue::Scale(4)));
                assert_eq!((q.number, q.total), (2, 6));
            }
            other => panic!("{other:?}"),
        }
        press(&mut walk, "<");
        assert_eq!(on_screen(&walk), "a1");
        assert_eq!(press(&mut walk, "<"), vec![Step::Redraw]);
        assert_eq!(on_screen(&walk), "a1");
        press(&mut walk, "1");
        assert_eq!(value(&walk, "a1").as_deref(), Some("1"));
        assert_eq!(
            on_screen(&walk),
            "a2",
            "moves on to the next, already rated"
        );
        assert_eq!(press(&mut walk, "\n"), vec![Step::Redraw], "Enter keeps it");
        assert_eq!(on_screen(&walk), "b1");
        assert_eq!(value(&walk, "a2").as_deref(), Some("4"));
    }

    #[test]
    fn enter_on_an_unrated_indicator_asks_for_a_rating() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n\n>");
        assert_eq!(on_screen(&walk), "a1");
        match walk.screen() {
            Screen::Question(q) => assert_eq!(q.notice, Some(&Notice::RateFirst)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_note_on_a_rated_indicator_is_saved_at_once() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n3<");
        assert_eq!(press(&mut walk, "e"), vec![Step::EditNote]);
        assert_eq!(walk.note_target().map(|i| i.id.as_str()), Some("a1"));
        assert_eq!(walk.set_note("  ran the retro  "), Step::Answered);
        let rating = &walk.ratings()["a1"];
        assert_eq!(rating.note.as_deref(), Some("ran the retro"));
        assert_eq!(walk.current_note(), Some("ran the retro"));
        press(&mut walk, "4");
        assert_eq!(
            walk.ratings()["a1"].note.as_deref(),
            Some("ran the retro"),
            "changing the rating keeps the note"
        );
        press(&mut walk, "<e");
        assert_eq!(walk.set_note(""), Step::Answered);
        assert_eq!(walk.ratings()["a1"].note, None);
    }

    #[test]
    fn a_note_before_the_rating_is_saved_and_joins_the_rating() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\ne");
        assert_eq!(
            walk.set_note("led a workshop"),
            Step::Answered,
            "saved at once"
        );
        assert!(walk.ratings().is_empty());
        assert_eq!(
            walk.notes().get("a1").map(String::as_str),
            Some("led a workshop")
        );
        let resumed = Walk::new(&f, Ratings::new(), false).with_notes(walk.notes().clone());
        assert_eq!(resumed.notes().len(), 1, "a resumed walk starts with them");
        match walk.screen() {
            Screen::Question(q) => assert_eq!(q.draft_note, Some("led a workshop")),
            other => panic!("{other:?}"),
        }
        press(&mut walk, "2");
        assert_eq!(walk.ratings()["a1"].note.as_deref(), Some("led a workshop"));
        assert!(walk.notes().is_empty(), "the note moved into the rating");
    }

    #[test]
    fn q_and_ctrl_c_and_a_closed_terminal_quit() {
        let f = small();
        for key in [Key::Char('q'), Key::Interrupt, Key::Closed] {
            let mut walk = Walk::new(&f, Ratings::new(), false);
            press(&mut walk, "\n3");
            assert_eq!(walk.handle(key), Step::Quit);
            assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
        }
        let mut walk = Walk::new(&f, Ratings::new(), false);
        assert_eq!(
            walk.handle(Key::Char('q')),
            Step::Quit,
            "also on the opening"
        );
    }

    #[test]
    fn question_mark_shows_the_scale_until_the_next_key() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n?");
        assert!(matches!(walk.screen(), Screen::Question(q) if q.show_scale));
        press(&mut walk, "3");
        assert!(matches!(walk.screen(), Screen::Question(q) if !q.show_scale));
        assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
    }

    #[test]
    fn resuming_starts_at_the_first_unrated_indicator() {
        let f = small();
        let mut first = Walk::new(&f, Ratings::new(), false);
        press(&mut first, "\n34q");
        let mut walk = Walk::new(&f, first.ratings().clone(), false);
        match walk.screen() {
            Screen::Opening(o) => assert_eq!((o.answered, o.indicators), (2, 6)),
            other => panic!("{other:?}"),
        }
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "b1");
        press(&mut walk, "<");
        assert_eq!(on_screen(&walk), "a2");
    }

    #[test]
    fn resuming_with_gaps_goes_from_one_unanswered_indicator_to_the_next() {
        let f = small();
        let given: Ratings = ["a1", "b1", "b2"]
            .into_iter()
            .map(|id| {
                (
                    id.to_string(),
                    Rating {
                        value: RatingValue::Scale(3),
                        note: None,
                    },
                )
            })
            .collect();
        let mut walk = Walk::new(&f, given, false);
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "a2");
        press(&mut walk, "4");
        assert_eq!(on_screen(&walk), "c1", "b1 and b2 are answered already");
        press(&mut walk, "<<<");
        assert_eq!(on_screen(&walk), "a2");
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "b1", "reviewing goes one by one");
        press(&mut walk, "\n\n");
        assert_eq!(on_screen(&walk), "c1");
    }

    #[test]
    fn a_complete_assessment_opens_on_the_review_for_changes() {
        let f = small();
        let mut first = Walk::new(&f, Ratings::new(), false);
        press(&mut first, "\n333333");
        assert!(first.is_complete());
        let mut walk = Walk::new(&f, first.ratings().clone(), false);
        assert!(walk.is_complete());
        assert!(matches!(walk.screen(), Screen::Opening(o) if o.complete));
        assert_eq!(press(&mut walk, "\n"), vec![Step::Redraw]);
        assert_eq!(on_screen(&walk), "review");
        press(&mut walk, "1");
        assert_eq!(on_screen(&walk), "a1");
        press(&mut walk, "2");
        assert_eq!(value(&walk, "a1").as_deref(), Some("2"));
        assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
    }

    #[test]
    fn from_earlier_ratings_enter_keeps_each_as_an_answer_and_the_rest_stay_unanswered() {
        let f = small();
        let mut first = Walk::new(&f, Ratings::new(), false);
        press(&mut first, "\n333333");
        let mut earlier = first.ratings().clone();
        earlier.get_mut("a1").expect("rated").note = Some("spring retro".into());
        let mut walk = Walk::new(&f, Ratings::new(), false).with_earlier(earlier);
        assert!(matches!(walk.screen(), Screen::Opening(o) if o.revisiting && !o.complete));
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "a1");
        match walk.screen() {
            Screen::Question(q) => {
                assert_eq!(q.rating, None, "nothing is answered yet");
                assert_eq!(q.earlier.map(|r| r.value), Some(RatingValue::Scale(3)));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            press(&mut walk, "\n"),
            vec![Step::Answered],
            "Enter on last time's rating is an answer, saved at once"
        );
        assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
        assert_eq!(
            walk.ratings()["a1"].note.as_deref(),
            Some("spring retro"),
            "its note comes with it"
        );
        assert_eq!(on_screen(&walk), "a2");
        assert_eq!(press(&mut walk, "1"), vec![Step::Answered]);
        assert_eq!(value(&walk, "a2").as_deref(), Some("1"));
        assert_eq!(
            walk.ratings().len(),
            2,
            "indicators not reached stay unanswered"
        );
        assert!(!walk.is_complete());
        press(&mut walk, "\n\n\n\n");
        assert_eq!(on_screen(&walk), "review");
        assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
    }

    #[test]
    fn a_note_removed_from_last_times_rating_is_not_carried_over() {
        let f = small();
        let mut earlier = Ratings::new();
        earlier.insert(
            "a1".into(),
            Rating {
                value: RatingValue::Scale(2),
                note: Some("old".into()),
            },
        );
        let mut walk = Walk::new(&f, Ratings::new(), false).with_earlier(earlier);
        press(&mut walk, "\n");
        assert_eq!(walk.current_note(), Some("old"));
        assert_eq!(walk.set_note(""), Step::Redraw, "nothing of it was saved");
        press(&mut walk, "\n");
        assert_eq!(walk.ratings()["a1"].note, None);
        assert_eq!(value(&walk, "a1").as_deref(), Some("2"));
    }

    #[test]
    fn adaptive_skips_levels_above_one_out_of_reach() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), true);
        // a1 = 1: level one can still reach 0.8? (0 + 1) / 2 = 0.5 < 0.8: out of reach.
        press(&mut walk, "\n1");
        assert_eq!(walk.skipped_ids(), vec!["b1", "b2", "c1"]);
        assert_eq!(on_screen(&walk), "a2", "the level itself is still asked");
        match walk.screen() {
            Screen::Question(q) => assert_eq!((q.number, q.total, q.skipped), (2, 3, 3)),
            other => panic!("{other:?}"),
        }
        press(&mut walk, "4");
        assert_eq!(on_screen(&walk), "d1", "levels two and three are not asked");
        assert_eq!(press(&mut walk, "4"), vec![Step::Answered]);
        assert!(matches!(walk.screen(), Screen::Review(r) if (r.total, r.skipped) == (3, 3)));
        assert_eq!(value(&walk, "b1"), None, "skipped stays unrated");
        assert!(walk.is_complete());
    }

    #[test]
    fn adaptive_asks_again_when_a_changed_answer_brings_a_level_back_in_reach() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), true);
        press(&mut walk, "\n14");
        assert_eq!(on_screen(&walk), "d1");
        press(&mut walk, "<<");
        assert_eq!(on_screen(&walk), "a1");
        press(&mut walk, "3");
        assert!(walk.skipped_ids().is_empty());
        assert_eq!(on_screen(&walk), "a2");
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "b1");
    }

    #[test]
    fn adaptive_keeps_answers_already_given_in_a_skipped_level_within_reach_of_back() {
        let f = small();
        let given: Ratings = [("a1", 1), ("a2", 1), ("b1", 4)]
            .into_iter()
            .map(|(id, v)| {
                (
                    id.to_string(),
                    Rating {
                        value: RatingValue::Scale(v),
                        note: None,
                    },
                )
            })
            .collect();
        let mut walk = Walk::new(&f, given, true);
        assert_eq!(walk.skipped_ids(), vec!["b2", "c1"]);
        press(&mut walk, "\n");
        assert_eq!(on_screen(&walk), "d1");
        match walk.screen() {
            Screen::Question(q) => assert_eq!((q.number, q.total, q.skipped), (4, 4, 2)),
            other => panic!("{other:?}"),
        }
        press(&mut walk, "<");
        assert_eq!(on_screen(&walk), "b1", "an answer given is never hidden");
        assert_eq!(value(&walk, "b1").as_deref(), Some("4"));
    }

    #[test]
    fn adaptive_keeps_asking_while_a_level_can_still_make_it() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), true);
        // n on a1 leaves a2 alone to decide level one.
        press(&mut walk, "\nn");
        assert!(walk.skipped_ids().is_empty());
        press(&mut walk, "2");
        assert_eq!(walk.skipped_ids(), vec!["b1", "b2", "c1"]);
    }

    #[test]
    fn adaptive_skips_the_same_levels_as_working_them_out_from_all_the_answers() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), true);
        for key in keys("\n14<<3n<2<<4>>1") {
            walk.handle(key);
            assert_eq!(walk.reach().0, walk.reach_now().0, "after {key:?}");
        }
    }

    #[test]
    fn multi_digit_scales_wait_for_the_value() {
        let yaml = r#"
id: ten
name: Ten
version: "1"
scale: [{ value: 1, label: One }, { value: 5, label: Five }, { value: 10, label: Ten }]
demonstrated_at: 5
levels: [{ id: one, name: One }]
competencies:
  - { id: c, name: C, levels: [{ level: one, indicators: [{ id: x, text: X }, { id: y, text: Y }, { id: z, text: Z }] }] }
"#;
        let f = crate::test_support::framework("ten.yaml", yaml);
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n1");
        assert_eq!(value(&walk, "x"), None, "1 may start 10");
        assert!(matches!(walk.screen(), Screen::Question(q) if q.typed == "1"));
        press(&mut walk, "0");
        assert_eq!(value(&walk, "x").as_deref(), Some("10"));
        press(&mut walk, "1\n");
        assert_eq!(value(&walk, "y").as_deref(), Some("1"));
        press(&mut walk, "5");
        assert_eq!(value(&walk, "z").as_deref(), Some("5"));
    }

    #[test]
    fn on_a_scale_with_zero_the_zero_key_rates_zero_and_n_is_not_applicable() {
        let yaml = r#"
id: zero
name: Zero
version: "1"
scale: [{ value: 0, label: Never }, { value: 1, label: Sometimes }, { value: 2, label: Always }]
demonstrated_at: 2
levels: [{ id: one, name: One }]
competencies:
  - { id: c, name: C, levels: [{ level: one, indicators: [{ id: x, text: X }, { id: y, text: Y }] }] }
"#;
        let f = crate::test_support::framework("zero.yaml", yaml);
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n0n");
        assert_eq!(value(&walk, "x").as_deref(), Some("0"));
        assert_eq!(value(&walk, "y").as_deref(), Some("na"));
    }

    #[test]
    fn unknown_keys_are_named_and_change_nothing() {
        let f = small();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\nx");
        assert!(walk.ratings().is_empty());
        assert!(
            matches!(walk.screen(), Screen::Question(q) if q.notice == Some(&Notice::UnknownKey))
        );
    }
}
