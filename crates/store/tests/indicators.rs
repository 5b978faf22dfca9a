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

on_both_engines!(
    an_organisation_keeps_its_time_zone_or_takes_its_countrys,
    the_newest_terms_of_her_stay_are_in_force,
    each_indicator_reads_its_organisations_rows_of_the_period,
);
