//! What the store keeps of her repatriation, step by step.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::voice::parse_date;
use domain::{CaseCode, CaseId, OrgId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// A step of her repatriation past its expected date, with the case it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueStep {
    pub code: CaseCode,
    pub step: domain::repatriation::Step,
    pub due_on: time::Date,
}

/// Her repatriation: the steps of its route, as they are done.
#[async_trait]
pub trait RepatriationStore: Send + Sync {
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
        scope: &domain::scope::CaseScope,
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
}

#[derive(sqlx::FromRow)]
pub(crate) struct StepRow {
    case_id: Stored<CaseId>,
    seq: i64,
    step_key: String,
    agency: String,
    expected_days: i64,
    done_on: Option<String>,
    her_preference: String,
    updated_by: Option<Stored<UserId>>,
    updated_at: Option<i64>,
}

impl TryFrom<StepRow> for domain::repatriation::Step {
    type Error = StoreError;
    fn try_from(row: StepRow) -> Result<Self, StoreError> {
        Ok(domain::repatriation::Step {
            case_id: row.case_id.0,
            seq: row.seq,
            key: row.step_key,
            agency: row.agency,
            expected_days: row.expected_days,
            done_on: row
                .done_on
                .map(|d| parse_column("done_on", &d, parse_date))
                .transpose()?,
            her_preference: row.her_preference,
            updated_by: row.updated_by.map(Stored::into_inner),
            updated_at: row.updated_at.map(Timestamp),
        })
    }
}

/// A repatriation step with the code of her case and the day her repatriation started.
#[derive(sqlx::FromRow)]
pub(crate) struct CodedStepRow {
    code: Stored<CaseCode>,
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
            _ => cases.push((
                row.code.0,
                parse_column("started_on", &row.started_on, parse_date)?,
                vec![step],
            )),
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
