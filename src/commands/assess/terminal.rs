//! The terminal side of the walk: read one key at a time, draw the screens, save after every
//! answer. Everything the walk decides lives in [`rungs::walk`].

use console::Term;
use rungs::assessment::Assessment;
use rungs::catalog::Entry;
use rungs::framework::Ladder;
use rungs::render::{self, Style};
use rungs::walk::{Key, Screen, Step, Walk};

use super::{now, Destination};

/// How a walk at the terminal ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every indicator to ask is answered; `skipped` were left out by the adaptive walk.
    Finished { skipped: usize },
    /// The person quit (q or Ctrl-C) with this many of all answered.
    Quit { answered: usize, total: usize },
    /// The terminal went away: there is no one left to tell anything.
    Closed,
}

/// Run the walk at the terminal on stderr, saving `assessment` to `destination` after every
/// change. On return the assessment holds every answer given.
pub fn walk(
    entry: &Entry,
    ladder: &Ladder,
    assessment: &mut Assessment,
    destination: &mut Destination,
    adaptive: bool,
    style: Style,
) -> anyhow::Result<Outcome> {
    let term = Term::stderr();
    // Ctrl-C reaches the walk as a key (it saves and quits), but the note prompt reads keys the
    // way that raises SIGINT; handled, it cancels the note instead of killing the process.
    let _ = ctrlc::set_handler(|| {});
    let framework = &entry.framework;
    let mut walk = Walk::new(framework, assessment.ratings.clone(), adaptive).on_ladder(ladder);
    let saving_to = destination.path.display().to_string();
    let style = Style {
        width: width(&term, style.width),
        ..style
    };
    let who = render::walk::whose(assessment.subject.as_deref(), assessment.rater.as_ref());
    let who = who.as_deref();
    draw(&term, &walk, framework, who, &saving_to, style);
    loop {
        let key = read_key(&term);
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
                let typed = dialoguer::Input::<String>::new()
                    .with_prompt(prompt)
                    .with_initial_text(initial)
                    .allow_empty(true)
                    .report(false)
                    .interact_text_on(&term);
                match typed {
                    Ok(text) => walk.set_note(&text),
                    Err(_) => Step::Redraw,
                }
            }
            step => step,
        };
        match step {
            Step::Redraw => {}
            Step::Answered => save(&walk, assessment, destination)?,
            Step::Finished => {
                save(&walk, assessment, destination)?;
                let _ = term.clear_screen();
                return Ok(Outcome::Finished {
                    skipped: walk.skipped(),
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
        draw(&term, &walk, framework, who, &saving_to, style);
    }
}

fn save(
    walk: &Walk,
    assessment: &mut Assessment,
    destination: &mut Destination,
) -> anyhow::Result<()> {
    assessment.ratings = walk.ratings().clone();
    assessment.completed_at = walk.is_complete().then(now);
    destination.save(assessment)
}

fn draw(
    term: &Term,
    walk: &Walk,
    framework: &rungs::framework::Framework,
    who: Option<&str>,
    saving_to: &str,
    style: Style,
) {
    let text = match walk.screen() {
        Screen::Opening(opening) => {
            render::walk::opening(framework, &opening, who, saving_to, style)
        }
        Screen::Question(question) => render::walk::question(framework, &question, who, style),
        Screen::Done => return,
    };
    let _ = term.clear_screen();
    let _ = term.write_str(&text);
    let _ = term.flush();
}

/// One key press; a terminal that is gone (end of input, an error, or console's `Unknown`)
/// reads as [`Key::Closed`].
fn read_key(term: &Term) -> Key {
    match term.read_key_raw() {
        Ok(console::Key::Char(c)) => Key::Char(c),
        Ok(console::Key::Enter) => Key::Enter,
        Ok(console::Key::Backspace) => Key::Backspace,
        Ok(console::Key::ArrowLeft) => Key::Left,
        Ok(console::Key::ArrowRight) => Key::Right,
        Ok(console::Key::CtrlC) => Key::Interrupt,
        Ok(console::Key::Unknown) | Err(_) => Key::Closed,
        Ok(_) => Key::Other,
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
