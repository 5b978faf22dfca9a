//! The rows the restorative-care indicators read (`docs/indicators.md`): one query per
//! indicator, always for one organisation and one period. Each record counts for the
//! organisation that wrote it (`org_id`), which is the custodian at that moment, since only the
//! custodian's staff write to a case: the custody rule, kept by the write path.

use async_trait::async_trait;
use domain::decision::Participation;
use domain::indicators::history::{CaseHistory, Custody, Move};
use domain::indicators::{Bounds, GoalRow, HandoverRow, OpenCase};
use domain::note::Response;
use domain::plan::{Agreement, PlanBody};
use domain::{CaseId, OrgId, Timestamp};

use crate::StoreError;
use crate::stored::Stored;

#[async_trait]
pub trait IndicatorStore: Send + Sync {
    /// R1b: for each entry of her words `org` first recorded in `span`, whether its newest
    /// version was read back to her.
    async fn voice_read_back(&self, org: OrgId, span: Bounds) -> Result<Vec<bool>, StoreError>;
    /// R2c: the agreement recorded at each plan review `org` held in `span`.
    async fn review_agreements(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<Agreement>, StoreError>;
    /// R3: her participation in each decision `org` logged in `span`.
    async fn decision_participation(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<Participation>, StoreError>;
    /// R4: the stays that ended in `span` while `org` held her case (its staff moved her out
    /// of care), each from her first move into care, with the terms of her stay in force when
    /// she left.
    async fn stays_ended(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<domain::indicators::Stay>, StoreError>;
    /// R5: each shelter incident `org` recorded in `span` with a response, and when.
    async fn incident_responses(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<(Timestamp, Response)>, StoreError>;
    /// R1a: the cases open (not `closed`) in `org`'s custody at `end`, each with the newest
    /// entry of her words `org` first recorded before `end`. Custody at an instant is the
    /// receiver of the newest handover accepted before it, else the sender of the first one
    /// accepted after it, else the case's custodian: custody passes only on acceptance.
    async fn open_cases_at(&self, org: OrgId, end: Timestamp) -> Result<Vec<OpenCase>, StoreError>;
    /// R2a, R2b: the goals of each case's newest plan version `org` saved in `span`.
    async fn plan_goals(&self, org: OrgId, span: Bounds) -> Result<Vec<GoalRow>, StoreError>;
    /// R2d: for each plan version `org` approved in `span`, the agreements recorded at the
    /// reviews of that version (empty when none was reviewed).
    async fn approvals_reviewed(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<Vec<Agreement>>, StoreError>;
    /// R6a–c: the handovers sent in `span` that `org` sent or received; a handover counts for
    /// both sides.
    async fn handovers_sent(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<HandoverRow>, StoreError>;
    /// The field's counts: girls identified (cases `org` opened in `span`), in care at its end
    /// (`in-care` or `preparing-return` in `org`'s custody) and returned (moved to `returned`
    /// in `span` while in `org`'s custody). Reunified is not counted here yet.
    async fn field_counts(&self, org: OrgId, span: Bounds) -> Result<FieldRows, StoreError>;
    /// Reunified: for each case `field_counts` counts as returned (its first move to
    /// `returned` in `span`, in `org`'s custody then), the recommendation of her newest
    /// home-and-family assessment recorded by then (`None` when there is none or it gave none).
    async fn return_recommendations(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<Option<String>>, StoreError>;
    /// Every case `org` may ever have held (`may_have_held!`), with its accepted handovers and
    /// stage moves, and when `org` first recorded each entry of her words on it within `words`:
    /// what custody and stage at any instant are worked out from
    /// (`domain::indicators::history`), for every quarter a view reaches at once. Four ordered
    /// queries, none per case.
    async fn case_histories(
        &self,
        org: OrgId,
        words: Bounds,
    ) -> Result<Vec<CaseHistory>, StoreError>;
    /// A mark that moves whenever anything the indicators read may have changed: the sequence
    /// number of the newest audit entry that records a change rather than a reading. Every
    /// change is written with its audit entry in one transaction, whichever process writes it
    /// (a server, `saathi import`, a package import), so figures computed under one mark stay
    /// true until the mark moves. One look-up in the partial index `audit_log_changes`.
    async fn change_mark(&self) -> Result<i64, StoreError>;
}

/// The audit actions that record a reading (or a sign-in), not a change: entries with these do
/// not move [`IndicatorStore::change_mark`]. The same list, word for word, is the predicate of
/// the index `audit_log_changes` (migration 0030), so that both engines answer from the index;
/// a reading missing here only makes the indicators recompute more often, never show stale
/// figures.
macro_rules! readings {
    () => {
        "action NOT IN ('sign-in', 'sign-in-failed', 'sign-in-throttled', 'sign-out', \
         'case-viewed', 'identity-opened', 'document-opened', 'org-identity-shown', \
         'plan-exported', 'assessment-exported', 'spreadsheet-exported', 'indicators-exported', \
         'note-translated', 'password-check-failed', 'two-factor-failed')"
    };
}
pub(crate) use readings;

/// The recommendation in a home-and-family assessment's stored answers.
pub(crate) fn recommendation(answers: Option<String>) -> Result<Option<String>, StoreError> {
    let Some(answers) = answers else {
        return Ok(None);
    };
    let answers: domain::form::Answers = serde_json::from_str(&answers)
        .map_err(|e| StoreError::Corrupt(format!("assessment answers: {e}")))?;
    Ok(match answers.get("recommendation") {
        Some(domain::form::Answer::One(value)) => Some(value.clone()),
        _ => None,
    })
}

/// The field's counts as the store reads them; reunification needs the home-and-family
/// assessment and comes later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldRows {
    pub identified: u64,
    pub in_care: u64,
    pub returned: u64,
}

/// The organisation holding custody of case `c` at the instant bound to `$2` (the custody rule:
/// a handover passes it when accepted).
macro_rules! custodian_at {
    () => {
        "COALESCE(\
         (SELECT h.to_org_id FROM handovers h WHERE h.case_id = c.id AND h.state = 'accepted' \
          AND h.decided_at < $2 ORDER BY h.decided_at DESC LIMIT 1), \
         (SELECT h.from_org_id FROM handovers h WHERE h.case_id = c.id AND h.state = 'accepted' \
          ORDER BY h.decided_at LIMIT 1), \
         c.custodian_org_id)"
    };
}
pub(crate) use custodian_at;

/// Whether case `c` may ever have been in the custody of the organisation bound to `$1`: it is
/// its custodian now, or sent or received an accepted handover of it. Custody at any instant
/// ([`custodian_at`]) is one of those, so this only narrows the cases the custody rule is worked
/// out for to one organisation's (from its index) instead of the whole network's.
macro_rules! may_have_held {
    () => {
        "(c.custodian_org_id = $1 OR c.id IN (SELECT h.case_id FROM handovers h \
          WHERE h.state = 'accepted' AND (h.to_org_id = $1 OR h.from_org_id = $1)))"
    };
}
pub(crate) use may_have_held;

/// The stage of case `c` at the instant bound to `$2`: its newest move before then, else the
/// stage it was opened in (`identified`).
macro_rules! stage_at {
    () => {
        "COALESCE((SELECT s.to_stage FROM stage_changes s WHERE s.case_id = c.id \
          AND s.changed_at < $2 ORDER BY s.seq DESC LIMIT 1), 'identified')"
    };
}
pub(crate) use stage_at;

#[derive(sqlx::FromRow)]
pub(crate) struct HistoryCaseRow {
    pub(crate) id: String,
    pub(crate) opened_at: i64,
    pub(crate) custodian_org_id: Stored<OrgId>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct HistoryHandoverRow {
    pub(crate) case_id: String,
    pub(crate) decided_at: i64,
    pub(crate) from_org_id: Stored<OrgId>,
    pub(crate) to_org_id: Stored<OrgId>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct HistoryMoveRow {
    pub(crate) case_id: String,
    pub(crate) changed_at: i64,
    pub(crate) to_stage: Stored<domain::case::Stage>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct HistoryWordsRow {
    pub(crate) case_id: String,
    pub(crate) recorded_at: i64,
}

/// Puts the rows of [`IndicatorStore::case_histories`] together, case by case; each list comes
/// in its case's order already. Rows of cases not among `cases` are left out.
pub(crate) fn histories(
    cases: Vec<HistoryCaseRow>,
    handovers: Vec<HistoryHandoverRow>,
    moves: Vec<HistoryMoveRow>,
    words: Vec<HistoryWordsRow>,
) -> Result<Vec<CaseHistory>, StoreError> {
    let mut at = std::collections::HashMap::with_capacity(cases.len());
    let mut out = Vec::with_capacity(cases.len());
    for (i, row) in cases.into_iter().enumerate() {
        let case = crate::stored::parse_column("cases.id", &row.id, str::parse::<CaseId>)?;
        out.push(CaseHistory {
            case,
            opened_at: Timestamp(row.opened_at),
            custodian: row.custodian_org_id.0,
            handovers: Vec::new(),
            moves: Vec::new(),
            words: Vec::new(),
        });
        at.insert(row.id, i);
    }
    for row in handovers {
        if let Some(h) = at.get(&row.case_id).and_then(|i| out.get_mut(*i)) {
            h.handovers.push(Custody {
                decided_at: Timestamp(row.decided_at),
                from: row.from_org_id.0,
                to: row.to_org_id.0,
            });
        }
    }
    for row in moves {
        if let Some(h) = at.get(&row.case_id).and_then(|i| out.get_mut(*i)) {
            h.moves.push(Move {
                at: Timestamp(row.changed_at),
                to: row.to_stage.0,
            });
        }
    }
    for row in words {
        if let Some(h) = at.get(&row.case_id).and_then(|i| out.get_mut(*i)) {
            h.words.push(Timestamp(row.recorded_at));
        }
    }
    Ok(out)
}

#[derive(sqlx::FromRow)]
pub(crate) struct OpenCaseRow {
    pub(crate) id: Stored<CaseId>,
    pub(crate) last_words: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ApprovalRow {
    pub(crate) case_id: String,
    pub(crate) version: i64,
    pub(crate) agreement: Option<Stored<Agreement>>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct HandoverSentRow {
    pub(crate) voice: bool,
    pub(crate) agreed_plan: bool,
    pub(crate) score: Option<i64>,
    pub(crate) sent_at: i64,
    pub(crate) acknowledged_at: Option<i64>,
}

/// The goals of stored plan bodies, each target counted for its own setter (or the goal's).
pub(crate) fn goal_rows(bodies: Vec<String>) -> Result<Vec<GoalRow>, StoreError> {
    let mut rows = Vec::new();
    for body in bodies {
        let body: PlanBody =
            serde_json::from_str(&body).map_err(|e| StoreError::Corrupt(format!("plan: {e}")))?;
        rows.extend(body.goals.iter().map(|g| GoalRow {
            set_by: g.set_by,
            target_set_by: g.target.map(|_| g.target_setter()),
        }));
    }
    Ok(rows)
}

/// Groups the approvals' review rows (ordered by case and version) per approved version.
pub(crate) fn group_approvals(rows: Vec<ApprovalRow>) -> Vec<Vec<Agreement>> {
    let mut out: Vec<((String, i64), Vec<Agreement>)> = Vec::new();
    for row in rows {
        let key = (row.case_id, row.version);
        match out.last_mut() {
            Some((last, agreements)) if *last == key => {
                agreements.extend(row.agreement.map(|a| a.0))
            }
            _ => out.push((key, row.agreement.map(|a| a.0).into_iter().collect())),
        }
    }
    out.into_iter().map(|(_, a)| a).collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct StayRow {
    pub(crate) entered: Option<i64>,
    pub(crate) left_at: i64,
    pub(crate) set_by: Option<Stored<domain::plan::SetBy>>,
    pub(crate) wants: Option<String>,
}

/// Leaving care: the first move out of `in-care` or `preparing-return` to a stage past them
/// (a move back into care is not leaving it), as `docs/indicators.md` defines a stay's end.
macro_rules! leaves_care {
    ($alias:literal) => {
        concat!(
            $alias,
            ".from_stage IN ('in-care', 'preparing-return') AND ",
            $alias,
            ".to_stage NOT IN ('in-care', 'preparing-return')"
        )
    };
}
pub(crate) use leaves_care;

/// One column of the terms of her stay in force when she left (the move `l`): the newest
/// recorded by then.
macro_rules! terms_when_she_left {
    ($column:literal) => {
        concat!(
            "(SELECT t.",
            $column,
            " FROM stay_terms t WHERE t.case_id = l.case_id \
             AND t.recorded_at <= l.changed_at ORDER BY t.recorded_at DESC, t.id DESC LIMIT 1)"
        )
    };
}
pub(crate) use terms_when_she_left;

/// The stays that ended in the span `$2`–`$3` while `$1` held her case: each case's first
/// move out of care (`l`), held by the organisation of whoever moved her (else the custodian).
/// R4's figures and the director's list behind R4c read the same stays.
macro_rules! stays_ended_from {
    () => {
        concat!(
            " FROM stage_changes l JOIN cases c ON c.id = l.case_id \
             LEFT JOIN users u ON u.id = l.changed_by \
             WHERE ",
            $crate::indicators::leaves_care!("l"),
            " AND l.seq = (SELECT MIN(f.seq) FROM stage_changes f WHERE f.case_id = l.case_id AND ",
            $crate::indicators::leaves_care!("f"),
            ") AND COALESCE(u.org_id, c.custodian_org_id) = $1 \
             AND l.changed_at >= $2 AND l.changed_at < $3"
        )
    };
}
pub(crate) use stays_ended_from;

#[derive(sqlx::FromRow)]
pub(crate) struct IncidentRow {
    pub(crate) written_at: i64,
    pub(crate) response: Stored<Response>,
}

macro_rules! impl_indicator_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::IndicatorStore for $store {
            async fn voice_read_back(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<bool>, $crate::StoreError> {
                Ok(sqlx::query_scalar(
                    "SELECT n.read_back FROM voice_entries f JOIN voice_entries n \
                     ON n.entry_id = f.entry_id \
                     AND n.version = (SELECT MAX(m.version) FROM voice_entries m WHERE m.entry_id = f.entry_id) \
                     WHERE f.version = (SELECT MIN(m.version) FROM voice_entries m WHERE m.entry_id = f.entry_id) \
                     AND f.org_id = $1 AND f.recorded_at >= $2 AND f.recorded_at < $3 \
                     ORDER BY f.recorded_at, f.entry_id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?)
            }

            async fn review_agreements(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::plan::Agreement>, $crate::StoreError> {
                let rows: Vec<$crate::stored::Stored<domain::plan::Agreement>> = sqlx::query_scalar(
                    "SELECT agreement FROM plan_reviews \
                     WHERE org_id = $1 AND reviewed_at >= $2 AND reviewed_at < $3 \
                     ORDER BY reviewed_at, id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::stored::Stored::into_inner).collect())
            }

            async fn decision_participation(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::decision::Participation>, $crate::StoreError> {
                let rows: Vec<$crate::stored::Stored<domain::decision::Participation>> =
                    sqlx::query_scalar(
                        "SELECT participation FROM decisions \
                         WHERE org_id = $1 AND recorded_at >= $2 AND recorded_at < $3 \
                         ORDER BY recorded_at, id",
                    )
                    .bind(org.to_string())
                    .bind(span.start.millis())
                    .bind(span.end.millis())
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.into_iter().map($crate::stored::Stored::into_inner).collect())
            }

            async fn stays_ended(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::indicators::Stay>, $crate::StoreError> {
                let rows: Vec<$crate::indicators::StayRow> = sqlx::query_as(concat!(
                    "SELECT (SELECT MIN(e.changed_at) FROM stage_changes e \
                     WHERE e.case_id = l.case_id AND e.to_stage = 'in-care') AS entered, \
                     l.changed_at AS left_at, ",
                    $crate::indicators::terms_when_she_left!("length_set_by"),
                    " AS set_by, ",
                    $crate::indicators::terms_when_she_left!("wants_to_leave_on"),
                    " AS wants",
                    $crate::indicators::stays_ended_from!(),
                    " ORDER BY l.changed_at, l.case_id"
                ))
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .filter_map(|r| r.entered.map(|entered| (entered, r)))
                    .map(|(entered, r)| {
                        let wants_to_leave_on = r
                            .wants
                            .as_deref()
                            .map(|d| {
                                $crate::stored::parse_column(
                                    "wants_to_leave_on",
                                    d,
                                    domain::voice::parse_date,
                                )
                            })
                            .transpose()?;
                        Ok(domain::indicators::Stay {
                            entered: domain::Timestamp(entered),
                            left: domain::Timestamp(r.left_at),
                            length_set_by: r.set_by.map(|s| s.0),
                            wants_to_leave_on,
                        })
                    })
                    .collect()
            }

            async fn incident_responses(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<(domain::Timestamp, domain::note::Response)>, $crate::StoreError> {
                let rows: Vec<$crate::indicators::IncidentRow> = sqlx::query_as(
                    "SELECT written_at, response FROM notes \
                     WHERE kind = 'incident' AND response IS NOT NULL \
                     AND org_id = $1 AND written_at >= $2 AND written_at < $3 \
                     ORDER BY written_at, id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| (domain::Timestamp(r.written_at), r.response.0))
                    .collect())
            }

            async fn open_cases_at(
                &self,
                org: domain::OrgId,
                end: domain::Timestamp,
            ) -> Result<Vec<domain::indicators::OpenCase>, $crate::StoreError> {
                let rows: Vec<$crate::indicators::OpenCaseRow> = sqlx::query_as(concat!(
                    "SELECT c.id, (SELECT MAX(v.recorded_at) FROM voice_entries v \
                     WHERE v.case_id = c.id AND v.org_id = $1 AND v.recorded_at < $2 \
                     AND v.version = (SELECT MIN(m.version) FROM voice_entries m WHERE m.entry_id = v.entry_id)) \
                     AS last_words FROM cases c WHERE c.opened_at < $2 AND ",
                    $crate::indicators::may_have_held!(),
                    " AND ",
                    $crate::indicators::custodian_at!(),
                    " = $1 AND ",
                    $crate::indicators::stage_at!(),
                    " <> 'closed' ORDER BY c.opened_at, c.id"
                ))
                .bind(org.to_string())
                .bind(end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| domain::indicators::OpenCase {
                        case: r.id.0,
                        last_words: r.last_words.map(domain::Timestamp),
                    })
                    .collect())
            }

            async fn plan_goals(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::indicators::GoalRow>, $crate::StoreError> {
                let bodies: Vec<String> = sqlx::query_scalar(
                    "SELECT p.body FROM plan_versions p \
                     WHERE p.org_id = $1 AND p.saved_at >= $2 AND p.saved_at < $3 \
                     AND p.version = (SELECT MAX(m.version) FROM plan_versions m \
                     WHERE m.case_id = p.case_id AND m.org_id = $1 AND m.saved_at >= $2 AND m.saved_at < $3) \
                     ORDER BY p.saved_at, p.case_id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                $crate::indicators::goal_rows(bodies)
            }

            async fn approvals_reviewed(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<Vec<domain::plan::Agreement>>, $crate::StoreError> {
                let rows: Vec<$crate::indicators::ApprovalRow> = sqlx::query_as(
                    "SELECT p.case_id, p.version, r.agreement FROM plan_versions p \
                     LEFT JOIN plan_reviews r ON r.case_id = p.case_id AND r.plan_version = p.version \
                     WHERE p.org_id = $1 AND p.approved_at >= $2 AND p.approved_at < $3 \
                     ORDER BY p.case_id, p.version, r.reviewed_at",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok($crate::indicators::group_approvals(rows))
            }

            async fn handovers_sent(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::indicators::HandoverRow>, $crate::StoreError> {
                let rows: Vec<$crate::indicators::HandoverSentRow> = sqlx::query_as(
                    "SELECT (',' || h.sections || ',') LIKE '%,voice,%' AS voice, \
                     EXISTS (SELECT 1 FROM plan_reviews r WHERE r.case_id = h.case_id \
                     AND r.org_id = h.from_org_id AND r.agreement IN ('agreed', 'partly') \
                     AND r.reviewed_at <= h.sent_at) AS agreed_plan, \
                     h.score, h.sent_at, h.acknowledged_at FROM handovers h \
                     WHERE (h.from_org_id = $1 OR h.to_org_id = $1) \
                     AND h.sent_at >= $2 AND h.sent_at < $3 \
                     ORDER BY h.sent_at, h.id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| domain::indicators::HandoverRow {
                        voice_travelled: r.voice,
                        agreed_plan_travelled: r.agreed_plan,
                        score: r.score,
                        sent_at: domain::Timestamp(r.sent_at),
                        acknowledged_at: r.acknowledged_at.map(domain::Timestamp),
                    })
                    .collect())
            }

            async fn return_recommendations(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<Option<String>>, $crate::StoreError> {
                let rows: Vec<Option<String>> = sqlx::query_scalar(
                    "SELECT (SELECT a.answers FROM assessments a WHERE a.case_id = c.id \
                     AND a.form_key = 'home-family-assessment' AND a.recorded_at <= s.changed_at \
                     ORDER BY a.recorded_at DESC, a.id DESC LIMIT 1) AS answers \
                     FROM cases c JOIN stage_changes s ON s.case_id = c.id \
                     WHERE s.to_stage = 'returned' AND s.changed_at >= $2 AND s.changed_at < $3 \
                     AND s.seq = (SELECT MIN(f.seq) FROM stage_changes f WHERE f.case_id = c.id \
                     AND f.to_stage = 'returned' AND f.changed_at >= $2 AND f.changed_at < $3) \
                     AND COALESCE(\
                     (SELECT h.to_org_id FROM handovers h WHERE h.case_id = c.id AND h.state = 'accepted' \
                      AND h.decided_at < s.changed_at ORDER BY h.decided_at DESC LIMIT 1), \
                     (SELECT h.from_org_id FROM handovers h WHERE h.case_id = c.id AND h.state = 'accepted' \
                      ORDER BY h.decided_at LIMIT 1), \
                     c.custodian_org_id) = $1 \
                     ORDER BY s.changed_at, c.id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map($crate::indicators::recommendation)
                    .collect()
            }

            async fn case_histories(
                &self,
                org: domain::OrgId,
                words: domain::indicators::Bounds,
            ) -> Result<Vec<domain::indicators::history::CaseHistory>, $crate::StoreError> {
                let cases: Vec<$crate::indicators::HistoryCaseRow> = sqlx::query_as(concat!(
                    "SELECT c.id, c.opened_at, c.custodian_org_id FROM cases c WHERE ",
                    $crate::indicators::may_have_held!()
                ))
                .bind(org.to_string())
                .fetch_all(&self.pool)
                .await?;
                let handovers: Vec<$crate::indicators::HistoryHandoverRow> =
                    sqlx::query_as(concat!(
                        "SELECT a.case_id, a.decided_at, a.from_org_id, a.to_org_id \
                         FROM handovers a JOIN cases c ON c.id = a.case_id \
                         WHERE a.state = 'accepted' AND ",
                        $crate::indicators::may_have_held!(),
                        " ORDER BY a.case_id, a.decided_at, a.id"
                    ))
                    .bind(org.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                let moves: Vec<$crate::indicators::HistoryMoveRow> = sqlx::query_as(concat!(
                    "SELECT s.case_id, s.changed_at, s.to_stage \
                     FROM stage_changes s JOIN cases c ON c.id = s.case_id WHERE ",
                    $crate::indicators::may_have_held!(),
                    " ORDER BY s.case_id, s.seq"
                ))
                .bind(org.to_string())
                .fetch_all(&self.pool)
                .await?;
                let words: Vec<$crate::indicators::HistoryWordsRow> = sqlx::query_as(
                    "SELECT v.case_id, v.recorded_at FROM voice_entries v \
                     WHERE v.org_id = $1 AND v.recorded_at >= $2 AND v.recorded_at < $3 \
                     AND v.version = (SELECT MIN(m.version) FROM voice_entries m WHERE m.entry_id = v.entry_id)",
                )
                .bind(org.to_string())
                .bind(words.start.millis())
                .bind(words.end.millis())
                .fetch_all(&self.pool)
                .await?;
                $crate::indicators::histories(cases, handovers, moves, words)
            }

            async fn change_mark(&self) -> Result<i64, $crate::StoreError> {
                Ok(sqlx::query_scalar(concat!(
                    "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE ",
                    $crate::indicators::readings!()
                ))
                .fetch_one(&self.pool)
                .await?)
            }

            async fn field_counts(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<$crate::indicators::FieldRows, $crate::StoreError> {
                // Identified: the case's first custodian is the sender of its first accepted
                // handover, else its custodian; the instant bound to $2 is the period's start,
                // so `custodian_at` there with `opened_at` in the span gives the opener.
                let identified: i64 = sqlx::query_scalar(concat!(
                    "SELECT COUNT(*) FROM cases c WHERE c.opened_at >= $2 AND c.opened_at < $3 AND ",
                    $crate::indicators::may_have_held!(),
                    " AND ",
                    $crate::indicators::custodian_at!(),
                    " = $1"
                ))
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_one(&self.pool)
                .await?;
                let in_care: i64 = sqlx::query_scalar(concat!(
                    "SELECT COUNT(*) FROM cases c WHERE c.opened_at < $2 AND ",
                    $crate::indicators::may_have_held!(),
                    " AND ",
                    $crate::indicators::custodian_at!(),
                    " = $1 AND ",
                    $crate::indicators::stage_at!(),
                    " IN ('in-care', 'preparing-return')"
                ))
                .bind(org.to_string())
                .bind(span.end.millis())
                .fetch_one(&self.pool)
                .await?;
                // Returned: each case counted once, for the custodian at its first return in
                // the span.
                let returned: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM cases c WHERE EXISTS (SELECT 1 FROM stage_changes s \
                     WHERE s.case_id = c.id AND s.to_stage = 'returned' \
                     AND s.changed_at >= $2 AND s.changed_at < $3 \
                     AND s.seq = (SELECT MIN(f.seq) FROM stage_changes f WHERE f.case_id = c.id \
                     AND f.to_stage = 'returned' AND f.changed_at >= $2 AND f.changed_at < $3) \
                     AND COALESCE(\
                     (SELECT h.to_org_id FROM handovers h WHERE h.case_id = c.id AND h.state = 'accepted' \
                      AND h.decided_at < s.changed_at ORDER BY h.decided_at DESC LIMIT 1), \
                     (SELECT h.from_org_id FROM handovers h WHERE h.case_id = c.id AND h.state = 'accepted' \
                      ORDER BY h.decided_at LIMIT 1), \
                     c.custodian_org_id) = $1)",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_one(&self.pool)
                .await?;
                let count = |n: i64| u64::try_from(n).unwrap_or(0);
                Ok($crate::indicators::FieldRows {
                    identified: count(identified),
                    in_care: count(in_care),
                    returned: count(returned),
                })
            }
        }
    };
}
pub(crate) use impl_indicator_store;
