//! The team as one self-contained HTML page: a heatmap of people × competencies, the
//! distribution and the target view. No script, no network; prints on paper with its colours.

use std::fmt::Write;

use super::{heading, risk, some_names};
use crate::language::Language;
use crate::render::html::{escape, page_head_in, NO_SCRIPT};
use crate::team::Team;

const STYLE: &str = "
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6672; --line: #d5dbe1; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
.meta, footer, .legend { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; padding: .25rem .5rem; border: 1px solid var(--line); }
th { font-size: .8rem; color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.heatmap td.cell { text-align: center; min-width: 3.2rem; font-variant-numeric: tabular-nums; }
.incomplete { color: var(--muted); font-style: italic; }
.risk { color: #9a2b00; font-weight: 600; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { padding: 0; max-width: none; font-size: 10px; } h2 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; } }
";

/// Background of a cell holding `rank` of `max`: from pale red (none) to green (the top).
fn shade(rank: usize, max: usize) -> String {
    if rank == 0 {
        return "#f6dcd6".to_string();
    }
    let share = rank as f64 / max.max(1) as f64;
    // From amber (low) to green (top), lighter to darker.
    let hue = 40.0 + share * 80.0;
    let light = 88.0 - share * 30.0;
    format!("hsl({hue:.0} 60% {light:.0}%)")
}

/// The whole team as an HTML document.
pub fn render(team: &Team, lang: Language) -> String {
    let mut out = String::new();
    let title = heading(team);
    let th = |k: &str| {
        let word = lang.text(k);
        let mut chars = word.chars();
        let capital: String = chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect());
        format!("<th>{capital}</th>")
    };
    page_head_in(lang.tag(), &mut out, &title, NO_SCRIPT, STYLE, "");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>\n</header>", escape(&title));

    let _ = write!(
        out,
        "<section id=\"matrix\">\n<h2>{}</h2>\n<table class=\"heatmap\">\n<thead><tr>{}",
        lang.text("team.levels_held"),
        th("col.person")
    );
    for c in &team.competencies {
        let _ = write!(out, "<th>{}</th>", escape(&c.name));
    }
    let fits = super::has_fits(team);
    let tracks = super::several_tracks(team);
    if tracks {
        out.push_str(&th("col.track"));
    }
    if fits {
        out.push_str(&th("col.best_fit"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for m in &team.members {
        let _ = write!(
            out,
            "<tr><td{}>{}{}</td>",
            if m.complete {
                ""
            } else {
                " class=\"incomplete\""
            },
            escape(&m.subject),
            match super::progress_text(m, lang) {
                Some(progress) => format!(" ({})", escape(&progress)),
                None if !m.complete => format!(" ({})", lang.text("team.incomplete")),
                None => String::new(),
            }
        );
        for s in &m.competencies {
            let _ = write!(
                out,
                "<td class=\"cell\" style=\"background:{}\" title=\"score {}\">{}</td>",
                shade(s.rank, team.max_rank),
                crate::render::text::score_text(s.score),
                super::standing_cell(s, escape)
            );
        }
        if tracks {
            let _ = write!(out, "<td>{}</td>", escape(m.track.as_deref().unwrap_or("")));
        }
        if fits {
            let _ = write!(
                out,
                "<td>{}</td>",
                escape(&super::fit_text(m, lang).unwrap_or_default())
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n<p class=\"legend\">Each cell: the rank and id of the level held; darker green is higher.</p>\n</section>\n");

    let _ = write!(
        out,
        "<section id=\"distribution\">\n<h2>{}</h2>\n<table>\n<thead><tr>{}<th>{}</th>",
        lang.text("team.distribution.short"),
        th("col.competency"),
        lang.text("col.none")
    );
    for l in &team.levels {
        let _ = write!(out, "<th>{}</th>", escape(l));
    }
    if team.any_not_applicable() {
        let _ = write!(out, "<th>{}</th>", lang.text("col.na"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in &team.competencies {
        let count = |id: &str| {
            c.distribution
                .iter()
                .find(|(l, _)| l == id)
                .map(|(_, n)| *n)
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td>",
            escape(&c.name),
            count("none").unwrap_or(0)
        );
        for l in &team.levels {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                count(l).map_or_else(|| "–".to_string(), |n| n.to_string())
            );
        }
        if team.any_not_applicable() {
            let _ = write!(out, "<td class=\"num\">{}</td>", c.not_applicable());
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");

    if team.competencies.iter().any(|c| c.target.is_some()) {
        let _ = writeln!(
            out,
            "<section id=\"target\">\n<h2>{}</h2>\n<table>\n<thead><tr>{}{}{}{}<th></th></tr></thead>\n<tbody>",
            lang.text("team.against"),
            th("col.competency"),
            th("col.target"),
            th("col.met"),
            th("col.mentor")
        );
        for c in team.competencies.iter().filter(|c| c.target.is_some()) {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"risk\">{}</td></tr>",
                escape(&c.name),
                escape(c.target.as_deref().unwrap_or("")),
                lang.fill(
                    "team.met_of",
                    &[
                        ("met", &c.met.unwrap_or(0).to_string()),
                        ("of", &team.members.len().to_string()),
                    ],
                ),
                escape(&some_names(&c.holders, 20)),
                risk(c.met)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    if let Some(over) = &team.over_time {
        let _ = write!(
            out,
            "<section id=\"rounds\">\n<h2>{}</h2>\n<table>\n<thead><tr>{}{}<th>{}</th>",
            lang.text("team.per_round"),
            th("col.competency"),
            th("col.round"),
            lang.text("col.none")
        );
        for l in &team.levels {
            let _ = write!(out, "<th>{}</th>", escape(l));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (c, competency) in team.competencies.iter().enumerate() {
            for (r, label) in over.labels.iter().enumerate() {
                let distribution = &over.distributions[r][c];
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td>",
                    escape(&competency.name),
                    escape(label),
                    super::count(distribution, "none").unwrap_or(0)
                );
                for l in &team.levels {
                    let _ = write!(
                        out,
                        "<td class=\"num\">{}</td>",
                        super::count(distribution, l)
                            .map_or_else(|| "–".to_string(), |n| n.to_string())
                    );
                }
                out.push_str("</tr>\n");
            }
        }
        out.push_str("</tbody>\n</table>\n</section>\n<section id=\"movement\">\n");
        let _ = writeln!(out, "<h2>{}</h2>", lang.text("team.moved"));
        if over.moves.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape(lang.text("team.no_moves")));
        } else {
            let _ = writeln!(
                out,
                "<table>\n<thead><tr>{}{}{}{}{}</tr></thead>\n<tbody>",
                th("col.person"),
                th("col.competency"),
                th("col.before"),
                th("col.after"),
                th("col.change")
            );
            for m in &over.moves {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{} ({})</td><td>{} ({})</td><td>{}</td></tr>",
                    escape(&m.subject),
                    escape(&team.competencies[m.competency].name),
                    super::level_cell(&m.before, escape, lang),
                    escape(&over.labels[m.from]),
                    super::level_cell(&m.after, escape, lang),
                    escape(&over.labels[m.to]),
                    super::change_cell(m.change(), lang)
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<footer><p>Computed by rungs from the ratings and framework {} {}.</p></footer>\n</body>\n</html>",
        escape(&team.framework_id),
        escape(&team.framework_version)
    );
    out
}
