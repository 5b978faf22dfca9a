//! The authorisation policy: the one function that decides whether a person may do something.
//!
//! Every web page, API route and CLI command that acts for a signed-in person asks
//! [`authorize`]; nothing else grants access. Each route's allowed roles are listed in a
//! table-driven test in `web`, which tries every refused role against every route.

use serde::Serialize;

use crate::{OrgId, Role, Roles, UserId};

/// Who is asking: the signed-in person, as the policy needs to see her.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub org_id: OrgId,
    pub roles: Roles,
    /// The training gates in force and the workshops she completed.
    pub training: crate::training::gate::Standing,
}

impl Actor {
    fn has(&self, role: Role) -> bool {
        self.roles.contains(role)
    }

    fn is_staff(&self) -> bool {
        self.roles.iter().any(|r| r != Role::Survivor)
    }
}

/// What she wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// See her own account, home page, change her language.
    UseOwnAccount,
    /// List organisations and open one (the network directory).
    ViewDirectory,
    /// Read the glossary and scan a text for its terms: anyone signed in, a survivor too.
    ReadGlossary,
    /// Add, change or remove glossary terms: the network admin, who curates it for everyone.
    EditGlossary,
    /// Record that a named person reviewed a term's translation into one language: the network
    /// admin, who curates the glossary.
    ReviewGlossary,
    /// Read the network's forms (the documentation tools): anyone who works on cases.
    ReadForms,
    /// Add a form or a new version of one (from JSON or an XLSForm): the network admin.
    ManageForms,
    /// Read the training programme (its phases and workshops): anyone who works for an
    /// organisation.
    ReadTraining,
    /// Put workshops on the calendar (and, next, enrol and record attendance): trainers and
    /// the network admin.
    ManageTraining,
    /// See who attended a survivor workshop, record their attendance, their feedback and peer
    /// roles: the trainers of that workshop alone.
    SurvivorParticipants,
    /// Evaluation results and survivors' feedback as unattributed aggregates: directors and
    /// managers, trainers and the network admin.
    ReadTrainingResults,
    /// Set or lift training gates: the network admin.
    ManageGates,
    /// Choose the roles that must sign in with a second factor: the network admin.
    RequireTwoFactor,
    /// See whether someone uses a second factor and remove it when she lost her phone, for a
    /// person holding this role: her director, or the network admin when she is a director or
    /// a network admin herself. Checked for each of her roles.
    ResetTwoFactor(Role),
    CreateOrganisation,
    UpdateOrganisation,
    ListUsers,
    ViewUser,
    CreateUser,
    UpdateUser,
    ReadAudit,
    /// Give a user a role (checked for each role on create and update, after `CreateUser` or
    /// `UpdateUser`): nobody but a network admin can make a network admin.
    GrantRole(Role),
    /// See the list of an organisation's cases (codes and stages, no content).
    ListCases,
    /// Open a new case in her own organisation (she carries it from then on).
    CreateCase,
    /// See a case's code, stage and dates.
    ViewCaseSummary,
    /// See a case in full: her voice, the journey, and (later) plan and decisions.
    ViewCase,
    /// The custodian's own work on her journey: follow-ups, repatriation steps, who read her
    /// record. Never an earlier custodian's or a waiting receiver's to read.
    FollowJourney,
    /// Record her words, or correct a record of them.
    RecordVoice,
    /// Move the case along the journey (not to `closed`).
    ChangeStage,
    /// Close the case: the director's approval.
    CloseCase,
    /// Open the identity section (name, family, address).
    OpenIdentity,
    /// Add to the decision log (assigned staff, and the director who approves).
    LogDecision,
    /// Read the decision log: those who may add to it, and those who read what her
    /// organisation holds (see `case_reading`).
    ReadDecisions,
    /// Record, read and revoke her consents (the staff who carry her case).
    ManageConsent,
    /// Read the case plan (assigned staff, and the director who approves it).
    ReadPlan,
    /// Change the plan and record reviews with her (the staff who carry her case).
    EditPlan,
    /// Approve a version of the plan (the director).
    ApprovePlan,
    /// Read or write notes of one kind (see `note_work`).
    ReadNotes(crate::note::NoteKind),
    WriteNote(crate::note::NoteKind),
    /// Attach a document of one class: psychosocial ones are the assigned counsellor's, the rest
    /// the assigned staff's.
    Document(crate::consent::SectionClass),
    /// Open a document of one class: the same people, and those who read what her organisation
    /// holds.
    ReadDocument(crate::consent::SectionClass),
    /// Link a survivor's own account to her case (the assigned case worker).
    LinkSurvivor,
    /// Start a handover of a case, choose what travels, send it (the assigned case worker).
    StartHandover,
    /// Send a section her organisation holds to the case's custodian, with her consent (the
    /// assigned case worker of an organisation that held custody before): the step by which a
    /// new custodian gets a section that did not travel.
    ShareSection,
    /// Start her repatriation and record its steps (the assigned case worker).
    Repatriate,
    /// See handovers to and from her organisation (case staff of either side).
    ViewHandovers,
    /// Acknowledge, accept or decline an incoming handover (a case worker or the director of
    /// the receiving organisation).
    ReceiveHandover,
    /// Her own record, for the survivor it belongs to: her words, her plan, who read it; add
    /// her own words and say whether she agrees with her plan.
    OwnRecord,
    /// Read the restorative-care indicators and the field's counts, as figures
    /// (`docs/indicators.md`): a director for her own organisation, the network admin for
    /// every organisation and the network (`Resource::Network`). Never case-level content.
    ReadIndicators,
    /// Read the training part of the indicators: trainers, directors and the network admin.
    ReadTrainingIndicators,
    /// Open the list of her own organisation's cases behind an indicator's figure (for
    /// example the open cases with no words of hers in 90 days), to act on it: the director,
    /// for her organisation alone. The network admin reads figures, never case lists.
    ReadIndicatorCases,
    /// Take a list out of Saathi as a spreadsheet (CSV or XLSX); see [`Export`] for who may
    /// take which. Within an export, each row is still read as its own reading would be.
    Export(Export),
}

/// The spreadsheets Saathi writes, each a list that a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Export {
    /// Her organisation's case list (codes, stages, dates, who carries each, plan review): the
    /// director and the staff who carry cases, not a care-giver (her view is daily care).
    Cases,
    /// One form's filled assessments, of the cases she reads in full: case workers and
    /// counsellors.
    Assessments,
    /// A workshop's attendance by day, its drop-outs and evaluation results: whoever records
    /// attendance (trainers, the network admin).
    Attendance,
    /// The programme's drop-outs by workshop and the exchange-visit matrix: those who read
    /// training results (directors, trainers, the network admin).
    Training,
    /// The anonymised, k-anonymous HTCDS record export of the cases whose survivor consented
    /// to statistics: the network admin for the whole network (`Resource::Network`), a
    /// director for her organisation (`Resource::Organisation`).
    Htcds,
}

impl Export {
    pub const ALL: [Export; 5] = [
        Export::Cases,
        Export::Assessments,
        Export::Attendance,
        Export::Training,
        Export::Htcds,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Export::Cases => "cases",
            Export::Assessments => "assessments",
            Export::Attendance => "attendance",
            Export::Training => "training",
            Export::Htcds => "htcds",
        }
    }
}

/// What it is done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// The network as a whole (the directory, creating an organisation).
    Network,
    /// One organisation: its record, its users, its audit trail.
    Organisation(OrgId),
    /// One user account.
    User { id: UserId, org: OrgId },
    /// One case, as the actor stands to it: its custodian; whether she is among the staff who
    /// carry it; whether her organisation held custody before (`held`) or has a handover of it
    /// waiting for its answer (`awaited`); whether it is her own record (`hers`, a survivor).
    Case {
        custodian: OrgId,
        assigned: bool,
        held: bool,
        awaited: bool,
        hers: bool,
    },
    /// One workshop: whether the actor is among its trainers.
    Workshop { trainer: bool },
}

/// Why a request was refused; each has a Fluent message id so the person refused is told why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DenyReason {
    /// Her roles do not include this work.
    RoleNotAllowed,
    /// The resource belongs to another organisation.
    OtherOrganisation,
    /// Only the staff assigned to this case may do this.
    NotAssigned,
    /// The network asks for a completed workshop first (a training gate).
    TrainingRequired,
}

impl DenyReason {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::RoleNotAllowed => "forbidden-role",
            Self::OtherOrganisation => "forbidden-other-organisation",
            Self::NotAssigned => "forbidden-not-assigned",
            Self::TrainingRequired => "forbidden-training-required",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny(DenyReason),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

fn allow_if(condition: bool, otherwise: DenyReason) -> Decision {
    if condition {
        Decision::Allow
    } else {
        Decision::Deny(otherwise)
    }
}

/// Within one organisation, `who` may act; a network admin may act on any organisation.
fn org_admin(actor: &Actor, org: OrgId) -> Decision {
    if actor.has(Role::NetworkAdmin) {
        Decision::Allow
    } else if actor.has(Role::Director) {
        allow_if(actor.org_id == org, DenyReason::OtherOrganisation)
    } else {
        Decision::Deny(DenyReason::RoleNotAllowed)
    }
}

fn resource_org(resource: &Resource) -> Option<OrgId> {
    match resource {
        Resource::Network => None,
        Resource::Organisation(org) => Some(*org),
        Resource::User { org, .. } => Some(*org),
        Resource::Case { custodian, .. } => Some(*custodian),
        Resource::Workshop { .. } => None,
    }
}

/// Staff of the custodian who work with cases: a network admin never sees case content, and a
/// trainer's work is the training module.
const CASE_STAFF: [Role; 4] = [
    Role::Director,
    Role::CaseWorker,
    Role::Counsellor,
    Role::CareGiver,
];

/// Who works with which notes: case notes are for the assigned case worker and counsellor;
/// psychosocial notes for the assigned counsellor alone; daily notes and incidents for the
/// shelter's care-givers (no assignment: they care for every girl there) and the assigned staff,
/// and the director reads incidents.
fn note_work(
    actor: &Actor,
    resource: &Resource,
    kind: crate::note::NoteKind,
    reading: bool,
) -> Decision {
    use crate::note::NoteKind;
    let work = if reading { case_reading } else { case_work };
    let any = |decisions: &[Decision]| {
        decisions
            .iter()
            .copied()
            .find(|d| d.is_allowed())
            .unwrap_or_else(|| {
                decisions
                    .last()
                    .copied()
                    .unwrap_or(Decision::Deny(DenyReason::RoleNotAllowed))
            })
    };
    match kind {
        NoteKind::Case => work(actor, resource, &[Role::CaseWorker, Role::Counsellor], true),
        NoteKind::Psychosocial => work(actor, resource, &[Role::Counsellor], true),
        NoteKind::Daily | NoteKind::Incident => {
            let director_reads = reading && kind == NoteKind::Incident;
            any(&[
                work(actor, resource, &[Role::CareGiver], false),
                if director_reads {
                    work(actor, resource, &[Role::Director], false)
                } else {
                    Decision::Deny(DenyReason::RoleNotAllowed)
                },
                work(actor, resource, &[Role::CaseWorker, Role::Counsellor], true),
            ])
        }
    }
}

/// Case work for the custodian's staff with one of `roles`; `needs_assignment` for anything
/// beyond the summary.
fn case_work(
    actor: &Actor,
    resource: &Resource,
    roles: &[Role],
    needs_assignment: bool,
) -> Decision {
    let (custodian, assigned) = match resource {
        Resource::Case {
            custodian,
            assigned,
            ..
        } => (*custodian, *assigned),
        Resource::Organisation(org) => (*org, false),
        _ => return Decision::Deny(DenyReason::RoleNotAllowed),
    };
    if !roles.iter().any(|r| actor.has(*r)) {
        return Decision::Deny(DenyReason::RoleNotAllowed);
    }
    if actor.org_id != custodian {
        return Decision::Deny(DenyReason::OtherOrganisation);
    }
    allow_if(assigned || !needs_assignment, DenyReason::NotAssigned)
}

/// Reading a case's content. The custodian's staff read as [`case_work`] says. Two more may
/// read, never write: the assigned staff of an organisation that held custody before (they keep
/// reading what they wrote), and, while a handover to her organisation awaits its answer, staff
/// of the receiving organisation with one of `roles` (she accepts knowing what she takes on).
/// What each of them sees of the record is narrowed further by the organisation's
/// [`crate::sight::Sight`].
fn case_reading(
    actor: &Actor,
    resource: &Resource,
    roles: &[Role],
    needs_assignment: bool,
) -> Decision {
    let decision = case_work(actor, resource, roles, needs_assignment);
    if decision.is_allowed() {
        return decision;
    }
    if let Resource::Case {
        assigned,
        held,
        awaited,
        ..
    } = resource
        && roles.iter().any(|r| actor.has(*r))
        && ((*held && (*assigned || !needs_assignment)) || *awaited)
    {
        return Decision::Allow;
    }
    decision
}

/// Decides whether `actor` may do `action` to `resource`: her roles first, then any training
/// gate the network set on the action for one of her roles.
pub fn authorize(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    match by_role(actor, action, resource) {
        Decision::Allow if actor.training.unmet(&actor.roles, action).is_some() => {
            Decision::Deny(DenyReason::TrainingRequired)
        }
        decision => decision,
    }
}

/// May `actor` change, deactivate or reset the password of an account holding `roles`? She
/// needs `UpdateUser` on it and the right to grant every role it holds, so a director cannot
/// touch the network admin's account (nor anyone else above what she may make).
pub fn authorize_administer(actor: &Actor, id: UserId, org: OrgId, roles: &Roles) -> Decision {
    let target = Resource::User { id, org };
    std::iter::once(Action::UpdateUser)
        .chain(roles.iter().map(Action::GrantRole))
        .map(|action| authorize(actor, action, &target))
        .find(|decision| !decision.is_allowed())
        .unwrap_or(Decision::Allow)
}

fn by_role(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    use Action::*;
    match action {
        UseOwnAccount => Decision::Allow,
        ReadGlossary => Decision::Allow,
        EditGlossary => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        ReviewGlossary => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        ReadForms => allow_if(actor.is_staff(), DenyReason::RoleNotAllowed),
        ManageForms => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        ReadTraining => allow_if(actor.is_staff(), DenyReason::RoleNotAllowed),
        ManageTraining => allow_if(
            actor.has(Role::Trainer) || actor.has(Role::NetworkAdmin),
            DenyReason::RoleNotAllowed,
        ),
        SurvivorParticipants => allow_if(
            actor.has(Role::Trainer) && matches!(resource, Resource::Workshop { trainer: true }),
            DenyReason::RoleNotAllowed,
        ),
        ReadTrainingResults => allow_if(
            [Role::Director, Role::Trainer, Role::NetworkAdmin]
                .into_iter()
                .any(|r| actor.has(r)),
            DenyReason::RoleNotAllowed,
        ),
        ManageGates => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        RequireTwoFactor => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        ResetTwoFactor(Role::NetworkAdmin | Role::Director) => {
            allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed)
        }
        ResetTwoFactor(_) => match resource_org(resource) {
            Some(org) => org_admin(actor, org),
            None => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        },
        // The directory is for people who hand cases over and those who run the network; a
        // trainer, care-giver or survivor has no need of it.
        ViewDirectory => allow_if(
            actor.is_staff()
                && [
                    Role::NetworkAdmin,
                    Role::Director,
                    Role::CaseWorker,
                    Role::Counsellor,
                ]
                .into_iter()
                .any(|r| actor.has(r)),
            DenyReason::RoleNotAllowed,
        ),
        CreateOrganisation | UpdateOrganisation => {
            allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed)
        }
        ListUsers | CreateUser | UpdateUser | ReadAudit => match resource_org(resource) {
            Some(org) => org_admin(actor, org),
            // Network-wide lists are for the network admin alone.
            None => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        },
        GrantRole(Role::NetworkAdmin) => {
            allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed)
        }
        GrantRole(_) => match resource_org(resource) {
            Some(org) => org_admin(actor, org),
            None => allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed),
        },
        ListCases => case_work(actor, resource, &CASE_STAFF, false),
        ViewCaseSummary => case_reading(actor, resource, &CASE_STAFF, false),
        CreateCase => case_work(actor, resource, &[Role::CaseWorker], false),
        ViewCase | OpenIdentity => {
            case_reading(actor, resource, &[Role::CaseWorker, Role::Counsellor], true)
        }
        FollowJourney | RecordVoice | ManageConsent | EditPlan => {
            case_work(actor, resource, &[Role::CaseWorker, Role::Counsellor], true)
        }
        ChangeStage => case_work(actor, resource, &[Role::CaseWorker], true),
        CloseCase => case_work(actor, resource, &[Role::Director], false),
        ApprovePlan => case_work(actor, resource, &[Role::Director], false),
        Document(crate::consent::SectionClass::Psychosocial) => {
            case_work(actor, resource, &[Role::Counsellor], true)
        }
        Document(_) => case_work(actor, resource, &[Role::CaseWorker, Role::Counsellor], true),
        ReadDocument(crate::consent::SectionClass::Psychosocial) => {
            case_reading(actor, resource, &[Role::Counsellor], true)
        }
        ReadDocument(_) => {
            case_reading(actor, resource, &[Role::CaseWorker, Role::Counsellor], true)
        }
        LinkSurvivor | StartHandover | Repatriate => {
            case_work(actor, resource, &[Role::CaseWorker], true)
        }
        ShareSection => match resource {
            Resource::Case { held: true, .. } => {
                case_reading(actor, resource, &[Role::CaseWorker], true)
            }
            _ => Decision::Deny(DenyReason::RoleNotAllowed),
        },
        ViewHandovers => case_work(
            actor,
            resource,
            &[Role::Director, Role::CaseWorker, Role::Counsellor],
            false,
        ),
        ReceiveHandover => case_work(actor, resource, &[Role::Director, Role::CaseWorker], false),
        // Her own record is hers alone: a linked survivor is never one of the case's staff.
        OwnRecord => match resource {
            Resource::Case { hers, .. } => allow_if(
                actor.has(Role::Survivor) && *hers,
                DenyReason::RoleNotAllowed,
            ),
            _ => Decision::Deny(DenyReason::RoleNotAllowed),
        },
        ReadNotes(kind) | WriteNote(kind) => {
            note_work(actor, resource, kind, matches!(action, ReadNotes(_)))
        }
        LogDecision => match case_work(actor, resource, &[Role::Director], false) {
            Decision::Allow => Decision::Allow,
            _ => case_work(actor, resource, &[Role::CaseWorker, Role::Counsellor], true),
        },
        ReadDecisions | ReadPlan => match case_reading(actor, resource, &[Role::Director], false) {
            Decision::Allow => Decision::Allow,
            _ => case_reading(actor, resource, &[Role::CaseWorker, Role::Counsellor], true),
        },
        // A director reads her own organisation's figures; only the network admin reads
        // another organisation's, or the network's side by side with its total.
        ReadIndicators => match resource {
            Resource::Organisation(org) => org_admin(actor, *org),
            Resource::Network => {
                allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed)
            }
            _ => Decision::Deny(DenyReason::RoleNotAllowed),
        },
        ReadIndicatorCases => match resource {
            Resource::Organisation(_) => case_work(actor, resource, &[Role::Director], false),
            _ => Decision::Deny(DenyReason::RoleNotAllowed),
        },
        ReadTrainingIndicators => allow_if(
            [Role::Director, Role::Trainer, Role::NetworkAdmin]
                .into_iter()
                .any(|r| actor.has(r)),
            DenyReason::RoleNotAllowed,
        ),
        Export(crate::policy::Export::Cases) => case_work(
            actor,
            resource,
            &[Role::Director, Role::CaseWorker, Role::Counsellor],
            false,
        ),
        Export(crate::policy::Export::Assessments) => case_work(
            actor,
            resource,
            &[Role::CaseWorker, Role::Counsellor],
            false,
        ),
        Export(crate::policy::Export::Attendance) => allow_if(
            actor.has(Role::Trainer) || actor.has(Role::NetworkAdmin),
            DenyReason::RoleNotAllowed,
        ),
        Export(crate::policy::Export::Htcds) => match resource {
            Resource::Network => {
                allow_if(actor.has(Role::NetworkAdmin), DenyReason::RoleNotAllowed)
            }
            Resource::Organisation(_) if actor.has(Role::NetworkAdmin) => Decision::Allow,
            Resource::Organisation(org) if actor.has(Role::Director) => {
                allow_if(*org == actor.org_id, DenyReason::OtherOrganisation)
            }
            _ => Decision::Deny(DenyReason::RoleNotAllowed),
        },
        Export(crate::policy::Export::Training) => allow_if(
            [Role::Director, Role::Trainer, Role::NetworkAdmin]
                .into_iter()
                .any(|r| actor.has(r)),
            DenyReason::RoleNotAllowed,
        ),
        ViewUser => match resource {
            Resource::User { id, .. } if *id == actor.user_id => Decision::Allow,
            other => match resource_org(other) {
                Some(org) => org_admin(actor, org),
                None => Decision::Deny(DenyReason::RoleNotAllowed),
            },
        },
    }
}
#[cfg(test)]
mod tests;
