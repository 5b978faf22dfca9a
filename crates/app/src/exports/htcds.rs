//! The one record-level export, de-identified: the cases whose survivor consented to anonymous
//! statistics, one row each with HTCDS 2.0 field names (`docs/htcds.md`), k-anonymous over
//! age group, gender, citizenship, where and the year she was identified
//! (`domain::anonymity`). The network admin exports the whole network, a director her
//! organisation; the operator at the CLI without `--as` the whole network. No name, no code,
//! no id, no date: nothing that leads back to her record.

use domain::anonymity::{self, QuasiIdentifiers, Report};
use domain::audit::AuditAction;
use domain::policy::{Action, Export, Resource};
use domain::zone::TimeZone;
use domain::{Case, OrgId, Role, Stage};
use serde::Serialize;

use super::sheet::{Cell, Table, csv};
use crate::{Acting, App, Error};

/// What the HTCDS export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtcdsFormat {
    /// One row per case; the report goes beside it (a response header, the CLI's output).
    Csv,
    /// `{standard, anonymity, records}`: the report inside.
    Json,
}

impl HtcdsFormat {
    pub fn extension(self) -> &'static str {
        match self {
            HtcdsFormat::Csv => "csv",
            HtcdsFormat::Json => "json",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            HtcdsFormat::Csv => "text/csv; charset=utf-8",
            HtcdsFormat::Json => "application/json",
        }
    }

    pub fn from_extension(text: &str) -> Option<Self> {
        [HtcdsFormat::Csv, HtcdsFormat::Json]
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(text.trim()))
    }
}

/// The name the standard gives the export in the JSON.
pub const STANDARD: &str = "HTCDS 2.0";

/// The HTCDS fields Saathi holds and writes, then its own columns for the generalised
/// quasi-identifiers (HTCDS has no field for an age group or a year).
pub const COLUMNS: [&str; 10] = [
    "prs_Gender",
    "prs_Citizenship",
    "vic_TypeOfExploitation",
    "cas_Status",
    "con_Consent",
    "saathi_AgeGroup",
    "saathi_IdentifiedYear",
    "saathi_IdentifiedDistrict",
    "saathi_IdentifiedState",
    "saathi_IdentifiedCountry",
];

/// HTCDS data fields about her case that Saathi does not hold: written as empty columns in the
/// CSV, so a pooled file keeps the standard's shape. Direct identifiers (names, contact,
/// address, identity numbers) are never written at all.
pub const EMPTY_COLUMNS: [&str; 14] = [
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_RelationshipToTrafficker",
    "vic_AgeWhenTrafficked",
    "vic_MethodOfRecruitment",
    "vic_LocationOfRecruitment",
    "vic_MethodsOfControl",
    "vic_ForcedLabourIndustry",
    "vic_TypeOfSexExploitation",
    "vic_LocationOfExploitation",
    "prs_MaritalStatus",
    "prs_NumberOfChildren",
    "prs_HighestLevelOfEducation",
    "cas_ReasonForCaseClosure",
];

/// One case as it leaves, every field generalised or coded. Unknown is `null`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct HtcdsRecord {
    #[serde(rename = "saathi_IdentifiedYear")]
    pub year: i32,
    #[serde(rename = "saathi_IdentifiedCountry")]
    pub country: Option<String>,
    #[serde(rename = "saathi_IdentifiedState")]
    pub state: Option<String>,
    #[serde(rename = "saathi_IdentifiedDistrict")]
    pub district: Option<String>,
    #[serde(rename = "saathi_AgeGroup")]
    pub age_group: Option<&'static str>,
    #[serde(rename = "prs_Gender")]
    pub gender: Option<&'static str>,
    #[serde(rename = "prs_Citizenship")]
    pub citizenship: Option<String>,
    #[serde(rename = "vic_TypeOfExploitation")]
    pub exploitation: Vec<&'static str>,
    #[serde(rename = "cas_Status")]
    pub status: &'static str,
    /// Always true: only cases with her consent are written.
    #[serde(rename = "con_Consent")]
    pub consent: bool,
}

/// The report, as the JSON carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnonymityJson {
    pub k: usize,
    pub age: &'static str,
    pub area: &'static str,
    pub considered: usize,
    pub exported: usize,
    pub suppressed: usize,
}

impl From<&Report> for AnonymityJson {
    fn from(r: &Report) -> Self {
        Self {
            k: r.k,
            age: r.age.as_str(),
            area: r.area.as_str(),
            considered: r.considered,
            exported: r.exported,
            suppressed: r.suppressed,
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    standard: &'static str,
    anonymity: AnonymityJson,
    records: &'a [HtcdsRecord],
}

/// A written HTCDS export.
#[derive(Debug, Clone)]
pub struct HtcdsExport {
    pub file_name: String,
    pub format: HtcdsFormat,
    pub bytes: Vec<u8>,
    pub records: Vec<HtcdsRecord>,
    pub report: Report,
}

/// HTCDS's case status for a stage.
pub fn status(stage: Stage) -> &'static str {
    match stage {
        Stage::Closed => "Closed",
        Stage::Returned | Stage::Reintegrating | Stage::FollowUp => "FollowUp",
        _ => "Active",
    }
}

fn some(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

/// What may single her out, from the case: her age and the year on the day she was identified
/// (a case opened before that was asked counts its opening day, in UTC: only the year is used).
pub fn quasi_identifiers(case: &Case) -> QuasiIdentifiers {
    let identified = case
        .intake
        .identified_day(case.opened_at, &TimeZone::default());
    QuasiIdentifiers {
        age: case.intake.age_when_identified(identified),
        gender: case.intake.gender,
        citizenship: case.intake.citizenship.clone(),
        place: case.intake.place.clone(),
        year: identified.year(),
    }
}

/// The cases as records, k-anonymous, in an order that says nothing of the cases (sorted by
/// their own values).
pub fn records(cases: &[Case], k: usize) -> (Vec<HtcdsRecord>, Report) {
    let rows = cases
        .iter()
        .map(|c| (quasi_identifiers(c), c))
        .collect::<Vec<_>>();
    let (kept, report) = anonymity::anonymise(rows, k);
    let mut records: Vec<HtcdsRecord> = kept
        .into_iter()
        .map(|(g, case)| HtcdsRecord {
            year: g.year,
            country: g.country,
            state: some(g.state),
            district: some(g.district),
            age_group: Some(g.age_group).filter(|a| !a.is_empty()),
            gender: g.gender.map(|x| x.htcds()),
            citizenship: g.citizenship,
            exploitation: case.intake.exploitation.iter().map(|e| e.htcds()).collect(),
            status: status(case.stage),
            consent: true,
        })
        .collect();
    records.sort();
    (records, report)
}

fn csv_bytes(records: &[HtcdsRecord]) -> Vec<u8> {
    let header = COLUMNS
        .iter()
        .chain(EMPTY_COLUMNS.iter())
        .map(|c| c.to_string())
        .collect();
    let mut table = Table::new("htcds", header);
    let text = |t: Option<String>| Cell::from(t.unwrap_or_default().as_str());
    for r in records {
        let mut row = vec![
            text(r.gender.map(str::to_string)),
            text(r.citizenship.clone()),
            Cell::from(r.exploitation.join(";").as_str()),
            Cell::from(r.status),
            Cell::from("TRUE"),
            text(r.age_group.map(str::to_string)),
            Cell::Count(i64::from(r.year)),
            text(r.district.clone()),
            text(r.state.clone()),
            text(r.country.clone()),
        ];
        row.extend(EMPTY_COLUMNS.iter().map(|_| Cell::from("")));
        table.rows.push(row);
    }
    csv(&table)
}

/// The export for the person acting: the whole network for the network admin (and the
/// operator at the CLI), her organisation for a director; anyone else is refused. Audited
/// before the file is handed over.
pub async fn htcds(app: &App, acting: &Acting, format: HtcdsFormat) -> Result<HtcdsExport, Error> {
    let scope: Option<OrgId> = match &acting.actor {
        None => None,
        Some(actor) if actor.roles.contains(Role::NetworkAdmin) => {
            crate::policy::require(actor, Action::Export(Export::Htcds), &Resource::Network)?;
            None
        }
        Some(actor) => {
            crate::policy::require(
                actor,
                Action::Export(Export::Htcds),
                &Resource::Organisation(actor.org_id),
            )?;
            Some(actor.org_id)
        }
    };
    let cases = app.store.statistical_cases(scope, acting.at).await?;
    let (records, report) = records(&cases, anonymity::K);
    let bytes = match format {
        HtcdsFormat::Csv => csv_bytes(&records),
        HtcdsFormat::Json => serde_json::to_vec(&Document {
            standard: STANDARD,
            anonymity: AnonymityJson::from(&report),
            records: &records,
        })
        .map_err(|e| Error::internal(e.to_string()))?,
    };
    let subject = match scope {
        Some(org) => format!("org:{org}"),
        None => "network".to_string(),
    };
    let rows = report.exported.to_string();
    let suppressed = report.suppressed.to_string();
    let pairs: Vec<(&str, &str)> = vec![
        ("export", Export::Htcds.as_str()),
        ("format", format.extension()),
        ("rows", &rows),
        ("identity", "no"),
        ("suppressed", &suppressed),
        ("age", report.age.as_str()),
        ("area", report.area.as_str()),
    ];
    let event = acting
        .event(AuditAction::SpreadsheetExported, subject, scope)
        .with_detail(crate::accounts::detail(&pairs));
    app.store.append_audit(event).await?;
    Ok(HtcdsExport {
        file_name: format!("htcds.{}", format.extension()),
        format,
        bytes,
        records,
        report,
    })
}
