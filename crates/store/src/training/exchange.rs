//! Exchange visits between organisations, as stored.

use domain::Timestamp;
use domain::training::exchange::ExchangeVisit;

use crate::StoreError;
use crate::stored::Stored;

#[derive(sqlx::FromRow)]
pub(crate) struct VisitRow {
    id: Stored<uuid::Uuid>,
    visitor_org: Stored<domain::OrgId>,
    host_org: Stored<domain::OrgId>,
    visited_on: String,
    visitors: String,
    learned: String,
    recorded_at: i64,
}

impl TryFrom<VisitRow> for ExchangeVisit {
    type Error = StoreError;
    fn try_from(row: VisitRow) -> Result<Self, StoreError> {
        Ok(ExchangeVisit {
            id: row.id.0,
            visitor_org: row.visitor_org.0,
            host_org: row.host_org.0,
            visited_on: crate::stored::parse_column(
                "visited_on",
                &row.visited_on,
                domain::voice::parse_date,
            )?,
            visitors: row.visitors,
            learned: row.learned,
            recorded_at: Timestamp::from_millis(row.recorded_at),
        })
    }
}
