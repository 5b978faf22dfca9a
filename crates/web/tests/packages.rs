#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Two Saathi servers with separate databases, on both engines: the Kolkata shelter's server
//! (the demo network) hands a case to a Satkhira NGO on a server of its own through a package
//! file; the answer travels back the same way. Every refusal (damaged, tampered, another
//! addressee, unknown sender, wrong key, replay) leaves the receiving database untouched.

use std::sync::Arc;

use crate::common::{Client, Engine, Harness, T0};
use app::Acting;
use app::{handovers, package};
use axum::http::StatusCode;
use domain::audit::{AuditAction, AuditEvent};
use domain::consent::{Consent, ConsentFields, Purpose, SectionClass};
use domain::handover::HandoverState;
use domain::organisation::OrganisationFields;
use domain::policy::Actor;
use domain::{FixedClock, Language, OrgId, Role, Roles, UserId};
use i18n::I18n;
use saathi_web::{AppState, WebConfig, router};
use store::{NewUser, Store};
use testkit::{TestStore, on_both_engines};

/// A second server: its own database, one organisation and one case worker.
struct Satkhira {
    state: AppState,
    store: Arc<dyn Store>,
    org: OrgId,
    worker: Actor,
    test_store: TestStore,
}

async fn satkhira(engine: Engine) -> Satkhira {
    let test_store = match engine {
        Engine::Sqlite => TestStore::sqlite().await.unwrap(),
        Engine::Postgres => TestStore::postgres().await.unwrap(),
    };
    // This server keeps its secret keys sealed with a key file (decision 0005): packages
    // travel the same either way.
    let sealer = keyfile::Sealer::new(&[9; 32]);
    let store = store::open_with(test_store.url(), Some(sealer))
        .await
        .unwrap();
    let org = OrgId::new();
    let fields = OrganisationFields {
        name: "Mukti Mahila Samiti, Satkhira".parse().unwrap(),
        kind: "source".parse().unwrap(),
        country: "BD".parse().unwrap(),
        district: None,
        languages: vec![Language::Bn],
        time_zone: "Asia/Dhaka".parse().unwrap(),
    };
    let event = AuditEvent::new(
        T0,
        AuditAction::OrganisationCreated,
        format!("organisation:{org}"),
    );
    store
        .create_organisation(org, &fields, event)
        .await
        .unwrap();
    let user = NewUser {
        id: UserId::new(),
        org_id: org,
        username: "caseworker.satkhira".parse().unwrap(),
        display_name: None,
        roles: Roles::single(Role::CaseWorker),
        language: Language::Bn,
        password_hash: app::password::hash(crate::common::PASSWORD.into())
            .await
            .unwrap(),
    };
    let event = AuditEvent::new(T0, AuditAction::UserCreated, "user").from_source("test");
    store.create_user(&user, event).await.unwrap();
    let state = AppState::new(
        store.clone(),
        Arc::new(I18n::load().unwrap()),
        Arc::new(FixedClock::at(T0)),
        // Its worker signs in with the demo password, as on the demo server.
        WebConfig {
            demo: true,
            ..WebConfig::default()
        },
    )
    .unwrap();
    Satkhira {
        state,
        store,
        org,
        worker: Actor {
            user_id: user.id,
            org_id: org,
            roles: Roles::single(Role::CaseWorker),
            training: Default::default(),
        },
        test_store,
    }
}

fn cli() -> Acting {
    Acting::cli(T0)
}

async fn consent(
    store: &Arc<dyn Store>,
    case: domain::CaseId,
    by: UserId,
    purpose: Purpose,
    section: Option<SectionClass>,
    org: OrgId,
) {
    let c = Consent {
        id: uuid::Uuid::now_v7(),
        case_id: case,
        fields: ConsentFields {
            purpose,
            section,
            organisation: Some(org),
            explained_how: "ছবি দেখিয়ে বুঝিয়ে বলা হয়েছে".into(),
            explained_in: Language::Bn,
            explained_by: "রুপা দাস".into(),
            expires_on: None,
        },
        recorded_by: by,
        recorded_at: T0,
        revoked_at: None,
        revoked_reason: None,
    };
    let event = AuditEvent::new(T0, AuditAction::ConsentRecorded, "consent").from_source("test");
    store.record_consent(&c, event).await.unwrap();
}

async fn import_page(server: &Satkhira, bytes: &[u8]) -> crate::common::Reply {
    let mut client = Client::new(router(server.state.clone()), "10.2.0.1")
        .signed_in("caseworker.satkhira")
        .await;
    let csrf = client
        .csrf
        .clone()
        .expect("a signed-in page carries its CSRF token");
    client
        .upload(
            &format!("/handovers/import?csrf={csrf}"),
            "",
            "case.saathi.age",
            bytes,
        )
        .await
}

async fn nothing_arrived(server: &Satkhira, case: domain::CaseId, handover: uuid::Uuid) {
    assert!(
        server
            .store
            .case(case, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .is_none(),
        "a refused package wrote a case"
    );
    assert!(
        server
            .store
            .handover(handover, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .is_none()
    );
}

async fn her_case_travels_to_another_server_and_the_answer_comes_back(engine: Engine) {
    let kolkata_server = Harness::new(engine).await;
    let satkhira = satkhira(engine).await;
    let a = &kolkata_server.store;
    let b = &satkhira.store;
    let kolkata = a
        .organisation(kolkata_server.kolkata().await)
        .await
        .unwrap()
        .unwrap();
    let satkhira_org = b.organisation(satkhira.org).await.unwrap().unwrap();

    // Each server adds the other's organisation from the line `keys show` prints.
    let line_a =
        serde_json::to_string(&package::public_keys(a, &cli(), &kolkata).await.unwrap()).unwrap();
    let line_b = serde_json::to_string(
        &package::public_keys(b, &cli(), &satkhira_org)
            .await
            .unwrap(),
    )
    .unwrap();
    let shown: serde_json::Value = serde_json::from_str(&line_b).unwrap();
    assert_eq!(shown["name"], "Mukti Mahila Samiti, Satkhira");
    assert_eq!(shown["id"], satkhira.org.to_string());
    assert!(shown["age_recipient"].as_str().unwrap().starts_with("age1"));
    assert_eq!(shown["ed25519"].as_str().unwrap().len(), 44);
    let (_, added) = package::trust(a, &cli(), &line_b, false).await.unwrap();
    assert_eq!(added, store::TrustOutcome::Added);
    // A line naming one of Kolkata's own organisations (Jessore has never used packages, so it
    // has no keys yet) cannot take it over.
    let jessore = kolkata_server.org("Notun Alo, Jessore").await;
    let mut hijack: serde_json::Value = serde_json::from_str(&line_b).unwrap();
    hijack["id"] = jessore.to_string().into();
    hijack["name"] = "Notun Alo, Jessore".into();
    let err = package::trust(a, &cli(), &hijack.to_string(), true)
        .await
        .unwrap_err();
    assert!(
        err.english().contains("own organisations"),
        "{}",
        err.english()
    );
    assert!(a.org_keys(jessore).await.unwrap().is_none());

    // Her case at Kolkata: her words, a legal report, consents for Satkhira, one for a third
    // organisation that must not travel.
    // How she came to the case travels too, so that Satkhira does not ask her again.
    let intake = domain::intake::Intake {
        identified_on: Some(time::macros::date!(2026 - 03 - 14)),
        place: domain::intake::Place {
            district: "Kolkata".into(),
            state: "West Bengal".into(),
            country: Some("IN".parse().unwrap()),
        },
        age: Some(15),
        born_on: None,
        gender: Some(domain::intake::Gender::Feminine),
        languages: vec![domain::intake::SpokenLanguage::Bengali],
        citizenship: Some("BD".parse().unwrap()),
        exploitation: vec![domain::intake::Exploitation::SexualExploitation],
    };
    let (case_id, _) = kolkata_server.case_with(intake.clone()).await;
    let worker = kolkata_server.user("caseworker.kolkata").await;
    let howrah = kolkata_server
        .org("Pather Sathi Transit Home, Howrah")
        .await;
    consent(
        a,
        case_id,
        worker.id,
        Purpose::Sharing,
        Some(SectionClass::Voice),
        satkhira.org,
    )
    .await;
    consent(
        a,
        case_id,
        worker.id,
        Purpose::Sharing,
        Some(SectionClass::Legal),
        satkhira.org,
    )
    .await;
    consent(
        a,
        case_id,
        worker.id,
        Purpose::Sharing,
        Some(SectionClass::Health),
        howrah,
    )
    .await;
    consent(
        a,
        case_id,
        worker.id,
        Purpose::FollowUpUpdates,
        None,
        kolkata.id,
    )
    .await;
    let report = b"%PDF-1.7\nthe CWC order, scanned\n%%EOF".to_vec();
    let doc = domain::document::DocumentInfo {
        id: uuid::Uuid::now_v7(),
        case_id,
        class: SectionClass::Legal,
        name: "cwc-order.pdf".into(),
        media_type: "application/pdf".into(),
        size: report.len() as i64,
        uploaded_by: worker.id,
        uploaded_at: T0,
    };
    let event = AuditEvent::new(T0, AuditAction::DocumentAdded, "document").from_source("test");
    a.add_document(&doc, &report, event).await.unwrap();
    let actor = Actor {
        user_id: worker.id,
        org_id: worker.org_id,
        roles: worker.roles.clone(),
        training: Default::default(),
    };
    let plan: domain::plan::PlanBody = serde_json::from_value(serde_json::json!({"goals": [{
        "domain": "livelihood", "goal": "আমি সেলাই শিখে নিজের দোকান করতে চাই", "set_by": "her",
        "status": "open", "target": "2027-06-30",
        "actions": [{"what": "সাতক্ষীরায় সেলাই প্রশিক্ষণের খোঁজ", "responsible": satkhira.org.to_string(),
                     "set_by": "team", "status": "open"}]}]}))
    .unwrap();
    let event = AuditEvent::new(T0, AuditAction::PlanSaved, "plan").from_source("test");
    a.save_plan(
        &store::PlanSave {
            case: case_id,
            expected_version: 0,
            body: &plan,
            by: worker.id,
            at: T0,
            sight: &domain::sight::Sight::own(worker.org_id),
        },
        event,
    )
    .await
    .unwrap();
    let review = domain::plan::PlanReview {
        id: uuid::Uuid::now_v7(),
        plan_version: 1,
        agreement: domain::plan::Agreement::Agreed,
        her_words: "হ্যাঁ, এটা আমার নিজের পরিকল্পনা".into(),
        notes: String::new(),
        reviewed_by: worker.id,
        reviewed_at: T0,
    };
    let event = AuditEvent::new(T0, AuditAction::PlanReviewed, "plan").from_source("test");
    a.add_plan_review(case_id, &review, event).await.unwrap();
    let case = a
        .case(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let h = handovers::start(
        a,
        &app::Acting::person(actor.clone(), "test", T0),
        &case,
        &satkhira.org.to_string(),
        "সে সাতক্ষীরায় বাড়ি ফিরবে",
        &[],
    )
    .await
    .unwrap();
    assert_eq!(h.sections, vec![SectionClass::Legal, SectionClass::Voice]);
    // A draft does not leave.
    assert!(package::export(a, &cli(), &h.id.to_string()).await.is_err());
    let h = handovers::send(
        &kolkata_server.state,
        &app::Acting::person(actor.clone(), "test", T0),
        &h,
        &case,
        "বাড়ির মূল্যায়ন সাতক্ষীরায় হবে",
    )
    .await
    .unwrap();
    let sealed = package::export(a, &cli(), &h.id.to_string()).await.unwrap();
    assert_eq!(sealed.to, "Mukti Mahila Samiti, Satkhira");
    assert!(
        !String::from_utf8_lossy(&sealed.bytes).contains("স্কুলে"),
        "her words in clear"
    );

    // Refused, and nothing written: from a sender Satkhira does not know yet …
    let reply = import_page(&satkhira, &sealed.bytes).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&kolkata_server.text(Language::Bn, "package-error-unknown-sender")),
        "{}",
        reply.body
    );
    nothing_arrived(&satkhira, case_id, h.id).await;
    assert_eq!(
        package::trust(b, &cli(), &line_a, false).await.unwrap().1,
        store::TrustOutcome::Added
    );
    assert_eq!(
        package::trust(b, &cli(), &line_a, false).await.unwrap().1,
        store::TrustOutcome::Unchanged
    );
    // … truncated, or with any byte flipped …
    for bad in [sealed.bytes[..sealed.bytes.len() - 20].to_vec(), {
        let mut b = sealed.bytes.clone();
        let i = b.len() / 2;
        b[i] ^= 0x40;
        b
    }] {
        let err = package::import(b, &cli(), &bad, None).await.unwrap_err();
        assert!(err.english().contains("damaged"), "{}", err.english());
    }
    // … signed by a key other than the one in the directory (a changed key needs --replace) …
    let impostor = ::package::OrgSecrets::generate().unwrap();
    let mut forged: serde_json::Value = serde_json::from_str(&line_a).unwrap();
    forged["ed25519"] = impostor.ed25519_public_text().into();
    let err = package::trust(b, &cli(), &forged.to_string(), false)
        .await
        .unwrap_err();
    assert!(err.english().contains("--replace"), "{}", err.english());
    package::trust(b, &cli(), &forged.to_string(), true)
        .await
        .unwrap();
    let err = package::import(b, &cli(), &sealed.bytes, None)
        .await
        .unwrap_err();
    assert!(err.english().contains("signature"), "{}", err.english());
    assert_eq!(
        package::trust(b, &cli(), &line_a, true).await.unwrap().1,
        store::TrustOutcome::Replaced
    );
    // … of a layout version this Saathi does not know (signed and sealed properly) …
    let secrets = a
        .org_keys(kolkata.id)
        .await
        .unwrap()
        .unwrap()
        .secrets
        .unwrap();
    let secrets = ::package::OrgSecrets::parse(&secrets.0, &secrets.1).unwrap();
    let draft = ::package::Draft {
        package_id: uuid::Uuid::now_v7(),
        kind: ::package::Kind::Handover,
        handover_id: h.id,
        case_id: case_id.0,
        from: ::package::Party {
            id: kolkata.id.0,
            name: "Kolkata".into(),
        },
        to: ::package::Party {
            id: satkhira.org.0,
            name: "Satkhira".into(),
        },
        created_at: T0.millis(),
        entries: vec![],
    };
    let mut inner = Vec::new();
    ::package::layout::write(&draft, &secrets.signing, &mut inner).unwrap();
    inner[24] = b'2';
    let recipient = ::package::keys::recipient(shown["age_recipient"].as_str().unwrap()).unwrap();
    let newer = age::encrypt(&recipient, &inner).unwrap();
    let err = package::import(b, &cli(), &newer, None).await.unwrap_err();
    assert!(err.english().contains("version 2"), "{}", err.english());
    // … or for another organisation on the receiving server.
    let err = package::import(a, &cli(), &sealed.bytes, None)
        .await
        .unwrap_err();
    assert!(err.english().contains("not addressed"), "{}", err.english());
    nothing_arrived(&satkhira, case_id, h.id).await;

    // Imported through the page: her case, her words, her plan of consents, the report.
    let reply = import_page(&satkhira, &sealed.bytes).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(
        reply.header("location"),
        Some(format!("/handovers/{}", h.id).as_str())
    );
    let arrived = b
        .case(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(arrived.code, case.code);
    assert_eq!(arrived.intake, intake, "her intake, field for field");
    assert_eq!(
        arrived.custodian, kolkata.id,
        "custody moves only on acceptance"
    );
    // What reached Satkhira is what it sees: the sections her consent lets travel there.
    let here = domain::sight::Sight::of(
        satkhira.org,
        &arrived.passages,
        &b.consents_of(case_id, &domain::scope::CaseScope::Network)
            .await
            .unwrap(),
        T0,
    );
    let voice = b.voice_of(case_id, &here).await.unwrap();
    assert_eq!(voice.len(), 1);
    assert_eq!(voice[0].text, "আমি আবার স্কুলে যেতে চাই");
    assert_eq!(voice[0].language, Language::Bn);
    let consents = b
        .consents_of(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap();
    assert_eq!(
        consents.len(),
        3,
        "the consent naming Howrah stays in Kolkata"
    );
    let docs = b.documents_of(case_id, &here).await.unwrap();
    assert_eq!(docs.len(), 1);
    let event = AuditEvent::new(T0, AuditAction::DocumentOpened, "document").from_source("test");
    let (_, content) = b
        .open_document(case_id, docs[0].id, &here, event)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(content, report);
    let identity = b
        .open_identity(
            case_id,
            &here,
            AuditEvent::new(T0, AuditAction::IdentityOpened, "case").from_source("test"),
        )
        .await
        .unwrap();
    assert_eq!(
        identity, None,
        "her name travels only with a consent for identity"
    );
    let arrived_plan = b.plan(case_id, &here).await.unwrap().unwrap();
    assert_eq!(arrived_plan.body, plan, "her plan word for word");
    let arrived_reviews = b.plan_reviews(case_id, &here).await.unwrap();
    assert_eq!(arrived_reviews.len(), 1);
    assert_eq!(arrived_reviews[0].her_words, "হ্যাঁ, এটা আমার নিজের পরিকল্পনা");
    assert_eq!(
        arrived_reviews[0].agreement,
        domain::plan::Agreement::Agreed
    );
    let arrived_h = b
        .handover(h.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(arrived_h.state, HandoverState::Sent);
    assert_eq!(arrived_h.gaps_reason, "বাড়ির মূল্যায়ন সাতক্ষীরায় হবে");

    // The same file again is a replay.
    let reply = import_page(&satkhira, &sealed.bytes).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&kolkata_server.text(Language::Bn, "package-error-replay"))
    );

    // Satkhira acknowledges and accepts; the answer goes back as a package.
    let arrived_h = handovers::acknowledge(
        b,
        &app::Acting::person(satkhira.worker.clone(), "test", T0),
        &arrived_h,
    )
    .await
    .unwrap();
    let arrived_h = handovers::accept(
        b,
        &app::Acting::person(satkhira.worker.clone(), "test", T0),
        &arrived_h,
    )
    .await
    .unwrap();
    assert_eq!(
        b.case(case_id, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .unwrap()
            .custodian,
        satkhira.org
    );
    let answer = package::export(b, &cli(), &h.id.to_string()).await.unwrap();
    assert_eq!(answer.kind, ::package::Kind::Receipt);
    let done = package::import(a, &cli(), &answer.bytes, None)
        .await
        .unwrap();
    assert_eq!(done.state, "accepted");
    let back = a
        .handover(h.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.state, HandoverState::Accepted);
    assert_eq!(back.acknowledged_at, arrived_h.acknowledged_at);
    assert_eq!(
        a.case(case_id, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .unwrap()
            .custodian,
        satkhira.org
    );
    let err = package::import(a, &cli(), &answer.bytes, None)
        .await
        .unwrap_err();
    assert!(
        err.english().contains("imported before"),
        "{}",
        err.english()
    );

    // She goes home; at the first follow-up, her words reach Kolkata (she consented) in the
    // next answer package. The same answer again brings nothing new.
    let arrived = b
        .case(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let change = domain::case::StageChange {
        from: arrived.stage,
        to: domain::Stage::Returned,
        reason: "সে বাড়ি ফিরেছে".into(),
        by: Some(satkhira.worker.user_id),
        at: T0,
    };
    let event = AuditEvent::new(T0, AuditAction::CaseStageChanged, "case").from_source("test");
    let arrived = b
        .change_stage(case_id, arrived.version, &change, event)
        .await
        .unwrap();
    let first = b
        .followups_of(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()[0]
        .id;
    let input = handovers::FollowUpInput {
        outcome: "family-visit".into(),
        her_words: "মায়ের কাছে ভালো আছি".into(),
    };
    let sent = handovers::record_followup(
        b,
        &app::Acting::person(satkhira.worker.clone(), "test", T0),
        &arrived,
        &first.to_string(),
        &input,
    )
    .await
    .unwrap();
    assert!(sent, "she consented to follow-up news for Kolkata");
    let news = package::export(b, &cli(), &h.id.to_string()).await.unwrap();
    let done = package::import(a, &cli(), &news.bytes, None).await.unwrap();
    assert_eq!(done.updates, 1);
    let updates = a.followup_updates(h.id).await.unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].her_words, "মায়ের কাছে ভালো আছি");
    let again = package::export(b, &cli(), &h.id.to_string()).await.unwrap();
    let err = package::import(a, &cli(), &again.bytes, None)
        .await
        .unwrap_err();
    assert!(
        err.english().contains("nothing was changed"),
        "{}",
        err.english()
    );
    assert_eq!(a.followup_updates(h.id).await.unwrap().len(), 1);
    // Satkhira's secret keys, made and used above, are in its database only sealed.
    let sealed = "UPDATE org_keys SET updated_at = updated_at \
                  WHERE age_identity LIKE 'sealed:1:%' AND ed25519_secret LIKE 'sealed:1:%'";
    assert_eq!(satkhira.test_store.tamper(sealed).await.unwrap(), 1);

    satkhira.test_store.finish().await;
    kolkata_server.finish().await;
}

/// The standard `age` tool opens a package with the organisation's identity file.
async fn the_age_tool_decrypts_a_package_with_the_identity(engine: Engine) {
    let kolkata_server = Harness::new(engine).await;
    let satkhira = satkhira(engine).await;
    let (a, b) = (&kolkata_server.store, &satkhira.store);
    let satkhira_org = b.organisation(satkhira.org).await.unwrap().unwrap();
    let line_b = serde_json::to_string(
        &package::public_keys(b, &cli(), &satkhira_org)
            .await
            .unwrap(),
    )
    .unwrap();
    package::trust(a, &cli(), &line_b, false).await.unwrap();
    let (case_id, _) = kolkata_server.case().await;
    let worker = kolkata_server.user("caseworker.kolkata").await;
    consent(
        a,
        case_id,
        worker.id,
        Purpose::Sharing,
        Some(SectionClass::Voice),
        satkhira.org,
    )
    .await;
    let actor = Actor {
        user_id: worker.id,
        org_id: worker.org_id,
        roles: worker.roles.clone(),
        training: Default::default(),
    };
    let case = a
        .case(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let h = handovers::start(
        a,
        &app::Acting::person(actor.clone(), "test", T0),
        &case,
        &satkhira.org.to_string(),
        "সে বাড়ি ফিরবে",
        &[],
    )
    .await
    .unwrap();
    let h = handovers::send(
        &kolkata_server.state,
        &app::Acting::person(actor.clone(), "test", T0),
        &h,
        &case,
        "পরে হবে",
    )
    .await
    .unwrap();
    let sealed = package::export(a, &cli(), &h.id.to_string()).await.unwrap();

    let identity = package::age_identity(b, &cli(), &satkhira_org)
        .await
        .unwrap();
    let entries = b.audit_entries(None, 1000).await.unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.event.action == AuditAction::OrgIdentityShown),
        "printing the identity is audited"
    );
    let dir = std::env::temp_dir().join(format!("saathi-age-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("identity.txt"), &identity).unwrap();
    std::fs::write(dir.join("package.age"), &sealed.bytes).unwrap();
    let out = std::process::Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(dir.join("identity.txt"))
        .arg(dir.join("package.age"))
        .output()
        .expect("the `age` tool (scripts/test-deps installs it)");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout
            .starts_with(b"saathi-handover-package 1\nentry manifest.json ")
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("আমি আবার স্কুলে যেতে চাই"),
        "her words inside, intact"
    );

    satkhira.test_store.finish().await;
    kolkata_server.finish().await;
}

/// One change to the entries of a forged package.
type Edit<'a> = dyn Fn(&mut serde_json::Value) + 'a;

/// A package from a trusted sender is still held to this server's rules: a record whose id is
/// taken here is a clear refusal (409, never a 500), and every value passes the checks of a
/// local write. Each refusal writes nothing but its audit entry.
async fn a_trusted_senders_package_is_held_to_local_rules(engine: Engine) {
    let kolkata_server = Harness::new(engine).await;
    let satkhira = satkhira(engine).await;
    let (a, b) = (&kolkata_server.store, &satkhira.store);
    let kolkata = a
        .organisation(kolkata_server.kolkata().await)
        .await
        .unwrap()
        .unwrap();
    let satkhira_org = b.organisation(satkhira.org).await.unwrap().unwrap();
    let line_a =
        serde_json::to_string(&package::public_keys(a, &cli(), &kolkata).await.unwrap()).unwrap();
    let line_b: serde_json::Value = serde_json::to_value(
        package::public_keys(b, &cli(), &satkhira_org)
            .await
            .unwrap(),
    )
    .unwrap();
    package::trust(b, &cli(), &line_a, false).await.unwrap();
    let secrets = a
        .org_keys(kolkata.id)
        .await
        .unwrap()
        .unwrap()
        .secrets
        .unwrap();
    let secrets = ::package::OrgSecrets::parse(&secrets.0, &secrets.1).unwrap();
    let recipient = ::package::keys::recipient(line_b["age_recipient"].as_str().unwrap()).unwrap();
    let day = 86_400_000;
    let pdf = b"%PDF-1.7\nthe CWC order\n%%EOF".to_vec();
    // A handover as Kolkata's server would write it, with one change made by `edit`.
    let forge = |edit: &dyn Fn(&mut serde_json::Value),
                 voice_id: uuid::Uuid,
                 doc_id: uuid::Uuid| {
        let mut entries = serde_json::json!({
            "case.json": {
                "code": domain::CaseCode::from_random({
                    let id = uuid::Uuid::now_v7();
                    let b = id.as_bytes();
                    [b[10], b[11], b[12], b[13], b[14]]
                })
                .as_str(),
                "stage": "in-care", "opened_at": T0.millis() - 10 * day,
                "reason": "সে সাতক্ষীরায় বাড়ি ফিরবে", "sections": ["legal", "voice"],
                "score": 80, "gaps": [], "gaps_reason": "",
                "created_at": T0.millis() - day, "sent_at": T0.millis() - day,
            },
            "voice.json": [{
                "id": voice_id, "kind": "hope", "text": "আমি আবার স্কুলে যেতে চাই",
                "language": "bn", "spoken_on": "2026-11-25", "read_back": true,
                "recorded_at": T0.millis() - 4 * day,
            }],
            "consents.json": [],
            "documents.json": [{
                "id": doc_id, "class": "legal", "name": "cwc-order.html",
                "media_type": "text/html", "uploaded_at": T0.millis() - 2 * day,
                "entry": format!("documents/{doc_id}"),
            }],
        });
        edit(&mut entries);
        let mut list: Vec<::package::Entry> = entries
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, value)| {
                ::package::Entry::new(name, "application/json", serde_json::to_vec(value).unwrap())
            })
            .collect();
        list.push(::package::Entry::new(
            &format!("documents/{doc_id}"),
            "application/pdf",
            pdf.clone(),
        ));
        let draft = ::package::Draft {
            package_id: uuid::Uuid::now_v7(),
            kind: ::package::Kind::Handover,
            handover_id: uuid::Uuid::now_v7(),
            case_id: uuid::Uuid::now_v7(),
            from: ::package::Party {
                id: kolkata.id.0,
                name: kolkata.fields.name.as_str().into(),
            },
            to: ::package::Party {
                id: satkhira.org.0,
                name: "Mukti Mahila Samiti, Satkhira".into(),
            },
            created_at: T0.millis(),
            entries: list,
        };
        (
            ::package::seal(&draft, &secrets.signing, &recipient).unwrap(),
            domain::CaseId(draft.case_id),
            draft.handover_id,
        )
    };
    let keep = |_: &mut serde_json::Value| {};
    let refusals = || async {
        b.audit_entries(None, 1000)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.event.action == AuditAction::PackageRefused)
            .map(|e| e.event.detail)
            .collect::<Vec<_>>()
    };

    // As sent: imported, and the document is named after what it is.
    let (voice_id, doc_id) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let (sealed, case_id, _) = forge(&keep, voice_id, doc_id);
    package::import(b, &cli(), &sealed, None).await.unwrap();
    let sender = b
        .case(case_id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .passages[0]
        .from;
    let docs = b
        .documents_of(case_id, &domain::sight::Sight::own(sender))
        .await
        .unwrap();
    assert_eq!(docs[0].name, "cwc-order.pdf");
    assert_eq!(docs[0].media_type, "application/pdf");
    assert!(refusals().await.is_empty());

    // Her words or a document whose id is already here: 409 in the API, the page's message,
    // one line at the command line; nothing written, the refusal audited.
    let mut api = Client::new(router(satkhira.state.clone()), "10.2.0.1");
    api.bearer = Some({
        let secret = app::token::new_api_token();
        let id = domain::TokenId::new();
        let event = AuditEvent::new(T0, AuditAction::TokenCreated, "token").from_source("test");
        b.create_token(
            id,
            satkhira.worker.user_id,
            &app::token::hash_secret(&secret),
            "test",
            domain::Timestamp(T0.millis() + 90 * 86_400_000),
            event,
        )
        .await
        .unwrap();
        secret
    });
    for (ids, message) in [
        (
            (voice_id, uuid::Uuid::now_v7()),
            "package-error-voice-exists",
        ),
        (
            (uuid::Uuid::now_v7(), doc_id),
            "package-error-document-exists",
        ),
    ] {
        let (sealed, case, handover) = forge(&keep, ids.0, ids.1);
        let reply = api
            .send_bytes(
                axum::http::Method::POST,
                "/api/v1/handover-packages",
                Some("application/octet-stream"),
                sealed.clone(),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(reply.json()["status"], 409);
        assert_eq!(
            reply.json()["detail"],
            satkhira.state.i18n.text(Language::Bn, message)
        );
        let page = import_page(&satkhira, &sealed).await;
        assert_eq!(page.status, StatusCode::CONFLICT);
        assert!(
            page.body
                .contains(&kolkata_server.text(Language::Bn, message)),
            "{}",
            page.body
        );
        let err = package::import(b, &cli(), &sealed, None).await.unwrap_err();
        assert!(
            err.english().contains("already on this server") && !err.english().contains('\n'),
            "{}",
            err.english()
        );
        nothing_arrived(&satkhira, case, handover).await;
    }
    let audited = refusals().await;
    assert_eq!(audited.len(), 6, "one entry per refusal: {audited:?}");
    assert!(audited[0].contains("package-error-"), "{}", audited[0]);

    // Values a local write refuses are refused in a package too.
    let long = "আ".repeat(domain::voice::VOICE_TEXT_MAX + 1);
    let edits: Vec<(&str, Box<Edit<'_>>)> = vec![
        (
            "a day in 9999",
            Box::new(|e| e["voice.json"][0]["spoken_on"] = "9999-01-01".into()),
        ),
        (
            "before the case",
            Box::new(|e| e["voice.json"][0]["spoken_on"] = "2026-11-01".into()),
        ),
        (
            "opened before 1970",
            Box::new(|e| e["case.json"]["opened_at"] = (-1).into()),
        ),
        (
            "her words too long",
            Box::new(move |e| e["voice.json"][0]["text"] = long.clone().into()),
        ),
        (
            "her words empty",
            Box::new(|e| e["voice.json"][0]["text"] = " ".into()),
        ),
        (
            "an unknown kind",
            Box::new(|e| e["voice.json"][0]["kind"] = "wish".into()),
        ),
        (
            "an empty reason",
            Box::new(|e| e["case.json"]["reason"] = "".into()),
        ),
        (
            "a name too long",
            Box::new(|e| {
                e["case.json"]["sections"] = serde_json::json!(["identity", "legal", "voice"]);
                e["identity.json"] =
                    serde_json::json!({"name": "ক".repeat(501), "family": "", "address": ""});
            }),
        ),
        (
            "a decision without her view",
            Box::new(|e| {
                e["decisions.json"] = serde_json::json!([{
            "id": uuid::Uuid::now_v7(), "topic": "general", "what": "বাড়ি ফেরা", "decided_by": "দল",
            "options": [], "her_choice": "", "participation": "decided-with-her", "her_view": "",
            "absent_reason": "", "recorded_at": T0.millis() - day}])
            }),
        ),
        (
            "a consent expiring before it was given",
            Box::new(|e| {
                e["consents.json"] = serde_json::json!([{
            "id": uuid::Uuid::now_v7(), "purpose": "services", "section": null, "organisation": null,
            "explained_how": "মুখে", "explained_in": "bn", "explained_by": "রুপা",
            "expires_on": "2020-01-01", "recorded_at": T0.millis() - day,
            "revoked_at": null, "revoked_reason": null}])
            }),
        ),
        (
            "an intake the form refuses",
            Box::new(|e| {
                e["case.json"]["intake"] =
                    serde_json::json!({"gender": "unknown", "identified_on": "9999-01-01"})
            }),
        ),
        (
            "recorded next year",
            Box::new(move |e| e["voice.json"][0]["recorded_at"] = (T0.millis() + 365 * day).into()),
        ),
    ];
    for (what, edit) in &edits {
        let (sealed, case, handover) =
            forge(edit.as_ref(), uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let err = package::import(b, &cli(), &sealed, None).await.unwrap_err();
        assert_eq!(
            saathi_web::AppError::from(err.clone()).status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {err:?}"
        );
        match &err {
            app::Error::Invalid(errors) => {
                assert_eq!(
                    errors[0].message_id, "package-error-value",
                    "{what}: {err:?}"
                )
            }
            other => panic!("{what}: {other:?}"),
        }
        nothing_arrived(&satkhira, case, handover).await;
    }
    let audited = refusals().await;
    assert_eq!(audited.len(), 6 + edits.len());
    assert!(
        audited
            .iter()
            .any(|d| d.contains("intake identified_on") && d.contains("intake gender")),
        "{audited:?}"
    );
    assert!(
        audited.iter().any(|d| d.contains("spoken_on")),
        "the reason is in the audit entry: {audited:?}"
    );

    satkhira.test_store.finish().await;
    kolkata_server.finish().await;
}

on_both_engines!(
    her_case_travels_to_another_server_and_the_answer_comes_back,
    the_age_tool_decrypts_a_package_with_the_identity,
    a_trusted_senders_package_is_held_to_local_rules,
);
