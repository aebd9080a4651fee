//! The report as one self-contained HTML file: no script, no network, the profile as an inline
//! SVG chart, then the gap table and the plan. Every piece of framework or note text is escaped.

use std::fmt::Write;

use crate::language::Language;
use crate::render::html::{escape, page_head_in, NO_SCRIPT};

/// Table headings `<th>Competency</th>...` of these message keys, each capitalised.
fn headings(lang: Language, keys: &[&str]) -> String {
    keys.iter()
        .map(|k| {
            let word = lang.text(k);
            let mut chars = word.chars();
            let capital: String = chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect());
            format!("<th>{capital}</th>")
        })
        .collect()
}
use crate::render::prose;
use crate::render::text::score_text;
use crate::report::{name_with_coverage, rating_text, standing_text, Report};
use crate::words::level_text;

const STYLE: &str = "
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6672; --line: #d5dbe1; --bar: #2f6f9f; --track: #eef1f4; --met: #23744a; --missed: #9a5b00; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
.meta, .rule, footer { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.met { color: var(--met); font-weight: 600; }
.missed { color: var(--missed); font-weight: 600; }
.id { color: var(--muted); font-size: .8rem; white-space: nowrap; }
td.rating, td.level { white-space: nowrap; }
svg { max-width: 100%; height: auto; }
svg text { font: 13px system-ui, sans-serif; fill: var(--ink); }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); }
svg .track { fill: var(--track); }
svg .bar { fill: var(--bar); }
svg .target { stroke: var(--missed); stroke-width: 3; }
@media print { body { padding: 0; } h2 { break-after: avoid; } }
";

const CHART_LABEL_WIDTH: usize = 230;
const CHART_WIDTH: usize = 440;
const CHART_ROW: usize = 30;
const CHART_TOP: usize = 26;

/// The whole report as an HTML document.
pub fn render(report: &Report, lang: Language) -> String {
    let mut out = String::new();
    let w = |k: &str| lang.text(k);
    let title = lang.fill(
        "report.title",
        &[
            ("name", &report.framework.name),
            ("version", &report.framework.version),
        ],
    );
    page_head_in(lang.tag(), &mut out, &title, NO_SCRIPT, STYLE, "");
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n<p class=\"rule\">{}</p>",
        escape(&format!(
            "{} {}",
            report.framework.name, report.framework.version
        )),
        escape(&meta_line(report, lang)),
        escape(&report.rule_in(lang))
    );
    if let Some(kind) = &report.kind {
        let _ = writeln!(out, "<p class=\"kind\">{}</p>", escape(&kind.description));
    }
    out.push_str("</header>\n");

    let _ = writeln!(
        out,
        "<section id=\"profile\">\n<h2>{}</h2>",
        w("report.profile")
    );
    out.push_str(&chart(report));
    let _ = writeln!(
        out,
        "<table class=\"profile\">\n<thead><tr>{}</tr></thead>",
        headings(
            lang,
            &["col.competency", "col.level", "col.score", "col.next"]
        )
    );
    let grouped = !report.groups.is_empty();
    for (group, members) in report.sections() {
        match group {
            Some(g) => {
                let _ = writeln!(
                    out,
                    "<tbody data-group=\"{}\">\n<tr class=\"group\"><th colspan=\"4\" scope=\"rowgroup\">{}</th></tr>",
                    escape(&g.id),
                    escape(&g.label())
                );
            }
            None if grouped => {
                let _ = writeln!(
                    out,
                    "<tbody>\n<tr class=\"group\"><th colspan=\"4\" scope=\"rowgroup\">{}</th></tr>",
                    w("report.other")
                );
            }
            None => out.push_str("<tbody>\n"),
        }
        for c in members {
            let _ = writeln!(
            out,
            "<tr data-competency=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&c.id),
            escape(&name_with_coverage(c)),
            escape(&standing_text(c)),
            crate::render::text::score_text_in(lang, c.score),
            escape(&crate::report::progress_text_in(c, lang))
        );
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    if !report.roles.is_empty() {
        let _ =
            writeln!(
            out,
            "<table class=\"roles\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>",
            escape(&crate::report::roles_title_in(report, lang)),
            headings(lang, &["col.role", "col.competencies", "col.levels_short", "col.fits"])
                .replace("<th>", "<th scope=\"col\">")
        );
        for r in &report.roles {
            let _ = writeln!(
                out,
                "<tr data-role=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&r.id),
                escape(&r.name),
                escape(&r.met_text_in(lang)),
                r.short,
                r.fits_text_in(lang)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if let Some(fit) = &report.best_fit {
        let _ = writeln!(
            out,
            "<p class=\"fit\">{}</p>",
            escape(&fit.sentence_in(lang))
        );
    }
    out.push_str("</section>\n");

    if report.is_explained() {
        let _ = writeln!(
            out,
            "<section id=\"explain\">\n<h2>{}</h2>",
            w("report.why")
        );
        for c in &report.competencies {
            let Some(explain) = &c.explain else { continue };
            let _ = writeln!(
                out,
                "<h3>{}</h3>\n<p>{}</p>\n<ul>",
                escape(&c.label()),
                escape(&explain.summary)
            );
            for level in &explain.levels {
                let _ = writeln!(
                    out,
                    "<li>{}; <span class=\"id\">{}</span></li>",
                    escape(&level.reason),
                    escape(&crate::report::explain::counts(&level.level))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"warnings\">\n<h2>{}</h2>\n<ul>",
            w("report.second_look")
        );
        for w in &report.warnings {
            let _ = writeln!(out, "<li>{}</li>", escape(&w.message));
        }
        out.push_str("</ul>\n</section>\n");
    }

    if let Some(target) = &report.target {
        gaps(&mut out, report, &target.description, lang);
        plan(&mut out, report, lang);
    }
    notes(&mut out, report, lang);

    let _ = writeln!(
        out,
        "<footer><p>Computed by rungs from the ratings and framework {} {}.</p></footer>\n</body>\n</html>",
        escape(&report.framework.id),
        escape(&report.framework.version)
    );
    out
}

fn meta_line(report: &Report, lang: Language) -> String {
    let mut parts = Vec::new();
    if let Some(subject) = &report.subject {
        parts.push(subject.clone());
    }
    parts.extend(super::progress_in(report, lang));
    parts.push(lang.fill("report.framework", &[("id", &report.framework.id)]));
    parts.join(" · ")
}

/// A horizontal bar per competency on a 0..max rank axis, with the target level marked.
fn chart(report: &Report) -> String {
    let max = report.max_rank.max(1) as f64;
    let rows = report.competencies.len();
    let height = CHART_TOP + rows * CHART_ROW + 8;
    let width = CHART_LABEL_WIDTH + CHART_WIDTH + 60;
    let x0 = CHART_LABEL_WIDTH + 10;
    let x_of = |value: f64| x0 as f64 + value.clamp(0.0, max) / max * CHART_WIDTH as f64;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-title\">"
    );
    let _ = writeln!(
        svg,
        "<title id=\"chart-title\">Score per competency, out of {}</title>",
        report.max_rank
    );
    for rank in 0..=report.max_rank {
        let x = x_of(rank as f64);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{}\"/><text class=\"tick\" x=\"{x:.1}\" y=\"14\" text-anchor=\"middle\">{rank}</text>",
            CHART_TOP - 6,
            height - 4
        );
    }
    for (row, c) in report.competencies.iter().enumerate() {
        let y = CHART_TOP + row * CHART_ROW;
        let summary = format!(
            "{}: {}, score {}",
            c.label(),
            standing_text(c),
            score_text(c.score)
        );
        let _ = writeln!(
            svg,
            "<g class=\"row\" data-competency=\"{}\"><title>{}</title>",
            escape(&c.id),
            escape(&summary)
        );
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            CHART_LABEL_WIDTH,
            y + 17,
            escape(&shorten(&c.label(), 30))
        );
        let _ = writeln!(
            svg,
            "<rect class=\"track\" x=\"{x0}\" y=\"{}\" width=\"{CHART_WIDTH}\" height=\"18\" rx=\"3\"/>",
            y + 4
        );
        let _ = writeln!(
            svg,
            "<rect class=\"bar\" x=\"{x0}\" y=\"{}\" width=\"{:.1}\" height=\"18\" rx=\"3\" data-score=\"{}\"/>",
            y + 4,
            x_of(c.score_or_zero()) - x0 as f64,
            score_text(c.score)
        );
        if let Some(target) = c.target_rank {
            let x = x_of(target as f64);
            let _ = writeln!(
                svg,
                "<line class=\"target\" x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{}\" data-target=\"{target}\"/>",
                y + 1,
                y + 25
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\">{}</text>\n</g>",
            x0 + CHART_WIDTH + 8,
            y + 17,
            score_text(c.score)
        );
    }
    svg.push_str("</svg>\n");
    if report.target.is_some() {
        svg.push_str("<p class=\"meta\">The orange mark on a row is the target level.</p>\n");
    }
    svg
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max_chars - 1).collect();
        short.push('…');
        short
    }
}

fn gaps(out: &mut String, report: &Report, description: &str, lang: Language) {
    let _ = writeln!(
        out,
        "<section id=\"gaps\">\n<h2>{}</h2>",
        escape(&lang.fill("report.gaps", &[("target", description)]))
    );
    if report.gaps.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", lang.text("report.gaps.none"));
        return;
    }
    let _ = writeln!(
        out,
        "<table class=\"gaps\">\n<thead><tr>{}</tr></thead>\n<tbody>",
        headings(
            lang,
            &[
                "col.competency",
                "col.current",
                "col.target",
                "col.gap",
                "col.met"
            ]
        )
    );
    for g in &report.gaps {
        let _ = writeln!(
            out,
            "<tr data-competency=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"{}\">{}</td></tr>",
            escape(&g.competency),
            escape(&g.label()),
            escape(&level_text(g.rank, g.level_title.as_deref())),
            escape(&level_text(g.target_rank, Some(&g.target_title))),
            g.gap_text(),
            if g.met { "met" } else { "missed" },
            escape(&g.status_in(lang))
        );
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p>{}</p>\n</section>",
        escape(&report.targets_met_text_in(lang))
    );
}

/// "Evidence notes": every indicator with a note, its rating beside it.
fn notes(out: &mut String, report: &Report, lang: Language) {
    if report.noted().next().is_none() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"notes\">\n<h2>{}</h2>",
        lang.text("report.notes")
    );
    let _ = writeln!(
        out,
        "<table class=\"notes\">\n<thead><tr>{}</tr></thead>\n<tbody>",
        headings(lang, &["col.indicator", "col.rating", "col.note"])
    );
    for i in report.noted() {
        let _ = writeln!(
            out,
            "<tr data-indicator=\"{}\"><td>{} <span class=\"id\">({}, {}, {})</span></td><td class=\"rating\">{}</td><td class=\"note\">{}</td></tr>",
            escape(&i.id),
            prose::html(&i.label(), escape),
            escape(&i.id),
            escape(&i.competency_label()),
            escape(&level_text(i.rank, Some(&i.level_label()))),
            escape(&rating_text(i)),
            escape(i.note.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The level's name, and the competency's own title for it below when it has one.
fn level_cell(i: &crate::report::IndicatorReport, first: bool) -> String {
    let name = escape(&level_text(i.rank, Some(&i.level_label())));
    match &i.competency_title {
        Some(title) if first => format!("{name}<br><span class=\"title\">{}</span>", escape(title)),
        _ => name,
    }
}

fn plan(out: &mut String, report: &Report, lang: Language) {
    let _ = writeln!(
        out,
        "<section id=\"plan\">\n<h2>{}</h2>",
        lang.text("report.plan")
    );
    if report.plan.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&report.all_met_text_in(lang)));
    }
    for entry in &report.plan {
        let _ = writeln!(
            out,
            "<article data-competency=\"{}\">\n<h3>{}</h3>",
            escape(&entry.competency),
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
        );
        if let Some(d) = &entry.target_description {
            let _ = writeln!(
                out,
                "<p class=\"level-description\">{}</p>",
                prose::html(d, escape)
            );
        }
        if !entry.target_examples.is_empty() {
            out.push_str("<ul class=\"level-examples\">\n");
            for e in &entry.target_examples {
                let _ = writeln!(out, "<li>{}</li>", prose::html(e, escape));
            }
            out.push_str("</ul>\n");
        }
        if entry.indicators.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", lang.text("report.plan.done"));
        } else {
            let _ = writeln!(
                out,
                "<table class=\"plan\">\n<thead><tr>{}</tr></thead>\n<tbody>",
                headings(
                    lang,
                    &["col.level", "col.indicator", "col.rating", "col.note"]
                )
            );
            let mut previous_rank = None;
            for i in &entry.indicators {
                let first = previous_rank != Some(i.rank);
                previous_rank = Some(i.rank);
                let _ = writeln!(
                    out,
                    "<tr data-indicator=\"{}\"><td class=\"level\">{}</td><td>{} <span class=\"id\">({})</span></td><td class=\"rating\">{}</td><td class=\"note\">{}</td></tr>",
                    escape(&i.id),
                    level_cell(i, first),
                    prose::html(&i.label(), escape),
                    escape(&i.id),
                    escape(&rating_text(i)),
                    escape(i.note.as_deref().unwrap_or(""))
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        for g in &entry.guidance {
            let _ = writeln!(out, "<h4>{}</h4>\n<ul>", escape(&g.title));
            for item in &g.items {
                let _ = writeln!(out, "<li>{}</li>", prose::html(item, escape));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}
