//! What the case summary and her words read in one statement each (issue 16) is what the
//! separate reads gave: the glance with the plan as the sight reaches it, the entries with their
//! writers' names, the assignees with the survivor accounts of the organisation.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::sight::Sight;
use domain::voice::parse_date;
use domain::{CaseId, Language, OrgId, Role, Roles, UserId, VoiceKind};
use saathi_store::{NewUser, Store};
use testkit::{TestStore, on_both_engines};

use crate::cases::{T0, event, new_case, voice, world};

async fn user(
    store: &Arc<dyn Store>,
    org: OrgId,
    username: &str,
    name: Option<&str>,
    role: Role,
) -> UserId {
    let user = NewUser {
        id: UserId::new(),
        org_id: org,
        username: username.parse().unwrap(),
        display_name: name.map(str::to_string),
        roles: Roles::single(role),
        language: Language::Bn,
        password_hash: "$argon2id$not-a-real-hash".into(),
    };
    store
        .create_user(&user, event(AuditAction::UserCreated, username))
        .await
        .unwrap();
    user.id
}

async fn save_plan(store: &Arc<dyn Store>, case: CaseId, by: UserId, sight: &Sight) -> i64 {
    let current = store
        .plan(case, sight)
        .await
        .unwrap()
        .map_or(0, |p| p.version);
    let body: domain::plan::PlanBody = serde_json::from_str(r#"{"goals":[]}"#).unwrap();
    let save = saathi_store::PlanSave {
        case,
        expected_version: current,
        body: &body,
        by,
        at: T0,
        sight,
    };
    store
        .save_plan(&save, event(AuditAction::PlanSaved, "case"))
        .await
        .unwrap()
        .version
}

async fn the_glance_comes_with_the_plan_as_the_sight_reaches_it(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let case = new_case(w.org, vec![w.worker], 60);
    store
        .create_case(&case, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    let today = parse_date("2027-03-01").unwrap();
    let (ours, theirs) = (Sight::own(w.org), Sight::own(w.other_org));
    let apart = |sight: Sight| async move {
        (
            store
                .glances(w.org, &[case.id], today)
                .await
                .unwrap()
                .into_iter()
                .next(),
            store.plan(case.id, &sight).await.unwrap(),
        )
    };
    let together = |sight: Sight| async move {
        store
            .glance_and_plan(w.org, case.id, today, &sight)
            .await
            .unwrap()
    };
    // No plan yet.
    let (glance, plan) = together(ours.clone()).await;
    assert!(glance.is_some(), "the custodian's case has a glance");
    assert_eq!(plan, None);
    assert_eq!((glance, plan), apart(ours.clone()).await);
    // Two versions saved by her organisation: the newest, as the plan's own read gives it.
    save_plan(store, case.id, w.worker, &ours).await;
    assert_eq!(save_plan(store, case.id, w.worker, &ours).await, 2);
    let (glance, plan) = together(ours.clone()).await;
    assert_eq!(plan.as_ref().map(|p| p.version), Some(2));
    assert_eq!(glance.as_ref().and_then(|g| g.plan), Some((2, None)));
    assert_eq!((glance, plan), apart(ours.clone()).await);
    // A sight that does not reach her organisation's versions reads the glance, not the plan.
    let (glance, plan) = together(theirs.clone()).await;
    assert!(glance.is_some());
    assert_eq!(
        plan, None,
        "another organisation's sight reaches no version"
    );
    assert_eq!((glance, plan), apart(theirs).await);
    // Another custodian's case: nothing.
    assert_eq!(
        store
            .glance_and_plan(w.other_org, case.id, today, &ours)
            .await
            .unwrap(),
        (None, None)
    );
}

async fn her_words_come_with_their_writers_names(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let named = user(store, w.org, "rupa.das", Some("রূপা দাস"), Role::CaseWorker).await;
    let case = new_case(w.org, vec![w.worker, named], 61);
    store
        .create_case(&case, event(AuditAction::CaseCreated, "case"))
        .await
        .unwrap();
    for (by, text, at) in [
        (w.worker, "আমি আবার স্কুলে যেতে চাই", 0),
        (named, "আমার ভয় করে", 60),
    ] {
        let mut entry = voice(case.id, by, text, VoiceKind::Hope);
        entry.recorded_at = T0.plus_seconds(at);
        store
            .record_voice(&entry, event(AuditAction::VoiceRecorded, "v"))
            .await
            .unwrap();
    }
    let ours = Sight::own(w.org);
    let together = store.voice_of_with_writers(case.id, &ours).await.unwrap();
    let entries = store.voice_of(case.id, &ours).await.unwrap();
    assert_eq!(
        together.iter().map(|(e, _)| e.clone()).collect::<Vec<_>>(),
        entries,
        "the same entries in the same order"
    );
    assert_eq!(
        together
            .iter()
            .map(|(_, name)| name.as_str())
            .collect::<Vec<_>>(),
        ["রূপা দাস", "rupa"],
        "newest first; a display name, else the username"
    );
    assert!(
        store
            .voice_of_with_writers(case.id, &Sight::own(w.other_org))
            .await
            .unwrap()
            .is_empty(),
        "nothing another organisation's sight does not reach"
    );
}

async fn the_assignees_come_with_the_survivor_accounts(t: &TestStore) {
    let store = &t.store;
    let w = world(store).await;
    let meena = user(store, w.org, "meena", Some("মীনা"), Role::Survivor).await;
    let asha = user(store, w.org, "asha", None, Role::Survivor).await;
    user(store, w.other_org, "elsewhere", None, Role::Survivor).await;
    let ids = |users: Vec<domain::User>| users.into_iter().map(|u| u.id).collect::<Vec<_>>();
    let assigned = [w.worker, w.counsellor];
    let both = ids(store
        .users_among_and_survivors(&assigned, Some(w.org))
        .await
        .unwrap());
    // By username: anjali (counsellor), asha, meena, rupa (worker); each once.
    assert_eq!(both, [w.counsellor, asha, meena, w.worker]);
    let mut apart = ids(store.users_among(&assigned).await.unwrap());
    apart.extend(ids(store.survivor_accounts_in(w.org).await.unwrap()));
    apart.sort();
    let mut sorted = both.clone();
    sorted.sort();
    assert_eq!(sorted, apart, "what the two reads gave");
    // An assignee who is also found as a survivor account comes once.
    assert_eq!(
        ids(store
            .users_among_and_survivors(&[meena], Some(w.org))
            .await
            .unwrap()),
        [asha, meena]
    );
    // Without the survivors, the assignees alone; without assignees, the survivors alone.
    let mut alone = ids(store
        .users_among_and_survivors(&assigned, None)
        .await
        .unwrap());
    alone.sort();
    let mut expected = assigned.to_vec();
    expected.sort();
    assert_eq!(alone, expected);
    assert_eq!(
        ids(store
            .users_among_and_survivors(&[], Some(w.org))
            .await
            .unwrap()),
        [asha, meena]
    );
}

on_both_engines!(
    the_glance_comes_with_the_plan_as_the_sight_reaches_it,
    her_words_come_with_their_writers_names,
    the_assignees_come_with_the_survivor_accounts,
);
