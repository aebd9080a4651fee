//! `rungs show`: a framework as readable tables.

use crate::render::cell;

use comfy_table::ColumnConstraint;

use crate::framework::{Competency, CompetencyLevel, Framework, Group, Guidance};
use crate::render::{bold, lines, prose, table, wrap, wrap_hanging, wrap_prose, Style};

/// The framework: heading, scale, levels, then each competency with its indicators and guidance.
pub fn render(framework: &Framework, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&crate::render::title(framework, style));
    if let Some(d) = &framework.description {
        out.push_str(&wrap_prose(d, style.width, "", ""));
    }
    if let Some(s) = &framework.source {
        out.push_str(&wrap_hanging(
            &style.lang.fill("walk.source", &[("source", s.trim())]),
            style.width,
            "",
            "  ",
        ));
    }
    out.push('\n');
    out.push_str(&scale_text(framework, style));
    out.push_str(&levels_text(framework, style));
    out.push_str(&tracks_text(framework, style));

    let grouped = !framework.groups.is_empty();
    for (group, members) in crate::render::sections(framework) {
        if grouped {
            out.push_str(&group_heading(group, style));
        }
        for c in members {
            out.push_str(&competency_text(framework, c, style));
        }
    }
    if !framework.guidance.is_empty() {
        out.push_str("\nAbout the whole framework\n");
        guidance(&mut out, &framework.guidance, style);
    }
    out.push_str(&targets_text(framework, style));
    out
}

/// The rating scale: what counts as demonstrated, then a row per scale point.
fn scale_text(framework: &Framework, style: Style) -> String {
    let mut scale = table(style);
    scale.set_header(vec![
        style.lang.text("col.rating"),
        style.lang.text("col.meaning"),
    ]);
    for p in &framework.scale {
        let meaning = match &p.description {
            Some(d) => format!("{}: {}", p.label, prose::flow(d)),
            None => p.label.clone(),
        };
        scale.add_row(vec![cell(p.value), cell(meaning)]);
    }
    let mut out = wrap(
        &style.lang.fill(
            "show.scale",
            &[
                ("at", &framework.demonstrated_at.to_string()),
                (
                    "percent",
                    &(framework.threshold * 100.0).round().to_string(),
                ),
            ],
        ),
        style.width,
        "",
    );
    for note in super::rule_notes(framework) {
        out.push_str(&wrap(&note, style.width, ""));
    }
    let scale = crate::render::fit::laid_out(scale);
    out.push_str(&format!("{scale}\n\n"));
    out
}

/// The framework's levels, a row each.
fn levels_text(framework: &Framework, style: Style) -> String {
    let mut levels = table(style);
    levels.set_header(vec![
        style.lang.text("col.rank"),
        style.lang.text("col.level"),
        style.lang.text("col.description"),
    ]);
    for (i, l) in framework.levels.iter().enumerate() {
        levels.add_row(vec![
            cell(i + 1),
            cell(format!("{}\n({})", l.label(), l.id)),
            cell(prose::flow(l.description.as_deref().unwrap_or(""))),
        ]);
    }
    let levels = crate::render::fit::laid_out(levels);
    format!("{}\n{levels}\n", style.lang.text("show.levels"))
}

/// A group's ruled heading, its description and its own scale; "Other competencies" for
/// those in no group.
fn group_heading(group: Option<&Group>, style: Style) -> String {
    let heading = match group {
        Some(g) => format!("── {} ({}) ", g.label(), g.id),
        None => "── Other competencies ".to_string(),
    };
    let fill = usize::from(style.width).saturating_sub(crate::render::width::width(&heading));
    let mut out = String::from("\n");
    out.push_str(&bold(&format!("{heading}{}", "─".repeat(fill)), style));
    out.push('\n');
    if let Some(d) = group.and_then(|g| g.description.as_deref()) {
        out.push_str(&wrap_prose(d, style.width, "", ""));
    }
    if let Some(own) = group.and_then(|g| g.scale.as_ref()) {
        out.push_str(&wrap_prose(
            &crate::render::own_scale_line(own),
            style.width,
            "",
            "",
        ));
    }
    out
}

/// One competency: its name, description and own scale, each of its levels, its guidance.
fn competency_text(framework: &Framework, c: &Competency, style: Style) -> String {
    let width = style.width;
    let mut out = String::from("\n");
    out.push_str(&bold(
        &lines(&format!("{} ({})", c.label(), c.id), width),
        style,
    ));
    out.push('\n');
    if let Some(d) = &c.description {
        out.push_str(&wrap_prose(d, style.width, "", ""));
    }
    if let Some(own) = &c.scale {
        out.push_str(&wrap_prose(
            &crate::render::own_scale_line(own),
            style.width,
            "",
            "",
        ));
    }
    for cl in &c.levels {
        out.push_str(&competency_level_text(framework, cl, style));
    }
    guidance(&mut out, &c.guidance, style);
    out
}

/// One level of a competency: its heading and text, then its indicators as a table.
fn competency_level_text(framework: &Framework, cl: &CompetencyLevel, style: Style) -> String {
    let width = style.width;
    let rank = framework.rank(cl.level);
    let level = &framework.levels[cl.level];
    let mut heading = style
        .lang
        .fill("show.level", &[("rank", &rank.to_string())]);
    match &cl.title {
        Some(title) => heading.push_str(&format!("{title} ({})", level.label())),
        None => heading.push_str(&level.label()),
    }
    let mut out = String::from("\n");
    out.push_str(&wrap_hanging(&heading, width, "", "  "));
    out.push_str(&crate::render::walk::level_text(
        cl.description.as_deref(),
        &cl.examples,
        width,
    ));
    if cl.indicators.is_empty() {
        out.push_str(&wrap_hanging(
            style.lang.text("show.no_indicators"),
            width,
            "  ",
            "  ",
        ));
        return out;
    }
    let id_width = cl
        .indicators
        .iter()
        .map(|i| crate::render::width::width(&crate::render::visible(&i.id)))
        .max()
        .unwrap_or(2)
        .max(2);
    // Borders and padding of a two-column table take 7 columns.
    let text_width = style
        .width
        .saturating_sub(u16::try_from(id_width + 7).unwrap_or(u16::MAX))
        .max(20);
    let mut t = table(style);
    t.set_header(vec!["id", style.lang.text("col.indicator")]);
    for ind in &cl.indicators {
        let mut text = wrap_prose(&ind.label(), text_width, "", "");
        for e in &ind.examples {
            text.push_str(&wrap_prose(e, text_width, "  • ", "    "));
        }
        if let Some(origin) = &ind.origin {
            text.push_str(&wrap_prose(
                &format!("From: {origin}"),
                text_width,
                "",
                "  ",
            ));
        }
        t.add_row(vec![cell(&ind.id), cell(text.trim_end())]);
    }
    if let Some(column) = t.column_mut(0) {
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
    let t = crate::render::fit::laid_out(t);
    out.push_str(&format!("{t}\n"));
    out
}

/// The framework's targets (roles), each with the level it asks per competency; nothing
/// without targets.
fn targets_text(framework: &Framework, style: Style) -> String {
    if framework.targets.is_empty() {
        return String::new();
    }
    let mut t = table(style);
    t.set_header(vec![
        style.lang.text("col.target"),
        style.lang.text("col.levels"),
    ]);
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
            name.push_str(&format!("\n{}", prose::flow(d)));
        }
        t.add_row(vec![cell(name), cell(levels)]);
    }
    let t = crate::render::fit::laid_out(t);
    format!("\nTargets\n{t}\n")
}

/// Titled lists, each with its note; a list without items or note is shown as empty.
fn guidance(out: &mut String, lists: &[Guidance], style: Style) {
    let width = style.width;
    for g in lists {
        out.push('\n');
        out.push_str(&wrap_hanging(&g.title, width, "", "  "));
        if let Some(note) = &g.note {
            out.push_str(&wrap_prose(
                &format!("({})", note.trim()),
                width,
                "  ",
                "  ",
            ));
        } else if g.items.is_empty() {
            out.push_str("  (no items)\n");
        }
        for item in &g.items {
            out.push_str(&wrap_prose(item, width, "  • ", "    "));
        }
    }
}

/// The framework's tracks, each with its levels, and how to pick one; nothing without tracks.
fn tracks_text(framework: &Framework, style: Style) -> String {
    if framework.tracks.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{}\n",
        lines(
            &format!(
                "Tracks (pick one with --track ID; without it, {} is used)",
                framework.tracks[0].id
            ),
            style.width
        )
    );
    for track in &framework.tracks {
        let levels: Vec<&str> = track
            .levels
            .iter()
            .map(|&l| framework.levels[l].name.as_str())
            .collect();
        let mut line = format!("{} ({}): {}", track.name, track.id, levels.join(" → "));
        if let Some(description) = &track.description {
            line.push_str(&format!(". {}", prose::flow(description)));
        }
        out.push_str(&wrap_hanging(&line, style.width, "  ", "    "));
    }
    out
}
