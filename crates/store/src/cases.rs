//! What the store keeps of cases: the case, its identity section, assignments, the journey, her
//! voice with every version, and the search terms of her words.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::case::{Identity, StageChange};
use domain::consent::{Consent, ConsentFields};
use domain::decision::{Decision, DecisionFields};
use domain::document::DocumentInfo;
use domain::followup::{FollowUp, FollowUpResult, FollowUpUpdate};
use domain::handover::Handover;
use domain::note::{Note, NoteKind, NoteTranslation};
use domain::plan::{Plan, PlanBody, PlanReview};
use domain::sight::{Passage, Sight};
use domain::voice::{VoiceFields, format_date_iso, parse_date};
use domain::{Case, CaseCode, CaseId, OrgId, Stage, Timestamp, UserId, VoiceEntry, VoiceId};

use crate::StoreError;

/// A case to open.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub id: CaseId,
    pub code: CaseCode,
    pub custodian: OrgId,
    pub opened_at: Timestamp,
    pub assigned: Vec<UserId>,
    pub identity: Identity,
}

/// Which cases to list. Always one custodian: a query never crosses organisations.
#[derive(Debug, Clone)]
pub struct CaseFilter {
    pub custodian: OrgId,
    /// When the search is made: her consents are read as they stand at this moment, so a
    /// search finds words of another organisation only while she lets them be read here.
    pub now: Timestamp,
    pub stage: Option<Stage>,
    /// Only cases this person is assigned to.
    pub assigned_to: Option<UserId>,
    /// Only the case her own account is linked to (a survivor's own record).
    pub survivor: Option<UserId>,
    /// Search terms (from `domain::text::terms`); each must match the start of a term of the
    /// case's indexed text.
    pub terms: Vec<String>,
    /// Only cases whose plan is due for review: never reviewed, or last reviewed, before this
    /// moment (the first version of the plan counts as its start).
    pub review_due_before: Option<Timestamp>,
    pub limit: u32,
    pub offset: u32,
}

impl CaseFilter {
    pub fn of(custodian: OrgId, now: Timestamp) -> Self {
        Self {
            custodian,
            now,
            stage: None,
            assigned_to: None,
            survivor: None,
            terms: Vec::new(),
            review_due_before: None,
            limit: 50,
            offset: 0,
        }
    }
}

/// The most terms of one query that are used (the rest narrow nothing in practice).
pub const MAX_QUERY_TERMS: usize = 8;

/// A search term found in at most this many indexed rows leads the query (see `find_cases`).
pub(crate) const RARE_TERM_ROWS: i64 = 2000;

/// A step of her repatriation past its expected date, with the case it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueStep {
    pub code: CaseCode,
    pub step: domain::repatriation::Step,
    pub due_on: time::Date,
}

/// A voice entry to record.
#[derive(Debug, Clone)]
pub struct NewVoice {
    pub id: VoiceId,
    pub case_id: CaseId,
    pub fields: VoiceFields,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

#[async_trait]
pub trait CaseStore: Send + Sync {
    /// Opens a case with its identity section and assigned staff. `Duplicate("case code")`
    /// when the code is taken.
    async fn create_case(&self, case: &NewCase, audit: AuditEvent) -> Result<Case, StoreError>;
    async fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError>;
    /// Assigns a member of staff to the case; assigning twice changes nothing.
    async fn assign(
        &self,
        case: CaseId,
        user: UserId,
        at: Timestamp,
        audit: AuditEvent,
    ) -> Result<Case, StoreError>;
    /// Links her own account to her case (replacing an earlier link). She is never one of the
    /// staff who carry it.
    async fn link_survivor(
        &self,
        case: CaseId,
        user: UserId,
        audit: AuditEvent,
    ) -> Result<Case, StoreError>;
    async fn case_by_code(&self, code: &CaseCode) -> Result<Option<Case>, StoreError>;
    /// Newest first.
    async fn find_cases(&self, filter: &CaseFilter) -> Result<Vec<Case>, StoreError>;
    async fn count_cases(&self, custodian: OrgId) -> Result<u64, StoreError>;
    /// How many of the organisation's cases this person carries.
    async fn count_assigned(&self, custodian: OrgId, user: UserId) -> Result<u64, StoreError>;
    /// Moves the case (the caller has checked the journey's rules and the policy). `Conflict`
    /// when the case changed since `expected_version`.
    async fn change_stage(
        &self,
        id: CaseId,
        expected_version: i64,
        change: &StageChange,
        audit: AuditEvent,
    ) -> Result<Case, StoreError>;
    /// Oldest first.
    async fn stage_history(&self, id: CaseId) -> Result<Vec<StageChange>, StoreError>;
    /// Reads the identity section and records the reading, in one transaction. `None` when
    /// there is none, or when `sight` does not reach it (then nothing is recorded).
    async fn open_identity(
        &self,
        id: CaseId,
        sight: &Sight,
        audit: AuditEvent,
    ) -> Result<Option<Identity>, StoreError>;
    async fn record_voice(
        &self,
        voice: &NewVoice,
        audit: AuditEvent,
    ) -> Result<VoiceEntry, StoreError>;
    /// Adds a new version of an entry. `Conflict` when a newer version than `expected_version`
    /// exists; the older text is kept either way.
    async fn correct_voice(
        &self,
        entry: VoiceId,
        expected_version: i64,
        fields: &VoiceFields,
        by: UserId,
        at: Timestamp,
        audit: AuditEvent,
    ) -> Result<VoiceEntry, StoreError>;
    /// The newest version of each entry of a case that `sight` reaches, newest entry first.
    async fn voice_of(&self, case: CaseId, sight: &Sight) -> Result<Vec<VoiceEntry>, StoreError>;
    /// Every version of one entry, oldest first (none when `sight` does not reach it).
    async fn voice_history(
        &self,
        entry: VoiceId,
        sight: &Sight,
    ) -> Result<Vec<VoiceEntry>, StoreError>;
    async fn log_decision(&self, decision: &Decision, audit: AuditEvent) -> Result<(), StoreError>;
    async fn record_consent(&self, consent: &Consent, audit: AuditEvent) -> Result<(), StoreError>;
    /// Adds a note; its words join the search index, except a psychosocial note's (a search by
    /// a case worker must not reveal what only counsellors may read).
    async fn add_note(&self, note: &Note, audit: AuditEvent) -> Result<(), StoreError>;
    /// The notes of the given kinds that `sight` reaches, newest first.
    async fn notes_of(
        &self,
        case: CaseId,
        kinds: &[NoteKind],
        sight: &Sight,
    ) -> Result<Vec<Note>, StoreError>;
    async fn add_translation(
        &self,
        translation: &NoteTranslation,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Every translation of the case's notes, oldest first (the caller shows only those of the
    /// notes she may read).
    async fn translations_of(&self, case: CaseId) -> Result<Vec<NoteTranslation>, StoreError>;
    async fn add_document(
        &self,
        info: &DocumentInfo,
        content: &[u8],
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Those `sight` reaches, newest first, without their bytes.
    async fn documents_of(
        &self,
        case: CaseId,
        sight: &Sight,
    ) -> Result<Vec<DocumentInfo>, StoreError>;
    /// One document with its bytes; the reading is recorded in the same transaction. `None`
    /// when absent or out of `sight`.
    async fn open_document(
        &self,
        case: CaseId,
        id: uuid::Uuid,
        sight: &Sight,
        audit: AuditEvent,
    ) -> Result<Option<(DocumentInfo, Vec<u8>)>, StoreError>;
    async fn create_handover(
        &self,
        handover: &Handover,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn handover(&self, id: uuid::Uuid) -> Result<Option<Handover>, StoreError>;
    /// Handovers sent before `sent_before` and still not acknowledged, oldest first.
    async fn unacknowledged_handovers(
        &self,
        sent_before: Timestamp,
    ) -> Result<Vec<Handover>, StoreError>;
    /// Newest first: those `org` receives (`incoming`) or sends.
    async fn handovers_of(&self, org: OrgId, incoming: bool) -> Result<Vec<Handover>, StoreError>;
    /// Writes the handover's new state (built from the one read, at `expected_version`). With
    /// `custody`, the case moves to that organisation and that person is assigned, in the same
    /// transaction.
    async fn update_handover(
        &self,
        handover: &Handover,
        expected_version: i64,
        custody: Option<(OrgId, UserId)>,
        audit: AuditEvent,
    ) -> Result<Handover, StoreError>;
    /// Oldest due first.
    async fn followups_of(&self, case: CaseId) -> Result<Vec<FollowUp>, StoreError>;
    /// Records a follow-up's result (once: `Conflict` if already recorded), and the update for
    /// the sending organisation when there is one, in one transaction.
    async fn record_followup(
        &self,
        id: uuid::Uuid,
        result: &FollowUpResult,
        update: Option<&FollowUpUpdate>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn followup_updates(
        &self,
        handover: uuid::Uuid,
    ) -> Result<Vec<FollowUpUpdate>, StoreError>;
    /// The follow-ups of the custodian's cases (closed ones aside) that were due before `today`
    /// and not recorded (`FollowUp::is_missed`), each with her case code; oldest due first.
    async fn overdue_followups(
        &self,
        custodian: OrgId,
        today: time::Date,
    ) -> Result<Vec<(CaseCode, FollowUp)>, StoreError>;
    /// The steps of a configured route, in order (empty for an unknown route).
    async fn route_steps(
        &self,
        route: &str,
    ) -> Result<Vec<domain::repatriation::StepTemplate>, StoreError>;
    /// Starts her repatriation on `route` from `started_on`, copying the route's steps (so a
    /// later change to the route does not rewrite her history). `Duplicate` if already started.
    async fn start_repatriation(
        &self,
        case: CaseId,
        route: &str,
        started_on: time::Date,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// (route, started on, steps in order), if started.
    async fn repatriation(
        &self,
        case: CaseId,
    ) -> Result<Option<(String, time::Date, Vec<domain::repatriation::Step>)>, StoreError>;
    async fn update_step(
        &self,
        step: &domain::repatriation::Step,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// The repatriation steps of the custodian's cases (closed ones aside) that are past their
    /// expected date on `today` (`domain::repatriation::overdue`); oldest due first.
    async fn overdue_steps(
        &self,
        custodian: OrgId,
        today: time::Date,
    ) -> Result<Vec<OverdueStep>, StoreError>;
    /// The newest version of her plan that `sight` reaches: each organisation continues the
    /// plan it can see, and a version belongs to the organisation that saved it.
    async fn plan(&self, case: CaseId, sight: &Sight) -> Result<Option<Plan>, StoreError>;
    /// Saves a new version of the plan. `expected_version` is the version it was based on (0
    /// for the first plan), the newest its writer's `sight` reaches; `Conflict` when someone
    /// saved meanwhile. Every version is kept.
    async fn save_plan(&self, save: &PlanSave<'_>, audit: AuditEvent) -> Result<Plan, StoreError>;
    /// Marks `version` approved; `Conflict` if the plan `sight` reaches has moved on.
    async fn approve_plan(
        &self,
        case: CaseId,
        version: i64,
        sight: &Sight,
        audit: AuditEvent,
    ) -> Result<Plan, StoreError>;
    async fn add_plan_review(
        &self,
        case: CaseId,
        review: &PlanReview,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Those `sight` reaches, oldest first.
    async fn plan_reviews(
        &self,
        case: CaseId,
        sight: &Sight,
    ) -> Result<Vec<PlanReview>, StoreError>;
    /// Every reading of the case's content and identity, newest first (at most `limit`).
    async fn readings_of(
        &self,
        case: CaseId,
        limit: u32,
    ) -> Result<Vec<domain::audit::AuditRecord>, StoreError>;
    /// Oldest first, revoked ones included.
    async fn consents_of(&self, case: CaseId) -> Result<Vec<Consent>, StoreError>;
    /// Revokes an active consent; `NotFound` when there is no such consent still active.
    async fn revoke_consent(
        &self,
        id: uuid::Uuid,
        by: UserId,
        at: Timestamp,
        reason: &str,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Those `sight` reaches, oldest first.
    async fn decisions_of(&self, case: CaseId, sight: &Sight) -> Result<Vec<Decision>, StoreError>;
}

/// A new version of her plan, as its writer sees the plan.
#[derive(Debug, Clone)]
pub struct PlanSave<'a> {
    pub case: CaseId,
    pub expected_version: i64,
    pub body: &'a PlanBody,
    pub by: UserId,
    pub at: Timestamp,
    pub sight: &'a Sight,
}

/// The sections whose records of other organisations `sight` reaches, as one bound text for
/// the SQL predicate `(',' || CAST($n AS TEXT) || ',') LIKE ('%,' || section || ',%')`.
pub(crate) fn shared_sections(sight: &Sight) -> String {
    sight
        .shared()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The SQL predicate "this row is within the sight bound at `$org` and `$shared`" for a row
/// whose organisation is `org_id` and whose section is `section` (an SQL expression).
macro_rules! visible {
    ($org:literal, $shared:literal, $section:literal) => {
        concat!(
            "(org_id = $",
            $org,
            " OR (',' || CAST($",
            $shared,
            " AS TEXT) || ',') LIKE ('%,' || ",
            $section,
            " || ',%'))"
        )
    };
}
pub(crate) use visible;

macro_rules! case_columns {
    () => {
        "id, code, custodian_org_id, stage, opened_at, version, updated_at, survivor_user_id"
    };
}
macro_rules! voice_columns {
    () => {
        "entry_id, version, case_id, kind, text, language, spoken_on, read_back, recorded_by, recorded_at"
    };
}
pub(crate) use {case_columns, voice_columns};

#[derive(sqlx::FromRow)]
pub(crate) struct CaseRow {
    id: String,
    code: String,
    custodian_org_id: String,
    stage: String,
    opened_at: i64,
    version: i64,
    updated_at: i64,
    survivor_user_id: Option<String>,
}

/// One handover as sight needs it: (from, to, state, sections).
pub(crate) type PassageRow = (String, String, String, String);

pub(crate) fn passage(row: PassageRow) -> Result<Passage, StoreError> {
    Ok(Passage {
        from: row.0.parse()?,
        to: row.1.parse()?,
        state: row.2.parse()?,
        sections: list(&row.3)?,
    })
}

impl CaseRow {
    pub(crate) fn into_case(
        self,
        assigned: Vec<String>,
        passages: Vec<PassageRow>,
    ) -> Result<Case, StoreError> {
        Ok(Case {
            id: self.id.parse()?,
            code: self.code.parse()?,
            custodian: self.custodian_org_id.parse()?,
            stage: self.stage.parse()?,
            assigned: assigned
                .iter()
                .map(|a| a.parse())
                .collect::<Result<_, _>>()?,
            opened_at: Timestamp(self.opened_at),
            version: self.version,
            updated_at: Timestamp(self.updated_at),
            survivor: self.survivor_user_id.map(|u| u.parse()).transpose()?,
            passages: passages
                .into_iter()
                .map(passage)
                .collect::<Result<_, _>>()?,
        })
    }

    pub(crate) fn id(&self) -> &str {
        &self.id
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct VoiceRow {
    entry_id: String,
    version: i64,
    case_id: String,
    kind: String,
    text: String,
    language: String,
    spoken_on: String,
    read_back: bool,
    recorded_by: String,
    recorded_at: i64,
}

impl TryFrom<VoiceRow> for VoiceEntry {
    type Error = StoreError;
    fn try_from(row: VoiceRow) -> Result<Self, StoreError> {
        Ok(VoiceEntry {
            id: row.entry_id.parse()?,
            case_id: row.case_id.parse()?,
            version: row.version,
            kind: row.kind.parse()?,
            text: row.text,
            language: row.language.parse()?,
            spoken_on: parse_date(&row.spoken_on)?,
            read_back: row.read_back,
            recorded_by: row.recorded_by.parse()?,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct StageRow {
    from_stage: String,
    to_stage: String,
    reason: String,
    changed_by: Option<String>,
    changed_at: i64,
}

impl TryFrom<StageRow> for StageChange {
    type Error = StoreError;
    fn try_from(row: StageRow) -> Result<Self, StoreError> {
        Ok(StageChange {
            from: row.from_stage.parse()?,
            to: row.to_stage.parse()?,
            reason: row.reason,
            by: row.changed_by.map(|b| b.parse()).transpose()?,
            at: Timestamp(row.changed_at),
        })
    }
}

pub(crate) fn iso(fields: &VoiceFields) -> String {
    format_date_iso(fields.spoken_on)
}

/// The upper bound of a prefix range: every term that starts with `prefix` sorts below it.
pub(crate) fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

#[derive(sqlx::FromRow)]
pub(crate) struct DecisionRow {
    id: String,
    case_id: String,
    topic: String,
    what: String,
    decided_by: String,
    options: String,
    her_choice: String,
    participation: String,
    her_view: String,
    absent_reason: String,
    recorded_by: String,
    recorded_at: i64,
}

impl TryFrom<DecisionRow> for Decision {
    type Error = StoreError;
    fn try_from(row: DecisionRow) -> Result<Self, StoreError> {
        Ok(Decision {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("decision id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            fields: DecisionFields {
                topic: row.topic.parse()?,
                what: row.what,
                decided_by: row.decided_by,
                options: row
                    .options
                    .lines()
                    .map(str::to_string)
                    .filter(|o| !o.is_empty())
                    .collect(),
                her_choice: row.her_choice,
                participation: row.participation.parse()?,
                her_view: row.her_view,
                absent_reason: row.absent_reason,
            },
            recorded_by: row.recorded_by.parse()?,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}

macro_rules! consent_columns {
    () => {
        "id, case_id, purpose, section, organisation_id, explained_how, explained_in, explained_by, \
         expires_on, recorded_by, recorded_at, revoked_at, revoked_reason"
    };
}
pub(crate) use consent_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct ConsentRow {
    id: String,
    case_id: String,
    purpose: String,
    section: Option<String>,
    organisation_id: Option<String>,
    explained_how: String,
    explained_in: String,
    explained_by: String,
    expires_on: Option<String>,
    recorded_by: String,
    recorded_at: i64,
    revoked_at: Option<i64>,
    revoked_reason: Option<String>,
}

impl TryFrom<ConsentRow> for Consent {
    type Error = StoreError;
    fn try_from(row: ConsentRow) -> Result<Self, StoreError> {
        Ok(Consent {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("consent id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            fields: ConsentFields {
                purpose: row.purpose.parse()?,
                section: row.section.map(|s| s.parse()).transpose()?,
                organisation: row.organisation_id.map(|o| o.parse()).transpose()?,
                explained_how: row.explained_how,
                explained_in: row.explained_in.parse()?,
                explained_by: row.explained_by,
                expires_on: row.expires_on.map(|d| parse_date(&d)).transpose()?,
            },
            recorded_by: row.recorded_by.parse()?,
            recorded_at: Timestamp(row.recorded_at),
            revoked_at: row.revoked_at.map(Timestamp),
            revoked_reason: row.revoked_reason,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PlanRow {
    body: String,
    version: i64,
    updated_by: Option<String>,
    updated_at: i64,
    approved_version: Option<i64>,
}

impl TryFrom<PlanRow> for Plan {
    type Error = StoreError;
    fn try_from(row: PlanRow) -> Result<Self, StoreError> {
        Ok(Plan {
            body: serde_json::from_str(&row.body)
                .map_err(|e| StoreError::Corrupt(format!("plan: {e}")))?,
            version: row.version,
            updated_by: row.updated_by.map(|u| u.parse()).transpose()?,
            updated_at: Timestamp(row.updated_at),
            approved_version: row.approved_version,
        })
    }
}

pub(crate) fn plan_json(body: &PlanBody) -> Result<String, StoreError> {
    serde_json::to_string(body).map_err(|e| StoreError::Corrupt(format!("plan: {e}")))
}

#[derive(sqlx::FromRow)]
pub(crate) struct ReviewRow {
    id: String,
    plan_version: i64,
    agreement: String,
    her_words: String,
    notes: String,
    reviewed_by: String,
    reviewed_at: i64,
}

impl TryFrom<ReviewRow> for PlanReview {
    type Error = StoreError;
    fn try_from(row: ReviewRow) -> Result<Self, StoreError> {
        Ok(PlanReview {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("review id {}", row.id)))?,
            plan_version: row.plan_version,
            agreement: row.agreement.parse()?,
            her_words: row.her_words,
            notes: row.notes,
            reviewed_by: row.reviewed_by.parse()?,
            reviewed_at: Timestamp(row.reviewed_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct NoteRow {
    id: String,
    case_id: String,
    kind: String,
    text: String,
    language: String,
    response: Option<String>,
    response_text: Option<String>,
    written_by: String,
    written_at: i64,
}

impl TryFrom<NoteRow> for Note {
    type Error = StoreError;
    fn try_from(row: NoteRow) -> Result<Self, StoreError> {
        let response = match row.response {
            Some(kind) => Some((kind.parse()?, row.response_text.unwrap_or_default())),
            None => None,
        };
        Ok(Note {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("note id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            kind: row.kind.parse()?,
            text: row.text,
            language: row.language.parse()?,
            response,
            written_by: row.written_by.parse()?,
            written_at: Timestamp(row.written_at),
        })
    }
}

macro_rules! document_columns {
    () => {
        "id, case_id, section, name, media_type, size, uploaded_by, uploaded_at"
    };
}
pub(crate) use document_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct DocumentRow {
    id: String,
    case_id: String,
    section: String,
    name: String,
    media_type: String,
    size: i64,
    uploaded_by: String,
    uploaded_at: i64,
}

impl TryFrom<DocumentRow> for DocumentInfo {
    type Error = StoreError;
    fn try_from(row: DocumentRow) -> Result<Self, StoreError> {
        Ok(DocumentInfo {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("document id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            class: row.section.parse()?,
            name: row.name,
            media_type: row.media_type,
            size: row.size,
            uploaded_by: row.uploaded_by.parse()?,
            uploaded_at: Timestamp(row.uploaded_at),
        })
    }
}

macro_rules! handover_columns {
    () => {
        "id, case_id, from_org_id, to_org_id, state, reason, sections, score, gaps, gaps_reason, decline_reason, \
         created_by, created_at, sent_at, acknowledged_at, decided_at, version"
    };
}
pub(crate) use handover_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct HandoverRow {
    id: String,
    case_id: String,
    from_org_id: String,
    to_org_id: String,
    state: String,
    reason: String,
    sections: String,
    score: Option<i64>,
    gaps: String,
    gaps_reason: String,
    decline_reason: String,
    created_by: String,
    created_at: i64,
    sent_at: Option<i64>,
    acknowledged_at: Option<i64>,
    decided_at: Option<i64>,
    version: i64,
}

fn list<T: std::str::FromStr<Err = domain::DomainError>>(text: &str) -> Result<Vec<T>, StoreError> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(StoreError::from))
        .collect()
}

pub(crate) fn join<T>(items: &[T], name: impl Fn(&T) -> &'static str) -> String {
    items.iter().map(name).collect::<Vec<_>>().join(",")
}

impl TryFrom<HandoverRow> for Handover {
    type Error = StoreError;
    fn try_from(row: HandoverRow) -> Result<Self, StoreError> {
        Ok(Handover {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("handover id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            from_org: row.from_org_id.parse()?,
            to_org: row.to_org_id.parse()?,
            state: row.state.parse()?,
            reason: row.reason,
            sections: list(&row.sections)?,
            score: row.score,
            gaps: list(&row.gaps)?,
            gaps_reason: row.gaps_reason,
            decline_reason: row.decline_reason,
            created_by: row.created_by.parse()?,
            created_at: Timestamp(row.created_at),
            sent_at: row.sent_at.map(Timestamp),
            acknowledged_at: row.acknowledged_at.map(Timestamp),
            decided_at: row.decided_at.map(Timestamp),
            version: row.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct FollowUpRow {
    id: String,
    case_id: String,
    due_on: String,
    outcome: Option<String>,
    her_words: Option<String>,
    done_by: Option<String>,
    done_at: Option<i64>,
}

impl TryFrom<FollowUpRow> for FollowUp {
    type Error = StoreError;
    fn try_from(row: FollowUpRow) -> Result<Self, StoreError> {
        let done = match (row.outcome, row.done_by, row.done_at) {
            (Some(outcome), Some(by), Some(at)) => Some(FollowUpResult {
                outcome: outcome.parse()?,
                her_words: row.her_words.unwrap_or_default(),
                by: by.parse()?,
                at: Timestamp(at),
            }),
            _ => None,
        };
        Ok(FollowUp {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("follow-up id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            due_on: parse_date(&row.due_on)?,
            done,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UpdateRow {
    id: String,
    handover_id: String,
    outcome: String,
    her_words: String,
    at: i64,
}

impl TryFrom<UpdateRow> for FollowUpUpdate {
    type Error = StoreError;
    fn try_from(row: UpdateRow) -> Result<Self, StoreError> {
        Ok(FollowUpUpdate {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("update id {}", row.id)))?,
            handover_id: row
                .handover_id
                .parse()
                .map_err(|_| StoreError::Corrupt("update handover".into()))?,
            outcome: row.outcome.parse()?,
            her_words: row.her_words,
            at: Timestamp(row.at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct StepRow {
    case_id: String,
    seq: i64,
    step_key: String,
    agency: String,
    expected_days: i64,
    done_on: Option<String>,
    her_preference: String,
    updated_by: Option<String>,
    updated_at: Option<i64>,
}

impl TryFrom<StepRow> for domain::repatriation::Step {
    type Error = StoreError;
    fn try_from(row: StepRow) -> Result<Self, StoreError> {
        Ok(domain::repatriation::Step {
            case_id: row.case_id.parse()?,
            seq: row.seq,
            key: row.step_key,
            agency: row.agency,
            expected_days: row.expected_days,
            done_on: row.done_on.map(|d| parse_date(&d)).transpose()?,
            her_preference: row.her_preference,
            updated_by: row.updated_by.map(|u| u.parse()).transpose()?,
            updated_at: row.updated_at.map(Timestamp),
        })
    }
}

/// A follow-up with the code of her case.
#[derive(sqlx::FromRow)]
pub(crate) struct CodedFollowUpRow {
    code: String,
    #[sqlx(flatten)]
    followup: FollowUpRow,
}

impl TryFrom<CodedFollowUpRow> for (CaseCode, FollowUp) {
    type Error = StoreError;
    fn try_from(row: CodedFollowUpRow) -> Result<Self, StoreError> {
        Ok((row.code.parse()?, row.followup.try_into()?))
    }
}

/// A repatriation step with the code of her case and the day her repatriation started.
#[derive(sqlx::FromRow)]
pub(crate) struct CodedStepRow {
    code: String,
    started_on: String,
    #[sqlx(flatten)]
    step: StepRow,
}

/// The overdue steps among `rows` (every step of each case, cases together, steps in order),
/// oldest due first.
pub(crate) fn overdue_steps(
    rows: Vec<CodedStepRow>,
    today: time::Date,
) -> Result<Vec<OverdueStep>, StoreError> {
    let mut cases: Vec<(CaseCode, time::Date, Vec<domain::repatriation::Step>)> = Vec::new();
    for row in rows {
        let step: domain::repatriation::Step = row.step.try_into()?;
        match cases.last_mut() {
            Some((_, _, steps)) if steps.first().is_some_and(|s| s.case_id == step.case_id) => {
                steps.push(step)
            }
            _ => cases.push((row.code.parse()?, parse_date(&row.started_on)?, vec![step])),
        }
    }
    let mut late = Vec::new();
    for (code, started_on, steps) in cases {
        let due = domain::repatriation::due_dates(started_on, &steps);
        let overdue = domain::repatriation::overdue(started_on, &steps, today);
        for ((step, due_on), overdue) in steps.into_iter().zip(due).zip(overdue) {
            if overdue {
                late.push(OverdueStep {
                    code: code.clone(),
                    step,
                    due_on,
                });
            }
        }
    }
    late.sort_by(|a, b| {
        (a.due_on, a.code.as_str(), a.step.seq).cmp(&(b.due_on, b.code.as_str(), b.step.seq))
    });
    Ok(late)
}

#[derive(sqlx::FromRow)]
pub(crate) struct TranslationRow {
    id: String,
    note_id: String,
    case_id: String,
    language: String,
    text: String,
    translator: String,
    added_by: String,
    added_at: i64,
}

impl TryFrom<TranslationRow> for NoteTranslation {
    type Error = StoreError;
    fn try_from(row: TranslationRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("translation {what} of {}", row.id));
        Ok(NoteTranslation {
            id: row.id.parse().map_err(|_| bad("id"))?,
            note_id: row.note_id.parse().map_err(|_| bad("note"))?,
            case_id: row.case_id.parse().map_err(|_| bad("case"))?,
            language: row.language.parse().map_err(|_| bad("language"))?,
            text: row.text,
            translator: row.translator,
            added_by: row.added_by.parse().map_err(|_| bad("author"))?,
            added_at: Timestamp::from_millis(row.added_at),
        })
    }
}
