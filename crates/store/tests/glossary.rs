//! The glossary on both engines: reviews of a translation, and a store that loaded an older
//! edition of the starter list taking the newer one.

use domain::audit::{AuditAction, AuditEvent};
use domain::glossary::{Review, STARTER_EDITION, key, starter_terms};
use domain::{Language, Timestamp};
use saathi_store::StoreError;
use testkit::{TestStore, on_both_engines};

const T0: Timestamp = Timestamp(1_795_910_400_000);

fn event(action: AuditAction, subject: &str) -> AuditEvent {
    AuditEvent::new(T0, action, subject).from_source("test")
}

async fn a_review_is_kept_per_language_and_needs_the_version_read(t: &TestStore) {
    let store = &t.store;
    let terms = store.glossary().await.unwrap();
    let ptsd = terms.iter().find(|t| t.draft.term == "PTSD").unwrap();
    assert!(ptsd.reviews.is_empty());
    let review = |reviewer: &str| Review {
        language: Language::Bn,
        reviewer: reviewer.into(),
        text: ptsd.draft.translation(Language::Bn),
        at: T0,
    };
    let audit = || event(AuditAction::GlossaryTranslationReviewed, "glossary:test");
    let stale = store
        .review_term(ptsd.id, ptsd.version + 1, &review("রুপা দাস"), None, audit())
        .await;
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    let missing = store
        .review_term(uuid::Uuid::now_v7(), 1, &review("রুপা দাস"), None, audit())
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");

    let reviewed = store
        .review_term(ptsd.id, ptsd.version, &review("রুপা দাস"), None, audit())
        .await
        .unwrap();
    assert_eq!(
        reviewed.version, ptsd.version,
        "a review does not change the term"
    );
    assert_eq!(
        reviewed.review(Language::Bn).map(|r| r.reviewer.as_str()),
        Some("রুপা দাস")
    );
    assert!(reviewed.review(Language::Hi).is_none());
    // Another review of the same language replaces the first.
    store
        .review_term(ptsd.id, ptsd.version, &review("মিতা সেন"), None, audit())
        .await
        .unwrap();
    let again = store.glossary_term(ptsd.id).await.unwrap().unwrap();
    assert_eq!(again.reviews.len(), 1);
    assert_eq!(again.reviews[0].reviewer, "মিতা সেন");
    let listed = store.glossary().await.unwrap();
    let listed = listed.iter().find(|t| t.id == ptsd.id).unwrap();
    assert_eq!(listed.reviews, again.reviews, "the list reads reviews too");
    // A term removed takes its reviews with it.
    store
        .remove_term(
            ptsd.id,
            ptsd.version,
            event(AuditAction::GlossaryTermRemoved, "glossary:test"),
        )
        .await
        .unwrap();
    assert!(store.glossary_term(ptsd.id).await.unwrap().is_none());
}

async fn an_older_edition_takes_the_new_terms_and_headwords_once(t: &TestStore) {
    let store = &t.store;
    let starter = starter_terms();
    let all = store.glossary().await.unwrap();
    assert_eq!(all.len(), starter.len(), "a new store has every edition");
    // As a Saathi that loaded edition 1 and then curated its glossary: one edition-2 term is
    // missing, one edition-1 term lost its headword, one it removed, one edition-2 term the
    // network wrote itself.
    t.tamper("UPDATE glossary_seeded SET edition = 1")
        .await
        .unwrap();
    t.tamper("DELETE FROM glossary_terms WHERE term_key = 'gd entry'")
        .await
        .unwrap();
    t.tamper("UPDATE glossary_terms SET headword_bn = '' WHERE term_key = 'trauma'")
        .await
        .unwrap();
    t.tamper("DELETE FROM glossary_terms WHERE term_key = 'ptsd'")
        .await
        .unwrap();
    t.tamper(
        "UPDATE glossary_terms SET explanation_en = 'Our own words.', headword_hi = '' \
         WHERE term_key = 'victim support centre'",
    )
    .await
    .unwrap();

    let loaded = store
        .seed_glossary(&starter, STARTER_EDITION, T0)
        .await
        .unwrap();
    assert!(loaded);
    let all = store.glossary().await.unwrap();
    let find = |k: &str| all.iter().find(|t| key(&t.draft.term) == k);
    assert!(
        find("gd entry").is_some(),
        "the new edition's term is added"
    );
    assert_eq!(
        find("trauma").unwrap().draft.headwords.bn,
        "মানসিক আঘাত",
        "an older term gets its headword"
    );
    assert!(
        find("ptsd").is_none(),
        "a term the network removed stays removed"
    );
    let vsc = find("victim support centre").unwrap();
    assert_eq!(
        vsc.draft.explanations.en, "Our own words.",
        "the network's own term is kept"
    );
    assert_eq!(all.len(), starter.len() - 1);

    let again = store
        .seed_glossary(&starter, STARTER_EDITION, T0)
        .await
        .unwrap();
    assert!(!again, "each edition is loaded once");
    assert_eq!(store.glossary().await.unwrap().len(), starter.len() - 1);
}

on_both_engines!(
    a_review_is_kept_per_language_and_needs_the_version_read,
    an_older_edition_takes_the_new_terms_and_headwords_once,
);
