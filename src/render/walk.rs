//! The screens of `rungs assess`: the opening screen and one indicator at a time.

use super::{bold, plural, wrap, wrap_hanging, wrap_prose, Style};
use crate::assessment::{Rater, Rating, RatingValue, Relation};
use crate::framework::{Framework, RatingScale};
use crate::walk::{Notice, Opening, Question, Review};

/// The text of the prompt line under each indicator; tests wait for it.
pub const PROMPT: &str = "Your rating";

/// The text of the prompt line of the review screen; tests wait for it.
pub const REVIEW_PROMPT: &str = "Enter to finish, ← to go back, a number to jump to an indicator";

/// Whose behaviour is rated and by whom, for the walk's screens: `Alex Rivera, rated by Sam
/// Lee (manager)`, `Alex Rivera, rating themself`; `None` when the assessment names no one.
/// Names are made safe for the terminal.
pub fn whose(subject: Option<&str>, rater: Option<&Rater>) -> Option<String> {
    let subject = subject.map(|s| super::visible(s).into_owned());
    match (subject, rater) {
        (Some(subject), Some(rater)) if rater.relation != Relation::SelfRating => Some(format!(
            "{subject}, rated by {} ({})",
            super::visible(&rater.name),
            rater.relation
        )),
        (None, Some(rater)) if rater.relation != Relation::SelfRating => Some(format!(
            "rated by {} ({})",
            super::visible(&rater.name),
            rater.relation
        )),
        (Some(subject), _) => Some(format!("{subject}, rating themself")),
        (None, _) => None,
    }
}

/// The opening screen: framework, source, whose behaviour is rated, size, the scale, the keys,
/// where answers are saved. `who` comes from [`whose`].
pub fn opening(
    framework: &Framework,
    screen: &Opening,
    who: Option<&str>,
    saving_to: &str,
    style: Style,
) -> String {
    opening_text(framework, screen, who, saving_to, style, false)
}

/// The opening screen within `rows` lines when it can be: when the full screen is taller, the
/// source is cut to one line, the scale loses its descriptions and the keys take one short
/// line (`?` shows them all later).
pub fn opening_within(
    framework: &Framework,
    screen: &Opening,
    who: Option<&str>,
    saving_to: &str,
    style: Style,
    rows: usize,
) -> String {
    let full = opening_text(framework, screen, who, saving_to, style, false);
    // One row stays free for the cursor after the last line.
    if full.lines().count() < rows {
        return full;
    }
    opening_text(framework, screen, who, saving_to, style, true)
}

fn opening_text(
    framework: &Framework,
    screen: &Opening,
    who: Option<&str>,
    saving_to: &str,
    style: Style,
    compact: bool,
) -> String {
    let mut out = String::new();
    let title = format!(
        "{} ({} {})",
        framework.name, framework.id, framework.version
    );
    out.push_str(&bold(wrap(&title, style.width, "").trim_end(), style));
    out.push('\n');
    if let Some(source) = &framework.source {
        let source = format!("Source: {}", source.trim());
        if compact {
            out.push_str(&one_row(&source, style.width));
        } else {
            out.push_str(&wrap(&source, style.width, ""));
        }
    }
    if let Some(track) = screen.track {
        let others: Vec<String> = framework
            .tracks
            .iter()
            .filter(|t| t.name != track)
            .map(|t| format!("{} ({})", t.name, t.id))
            .collect();
        let mut line = format!("Track: {track}");
        if !others.is_empty() {
            line.push_str(&format!(
                "; also {} (rate on it with --track ID)",
                others.join(", ")
            ));
        }
        out.push_str(&wrap(&line, style.width, ""));
    }
    out.push('\n');
    if let Some(who) = who {
        let line = wrap(&format!("Whose behaviour: {who}"), style.width, "");
        out.push_str(&bold(line.trim_end(), style));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(
        &format!(
            "{}, {} to rate, one keystroke each.",
            plural(screen.competencies, "competency", "competencies"),
            plural(screen.indicators, "indicator", "indicators")
        ),
        style.width,
        "",
    ));
    if screen.adaptive {
        out.push_str(&wrap(
            "Adaptive: once a level of a competency can no longer be reached, its higher levels are not asked.",
            style.width,
            "",
        ));
    }
    if screen.revisiting {
        out.push_str(&wrap(
            "Starting from your previous answers: each indicator shows last time's rating and note; Enter keeps it, a digit changes it. Each is saved at once; those you do not reach stay unanswered.",
            style.width,
            "",
        ));
    }
    if screen.complete {
        out.push_str(&wrap(
            &format!(
                "Resuming: all {} answered. Enter opens the review, where any answer can be changed.",
                plural(screen.answered, "indicator", "indicators")
            ),
            style.width,
            "",
        ));
    } else if screen.answered > 0 {
        out.push_str(&wrap(
            &format!(
                "Resuming: {} of {} already answered.",
                screen.answered, screen.indicators
            ),
            style.width,
            "",
        ));
    }
    out.push('\n');
    let shared = framework.framework_scale();
    out.push_str(&scale(shared, !compact, style));
    let own: Vec<&str> = framework
        .competencies
        .iter()
        .filter(|c| c.scale.is_some())
        .map(|c| c.name.as_str())
        .collect();
    if !own.is_empty() {
        out.push_str(&wrap(
            &format!(
                "Rated on a scale of its own, shown with its indicators: {}.",
                own.join(", ")
            ),
            style.width,
            "",
        ));
    }
    if compact {
        out.push_str(&short_keys(shared, style));
    } else {
        out.push('\n');
        out.push_str(&keys(shared, style));
    }
    out.push('\n');
    out.push_str(&wrap(
        &format!("Every answer is saved at once to {saving_to}"),
        style.width,
        "",
    ));
    out.push('\n');
    if let Some(notice) = screen.notice {
        out.push_str(&notice_text(shared, notice, style));
        out.push('\n');
    }
    let begin = if screen.complete {
        "Press Enter to review, q to quit."
    } else {
        "Press Enter to begin, q to quit."
    };
    out.push_str(&bold(begin, style));
    out.push('\n');
    out
}

/// The line that offers the explanation of the levels: `file` is the assessment, as one shell
/// word. When the line is wider than `width`, the command moves to a line of its own, so that
/// the path is never broken inside.
pub fn explain_hint(file: &str, width: u16) -> String {
    let command = format!("rungs report {file} --explain");
    let line = format!("Why these levels: {command}");
    if console::measure_text_width(&line) <= usize::from(width) {
        line
    } else {
        format!("Why these levels:\n  {command}")
    }
}

/// The review screen at the end of the walk: what was answered, the profile (`profile`, the
/// same tables as the end of the walk), warnings, and the keys to finish, go back or jump.
pub fn review(
    framework: &Framework,
    screen: &Review,
    profile: &str,
    warnings: &[String],
    style: Style,
) -> String {
    let mut out = String::new();
    let mut answered = if screen.unanswered.is_empty() {
        format!(
            "Review: all {} answered",
            plural(screen.total, "indicator", "indicators")
        )
    } else {
        format!(
            "Review: {} of {} answered",
            screen.total - screen.unanswered.len(),
            plural(screen.total, "indicator", "indicators")
        )
    };
    if screen.not_applicable > 0 {
        answered.push_str(&format!(", {} not applicable", screen.not_applicable));
    }
    answered.push('.');
    out.push_str(&bold(&answered, style));
    out.push('\n');
    if !screen.unanswered.is_empty() {
        let numbers: Vec<String> = screen.unanswered.iter().map(usize::to_string).collect();
        out.push_str(&wrap(
            &format!(
                "Skipped, not answered yet: {}. Type a number to answer one; Enter finishes with {} unanswered, and rungs assess --resume asks {} again.",
                numbers.join(", "),
                crate::words::agree(numbers.len(), "it", "them"),
                crate::words::agree(numbers.len(), "it", "them"),
            ),
            style.width,
            "",
        ));
    }
    out.push('\n');
    out.push_str(profile);
    let mut all = Vec::new();
    if screen.skipped > 0 {
        all.push(format!(
            "{} not asked: their level is out of reach.",
            plural(screen.skipped, "indicator was", "indicators were")
        ));
    }
    if screen.unrated_notes > 0 {
        all.push(format!(
            "{} without a rating; {} kept.",
            plural(
                screen.unrated_notes,
                "note is on an indicator",
                "notes are on indicators"
            ),
            crate::words::agree(screen.unrated_notes, "it is", "they are")
        ));
    }
    all.extend(warnings.iter().cloned());
    if !all.is_empty() {
        out.push('\n');
    }
    for warning in &all {
        out.push_str(&wrap_hanging(
            &format!("warning: {warning}"),
            style.width,
            "",
            "  ",
        ));
    }
    out.push('\n');
    if let Some(notice) = screen.notice {
        out.push_str(&notice_text(framework.framework_scale(), notice, style));
        out.push('\n');
    }
    out.push_str(&format!(
        "{REVIEW_PROMPT} (1-{}): {}",
        screen.total, screen.typed
    ));
    out
}

/// What a competency looks like at a level, as the framework says: its description as a
/// paragraph and its examples as a list, indented under the level's heading; empty when the
/// framework says nothing. `show`, the walk and the report's plan all write it so.
pub fn level_text(description: Option<&str>, examples: &[String], width: u16) -> String {
    let mut out = String::new();
    if let Some(d) = description {
        out.push_str(&wrap_prose(d, width, "  ", "  "));
    }
    if !examples.is_empty() {
        out.push_str(&wrap_hanging("For example:", width, "  ", "    "));
    }
    for e in examples {
        out.push_str(&wrap_prose(e, width, "    • ", "      "));
    }
    out
}

/// One indicator: the answer just given, whose behaviour is rated, progress and breadcrumb, the
/// text and its examples, the rating given when revisiting, then the prompt.
pub fn question(
    framework: &Framework,
    screen: &Question,
    who: Option<&str>,
    style: Style,
) -> String {
    let own = framework.rating_scale(screen.competency);
    let mut out = question_heading(framework, screen, who, style);
    out.push_str(&indicator_text(screen, style));
    out.push_str(&answer_text(own, screen, style));
    out.push_str(&prompt_line(own, screen, who, style));
    out
}

/// Above the question: the answer just given, whose assessment it is, where in the walk
/// (number, group, competency, level), the level's text and the indicators skipped.
fn question_heading(
    framework: &Framework,
    screen: &Question,
    who: Option<&str>,
    style: Style,
) -> String {
    let mut out = String::new();
    if let Some((competency, indicator, rating)) = screen.previous {
        let line = wrap(
            &format!(
                "✓ {} {}",
                indicator.id,
                rating_text(framework.rating_scale(competency), rating.value)
            ),
            style.width,
            "",
        );
        out.push_str(&dim(line.trim_end(), style));
        out.push('\n');
    }
    out.push('\n');
    if let Some(who) = who {
        out.push_str(&dim(wrap(who, style.width, "").trim_end(), style));
        out.push('\n');
    }
    let progress = format!("[{}/{}]", screen.number, screen.total);
    let group = framework
        .group_of(screen.competency)
        .map(|g| format!("{} › ", g.label()))
        .unwrap_or_default();
    out.push_str(&wrap_hanging(
        &format!(
            "{} {group}{} › {}",
            bold(&progress, style),
            screen.competency.label(),
            crate::scoring::without_period(&framework.level_label(screen.level))
        ),
        style.width,
        "",
        "",
    ));
    let level = level_text(
        screen.level.description.as_deref(),
        &screen.level.examples,
        style.width,
    );
    if !level.is_empty() {
        out.push_str(&dim(level.trim_end(), style));
        out.push('\n');
    }
    if screen.skipped > 0 {
        let line = wrap(
            &format!(
                "{} skipped: their level is out of reach",
                plural(screen.skipped, "indicator", "indicators")
            ),
            style.width,
            "",
        );
        out.push_str(&dim(line.trim_end(), style));
        out.push('\n');
    }
    out
}

/// The indicator asked about: its text, examples, origin and id.
fn indicator_text(screen: &Question, style: Style) -> String {
    let mut out = String::new();
    out.push('\n');
    let width = style.width;
    out.push_str(&wrap_prose(&screen.indicator.label(), width, "  ", "  "));
    for example in &screen.indicator.examples {
        out.push_str(&wrap_prose(example, width, "    • ", "      "));
    }
    if let Some(origin) = &screen.indicator.origin {
        out.push_str(&dim(
            wrap_prose(&format!("From: {origin}"), width, "  ", "  ").trim_end(),
            style,
        ));
        out.push('\n');
    }
    out.push_str(&dim(&format!("  ({})", screen.indicator.id), style));
    out.push_str("\n\n");
    out
}

/// What is known of the answer: the competency's own scale, the rating given or given last
/// time, its note, the scale when asked for, and a notice.
fn answer_text(own: RatingScale<'_>, screen: &Question, style: Style) -> String {
    let mut out = String::new();
    if own.own && !screen.show_scale {
        out.push_str(&wrap_hanging(
            &format!(
                "Its own scale: {} ({} or more counts as demonstrated)",
                own.points
                    .iter()
                    .map(|p| format!("{} {}", p.value, p.label))
                    .collect::<Vec<_>>()
                    .join(" · "),
                own.demonstrated_at
            ),
            style.width,
            "",
            "  ",
        ));
    }
    if let Some(rating) = screen.rating {
        out.push_str(&wrap(
            &format!(
                "Rated {} (Enter keeps it, or give another)",
                bold(&rating_text(own, rating.value), style)
            ),
            style.width,
            "",
        ));
    } else if let Some(earlier) = screen.earlier {
        out.push_str(&wrap(
            &format!(
                "last time: {} (Enter keeps it, or give another)",
                bold(&rating_text(own, earlier.value), style)
            ),
            style.width,
            "",
        ));
    }
    let earlier_note = screen.earlier.and_then(|r| r.note.as_deref());
    if let Some(note) = note_of(screen.rating, screen.draft_note).or(earlier_note) {
        out.push_str(&wrap(
            &format!("Note: {}", super::visible(note)),
            style.width,
            "",
        ));
    }
    if screen.show_scale {
        out.push_str(&scale(own, true, style));
        out.push('\n');
        out.push_str(&keys(own, style));
        out.push('\n');
    }
    if let Some(notice) = screen.notice {
        out.push_str(&notice_text(own, notice, style));
        out.push('\n');
    }
    out
}

/// The scale's labels and the prompt, with what was typed so far after it.
fn prompt_line(own: RatingScale<'_>, screen: &Question, who: Option<&str>, style: Style) -> String {
    let mut out = String::new();
    let of_whom = match who.and_then(|w| w.split_once(", rated by ")) {
        Some((subject, _)) => format!(" of {subject}"),
        None => String::new(),
    };
    out.push_str(&labels_line(own, style));
    // Wrapped like any line; the cursor stays after the last word.
    let prompt = wrap(
        &format!(
            "{PROMPT}{of_whom} ({}, {} not applicable, s skip, ← back, e note, ? help, q quit):",
            value_range(own),
            na_key(own)
        ),
        style.width,
        "",
    );
    out.push_str(prompt.trim_end());
    out.push(' ');
    out.push_str(screen.typed);
    out
}

/// `n`, or `0/n` when 0 is not on the scale.
fn na_key(scale: RatingScale<'_>) -> &'static str {
    if scale.point(0).is_some() {
        "n"
    } else {
        "0/n"
    }
}

/// The keys in one short line, for a small screen.
pub fn short_keys(scale: RatingScale<'_>, style: Style) -> String {
    wrap(
        &format!(
            "Keys: {} rate, {} not applicable, s skip, ← back, e note, ? help, q quit.",
            value_range(scale),
            na_key(scale)
        ),
        style.width,
        "",
    )
}

/// `text` on one row of `width` columns, cut at a word with `…` when longer.
fn one_row(text: &str, width: u16) -> String {
    let wrapped = wrap(text, width, "");
    let mut lines = wrapped.lines();
    let first = lines.next().unwrap_or_default();
    if lines.next().is_none() {
        return format!("{first}\n");
    }
    let limit = usize::from(width).saturating_sub(2);
    let mut cut = String::new();
    for word in first.split_whitespace() {
        if console::measure_text_width(&cut) + 1 + console::measure_text_width(word) > limit {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{cut} …\n")
}

/// The scale, one value per line with its label and meaning, and how na is typed.
pub fn scale(scale: RatingScale<'_>, describe: bool, style: Style) -> String {
    let mut out = format!(
        "{} ({} or more counts as demonstrated):\n",
        if scale.own {
            "Its own rating scale"
        } else {
            "Rating scale"
        },
        scale.demonstrated_at
    );
    for point in scale.points {
        let mut line = point.label.clone();
        if describe {
            if let Some(d) = &point.description {
                line.push_str(&format!(": {}", super::prose::flow(d)));
            }
        }
        out.push_str(&wrap_hanging(
            &line,
            style.width,
            &format!("{:>6}  ", point.value),
            "          ",
        ));
    }
    out.push_str(&format!("{:>6}  not applicable\n", na_keys(scale)));
    out
}

/// The keys, in one short paragraph.
pub fn keys(scale: RatingScale<'_>, style: Style) -> String {
    wrap(
        &format!(
            "Keys: {} rate, {} not applicable, s skip it for now, Backspace or ← back to change the \
             previous answer, Enter or → keep a rating, e add a note, ? show the scale, q save and \
             quit.",
            value_range(scale),
            na_keys(scale)
        ),
        style.width,
        "",
    )
}

/// `1-4` for a run of values, else the values listed.
/// The scale's values with their labels, in one line above the prompt: `1 Rarely · 2 Sometimes
/// · 3 Often · 4 Consistently · 0/n not applicable`; on a terminal too narrow for that, each
/// label is cut to its first letters.
fn labels_line(scale: RatingScale<'_>, style: Style) -> String {
    let line = |cut: Option<usize>| {
        let mut parts: Vec<String> = scale
            .points
            .iter()
            .map(|p| {
                let label = super::one_line(&p.label);
                let label = match cut {
                    Some(n) if label.chars().count() > n + 1 => {
                        format!("{}.", label.chars().take(n).collect::<String>())
                    }
                    _ => label,
                };
                format!("{} {label}", p.value)
            })
            .collect();
        parts.push(format!("{} not applicable", na_key(scale)));
        parts.join(" · ")
    };
    let full = line(None);
    let text = if console::measure_text_width(&full) <= usize::from(style.width) {
        full
    } else {
        line(Some(3))
    };
    dim(wrap(&text, style.width, "").trim_end(), style) + "\n"
}

fn value_range(scale: RatingScale<'_>) -> String {
    let values: Vec<u32> = scale.points.iter().map(|p| p.value).collect();
    match (values.first(), values.last()) {
        (Some(first), Some(last))
            if values.len() > 2 && (*last - *first) as usize + 1 == values.len() =>
        {
            format!("{first}-{last}")
        }
        _ => values
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("/"),
    }
}

fn na_keys(scale: RatingScale<'_>) -> &'static str {
    if scale.point(0).is_some() {
        "n"
    } else {
        "0 or n"
    }
}

/// `3 Often`, or `na`.
pub fn rating_text(scale: RatingScale<'_>, value: RatingValue) -> String {
    match value {
        RatingValue::Scale(v) => match scale.point(v) {
            Some(point) => format!("{v} {}", point.label),
            None => v.to_string(),
        },
        RatingValue::NotApplicable => "not applicable".into(),
    }
}

fn note_of<'a>(rating: Option<&'a Rating>, draft: Option<&'a str>) -> Option<&'a str> {
    rating.and_then(|r| r.note.as_deref()).or(draft)
}

fn notice_text(scale: RatingScale<'_>, notice: &Notice, style: Style) -> String {
    let text = match notice {
        Notice::NotOnScale(typed) => format!(
            "{typed} is not on the scale ({}); ? shows it",
            value_range(scale)
        ),
        Notice::AtFirst => "This is the first indicator.".into(),
        Notice::RateFirst => format!(
            "Rate it first ({}), n for not applicable, or s to skip it for now.",
            value_range(scale)
        ),
        Notice::UnknownKey => "That key does nothing here; ? shows the keys.".into(),
        Notice::NoteHeld => "Note saved; your rating will join it.".into(),
        Notice::NoteSaved => "Note saved.".into(),
        Notice::NoteRemoved => "Note removed.".into(),
        Notice::PressEnter => "Press Enter to begin, q to quit.".into(),
        Notice::NoSuchIndicator(typed) => {
            format!("{typed} is not an indicator number; type one from the range shown.")
        }
        Notice::ReviewKeys => format!("{REVIEW_PROMPT}, q to quit."),
    };
    if style.color {
        console::style(text)
            .yellow()
            .force_styling(true)
            .to_string()
    } else {
        text
    }
}

fn dim(text: &str, style: Style) -> String {
    if style.color {
        console::style(text).dim().force_styling(true).to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Ratings;
    use crate::framework;
    use crate::walk::{Key, Screen, Walk};

    const FRAMEWORK: &str = r#"
id: small
name: Small
version: "1"
source: "Written for the tests"
scale:
  - { value: 1, label: Rarely, description: "once in a while" }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 4, label: Consistently }
levels: [{ id: one, name: One }, { id: two, name: Two }]
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        title: Starts out
        indicators:
          - { id: a1, text: Shares what they learn with the team, examples: [writes notes, runs a demo] }
          - { id: a2, text: Asks for feedback }
      - level: two
        indicators: [{ id: b1, text: Coaches others }]
"#;

    fn framework() -> Framework {
        crate::test_support::framework("small.yaml", FRAMEWORK)
    }

    fn question_text(walk: &Walk, f: &Framework) -> String {
        match walk.screen() {
            Screen::Question(q) => question(f, &q, None, Style::default()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_opening_screen() {
        let f = framework();
        let walk = Walk::new(&f, Ratings::new(), false);
        let Screen::Opening(o) = walk.screen() else {
            panic!("opens on the opening screen")
        };
        insta::assert_snapshot!(opening(&f, &o, None, "~/assessments/small-2026-01-02.json", Style::default()), @r"
        Small (small 1)
        Source: Written for the tests

        1 competency, 3 indicators to rate, one keystroke each.

        Rating scale (3 or more counts as demonstrated):
             1  Rarely: once in a while
             2  Sometimes
             3  Often
             4  Consistently
        0 or n  not applicable

        Keys: 1-4 rate, 0 or n not applicable, s skip it for now, Backspace or ← back to
        change the previous answer, Enter or → keep a rating, e add a note, ? show the
        scale, q save and quit.

        Every answer is saved at once to ~/assessments/small-2026-01-02.json

        Press Enter to begin, q to quit.
        ");
    }

    #[test]
    fn a_question_with_breadcrumb_progress_and_examples() {
        let f = framework();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        walk.handle(Key::Enter);
        insta::assert_snapshot!(question_text(&walk, &f), @r"

        [1/3] Craft › Starts out

          Shares what they learn with the team
            • writes notes
            • runs a demo
          (a1)

        1 Rarely · 2 Sometimes · 3 Often · 4 Consistently · 0/n not applicable
        Your rating (1-4, 0/n not applicable, s skip, ← back, e note, ? help, q quit):
        ");
    }

    #[test]
    fn a_question_shows_what_the_competency_looks_like_at_its_level() {
        let f = crate::test_support::framework(
            "texts.yaml",
            r#"
id: texts
name: Texts
version: "1"
levels: [{ id: m1, name: Milestone 1 }]
competencies:
  - id: mobile
    name: Mobile
    levels:
      - level: m1
        title: Adopts
        description: Works within established architectures.
        examples: [Added an existing button to another surface]
        indicators: [{ id: mo-1, text: Follows the app's architecture }]
"#,
        );
        let mut walk = Walk::new(&f, Ratings::new(), false);
        walk.handle(Key::Enter);
        insta::assert_snapshot!(question_text(&walk, &f), @r"

        [1/1] Mobile › Adopts
          Works within established architectures.
          For example:
            • Added an existing button to another surface

          Follows the app's architecture
          (mo-1)

        1 Rarely · 2 Sometimes · 3 Often · 4 Consistently · 0/n not applicable
        Your rating (1-4, 0/n not applicable, s skip, ← back, e note, ? help, q quit):
        ");
    }

    #[test]
    fn revisiting_shows_the_rating_and_the_note() {
        let f = framework();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        walk.handle(Key::Enter);
        walk.handle(Key::Char('3'));
        walk.handle(Key::Char('n'));
        walk.handle(Key::Left);
        walk.set_note("asked the team in the retro");
        insta::assert_snapshot!(question_text(&walk, &f), @r"

        [2/3] Craft › Starts out

          Asks for feedback
          (a2)

        Rated not applicable (Enter keeps it, or give another)
        Note: asked the team in the retro
        Note saved.
        1 Rarely · 2 Sometimes · 3 Often · 4 Consistently · 0/n not applicable
        Your rating (1-4, 0/n not applicable, s skip, ← back, e note, ? help, q quit):
        ");
    }

    #[test]
    fn the_review_screen() {
        let f = framework();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        for key in [Key::Enter, Key::Char('3'), Key::Char('n'), Key::Char('4')] {
            walk.handle(key);
        }
        walk.handle(Key::Char('7'));
        let Screen::Review(r) = walk.screen() else {
            panic!("the walk ends on the review")
        };
        let warnings = ["the target is above the top level".to_string()];
        insta::assert_snapshot!(review(&f, &r, "(profile)\n", &warnings, Style::default()), @r"
        Review: all 3 indicators answered, 1 not applicable.

        (profile)

        warning: the target is above the top level

        7 is not an indicator number; type one from the range shown.
        Enter to finish, ← to go back, a number to jump to an indicator (1-3):
        ");
    }

    #[test]
    fn an_off_scale_key_is_explained() {
        let f = framework();
        let mut walk = Walk::new(&f, Ratings::new(), false);
        walk.handle(Key::Enter);
        walk.handle(Key::Char('9'));
        let text = question_text(&walk, &f);
        assert!(
            text.contains("9 is not on the scale (1-4); ? shows it"),
            "{text}"
        );
    }

    #[test]
    fn a_hard_wrapped_indicator_reads_as_a_paragraph_and_a_list() {
        let yaml = FRAMEWORK.replace(
            "text: Asks for feedback }",
            "text: \"Asks for feedback\\nafter a release:\\n- from users\\n- from the team\" }",
        );
        let f = framework::load("small.yaml", yaml.as_bytes())
            .map(|l| l.framework)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut walk = Walk::new(&f, Ratings::new(), false);
        walk.handle(Key::Enter);
        walk.handle(Key::Char('3'));
        let text = question_text(&walk, &f);
        assert!(
            text.contains("\n  Asks for feedback after a release:\n\n  - from users\n  - from the team\n  (a2)"),
            "{text}"
        );
    }
}
