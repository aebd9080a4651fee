//! The screens of `rungs assess`: the opening screen and one indicator at a time.

use super::{bold, wrap, wrap_hanging, wrap_prose, Style};
use crate::assessment::{Rater, Rating, RatingValue, Relation};
use crate::framework::{Framework, RatingScale};
use crate::language::Language;
use crate::walk::{Notice, Opening, Question, Review};

/// The text of the prompt line under each indicator; tests wait for it.
pub const PROMPT: &str = "Your rating";

/// The text of the prompt line of the review screen; tests wait for it.
pub const REVIEW_PROMPT: &str = "Enter to finish, ← to go back, a number to jump to an indicator";

/// Whose behaviour is rated and by whom, for the walk's screens: `Alex Rivera, rated by Sam
/// Lee (manager)`, `Alex Rivera, rating themself`; `None` when the assessment names no one.
/// Names are made safe for the terminal.
pub fn whose(subject: Option<&str>, rater: Option<&Rater>) -> Option<String> {
    whose_in(Language::English, subject, rater)
}

/// [`whose`] in a language.
pub fn whose_in(lang: Language, subject: Option<&str>, rater: Option<&Rater>) -> Option<String> {
    let subject = subject.map(|s| super::visible(s).into_owned());
    let relation = |r: Relation| lang.text(&format!("relation.{}", r.as_str())).to_string();
    match (subject, rater) {
        (Some(subject), Some(rater)) if rater.relation != Relation::SelfRating => Some(lang.fill(
            "walk.whose.other",
            &[
                ("subject", &subject),
                ("rater", &super::visible(&rater.name)),
                ("relation", &relation(rater.relation)),
            ],
        )),
        (None, Some(rater)) if rater.relation != Relation::SelfRating => Some(lang.fill(
            "walk.whose.unnamed",
            &[
                ("rater", &super::visible(&rater.name)),
                ("relation", &relation(rater.relation)),
            ],
        )),
        (Some(subject), _) => Some(lang.fill("walk.whose.self", &[("subject", &subject)])),
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
    let t = style.lang;
    if let Some(source) = &framework.source {
        let source = t.fill("walk.source", &[("source", source.trim())]);
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
        let mut line = t.fill("walk.track", &[("track", track)]);
        if !others.is_empty() {
            line.push_str(&t.fill("walk.track.others", &[("others", &others.join(", "))]));
        }
        out.push_str(&wrap(&line, style.width, ""));
    }
    out.push('\n');
    if let Some(who) = who {
        let line = wrap(&t.fill("walk.whose", &[("who", who)]), style.width, "");
        out.push_str(&bold(line.trim_end(), style));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(
        &t.fill(
            "walk.size",
            &[
                (
                    "competencies",
                    &t.count(screen.competencies, "count.competency", &[]),
                ),
                (
                    "indicators",
                    &t.count(screen.indicators, "count.indicator", &[]),
                ),
            ],
        ),
        style.width,
        "",
    ));
    if screen.adaptive {
        out.push_str(&wrap(t.text("walk.adaptive"), style.width, ""));
    }
    if screen.revisiting {
        out.push_str(&wrap(t.text("walk.revisiting"), style.width, ""));
    }
    if screen.complete {
        out.push_str(&wrap(
            &t.fill(
                "walk.resuming.all",
                &[(
                    "indicators",
                    &t.count(screen.answered, "count.indicator", &[]),
                )],
            ),
            style.width,
            "",
        ));
    } else if screen.answered > 0 {
        out.push_str(&wrap(
            &t.fill(
                "walk.resuming.some",
                &[
                    ("n", &screen.answered.to_string()),
                    ("total", &screen.indicators.to_string()),
                ],
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
            &t.fill("walk.own_scales", &[("competencies", &own.join(", "))]),
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
        &t.fill("walk.saving", &[("file", saving_to)]),
        style.width,
        "",
    ));
    out.push('\n');
    if let Some(notice) = screen.notice {
        out.push_str(&notice_text(shared, notice, style));
        out.push('\n');
    }
    if screen.ask_name {
        out.push_str(&bold(
            &wrap(t.text("walk.ask_name"), style.width, ""),
            style,
        ));
        out.push_str(&bold(t.text("walk.ask_name.begin"), style));
        out.push('\n');
        return out;
    }
    let begin = if screen.complete {
        t.text("walk.enter.review")
    } else {
        t.text("walk.enter.begin")
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
    if crate::render::width::width(&line) <= usize::from(width) {
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
    let t = style.lang;
    let mut answered = if screen.unanswered.is_empty() {
        t.fill(
            "walk.review.all",
            &[("indicators", &t.count(screen.total, "count.indicator", &[]))],
        )
    } else {
        t.fill(
            "walk.review.some",
            &[
                ("n", &(screen.total - screen.unanswered.len()).to_string()),
                ("indicators", &t.count(screen.total, "count.indicator", &[])),
            ],
        )
    };
    if screen.not_applicable > 0 {
        answered.push_str(&t.fill(
            "walk.review.na",
            &[("n", &screen.not_applicable.to_string())],
        ));
    }
    answered.push('.');
    out.push_str(&bold(&answered, style));
    out.push('\n');
    if !screen.unanswered.is_empty() {
        let numbers: Vec<String> = screen.unanswered.iter().map(usize::to_string).collect();
        out.push_str(&wrap(
            &t.count(
                numbers.len(),
                "walk.review.unanswered",
                &[("numbers", &numbers.join(", "))],
            ),
            style.width,
            "",
        ));
    }
    out.push('\n');
    out.push_str(profile);
    let mut all = Vec::new();
    if screen.skipped > 0 {
        all.push(t.count(screen.skipped, "walk.review.skipped", &[]));
    }
    if screen.unrated_notes > 0 {
        all.push(t.count(screen.unrated_notes, "walk.review.unrated_notes", &[]));
    }
    all.extend(warnings.iter().cloned());
    if !all.is_empty() {
        out.push('\n');
    }
    for warning in &all {
        out.push_str(&wrap_hanging(
            &t.fill("walk.warning", &[("warning", warning)]),
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
        "{} (1-{}): {}",
        t.text("walk.review.prompt"),
        screen.total,
        screen.typed
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
            &style.lang.count(screen.skipped, "walk.skipped", &[]),
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
            wrap_prose(
                &style.lang.fill("walk.from", &[("origin", origin)]),
                width,
                "  ",
                "  ",
            )
            .trim_end(),
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
    let t = style.lang;
    if own.own && !screen.show_scale {
        out.push_str(&wrap_hanging(
            &t.fill(
                "walk.own_scale",
                &[
                    (
                        "points",
                        &own.points
                            .iter()
                            .map(|p| format!("{} {}", p.value, p.label))
                            .collect::<Vec<_>>()
                            .join(" · "),
                    ),
                    ("at", &own.demonstrated_at.to_string()),
                ],
            ),
            style.width,
            "",
            "  ",
        ));
    }
    if let Some(rating) = screen.rating {
        out.push_str(&wrap(
            &t.fill(
                "walk.rated",
                &[(
                    "rating",
                    &bold(&rating_text_in(t, own, rating.value), style),
                )],
            ),
            style.width,
            "",
        ));
    } else if let Some(earlier) = screen.earlier {
        out.push_str(&wrap(
            &t.fill(
                "walk.last_time",
                &[(
                    "rating",
                    &bold(&rating_text_in(t, own, earlier.value), style),
                )],
            ),
            style.width,
            "",
        ));
    }
    let earlier_note = screen.earlier.and_then(|r| r.note.as_deref());
    if let Some(note) = note_of(screen.rating, screen.draft_note).or(earlier_note) {
        out.push_str(&wrap(
            &t.fill("walk.note", &[("note", &super::visible(note))]),
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
    let t = style.lang;
    let of_whom = match who.and_then(|w| w.split_once(t.text("walk.whose.rated_by"))) {
        Some((subject, _)) => t.fill("walk.prompt.of", &[("subject", subject)]),
        None => String::new(),
    };
    out.push_str(&labels_line(own, style));
    // Wrapped like any line; the cursor stays after the last word.
    let prompt = wrap(
        &t.fill(
            "walk.prompt",
            &[
                ("of", &of_whom),
                ("values", &value_range(own)),
                ("na", na_key(own)),
            ],
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
        &style.lang.fill(
            "walk.keys.short",
            &[("values", &value_range(scale)), ("na", na_key(scale))],
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
        if crate::render::width::width(&cut) + 1 + crate::render::width::width(word) > limit {
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
    let t = style.lang;
    let mut out = t.fill(
        if scale.own {
            "walk.scale.own"
        } else {
            "walk.scale"
        },
        &[("at", &scale.demonstrated_at.to_string())],
    );
    out.push('\n');
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
    out.push_str(&format!(
        "{:>6}  {}\n",
        na_keys(t, scale),
        t.text("walk.na")
    ));
    out
}

/// The keys, in one short paragraph.
pub fn keys(scale: RatingScale<'_>, style: Style) -> String {
    wrap(
        &style.lang.fill(
            "walk.keys",
            &[
                ("values", &value_range(scale)),
                ("na", &na_keys(style.lang, scale)),
            ],
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
                    Some(n) if super::width::first_graphemes(&label, n + 1).1 => {
                        format!("{}.", super::width::first_graphemes(&label, n).0)
                    }
                    _ => label,
                };
                format!("{} {label}", p.value)
            })
            .collect();
        parts.push(format!("{} {}", na_key(scale), style.lang.text("walk.na")));
        parts.join(" · ")
    };
    let full = line(None);
    let text = if crate::render::width::width(&full) <= usize::from(style.width) {
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

fn na_keys(lang: Language, scale: RatingScale<'_>) -> String {
    if scale.point(0).is_some() {
        "n".into()
    } else {
        lang.text("walk.na_keys").into()
    }
}

/// `3 Often`, or `na`.
pub fn rating_text(scale: RatingScale<'_>, value: RatingValue) -> String {
    rating_text_in(Language::English, scale, value)
}

/// [`rating_text`] in a language.
pub fn rating_text_in(lang: Language, scale: RatingScale<'_>, value: RatingValue) -> String {
    match value {
        RatingValue::Scale(v) => match scale.point(v) {
            Some(point) => format!("{v} {}", point.label),
            None => v.to_string(),
        },
        RatingValue::NotApplicable => lang.text("walk.na").into(),
    }
}

fn note_of<'a>(rating: Option<&'a Rating>, draft: Option<&'a str>) -> Option<&'a str> {
    rating.and_then(|r| r.note.as_deref()).or(draft)
}

fn notice_text(scale: RatingScale<'_>, notice: &Notice, style: Style) -> String {
    let t = style.lang;
    let range = value_range(scale);
    let text = match notice {
        Notice::NotOnScale(typed) => t.fill(
            "walk.notice.not_on_scale",
            &[("typed", &typed.to_string()), ("values", &range)],
        ),
        Notice::AtFirst => t.text("walk.notice.at_first").into(),
        Notice::RateFirst => t.fill("walk.notice.rate_first", &[("values", &range)]),
        Notice::UnknownKey => t.text("walk.notice.unknown_key").into(),
        Notice::NoteHeld => t.text("walk.notice.note_held").into(),
        Notice::NoteSaved => t.text("walk.notice.note_saved").into(),
        Notice::NoteRemoved => t.text("walk.notice.note_removed").into(),
        Notice::PressEnter => t.text("walk.enter.begin").into(),
        Notice::NoSuchIndicator(typed) => {
            t.fill("walk.notice.no_such", &[("typed", &typed.to_string())])
        }
        Notice::ReviewKeys => t.text("walk.notice.review_keys").into(),
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
