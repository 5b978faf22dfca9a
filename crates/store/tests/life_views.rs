#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Her own view of her life on both engines: written with its audit entry, read back through
//! the sight of her plan's section, and the rows R8 reads per organisation and period.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::Identity;
use domain::indicators::Bounds;
use domain::indicators::her_view::her_view;
use domain::life_view::HerRating::{NotSaid, Said};
use domain::life_view::Rating::{Good, Hard, VeryGood, VeryHard};
use domain::life_view::{AreaRating, HerRating, LifeView, LifeViewFields, Occasion, Rating};
use domain::organisation::OrganisationFields;
use domain::plan::GoalDomain;
use domain::sight::Sight;
use domain::{CaseCode, CaseId, Language, OrgId, OrgKind, Role, Roles, Timestamp, UserId};
use saathi_store::{NewCase, NewUser, Store};
use testkit::{TestStore, on_both_engines};
use time::macros::date;

/// 1 July 2026 00:00 UTC.
const T0: Timestamp = Timestamp(1_782_864_000_000);
const DAY_MS: i64 = 86_400_000;

fn day(n: i64) -> Timestamp {
    Timestamp(T0.millis() + n * DAY_MS)
}

fn event(action: AuditAction, subject: &str) -> AuditEvent {
    AuditEvent::new(T0, action, subject).from_source("test")
}

/// An organisation with one case worker.
async fn organisation(store: &Arc<dyn Store>, name: &str, worker: &str) -> (OrgId, UserId) {
    let org = OrgId::new();
    let fields = OrganisationFields {
        name: name.parse().unwrap(),
        kind: OrgKind::Destination,
        country: "IN".parse().unwrap(),
        district: None,
        languages: vec![Language::Bn],
        time_zone: domain::zone::TimeZone::for_country(&"IN".parse().unwrap()),
    };
    store
        .create_organisation(org, &fields, event(AuditAction::OrganisationCreated, name))
        .await
        .unwrap();
    let user = NewUser {
        id: UserId::new(),
        org_id: org,
        username: worker.parse().unwrap(),
        display_name: None,
        roles: Roles::single(Role::CaseWorker),
        language: Language::Bn,
        password_hash: "$argon2id$not-a-real-hash".into(),
    };
    store
        .create_user(&user, event(AuditAction::UserCreated, worker))
        .await
        .unwrap();
    (org, user.id)
}

async fn open_case(store: &Arc<dyn Store>, org: OrgId, by: UserId, seed: u8) -> CaseId {
    let new = NewCase {
        intake: Default::default(),
        id: CaseId::new(),
        code: CaseCode::from_random([seed, 3, 1, 4, seed]),
        custodian: org,
        opened_at: T0,
        assigned: vec![by],
        identity: Identity::default(),
    };
    store
        .create_case(&new, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    new.id
}

fn view(
    case: CaseId,
    org: OrgId,
    by: UserId,
    at: Timestamp,
    ratings: [(HerRating, Rating); 6],
) -> LifeView {
    LifeView {
        id: uuid::Uuid::now_v7(),
        case_id: case,
        fields: LifeViewFields {
            occasion: Occasion::PlanReview,
            reference: Some(uuid::Uuid::now_v7()),
            recorded_on: date!(2026 - 07 - 01),
            areas: GoalDomain::ALL
                .iter()
                .zip(ratings)
                .map(|(&area, (her, worker))| AreaRating { area, her, worker })
                .collect(),
        },
        org_id: org,
        recorded_by: by,
        recorded_at: at,
    }
}

async fn record(store: &Arc<dyn Store>, v: &LifeView) {
    store
        .record_life_view(
            v,
            event(
                AuditAction::LifeViewRecorded,
                &format!("case:{}", v.case_id),
            ),
        )
        .await
        .unwrap();
}

async fn a_view_is_kept_with_its_audit_entry_and_read_within_sight(t: &TestStore) {
    let store = &t.store;
    let (kolkata, rupa) = organisation(store, "Nirapad Shelter, Kolkata", "rupa").await;
    let (mumbai, asha) = organisation(store, "Asha Ghar, Mumbai", "asha").await;
    let case = open_case(store, kolkata, rupa, 1).await;
    let before = store.audit_entries(None, 1000).await.unwrap().len();
    let mut first = view(case, kolkata, rupa, day(1), [(Said(VeryHard), Hard); 6]);
    first.fields.occasion = Occasion::EnteringCare;
    first.fields.reference = None;
    first.fields.areas[5].her = NotSaid;
    let second = view(case, kolkata, rupa, day(40), [(Said(Good), VeryGood); 6]);
    // Written out of order: read back oldest first.
    record(store, &second).await;
    record(store, &first).await;
    let after = store.audit_entries(None, 1000).await.unwrap();
    assert_eq!(after.len(), before + 2);
    assert_eq!(
        after
            .iter()
            .filter(|r| r.event.action == AuditAction::LifeViewRecorded)
            .count(),
        2
    );

    let read = store
        .life_views_of(case, &Sight::own(kolkata))
        .await
        .unwrap();
    assert_eq!(read, vec![first.clone(), second.clone()]);
    assert_eq!(read[0].fields.areas[5].her, NotSaid);
    assert_eq!(
        read[0]
            .fields
            .areas
            .iter()
            .map(|a| a.area)
            .collect::<Vec<_>>(),
        GoalDomain::ALL
    );
    // Another organisation, with no handover and no consent, reads none of it.
    assert!(
        store
            .life_views_of(case, &Sight::own(mumbai))
            .await
            .unwrap()
            .is_empty()
    );
    let _ = asha;
}

async fn r8_reads_the_organisations_views_of_cases_asked_in_the_period(t: &TestStore) {
    let store = &t.store;
    let (kolkata, rupa) = organisation(store, "Nirapad Shelter, Kolkata", "rupa").await;
    let (mumbai, asha) = organisation(store, "Asha Ghar, Mumbai", "asha").await;
    let span = Bounds {
        start: day(30),
        end: day(60),
    };
    let a = open_case(store, kolkata, rupa, 1).await;
    let b = open_case(store, kolkata, rupa, 2).await;
    let c = open_case(store, mumbai, asha, 3).await;
    // a: asked before and in the period: counted, with its earlier view.
    record(
        store,
        &view(a, kolkata, rupa, day(1), [(Said(VeryHard), Hard); 6]),
    )
    .await;
    record(
        store,
        &view(a, kolkata, rupa, day(45), [(Said(Good), Good); 6]),
    )
    .await;
    // b: asked only before the period: not read.
    record(
        store,
        &view(b, kolkata, rupa, day(2), [(Said(Hard), Hard); 6]),
    )
    .await;
    record(
        store,
        &view(b, kolkata, rupa, day(3), [(Said(Hard), Hard); 6]),
    )
    .await;
    // a again after the period: not read.
    record(
        store,
        &view(a, kolkata, rupa, day(70), [(Said(VeryGood), VeryGood); 6]),
    )
    .await;
    // c: another organisation's.
    record(
        store,
        &view(c, mumbai, asha, day(1), [(Said(Hard), Hard); 6]),
    )
    .await;
    record(
        store,
        &view(c, mumbai, asha, day(50), [(Said(Hard), Hard); 6]),
    )
    .await;

    let rows = store.life_views_for_indicator(kolkata, span).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.case == a));
    assert_eq!(rows[0].recorded_at, day(1));
    assert_eq!(rows[1].areas[0].her, Said(Good));
    let figures = her_view(&rows, span);
    assert_eq!(figures.cases, 1);
    assert_eq!(figures.areas[0].her.change_tenths(), Some(20)); // very hard → good
    assert_eq!(figures.areas[0].worker.change_tenths(), Some(10)); // hard → good

    let theirs = store.life_views_for_indicator(mumbai, span).await.unwrap();
    assert_eq!(theirs.len(), 2);
    assert!(theirs.iter().all(|r| r.case == c));
}

/// R8's list behind the gaps (her director's, `docs/indicators.md` "Who sees what"): read from
/// the same rows as the figure, her organisation's alone. A case whose latest ratings are two
/// points apart is listed; one whose are close is not; another organisation's never is.
async fn r8_lists_her_organisations_cases_whose_ratings_are_apart(t: &TestStore) {
    let store = &t.store;
    let (kolkata, rupa) = organisation(store, "Nirapad Shelter, Kolkata", "rupa").await;
    let (mumbai, asha) = organisation(store, "Asha Ghar, Mumbai", "asha").await;
    let span = Bounds {
        start: day(30),
        end: day(60),
    };
    let apart = open_case(store, kolkata, rupa, 1).await;
    let close = open_case(store, kolkata, rupa, 2).await;
    let theirs = open_case(store, mumbai, asha, 3).await;
    // apart: close at first, then in health she says very hard and the worker good.
    record(
        store,
        &view(apart, kolkata, rupa, day(1), [(Said(Hard), Hard); 6]),
    )
    .await;
    let mut latest = [(Said(Good), Good); 6];
    latest[1] = (Said(VeryHard), Good);
    record(store, &view(apart, kolkata, rupa, day(40), latest)).await;
    // close: one point apart at most.
    record(
        store,
        &view(
            close,
            kolkata,
            rupa,
            day(2),
            [(Said(VeryHard), VeryGood); 6],
        ),
    )
    .await;
    record(
        store,
        &view(close, kolkata, rupa, day(41), [(Said(Hard), Good); 6]),
    )
    .await;
    // theirs: three points apart, but Mumbai's.
    for d in [3, 42] {
        record(
            store,
            &view(
                theirs,
                mumbai,
                asha,
                day(d),
                [(Said(VeryHard), VeryGood); 6],
            ),
        )
        .await;
    }

    let rows = store.life_views_for_indicator(kolkata, span).await.unwrap();
    let listed = domain::indicators::her_view::gaps_by_case(&rows, span);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].0, apart);
    assert_eq!(
        listed[0].1,
        [AreaRating {
            area: GoalDomain::Health,
            her: Said(VeryHard),
            worker: Good,
        }]
    );
    // The list is what the figure counts: one case flagged, in health.
    let figures = her_view(&rows, span);
    assert_eq!(figures.areas[1].gaps.count, 1);
    assert_eq!(figures.areas.iter().map(|a| a.gaps.count).sum::<u64>(), 1);
    assert!(!rows.iter().any(|r| r.case == theirs));
    // Mumbai's own list holds its case alone.
    let rows = store.life_views_for_indicator(mumbai, span).await.unwrap();
    let listed = domain::indicators::her_view::gaps_by_case(&rows, span);
    assert_eq!(listed.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [theirs]);
}

on_both_engines!(
    a_view_is_kept_with_its_audit_entry_and_read_within_sight,
    r8_reads_the_organisations_views_of_cases_asked_in_the_period,
    r8_lists_her_organisations_cases_whose_ratings_are_apart,
);
