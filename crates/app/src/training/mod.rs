//! The training programme for the pages and the API: the template, and putting its workshops
//! on the calendar (trainers and the network admin; audited).

pub(crate) mod demo;
pub mod evaluation;
pub mod exchange;
pub mod gates;
pub mod survivors;

use domain::WorkshopId;
use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::{Action, Resource};
use domain::training::{Facilitator, Programme, Workshop, check_workshop};
use store::Store;

use crate::accounts::detail;
use crate::{Acting, App};

use crate::{Error, FieldError, Tr};

/// Parses the programme template compiled into the binary. [`crate::App::new`] does it once;
/// everything that serves requests asks [`crate::App::programme`].
pub(crate) fn template() -> Result<Programme, Error> {
    domain::training::caring_connections()
        .map_err(|e| Error::internal(format!("the programme template: {e}")))
}

/// A workshop to schedule, as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleInput {
    /// The programme workshop it runs: `knowing-the-survivor`.
    pub workshop: String,
    pub venue: String,
    pub starts_on: String,
    /// Blank: as many days as the workshop has.
    pub ends_on: String,
    /// Blank: today.
    pub announced_on: String,
    /// Blank: the programme's group size (16).
    pub capacity: Option<u32>,
    pub facilitators: Vec<Facilitator>,
    /// Usernames of the trainers who run it besides the one scheduling it. Only they see who
    /// attends a survivor workshop.
    pub trainers: Vec<String>,
}

pub async fn schedule(
    app: &App,
    acting: &Acting,
    input: &ScheduleInput,
) -> Result<Workshop, Error> {
    schedule_from(&app.store, app.programme(), acting, input).await
}

/// [`schedule`], for the demo loader, which has a store but no [`App`].
pub(crate) async fn schedule_from(
    store: &Arc<dyn Store>,
    programme: &Programme,
    acting: &Acting,
    input: &ScheduleInput,
) -> Result<Workshop, Error> {
    acting.check(Action::ManageTraining, Resource::Network)?;
    let template = programme
        .workshop(&input.workshop)
        .cloned()
        .ok_or_else(|| {
            Error::Invalid(vec![FieldError {
                field: "workshop".into(),
                message_id: "error-unknown-workshop",
                english: format!("the programme has no workshop {:?}", input.workshop),
            }])
        })?;
    let mut errors = Vec::new();
    let mut date = |field: &'static str, text: &str| match domain::voice::parse_date(text) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(FieldError::new(field, &e));
            None
        }
    };
    let starts_on = date("starts_on", &input.starts_on);
    let ends_on = if input.ends_on.trim().is_empty() {
        starts_on.and_then(|s| s.checked_add(time::Duration::days(i64::from(template.days) - 1)))
    } else {
        date("ends_on", &input.ends_on)
    };
    let announced_on = if input.announced_on.trim().is_empty() {
        Some(acting.at.to_datetime().date())
    } else {
        date("announced_on", &input.announced_on)
    };
    let mut trainers = Vec::new();
    if let Some(actor) = &acting.actor
        && actor.roles.contains(domain::Role::Trainer)
    {
        trainers.push(actor.user_id);
    }
    for name in &input.trainers {
        match trainer(store, name).await? {
            Some(id) if !trainers.contains(&id) => trainers.push(id),
            Some(_) => {}
            None => errors.push(FieldError {
                field: "trainers".into(),
                message_id: "error-unknown-trainer",
                english: format!("{name:?} is not an active trainer"),
            }),
        }
    }
    // Only its trainers may add survivors to a survivor workshop: it needs one.
    if template.audience == domain::training::Audience::Survivors && trainers.is_empty() {
        errors.push(FieldError {
            field: "trainers".into(),
            message_id: "error-needs-trainer",
            english: "a survivor workshop needs a trainer who runs it".into(),
        });
    }
    let (Some(starts_on), Some(ends_on), Some(announced_on)) = (starts_on, ends_on, announced_on)
    else {
        return Err(Error::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let workshop = Workshop {
        id: uuid::Uuid::now_v7(),
        programme: programme.key.clone(),
        template,
        venue: domain::text::normalise(&input.venue),
        starts_on,
        ends_on,
        announced_on,
        capacity: input
            .capacity
            .unwrap_or(domain::training::TARGET_GROUP_SIZE),
        facilitators: input.facilitators.clone(),
        trainers,
        created_at: acting.at,
    };
    let problems = check_workshop(&workshop);
    if !problems.is_empty() {
        return Err(Error::Invalid(
            problems
                .iter()
                .map(|(f, e)| FieldError::new(f, e))
                .collect(),
        ));
    }
    let audit = acting
        .event(
            AuditAction::WorkshopScheduled,
            format!("workshop:{}", workshop.id),
            None,
        )
        .with_detail(detail(&[
            ("workshop", &workshop.template.key),
            ("starts_on", &domain::voice::format_date_iso(starts_on)),
        ]));
    let by = acting.actor.as_ref().map(|a| a.user_id);
    store.add_workshop(&workshop, by, audit).await?;
    Ok(workshop)
}

/// An active trainer's id by username.
async fn trainer(store: &Arc<dyn Store>, name: &str) -> Result<Option<domain::UserId>, Error> {
    let Ok(username) = name.parse::<domain::Username>() else {
        return Ok(None);
    };
    Ok(store
        .user_by_username(&username)
        .await?
        .filter(|u| u.active && u.roles.contains(domain::Role::Trainer))
        .map(|u| u.id))
}

/// One line about the workshop in the reader's language: days, residential, venue,
/// facilitators (those who are mental-health professionals marked).
pub fn summary(t: &Tr, w: &Workshop) -> String {
    let facilitators: Vec<String> = w
        .facilitators
        .iter()
        .map(|f| {
            if f.mental_health {
                format!("{} ({})", f.name, t.get("training-mental-health"))
            } else {
                f.name.clone()
            }
        })
        .collect();
    let mut parts = vec![
        t.count("training-days", w.template.days as usize),
        t.get(if w.template.residential {
            "training-residential"
        } else {
            "training-not-residential"
        }),
        w.venue.clone(),
    ];
    if !facilitators.is_empty() {
        parts.push(t.with("training-facilitators", "names", &facilitators.join(", ")));
    }
    parts.join(" · ")
}

pub(crate) fn invalid(field: &'static str, e: &domain::DomainError) -> Error {
    Error::Invalid(vec![FieldError::new(field, e)])
}

pub async fn workshop(store: &Arc<dyn Store>, id: WorkshopId) -> Result<Workshop, Error> {
    store.workshop(id.0).await?.ok_or(Error::NotFound)
}

/// An enrolment as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EnrolInput {
    /// The participant's username.
    pub user: String,
    pub years_in_org: u32,
    pub childcare_needs: bool,
    /// Enrol even though the workshop is full (the trainer decided so).
    pub beyond_capacity: bool,
}

/// Enrols a member of staff (trainers, the network admin). Survivors take part in their own
/// workshops, recorded apart with pseudonymous codes, never through this.
pub async fn enrol(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    input: &EnrolInput,
) -> Result<domain::training::Enrolment, Error> {
    acting.check(Action::ManageTraining, Resource::Network)?;
    let w = workshop(store, id).await?;
    let unknown = || {
        Error::Invalid(vec![FieldError {
            field: "user".into(),
            message_id: "error-unknown-participant",
            english: "no member of staff with that username".into(),
        }])
    };
    let username: domain::Username = input.user.parse().map_err(|_| unknown())?;
    let user = store
        .user_by_username(&username)
        .await?
        .filter(|u| u.active && !u.roles.contains(domain::Role::Survivor))
        .ok_or_else(unknown)?;
    if w.template.audience == domain::training::Audience::Survivors {
        return Err(Error::Invalid(vec![FieldError {
            field: "user".into(),
            message_id: "error-survivor-workshop",
            english: "survivor workshops record their participants apart, with codes".into(),
        }]));
    }
    let e = domain::training::Enrolment {
        id: uuid::Uuid::now_v7(),
        workshop_id: w.id,
        user_id: user.id,
        org_id: user.org_id,
        years_in_org: input.years_in_org.min(80),
        childcare_needs: input.childcare_needs,
        enrolled_at: acting.at,
        dropout: None,
    };
    let audit = acting
        .event(
            AuditAction::Enrolled,
            format!("workshop:{}", w.id),
            Some(user.org_id),
        )
        .with_detail(detail(&[("user", &user.id.to_string())]));
    match store
        .enrol(&e, w.capacity, input.beyond_capacity, audit)
        .await
    {
        Ok(()) => Ok(e),
        Err(store::StoreError::Conflict { .. }) => Err(full(&w)),
        Err(store::StoreError::Duplicate(_)) => Err(Error::Invalid(vec![FieldError {
            field: "user".into(),
            message_id: "error-already-enrolled",
            english: "she is enrolled already".into(),
        }])),
        Err(other) => Err(other.into()),
    }
}

/// The workshop is full: said beside the box that enrols beyond its places on purpose.
pub(crate) fn full(w: &Workshop) -> Error {
    Error::Invalid(vec![FieldError {
        field: "beyond_capacity".into(),
        message_id: "error-workshop-full",
        english: format!(
            "the workshop is full ({} places); go beyond capacity only on purpose",
            w.capacity
        ),
    }])
}

/// Nobody was ticked: said beside the list rather than saving nothing in silence.
pub(crate) fn nobody(field: &'static str) -> Error {
    Error::Invalid(vec![FieldError {
        field: field.into(),
        message_id: "error-choose-someone",
        english: "tick at least one person".into(),
    }])
}

/// A day of the workshop as typed in.
pub(crate) fn day_of(w: &Workshop, day: &str) -> Result<time::Date, Error> {
    let day = domain::voice::parse_date(day).map_err(|e| invalid("day", &e))?;
    domain::training::check_day(w, day).map_err(|e| invalid("day", &e))?;
    Ok(day)
}

/// Records a day of attendance for everyone ticked, all or none: a day of the workshop, for
/// people enrolled in it.
pub async fn attend(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    enrolments: &[String],
    day: &str,
) -> Result<(), Error> {
    acting.check(Action::ManageTraining, Resource::Network)?;
    let w = workshop(store, id).await?;
    let enrolled = store.enrolments_of(w.id).await?;
    let mut present = Vec::new();
    for text in enrolments {
        let id: uuid::Uuid = text.parse().map_err(|_| Error::NotFound)?;
        let (e, _) = enrolled
            .iter()
            .find(|(e, _)| e.id == id)
            .ok_or(Error::NotFound)?;
        present.push(e);
    }
    if present.is_empty() {
        return Err(nobody("enrolment"));
    }
    let day = day_of(&w, day)?;
    // One entry per organisation, so each director reads her own staff's attendance.
    let mut orgs: Vec<domain::OrgId> = present.iter().map(|e| e.org_id).collect();
    orgs.sort();
    orgs.dedup();
    let audit: Vec<_> = orgs
        .iter()
        .map(|org| {
            let theirs: Vec<String> = present
                .iter()
                .filter(|e| e.org_id == *org)
                .map(|e| e.id.to_string())
                .collect();
            acting
                .event(
                    AuditAction::AttendanceRecorded,
                    format!("workshop:{}", w.id),
                    Some(*org),
                )
                .with_detail(detail(&[
                    ("enrolments", &theirs.join(",")),
                    ("day", &domain::voice::format_date_iso(day)),
                ]))
        })
        .collect();
    let by = acting.actor.as_ref().map(|a| a.user_id);
    let ids: Vec<uuid::Uuid> = present.iter().map(|e| e.id).collect();
    Ok(store.record_attendance(&ids, day, by, &audit).await?)
}

/// Why she left, as typed in: a reason from the list, and words for `other`.
pub(crate) fn dropout(
    reason: &str,
    note: &str,
    at: domain::Timestamp,
) -> Result<domain::training::Dropout, Error> {
    let reason: domain::training::DropoutReason =
        reason.parse().map_err(|e| invalid("reason", &e))?;
    let note = domain::text::normalise(note);
    if reason == domain::training::DropoutReason::Other && note.is_empty() {
        return Err(invalid("note", &domain::DomainError::DropoutReasonRequired));
    }
    if note.chars().count() > DROPOUT_NOTE_MAX {
        return Err(invalid(
            "note",
            &domain::DomainError::TextTooLong {
                max: DROPOUT_NOTE_MAX,
            },
        ));
    }
    Ok(domain::training::Dropout { reason, note, at })
}

/// The words kept with a drop-out.
pub const DROPOUT_NOTE_MAX: usize = 500;

/// Records that she left, with the reason (required; `other` needs a note).
pub async fn drop_out(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    enrolment: &str,
    reason: &str,
    note: &str,
) -> Result<(), Error> {
    acting.check(Action::ManageTraining, Resource::Network)?;
    let w = workshop(store, id).await?;
    let enrolment: uuid::Uuid = enrolment.parse().map_err(|_| Error::NotFound)?;
    let enrolled = store.enrolments_of(w.id).await?;
    let (e, _) = enrolled
        .iter()
        .find(|(e, _)| e.id == enrolment && e.dropout.is_none())
        .ok_or(Error::NotFound)?;
    let dropout = dropout(reason, note, acting.at)?;
    let audit = acting
        .event(
            AuditAction::DroppedOut,
            format!("workshop:{}", w.id),
            Some(e.org_id),
        )
        .with_detail(detail(&[
            ("enrolment", &e.id.to_string()),
            ("reason", dropout.reason.as_str()),
        ]));
    Ok(store.drop_out(e.id, &dropout, audit).await?)
}
