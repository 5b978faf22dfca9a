//! The demo network: five organisations along the Kolkata–Jessore route and their users, loaded
//! idempotently (loading twice adds nothing), for `saathi demo`, `serve --demo` and the tests.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::organisation::OrganisationFields;
use domain::{Language, OrgId, OrgKind, Role, Roles, Timestamp, UserId};
use store::{NewUser, Store};

use crate::{AppError, password};

/// Every demo user's password, printed by the command and listed in the README.
pub const DEMO_PASSWORD: &str = "saathi-demo-2026";

struct DemoOrg {
    name: &'static str,
    kind: OrgKind,
    country: &'static str,
    district: &'static str,
    languages: &'static [Language],
}

const ORGS: [DemoOrg; 5] = [
    DemoOrg {
        name: "Nirapad Shelter Home, Kolkata",
        kind: OrgKind::Destination,
        country: "IN",
        district: "Kolkata",
        languages: &[Language::Bn, Language::En, Language::Hi],
    },
    DemoOrg {
        name: "Asha Niketan, Mumbai",
        kind: OrgKind::Destination,
        country: "IN",
        district: "Mumbai",
        languages: &[Language::Hi, Language::En],
    },
    DemoOrg {
        name: "Pather Sathi Transit Home, Howrah",
        kind: OrgKind::Transit,
        country: "IN",
        district: "Howrah",
        languages: &[Language::Bn, Language::Hi],
    },
    DemoOrg {
        name: "Sundarban Mahila Samiti, South 24 Parganas",
        kind: OrgKind::Source,
        country: "IN",
        district: "South 24 Parganas",
        languages: &[Language::Bn],
    },
    DemoOrg {
        name: "Notun Alo, Jessore",
        kind: OrgKind::Source,
        country: "BD",
        district: "Jessore",
        languages: &[Language::Bn],
    },
];

/// (username, display name, organisation index, role, language)
const USERS: [(&str, &str, usize, Role, Language); 8] = [
    (
        "admin",
        "Network administrator",
        0,
        Role::NetworkAdmin,
        Language::En,
    ),
    (
        "director.kolkata",
        "Mitali Sen",
        0,
        Role::Director,
        Language::Bn,
    ),
    (
        "caseworker.kolkata",
        "Rupa Das",
        0,
        Role::CaseWorker,
        Language::Bn,
    ),
    (
        "counsellor.kolkata",
        "Anjali Ghosh",
        0,
        Role::Counsellor,
        Language::En,
    ),
    (
        "caseworker.mumbai",
        "Sunita Pawar",
        1,
        Role::CaseWorker,
        Language::Hi,
    ),
    (
        "caseworker.parganas",
        "Shahnaz Begum",
        3,
        Role::CaseWorker,
        Language::Bn,
    ),
    (
        "caseworker.jessore",
        "Nasima Akter",
        4,
        Role::CaseWorker,
        Language::Bn,
    ),
    ("trainer", "Uma Chatterjee", 0, Role::Trainer, Language::Bn),
];

/// The constants above are checked by the tests; a failure here is a bug, not bad input.
fn broken(err: domain::DomainError) -> AppError {
    AppError::internal(format!("demo data: {err}"))
}

/// Loads what is missing of the demo network; returns how many records were added.
pub async fn load(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, AppError> {
    let mut org_ids = Vec::new();
    let mut added = 0;
    for org in &ORGS {
        let id = match store.organisation_by_name(org.name).await? {
            Some(existing) => existing.id,
            None => {
                let fields = OrganisationFields {
                    name: org.name.parse().map_err(broken)?,
                    kind: org.kind,
                    country: org.country.parse().map_err(broken)?,
                    district: Some(org.district.to_string()),
                    languages: org.languages.to_vec(),
                };
                let id = OrgId::new();
                let event = AuditEvent::new(
                    now,
                    AuditAction::OrganisationCreated,
                    format!("organisation:{id}"),
                )
                .scoped_to(id)
                .from_source("demo");
                store.create_organisation(id, &fields, event).await?;
                added += 1;
                id
            }
        };
        org_ids.push(id);
    }
    let password_hash = password::hash(DEMO_PASSWORD.to_string()).await?;
    for (username, display_name, org, role, language) in USERS {
        let username = username.parse().map_err(broken)?;
        if store.user_by_username(&username).await?.is_some() {
            continue;
        }
        let id = UserId::new();
        let event = AuditEvent::new(now, AuditAction::UserCreated, format!("user:{id}"))
            .scoped_to(org_ids[org])
            .from_source("demo");
        let user = NewUser {
            id,
            org_id: org_ids[org],
            username,
            display_name: Some(display_name.to_string()),
            roles: Roles::single(role),
            language,
            password_hash: password_hash.clone(),
        };
        store.create_user(&user, event).await?;
        added += 1;
    }
    if added > 0 {
        store
            .append_audit(AuditEvent::new(now, AuditAction::DemoLoaded, "demo").from_source("demo"))
            .await?;
    }
    Ok(added)
}

/// (username, role, organisation name) of every demo user, to print and document.
pub fn users() -> impl Iterator<Item = (&'static str, Role, &'static str)> {
    USERS
        .iter()
        .map(|(username, _, org, role, _)| (*username, *role, ORGS[*org].name))
}
