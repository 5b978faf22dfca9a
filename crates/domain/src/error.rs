//! The domain's one error type. Each variant has a stable Fluent message id (`message_id`), so
//! the web and CLI can say it in the reader's language.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{value:?} is not a valid {what} id")]
    InvalidId { what: &'static str, value: String },
    #[error("unknown language {0:?}: use bn, hi or en")]
    UnknownLanguage(String),
    #[error(
        "unknown role {0:?}: use network-admin, director, case-worker, counsellor, care-giver, trainer or survivor"
    )]
    UnknownRole(String),
    #[error("unknown organisation kind {0:?}: use destination, transit, source or community")]
    UnknownOrgKind(String),
    #[error("{0:?} is not a two-letter country code such as IN, BD or NP")]
    InvalidCountry(String),
    #[error("an organisation name must not be empty")]
    EmptyOrgName,
    #[error("an organisation name must be at most 200 characters")]
    OrgNameTooLong,
    #[error("a district must be at most 100 characters")]
    DistrictTooLong,
    #[error("a username must be 3 to 64 characters of lower-case letters, digits, '.', '-' or '_'")]
    InvalidUsername,
    #[error("a display name must be at most 120 characters")]
    DisplayNameTooLong,
    #[error("a user needs at least one role")]
    NoRoles,
    #[error("the password must be at least {min} characters long")]
    PasswordTooShort { min: usize },
    #[error("the password is too common; choose a longer, less predictable one")]
    PasswordTooCommon,
    #[error("the password must not contain the username")]
    PasswordContainsUsername,
    #[error("the password must be at most {max} characters long")]
    PasswordTooLong { max: usize },
    #[error("the password must not contain the organisation's name")]
    PasswordContainsOrganisation,
    #[error("the demo password is public; choose another one")]
    PasswordIsDemo,
    #[error(
        "a survivor's account cannot have any other role: make a separate account for staff work"
    )]
    SurvivorWithOtherRoles,
    #[error(
        "unknown stage {0:?}: use identified, in-care, preparing-return, in-transit, returned, reintegrating, follow-up or closed"
    )]
    UnknownStage(String),
    #[error("the case is already at that stage")]
    StageUnchanged,
    #[error("a case moves one stage at a time: {from} cannot go to {to}")]
    StageSkipped {
        from: &'static str,
        to: &'static str,
    },
    #[error("the case is closed")]
    CaseClosed,
    #[error("say why: a reason is required")]
    ReasonRequired,
    #[error("unknown kind {0:?}: use hope, fear, plan, preference or feedback")]
    UnknownVoiceKind(String),
    #[error("the text must not be empty")]
    EmptyText,
    #[error("the text must be at most {max} characters")]
    TextTooLong { max: usize },
    #[error("{0:?} is not a date (use YYYY-MM-DD)")]
    InvalidDate(String),
    #[error("the date is in the future")]
    DateInFuture,
    #[error("the date is before the case was opened")]
    DateBeforeCaseOpened,
    /// A date before the day she was identified (her words cannot be older than that). The
    /// message names the day: the English text ends with it as `(YYYY-MM-DD)`, which the
    /// pages and API read back to write it the long way in the reader's language.
    #[error("the date is before the day she was identified ({})", crate::voice::format_date_iso(*.0))]
    DateBeforeIdentified(time::Date),
    #[error(
        "unknown gender {0:?}: use feminine, masculine, transgender-feminine, transgender-masculine, non-conforming or not-specified"
    )]
    UnknownGender(String),
    #[error("unknown type of exploitation {0:?}")]
    UnknownExploitation(String),
    #[error("unknown language {0:?}: use an ISO 639-1 code such as bn, hi, ur or ne")]
    UnknownSpokenLanguage(String),
    #[error("{0:?} is not an age in years (0 to 120)")]
    InvalidAge(String),
    #[error("give her age or an approximate date of birth, not both")]
    AgeAndBirthDate,
    #[error("the date of birth is after the day she was identified")]
    BornAfterIdentified,
    #[error("a place must be at most 100 characters")]
    PlaceTooLong,
    #[error("{0:?} is not a case code")]
    InvalidCaseCode(String),
    #[error("unknown participation {0:?}: use decided-with-her, consulted, informed or absent")]
    UnknownParticipation(String),
    #[error("say how far she took part")]
    ParticipationRequired,
    #[error("unknown topic {0:?}: use general, plan or closure")]
    UnknownDecisionTopic(String),
    #[error(
        "closing a case needs a logged decision about closing, with her participation or the reason she could not take part"
    )]
    ClosureNeedsDecision,
    #[error("unknown purpose {0:?}: use services, sharing, follow-up-updates or statistics")]
    UnknownPurpose(String),
    #[error("unknown section {0:?}: use legal, health, psychosocial, identity, voice or other")]
    UnknownSection(String),
    #[error("name the organisation")]
    OrganisationRequired,
    #[error("name the section of her record")]
    SectionRequired,
    #[error("the date is in the past")]
    DateInPast,
    #[error("no active consent covers {purpose}{}", section.map(|s| format!(" of the {s} section")).unwrap_or_default())]
    NoConsent {
        purpose: &'static str,
        section: Option<&'static str>,
    },
    #[error("this consent is already revoked")]
    AlreadyRevoked,
    #[error("unknown domain {0:?}: use safety, health, wellbeing, family, livelihood or justice")]
    UnknownGoalDomain(String),
    #[error("unknown {0:?}: use her, team or order")]
    UnknownSetBy(String),
    #[error("unknown status {0:?}: use open, in-progress, achieved or dropped")]
    UnknownGoalStatus(String),
    #[error("unknown agreement {0:?}: use agreed, partly or disagreed")]
    UnknownAgreement(String),
    #[error("at most {max} other spellings of a term")]
    TooManySynonyms { max: usize },
    #[error("an answer is needed here")]
    AnswerRequired,
    #[error("at most {max} rows")]
    TooManyRows { max: usize },
    #[error("the end is before the start")]
    EndsBeforeStart,
    #[error("the dates cannot be announced after the workshop starts")]
    AnnouncedAfterStart,
    #[error("that day is not a day of the workshop")]
    DayOutsideWorkshop,
    #[error("say why she left: shelter-emergency, childcare, resigned or other (with a note)")]
    DropoutReasonRequired,
    #[error("this answer is not one the form takes")]
    AnswerNotValid,
    #[error("a translation is into another language than the note's")]
    SameLanguage,
    #[error("a plan can have at most {max} goals")]
    TooManyGoals { max: usize },
    #[error(
        "approving the plan needs a logged decision about the plan, with her participation or the reason she could not take part"
    )]
    PlanNeedsDecision,
    #[error("unknown note kind {0:?}: use case, psychosocial, daily or incident")]
    UnknownNoteKind(String),
    #[error("unknown response {0:?}: use positive or punitive")]
    UnknownResponse(String),
    #[error("say what response was taken")]
    ResponseRequired,
    #[error("the file is empty")]
    EmptyFile,
    #[error("the file is larger than {max_mb} MB")]
    FileTooLarge { max_mb: usize },
    #[error(
        "only PDF, JPEG and PNG papers and MP3, M4A, OGG, AMR, WebM or WAV recordings can be attached"
    )]
    FileTypeNotAllowed,
    /// A file for a form's question of another kind: a recording where it asks for a photo.
    #[error("this question asks for {wanted}")]
    MediaNotWanted { wanted: &'static str },
    /// A media answer naming no document of this case.
    #[error("no document of this case has that id")]
    NoSuchDocument,
    #[error(
        "a handover goes draft → sent → acknowledged → accepted or declined: {from} cannot become {to}"
    )]
    HandoverStep {
        from: &'static str,
        to: &'static str,
    },
    #[error("a stored value is not valid: {0}")]
    Corrupt(String),
    #[error("the case is already with that organisation")]
    SameOrganisation,
    #[error("what your organisation holds of her goes to the organisation that has her case now")]
    ShareToCustodian,
    #[error("say why the handover goes with these gaps")]
    GapsNeedReason,
    #[error("unknown outcome {0:?}: use first-contact, family-visit, school-or-work or outcome")]
    UnknownOutcome(String),
    #[error("this follow-up is already recorded")]
    FollowUpDone,
    #[error(
        "an exchange visit is between the two ends of her journey: a source-area organisation and a destination or transit one"
    )]
    NotCounterparts,
    #[error("she has not completed every workshop of phase 3 yet")]
    PhaseNotCompleted,
    #[error("she must say yes herself before this is recorded")]
    ConsentNeeded,
    #[error("unknown time zone {0:?}: use an IANA name such as Asia/Kolkata or Asia/Dhaka")]
    UnknownTimeZone(String),
    #[error("unknown period {0:?}: use a quarter such as 2026-Q3 or a year such as 2026")]
    InvalidPeriod(String),
    #[error("unknown rating {0:?}: use very-hard, hard, good or very-good")]
    UnknownRating(String),
    #[error("unknown occasion {0:?}: use entering-care, plan-review or follow-up")]
    UnknownOccasion(String),
    #[error(
        "rate each of the six areas of her plan once: safety, health, wellbeing, family, livelihood, justice"
    )]
    LifeViewAreas,
    #[error(
        "only a plan review or a follow-up is recorded with the review or follow-up it belongs to"
    )]
    LifeViewReference,
}

impl DomainError {
    /// The Fluent message id that explains this error to a person.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::InvalidId { .. } => "error-invalid-id",
            Self::UnknownLanguage(_) => "error-unknown-language",
            Self::UnknownRole(_) => "error-unknown-role",
            Self::UnknownOrgKind(_) => "error-unknown-org-kind",
            Self::InvalidCountry(_) => "error-invalid-country",
            Self::EmptyOrgName => "error-empty-org-name",
            Self::OrgNameTooLong => "error-org-name-too-long",
            Self::DistrictTooLong => "error-district-too-long",
            Self::InvalidUsername => "error-invalid-username",
            Self::DisplayNameTooLong => "error-display-name-too-long",
            Self::NoRoles => "error-no-roles",
            Self::PasswordTooShort { .. } => "error-password-too-short",
            Self::PasswordTooCommon => "error-password-too-common",
            Self::PasswordContainsUsername => "error-password-contains-username",
            Self::PasswordTooLong { .. } => "error-password-too-long",
            Self::PasswordContainsOrganisation => "error-password-contains-organisation",
            Self::PasswordIsDemo => "error-password-is-demo",
            Self::SurvivorWithOtherRoles => "error-survivor-with-other-roles",
            Self::UnknownStage(_) => "error-unknown-stage",
            Self::StageUnchanged => "error-stage-unchanged",
            Self::StageSkipped { .. } => "error-stage-skipped",
            Self::CaseClosed => "error-case-closed",
            Self::ReasonRequired => "error-reason-required",
            Self::UnknownVoiceKind(_) => "error-unknown-voice-kind",
            Self::EmptyText => "error-empty-text",
            Self::TextTooLong { .. } => "error-text-too-long",
            Self::InvalidDate(_) => "error-invalid-date",
            Self::DateInFuture => "error-date-in-future",
            Self::DateBeforeCaseOpened => "error-date-before-case",
            Self::DateBeforeIdentified(_) => "error-date-before-identified",
            Self::UnknownGender(_) => "error-unknown-gender",
            Self::UnknownExploitation(_) => "error-unknown-exploitation",
            Self::UnknownSpokenLanguage(_) => "error-unknown-spoken-language",
            Self::InvalidAge(_) => "error-invalid-age",
            Self::AgeAndBirthDate => "error-age-and-birth-date",
            Self::BornAfterIdentified => "error-born-after-identified",
            Self::PlaceTooLong => "error-place-too-long",
            Self::InvalidCaseCode(_) => "error-invalid-case-code",
            Self::UnknownParticipation(_) => "error-unknown-participation",
            Self::ParticipationRequired => "error-participation-required",
            Self::UnknownDecisionTopic(_) => "error-unknown-decision-topic",
            Self::ClosureNeedsDecision => "error-closure-needs-decision",
            Self::UnknownPurpose(_) => "error-unknown-purpose",
            Self::UnknownSection(_) => "error-unknown-section",
            Self::OrganisationRequired => "error-organisation-required",
            Self::SectionRequired => "error-section-required",
            Self::DateInPast => "error-date-in-past",
            Self::NoConsent { .. } => "error-no-consent",
            Self::AlreadyRevoked => "error-already-revoked",
            Self::UnknownGoalDomain(_) => "error-unknown-goal-domain",
            Self::UnknownSetBy(_) => "error-unknown-set-by",
            Self::UnknownGoalStatus(_) => "error-unknown-goal-status",
            Self::UnknownAgreement(_) => "error-unknown-agreement",
            Self::TooManyGoals { .. } => "error-too-many-goals",
            Self::TooManySynonyms { .. } => "error-too-many-synonyms",
            Self::SameLanguage => "error-same-language",
            Self::AnswerRequired => "error-answer-required",
            Self::TooManyRows { .. } => "error-too-many-rows",
            Self::EndsBeforeStart => "error-ends-before-start",
            Self::AnnouncedAfterStart => "error-announced-after-start",
            Self::DayOutsideWorkshop => "error-day-outside-workshop",
            Self::DropoutReasonRequired => "error-dropout-reason",
            Self::AnswerNotValid => "error-answer-not-valid",
            Self::PlanNeedsDecision => "error-plan-needs-decision",
            Self::UnknownNoteKind(_) => "error-unknown-note-kind",
            Self::UnknownResponse(_) => "error-unknown-response",
            Self::ResponseRequired => "error-response-required",
            Self::EmptyFile => "error-empty-file",
            Self::FileTooLarge { .. } => "error-file-too-large",
            Self::FileTypeNotAllowed => "error-file-type",
            Self::MediaNotWanted { wanted: "a photo" } => "error-media-image",
            Self::MediaNotWanted { .. } => "error-media-audio",
            Self::NoSuchDocument => "error-no-such-document",
            Self::HandoverStep { .. } => "error-handover-step",
            Self::Corrupt(_) => "error-internal",
            Self::SameOrganisation => "error-same-organisation",
            Self::ShareToCustodian => "error-share-to-custodian",
            Self::GapsNeedReason => "error-gaps-need-reason",
            Self::UnknownOutcome(_) => "error-unknown-outcome",
            Self::FollowUpDone => "error-followup-done",
            Self::NotCounterparts => "error-not-counterparts",
            Self::PhaseNotCompleted => "error-phase-not-completed",
            Self::ConsentNeeded => "error-consent-needed",
            Self::UnknownTimeZone(_) => "error-unknown-time-zone",
            Self::InvalidPeriod(_) => "error-invalid-period",
            Self::UnknownRating(_) => "error-unknown-life-rating",
            Self::UnknownOccasion(_) => "error-unknown-life-occasion",
            Self::LifeViewAreas => "error-life-view-areas",
            Self::LifeViewReference => "error-life-view-reference",
        }
    }
}
