#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The case page in sections (issue 15): a summary that reads no section of her record, one
//! page per section that reads only its own and records the reading, refused to a reader her
//! consent keeps out; the case list's columns; and forms that say what they saved, once, and
//! say a refusal as a refusal.

use crate::common::{Engine, Harness, T0};
use axum::http::{Method, StatusCode};
use domain::audit::AuditAction;
use domain::{CaseId, Language};
use serde_json::json;
use testkit::on_both_engines;

async fn api_client(h: &Harness, username: &str) -> crate::common::Client {
    let mut client = h.client();
    client.bearer = Some(h.token(username).await);
    client
}

/// How many readings of `case`'s content the audit trail holds.
async fn readings(h: &Harness, case: CaseId) -> usize {
    h.store
        .audit_entries(None, 500)
        .await
        .unwrap()
        .iter()
        .filter(|r| {
            r.event.action == AuditAction::CaseViewed && r.event.subject == format!("case:{case}")
        })
        .count()
}

async fn a_section_page_records_its_reading_and_the_summary_none(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let before = readings(&h, case).await;
    let summary = worker.get(&format!("/cases/{case}")).await;
    assert_eq!(summary.status, StatusCode::OK);
    assert!(!summary.body.contains("আমি আবার স্কুলে যেতে চাই"));
    assert_eq!(
        readings(&h, case).await,
        before,
        "the summary shows none of her record"
    );
    let words = worker.get(&format!("/cases/{case}/words")).await;
    assert_eq!(words.status, StatusCode::OK);
    assert!(words.body.contains("আমি আবার স্কুলে যেতে চাই"));
    assert_eq!(
        readings(&h, case).await,
        before + 1,
        "her words read: one reading"
    );
    for section in ["decisions", "consents", "documents", "notes", "journey"] {
        let n = readings(&h, case).await;
        let page = worker.get(&format!("/cases/{case}/{section}")).await;
        assert_eq!(page.status, StatusCode::OK, "{section}");
        assert_eq!(readings(&h, case).await, n + 1, "{section} is a reading");
    }
    // Who read her record, and the handover form, show none of it.
    let n = readings(&h, case).await;
    for section in ["readers", "handovers"] {
        let page = worker.get(&format!("/cases/{case}/{section}")).await;
        assert_eq!(page.status, StatusCode::OK, "{section}");
    }
    assert_eq!(readings(&h, case).await, n);
    h.finish().await;
}

/// A handover of `case` to Jessore, sent: the sections her consents let travel go with it.
async fn sent_to_jessore(h: &Harness, case: CaseId, with_consent: bool) {
    let jessore = h.org("Notun Alo, Jessore").await;
    let mut kolkata = api_client(h, "caseworker.kolkata").await;
    if with_consent {
        let consent = json!({"purpose": "sharing", "section": "voice",
            "organisation": jessore.to_string(), "explained_how": "কে কী জানবে, বুঝিয়ে বলা হয়েছে",
            "explained_in": "bn", "explained_by": "রুপা দাস"});
        let reply = kolkata
            .json(
                Method::POST,
                &format!("/api/v1/cases/{case}/consents"),
                &consent,
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    }
    let reply = kolkata
        .json(
            Method::POST,
            &format!("/api/v1/cases/{case}/handovers"),
            &json!({"to": jessore.to_string(), "reason": "সে বাড়ি ফিরবে"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let id = reply.json()["id"].as_str().unwrap().to_string();
    let reply = kolkata
        .json(
            Method::POST,
            &format!("/api/v1/handovers/{id}/send"),
            &json!({"gaps_reason": "জরুরি"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

async fn a_reader_her_consent_keeps_out_cannot_open_the_section(engine: Engine) {
    let h = Harness::new(engine).await;
    // Her words did not travel: Jessore, waiting to answer, sees the summary, not her words.
    let (kept, _) = h.case().await;
    sent_to_jessore(&h, kept, false).await;
    let mut jessore = h.client().signed_in("caseworker.jessore").await;
    let summary = jessore.get(&format!("/cases/{kept}")).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
    let refused = jessore.get(&format!("/cases/{kept}/words")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!refused.body.contains("আমি আবার স্কুলে যেতে চাই"));
    assert_eq!(
        jessore
            .get(&format!("/cases/{kept}/decisions"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // With her consent they travel, and the same page opens.
    let (shared, _) = h.case().await;
    sent_to_jessore(&h, shared, true).await;
    let page = jessore.get(&format!("/cases/{shared}/words")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("আমি আবার স্কুলে যেতে চাই"));
    // An organisation that never held her case does not even see it.
    let mut mumbai = h.client().signed_in("caseworker.mumbai").await;
    assert_eq!(
        mumbai.get(&format!("/cases/{shared}/words")).await.status,
        StatusCode::NOT_FOUND
    );
    h.finish().await;
}

async fn the_case_list_shows_each_cases_stage_next_due_and_plan(engine: Engine) {
    let h = Harness::new(engine).await;
    let (planned, _) = h.case().await;
    let (unplanned, _) = h.case().await;
    let mut api = api_client(&h, "caseworker.kolkata").await;
    let plan = json!({"goals": [{"domain": "livelihood", "goal": "সেলাই শেখা",
        "set_by": "her", "status": "open"}]});
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/cases/{planned}/plan"),
            &plan,
            &[("if-match", "\"0\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let list = worker.get("/cases?lang=bn").await;
    assert_eq!(list.status, StatusCode::OK);
    let t = |id: &str| h.text(Language::Bn, id);
    let row = |case: CaseId| {
        let at = list.body.find(&format!("/cases/{case}\"")).unwrap();
        let end = list.body[at..].find("</tr>").unwrap();
        list.body[at..at + end].to_string()
    };
    // A plan saved today is due for review with her in 90 days, the day written the long way.
    let zone = h.store.time_zone_of(h.kolkata().await).await.unwrap();
    let review = i18n::format_day(Language::Bn, zone.date_of(T0.plus_seconds(90 * 86_400)));
    let planned_row = row(planned);
    assert!(
        planned_row.contains(&t("case-plan-awaiting")),
        "{planned_row}"
    );
    assert!(planned_row.contains(&review), "{review}: {planned_row}");
    assert!(planned_row.contains(&t("case-due-review")), "{planned_row}");
    assert!(
        planned_row.contains(&t("stage-identified")),
        "{planned_row}"
    );
    let unplanned_row = row(unplanned);
    assert!(
        unplanned_row.contains(&t("case-plan-none")),
        "{unplanned_row}"
    );
    assert!(
        unplanned_row.contains(&t("case-due-none")),
        "{unplanned_row}"
    );
    // Each value is labelled for the phone's stacked rows.
    assert!(
        list.body
            .contains(&format!("data-label=\"{}\"", t("case-next-due")))
    );
    assert!(
        list.body
            .contains(&format!("data-label=\"{}\"", t("case-plan-state")))
    );
    h.finish().await;
}

async fn a_save_says_what_it_saved_once_and_a_refusal_is_a_refusal(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let lang = h.user("caseworker.kolkata").await.language;
    worker.get(&format!("/cases/{case}/decisions")).await;
    let reply = worker
        .post_form(
            &format!("/cases/{case}/decisions"),
            &[
                ("topic", "general"),
                ("what", "সে হোমে থাকবে"),
                ("decided_by", "কেস কনফারেন্স"),
                ("participation", "decided-with-her"),
                ("her_view", "আমি এখানেই থাকতে চাই"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let back = reply.header("location").unwrap().to_string();
    assert_eq!(back, format!("/cases/{case}/decisions?saved=decision"));
    let saved = h.text(lang, "decision-saved");
    let page = worker.get(&back).await;
    assert_eq!(
        page.body
            .matches(&format!("<p class=\"notice\" role=\"status\">{saved}</p>"))
            .count(),
        1,
        "{}",
        page.body
    );
    let again = worker.get(&format!("/cases/{case}/decisions")).await;
    assert!(!again.body.contains(&saved), "once, not on the next visit");
    assert!(!again.body.contains("class=\"notice\""));
    // An unknown key shows nothing: no text comes from the address.
    let odd = worker
        .get(&format!("/cases/{case}/decisions?saved=%3Cb%3Ehi"))
        .await;
    assert!(!odd.body.contains("class=\"notice\""));
    assert!(!odd.body.contains("<b>hi"));

    // A refusal is said in the error box, never in the success box; without a decision about
    // her plan, approving it says so and links to the decision form.
    let mut api = api_client(&h, "caseworker.kolkata").await;
    let plan = json!({"goals": [{"domain": "health", "goal": "নিয়মিত ঘুম",
        "set_by": "her", "status": "in-progress", "target": "2026-12-10"}]});
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/cases/{case}/plan"),
            &plan,
            &[("if-match", "\"0\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // A month on, the goal's target has passed.
    h.clock.advance_seconds(30 * 86_400);
    let mut director = h.client().signed_in("director.kolkata").await;
    let dlang = h.user("director.kolkata").await.language;
    director.get(&format!("/cases/{case}/plan")).await;
    let reply = director
        .post_form(&format!("/cases/{case}/plan/approve"), &[("version", "1")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let why = h.text(dlang, "error-plan-needs-decision");
    assert!(
        reply.body.contains(&format!(
            "<p class=\"problem\" role=\"alert\">{why} <a href=\"/cases/{case}/decisions#decision-form\">{}</a></p>",
            h.text(dlang, "plan-log-decision")
        )),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("class=\"notice\""));
    // The link leads to the form.
    let form = director.get(&format!("/cases/{case}/decisions")).await;
    assert!(form.body.contains("id=\"decision-form\""));

    // The plan page: back to the case, the goal's status as it stands, its past target marked.
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let page = worker.get(&format!("/cases/{case}/plan")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!("<a href=\"/cases/{case}\">")),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<option value=\"in-progress\" selected>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<option value=\"open\" selected>"));
    assert!(page.body.contains(&h.text(lang, "plan-target-past")));
    let reply = worker
        .post_form(
            &format!("/cases/{case}/plan/status"),
            &[("version", "1"), ("goal", "0"), ("status", "achieved")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let back = reply.header("location").unwrap().to_string();
    assert_eq!(back, format!("/cases/{case}/plan?saved=status"));
    let page = worker.get(&back).await;
    assert!(page.body.contains(&h.text(lang, "plan-status-saved")));
    assert!(page.body.contains("<option value=\"achieved\" selected>"));
    assert!(
        !page.body.contains(&h.text(lang, "plan-target-past")),
        "a goal achieved is not late"
    );
    h.finish().await;
}

async fn the_summary_shows_her_stage_as_a_stepper_and_what_is_due(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut api = api_client(&h, "caseworker.kolkata").await;
    let plan = json!({"goals": [{"domain": "health", "goal": "নিয়মিত ঘুম",
        "set_by": "her", "status": "open", "target": "2026-12-10"}]});
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/cases/{case}/plan"),
            &plan,
            &[("if-match", "\"0\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // A month on, the goal's target has passed.
    h.clock.advance_seconds(30 * 86_400);
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let page = worker.get(&format!("/cases/{case}?lang=en")).await;
    assert_eq!(page.status, StatusCode::OK);
    let t = |id: &str| h.text(Language::En, id);
    // The stepper: an ordered list, her stage marked for a screen reader.
    assert!(page.body.contains("<ol class=\"stepper\""));
    assert!(page.body.contains(&format!(
        "<li class=\"current\" aria-current=\"step\">{}</li>",
        t("stage-identified")
    )));
    assert_eq!(page.body.matches("aria-current=\"step\"").count(), 1);
    // The plan's target is the next thing due, and past.
    assert!(page.body.contains("10 December 2026"), "{}", page.body);
    assert!(page.body.contains(&t("case-due-target")));
    assert!(page.body.contains(&t("case-plan-awaiting")));
    assert!(page.body.contains(&h.state.i18n.text_with(
        Language::En,
        "case-alert-targets-past",
        &[("count", i18n::Arg::Count(1))]
    )));
    // Who carries her case: her organisation and the staff assigned.
    let worker_name = h.user("caseworker.kolkata").await.name().to_string();
    assert!(page.body.contains(&worker_name));
    // A care-giver sees the summary and the notes she may read, not the plan's state.
    let mut caregiver = h.client().signed_in("caregiver.kolkata").await;
    let page = caregiver.get(&format!("/cases/{case}?lang=en")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("href=\"/cases/{case}/notes\"")));
    assert!(!page.body.contains(&format!("href=\"/cases/{case}/words\"")));
    assert!(!page.body.contains(&format!("href=\"/cases/{case}/plan\"")));
    h.finish().await;
}

on_both_engines!(
    a_section_page_records_its_reading_and_the_summary_none,
    a_reader_her_consent_keeps_out_cannot_open_the_section,
    the_case_list_shows_each_cases_stage_next_due_and_plan,
    a_save_says_what_it_saved_once_and_a_refusal_is_a_refusal,
    the_summary_shows_her_stage_as_a_stepper_and_what_is_due,
);
