//! `rungs list`: the frameworks available.

use crate::render::cell;
use comfy_table::{CellAlignment, ColumnConstraint};

use super::{table, wrap, Style};
use crate::catalog::{Catalog, Origin};

/// A table of the frameworks (id, name, version, counts), then where each comes from and its
/// source note, wrapped to the width; `languages` are each entry's translations, in order.
pub fn list(catalog: &Catalog, languages: &[Vec<String>], style: Style) -> String {
    let mut t = table(style);
    t.load_style(comfy_table::presets::NOTHING);
    t.set_header(vec!["ID", "NAME", "VER", "COMP", "LVL", "IND"]);
    for entry in &catalog.entries {
        let f = &entry.framework;
        t.add_row(vec![
            cell(&f.id),
            cell(&f.name),
            cell(&f.version),
            cell(f.competencies.len()).set_alignment(CellAlignment::Right),
            cell(f.levels.len()).set_alignment(CellAlignment::Right),
            cell(f.indicator_count()).set_alignment(CellAlignment::Right),
        ]);
    }
    for column in [0, 2, 3, 4, 5] {
        if let Some(c) = t.column_mut(column) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let mut out = String::new();
    for line in crate::render::fit::laid_out(t).lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("(COMP competencies, LVL levels, IND indicators)\n");
    for (index, entry) in catalog.entries.iter().enumerate() {
        let f = &entry.framework;
        let from = match &entry.origin {
            Origin::Builtin(_) => "built in".to_string(),
            Origin::File(p) => p.display().to_string(),
        };
        out.push_str(&format!("\n{} ({from})\n", f.id));
        if let Some(langs) = languages.get(index).filter(|l| !l.is_empty()) {
            out.push_str(&format!("  translations: {}\n", langs.join(", ")));
        }
        if let Some(source) = &f.source {
            out.push_str(&wrap(source.trim(), style.width, "  "));
        }
    }
    out
}

/// The saved assessments: framework, subject, rater, date, complete or not, and the file, latest
/// first, under a line saying how many there are and where.
pub fn assessments(
    listing: &crate::assessment::folder::Listing,
    dir: &str,
    style: Style,
) -> String {
    let count = listing.assessments.len();
    let mut out = super::plural(count, "assessment", "assessments");
    out.push_str(&format!(" in {dir}\n"));
    if count == 0 {
        out.push_str("Start one with: rungs assess FRAMEWORK\n");
    }
    // Two lines each, so nothing is cut mid-word on a narrow terminal: the file, then what it
    // holds.
    for a in &listing.assessments {
        let file = a
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        out.push_str(&format!("{}\n", super::visible(&file)));
        let mut parts = vec![a.framework.clone()];
        if let Some(subject) = &a.subject {
            parts.push(super::visible(subject).into_owned());
        }
        if let Some(rater) = &a.rater {
            parts.push(format!(
                "rated by {} ({})",
                super::visible(&rater.name),
                rater.relation
            ));
        }
        parts.push(super::history::date_time(&a.date));
        parts.push(
            if a.complete {
                "complete"
            } else {
                "in progress"
            }
            .to_string(),
        );
        out.push_str(&wrap(&parts.join(" · "), style.width, "  "));
    }
    for problem in &listing.unreadable {
        out.push_str(&format!(
            "not an assessment: {}\n",
            super::visible(&problem.to_string())
        ));
    }
    out
}
