//! Request bodies whose fields the services define (`casework::VoiceInput` and the like). The
//! API reads its own type, which carries the schema, and hands the service its input through
//! `From`: the services stay free of the API's schema derive, and the document describes
//! exactly what the API reads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names;
use crate::AppError;
use app::casework::{
    ConsentInput, DecisionInput, IdentityInput, NoteInput, ReviewInput, TranslationInput,
    VoiceInput,
};

/// Her identity section as typed in; each part may be blank until she is ready.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = IdentityInput)]
pub struct IdentityBody {
    #[serde(default)]
    #[schema(max_length = 500)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub family: String,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub address: String,
}

/// How she came to the case, as sent when it is opened. Every field may be left out; a
/// missing day of identification is today. Dates are `YYYY-MM-DD` (Bengali or Devanagari
/// digits are read too).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = IntakeInput)]
pub struct IntakeBody {
    /// The day she was identified: today or before, never in the future.
    #[serde(default)]
    #[schema(format = Date)]
    pub identified_on: Option<String>,
    /// The district where she was identified.
    #[serde(default)]
    #[schema(max_length = 100)]
    pub identified_district: String,
    /// Its state (India) or division (Bangladesh).
    #[serde(default)]
    #[schema(max_length = 100)]
    pub identified_state: String,
    /// Its country, ISO 3166-1 alpha-2 (`IN`, `BD`).
    #[serde(default)]
    #[schema(pattern = "^[A-Za-z]{2}$")]
    pub identified_country: Option<String>,
    /// Her age in years when she was identified (or give `born_on`, not both).
    #[serde(default, deserialize_with = "whole_opt")]
    #[schema(minimum = 0, maximum = 120)]
    pub age: Option<u8>,
    /// An approximate date of birth (or give `age`, not both).
    #[serde(default)]
    #[schema(format = Date)]
    pub born_on: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<names::GenderName>)]
    pub gender: Option<String>,
    /// The languages she speaks, the one she speaks best first.
    #[serde(default)]
    #[schema(value_type = Vec<names::SpokenLanguageCode>)]
    pub languages: Vec<String>,
    /// Her nationality, ISO 3166-1 alpha-2.
    #[serde(default)]
    #[schema(pattern = "^[A-Za-z]{2}$")]
    pub citizenship: Option<String>,
    #[serde(default)]
    #[schema(value_type = Vec<names::ExploitationName>)]
    pub exploitation: Vec<String>,
}

impl From<IntakeBody> for app::casework::IntakeInput {
    fn from(b: IntakeBody) -> Self {
        Self {
            identified_on: b.identified_on.unwrap_or_default(),
            identified_district: b.identified_district,
            identified_state: b.identified_state,
            identified_country: b.identified_country.unwrap_or_default(),
            age: b.age.map(|a| a.to_string()).unwrap_or_default(),
            born_on: b.born_on.unwrap_or_default(),
            gender: b.gender.unwrap_or_default(),
            languages: b.languages,
            citizenship: b.citizenship.unwrap_or_default(),
            exploitation: b.exploitation,
        }
    }
}

/// How she came to the case, as recorded. Unknown facts are `null` or empty.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Intake)]
pub struct IntakeJson {
    /// The day she was identified (`null` for a case opened before it was asked).
    #[schema(format = Date)]
    pub identified_on: Option<String>,
    pub identified_district: String,
    pub identified_state: String,
    pub identified_country: Option<String>,
    /// Her age in years when identified, as recorded (`null` when her date of birth is given).
    pub age: Option<u8>,
    #[schema(format = Date)]
    pub born_on: Option<String>,
    #[schema(value_type = Option<names::GenderName>)]
    pub gender: Option<&'static str>,
    #[schema(value_type = Vec<names::SpokenLanguageCode>)]
    pub languages: Vec<&'static str>,
    pub citizenship: Option<String>,
    #[schema(value_type = Vec<names::ExploitationName>)]
    pub exploitation: Vec<&'static str>,
}

impl From<&domain::intake::Intake> for IntakeJson {
    fn from(i: &domain::intake::Intake) -> Self {
        use domain::voice::format_date_iso;
        Self {
            identified_on: i.identified_on.map(format_date_iso),
            identified_district: i.place.district.clone(),
            identified_state: i.place.state.clone(),
            identified_country: i.place.country.as_ref().map(|c| c.to_string()),
            age: i.age,
            born_on: i.born_on.map(format_date_iso),
            gender: i.gender.map(|g| g.as_str()),
            languages: i.languages.iter().map(|l| l.as_str()).collect(),
            citizenship: i.citizenship.as_ref().map(|c| c.to_string()),
            exploitation: i.exploitation.iter().map(|e| e.as_str()).collect(),
        }
    }
}

impl From<IdentityBody> for IdentityInput {
    fn from(b: IdentityBody) -> Self {
        Self {
            name: b.name,
            family: b.family,
            address: b.address,
        }
    }
}

/// Her words as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = VoiceInput)]
pub struct VoiceBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::VoiceKindName)]
    pub kind: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 5000)]
    pub text: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::LanguageCode)]
    pub language: String,
    #[serde(default)]
    /// `YYYY-MM-DD`; blank or absent: today.
    #[schema(format = Date)]
    pub spoken_on: Option<String>,
    #[serde(default)]
    /// Whether it was read back to her.
    pub read_back: bool,
}

impl From<VoiceBody> for VoiceInput {
    fn from(b: VoiceBody) -> Self {
        Self {
            kind: b.kind,
            text: b.text,
            language: b.language,
            spoken_on: b.spoken_on,
            read_back: b.read_back,
        }
    }
}

/// A decision as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = DecisionInput)]
pub struct DecisionBody {
    #[serde(default)]
    /// Default: `general`.
    #[schema(value_type = names::DecisionTopicName)]
    pub topic: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    pub what: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    pub decided_by: String,
    #[serde(default)]
    /// The options she was given.
    pub options: Vec<String>,
    #[serde(default)]
    pub her_choice: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::ParticipationName)]
    pub participation: String,
    #[serde(default)]
    /// Her view in her words: required when she decided or was consulted.
    pub her_view: String,
    #[serde(default)]
    /// Required when she was absent.
    pub absent_reason: String,
}

impl From<DecisionBody> for DecisionInput {
    fn from(b: DecisionBody) -> Self {
        Self {
            topic: b.topic,
            what: b.what,
            decided_by: b.decided_by,
            options: b.options,
            her_choice: b.her_choice,
            participation: b.participation,
            her_view: b.her_view,
            absent_reason: b.absent_reason,
        }
    }
}

/// A consent as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ConsentInput)]
pub struct ConsentBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::PurposeName)]
    pub purpose: String,
    #[serde(default)]
    /// Required for sharing.
    #[schema(value_type = names::SectionName)]
    pub section: String,
    #[serde(default)]
    /// Required for sharing and follow-up updates (the organisation's id).
    #[schema(format = Uuid)]
    pub organisation: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    pub explained_how: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::LanguageCode)]
    pub explained_in: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    pub explained_by: String,
    #[serde(default)]
    /// `YYYY-MM-DD`; blank: no expiry.
    #[schema(format = Date)]
    pub expires_on: String,
}

impl From<ConsentBody> for ConsentInput {
    fn from(b: ConsentBody) -> Self {
        Self {
            purpose: b.purpose,
            section: b.section,
            organisation: b.organisation,
            explained_how: b.explained_how,
            explained_in: b.explained_in,
            explained_by: b.explained_by,
            expires_on: b.expires_on,
        }
    }
}

/// A review of the plan with her, as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PlanReview)]
pub struct ReviewBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::AgreementName)]
    pub agreement: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    pub her_words: String,
    #[serde(default)]
    pub notes: String,
}

impl From<ReviewBody> for ReviewInput {
    fn from(b: ReviewBody) -> Self {
        Self {
            agreement: b.agreement,
            her_words: b.her_words,
            notes: b.notes,
        }
    }
}

/// A note as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NoteInput)]
pub struct NoteBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::NoteKindName)]
    pub kind: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 10000)]
    pub text: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::LanguageCode)]
    pub language: String,
    #[serde(default)]
    /// Incidents only (required there): how staff answered.
    #[schema(value_type = names::NoteResponseName)]
    pub response: String,
    #[serde(default)]
    /// Incidents only (required there): what was done.
    pub response_text: String,
}

impl From<NoteBody> for NoteInput {
    fn from(b: NoteBody) -> Self {
        Self {
            kind: b.kind,
            text: b.text,
            language: b.language,
            response: b.response,
            response_text: b.response_text,
        }
    }
}

/// A translation of a note as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = TranslationInput)]
pub struct TranslationBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::LanguageCode)]
    pub language: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 10000)]
    pub text: String,
    #[serde(default)]
    /// Who translated it (a name, in words).
    #[schema(required = true, min_length = 1, max_length = 200)]
    pub translator: String,
}

impl From<TranslationBody> for TranslationInput {
    fn from(b: TranslationBody) -> Self {
        Self {
            language: b.language,
            text: b.text,
            translator: b.translator,
        }
    }
}

/// The plan's content, replaced as a whole.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PlanBody)]
pub struct PlanBodyJson {
    #[serde(default)]
    #[schema(max_items = 60)]
    pub goals: Vec<GoalJson>,
}

/// A goal of her plan, with its actions.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Goal)]
pub struct GoalJson {
    #[schema(value_type = names::GoalDomainName)]
    pub domain: domain::plan::GoalDomain,
    /// The goal, in her words where they are hers.
    #[schema(min_length = 1, max_length = 2000)]
    pub goal: String,
    #[schema(value_type = names::SetByName)]
    pub set_by: domain::plan::SetBy,
    /// `YYYY-MM-DD`, not before the case was opened.
    #[serde(default)]
    #[schema(format = Date)]
    pub target: Option<String>,
    /// Who set the target date, when not whoever set the goal (absent: the goal's setter).
    #[serde(default)]
    #[schema(value_type = Option<names::SetByName>)]
    pub target_set_by: Option<domain::plan::SetBy>,
    #[schema(value_type = names::GoalStatusName)]
    pub status: domain::plan::GoalStatus,
    #[serde(default)]
    pub actions: Vec<PlanActionJson>,
}

/// An action towards a goal.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PlanAction)]
pub struct PlanActionJson {
    #[schema(min_length = 1, max_length = 2000)]
    pub what: String,
    /// The organisation responsible (from the directory).
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub responsible: Option<domain::OrgId>,
    /// `YYYY-MM-DD`, not before the case was opened.
    #[serde(default)]
    #[schema(format = Date)]
    pub target: Option<String>,
    #[schema(value_type = names::SetByName)]
    pub set_by: domain::plan::SetBy,
    #[schema(value_type = names::GoalStatusName)]
    pub status: domain::plan::GoalStatus,
}

/// A target date as the plan reads it: blank is none.
fn target(place: String, text: Option<String>) -> Result<Option<time::Date>, AppError> {
    text.filter(|t| !t.is_empty())
        .map(|t| {
            domain::voice::parse_date(&t).map_err(|e| AppError::Malformed(format!("{place}: {e}")))
        })
        .transpose()
}

impl TryFrom<PlanBodyJson> for domain::plan::PlanBody {
    type Error = AppError;

    fn try_from(body: PlanBodyJson) -> Result<Self, AppError> {
        let mut goals = Vec::new();
        for (g, goal) in body.goals.into_iter().enumerate() {
            let mut actions = Vec::new();
            for (a, action) in goal.actions.into_iter().enumerate() {
                actions.push(domain::plan::PlanAction {
                    what: action.what,
                    responsible: action.responsible,
                    target: target(format!("goals[{g}].actions[{a}].target"), action.target)?,
                    set_by: action.set_by,
                    status: action.status,
                });
            }
            goals.push(domain::plan::Goal {
                domain: goal.domain,
                goal: goal.goal,
                set_by: goal.set_by,
                target: target(format!("goals[{g}].target"), goal.target)?,
                target_set_by: goal.target_set_by,
                status: goal.status,
                actions,
            });
        }
        Ok(Self { goals })
    }
}

/// A whole number as JSON may write it: `3` or `3.0` (JSON Schema's `integer` admits both, and
/// so a client generated from the document may send either); `3.5` is refused.
pub fn whole<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    let n = serde_json::Number::deserialize(d)?;
    let bad = || serde::de::Error::custom(format!("{n} is not a whole number of its range"));
    if let Some(i) = n.as_i64() {
        return T::try_from(i).map_err(|_| bad());
    }
    if let Some(u) = n.as_u64() {
        return T::try_from(u).map_err(|_| bad());
    }
    match n.as_f64() {
        // Past 2^53 a float no longer holds every whole number exactly.
        Some(f) if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 => {
            T::try_from(f as i64).map_err(|_| bad())
        }
        _ => Err(bad()),
    }
}

/// [`whole`], for a member that may be left out or `null`.
pub fn whole_opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    #[derive(Deserialize)]
    struct Whole<T: TryFrom<i64> + TryFrom<u64>>(#[serde(deserialize_with = "whole")] T);
    Ok(Option::<Whole<T>>::deserialize(d)?.map(|Whole(n)| n))
}

/// One answer of a form: a text, number or yes/no; a list of them for several choices; or the
/// rows of a repeat, each a member per field. A schema only: `forms::raw_from_json` reads it.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // a schema only, never built
pub enum Answer {
    One(Scalar),
    Many(Vec<Scalar>),
    Rows(Vec<BTreeMap<String, RowAnswer>>),
}

/// A single value of an answer.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // a schema only, never built
pub enum Scalar {
    Text(String),
    Number(f64),
    YesNo(bool),
}

/// An answer in a row of a repeat.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // a schema only, never built
pub enum RowAnswer {
    One(Scalar),
    Many(Vec<Scalar>),
}
