//! Her own view of her life (R8): in the six areas of her plan, her rating on a four-point
//! scale and the worker's beside it, recorded with her when she enters care, at a plan review
//! or at a follow-up. It belongs to her plan: those who may write her plan record it
//! (`EditPlan`), those who may read her plan read it (`ReadPlan`), through the same sight of
//! the section of her words, plan and decisions, and every read is audited.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::life_view::{AreaRating, HerRating, LifeView, LifeViewFields, Occasion, Rating};
use domain::plan::GoalDomain;
use domain::policy::Action;
use domain::voice::parse_date;
use store::Store;

use super::access::{audit_read, check, event, sight};
use crate::{Acting, Error, FieldError};

/// What the form or the API gives: text, checked here all at once. `her` and `worker` hold
/// one answer per area, keyed by the area's name (`safety` …).
#[derive(Debug, Clone, Default)]
pub struct LifeViewInput {
    /// `entering-care`, `plan-review` or `follow-up`.
    pub occasion: String,
    /// The plan review or follow-up it was asked at (its id), or blank.
    pub reference: String,
    /// `YYYY-MM-DD`: the day it was talked through with her.
    pub recorded_on: String,
    /// Her answer per area: a rating, or `not-said`.
    pub her: Vec<(String, String)>,
    /// The worker's rating per area.
    pub worker: Vec<(String, String)>,
}

/// The form field of one area's answer: `her-safety`, `worker-justice` …
pub fn area_field(who: &str, area: GoalDomain) -> String {
    format!("{who}-{}", area.as_str())
}

fn answer(answers: &[(String, String)], area: GoalDomain) -> &str {
    answers
        .iter()
        .find(|(a, _)| a.trim() == area.as_str())
        .map_or("", |(_, v)| v.as_str())
}

fn field_error(field: String, e: &domain::DomainError) -> FieldError {
    FieldError {
        field: field.into(),
        message_id: e.message_id(),
        english: e.to_string(),
    }
}

fn required(field: String) -> FieldError {
    FieldError {
        english: format!("{field} is required"),
        field: field.into(),
        message_id: "error-required",
    }
}

/// Records her view with the worker's: the plan's work, so those who may write her plan.
pub async fn record_life_view(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &LifeViewInput,
) -> Result<LifeView, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::EditPlan, case)?;
    let mut errors = Vec::new();
    let occasion: Option<Occasion> = if input.occasion.trim().is_empty() {
        errors.push(FieldError::required("occasion"));
        None
    } else {
        input
            .occasion
            .parse()
            .map_err(|e| errors.push(FieldError::new("occasion", &e)))
            .ok()
    };
    let reference: Option<Option<uuid::Uuid>> = if input.reference.trim().is_empty() {
        Some(None)
    } else {
        match input.reference.trim().parse::<uuid::Uuid>() {
            Ok(id) => Some(Some(id)),
            Err(_) => {
                errors.push(FieldError::new(
                    "reference",
                    &domain::DomainError::InvalidId {
                        what: "review or follow-up",
                        value: input.reference.clone(),
                    },
                ));
                None
            }
        }
    };
    let recorded_on = if input.recorded_on.trim().is_empty() {
        errors.push(FieldError::required("recorded_on"));
        None
    } else {
        parse_date(&input.recorded_on)
            .map_err(|e| errors.push(FieldError::new("recorded_on", &e)))
            .ok()
    };
    let mut areas = Vec::new();
    for &area in GoalDomain::ALL {
        let her_text = answer(&input.her, area);
        let worker_text = answer(&input.worker, area);
        let her: Option<HerRating> = if her_text.trim().is_empty() {
            errors.push(required(area_field("her", area)));
            None
        } else {
            her_text
                .parse()
                .map_err(|e| errors.push(field_error(area_field("her", area), &e)))
                .ok()
        };
        let worker: Option<Rating> = if worker_text.trim().is_empty() {
            errors.push(required(area_field("worker", area)));
            None
        } else {
            worker_text
                .parse()
                .map_err(|e| errors.push(field_error(area_field("worker", area), &e)))
                .ok()
        };
        if let (Some(her), Some(worker)) = (her, worker) {
            areas.push(AreaRating { area, her, worker });
        }
    }
    let (Some(occasion), Some(reference), Some(recorded_on)) = (occasion, reference, recorded_on)
    else {
        return Err(Error::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let fields = LifeViewFields {
        occasion,
        reference,
        recorded_on,
        areas,
    };
    let today = store.time_zone_of(actor.org_id).await?.date_of(at);
    fields.check(case.opened_at, today).map_err(|e| {
        let field = match e {
            domain::DomainError::LifeViewReference => "reference",
            _ => "recorded_on",
        };
        Error::Invalid(vec![FieldError::new(field, &e)])
    })?;
    if let Some(id) = reference {
        let known = match occasion {
            Occasion::PlanReview => store
                .plan_reviews(case.id, &sight(store, acting, case).await?)
                .await?
                .iter()
                .any(|r| r.id == id),
            Occasion::FollowUp => store
                .followups_of(case.id, &acting.case_scope())
                .await?
                .iter()
                .any(|f| f.id == id),
            Occasion::EnteringCare => false,
        };
        if !known {
            return Err(Error::Invalid(vec![FieldError::new(
                "reference",
                &domain::DomainError::InvalidId {
                    what: "review or follow-up",
                    value: id.to_string(),
                },
            )]));
        }
    }
    let view = LifeView {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        fields,
        org_id: actor.org_id,
        recorded_by: actor.user_id,
        recorded_at: at,
    };
    let flagged = view.fields.areas.iter().filter(|a| a.flagged()).count();
    let audit = event(actor, source, at, AuditAction::LifeViewRecorded, case).with_detail(
        crate::accounts::detail(&[
            ("view", &view.id.to_string()),
            ("occasion", occasion.as_str()),
            ("flagged", &flagged.to_string()),
        ]),
    );
    store.record_life_view(&view, audit).await?;
    Ok(view)
}

/// Her views of her life on this case, oldest first, for those who may read her plan; the
/// read is audited.
pub async fn life_views(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
) -> Result<Vec<LifeView>, Error> {
    let (actor, _, _) = acting.signed_in()?;
    check(actor, Action::ReadPlan, case)?;
    let seen = sight(store, acting, case).await?;
    let views = store.life_views_of(case.id, &seen).await?;
    audit_read(store, acting, case).await?;
    Ok(views)
}
