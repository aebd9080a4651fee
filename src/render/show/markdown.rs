//! `rungs show --format markdown`: the framework as a readable document, for a wiki.

use crate::framework::{Competency, CompetencyLevel, Framework, Group, Guidance};
use crate::language::Language;
use crate::render::markdown::{escape, level_texts, row};
use crate::render::prose;

/// The framework as Markdown: title, description, scale, levels, each competency with its
/// levels' indicators and examples, guidance, and the targets.
pub fn render(framework: &Framework, lang: Language) -> String {
    let mut out = format!(
        "# {}\n\n`{}` {} {}\n\n",
        escape(&framework.name),
        framework.id.replace('`', "'"),
        lang.text("show.version"),
        escape(&framework.version)
    );
    if let Some(d) = &framework.description {
        out.push_str(&format!("{}\n\n", prose::markdown(d, escape, "")));
    }
    if let Some(s) = &framework.source {
        out.push_str(&format!("Source: {}\n\n", escape(s)));
    }
    scale(&mut out, framework, lang);
    levels(&mut out, framework, lang);
    tracks(&mut out, framework, lang);

    let grouped = !framework.groups.is_empty();
    // With groups, a group is a `##` heading and its competencies `###` under it.
    let headings = if grouped {
        ("###", "####")
    } else {
        ("##", "###")
    };
    for (group, members) in crate::render::sections(framework) {
        if grouped {
            group_heading(&mut out, group, lang);
        }
        for c in members {
            competency(&mut out, framework, c, headings, lang);
        }
    }
    if !framework.guidance.is_empty() {
        blank_line(&mut out);
        out.push_str(&format!("## {}\n\n", lang.text("show.about")));
        guidance(&mut out, &framework.guidance);
    }
    targets(&mut out, framework, lang);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// End what is written so far with exactly one blank line, so that the heading that follows
/// stands one blank line below whatever block came before it.
fn blank_line(out: &mut String) {
    while out.ends_with('\n') {
        out.pop();
    }
    out.push_str("\n\n");
}

/// The rating scale, a point a line, then what counts as demonstrated.
fn scale(out: &mut String, framework: &Framework, lang: Language) {
    out.push_str(&format!("## {}\n\n", lang.text("show.scale.title")));
    for p in &framework.scale {
        out.push_str(&format!("- **{}** {}", p.value, escape(&p.label)));
        if let Some(d) = &p.description {
            out.push_str(&format!(": {}", escape(&prose::flow(d))));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{}\n\n",
        lang.fill(
            "show.scale.rule",
            &[
                ("at", &framework.demonstrated_at.to_string()),
                (
                    "percent",
                    &(framework.threshold * 100.0).round().to_string()
                ),
            ],
        )
    ));
    for note in super::rule_notes(framework) {
        out.push_str(&format!("{}\n\n", escape(&note)));
    }
}

/// The framework's levels as a table.
fn levels(out: &mut String, framework: &Framework, lang: Language) {
    let w = |k: &str| capital(lang.text(k));
    out.push_str(&format!(
        "## {}\n\n{}| ---: | --- | --- | --- |\n",
        lang.text("show.levels"),
        row(&[
            w("col.rank"),
            w("col.level"),
            "Id".to_string(),
            w("col.description"),
        ])
    ));
    for (i, l) in framework.levels.iter().enumerate() {
        out.push_str(&row(&[
            (i + 1).to_string(),
            escape(&l.label()),
            format!("`{}`", l.id.replace('`', "'")),
            escape(&prose::flow(l.description.as_deref().unwrap_or(""))),
        ]));
    }
}

/// The framework's tracks as a table, and how to pick one; nothing without tracks.
fn tracks(out: &mut String, framework: &Framework, lang: Language) {
    if framework.tracks.is_empty() {
        return;
    }
    let w = |k: &str| capital(lang.text(k));
    out.push_str(&format!(
        "\n## {}\n\n{}\n\n{}| --- | --- | --- | --- |\n",
        lang.text("show.tracks"),
        lang.fill(
            "show.tracks.pick",
            &[("id", &framework.tracks[0].id.replace('`', "'"))]
        ),
        row(&[
            w("col.track"),
            "Id".to_string(),
            w("col.levels"),
            w("col.description"),
        ])
    ));
    for track in &framework.tracks {
        let levels: Vec<&str> = track
            .levels
            .iter()
            .map(|&l| framework.levels[l].name.as_str())
            .collect();
        out.push_str(&row(&[
            escape(&track.name),
            format!("`{}`", track.id.replace('`', "'")),
            escape(&levels.join(" → ")),
            escape(&prose::flow(track.description.as_deref().unwrap_or(""))),
        ]));
    }
}

/// A group's heading, description and own scale; "Other competencies" for those in no group.
fn group_heading(out: &mut String, group: Option<&Group>, lang: Language) {
    match group {
        Some(g) => {
            blank_line(out);
            out.push_str(&format!("## {}\n\n", escape(&g.label())));
            if let Some(d) = &g.description {
                out.push_str(&format!("{}\n", prose::markdown(d, escape, "")));
            }
            if let Some(own) = &g.scale {
                out.push_str(&format!(
                    "{}\n",
                    escape(&crate::render::own_scale_line(own))
                ));
            }
        }
        None => {
            blank_line(out);
            out.push_str(&format!("## {}\n\n", lang.text("report.other")));
        }
    }
}

/// One competency under `headings` (its own, its levels'): description, own scale, each
/// level with its indicators, guidance.
fn competency(
    out: &mut String,
    framework: &Framework,
    c: &Competency,
    (competency_heading, level_heading): (&str, &str),
    lang: Language,
) {
    blank_line(out);
    out.push_str(&format!(
        "{competency_heading} {} (`{}`)\n\n",
        escape(&c.label()),
        c.id.replace('`', "'")
    ));
    if let Some(d) = &c.description {
        out.push_str(&format!("{}\n\n", prose::markdown(d, escape, "")));
    }
    if let Some(own) = &c.scale {
        out.push_str(&format!(
            "{}\n\n",
            escape(&crate::render::own_scale_line(own))
        ));
    }
    for cl in &c.levels {
        out.push_str(&format!(
            "{level_heading} {}{}\n\n",
            lang.fill(
                "show.level",
                &[("rank", &framework.rank(cl.level).to_string())]
            ),
            escape(&framework.level_label(cl))
        ));
        out.push_str(&level_texts(cl.description.as_deref(), &cl.examples));
        indicators(out, cl, lang);
    }
    guidance(out, &c.guidance);
}

/// A competency level's indicators as a list, with their examples and origin.
fn indicators(out: &mut String, cl: &CompetencyLevel, lang: Language) {
    if cl.indicators.is_empty() {
        out.push_str(&format!("{}\n\n", lang.text("show.no_indicators.md")));
        return;
    }
    for i in &cl.indicators {
        out.push_str(&format!(
            "- {} (`{}`)\n",
            prose::markdown(&i.label(), escape, "  "),
            i.id.replace('`', "'")
        ));
        for e in &i.examples {
            out.push_str(&format!("  - {}\n", prose::markdown(e, escape, "    ")));
        }
        if let Some(origin) = &i.origin {
            out.push_str(&format!("  From: {}\n", escape(&prose::flow(origin))));
        }
    }
    out.push('\n');
}

/// The framework's targets as a table; nothing without targets.
fn targets(out: &mut String, framework: &Framework, lang: Language) {
    if framework.targets.is_empty() {
        return;
    }
    blank_line(out);
    let w = |k: &str| capital(lang.text(k));
    out.push_str(&format!(
        "## {}\n\n{}| --- | --- | --- |\n",
        lang.text("show.targets"),
        row(&[w("col.target"), "Id".to_string(), w("col.levels")])
    ));
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
            .join(", ");
        out.push_str(&row(&[
            escape(&t.name),
            format!("`{}`", t.id.replace('`', "'")),
            levels,
        ]));
    }
}

/// Titled lists, each with its note; a list without items or note is shown as empty.
fn guidance(out: &mut String, lists: &[Guidance]) {
    for g in lists {
        out.push_str(&format!("**{}**\n\n", escape(&g.title)));
        if let Some(note) = &g.note {
            out.push_str(&format!("{}\n", prose::markdown(note, escape, "")));
        } else if g.items.is_empty() {
            out.push_str("(no items)\n");
        }
        for item in &g.items {
            out.push_str(&format!("- {}\n", prose::markdown(item, escape, "  ")));
        }
        out.push('\n');
    }
}

/// A word with its first letter in capitals, as a table header.
fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    const FRAMEWORK: &str = r#"
id: small
name: Small
version: "1"
description: "For the tests."
levels: [{ id: one, name: One }, { id: two, name: Two }]
groups: [{ id: people, name: People }]
competencies:
  - id: craft
    name: Craft
    group: people
    levels:
      - level: one
        title: Starts out
        indicators:
          - { id: a1, text: Shares what they learn, examples: [runs a demo] }
      - level: two
        indicators: []
    guidance:
      - { title: Try, items: [Pair with someone] }
targets:
  - { id: lead, name: Lead, levels: { craft: two } }
"#;

    #[test]
    fn a_grouped_framework_with_a_target() {
        let f = crate::test_support::framework("small.yaml", FRAMEWORK);
        insta::assert_snapshot!(super::render(&f, crate::language::Language::English), @r"
        # Small

        `small` version 1

        For the tests.

        ## Scale

        - **1** Rarely
        - **2** Sometimes
        - **3** Often
        - **4** Consistently

        A rating of 3 or more counts as demonstrated; a level is attained when 80% of its rated indicators are demonstrated.

        ## Levels

        | Rank | Level | Id | Description |
        | ---: | --- | --- | --- |
        | 1 | One | `one` |  |
        | 2 | Two | `two` |  |

        ## People

        ### Craft (`craft`)

        #### Level 1: Starts out

        - Shares what they learn (`a1`)
          - runs a demo

        #### Level 2: Two

        No indicators: this level imposes no requirement.

        **Try**

        - Pair with someone

        ## Targets

        | Target | Id | Levels |
        | --- | --- | --- |
        | Lead | `lead` | Craft: Two |
        ");
    }
}
