//! What the store keeps of cases: the case, its identity section, assignments, the journey and
//! the search of her words. Each part of her record (her voice, plan, decisions, consents,
//! notes, documents, handovers, follow-ups, repatriation) has a module and a store trait of its
//! own; `CaseStore` has them all as supertraits, so a caller holding a `Store` sees one store.

pub(crate) mod consent;
pub(crate) mod decision;
pub(crate) mod document;
pub(crate) mod followup;
pub(crate) mod glance;
pub(crate) mod handover;
pub(crate) mod import;
pub(crate) mod life_view;
pub(crate) mod note;
pub(crate) mod plan;
pub(crate) mod repatriation;
pub(crate) mod stay;
pub(crate) mod voice;

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::case::{Identity, StageChange};
use domain::sight::{Passage, Sight};
use domain::{Case, CaseCode, CaseId, OrgId, Stage, Timestamp, UserId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

pub use self::glance::Glance;
pub use self::import::{ImportStore, ImportedCase};
pub use self::life_view::LifeViewStore;
pub use self::stay::StayStore;
pub use self::{
    consent::ConsentStore, decision::DecisionStore, document::DocumentStore,
    followup::FollowUpStore, handover::HandoverStore, note::NoteStore, plan::PlanStore,
    repatriation::RepatriationStore, voice::VoiceStore,
};
pub use self::{plan::PlanSave, repatriation::OverdueStep, voice::NewVoice};

/// A case to open.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub id: CaseId,
    pub code: CaseCode,
    pub custodian: OrgId,
    pub opened_at: Timestamp,
    pub assigned: Vec<UserId>,
    pub identity: Identity,
    /// How she came to the case (may be all unknown).
    pub intake: domain::intake::Intake,
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
    /// Only cases whose code starts with this (as stored: capitals, with its dash).
    pub code_prefix: Option<String>,
    /// Only cases opened at or after this moment.
    pub opened_from: Option<Timestamp>,
    /// Only cases opened before this moment.
    pub opened_before: Option<Timestamp>,
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
            code_prefix: None,
            opened_from: None,
            opened_before: None,
            limit: 50,
            offset: 0,
        }
    }
}

/// The most terms of one query that are used (the rest narrow nothing in practice).
pub const MAX_QUERY_TERMS: usize = 8;

/// A search term found in at most this many indexed rows leads the query (see `find_cases`).
pub(crate) const RARE_TERM_ROWS: i64 = 2000;

/// The case and its journey, and through its supertraits every part of her record: a store of
/// cases is all of them.
#[async_trait]
pub trait CaseStore:
    voice::VoiceStore
    + plan::PlanStore
    + decision::DecisionStore
    + consent::ConsentStore
    + note::NoteStore
    + document::DocumentStore
    + handover::HandoverStore
    + followup::FollowUpStore
    + repatriation::RepatriationStore
    + stay::StayStore
    + life_view::LifeViewStore
    + import::ImportStore
    + Send
    + Sync
{
    /// Opens a case with its identity section and assigned staff. `Duplicate("case code")`
    /// when the code is taken.
    async fn create_case(&self, case: &NewCase, audit: AuditEvent) -> Result<Case, StoreError>;
    /// The case, if `scope` reaches it (`None` otherwise, as if there were none).
    async fn case(
        &self,
        id: CaseId,
        scope: &domain::scope::CaseScope,
    ) -> Result<Option<Case>, StoreError>;
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
    /// How many of the organisation's cases are at each stage (stages with none left out).
    async fn stage_counts(&self, custodian: OrgId) -> Result<Vec<(Stage, u64)>, StoreError>;
    /// The organisation's open cases whose newest plan version is not approved, by code: what
    /// waits for its director.
    async fn plans_awaiting_approval(
        &self,
        custodian: OrgId,
    ) -> Result<Vec<(CaseId, CaseCode)>, StoreError>;
    /// The custodian's cases among `ids`, each at a glance (next dates due, her plan's state;
    /// see [`Glance`]), in one query; a case of another custodian is left out. `today` is the
    /// custodian's day, for what is past.
    async fn glances(
        &self,
        custodian: OrgId,
        ids: &[CaseId],
        today: time::Date,
    ) -> Result<Vec<Glance>, StoreError>;
    /// [`CaseStore::glances`] of one case and [`PlanStore::plan`] as `sight` reaches it, in
    /// one statement (issue 16: the case summary of a reader of her plan whose organisation
    /// carries her case). No glance when `custodian` does not hold the case, and then no
    /// plan either: ask [`PlanStore::plan`].
    ///
    /// [`PlanStore::plan`]: crate::PlanStore::plan
    async fn glance_and_plan(
        &self,
        custodian: OrgId,
        case: CaseId,
        today: time::Date,
        sight: &Sight,
    ) -> Result<(Option<Glance>, Option<domain::plan::Plan>), StoreError>;
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
    async fn stage_history(
        &self,
        id: CaseId,
        scope: &domain::scope::CaseScope,
    ) -> Result<Vec<StageChange>, StoreError>;
    /// Reads the identity section and records the reading, in one transaction. `None` when
    /// there is none, or when `sight` does not reach it (then nothing is recorded).
    async fn open_identity(
        &self,
        id: CaseId,
        sight: &Sight,
        audit: AuditEvent,
    ) -> Result<Option<Identity>, StoreError>;
    /// The cases whose survivor's consent to anonymous statistics holds at `now` (recorded,
    /// not revoked by then, not past its last day), with how she came to each: of one
    /// custodian, or of the whole network when `custodian` is `None`. Without their staff or
    /// handovers: for the anonymised HTCDS export only. Oldest first.
    async fn statistical_cases(
        &self,
        custodian: Option<OrgId>,
        now: Timestamp,
    ) -> Result<Vec<Case>, StoreError>;
    /// Every reading of the case's content and identity, newest first (at most `limit`).
    async fn readings_of(
        &self,
        case: CaseId,
        scope: &domain::scope::CaseScope,
        limit: u32,
    ) -> Result<Vec<domain::audit::AuditRecord>, StoreError>;
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

/// Whether the case aliased `$alias` is within the reader's scope (`$org`, `$user` are parameter
/// numbers): her organisation holds it, it is her own, or her organisation is named on one of
/// its handovers in any state. One text for [`CaseStore::case`] and every scoped read.
macro_rules! within {
    ($alias:literal, $org:literal, $user:literal) => {
        concat!(
            "(",
            $alias,
            ".custodian_org_id = $",
            $org,
            " OR ",
            $alias,
            ".survivor_user_id = $",
            $user,
            " OR EXISTS (SELECT 1 FROM handovers sh WHERE sh.case_id = ",
            $alias,
            ".id AND (sh.from_org_id = $",
            $org,
            " OR sh.to_org_id = $",
            $org,
            ")))"
        )
    };
}
/// The scope predicate over a case named by the SQL expression `$case`, for the reads that
/// start from one of her records rather than from the case row itself. `$org` bound to NULL
/// (see [`scope_binds`]) is the network, which reaches every case.
macro_rules! in_scope {
    ($case:literal, $org:literal, $user:literal) => {
        concat!(
            "($",
            $org,
            " IS NULL OR EXISTS (SELECT 1 FROM cases sc WHERE sc.id = ",
            $case,
            " AND ",
            $crate::cases::within!("sc", $org, $user),
            "))"
        )
    };
}
pub(crate) use in_scope;
pub(crate) use within;

/// What the `$org`/`$user` parameters of [`in_scope!`] are bound to: `None` for the network.
pub(crate) fn scope_binds(scope: &domain::scope::CaseScope) -> (Option<String>, Option<String>) {
    match scope {
        domain::scope::CaseScope::Network => (None, None),
        domain::scope::CaseScope::Organisation { org, user } => {
            (Some(org.to_string()), Some(user.to_string()))
        }
    }
}

macro_rules! case_columns {
    () => {
        "id, code, custodian_org_id, stage, opened_at, version, updated_at, survivor_user_id, \
         identified_on, identified_district, identified_state, identified_country, age_years, \
         born_on, gender, languages, citizenship, exploitation"
    };
    // The same columns of the table aliased `c`, for a query that joins another table.
    (c) => {
        "c.id, c.code, c.custodian_org_id, c.stage, c.opened_at, c.version, c.updated_at, \
         c.survivor_user_id, c.identified_on, c.identified_district, c.identified_state, \
         c.identified_country, c.age_years, c.born_on, c.gender, c.languages, c.citizenship, \
         c.exploitation"
    };
}
pub(crate) use case_columns;

/// The columns that carry a case's assignments and handovers with its row, so that a case is
/// one statement (issue 16): `assigned_list` the assignees' ids, oldest first, comma-separated;
/// `passages_list` its handovers, oldest first, each `from to state sections` (space-separated;
/// `sections` is itself comma-separated), separated by `;`. Ids, states and section names hold
/// neither separator. `string_agg` with `ORDER BY` is in both engines (SQLite since 3.44).
macro_rules! case_parts_columns {
    ($alias:literal) => {
        concat!(
            "(SELECT string_agg(ca.user_id, ',' ORDER BY ca.assigned_at, ca.user_id) \
             FROM case_assignments ca WHERE ca.case_id = ",
            $alias,
            ".id) AS assigned_list, \
             (SELECT string_agg(ch.from_org_id || ' ' || ch.to_org_id || ' ' || ch.state || ' ' \
             || ch.sections, ';' ORDER BY ch.created_at, ch.id) FROM handovers ch \
             WHERE ch.case_id = ",
            $alias,
            ".id) AS passages_list"
        )
    };
}
pub(crate) use case_parts_columns;

/// A case row with [`case_parts_columns!`]: the whole case in one row.
#[derive(sqlx::FromRow)]
pub(crate) struct WholeCaseRow {
    #[sqlx(flatten)]
    case: CaseRow,
    assigned_list: Option<String>,
    passages_list: Option<String>,
}

impl WholeCaseRow {
    pub(crate) fn into_case(self) -> Result<Case, StoreError> {
        let assigned = parse_column(
            "assigned_list",
            self.assigned_list.as_deref().unwrap_or_default(),
            |text| {
                text.split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse().map(Stored))
                    .collect::<Result<Vec<_>, _>>()
            },
        )?;
        let mut passages = Vec::new();
        for item in self
            .passages_list
            .as_deref()
            .unwrap_or_default()
            .split(';')
            .filter(|s| !s.is_empty())
        {
            let corrupt = || StoreError::Corrupt(format!("column \"passages_list\": {item:?}"));
            let mut parts = item.splitn(4, ' ');
            let mut next = || parts.next().ok_or_else(corrupt);
            let (from, to, state, sections) = (next()?, next()?, next()?, next()?);
            passages.push((
                Stored(from.parse().map_err(|_| corrupt())?),
                Stored(to.parse().map_err(|_| corrupt())?),
                Stored(state.parse().map_err(|_| corrupt())?),
                sections.to_string(),
            ));
        }
        self.case.into_case(assigned, passages)
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CaseRow {
    id: Stored<CaseId>,
    code: Stored<CaseCode>,
    custodian_org_id: Stored<OrgId>,
    stage: Stored<Stage>,
    opened_at: i64,
    version: i64,
    updated_at: i64,
    survivor_user_id: Option<Stored<UserId>>,
    identified_on: Option<String>,
    identified_district: String,
    identified_state: String,
    identified_country: Option<Stored<domain::CountryCode>>,
    age_years: Option<i64>,
    born_on: Option<String>,
    gender: Option<Stored<domain::intake::Gender>>,
    languages: String,
    citizenship: Option<Stored<domain::CountryCode>>,
    exploitation: String,
}

/// A stored `YYYY-MM-DD`, naming its column when it is not one.
fn stored_date(column: &str, text: Option<String>) -> Result<Option<time::Date>, StoreError> {
    text.map(|t| parse_column(column, &t, domain::voice::parse_date))
        .transpose()
}

/// The columns of a case's intake, bound by `insert_case_in`.
pub(crate) struct IntakeBinds {
    pub identified_on: Option<String>,
    pub district: String,
    pub state: String,
    pub country: Option<String>,
    pub age: Option<i64>,
    pub born_on: Option<String>,
    pub gender: Option<&'static str>,
    pub languages: String,
    pub citizenship: Option<String>,
    pub exploitation: String,
}

impl IntakeBinds {
    pub(crate) fn of(intake: &domain::intake::Intake) -> Self {
        use domain::voice::format_date_iso;
        Self {
            identified_on: intake.identified_on.map(format_date_iso),
            district: intake.place.district.clone(),
            state: intake.place.state.clone(),
            country: intake.place.country.as_ref().map(|c| c.to_string()),
            age: intake.age.map(i64::from),
            born_on: intake.born_on.map(format_date_iso),
            gender: intake.gender.map(|g| g.as_str()),
            languages: join(&intake.languages, |l| l.as_str()),
            citizenship: intake.citizenship.as_ref().map(|c| c.to_string()),
            exploitation: join(&intake.exploitation, |e| e.as_str()),
        }
    }
}

/// One handover as sight needs it: (from, to, state, sections).
pub(crate) type PassageRow = (
    Stored<OrgId>,
    Stored<OrgId>,
    Stored<domain::handover::HandoverState>,
    String,
);

pub(crate) fn passage(row: PassageRow) -> Result<Passage, StoreError> {
    Ok(Passage {
        from: row.0.0,
        to: row.1.0,
        state: row.2.0,
        sections: list("sections", &row.3)?,
    })
}

impl CaseRow {
    pub(crate) fn into_case(
        self,
        assigned: Vec<Stored<UserId>>,
        passages: Vec<PassageRow>,
    ) -> Result<Case, StoreError> {
        Ok(Case {
            id: self.id.0,
            code: self.code.0,
            custodian: self.custodian_org_id.0,
            stage: self.stage.0,
            assigned: assigned.into_iter().map(Stored::into_inner).collect(),
            opened_at: Timestamp(self.opened_at),
            version: self.version,
            updated_at: Timestamp(self.updated_at),
            survivor: self.survivor_user_id.map(Stored::into_inner),
            intake: domain::intake::Intake {
                identified_on: stored_date("identified_on", self.identified_on)?,
                place: domain::intake::Place {
                    district: self.identified_district,
                    state: self.identified_state,
                    country: self.identified_country.map(Stored::into_inner),
                },
                age: self
                    .age_years
                    .map(|a| {
                        u8::try_from(a)
                            .map_err(|_| StoreError::Corrupt(format!("column \"age_years\": {a}")))
                    })
                    .transpose()?,
                born_on: stored_date("born_on", self.born_on)?,
                gender: self.gender.map(Stored::into_inner),
                languages: list("languages", &self.languages)?,
                citizenship: self.citizenship.map(Stored::into_inner),
                exploitation: list("exploitation", &self.exploitation)?,
            },
            passages: passages
                .into_iter()
                .map(passage)
                .collect::<Result<_, _>>()?,
        })
    }

    /// The case without its staff and handovers.
    pub(crate) fn bare(self) -> Result<Case, StoreError> {
        self.into_case(Vec::new(), Vec::new())
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct StageRow {
    from_stage: Stored<Stage>,
    to_stage: Stored<Stage>,
    reason: String,
    changed_by: Option<Stored<UserId>>,
    changed_at: i64,
}

impl TryFrom<StageRow> for StageChange {
    type Error = StoreError;
    fn try_from(row: StageRow) -> Result<Self, StoreError> {
        Ok(StageChange {
            from: row.from_stage.0,
            to: row.to_stage.0,
            reason: row.reason,
            by: row.changed_by.map(Stored::into_inner),
            at: Timestamp(row.changed_at),
        })
    }
}

/// The upper bound of a prefix range: every term that starts with `prefix` sorts below it.
pub(crate) fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// A comma-separated column (the sections or gaps of a handover), each item parsed.
fn list<T: std::str::FromStr<Err = domain::DomainError>>(
    column: &str,
    text: &str,
) -> Result<Vec<T>, StoreError> {
    parse_column(column, text, |text| {
        text.split(',')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect()
    })
}

pub(crate) fn join<T>(items: &[T], name: impl Fn(&T) -> &'static str) -> String {
    items.iter().map(name).collect::<Vec<_>>().join(",")
}
