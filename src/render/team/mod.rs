//! `rungs team`: the matrix of people × competencies, the distribution of levels and the
//! target view, one renderer per format. `ndjson` writes one tidy row per rating instead.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod ndjson;
pub mod table;

use crate::assessment::Relation;
use crate::team::{Member, Team, View};

/// `self-assessments`, `manager assessments`, `consensus of the raters other than self`.
pub fn view_text(view: View) -> String {
    match view {
        View::Relation(Relation::SelfRating) => "self-assessments".to_string(),
        View::Relation(relation) => format!("{relation} assessments"),
        View::Consensus => "consensus of the raters other than self".to_string(),
    }
}

/// `Networking 1.0 · 12 people · self-assessments`.
pub fn heading(team: &Team) -> String {
    format!(
        "{} {} · {} · {}",
        team.framework_name,
        team.framework_version,
        people(team.members.len()),
        view_text(team.view)
    )
}

/// "in progress: 4 of 24 answered" for a person whose indicators are not all answered.
pub fn progress_text(member: &Member, lang: crate::language::Language) -> Option<String> {
    let c = member.coverage;
    (!c.complete()).then(|| {
        lang.fill(
            "report.coverage",
            &[("n", &c.answered.to_string()), ("total", &c.of.to_string())],
        )
    })
}

/// "Team lead (team-lead); next: Senior (senior), 2 levels to go"; `None` when the framework
/// has no role on the ladder.
pub fn fit_text(member: &Member, lang: crate::language::Language) -> Option<String> {
    let fit = member.fit.as_ref()?;
    Some(lang.fill(
        "fit.team",
        &[
            ("role", &fit.role_text_in(lang)),
            ("next", &fit.next_text_in(lang)),
        ],
    ))
}

/// Whether people are on more than one track: then each one's track is shown.
pub fn several_tracks(team: &Team) -> bool {
    team.members
        .iter()
        .any(|m| m.track != team.members.first().and_then(|f| f.track.clone()))
}

/// Whether any person has a best fit to show (the framework has roles on the ladder).
pub fn has_fits(team: &Team) -> bool {
    team.members.iter().any(|m| m.fit.is_some())
}

/// "2 growing", "none", with " (3 of 6)" while the competency is not fully answered.
pub fn standing_cell(
    standing: &crate::compare::Standing,
    escape: impl Fn(&str) -> String,
) -> String {
    let mut text = match &standing.level {
        _ if !standing.applicable => "not applicable".to_string(),
        Some(level) => format!("{} {}", standing.rank, escape(level)),
        None => "none".to_string(),
    };
    if !standing.coverage.complete() {
        text.push_str(&format!(
            " ({} of {})",
            standing.coverage.answered, standing.coverage.of
        ));
    }
    text
}

/// How many people hold `level` in a distribution; `None` when the level is not on the
/// competency's ladder.
pub fn count(distribution: &[(String, usize)], level: &str) -> Option<usize> {
    distribution
        .iter()
        .find(|(l, _)| l == level)
        .map(|(_, n)| *n)
}

/// A standing in words for the movement table: `2 growing`, `none`, `not applicable`.
pub fn level_cell(
    standing: &crate::compare::Standing,
    escape: impl Fn(&str) -> String,
    lang: crate::language::Language,
) -> String {
    match &standing.level {
        Some(level) => format!("{} {}", standing.rank, escape(level)),
        None if !standing.applicable => lang.text("col.na").to_string(),
        None => lang.text("col.none").to_string(),
    }
}

/// `↑ up`, `↓ down`, `~ changed`.
pub fn change_cell(change: &str, lang: crate::language::Language) -> String {
    let (arrow, key) = match change {
        "up" => ("↑", "team.change.up"),
        "down" => ("↓", "team.change.down"),
        _ => ("~", "team.change.changed"),
    };
    format!("{arrow} {}", lang.text(key))
}

/// `1 person`, `12 people`.
pub fn people(n: usize) -> String {
    super::plural(n, "person", "people")
}

/// At most `limit` names, then `and N more`.
pub fn some_names(names: &[String], limit: usize) -> String {
    let mut shown: Vec<String> = names.iter().take(limit).cloned().collect();
    if names.len() > limit {
        shown.push(format!("and {} more", names.len() - limit));
    }
    shown.join(", ")
}

/// What a target's holder count means: `one person only`, `no one`, or nothing.
pub fn risk(met: Option<usize>) -> &'static str {
    match met {
        Some(0) => "no one",
        Some(1) => "one person only",
        _ => "",
    }
}

/// The formats of a team's matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// Pretty JSON.
    Json,
    /// One row per person.
    Csv,
    /// Markdown.
    Markdown,
    /// A page that stands alone.
    Html,
}

impl crate::render::Document for Team {
    type Format = Format;

    fn render(&self, format: Format, style: crate::render::Style) -> String {
        match format {
            Format::Table => table::render(self, style),
            Format::Json => json::render(self),
            Format::Csv => csv::render(self),
            Format::Markdown => markdown::render(self, style.lang),
            Format::Html => html::render(self, style.lang),
        }
    }

    /// JSON and CSV grow with the team: streamed.
    fn streams(&self, format: Format) -> bool {
        matches!(format, Format::Json | Format::Csv)
    }

    fn write(
        &self,
        format: Format,
        style: crate::render::Style,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match format {
            Format::Json => json::write(self, out),
            Format::Csv => csv::write(self, out),
            other => out.write_all(self.render(other, style).as_bytes()),
        }
    }
}
