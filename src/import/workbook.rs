//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) read with `calamine` into a
//! [`Table`]: a sheet's cells as rows of text, each at the row and column a spreadsheet shows.
//!
//! An `.xlsx` sheet is read cell by cell as `calamine` parses it, each cell's text going
//! straight into its row (shared strings borrowed, never copied into a cell of its own); other
//! workbooks are read as a whole range first. Both give the same rows: from the first row and
//! column that hold a cell to the last, every row as wide as the widest.

use std::io::Cursor;

use calamine::{Cell, Data, DataRef, Reader, Sheets, Xlsx, XlsxError};

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

/// The bytes of a workbook, opened with `calamine` as its extension says, after
/// [`check_parts`]. A workbook it cannot open is named with what is wrong with it.
pub(super) fn open<'b>(file: &str, bytes: &'b [u8]) -> Result<Book<'b>, LoadError> {
    check_parts(file, bytes)?;
    let extension = std::path::Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let cursor = Cursor::new(bytes);
    let opened: Result<Book<'b>, String> = match extension.as_str() {
        "xlsx" | "xlsm" => Xlsx::new(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        "xlsb" => calamine::Xlsb::new(cursor)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string()),
        "ods" => calamine::Ods::new(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        _ => calamine::Xls::new(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
    };
    opened.map_err(|e| {
        fail(Diagnostic::file_error(
            file,
            format!(
                "cannot read the workbook, which is damaged or not a .{extension} workbook: {}",
                crate::render::safe::visible(&e)
            ),
        ))
    })
}

/// A zip workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) is checked before `calamine` reads it:
/// its zip directory must be readable, its parts must not unpack to more than
/// [`MAX_UNPACKED_SIZE`] (first by the sizes its directory gives; then, since a zip file's maker
/// writes those, by unpacking each part into nothing, stopping one byte past the size it gives,
/// and refusing a part that holds more), every part must unpack whole (a truncated or damaged
/// part is named), and no XML part may declare a DOCTYPE (which no workbook has, and which
/// could make a parser expand entities). Unpacking is deterministic, so `calamine` later
/// unpacks no more than was counted here. An `.xls` (no zip) is left to `calamine`, as is a
/// part compressed by a method the zip reader does not know.
fn check_parts(file: &str, bytes: &[u8]) -> Result<(), LoadError> {
    use std::io::Read as _;
    let ods = file.to_ascii_lowercase().ends_with(".ods");
    let damaged = |message: String| {
        fail(Diagnostic::file_error(
            file,
            format!("the workbook is damaged: {message}; it was not read (save it again from the spreadsheet, or as CSV)"),
        ))
    };
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(_) if !bytes.starts_with(b"PK") => return Ok(()),
        Err(e) => {
            return Err(damaged(format!(
                "its zip directory cannot be read ({}), as when the file was cut short",
                crate::render::safe::visible(&e.to_string())
            )))
        }
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
        let Ok(mut part) = archive.by_index(index) else {
            continue;
        };
        let said = part.size();
        let name = crate::render::safe::visible(part.name()).into_owned();
        let xml = name.ends_with(".xml") || name.ends_with(".rels");
        // An OpenDocument sheet's cells are read whole, to count what its repeats make; of
        // any other part the start, where a DOCTYPE would be, and the rest into nothing.
        let whole = ods && name == "content.xml";
        let mut head = Vec::with_capacity(if whole { said as usize } else { 8192 });
        let read = (&mut part)
            .take(if whole { said + 1 } else { 8192.min(said + 1) })
            .read_to_end(&mut head)
            .and_then(|n| {
                let rest = std::io::copy(
                    &mut (&mut part).take(said + 1 - n as u64),
                    &mut std::io::sink(),
                )?;
                Ok(n as u64 + rest)
            });
        match read {
            Ok(n) if n > said => {
                return Err(fail(Diagnostic::file_error(
                    file,
                    format!(
                        "the workbook's part {name:?} unpacks to more than the {said} bytes it gives as its size; the workbook is damaged or made to fill the memory, and was not read"
                    ),
                )));
            }
            Ok(n) if n < said => {
                return Err(damaged(format!(
                    "its part {name:?} holds {n} of the {said} bytes it gives as its size"
                )));
            }
            Ok(_) => {}
            Err(e) => {
                return Err(damaged(format!(
                    "its part {name:?} cannot be unpacked ({}), as when the file was cut short",
                    crate::render::safe::visible(&e.to_string())
                )));
            }
        }
        if xml && contains(&head[..head.len().min(8192)], b"<!DOCTYPE") {
            return Err(damaged(format!(
                "its part {name:?} declares a DOCTYPE, which no spreadsheet writes"
            )));
        }
        if whole {
            check_repeats(file, &head)?;
        }
    }
    Ok(())
}

/// An OpenDocument sheet may say that a row is repeated (`table:number-rows-repeated`) or a
/// cell (`table:number-columns-repeated`) any number of times, and `calamine` writes out every
/// repeat between the first and the last cell holding something: a 2 KB file could make a
/// million rows. A sheet whose repeats make more cells than [`MAX_REPEATED_CELLS`] plus one for
/// every 16 bytes of its XML is refused, so what is read stays in proportion to the file (a
/// sheet as a spreadsheet saves it repeats only empty rows and cells past its end, which are
/// not written out, and never comes near).
fn check_repeats(file: &str, xml: &[u8]) -> Result<(), LoadError> {
    let allowed = MAX_REPEATED_CELLS + xml.len() as u64 / 16;
    let mut grid = Grid::default();
    let mut at = 0;
    while let Some(offset) = find(&xml[at..], b"<table:") {
        let start = at + offset;
        let end = xml[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(xml.len(), |e| start + e + 1);
        let tag = &xml[start..end];
        let name_end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .unwrap_or(tag.len());
        let closed = tag.ends_with(b"/>");
        match &tag[..name_end] {
            b"<table:table" => {
                grid.check(file, allowed)?;
                grid = Grid::default();
                grid.sheet =
                    attribute(tag, b"table:name").map(|n| String::from_utf8_lossy(n).into_owned());
            }
            b"<table:table-row" => {
                grid.end_row();
                grid.row_repeats = repeats(tag, b"table:number-rows-repeated");
            }
            b"<table:table-cell" | b"<table:covered-table-cell" => {
                let count = repeats(tag, b"table:number-columns-repeated");
                grid.column = grid.column.saturating_add(count);
                if !closed || attribute(tag, b"office:value-type").is_some() {
                    grid.row_width = grid.column;
                }
            }
            _ => {}
        }
        at = end;
    }
    grid.end_row();
    grid.check(file, allowed)
}

/// Cells an OpenDocument sheet's repeats may make beyond one per 16 bytes of its XML.
pub const MAX_REPEATED_CELLS: u64 = 200_000;

/// What one OpenDocument sheet's rows make, as `calamine` writes them out.
#[derive(Default)]
struct Grid {
    sheet: Option<String>,
    /// Rows so far, repeats counted.
    rows: u64,
    /// Where the first row holding something starts, and where the last one ends.
    first: Option<u64>,
    last: u64,
    /// The widest row holding something.
    width: u64,
    /// The row being read: its repeats, the column reached and where its last cell holding
    /// something ends.
    row_repeats: u64,
    column: u64,
    row_width: u64,
}

impl Grid {
    fn end_row(&mut self) {
        if self.row_width > 0 {
            self.first.get_or_insert(self.rows);
            self.last = self.rows.saturating_add(self.row_repeats);
            self.width = self.width.max(self.row_width);
        }
        self.rows = self.rows.saturating_add(self.row_repeats);
        (self.row_repeats, self.column, self.row_width) = (0, 0, 0);
    }

    fn check(&self, file: &str, allowed: u64) -> Result<(), LoadError> {
        let rows = self.last - self.first.unwrap_or(self.last);
        let cells = rows.saturating_mul(self.width);
        if cells <= allowed {
            return Ok(());
        }
        Err(fail(Diagnostic::file_error(
            file,
            format!(
                "sheet {:?} repeats its rows or cells (table:number-rows-repeated, table:number-columns-repeated) into {rows} rows by {} columns, far more than the file holds; it was not read. Save the sheet again from the spreadsheet, or as CSV",
                crate::render::safe::visible(self.sheet.as_deref().unwrap_or("")),
                self.width,
            ),
        )))
    }
}

/// The value of an attribute of a tag, when it has one.
fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut at = 0;
    while let Some(offset) = find(&tag[at..], name) {
        let start = at + offset;
        let rest = &tag[start + name.len()..];
        let before_ok = start > 0 && tag[start - 1].is_ascii_whitespace();
        if before_ok && rest.starts_with(b"=") && rest.len() > 1 {
            let quote = rest[1];
            let value = &rest[2..];
            let end = value.iter().position(|&b| b == quote)?;
            return Some(&value[..end]);
        }
        at = start + name.len();
    }
    None
}

/// A repeat count: 1 when not given, or not a number.
fn repeats(tag: &[u8], name: &[u8]) -> u64 {
    attribute(tag, name)
        .and_then(|v| std::str::from_utf8(v).ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = 0;
    while let Some(offset) = haystack[at..].iter().position(|&b| b == first) {
        let start = at + offset;
        if haystack[start + 1..].starts_with(rest) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
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
        let mut table = rows_of(file, &name, cells)?;
        table.sheet = Some(name);
        return Ok(table);
    }
    let range = workbook.worksheet_range(&name).map_err(|e| cannot(&e))?;
    let (height, width) = range.get_size();
    check_size(file, &name, height, width)?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut table = Table::new(
        first_row as usize + 1,
        first_column as usize + 1,
        0,
        height * width,
    );
    let mut scratch = String::new();
    for row in range.rows() {
        for cell in row {
            table.push_cell(data_text(cell, &mut scratch));
        }
        table.end_row();
    }
    table.sheet = Some(name);
    Ok(table)
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
        return Ok(Table::new(1, 1, 0, 0));
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
    let height = last_row - first_row + 1;
    let bytes = cells.iter().map(|c| ref_text_len(c.get_value())).sum();
    let mut table = Table::new(first_row + 1, first_column + 1, bytes, height * width);
    let mut scratch = String::new();
    let mut next = 0;
    for row in first_row..=last_row {
        let start = next;
        while cells.get(next).is_some_and(|c| place(c).0 as usize == row) {
            next += 1;
        }
        let in_row = &cells[start..next];
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
                table.push_cell("");
                column += 1;
            }
            table.push_cell(ref_text(cell.get_value(), &mut scratch));
            column += 1;
        }
        while column <= last_column {
            table.push_cell("");
            column += 1;
        }
        table.end_row();
    }
    Ok(table)
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
        let as_text = |table: &Table| -> Vec<Vec<String>> {
            table
                .rows()
                .map(|r| r.iter().map(str::to_string).collect())
                .collect()
        };
        let mut source = Source::open("t.xlsx", &bytes).unwrap_or_else(|e| panic!("{e}"));
        let table = source.table(None).unwrap_or_else(|e| panic!("{e}"));
        // From the first row and column holding a cell to the last, gaps empty.
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            as_text(&table),
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
        assert_eq!(as_text(&table), whole);
        assert_eq!(range.start(), Some((2, 2)));
    }
}
