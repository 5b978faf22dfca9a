//! The JSON entries of a package, as they travel: written by the export, read by the import.

use domain::plan::PlanBody;
use package::Entry;
use serde::{Deserialize, Serialize};

use crate::Error;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CaseOut {
    pub(super) code: String,
    pub(super) stage: String,
    pub(super) opened_at: i64,
    pub(super) reason: String,
    pub(super) sections: Vec<String>,
    pub(super) score: Option<i64>,
    pub(super) gaps: Vec<String>,
    pub(super) gaps_reason: String,
    pub(super) created_at: i64,
    pub(super) sent_at: Option<i64>,
    /// How she came to the case (the day and place she was identified, her age, languages,
    /// citizenship, the exploitation), as a form would take it, so that the receiving
    /// organisation does not ask her again. It is a field of the case, seen with the case on one
    /// server, so it travels with `case.json`. Absent in packages from before it travelled.
    #[serde(default)]
    pub(super) intake: Option<crate::casework::IntakeInput>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IdentityOut {
    pub(super) name: String,
    pub(super) family: String,
    pub(super) address: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VoiceOut {
    pub(super) id: uuid::Uuid,
    pub(super) kind: String,
    pub(super) text: String,
    pub(super) language: String,
    pub(super) spoken_on: String,
    pub(super) read_back: bool,
    pub(super) recorded_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReviewOut {
    pub(super) id: uuid::Uuid,
    pub(super) agreement: String,
    pub(super) her_words: String,
    pub(super) notes: String,
    pub(super) reviewed_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanOut {
    pub(super) body: PlanBody,
    pub(super) updated_at: i64,
    /// Her reviews of this version of the plan.
    pub(super) reviews: Vec<ReviewOut>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DecisionOut {
    pub(super) id: uuid::Uuid,
    pub(super) topic: String,
    pub(super) what: String,
    pub(super) decided_by: String,
    pub(super) options: Vec<String>,
    pub(super) her_choice: String,
    pub(super) participation: String,
    pub(super) her_view: String,
    pub(super) absent_reason: String,
    pub(super) recorded_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ConsentOut {
    pub(super) id: uuid::Uuid,
    pub(super) purpose: String,
    pub(super) section: Option<String>,
    pub(super) organisation: Option<uuid::Uuid>,
    pub(super) explained_how: String,
    pub(super) explained_in: String,
    pub(super) explained_by: String,
    pub(super) expires_on: Option<String>,
    pub(super) recorded_at: i64,
    pub(super) revoked_at: Option<i64>,
    pub(super) revoked_reason: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DocumentOut {
    pub(super) id: uuid::Uuid,
    pub(super) class: String,
    pub(super) name: String,
    pub(super) media_type: String,
    pub(super) uploaded_at: i64,
    /// The entry that holds its bytes.
    pub(super) entry: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReceiptOut {
    pub(super) state: String,
    pub(super) acknowledged_at: Option<i64>,
    pub(super) decided_at: Option<i64>,
    pub(super) decline_reason: String,
    /// Follow-up news for the sender, when she consented to it (and still does).
    #[serde(default)]
    pub(super) updates: Vec<UpdateOut>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UpdateOut {
    pub(super) id: uuid::Uuid,
    pub(super) outcome: String,
    pub(super) her_words: String,
    pub(super) at: i64,
}

pub(super) fn json_entry<T: Serialize>(name: &str, value: &T) -> Result<Entry, Error> {
    let bytes = serde_json::to_vec(value).map_err(|e| Error::internal(e.to_string()))?;
    Ok(Entry::new(name, "application/json", bytes))
}
