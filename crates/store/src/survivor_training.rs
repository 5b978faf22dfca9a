//! Survivor workshops' storage, kept apart from staff enrolments: survivors under their codes,
//! their places and attendance, their unattributed feedback, and peer roles.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::training::Dropout;
use domain::training::survivors::{Feedback, Peer, Place, Trainee};
use domain::{Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

#[async_trait]
pub trait SurvivorTrainingStore {
    /// A new survivor with her code (`Duplicate("code")` if the code is taken) and her first
    /// place, in one transaction.
    async fn add_trainee(
        &self,
        t: &Trainee,
        place: &Place,
        capacity: u32,
        beyond_capacity: bool,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn trainee_by_code(&self, code: &str) -> Result<Option<Trainee>, StoreError>;
    /// Another place for a survivor who has a code: as `TrainingStore::enrol` for capacity and
    /// `Duplicate("place")`.
    async fn place_survivor(
        &self,
        place: &Place,
        capacity: u32,
        beyond_capacity: bool,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// The survivors of a workshop with the days each attended: for its trainers only.
    async fn places_of(
        &self,
        workshop: uuid::Uuid,
    ) -> Result<Vec<(Place, Trainee, Vec<time::Date>)>, StoreError>;
    /// Every place she had, with the days attended (to tell whether she completed phase 3).
    async fn places_of_trainee(
        &self,
        trainee: uuid::Uuid,
    ) -> Result<Vec<(Place, usize)>, StoreError>;
    /// Records a day for every place given, all or none.
    async fn record_survivor_attendance(
        &self,
        places: &[uuid::Uuid],
        day: time::Date,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn survivor_drop_out(
        &self,
        place: uuid::Uuid,
        dropout: &Dropout,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn add_feedback(&self, f: &Feedback, audit: AuditEvent) -> Result<(), StoreError>;
    async fn feedback_of(&self, workshop: uuid::Uuid) -> Result<Vec<Feedback>, StoreError>;
    /// Records (or changes) her peer role.
    async fn set_peer(
        &self,
        p: &Peer,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn peer_of(&self, trainee: uuid::Uuid) -> Result<Option<Peer>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct TraineeRow {
    id: Stored<uuid::Uuid>,
    code: String,
    known_as: String,
    org_id: Option<Stored<domain::OrgId>>,
    created_at: i64,
}

impl TryFrom<TraineeRow> for Trainee {
    type Error = StoreError;
    fn try_from(row: TraineeRow) -> Result<Self, StoreError> {
        Ok(Trainee {
            id: row.id.0,
            code: row.code,
            known_as: row.known_as,
            org_id: row.org_id.map(Stored::into_inner),
            created_at: Timestamp::from_millis(row.created_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PlaceRow {
    id: Stored<uuid::Uuid>,
    workshop_id: Stored<uuid::Uuid>,
    trainee_id: Stored<uuid::Uuid>,
    enrolled_at: i64,
    dropout_reason: Option<Stored<domain::training::DropoutReason>>,
    dropout_note: Option<String>,
    dropped_at: Option<i64>,
}

impl TryFrom<PlaceRow> for Place {
    type Error = StoreError;
    fn try_from(row: PlaceRow) -> Result<Self, StoreError> {
        let dropout = match (row.dropout_reason, row.dropped_at) {
            (Some(reason), Some(at)) => Some(Dropout {
                reason: reason.0,
                note: row.dropout_note.unwrap_or_default(),
                at: Timestamp::from_millis(at),
            }),
            _ => None,
        };
        Ok(Place {
            id: row.id.0,
            workshop_id: row.workshop_id.0,
            trainee_id: row.trainee_id.0,
            enrolled_at: Timestamp::from_millis(row.enrolled_at),
            dropout,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct FeedbackRow {
    id: Stored<uuid::Uuid>,
    workshop_id: Stored<uuid::Uuid>,
    theme: Stored<domain::training::survivors::Theme>,
    tone: Stored<domain::training::survivors::Tone>,
    words: String,
    language: Stored<domain::Language>,
    recorded_at: i64,
}

impl TryFrom<FeedbackRow> for Feedback {
    type Error = StoreError;
    fn try_from(row: FeedbackRow) -> Result<Self, StoreError> {
        Ok(Feedback {
            id: row.id.0,
            workshop_id: row.workshop_id.0,
            theme: row.theme.0,
            tone: row.tone.0,
            words: row.words,
            language: row.language.0,
            recorded_at: Timestamp::from_millis(row.recorded_at),
        })
    }
}

/// Her peer role: (trainee, role, language her consent was given in, recorded at).
pub(crate) type PeerRow = (
    Stored<uuid::Uuid>,
    Stored<domain::training::survivors::PeerRole>,
    Stored<domain::Language>,
    i64,
);

pub(crate) fn peer_from_row((trainee, role, language, at): PeerRow) -> Peer {
    Peer {
        trainee_id: trainee.0,
        role: role.0,
        consent_language: language.0,
        recorded_at: Timestamp::from_millis(at),
    }
}

macro_rules! place_columns {
    () => {
        "p.id, p.workshop_id, p.trainee_id, p.enrolled_at, p.dropout_reason, p.dropout_note, p.dropped_at"
    };
}
pub(crate) use place_columns;

macro_rules! impl_survivor_training_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::SurvivorTrainingStore for $store {
            async fn add_trainee(
                &self,
                t: &domain::training::survivors::Trainee,
                place: &domain::training::survivors::Place,
                capacity: u32,
                beyond_capacity: bool,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO survivor_trainees (id, code, known_as, org_id, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(t.id.to_string())
                .bind(&t.code)
                .bind(&t.known_as)
                .bind(t.org_id.map(|o| o.to_string()))
                .bind(t.created_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "code"))?;
                Self::place_in(&mut tx, place, capacity, beyond_capacity).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn trainee_by_code(
                &self,
                code: &str,
            ) -> Result<Option<domain::training::survivors::Trainee>, $crate::StoreError> {
                let row: Option<$crate::survivor_training::TraineeRow> = sqlx::query_as(
                    "SELECT id, code, known_as, org_id, created_at FROM survivor_trainees WHERE code = $1",
                )
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn place_survivor(
                &self,
                place: &domain::training::survivors::Place,
                capacity: u32,
                beyond_capacity: bool,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::place_in(&mut tx, place, capacity, beyond_capacity).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn places_of(
                &self,
                workshop: uuid::Uuid,
            ) -> Result<
                Vec<(
                    domain::training::survivors::Place,
                    domain::training::survivors::Trainee,
                    Vec<time::Date>,
                )>,
                $crate::StoreError,
            > {
                let places: Vec<$crate::survivor_training::PlaceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::survivor_training::place_columns!(),
                    " FROM survivor_places p WHERE p.workshop_id = $1 ORDER BY p.enrolled_at, p.id"
                ))
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                let trainees: Vec<$crate::survivor_training::TraineeRow> = sqlx::query_as(
                    "SELECT t.id, t.code, t.known_as, t.org_id, t.created_at FROM survivor_trainees t \
                     JOIN survivor_places p ON p.trainee_id = t.id WHERE p.workshop_id = $1",
                )
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                let trainees: Vec<domain::training::survivors::Trainee> = $crate::rows::convert(trainees)?;
                let days: Vec<(String, String)> = sqlx::query_as(
                    "SELECT a.place_id, a.day FROM survivor_attendance a JOIN survivor_places p ON p.id = a.place_id \
                     WHERE p.workshop_id = $1 ORDER BY a.day",
                )
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                let mut out = Vec::new();
                for row in places {
                    let place: domain::training::survivors::Place = row.try_into()?;
                    let trainee = trainees
                        .iter()
                        .find(|t| t.id == place.trainee_id)
                        .cloned()
                        .ok_or_else(|| $crate::StoreError::Corrupt(format!("place {} has no trainee", place.id)))?;
                    let id = place.id.to_string();
                    let attended = days
                        .iter()
                        .filter(|(pid, _)| *pid == id)
                        .map(|(_, d)| $crate::stored::parse_column("day", d, domain::voice::parse_date))
                        .collect::<Result<Vec<_>, _>>()?;
                    out.push((place, trainee, attended));
                }
                Ok(out)
            }

            async fn places_of_trainee(
                &self,
                trainee: uuid::Uuid,
            ) -> Result<Vec<(domain::training::survivors::Place, usize)>, $crate::StoreError> {
                let places: Vec<$crate::survivor_training::PlaceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::survivor_training::place_columns!(),
                    " FROM survivor_places p WHERE p.trainee_id = $1 ORDER BY p.enrolled_at, p.id"
                ))
                .bind(trainee.to_string())
                .fetch_all(&self.pool)
                .await?;
                let mut out = Vec::new();
                for row in places {
                    let place: domain::training::survivors::Place = row.try_into()?;
                    let days: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM survivor_attendance WHERE place_id = $1")
                        .bind(place.id.to_string())
                        .fetch_one(&self.pool)
                        .await?;
                    out.push((place, usize::try_from(days).unwrap_or(0)));
                }
                Ok(out)
            }

            async fn record_survivor_attendance(
                &self,
                places: &[uuid::Uuid],
                day: time::Date,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::attend_in(&mut tx, $crate::training::Seats::Survivors, places, day, by, audit.at).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn survivor_drop_out(
                &self,
                place: uuid::Uuid,
                dropout: &domain::training::Dropout,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::drop_out_in(&mut tx, $crate::training::Seats::Survivors, place, dropout).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn add_feedback(
                &self,
                f: &domain::training::survivors::Feedback,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO survivor_feedback (id, workshop_id, theme, tone, words, language, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(f.id.to_string())
                .bind(f.workshop_id.to_string())
                .bind(f.theme.as_str())
                .bind(f.tone.as_str())
                .bind(&f.words)
                .bind(f.language.code())
                .bind(f.recorded_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn feedback_of(
                &self,
                workshop: uuid::Uuid,
            ) -> Result<Vec<domain::training::survivors::Feedback>, $crate::StoreError> {
                let rows: Vec<$crate::survivor_training::FeedbackRow> = sqlx::query_as(
                    "SELECT id, workshop_id, theme, tone, words, language, recorded_at FROM survivor_feedback \
                     WHERE workshop_id = $1 ORDER BY recorded_at, id",
                )
                .bind(workshop.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn set_peer(
                &self,
                p: &domain::training::survivors::Peer,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO peer_roles (trainee_id, role, consent_language, recorded_by, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (trainee_id) DO UPDATE SET role = excluded.role, \
                     consent_language = excluded.consent_language, recorded_by = excluded.recorded_by, \
                     recorded_at = excluded.recorded_at",
                )
                .bind(p.trainee_id.to_string())
                .bind(p.role.as_str())
                .bind(p.consent_language.code())
                .bind(by.map(|u| u.to_string()))
                .bind(p.recorded_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn peer_of(
                &self,
                trainee: uuid::Uuid,
            ) -> Result<Option<domain::training::survivors::Peer>, $crate::StoreError> {
                let row: Option<$crate::survivor_training::PeerRow> = sqlx::query_as(
                    "SELECT trainee_id, role, consent_language, recorded_at FROM peer_roles WHERE trainee_id = $1",
                )
                .bind(trainee.to_string())
                .fetch_optional(&self.pool)
                .await?;
                Ok(row.map($crate::survivor_training::peer_from_row))
            }
        }

        impl $store {
            /// Her place in a workshop, if there is room (see `room_in`).
            async fn place_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                place: &domain::training::survivors::Place,
                capacity: u32,
                beyond_capacity: bool,
            ) -> Result<(), $crate::StoreError> {
                Self::room_in(
                    &mut *conn,
                    $crate::training::Seats::Survivors,
                    place.workshop_id,
                    capacity,
                    beyond_capacity,
                )
                .await?;
                sqlx::query(
                    "INSERT INTO survivor_places (id, workshop_id, trainee_id, enrolled_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(place.id.to_string())
                .bind(place.workshop_id.to_string())
                .bind(place.trainee_id.to_string())
                .bind(place.enrolled_at.millis())
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "place"))?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_survivor_training_store;
