//! What the store keeps of her own view of her life: each view with its six areas, her rating
//! and the worker's, never changed once recorded.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::indicators::Bounds;
use domain::indicators::her_view::ViewRow;
use domain::life_view::{AreaRating, HerRating, LifeView, LifeViewFields, Occasion, Rating};
use domain::plan::GoalDomain;
use domain::sight::Sight;
use domain::voice::parse_date;
use domain::{CaseId, OrgId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// Her view of her life, with the worker's beside it.
#[async_trait]
pub trait LifeViewStore: Send + Sync {
    /// Records a view (the organisation is the recorder's) with its audit entry, in one
    /// transaction.
    async fn record_life_view(&self, view: &LifeView, audit: AuditEvent) -> Result<(), StoreError>;
    /// The views of a case that `sight` reaches (the section of her words, plan and
    /// decisions), oldest first.
    async fn life_views_of(&self, case: CaseId, sight: &Sight)
    -> Result<Vec<LifeView>, StoreError>;
    /// R8: every view `org` recorded before `span` ends, of the cases it recorded a view for
    /// in `span`, oldest first within each case.
    async fn life_views_for_indicator(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<ViewRow>, StoreError>;
}

/// One area of one view, as the join of `life_views` and `life_view_areas` reads it.
#[derive(sqlx::FromRow)]
pub(crate) struct LifeViewAreaRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    occasion: Stored<Occasion>,
    reference_id: Option<Stored<uuid::Uuid>>,
    recorded_on: String,
    org_id: Stored<OrgId>,
    recorded_by: Stored<UserId>,
    recorded_at: i64,
    area: Stored<GoalDomain>,
    her: Stored<HerRating>,
    worker: Stored<Rating>,
}

fn area_order(area: GoalDomain) -> usize {
    GoalDomain::ALL
        .iter()
        .position(|a| *a == area)
        .unwrap_or(usize::MAX)
}

/// Groups the rows (ordered by view) into views, each with its areas in the plan's order.
pub(crate) fn group_views(rows: Vec<LifeViewAreaRow>) -> Result<Vec<LifeView>, StoreError> {
    let mut out: Vec<LifeView> = Vec::new();
    for row in rows {
        let area = AreaRating {
            area: row.area.0,
            her: row.her.0,
            worker: row.worker.0,
        };
        match out.last_mut() {
            Some(view) if view.id == row.id.0 => view.fields.areas.push(area),
            _ => out.push(LifeView {
                id: row.id.0,
                case_id: row.case_id.0,
                fields: LifeViewFields {
                    occasion: row.occasion.0,
                    reference: row.reference_id.map(Stored::into_inner),
                    recorded_on: parse_column("recorded_on", &row.recorded_on, parse_date)?,
                    areas: vec![area],
                },
                org_id: row.org_id.0,
                recorded_by: row.recorded_by.0,
                recorded_at: Timestamp(row.recorded_at),
            }),
        }
    }
    for view in &mut out {
        view.fields.areas.sort_by_key(|a| area_order(a.area));
    }
    Ok(out)
}

/// The views as the indicator reads them.
pub(crate) fn view_rows(rows: Vec<LifeViewAreaRow>) -> Result<Vec<ViewRow>, StoreError> {
    Ok(group_views(rows)?
        .into_iter()
        .map(|v| ViewRow {
            case: v.case_id,
            recorded_at: v.recorded_at,
            areas: v.fields.areas,
        })
        .collect())
}

/// The columns of a view with one of its areas (`v` is `life_views`, `a` `life_view_areas`).
macro_rules! life_view_columns {
    () => {
        "v.id, v.case_id, v.occasion, v.reference_id, v.recorded_on, v.org_id, v.recorded_by, \
         v.recorded_at, a.area, a.her, a.worker"
    };
}
pub(crate) use life_view_columns;
