//! The translator's sheet (contract section 13): one row per text with the columns
//! `location`, `context`, `source`, `target` (the bilingual layout Weblate and translators'
//! spreadsheets use), written from a framework and its translation, and read back into one.

use std::collections::HashMap;

use super::Table;
use crate::framework::sheet::same_header;
use crate::framework::translation::{places, same_source, Place, Translation};
use crate::framework::Framework;

/// The columns of the translator's sheet, in order.
pub const COLUMNS: [&str; 4] = ["location", "context", "source", "target"];

/// Rows of the sheet, the header first: one per text of the framework, the target filled
/// from the translation where it has one for the text as it is now.
pub fn rows(framework: &Framework, translation: Option<&Translation>) -> Vec<[String; 4]> {
    let mut out = vec![COLUMNS.map(String::from)];
    for place in places(framework) {
        let target = translation
            .and_then(|t| t.get(&place.path))
            .filter(|t| same_source(&t.source, &place.source))
            .map(|t| t.text.clone())
            .unwrap_or_default();
        out.push([place.path, place.context, place.source, target]);
    }
    out
}

/// The rows as CSV.
pub fn csv(rows: &[[String; 4]]) -> Result<Vec<u8>, String> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// The rows as an Excel workbook with one sheet, `Translation`.
pub fn xlsx(rows: &[[String; 4]]) -> Result<Vec<u8>, String> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Translation").map_err(|e| e.to_string())?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let wrap = rust_xlsxwriter::Format::new().set_text_wrap();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).map_err(|e| e.to_string())?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|e| e.to_string())?;
            let format = if r == 0 { &bold } else { &wrap };
            sheet
                .write_string_with_format(r, c, cell, format)
                .map_err(|e| e.to_string())?;
        }
    }
    for (c, width) in [(0, 40.0), (1, 30.0), (2, 60.0), (3, 60.0)] {
        sheet
            .set_column_width(c, width)
            .map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// A `--column HEADER=FIELD` mapping of the translator's sheet: FIELD is one of [`COLUMNS`].
pub fn mapping(text: &str) -> Result<(String, &'static str), String> {
    let Some((header, field)) = text.rsplit_once('=') else {
        return Err(format!(
            "--column {text:?} is not HEADER=FIELD; FIELD is one of: {}",
            COLUMNS.join(", ")
        ));
    };
    let Some(field) = COLUMNS.iter().find(|c| same_header(c, field)) else {
        return Err(format!(
            "--column {text:?}: {:?} is not a field; the fields are: {}",
            field.trim(),
            COLUMNS.join(", ")
        ));
    };
    if header.trim().is_empty() {
        return Err(format!("--column {text:?} names no header"));
    }
    Ok((header.trim().to_string(), field))
}

/// A row of the sheet that matched no text of the framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// Its spreadsheet row number.
    pub row: usize,
    /// Its location, else its source.
    pub what: String,
}

/// What reading a sheet back did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadBack {
    /// Texts the sheet gave a translation (paths, each once).
    pub filled: usize,
    /// Rows with a target that matched no text.
    pub unmatched: Vec<Unmatched>,
    /// One line per source text given two different targets (the first stands).
    pub conflicts: Vec<String>,
}

/// Read a sheet's rows into `translation`: a row matches by `location` when that is a path of
/// the framework, else by its `source` text equal (trimmed) to one text of the framework (every
/// path with that text is filled). A row without a target is left out. Errors: the header
/// lacks a target column, or both location and source.
pub fn read_back(
    file: &str,
    table: &Table,
    mappings: &[(String, &'static str)],
    framework: &Framework,
    translation: &mut Translation,
) -> Result<ReadBack, String> {
    let header = table
        .row(0)
        .ok_or_else(|| format!("{file}: the sheet is empty"))?;
    let mut column: HashMap<&str, usize> = HashMap::new();
    for (index, cell) in header.iter().enumerate() {
        let field = mappings
            .iter()
            .find(|(h, _)| same_header(h, cell))
            .map(|(_, f)| *f)
            .or_else(|| COLUMNS.iter().copied().find(|c| same_header(c, cell)));
        if let Some(field) = field {
            column.entry(field).or_insert(index);
        }
    }
    let Some(&target_column) = column.get("target") else {
        return Err(format!(
            "{file}:{}: no `target` column in the header; the translator's sheet has location, context, source, target (map another header with --column 'HEADER=target')",
            table.row_number(0)
        ));
    };
    if !column.contains_key("location") && !column.contains_key("source") {
        return Err(format!(
            "{file}:{}: neither a `location` nor a `source` column in the header, so no row can be matched to a text (map one with --column 'HEADER=source')",
            table.row_number(0)
        ));
    }
    let places = places(framework);
    let by_path: HashMap<&str, &Place> = places.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut by_source: HashMap<&str, Vec<&Place>> = HashMap::new();
    for place in &places {
        by_source
            .entry(place.source.trim())
            .or_default()
            .push(place);
    }
    // The target each path was given by this sheet, so a second row cannot replace it.
    let mut given: HashMap<String, String> = HashMap::new();
    let mut out = ReadBack::default();
    let cell = |row: &crate::import::Row<'_>, field: &str| -> Option<String> {
        column
            .get(field)
            .and_then(|&c| row.get(c))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    for (index, row) in table.rows().enumerate().skip(1) {
        let Some(target) = row
            .get(target_column)
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        let location = cell(&row, "location");
        let source = cell(&row, "source");
        let matched: Vec<(&Place, String)> = match location.as_deref().and_then(|l| by_path.get(l))
        {
            Some(place) => vec![(
                place,
                source.clone().unwrap_or_else(|| place.source.clone()),
            )],
            None => source
                .as_deref()
                .and_then(|s| by_source.get(s))
                .map(|found| found.iter().map(|p| (*p, p.source.clone())).collect())
                .unwrap_or_default(),
        };
        if matched.is_empty() {
            out.unmatched.push(Unmatched {
                row: table.row_number(index),
                what: location.or(source).unwrap_or_default(),
            });
            continue;
        }
        for (place, source) in matched {
            match given.get(&place.path) {
                Some(first) if first != target => {
                    out.conflicts.push(format!(
                        "{file}:{}: {:?} is given another target than on an earlier row; the first stands",
                        table.row_number(index),
                        place.path
                    ));
                    continue;
                }
                Some(_) => continue,
                None => {}
            }
            given.insert(place.path.clone(), target.to_string());
            translation.set(&place.path, &source, target);
        }
    }
    out.filled = given.len();
    Ok(out)
}

/// The paths of a translation whose source is no longer the framework's text.
pub fn stale(framework: &Framework, translation: &Translation) -> Vec<String> {
    let places = places(framework);
    let by_path: HashMap<&str, &Place> = places.iter().map(|p| (p.path.as_str(), p)).collect();
    translation
        .texts
        .iter()
        .filter(|t| {
            by_path
                .get(t.path.as_str())
                .is_some_and(|p| !same_source(&t.source, &p.source))
        })
        .map(|t| t.path.clone())
        .collect()
}
