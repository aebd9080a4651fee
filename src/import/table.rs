//! The containers a sheet comes in, read into one shape: rows of text cells, each at the row
//! and column a spreadsheet shows. Text sheets (`.csv`, `.tsv`) are read with the `csv` crate;
//! workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) with `calamine`. What the rows mean is
//! [`super::rows`]'s business, the same for every container.
//!
//! A text sheet reads as Excel writes one: a UTF-8 byte order mark, CRLF line ends, `;` (or
//! tab) as the delimiter, quoted cells with line breaks. A quote that is never closed is an
//! error at the place it opens, never a cell that swallows the rest of the file.

use super::{fail, Table};
use crate::framework::{Diagnostic, LoadError, Severity};

/// Largest sheet accepted, in bytes.
pub const MAX_SHEET_SIZE: usize = 64 * 1024 * 1024;

/// How a file is read, from its name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Comma-, semicolon- or tab-separated text (`.csv`, and any other name).
    Text,
    /// Tab-separated text (`.tsv`, `.tab`).
    Tabs,
    /// An Excel or OpenDocument workbook.
    Workbook,
}

impl Container {
    /// The container a file name says.
    pub fn of(file: &str) -> Container {
        let extension = std::path::Path::new(file)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Container::Workbook,
            "tsv" | "tab" => Container::Tabs,
            _ => Container::Text,
        }
    }
}

/// Every sheet read from one file: a workbook may give the framework's and the roles'.
pub struct Source<'b> {
    file: &'b str,
    kind: Kind<'b>,
}

enum Kind<'b> {
    Text(&'b [u8], Container),
    Workbook(Box<super::workbook::Book<'b>>),
}

impl<'b> Source<'b> {
    /// Open a file's bytes as its extension says; `file` names it in messages.
    pub fn open(file: &'b str, bytes: &'b [u8]) -> Result<Source<'b>, LoadError> {
        if bytes.len() > MAX_SHEET_SIZE {
            return Err(fail(Diagnostic::file_error(
                file,
                format!(
                    "file is {} bytes; sheets are limited to {MAX_SHEET_SIZE} bytes (64 MiB)",
                    bytes.len()
                ),
            )));
        }
        let kind = match Container::of(file) {
            Container::Workbook => Kind::Workbook(Box::new(super::workbook::open(file, bytes)?)),
            container => {
                if bytes.starts_with(b"PK\x03\x04") {
                    return Err(fail(Diagnostic::file_error(
                        file,
                        "file is a workbook, not text; name it .xlsx or .ods to read it as one",
                    )));
                }
                Kind::Text(bytes, container)
            }
        };
        Ok(Source { file, kind })
    }

    /// Whether the file is a workbook (whose sheets have names).
    pub fn is_workbook(&self) -> bool {
        matches!(self.kind, Kind::Workbook(_))
    }

    /// A sheet's rows: the named one of a workbook, else its first; the text of a text file
    /// (which has one sheet and no name).
    pub fn table(&mut self, sheet: Option<&str>) -> Result<Table, LoadError> {
        let file = self.file;
        match &mut self.kind {
            Kind::Text(bytes, container) => {
                if let Some(name) = sheet {
                    return Err(fail(Diagnostic::file_error(
                        file,
                        format!("a text sheet has no sheets by name, so --sheet/--roles-sheet {name:?} cannot be read from it; give a workbook (.xlsx, .ods)"),
                    )));
                }
                text_table(file, bytes, *container)
            }
            Kind::Workbook(workbook) => super::workbook::table(file, workbook, sheet),
        }
    }
}

/// The rows of a text sheet.
fn text_table(file: &str, bytes: &[u8], container: Container) -> Result<Table, LoadError> {
    let text = decode(file, bytes)?;
    check_quotes(file, text)?;
    let delimiter = match container {
        Container::Tabs => b'\t',
        _ => detect_delimiter(text),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(record.map_err(|e| fail(csv_diagnostic(file, &e)))?);
    }
    Ok(Table {
        rows,
        first_row: 1,
        first_column: 1,
    })
}

/// The bytes as text: a UTF-8 byte order mark is dropped; UTF-16 and other encodings are
/// refused with the way to save the sheet as UTF-8.
fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(Diagnostic::file_error(
            file,
            "file is UTF-16 text; save the sheet as \"CSV UTF-8\"",
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        fail(Diagnostic {
            file: file.to_string(),
            line: Some(line),
            column: None,
            message: format!(
                "file is not UTF-8 text (byte 0x{:02X} on this line); save the sheet as \"CSV UTF-8\"",
                bytes[e.valid_up_to()]
            ),
            severity: Severity::Error,
        })
    })
}

/// A quote that opens a cell and is never closed makes the rest of the file one cell: refuse it
/// at the line and column where it opens. A quote inside an unquoted cell is text, as in CSV.
fn check_quotes(file: &str, text: &str) -> Result<(), LoadError> {
    // Quotes, delimiters and line ends are ASCII, so bytes are enough; columns count characters.
    let bytes = text.as_bytes();
    let mut at_cell_start = true;
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match open {
            Some(_) => {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        open = None;
                    }
                }
            }
            None => {
                if b == b'"' && at_cell_start {
                    open = Some(i);
                }
                at_cell_start = matches!(b, b',' | b';' | b'\t' | b'\n' | b'\r');
            }
        }
        i += 1;
    }
    let Some(offset) = open else {
        return Ok(());
    };
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let column = text[line_start..offset].chars().count() + 1;
    Err(fail(Diagnostic {
        file: file.to_string(),
        line: Some(line),
        column: Some(column),
        message: "this quote is never closed, so the rest of the file would be one cell; close it or remove it".into(),
        severity: Severity::Error,
    }))
}

/// `,`, `;` or tab: whichever the header line has most of, outside quotes (`,` on a tie).
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn csv_diagnostic(file: &str, error: &::csv::Error) -> Diagnostic {
    let message = format!("cannot read the sheet: {error}");
    match error.position() {
        Some(p) => Diagnostic {
            file: file.to_string(),
            line: Some(p.record() as usize + 1),
            column: None,
            message,
            severity: Severity::Error,
        },
        None => Diagnostic::file_error(file, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_what_the_header_uses() {
        assert_eq!(detect_delimiter("a;b;c\r\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c\n"), b',');
        assert_eq!(detect_delimiter("\"a;b\",c,d\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
    }

    #[test]
    fn an_unclosed_quote_is_named_where_it_opens() {
        let error = check_quotes("s.csv", "a,b\n1,\"two\n3,4\n")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("s.csv:2:3: this quote is never closed, so the rest of the file would be one cell; close it or remove it")
        );
        assert!(check_quotes("s.csv", "a,b\n1,\"say \"\"hi\"\"\"\n2,it's 5\" long\n").is_ok());
    }

    #[test]
    fn containers_by_extension() {
        assert_eq!(Container::of("ladder.XLSX"), Container::Workbook);
        assert_eq!(Container::of("ladder.ods"), Container::Workbook);
        assert_eq!(Container::of("ladder.tsv"), Container::Tabs);
        assert_eq!(Container::of("ladder.csv"), Container::Text);
        assert_eq!(Container::of("ladder"), Container::Text);
    }
}
