#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The HTCDS export on both engines: only cases whose survivor consented to statistics, no
//! combination of quasi-identifiers shared by fewer than five, who may take it, and its audit
//! entry.

use std::collections::HashMap;
use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::DenyReason;
use domain::{FixedClock, Timestamp};
use serde_json::Value;
use testkit::TestStore;

use super::htcds::{HtcdsFormat, htcds};
use crate::casework::{self, ConsentInput, IdentityInput, IntakeInput};
use crate::{Acting, App, Error};

const NOW: Timestamp = Timestamp(1_795_910_400_000);

fn app(t: &TestStore) -> App {
    let i18n = i18n::I18n::load().unwrap();
    App::new(
        t.store.clone(),
        Arc::new(i18n),
        Arc::new(FixedClock::at(NOW)),
    )
    .unwrap()
}

async fn as_user(app: &App, username: &str) -> Acting {
    crate::accounts::acting_as(&app.store, username, "test", NOW)
        .await
        .unwrap()
}

/// Opens a case with this intake and, when `statistics`, her consent to be counted.
async fn case(
    app: &App,
    worker: &Acting,
    age: &str,
    district: &str,
    citizenship: &str,
    statistics: bool,
) {
    let intake = IntakeInput {
        identified_on: "2026-08-26".into(),
        identified_district: district.into(),
        identified_state: "West Bengal".into(),
        identified_country: "IN".into(),
        age: age.into(),
        gender: "feminine".into(),
        citizenship: citizenship.into(),
        exploitation: vec!["sexual-exploitation".into()],
        ..IntakeInput::default()
    };
    let identity = IdentityInput {
        name: "রিনা".into(),
        ..IdentityInput::default()
    };
    let case = casework::open(&app.store, worker, &identity, &intake)
        .await
        .unwrap();
    let purpose = if statistics { "statistics" } else { "services" };
    casework::record_consent(
        &app.store,
        worker,
        &case,
        &ConsentInput {
            purpose: purpose.into(),
            explained_how: "ছবির কার্ড দেখিয়ে".into(),
            explained_in: "bn".into(),
            explained_by: "কেস কর্মী".into(),
            ..ConsentInput::default()
        },
    )
    .await
    .unwrap();
}

/// The quasi-identifiers of each record, as one key.
fn key(record: &Value) -> String {
    [
        "saathi_AgeGroup",
        "prs_Gender",
        "prs_Citizenship",
        "saathi_IdentifiedDistrict",
        "saathi_IdentifiedState",
        "saathi_IdentifiedCountry",
        "saathi_IdentifiedYear",
    ]
    .iter()
    .map(|f| record[f].to_string())
    .collect::<Vec<_>>()
    .join("|")
}

async fn the_htcds_export_holds_only_consented_cases_in_groups_of_five_or_more(t: &TestStore) {
    let app = app(t);
    crate::demo::load_network(&app.store, NOW).await.unwrap();
    let kolkata = as_user(&app, "caseworker.kolkata").await;
    let mumbai = as_user(&app, "caseworker.mumbai").await;
    // Seven girls of 15-17 from Bangladesh, found in two districts of West Bengal: no district
    // has five, the state has seven.
    for (age, district) in [
        ("15", "Kolkata"),
        ("16", "Kolkata"),
        ("17", "Kolkata"),
        ("16", "Kolkata"),
        ("15", "Howrah"),
        ("16", "Howrah"),
        ("17", "Howrah"),
    ] {
        case(&app, &kolkata, age, district, "BD", true).await;
    }
    // One girl from Nepal: alone in every generalisation, so left out.
    case(&app, &kolkata, "16", "Kolkata", "NP", true).await;
    // Six from Pakistan who did not consent: never written, not even counted.
    for _ in 0..6 {
        case(&app, &kolkata, "16", "Kolkata", "PK", false).await;
    }
    // Five in Mumbai's organisation: the network's, not the Kolkata director's.
    for _ in 0..5 {
        case(&app, &mumbai, "16", "Mumbai", "BD", true).await;
    }

    let director = as_user(&app, "director.kolkata").await;
    let export = htcds(&app, &director, HtcdsFormat::Json).await.unwrap();
    let doc: Value = serde_json::from_slice(&export.bytes).unwrap();
    assert_eq!(doc["standard"], "HTCDS 2.0");
    let report = &doc["anonymity"];
    assert_eq!(
        report["considered"], 8,
        "her organisation's consented cases"
    );
    assert_eq!(report["suppressed"], 1);
    assert_eq!(report["exported"], 7);
    assert_eq!(report["area"], "state");
    let records = doc["records"].as_array().unwrap();
    assert_eq!(records.len(), 7);
    let mut groups: HashMap<String, usize> = HashMap::new();
    for r in records {
        *groups.entry(key(r)).or_default() += 1;
        assert_eq!(r["prs_Gender"], "Feminine");
        assert_eq!(r["vic_TypeOfExploitation"][0], "SexualExploitation");
        assert_eq!(r["saathi_IdentifiedDistrict"], Value::Null);
        assert_eq!(r["con_Consent"], true);
    }
    assert!(groups.values().all(|n| *n >= 5), "{groups:?}");
    let text = String::from_utf8(export.bytes.clone()).unwrap();
    assert!(
        !text.contains("PK"),
        "a case without the consent never appears"
    );
    assert!(!text.contains("NP"), "nor one alone in its group");
    assert!(!text.contains("রিনা"), "no name");

    // The network admin exports the network: Mumbai's five form a group of their own.
    let admin = as_user(&app, "admin").await;
    let export = htcds(&app, &admin, HtcdsFormat::Csv).await.unwrap();
    assert_eq!(export.report.considered, 13);
    assert_eq!(export.report.exported, 12);
    assert!(export.bytes.starts_with(super::sheet::BOM));
    let text = String::from_utf8(export.bytes[3..].to_vec()).unwrap();
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    let header = lines.next().unwrap();
    assert!(header.starts_with("prs_Gender,prs_Citizenship,vic_TypeOfExploitation,cas_Status"));
    assert!(
        header.contains("vic_TraffickingStatus"),
        "empty HTCDS fields kept"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 12);
    let mut groups: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        let cells: Vec<&str> = row.split(',').collect();
        // gender, citizenship, age group, year, district, state, country
        let k = [0, 1, 5, 6, 7, 8, 9].map(|i| cells[i]).join("|");
        *groups.entry(k).or_default() += 1;
    }
    assert!(groups.values().all(|n| *n >= 5), "{groups:?}");
    assert!(!text.contains("PK"));

    let audit = app.store.audit_entries(None, 200).await.unwrap();
    let exports: Vec<_> = audit
        .iter()
        .filter(|r| r.event.action == AuditAction::SpreadsheetExported)
        .collect();
    assert_eq!(exports.len(), 2, "each export is audited");
}

async fn only_the_network_admin_and_a_director_take_the_htcds_export(t: &TestStore) {
    let app = app(t);
    crate::demo::load_network(&app.store, NOW).await.unwrap();
    for username in ["caseworker.kolkata", "counsellor.kolkata"] {
        let acting = as_user(&app, username).await;
        assert_eq!(
            htcds(&app, &acting, HtcdsFormat::Csv).await.unwrap_err(),
            Error::Forbidden(DenyReason::RoleNotAllowed),
            "{username}"
        );
    }
    let operator = Acting::cli(NOW);
    let export = htcds(&app, &operator, HtcdsFormat::Json).await.unwrap();
    assert_eq!(export.report.considered, 0);
    assert_eq!(export.records, vec![]);
}

testkit::on_both_engines!(
    the_htcds_export_holds_only_consented_cases_in_groups_of_five_or_more,
    only_the_network_admin_and_a_director_take_the_htcds_export,
);
