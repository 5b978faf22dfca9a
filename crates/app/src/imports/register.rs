//! A register as rows of text under a header, whatever it came as: CSV (RFC 4180, UTF-8, a
//! byte-order mark or not), a workbook (`.xlsx` or `.xls`, one sheet) or JSON Lines (one
//! object per line). Each row keeps the line or row number a person finds it at.

use std::io::Cursor;

use calamine::{Data, Reader, Xls, Xlsx};

use crate::Error;

/// What a register file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterFormat {
    Csv,
    /// `.xlsx` or `.xls`, told apart by their first bytes.
    Workbook,
    Jsonl,
}

impl RegisterFormat {
    /// By the file's ending: `.csv`, `.xlsx`, `.xls`, `.jsonl`.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "xlsx" | "xls" => Some(Self::Workbook),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Workbook => "workbook",
            Self::Jsonl => "jsonl",
        }
    }
}

/// One line of the register: where it is, and its cells in the header's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line of the file (CSV, JSON Lines) or the row of the sheet, counted from 1 as an
    /// editor or a spreadsheet shows it.
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

impl Register {
    /// Where `column` is in the header (compared trimmed, without case).
    pub fn position(&self, column: &str) -> Option<usize> {
        let wanted = super::mapping::fold(column);
        self.header
            .iter()
            .position(|h| super::mapping::fold(h) == wanted)
    }

    /// Reads `bytes` as `format`; `sheet` names a workbook's sheet (else its first).
    pub fn read(bytes: &[u8], format: RegisterFormat, sheet: Option<&str>) -> Result<Self, Error> {
        let mut register = match format {
            RegisterFormat::Csv => csv(bytes)?,
            RegisterFormat::Workbook => workbook(bytes, sheet)?,
            RegisterFormat::Jsonl => jsonl(bytes)?,
        };
        register
            .rows
            .retain(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
        Ok(register)
    }
}

fn unreadable(what: impl std::fmt::Display) -> Error {
    Error::Malformed(format!("the register: {what}"))
}

/// Splits RFC 4180 text into records, each with the line it starts on.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, Error> {
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut starts = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push((starts, std::mem::take(&mut record)));
                line += 1;
                starts = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(unreadable(format!(
            "a quoted field opened on line {starts} is never closed"
        )));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((starts, record));
    }
    Ok(records)
}

fn csv(bytes: &[u8]) -> Result<Register, Error> {
    let bytes = bytes
        .strip_prefix(crate::exports::sheet::BOM)
        .unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "not UTF-8 text (save it as \"CSV UTF-8\"): byte {}",
            e.valid_up_to() + 1
        ))
    })?;
    let mut records = csv_records(text)?.into_iter();
    let header = records.next().map(|(_, h)| h).unwrap_or_default();
    Ok(Register {
        header: header.iter().map(|h| h.trim().to_string()).collect(),
        rows: records.map(|(line, cells)| Row { line, cells }).collect(),
    })
}

/// A workbook's cell as text; a date cell as `YYYY-MM-DD`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(when) => excel_day(when.as_f64()).unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_string(),
        other => other.to_string(),
    }
}

/// An Excel serial day (days since 1899-12-30) as `YYYY-MM-DD`.
fn excel_day(serial: f64) -> Option<String> {
    let epoch = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    let days = serial.floor();
    if !(0.0..=2_958_465.0).contains(&days) {
        return None;
    }
    let date = epoch.checked_add(time::Duration::days(days as i64))?;
    Some(domain::voice::format_date_iso(date))
}

fn sheet_rows<RS, R>(book: &mut R, sheet: Option<&str>) -> Result<Register, Error>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            .ok_or_else(|| unreadable(format!("no sheet {wanted:?}")))?,
        None => names.first().ok_or_else(|| unreadable("no sheet"))?,
    }
    .clone();
    let range = book
        .worksheet_range(&name)
        .map_err(|_| unreadable(format!("sheet {name:?} cannot be read")))?;
    // Row numbers as the spreadsheet shows them, where the used range starts.
    let first = range.start().map_or(0, |(row, _)| row as usize) + 1;
    let left = range.start().map_or(0, |(_, col)| col as usize);
    let mut rows = range.rows().enumerate().map(|(i, r)| {
        let mut cells = vec![String::new(); left];
        cells.extend(r.iter().map(cell_text));
        (first + i, cells)
    });
    let header = rows.next().map(|(_, h)| h).unwrap_or_default();
    Ok(Register {
        header: header.iter().map(|h| h.trim().to_string()).collect(),
        rows: rows.map(|(line, cells)| Row { line, cells }).collect(),
    })
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Register, Error> {
    if bytes.starts_with(ZIP) {
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
        sheet_rows(&mut book, sheet)
    } else if bytes.starts_with(OLE2) {
        let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(unreadable)?;
        sheet_rows(&mut book, sheet)
    } else {
        Err(unreadable("not an .xlsx or .xls workbook"))
    }
}

/// A JSON value as a cell: text as it is, numbers and yes/no as written, a list joined by
/// commas, nothing for null.
fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(json_text).collect::<Vec<_>>().join(",")
        }
        other => other.to_string(),
    }
}

/// One object per line; the header is every key, as first seen (a line's keys in their
/// sorted order: columns are found by name, so their order does not matter).
fn jsonl(bytes: &[u8]) -> Result<Register, Error> {
    let text = std::str::from_utf8(
        bytes
            .strip_prefix(crate::exports::sheet::BOM)
            .unwrap_or(bytes),
    )
    .map_err(|e| unreadable(format!("not UTF-8 text: byte {}", e.valid_up_to() + 1)))?;
    let mut header: Vec<String> = Vec::new();
    let mut objects = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| unreadable(format!("line {}: {e}", i + 1)))?;
        let serde_json::Value::Object(object) = value else {
            return Err(unreadable(format!("line {}: not a JSON object", i + 1)));
        };
        for key in object.keys() {
            if !header.contains(key) {
                header.push(key.clone());
            }
        }
        objects.push((i + 1, object));
    }
    let rows = objects
        .into_iter()
        .map(|(line, object)| Row {
            line,
            cells: header
                .iter()
                .map(|k| object.get(k).map(json_text).unwrap_or_default())
                .collect(),
        })
        .collect();
    Ok(Register { header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_the_line_they_start_on() {
        let text = "\u{feff}Reg,Words\r\nA1,\"সে বলল, \"\"বাড়ি\"\"\nযাব\"\r\n\r\nA2,x\r\n";
        let register = Register::read(text.as_bytes(), RegisterFormat::Csv, None).unwrap();
        assert_eq!(register.header, vec!["Reg", "Words"]);
        assert_eq!(register.rows.len(), 2);
        assert_eq!(register.rows[0].line, 2);
        assert_eq!(register.rows[0].cells[1], "সে বলল, \"বাড়ি\"\nযাব");
        assert_eq!(register.rows[1].line, 5);
        assert_eq!(register.position("words"), Some(1));
        assert!(Register::read(b"a\n\"open", RegisterFormat::Csv, None).is_err());
    }

    #[test]
    fn json_lines_take_every_key_and_their_line() {
        let text = "{\"ref\":\"A1\",\"age\":16}\n\n{\"ref\":\"A2\",\"langs\":[\"bn\",\"hi\"],\"age\":null}\n";
        let register = Register::read(text.as_bytes(), RegisterFormat::Jsonl, None).unwrap();
        assert_eq!(register.header, vec!["age", "ref", "langs"]);
        assert_eq!(register.rows[0].cells, vec!["16", "A1", ""]);
        assert_eq!(register.rows[1].line, 3);
        assert_eq!(register.rows[1].cells, vec!["", "A2", "bn,hi"]);
        assert!(Register::read(b"[1]", RegisterFormat::Jsonl, None).is_err());
    }

    #[test]
    fn an_excel_day_is_a_calendar_day() {
        assert_eq!(excel_day(46260.0).as_deref(), Some("2026-08-26"));
        assert_eq!(excel_day(-3.0), None);
    }
}
