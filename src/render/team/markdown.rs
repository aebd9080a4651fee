//! The team as Markdown: the matrix, the distribution and the target view as tables.

use super::{heading, risk, some_names};
use crate::language::Language;
use crate::render::markdown::{escape, row};
use crate::team::Team;

/// A column heading as a Markdown table starts it: `Competency`.
fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The whole team as Markdown.
pub fn render(team: &Team, lang: Language) -> String {
    let w = |k: &str| capital(lang.text(k));
    let mut out = format!(
        "# {}\n\n## {}\n\n",
        escape(&heading(team)),
        lang.text("team.levels_held")
    );
    let mut header = vec![w("col.person")];
    header.extend(team.competencies.iter().map(|c| escape(&c.name)));
    let fits = super::has_fits(team);
    let tracks = super::several_tracks(team);
    if tracks {
        header.push(w("col.track"));
    }
    if fits {
        header.push(w("col.best_fit"));
    }
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_string(); header.len()]));
    for m in &team.members {
        let mut cells = vec![match super::progress_text(m, lang) {
            Some(progress) => format!("{} ({progress})", escape(&m.subject)),
            None if !m.complete => {
                format!("{} ({})", escape(&m.subject), lang.text("team.incomplete"))
            }
            None => escape(&m.subject),
        }];
        cells.extend(
            m.competencies
                .iter()
                .map(|s| super::standing_cell(s, escape)),
        );
        if tracks {
            cells.push(escape(m.track.as_deref().unwrap_or("")));
        }
        if fits {
            cells.push(escape(&super::fit_text(m, lang).unwrap_or_default()));
        }
        out.push_str(&row(&cells));
    }

    out.push_str(&format!(
        "\n## {}\n\n",
        lang.text("team.distribution.short")
    ));
    let mut header = vec![w("col.competency"), lang.text("col.none").into()];
    header.extend(team.levels.iter().map(|l| escape(l)));
    if team.any_not_applicable() {
        header.push(lang.text("col.na").into());
    }
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_string(); header.len()]));
    for c in &team.competencies {
        let count = |id: &str| {
            c.distribution
                .iter()
                .find(|(l, _)| l == id)
                .map(|(_, n)| *n)
        };
        let mut cells = vec![escape(&c.name), count("none").unwrap_or(0).to_string()];
        cells.extend(
            team.levels
                .iter()
                .map(|l| count(l).map_or_else(|| "–".to_string(), |n| n.to_string())),
        );
        if team.any_not_applicable() {
            cells.push(c.not_applicable().to_string());
        }
        out.push_str(&row(&cells));
    }

    if team.competencies.iter().any(|c| c.target.is_some()) {
        out.push_str(&format!("\n## {}\n\n", lang.text("team.against")));
        out.push_str(&row(&[
            w("col.competency"),
            w("col.target"),
            w("col.met"),
            w("col.mentor"),
            "Risk".into(),
        ]));
        out.push_str(&row(&vec!["---".to_string(); 5]));
        for c in team.competencies.iter().filter(|c| c.target.is_some()) {
            out.push_str(&row(&[
                escape(&c.name),
                escape(c.target.as_deref().unwrap_or("")),
                lang.fill(
                    "team.met_of",
                    &[
                        ("met", &c.met.unwrap_or(0).to_string()),
                        ("of", &team.members.len().to_string()),
                    ],
                ),
                escape(&some_names(&c.holders, 10)),
                risk(c.met).to_string(),
            ]));
        }
    }
    if let Some(over) = &team.over_time {
        out.push_str(&format!("\n## {}\n\n", lang.text("team.per_round")));
        let mut header = vec![
            w("col.competency"),
            w("col.round"),
            lang.text("col.none").into(),
        ];
        header.extend(team.levels.iter().map(|l| escape(l)));
        out.push_str(&row(&header));
        out.push_str(&row(&vec!["---".to_string(); header.len()]));
        for (c, competency) in team.competencies.iter().enumerate() {
            for (r, label) in over.labels.iter().enumerate() {
                let distribution = &over.distributions[r][c];
                let mut cells = vec![
                    escape(&competency.name),
                    escape(label),
                    super::count(distribution, "none").unwrap_or(0).to_string(),
                ];
                cells.extend(team.levels.iter().map(|l| {
                    super::count(distribution, l).map_or_else(|| "–".to_string(), |n| n.to_string())
                }));
                out.push_str(&row(&cells));
            }
        }
        out.push_str(&format!("\n## {}\n\n", lang.text("team.moved")));
        if over.moves.is_empty() {
            out.push_str(lang.text("team.no_moves"));
            out.push('\n');
        } else {
            out.push_str(&row(&[
                w("col.person"),
                w("col.competency"),
                w("col.before"),
                w("col.after"),
                w("col.change"),
            ]));
            out.push_str(&row(&vec!["---".to_string(); 5]));
            for m in &over.moves {
                out.push_str(&row(&[
                    escape(&m.subject),
                    escape(&team.competencies[m.competency].name),
                    format!(
                        "{} ({})",
                        super::level_cell(&m.before, escape, lang),
                        escape(&over.labels[m.from])
                    ),
                    format!(
                        "{} ({})",
                        super::level_cell(&m.after, escape, lang),
                        escape(&over.labels[m.to])
                    ),
                    super::change_cell(m.change(), lang),
                ]));
            }
        }
    }
    if !team.without_view.is_empty() {
        out.push_str(&format!(
            "\nLeft out, with no {}: {}\n",
            super::view_text(team.view).trim_end_matches('s'),
            escape(&some_names(&team.without_view, 20))
        ));
    }
    out
}
