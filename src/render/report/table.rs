//! The report for the terminal: profile table, gap table, development plan.
//!
//! [`profile_table`] and [`gap_table`] are also what `rungs assess` shows at the end of a walk.

use crate::render::cell;
use comfy_table::{CellAlignment, Color};

use crate::render::text::{bar, bar_cells, score_text_in};
use crate::render::{
    bold, lines, one_line, prose, table, visible, wrap_hanging, wrap_prose, Style,
};
use crate::report::{competency_coverage_text, rating_text, roles_title_in, standing_text, Report};
use crate::words::level_text;

/// The whole report: heading, scoring rule, profile, and when a target was given the gap table
/// and the development plan.
pub fn render(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let width = style.width;
    out.push_str(&bold(
        &lines(&super::heading_in(report, style.lang), width),
        style,
    ));
    out.push('\n');
    if let (Some(name), Some(id)) = (&report.track_name, &report.track) {
        out.push_str(&lines(
            &style.lang.fill(
                "report.track",
                &[
                    ("name", &crate::render::visible(name)),
                    ("id", &crate::render::visible(id)),
                ],
            ),
            width,
        ));
        out.push('\n');
    }
    out.push_str(&lines(&report.rule_in(style.lang), width));
    out.push('\n');
    if let Some(kind) = &report.kind {
        out.push_str(&lines(&kind.description, width));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&profile_table_with(report, style, true));
    out.push_str(&explanations(report, style));
    out.push_str(&warnings(report, style));
    if report.target.is_some() {
        out.push('\n');
        out.push_str(&gap_table(report, style));
        out.push('\n');
        out.push_str(&plan(report, style));
    }
    if report.noted().next().is_some() {
        out.push('\n');
        out.push_str(&notes(report, style));
    }
    out
}

/// "Why these levels": per competency, every level of its ladder and why it is held or not.
/// Empty unless the report keeps its explanations.
pub fn explanations(report: &Report, style: Style) -> String {
    if !report.is_explained() {
        return String::new();
    }
    let width = style.width;
    let mut out = format!("\n{}\n", bold(style.lang.text("report.why"), style));
    for c in &report.competencies {
        let Some(explain) = &c.explain else { continue };
        out.push_str(&wrap_hanging(
            &format!("{}: {}", c.label(), explain.summary),
            width,
            "",
            "  ",
        ));
        for level in &explain.levels {
            out.push_str(&wrap_hanging(
                &format!(
                    "{}; {}",
                    level.reason,
                    crate::report::explain::counts(&level.level)
                ),
                width,
                "  - ",
                "    ",
            ));
        }
    }
    out
}

/// "Worth a second look": the consistency warnings, one sentence each. Empty when there are
/// none.
pub fn warnings(report: &Report, style: Style) -> String {
    if report.warnings.is_empty() {
        return String::new();
    }
    let width = style.width;
    let mut out = format!("\n{}\n", bold(style.lang.text("report.second_look"), style));
    for w in &report.warnings {
        out.push_str(&wrap_hanging(&w.message, width, "  - ", "    "));
    }
    out
}

/// "Evidence notes": every indicator with a note, its rating beside it.
pub fn notes(report: &Report, style: Style) -> String {
    let mut t = table(style);
    let w = |k: &str| style.lang.text(k);
    t.set_header(vec![w("col.indicator"), w("col.rating"), w("col.note")]);
    for i in report.noted() {
        t.add_row(vec![
            cell(format!(
                "{}\n({}, {})",
                prose::flow(&i.label()),
                i.competency_label(),
                level_text(i.rank, Some(&i.level_label()))
            )),
            cell(rating_text(i)),
            cell(one_line(i.note.as_deref().unwrap_or_default())),
        ]);
    }
    let t = crate::render::fit::laid_out(t);
    format!("{}\n{t}\n", bold(style.lang.text("report.notes"), style))
}

/// What `rungs assess` prints when a walk ends: how much is answered, the profile, and the gaps
/// when a target was given.
pub fn profile_and_gaps(report: &Report, style: Style) -> String {
    let mut out = String::new();
    if let Some(coverage) = report.coverage_text() {
        out.push_str(&lines(&coverage, style.width));
        out.push('\n');
    }
    out.push_str(&profile_table(report, style));
    if report.target.is_some() {
        out.push('\n');
        out.push_str(&gap_table(report, style));
    }
    out
}

/// "Level profile" and one row per competency: level, score, bar, progress to the next level.
pub fn profile_table(report: &Report, style: Style) -> String {
    profile_table_with(report, style, false)
}

/// The profile table; with `roles`, the roles table follows it, before the best fit.
fn profile_table_with(report: &Report, style: Style, roles: bool) -> String {
    let cells = bar_cells(report.max_rank);
    let mut out = format!(
        "{}\n",
        bold(
            &style.lang.fill(
                "report.profile.scores",
                &[("max", &report.max_rank.to_string())],
            ),
            style
        )
    );
    let grouped = !report.groups.is_empty();
    // With groups, each group's competencies under its name, in a table of their own.
    for (group, members) in report.sections() {
        if grouped {
            let heading =
                group.map_or_else(|| style.lang.text("report.other").into(), |g| g.label());
            out.push_str(&bold(&lines(&heading, style.width), style));
            out.push('\n');
        }
        // On a narrow terminal the bar gives way, so no word has to break.
        let with_bar = style.width >= 60;
        let mut t = table(style);
        let w = |k: &str| style.lang.text(k);
        if with_bar {
            t.set_header(vec![
                w("col.competency"),
                w("col.level"),
                w("col.score"),
                "",
                w("col.next"),
            ]);
        } else {
            t.set_header(vec![
                w("col.competency"),
                w("col.level"),
                w("col.score"),
                w("col.next"),
            ]);
        }
        for c in members {
            let mut bar_cell = cell(bar(c.score_or_zero(), report.max_rank as f64, cells));
            let mut level_cell = cell(standing_text(c));
            if style.color {
                bar_cell = bar_cell.fg(Color::Cyan);
                if c.rank == 0 {
                    level_cell = level_cell.fg(Color::DarkGrey);
                }
            }
            let mut row = vec![
                cell(match competency_coverage_text(c) {
                    Some(coverage) => format!("{}\n{coverage}", c.label()),
                    None => c.label().into_owned(),
                }),
                level_cell,
                cell(score_text_in(style.lang, c.score)).set_alignment(CellAlignment::Right),
            ];
            if with_bar {
                row.push(bar_cell);
            }
            row.push(cell(crate::report::progress_text_in(c, style.lang)));
            t.add_row(row);
        }
        let t = crate::render::fit::laid_out(t);
        out.push_str(&format!("{t}\n"));
    }
    if roles {
        out.push_str(&roles_table(report, style));
    }
    if let Some(fit) = &report.best_fit {
        out.push_str(&lines(&fit.sentence_in(style.lang), style.width));
        out.push('\n');
    }
    out
}

/// "Roles": per role on the ladder, how many of the competencies it names are met, how many
/// levels short it is and whether it fits (section 10). Empty without roles.
pub fn roles_table(report: &Report, style: Style) -> String {
    if report.roles.is_empty() {
        return String::new();
    }
    let mut t = table(style);
    let w = |k: &str| style.lang.text(k);
    t.set_header(vec![
        w("col.role"),
        w("col.competencies"),
        w("col.levels_short"),
        w("col.fits"),
    ]);
    for r in &report.roles {
        let mut fits = cell(r.fits_text_in(style.lang));
        if style.color {
            fits = fits.fg(if r.fits { Color::Green } else { Color::Yellow });
        }
        t.add_row(vec![
            cell(format!("{} ({})", r.name, r.id)),
            cell(r.met_text_in(style.lang)),
            cell(r.short).set_alignment(CellAlignment::Right),
            fits,
        ]);
    }
    let t = crate::render::fit::laid_out(t);
    format!(
        "{}\n{t}\n",
        bold(&roles_title_in(report, style.lang), style)
    )
}

/// The gap table, biggest gap first: current, target, gap in levels, met or not.
/// Empty when no target applies.
pub fn gap_table(report: &Report, style: Style) -> String {
    let Some(target) = &report.target else {
        return String::new();
    };
    let title = bold(
        &lines(
            &style
                .lang
                .fill("report.gaps", &[("target", &target.description)]),
            style.width,
        ),
        style,
    );
    if report.gaps.is_empty() {
        return format!("{title}\n{}\n", style.lang.text("report.gaps.none"));
    }
    // On a narrow terminal the met column gives way (a gap of 0 says it), so no word breaks.
    let with_status = style.width >= 60;
    let mut t = table(style);
    let w = |k: &str| style.lang.text(k);
    let mut header = vec![
        w("col.competency"),
        w("col.current"),
        w("col.target"),
        w("col.gap"),
    ];
    if with_status {
        header.push("");
    }
    t.set_header(header);
    for g in &report.gaps {
        let mut status = cell(g.status_in(style.lang));
        if style.color {
            status = status.fg(if g.met { Color::Green } else { Color::Yellow });
        }
        let mut row = vec![
            cell(g.label()),
            cell(level_text(g.rank, g.level_title.as_deref())),
            cell(level_text(g.target_rank, Some(&g.target_title))),
            cell(g.gap_text()).set_alignment(CellAlignment::Right),
        ];
        if with_status {
            row.push(status);
        }
        t.add_row(row);
    }
    let t = crate::render::fit::laid_out(t);
    format!(
        "{title}\n{t}\n{}\n",
        lines(&report.targets_met_text_in(style.lang), style.width)
    )
}

/// The development plan: per competency with a gap, the indicators not yet demonstrated and the
/// competency's guidance.
pub fn plan(report: &Report, style: Style) -> String {
    let width = style.width;
    let mut out = bold(style.lang.text("report.plan"), style);
    out.push('\n');
    if report.plan.is_empty() {
        out.push_str(&lines(&report.all_met_text_in(style.lang), width));
        out.push('\n');
        return out;
    }
    for entry in &report.plan {
        out.push('\n');
        out.push_str(&bold(
            &lines(
                &style.lang.fill(
                    "report.plan.entry",
                    &[
                        ("competency", &entry.label()),
                        (
                            "from",
                            &level_text(entry.rank, entry.level_title.as_deref()),
                        ),
                        (
                            "to",
                            &level_text(entry.target_rank, Some(&entry.target_title)),
                        ),
                        ("n", &entry.levels_to_go().to_string()),
                    ],
                ),
                width,
            ),
            style,
        ));
        out.push('\n');
        out.push_str(&crate::render::walk::level_text(
            entry.target_description.as_deref(),
            &entry.target_examples,
            width,
        ));
        if entry.indicators.is_empty() {
            out.push_str(&wrap_hanging(
                style.lang.text("report.plan.done"),
                width,
                "",
                "",
            ));
        } else {
            let mut t = table(style);
            let w = |k: &str| style.lang.text(k);
            t.set_header(vec![w("col.level"), w("col.indicator"), w("col.rating")]);
            let mut previous_rank = None;
            for i in &entry.indicators {
                let level = if previous_rank == Some(i.rank) {
                    String::new()
                } else {
                    let mut level = level_text(i.rank, Some(&i.level_label()));
                    if let Some(title) = &i.competency_title {
                        level.push_str(&format!("\n{}", prose::flow(title)));
                    }
                    level
                };
                previous_rank = Some(i.rank);
                let mut rating = cell(rating_text(i));
                if style.color && i.rating.is_none() {
                    rating = rating.fg(Color::DarkGrey);
                }
                let mut indicator = format!("{}\n({})", prose::flow(&i.label()), i.id);
                if let Some(note) = &i.note {
                    indicator.push_str(&format!("\nNote: {}", visible(note)));
                }
                t.add_row(vec![cell(level), cell(indicator), rating]);
            }
            let t = crate::render::fit::laid_out(t);
            out.push_str(&format!("{t}\n"));
        }
        for g in &entry.guidance {
            out.push_str(&format!("{}\n", lines(&g.title, width)));
            for item in &g.items {
                out.push_str(&wrap_prose(item, width, "  • ", "    "));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::assessment::TargetRequest;
    use crate::render::Style;
    use crate::report::Report;
    use crate::test_support::{framework, rated, TWO_LEVELS};

    #[test]
    fn profile_and_gaps_of_a_report_in_progress() {
        let f = framework("small.yaml", TWO_LEVELS);
        let ratings = rated(&[("craft.one.1", 4), ("craft.one.2", 3)]);
        let target = TargetRequest {
            level: Some("two".to_string()),
            ..TargetRequest::default()
        };
        let report = match Report::from_ratings(&f, &ratings, &target) {
            Ok(report) => report,
            Err(e) => panic!("{e}"),
        };
        insta::assert_snapshot!(super::profile_and_gaps(&report, Style::default()), @r"
        in progress: 2 of 3 answered
        Level profile (scores out of 2)
        ┌─────────────────┬─────────┬───────┬──────┬───────────────────────────────────┐
        │ competency      ┆ level   ┆ score ┆      ┆ next level                        │
        ╞═════════════════╪═════════╪═══════╪══════╪═══════════════════════════════════╡
        │ Craft           ┆ 1 · One ┆  1.00 ┆ ██░░ ┆ 1 more at Two holds it (1 not     │
        │ 2 of 3 answered ┆         ┆       ┆      ┆ rated)                            │
        └─────────────────┴─────────┴───────┴──────┴───────────────────────────────────┘

        Gaps to every competency at Two
        ┌────────────┬─────────┬─────────┬─────┬─────────┐
        │ competency ┆ current ┆ target  ┆ gap ┆         │
        ╞════════════╪═════════╪═════════╪═════╪═════════╡
        │ Craft      ┆ 1 · One ┆ 2 · Two ┆   1 ┆ not met │
        └────────────┴─────────┴─────────┴─────┴─────────┘
        Targets met: 0 of 1.
        ");
    }
}
