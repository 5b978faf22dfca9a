//! What R6d, R6e and R7 read, on both engines (docs/indicators.md): follow-ups due in the
//! period and whose they are, the news that went back to a sender, and the steps of a
//! repatriation done in the period.

use domain::Stage;
use domain::followup::{FollowUpResult, FollowUpUpdate, Outcome};
use domain::indicators::Period;
use domain::repatriation::Step;
use domain::scope::CaseScope;
use time::macros::date;

use super::*;

const Q3: Period = Period::Quarter {
    year: 2026,
    quarter: 3,
};
const Q4: Period = Period::Quarter {
    year: 2026,
    quarter: 4,
};

/// Moves a case from identified to returned at `at`, as `by`: her return starts the follow-up
/// schedule (1 August, 1 October 2026, 1 January and 1 July 2027 for a return on 1 July).
async fn return_home(store: &Arc<dyn Store>, case: CaseId, by: UserId, at: Timestamp) {
    let path = [
        Stage::Identified,
        Stage::InCare,
        Stage::PreparingReturn,
        Stage::InTransit,
        Stage::Returned,
    ];
    for pair in path.windows(2) {
        move_to(store, case, pair[0], pair[1], by, at).await;
    }
}

/// Records the follow-up of `case` due on `due`, by `by` at `at`, with news for `handover`'s
/// sender when given.
async fn follow_up(
    store: &Arc<dyn Store>,
    case: CaseId,
    due: time::Date,
    by: UserId,
    at: Timestamp,
    handover: Option<uuid::Uuid>,
) {
    let found = store.followups_of(case, &CaseScope::Network).await.unwrap();
    let f = found.iter().find(|f| f.due_on == due).unwrap();
    let result = FollowUpResult {
        outcome: Outcome::FamilyVisit,
        her_words: "আমি ভালো আছি".into(),
        by,
        at,
    };
    let update = handover.map(|handover_id| FollowUpUpdate {
        id: uuid::Uuid::now_v7(),
        handover_id,
        outcome: Outcome::FamilyVisit,
        her_words: result.her_words.clone(),
        at,
    });
    store
        .record_followup(
            f.id,
            &result,
            update.as_ref(),
            event(AuditAction::FollowUpRecorded, "case"),
        )
        .await
        .unwrap();
}

/// The id of the one handover of a case.
async fn handover_of(store: &Arc<dyn Store>, case: CaseId, to: OrgId) -> uuid::Uuid {
    store
        .handovers_of(to, true)
        .await
        .unwrap()
        .into_iter()
        .find(|h| h.case_id == case)
        .unwrap()
        .id
}

fn days(period: Period) -> (time::Date, time::Date) {
    (period.first_day(), period.day_after())
}

/// Kolkata hands two girls over to Jashore, which brings them home and visits them; a third
/// girl returns from Kolkata's own care and nobody visits her.
async fn follow_ups_and_news_count_where_they_happened(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let before = T0.plus_seconds(-30 * DAY);
    let (told, untold, own) = (
        open_case(store, w.kolkata, w.rupa, 11, before).await,
        open_case(store, w.kolkata, w.rupa, 12, before).await,
        open_case(store, w.kolkata, w.rupa, 13, before).await,
    );
    for case in [told, untold] {
        hand_over(
            store,
            case,
            (w.kolkata, w.rupa),
            (w.jashore, w.nasrin),
            vec![domain::consent::SectionClass::Voice],
            80,
            T0.plus_seconds(-10 * DAY),
            Some(T0.plus_seconds(-9 * DAY)),
            Some(T0.plus_seconds(-5 * DAY)),
        )
        .await;
        // Jashore brings her home on 1 July: follow-ups due 1 August and 1 October.
        return_home(store, case, w.nasrin, T0).await;
    }
    return_home(store, own, w.rupa, T0).await;
    let told_handover = handover_of(store, told, w.jashore).await;
    // Jashore visits both girls on 10 August; news goes back to Kolkata for one of them.
    let aug_10 = T0.plus_seconds(40 * DAY);
    follow_up(
        store,
        told,
        date!(2026 - 08 - 01),
        w.nasrin,
        aug_10,
        Some(told_handover),
    )
    .await;
    follow_up(store, untold, date!(2026 - 08 - 01), w.nasrin, aug_10, None).await;

    let kolkata_zone = store.time_zone_of(w.kolkata).await.unwrap();
    let jashore_zone = store.time_zone_of(w.jashore).await.unwrap();
    let (k3, j3) = (Q3.bounds(&kolkata_zone), Q3.bounds(&jashore_zone));

    // R6d: Jashore did two 1-month follow-ups; Kolkata's own girl's is undone and Kolkata's.
    let jashore = store
        .follow_ups_due(w.jashore, days(Q3), j3.end)
        .await
        .unwrap();
    assert_eq!(jashore.len(), 2, "{jashore:?}");
    assert!(
        jashore.iter().all(|f| f.months == 1
            && f.due_on == date!(2026 - 08 - 01)
            && f.done_at == Some(aug_10))
    );
    let kolkata = store
        .follow_ups_due(w.kolkata, days(Q3), k3.end)
        .await
        .unwrap();
    assert_eq!(
        kolkata,
        [domain::indicators::continuity::FollowUpDue {
            months: 1,
            due_on: date!(2026 - 08 - 01),
            done_at: None,
        }]
    );
    // Q4 holds the 3-month follow-ups (1 October): undone, each for its girl's custodian.
    let k4 = Q4.bounds(&kolkata_zone);
    let kolkata_q4 = store
        .follow_ups_due(w.kolkata, days(Q4), k4.end)
        .await
        .unwrap();
    assert_eq!(kolkata_q4.len(), 1);
    assert_eq!(
        (kolkata_q4[0].months, kolkata_q4[0].due_on),
        (3, date!(2026 - 10 - 01))
    );
    let jashore_q4 = store
        .follow_ups_due(w.jashore, days(Q4), Q4.bounds(&jashore_zone).end)
        .await
        .unwrap();
    assert_eq!(jashore_q4.iter().filter(|f| f.months == 3).count(), 2);

    // R6d's list behind the figure reads the same follow-ups, each with its case: Kolkata's
    // own girl's undone visit is Kolkata's; the two Jashore did are Jashore's, never Kolkata's.
    let kolkata_cases = store
        .follow_ups_due_cases(w.kolkata, days(Q3), k3.end)
        .await
        .unwrap();
    assert_eq!(
        kolkata_cases,
        [(
            own,
            domain::indicators::continuity::FollowUpDue {
                months: 1,
                due_on: date!(2026 - 08 - 01),
                done_at: None,
            }
        )]
    );
    let mut jashore_cases: Vec<CaseId> = store
        .follow_ups_due_cases(w.jashore, days(Q3), j3.end)
        .await
        .unwrap()
        .into_iter()
        .map(|(case, f)| {
            assert_eq!((f.months, f.done_at), (1, Some(aug_10)));
            case
        })
        .collect();
    jashore_cases.sort_unstable();
    let mut handed = vec![told, untold];
    handed.sort_unstable();
    assert_eq!(jashore_cases, handed);
    // Q4's 3-month visits: each case under its custodian at the quarter's end.
    let kolkata_q4_cases = store
        .follow_ups_due_cases(w.kolkata, days(Q4), k4.end)
        .await
        .unwrap();
    assert_eq!(
        kolkata_q4_cases
            .iter()
            .map(|(c, f)| (*c, f.months))
            .collect::<Vec<_>>(),
        [(own, 3)]
    );

    // R6e: both handovers had a follow-up by the receiver in Q3; one sent news. Each counts for
    // the sender and for the receiver.
    let mut sent = store.sender_news(w.kolkata, k3).await.unwrap();
    sent.sort_unstable();
    assert_eq!(sent, [false, true]);
    let mut received = store.sender_news(w.jashore, j3).await.unwrap();
    received.sort_unstable();
    assert_eq!(received, [false, true]);
    // In Q4 nobody was visited, so no handover is counted.
    assert!(store.sender_news(w.kolkata, k4).await.unwrap().is_empty());
}

/// Her repatriation on the India → Bangladesh route: each step from the one before, counted
/// for the organisation whose staff recorded it done.
async fn repatriation_steps_count_from_the_one_before(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let case = open_case(store, w.kolkata, w.rupa, 21, T0.plus_seconds(-60 * DAY)).await;
    store
        .start_repatriation(
            case,
            "IN-BD",
            date!(2026 - 06 - 01),
            event(AuditAction::RepatriationStarted, "case"),
        )
        .await
        .unwrap();
    let (_, _, steps) = store
        .repatriation(case, &CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let done = |step: &Step, on: time::Date, by: UserId| Step {
        done_on: Some(on),
        updated_by: Some(by),
        updated_at: Some(T0),
        ..step.clone()
    };
    // 4 days (7 expected), then 76 (60 expected) in Q3, then 41 (90 expected) by Jashore.
    for step in [
        done(&steps[0], date!(2026 - 06 - 05), w.rupa),
        done(&steps[1], date!(2026 - 08 - 20), w.rupa),
        done(&steps[2], date!(2026 - 09 - 30), w.nasrin),
    ] {
        store
            .update_step(&step, event(AuditAction::RepatriationStepUpdated, "case"))
            .await
            .unwrap();
    }
    let kolkata = store
        .repatriation_steps_done(w.kolkata, days(Q3))
        .await
        .unwrap();
    let rows: Vec<_> = kolkata.iter().map(|s| s.row()).collect();
    assert_eq!(rows.len(), 1, "{kolkata:?}");
    assert_eq!(
        (
            rows[0].step.as_str(),
            rows[0].took_days,
            rows[0].expected_days
        ),
        ("hir-received", 76, 60)
    );
    let jashore = store
        .repatriation_steps_done(w.jashore, days(Q3))
        .await
        .unwrap();
    assert_eq!(jashore.len(), 1);
    assert_eq!(jashore[0].from_on, date!(2026 - 08 - 20));
    assert_eq!(
        (jashore[0].route.as_str(), jashore[0].row().took_days),
        ("IN-BD", 41)
    );
    // The quarter before holds the first step.
    let q2 = Period::Quarter {
        year: 2026,
        quarter: 2,
    };
    let before = store
        .repatriation_steps_done(w.kolkata, days(q2))
        .await
        .unwrap();
    assert_eq!(before.len(), 1);
    assert_eq!(
        (before[0].from_on, before[0].row().took_days),
        (date!(2026 - 06 - 01), 4)
    );
    let keys = store.repatriation_step_keys().await.unwrap();
    assert_eq!(keys.len(), 7);
    assert_eq!(
        (keys[0].step.as_str(), keys[0].expected_days),
        ("hir-requested", 7)
    );
    assert_eq!(keys[6].step, "received");
}

on_both_engines!(
    follow_ups_and_news_count_where_they_happened,
    repatriation_steps_count_from_the_one_before,
);
