//! Workshops, and the places in them: staff enrolments, and (through `Seats`) survivors'
//! places, which share their SQL.

use domain::Timestamp;
use domain::training::{Dropout, Enrolment, Workshop};

use crate::StoreError;
use crate::stored::Stored;

/// The two kinds of place in a workshop: staff enrolments and survivors' places, kept in
/// tables of their own. The queries that treat them alike differ only in the table names, so
/// each is written once per kind here, as literal SQL.
#[derive(Clone, Copy)]
pub(crate) enum Seats {
    Staff,
    Survivors,
}

impl Seats {
    pub(crate) fn taken(self) -> &'static str {
        match self {
            Seats::Staff => {
                "SELECT COUNT(*) FROM enrolments WHERE workshop_id = $1 AND dropped_at IS NULL"
            }
            Seats::Survivors => {
                "SELECT COUNT(*) FROM survivor_places WHERE workshop_id = $1 AND dropped_at IS NULL"
            }
        }
    }

    pub(crate) fn drop_out(self) -> &'static str {
        match self {
            Seats::Staff => {
                "UPDATE enrolments SET dropout_reason = $1, dropout_note = $2, dropped_at = $3 \
                 WHERE id = $4 AND dropped_at IS NULL"
            }
            Seats::Survivors => {
                "UPDATE survivor_places SET dropout_reason = $1, dropout_note = $2, dropped_at = $3 \
                 WHERE id = $4 AND dropped_at IS NULL"
            }
        }
    }

    pub(crate) fn attend(self) -> &'static str {
        match self {
            Seats::Staff => {
                "INSERT INTO attendance (enrolment_id, day, recorded_by, recorded_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (enrolment_id, day) DO NOTHING"
            }
            Seats::Survivors => {
                "INSERT INTO survivor_attendance (place_id, day, recorded_by, recorded_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (place_id, day) DO NOTHING"
            }
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct EnrolmentRow {
    id: Stored<uuid::Uuid>,
    workshop_id: Stored<uuid::Uuid>,
    user_id: Stored<domain::UserId>,
    org_id: Stored<domain::OrgId>,
    years_in_org: i64,
    childcare_needs: bool,
    enrolled_at: i64,
    dropout_reason: Option<Stored<domain::training::DropoutReason>>,
    dropout_note: Option<String>,
    dropped_at: Option<i64>,
}

impl TryFrom<EnrolmentRow> for Enrolment {
    type Error = StoreError;
    fn try_from(row: EnrolmentRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("enrolment {what} of {}", row.id.0));
        let dropout = match (row.dropout_reason, row.dropped_at) {
            (Some(reason), Some(at)) => Some(Dropout {
                reason: reason.0,
                note: row.dropout_note.unwrap_or_default(),
                at: Timestamp::from_millis(at),
            }),
            _ => None,
        };
        Ok(Enrolment {
            id: row.id.0,
            workshop_id: row.workshop_id.0,
            user_id: row.user_id.0,
            org_id: row.org_id.0,
            years_in_org: u32::try_from(row.years_in_org).map_err(|_| bad("years"))?,
            childcare_needs: row.childcare_needs,
            enrolled_at: Timestamp::from_millis(row.enrolled_at),
            dropout,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct WorkshopRow {
    id: Stored<uuid::Uuid>,
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
        let bad = |what: &str| StoreError::Corrupt(format!("workshop {what} of {}", row.id.0));
        let date = |d: &str| domain::voice::parse_date(d).map_err(|_| bad("date"));
        Ok(Workshop {
            id: row.id.0,
            programme: row.programme.clone(),
            template: serde_json::from_str(&row.template).map_err(|_| bad("template"))?,
            venue: row.venue.clone(),
            starts_on: date(&row.starts_on)?,
            ends_on: date(&row.ends_on)?,
            announced_on: date(&row.announced_on)?,
            capacity: u32::try_from(row.capacity).map_err(|_| bad("capacity"))?,
            facilitators: serde_json::from_str(&row.facilitators)
                .map_err(|_| bad("facilitators"))?,
            trainers: Vec::new(),
            created_at: Timestamp::from_millis(row.created_at),
        })
    }
}
