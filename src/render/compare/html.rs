//! The comparison as one self-contained HTML page: no script, no network; an inline SVG chart
//! of self against consensus per competency, then the tables. Every text is escaped.

use std::fmt::Write;

use super::{standing_text, value_text};
use crate::compare::{Comparison, Flag};
use crate::language::Language;
use crate::render::html::{escape, page_head_in, NO_SCRIPT};

const STYLE: &str = "
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6672; --line: #d5dbe1; --self: #9a5b00; --consensus: #2f6f9f; --track: #eef1f4; --rater: #5b6672; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
.meta, footer, .legend { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.blind_spot { color: var(--self); font-weight: 600; }
.hidden_strength { color: var(--consensus); font-weight: 600; }
.id { color: var(--muted); font-size: .8rem; white-space: nowrap; }
svg { max-width: 100%; height: auto; }
svg text { font: 13px system-ui, sans-serif; fill: var(--ink); }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); }
svg .track { fill: var(--track); }
svg .consensus { fill: var(--consensus); }
svg .self { fill: var(--self); }
svg .rater { fill: none; stroke: var(--rater); stroke-width: 1.5; }
@media print { body { padding: 0; } h2 { break-after: avoid; } }
";

const LABEL: usize = 230;
const WIDTH: usize = 440;
const ROW: usize = 34;
const TOP: usize = 26;

/// The whole comparison as an HTML document.
pub fn render(comparison: &Comparison, lang: Language) -> String {
    let mut out = String::new();
    let heading = super::table::heading(comparison);
    let th = |k: &str| {
        let word = lang.text(k);
        let mut chars = word.chars();
        let capital: String = chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect());
        format!("<th>{capital}</th>")
    };
    page_head_in(lang.tag(), &mut out, &heading, NO_SCRIPT, STYLE, "");
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>",
        escape(&heading),
        escape(&lang.fill(
            "compare.rated_by",
            &[("raters", &super::table::rater_list(comparison))]
        ))
    );
    let _ = writeln!(
        out,
        "<section id=\"levels\">\n<h2>{}</h2>",
        lang.text("compare.self_and_consensus")
    );
    out.push_str(&chart(comparison));
    let _ = writeln!(
        out,
        "<p class=\"legend\">{}</p>",
        lang.text("compare.legend")
    );
    let _ = write!(
        out,
        "<table class=\"levels\">\n<thead><tr>{}{}{}",
        th("col.competency"),
        th("col.self"),
        th("col.consensus")
    );
    for r in comparison.others() {
        let _ = write!(out, "<th>{}</th>", escape(&Comparison::rater_label(r)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in &comparison.competencies {
        let _ = write!(
            out,
            "<tr data-competency=\"{}\"><td>{}</td><td>{}</td><td>{}</td>",
            escape(&c.id),
            escape(&c.name),
            escape(&standing_text(c.self_standing.as_ref(), lang)),
            escape(&standing_text(c.consensus.as_ref(), lang))
        );
        for s in &c.raters {
            let _ = write!(out, "<td>{}</td>", escape(&standing_text(Some(s), lang)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    for line in super::fit_lines(comparison, lang) {
        let _ = writeln!(out, "<p class=\"fit\">{}</p>", escape(&line));
    }
    out.push_str("</section>\n");

    let _ = write!(
        out,
        "<section id=\"indicators\">\n<h2>{}</h2>\n<table class=\"indicators\">\n<thead><tr>{}{}{}",
        lang.text("compare.indicators"),
        th("col.indicator"),
        th("col.self"),
        th("col.consensus")
    );
    for r in comparison.others() {
        let _ = write!(out, "<th>{}</th>", escape(&Comparison::rater_label(r)));
    }
    let _ = writeln!(out, "{}</tr></thead>\n<tbody>", th("col.flag"));
    for i in &comparison.indicators {
        let _ = write!(
            out,
            "<tr data-indicator=\"{}\"><td>{} <span class=\"id\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            escape(&i.id),
            escape(&i.text),
            escape(&i.id),
            escape(&value_text(i.self_value)),
            escape(&value_text(i.consensus))
        );
        for v in &i.values {
            let _ = write!(out, "<td class=\"num\">{}</td>", escape(&value_text(*v)));
        }
        match i.flag {
            Some(f) => {
                let class = match f {
                    Flag::BlindSpot => "blind_spot",
                    Flag::HiddenStrength => "hidden_strength",
                };
                let _ = write!(out, "<td class=\"{class}\">{}</td>", escape(&i.flag_text()));
            }
            None => {
                let _ = write!(out, "<td>{}</td>", escape(&i.flag_text()));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = writeln!(
        out,
        "<p>{}</p>\n<p class=\"legend\">{}</p>\n</section>",
        escape(&super::table::summary(comparison)),
        escape(&super::table::flags_legend(comparison))
    );
    let _ = writeln!(
        out,
        "<footer><p>{}</p></footer>\n</body>\n</html>",
        escape(&lang.fill(
            "compare.footer",
            &[
                ("id", &comparison.framework_id),
                ("version", &comparison.framework_version)
            ]
        ))
    );
    out
}

/// Per competency: a track to the top rank, the consensus score as a bar, self as a diamond,
/// each other rater as a ring.
fn chart(comparison: &Comparison) -> String {
    let max = comparison.max_rank.max(1) as f64;
    let height = TOP + ROW * comparison.competencies.len() + 8;
    let total = LABEL + WIDTH + 20;
    let x = |score: f64| LABEL as f64 + score.clamp(0.0, max) / max * WIDTH as f64;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {total} {height}\" width=\"{total}\" height=\"{height}\" role=\"img\" aria-label=\"Self and consensus score per competency\">\n"
    );
    for rank in 0..=comparison.max_rank {
        let at = x(rank as f64);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{at:.1}\" y1=\"{}\" x2=\"{at:.1}\" y2=\"{}\"/><text class=\"tick\" x=\"{at:.1}\" y=\"14\" text-anchor=\"middle\">{rank}</text>",
            TOP - 6,
            height - 4
        );
    }
    for (n, c) in comparison.competencies.iter().enumerate() {
        let y = TOP + n * ROW;
        let mid = y as f64 + 12.0;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"track\" x=\"{LABEL}\" y=\"{}\" width=\"{WIDTH}\" height=\"16\"/>",
            LABEL - 8,
            y + 16,
            escape(&c.name),
            y + 4
        );
        // A competency that does not apply for someone has no score to mark.
        if let Some(score) = c.consensus.as_ref().and_then(|s| s.score) {
            let _ = writeln!(
                svg,
                "<rect class=\"consensus\" x=\"{LABEL}\" y=\"{}\" width=\"{:.1}\" height=\"16\"><title>consensus {score:.2}</title></rect>",
                y + 4,
                x(score) - LABEL as f64,
            );
        }
        for score in c.raters.iter().filter_map(|s| s.score) {
            let _ = writeln!(
                svg,
                "<circle class=\"rater\" cx=\"{:.1}\" cy=\"{mid:.1}\" r=\"5\"/>",
                x(score)
            );
        }
        if let Some(own) = c.self_standing.as_ref().and_then(|s| s.score) {
            let cx = x(own);
            let _ = writeln!(
                svg,
                "<path class=\"self\" d=\"M{cx:.1} {:.1} L{:.1} {mid:.1} L{cx:.1} {:.1} L{:.1} {mid:.1} Z\"><title>self {:.2}</title></path>",
                mid - 8.0,
                cx + 7.0,
                mid + 8.0,
                cx - 7.0,
                own
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}
