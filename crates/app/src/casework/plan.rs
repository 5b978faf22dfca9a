//! Her plan: versions that never overwrite a newer one, reviews with her in her words, and
//! approval on a logged decision.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::policy::Action;
use domain::sight::Sight;
use store::Store;

use super::access::{check, event, sight};
use crate::{Acting, Error, FieldError};

/// The plan of a case as `sight` reaches it, or an empty one at version 0 (the version a first
/// save is based on).
pub async fn plan_of(
    store: &Arc<dyn Store>,
    case: &Case,
    sight: &Sight,
) -> Result<domain::plan::Plan, Error> {
    Ok(store
        .plan(case.id, sight)
        .await?
        .unwrap_or(domain::plan::Plan {
            body: domain::plan::PlanBody::default(),
            version: 0,
            updated_by: None,
            updated_at: case.opened_at,
            approved_version: None,
        }))
}

/// Saves a new version of her plan: checked (texts, target dates, organisations that exist),
/// based on `expected_version`, never overwriting a newer one.
pub async fn save_plan(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    expected_version: i64,
    body: domain::plan::PlanBody,
) -> Result<domain::plan::Plan, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::EditPlan, case)?;
    let body = body.normalised();
    let mut errors: Vec<FieldError> = match body.check(case.opened_at) {
        Ok(()) => Vec::new(),
        Err(found) => found
            .iter()
            .map(|(place, e)| FieldError {
                field: plan_field(place).into(),
                message_id: e.message_id(),
                english: format!("{place}: {e}"),
            })
            .collect(),
    };
    for org in body.organisations() {
        if store.organisation(org).await?.is_none() {
            errors.push(FieldError {
                field: "responsible".into(),
                message_id: "error-unknown-organisation",
                english: format!("no organisation {org} in the directory"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let audit = event(actor, source, at, AuditAction::PlanSaved, case).with_detail(
        crate::accounts::detail(&[("version", &(expected_version + 1).to_string())]),
    );
    let seen = sight(store, acting, case).await?;
    let save = store::PlanSave {
        case: case.id,
        expected_version,
        body: &body,
        by: actor.user_id,
        at,
        sight: &seen,
    };
    Ok(store.save_plan(&save, audit).await?)
}

/// The form field a plan problem belongs to (`goals[0].actions[1].target` → `target`).
fn plan_field(place: &str) -> &'static str {
    match place.rsplit('.').next().unwrap_or(place) {
        "goal" => "goal",
        "what" => "what",
        "target" => "target",
        _ => "goals",
    }
}

/// Approves the plan's current version: the director, on a logged decision about the plan.
pub async fn approve_plan(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    version: i64,
) -> Result<domain::plan::Plan, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::ApprovePlan, case)?;
    let seen = sight(store, acting, case).await?;
    let decisions = store.decisions_of(case.id, &seen).await?;
    domain::plan::approval_is_backed(&decisions)
        .map_err(|e| Error::Invalid(vec![FieldError::new("plan", &e)]))?;
    let audit = event(actor, source, at, AuditAction::PlanApproved, case).with_detail(
        crate::accounts::detail(&[("version", &version.to_string())]),
    );
    Ok(store.approve_plan(case.id, version, &seen, audit).await?)
}

/// A review as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewInput {
    pub agreement: String,
    pub her_words: String,
    pub notes: String,
}

/// Records a review of the current plan with her: does she agree, in her words.
pub async fn review_plan(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &ReviewInput,
) -> Result<domain::plan::PlanReview, Error> {
    add_review(store, acting, case, input, Reviewer::Team).await
}

/// Who records a plan review: the team with her, or she herself on her own page (where no
/// notes are asked for and the audit entry says it was hers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reviewer {
    Team,
    Herself,
}

/// A review of the current plan: the one path both kinds of review take, so that an empty
/// plan, missing words and the audit entry are treated alike.
pub(crate) async fn add_review(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &ReviewInput,
    by: Reviewer,
) -> Result<domain::plan::PlanReview, Error> {
    let herself = by == Reviewer::Herself;
    let (actor, source, at) = acting.signed_in()?;
    check(
        actor,
        if herself {
            Action::OwnRecord
        } else {
            Action::EditPlan
        },
        case,
    )?;
    let plan = plan_of(store, case, &sight(store, acting, case).await?).await?;
    let mut errors = Vec::new();
    let agreement: Option<domain::plan::Agreement> =
        if !herself && input.agreement.trim().is_empty() {
            errors.push(FieldError::required("agreement"));
            None
        } else {
            input
                .agreement
                .parse()
                .map_err(|e| errors.push(FieldError::new("agreement", &e)))
                .ok()
        };
    let her_words = domain::text::normalise(&input.her_words);
    if her_words.is_empty() {
        errors.push(FieldError::new(
            "her_words",
            &domain::DomainError::EmptyText,
        ));
    }
    if plan.version == 0 {
        errors.push(FieldError {
            field: "agreement".into(),
            message_id: "plan-empty",
            english: if herself {
                "there is no plan yet"
            } else {
                "there is no plan to review yet"
            }
            .into(),
        });
    }
    let Some(agreement) = agreement.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let review = domain::plan::PlanReview {
        id: uuid::Uuid::now_v7(),
        plan_version: plan.version,
        agreement,
        her_words,
        notes: if herself {
            String::new()
        } else {
            domain::text::normalise(&input.notes)
        },
        reviewed_by: actor.user_id,
        reviewed_at: at,
    };
    let mut detail = vec![("agreement", agreement.as_str())];
    if herself {
        detail.push(("by", "herself"));
    }
    let audit = event(actor, source, at, AuditAction::PlanReviewed, case)
        .with_detail(crate::accounts::detail(&detail));
    store.add_plan_review(case.id, &review, audit).await?;
    Ok(review)
}
