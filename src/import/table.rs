//! The containers a sheet comes in, read into one shape: rows of text cells, each at the row
//! and column a spreadsheet shows. Text sheets (`.csv`, `.tsv`) are read with the `csv` crate;
//! workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) with `calamine`. What the rows mean is
//! [`super::rows`]'s business, the same for every container.
//!
//! A text sheet reads as Excel writes one: a UTF-8 byte order mark, CRLF line ends, `;` (or
//! tab) as the delimiter, quoted cells with line breaks. A quote that is never closed is an
//! error at the place it opens, never a cell that swallows the rest of the file.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::{fail, Table};
use crate::framework::{Diagnostic, LoadError, Severity};

/// Largest sheet accepted, in bytes.
pub const MAX_SHEET_SIZE: usize = 64 * 1024 * 1024;

/// How a file is read, from its name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Comma-, semicolon- or tab-separated text (`.csv`).
    Text,
    /// Tab-separated text (`.tsv`, `.tab`).
    Tabs,
    /// An Excel or OpenDocument workbook.
    Workbook,
}

impl Container {
    /// The container a file name says; `None` for an extension that is none of them.
    pub fn of(file: &str) -> Option<Container> {
        let extension = std::path::Path::new(file)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(Container::Workbook),
            "tsv" | "tab" => Some(Container::Tabs),
            "csv" => Some(Container::Text),
            _ => None,
        }
    }
}

/// Every sheet read from one file: a workbook may give the framework's and the roles'.
pub struct Source<'b> {
    file: &'b str,
    kind: Kind<'b>,
}

enum Kind<'b> {
    Text(Cow<'b, str>, Container),
    Workbook(Box<super::workbook::Book<'b>>),
}

impl<'b> Source<'b> {
    /// Open a file's bytes as its extension says; `file` names it in messages. A text sheet
    /// must be UTF-8 (see [`Source::open_as`]).
    pub fn open(file: &'b str, bytes: &'b [u8]) -> Result<Source<'b>, LoadError> {
        Source::open_as(file, bytes, None)
    }

    /// Open a file's bytes as its extension says, a text sheet in `encoding` (any WHATWG
    /// label, [`encoding_label`]) when given, else UTF-8.
    pub fn open_as(
        file: &'b str,
        bytes: &'b [u8],
        encoding: Option<&'static Encoding>,
    ) -> Result<Source<'b>, LoadError> {
        if bytes.len() > MAX_SHEET_SIZE {
            return Err(fail(Diagnostic::file_error(
                file,
                format!(
                    "file is {} bytes; sheets are limited to {MAX_SHEET_SIZE} bytes (64 MiB)",
                    bytes.len()
                ),
            )));
        }
        let Some(container) = Container::of(file) else {
            return Err(fail(Diagnostic::file_error(
                file,
                "sheets are read from .csv, .tsv, .xlsx and .ods files, chosen by the extension, and this name has none of them; save the sheet as one of these (or rename it, if it is one)",
            )));
        };
        let kind = match container {
            Container::Workbook => Kind::Workbook(Box::new(super::workbook::open(file, bytes)?)),
            container => {
                if bytes.starts_with(b"PK\x03\x04") {
                    return Err(fail(Diagnostic::file_error(
                        file,
                        "file is a workbook, not text; name it .xlsx or .ods to read it as one",
                    )));
                }
                Kind::Text(decode(file, bytes, encoding)?, container)
            }
        };
        Ok(Source { file, kind })
    }

    /// A workbook's sheets, each with its first row (a few cells, each cut short), for a
    /// message that helps pick the sheet to read; empty for a text sheet.
    pub fn overview(&mut self) -> Vec<(String, Vec<String>)> {
        let Kind::Workbook(workbook) = &mut self.kind else {
            return Vec::new();
        };
        let names = calamine::Reader::sheet_names(workbook.as_ref());
        let mut sheets = Vec::new();
        for name in names {
            let first: Vec<String> = super::workbook::table(self.file, workbook, Some(&name))
                .ok()
                .and_then(|table| {
                    table
                        .rows()
                        .find(|r| r.iter().any(|c| !c.trim().is_empty()))
                        .map(|row| {
                            row.iter()
                                .map(str::trim)
                                .filter(|c| !c.is_empty())
                                .take(8)
                                .map(|c| {
                                    let short: String = c.chars().take(40).collect();
                                    if short.len() < c.len() {
                                        format!("{short}...")
                                    } else {
                                        short
                                    }
                                })
                                .collect()
                        })
                })
                .unwrap_or_default();
            sheets.push((name, first));
        }
        sheets
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
            Kind::Text(text, container) => {
                if let Some(name) = sheet {
                    return Err(fail(Diagnostic::file_error(
                        file,
                        format!("a text sheet has no sheets by name, so --sheet/--roles-sheet {name:?} cannot be read from it; give a workbook (.xlsx, .ods)"),
                    )));
                }
                text_table(file, text, *container)
            }
            Kind::Workbook(workbook) => super::workbook::table(file, workbook, sheet),
        }
    }
}

/// The rows of a text sheet.
fn text_table(file: &str, text: &str, container: Container) -> Result<Table, LoadError> {
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
    // The text's length is room enough for its cells (quotes and delimiters dropped).
    let mut table = Table::new(1, 1, text.len(), 0);
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| fail(csv_diagnostic(file, &e)))?
    {
        for cell in &record {
            table.push_cell(cell);
        }
        table.end_row();
    }
    Ok(table)
}

/// The encoding a `--encoding` label names (any WHATWG label: `windows-1252`, `latin1`,
/// `utf-16le`, `shift_jis`...); the error says what a label looks like.
pub fn encoding_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "--encoding {:?} is not the name of a text encoding; give one such as windows-1252 (Excel's plain \"CSV\" on Windows), iso-8859-1, utf-16le, shift_jis or gbk",
            crate::render::safe::visible(label)
        )
    })
}

/// The bytes as text. Without an encoding they must be UTF-8 (a byte order mark is dropped),
/// and text that is not is refused naming `--encoding`; with one they are decoded from it (a
/// byte order mark, when there is one, still says which Unicode encoding the text is in).
fn decode<'b>(
    file: &str,
    bytes: &'b [u8],
    encoding: Option<&'static Encoding>,
) -> Result<Cow<'b, str>, LoadError> {
    if let Some(encoding) = encoding {
        let (text, _, _) = encoding.decode(bytes);
        return Ok(text);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let label = if bytes[0] == 0xFF {
            "utf-16le"
        } else {
            "utf-16be"
        };
        return Err(fail(Diagnostic::file_error(
            file,
            format!("file is UTF-16 text; read it with --encoding {label}, or save the sheet as \"CSV UTF-8\""),
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        fail(Diagnostic {
            file: file.to_string(),
            line: Some(line),
            column: None,
            message: format!(
                "file is not UTF-8 text (byte 0x{:02X} on this line); give its encoding with --encoding, e.g. --encoding windows-1252 for Excel's plain \"CSV\" on Windows, or save the sheet as \"CSV UTF-8\"",
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
        assert_eq!(Container::of("ladder.XLSX"), Some(Container::Workbook));
        assert_eq!(Container::of("ladder.ods"), Some(Container::Workbook));
        assert_eq!(Container::of("ladder.tsv"), Some(Container::Tabs));
        assert_eq!(Container::of("ladder.csv"), Some(Container::Text));
        assert_eq!(Container::of("ladder"), None);
        assert_eq!(Container::of("notes.md"), None);
    }
}
