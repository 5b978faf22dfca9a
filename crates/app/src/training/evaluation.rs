//! Workshop questionnaires before and after, answered on the forms engine's
//! `workshop-evaluation`, and the change they show per workshop and per organisation.

use domain::WorkshopId;
use std::sync::Arc;

use domain::audit::AuditAction;
use domain::form::{FormVersion, RawAnswers, check_answers};
use domain::policy::{Action, Resource};
use domain::training::evaluation::{
    Evaluation, FORM_KEY, ItemChange, Stage, change, change_within,
};
use domain::{OrgId, Organisation};
use store::{Store, StoreError};

use crate::Acting;
use crate::accounts::detail;
use crate::forms::answer_error;
use crate::training::{invalid, workshop};
use crate::{Error, FieldError};

/// The questionnaire as the network keeps it now.
pub async fn questionnaire(store: &Arc<dyn Store>) -> Result<FormVersion, Error> {
    store
        .form(FORM_KEY, None)
        .await?
        .ok_or_else(|| Error::internal("the workshop questionnaire is missing"))
}

/// Records a participant's answers before or after the workshop (trainers, from the paper
/// she filled in or as she answers).
pub async fn record(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    enrolment: &str,
    stage: &str,
    raw: &RawAnswers,
) -> Result<Evaluation, Error> {
    acting.check(Action::ManageTraining, Resource::Network)?;
    let w = workshop(store, id).await?;
    let enrolment: uuid::Uuid = enrolment.parse().map_err(|_| Error::NotFound)?;
    let (e, _) = store
        .enrolments_of(w.id)
        .await?
        .into_iter()
        .find(|(e, _)| e.id == enrolment)
        .ok_or(Error::NotFound)?;
    let stage: Stage = stage.parse().map_err(|e| invalid("stage", &e))?;
    let form = questionnaire(store).await?;
    let answers = check_answers(&form.def, raw, &|_| true).map_err(|errors| {
        Error::Invalid(
            errors
                .iter()
                .map(|(place, e)| answer_error(place, e))
                .collect(),
        )
    })?;
    let evaluation = Evaluation {
        id: uuid::Uuid::now_v7(),
        workshop_id: w.id,
        enrolment_id: e.id,
        org_id: e.org_id,
        stage,
        form_key: form.def.key.clone(),
        form_version: form.version,
        answers,
        recorded_at: acting.at,
    };
    let audit = acting
        .event(
            AuditAction::EvaluationRecorded,
            format!("workshop:{}", w.id),
            Some(e.org_id),
        )
        .with_detail(detail(&[
            ("enrolment", &e.id.to_string()),
            ("stage", stage.as_str()),
        ]));
    match store.add_evaluation(&evaluation, audit).await {
        Ok(()) => Ok(evaluation),
        Err(StoreError::Duplicate(_)) => Err(Error::Invalid(vec![FieldError {
            field: "stage".into(),
            message_id: "error-evaluation-done",
            english: format!("her {} questionnaire is recorded already", stage.as_str()),
        }])),
        Err(other) => Err(other.into()),
    }
}

/// The change on each attitude item for the workshop, and for each organisation's staff in it.
pub struct Results {
    pub form: FormVersion,
    pub answered: (usize, usize),
    pub workshop: Vec<ItemChange>,
    pub by_org: Vec<(Organisation, Vec<ItemChange>)>,
}

pub async fn results(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
) -> Result<Results, Error> {
    acting.check(Action::ReadTrainingResults, Resource::Network)?;
    let w = workshop(store, id).await?;
    let form = questionnaire(store).await?;
    let all = store.evaluations_of(w.id).await?;
    let refs: Vec<&Evaluation> = all.iter().collect();
    let mut orgs: Vec<OrgId> = all.iter().map(|e| e.org_id).collect();
    orgs.sort();
    orgs.dedup();
    let mut by_org = Vec::new();
    for org in orgs {
        let Some(organisation) = store.organisation(org).await? else {
            continue;
        };
        by_org.push((organisation, change_within(&form.def, &refs, org)));
    }
    by_org.sort_by_key(|(o, _)| o.fields.name.to_string());
    let count = |stage| all.iter().filter(|e| e.stage == stage).count();
    Ok(Results {
        workshop: change(&form.def, &refs),
        answered: (count(Stage::Pre), count(Stage::Post)),
        by_org,
        form,
    })
}
