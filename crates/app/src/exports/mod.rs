//! Lists taken out of Saathi as spreadsheets: the case list, each form's filled assessments, a
//! workshop's attendance and the training programme's drop-outs and exchange visits. Pages, the
//! API and the CLI call these services; each asks the policy (`Action::Export`), writes one
//! audit entry before the file is handed over, and leaves identity out unless the reader may
//! open it and asked for it.

mod assessments;
mod cases;
pub mod htcds;
pub mod sheet;
mod training;

#[cfg(test)]
mod htcds_tests;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod names {
    use super::*;

    #[test]
    fn a_file_name_is_split_at_its_last_dot_into_a_name_and_a_format() {
        assert_eq!(
            split_file_name("home.v2.xlsx"),
            Some(("home.v2", Format::Xlsx))
        );
        assert_eq!(split_file_name("a.CSV"), Some(("a", Format::Csv)));
        assert_eq!(split_file_name("a.zip"), Some(("a", Format::Zip)));
        for bad in [".csv", "a.pdf", "a", "a.", ""] {
            assert_eq!(split_file_name(bad), None, "{bad:?}");
        }
    }
}

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::Export;
use domain::{Language, OrgId};
use store::Store;

pub use assessments::assessments;
pub use cases::{CaseQuery, REVIEW_EVERY_DAYS, case_filter, cases};
pub use htcds::{HtcdsExport, HtcdsFormat, htcds};
pub use sheet::{Cell, Table};
pub use training::{attendance, programme};

use crate::{Acting, Error};

/// What a list is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One CSV file (a list of several tables asked for as CSV comes as [`Format::Zip`]).
    Csv,
    Xlsx,
    /// A zip of CSV files, one per table.
    Zip,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Xlsx, Format::Zip];

    /// `csv`, `xlsx` or `zip`, as a file name ends.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Zip => "zip",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Zip => "application/zip",
        }
    }

    pub fn from_extension(text: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(text.trim()))
    }
}

/// `NAME.EXT` split at its last dot into the name and a format, if it names one.
pub fn split_file_name(file: &str) -> Option<(&str, Format)> {
    let (name, ext) = file.rsplit_once('.')?;
    Some((name, Format::from_extension(ext)?)).filter(|(n, _)| !n.is_empty())
}

/// A written export: the file's name, its format and its bytes.
#[derive(Debug, Clone)]
pub struct Download {
    pub file_name: String,
    pub format: Format,
    pub bytes: Vec<u8>,
    /// Rows written, over all its tables (headers not counted).
    pub rows: usize,
}

/// The tables as a file named `name`: one CSV for one table, a zip of CSVs for several, or a
/// workbook.
fn write(name: &str, tables: &[Table], format: Format) -> Result<Download, Error> {
    let (format, bytes) = match (format, tables) {
        (Format::Csv, [one]) => (Format::Csv, sheet::csv(one)),
        (Format::Csv | Format::Zip, _) => (Format::Zip, sheet::zip(tables)?),
        (Format::Xlsx, _) => (Format::Xlsx, sheet::xlsx(tables)?),
    };
    Ok(Download {
        file_name: format!("{name}.{}", format.extension()),
        format,
        bytes,
        rows: tables.iter().map(|t| t.rows.len()).sum(),
    })
}

/// What the audit entry of an export says: which list, about what, in whose scope, whether it
/// carried identity, and its filters (empty ones left out).
struct Entry {
    export: Export,
    subject: String,
    scope: Option<OrgId>,
    identity: bool,
    filters: Vec<(&'static str, String)>,
}

/// The one audit entry of an export, with its format and rows. Written before the file
/// leaves.
async fn audited(
    store: &Arc<dyn Store>,
    acting: &Acting,
    entry: &Entry,
    download: &Download,
) -> Result<(), Error> {
    let rows = download.rows.to_string();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("export", entry.export.as_str()),
        ("format", download.format.extension()),
        ("rows", &rows),
        ("identity", if entry.identity { "yes" } else { "no" }),
    ];
    pairs.extend(
        entry
            .filters
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (*k, v.as_str())),
    );
    let event = acting
        .event(
            AuditAction::SpreadsheetExported,
            entry.subject.clone(),
            entry.scope,
        )
        .with_detail(crate::accounts::detail(&pairs));
    store.append_audit(event).await?;
    Ok(())
}

/// The language labels are written in. A spreadsheet's dates stay ISO (a column it sorts), each
/// read on its organisation's day where it is made, so the zone these words carry is never used.
pub fn tr(app: &crate::App, language: Language) -> crate::Tr<'_> {
    static ZONE: std::sync::LazyLock<domain::zone::TimeZone> =
        std::sync::LazyLock::new(domain::zone::TimeZone::default);
    crate::Tr::new(&app.i18n, language, &ZONE)
}
