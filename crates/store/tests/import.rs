//! Importing a register (issue 14): a batch of new cases, each with her words, notes, its
//! reference and its audit entries, written in one transaction on both engines, or not at all.

use domain::audit::AuditAction;
use domain::note::{Note, NoteKind};
use domain::sight::Sight;
use domain::{Language, VoiceKind};
use saathi_store::{AuditVerification, CaseFilter, ImportedCase, StoreError};
use testkit::{TestStore, on_both_engines};

use crate::cases::{T0, event, new_case, voice, world};

fn imported(
    w: &crate::cases::World,
    seed: u8,
    reference: &str,
    words: &str,
    note: &str,
) -> ImportedCase {
    let case = new_case(w.org, vec![w.worker], seed);
    let subject = format!("case:{}", case.id);
    ImportedCase {
        voice: vec![voice(case.id, w.worker, words, VoiceKind::Hope)],
        notes: vec![Note {
            id: uuid::Uuid::now_v7(),
            case_id: case.id,
            kind: NoteKind::Case,
            text: note.into(),
            language: Language::En,
            response: None,
            written_by: w.worker,
            written_at: T0,
        }],
        audit: vec![
            event(AuditAction::CaseCreated, &subject),
            event(AuditAction::VoiceRecorded, &subject),
            event(AuditAction::NoteWritten, &subject),
        ],
        reference: Some(reference.into()),
        case,
    }
}

fn entries(v: AuditVerification) -> u64 {
    match v {
        AuditVerification::Intact { entries } => entries,
        broken => panic!("the chain is broken: {broken:?}"),
    }
}

async fn a_batch_of_cases_is_written_whole_or_not_at_all(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let before = entries(store.verify_audit().await.unwrap());
    let batch = vec![
        imported(&w, 1, "REG-1", "আমি বাড়ি যেতে চাই", "Admitted on CWC order."),
        imported(&w, 2, "REG-2", "मुझे स्कूल जाना है", "Family traced."),
    ];
    store.import_cases(&batch).await.unwrap();
    assert_eq!(entries(store.verify_audit().await.unwrap()), before + 6);
    let newest = store.audit_entries(None, 6).await.unwrap();
    let actions: Vec<AuditAction> = newest.iter().rev().map(|e| e.event.action).collect();
    assert_eq!(
        actions,
        vec![
            AuditAction::CaseCreated,
            AuditAction::VoiceRecorded,
            AuditAction::NoteWritten,
            AuditAction::CaseCreated,
            AuditAction::VoiceRecorded,
            AuditAction::NoteWritten,
        ],
        "each case's entries in order, chained"
    );
    let first = store
        .case(batch[0].case.id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.stage, domain::Stage::Identified);
    assert_eq!(first.assigned, vec![w.worker]);
    let words = store.voice_of(first.id, &Sight::own(w.org)).await.unwrap();
    assert_eq!(words.len(), 1);
    assert_eq!(words[0].text, "আমি বাড়ি যেতে চাই");
    let notes = store
        .notes_of(first.id, &[NoteKind::Case], &Sight::own(w.org))
        .await
        .unwrap();
    assert_eq!(notes[0].text, "Admitted on CWC order.");
    let mut search = CaseFilter::of(w.org, T0);
    search.terms = domain::text::terms("স্কুল");
    assert!(store.find_cases(&search).await.unwrap().is_empty());
    search.terms = domain::text::terms("स्कूल");
    let found = store.find_cases(&search).await.unwrap();
    assert_eq!(found.len(), 1, "her words are indexed");
    assert_eq!(found[0].id, batch[1].case.id);
    let references = store.case_references(w.org).await.unwrap();
    assert_eq!(references.len(), 2);
    assert_eq!(references["REG-1"], batch[0].case.code);
    assert!(store.case_references(w.other_org).await.unwrap().is_empty());

    // A batch whose second case carries a reference already imported: nothing of it is
    // written, not even its first case.
    let again = vec![
        imported(&w, 3, "REG-3", "সেলাই শিখব", "New."),
        imported(&w, 4, "REG-1", "আবার", "Again."),
    ];
    let refused = store.import_cases(&again).await;
    assert!(
        matches!(refused, Err(StoreError::Duplicate("case reference"))),
        "{refused:?}"
    );
    assert!(
        store
            .case(again[0].case.id, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.case_references(w.org).await.unwrap().len(), 2);
    assert_eq!(entries(store.verify_audit().await.unwrap()), before + 6);
    // A taken case code, likewise.
    let mut taken = imported(&w, 5, "REG-5", "ঘর", "Home.");
    taken.case.code = batch[0].case.code.clone();
    let refused = store.import_cases(&[taken]).await;
    assert!(
        matches!(refused, Err(StoreError::Duplicate("case code"))),
        "{refused:?}"
    );
    assert_eq!(entries(store.verify_audit().await.unwrap()), before + 6);
}

on_both_engines!(a_batch_of_cases_is_written_whole_or_not_at_all);
