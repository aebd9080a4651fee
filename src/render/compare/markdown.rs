//! The comparison as Markdown, for a development conversation's notes.

use super::{standing_text, value_text};
use crate::compare::Comparison;
use crate::render::markdown::{escape, row};

/// The whole comparison as Markdown.
pub fn render(comparison: &Comparison) -> String {
    let mut out = format!("# {}\n\n", escape(&super::table::heading(comparison)));
    out.push_str(&format!(
        "Rated by {}.\n\n",
        escape(&super::table::rater_list(comparison))
    ));
    let others: Vec<String> = comparison
        .others()
        .iter()
        .map(|r| escape(&Comparison::rater_label(r)))
        .collect();

    out.push_str("## Levels\n\n");
    let mut header = vec!["Competency".to_string(), "Self".into(), "Consensus".into()];
    header.extend(others.iter().cloned());
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_string(); header.len()]));
    for c in &comparison.competencies {
        let mut cells = vec![
            escape(&c.name),
            escape(&standing_text(c.self_standing.as_ref())),
            escape(&standing_text(c.consensus.as_ref())),
        ];
        cells.extend(c.raters.iter().map(|s| escape(&standing_text(Some(s)))));
        out.push_str(&row(&cells));
    }
    let fits = super::fit_lines(comparison);
    if !fits.is_empty() {
        out.push('\n');
        for line in fits {
            out.push_str(&format!("{}\n", escape(&line)));
        }
    }

    out.push_str("\n## Indicators\n\n");
    let mut header = vec!["Indicator".to_string(), "Self".into(), "Consensus".into()];
    header.extend(others.iter().cloned());
    header.push("Flag".into());
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_string(); header.len()]));
    for i in &comparison.indicators {
        let mut cells = vec![
            format!("{} ({})", escape(&i.text), escape(&i.id)),
            value_text(i.self_value),
            value_text(i.consensus),
        ];
        cells.extend(i.values.iter().map(|v| value_text(*v)));
        cells.push(
            i.flag
                .map_or(String::new(), |f| format!("**{}**", f.label())),
        );
        out.push_str(&row(&cells));
    }
    out.push('\n');
    out.push_str(&escape(&super::table::summary(comparison)));
    out.push('\n');
    let notes: Vec<String> = comparison
        .notes()
        .map(|(id, rater, note)| {
            format!("- {} ({}): {}\n", escape(id), escape(&rater), escape(note))
        })
        .collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n\n");
        out.extend(notes);
    }
    out
}
