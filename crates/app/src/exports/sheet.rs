//! Tables written as files: CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel shows
//! Bengali and Devanagari), XLSX (one sheet per table, rust_xlsxwriter) and a zip of CSVs (one
//! file per table, for a form with repeats).

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook};

use crate::Error;

/// One cell: text, or a count that a spreadsheet should add up.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(i64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_string())
    }
}

/// A sheet of the export: its name (a sheet of the workbook, a file of the zip), the header
/// row and the rows under it. An empty table still has its header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: &str, header: Vec<String>) -> Self {
        Self {
            name: name.to_string(),
            header,
            rows: Vec::new(),
        }
    }
}

/// The UTF-8 byte-order mark: without it Excel reads a CSV as the local code page.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, a
/// quote inside doubled.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// The table as CSV: the byte-order mark, the header, then each row, every line ending CRLF.
pub fn csv(table: &Table) -> Vec<u8> {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, &cell);
        }
        out.push_str("\r\n");
    };
    line(&mut table.header.iter().cloned());
    for row in &table.rows {
        line(&mut row.iter().map(Cell::text));
    }
    let mut bytes = BOM.to_vec();
    bytes.extend_from_slice(out.as_bytes());
    bytes
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, not starting or ending
/// with an apostrophe, unique in the workbook (compared without case, as Excel does).
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'');
    let base: String = if clean.is_empty() {
        "sheet".to_string()
    } else {
        clean.chars().take(31).collect()
    };
    let free = |n: &str| !taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    if free(&base) {
        return base;
    }
    (2..)
        .map(|i| {
            let suffix = format!("~{i}");
            let keep = 31 - suffix.chars().count();
            format!("{}{suffix}", base.chars().take(keep).collect::<String>())
        })
        .find(|n| free(n))
        .unwrap_or(base)
}

/// The most characters Excel keeps in one cell.
const CELL_MAX: usize = 32_767;

/// A text as a cell takes it: cut at Excel's limit (no answer Saathi keeps is that long).
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(CELL_MAX) {
        None => text.into(),
        Some((end, _)) => text[..end].to_string().into(),
    }
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::internal(format!("writing the workbook: {e}"))
}

/// The tables as one workbook, a sheet each, the header in bold and kept in view.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, Error> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let name = sheet_name(&table.name, &names);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(xlsx_error)?;
        names.push(name);
        for (c, head) in table.header.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| Error::internal("too many columns"))?;
            sheet
                .write_string_with_format(0, col, cell_text(head), &bold)
                .map_err(xlsx_error)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let at = u32::try_from(r + 1).map_err(|_| Error::internal("too many rows"))?;
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|_| Error::internal("too many columns"))?;
                match cell {
                    Cell::Text(t) if t.is_empty() => {}
                    // Written as text, never as a formula, whatever it starts with.
                    Cell::Text(t) => {
                        sheet
                            .write_string(at, col, cell_text(t))
                            .map_err(xlsx_error)?;
                    }
                    Cell::Count(n) => {
                        sheet.write_number(at, col, *n as f64).map_err(xlsx_error)?;
                    }
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// The tables as a zip of CSV files, `NAME.csv` each.
pub fn zip(tables: &[Table]) -> Result<Vec<u8>, Error> {
    let failed = |e: &dyn std::fmt::Display| Error::internal(format!("writing the zip: {e}"));
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let mut name = format!("{}.csv", table.name);
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{}-{n}.csv", table.name);
            n += 1;
        }
        writer
            .start_file(name.clone(), options)
            .map_err(|e| failed(&e))?;
        writer.write_all(&csv(table)).map_err(|e| failed(&e))?;
        names.push(name);
    }
    let cursor = writer.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting_and_ends_lines_with_crlf() {
        let mut t = Table::new("t", vec!["a".into(), "b,c".into()]);
        t.rows.push(vec![
            Cell::from("সে বলল, \"বাড়ি\""),
            Cell::from("line\nbreak"),
        ]);
        t.rows.push(vec![Cell::Count(3), Cell::from("")]);
        let bytes = csv(&t);
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "a,\"b,c\"\r\n\"সে বলল, \"\"বাড়ি\"\"\",\"line\nbreak\"\r\n3,\r\n"
        );
    }

    #[test]
    fn a_text_longer_than_a_cell_is_cut_and_the_workbook_still_written() {
        let long = "ক".repeat(CELL_MAX + 5);
        assert_eq!(cell_text(&long).chars().count(), CELL_MAX);
        assert_eq!(cell_text("ছোট"), "ছোট");
        let mut t = Table::new("t", vec!["a".into()]);
        t.rows.push(vec![Cell::Text(long)]);
        assert!(xlsx(&[t]).unwrap().starts_with(b"PK"));
    }

    /// Decision 0012: a cell that a spreadsheet would take for a formula is text in the XLSX
    /// (never a formula), and is written as typed in the CSV, so that a CSV reader gets back
    /// exactly what Saathi holds.
    #[test]
    fn a_cell_that_looks_like_a_formula_stays_text() {
        use std::io::Read;
        let risky = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+91 98300",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ];
        let mut t = Table::new("t", vec!["=1+1".into()]);
        t.rows.push(risky.iter().map(|r| Cell::from(*r)).collect());
        let bytes = xlsx(std::slice::from_ref(&t)).unwrap();
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut text = String::new();
            book.by_name(name)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        };
        let sheet = part("xl/worksheets/sheet1.xml");
        let strings = part("xl/sharedStrings.xml");
        assert!(!sheet.contains("<f>"), "no formula in {sheet}");
        assert_eq!(sheet.matches("t=\"s\"").count(), risky.len() + 1, "{sheet}");
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+91 98300",
            "@SUM(A1)",
            "=1+1",
        ] {
            assert!(strings.contains(text), "{text} in {strings}");
        }
        let csv_text = String::from_utf8(csv(&t)[3..].to_vec()).unwrap();
        assert_eq!(
            csv_text,
            "=1+1\r\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+91 98300,-2+3,@SUM(A1),\tx,\"\rx\"\r\n"
        );
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let taken = vec!["members".to_string()];
        assert_eq!(sheet_name("a/b", &[]), "a_b");
        assert_eq!(sheet_name("Members", &taken), "Members~2");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(sheet_name("", &[]), "sheet");
    }
}
