//! `/api/v1/training`: the programme with its phases and workshops.

use axum::Json;
use axum::extract::State;
use domain::policy::{Action, Resource};
use domain::training::{Programme, TARGET_GROUP_SIZE};
use serde_json::{Value, json};

use crate::{AppError, AppState, Ctx};

pub fn programme_json(p: &Programme) -> Value {
    json!({
        "key": p.key,
        "title": p.title,
        "phases": p.phases.iter().map(|ph| json!({
            "number": ph.number,
            "title": ph.title,
            "workshops": ph.workshops.iter().map(|w| json!({
                "key": w.key,
                "title": w.title,
                "days": w.days,
                "residential": w.residential,
                "audience": w.audience.as_str(),
                "target_group_size": TARGET_GROUP_SIZE,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/training/programmes`: every programme, with its phases and workshops.
pub async fn programmes(State(_): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let programme = domain::training::caring_connections()
        .map_err(|e| AppError::internal(format!("the programme template: {e}")))?;
    Ok(Json(Value::Array(vec![programme_json(&programme)])))
}
