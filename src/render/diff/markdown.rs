//! The diff as Markdown.

use super::{
    drop_reason, gap_text, groups, heading, note_text, rating_change, score_change_text,
    score_pair, side_level, DiffReport,
};
use crate::render::markdown::{escape as md, row as md_row};
use crate::render::plural;

/// The diff as Markdown.
pub fn render(report: &DiffReport) -> String {
    let mut out = format!("# {}\n\n", md(&heading(report)));
    if let Some(target) = &report.target {
        out.push_str(&format!("Gaps to {}\n\n", md(target)));
        out.push_str("| Competency | Before | After | Score | Change | Gap |\n");
        out.push_str("| --- | --- | --- | --- | ---: | ---: |\n");
    } else {
        out.push_str("| Competency | Before | After | Score | Change |\n");
        out.push_str("| --- | --- | --- | --- | ---: |\n");
    }
    for c in &report.competencies {
        let mut cells = vec![
            md(&c.name),
            md(&side_level(c.from_rank, c.from_title.as_deref())),
            md(&side_level(c.to_rank, c.to_title.as_deref())),
            score_pair(c),
            score_change_text(c),
        ];
        if report.target.is_some() {
            cells.push(gap_text(report, &c.id));
        }
        out.push_str(&md_row(&cells));
    }
    for (_, title, items) in groups(report) {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {title} ({})\n\n",
            plural(items.len(), "indicator", "indicators")
        ));
        for i in items {
            out.push_str(&format!(
                "- {} (`{}`, {} level {}): {}\n",
                md(&i.text),
                i.id.replace('`', "'"),
                md(&i.competency_name),
                i.rank,
                md(&rating_change(i))
            ));
        }
    }
    for (title, items) in [
        ("Added in the new framework version", &report.added),
        ("Removed from the new framework version", &report.removed),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for i in items {
            out.push_str(&format!(
                "- {} (`{}`, {})\n",
                md(&i.text),
                i.id.replace('`', "'"),
                md(&i.competency_name)
            ));
        }
    }
    if !report.notes.is_empty() {
        out.push_str("\n## Changed notes\n\n");
        for n in &report.notes {
            out.push_str(&format!(
                "- {} (`{}`): {} → {}\n",
                md(&n.text),
                n.id.replace('`', "'"),
                md(&note_text(n.from.as_deref())),
                md(&note_text(n.to.as_deref()))
            ));
        }
    }
    if !report.dropped.is_empty() {
        out.push_str("\n## Ratings left out (the framework changed)\n\n");
        for d in &report.dropped {
            out.push_str(&format!(
                "- {}: `{}` rated {}: {}\n",
                md(&d.file),
                d.dropped.id.replace('`', "'"),
                d.dropped.value,
                drop_reason(d.dropped.reason)
            ));
        }
    }
    out.push_str(&format!("\n{}\n", md(&report.summary)));
    out
}

#[cfg(test)]
mod tests {
    use crate::diff::{diff, DiffReport, DiffSide, SideSummary};
    use crate::test_support::{framework, rated, TWO_LEVELS};

    fn side(file: &str, date: &str) -> SideSummary {
        SideSummary {
            file: file.to_string(),
            subject: Some("Sam".to_string()),
            date: date.to_string(),
            version: "1".to_string(),
        }
    }

    #[test]
    fn a_level_gained_and_a_rating_changed() {
        let f = framework("small.yaml", TWO_LEVELS);
        let ladder = f.default_ladder();
        let old = rated(&[("craft.one.1", 4), ("craft.one.2", 2)]);
        let new = rated(&[("craft.one.1", 4), ("craft.one.2", 3), ("craft.two.1", 2)]);
        let at = |ratings| DiffSide {
            framework: &f,
            ladder: &ladder,
            ratings,
        };
        let changes = diff(at(&old), at(&new));
        let report = DiffReport::new(
            &f,
            side("a/small-1.json", "2026-03-01T09:00:00Z"),
            side("a/small-2.json", "2026-06-02T09:00:00Z"),
            changes,
        );
        insta::assert_snapshot!(super::render(&report), @r"
        # Small 1 · Sam · 2026-03-01 → 2026-06-02

        | Competency | Before | After | Score | Change |
        | --- | --- | --- | --- | ---: |
        | Craft | none | 1 · One | 0.50 → 1.00 | ↑ +0.50 |

        ## Newly demonstrated (1 indicator)

        - Asks for feedback (`craft.one.2`, Craft level 1): 2 · Sometimes → 3 · Often

        ## Other rating changes (1 indicator)

        - Coaches others (`craft.two.1`, Craft level 2): not rated → 2 · Sometimes

        Levels: 1 up. Scores: 1 rose. Ratings: 1 newly demonstrated, 1 other change.
        ");
    }
}
