//! The training programme's storage: workshops put on the calendar.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::training::Workshop;
use domain::{Timestamp, UserId};

use crate::StoreError;

#[async_trait]
pub trait TrainingStore {
    async fn add_workshop(
        &self,
        w: &Workshop,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn workshop(&self, id: uuid::Uuid) -> Result<Option<Workshop>, StoreError>;
    /// Soonest first.
    async fn workshops(&self) -> Result<Vec<Workshop>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct WorkshopRow {
    id: String,
    programme: String,
    template: String,
    venue: String,
    starts_on: String,
    ends_on: String,
    announced_on: String,
    capacity: i64,
    facilitators: String,
    created_at: i64,
}

impl TryFrom<WorkshopRow> for Workshop {
    type Error = StoreError;
    fn try_from(row: WorkshopRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("workshop {what} of {}", row.id));
        let date = |d: &str| domain::voice::parse_date(d).map_err(|_| bad("date"));
        Ok(Workshop {
            id: row.id.parse().map_err(|_| bad("id"))?,
            programme: row.programme.clone(),
            template: serde_json::from_str(&row.template).map_err(|_| bad("template"))?,
            venue: row.venue.clone(),
            starts_on: date(&row.starts_on)?,
            ends_on: date(&row.ends_on)?,
            announced_on: date(&row.announced_on)?,
            capacity: u32::try_from(row.capacity).map_err(|_| bad("capacity"))?,
            facilitators: serde_json::from_str(&row.facilitators)
                .map_err(|_| bad("facilitators"))?,
            created_at: Timestamp::from_millis(row.created_at),
        })
    }
}

macro_rules! impl_training_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::TrainingStore for $store {
            async fn add_workshop(
                &self,
                w: &domain::training::Workshop,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let json = |v: serde_json::Result<String>| {
                    v.map_err(|e| $crate::StoreError::Corrupt(e.to_string()))
                };
                sqlx::query(
                    "INSERT INTO workshops (id, programme, template, venue, starts_on, ends_on, announced_on, \
                     capacity, facilitators, created_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(w.id.to_string())
                .bind(&w.programme)
                .bind(json(serde_json::to_string(&w.template))?)
                .bind(&w.venue)
                .bind(domain::voice::format_date_iso(w.starts_on))
                .bind(domain::voice::format_date_iso(w.ends_on))
                .bind(domain::voice::format_date_iso(w.announced_on))
                .bind(i64::from(w.capacity))
                .bind(json(serde_json::to_string(&w.facilitators))?)
                .bind(by.map(|u| u.to_string()))
                .bind(w.created_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn workshop(
                &self,
                id: uuid::Uuid,
            ) -> Result<Option<domain::training::Workshop>, $crate::StoreError> {
                let row: Option<$crate::training::WorkshopRow> = sqlx::query_as(
                    "SELECT id, programme, template, venue, starts_on, ends_on, announced_on, capacity, \
                     facilitators, created_at FROM workshops WHERE id = $1",
                )
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn workshops(&self) -> Result<Vec<domain::training::Workshop>, $crate::StoreError> {
                let rows: Vec<$crate::training::WorkshopRow> = sqlx::query_as(
                    "SELECT id, programme, template, venue, starts_on, ends_on, announced_on, capacity, \
                     facilitators, created_at FROM workshops ORDER BY starts_on, id",
                )
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}

pub(crate) use impl_training_store;
