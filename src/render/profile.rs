//! The level profile as a plain table (what `rungs assess` shows when a walk ends), and a
//! short gap summary against a target.

use comfy_table::{Cell, CellAlignment};

use super::{table as house_table, Style};
use crate::framework::Framework;
use crate::scoring::{Gap, Profile};

/// One row per competency: level reached, score, and how far into the next level.
pub fn table(framework: &Framework, profile: &Profile, style: Style) -> String {
    let mut t = house_table(style);
    t.set_header(vec!["competency", "level", "score", "next level"]);
    for result in &profile.competencies {
        let competency = &framework.competencies[result.competency];
        let level = match result.current {
            Some(l) => format!("{} ({})", framework.levels[l].name, result.rank),
            None => "none".to_string(),
        };
        let next = match result.next {
            None => "top level reached".to_string(),
            Some(position) => {
                let counts = &result.levels[position];
                let title = framework.level_title(&competency.levels[position]);
                if counts.rated == 0 {
                    format!("{title}: nothing rated yet")
                } else {
                    format!(
                        "{title}: {} of {} rated demonstrated",
                        counts.demonstrated, counts.rated
                    )
                }
            }
        };
        t.add_row(vec![
            Cell::new(&competency.name),
            Cell::new(level),
            Cell::new(format!("{:.2}", result.score)).set_alignment(CellAlignment::Right),
            Cell::new(next),
        ]);
    }
    format!("Level profile\n{t}\n")
}

/// One row per competency with a target: current level, target level and the gap.
pub fn gaps(framework: &Framework, gaps: &[Gap], style: Style) -> String {
    let mut t = house_table(style);
    t.set_header(vec!["competency", "level", "target", "gap"]);
    for gap in gaps {
        let current = match gap.current_rank {
            0 => "none".to_string(),
            rank => format!("{} ({rank})", framework.levels[rank - 1].name),
        };
        t.add_row(vec![
            Cell::new(&framework.competencies[gap.competency].name),
            Cell::new(current),
            Cell::new(format!(
                "{} ({})",
                framework.levels[gap.target].name, gap.target_rank
            )),
            Cell::new(if gap.met() {
                "met".to_string()
            } else {
                gap.gap.to_string()
            })
            .set_alignment(CellAlignment::Right),
        ]);
    }
    format!("Gaps to the target\n{t}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Rating, RatingValue};
    use crate::framework;
    use crate::scoring::{self, Ratings, TargetRequest};

    const FRAMEWORK: &str = r#"
id: small
name: Small
version: "1"
levels: [{ id: one, name: One }, { id: two, name: Two }]
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators: [{ id: a1, text: A }, { id: a2, text: B }]
      - level: two
        title: Leads
        indicators: [{ id: b1, text: C }, { id: b2, text: D }]
  - id: care
    name: Care
    levels:
      - level: one
        indicators: [{ id: c1, text: E }]
  - id: reach
    name: Reach
    levels:
      - level: two
        indicators: [{ id: d1, text: F }]
"#;

    #[test]
    fn profile_and_gaps() {
        let f = match framework::load("small.yaml", FRAMEWORK.as_bytes()) {
            Ok(l) => l.framework,
            Err(e) => panic!("{e}"),
        };
        let ratings: Ratings = [
            ("a1", RatingValue::Scale(4)),
            ("a2", RatingValue::Scale(3)),
            ("b1", RatingValue::Scale(3)),
            ("b2", RatingValue::Scale(1)),
            ("c1", RatingValue::Scale(4)),
        ]
        .into_iter()
        .map(|(id, value)| (id.to_string(), Rating { value, note: None }))
        .collect();
        let profile = scoring::profile(&f, &ratings);
        insta::assert_snapshot!(table(&f, &profile, Style::default()), @r"
            Level profile
            ┌────────────┬─────────┬───────┬──────────────────────────────────┐
            │ competency ┆ level   ┆ score ┆ next level                       │
            ╞════════════╪═════════╪═══════╪══════════════════════════════════╡
            │ Craft      ┆ One (1) ┆  1.50 ┆ Leads: 1 of 2 rated demonstrated │
            │ Care       ┆ One (1) ┆  1.00 ┆ top level reached                │
            │ Reach      ┆ none    ┆  0.00 ┆ Two: nothing rated yet           │
            └────────────┴─────────┴───────┴──────────────────────────────────┘
            ");
        let targets = TargetRequest {
            level: Some("two".into()),
            ..TargetRequest::default()
        }
        .resolve(&f)
        .expect("two is a level");
        let gaps = scoring::gaps(&f, &profile, &targets);
        insta::assert_snapshot!(super::gaps(&f, &gaps, Style::default()), @r"
            Gaps to the target
            ┌────────────┬─────────┬─────────┬─────┐
            │ competency ┆ level   ┆ target  ┆ gap │
            ╞════════════╪═════════╪═════════╪═════╡
            │ Craft      ┆ One (1) ┆ Two (2) ┆   1 │
            │ Care       ┆ One (1) ┆ Two (2) ┆   1 │
            │ Reach      ┆ none    ┆ Two (2) ┆   2 │
            └────────────┴─────────┴─────────┴─────┘
            ");
    }
}
