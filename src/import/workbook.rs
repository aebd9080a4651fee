//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) read with `calamine` into a
//! [`Table`]: a sheet's cells as rows of text, each at the row and column a spreadsheet shows.
//!
//! An `.xlsx` sheet is read cell by cell as `calamine` parses it, each cell's text going
//! straight into its row (shared strings borrowed, never copied into a cell of its own); other
//! workbooks are read as a whole range first. Both give the same rows: from the first row and
//! column that hold a cell to the last, every row as wide as the widest.

use std::io::Cursor;

use calamine::{Cell, Data, DataRef, Reader, Sheets, Xlsx, XlsxError};
use csv::StringRecord;

use super::{fail, Table};
use crate::framework::{Diagnostic, LoadError};

/// Largest number of cells read from one workbook sheet.
pub const MAX_CELLS: usize = 20_000_000;

/// The most a workbook's parts may unpack to, all together, in bytes. A zip file can hold
/// text that unpacks to a thousand times its size; a framework sheet's XML is a few times the
/// size of the same sheet as CSV, so this is twice what a text sheet may be.
pub const MAX_UNPACKED_SIZE: u64 = 128 * 1024 * 1024;

/// A workbook as `calamine` reads it.
pub(super) type Book<'b> = Sheets<Cursor<&'b [u8]>>;

/// The bytes of a workbook, opened with `calamine` after [`check_unpacked_size`].
pub(super) fn open<'b>(file: &str, bytes: &'b [u8]) -> Result<Book<'b>, LoadError> {
    check_unpacked_size(file, bytes)?;
    calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        fail(Diagnostic::file_error(
            file,
            format!(
                "cannot read the workbook: {}",
                crate::render::safe::visible(&e.to_string())
            ),
        ))
    })
}

/// A zip workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) is refused when its parts would unpack
/// to more than [`MAX_UNPACKED_SIZE`], before `calamine` unpacks any: first by the sizes its
/// directory gives; then, since a zip file's maker writes those, by unpacking each part into
/// nothing, stopping one byte past the size it gives, and refusing a part that holds more.
/// Unpacking is deterministic, so `calamine` later unpacks no more than was counted here. A
/// file that is no zip (`.xls`) or that the zip reader cannot open, and a part it cannot
/// unpack (a method it does not know), are left to `calamine`, which says what is wrong.
fn check_unpacked_size(file: &str, bytes: &[u8]) -> Result<(), LoadError> {
    use std::io::Read as _;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        if let Ok(part) = archive.by_index_raw(index) {
            total = total.saturating_add(part.size());
        }
    }
    if total > MAX_UNPACKED_SIZE {
        return Err(fail(Diagnostic::file_error(
            file,
            format!(
                "the workbook's parts unpack to {total} bytes; workbooks are limited to {MAX_UNPACKED_SIZE} bytes (128 MiB) unpacked, and this one was not read. Save the sheets to import as CSV, or in a workbook of their own"
            ),
        )));
    }
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index(index) else {
            continue;
        };
        let said = part.size();
        let name = crate::render::safe::visible(part.name()).into_owned();
        let unpacked = std::io::copy(&mut part.take(said + 1), &mut std::io::sink());
        if unpacked.is_ok_and(|n| n > said) {
            return Err(fail(Diagnostic::file_error(
                file,
                format!(
                    "the workbook's part {name:?} unpacks to more than the {said} bytes it gives as its size; the workbook is damaged or made to fill the memory, and was not read"
                ),
            )));
        }
    }
    Ok(())
}

/// The rows of a workbook's sheet: the named one, else the first.
pub(super) fn table(
    file: &str,
    workbook: &mut Book,
    sheet: Option<&str>,
) -> Result<Table, LoadError> {
    let name = sheet_name(file, &workbook.sheet_names(), sheet)?;
    let cannot = |e: &calamine::Error| {
        fail(Diagnostic::file_error(
            file,
            format!(
                "cannot read sheet {:?} of the workbook: {}",
                crate::render::safe::visible(&name),
                crate::render::safe::visible(&e.to_string())
            ),
        ))
    };
    if let Sheets::Xlsx(xlsx) = workbook {
        let cells = xlsx_cells(xlsx, &name).map_err(|e| cannot(&e.into()))?;
        return rows_of(file, &name, cells);
    }
    let range = workbook.worksheet_range(&name).map_err(|e| cannot(&e))?;
    let (height, width) = range.get_size();
    check_size(file, &name, height, width)?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut scratch = String::new();
    let rows = range
        .rows()
        .map(|row| {
            let mut record = StringRecord::with_capacity(0, row.len());
            for cell in row {
                record.push_field(data_text(cell, &mut scratch));
            }
            record
        })
        .collect();
    Ok(Table {
        rows,
        first_row: first_row as usize + 1,
        first_column: first_column as usize + 1,
    })
}

/// The sheet asked for (by its exact name, else ignoring case), or the first.
fn sheet_name(file: &str, names: &[String], wanted: Option<&str>) -> Result<String, LoadError> {
    match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
            .cloned()
            .ok_or_else(|| {
                fail(Diagnostic::file_error(
                    file,
                    format!(
                        "the workbook has no sheet {:?}; its sheets are: {}",
                        crate::render::safe::visible(wanted),
                        names
                            .iter()
                            .map(|n| format!("{:?}", crate::render::safe::visible(n)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ))
            }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail(Diagnostic::file_error(file, "the workbook has no sheet"))),
    }
}

/// A sheet of `height` rows by `width` columns is refused past [`MAX_CELLS`].
fn check_size(file: &str, name: &str, height: usize, width: usize) -> Result<(), LoadError> {
    if height.saturating_mul(width) > MAX_CELLS {
        return Err(fail(Diagnostic::file_error(
            file,
            format!("sheet {name:?} spans {height} rows by {width} columns; sheets are limited to {MAX_CELLS} cells"),
        )));
    }
    Ok(())
}

/// Every cell of an `.xlsx` sheet that holds something, in the order the file gives them. A
/// chart sheet has none.
fn xlsx_cells<'a>(
    xlsx: &'a mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<Cell<DataRef<'a>>>, XlsxError> {
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell()? {
        if !matches!(cell.get_value(), DataRef::Empty) {
            cells.push(cell);
        }
    }
    Ok(cells)
}

/// The rows the cells make: from the first row and column holding a cell to the last, the
/// places without one empty. Where two cells give one place, the later is read.
fn rows_of(file: &str, name: &str, mut cells: Vec<Cell<DataRef>>) -> Result<Table, LoadError> {
    let place = |c: &Cell<DataRef>| c.get_position();
    let (Some(first_row), Some(last_row)) = (
        cells.iter().map(|c| place(c).0).min(),
        cells.iter().map(|c| place(c).0).max(),
    ) else {
        return Ok(Table {
            rows: Vec::new(),
            first_row: 1,
            first_column: 1,
        });
    };
    let first_column = cells.iter().map(|c| place(c).1).min().unwrap_or(0) as usize;
    let last_column = cells.iter().map(|c| place(c).1).max().unwrap_or(0) as usize;
    let (first_row, last_row) = (first_row as usize, last_row as usize);
    let width = last_column - first_column + 1;
    check_size(file, name, last_row - first_row + 1, width)?;
    if !cells.windows(2).all(|w| place(&w[0]) <= place(&w[1])) {
        // A stable sort keeps cells given twice in file order, so the later still wins.
        cells.sort_by_key(place);
    }
    let mut rows = Vec::with_capacity(last_row - first_row + 1);
    let mut scratch = String::new();
    let mut next = 0;
    for row in first_row..=last_row {
        let start = next;
        while cells.get(next).is_some_and(|c| place(c).0 as usize == row) {
            next += 1;
        }
        let in_row = &cells[start..next];
        let bytes = in_row.iter().map(|c| ref_text_len(c.get_value())).sum();
        let mut record = StringRecord::with_capacity(bytes, width);
        let mut column = first_column;
        for (i, cell) in in_row.iter().enumerate() {
            let at = place(cell).1 as usize;
            if in_row
                .get(i + 1)
                .is_some_and(|later| place(later).1 as usize == at)
            {
                continue;
            }
            while column < at {
                record.push_field("");
                column += 1;
            }
            record.push_field(ref_text(cell.get_value(), &mut scratch));
            column += 1;
        }
        while column <= last_column {
            record.push_field("");
            column += 1;
        }
        rows.push(record);
    }
    Ok(Table {
        rows,
        first_row: first_row + 1,
        first_column: first_column + 1,
    })
}

/// The length of a text cell (0 for any other: its text is short).
fn ref_text_len(cell: &DataRef) -> usize {
    match cell {
        DataRef::String(s) => s.len(),
        DataRef::SharedString(s) => s.len(),
        _ => 0,
    }
}

/// An `.xlsx` cell as the text a person sees, the same as [`data_text`] gives.
fn ref_text<'c>(cell: &'c DataRef<'_>, scratch: &'c mut String) -> &'c str {
    match cell {
        DataRef::Empty => "",
        DataRef::String(s) => s,
        DataRef::SharedString(s) => s,
        other => {
            use std::fmt::Write as _;
            scratch.clear();
            // Writing into a `String` cannot fail.
            let _ = write!(scratch, "{}", Data::from(other.clone()));
            scratch
        }
    }
}

/// A workbook cell as the text a person sees: `2`, not `2.0`. A text cell is borrowed; any
/// other is written into `scratch`.
fn data_text<'c>(cell: &'c Data, scratch: &'c mut String) -> &'c str {
    match cell {
        Data::Empty => "",
        Data::String(s) => s,
        other => {
            use std::fmt::Write as _;
            scratch.clear();
            // Writing into a `String` cannot fail.
            let _ = write!(scratch, "{other}");
            scratch
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Source;

    #[test]
    fn an_xlsx_sheet_read_cell_by_cell_gives_the_rows_of_its_whole_range() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(2, 3, "header").expect("cell");
        sheet.write_number(2, 5, 2.0).expect("cell");
        sheet.write_boolean(4, 4, true).expect("cell");
        sheet.write_number(4, 6, 1.5).expect("cell");
        sheet.write_string(6, 2, "low left").expect("cell");
        let bytes = workbook.save_to_buffer().expect("workbook");
        let as_text = |rows: &[StringRecord]| -> Vec<Vec<String>> {
            rows.iter()
                .map(|r| r.iter().map(str::to_string).collect())
                .collect()
        };
        let mut source = Source::open("t.xlsx", &bytes).unwrap_or_else(|e| panic!("{e}"));
        let table = source.table(None).unwrap_or_else(|e| panic!("{e}"));
        // From the first row and column holding a cell to the last, gaps empty.
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            as_text(&table.rows),
            [
                row(&["", "header", "", "2", ""]),
                row(&["", "", "", "", ""]),
                row(&["", "", "true", "", "1.5"]),
                row(&["", "", "", "", ""]),
                row(&["low left", "", "", "", ""]),
            ]
        );
        assert_eq!((table.first_row, table.first_column), (3, 3));
        // The same as the sheet's whole range, as every other workbook is read.
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(&bytes[..]))
            .unwrap_or_else(|e| panic!("{e}"));
        let range = book
            .worksheet_range("Sheet1")
            .unwrap_or_else(|e| panic!("{e}"));
        let mut scratch = String::new();
        let whole: Vec<Vec<String>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| data_text(c, &mut scratch).to_string())
                    .collect()
            })
            .collect();
        assert_eq!(as_text(&table.rows), whole);
        assert_eq!(range.start(), Some((2, 2)));
    }
}
