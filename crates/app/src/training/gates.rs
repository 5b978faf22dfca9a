//! Training gates as the network admin sets and lifts them. The policy enforces them
//! (`domain::training::gate`); a new Saathi, and the demo, has none.

use std::sync::Arc;

use domain::Role;
use domain::audit::AuditAction;
use domain::policy::{Action, Resource};
use domain::training::gate::{Gate, GatedAction};
use store::Store;

use crate::accounts::detail;
use crate::training::invalid;
use crate::{Acting, App};
use crate::{Error, FieldError};

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GateInput {
    pub role: String,
    pub action: String,
    /// The workshop of the programme to complete first (its key).
    pub workshop: String,
}

fn parse(input: &GateInput) -> Result<(Role, GatedAction), Error> {
    let mut errors = Vec::new();
    let role = input
        .role
        .parse::<Role>()
        .map_err(|e| errors.push(FieldError::new("role", &e)))
        .ok();
    let action = input
        .action
        .parse::<GatedAction>()
        .map_err(|e| errors.push(FieldError::new("action", &e)))
        .ok();
    match (role, action) {
        (Some(role), Some(action)) if errors.is_empty() => Ok((role, action)),
        _ => Err(Error::Invalid(errors)),
    }
}

pub async fn set(app: &App, acting: &Acting, input: &GateInput) -> Result<Gate, Error> {
    let store = &app.store;
    acting.check(Action::ManageGates, Resource::Network)?;
    let (role, action) = parse(input)?;
    let programme = app.programme();
    let workshop = input.workshop.trim();
    // Only a staff workshop can be required of staff: nobody could ever pass a gate on a
    // survivors' workshop.
    if programme
        .workshop(workshop)
        .is_none_or(|w| w.audience == domain::training::Audience::Survivors)
    {
        return Err(Error::Invalid(vec![FieldError {
            field: "workshop".into(),
            message_id: "error-unknown-workshop",
            english: format!("the programme has no staff workshop {workshop:?}"),
        }]));
    }
    if matches!(role, Role::Survivor | Role::NetworkAdmin | Role::Trainer) {
        return Err(invalid("role", &domain::DomainError::AnswerNotValid));
    }
    let gate = Gate {
        role,
        action,
        workshop: workshop.to_string(),
    };
    let audit = acting
        .event(
            AuditAction::GateSet,
            format!("gate:{}/{}", role.as_str(), action.as_str()),
            None,
        )
        .with_detail(detail(&[("workshop", workshop)]));
    let by = acting.actor.as_ref().map(|a| a.user_id);
    store.set_gate(&gate, by, audit).await?;
    Ok(gate)
}

pub async fn lift(store: &Arc<dyn Store>, acting: &Acting, input: &GateInput) -> Result<(), Error> {
    acting.check(Action::ManageGates, Resource::Network)?;
    let (role, action) = parse(input)?;
    let audit = acting.event(
        AuditAction::GateLifted,
        format!("gate:{}/{}", role.as_str(), action.as_str()),
        None,
    );
    Ok(store.lift_gate(role, action, audit).await?)
}

/// The training gates in force and, only when there are any, the workshops `user` completed:
/// what the policy reads of her training. One small query while the network sets no gates.
pub async fn standing(
    store: &Arc<dyn Store>,
    user: &domain::User,
) -> Result<domain::training::gate::Standing, Error> {
    let gates = store.gates().await?;
    if gates.is_empty() {
        return Ok(Default::default());
    }
    let completed = store
        .workshops_of(user.id)
        .await?
        .into_iter()
        .filter(|(w, e, days)| e.dropout.is_none() && domain::training::completed(w, *days))
        .map(|(w, _, _)| w.template.key)
        .collect();
    Ok(domain::training::gate::Standing { gates, completed })
}
