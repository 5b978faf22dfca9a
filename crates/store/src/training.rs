//! The training programme's storage: workshops put on the calendar.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::training::{Dropout, Enrolment, Workshop};
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
    /// Enrols her, unless she is enrolled already (`Duplicate("enrolment")`) or the workshop
    /// is full (`Conflict { expected: capacity, current: enrolled }`) and `beyond_capacity` was
    /// not asked for. Counted and written in one transaction.
    async fn enrol(
        &self,
        e: &Enrolment,
        capacity: u32,
        beyond_capacity: bool,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Everyone enrolled, with the days each attended (oldest enrolment first).
    async fn enrolments_of(
        &self,
        workshop: uuid::Uuid,
    ) -> Result<Vec<(Enrolment, Vec<time::Date>)>, StoreError>;
    /// Records a day (a second time changes nothing).
    async fn record_attendance(
        &self,
        enrolment: uuid::Uuid,
        day: time::Date,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn drop_out(
        &self,
        enrolment: uuid::Uuid,
        dropout: &Dropout,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct EnrolmentRow {
    id: String,
    workshop_id: String,
    user_id: String,
    org_id: String,
    years_in_org: i64,
    childcare_needs: bool,
    enrolled_at: i64,
    dropout_reason: Option<String>,
    dropout_note: Option<String>,
    dropped_at: Option<i64>,
}

impl TryFrom<EnrolmentRow> for Enrolment {
    type Error = StoreError;
    fn try_from(row: EnrolmentRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("enrolment {what} of {}", row.id));
        let dropout = match (row.dropout_reason, row.dropped_at) {
            (Some(reason), Some(at)) => Some(Dropout {
                reason: reason.parse().map_err(|_| bad("reason"))?,
                note: row.dropout_note.unwrap_or_default(),
                at: Timestamp::from_millis(at),
            }),
            _ => None,
        };
        Ok(Enrolment {
            id: row.id.parse().map_err(|_| bad("id"))?,
            workshop_id: row.workshop_id.parse().map_err(|_| bad("workshop"))?,
            user_id: row.user_id.parse().map_err(|_| bad("user"))?,
            org_id: row.org_id.parse().map_err(|_| bad("organisation"))?,
            years_in_org: u32::try_from(row.years_in_org).map_err(|_| bad("years"))?,
            childcare_needs: row.childcare_needs,
            enrolled_at: Timestamp::from_millis(row.enrolled_at),
            dropout,
        })
    }
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

            async fn enrol(
                &self,
                e: &domain::training::Enrolment,
                capacity: u32,
                beyond_capacity: bool,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let enrolled: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM enrolments WHERE workshop_id = $1 AND dropped_at IS NULL",
                )
                .bind(e.workshop_id.to_string())
                .fetch_one(&mut *tx)
                .await?;
                if enrolled >= i64::from(capacity) && !beyond_capacity {
                    return Err($crate::StoreError::Conflict {
                        expected: i64::from(capacity),
                        current: enrolled,
                    });
                }
                sqlx::query(
                    "INSERT INTO enrolments (id, workshop_id, user_id, org_id, years_in_org, childcare_needs, enrolled_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(e.id.to_string())
                .bind(e.workshop_id.to_string())
                .bind(e.user_id.to_string())
                .bind(e.org_id.to_string())
                .bind(i64::from(e.years_in_org))
                .bind(e.childcare_needs)
                .bind(e.enrolled_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::StoreError::from_write(err, "enrolment"))?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn enrolments_of(
                &self,
                workshop: uuid::Uuid,
            ) -> Result<Vec<(domain::training::Enrolment, Vec<time::Date>)>, $crate::StoreError> {
                let rows: Vec<$crate::training::EnrolmentRow> = sqlx::query_as(
                    "SELECT id, workshop_id, user_id, org_id, years_in_org, childcare_needs, enrolled_at, \
                     dropout_reason, dropout_note, dropped_at FROM enrolments WHERE workshop_id = $1 \
                     ORDER BY enrolled_at, id",
                )
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                let days: Vec<(String, String)> = sqlx::query_as(
                    "SELECT a.enrolment_id, a.day FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id \
                     WHERE e.workshop_id = $1 ORDER BY a.day",
                )
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                let mut out = Vec::new();
                for row in rows {
                    let e: domain::training::Enrolment = row.try_into()?;
                    let id = e.id.to_string();
                    let attended = days
                        .iter()
                        .filter(|(eid, _)| *eid == id)
                        .map(|(_, d)| {
                            domain::voice::parse_date(d)
                                .map_err(|_| $crate::StoreError::Corrupt(format!("attendance day {d}")))
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    out.push((e, attended));
                }
                Ok(out)
            }

            async fn record_attendance(
                &self,
                enrolment: uuid::Uuid,
                day: time::Date,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO attendance (enrolment_id, day, recorded_by, recorded_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (enrolment_id, day) DO NOTHING",
                )
                .bind(enrolment.to_string())
                .bind(domain::voice::format_date_iso(day))
                .bind(by.map(|u| u.to_string()))
                .bind(audit.at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn drop_out(
                &self,
                enrolment: uuid::Uuid,
                dropout: &domain::training::Dropout,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE enrolments SET dropout_reason = $1, dropout_note = $2, dropped_at = $3 \
                     WHERE id = $4 AND dropped_at IS NULL",
                )
                .bind(dropout.reason.as_str())
                .bind(&dropout.note)
                .bind(dropout.at.millis())
                .bind(enrolment.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
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
