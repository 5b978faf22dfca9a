//! The closed sets of names the API speaks (roles, languages, stages…), as schemas. Their
//! values are read from the domain's own lists, so the document cannot name a value the server
//! does not know, nor miss one it added. They are schemas only: the bodies carry the names as
//! strings and the services parse them.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};

macro_rules! names {
    ($($(#[$doc:meta])* $name:ident = $values:expr;)*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl utoipa::PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    let values: Vec<&'static str> = $values;
                    ObjectBuilder::new()
                        .schema_type(SchemaType::Type(Type::String))
                        .enum_values(Some(values))
                        .into()
                }
            }

            impl utoipa::ToSchema for $name {
                fn name() -> Cow<'static, str> {
                    Cow::Borrowed(stringify!($name))
                }
            }
        )*
    };
}

names! {
    /// A restorative-care indicator or one of the field's counts (`docs/indicators.md`).
    IndicatorName = app::indicators::Measure::ALL.iter().map(|m| m.key()).collect();
    /// `bn`, `hi` or `en`.
    LanguageCode = domain::Language::ALL.iter().map(|l| l.code()).collect();
    /// A role, e.g. `case-worker`.
    RoleName = domain::Role::ALL.iter().map(|r| r.as_str()).collect();
    /// What kind of organisation: destination, transit, source or community.
    OrgKindName = domain::organisation::OrgKind::ALL.iter().map(|k| k.as_str()).collect();
    /// A stage of her journey.
    StageName = domain::Stage::ALL.iter().map(|s| s.as_str()).collect();
    /// A kind of voice entry: hope, fear, plan…
    VoiceKindName = domain::voice::VoiceKind::ALL.iter().map(|k| k.as_str()).collect();
    /// What a decision was about.
    DecisionTopicName = domain::decision::DecisionTopic::ALL.iter().map(|t| t.as_str()).collect();
    /// How she took part in a decision.
    ParticipationName = domain::decision::Participation::ALL.iter().map(|p| p.as_str()).collect();
    /// A purpose she consents to.
    PurposeName = domain::consent::Purpose::ALL.iter().map(|p| p.as_str()).collect();
    /// A section of her record.
    SectionName = domain::consent::SectionClass::ALL.iter().map(|s| s.as_str()).collect();
    /// A handover's state.
    HandoverStateName = domain::handover::HandoverState::ALL.iter().map(|s| s.as_str()).collect();
    /// Her gender (HTCDS `prs_Gender`, in Saathi's names).
    GenderName = domain::intake::Gender::ALL.iter().map(|g| g.as_str()).collect();
    /// A language she speaks (ISO 639-1; `sat` for Santali).
    SpokenLanguageCode = domain::intake::SpokenLanguage::ALL.iter().map(|l| l.as_str()).collect();
    /// A type of exploitation (HTCDS `vic_TypeOfExploitation`, in Saathi's names).
    ExploitationName = domain::intake::Exploitation::ALL.iter().map(|e| e.as_str()).collect();
    /// A gap the completeness report names.
    GapName = domain::handover::Gap::ALL.iter().map(|g| g.as_str()).collect();
    /// A kind of case note.
    NoteKindName = domain::note::NoteKind::ALL.iter().map(|k| k.as_str()).collect();
    /// How staff answered an incident.
    NoteResponseName = domain::note::Response::ALL.iter().map(|r| r.as_str()).collect();
    /// The outcome of a follow-up contact.
    OutcomeName = domain::followup::Outcome::ALL.iter().map(|o| o.as_str()).collect();
    /// Why someone left a workshop.
    DropoutReasonName = domain::training::DropoutReason::ALL.iter().map(|r| r.as_str()).collect();
    /// What survivors' feedback was about.
    ThemeName = domain::training::survivors::Theme::ALL.iter().map(|t| t.as_str()).collect();
    /// The tone of a piece of feedback.
    ToneName = domain::training::survivors::Tone::ALL.iter().map(|t| t.as_str()).collect();
    /// A peer role a survivor may take.
    PeerRoleName = domain::training::survivors::PeerRole::ALL.iter().map(|r| r.as_str()).collect();
    /// An action a training gate can hold back.
    GatedActionName = domain::training::gate::GatedAction::ALL.iter().map(|a| a.as_str()).collect();
    /// What an audit entry records.
    AuditActionName = domain::audit::AuditAction::ALL.iter().map(|a| a.as_str()).collect();
}

names! {
    /// The domain of her life a goal belongs to.
    GoalDomainName = domain::plan::GoalDomain::ALL.iter().map(|d| d.as_str()).collect();
    /// Who set a goal or a target.
    SetByName = domain::plan::SetBy::ALL.iter().map(|s| s.as_str()).collect();
    /// Where a goal or action stands.
    GoalStatusName = domain::plan::GoalStatus::ALL.iter().map(|s| s.as_str()).collect();
    /// Whether she agrees with the plan.
    AgreementName = domain::plan::Agreement::ALL.iter().map(|a| a.as_str()).collect();
}

names! {
    /// When her view of her life was asked.
    LifeOccasionName = domain::life_view::Occasion::ALL.iter().map(|o| o.as_str()).collect();
    /// Her answer for one area: a point of the four-point scale, or `not-said`.
    HerRatingName = domain::life_view::HerRating::ALL.iter().map(|r| r.as_str()).collect();
    /// A point of the four-point scale, from `very-hard` to `very-good`.
    RatingName = domain::life_view::Rating::ALL.iter().map(|r| r.as_str()).collect();
}

/// A text in each working language, as the domain keeps it (`domain::form::Text`).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // a schema only: the domain's `Text` is what is serialised
pub struct LocalText {
    bn: String,
    hi: String,
    en: String,
}
