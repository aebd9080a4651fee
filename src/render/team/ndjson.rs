//! One tidy JSON object a line (contract section 5): per subject × rater × rated or `na`
//! indicator, ready for DuckDB, Polars or Spark. Written straight from the scorecards as they are,
//! the parts shared by many rows escaped once.

use std::io::Write;

use crate::assessment::gather::{indicator_rows, Cell, Scorecard};
use crate::assessment::RatingValue;
use crate::framework::Framework;

use crate::render::safe::json_string as quoted;

/// Write a line per rating of every scorecard.
pub fn write<'a>(
    framework: &Framework,
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
        .map(ToString::to_string)
        .collect();
    for scorecard in scorecards {
        let head = format!(
            "{{\"subject\":{},\"rater\":{},\"relation\":\"{}\"{framework_part}",
            quoted(&scorecard.subject),
            quoted(&scorecard.rater),
            scorecard.relation
        );
        let tail = format!(
            ",\"completed_at\":{},\"started_at\":{},\"complete\":{},\"file\":{}}}\n",
            scorecard
                .completed_at
                .as_deref()
                .map_or_else(|| "null".to_string(), quoted),
            quoted(&scorecard.started_at),
            scorecard.is_complete(),
            quoted(&scorecard.file.display().to_string())
        );
        for (position, cell) in scorecard.cells.iter().enumerate() {
            let value = match cell.value(framework) {
                None => continue,
                Some(RatingValue::NotApplicable) => "\"na\"",
                Some(RatingValue::Scale(_)) => {
                    let at = cell_position(*cell);
                    values[at].as_str()
                }
            };
            writer.write_all(head.as_bytes())?;
            writer.write_all(indicators[position].as_bytes())?;
            writer.write_all(value.as_bytes())?;
            writer.write_all(tail.as_bytes())?;
        }
    }
    writer.flush()
}

fn cell_position(cell: Cell) -> usize {
    cell.scale_position().unwrap_or(0)
}

/// The ratings of a team's assessments, a line each: NDJSON is their only format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ndjson;

/// The scorecards whose ratings are written, with their framework.
pub struct RatingLines<'a> {
    /// The framework the scorecards are assessments of.
    pub framework: &'a Framework,
    /// The scorecards, in the order written.
    pub scorecards: Vec<&'a Scorecard>,
}

impl crate::render::Document for RatingLines<'_> {
    type Format = Ndjson;

    fn render(&self, _format: Ndjson, _style: crate::render::Style) -> String {
        crate::render::document::written(|out| {
            write(self.framework, self.scorecards.iter().copied(), out)
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
        write(self.framework, self.scorecards.iter().copied(), out)
    }
}
