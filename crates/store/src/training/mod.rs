//! The training programme's storage for staff: workshops on the calendar, enrolment,
//! attendance and drop-outs, exchange visits, questionnaires, and the training gates.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::training::evaluation::Evaluation;
use domain::training::exchange::ExchangeVisit;
use domain::training::gate::{Gate, GatedAction};
use domain::training::{Dropout, DropoutRate, Enrolment, Workshop};
use domain::{Role, UserId};

use crate::StoreError;

mod evaluation;
mod exchange;
mod gate;
mod workshop;

pub(crate) use evaluation::EvaluationRow;
pub(crate) use exchange::VisitRow;
pub(crate) use gate::{GateRow, gate_from_row};
pub(crate) use workshop::{EnrolmentRow, Seats, WorkshopRow};

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
    /// Records a day for everyone given, all or none (a second time changes nothing); one
    /// audit entry per organisation they belong to.
    async fn record_attendance(
        &self,
        enrolments: &[uuid::Uuid],
        day: time::Date,
        by: Option<UserId>,
        audit: &[AuditEvent],
    ) -> Result<(), StoreError>;
    async fn drop_out(
        &self,
        enrolment: uuid::Uuid,
        dropout: &Dropout,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Every workshop she was enrolled in, with the days she attended (to tell which she
    /// completed, for the training gates).
    async fn workshops_of(
        &self,
        user: UserId,
    ) -> Result<Vec<(Workshop, Enrolment, usize)>, StoreError>;
    async fn gates(&self) -> Result<Vec<Gate>, StoreError>;
    /// Sets the gate on (role, action), replacing any workshop set before.
    async fn set_gate(
        &self,
        gate: &Gate,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// `NotFound` when no gate was set on (role, action).
    async fn lift_gate(
        &self,
        role: Role,
        action: GatedAction,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn add_visit(
        &self,
        v: &ExchangeVisit,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Newest first.
    async fn visits(&self) -> Result<Vec<ExchangeVisit>, StoreError>;
    /// `Duplicate("evaluation")` when she already answered at that stage.
    async fn add_evaluation(&self, e: &Evaluation, audit: AuditEvent) -> Result<(), StoreError>;
    async fn evaluations_of(&self, workshop: uuid::Uuid) -> Result<Vec<Evaluation>, StoreError>;
    /// Staff and survivor places in the programme's workshops, and how many of them left.
    async fn dropout_rate(&self, programme: &str) -> Result<DropoutRate, StoreError>;
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
                for trainer in &w.trainers {
                    sqlx::query("INSERT INTO workshop_trainers (workshop_id, user_id) VALUES ($1, $2)")
                        .bind(w.id.to_string())
                        .bind(trainer.to_string())
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::StoreError::from_write(e, "trainer"))?;
                }
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
                let Some(row) = row else { return Ok(None) };
                let mut w: domain::training::Workshop = row.try_into()?;
                w.trainers = self.trainers_of(Some(w.id)).await?.into_iter().map(|(_, u)| u).collect();
                Ok(Some(w))
            }

            async fn enrol(
                &self,
                e: &domain::training::Enrolment,
                capacity: u32,
                beyond_capacity: bool,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::room_in(&mut tx, $crate::training::Seats::Staff, e.workshop_id, capacity, beyond_capacity)
                    .await?;
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
                        .map(|(_, d)| $crate::stored::parse_column("day", d, domain::voice::parse_date))
                        .collect::<Result<Vec<_>, _>>()?;
                    out.push((e, attended));
                }
                Ok(out)
            }

            async fn record_attendance(
                &self,
                enrolments: &[uuid::Uuid],
                day: time::Date,
                by: Option<domain::UserId>,
                audit: &[domain::audit::AuditEvent],
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let at = audit.first().map(|a| a.at).unwrap_or(domain::Timestamp(0));
                Self::attend_in(&mut tx, $crate::training::Seats::Staff, enrolments, day, by, at).await?;
                for event in audit {
                    Self::append_in(&mut tx, event).await?;
                }
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
                Self::drop_out_in(&mut tx, $crate::training::Seats::Staff, enrolment, dropout).await?;
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
                let mut all: Vec<domain::training::Workshop> = $crate::rows::convert(rows)?;
                let trainers = self.trainers_of(None).await?;
                for w in &mut all {
                    w.trainers = trainers.iter().filter(|(id, _)| *id == w.id).map(|(_, u)| *u).collect();
                }
                Ok(all)
            }

            async fn workshops_of(
                &self,
                user: domain::UserId,
            ) -> Result<Vec<(domain::training::Workshop, domain::training::Enrolment, usize)>, $crate::StoreError> {
                let rows: Vec<$crate::training::EnrolmentRow> = sqlx::query_as(
                    "SELECT id, workshop_id, user_id, org_id, years_in_org, childcare_needs, enrolled_at, \
                     dropout_reason, dropout_note, dropped_at FROM enrolments WHERE user_id = $1 ORDER BY enrolled_at, id",
                )
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?;
                // Four queries whatever the number of enrolments: this runs on every request
                // while a training gate is set.
                let workshops: Vec<$crate::training::WorkshopRow> = sqlx::query_as(
                    "SELECT id, programme, template, venue, starts_on, ends_on, announced_on, capacity, \
                     facilitators, created_at FROM workshops \
                     WHERE id IN (SELECT workshop_id FROM enrolments WHERE user_id = $1)",
                )
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?;
                let workshops: Vec<domain::training::Workshop> = $crate::rows::convert(workshops)?;
                let days: Vec<(String, i64)> = sqlx::query_as(
                    "SELECT a.enrolment_id, COUNT(*) FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id \
                     WHERE e.user_id = $1 GROUP BY a.enrolment_id",
                )
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?;
                let trainers: Vec<(String, $crate::stored::Stored<domain::UserId>)> = sqlx::query_as(
                    "SELECT t.workshop_id, t.user_id FROM workshop_trainers t \
                     JOIN enrolments e ON e.workshop_id = t.workshop_id WHERE e.user_id = $1",
                )
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?;
                let mut out = Vec::new();
                for row in rows {
                    let e: domain::training::Enrolment = row.try_into()?;
                    let Some(mut w) = workshops.iter().find(|w| w.id == e.workshop_id).cloned() else {
                        continue;
                    };
                    let id = w.id.to_string();
                    w.trainers = trainers
                        .iter()
                        .filter(|(wid, _)| *wid == id)
                        .map(|(_, u)| u.0)
                        .collect();
                    let eid = e.id.to_string();
                    let attended = days.iter().find(|(x, _)| *x == eid).map(|(_, n)| *n).unwrap_or(0);
                    out.push((w, e, usize::try_from(attended).unwrap_or(0)));
                }
                Ok(out)
            }

            async fn gates(&self) -> Result<Vec<domain::training::gate::Gate>, $crate::StoreError> {
                let rows: Vec<$crate::training::GateRow> = sqlx::query_as(
                    "SELECT role, action, workshop FROM training_gates ORDER BY role, action",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::training::gate_from_row).collect())
            }

            async fn set_gate(
                &self,
                gate: &domain::training::gate::Gate,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO training_gates (role, action, workshop, created_by, created_at) VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (role, action) DO UPDATE SET workshop = excluded.workshop, \
                     created_by = excluded.created_by, created_at = excluded.created_at",
                )
                .bind(gate.role.as_str())
                .bind(gate.action.as_str())
                .bind(&gate.workshop)
                .bind(by.map(|u| u.to_string()))
                .bind(audit.at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn lift_gate(
                &self,
                role: domain::Role,
                action: domain::training::gate::GatedAction,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query("DELETE FROM training_gates WHERE role = $1 AND action = $2")
                    .bind(role.as_str())
                    .bind(action.as_str())
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn add_visit(
                &self,
                v: &domain::training::exchange::ExchangeVisit,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO exchange_visits (id, visitor_org, host_org, visited_on, visitors, learned, recorded_by, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(v.id.to_string())
                .bind(v.visitor_org.to_string())
                .bind(v.host_org.to_string())
                .bind(domain::voice::format_date_iso(v.visited_on))
                .bind(&v.visitors)
                .bind(&v.learned)
                .bind(by.map(|u| u.to_string()))
                .bind(v.recorded_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn visits(&self) -> Result<Vec<domain::training::exchange::ExchangeVisit>, $crate::StoreError> {
                let rows: Vec<$crate::training::VisitRow> = sqlx::query_as(
                    "SELECT id, visitor_org, host_org, visited_on, visitors, learned, recorded_at FROM exchange_visits \
                     ORDER BY visited_on DESC, id DESC",
                )
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn add_evaluation(
                &self,
                e: &domain::training::evaluation::Evaluation,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO evaluations (id, workshop_id, enrolment_id, stage, form_key, form_version, answers, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(e.id.to_string())
                .bind(e.workshop_id.to_string())
                .bind(e.enrolment_id.to_string())
                .bind(e.stage.as_str())
                .bind(&e.form_key)
                .bind(e.form_version)
                .bind(serde_json::to_string(&e.answers).map_err(|err| $crate::StoreError::Corrupt(err.to_string()))?)
                .bind(e.recorded_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::StoreError::from_write(err, "evaluation"))?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn evaluations_of(
                &self,
                workshop: uuid::Uuid,
            ) -> Result<Vec<domain::training::evaluation::Evaluation>, $crate::StoreError> {
                let rows: Vec<$crate::training::EvaluationRow> = sqlx::query_as(
                    "SELECT v.id, v.workshop_id, v.enrolment_id, e.org_id, v.stage, v.form_key, v.form_version, \
                     v.answers, v.recorded_at FROM evaluations v JOIN enrolments e ON e.id = v.enrolment_id \
                     WHERE v.workshop_id = $1 ORDER BY v.recorded_at, v.id",
                )
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn dropout_rate(
                &self,
                programme: &str,
            ) -> Result<domain::training::DropoutRate, $crate::StoreError> {
                let (staff, staff_left): (i64, i64) = sqlx::query_as(
                    "SELECT COUNT(*), COUNT(e.dropped_at) FROM enrolments e JOIN workshops w ON w.id = e.workshop_id \
                     WHERE w.programme = $1",
                )
                .bind(programme)
                .fetch_one(&self.pool)
                .await?;
                let (survivors, survivors_left): (i64, i64) = sqlx::query_as(
                    "SELECT COUNT(*), COUNT(p.dropped_at) FROM survivor_places p JOIN workshops w ON w.id = p.workshop_id \
                     WHERE w.programme = $1",
                )
                .bind(programme)
                .fetch_one(&self.pool)
                .await?;
                let count = |n: i64| usize::try_from(n).unwrap_or(0);
                Ok(domain::training::DropoutRate {
                    enrolled: count(staff + survivors),
                    dropped: count(staff_left + survivors_left),
                })
            }
        }

        impl $store {
            /// Room for one more in the workshop, unless the trainer chose to go beyond it. The
            /// workshop's row is held until the transaction ends, so two people asking at the
            /// same moment cannot both take the last place (PostgreSQL reads committed rows
            /// only; the conformance suite tries it).
            pub(crate) async fn room_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                seats: $crate::training::Seats,
                workshop: uuid::Uuid,
                capacity: u32,
                beyond_capacity: bool,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE workshops SET capacity = capacity WHERE id = $1")
                    .bind(workshop.to_string())
                    .execute(&mut *conn)
                    .await?;
                let taken: i64 = sqlx::query_scalar(seats.taken())
                    .bind(workshop.to_string())
                    .fetch_one(&mut *conn)
                    .await?;
                if taken >= i64::from(capacity) && !beyond_capacity {
                    return Err($crate::StoreError::Conflict {
                        expected: i64::from(capacity),
                        current: taken,
                    });
                }
                Ok(())
            }

            /// A day for each of `ids` (a second time changes nothing).
            pub(crate) async fn attend_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                seats: $crate::training::Seats,
                ids: &[uuid::Uuid],
                day: time::Date,
                by: Option<domain::UserId>,
                at: domain::Timestamp,
            ) -> Result<(), $crate::StoreError> {
                for id in ids {
                    sqlx::query(seats.attend())
                        .bind(id.to_string())
                        .bind(domain::voice::format_date_iso(day))
                        .bind(by.map(|u| u.to_string()))
                        .bind(at.millis())
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            }

            /// Marks a place as left; `NotFound` if there is no such place or she left already.
            pub(crate) async fn drop_out_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                seats: $crate::training::Seats,
                id: uuid::Uuid,
                dropout: &domain::training::Dropout,
            ) -> Result<(), $crate::StoreError> {
                let done = sqlx::query(seats.drop_out())
                    .bind(dropout.reason.as_str())
                    .bind(&dropout.note)
                    .bind(dropout.at.millis())
                    .bind(id.to_string())
                    .execute(&mut *conn)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Ok(())
            }

            /// The trainers of one workshop, or of all of them: (workshop, trainer).
            async fn trainers_of(
                &self,
                workshop: Option<uuid::Uuid>,
            ) -> Result<Vec<(uuid::Uuid, domain::UserId)>, $crate::StoreError> {
                let rows: Vec<($crate::stored::Stored<uuid::Uuid>, $crate::stored::Stored<domain::UserId>)> = match workshop {
                    Some(id) => sqlx::query_as("SELECT workshop_id, user_id FROM workshop_trainers WHERE workshop_id = $1")
                        .bind(id.to_string())
                        .fetch_all(&self.pool)
                        .await?,
                    None => sqlx::query_as("SELECT workshop_id, user_id FROM workshop_trainers")
                        .fetch_all(&self.pool)
                        .await?,
                };
                Ok(rows.into_iter().map(|(w, u)| (w.0, u.0)).collect())
            }
        }
    };
}

pub(crate) use impl_training_store;
