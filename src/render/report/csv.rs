//! The report as CSV: one row per indicator, safe to open in a spreadsheet.

use crate::report::Report;

/// The header row's column names. `best_fit`, `next_role` and `next_gap` repeat the report's
/// best-fit role, the next role and its gap on every row (empty for a framework without roles),
/// so each row stands alone in a spreadsheet. The framework's own codes stand beside the ids and
/// names they belong to, and `kind` beside the indicator. `competency_level` is where the
/// indicator's competency stands ("not applicable" when every indicator of it is answered na),
/// `next_step` its next step in words, and `roles` the roles table in one cell (section 10).
pub const COLUMNS: [&str; 22] = [
    "group",
    "competency_id",
    "competency",
    "competency_code",
    "level_rank",
    "level_id",
    "level",
    "level_code",
    "indicator_id",
    "indicator_code",
    "indicator",
    "kind",
    "rating",
    "rating_label",
    "demonstrated",
    "note",
    "best_fit",
    "next_role",
    "next_gap",
    "competency_level",
    "next_step",
    "roles",
];

/// The header row of the explanation (`report --format csv --explain`).
pub const EXPLAIN_COLUMNS: [&str; 14] = [
    "competency_id",
    "competency",
    "level_rank",
    "level_id",
    "level",
    "indicators",
    "rated",
    "demonstrated",
    "not_applicable",
    "unrated",
    "share",
    "needed",
    "status",
    "reason",
];

/// One row per level of each competency's ladder: the counts and why the level is held or not.
pub fn render_explanations(report: &Report) -> String {
    let mut out = line(EXPLAIN_COLUMNS.iter().map(|c| c.to_string()));
    for c in &report.competencies {
        let Some(explain) = &c.explain else { continue };
        for l in &explain.levels {
            let status = serde_json::to_value(l.level.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            out.push_str(&line(
                [
                    c.id.clone(),
                    c.name.clone(),
                    l.level.rank.to_string(),
                    l.level.level.clone(),
                    l.level.title.clone(),
                    l.level.indicators.to_string(),
                    l.level.rated.to_string(),
                    l.level.demonstrated.to_string(),
                    l.level.not_applicable.to_string(),
                    l.level.unrated.to_string(),
                    // Exact, as in JSON: a spreadsheet rounds as its reader likes.
                    serde_json::Value::from(l.level.share).to_string(),
                    l.level.needed.to_string(),
                    status,
                    l.reason.clone(),
                ]
                .into_iter(),
            ));
        }
    }
    out
}

/// One row per indicator in walk order, with a header row; lines end with CRLF (RFC 4180).
/// With explanations kept, the rows are the levels instead ([`render_explanations`]).
pub fn render(report: &Report) -> String {
    if report.is_explained() {
        return render_explanations(report);
    }
    let mut out = line(COLUMNS.iter().map(|c| c.to_string()));
    let fit = report.best_fit.as_ref();
    let best = fit.and_then(|f| f.role.clone()).unwrap_or_default();
    let next = fit.and_then(|f| f.next.clone()).unwrap_or_default();
    let next_gap = fit
        .filter(|f| f.next.is_some())
        .map(|f| f.next_gap.to_string())
        .unwrap_or_default();
    let roles = report
        .roles
        .iter()
        .map(|r| {
            format!(
                "{} ({}): {} · {} short · fits: {}",
                r.name,
                r.id,
                r.met_text(),
                crate::words::plural(r.short, "level", "levels"),
                r.fits_text()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    // Per competency, where it stands and its next step, made once.
    let standings: std::collections::HashMap<&str, (String, String)> = report
        .competencies
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                (
                    crate::report::standing_text(c),
                    crate::report::progress_text(c),
                ),
            )
        })
        .collect();
    for i in &report.indicators {
        let (level, step) = standings.get(&*i.competency).cloned().unwrap_or_default();
        out.push_str(&line(
            [
                i.group.as_deref().unwrap_or_default().to_string(),
                i.competency.to_string(),
                i.competency_name.to_string(),
                i.competency_code.as_deref().unwrap_or_default().to_string(),
                i.rank.to_string(),
                i.level.to_string(),
                // The competency's own title of the level when it has one, as the framework
                // gives it to this competency.
                i.competency_title
                    .as_deref()
                    .unwrap_or(&i.level_title)
                    .to_string(),
                i.level_code.as_deref().unwrap_or_default().to_string(),
                i.id.clone(),
                i.code.clone().unwrap_or_default(),
                i.text.clone(),
                i.kind.clone().unwrap_or_default(),
                i.rating.map(|r| r.to_string()).unwrap_or_default(),
                i.rating_label.as_deref().unwrap_or_default().to_string(),
                // Only a scale value is demonstrated or not; na and unrated say neither.
                match i.rating {
                    Some(crate::assessment::RatingValue::Scale(_)) if i.demonstrated => "yes",
                    Some(crate::assessment::RatingValue::Scale(_)) => "no",
                    _ => "",
                }
                .to_string(),
                i.note.clone().unwrap_or_default(),
                best.clone(),
                next.clone(),
                next_gap.clone(),
                level,
                step,
                roles.clone(),
            ]
            .into_iter(),
        ));
    }
    out
}

fn line(cells: impl Iterator<Item = String>) -> String {
    let mut out = cells.map(|c| field(&c)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// One CSV field: neutralised against formula injection, then quoted when needed.
pub fn field(text: &str) -> String {
    let safe = neutralise(text);
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe, so it is shown as text and never evaluated.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quoting_follows() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("plain, with comma"), "\"plain, with comma\"");
        assert_eq!(field("a - b"), "a - b");
    }

    #[test]
    fn a_report_as_rows() {
        use crate::assessment::TargetRequest;
        use crate::test_support::{framework, rated, TWO_LEVELS};
        let f = framework("small.yaml", TWO_LEVELS);
        let ratings = rated(&[("craft.one.1", 4), ("craft.one.2", 2)]);
        let report = match Report::from_ratings(&f, &ratings, &TargetRequest::default()) {
            Ok(report) => report,
            Err(e) => panic!("{e}"),
        };
        insta::assert_snapshot!(render(&report), @r"
        group,competency_id,competency,competency_code,level_rank,level_id,level,level_code,indicator_id,indicator_code,indicator,kind,rating,rating_label,demonstrated,note,best_fit,next_role,next_gap,competency_level,next_step,roles
        ,craft,Craft,,1,one,One,,craft.one.1,,Shares what they learn,,4,Consistently,yes,,,,,none,1 more at One holds it,
        ,craft,Craft,,1,one,One,,craft.one.2,,Asks for feedback,,2,Sometimes,no,,,,,none,1 more at One holds it,
        ,craft,Craft,,2,two,Two,,craft.two.1,,Coaches others,,,,,,,,,none,1 more at One holds it,
        ");
    }
}
