//! The comparison as terminal tables: levels per competency by rater, then indicators side by
//! side with their flags, then the notes.

use crate::render::cell;
use comfy_table::CellAlignment;

use super::{standing_text, value_text};
use crate::assessment::RatingValue;
use crate::compare::Comparison;
use crate::render::{bold, lines, plural, table, visible, wrap, wrap_hanging, Style};

/// Everything, as text for a terminal.
pub fn render(comparison: &Comparison, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&bold(&lines(&heading(comparison), style.width), style));
    out.push('\n');
    out.push_str(&wrap(
        &style
            .lang
            .fill("compare.rated_by", &[("raters", &rater_list(comparison))]),
        style.width,
        "",
    ));
    out.push_str(&wrap(
        &style.lang.fill(
            "compare.consensus",
            &[
                ("at", &comparison.demonstrated_at.to_string()),
                (
                    "own",
                    &super::super::own_scales_note(&comparison.own_demonstrated_at),
                ),
            ],
        ),
        style.width,
        "",
    ));
    out.push('\n');

    let mut levels = table(style);
    let w = |k: &str| style.lang.text(k).to_string();
    let mut header = vec![w("col.competency"), w("col.self"), w("col.consensus")];
    header.extend(comparison.others().iter().map(column_name));
    levels.set_header(header);
    for c in &comparison.competencies {
        let mut row = vec![
            visible(&c.name).into_owned(),
            standing_text(c.self_standing.as_ref(), style.lang),
            standing_text(c.consensus.as_ref(), style.lang),
        ];
        row.extend(c.raters.iter().map(|s| standing_text(Some(s), style.lang)));
        levels.add_row(row);
    }
    let levels = crate::render::fit::laid_out(levels);
    out.push_str(style.lang.text("compare.levels"));
    out.push('\n');
    out.push_str(&levels.to_string());
    out.push('\n');
    for line in super::fit_lines(comparison, style.lang) {
        out.push_str(&wrap(&line, style.width, ""));
    }
    out.push('\n');

    let mut indicators = table(style);
    let mut header = vec![w("col.indicator"), w("col.self"), w("col.consensus")];
    header.extend(comparison.others().iter().map(column_name));
    header.push(w("col.flag"));
    indicators.set_header(header);
    for i in &comparison.indicators {
        let mut row = vec![
            cell(format!(
                "{} ({})",
                visible(&crate::render::one_line(&i.text)),
                visible(&i.id)
            )),
            cell(value_text(i.self_value)).set_alignment(CellAlignment::Right),
            cell(value_text(i.consensus)).set_alignment(CellAlignment::Right),
        ];
        row.extend(
            i.values
                .iter()
                .map(|v| cell(value_text(*v)).set_alignment(CellAlignment::Right)),
        );
        row.push(cell(i.flag_text()));
        indicators.add_row(row);
    }
    let indicators = crate::render::fit::laid_out(indicators);
    out.push_str(style.lang.text("compare.indicators"));
    out.push('\n');
    out.push_str(&indicators.to_string());
    out.push('\n');
    out.push_str(&summary(comparison));
    out.push_str(&wrap(&flags_legend(comparison), style.width, ""));

    let notes: Vec<String> = comparison
        .notes()
        .map(|(id, rater, note)| {
            let note = format!("{} ({}): {}", visible(id), visible(&rater), visible(note));
            wrap_hanging(&note, style.width, "  ", "    ")
        })
        .collect();
    if !notes.is_empty() {
        out.push_str("\nNotes\n");
        for note in notes {
            out.push_str(&note);
        }
    }
    out
}

/// `Name version · subject`.
pub fn heading(comparison: &Comparison) -> String {
    format!(
        "{} {} · {} · 360 comparison",
        visible(&comparison.framework_name),
        visible(&comparison.framework_version),
        visible(&comparison.subject)
    )
}

/// `self, Sam Lee (manager), peer 1 (incomplete)`.
pub fn rater_list(comparison: &Comparison) -> String {
    comparison
        .raters
        .iter()
        .map(|r| {
            let mut text = if comparison.has_self && std::ptr::eq(r, &comparison.raters[0]) {
                "self".to_string()
            } else {
                visible(&Comparison::rater_label(r)).into_owned()
            };
            if !r.coverage.complete() {
                text.push_str(&format!(
                    " (in progress: {} of {} answered)",
                    r.coverage.answered, r.coverage.of
                ));
            } else if !r.complete {
                text.push_str(" (incomplete)");
            }
            text
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rater's column header, with `*` for an incomplete assessment.
fn column_name(rater: &crate::compare::RaterInfo) -> String {
    let mut name = visible(&Comparison::rater_label(rater)).into_owned();
    if !rater.complete {
        name.push_str(" *");
    }
    name
}

/// What the two flags mean, as the consensus line says what the consensus is.
pub fn flags_legend(comparison: &Comparison) -> String {
    let mut legend = format!(
        "A blind spot: self rates it demonstrated ({n} or more), the consensus does not. A hidden strength: the consensus rates it demonstrated, self does not.",
        n = comparison.demonstrated_at
    );
    if comparison.indicators.iter().any(|i| i.split) {
        legend.push_str(" Split: the other raters' values differ by 2 or more, so their median, the consensus, stands for none of them well; the flags still follow it.");
    }
    legend
}

/// `2 blind spots, 1 hidden strength.` and the incomplete mark's meaning.
pub fn summary(comparison: &Comparison) -> String {
    let count = |f| {
        comparison
            .indicators
            .iter()
            .filter(|i| i.flag == Some(f))
            .count()
    };
    let blind = count(crate::compare::Flag::BlindSpot);
    let hidden = count(crate::compare::Flag::HiddenStrength);
    let split = comparison.indicators.iter().filter(|i| i.split).count();
    let mut out = format!(
        "{}, {}{}.\n",
        plural(blind, "blind spot", "blind spots"),
        plural(hidden, "hidden strength", "hidden strengths"),
        if split > 0 {
            format!("; {split} split")
        } else {
            String::new()
        }
    );
    if comparison.raters.iter().any(|r| !r.complete) {
        out.push_str("* incomplete: not every indicator was answered.\n");
    }
    let cells = || {
        comparison.indicators.iter().flat_map(|i| {
            [i.self_value, i.consensus]
                .into_iter()
                .chain(i.values.iter().copied())
        })
    };
    let mut legend = Vec::new();
    if cells().any(|v| v == Some(RatingValue::NotApplicable)) {
        legend.push("na: not applicable");
    }
    if cells().any(|v| v.is_none()) {
        legend.push("–: not rated");
    }
    if !legend.is_empty() {
        out.push_str(&format!("{}.\n", legend.join("; ")));
    }
    out
}
