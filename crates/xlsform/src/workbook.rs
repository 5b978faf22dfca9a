//! The workbook, `.xlsx` or `.xls`, told apart by its first bytes rather than its name (a
//! KoboToolbox download and an old ODK template may carry either name), read into rows of text.

use std::io::Cursor;

use calamine::{Data, Reader, Xls, Xlsx};

use crate::problems::{Problem, code};

/// A sheet as rows of trimmed text.
pub type Rows = Vec<Vec<String>>;

/// The three sheets an XLSForm has (`choices` and `settings` may be absent).
pub struct Sheets {
    pub survey: Option<Rows>,
    pub choices: Option<Rows>,
    pub settings: Option<Rows>,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
    .trim()
    .to_string()
}

fn read_all<RS, R>(workbook: &mut R) -> Sheets
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let names = workbook.sheet_names();
    let mut take = |wanted: &str| -> Option<Rows> {
        let found = names
            .iter()
            .find(|s| s.trim().eq_ignore_ascii_case(wanted))?;
        let range = workbook.worksheet_range(found).ok()?;
        Some(range.rows().map(|r| r.iter().map(text).collect()).collect())
    };
    Sheets {
        survey: take("survey"),
        choices: take("choices"),
        settings: take("settings"),
    }
}

/// Opens the workbook, whichever of the two formats its bytes are.
pub fn open(bytes: &[u8]) -> Result<Sheets, Problem> {
    let refused = |why: String| {
        Problem::new(
            "file",
            0,
            code::NOT_A_WORKBOOK,
            "",
            &format!("not an .xlsx or .xls workbook ({why})"),
        )
    };
    if bytes.starts_with(ZIP) {
        let mut book: Xlsx<_> =
            Xlsx::new(Cursor::new(bytes)).map_err(|e| refused(e.to_string()))?;
        Ok(read_all(&mut book))
    } else if bytes.starts_with(OLE2) {
        let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(|e| refused(e.to_string()))?;
        Ok(read_all(&mut book))
    } else {
        Err(refused("neither a zip nor an OLE2 file".into()))
    }
}
