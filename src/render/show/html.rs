//! `rungs show --format html`: the framework as one self-contained page, to publish on an
//! intranet. The same head, escaping and Content-Security-Policy (no script) as every page.

use std::fmt::Write;

use crate::framework::{Competency, CompetencyLevel, Framework, Group, Guidance};
use crate::render::html::{escape, page_head_in, NO_SCRIPT};
use crate::render::prose;

const STYLE: &str = "
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6672; --line: #d5dbe1; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
.meta, .origin, .empty { color: var(--muted); }
.id { color: var(--muted); font-size: .8rem; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
li.indicator { margin: .25rem 0; }
.examples { margin: .1rem 0 .3rem; color: var(--muted); }
@media print { body { padding: 0; } h2, h3, h4 { break-after: avoid; } }
";

/// The framework as an HTML page: title, description, scale, levels, tracks, each competency
/// (by group) with its levels' descriptions, examples and indicators, guidance, and the roles.
pub fn render(framework: &Framework, lang: crate::language::Language) -> String {
    let mut out = String::new();
    let title = format!("{} {}", framework.name, framework.version);
    page_head_in(lang.tag(), &mut out, &title, NO_SCRIPT, STYLE, "");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&framework.name));
    let _ = writeln!(
        out,
        "<p class=\"meta\"><span class=\"id\">{}</span> version {}</p>",
        escape(&framework.id),
        escape(&framework.version)
    );
    if let Some(d) = &framework.description {
        let _ = writeln!(out, "<div class=\"description\">{}</div>", block(d));
    }
    if let Some(s) = &framework.source {
        let _ = writeln!(out, "<p class=\"meta\">Source: {}</p>", escape(s));
    }
    scale(&mut out, framework);
    levels(&mut out, framework);
    tracks(&mut out, framework);
    let grouped = !framework.groups.is_empty();
    for (group, members) in crate::render::sections(framework) {
        if grouped {
            group_heading(&mut out, group);
        }
        for c in members {
            competency(&mut out, framework, c, grouped);
        }
    }
    if !framework.guidance.is_empty() {
        out.push_str("<h2>About the whole framework</h2>\n");
        guidance(&mut out, &framework.guidance);
    }
    roles(&mut out, framework);
    out.push_str("</body>\n</html>\n");
    out
}

/// A text of the framework as HTML: its paragraphs and lists, every piece escaped.
fn block(text: &str) -> String {
    let html = prose::html(text, escape);
    if html.starts_with('<') {
        html
    } else {
        format!("<p>{html}</p>")
    }
}

fn scale(out: &mut String, framework: &Framework) {
    out.push_str("<h2>Scale</h2>\n<ul class=\"scale\">\n");
    for p in &framework.scale {
        let _ = write!(out, "<li><strong>{}</strong> {}", p.value, escape(&p.label));
        if let Some(d) = &p.description {
            let _ = write!(out, ": {}", escape(&prose::flow(d)));
        }
        out.push_str("</li>\n");
    }
    let _ = writeln!(
        out,
        "</ul>\n<p>A rating of {} or more counts as demonstrated; a level is attained when {}% of its rated indicators are demonstrated.</p>",
        framework.demonstrated_at,
        (framework.threshold * 100.0).round()
    );
    for note in super::rule_notes(framework) {
        let _ = writeln!(out, "<p>{}</p>", escape(&note));
    }
}

fn levels(out: &mut String, framework: &Framework) {
    out.push_str(
        "<h2>Levels</h2>\n<table class=\"levels\">\n<tr><th>Rank</th><th>Level</th><th>Id</th><th>Description</th></tr>\n",
    );
    for (i, l) in framework.levels.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"id\">{}</td><td>{}</td></tr>",
            i + 1,
            escape(&l.label()),
            escape(&l.id),
            escape(&prose::flow(l.description.as_deref().unwrap_or("")))
        );
    }
    out.push_str("</table>\n");
}

fn tracks(out: &mut String, framework: &Framework) {
    if framework.tracks.is_empty() {
        return;
    }
    out.push_str(
        "<h2>Tracks</h2>\n<table class=\"tracks\">\n<tr><th>Track</th><th>Id</th><th>Levels</th><th>Description</th></tr>\n",
    );
    for track in &framework.tracks {
        let levels: Vec<&str> = track
            .levels
            .iter()
            .map(|&l| framework.levels[l].name.as_str())
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"id\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&track.name),
            escape(&track.id),
            escape(&levels.join(" → ")),
            escape(&prose::flow(track.description.as_deref().unwrap_or("")))
        );
    }
    out.push_str("</table>\n");
}

fn group_heading(out: &mut String, group: Option<&Group>) {
    match group {
        Some(g) => {
            let _ = writeln!(out, "<h2>{}</h2>", escape(&g.label()));
            if let Some(d) = &g.description {
                out.push_str(&block(d));
                out.push('\n');
            }
            if let Some(own) = &g.scale {
                let _ = writeln!(
                    out,
                    "<p>{}</p>",
                    escape(&crate::render::own_scale_line(own))
                );
            }
        }
        None => out.push_str("<h2>Other competencies</h2>\n"),
    }
}

fn competency(out: &mut String, framework: &Framework, c: &Competency, grouped: bool) {
    let (heading, level_heading) = if grouped { ("h3", "h4") } else { ("h2", "h3") };
    let _ = writeln!(
        out,
        "<section class=\"competency\" id=\"competency-{}\">\n<{heading}>{} <span class=\"id\">{}</span></{heading}>",
        escape(&c.id),
        escape(&c.label()),
        escape(&c.id)
    );
    if let Some(d) = &c.description {
        out.push_str(&block(d));
        out.push('\n');
    }
    if let Some(own) = &c.scale {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&crate::render::own_scale_line(own))
        );
    }
    for cl in &c.levels {
        let _ = writeln!(
            out,
            "<{level_heading}>Level {}: {}</{level_heading}>",
            framework.rank(cl.level),
            escape(&framework.level_label(cl))
        );
        level(out, cl);
    }
    if !c.guidance.is_empty() {
        guidance(out, &c.guidance);
    }
    out.push_str("</section>\n");
}

/// A competency level: what it looks like (description, examples), then its indicators.
fn level(out: &mut String, cl: &CompetencyLevel) {
    if let Some(d) = &cl.description {
        out.push_str(&block(d));
        out.push('\n');
    }
    if !cl.examples.is_empty() {
        out.push_str("<p>For example:</p>\n<ul class=\"level-examples\">\n");
        for e in &cl.examples {
            let _ = writeln!(out, "<li>{}</li>", prose::html(e, escape));
        }
        out.push_str("</ul>\n");
    }
    if cl.indicators.is_empty() {
        out.push_str("<p class=\"empty\">No indicators: this level imposes no requirement.</p>\n");
        return;
    }
    out.push_str("<ul class=\"indicators\">\n");
    for i in &cl.indicators {
        let _ = write!(
            out,
            "<li class=\"indicator\" id=\"indicator-{}\" data-indicator=\"{}\">{} <span class=\"id\">{}</span>",
            escape(&i.id),
            escape(&i.id),
            prose::html(&i.label(), escape),
            escape(&i.id)
        );
        if !i.examples.is_empty() {
            out.push_str("<ul class=\"examples\">");
            for e in &i.examples {
                let _ = write!(out, "<li>{}</li>", prose::html(e, escape));
            }
            out.push_str("</ul>");
        }
        if let Some(origin) = &i.origin {
            let _ = write!(
                out,
                "<div class=\"origin\">From: {}</div>",
                escape(&prose::flow(origin))
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn guidance(out: &mut String, lists: &[Guidance]) {
    for g in lists {
        let _ = writeln!(
            out,
            "<div class=\"guidance\">\n<p><strong>{}</strong></p>",
            escape(&g.title)
        );
        if let Some(note) = &g.note {
            out.push_str(&block(note));
            out.push('\n');
        } else if g.items.is_empty() {
            out.push_str("<p class=\"empty\">(no items)</p>\n");
        }
        if !g.items.is_empty() {
            out.push_str("<ul>\n");
            for item in &g.items {
                let _ = writeln!(out, "<li>{}</li>", prose::html(item, escape));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
    }
}

/// The roles (targets): the level each asks of each competency.
fn roles(out: &mut String, framework: &Framework) {
    if framework.targets.is_empty() {
        return;
    }
    out.push_str(
        "<h2>Roles</h2>\n<table class=\"roles\">\n<tr><th>Role</th><th>Id</th><th>Levels</th></tr>\n",
    );
    for t in &framework.targets {
        let levels = t
            .levels
            .iter()
            .map(|&(c, l)| {
                format!(
                    "{}: {}",
                    escape(&framework.competencies[c].name),
                    escape(&framework.levels[l].name)
                )
            })
            .collect::<Vec<_>>()
            .join("<br>");
        let description = t
            .description
            .as_deref()
            .map(|d| {
                format!(
                    "<br><span class=\"meta\">{}</span>",
                    escape(&prose::flow(d))
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}{description}</td><td class=\"id\">{}</td><td>{levels}</td></tr>",
            escape(&t.name),
            escape(&t.id)
        );
    }
    out.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_escaped_and_the_page_runs_nothing() {
        let f = crate::test_support::framework(
            "x.yaml",
            "id: x\nname: \"<script>alert(1)</script>\"\nversion: \"1\"\nlevels: [{ id: one, name: One }]\n\
             competencies:\n  - id: c\n    name: C & D\n    levels:\n      - level: one\n        \
             indicators: [{ id: i1, text: \"Says <b>hi</b>\", examples: [\"a 'quote'\"] }]\n",
        );
        let page = super::render(&f, crate::language::Language::English);
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("Says &lt;b&gt;hi&lt;/b&gt;"), "{page}");
        assert!(page.contains("C &amp; D"), "{page}");
        assert!(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        assert!(page.contains("data-indicator=\"i1\""));
    }
}
