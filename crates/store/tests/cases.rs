#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The case store on both engines: cases and their identity section, the journey, her voice with
//! every version kept, and search that works for Bengali and Hindi.

use domain::sight::Sight;
use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::{Identity, StageChange};
use domain::organisation::OrganisationFields;
use domain::voice::{VoiceFields, parse_date};
use domain::{
    CaseCode, CaseId, Language, OrgId, OrgKind, Role, Roles, Stage, Timestamp, UserId, VoiceId,
    VoiceKind,
};
use saathi_store::{CaseFilter, NewCase, NewUser, NewVoice, Store, StoreError};
use testkit::{TestStore, on_both_engines};

pub(crate) const T0: Timestamp = Timestamp(1_795_910_400_000);

pub(crate) fn event(action: AuditAction, subject: &str) -> AuditEvent {
    AuditEvent::new(T0, action, subject).from_source("test")
}

pub(crate) struct World {
    pub(crate) org: OrgId,
    pub(crate) other_org: OrgId,
    pub(crate) worker: UserId,
    pub(crate) counsellor: UserId,
}

pub(crate) async fn world(store: &Arc<dyn Store>) -> World {
    let mut orgs = Vec::new();
    for name in ["Nirapad Shelter, Kolkata", "Notun Alo, Jessore"] {
        let id = OrgId::new();
        let fields = OrganisationFields {
            name: name.parse().unwrap(),
            kind: OrgKind::Destination,
            country: "IN".parse().unwrap(),
            district: None,
            languages: vec![Language::Bn],
            time_zone: "Asia/Kolkata".parse().unwrap(),
        };
        store
            .create_organisation(id, &fields, event(AuditAction::OrganisationCreated, name))
            .await
            .unwrap();
        orgs.push(id);
    }
    let mut users = Vec::new();
    for (username, role) in [("rupa", Role::CaseWorker), ("anjali", Role::Counsellor)] {
        let user = NewUser {
            id: UserId::new(),
            org_id: orgs[0],
            username: username.parse().unwrap(),
            display_name: None,
            roles: Roles::single(role),
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
        org: orgs[0],
        other_org: orgs[1],
        worker: users[0],
        counsellor: users[1],
    }
}

pub(crate) fn new_case(org: OrgId, assigned: Vec<UserId>, seed: u8) -> NewCase {
    NewCase {
        intake: Default::default(),
        id: CaseId::new(),
        code: CaseCode::from_random([seed, 1, 2, 3, 4]),
        custodian: org,
        opened_at: T0,
        assigned,
        identity: Identity {
            name: "রিনা খাতুন".into(),
            family: "মা: সালমা".into(),
            address: "বনগাঁ".into(),
        },
    }
}

pub(crate) fn voice(case_id: CaseId, by: UserId, text: &str, kind: VoiceKind) -> NewVoice {
    NewVoice {
        id: VoiceId::new(),
        case_id,
        fields: VoiceFields {
            kind,
            text: text.into(),
            language: Language::Bn,
            spoken_on: parse_date("2026-11-29").unwrap(),
            read_back: true,
        },
        recorded_by: by,
        recorded_at: T0,
    }
}

async fn cases_open_with_their_staff_and_codes_are_unique(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let new = new_case(w.org, vec![w.worker, w.counsellor], 1);
    let case = store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    assert_eq!(case.stage, Stage::Identified);
    assert_eq!(case.assigned, vec![w.worker, w.counsellor]);
    assert_eq!(
        store
            .case(new.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap(),
        Some(case.clone())
    );
    assert_eq!(
        store.case_by_code(&new.code).await.unwrap().map(|c| c.id),
        Some(new.id)
    );

    let mut twin = new_case(w.org, vec![w.worker], 1);
    twin.code = new.code.clone();
    let err = store
        .create_case(&twin, event(AuditAction::CaseCreated, "twin"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate("case code")), "{err:?}");
    assert_eq!(
        store.count_cases(w.org).await.unwrap(),
        1,
        "nothing half-written"
    );
    assert!(
        store
            .case(twin.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .is_none()
    );
}

async fn a_case_keeps_how_she_came_to_it(t: &TestStore) {
    use domain::intake::{Exploitation, Gender, Intake, Place, SpokenLanguage};
    let store = &t.store;
    let w = world(store).await;
    let mut new = new_case(w.org, vec![w.worker], 7);
    new.intake = Intake {
        identified_on: Some(parse_date("2026-08-26").unwrap()),
        place: Place {
            district: "উত্তর ২৪ পরগনা".into(),
            state: "West Bengal".into(),
            country: Some("IN".parse().unwrap()),
        },
        age: None,
        born_on: Some(parse_date("2010-03-01").unwrap()),
        gender: Some(Gender::Feminine),
        languages: vec![SpokenLanguage::Bengali, SpokenLanguage::Hindi],
        citizenship: Some("BD".parse().unwrap()),
        exploitation: vec![Exploitation::SexualExploitation, Exploitation::ForcedLabour],
    };
    let case = store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    assert_eq!(case.intake, new.intake);
    let read = store
        .case(new.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.intake, new.intake, "read back as written");
    let listed = store.find_cases(&CaseFilter::of(w.org, T0)).await.unwrap();
    assert_eq!(listed[0].intake.citizenship, new.intake.citizenship);

    // A case opened without them knows none of them.
    let bare = new_case(w.org, vec![w.worker], 8);
    let case = store
        .create_case(&bare, event(AuditAction::CaseCreated, "bare"))
        .await
        .unwrap();
    assert_eq!(case.intake, Intake::default());
}

async fn only_cases_with_her_consent_to_statistics_are_counted(t: &TestStore) {
    use domain::consent::{Consent, ConsentFields, Purpose};
    let store = &t.store;
    let w = world(store).await;
    let day = 86_400_000;
    let consent = |case_id, purpose, expires_on: Option<&str>| Consent {
        id: uuid::Uuid::now_v7(),
        case_id,
        fields: ConsentFields {
            purpose,
            section: None,
            organisation: None,
            explained_how: "পড়ে শোনানো হয়েছে".into(),
            explained_in: Language::Bn,
            explained_by: "রূপা".into(),
            expires_on: expires_on.map(|d| parse_date(d).unwrap()),
        },
        recorded_by: w.worker,
        recorded_at: T0,
        revoked_at: None,
        revoked_reason: None,
    };
    // (custodian, purpose, expires, revoked): which consent each case has.
    let plans = [
        (w.org, Purpose::Statistics, None, false),
        (w.org, Purpose::Services, None, false),
        (w.org, Purpose::Statistics, None, true),
        (w.org, Purpose::Statistics, Some("2026-11-30"), false),
        (w.other_org, Purpose::Statistics, None, false),
    ];
    let mut ids = Vec::new();
    for (seed, (org, purpose, expires, revoked)) in plans.into_iter().enumerate() {
        let new = new_case(org, vec![], 40 + seed as u8);
        store
            .create_case(&new, event(AuditAction::CaseCreated, "case"))
            .await
            .unwrap();
        let c = consent(new.id, purpose, expires);
        store
            .record_consent(&c, event(AuditAction::ConsentRecorded, "case"))
            .await
            .unwrap();
        if revoked {
            store
                .revoke_consent(
                    c.id,
                    w.worker,
                    Timestamp(T0.millis() + 1000),
                    "মত বদলেছে",
                    event(AuditAction::ConsentRevoked, "case"),
                )
                .await
                .unwrap();
        }
        ids.push(new.id);
    }
    let now = Timestamp(T0.millis() + day);
    let found = |cases: Vec<domain::Case>| cases.iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        found(store.statistical_cases(Some(w.org), now).await.unwrap()),
        vec![ids[0], ids[3]],
        "her organisation's, with an active consent to statistics"
    );
    let network = found(store.statistical_cases(None, now).await.unwrap());
    assert_eq!(network.len(), 3);
    assert!(network.contains(&ids[4]));
    // The day after its last day, the expired one counts no more.
    let later = Timestamp(T0.millis() + 3 * day);
    assert_eq!(
        found(store.statistical_cases(Some(w.org), later).await.unwrap()),
        vec![ids[0]]
    );
}

async fn the_journey_is_recorded_and_a_stale_change_is_refused(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let new = new_case(w.org, vec![w.worker], 2);
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let change = |from, to| StageChange {
        from,
        to,
        reason: "সে নিরাপদে আছে".into(),
        by: Some(w.worker),
        at: T0.plus_seconds(60),
    };
    let moved = store
        .change_stage(
            new.id,
            1,
            &change(Stage::Identified, Stage::InCare),
            event(AuditAction::CaseStageChanged, "case"),
        )
        .await
        .unwrap();
    assert_eq!((moved.stage, moved.version), (Stage::InCare, 2));
    let err = store
        .change_stage(
            new.id,
            1,
            &change(Stage::Identified, Stage::InCare),
            event(AuditAction::CaseStageChanged, "case"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 1,
                current: 2
            }
        ),
        "{err:?}"
    );
    let history = store
        .stage_history(new.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].from, history[0].to),
        (Stage::Identified, Stage::InCare)
    );
    assert_eq!(history[0].reason, "সে নিরাপদে আছে");
    assert_eq!(history[0].by, Some(w.worker));
}

async fn opening_the_identity_is_audited(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let new = new_case(w.org, vec![w.worker], 3);
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let before = store.audit_entries(None, 1000).await.unwrap().len();
    let identity = store
        .open_identity(
            new.id,
            &Sight::own(w.org),
            event(AuditAction::IdentityOpened, "case"),
        )
        .await
        .unwrap();
    assert_eq!(identity.unwrap().name, "রিনা খাতুন");
    let after = store.audit_entries(None, 1000).await.unwrap();
    assert_eq!(after.len(), before + 1);
    assert_eq!(after[0].event.action, AuditAction::IdentityOpened);
    assert!(
        store
            .open_identity(
                CaseId::new(),
                &Sight::own(w.org),
                event(AuditAction::IdentityOpened, "none")
            )
            .await
            .unwrap()
            .is_none()
    );
}

async fn her_words_are_kept_word_for_word_and_corrections_keep_history(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let new = new_case(w.org, vec![w.worker], 4);
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let hope = voice(new.id, w.worker, "আমি আবার স্কুলে যেতে চাই", VoiceKind::Hope);
    let recorded = store
        .record_voice(&hope, event(AuditAction::VoiceRecorded, "v"))
        .await
        .unwrap();
    assert_eq!(recorded.text, "আমি আবার স্কুলে যেতে চাই");
    assert_eq!(recorded.version, 1);
    let mut fields = hope.fields.clone();
    fields.text = "আমি আবার স্কুলে যেতে চাই, সেলাইও শিখতে চাই".into();
    let corrected = store
        .correct_voice(
            hope.id,
            1,
            &fields,
            w.counsellor,
            T0.plus_seconds(5),
            event(AuditAction::VoiceCorrected, "v"),
        )
        .await
        .unwrap();
    assert_eq!(corrected.version, 2);
    let err = store
        .correct_voice(
            hope.id,
            1,
            &fields,
            w.worker,
            T0.plus_seconds(9),
            event(AuditAction::VoiceCorrected, "v"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 1,
                current: 2
            }
        ),
        "{err:?}"
    );
    let shown = store.voice_of(new.id, &Sight::own(w.org)).await.unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].text, fields.text);
    let history = store
        .voice_history(hope.id, &Sight::own(w.org))
        .await
        .unwrap();
    assert_eq!(
        history.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        history[0].text, "আমি আবার স্কুলে যেতে চাই",
        "the first words are kept"
    );
    let fear = voice(new.id, w.worker, "আমার ভয় করে", VoiceKind::Fear);
    let mut later = fear.clone();
    later.recorded_at = T0.plus_seconds(100);
    store
        .record_voice(&later, event(AuditAction::VoiceRecorded, "v"))
        .await
        .unwrap();
    let shown = store.voice_of(new.id, &Sight::own(w.org)).await.unwrap();
    assert_eq!(shown[0].kind, VoiceKind::Fear, "newest entry first");
}

async fn search_finds_inflected_bengali_and_hindi_within_one_organisation(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let school = new_case(w.org, vec![w.worker], 5);
    let mother = new_case(w.org, vec![w.counsellor], 6);
    let hindi = new_case(w.org, vec![w.worker], 7);
    let elsewhere = new_case(w.other_org, vec![], 8);
    for (case, text) in [
        (&school, "আমি আবার স্কুলে যেতে চাই"),
        (&mother, "আমি মায়ের কাছে ফিরতে চাই"),
        (&hindi, "मैं सिलाई सीखना चाहती हूँ"),
        (&elsewhere, "আমি স্কুলে পড়তে চাই"),
    ] {
        store
            .create_case(case, event(AuditAction::CaseCreated, "case"))
            .await
            .unwrap();
        let by = case.assigned.first().copied().unwrap_or(w.worker);
        store
            .record_voice(
                &voice(case.id, by, text, VoiceKind::Hope),
                event(AuditAction::VoiceRecorded, "v"),
            )
            .await
            .unwrap();
    }
    let find = |q: &str, assigned_to: Option<UserId>| {
        let mut filter = CaseFilter::of(w.org, Timestamp(0));
        filter.terms = domain::text::terms(q);
        filter.assigned_to = assigned_to;
        let store = store.clone();
        async move {
            store
                .find_cases(&filter)
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    // "স্কুল" (school) finds "স্কুলে" (to school); the other organisation's case never appears.
    assert_eq!(find("স্কুল", None).await, vec![school.id]);
    // "মা" finds "মায়ের", typed with the decomposed য়.
    assert_eq!(find("মা\u{09AF}\u{09BC}ের", None).await, vec![mother.id]);
    assert_eq!(find("মা", None).await, vec![mother.id]);
    assert_eq!(find("सिलाई", None).await, vec![hindi.id]);
    // Every word must match.
    assert_eq!(find("আমি চাই", None).await.len(), 2);
    assert!(find("আমি সিনেমা", None).await.is_empty());
    assert_eq!(find("চাই", Some(w.counsellor)).await, vec![mother.id]);
    let mut filter = CaseFilter::of(w.org, Timestamp(0));
    filter.stage = Some(Stage::InCare);
    assert!(store.find_cases(&filter).await.unwrap().is_empty());
    filter.stage = Some(Stage::Identified);
    assert_eq!(store.find_cases(&filter).await.unwrap().len(), 3);
}

async fn a_common_word_is_found_by_walking_the_newest_cases(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let mut older = new_case(w.org, vec![w.worker], 9);
    older.opened_at = T0.plus_seconds(-86_400);
    let newer = new_case(w.org, vec![w.worker], 10);
    let other = new_case(w.other_org, vec![], 11);
    for case in [&older, &newer, &other] {
        store
            .create_case(case, event(AuditAction::CaseCreated, "case"))
            .await
            .unwrap();
        let by = case.assigned.first().copied().unwrap_or(w.worker);
        store
            .record_voice(
                &voice(case.id, by, "ভাত খেতে ভালো লাগে", VoiceKind::Preference),
                event(AuditAction::VoiceRecorded, "v"),
            )
            .await
            .unwrap();
    }
    // Make "ভাত" common: thousands of index rows, so the search walks cases instead of
    // starting from the term.
    let rows = t
        .tamper(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) \
             INSERT INTO case_terms (case_id, source_id, term) SELECT '{}', 'bulk-' || i, 'ভাত' FROM n",
            other.id
        ))
        .await
        .unwrap();
    assert_eq!(rows, 2500);
    let mut filter = CaseFilter::of(w.org, Timestamp(0));
    filter.terms = domain::text::terms("ভা");
    let found: Vec<CaseId> = store
        .find_cases(&filter)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(
        found,
        vec![newer.id, older.id],
        "newest first, each once, never another organisation's"
    );
    filter.terms = domain::text::terms("ভাত ভালো");
    assert_eq!(store.find_cases(&filter).await.unwrap().len(), 2);
    filter.terms = domain::text::terms("ভাত মাছ");
    assert!(store.find_cases(&filter).await.unwrap().is_empty());
}

/// A case worker's search walks her assignments newest case first and stops at the page
/// (issue 16): the same cases, in the same order and pages, as the search that starts from a
/// rare term; never a case of hers whose custody moved away, a colleague's case, or another
/// organisation's; a case assigned to her later, or handed over to another organisation, in its
/// place by when it was opened.
async fn her_search_walks_her_cases_newest_first_page_by_page(t: &TestStore) {
    use domain::consent::{Consent, ConsentFields, Purpose, SectionClass};
    use domain::handover::{Handover, HandoverState};
    let store = &t.store;
    let w = world(store).await;
    let salma = NewUser {
        id: UserId::new(),
        org_id: w.other_org,
        username: "salma".parse().unwrap(),
        display_name: None,
        roles: Roles::single(Role::CaseWorker),
        language: Language::Bn,
        password_hash: "$argon2id$not-a-real-hash".into(),
    };
    store
        .create_user(&salma, event(AuditAction::UserCreated, "salma"))
        .await
        .unwrap();
    const SCHOOL: &str = "আমি আবার স্কুলে যেতে চাই";
    const RICE: &str = "ভাত খেতে ভালো লাগে";
    // (case, opened_at, with the word): hers, two at each moment so that the id decides.
    let mut hers: Vec<(CaseId, Timestamp, bool)> = Vec::new();
    let open = |org: OrgId, who: UserId, seed: u8, at: Timestamp, text: &'static str| async move {
        let mut new = new_case(org, vec![who], seed);
        new.code = CaseCode::from_random([seed, seed, 7, 8, 9]);
        new.opened_at = at;
        store
            .create_case(&new, event(AuditAction::CaseCreated, "case"))
            .await
            .unwrap();
        store
            .record_voice(
                &voice(new.id, who, text, VoiceKind::Hope),
                event(AuditAction::VoiceRecorded, "v"),
            )
            .await
            .unwrap();
        new.id
    };
    for i in 0..30u8 {
        let at = T0.plus_seconds(-3_600 * i64::from(i / 2));
        let word = i % 3 != 1;
        let id = open(w.org, w.worker, i, at, if word { SCHOOL } else { RICE }).await;
        hers.push((id, at, word));
    }
    // A colleague's cases with the word: never in her search, until one is assigned to her (a
    // day later; it sits where it was opened, among hers, seven and a half hours back).
    for i in 0..3u8 {
        open(w.org, w.counsellor, 40 + i, T0, SCHOOL).await;
    }
    let joined = open(w.org, w.counsellor, 50, T0.plus_seconds(-27_000), SCHOOL).await;
    store
        .assign(
            joined,
            w.worker,
            T0.plus_seconds(86_400),
            event(AuditAction::CaseViewed, "assigned"),
        )
        .await
        .unwrap();
    hers.push((joined, T0.plus_seconds(-27_000), true));
    // Hers, handed over to the other organisation (accepted; her words consented to it): it
    // leaves her search and enters Salma's, in its place.
    let going_at = T0.plus_seconds(-5_400);
    let going = open(w.org, w.worker, 52, going_at, SCHOOL).await;
    let consent = Consent {
        id: uuid::Uuid::now_v7(),
        case_id: going,
        fields: ConsentFields {
            purpose: Purpose::Sharing,
            section: Some(SectionClass::Voice),
            organisation: Some(w.other_org),
            explained_how: "পড়ে শোনানো হয়েছে".into(),
            explained_in: Language::Bn,
            explained_by: "রূপা".into(),
            expires_on: None,
        },
        recorded_by: w.worker,
        recorded_at: T0,
        revoked_at: None,
        revoked_reason: None,
    };
    store
        .record_consent(&consent, event(AuditAction::ConsentRecorded, "case"))
        .await
        .unwrap();
    let mut h = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: going,
        from_org: w.org,
        to_org: w.other_org,
        state: HandoverState::Acknowledged,
        reason: "she goes home".into(),
        sections: vec![SectionClass::Voice],
        score: Some(80),
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: w.worker,
        created_at: T0,
        sent_at: Some(T0),
        acknowledged_at: Some(T0),
        decided_at: None,
        version: 1,
    };
    store
        .create_handover(&h, event(AuditAction::HandoverSent, "handover"))
        .await
        .unwrap();
    h.state = HandoverState::Accepted;
    h.decided_at = Some(T0.plus_seconds(86_400));
    store
        .update_handover(
            &h,
            1,
            Some((w.other_org, salma.id)),
            event(AuditAction::HandoverAccepted, "h"),
        )
        .await
        .unwrap();
    // Salma's own cases there (another organisation's, with the word: never in Rupa's search),
    // newer and older than the one handed over.
    let salmas_newer = open(w.other_org, salma.id, 53, T0, SCHOOL).await;
    let salmas_older = open(w.other_org, salma.id, 54, T0.plus_seconds(-86_400), RICE).await;
    // Hers, whose custody moved away without a handover record: her assignment stays, the
    // organisation's scope keeps it out.
    let moved = open(w.org, w.worker, 55, T0, SCHOOL).await;
    t.tamper(&format!(
        "UPDATE cases SET custodian_org_id = '{}' WHERE id = '{}'",
        w.other_org, moved
    ))
    .await
    .unwrap();

    hers.sort_by_key(|(id, at, _)| std::cmp::Reverse((at.millis(), id.to_string())));
    let now = T0.plus_seconds(2 * 86_400);
    let ids = |cases: Vec<domain::Case>| cases.into_iter().map(|c| c.id).collect::<Vec<_>>();
    let page = |s: Arc<dyn Store>,
                org: OrgId,
                user: UserId,
                q: &'static str,
                offset: u32,
                limit: u32| async move {
        let mut filter = CaseFilter::of(org, now);
        filter.terms = domain::text::terms(q);
        filter.assigned_to = Some(user);
        filter.limit = limit;
        filter.offset = offset;
        ids(s.find_cases(&filter).await.unwrap())
    };
    let hers = &hers;
    let check = |s: Arc<dyn Store>, common: bool| async move {
        let with_word: Vec<CaseId> = hers.iter().filter(|c| c.2).map(|c| c.0).collect();
        let all: Vec<CaseId> = hers.iter().map(|c| c.0).collect();
        for (q, expected) in [("স্কুল", &with_word), ("", &all)] {
            let mut walked = Vec::new();
            for offset in (0..).step_by(7) {
                let got = page(s.clone(), w.org, w.worker, q, offset, 7).await;
                let end = (offset as usize + 7).min(expected.len());
                let want = expected.get(offset as usize..end).unwrap_or(&[]);
                assert_eq!(got, want, "{q:?} at {offset} (common: {common})");
                if got.is_empty() {
                    break;
                }
                walked.extend(got);
            }
            assert_eq!(&walked, expected, "{q:?}, every page (common: {common})");
        }
        // Every word must match; a range of when they were opened.
        let school_rice = page(s.clone(), w.org, w.worker, "স্কুল ভাত", 0, 50).await;
        assert!(school_rice.is_empty(), "(common: {common})");
        let mut filter = CaseFilter::of(w.org, now);
        filter.terms = domain::text::terms("স্কুল");
        filter.assigned_to = Some(w.worker);
        filter.opened_from = Some(T0.plus_seconds(-5 * 3_600));
        filter.opened_before = Some(T0.plus_seconds(-3_600));
        let range: Vec<CaseId> = hers
            .iter()
            .filter(|c| c.2 && c.1 >= T0.plus_seconds(-5 * 3_600) && c.1 < T0.plus_seconds(-3_600))
            .map(|c| c.0)
            .collect();
        assert_eq!(range.len(), 5, "(common: {common})");
        assert_eq!(ids(s.find_cases(&filter).await.unwrap()), range);
        // Salma: the case handed over, between her own newer and older cases; her words
        // (written in Kolkata) found there while her consent holds.
        assert_eq!(
            page(s.clone(), w.other_org, salma.id, "স্কুল", 0, 50).await,
            vec![salmas_newer, going],
            "(common: {common})"
        );
        assert_eq!(
            page(s.clone(), w.other_org, salma.id, "", 0, 50).await,
            vec![salmas_newer, going, salmas_older],
            "(common: {common})"
        );
        assert!(!hers.iter().any(|c| c.0 == going || c.0 == moved));
    };
    // "স্কুল" rare (it leads the query), then common: thousands of index rows on a case of no
    // one's, so that her search walks her assignments.
    check(store.clone(), false).await;
    let spare = new_case(w.org, vec![], 60);
    store
        .create_case(&spare, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let rows = t
        .tamper(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) \
             INSERT INTO case_terms (case_id, source_id, term) SELECT '{}', 'bulk-' || i, 'স্কুল' FROM n",
            spare.id
        ))
        .await
        .unwrap();
    assert_eq!(rows, 2500);
    // The store remembers for a minute that the word was rare (`term_counts.rs`), so it still
    // leads there: the answers must not change. A store opened afresh counts it again and walks
    // her assignments.
    check(store.clone(), false).await;
    let afresh = saathi_store::open(t.url()).await.unwrap();
    check(afresh, true).await;
}

/// Opens a case of `org` and moves it straight to `stages` in turn (the store keeps the journey's
/// record; its rules are the domain's), from `T0`.
async fn case_at(store: &Arc<dyn Store>, org: OrgId, seed: u8, stages: &[Stage]) -> NewCase {
    let new = new_case(org, Vec::new(), seed);
    let mut case = store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    for to in stages {
        let change = StageChange {
            from: case.stage,
            to: *to,
            reason: "পরিকল্পনা মতো".into(),
            by: None,
            at: T0,
        };
        case = store
            .change_stage(
                new.id,
                case.version,
                &change,
                event(AuditAction::CaseStageChanged, "case"),
            )
            .await
            .unwrap();
    }
    new
}

async fn missed_follow_ups_are_listed_for_the_custodian_alone(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    // Returned on 2026-11-29: follow-ups due 2026-12-29, 2027-02-28, 2027-05-29, 2027-11-29.
    let ours = case_at(store, w.org, 10, &[Stage::Returned]).await;
    let closed = case_at(store, w.org, 11, &[Stage::Returned, Stage::Closed]).await;
    let theirs = case_at(store, w.other_org, 12, &[Stage::Returned]).await;
    let first = store
        .followups_of(ours.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()[0]
        .id;
    let result = domain::followup::FollowUpResult {
        outcome: domain::followup::Outcome::FirstContact,
        her_words: "মায়ের কাছে ভালো আছি".into(),
        by: w.worker,
        at: T0.plus_seconds(30 * 86_400),
    };
    store
        .record_followup(
            first,
            &result,
            None,
            event(AuditAction::FollowUpRecorded, "case"),
        )
        .await
        .unwrap();

    let day = |d: &str| parse_date(d).unwrap();
    let listed = |org, today| async move {
        store
            .overdue_followups(org, today)
            .await
            .unwrap()
            .into_iter()
            .map(|(code, f)| (code, f.case_id, domain::voice::format_date_iso(f.due_on)))
            .collect::<Vec<_>>()
    };
    assert!(
        listed(w.org, day("2027-02-28")).await.is_empty(),
        "the recorded one is not missed, and the next is due today, not late"
    );
    assert_eq!(
        listed(w.org, day("2027-03-01")).await,
        [(ours.code.clone(), ours.id, "2027-02-28".to_string())],
        "missed: due yesterday, not recorded; a closed case's and another organisation's are not listed"
    );
    assert_eq!(
        listed(w.other_org, day("2027-03-01")).await,
        [
            (theirs.code.clone(), theirs.id, "2026-12-29".to_string()),
            (theirs.code.clone(), theirs.id, "2027-02-28".to_string()),
        ],
        "oldest first"
    );
    assert_eq!(
        store
            .followups_of(closed.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .iter()
            .filter(|f| f.is_missed(day("2027-03-01")))
            .count(),
        2,
        "the closed case has missed follow-ups too, and they are not listed"
    );
}

/// A page of cases at a glance, in one query: the next follow-up and how many were missed,
/// the next repatriation step and how many are late, the plan's state; the custodian's cases
/// alone.
async fn cases_are_seen_at_a_glance_by_their_custodian_alone(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    // Returned on 2026-11-29: follow-ups due 2026-12-29, 2027-02-28, 2027-05-29, 2027-11-29.
    let returned = case_at(store, w.org, 30, &[Stage::Returned]).await;
    let going = case_at(store, w.org, 31, &[Stage::InCare]).await;
    let theirs = case_at(store, w.other_org, 32, &[Stage::Returned]).await;
    store
        .start_repatriation(
            going.id,
            "IN-BD",
            parse_date("2026-11-29").unwrap(),
            event(AuditAction::RepatriationStarted, "case"),
        )
        .await
        .unwrap();
    let today = parse_date("2027-03-01").unwrap();
    let ids = [returned.id, going.id, theirs.id];
    let glances = store.glances(w.org, &ids, today).await.unwrap();
    assert_eq!(glances.len(), 2, "another organisation's case is left out");
    let of = |id| glances.iter().find(|g| g.case == id).unwrap().clone();
    let r = of(returned.id);
    assert_eq!(r.next_followup, Some(parse_date("2026-12-29").unwrap()));
    assert_eq!(r.missed_followups, 2);
    assert_eq!((r.next_step.clone(), r.overdue_steps), (None, 0));
    assert_eq!(r.plan, None);
    let g = of(going.id);
    assert_eq!((g.next_followup, g.missed_followups), (None, 0));
    // Step 1 expected 7 days after the start, step 2 sixty after that: both late by March.
    assert_eq!(
        g.next_step,
        Some((
            "hir-requested".to_string(),
            parse_date("2026-12-06").unwrap()
        ))
    );
    assert_eq!(g.overdue_steps, 2);

    // One follow-up recorded: the next is the one after, one missed.
    let first = store
        .followups_of(returned.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()[0]
        .id;
    let result = domain::followup::FollowUpResult {
        outcome: domain::followup::Outcome::FirstContact,
        her_words: "মায়ের কাছে ভালো আছি".into(),
        by: w.worker,
        at: T0.plus_seconds(30 * 86_400),
    };
    store
        .record_followup(
            first,
            &result,
            None,
            event(AuditAction::FollowUpRecorded, "case"),
        )
        .await
        .unwrap();
    let glances = store.glances(w.org, &[returned.id], today).await.unwrap();
    assert_eq!(
        glances[0].next_followup,
        Some(parse_date("2027-02-28").unwrap())
    );
    assert_eq!(glances[0].missed_followups, 1);
    assert!(store.glances(w.org, &[], today).await.unwrap().is_empty());
}

async fn overdue_repatriation_steps_are_listed_for_the_custodian_alone(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let ours = case_at(store, w.org, 20, &[Stage::InCare]).await;
    let closed = case_at(store, w.org, 21, &[Stage::Closed]).await;
    let theirs = case_at(store, w.other_org, 22, &[Stage::InCare]).await;
    let started = parse_date("2026-11-29").unwrap();
    for case in [&ours, &closed, &theirs] {
        store
            .start_repatriation(
                case.id,
                "IN-BD",
                started,
                event(AuditAction::RepatriationStarted, "case"),
            )
            .await
            .unwrap();
    }
    let day = |d: &str| parse_date(d).unwrap();
    let listed = |org, today| async move {
        store
            .overdue_steps(org, today)
            .await
            .unwrap()
            .into_iter()
            .map(|s| {
                (
                    s.code,
                    s.step.case_id,
                    s.step.key,
                    domain::voice::format_date_iso(s.due_on),
                )
            })
            .collect::<Vec<_>>()
    };
    // The home investigation report is requested within 7 days: due 2026-12-06.
    assert!(listed(w.org, day("2026-12-06")).await.is_empty());
    assert_eq!(
        listed(w.org, day("2026-12-07")).await,
        [(
            ours.code.clone(),
            ours.id,
            "hir-requested".to_string(),
            "2026-12-06".to_string()
        )]
    );

    let (_, _, steps) = store
        .repatriation(ours.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let mut done = steps[0].clone();
    done.done_on = Some(day("2026-12-05"));
    done.her_preference = "সে মায়ের কাছে ফিরতে চায়".into();
    done.updated_by = Some(w.worker);
    done.updated_at = Some(T0);
    store
        .update_step(&done, event(AuditAction::RepatriationStepUpdated, "case"))
        .await
        .unwrap();
    assert!(
        listed(w.org, day("2026-12-07")).await.is_empty(),
        "a step done is not late"
    );
    // The report is then due 60 days after the request was made: 2027-02-03.
    assert_eq!(
        listed(w.org, day("2027-02-10")).await,
        [(
            ours.code.clone(),
            ours.id,
            "hir-received".to_string(),
            "2027-02-03".to_string()
        )],
        "only the step now late; a closed case's and another organisation's are not listed"
    );
    assert_eq!(
        listed(w.other_org, day("2027-02-10")).await,
        [
            (
                theirs.code.clone(),
                theirs.id,
                "hir-requested".to_string(),
                "2026-12-06".to_string()
            ),
            (
                theirs.code.clone(),
                theirs.id,
                "hir-received".to_string(),
                "2027-02-04".to_string()
            ),
        ],
        "a step not done is late, and so is the next when its time has passed too"
    );
}

/// Her consent governs sight on one server: another organisation reads a section only while a
/// handover to it carried that section and her consent to share it with it holds; custody does
/// not widen that, and the sender keeps reading its own records (issue 11).
async fn a_section_is_read_elsewhere_only_while_her_consent_lets_it_travel(t: &TestStore) {
    use domain::consent::{Consent, ConsentFields, Purpose, SectionClass};
    use domain::handover::{Handover, HandoverState};
    let store = &t.store;
    let w = world(store).await;
    let theirs = NewUser {
        id: UserId::new(),
        org_id: w.other_org,
        username: "salma".parse().unwrap(),
        display_name: None,
        roles: Roles::single(Role::CaseWorker),
        language: Language::Bn,
        password_hash: "$argon2id$not-a-real-hash".into(),
    };
    store
        .create_user(&theirs, event(AuditAction::UserCreated, "salma"))
        .await
        .unwrap();
    let new = new_case(w.org, vec![w.worker], 9);
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let hope = voice(new.id, w.worker, "আমি আবার স্কুলে যেতে চাই", VoiceKind::Hope);
    store
        .record_voice(&hope, event(AuditAction::VoiceRecorded, "case"))
        .await
        .unwrap();
    let doc = domain::document::DocumentInfo {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        class: SectionClass::Legal,
        name: "cwc-order.pdf".into(),
        media_type: "application/pdf".into(),
        size: 9,
        uploaded_by: w.worker,
        uploaded_at: T0,
    };
    store
        .add_document(
            &doc,
            b"%PDF-1.7\n",
            event(AuditAction::DocumentAdded, "case"),
        )
        .await
        .unwrap();
    let consent = Consent {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        fields: ConsentFields {
            purpose: Purpose::Sharing,
            section: Some(SectionClass::Voice),
            organisation: Some(w.other_org),
            explained_how: "পড়ে শোনানো হয়েছে".into(),
            explained_in: Language::Bn,
            explained_by: "রূপা".into(),
            expires_on: None,
        },
        recorded_by: w.worker,
        recorded_at: T0,
        revoked_at: None,
        revoked_reason: None,
    };
    store
        .record_consent(&consent, event(AuditAction::ConsentRecorded, "case"))
        .await
        .unwrap();
    let mut h = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        from_org: w.org,
        to_org: w.other_org,
        state: HandoverState::Sent,
        reason: "she goes home".into(),
        sections: vec![SectionClass::Voice, SectionClass::Legal],
        score: Some(80),
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: w.worker,
        created_at: T0,
        sent_at: Some(T0),
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    store
        .create_handover(&h, event(AuditAction::HandoverSent, "handover"))
        .await
        .unwrap();
    let sight = |org: OrgId, at: Timestamp| async move {
        let case = store
            .case(new.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .unwrap();
        let consents = store
            .consents_of(new.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap();
        Sight::of(org, &case.passages, &consents, at)
    };
    let read = |e: &str| event(AuditAction::IdentityOpened, e);

    // Sent: the receiver reads her words (consented), not the legal paper (carried, but no
    // consent) and not her name (neither carried nor consented).
    let there = sight(w.other_org, T0).await;
    assert_eq!(store.voice_of(new.id, &there).await.unwrap().len(), 1);
    assert!(store.documents_of(new.id, &there).await.unwrap().is_empty());
    assert_eq!(
        store
            .open_identity(new.id, &there, read("x"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .open_document(new.id, doc.id, &there, read("x"))
            .await
            .unwrap(),
        None
    );

    // Accepted: custody moves, sight does not widen. Her words are found by the receiver's
    // search; what the receiver writes is its own, and the sender does not read it.
    h.state = HandoverState::Acknowledged;
    let h = store
        .update_handover(&h, 1, None, event(AuditAction::HandoverAcknowledged, "h"))
        .await
        .unwrap();
    let mut accepted = h.clone();
    accepted.state = HandoverState::Accepted;
    accepted.decided_at = Some(T0);
    store
        .update_handover(
            &accepted,
            h.version,
            Some((w.other_org, theirs.id)),
            event(AuditAction::HandoverAccepted, "h"),
        )
        .await
        .unwrap();
    let fear = voice(new.id, theirs.id, "বাড়িতে ফিরতে ভয় করে", VoiceKind::Fear);
    store
        .record_voice(&fear, event(AuditAction::VoiceRecorded, "case"))
        .await
        .unwrap();
    let there = sight(w.other_org, T0).await;
    assert_eq!(store.voice_of(new.id, &there).await.unwrap().len(), 2);
    assert!(store.documents_of(new.id, &there).await.unwrap().is_empty());
    let here = sight(w.org, T0).await;
    let ours = store.voice_of(new.id, &here).await.unwrap();
    assert_eq!(ours.len(), 1, "the sender reads its own record only");
    assert_eq!(ours[0].text, "আমি আবার স্কুলে যেতে চাই");
    assert_eq!(store.documents_of(new.id, &here).await.unwrap().len(), 1);
    assert!(
        store
            .open_identity(new.id, &here, read("x"))
            .await
            .unwrap()
            .is_some()
    );
    let search = |org: OrgId, q: &str, at: Timestamp| {
        let mut filter = CaseFilter::of(org, at);
        filter.terms = domain::text::terms(q);
        async move {
            store
                .find_cases(&filter)
                .await
                .unwrap()
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(search(w.other_org, "স্কুল", T0).await, vec![new.id]);
    assert_eq!(search(w.other_org, "ভয়", T0).await, vec![new.id]);

    // Revoked: her words from Kolkata are hidden from Jessore again, in reading and in search;
    // what Jessore wrote stays Jessore's.
    let later = Timestamp(T0.millis() + 60_000);
    store
        .revoke_consent(
            consent.id,
            w.worker,
            later,
            "সে মত বদলেছে",
            event(AuditAction::ConsentRevoked, "case"),
        )
        .await
        .unwrap();
    let after = Timestamp(later.millis() + 1);
    let there = sight(w.other_org, after).await;
    let left = store.voice_of(new.id, &there).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].text, "বাড়িতে ফিরতে ভয় করে");
    assert!(search(w.other_org, "স্কুল", after).await.is_empty());
    assert_eq!(search(w.other_org, "ভয়", after).await, vec![new.id]);
}

/// A value edited outside Saathi is named, column and value, and never read as something else.
async fn a_stored_value_that_does_not_parse_is_corrupt_and_names_its_column(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let new = new_case(w.org, vec![w.worker], 11);
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let corrupt = |err: StoreError| match err {
        StoreError::Corrupt(what) => what,
        other => panic!("expected Corrupt, got {other:?}"),
    };

    t.tamper("UPDATE cases SET stage = 'elsewhere'")
        .await
        .unwrap();
    let what = corrupt(
        store
            .case(new.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap_err(),
    );
    assert!(
        what.contains("stage") && what.contains("elsewhere"),
        "{what}"
    );

    t.tamper("UPDATE audit_log SET action = 'case-forgotten'")
        .await
        .unwrap();
    let what = corrupt(store.audit_entries(None, 10).await.unwrap_err());
    assert!(
        what.contains("action") && what.contains("case-forgotten"),
        "{what}"
    );
}

/// CONVENTIONS: every read of case data takes the reader's scope. A case is returned to the
/// organisation that holds it, to one named on any of its handovers (a draft included), to her
/// own account, and to the whole network; to anyone else it does not exist.
async fn a_case_is_read_only_within_its_scope(t: &TestStore) {
    use domain::handover::{Handover, HandoverState};
    use domain::scope::CaseScope;
    let store = &t.store;
    let w = world(store).await;
    let mut users = Vec::new();
    for (name, role) in [("salma", Role::CaseWorker), ("mitu", Role::Survivor)] {
        let user = NewUser {
            id: UserId::new(),
            org_id: w.other_org,
            username: name.parse().unwrap(),
            display_name: None,
            roles: Roles::single(role),
            language: Language::Bn,
            password_hash: "$argon2id$not-a-real-hash".into(),
        };
        store
            .create_user(&user, event(AuditAction::UserCreated, name))
            .await
            .unwrap();
        users.push(user.id);
    }
    let (colleague, her) = (users[0], users[1]);
    let new = new_case(w.org, vec![w.worker], 11);
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let reaches =
        |scope: CaseScope| async move { store.case(new.id, &scope).await.unwrap().map(|c| c.id) };
    let holder = CaseScope::Organisation {
        org: w.org,
        user: w.worker,
    };
    let elsewhere = CaseScope::Organisation {
        org: w.other_org,
        user: colleague,
    };
    let herself = CaseScope::Organisation {
        org: w.other_org,
        user: her,
    };
    assert_eq!(reaches(holder).await, Some(new.id));
    assert_eq!(reaches(CaseScope::Network).await, Some(new.id));
    assert_eq!(reaches(elsewhere).await, None, "another organisation");
    assert_eq!(reaches(herself).await, None, "not yet linked to her");

    store
        .link_survivor(new.id, her, event(AuditAction::SurvivorLinked, "case"))
        .await
        .unwrap();
    assert_eq!(reaches(herself).await, Some(new.id), "her own case");
    assert_eq!(
        reaches(elsewhere).await,
        None,
        "her link opens nothing to others"
    );

    let draft = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        from_org: w.org,
        to_org: w.other_org,
        state: HandoverState::Draft,
        reason: "she goes home".into(),
        sections: Vec::new(),
        score: None,
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: w.worker,
        created_at: T0,
        sent_at: None,
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    store
        .create_handover(&draft, event(AuditAction::HandoverStarted, "handover"))
        .await
        .unwrap();
    assert_eq!(
        reaches(elsewhere).await,
        Some(new.id),
        "named on a handover"
    );
}

/// Every read of one of her records takes the reader's scope, as the case itself does: another
/// organisation gets nothing of a case it never had to do with, until a handover names it.
async fn her_records_are_read_only_within_the_case_scope(t: &TestStore) {
    use domain::consent::{Consent, ConsentFields, Purpose, SectionClass};
    use domain::handover::{Handover, HandoverState};
    use domain::note::{Note, NoteKind, NoteTranslation};
    use domain::scope::CaseScope;
    let store = &t.store;
    let w = world(store).await;
    let new = case_at(
        store,
        w.org,
        31,
        &[Stage::InCare, Stage::PreparingReturn, Stage::Returned],
    )
    .await;
    let consent = Consent {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        fields: ConsentFields {
            purpose: Purpose::Sharing,
            section: Some(SectionClass::Voice),
            organisation: Some(w.other_org),
            explained_how: "পড়ে শোনানো হয়েছে".into(),
            explained_in: Language::Bn,
            explained_by: "রূপা".into(),
            expires_on: None,
        },
        recorded_by: w.worker,
        recorded_at: T0,
        revoked_at: None,
        revoked_reason: None,
    };
    store
        .record_consent(&consent, event(AuditAction::ConsentRecorded, "case"))
        .await
        .unwrap();
    let note = Note {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        kind: NoteKind::Daily,
        text: "আজ সে বাগানে কাজ করেছে".into(),
        language: Language::Bn,
        response: None,
        written_by: w.worker,
        written_at: T0,
    };
    store
        .add_note(&note, event(AuditAction::NoteWritten, "case"))
        .await
        .unwrap();
    store
        .add_translation(
            &NoteTranslation {
                id: uuid::Uuid::now_v7(),
                note_id: note.id,
                case_id: new.id,
                language: Language::En,
                text: "Today she worked in the garden".into(),
                translator: "Rupa".into(),
                added_by: w.worker,
                added_at: T0,
            },
            event(AuditAction::NoteTranslated, "case"),
        )
        .await
        .unwrap();
    store
        .start_repatriation(
            new.id,
            "IN-BD",
            parse_date("2026-11-29").unwrap(),
            event(AuditAction::RepatriationStarted, "case"),
        )
        .await
        .unwrap();
    store
        .append_audit(event(AuditAction::CaseViewed, &format!("case:{}", new.id)))
        .await
        .unwrap();
    let draft = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: new.id,
        from_org: w.org,
        to_org: w.org,
        state: HandoverState::Draft,
        reason: "she goes home".into(),
        sections: Vec::new(),
        score: None,
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: w.worker,
        created_at: T0,
        sent_at: None,
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    store
        .create_handover(&draft, event(AuditAction::HandoverStarted, "handover"))
        .await
        .unwrap();

    // How many of each record the scope reaches: stage changes, consents, translations,
    // follow-ups, repatriation steps, readings, and the handover.
    let counts = |scope: CaseScope| async move {
        [
            store.stage_history(new.id, &scope).await.unwrap().len(),
            store.consents_of(new.id, &scope).await.unwrap().len(),
            store.translations_of(new.id, &scope).await.unwrap().len(),
            store.followups_of(new.id, &scope).await.unwrap().len(),
            store
                .repatriation(new.id, &scope)
                .await
                .unwrap()
                .map_or(0, |(_, _, steps)| steps.len()),
            store.readings_of(new.id, &scope, 10).await.unwrap().len(),
            usize::from(store.handover(draft.id, &scope).await.unwrap().is_some()),
        ]
    };
    let holder = counts(CaseScope::Organisation {
        org: w.org,
        user: w.worker,
    })
    .await;
    assert!(
        holder.iter().all(|n| *n > 0),
        "the holder reads them all: {holder:?}"
    );
    assert_eq!(holder[0], 3, "three stage changes");
    assert_eq!(counts(CaseScope::Network).await, holder);
    let elsewhere = CaseScope::Organisation {
        org: w.other_org,
        user: UserId::new(),
    };
    assert_eq!(
        counts(elsewhere).await,
        [0; 7],
        "another organisation reads none"
    );

    let offered = Handover {
        id: uuid::Uuid::now_v7(),
        to_org: w.other_org,
        ..draft
    };
    store
        .create_handover(&offered, event(AuditAction::HandoverStarted, "handover"))
        .await
        .unwrap();
    assert_eq!(
        counts(elsewhere).await,
        holder,
        "named on a handover, it reaches the case as the scope says"
    );
}

/// The export's filters: a code's beginning and the days it was opened, within one
/// organisation, newest first.
async fn cases_are_found_by_code_and_by_when_they_were_opened(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let mut older = new_case(w.org, vec![w.worker], 21);
    older.opened_at = T0.plus_seconds(-10 * 86_400);
    let newer = new_case(w.org, vec![w.counsellor], 22);
    let mut elsewhere = new_case(w.other_org, vec![], 21);
    elsewhere.code = CaseCode::from_random([21, 1, 2, 3, 5]);
    for case in [&older, &newer, &elsewhere] {
        store
            .create_case(case, event(AuditAction::CaseCreated, "case"))
            .await
            .unwrap();
    }
    let ids = |filter: CaseFilter| {
        let store = store.clone();
        async move {
            store
                .find_cases(&filter)
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    let all = CaseFilter::of(w.org, T0);
    assert_eq!(ids(all.clone()).await, vec![newer.id, older.id]);
    let mut by_code = all.clone();
    by_code.code_prefix = Some(older.code.as_str()[..4].to_string());
    assert_eq!(
        ids(by_code.clone()).await,
        vec![older.id],
        "another organisation's case with the same beginning is never found"
    );
    by_code.code_prefix = Some(older.code.to_string());
    assert_eq!(ids(by_code).await, vec![older.id]);
    let mut recent = all.clone();
    recent.opened_from = Some(T0.plus_seconds(-86_400));
    assert_eq!(ids(recent).await, vec![newer.id]);
    let mut earlier = all.clone();
    earlier.opened_before = Some(T0);
    assert_eq!(ids(earlier.clone()).await, vec![older.id]);
    earlier.opened_from = Some(T0.plus_seconds(-5 * 86_400));
    assert!(ids(earlier).await.is_empty());
    let mut carried = all;
    carried.assigned_to = Some(w.counsellor);
    assert_eq!(ids(carried).await, vec![newer.id]);
}

on_both_engines!(
    a_case_keeps_how_she_came_to_it,
    only_cases_with_her_consent_to_statistics_are_counted,
    cases_are_found_by_code_and_by_when_they_were_opened,
    cases_open_with_their_staff_and_codes_are_unique,
    the_journey_is_recorded_and_a_stale_change_is_refused,
    opening_the_identity_is_audited,
    her_words_are_kept_word_for_word_and_corrections_keep_history,
    search_finds_inflected_bengali_and_hindi_within_one_organisation,
    a_common_word_is_found_by_walking_the_newest_cases,
    her_search_walks_her_cases_newest_first_page_by_page,
    missed_follow_ups_are_listed_for_the_custodian_alone,
    overdue_repatriation_steps_are_listed_for_the_custodian_alone,
    cases_are_seen_at_a_glance_by_their_custodian_alone,
    a_section_is_read_elsewhere_only_while_her_consent_lets_it_travel,
    a_stored_value_that_does_not_parse_is_corrupt_and_names_its_column,
    a_case_is_read_only_within_its_scope,
    her_records_are_read_only_within_the_case_scope,
);
