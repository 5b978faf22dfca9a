//! `/api/v1/exports` and the pages' download links: the content types the document declares,
//! the exact refusals, identity only when asked and allowed, problem+json for an unknown form
//! or format, and an audit entry for every file that left, on both engines.

use axum::http::StatusCode;
use domain::Language;
use domain::audit::AuditAction;
use testkit::on_both_engines;

use crate::common::{Engine, Harness};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn api(h: &Harness, username: &str) -> crate::common::Client {
    let mut client = h.client();
    client.bearer = Some(h.token(username).await);
    client
}

async fn exported(h: &Harness) -> Vec<domain::audit::AuditEvent> {
    h.store
        .audit_entries(None, 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.event)
        .filter(|e| e.action == AuditAction::SpreadsheetExported)
        .collect()
}

async fn the_api_writes_each_format_and_refuses_exactly(engine: Engine) {
    let h = Harness::new(engine).await;
    h.case().await;
    let mut worker = api(&h, "caseworker.kolkata").await;

    let csv = worker.get("/api/v1/exports/cases.csv").await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        csv.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment; filename=\"cases.csv\""))
    );
    assert_eq!(csv.header("cache-control"), Some("no-store"));
    assert!(
        csv.bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for Excel"
    );
    assert!(csv.body.contains("case_code,stage,opened_on"));
    assert!(!csv.body.contains("রিনা"), "no identity unless asked");

    let with = worker.get("/api/v1/exports/cases.csv?identity=true").await;
    assert_eq!(with.status, StatusCode::OK);
    assert!(with.body.contains(",name,family,address\r\n"));
    assert!(with.body.contains("রিনা খাতুন"));
    assert!(with.body.contains("\"বনগাঁ, উত্তর ২৪ পরগনা\""));

    let xlsx = worker
        .get("/api/v1/exports/cases.xlsx?stage=identified")
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(xlsx.header("content-type"), Some(XLSX));
    assert!(xlsx.bytes.starts_with(b"PK"), "a workbook is a zip");

    // A form's assessments in each of its formats; an unknown form or format is a 404 problem.
    for (file, media) in [
        ("follow-up-visit.xlsx", XLSX),
        ("follow-up-visit.zip", "application/zip"),
        // The follow-up visit has a repeat: as CSV it comes as a zip of its files.
        ("follow-up-visit.csv", "application/zip"),
    ] {
        let reply = worker.get(&format!("/api/v1/exports/forms/{file}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{file}: {}", reply.body);
        assert_eq!(reply.header("content-type"), Some(media), "{file}");
    }
    for path in [
        "/api/v1/exports/forms/no-such-form.xlsx",
        "/api/v1/exports/forms/follow-up-visit.pdf",
        "/api/v1/exports/forms/follow-up-visit",
        "/api/v1/exports/forms/.csv",
        "/api/v1/exports/cases.pdf",
    ] {
        let reply = worker.get(path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.problem().as_deref(), Some("not-found"), "{path}");
    }

    // Filters that cannot be read: 400 for a value not of its type, 422 for a bad one.
    let reply = worker.get("/api/v1/exports/cases.csv?mine=perhaps").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let reply = worker
        .get("/api/v1/exports/cases.csv?opened_from=2026-02-30&carried_by=nobody.at.all")
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["carried_by", "opened_from"]);

    // Each file that left is one entry, by her.
    let worker_id = h.user("caseworker.kolkata").await.id;
    let entries = exported(&h).await;
    assert_eq!(entries.len(), 6);
    assert!(entries.iter().all(|e| e.actor == Some(worker_id)));

    // Refusals, exactly: the director may not take identity, nor a form's assessments; a
    // care-giver no list; a case worker no training list.
    let mut director = api(&h, "director.kolkata").await;
    for path in [
        "/api/v1/exports/cases.csv?identity=true",
        "/api/v1/exports/forms/follow-up-visit.xlsx",
        "/api/v1/exports/workshops/0190aaaa-0000-7000-8000-000000000000.xlsx",
    ] {
        let reply = director.get(path).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(reply.problem().as_deref(), Some("forbidden"));
        assert_eq!(
            reply.json()["detail"],
            h.text(Language::Bn, "forbidden-role"),
            "{path}: she is told why, in her language"
        );
    }
    let reply = director.get("/api/v1/exports/cases.xlsx").await;
    assert_eq!(reply.status, StatusCode::OK);
    let reply = director.get("/api/v1/exports/training.xlsx").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some(XLSX));
    let mut carer = api(&h, "caregiver.kolkata").await;
    let reply = carer.get("/api/v1/exports/cases.csv").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = worker.get("/api/v1/exports/training.xlsx").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(exported(&h).await.len(), 8, "a refusal writes no export");

    // A workshop: its id and a format; anything else is not found.
    let mut trainer = api(&h, "trainer").await;
    let workshop = h.survivor_workshop_id().await;
    let reply = trainer
        .get(&format!("/api/v1/exports/workshops/{workshop}.csv"))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/zip"));
    for path in [
        format!("/api/v1/exports/workshops/{workshop}.zip"),
        "/api/v1/exports/workshops/not-an-id.xlsx".to_string(),
        format!("/api/v1/exports/workshops/{}.xlsx", uuid::Uuid::now_v7()),
    ] {
        let reply = trainer.get(&path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.problem().as_deref(), Some("not-found"));
    }
    h.finish().await;
}

async fn each_list_page_links_to_its_download_for_those_who_may(engine: Engine) {
    let h = Harness::new(engine).await;
    h.case().await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let list = worker.get("/cases?stage=identified&mine=on").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body
            .contains("href=\"/exports/cases.csv?stage=identified&#38;mine=true\""),
        "the download keeps the list's filters"
    );
    let file = worker
        .get("/exports/cases.csv?stage=identified&mine=true")
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        file.body.matches("\r\n").count(),
        2,
        "the header and her case"
    );
    // The list's own filters of code and dates, kept in the link; a bad date is shown beside
    // its field, in her language.
    let (id, _) = h.case().await;
    let code = h
        .store
        .case(id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .code;
    let prefix = &code.as_str()[..4];
    let list = worker
        .get(&format!("/cases?code={prefix}&opened_from=2026-01-01"))
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(code.as_str()));
    assert!(list.body.contains(&format!(
        "href=\"/exports/cases.xlsx?code={prefix}&#38;opened_from=2026-01-01\""
    )));
    let bad = worker.get("/cases?opened_to=2026-02-30").await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(
        bad.body
            .contains(&h.text(Language::Bn, "error-invalid-date"))
    );
    let forms = worker.get("/forms").await;
    assert!(
        forms
            .body
            .contains("href=\"/exports/forms/follow-up-visit.xlsx\"")
    );
    let exchange = worker.get("/training/exchange-visits").await;
    assert!(!exchange.body.contains("/exports/training.xlsx"));
    let programme = worker.get("/training").await;
    assert!(!programme.body.contains("/exports/training.xlsx"));

    let mut carer = h.client().signed_in("caregiver.kolkata").await;
    let list = carer.get("/cases").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        !list.body.contains("/exports/cases"),
        "no link she may not follow"
    );
    let refused = carer.get("/exports/cases.csv").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.problem().as_deref(), Some("forbidden"));

    let mut trainer = h.client().signed_in("trainer").await;
    let exchange = trainer.get("/training/exchange-visits").await;
    assert!(exchange.body.contains("href=\"/exports/training.xlsx\""));
    let programme = trainer.get("/training").await;
    assert!(programme.body.contains("href=\"/exports/training.xlsx\""));
    let book = trainer.get("/exports/training.xlsx").await;
    assert_eq!(book.status, StatusCode::OK);
    assert!(book.bytes.starts_with(b"PK"));
    let missing = trainer.get("/exports/workshops/not-an-id.xlsx").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing
            .header("content-type")
            .is_some_and(|c| c.starts_with("text/html"))
    );
    h.finish().await;
}

async fn the_htcds_export_is_for_the_network_admin_and_a_director_and_reports_its_anonymity(
    engine: Engine,
) {
    use axum::http::Method;
    use serde_json::json;
    let h = Harness::new(engine).await;
    let mut worker = api(&h, "caseworker.kolkata").await;
    // Six girls with her consent to statistics, one without.
    for n in 0..7 {
        let reply = worker
            .json(
                Method::POST,
                "/api/v1/cases",
                &json!({"identity": {"name": "রিনা"}, "intake": {
                    "identified_on": "2026-08-26", "identified_district": "Howrah",
                    "identified_state": "West Bengal", "identified_country": "IN", "age": 16,
                    "gender": "feminine", "citizenship": if n == 6 { "NP" } else { "BD" },
                    "exploitation": ["forced-labour"]}}),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        let id = reply.json()["id"].as_str().unwrap().to_string();
        let purpose = if n == 6 { "services" } else { "statistics" };
        let reply = worker
            .json(
                Method::POST,
                &format!("/api/v1/cases/{id}/consents"),
                &json!({"purpose": purpose, "explained_how": "ছবির কার্ড দেখিয়ে",
                    "explained_in": "bn", "explained_by": "রূপা"}),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    }
    let before = exported(&h).await.len();

    let mut director = api(&h, "director.kolkata").await;
    let csv = director.get("/api/v1/exports/htcds.csv").await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("x-saathi-anonymity"),
        Some("k=5; age=band; area=district; considered=6; exported=6; suppressed=0")
    );
    assert!(
        csv.body.starts_with('\u{feff}'),
        "a byte-order mark for Excel"
    );
    assert!(
        csv.body
            .contains("Feminine,BD,ForcedLabour,Active,TRUE,15-17,2026,Howrah")
    );
    assert!(!csv.body.contains("NP"), "no case without the consent");

    let mut admin = api(&h, "admin").await;
    let reply = admin.get("/api/v1/exports/htcds.json").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let doc = reply.json();
    assert_eq!(doc["standard"], "HTCDS 2.0");
    assert_eq!(doc["anonymity"]["exported"], 6);
    assert_eq!(doc["records"].as_array().unwrap().len(), 6);
    assert_eq!(doc["records"][0]["prs_Citizenship"], "BD");
    assert_eq!(exported(&h).await.len(), before + 2, "each is audited");

    for username in ["caseworker.kolkata", "counsellor.kolkata"] {
        let mut other = api(&h, username).await;
        let reply = other.get("/api/v1/exports/htcds.csv").await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{username}");
    }

    // The indicator page links a director to the same file, downloaded with her session; a
    // care-giver's pages have no such link and the download refuses her.
    let link = "href=\"/exports/htcds.csv\"";
    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director.get("/indicators?lang=bn").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(link), "{}", page.body);
    let file = director.get("/exports/htcds.csv").await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.header("x-saathi-anonymity"),
        Some("k=5; age=band; area=district; considered=6; exported=6; suppressed=0")
    );
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    assert_eq!(
        worker.get("/exports/htcds.csv").await.status,
        StatusCode::FORBIDDEN
    );
    h.finish().await;
}

on_both_engines!(
    the_htcds_export_is_for_the_network_admin_and_a_director_and_reports_its_anonymity,
    the_api_writes_each_format_and_refuses_exactly,
    each_list_page_links_to_its_download_for_those_who_may,
);
