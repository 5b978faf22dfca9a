//! What the store keeps of an organisation's time zone: where its days and quarters begin.
//! Kept beside the organisation's record rather than in it, so the directory and its forms
//! are unchanged; an organisation with none set reads as its country's zone.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::zone::TimeZone;
use domain::{CountryCode, OrgId};

use crate::StoreError;
use crate::stored::Stored;

#[async_trait]
pub trait TimeZoneStore: Send + Sync {
    /// The organisation's zone: as set, or its country's. `NotFound` if there is no such
    /// organisation.
    async fn time_zone_of(&self, org: OrgId) -> Result<TimeZone, StoreError>;
    /// Sets the organisation's zone, with its audit entry. `NotFound` if there is no such
    /// organisation.
    async fn set_time_zone(
        &self,
        org: OrgId,
        zone: &TimeZone,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct ZoneRow {
    pub(crate) country: Stored<CountryCode>,
    pub(crate) time_zone: Option<Stored<TimeZone>>,
}

impl ZoneRow {
    pub(crate) fn zone(self) -> TimeZone {
        match self.time_zone {
            Some(zone) => zone.0,
            None => TimeZone::for_country(&self.country.0),
        }
    }
}

macro_rules! impl_time_zone_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::TimeZoneStore for $store {
            async fn time_zone_of(
                &self,
                org: domain::OrgId,
            ) -> Result<domain::zone::TimeZone, $crate::StoreError> {
                let row: Option<$crate::zones::ZoneRow> =
                    sqlx::query_as("SELECT country, time_zone FROM organisations WHERE id = $1")
                        .bind(org.to_string())
                        .fetch_optional(&self.pool)
                        .await?;
                row.map($crate::zones::ZoneRow::zone)
                    .ok_or($crate::StoreError::NotFound)
            }

            async fn set_time_zone(
                &self,
                org: domain::OrgId,
                zone: &domain::zone::TimeZone,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let changed = sqlx::query("UPDATE organisations SET time_zone = $1 WHERE id = $2")
                    .bind(zone.as_str())
                    .bind(org.to_string())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}
pub(crate) use impl_time_zone_store;
