//! The training programme for the pages and the API: the template, and putting its workshops
//! on the calendar (trainers and the network admin; audited).

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::{Action, Resource};
use domain::training::{Facilitator, Programme, Workshop, check_workshop};
use store::Store;

use crate::accounts::{Origin, detail};
use crate::pages::Tr;
use crate::{AppError, FieldError};

pub fn programme() -> Result<Programme, AppError> {
    domain::training::caring_connections()
        .map_err(|e| AppError::internal(format!("the programme template: {e}")))
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
}

pub async fn schedule(
    store: &Arc<dyn Store>,
    origin: &Origin,
    input: &ScheduleInput,
) -> Result<Workshop, AppError> {
    origin.check(Action::ManageTraining, Resource::Network)?;
    let programme = programme()?;
    let template = programme
        .phases
        .iter()
        .flat_map(|p| &p.workshops)
        .find(|w| w.key == input.workshop.trim())
        .cloned()
        .ok_or_else(|| {
            AppError::Invalid(vec![FieldError {
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
        Some(origin.at.to_datetime().date())
    } else {
        date("announced_on", &input.announced_on)
    };
    let (Some(starts_on), Some(ends_on), Some(announced_on)) = (starts_on, ends_on, announced_on)
    else {
        return Err(AppError::Invalid(errors));
    };
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
        created_at: origin.at,
    };
    let problems = check_workshop(&workshop);
    if !problems.is_empty() {
        return Err(AppError::Invalid(
            problems
                .iter()
                .map(|(f, e)| FieldError::new(f, e))
                .collect(),
        ));
    }
    let audit = origin
        .event(
            AuditAction::WorkshopScheduled,
            format!("workshop:{}", workshop.id),
            None,
        )
        .with_detail(detail(&[
            ("workshop", &workshop.template.key),
            ("starts_on", &domain::voice::format_date_iso(starts_on)),
        ]));
    let by = origin.actor.as_ref().map(|a| a.user_id);
    store.add_workshop(&workshop, by, audit).await?;
    Ok(workshop)
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
