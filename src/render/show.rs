//! `rungs show`: a framework as readable tables.

use comfy_table::Cell;

use super::{bold, table, Style};
use crate::framework::Framework;

/// The framework: heading, scale, levels, then each competency with its indicators and guidance.
pub fn show(framework: &Framework, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&bold(
        &format!(
            "{} ({} {})",
            framework.name, framework.id, framework.version
        ),
        style,
    ));
    out.push('\n');
    if let Some(d) = &framework.description {
        out.push_str(d.trim_end());
        out.push('\n');
    }
    if let Some(s) = &framework.source {
        out.push_str(&format!("Source: {}\n", s.trim_end()));
    }
    out.push('\n');

    let mut scale = table(style);
    scale.set_header(vec!["rating", "meaning"]);
    for p in &framework.scale {
        let meaning = match &p.description {
            Some(d) => format!("{}: {d}", p.label),
            None => p.label.clone(),
        };
        scale.add_row(vec![Cell::new(p.value), Cell::new(meaning)]);
    }
    out.push_str(&format!(
        "Scale (a rating of {} or more counts as demonstrated; a level needs {}% of its rated indicators demonstrated)\n{scale}\n\n",
        framework.demonstrated_at,
        (framework.threshold * 100.0).round()
    ));

    let mut levels = table(style);
    levels.set_header(vec!["rank", "level", "description"]);
    for (i, l) in framework.levels.iter().enumerate() {
        levels.add_row(vec![
            Cell::new(i + 1),
            Cell::new(format!("{}\n({})", l.name, l.id)),
            Cell::new(l.description.as_deref().unwrap_or("")),
        ]);
    }
    out.push_str(&format!("Levels\n{levels}\n"));

    for c in &framework.competencies {
        out.push('\n');
        out.push_str(&bold(&format!("{} ({})", c.name, c.id), style));
        out.push('\n');
        if let Some(d) = &c.description {
            out.push_str(d.trim_end());
            out.push('\n');
        }
        let mut t = table(style);
        t.set_header(vec!["level", "id", "indicator"]);
        for cl in &c.levels {
            let title = framework.level_title(cl);
            if cl.indicators.is_empty() {
                t.add_row(vec![
                    Cell::new(title),
                    Cell::new(""),
                    Cell::new("(no indicators: imposes no requirement)"),
                ]);
            }
            for (n, ind) in cl.indicators.iter().enumerate() {
                let mut text = ind.text.clone();
                for e in &ind.examples {
                    text.push_str(&format!("\n  • {e}"));
                }
                t.add_row(vec![
                    Cell::new(if n == 0 { title } else { "" }),
                    Cell::new(&ind.id),
                    Cell::new(text),
                ]);
            }
        }
        out.push_str(&format!("{t}\n"));
        for g in &c.guidance {
            out.push_str(&format!("{}\n", g.title));
            for item in &g.items {
                out.push_str(&format!("  • {item}\n"));
            }
        }
    }

    if !framework.targets.is_empty() {
        let mut t = table(style);
        t.set_header(vec!["target", "levels"]);
        for target in &framework.targets {
            let levels = target
                .levels
                .iter()
                .map(|&(c, l)| {
                    format!(
                        "{}: {}",
                        framework.competencies[c].id, framework.levels[l].id
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let mut name = format!("{} ({})", target.name, target.id);
            if let Some(d) = &target.description {
                name.push_str(&format!("\n{d}"));
            }
            t.add_row(vec![Cell::new(name), Cell::new(levels)]);
        }
        out.push_str(&format!("\nTargets\n{t}\n"));
    }
    out
}
