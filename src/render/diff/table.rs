//! The diff for the terminal: levels and scores, then the changed ratings, notes and what
//! was left out, a table each.

use crate::render::cell;
use comfy_table::{CellAlignment, Color};

use super::{
    drop_reason, gap_text, groups, heading, note_text, rating_change, score_change_text,
    score_pair, side_level, DiffReport,
};
use crate::render::{bold, table, Style};

/// The diff for the terminal.
pub fn render(report: &DiffReport, style: Style) -> String {
    let width = style.width;
    let mut out = bold(&crate::render::lines(&heading(report), width), style);
    out.push('\n');
    if let Some(target) = &report.target {
        out.push_str(&crate::render::lines(&format!("Gaps to {target}"), width));
        out.push('\n');
    }
    out.push('\n');
    let mut t = table(style);
    let w = |k: &str| style.lang.text(k);
    let mut header = vec![
        w("col.competency"),
        w("col.before"),
        w("col.after"),
        w("col.score"),
        w("col.change"),
    ];
    if report.target.is_some() {
        header.push(w("col.gap"));
    }
    t.set_header(header);
    for c in &report.competencies {
        let mut change = cell(score_change_text(c)).set_alignment(CellAlignment::Right);
        if style.color {
            match c.score_change {
                Some(d) if d > 0.0 => change = change.fg(Color::Green),
                Some(d) if d < 0.0 => change = change.fg(Color::Red),
                _ => {}
            }
        }
        let mut row = vec![
            cell(&c.name),
            cell(side_level(c.from_rank, c.from_title.as_deref())),
            cell(side_level(c.to_rank, c.to_title.as_deref())),
            cell(score_pair(c)),
            change,
        ];
        if report.target.is_some() {
            row.push(cell(gap_text(report, &c.id)).set_alignment(CellAlignment::Right));
        }
        t.add_row(row);
    }
    let t = crate::render::fit::laid_out(t);
    out.push_str(&format!("{t}\n"));

    for (_, title, items) in groups(report) {
        if items.is_empty() {
            continue;
        }
        let mut t = table(style);
        t.set_header(vec!["indicator", "competency", "rating"]);
        for i in items {
            t.add_row(vec![
                cell(format!("{}\n({})", i.text, i.id)),
                cell(format!("{}\nlevel {}", i.competency_name, i.rank)),
                cell(rating_change(i)),
            ]);
        }
        let t = crate::render::fit::laid_out(t);
        out.push_str(&format!("\n{}\n{t}\n", bold(title, style)));
    }
    for (title, items) in [
        ("Added in the new framework version", &report.added),
        ("Removed from the new framework version", &report.removed),
    ] {
        if items.is_empty() {
            continue;
        }
        let mut t = table(style);
        t.set_header(vec!["indicator", "competency"]);
        for i in items {
            t.add_row(vec![
                cell(format!("{}\n({})", i.text, i.id)),
                cell(&i.competency_name),
            ]);
        }
        let t = crate::render::fit::laid_out(t);
        out.push_str(&format!("\n{}\n{t}\n", bold(title, style)));
    }
    if !report.notes.is_empty() {
        let mut t = table(style);
        t.set_header(vec!["indicator", "note before", "note after"]);
        for n in &report.notes {
            t.add_row(vec![
                cell(format!("{}\n({})", n.text, n.id)),
                cell(note_text(n.from.as_deref())),
                cell(note_text(n.to.as_deref())),
            ]);
        }
        let t = crate::render::fit::laid_out(t);
        out.push_str(&format!("\n{}\n{t}\n", bold("Changed notes", style)));
    }
    if !report.dropped.is_empty() {
        let mut t = table(style);
        t.set_header(vec!["file", "indicator", "rating", "left out because"]);
        for d in &report.dropped {
            t.add_row(vec![
                cell(&d.file),
                cell(&d.dropped.id),
                cell(d.dropped.value.to_string()),
                cell(drop_reason(d.dropped.reason)),
            ]);
        }
        let t = crate::render::fit::laid_out(t);
        out.push_str(&format!(
            "\n{}\n{t}\n",
            bold("Ratings left out (the framework changed)", style)
        ));
    }
    out.push_str(&format!(
        "\n{}\n",
        crate::render::lines(&report.summary, width)
    ));
    out
}
