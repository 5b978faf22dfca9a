#![allow(clippy::unwrap_used, clippy::expect_used)]
//! XLSForm import on both engines: a form written as KoboToolbox users write it becomes a new
//! form version, through the page and the API; a broken one names its rows and changes nothing.

use crate::common::{Engine, Harness};
use axum::http::{Method, StatusCode};
use rust_xlsxwriter::Workbook;
use testkit::on_both_engines;

fn xlsx(survey: &[&[&str]], choices: &[&[&str]], settings: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in [
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

const HEAD: &[&str] = &[
    "type",
    "name",
    "label::English (en)",
    "label::Bengali (bn)",
    "label::Hindi (hi)",
    "required",
    "relevant",
];

fn good() -> Vec<u8> {
    xlsx(
        &[
            HEAD,
            &["start", "start", "", "", "", "", ""],
            &["begin_group", "visit", "Visit", "পরিদর্শন", "मुलाक़ात", "", ""],
            &["date", "visit_date", "Date", "তারিখ", "तारीख", "yes", ""],
            &[
                "select_one yn",
                "safe",
                "Is she safe?",
                "সে কি নিরাপদ?",
                "क्या वह सुरक्षित है?",
                "yes",
                "",
            ],
            &[
                "text",
                "steps",
                "Steps taken",
                "কী করা হয়েছে",
                "क्या किया गया",
                "",
                "${safe} = 'no'",
            ],
            &["end_group", "", "", "", "", "", ""],
        ],
        &[
            &[
                "list_name",
                "name",
                "label::English (en)",
                "label::Bengali (bn)",
                "label::Hindi (hi)",
            ],
            &["yn", "yes", "Yes", "হ্যাঁ", "हाँ"],
            &["yn", "no", "No", "না", "नहीं"],
        ],
        &[
            &["form_title", "form_id"],
            &["Quick safety check", "quick_safety"],
        ],
    )
}

fn broken() -> Vec<u8> {
    xlsx(
        &[
            HEAD,
            &["barcode", "where", "Where", "কোথায়", "कहाँ", "", ""],
            &["select_one colours", "colour", "Colour", "রং", "रंग", "", ""],
        ],
        &[&["list_name", "name", "label"], &["yn", "yes", "Yes"]],
        &[&["form_id"], &["broken_form"]],
    )
}

async fn an_xlsform_becomes_a_form_and_a_broken_one_changes_nothing(engine: Engine) {
    let h = Harness::new(engine).await;
    let before = h.store.forms().await.unwrap().len();
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let reply = admin
        .send_bytes(
            Method::POST,
            "/api/v1/forms/xlsform",
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            broken(),
            &[],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let rows: Vec<String> = reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["english"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].starts_with("survey row 2") && rows[0].contains("barcode"));
    assert!(rows[1].starts_with("survey row 3") && rows[1].contains("colours"));
    assert_eq!(
        h.store.forms().await.unwrap().len(),
        before,
        "nothing half-imported"
    );

    // Through the page, as the network admin.
    let mut page = h.client().signed_in("admin").await;
    page.get("/forms?lang=bn").await;
    let csrf = page.csrf.clone().unwrap();
    let reply = page
        .upload(
            &format!("/forms/import?csrf={csrf}"),
            "",
            "broken.xlsx",
            &broken(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("barcode"), "the rows are listed");
    assert!(
        reply
            .body
            .contains(&h.text(domain::Language::Bn, "error-xlsform-row"))
    );
    let reply = page
        .upload(
            &format!("/forms/import?csrf={csrf}"),
            "",
            "safety.xlsx",
            &good(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let form = admin.get("/api/v1/forms/quick_safety").await.json();
    assert_eq!(form["version"], 1);
    assert_eq!(form["title"]["en"], "Quick safety check");
    let steps = &form["definition"]["sections"][0]["items"][2];
    assert_eq!(steps["relevant"]["field"], "safe");
    assert_eq!(steps["label"]["bn"], "কী করা হয়েছে");
    // The same file again is the next version.
    let reply = admin
        .send_bytes(Method::POST, "/api/v1/forms/xlsform", None, good(), &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.json()["version"], 2);
    h.finish().await;
}

/// A file of many bad rows lists the first 100 and then says how many more, in her language.
async fn a_long_list_of_problems_stops_at_a_hundred(engine: Engine) {
    let h = Harness::new(engine).await;
    let names: Vec<String> = (0..150).map(|i| format!("where_{i}")).collect();
    let mut survey: Vec<Vec<&str>> = vec![HEAD.to_vec()];
    for name in &names {
        survey.push(vec!["barcode", name, "Where", "কোথায়", "कहाँ", "", ""]);
    }
    let survey: Vec<&[&str]> = survey.iter().map(Vec::as_slice).collect();
    let file = xlsx(
        &survey,
        &[&["list_name", "name", "label"]],
        &[&["form_id"], &["many"]],
    );
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let reply = admin
        .send_bytes(
            Method::POST,
            "/api/v1/forms/xlsform",
            None,
            file.clone(),
            &[],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let errors = reply.json()["errors"].as_array().unwrap().clone();
    assert_eq!(errors.len(), 101);
    assert!(
        errors[99]["english"]
            .as_str()
            .unwrap()
            .starts_with("survey row 101")
    );
    assert_eq!(errors[100]["english"], "and 50 more");
    let lang = h.user("admin").await.language;
    let more = h.state.i18n.text_with(
        lang,
        "xlsform-more-problems",
        &[("count", i18n::Arg::Count(50))],
    );
    assert_eq!(errors[100]["message"], more.as_str());

    let mut page = h.client().signed_in("admin").await;
    page.get("/forms").await;
    let csrf = page.csrf.clone().unwrap();
    let reply = page
        .upload(
            &format!("/forms/import?csrf={csrf}"),
            "",
            "many.xlsx",
            &file,
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let lang: domain::Language = reply.html_lang().unwrap().parse().unwrap();
    let more = h.state.i18n.text_with(
        lang,
        "xlsform-more-problems",
        &[("count", i18n::Arg::Count(50))],
    );
    assert!(
        reply.body.contains(&crate::common::html(&more)),
        "{}",
        reply.body
    );
    assert!(
        !reply.body.contains("where_120"),
        "the rows past 100 are only counted"
    );
    h.finish().await;
}

/// A worker reads a form's questions in her language, with their choices and conditions,
/// before she opens it with a girl.
async fn a_form_can_be_read_before_anyone_fills_it_in(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let reply = admin
        .send_bytes(Method::POST, "/api/v1/forms/xlsform", None, good(), &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);

    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let list = worker.get("/forms?lang=bn").await;
    assert!(
        list.body.contains(r#"href="/forms/quick_safety""#),
        "the title links to its questions"
    );
    let reply = worker.get("/forms/quick_safety?lang=bn").await;
    assert_eq!(reply.status, StatusCode::OK);
    let t = |key: &str| crate::common::html(&h.text(domain::Language::Bn, key));
    for expected in [
        "Quick safety check".to_string(),
        "পরিদর্শন".into(),
        "সে কি নিরাপদ?".into(),
        "কী করা হয়েছে".into(),
        "হ্যাঁ".into(),
        // Her condition in words, not as the expression.
        crate::common::html(&h.state.i18n.text_with(
            domain::Language::Bn,
            "form-only-if",
            &[
                ("question", i18n::Arg::Text("সে কি নিরাপদ?".into())),
                ("answer", i18n::Arg::Text("না".into())),
            ],
        )),
        t("form-kind-date"),
        t("form-kind-choice"),
        t("form-required"),
        // The name as the form wrote it: the column in an export.
        "visit_date".into(),
    ] {
        assert!(
            reply.body.contains(&expected),
            "{expected} in {}",
            reply.body
        );
    }
    assert!(
        !reply.body.contains("${safe}"),
        "the simple condition is said in words"
    );
    assert!(
        !reply.body.contains(r#"name="visit_date""#),
        "nothing is filled in here"
    );
    // The `start` metadata row is not a question she is asked.
    assert!(
        reply
            .body
            .contains(&crate::common::html(&h.state.i18n.text_with(
                domain::Language::Bn,
                "form-preview-count",
                &[("count", i18n::Arg::Text("৩".into()))],
            )))
    );
    assert_eq!(
        worker.get("/forms/no-such-form").await.status,
        StatusCode::NOT_FOUND
    );
    h.finish().await;
}

/// A home visit form with a photo of the house and a recording of what her mother said: the
/// files become documents of the case, filed under the section's class, in one transaction with
/// the answers; a file of the wrong kind changes nothing.
async fn a_photo_or_recording_answer_becomes_a_document_of_her_case(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let survey: &[&[&str]] = &[
        &[
            "type",
            "name",
            "label::English (en)",
            "label::Bengali (bn)",
            "required",
            "sensitivity",
        ],
        &["begin_group", "home", "Home", "বাড়ি", "", "legal"],
        &["text", "village", "Village", "গ্রাম", "yes", ""],
        &["image", "house", "The house", "বাড়িটি", "", ""],
        &["audio", "mother", "Her mother's words", "মায়ের কথা", "", ""],
        &["begin_repeat", "rooms", "Rooms", "ঘরগুলো", "", ""],
        &["text", "room", "Room", "ঘর", "", ""],
        &[
            "image",
            "room_photo",
            "Photo of the room",
            "ঘরের ছবি",
            "",
            "",
        ],
        &["end_repeat", "", "", "", "", ""],
        &["end_group", "", "", "", "", ""],
    ];
    let file = xlsx(
        survey,
        &[&["list_name", "name", "label"]],
        &[
            &["form_title", "form_id"],
            &["Home visit with media", "home_media"],
        ],
    );
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let reply = admin
        .send_bytes(Method::POST, "/api/v1/forms/xlsform", None, file, &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);

    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let entry = worker
        .get(&format!("/cases/{case}/assessments/new?form=home_media"))
        .await;
    assert_eq!(entry.status, StatusCode::OK);
    assert!(entry.body.contains(r#"enctype="multipart/form-data""#));
    assert!(
        entry
            .body
            .contains(r#"type="file" accept="image/jpeg,image/png""#)
    );
    let csrf = worker.csrf.clone().unwrap();
    let action = format!("/cases/{case}/assessments?csrf={csrf}");
    let documents = || async {
        h.store
            .documents_of(case, &h.sight(case).await)
            .await
            .unwrap()
    };
    let png: &[u8] = b"\x89PNG\r\n\x1a\nthe house";
    let amr: &[u8] = b"#!AMR\n\x3c\x48";

    // A photo where the recording goes: refused, her typed answer kept, nothing written.
    let reply = worker
        .multipart(
            &action,
            &[
                ("form", "home_media"),
                ("version", "1"),
                ("village", "হিঙ্গলগঞ্জ"),
            ],
            &[("house", "house.jpg", png), ("mother", "mother.png", png)],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let lang: domain::Language = reply.html_lang().unwrap().parse().unwrap();
    assert!(
        reply
            .body
            .contains(&crate::common::html(&h.text(lang, "error-media-audio")))
    );
    assert!(reply.body.contains("হিঙ্গলগঞ্জ"), "her answer is kept");
    assert!(
        documents().await.is_empty(),
        "no document without its assessment"
    );

    let reply = worker
        .multipart(
            &action,
            &[
                ("form", "home_media"),
                ("version", "1"),
                ("village", "হিঙ্গলগঞ্জ"),
            ],
            &[("house", "IMG_2041.jpg", png), ("mother", "call.amr", amr)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let held = documents().await;
    assert_eq!(held.len(), 2);
    for d in &held {
        assert_eq!(
            d.class,
            domain::consent::SectionClass::Legal,
            "filed under its section"
        );
    }
    let photo = held.iter().find(|d| d.media_type == "image/png").unwrap();
    assert_eq!(photo.name, "IMG_2041.png", "named for what it is");
    let audit = h.store.audit_entries(None, 3).await.unwrap();
    let actions: Vec<_> = audit.iter().map(|e| e.event.action).collect();
    assert!(actions.contains(&domain::audit::AuditAction::AssessmentRecorded));
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == domain::audit::AuditAction::DocumentAdded)
            .count(),
        2
    );
    let view = worker.get(reply.header("location").unwrap()).await;
    assert!(
        view.body
            .contains(&format!(r#"href="/cases/{case}/documents/{}""#, photo.id)),
        "the answer links to its document"
    );

    // From the API a media answer names a document the case has, of the section's class.
    let mut api = h.client();
    api.bearer = Some(h.token("caseworker.kolkata").await);
    let path = format!("/api/v1/cases/{case}/assessments");
    let body = |house: String| serde_json::json!({"form": "home_media", "answers": {"village": "হিঙ্গলগঞ্জ", "house": house}});
    let reply = api
        .json(Method::POST, &path, &body(photo.id.to_string()), &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    // A photo inside a repeat's row links to its document as well, not its id.
    let mut in_a_row = body(photo.id.to_string());
    in_a_row["answers"]["rooms"] =
        serde_json::json!([{"room": "রান্নাঘর", "room_photo": photo.id.to_string()}]);
    let reply = api.json(Method::POST, &path, &in_a_row, &[]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let aid = reply.json()["id"].as_str().unwrap().to_string();
    let view = worker
        .get(&format!("/cases/{case}/assessments/{aid}"))
        .await;
    assert_eq!(view.status, StatusCode::OK);
    let link = format!(r#"href="/cases/{case}/documents/{}""#, photo.id);
    assert_eq!(view.body.matches(&link).count(), 2, "{}", view.body);
    assert!(view.body.contains("রান্নাঘর"));
    assert!(
        !view.body.contains(&format!(">{}<", photo.id)),
        "never the bare id"
    );
    let reply = api
        .json(
            Method::POST,
            &path,
            &body(uuid::Uuid::now_v7().to_string()),
            &[],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert_eq!(reply.json()["errors"][0]["code"], "error-no-such-document");
    h.finish().await;
}

on_both_engines!(
    an_xlsform_becomes_a_form_and_a_broken_one_changes_nothing,
    a_long_list_of_problems_stops_at_a_hundred,
    a_form_can_be_read_before_anyone_fills_it_in,
    a_photo_or_recording_answer_becomes_a_document_of_her_case,
);
