#![allow(clippy::unwrap_used, clippy::expect_used)]
//! What the restorative-care indicators read, on both engines: an organisation's time zone, the
//! terms of her stay, and the rows each indicator fetches (docs/indicators.md), on hand-built
//! data.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::Identity;
use domain::organisation::OrganisationFields;
use domain::plan::SetBy;
use domain::stay::{StayTerms, StayTermsFields};
use domain::voice::parse_date;
use domain::zone::TimeZone;
use domain::{CaseCode, CaseId, Language, OrgId, OrgKind, Role, Roles, Timestamp, UserId};
use saathi_store::{NewCase, NewUser, Store, StoreError};
use testkit::{TestStore, on_both_engines};

mod continuity;

/// 1 July 2026 00:00 UTC.
const T0: Timestamp = Timestamp(1_782_864_000_000);
const DAY: i64 = 86_400;

fn event(action: AuditAction, subject: &str) -> AuditEvent {
    AuditEvent::new(T0, action, subject).from_source("test")
}

/// A shelter in Kolkata and an NGO in Jashore, each with a case worker.
struct World {
    kolkata: OrgId,
    jashore: OrgId,
    rupa: UserId,
    nasrin: UserId,
}

async fn world(store: &Arc<dyn Store>) -> World {
    let mut orgs = Vec::new();
    for (name, country) in [
        ("Nirapad Shelter, Kolkata", "IN"),
        ("Notun Alo, Jashore", "BD"),
    ] {
        let id = OrgId::new();
        let fields = OrganisationFields {
            name: name.parse().unwrap(),
            kind: OrgKind::Destination,
            country: country.parse().unwrap(),
            district: None,
            languages: vec![Language::Bn],
            time_zone: domain::zone::TimeZone::for_country(&country.parse().unwrap()),
        };
        store
            .create_organisation(id, &fields, event(AuditAction::OrganisationCreated, name))
            .await
            .unwrap();
        orgs.push(id);
    }
    let mut users = Vec::new();
    for (username, org) in [("rupa", orgs[0]), ("nasrin", orgs[1])] {
        let user = NewUser {
            id: UserId::new(),
            org_id: org,
            username: username.parse().unwrap(),
            display_name: None,
            roles: Roles::single(Role::CaseWorker),
            language: Language::Bn,
            password_hash: "$argon2id$not-a-real-hash".into(),
        };
        store
            .create_user(&user, event(AuditAction::UserCreated, username))
            .await
            .unwrap();
        users.push(user.id);
    }
    World {
        kolkata: orgs[0],
        jashore: orgs[1],
        rupa: users[0],
        nasrin: users[1],
    }
}

async fn open_case(
    store: &Arc<dyn Store>,
    org: OrgId,
    by: UserId,
    seed: u8,
    at: Timestamp,
) -> CaseId {
    let new = NewCase {
        intake: Default::default(),
        id: CaseId::new(),
        code: CaseCode::from_random([seed, 7, 7, 7, seed]),
        custodian: org,
        opened_at: at,
        assigned: vec![by],
        identity: Identity::default(),
    };
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    new.id
}

async fn an_organisation_keeps_its_time_zone_or_takes_its_countrys(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    assert_eq!(
        store.time_zone_of(w.kolkata).await.unwrap().as_str(),
        "Asia/Kolkata"
    );
    assert_eq!(
        store.time_zone_of(w.jashore).await.unwrap().as_str(),
        "Asia/Dhaka"
    );
    let kathmandu: TimeZone = "Asia/Kathmandu".parse().unwrap();
    store
        .set_time_zone(
            w.jashore,
            &kathmandu,
            event(AuditAction::OrganisationUpdated, "org"),
        )
        .await
        .unwrap();
    assert_eq!(store.time_zone_of(w.jashore).await.unwrap(), kathmandu);
    assert!(matches!(
        store.time_zone_of(OrgId::new()).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .set_time_zone(
                OrgId::new(),
                &kathmandu,
                event(AuditAction::OrganisationUpdated, "x")
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn the_newest_terms_of_her_stay_are_in_force(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let case = open_case(store, w.kolkata, w.rupa, 1, T0).await;
    assert_eq!(store.stay_terms_of(case).await.unwrap(), None);
    let terms = |set_by, day: Option<&str>, days: i64| StayTerms {
        case_id: case,
        fields: StayTermsFields {
            length_set_by: set_by,
            wants_to_leave_on: day.map(|d| parse_date(d).unwrap()),
        },
        org_id: w.kolkata,
        recorded_by: w.rupa,
        recorded_at: T0.plus_seconds(days * DAY),
    };
    let first = terms(SetBy::Order, None, 1);
    let second = terms(SetBy::Her, Some("2026-10-15"), 20);
    for t in [&first, &second] {
        store
            .record_stay_terms(t, event(AuditAction::StayTermsRecorded, "case"))
            .await
            .unwrap();
    }
    assert_eq!(store.stay_terms_of(case).await.unwrap(), Some(second));
    let _ = w.nasrin;
}

/// Her words, decisions and incidents in and around Kolkata's 2026-Q3, and one record of the
/// NGO in Jashore: each query returns the organisation's own rows of the period, no other.
async fn each_indicator_reads_its_organisations_rows_of_the_period(t: &TestStore) {
    use domain::decision::{Decision, DecisionFields, DecisionTopic, Participation};
    use domain::indicators::Period;
    use domain::note::{Note, NoteKind, Response};
    use domain::voice::VoiceFields;
    use domain::{VoiceId, VoiceKind};
    use saathi_store::NewVoice;

    let store = &t.store;
    let w = world(store).await;
    let kolkata = store.time_zone_of(w.kolkata).await.unwrap();
    let q3 = Period::Quarter {
        year: 2026,
        quarter: 3,
    }
    .bounds(&kolkata);
    let case = open_case(store, w.kolkata, w.rupa, 1, T0).await;
    let theirs = open_case(store, w.jashore, w.nasrin, 2, T0).await;
    // Just before Q3 in Kolkata (23:50 IST on 30 June), in it, and in Q4.
    let before = Timestamp(q3.start.millis() - 10 * 60_000);
    let moments = [
        before,
        T0.plus_seconds(3 * DAY),
        T0.plus_seconds(40 * DAY),
        q3.end,
    ];

    for (i, (&at, read_back)) in moments.iter().zip([true, false, true, true]).enumerate() {
        let voice = NewVoice {
            id: VoiceId::new(),
            case_id: case,
            fields: VoiceFields {
                kind: VoiceKind::Hope,
                text: format!("আমি বাড়ি যেতে চাই {i}"),
                language: Language::Bn,
                spoken_on: parse_date("2026-07-01").unwrap(),
                read_back,
            },
            recorded_by: w.rupa,
            recorded_at: at,
        };
        let entry = store
            .record_voice(&voice, event(AuditAction::VoiceRecorded, "case"))
            .await
            .unwrap();
        if i == 1 {
            // Read back to her at a later visit: the newest version counts.
            let mut fields = voice.fields.clone();
            fields.read_back = true;
            store
                .correct_voice(
                    entry.id,
                    entry.version,
                    &fields,
                    w.rupa,
                    at.plus_seconds(DAY),
                    event(AuditAction::VoiceCorrected, "case"),
                )
                .await
                .unwrap();
        }
        let participation = [
            Participation::Informed,
            Participation::DecidedWithHer,
            Participation::Absent,
            Participation::Consulted,
        ][i];
        for (case, by) in [(case, w.rupa), (theirs, w.nasrin)] {
            let decision = Decision {
                id: uuid::Uuid::now_v7(),
                case_id: case,
                fields: DecisionFields {
                    topic: DecisionTopic::General,
                    what: "স্কুলে ভর্তি".into(),
                    decided_by: "কেস কনফারেন্স".into(),
                    options: vec![],
                    her_choice: String::new(),
                    participation,
                    her_view: String::new(),
                    absent_reason: "অসুস্থ".into(),
                },
                recorded_by: by,
                recorded_at: at,
            };
            store
                .log_decision(&decision, event(AuditAction::DecisionLogged, "case"))
                .await
                .unwrap();
        }
        let response = [
            Response::Punitive,
            Response::Positive,
            Response::Punitive,
            Response::Positive,
        ][i];
        for (kind, response) in [
            (
                NoteKind::Incident,
                Some((response, "কথা বলা হয়েছে".to_string())),
            ),
            (NoteKind::Daily, None),
        ] {
            let note = Note {
                id: uuid::Uuid::now_v7(),
                case_id: case,
                kind,
                text: "ঝগড়া".into(),
                language: Language::Bn,
                response,
                written_by: w.rupa,
                written_at: at,
            };
            store
                .add_note(&note, event(AuditAction::NoteWritten, "case"))
                .await
                .unwrap();
        }
    }

    assert_eq!(
        store.voice_read_back(w.kolkata, q3).await.unwrap(),
        vec![true, true]
    );
    assert!(
        store
            .voice_read_back(w.jashore, q3)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.decision_participation(w.kolkata, q3).await.unwrap(),
        vec![Participation::DecidedWithHer, Participation::Absent]
    );
    // The NGO's own decisions, in its own quarter: 23:50 in Kolkata on 30 June is already
    // 00:20 on 1 July in Jashore.
    let dhaka = store.time_zone_of(w.jashore).await.unwrap();
    let q3_dhaka = Period::Quarter {
        year: 2026,
        quarter: 3,
    }
    .bounds(&dhaka);
    assert_eq!(
        store
            .decision_participation(w.jashore, q3_dhaka)
            .await
            .unwrap(),
        vec![
            Participation::Informed,
            Participation::DecidedWithHer,
            Participation::Absent
        ]
    );
    assert_eq!(
        store.incident_responses(w.kolkata, q3).await.unwrap(),
        vec![
            (moments[1], Response::Positive),
            (moments[2], Response::Punitive)
        ]
    );
    assert!(
        store
            .review_agreements(w.kolkata, q3)
            .await
            .unwrap()
            .is_empty()
    );
}

/// Moves a case on its journey at `at`.
async fn move_to(
    store: &Arc<dyn Store>,
    case: CaseId,
    from: domain::Stage,
    to: domain::Stage,
    by: UserId,
    at: Timestamp,
) {
    let version = store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .version;
    store
        .change_stage(
            case,
            version,
            &domain::case::StageChange {
                from,
                to,
                reason: "পরিকল্পনা অনুযায়ী".into(),
                by: Some(by),
                at,
            },
            AuditEvent::new(at, AuditAction::CaseStageChanged, "case").from_source("test"),
        )
        .await
        .unwrap();
}

/// A handover sent at `sent`, acknowledged and accepted (custody passing) when given.
#[allow(clippy::too_many_arguments)]
async fn hand_over(
    store: &Arc<dyn Store>,
    case: CaseId,
    (from, sender): (OrgId, UserId),
    (to, receiver): (OrgId, UserId),
    sections: Vec<domain::consent::SectionClass>,
    score: i64,
    sent: Timestamp,
    acknowledged: Option<Timestamp>,
    accepted: Option<Timestamp>,
) {
    use domain::handover::{Handover, HandoverState};
    let mut h = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: case,
        from_org: from,
        to_org: to,
        state: HandoverState::Sent,
        reason: "সে বাড়ি ফিরছে".into(),
        sections,
        score: Some(score),
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: sender,
        created_at: sent,
        sent_at: Some(sent),
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    store
        .create_handover(&h, event(AuditAction::HandoverSent, "handover"))
        .await
        .unwrap();
    if let Some(at) = acknowledged {
        h.state = HandoverState::Acknowledged;
        h.acknowledged_at = Some(at);
        h = store
            .update_handover(
                &h,
                h.version,
                None,
                event(AuditAction::HandoverAcknowledged, "h"),
            )
            .await
            .unwrap();
    }
    if let Some(at) = accepted {
        h.state = HandoverState::Accepted;
        h.decided_at = Some(at);
        store
            .update_handover(
                &h,
                h.version,
                Some((to, receiver)),
                event(AuditAction::HandoverAccepted, "h"),
            )
            .await
            .unwrap();
    }
}

/// Saves a plan version of `goals` (JSON) at `at`, as `by` of `org` sees the plan.
async fn save_plan(
    store: &Arc<dyn Store>,
    case: CaseId,
    org: OrgId,
    by: UserId,
    goals: &str,
    at: Timestamp,
) -> i64 {
    let seen = store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let consents = store
        .consents_of(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap();
    let sight = domain::sight::Sight::of(org, &seen.passages, &consents, at);
    let current = store
        .plan(case, &sight)
        .await
        .unwrap()
        .map_or(0, |p| p.version);
    let body: domain::plan::PlanBody =
        serde_json::from_str(&format!(r#"{{"goals":{goals}}}"#)).unwrap();
    let save = saathi_store::PlanSave {
        case,
        expected_version: current,
        body: &body,
        by,
        at,
        sight: &sight,
    };
    store
        .save_plan(&save, event(AuditAction::PlanSaved, "case"))
        .await
        .unwrap()
        .version
}

/// Custody at the period's end, plans, approvals, handovers both ways and the field's counts,
/// for Kolkata's 2026-Q3, with records of both organisations around it.
async fn custody_plans_handovers_and_counts_follow_the_rule(t: &TestStore) {
    use domain::Stage;
    use domain::consent::SectionClass;
    use domain::indicators::{GoalRow, HandoverRow, OpenCase, Period};
    use domain::plan::{Agreement, PlanReview};
    use domain::voice::VoiceFields;
    use domain::{VoiceId, VoiceKind};
    use saathi_store::{FieldRows, NewVoice};

    let store = &t.store;
    let w = world(store).await;
    let q3 = Period::Quarter {
        year: 2026,
        quarter: 3,
    }
    .bounds(&store.time_zone_of(w.kolkata).await.unwrap());
    let dhaka_q3 = Period::Quarter {
        year: 2026,
        quarter: 3,
    }
    .bounds(&store.time_zone_of(w.jashore).await.unwrap());
    let end = q3.end;
    let days = |n: i64| T0.plus_seconds(n * DAY);
    let before_end = |n: i64| end.plus_seconds(-n * DAY);
    let k = (w.kolkata, w.rupa);
    let j = (w.jashore, w.nasrin);

    // A: hers recently, then returned in the quarter. B: her words only long ago. C: closed.
    // D: the NGO's, accepted by the shelter in the quarter. E: the shelter's, accepted by the
    // NGO. F: the shelter's, sent to the NGO but accepted only after the quarter.
    let a = open_case(store, w.kolkata, w.rupa, 1, days(-100)).await;
    let b = open_case(store, w.kolkata, w.rupa, 2, days(-99)).await;
    let c = open_case(store, w.kolkata, w.rupa, 3, days(-98)).await;
    let d = open_case(store, w.jashore, w.nasrin, 4, days(-97)).await;
    let e = open_case(store, w.kolkata, w.rupa, 5, days(-96)).await;
    let f = open_case(store, w.kolkata, w.rupa, 6, days(-95)).await;
    let g = open_case(store, w.kolkata, w.rupa, 7, days(20)).await;
    for (case, at) in [(a, before_end(10)), (b, before_end(100))] {
        let voice = NewVoice {
            id: VoiceId::new(),
            case_id: case,
            fields: VoiceFields {
                kind: VoiceKind::Hope,
                text: "আমি পড়তে চাই".into(),
                language: Language::Bn,
                spoken_on: parse_date("2026-05-01").unwrap(),
                read_back: true,
            },
            recorded_by: w.rupa,
            recorded_at: at,
        };
        store
            .record_voice(&voice, event(AuditAction::VoiceRecorded, "case"))
            .await
            .unwrap();
    }
    move_to(
        store,
        a,
        Stage::Identified,
        Stage::InCare,
        w.rupa,
        days(-50),
    )
    .await;
    // Her home-and-family assessments: the newest before her return recommends going home;
    // an earlier one and a later one say otherwise.
    for (at, recommendation) in [
        (days(10), "other_relative"),
        (days(20), "return_home"),
        (days(40), "other_relative"),
    ] {
        let assessment = domain::form::Assessment {
            id: uuid::Uuid::now_v7(),
            case_id: a,
            form_key: "home-family-assessment".into(),
            form_version: 1,
            answers: [(
                "recommendation".to_string(),
                domain::form::Answer::One(recommendation.into()),
            )]
            .into_iter()
            .collect(),
            recorded_by: w.rupa,
            recorded_at: at,
            org: w.kolkata,
        };
        store
            .add_assessment(&assessment, event(AuditAction::AssessmentRecorded, "case"))
            .await
            .unwrap();
    }
    move_to(store, a, Stage::InCare, Stage::Returned, w.rupa, days(30)).await;
    move_to(store, c, Stage::Identified, Stage::Closed, w.rupa, days(10)).await;
    move_to(
        store,
        d,
        Stage::Identified,
        Stage::InCare,
        w.nasrin,
        days(-60),
    )
    .await;
    move_to(
        store,
        f,
        Stage::Identified,
        Stage::InCare,
        w.rupa,
        days(-60),
    )
    .await;

    // F's plan: a version before the quarter, two in it (the newest counts), approved and
    // reviewed with her; A's plan approved with no review.
    let goal = |set_by: &str, target: &str| {
        format!(
            r#"{{"domain":"family","goal":"মায়ের কাছে ফেরা","set_by":"{set_by}"{target},"status":"open"}}"#
        )
    };
    save_plan(
        store,
        f,
        w.kolkata,
        w.rupa,
        &format!("[{}]", goal("team", "")),
        days(-10),
    )
    .await;
    save_plan(
        store,
        f,
        w.kolkata,
        w.rupa,
        &format!("[{}]", goal("order", "")),
        days(1),
    )
    .await;
    let newest = format!(
        "[{},{},{}]",
        goal("her", r#","target":"2027-01-31","target_set_by":"order""#),
        goal("team", ""),
        goal("her", r#","target":"2027-03-31""#),
    );
    let v = save_plan(store, f, w.kolkata, w.rupa, &newest, days(2)).await;
    let f_sight = {
        let case = store
            .case(f, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .unwrap();
        domain::sight::Sight::of(w.kolkata, &case.passages, &[], days(3))
    };
    store
        .approve_plan(
            f,
            v,
            &f_sight,
            AuditEvent::new(days(3), AuditAction::PlanApproved, "case").from_source("test"),
        )
        .await
        .unwrap();
    let review = PlanReview {
        id: uuid::Uuid::now_v7(),
        plan_version: v,
        agreement: Agreement::Agreed,
        her_words: "হ্যাঁ, এটা আমার পরিকল্পনা".into(),
        notes: String::new(),
        reviewed_by: w.rupa,
        reviewed_at: days(4),
    };
    store
        .add_plan_review(f, &review, event(AuditAction::PlanReviewed, "case"))
        .await
        .unwrap();
    let va = save_plan(
        store,
        a,
        w.kolkata,
        w.rupa,
        &format!("[{}]", goal("team", "")),
        days(1),
    )
    .await;
    let a_sight = {
        let case = store
            .case(a, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .unwrap();
        domain::sight::Sight::of(w.kolkata, &case.passages, &[], days(2))
    };
    store
        .approve_plan(
            a,
            va,
            &a_sight,
            AuditEvent::new(days(2), AuditAction::PlanApproved, "case").from_source("test"),
        )
        .await
        .unwrap();

    hand_over(
        store,
        d,
        j,
        k,
        vec![SectionClass::Legal],
        60,
        days(5),
        Some(days(6)),
        Some(days(7)),
    )
    .await;
    hand_over(
        store,
        e,
        k,
        j,
        vec![SectionClass::Voice],
        70,
        days(-5),
        Some(days(-4)),
        Some(days(2)),
    )
    .await;
    hand_over(
        store,
        f,
        k,
        j,
        vec![SectionClass::Voice, SectionClass::Health],
        90,
        days(10),
        Some(days(13)),
        Some(end.plus_seconds(DAY)),
    )
    .await;

    // R1a: A (recent words), B (old words), D (now the shelter's, no words of its own), F
    // (custody had not passed at the quarter's end); not C (closed) nor E (the NGO's).
    let mut open = store.open_cases_at(w.kolkata, end).await.unwrap();
    open.sort_by_key(|o| o.case);
    let mut expected = vec![
        OpenCase {
            case: a,
            last_words: Some(before_end(10)),
        },
        OpenCase {
            case: b,
            last_words: Some(before_end(100)),
        },
        OpenCase {
            case: d,
            last_words: None,
        },
        OpenCase {
            case: f,
            last_words: None,
        },
        OpenCase {
            case: g,
            last_words: None,
        },
    ];
    expected.sort_by_key(|o| o.case);
    assert_eq!(open, expected);
    let mut theirs: Vec<CaseId> = store
        .open_cases_at(w.jashore, dhaka_q3.end)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.case)
        .collect();
    theirs.sort();
    assert_eq!(theirs, vec![e]);

    // R2a, R2b: the goals of F's newest version in the quarter; a target dated by a court
    // counts for the court, an old-style target for the goal's setter.
    assert_eq!(
        store.plan_goals(w.kolkata, q3).await.unwrap(),
        vec![
            GoalRow {
                set_by: domain::plan::SetBy::Team,
                target_set_by: None
            },
            GoalRow {
                set_by: domain::plan::SetBy::Her,
                target_set_by: Some(domain::plan::SetBy::Order)
            },
            GoalRow {
                set_by: domain::plan::SetBy::Team,
                target_set_by: None
            },
            GoalRow {
                set_by: domain::plan::SetBy::Her,
                target_set_by: Some(domain::plan::SetBy::Her)
            },
        ]
    );
    assert!(
        store
            .plan_goals(w.jashore, dhaka_q3)
            .await
            .unwrap()
            .is_empty()
    );

    // R2d: A approved with no review, F with her agreement.
    let mut approvals = store.approvals_reviewed(w.kolkata, q3).await.unwrap();
    approvals.sort_by_key(Vec::len);
    assert_eq!(approvals, vec![vec![], vec![Agreement::Agreed]]);
    // Her director's list behind R2d: A, approved on day 2; none of Jashore's.
    assert_eq!(
        store
            .approved_without_her_cases(w.kolkata, q3)
            .await
            .unwrap(),
        vec![(a, days(2))]
    );
    assert!(
        store
            .approved_without_her_cases(w.jashore, dhaka_q3)
            .await
            .unwrap()
            .is_empty()
    );

    // R6: D and F for both sides, not E (sent before the quarter); F carried her words and a
    // plan she had agreed to.
    let d_row = HandoverRow {
        voice_travelled: false,
        agreed_plan_travelled: false,
        score: Some(60),
        sent_at: days(5),
        acknowledged_at: Some(days(6)),
    };
    let f_row = HandoverRow {
        voice_travelled: true,
        agreed_plan_travelled: true,
        score: Some(90),
        sent_at: days(10),
        acknowledged_at: Some(days(13)),
    };
    assert_eq!(
        store.handovers_sent(w.kolkata, q3).await.unwrap(),
        vec![d_row, f_row]
    );
    assert_eq!(
        store.handovers_sent(w.jashore, dhaka_q3).await.unwrap(),
        vec![d_row, f_row]
    );

    // The field's counts: G identified; D and F in care at the end; A returned.
    assert_eq!(
        store.field_counts(w.kolkata, q3).await.unwrap(),
        FieldRows {
            identified: 1,
            in_care: 2,
            returned: 1
        }
    );
    // Reunified: A's return, with the recommendation in force then.
    assert_eq!(
        store.return_recommendations(w.kolkata, q3).await.unwrap(),
        vec![Some("return_home".to_string())]
    );
    assert_eq!(
        store
            .return_recommendations(w.jashore, dhaka_q3)
            .await
            .unwrap(),
        Vec::<Option<String>>::new()
    );
    assert_eq!(
        store.field_counts(w.jashore, dhaka_q3).await.unwrap(),
        FieldRows {
            identified: 0,
            in_care: 0,
            returned: 0
        }
    );

    // The same custody and stages from each case's history, fetched once for every instant
    // (`case_histories`, `domain::indicators::history`): the open cases and the counts agree
    // with the queries above at the quarter's start and end, and at instants between the
    // handovers and moves.
    use domain::indicators::{Bounds, history};
    let all_time = Bounds {
        start: Timestamp(0),
        end: end.plus_seconds(400 * DAY),
    };
    for (org, span) in [(w.kolkata, q3), (w.jashore, dhaka_q3)] {
        let histories = store.case_histories(org, all_time).await.unwrap();
        for at in [
            days(-99),
            days(-60),
            span.start,
            days(3),
            days(7),
            days(8),
            days(31),
            span.end,
            end.plus_seconds(2 * DAY),
        ] {
            let mut from_history = history::open_cases_at(&histories, org, at);
            let mut from_query = store.open_cases_at(org, at).await.unwrap();
            from_history.sort_by_key(|o| o.case);
            from_query.sort_by_key(|o| o.case);
            assert_eq!(from_history, from_query, "open cases at {at:?}");
            let span = Bounds {
                start: days(-200),
                end: at,
            };
            let counts = store.field_counts(org, span).await.unwrap();
            assert_eq!(
                (
                    history::identified(&histories, org, span),
                    history::in_care(&histories, org, at)
                ),
                (counts.identified, counts.in_care),
                "counts at {at:?}"
            );
        }
    }
    // Her words are read only from the window asked for; A's recent words are in it, B's old
    // ones are not.
    let recent = Bounds {
        start: before_end(30),
        end,
    };
    let histories = store.case_histories(w.kolkata, recent).await.unwrap();
    let words = |case: CaseId| {
        histories
            .iter()
            .find(|h| h.case == case)
            .map(|h| h.words.clone())
    };
    assert_eq!(words(a), Some(vec![before_end(10)]));
    assert_eq!(words(b), Some(Vec::new()));
    assert_eq!(words(e), Some(Vec::new()), "the shelter held E once");
    assert_eq!(
        store
            .case_histories(w.jashore, recent)
            .await
            .unwrap()
            .iter()
            .filter(|h| [a, b].contains(&h.case))
            .count(),
        0,
        "the NGO never held A or B"
    );
}

/// R4: a stay runs from her first move into care to her first move out of it, counts for the
/// organisation whose staff moved her out, in the period she left, with the terms in force
/// then; a move back into care is not leaving it.
async fn a_stay_ends_when_she_leaves_care_with_the_terms_in_force(t: &TestStore) {
    use domain::Stage;
    use domain::indicators::{Bounds, Stay};
    let store = &t.store;
    let w = world(store).await;
    let case = open_case(store, w.kolkata, w.rupa, 41, T0).await;
    let at = |days: i64| T0.plus_seconds(days * DAY);
    move_to(store, case, Stage::Identified, Stage::InCare, w.rupa, at(2)).await;
    let terms = |set_by, recorded: i64| StayTerms {
        case_id: case,
        fields: StayTermsFields {
            length_set_by: set_by,
            wants_to_leave_on: Some(parse_date("2026-08-01").unwrap()),
        },
        org_id: w.kolkata,
        recorded_by: w.rupa,
        recorded_at: at(recorded),
    };
    for t in [terms(SetBy::Order, 3), terms(SetBy::Her, 70)] {
        store
            .record_stay_terms(&t, event(AuditAction::StayTermsRecorded, "case"))
            .await
            .unwrap();
    }
    // Preparing to go home, then back into care: she has not left.
    move_to(
        store,
        case,
        Stage::InCare,
        Stage::PreparingReturn,
        w.rupa,
        at(20),
    )
    .await;
    move_to(
        store,
        case,
        Stage::PreparingReturn,
        Stage::InCare,
        w.rupa,
        at(25),
    )
    .await;
    move_to(
        store,
        case,
        Stage::InCare,
        Stage::PreparingReturn,
        w.rupa,
        at(40),
    )
    .await;
    move_to(
        store,
        case,
        Stage::PreparingReturn,
        Stage::InTransit,
        w.rupa,
        at(50),
    )
    .await;
    move_to(
        store,
        case,
        Stage::InTransit,
        Stage::Returned,
        w.rupa,
        at(60),
    )
    .await;
    let span = |from: i64, to: i64| Bounds {
        start: at(from),
        end: at(to),
    };
    assert_eq!(
        store.stays_ended(w.kolkata, span(0, 90)).await.unwrap(),
        vec![Stay {
            entered: at(2),
            left: at(50),
            // The terms recorded after she left are not the ones she left under.
            length_set_by: Some(SetBy::Order),
            wants_to_leave_on: Some(parse_date("2026-08-01").unwrap()),
        }]
    );
    assert!(
        store
            .stays_ended(w.kolkata, span(51, 90))
            .await
            .unwrap()
            .is_empty(),
        "another period"
    );
    assert!(
        store
            .stays_ended(w.jashore, span(0, 90))
            .await
            .unwrap()
            .is_empty(),
        "another organisation"
    );
    // Her director's list behind R4c reads the same stay, with its case.
    assert_eq!(
        store
            .stays_with_her_date(w.kolkata, span(0, 90))
            .await
            .unwrap(),
        vec![saathi_store::StayBehind {
            case,
            left: at(50),
            wanted: parse_date("2026-08-01").unwrap(),
        }]
    );
    assert!(
        store
            .stays_with_her_date(w.kolkata, span(51, 90))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .stays_with_her_date(w.jashore, span(0, 90))
            .await
            .unwrap()
            .is_empty()
    );
    let _ = w.nasrin;
}

on_both_engines!(
    a_stay_ends_when_she_leaves_care_with_the_terms_in_force,
    an_organisation_keeps_its_time_zone_or_takes_its_countrys,
    the_newest_terms_of_her_stay_are_in_force,
    each_indicator_reads_its_organisations_rows_of_the_period,
    custody_plans_handovers_and_counts_follow_the_rule,
);
