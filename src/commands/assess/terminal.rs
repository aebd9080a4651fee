//! The terminal side of the walk: read one key at a time, draw the screens, save after every
//! answer. Everything the walk decides lives in [`rungs::walk`].

use console::Term;

use super::keys::{self, BracketedPaste, Input};
use rungs::assessment::destination::Destination;
use rungs::assessment::start::now;
use rungs::assessment::{Assessment, TargetRequest};
use rungs::catalog::Entry;
use rungs::framework::Ladder;
use rungs::render::{self, Style};
use rungs::report::Report;
use rungs::walk::{Key, Screen, Step, Walk};

/// How a walk at the terminal ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The review was confirmed: every indicator to ask is answered but `unanswered` passed
    /// over with `s`; `skipped` were left out by the adaptive walk.
    Finished { skipped: usize, unanswered: usize },
    /// The person quit (q or Ctrl-C) with this many of all answered.
    Quit { answered: usize, total: usize },
    /// The terminal went away: there is no one left to tell anything.
    Closed,
}

/// What the review screen at the end of the walk shows besides the answers.
pub struct Closing<'a> {
    /// The target the gaps are measured against (may be empty).
    pub targets: &'a TargetRequest,
    /// The ladder (every level, or the track's) the profile is ranked on.
    pub ladder: &'a Ladder,
    /// Warnings to repeat on the review screen.
    pub warnings: &'a [String],
    /// Last time's ratings, offered on each indicator not answered yet (a new assessment
    /// started from a previous one, or resumed after that).
    pub earlier: Option<&'a rungs::assessment::Ratings>,
    /// Whether the opening screen asks whose assessment this is: nothing names the person.
    pub ask_name: bool,
}

/// Run the walk at the terminal on stderr, saving `assessment` to `destination` after every
/// change. On return the assessment holds every answer given.
pub fn walk(
    entry: &Entry,
    assessment: &mut Assessment,
    destination: &mut Destination,
    adaptive: bool,
    closing: &Closing,
    style: Style,
) -> anyhow::Result<Outcome> {
    let term = Term::stderr();
    // Ctrl-C reaches the walk and the note editor as a key (it saves and quits, or cancels the
    // note); one pressed between two reads raises SIGINT, which must not kill the process.
    let _ = ctrlc::set_handler(|| {});
    let framework = &entry.framework;
    let mut walk = Walk::new(framework, assessment.ratings.clone(), adaptive)
        .with_notes(assessment.notes.clone())
        .on_ladder(closing.ladder)
        .asking_name(closing.ask_name);
    if let Some(earlier) = closing.earlier {
        walk = walk.with_earlier(earlier.clone());
    }
    let saving_to = destination.path.display().to_string();
    let style = Style {
        width: width(&term, style.width),
        ..style
    };
    let mut whose = render::walk::whose_in(
        style.lang,
        assessment.subject.as_deref(),
        assessment.rater.as_ref(),
    );
    let _paste = BracketedPaste::on(&term);
    draw(
        &term,
        &walk,
        framework,
        whose.as_deref(),
        &saving_to,
        closing,
        style,
    );
    if walk.wants_name() {
        walk.name_given();
        // Enter records the name (none when empty) and begins; Esc or Ctrl-C skips the
        // question and leaves the opening screen as it always is.
        if let Some(typed) = keys::read_note(&term, style.lang.text("walk.name"), "") {
            // Characters that show as nothing are left out: they would make one person two.
            let visible: String = typed
                .chars()
                .filter(|&c| !rungs::assessment::person::is_invisible(c))
                .collect();
            let name = rungs::assessment::person::name(&visible);
            if !name.is_empty() {
                assessment.subject = Some(name);
                whose = render::walk::whose_in(
                    style.lang,
                    assessment.subject.as_deref(),
                    assessment.rater.as_ref(),
                );
            }
            walk.handle(Key::Enter);
        }
        draw(
            &term,
            &walk,
            framework,
            whose.as_deref(),
            &saving_to,
            closing,
            style,
        );
    }
    let who = whose.as_deref();
    loop {
        let key = match keys::read(&term) {
            Input::Key(key) => key,
            // Keys pasted at a rating prompt are not ratings.
            Input::Paste(_) | Input::Escape => Key::Other,
        };
        if key == Key::Closed {
            return Ok(Outcome::Closed);
        }
        let step = match walk.handle(key) {
            Step::EditNote => {
                let Some(indicator) = walk.note_target() else {
                    continue;
                };
                let prompt = format!("Evidence note for {} (empty removes it)", indicator.id);
                let initial = walk.current_note().unwrap_or_default().to_string();
                let _ = term.write_line("");
                match keys::read_note(&term, &prompt, &initial) {
                    Some(text) => walk.set_note(&text),
                    None => Step::Redraw,
                }
            }
            step => step,
        };
        match step {
            Step::Redraw => {}
            Step::Answered => save(&walk, assessment, destination)?,
            Step::Finished => {
                // The last answer saved the file as complete; only an untouched file that was
                // never completed (none of it asked) still needs that.
                if assessment.completed_at.is_none() || !destination.saved {
                    save(&walk, assessment, destination)?;
                }
                let _ = term.clear_screen();
                return Ok(Outcome::Finished {
                    skipped: walk.skipped(),
                    unanswered: walk.unanswered_numbers().len(),
                });
            }
            Step::Quit => {
                return Ok(Outcome::Quit {
                    answered: walk.answered(),
                    total: framework.indicator_count(),
                })
            }
            Step::EditNote => {}
        }
        draw(&term, &walk, framework, who, &saving_to, closing, style);
    }
}

fn save(
    walk: &Walk,
    assessment: &mut Assessment,
    destination: &mut Destination,
) -> anyhow::Result<()> {
    assessment.ratings = walk.ratings().clone();
    assessment.notes = walk.notes().clone();
    assessment.completed_at = walk.is_complete().then(now);
    super::save(destination, assessment)
}

fn draw(
    term: &Term,
    walk: &Walk,
    framework: &rungs::framework::Framework,
    who: Option<&str>,
    saving_to: &str,
    closing: &Closing,
    style: Style,
) {
    let text = match walk.screen() {
        Screen::Opening(opening) => {
            render::walk::opening_within(framework, &opening, who, saving_to, style, rows(term))
        }
        Screen::Question(question) => render::walk::question(framework, &question, who, style),
        Screen::Review(review) => {
            let mut warnings = closing.warnings.to_vec();
            let profile = match Report::from_ratings_on(
                framework,
                closing.ladder,
                review.ratings,
                closing.targets,
            ) {
                Ok(report) => {
                    warnings.extend(report.warnings.iter().map(|w| w.message.clone()));
                    format!(
                        "{}{}\n",
                        render::report::table::profile_and_gaps(&report, style),
                        render::walk::explain_hint(
                            &rungs::assessment::destination::shell_word(std::path::Path::new(
                                saving_to
                            )),
                            style.width
                        )
                    )
                }
                Err(problems) => problems.to_string(),
            };
            render::walk::review(framework, &review, &profile, &warnings, style)
        }
        Screen::Done => return,
    };
    let _ = term.clear_screen();
    let _ = term.write_str(&render::safe::output(&text, style.color));
    let _ = term.flush();
}

/// The terminal's height in rows: LINES when set, else as the terminal says, else 24.
fn rows(term: &Term) -> usize {
    if let Some(lines) = std::env::var("LINES")
        .ok()
        .and_then(|l| l.parse::<usize>().ok())
    {
        if lines >= 5 {
            return lines;
        }
    }
    match term.size_checked() {
        Some((rows, _)) if rows >= 5 => usize::from(rows),
        _ => 24,
    }
}

/// The terminal's width, unless COLUMNS (already in `fallback`) was set.
fn width(term: &Term, fallback: u16) -> u16 {
    if std::env::var_os("COLUMNS").is_some() {
        return fallback;
    }
    match term.size_checked() {
        Some((_, columns)) if columns >= 20 => columns,
        _ => fallback,
    }
}
