//! `rungs compare`: the 360 view of one person, one renderer per format. Every renderer reads
//! only the [`Comparison`](crate::compare::Comparison).

pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use crate::assessment::RatingValue;
use crate::compare::Standing;

/// `2.50 growing`, or `0.40 none (4 of 24)`: the score, then the level held, then how many of
/// the competency's indicators are answered when not all are; `–` when there is no standing.
pub fn standing_text(standing: Option<&Standing>, lang: crate::language::Language) -> String {
    match standing {
        Some(s) if !s.applicable => lang.text("col.na").to_string(),
        Some(s) => {
            let mut text = format!(
                "{} {}",
                crate::render::text::score_text_in(lang, s.score),
                s.level.as_deref().unwrap_or(lang.text("col.none"))
            );
            if !s.coverage.complete() {
                text.push_str(&format!(
                    " ({})",
                    lang.fill(
                        "compare.coverage",
                        &[
                            ("n", &s.coverage.answered.to_string()),
                            ("total", &s.coverage.of.to_string()),
                        ],
                    )
                ));
            }
            text
        }
        None => "–".to_string(),
    }
}

/// "Best fit, self: Team lead (team-lead). Next: Senior (senior), 1 level to go." and the same
/// for the consensus; none when the framework has no role on the ladder.
pub fn fit_lines(
    comparison: &crate::compare::Comparison,
    lang: crate::language::Language,
) -> Vec<String> {
    [
        ("col.self", &comparison.self_fit),
        ("col.consensus", &comparison.consensus_fit),
    ]
    .into_iter()
    .filter_map(|(whose, fit)| {
        let fit = fit.as_ref()?;
        Some(lang.fill(
            "fit.compare",
            &[
                ("whose", lang.text(whose)),
                ("role", &fit.role_text_in(lang)),
                ("next", &fit.next_text_in(lang)),
            ],
        ))
    })
    .collect()
}

/// A value as shown in tables: `3`, `na`, or `–` when unrated.
pub fn value_text(value: Option<RatingValue>) -> String {
    match value {
        Some(v) => v.to_string(),
        None => "–".to_string(),
    }
}

/// The formats of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// Pretty JSON.
    Json,
    /// Markdown.
    Markdown,
    /// A page that stands alone.
    Html,
}

impl crate::render::Document for crate::compare::Comparison {
    type Format = Format;

    fn render(&self, format: Format, style: crate::render::Style) -> String {
        match format {
            Format::Table => table::render(self, style),
            Format::Json => json::render(self),
            Format::Markdown => markdown::render(self, style.lang),
            Format::Html => html::render(self, style.lang),
        }
    }
}
