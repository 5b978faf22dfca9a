#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The exports, read back by tools that are not Saathi's: openpyxl opens every workbook and
//! Python's `csv` module reads every CSV (and each CSV of a zip) to the same values. Each runs
//! on both engines.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use domain::audit::AuditAction;
use domain::form::RawAnswers;
use domain::policy::DenyReason;
use domain::{FixedClock, Language, Timestamp};
use serde_json::{Value, json};
use testkit::TestStore;

use super::*;
use crate::casework::{self, IdentityInput};
use crate::{Acting, App};

const NOW: Timestamp = Timestamp(1_795_910_400_000);

fn python() -> PathBuf {
    let python = std::env::var_os("SAATHI_PYOTP_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/cache/saathi-test/pyotp/bin/python"));
    assert!(
        python.exists(),
        "the test Python {} is missing: run scripts/test-deps",
        python.display()
    );
    python
}

/// Runs `script` on the bytes written to a file of `name`; its stdout is JSON.
fn read_back(bytes: &[u8], name: &str, script: &str) -> Value {
    let dir = std::env::temp_dir().join(format!("saathi-export-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every sheet of a workbook as {name: [[cell, …], …]}, as openpyxl reads it.
const OPENPYXL: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [["" if c is None else c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))
"#;

/// A CSV as Python's csv module reads it (the byte-order mark taken off by utf-8-sig).
const CSV: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    print(json.dumps(list(csv.reader(f))))
"#;

/// Each CSV of a zip as {file: rows}; and whether each began with the byte-order mark.
const ZIP: &str = r#"
import csv, io, json, sys, zipfile
out = {}
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        raw = z.read(name)
        assert raw.startswith(b"\xef\xbb\xbf"), name
        out[name] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
print(json.dumps(out))
"#;

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

async fn exports_of(app: &App) -> Vec<domain::audit::AuditEvent> {
    app.store
        .audit_entries(None, 500)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.event)
        .filter(|e| e.action == AuditAction::SpreadsheetExported)
        .collect()
}

const NAME: &str = "রিনা \"রানি\", খাতুন";

async fn case_list_is_read_back_with_identity_only_when_asked(t: &TestStore) {
    let app = app(t);
    crate::demo::load_network(&app.store, NOW).await.unwrap();
    let worker = as_user(&app, "caseworker.kolkata").await;
    let first = casework::create(
        &app.store,
        &worker,
        &IdentityInput {
            name: NAME.into(),
            family: "মা: সালমা".into(),
            address: "বনগাঁ, উত্তর ২৪ পরগনা".into(),
        },
    )
    .await
    .unwrap();

    // Without `identity`: no identity column at all, in either format.
    let plain = cases(
        &app,
        &worker,
        &CaseQuery::default(),
        Language::Bn,
        Format::Csv,
    )
    .await
    .unwrap();
    assert_eq!(plain.format, Format::Csv);
    assert!(plain.bytes.starts_with(sheet::BOM));
    let rows = read_back(&plain.bytes, "cases.csv", CSV);
    assert_eq!(
        rows[0],
        json!([
            "case_code",
            "stage",
            "opened_on",
            "updated_on",
            "carried_by",
            "plan_review_due"
        ])
    );
    let tr = tr(&app, Language::Bn);
    assert_eq!(
        rows[1],
        json!([
            first.code.to_string(),
            tr.get("stage-identified"),
            "2026-11-29",
            "2026-11-29",
            "Rupa Das",
            tr.get("form-no")
        ]),
        "the stage and yes/no in Bengali; dates in the organisation's zone"
    );
    assert!(!String::from_utf8_lossy(&plain.bytes).contains("রিনা"));

    // Asked, by someone who may open it: her name exactly, commas and quotes kept.
    let asked = CaseQuery {
        identity: true,
        ..CaseQuery::default()
    };
    let with = cases(&app, &worker, &asked, Language::En, Format::Xlsx)
        .await
        .unwrap();
    let book = read_back(&with.bytes, "cases.xlsx", OPENPYXL);
    let sheet = &book["cases"];
    assert_eq!(sheet[0][6], "name");
    assert_eq!(sheet[1][0], first.code.to_string());
    assert_eq!(sheet[1][1], "Identified");
    assert_eq!(sheet[1][6], NAME);
    assert_eq!(sheet[1][8], "বনগাঁ, উত্তর ২৪ পরগনা");
    let csv = cases(&app, &worker, &asked, Language::En, Format::Csv)
        .await
        .unwrap();
    assert_eq!(read_back(&csv.bytes, "c.csv", CSV)[1][6], NAME);

    // Each export is one audit entry, by her, saying whether identity left; each identity
    // opened is its own entry.
    let entries = exports_of(&app).await;
    assert_eq!(entries.len(), 3);
    let newest = &entries[0];
    assert_eq!(newest.actor, worker.actor.as_ref().map(|a| a.user_id));
    let detail: Value = serde_json::from_str(&newest.detail).unwrap();
    assert_eq!(detail["identity"], "yes");
    assert_eq!(detail["rows"], "1");
    assert_eq!(detail["format"], "csv");
    let plain_detail: Value = serde_json::from_str(&entries[2].detail).unwrap();
    assert_eq!(plain_detail["identity"], "no");
    let opened = app
        .store
        .audit_entries(None, 500)
        .await
        .unwrap()
        .iter()
        .filter(|r| r.event.action == AuditAction::IdentityOpened)
        .count();
    assert_eq!(opened, 2);

    // The director may export the list, not her identity; a trainer neither.
    let director = as_user(&app, "director.kolkata").await;
    assert_eq!(
        cases(&app, &director, &asked, Language::En, Format::Csv)
            .await
            .unwrap_err(),
        crate::Error::Forbidden(DenyReason::RoleNotAllowed)
    );
    let list = cases(
        &app,
        &director,
        &CaseQuery::default(),
        Language::En,
        Format::Xlsx,
    )
    .await
    .unwrap();
    assert_eq!(list.rows, 1);
    let trainer = as_user(&app, "trainer").await;
    assert_eq!(
        cases(
            &app,
            &trainer,
            &CaseQuery::default(),
            Language::En,
            Format::Csv
        )
        .await
        .unwrap_err(),
        crate::Error::Forbidden(DenyReason::RoleNotAllowed)
    );
    assert_eq!(exports_of(&app).await.len(), 4, "a refusal exports nothing");

    // The list's filters; a filter that finds nothing is a header-only file.
    let none = CaseQuery {
        stage: Some("in-care".into()),
        ..CaseQuery::default()
    };
    let empty = cases(&app, &worker, &none, Language::En, Format::Csv)
        .await
        .unwrap();
    let rows = read_back(&empty.bytes, "e.csv", CSV);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let by_code = CaseQuery {
        code: Some(first.code.as_str()[..4].to_lowercase()),
        opened_from: Some("2026-11-29".into()),
        opened_to: Some("2026-11-29".into()),
        ..CaseQuery::default()
    };
    assert_eq!(
        cases(&app, &worker, &by_code, Language::En, Format::Csv)
            .await
            .unwrap()
            .rows,
        1
    );
    let bad = CaseQuery {
        opened_from: Some("2026-13-01".into()),
        opened_to: Some("2026-11-01".into()),
        carried_by: Some("nobody.here".into()),
        code: Some("K7;--".into()),
        ..CaseQuery::default()
    };
    match cases(&app, &worker, &bad, Language::En, Format::Csv).await {
        Err(crate::Error::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_ref()).collect();
            assert_eq!(fields, ["carried_by", "code", "opened_from"]);
        }
        other => panic!("expected the fields refused, got {other:?}"),
    }
}

/// A form with a select, a select_multiple, a long text and a repeat, names as written.
fn family_form() -> domain::form::FormDef {
    serde_json::from_value(json!({
        "key": "family_visit",
        "title": {"bn": "পরিবার", "hi": "परिवार", "en": "Family visit"},
        "sections": [{
            "name": "visit",
            "label": {"bn": "পরিদর্শন", "hi": "दौरा", "en": "Visit"},
            "sensitivity": "other",
            "items": [
                {"type": "field", "name": "vic_TypeOfExploitation", "kind": "choice", "choices": "types",
                 "label": {"bn": "ধরন", "hi": "प्रकार", "en": "Type"}},
                {"type": "field", "name": "needs", "kind": "choices", "choices": "needs",
                 "label": {"bn": "প্রয়োজন", "hi": "ज़रूरत", "en": "Needs"}},
                {"type": "field", "name": "her_words", "kind": "long-text",
                 "label": {"bn": "তার কথা", "hi": "उसके शब्द", "en": "Her words"}},
                {"type": "repeat", "name": "members",
                 "label": {"bn": "সদস্য", "hi": "सदस्य", "en": "Members"},
                 "fields": [
                    {"name": "relation", "kind": "text", "required": true,
                     "label": {"bn": "সম্পর্ক", "hi": "रिश्ता", "en": "Relation"}},
                    {"name": "age", "kind": "integer",
                     "label": {"bn": "বয়স", "hi": "उम्र", "en": "Age"}}
                 ]}
            ]
        }, {
            "name": "feelings",
            "label": {"bn": "অনুভূতি", "hi": "भावनाएँ", "en": "Feelings"},
            "sensitivity": "psychosocial",
            "items": [
                {"type": "field", "name": "mood", "kind": "text",
                 "label": {"bn": "মন", "hi": "मन", "en": "Mood"}}
            ]
        }],
        "choice_lists": {
            "types": [
                {"value": "labour", "label": {"bn": "শ্রম", "hi": "श्रम", "en": "Labour"}},
                {"value": "sexual", "label": {"bn": "যৌন", "hi": "यौन", "en": "Sexual"}}
            ],
            "needs": [
                {"value": "school", "label": {"bn": "স্কুল", "hi": "स्कूल", "en": "School"}},
                {"value": "work", "label": {"bn": "কাজ", "hi": "काम", "en": "Work"}}
            ]
        }
    }))
    .unwrap()
}

fn answers(pairs: &[(&str, &[&str])]) -> RawAnswers {
    pairs
        .iter()
        .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
        .collect()
}

const WORDS: &str = "আমি বাড়ি যাব, কিন্তু \"এখন\" নয়\nপরে";

async fn assessments_are_one_row_per_submission_and_a_sheet_per_repeat(t: &TestStore) {
    let app = app(t);
    crate::demo::load_network(&app.store, NOW).await.unwrap();
    crate::forms::add_version(&app.store, &Acting::cli(NOW), &family_form())
        .await
        .unwrap();
    let worker = as_user(&app, "caseworker.kolkata").await;
    // Empty: a header and nothing else.
    let empty = assessments(&app, &worker, "family_visit", Language::Bn, Format::Zip)
        .await
        .unwrap();
    let files = read_back(&empty.bytes, "e.zip", ZIP);
    assert_eq!(files["family_visit.csv"].as_array().unwrap().len(), 1);
    assert_eq!(files["members.csv"].as_array().unwrap().len(), 1);

    let case = casework::create(
        &app.store,
        &worker,
        &IdentityInput {
            name: NAME.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let first = crate::forms::fill(
        &app.store,
        &worker,
        &case,
        "family_visit",
        None,
        &answers(&[
            ("vic_TypeOfExploitation", &["labour"]),
            ("needs", &["school", "work"]),
            ("her_words", &[WORDS]),
            ("members.0.relation", &["মা"]),
            ("members.0.age", &["45"]),
            ("members.1.relation", &["ভাই, ছোট"]),
        ]),
        Vec::new(),
    )
    .await
    .unwrap();
    let second = crate::forms::fill(
        &app.store,
        &worker,
        &case,
        "family_visit",
        None,
        &answers(&[("vic_TypeOfExploitation", &["sexual"])]),
        Vec::new(),
    )
    .await
    .unwrap();

    let book = assessments(&app, &worker, "family_visit", Language::Bn, Format::Xlsx)
        .await
        .unwrap();
    assert_eq!(book.rows, 4);
    let sheets = read_back(&book.bytes, "a.xlsx", OPENPYXL);
    let main = &sheets["family_visit"];
    assert_eq!(
        main[0],
        json!([
            "vic_TypeOfExploitation",
            "needs",
            "her_words",
            "_case_code",
            "_id",
            "_version",
            "_submission_time",
            "_index"
        ]),
        "question names exactly as written, case kept"
    );
    let code = case.code.to_string();
    assert_eq!(
        main[1][0], "শ্রম",
        "choices as their labels in the chosen language"
    );
    assert_eq!(main[1][1], "স্কুল, কাজ");
    assert_eq!(main[1][2], WORDS);
    assert_eq!(main[1][3], code);
    assert_eq!(main[1][4], first.id.to_string());
    assert_eq!(main[1][7], 1);
    assert_eq!(main[2][0], "যৌন");
    assert_eq!(main[2][4], second.id.to_string());
    let members = &sheets["members"];
    assert_eq!(
        members[0],
        json!([
            "relation",
            "age",
            "_index",
            "_parent_table_name",
            "_parent_index",
            "_submission__id"
        ])
    );
    assert_eq!(
        members[1],
        json!(["মা", "45", 1, "family_visit", 1, first.id.to_string()])
    );
    assert_eq!(
        members[2],
        json!(["ভাই, ছোট", "", 2, "family_visit", 1, first.id.to_string()])
    );
    assert_eq!(members.as_array().unwrap().len(), 3);

    // As CSV: a zip of the two files, read back to the same values.
    let zipped = assessments(&app, &worker, "family_visit", Language::En, Format::Csv)
        .await
        .unwrap();
    assert_eq!(zipped.format, Format::Zip);
    assert_eq!(zipped.file_name, "family_visit.zip");
    let files = read_back(&zipped.bytes, "a.zip", ZIP);
    let main = &files["family_visit.csv"];
    assert_eq!(main[1][0], "Labour");
    assert_eq!(main[1][1], "School, Work");
    assert_eq!(main[1][2], WORDS);
    assert_eq!(files["members.csv"][2][0], "ভাই, ছোট");
    assert_eq!(files["members.csv"][2][5], first.id.to_string());

    // Another organisation's case worker has none of them; a director may not export them;
    // an unknown form is not found.
    let mumbai = as_user(&app, "caseworker.mumbai").await;
    assert_eq!(
        assessments(&app, &mumbai, "family_visit", Language::En, Format::Xlsx)
            .await
            .unwrap()
            .rows,
        0
    );
    // A psychosocial section is the counsellor's: her export has its column, the case
    // worker's has none at all.
    let counsellor = as_user(&app, "counsellor.kolkata").await;
    let counsellor_id = counsellor.actor.as_ref().unwrap().user_id;
    let audit = domain::audit::AuditEvent::new(NOW, AuditAction::CaseViewed, "test");
    let case = app
        .store
        .assign(case.id, counsellor_id, NOW, audit)
        .await
        .unwrap();
    crate::forms::fill(
        &app.store,
        &counsellor,
        &case,
        "family_visit",
        None,
        &answers(&[("vic_TypeOfExploitation", &["labour"]), ("mood", &["শান্ত"])]),
        Vec::new(),
    )
    .await
    .unwrap();
    let theirs = assessments(&app, &counsellor, "family_visit", Language::En, Format::Csv)
        .await
        .unwrap();
    let files = read_back(&theirs.bytes, "c.zip", ZIP);
    let main = files["family_visit.csv"].as_array().unwrap();
    assert_eq!(main[0][3], "mood");
    assert_eq!(main.len(), 4);
    assert_eq!(main[3][3], "শান্ত");
    let workers = assessments(&app, &worker, "family_visit", Language::En, Format::Csv)
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&workers.bytes).to_string();
    assert!(!text.contains("mood") && !text.contains("শান্ত"));
    // A workshop's questionnaire is not a case form.
    assert_eq!(
        assessments(
            &app,
            &worker,
            "workshop-evaluation",
            Language::En,
            Format::Csv
        )
        .await
        .unwrap_err(),
        crate::Error::NotFound
    );

    let director = as_user(&app, "director.kolkata").await;
    assert_eq!(
        assessments(&app, &director, "family_visit", Language::En, Format::Xlsx)
            .await
            .unwrap_err(),
        crate::Error::Forbidden(DenyReason::RoleNotAllowed)
    );
    assert_eq!(
        assessments(&app, &worker, "no_such_form", Language::En, Format::Xlsx)
            .await
            .unwrap_err(),
        crate::Error::NotFound
    );
    let entries = exports_of(&app).await;
    assert_eq!(entries.len(), 6);
    assert_eq!(entries[1].subject, "form:family_visit");
}

async fn training_lists_open_in_openpyxl(t: &TestStore) {
    let app = app(t);
    crate::demo::load(&app.store, NOW).await.unwrap();
    let trainer = as_user(&app, "trainer").await;
    let workshops = app.store.workshops().await.unwrap();
    let mut enrolled_total = 0;
    for w in &workshops {
        enrolled_total += app.store.enrolments_of(w.id).await.unwrap().len();
    }
    let book = programme(&app, &trainer, Language::Bn, Format::Xlsx)
        .await
        .unwrap();
    let sheets = read_back(&book.bytes, "t.xlsx", OPENPYXL);
    let dropouts = sheets["dropouts"].as_array().unwrap();
    assert_eq!(dropouts[0][0], "workshop");
    assert_eq!(dropouts[0][6], "shelter-emergency");
    let counted: i64 = dropouts[1..].iter().map(|r| r[4].as_i64().unwrap()).sum();
    assert_eq!(counted as usize, enrolled_total);
    let exchange = sheets["exchange"].as_array().unwrap();
    let orgs = app.store.organisations().await.unwrap();
    assert_eq!(exchange.len(), orgs.len() + 1);
    assert_eq!(exchange[0].as_array().unwrap().len(), 4 + orgs.len());

    let busiest = {
        let mut best = (0, workshops[0].id);
        for w in &workshops {
            let n = app.store.enrolments_of(w.id).await.unwrap().len();
            if n > best.0 {
                best = (n, w.id);
            }
        }
        best
    };
    let id = domain::WorkshopId(busiest.1);
    let book = attendance(&app, &trainer, id, Language::En, Format::Xlsx)
        .await
        .unwrap();
    let sheets = read_back(&book.bytes, "w.xlsx", OPENPYXL);
    assert_eq!(
        sheets.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["attendance", "dropouts", "evaluation"]
    );
    assert_eq!(
        sheets["attendance"].as_array().unwrap().len(),
        busiest.0 + 1
    );
    let zipped = attendance(&app, &trainer, id, Language::En, Format::Csv)
        .await
        .unwrap();
    assert_eq!(zipped.format, Format::Zip);
    let files = read_back(&zipped.bytes, "w.zip", ZIP);
    assert_eq!(
        files["attendance.csv"],
        sheets_as_text(&sheets["attendance"])
    );

    let worker = as_user(&app, "caseworker.kolkata").await;
    assert_eq!(
        attendance(&app, &worker, id, Language::En, Format::Xlsx)
            .await
            .unwrap_err(),
        crate::Error::Forbidden(DenyReason::RoleNotAllowed)
    );
    assert_eq!(
        programme(&app, &worker, Language::En, Format::Xlsx)
            .await
            .unwrap_err(),
        crate::Error::Forbidden(DenyReason::RoleNotAllowed)
    );
}

/// A sheet's cells as a CSV reader gives them: text, counts written out.
fn sheets_as_text(sheet: &Value) -> Value {
    Value::Array(
        sheet
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                Value::Array(
                    row.as_array()
                        .unwrap()
                        .iter()
                        .map(|c| match c {
                            Value::String(s) => Value::String(s.clone()),
                            other => Value::String(other.to_string()),
                        })
                        .collect(),
                )
            })
            .collect(),
    )
}

testkit::on_both_engines!(
    case_list_is_read_back_with_identity_only_when_asked,
    assessments_are_one_row_per_submission_and_a_sheet_per_repeat,
    training_lists_open_in_openpyxl,
);
