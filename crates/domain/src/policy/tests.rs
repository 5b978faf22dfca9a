use super::*;

#[test]
fn psychosocial_notes_are_for_counsellors_and_daily_care_for_the_shelter() {
    use crate::note::NoteKind;
    let own = OrgId::new();
    let assigned = on_case(own, true);
    let unassigned = on_case(own, false);
    let read = |role, kind, resource: &Resource| {
        authorize(&actor(role, own), Action::ReadNotes(kind), resource).is_allowed()
    };
    assert!(read(Role::Counsellor, NoteKind::Psychosocial, &assigned));
    assert!(
        !read(Role::CaseWorker, NoteKind::Psychosocial, &assigned),
        "counsellors only"
    );
    assert!(!read(Role::Director, NoteKind::Psychosocial, &assigned));
    assert!(
        read(Role::CareGiver, NoteKind::Daily, &unassigned),
        "care-givers care for every girl in the shelter"
    );
    assert!(!read(Role::CareGiver, NoteKind::Case, &unassigned));
    assert!(read(Role::Director, NoteKind::Incident, &unassigned));
    assert!(
        !authorize(
            &actor(Role::Director, own),
            Action::WriteNote(NoteKind::Incident),
            &unassigned
        )
        .is_allowed()
    );
    assert!(!read(
        Role::CareGiver,
        NoteKind::Daily,
        &on_case(OrgId::new(), false)
    ));
}

#[test]
fn case_content_is_for_assigned_staff_of_the_custodian_only() {
    let own = OrgId::new();
    let assigned = on_case(own, true);
    let not_assigned = on_case(own, false);
    let elsewhere = on_case(OrgId::new(), true);
    let worker = actor(Role::CaseWorker, own);
    assert!(authorize(&worker, Action::ViewCase, &assigned).is_allowed());
    assert_eq!(
        authorize(&worker, Action::ViewCase, &not_assigned),
        Decision::Deny(DenyReason::NotAssigned)
    );
    assert!(authorize(&worker, Action::ViewCaseSummary, &not_assigned).is_allowed());
    assert_eq!(
        authorize(&worker, Action::ViewCaseSummary, &elsewhere),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    let director = actor(Role::Director, own);
    assert!(authorize(&director, Action::ViewCaseSummary, &not_assigned).is_allowed());
    assert!(
        !authorize(&director, Action::ViewCase, &assigned).is_allowed(),
        "a director sees summaries"
    );
    assert!(authorize(&director, Action::CloseCase, &not_assigned).is_allowed());
    assert!(!authorize(&worker, Action::CloseCase, &assigned).is_allowed());
    for role in [Role::NetworkAdmin, Role::Trainer, Role::Survivor] {
        for action in [
            Action::ListCases,
            Action::ViewCaseSummary,
            Action::ViewCase,
            Action::OpenIdentity,
        ] {
            assert!(
                !authorize(&actor(role, own), action, &assigned).is_allowed(),
                "{role} {action:?}"
            );
        }
    }
    let counsellor = actor(Role::Counsellor, own);
    assert!(authorize(&counsellor, Action::RecordVoice, &assigned).is_allowed());
    assert!(!authorize(&counsellor, Action::ChangeStage, &assigned).is_allowed());
    assert!(
        !authorize(
            &counsellor,
            Action::CreateCase,
            &Resource::Organisation(own)
        )
        .is_allowed()
    );
    let carer = actor(Role::CareGiver, own);
    assert!(!authorize(&carer, Action::ViewCase, &assigned).is_allowed());
    assert!(authorize(&carer, Action::ListCases, &Resource::Organisation(own)).is_allowed());
}

#[test]
fn survivor_workshops_are_their_trainers_and_gates_explain_themselves() {
    let own = OrgId::new();
    let trainer = actor(Role::Trainer, own);
    let ours = Resource::Workshop { trainer: true };
    let theirs = Resource::Workshop { trainer: false };
    assert!(authorize(&trainer, Action::SurvivorParticipants, &ours).is_allowed());
    assert!(!authorize(&trainer, Action::SurvivorParticipants, &theirs).is_allowed());
    for role in [Role::Director, Role::NetworkAdmin, Role::CaseWorker] {
        assert!(
            !authorize(&actor(role, own), Action::SurvivorParticipants, &ours).is_allowed(),
            "{role:?}"
        );
    }
    assert!(
        authorize(
            &actor(Role::Director, own),
            Action::ReadTrainingResults,
            &Resource::Network
        )
        .is_allowed()
    );

    let case = on_case(own, true);
    let mut worker = actor(Role::CaseWorker, own);
    worker.training.gates.push(crate::training::gate::Gate {
        role: Role::CaseWorker,
        action: crate::training::gate::GatedAction::RecordVoice,
        workshop: "knowing-the-survivor".into(),
    });
    assert_eq!(
        authorize(&worker, Action::RecordVoice, &case),
        Decision::Deny(DenyReason::TrainingRequired)
    );
    assert!(authorize(&worker, Action::ViewCase, &case).is_allowed());
    worker
        .training
        .completed
        .insert("knowing-the-survivor".into());
    assert!(authorize(&worker, Action::RecordVoice, &case).is_allowed());
}

fn on_case(custodian: OrgId, assigned: bool) -> Resource {
    Resource::Case {
        custodian,
        assigned,
        held: false,
        awaited: false,
        hers: false,
    }
}

fn actor(role: Role, org: OrgId) -> Actor {
    Actor {
        user_id: UserId::new(),
        org_id: org,
        roles: Roles::single(role),
        training: Default::default(),
    }
}

#[test]
fn each_export_is_for_those_who_read_its_list() {
    let own = OrgId::new();
    let org = Resource::Organisation(own);
    let may = |role, export, resource: &Resource| {
        authorize(&actor(role, own), Action::Export(export), resource)
    };
    for role in [Role::Director, Role::CaseWorker, Role::Counsellor] {
        assert!(may(role, Export::Cases, &org).is_allowed(), "{role:?}");
    }
    assert_eq!(
        may(Role::CareGiver, Export::Cases, &org),
        Decision::Deny(DenyReason::RoleNotAllowed),
        "a care-giver's view is daily care, not the list"
    );
    assert_eq!(
        may(
            Role::CaseWorker,
            Export::Cases,
            &Resource::Organisation(OrgId::new())
        ),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    assert!(may(Role::Counsellor, Export::Assessments, &org).is_allowed());
    assert_eq!(
        may(Role::Director, Export::Assessments, &org),
        Decision::Deny(DenyReason::RoleNotAllowed),
        "assessments are content: for those who read cases in full"
    );
    for role in [Role::Trainer, Role::NetworkAdmin] {
        assert!(may(role, Export::Attendance, &Resource::Network).is_allowed());
    }
    assert_eq!(
        may(Role::Director, Export::Attendance, &Resource::Network),
        Decision::Deny(DenyReason::RoleNotAllowed)
    );
    for role in [Role::Director, Role::Trainer, Role::NetworkAdmin] {
        assert!(may(role, Export::Training, &Resource::Network).is_allowed());
    }
    assert!(may(Role::NetworkAdmin, Export::Htcds, &Resource::Network).is_allowed());
    assert!(may(Role::Director, Export::Htcds, &org).is_allowed());
    assert_eq!(
        may(Role::Director, Export::Htcds, &Resource::Network),
        Decision::Deny(DenyReason::RoleNotAllowed),
        "a director exports her own organisation, not the network"
    );
    assert_eq!(
        may(
            Role::Director,
            Export::Htcds,
            &Resource::Organisation(OrgId::new())
        ),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    for role in [
        Role::CaseWorker,
        Role::Counsellor,
        Role::Trainer,
        Role::CareGiver,
    ] {
        assert_eq!(
            may(role, Export::Htcds, &org),
            Decision::Deny(DenyReason::RoleNotAllowed),
            "{role:?}"
        );
    }
    for role in [Role::CaseWorker, Role::Survivor] {
        for export in Export::ALL {
            let resource = if matches!(export, Export::Cases | Export::Assessments) {
                org
            } else {
                Resource::Network
            };
            let allowed = may(role, export, &resource).is_allowed();
            let expected =
                role == Role::CaseWorker && matches!(export, Export::Cases | Export::Assessments);
            assert_eq!(allowed, expected, "{role:?} {export:?}");
        }
    }
}

#[test]
fn a_director_reads_her_own_indicators_and_the_network_admin_every_organisations() {
    let own = OrgId::new();
    let other = OrgId::new();
    let may = |role, action, resource: Resource| authorize(&actor(role, own), action, &resource);
    let care = Action::ReadIndicators;
    assert!(may(Role::Director, care, Resource::Organisation(own)).is_allowed());
    assert_eq!(
        may(Role::Director, care, Resource::Organisation(other)),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    assert_eq!(
        may(Role::Director, care, Resource::Network),
        Decision::Deny(DenyReason::RoleNotAllowed),
        "the network's side by side is the network admin's"
    );
    assert!(may(Role::NetworkAdmin, care, Resource::Organisation(other)).is_allowed());
    assert!(may(Role::NetworkAdmin, care, Resource::Network).is_allowed());
    for role in [
        Role::Trainer,
        Role::CaseWorker,
        Role::Counsellor,
        Role::CareGiver,
        Role::Survivor,
    ] {
        assert_eq!(
            may(role, care, Resource::Organisation(own)),
            Decision::Deny(DenyReason::RoleNotAllowed),
            "{role:?}"
        );
        assert!(!may(role, care, Resource::Network).is_allowed(), "{role:?}");
    }
    let training = Action::ReadTrainingIndicators;
    for role in [Role::Trainer, Role::Director, Role::NetworkAdmin] {
        assert!(
            may(role, training, Resource::Network).is_allowed(),
            "{role:?}"
        );
    }
    for role in [
        Role::CaseWorker,
        Role::Counsellor,
        Role::CareGiver,
        Role::Survivor,
    ] {
        assert!(
            !may(role, training, Resource::Network).is_allowed(),
            "{role:?}"
        );
    }
    assert!(
        !may(Role::Director, care, on_case(own, true)).is_allowed(),
        "figures, never a case"
    );
}

#[test]
fn a_director_resets_her_staff_second_factor_and_the_network_admin_resets_directors() {
    let own = OrgId::new();
    let other = OrgId::new();
    let user_in = |org| Resource::User {
        id: UserId::new(),
        org,
    };
    let may = |role, target, org| {
        authorize(
            &actor(role, own),
            Action::ResetTwoFactor(target),
            &user_in(org),
        )
        .is_allowed()
    };
    assert!(may(Role::Director, Role::Counsellor, own));
    assert!(!may(Role::Director, Role::Counsellor, other));
    assert!(
        !may(Role::Director, Role::Director, own),
        "not another director"
    );
    assert!(!may(Role::Director, Role::NetworkAdmin, own));
    assert!(may(Role::NetworkAdmin, Role::Director, other));
    assert!(!may(Role::CaseWorker, Role::CareGiver, own));
    for role in Role::ALL {
        let allowed = authorize(
            &actor(role, own),
            Action::RequireTwoFactor,
            &Resource::Network,
        )
        .is_allowed();
        assert_eq!(allowed, role == Role::NetworkAdmin, "{role:?}");
    }
}

#[test]
fn earlier_custodians_and_waiting_receivers_read_but_never_write() {
    let custodian = OrgId::new();
    let former = |assigned| Resource::Case {
        custodian,
        assigned,
        held: true,
        awaited: false,
        hers: false,
    };
    let waiting = Resource::Case {
        custodian,
        assigned: false,
        held: false,
        awaited: true,
        hers: false,
    };
    let worker = actor(Role::CaseWorker, OrgId::new());
    for action in [
        Action::ViewCase,
        Action::ReadPlan,
        Action::ReadDecisions,
        Action::OpenIdentity,
        Action::ReadDocument(crate::consent::SectionClass::Legal),
    ] {
        assert!(
            authorize(&worker, action, &former(true)).is_allowed(),
            "{action:?}"
        );
        assert!(
            authorize(&worker, action, &waiting).is_allowed(),
            "{action:?}"
        );
        assert!(
            !authorize(&worker, action, &former(false)).is_allowed(),
            "unassigned {action:?}"
        );
    }
    for action in [
        Action::FollowJourney,
        Action::RecordVoice,
        Action::EditPlan,
        Action::LogDecision,
        Action::ManageConsent,
        Action::ChangeStage,
        Action::StartHandover,
        Action::Document(crate::consent::SectionClass::Legal),
        Action::WriteNote(crate::note::NoteKind::Case),
    ] {
        assert_eq!(
            authorize(&worker, action, &former(true)),
            Decision::Deny(DenyReason::OtherOrganisation),
            "{action:?}"
        );
        assert!(
            !authorize(&worker, action, &waiting).is_allowed(),
            "{action:?}"
        );
    }
    assert!(
        !authorize(
            &actor(Role::CaseWorker, OrgId::new()),
            Action::ReadPlan,
            &on_case(custodian, true)
        )
        .is_allowed(),
        "a stranger reads nothing"
    );
}

#[test]
fn a_survivor_reads_only_her_own_record() {
    let org = OrgId::new();
    let survivor = actor(Role::Survivor, org);
    let hers = Resource::Case {
        custodian: org,
        assigned: true,
        held: false,
        awaited: false,
        hers: true,
    };
    assert!(authorize(&survivor, Action::OwnRecord, &hers).is_allowed());
    assert!(!authorize(&survivor, Action::OwnRecord, &on_case(org, true)).is_allowed());
    for action in [
        Action::ViewCase,
        Action::ReadNotes(crate::note::NoteKind::Psychosocial),
        Action::OpenIdentity,
        Action::ViewCaseSummary,
    ] {
        assert!(
            !authorize(&survivor, action, &hers).is_allowed(),
            "{action:?}"
        );
    }
}

#[test]
fn only_network_admins_manage_organisations() {
    let org = OrgId::new();
    for role in Role::ALL {
        let decision = authorize(
            &actor(role, org),
            Action::CreateOrganisation,
            &Resource::Network,
        );
        assert_eq!(decision.is_allowed(), role == Role::NetworkAdmin, "{role}");
    }
}

#[test]
fn a_director_manages_her_own_organisations_users_only() {
    let own = OrgId::new();
    let other = OrgId::new();
    let director = actor(Role::Director, own);
    assert!(authorize(&director, Action::CreateUser, &Resource::Organisation(own)).is_allowed());
    assert_eq!(
        authorize(
            &director,
            Action::CreateUser,
            &Resource::Organisation(other)
        ),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    let case_worker = actor(Role::CaseWorker, own);
    assert_eq!(
        authorize(
            &case_worker,
            Action::CreateUser,
            &Resource::Organisation(own)
        ),
        Decision::Deny(DenyReason::RoleNotAllowed)
    );
}

#[test]
fn a_director_cannot_make_a_network_admin() {
    let org = OrgId::new();
    let director = actor(Role::Director, org);
    let here = Resource::Organisation(org);
    assert!(authorize(&director, Action::GrantRole(Role::CaseWorker), &here).is_allowed());
    assert!(!authorize(&director, Action::GrantRole(Role::NetworkAdmin), &here).is_allowed());
    let admin = actor(Role::NetworkAdmin, OrgId::new());
    assert!(authorize(&admin, Action::GrantRole(Role::NetworkAdmin), &here).is_allowed());
}

#[test]
fn a_director_administers_only_those_she_could_have_made() {
    let org = OrgId::new();
    let director = actor(Role::Director, org);
    let worker = Roles::parse_list("case-worker,counsellor").unwrap();
    let admin_roles = Roles::single(Role::NetworkAdmin);
    let id = UserId::new();
    assert!(authorize_administer(&director, id, org, &worker).is_allowed());
    assert_eq!(
        authorize_administer(&director, id, org, &admin_roles),
        Decision::Deny(DenyReason::RoleNotAllowed)
    );
    assert_eq!(
        authorize_administer(&director, id, OrgId::new(), &worker),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    let mixed = Roles::parse_stored("network-admin,trainer").unwrap();
    assert!(!authorize_administer(&director, id, org, &mixed).is_allowed());
    let admin = actor(Role::NetworkAdmin, OrgId::new());
    assert!(authorize_administer(&admin, id, org, &admin_roles).is_allowed());
    assert_eq!(
        authorize_administer(&actor(Role::CaseWorker, org), id, org, &worker),
        Decision::Deny(DenyReason::RoleNotAllowed)
    );
}

#[test]
fn everyone_may_see_herself_but_not_others() {
    let org = OrgId::new();
    let me = actor(Role::CareGiver, org);
    let myself = Resource::User {
        id: me.user_id,
        org,
    };
    let colleague = Resource::User {
        id: UserId::new(),
        org,
    };
    assert!(authorize(&me, Action::ViewUser, &myself).is_allowed());
    assert!(!authorize(&me, Action::ViewUser, &colleague).is_allowed());
}

#[test]
fn survivors_and_trainers_do_not_see_the_directory() {
    let org = OrgId::new();
    for role in [Role::Survivor, Role::Trainer, Role::CareGiver] {
        assert!(
            !authorize(&actor(role, org), Action::ViewDirectory, &Resource::Network).is_allowed()
        );
    }
    assert!(
        authorize(
            &actor(Role::CaseWorker, org),
            Action::ViewDirectory,
            &Resource::Network
        )
        .is_allowed()
    );
}

#[test]
fn only_her_director_opens_the_cases_behind_a_figure() {
    let own = OrgId::new();
    let other = OrgId::new();
    let may = |role, resource: Resource| {
        authorize(&actor(role, own), Action::ReadIndicatorCases, &resource)
    };
    assert!(may(Role::Director, Resource::Organisation(own)).is_allowed());
    assert_eq!(
        may(Role::Director, Resource::Organisation(other)),
        Decision::Deny(DenyReason::OtherOrganisation)
    );
    assert_eq!(
        may(Role::Director, Resource::Network),
        Decision::Deny(DenyReason::RoleNotAllowed)
    );
    assert!(
        !may(Role::Director, on_case(own, true)).is_allowed(),
        "a list of her organisation, not a case"
    );
    for role in [
        Role::NetworkAdmin,
        Role::Trainer,
        Role::CaseWorker,
        Role::Counsellor,
        Role::CareGiver,
        Role::Survivor,
    ] {
        for resource in [Resource::Organisation(own), Resource::Network] {
            assert_eq!(
                may(role, resource),
                Decision::Deny(DenyReason::RoleNotAllowed),
                "{role:?}: figures only"
            );
        }
    }
}
