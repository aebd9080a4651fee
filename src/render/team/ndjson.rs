//! One tidy JSON object a line (contract sections 5 and 12): per assessment file × rated or `na`
//! indicator, every file found (not only the latest), ready for DuckDB, Polars or Spark. `value`
//! is a number or null (`na` says which), so no query needs a cast. Written straight from the
//! scorecards as they are, the parts shared by many rows escaped once.

use std::io::Write;

use crate::assessment::gather::{indicator_rows, Scorecard};
use crate::framework::Framework;

use crate::render::safe::json_string as quoted;

/// Write a line per rating of every scorecard; `rounds` are the labels of the paths given, by
/// [`Scorecard::round`].
pub fn write<'a>(
    framework: &Framework,
    rounds: &[String],
    scorecards: impl IntoIterator<Item = &'a Scorecard>,
    mut writer: impl Write,
) -> std::io::Result<()> {
    let framework_part = format!(
        ",\"framework\":{},\"framework_version\":{}",
        quoted(&framework.id),
        quoted(&framework.version)
    );
    let indicators: Vec<String> = indicator_rows(framework)
        .into_iter()
        .map(|(competency, level, indicator)| {
            format!(
                ",\"competency\":{},\"level\":{},\"indicator\":{},\"value\":",
                quoted(competency),
                quoted(level),
                quoted(&indicator.id)
            )
        })
        .collect();
    let values: Vec<String> = framework
        .rating_values()
        .iter()
        .map(|v| format!("{v},\"na\":false"))
        .collect();
    let rounds: Vec<String> = rounds.iter().map(|r| quoted(r)).collect();
    let mut head = Vec::new();
    let mut tail = Vec::new();
    for scorecard in scorecards {
        head.clear();
        write!(
            head,
            "{{\"subject\":{},\"rater\":{},\"relation\":\"{}\"{framework_part}",
            quoted(&scorecard.subject),
            quoted(&scorecard.rater),
            scorecard.relation
        )?;
        tail.clear();
        writeln!(
            tail,
            ",\"round\":{},\"latest\":{},\"completed_at\":{},\"started_at\":{},\"complete\":{},\"file\":{}}}",
            rounds.get(scorecard.round).map_or("null", String::as_str),
            scorecard.latest,
            scorecard
                .completed_at
                .as_deref()
                .map_or_else(|| "null".to_string(), quoted),
            quoted(&scorecard.started_at),
            scorecard.is_complete(),
            quoted(&scorecard.file.display().to_string())
        )?;
        for (position, cell) in scorecard.cells.iter().enumerate() {
            let value = if *cell == crate::assessment::gather::Cell::NA {
                "null,\"na\":true"
            } else {
                match cell.scale_position().and_then(|at| values.get(at)) {
                    Some(value) => value.as_str(),
                    None => continue,
                }
            };
            writer.write_all(&head)?;
            writer.write_all(indicators[position].as_bytes())?;
            writer.write_all(value.as_bytes())?;
            writer.write_all(&tail)?;
        }
    }
    writer.flush()
}

/// The ratings of a team's assessments, a line each: NDJSON is their only format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ndjson;

/// The scorecards whose ratings are written, with their framework.
pub struct RatingLines<'a> {
    /// The framework the scorecards are assessments of.
    pub framework: &'a Framework,
    /// The labels of the paths given (the rounds), by index.
    pub rounds: Vec<String>,
    /// The scorecards, in the order written.
    pub scorecards: Vec<&'a Scorecard>,
}

impl crate::render::Document for RatingLines<'_> {
    type Format = Ndjson;

    fn render(&self, _format: Ndjson, _style: crate::render::Style) -> String {
        crate::render::document::written(|out| {
            write(
                self.framework,
                &self.rounds,
                self.scorecards.iter().copied(),
                out,
            )
        })
    }

    /// One line per rating of many files: always streamed.
    fn streams(&self, _format: Ndjson) -> bool {
        true
    }

    fn write(
        &self,
        _format: Ndjson,
        _style: crate::render::Style,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        write(
            self.framework,
            &self.rounds,
            self.scorecards.iter().copied(),
            out,
        )
    }
}
