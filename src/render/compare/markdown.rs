//! The comparison as Markdown, for a development conversation's notes.

use super::{standing_text, value_text};
use crate::compare::Comparison;
use crate::language::Language;
use crate::render::markdown::{escape, row};

/// A column heading as a Markdown table starts it: `Competency`.
fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The whole comparison as Markdown.
pub fn render(comparison: &Comparison, lang: Language) -> String {
    let w = |k: &str| capital(lang.text(k));
    let mut out = format!("# {}\n\n", escape(&super::table::heading(comparison)));
    out.push_str(&format!(
        "{}.\n\n",
        escape(&lang.fill(
            "compare.rated_by",
            &[("raters", &super::table::rater_list(comparison))]
        ))
    ));
    let others: Vec<String> = comparison
        .others()
        .iter()
        .map(|r| escape(&Comparison::rater_label(r)))
        .collect();

    out.push_str(&format!("## {}\n\n", lang.text("compare.levels.short")));
    let mut header = vec![w("col.competency"), w("col.self"), w("col.consensus")];
    header.extend(others.iter().cloned());
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_string(); header.len()]));
    for c in &comparison.competencies {
        let mut cells = vec![
            escape(&c.name),
            escape(&standing_text(c.self_standing.as_ref(), lang)),
            escape(&standing_text(c.consensus.as_ref(), lang)),
        ];
        cells.extend(
            c.raters
                .iter()
                .map(|s| escape(&standing_text(Some(s), lang))),
        );
        out.push_str(&row(&cells));
    }
    let fits = super::fit_lines(comparison, lang);
    if !fits.is_empty() {
        out.push('\n');
        for line in fits {
            out.push_str(&format!("{}\n", escape(&line)));
        }
    }

    out.push_str(&format!("\n## {}\n\n", lang.text("compare.indicators")));
    let mut header = vec![w("col.indicator"), w("col.self"), w("col.consensus")];
    header.extend(others.iter().cloned());
    header.push(w("col.flag"));
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_string(); header.len()]));
    for i in &comparison.indicators {
        let mut cells = vec![
            format!("{} ({})", escape(&i.text), escape(&i.id)),
            value_text(i.self_value),
            value_text(i.consensus),
        ];
        cells.extend(i.values.iter().map(|v| value_text(*v)));
        let flag = i.flag_text();
        cells.push(if flag.is_empty() {
            flag
        } else {
            format!("**{flag}**")
        });
        out.push_str(&row(&cells));
    }
    out.push('\n');
    out.push_str(&escape(&super::table::summary(comparison)));
    out.push('\n');
    out.push('\n');
    out.push_str(&escape(&super::table::flags_legend(comparison)));
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
