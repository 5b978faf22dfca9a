#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The conformance suite: every store implementation must pass every case here. Each case runs
//! once against SQLite and once against a real PostgreSQL server.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent, ChainBreak};
use domain::organisation::OrganisationFields;
use domain::{Clock, Language, OrgId, OrgKind, Role, Roles, Timestamp, TokenId, UserId};
use saathi_store::{AuditVerification, NewSession, NewUser, Store, StoreError, UserChanges};
use testkit::{TestStore, on_both_engines};

#[path = "migrations/mod.rs"]
mod migrations;

const T0: Timestamp = Timestamp(1_795_910_400_000);

fn fields(name: &str) -> OrganisationFields {
    OrganisationFields {
        name: name.parse().unwrap(),
        kind: OrgKind::Destination,
        country: "IN".parse().unwrap(),
        district: Some("Kolkata".into()),
        languages: vec![Language::Bn, Language::En],
        time_zone: "Asia/Kolkata".parse().unwrap(),
    }
}

fn event(action: AuditAction, subject: &str) -> AuditEvent {
    AuditEvent::new(T0, action, subject).from_source("test")
}

async fn org(store: &Arc<dyn Store>, name: &str) -> OrgId {
    let id = OrgId::new();
    store
        .create_organisation(
            id,
            &fields(name),
            event(AuditAction::OrganisationCreated, name),
        )
        .await
        .unwrap();
    id
}

fn new_user(org: OrgId, username: &str, role: Role) -> NewUser {
    NewUser {
        id: UserId::new(),
        org_id: org,
        username: username.parse().unwrap(),
        display_name: None,
        roles: Roles::single(role),
        language: Language::Bn,
        password_hash: "$argon2id$not-a-real-hash".into(),
    }
}

async fn organisations_round_trip_and_refuse_duplicates(t: &TestStore) {
    let store = &t.store;
    let id = org(store, "Sneha Shelter, Kolkata").await;
    let found = store.organisation(id).await.unwrap().unwrap();
    assert_eq!(found.fields, fields("Sneha Shelter, Kolkata"));
    assert_eq!(found.version, 1);
    assert_eq!(found.created_at, T0);
    let by_name = store
        .organisation_by_name("Sneha Shelter, Kolkata")
        .await
        .unwrap();
    assert_eq!(by_name.map(|o| o.id), Some(id));
    org(store, "Ashar Alo, Jessore").await;
    let names: Vec<String> = store
        .organisations()
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.fields.name.to_string())
        .collect();
    assert_eq!(names, ["Ashar Alo, Jessore", "Sneha Shelter, Kolkata"]);

    let err = store
        .create_organisation(
            OrgId::new(),
            &fields("Sneha Shelter, Kolkata"),
            event(AuditAction::OrganisationCreated, "dup"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Duplicate("organisation")),
        "{err:?}"
    );
    assert_eq!(
        store.organisations().await.unwrap().len(),
        2,
        "nothing half-written"
    );
}

async fn a_stale_update_is_a_conflict_not_an_overwrite(t: &TestStore) {
    let store = &t.store;
    let id = org(store, "Transit Home, Howrah").await;
    let mut changed = fields("Transit Home, Howrah");
    changed.kind = OrgKind::Transit;
    changed.district = Some("Howrah".into());
    changed.time_zone = "Asia/Dhaka".parse().unwrap();
    let updated = store
        .update_organisation(
            id,
            1,
            &changed,
            event(AuditAction::OrganisationUpdated, "o"),
        )
        .await
        .unwrap();
    assert_eq!(updated.version, 2);
    assert_eq!(updated.fields.kind, OrgKind::Transit);
    // The zone is part of what is changed, and the store's own reading of it agrees.
    assert_eq!(updated.fields.time_zone.as_str(), "Asia/Dhaka");
    assert_eq!(store.time_zone_of(id).await.unwrap().as_str(), "Asia/Dhaka");

    let mut stale = changed.clone();
    stale.district = Some("Somewhere else".into());
    let err = store
        .update_organisation(id, 1, &stale, event(AuditAction::OrganisationUpdated, "o"))
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
    let kept = store.organisation(id).await.unwrap().unwrap();
    assert_eq!(kept.fields.district.as_deref(), Some("Howrah"));

    let missing = store
        .update_organisation(
            OrgId::new(),
            1,
            &changed,
            event(AuditAction::OrganisationUpdated, "o"),
        )
        .await
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound), "{missing:?}");
}

async fn users_belong_to_one_organisation_and_names_are_unique(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let jessore = org(store, "Jessore").await;
    let asha = new_user(kolkata, "caseworker.kolkata", Role::CaseWorker);
    let created = store
        .create_user(&asha, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    assert_eq!(created.org_id, kolkata);
    assert_eq!(created.language, Language::Bn);
    assert!(created.active);
    store
        .create_user(
            &new_user(kolkata, "director.kolkata", Role::Director),
            event(AuditAction::UserCreated, "u"),
        )
        .await
        .unwrap();
    store
        .create_user(
            &new_user(jessore, "caseworker.jessore", Role::CaseWorker),
            event(AuditAction::UserCreated, "u"),
        )
        .await
        .unwrap();

    let dup = store
        .create_user(
            &new_user(jessore, "caseworker.kolkata", Role::Counsellor),
            event(AuditAction::UserCreated, "u"),
        )
        .await
        .unwrap_err();
    assert!(matches!(dup, StoreError::Duplicate("username")), "{dup:?}");

    let names: Vec<String> = store
        .users_in(kolkata)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username.to_string())
        .collect();
    assert_eq!(names, ["caseworker.kolkata", "director.kolkata"]);

    let creds = store.credentials(&asha.username).await.unwrap().unwrap();
    assert_eq!(creds.password_hash, asha.password_hash);
    assert_eq!(creds.user.id, asha.id);

    let unknown_org = store
        .create_user(
            &new_user(OrgId::new(), "nobody.anywhere", Role::CaseWorker),
            event(AuditAction::UserCreated, "u"),
        )
        .await;
    assert!(
        unknown_org.is_err(),
        "a user needs an existing organisation (foreign keys are on)"
    );
}

async fn user_updates_use_versions_and_deactivation_ends_sessions(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "counsellor.kolkata", Role::Counsellor);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    store
        .create_session(&NewSession {
            id_hash: "session-1".into(),
            user_id: user.id,
            csrf_token: "csrf".into(),
            created_at: T0,
            expires_at: T0.plus_seconds(3600),
        })
        .await
        .unwrap();
    assert!(store.session("session-1", T0).await.unwrap().is_some());

    let changes = UserChanges {
        display_name: Some("Rupa Das".into()),
        roles: Roles::new([Role::Counsellor, Role::CaseWorker]).unwrap(),
        language: Language::Hi,
        active: true,
    };
    let updated = store
        .update_user(user.id, 1, &changes, event(AuditAction::UserUpdated, "u"))
        .await
        .unwrap();
    assert_eq!(updated.version, 2);
    assert_eq!(updated.language, Language::Hi);
    assert!(updated.roles.contains(Role::CaseWorker));
    let stale = store
        .update_user(user.id, 1, &changes, event(AuditAction::UserUpdated, "u"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            stale,
            StoreError::Conflict {
                expected: 1,
                current: 2
            }
        ),
        "{stale:?}"
    );

    let off = UserChanges {
        active: false,
        ..changes
    };
    store
        .update_user(user.id, 2, &off, event(AuditAction::UserUpdated, "u"))
        .await
        .unwrap();
    assert!(store.session("session-1", T0).await.unwrap().is_none());
}

async fn sessions_expire_and_can_be_ended(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "caregiver.kolkata", Role::CareGiver);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    for (id, expires) in [("a", T0.plus_seconds(60)), ("b", T0.plus_seconds(600))] {
        store
            .create_session(&NewSession {
                id_hash: id.into(),
                user_id: user.id,
                csrf_token: format!("csrf-{id}"),
                created_at: T0,
                expires_at: expires,
            })
            .await
            .unwrap();
    }
    let later = T0.plus_seconds(120);
    assert!(
        store.session("a", later).await.unwrap().is_none(),
        "expired"
    );
    let b = store.session("b", later).await.unwrap().unwrap();
    assert_eq!(b.csrf_token, "csrf-b");
    assert_eq!(b.user.id, user.id);
    assert_eq!(store.delete_expired_sessions(later).await.unwrap(), 1);
    store.delete_session("b").await.unwrap();
    assert!(store.session("b", later).await.unwrap().is_none());
}

async fn tokens_authenticate_until_revoked(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "trainer", Role::Trainer);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    let token = TokenId::new();
    store
        .create_token(
            token,
            user.id,
            "hash-1",
            "reports",
            T0.plus_seconds(90 * 86_400),
            event(AuditAction::TokenCreated, "t"),
        )
        .await
        .unwrap();
    assert_eq!(
        store.tokens_of(user.id).await.unwrap()[0].last_used_at,
        None
    );
    let used = T0.plus_seconds(3600);
    assert_eq!(
        store
            .user_for_token("hash-1", used)
            .await
            .unwrap()
            .map(|u| u.id),
        Some(user.id)
    );
    assert!(
        store
            .user_for_token("hash-2", used)
            .await
            .unwrap()
            .is_none()
    );
    let listed = store.tokens_of(user.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].label, "reports");
    assert!(listed[0].revoked_at.is_none());
    assert_eq!(listed[0].last_used_at, Some(used));
    assert_eq!(listed[0].expires_at, Some(T0.plus_seconds(90 * 86_400)));

    store
        .revoke_token(token, event(AuditAction::TokenRevoked, "t"))
        .await
        .unwrap();
    assert!(
        store
            .user_for_token("hash-1", used)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .token(token)
            .await
            .unwrap()
            .unwrap()
            .revoked_at
            .is_some()
    );
    store
        .revoke_token(token, event(AuditAction::TokenRevoked, "t"))
        .await
        .unwrap();
    let unknown = store
        .revoke_token(TokenId::new(), event(AuditAction::TokenRevoked, "t"))
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound)));
}

async fn tokens_stop_at_their_expiry_and_with_their_user(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "reports.bot", Role::Director);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    let expires = T0.plus_seconds(86_400);
    for hash in ["hash-a", "hash-b"] {
        store
            .create_token(
                TokenId::new(),
                user.id,
                hash,
                "cli",
                expires,
                event(AuditAction::TokenCreated, "t"),
            )
            .await
            .unwrap();
    }
    let just_before = Timestamp(expires.millis() - 1);
    assert!(
        store
            .user_for_token("hash-a", just_before)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .user_for_token("hash-a", expires)
            .await
            .unwrap()
            .is_none(),
        "expired at its expiry"
    );
    // A second use within the minute is not written again.
    store.user_for_token("hash-b", T0).await.unwrap().unwrap();
    store
        .user_for_token("hash-b", T0.plus_seconds(30))
        .await
        .unwrap()
        .unwrap();
    let listed = store.tokens_of(user.id).await.unwrap();
    // Listed in the order made (UUIDv7 ids at the same moment): hash-a, then hash-b.
    assert_eq!(listed[0].last_used_at, Some(just_before));
    assert_eq!(listed[1].last_used_at, Some(T0));

    let off = UserChanges {
        display_name: None,
        roles: Roles::single(Role::Director),
        language: Language::Bn,
        active: false,
    };
    store
        .update_user(user.id, 1, &off, event(AuditAction::UserUpdated, "u"))
        .await
        .unwrap();
    assert!(
        store.user_for_token("hash-b", T0).await.unwrap().is_none(),
        "a deactivated user's token lets nobody in"
    );
}

/// The upgrade's own statement (the last of migration 0022), run again on a token that has no
/// expiry, as every token made before the migration had.
async fn tokens_made_before_expiry_get_ninety_days_from_the_upgrade(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "old.token", Role::Director);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    let token = TokenId::new();
    store
        .create_token(
            token,
            user.id,
            "hash-old",
            "cli",
            T0,
            event(AuditAction::TokenCreated, "t"),
        )
        .await
        .unwrap();
    t.tamper("UPDATE api_tokens SET expires_at = NULL")
        .await
        .unwrap();
    let migration = if t.url().starts_with("sqlite:") {
        include_str!("../migrations/sqlite/0022_accounts.sql")
    } else {
        include_str!("../migrations/postgres/0022_accounts.sql")
    };
    let upgrade = &migration[migration.rfind("UPDATE api_tokens").unwrap()..];
    let before = domain::SystemClock.now();
    assert_eq!(
        t.tamper(upgrade.trim().trim_end_matches(';'))
            .await
            .unwrap(),
        1
    );
    let after = domain::SystemClock.now();
    let expires = store
        .token(token)
        .await
        .unwrap()
        .unwrap()
        .expires_at
        .unwrap();
    let ninety_days = 90 * 86_400_000;
    // SQLite's clock has whole seconds.
    assert!(
        expires.millis() >= before.millis() - 1000 + ninety_days
            && expires.millis() <= after.millis() + ninety_days,
        "{expires:?} is not 90 days after {before:?}"
    );
    assert!(
        store
            .user_for_token("hash-old", after)
            .await
            .unwrap()
            .is_some()
    );
}

async fn a_refused_password_must_be_changed_and_old_mixed_roles_still_load(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "counsellor.kolkata", Role::Counsellor);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    let session = |id: &str| NewSession {
        id_hash: id.into(),
        user_id: user.id,
        csrf_token: "csrf".into(),
        created_at: T0,
        expires_at: T0.plus_seconds(3600),
    };
    store.create_session(&session("s1")).await.unwrap();
    let before = store.session("s1", T0).await.unwrap().unwrap();
    assert!(!before.must_change_password);
    for _ in 0..2 {
        store
            .require_password_change(user.id, event(AuditAction::UserUpdated, "u"))
            .await
            .unwrap();
    }
    assert_eq!(
        store.verify_audit().await.unwrap(),
        AuditVerification::Intact { entries: 3 },
        "asked twice, recorded once"
    );
    assert!(
        store
            .session("s1", T0)
            .await
            .unwrap()
            .unwrap()
            .must_change_password
    );
    store
        .set_password(
            user.id,
            "$argon2id$another",
            event(AuditAction::PasswordChanged, "u"),
        )
        .await
        .unwrap();
    store.create_session(&session("s2")).await.unwrap();
    assert!(
        !store
            .session("s2", T0)
            .await
            .unwrap()
            .unwrap()
            .must_change_password
    );

    // An account from before the rule, holding survivor with a staff role, still loads, so
    // that it can be listed and split.
    t.tamper("UPDATE users SET roles = 'counsellor,survivor'")
        .await
        .unwrap();
    let old = store.user(user.id).await.unwrap().unwrap();
    assert!(old.roles.mixes_survivor_and_staff());
}

async fn the_audit_chain_verifies_and_names_an_edited_entry(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await; // entry 1
    for i in 0..4 {
        store
            .append_audit(
                event(AuditAction::SignInFailed, &format!("username:guess{i}")).scoped_to(kolkata),
            )
            .await
            .unwrap();
    }
    assert_eq!(
        store.verify_audit().await.unwrap(),
        AuditVerification::Intact { entries: 5 }
    );
    let scoped = store.audit_entries(Some(kolkata), 10).await.unwrap();
    assert_eq!(scoped.len(), 4);
    assert_eq!(scoped[0].seq, 5, "newest first");
    assert_eq!(store.audit_entries(None, 2).await.unwrap().len(), 2);

    t.tamper("UPDATE audit_log SET subject = 'username:someone' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(
        store.verify_audit().await.unwrap(),
        AuditVerification::Broken(ChainBreak::Altered { seq: 3 })
    );
}

async fn the_audit_chain_names_deleted_entries(t: &TestStore) {
    let store = &t.store;
    for i in 0..5 {
        store
            .append_audit(event(AuditAction::SignIn, &format!("user:{i}")))
            .await
            .unwrap();
    }
    t.tamper("DELETE FROM audit_log WHERE seq = 2")
        .await
        .unwrap();
    assert_eq!(
        store.verify_audit().await.unwrap(),
        AuditVerification::Broken(ChainBreak::Unlinked { seq: 3 })
    );
    t.tamper("DELETE FROM audit_log WHERE seq >= 3")
        .await
        .unwrap();
    assert_eq!(
        store.verify_audit().await.unwrap(),
        AuditVerification::Broken(ChainBreak::Truncated {
            last_seq: 1,
            head_seq: 5
        })
    );
}

async fn concurrent_appends_keep_one_chain(t: &TestStore) {
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let store = t.store.clone();
            tokio::spawn(async move {
                store
                    .append_audit(event(AuditAction::SignIn, &format!("user:{i}")))
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(
        t.store.verify_audit().await.unwrap(),
        AuditVerification::Intact { entries: 16 }
    );
}

async fn every_change_is_audited_in_its_transaction(t: &TestStore) {
    let store = &t.store;
    let id = org(store, "Kolkata").await;
    let user = new_user(id, "director.kolkata", Role::Director);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u").scoped_to(id))
        .await
        .unwrap();
    // A refused change writes no audit entry either.
    let _ = store
        .create_user(&user, event(AuditAction::UserCreated, "u").scoped_to(id))
        .await;
    let actions: Vec<AuditAction> = store
        .audit_entries(None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.event.action)
        .collect();
    assert_eq!(
        actions,
        [AuditAction::UserCreated, AuditAction::OrganisationCreated]
    );
}

/// Eight staff and eight survivors ask for the last three places of a workshop at once: three
/// of each get one, the others are told it is full, and nobody is enrolled past capacity.
async fn places_are_not_given_twice_when_asked_for_at_once(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let programme = domain::training::caring_connections().unwrap();
    let workshop = |n: usize| domain::training::Workshop {
        id: uuid::Uuid::now_v7(),
        programme: programme.key.clone(),
        template: programme.phases[if n == 0 { 0 } else { 2 }].workshops[0].clone(),
        venue: "Salt Lake".into(),
        starts_on: time::macros::date!(2027 - 01 - 11),
        ends_on: time::macros::date!(2027 - 01 - 17),
        announced_on: time::macros::date!(2026 - 11 - 01),
        capacity: 3,
        facilitators: Vec::new(),
        trainers: Vec::new(),
        created_at: T0,
    };
    let (staff, survivors) = (workshop(0), workshop(1));
    for w in [&staff, &survivors] {
        store
            .add_workshop(w, None, event(AuditAction::WorkshopScheduled, "workshop"))
            .await
            .unwrap();
    }
    let mut tasks = Vec::new();
    for i in 0..8 {
        let user = new_user(kolkata, &format!("worker.{i}"), Role::CaseWorker);
        store
            .create_user(&user, event(AuditAction::UserCreated, "user"))
            .await
            .unwrap();
        let e = domain::training::Enrolment {
            id: uuid::Uuid::now_v7(),
            workshop_id: staff.id,
            user_id: user.id,
            org_id: kolkata,
            years_in_org: 1,
            childcare_needs: false,
            enrolled_at: T0,
            dropout: None,
        };
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.enrol(&e, 3, false, event(AuditAction::Enrolled, "workshop"))
                .await
        }));
        let trainee = domain::training::survivors::Trainee {
            id: uuid::Uuid::now_v7(),
            code: format!("SW-TST{i}"),
            known_as: format!("survivor {i}"),
            org_id: None,
            created_at: T0,
        };
        let place = domain::training::survivors::Place {
            id: uuid::Uuid::now_v7(),
            workshop_id: survivors.id,
            trainee_id: trainee.id,
            enrolled_at: T0,
            dropout: None,
        };
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.add_trainee(
                &trainee,
                &place,
                3,
                false,
                event(AuditAction::SurvivorEnrolled, "workshop"),
            )
            .await
        }));
    }
    let mut given = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(()) => given += 1,
            Err(StoreError::Conflict { expected: 3, .. }) => {}
            Err(other) => panic!("{other}"),
        }
    }
    assert_eq!(given, 6, "three places in each workshop");
    assert_eq!(store.enrolments_of(staff.id).await.unwrap().len(), 3);
    assert_eq!(store.places_of(survivors.id).await.unwrap().len(), 3);
}

async fn a_second_factor_is_confirmed_once_and_its_codes_are_never_used_twice(t: &TestStore) {
    let store = &t.store;
    let kolkata = org(store, "Kolkata").await;
    let user = new_user(kolkata, "director.kolkata", Role::Director);
    store
        .create_user(&user, event(AuditAction::UserCreated, "u"))
        .await
        .unwrap();
    assert_eq!(store.totp(user.id).await.unwrap(), None);
    assert!(
        !store.use_totp_step(user.id, 5).await.unwrap(),
        "nothing enrolled"
    );
    // A second start replaces the secret she never confirmed.
    store.begin_totp(user.id, "FIRST", T0).await.unwrap();
    store.begin_totp(user.id, "SECOND", T0).await.unwrap();
    let pending = store.totp(user.id).await.unwrap().unwrap();
    assert_eq!(pending.secret, "SECOND");
    assert!(!pending.confirmed());
    assert!(
        !store.use_totp_step(user.id, 5).await.unwrap(),
        "an unconfirmed secret signs nobody in"
    );
    let hashes: Vec<String> = (0..10).map(|i| format!("hash-{i}")).collect();
    store
        .confirm_totp(
            user.id,
            100,
            &hashes,
            event(AuditAction::TwoFactorEnrolled, "user"),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .confirm_totp(
                user.id,
                101,
                &hashes,
                event(AuditAction::TwoFactorEnrolled, "u")
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.begin_totp(user.id, "THIRD", T0).await,
        Err(StoreError::Duplicate(_))
    ));
    let confirmed = store.totp(user.id).await.unwrap().unwrap();
    assert_eq!(confirmed.last_step, Some(100));
    assert_eq!(confirmed.confirmed_at, Some(T0));
    // The step of the confirming code, or an older one, is refused; a newer one once.
    assert!(!store.use_totp_step(user.id, 100).await.unwrap());
    assert!(!store.use_totp_step(user.id, 99).await.unwrap());
    assert!(store.use_totp_step(user.id, 101).await.unwrap());
    assert!(!store.use_totp_step(user.id, 101).await.unwrap());
    // Recovery codes: each once, with an audit entry.
    assert_eq!(store.recovery_codes_left(user.id).await.unwrap(), 10);
    let used = event(AuditAction::TwoFactorRecoveryUsed, "user");
    assert!(
        store
            .use_recovery_code(user.id, "hash-3", used.clone())
            .await
            .unwrap()
    );
    assert!(
        !store
            .use_recovery_code(user.id, "hash-3", used.clone())
            .await
            .unwrap()
    );
    assert!(
        !store
            .use_recovery_code(user.id, "nope", used)
            .await
            .unwrap()
    );
    assert_eq!(store.recovery_codes_left(user.id).await.unwrap(), 9);
    // A reset removes all of it.
    store
        .reset_two_factor(user.id, event(AuditAction::TwoFactorReset, "user"))
        .await
        .unwrap();
    assert_eq!(store.totp(user.id).await.unwrap(), None);
    assert_eq!(store.recovery_codes_left(user.id).await.unwrap(), 0);
    assert!(!store.use_totp_step(user.id, 500).await.unwrap());
    let actions: Vec<AuditAction> = store
        .audit_entries(None, 20)
        .await
        .unwrap()
        .iter()
        .map(|r| r.event.action)
        .collect();
    for action in [
        AuditAction::TwoFactorEnrolled,
        AuditAction::TwoFactorRecoveryUsed,
        AuditAction::TwoFactorReset,
    ] {
        assert_eq!(
            actions.iter().filter(|a| **a == action).count(),
            1,
            "{action}"
        );
    }
    // The roles that must use it: replaced as a whole.
    assert!(store.two_factor_roles().await.unwrap().is_empty());
    store
        .set_two_factor_roles(
            &[Role::Director, Role::Counsellor],
            event(AuditAction::TwoFactorRolesSet, "network"),
        )
        .await
        .unwrap();
    let mut roles = store.two_factor_roles().await.unwrap();
    roles.sort_by_key(|r| r.as_str());
    assert_eq!(roles, vec![Role::Counsellor, Role::Director]);
    store
        .set_two_factor_roles(&[], event(AuditAction::TwoFactorRolesSet, "network"))
        .await
        .unwrap();
    assert!(store.two_factor_roles().await.unwrap().is_empty());

    // With a key file, the secret is sealed at rest: the same database opened without it
    // cannot read it, the sealed store reads it back.
    let sealed = saathi_store::open_with(t.url(), Some(keyfile::Sealer::new(&[7; 32])))
        .await
        .unwrap();
    sealed
        .begin_totp(user.id, "JBSWY3DPEHPK3PXP", T0)
        .await
        .unwrap();
    assert_eq!(
        sealed.totp(user.id).await.unwrap().unwrap().secret,
        "JBSWY3DPEHPK3PXP"
    );
    assert!(matches!(
        store.totp(user.id).await,
        Err(StoreError::Secret(_))
    ));
}

on_both_engines!(
    organisations_round_trip_and_refuse_duplicates,
    a_stale_update_is_a_conflict_not_an_overwrite,
    users_belong_to_one_organisation_and_names_are_unique,
    user_updates_use_versions_and_deactivation_ends_sessions,
    sessions_expire_and_can_be_ended,
    tokens_authenticate_until_revoked,
    tokens_stop_at_their_expiry_and_with_their_user,
    tokens_made_before_expiry_get_ninety_days_from_the_upgrade,
    a_refused_password_must_be_changed_and_old_mixed_roles_still_load,
    the_audit_chain_verifies_and_names_an_edited_entry,
    the_audit_chain_names_deleted_entries,
    concurrent_appends_keep_one_chain,
    every_change_is_audited_in_its_transaction,
    places_are_not_given_twice_when_asked_for_at_once,
    a_second_factor_is_confirmed_once_and_its_codes_are_never_used_twice,
);
