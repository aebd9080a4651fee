//! The report as Markdown, to paste into a 1:1 document: profile and gap tables, and the plan
//! as a checklist.

use crate::language::Language;
use crate::render::markdown::{escape, level_texts, row};
use crate::render::prose;
use crate::render::text::{bar, bar_cells, score_text_in};
use crate::report::{name_with_coverage, rating_text, standing_text, Report};
use crate::words::level_text;

/// The whole report as Markdown.
pub fn render(report: &Report, lang: Language) -> String {
    let w = |k: &str| lang.text(k);
    let mut out = format!("# {}\n\n", escape(&super::heading_in(report, lang)));
    out.push_str(&format!("{}\n\n", escape(&report.rule_in(lang))));
    if let Some(kind) = &report.kind {
        out.push_str(&format!("{}\n\n", escape(&kind.description)));
    }

    out.push_str(&format!(
        "## {}\n\n{}\n\n",
        w("report.profile"),
        lang.fill(
            "report.scores_out_of",
            &[("max", &report.max_rank.to_string())]
        )
    ));
    let cells = bar_cells(report.max_rank);
    let grouped = !report.groups.is_empty();
    for (n, (group, members)) in report.sections().into_iter().enumerate() {
        if grouped {
            let heading = group.map_or_else(|| w("report.other").into(), |g| g.label());
            let gap = if n == 0 { "" } else { "\n" };
            out.push_str(&format!("{gap}### {}\n\n", escape(&heading)));
        }
        out.push_str(&row(&[
            capital(w("col.competency")),
            capital(w("col.level")),
            capital(w("col.score")),
            capital(w("col.progress")),
            capital(w("col.next")),
        ]));
        out.push_str("| --- | --- | ---: | --- | --- |\n");
        for c in members {
            out.push_str(&row(&[
                escape(&name_with_coverage(c)),
                escape(&standing_text(c)),
                score_text_in(lang, c.score),
                format!(
                    "`{}`",
                    bar(c.score_or_zero(), report.max_rank as f64, cells)
                ),
                escape(&crate::report::progress_text_in(c, lang)),
            ]));
        }
    }

    if !report.roles.is_empty() {
        out.push_str(&format!(
            "\n**{}**\n\n{}| --- | --- | ---: | --- |\n",
            escape(&crate::report::roles_title_in(report, lang)),
            row(&[
                capital(w("col.role")),
                capital(w("col.competencies")),
                capital(w("col.levels_short")),
                capital(w("col.fits")),
            ])
        ));
        for r in &report.roles {
            out.push_str(&row(&[
                format!("{} (`{}`)", escape(&r.name), r.id.replace('`', "'")),
                escape(&r.met_text_in(lang)),
                r.short.to_string(),
                r.fits_text_in(lang).to_string(),
            ]));
        }
    }
    if let Some(fit) = &report.best_fit {
        out.push_str(&format!("\n{}\n", escape(&fit.sentence_in(lang))));
    }

    if report.is_explained() {
        out.push_str(&format!("\n## {}\n", w("report.why")));
        for c in &report.competencies {
            let Some(explain) = &c.explain else { continue };
            out.push_str(&format!(
                "\n**{}**: {}\n\n",
                escape(&c.label()),
                escape(&explain.summary)
            ));
            for level in &explain.levels {
                out.push_str(&format!(
                    "- {}; {}\n",
                    escape(&level.reason),
                    escape(&crate::report::explain::counts(&level.level))
                ));
            }
        }
    }
    if !report.warnings.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w("report.second_look")));
        for w in &report.warnings {
            out.push_str(&format!("- {}\n", escape(&w.message)));
        }
    }

    let Some(target) = &report.target else {
        notes(&mut out, report, lang);
        return out;
    };
    out.push_str(&format!(
        "\n## {}\n\n",
        escape(&lang.fill("report.gaps", &[("target", &target.description)]))
    ));
    if report.gaps.is_empty() {
        out.push_str(&format!("{}\n", w("report.gaps.none")));
    } else {
        out.push_str(&row(&[
            capital(w("col.competency")),
            capital(w("col.current")),
            capital(w("col.target")),
            capital(w("col.gap")),
            capital(w("col.met")),
        ]));
        out.push_str("| --- | --- | --- | ---: | --- |\n");
        for g in &report.gaps {
            out.push_str(&row(&[
                escape(&g.label()),
                escape(&level_text(g.rank, g.level_title.as_deref())),
                escape(&level_text(g.target_rank, Some(&g.target_title))),
                g.gap_text(),
                match g.status_in(lang).strip_prefix(w("status.met")) {
                    Some(rest) if g.met => format!("{}{}", w("word.yes"), escape(rest)),
                    _ => w("word.no").to_string(),
                },
            ]));
        }
        out.push_str(&format!(
            "\n{}\n",
            escape(&report.targets_met_text_in(lang))
        ));
    }

    out.push_str(&format!("\n## {}\n", w("report.plan")));
    if report.plan.is_empty() {
        out.push_str(&format!("\n{}\n", escape(&report.all_met_text_in(lang))));
    }
    for entry in &report.plan {
        out.push_str(&format!(
            "\n### {}\n\n",
            escape(&lang.fill(
                "report.plan.entry",
                &[
                    ("competency", &entry.label()),
                    (
                        "from",
                        &level_text(entry.rank, entry.level_title.as_deref())
                    ),
                    (
                        "to",
                        &level_text(entry.target_rank, Some(&entry.target_title))
                    ),
                    ("n", &entry.levels_to_go().to_string()),
                ],
            ))
        ));
        out.push_str(&level_texts(
            entry.target_description.as_deref(),
            &entry.target_examples,
        ));
        if entry.indicators.is_empty() {
            out.push_str(&format!("{}\n", w("report.plan.done")));
        }
        for i in &entry.indicators {
            let rated = match i.rating {
                Some(_) => lang.fill("report.rated", &[("rating", &escape(&rating_text(i)))]),
                None => w("report.not_rated").to_string(),
            };
            out.push_str(&format!(
                "- [ ] **{}**: {} (`{}`), {rated}",
                escape(&level_text(i.rank, Some(&i.level_label()))),
                prose::markdown(&i.label(), escape, "  "),
                i.id.replace('`', "'"),
            ));
            if let Some(note) = &i.note {
                out.push_str(&lang.fill("report.note", &[("note", &escape(note))]));
            }
            out.push('\n');
        }
        for g in &entry.guidance {
            out.push_str(&format!("\n**{}**\n\n", escape(&g.title)));
            for item in &g.items {
                out.push_str(&format!("- {}\n", prose::markdown(item, escape, "  ")));
            }
        }
    }
    notes(&mut out, report, lang);
    out
}

/// A column heading as a Markdown table starts it: `Competency`.
fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "Evidence notes": every indicator with a note, its rating beside it.
fn notes(out: &mut String, report: &Report, lang: Language) {
    let w = |k: &str| lang.text(k);
    if report.noted().next().is_none() {
        return;
    }
    out.push_str(&format!("\n## {}\n\n", w("report.notes")));
    out.push_str(&row(&[
        capital(w("col.indicator")),
        capital(w("col.rating")),
        capital(w("col.note")),
    ]));
    out.push_str("| --- | --- | --- |\n");
    for i in report.noted() {
        out.push_str(&row(&[
            format!(
                "{} (`{}`, {}, {})",
                escape(&i.label()),
                i.id.replace('`', "'"),
                escape(&i.competency_label()),
                escape(&level_text(i.rank, Some(&i.level_label())))
            ),
            escape(&rating_text(i)),
            escape(i.note.as_deref().unwrap_or_default()),
        ]));
    }
}

#[cfg(test)]
mod tests {
    use crate::assessment::TargetRequest;
    use crate::report::Report;
    use crate::test_support::{framework, rated, TWO_LEVELS};

    #[test]
    fn a_report_with_a_gap_and_a_note() {
        let f = framework("small.yaml", TWO_LEVELS);
        let mut ratings = rated(&[("craft.one.1", 4), ("craft.one.2", 3), ("craft.two.1", 1)]);
        if let Some(rating) = ratings.get_mut("craft.one.1") {
            rating.note = Some("ran the demo".to_string());
        }
        let target = TargetRequest {
            level: Some("two".to_string()),
            ..TargetRequest::default()
        };
        let report = match Report::from_ratings(&f, &ratings, &target) {
            Ok(report) => report,
            Err(e) => panic!("{e}"),
        };
        insta::assert_snapshot!(super::render(&report, crate::language::Language::English), @r"
        # Small 1

        A level is held when 80% of its indicators (not counting those not applicable) are rated 3 (Often) or more, and every lower level is held or passed over (every indicator not applicable); an indicator not answered yet is not yet shown.

        ## Level profile

        Scores out of 2.

        | Competency | Level | Score | Progress | Next level |
        | --- | --- | ---: | --- | --- |
        | Craft | 1 · One | 1.00 | `██░░` | 1 more at Two holds it |

        ## Gaps to every competency at Two

        | Competency | Current | Target | Gap | Met |
        | --- | --- | --- | ---: | --- |
        | Craft | 1 · One | 2 · Two | 1 | no |

        Targets met: 0 of 1.

        ## Development plan

        ### Craft: 1 · One → 2 · Two (1 level to go)

        - [ ] **2 · Two**: Coaches others (`craft.two.1`), rated 1 · Rarely

        ## Evidence notes

        | Indicator | Rating | Note |
        | --- | --- | --- |
        | Shares what they learn (`craft.one.1`, Craft, 1 · One) | 4 · Consistently | ran the demo |
        ");
    }
}
