//! The group commit of readings' audit entries (issue 16): every entry whose append returned is
//! in the chain, in the order the appends were answered, and the chain verifies; a batch that
//! fails answers every waiter in it with an error and leaves none of its entries behind.

use std::collections::BTreeMap;

use domain::Timestamp;
use domain::audit::{AuditAction, AuditEvent};
use saathi_store::{AuditVerification, Engine, StoreError};
use testkit::{TestStore, on_both_engines};

const T0: Timestamp = Timestamp(1_795_910_400_000);

fn reading(subject: &str) -> AuditEvent {
    AuditEvent::new(T0, AuditAction::CaseViewed, subject).from_source("test")
}

/// Every subject in the trail, with its seq.
async fn trail(t: &TestStore) -> BTreeMap<String, Vec<i64>> {
    let mut seen: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for record in t.store.audit_entries(None, 10_000).await.unwrap() {
        seen.entry(record.event.subject)
            .or_default()
            .push(record.seq);
    }
    seen
}

async fn many_concurrent_readings_are_all_in_one_verified_chain(t: &TestStore) {
    // 300 readings from 300 requests at once, and 20 changes written in their own
    // transactions between them.
    let readings: Vec<_> = (0..300)
        .map(|i| {
            let store = t.store.clone();
            tokio::spawn(async move { store.append_reading(reading(&format!("case:{i}"))).await })
        })
        .collect();
    let changes: Vec<_> = (0..20)
        .map(|i| {
            let store = t.store.clone();
            tokio::spawn(async move {
                store
                    .append_audit(
                        AuditEvent::new(T0, AuditAction::SignIn, format!("user:{i}"))
                            .from_source("test"),
                    )
                    .await
            })
        })
        .collect();
    for task in readings.into_iter().chain(changes) {
        task.await.unwrap().unwrap();
    }
    assert_eq!(
        t.store.verify_audit().await.unwrap(),
        AuditVerification::Intact { entries: 320 }
    );
    let seen = trail(t).await;
    for i in 0..300 {
        assert_eq!(seen[&format!("case:{i}")].len(), 1, "case:{i} once");
    }
    for i in 0..20 {
        assert_eq!(seen[&format!("user:{i}")].len(), 1, "user:{i} once");
    }

    // One request after another: each entry after the one answered before it, readings and
    // changes alike.
    let mut order = Vec::new();
    for i in 0..6 {
        let subject = format!("next:{i}");
        if i % 3 == 2 {
            t.store
                .append_audit(
                    AuditEvent::new(T0, AuditAction::SignIn, &subject).from_source("test"),
                )
                .await
                .unwrap();
        } else {
            t.store.append_reading(reading(&subject)).await.unwrap();
        }
        order.push(subject);
    }
    let seen = trail(t).await;
    let seqs: Vec<i64> = order.iter().map(|s| seen[s][0]).collect();
    let mut sorted = seqs.clone();
    sorted.sort_unstable();
    assert_eq!(
        seqs, sorted,
        "answered in this order, chained in this order"
    );
    assert_eq!(seqs.last().copied(), Some(326));
}

/// Makes every insert of `subject` into the audit trail fail, as a full disk or a broken
/// connection would fail a batch.
async fn refuse(t: &TestStore, subject: &str) {
    match t.store.engine() {
        Engine::Sqlite => {
            t.tamper(&format!(
                "CREATE TRIGGER refuse BEFORE INSERT ON audit_log WHEN NEW.subject = '{subject}' \
                 BEGIN SELECT RAISE(ABORT, 'refused'); END"
            ))
            .await
            .unwrap();
        }
        Engine::Postgres => {
            t.tamper(&format!(
                "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN \
                 IF NEW.subject = '{subject}' THEN RAISE EXCEPTION 'refused'; END IF; \
                 RETURN NEW; END $$ LANGUAGE plpgsql"
            ))
            .await
            .unwrap();
            t.tamper(
                "CREATE TRIGGER refuse BEFORE INSERT ON audit_log \
                 FOR EACH ROW EXECUTE FUNCTION refuse()",
            )
            .await
            .unwrap();
        }
    }
}

async fn a_failed_batch_answers_every_waiter_with_an_error(t: &TestStore) {
    t.store
        .append_reading(reading("case:before"))
        .await
        .unwrap();
    refuse(t, "case:poison").await;

    // The poisoned entry alone: refused, and the writer goes on.
    let alone = t.store.append_reading(reading("case:poison")).await;
    assert!(matches!(alone, Err(StoreError::AuditBatch(_))), "{alone:?}");

    // 200 readings at once with the poisoned one among them: whichever batch it falls in fails
    // as a whole. Every answer of success has its entry; no refused one left an entry behind.
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let store = t.store.clone();
            let subject = if i == 100 {
                "case:poison".to_string()
            } else {
                format!("case:{i}")
            };
            tokio::spawn(async move {
                (
                    subject.clone(),
                    store.append_reading(reading(&subject)).await,
                )
            })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    let seen = trail(t).await;
    let mut refused = 0;
    for (subject, answer) in &answers {
        match answer {
            Ok(()) => assert_eq!(
                seen.get(subject).map(Vec::len),
                Some(1),
                "{subject} answered"
            ),
            Err(StoreError::AuditBatch(_)) => {
                refused += 1;
                assert!(!seen.contains_key(subject), "{subject} refused but written");
            }
            Err(other) => panic!("{subject}: {other}"),
        }
    }
    assert!(
        answers
            .iter()
            .any(|(s, a)| s == "case:poison" && a.is_err()),
        "the poisoned entry is refused"
    );
    assert!(refused >= 1);
    let written = answers.iter().filter(|(_, a)| a.is_ok()).count();
    assert_eq!(
        t.store.verify_audit().await.unwrap(),
        AuditVerification::Intact {
            entries: 1 + written as u64
        }
    );

    // After the failure the writer still writes.
    t.store.append_reading(reading("case:after")).await.unwrap();
    assert_eq!(
        t.store.verify_audit().await.unwrap(),
        AuditVerification::Intact {
            entries: 2 + written as u64
        }
    );
}

on_both_engines!(
    many_concurrent_readings_are_all_in_one_verified_chain,
    a_failed_batch_answers_every_waiter_with_an_error,
);
