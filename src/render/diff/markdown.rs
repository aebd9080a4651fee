//! The diff as Markdown.

use super::{
    drop_reason, note_text, rating_change, score_change_text, score_pair, side_level, DiffReport,
};
use crate::render::markdown::{escape as md, row as md_row};
use crate::render::plural;

/// The diff as Markdown.
pub fn render(report: &DiffReport) -> String {
    let mut out = format!("# {}\n\n", md(&report.heading()));
    if let Some(target) = &report.target {
        out.push_str(&format!("Gaps to {}\n\n", md(target)));
        out.push_str("| Competency | Before | After | Score | Change | Gap |\n");
        out.push_str("| --- | --- | --- | --- | ---: | ---: |\n");
    } else {
        out.push_str("| Competency | Before | After | Score | Change |\n");
        out.push_str("| --- | --- | --- | --- | ---: |\n");
    }
    for c in &report.competencies {
        let mut cells = vec![
            md(&c.name),
            md(&side_level(c.from_rank, c.from_title.as_deref())),
            md(&side_level(c.to_rank, c.to_title.as_deref())),
            score_pair(c),
            score_change_text(c),
        ];
        if report.target.is_some() {
            cells.push(report.gap_text(&c.id));
        }
        out.push_str(&md_row(&cells));
    }
    for (_, title, items) in report.groups() {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {title} ({})\n\n",
            plural(items.len(), "indicator", "indicators")
        ));
        for i in items {
            out.push_str(&format!(
                "- {} (`{}`, {} level {}): {}\n",
                md(&i.text),
                i.id.replace('`', "'"),
                md(&i.competency_name),
                i.rank,
                md(&rating_change(i))
            ));
        }
    }
    for (title, items) in [
        ("Added in the new framework version", &report.added),
        ("Removed from the new framework version", &report.removed),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for i in items {
            out.push_str(&format!(
                "- {} (`{}`, {})\n",
                md(&i.text),
                i.id.replace('`', "'"),
                md(&i.competency_name)
            ));
        }
    }
    if !report.notes.is_empty() {
        out.push_str("\n## Changed notes\n\n");
        for n in &report.notes {
            out.push_str(&format!(
                "- {} (`{}`): {} → {}\n",
                md(&n.text),
                n.id.replace('`', "'"),
                md(&note_text(n.from.as_deref())),
                md(&note_text(n.to.as_deref()))
            ));
        }
    }
    if !report.dropped.is_empty() {
        out.push_str("\n## Ratings left out (the framework changed)\n\n");
        for d in &report.dropped {
            out.push_str(&format!(
                "- {}: `{}` rated {}: {}\n",
                md(&d.file),
                d.dropped.id.replace('`', "'"),
                d.dropped.value,
                drop_reason(d.dropped.reason)
            ));
        }
    }
    out.push_str(&format!("\n{}\n", md(&report.summary)));
    out
}
