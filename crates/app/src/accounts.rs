//! Creating and changing organisations and users: validation, hashing, audit. Shared by the web
//! pages, the API and the command line, so all three refuse the same things in the same words.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::organisation::{OrganisationFields, parse_district, parse_languages};
use domain::password::{PasswordContext, check_password};
use domain::policy::{Action, Resource};
use domain::user::parse_display_name;
use domain::zone::TimeZone;
use domain::{Language, OrgId, Organisation, Role, Roles, Timestamp, User, UserId, Username};
use store::{NewUser, Store, UserChanges};

use crate::{Acting, Error, FieldError, password};

/// An organisation as typed into a form, the API or the command line.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OrgInput {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub district: String,
    /// Comma-separated codes: `bn,en`.
    pub languages: String,
    /// An IANA zone name (`Asia/Dhaka`); blank means its country's (`Asia/Kolkata` for India).
    pub time_zone: String,
}

impl OrgInput {
    pub fn from_organisation(org: &Organisation) -> Self {
        Self {
            name: org.fields.name.to_string(),
            kind: org.fields.kind.to_string(),
            country: org.fields.country.to_string(),
            district: org.fields.district.clone().unwrap_or_default(),
            languages: org
                .fields
                .languages
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(","),
            time_zone: org.fields.time_zone.to_string(),
        }
    }

    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<OrganisationFields, Error> {
        let mut errors = Vec::new();
        let name = self
            .name
            .parse()
            .map_err(|e| errors.push(FieldError::new("name", &e)))
            .ok();
        let kind = if self.kind.trim().is_empty() {
            errors.push(FieldError::required("kind"));
            None
        } else {
            self.kind
                .parse()
                .map_err(|e| errors.push(FieldError::new("kind", &e)))
                .ok()
        };
        let country = if self.country.trim().is_empty() {
            errors.push(FieldError::required("country"));
            None
        } else {
            self.country
                .parse()
                .map_err(|e| errors.push(FieldError::new("country", &e)))
                .ok()
        };
        let district = parse_district(&self.district)
            .map_err(|e| errors.push(FieldError::new("district", &e)))
            .ok();
        let languages = parse_languages(&self.languages)
            .map_err(|e| errors.push(FieldError::new("languages", &e)))
            .ok();
        let time_zone = if self.time_zone.trim().is_empty() {
            None
        } else {
            self.time_zone
                .parse::<TimeZone>()
                .map_err(|e| errors.push(FieldError::new("time_zone", &e)))
                .ok()
        };
        match (name, kind, country, district, languages) {
            (Some(name), Some(kind), Some(country), Some(district), Some(languages))
                if errors.is_empty() =>
            {
                Ok(OrganisationFields {
                    time_zone: time_zone.unwrap_or_else(|| TimeZone::for_country(&country)),
                    name,
                    kind,
                    country,
                    district,
                    languages,
                })
            }
            _ => Err(Error::Invalid(errors)),
        }
    }
}

pub async fn create_organisation(
    store: &Arc<dyn Store>,
    acting: &Acting,
    input: &OrgInput,
) -> Result<Organisation, Error> {
    acting.check(Action::CreateOrganisation, Resource::Network)?;
    let fields = input.validate()?;
    let id = OrgId::new();
    let event = acting
        .event(
            AuditAction::OrganisationCreated,
            format!("organisation:{id}"),
            Some(id),
        )
        .with_detail(detail(&[
            ("name", fields.name.as_str()),
            ("time_zone", fields.time_zone.as_str()),
        ]));
    Ok(store.create_organisation(id, &fields, event).await?)
}

pub async fn update_organisation(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: OrgId,
    expected_version: i64,
    input: &OrgInput,
) -> Result<Organisation, Error> {
    acting.check(Action::UpdateOrganisation, Resource::Organisation(id))?;
    let fields = input.validate()?;
    let event = acting
        .event(
            AuditAction::OrganisationUpdated,
            format!("organisation:{id}"),
            Some(id),
        )
        .with_detail(detail(&[("name", fields.name.as_str())]));
    Ok(store
        .update_organisation(id, expected_version, &fields, event)
        .await?)
}

/// Finds an organisation by id or exact name (as `--org` accepts either).
pub async fn find_organisation(
    store: &Arc<dyn Store>,
    id_or_name: &str,
) -> Result<Organisation, Error> {
    if let Ok(id) = id_or_name.parse::<OrgId>()
        && let Some(org) = store.organisation(id).await?
    {
        return Ok(org);
    }
    store
        .organisation_by_name(id_or_name)
        .await?
        .ok_or(Error::NotFound)
}

/// A user as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct UserInput {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<String>,
    /// Blank: the organisation's first working language.
    pub language: String,
    pub password: String,
}

fn parse_roles(roles: &[String], errors: &mut Vec<FieldError>) -> Option<Roles> {
    let parsed: Result<Vec<Role>, _> = roles
        .iter()
        .filter(|r| !r.trim().is_empty())
        .map(|r| r.parse())
        .collect();
    match parsed.and_then(Roles::new) {
        Ok(roles) => Some(roles),
        Err(e) => {
            errors.push(FieldError::new("roles", &e));
            None
        }
    }
}

fn parse_language(
    text: &str,
    fallback: Language,
    errors: &mut Vec<FieldError>,
) -> Option<Language> {
    if text.trim().is_empty() {
        return Some(fallback);
    }
    text.parse()
        .map_err(|e| errors.push(FieldError::new("language", &e)))
        .ok()
}

fn check_grants(acting: &Acting, org: OrgId, roles: &Roles) -> Result<(), Error> {
    for role in roles.iter() {
        acting.check(Action::GrantRole(role), Resource::Organisation(org))?;
    }
    Ok(())
}

pub async fn create_user(
    store: &Arc<dyn Store>,
    acting: &Acting,
    org: &Organisation,
    input: &UserInput,
) -> Result<User, Error> {
    acting.check(Action::CreateUser, Resource::Organisation(org.id))?;
    let mut errors = Vec::new();
    let username: Option<Username> = input
        .username
        .parse()
        .map_err(|e| errors.push(FieldError::new("username", &e)))
        .ok();
    let display_name = parse_display_name(&input.display_name)
        .map_err(|e| errors.push(FieldError::new("display_name", &e)))
        .ok();
    let roles = parse_roles(&input.roles, &mut errors);
    let fallback = org
        .fields
        .languages
        .first()
        .copied()
        .unwrap_or(Language::En);
    let language = parse_language(&input.language, fallback, &mut errors);
    let context = PasswordContext {
        username: input.username.trim(),
        organisation: org.fields.name.as_str(),
        demo: false,
    };
    if let Err(e) = check_password(&input.password, context) {
        errors.push(FieldError::new("password", &e));
    }
    let (Some(username), Some(display_name), Some(roles), Some(language)) =
        (username, display_name, roles, language)
    else {
        return Err(Error::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    check_grants(acting, org.id, &roles)?;
    let password_hash = password::hash(input.password.clone()).await?;
    let id = UserId::new();
    let event = acting
        .event(AuditAction::UserCreated, format!("user:{id}"), Some(org.id))
        .with_detail(detail(&[
            ("username", username.as_str()),
            ("roles", &roles.to_list()),
        ]));
    let new = NewUser {
        id,
        org_id: org.id,
        username,
        display_name,
        roles,
        language,
        password_hash,
    };
    Ok(store.create_user(&new, event).await?)
}

/// The editable part of a user, as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct UserUpdateInput {
    pub display_name: String,
    pub roles: Vec<String>,
    pub language: String,
    pub active: bool,
}

pub async fn update_user(
    store: &Arc<dyn Store>,
    acting: &Acting,
    user: &User,
    expected_version: i64,
    input: &UserUpdateInput,
) -> Result<User, Error> {
    acting.administer(user)?;
    let mut errors = Vec::new();
    let display_name = parse_display_name(&input.display_name)
        .map_err(|e| errors.push(FieldError::new("display_name", &e)))
        .ok();
    let roles = parse_roles(&input.roles, &mut errors);
    let language = parse_language(&input.language, user.language, &mut errors);
    let (Some(display_name), Some(roles), Some(language)) = (display_name, roles, language) else {
        return Err(Error::Invalid(errors));
    };
    // Only roles being added need the right to grant them.
    let added = Roles::new(roles.iter().filter(|r| !user.roles.contains(*r)));
    if let Ok(added) = added {
        check_grants(acting, user.org_id, &added)?;
    }
    let changes = UserChanges {
        display_name,
        roles,
        language,
        active: input.active,
    };
    let event = acting
        .event(
            AuditAction::UserUpdated,
            format!("user:{}", user.id),
            Some(user.org_id),
        )
        .with_detail(detail(&[
            ("roles", &changes.roles.to_list()),
            ("active", if changes.active { "true" } else { "false" }),
        ]));
    Ok(store
        .update_user(user.id, expected_version, &changes, event)
        .await?)
}

/// Sets a new password (her own, or by an administrator), after the password rule.
pub async fn set_password(
    store: &Arc<dyn Store>,
    acting: &Acting,
    user: &User,
    new_password: &str,
) -> Result<(), Error> {
    if acting.actor.as_ref().is_some_and(|a| a.user_id != user.id) {
        acting.administer(user)?;
    }
    let org = store
        .organisation(user.org_id)
        .await?
        .ok_or(Error::NotFound)?;
    let context = PasswordContext {
        username: user.username.as_str(),
        organisation: org.fields.name.as_str(),
        demo: false,
    };
    check_password(new_password, context)
        .map_err(|e| Error::Invalid(vec![FieldError::new("password", &e)]))?;
    let hash = password::hash(new_password.to_string()).await?;
    let event = acting.event(
        AuditAction::PasswordChanged,
        format!("user:{}", user.id),
        Some(user.org_id),
    );
    Ok(store.set_password(user.id, &hash, event).await?)
}

/// Saves her own language preference (from *My account*), with its audit entry. A concurrent
/// change of her account is retried once on the newer version: her language is hers alone to
/// set, so nothing of the other change is lost.
pub async fn set_language(
    store: &Arc<dyn Store>,
    acting: &Acting,
    user: &User,
    code: &str,
) -> Result<(), Error> {
    let language: Language = code
        .parse()
        .map_err(|e| Error::Invalid(vec![FieldError::new("language", &e)]))?;
    let event = acting
        .event(
            AuditAction::UserUpdated,
            format!("user:{}", user.id),
            Some(user.org_id),
        )
        .with_detail(detail(&[("language", language.code())]));
    let mut current = user.clone();
    for _ in 0..2 {
        let changes = UserChanges {
            display_name: current.display_name.clone(),
            roles: current.roles.clone(),
            language,
            active: current.active,
        };
        match store
            .update_user(current.id, current.version, &changes, event.clone())
            .await
        {
            Ok(_) => return Ok(()),
            Err(store::StoreError::Conflict { .. }) => {
                current = store.user(user.id).await?.ok_or(Error::NotFound)?;
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(Error::PreconditionFailed {
        current_version: current.version,
    })
}

/// The checks of a sign-in after the password was found right, while the plain password is at
/// hand: `Some(message id)` refuses her, `None` lets her in.
///
/// - An account holding `survivor` with a staff role (made before that was refused) stays shut
///   until an administrator splits it.
/// - A password the current rule refuses (common, her username or organisation, the demo
///   password outside the demo) still lets her in, but every page sends her to change it.
pub async fn admit(
    store: &Arc<dyn Store>,
    user: &User,
    password: &str,
    demo: bool,
    source: &str,
    at: Timestamp,
) -> Result<Option<&'static str>, Error> {
    let event = |action, why: &str| {
        AuditEvent::new(at, action, format!("user:{}", user.id))
            .by(user.id, user.org_id)
            .scoped_to(user.org_id)
            .from_source(source.to_string())
            .with_detail(detail(&[("reason", why)]))
    };
    if user.roles.mixes_survivor_and_staff() {
        store
            .append_audit(event(AuditAction::SignInFailed, "survivor-with-staff-role"))
            .await?;
        return Ok(Some("sign-in-split-account"));
    }
    let org = store
        .organisation(user.org_id)
        .await?
        .ok_or(Error::NotFound)?;
    let context = PasswordContext {
        username: user.username.as_str(),
        organisation: org.fields.name.as_str(),
        demo,
    };
    if let Err(refused) = check_password(password, context) {
        store
            .require_password_change(
                user.id,
                event(AuditAction::UserUpdated, refused.message_id()),
            )
            .await?;
    }
    Ok(None)
}

/// Accounts from before survivor accounts were kept apart from staff ones, that hold both: what
/// `saathi migrate` lists for an administrator to split.
pub async fn mixed_accounts(store: &Arc<dyn Store>) -> Result<Vec<(Organisation, User)>, Error> {
    let mut found = Vec::new();
    for org in store.organisations().await? {
        for user in store.users_in(org.id).await? {
            if user.roles.mixes_survivor_and_staff() {
                found.push((org.clone(), user));
            }
        }
    }
    Ok(found)
}

/// A small JSON object for an audit entry's detail.
pub fn detail(pairs: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// A command run on the server in the name of `username` (the CLI's `--as`): her rights apply,
/// and the audit trail records her, from `source`. An unknown or deactivated account acts as
/// nobody (`NotFound`).
pub async fn acting_as(
    store: &Arc<dyn Store>,
    username: &str,
    source: &str,
    at: Timestamp,
) -> Result<Acting, Error> {
    let name: domain::Username = username.trim().parse().map_err(|_| Error::NotFound)?;
    let user = store
        .user_by_username(&name)
        .await?
        .filter(|u| u.active)
        .ok_or(Error::NotFound)?;
    let training = crate::training::gates::standing(store, &user).await?;
    let actor = domain::policy::Actor {
        user_id: user.id,
        org_id: user.org_id,
        roles: user.roles.clone(),
        training,
    };
    Ok(Acting::person(actor, source, at))
}
