//! The SQL of her own view of her life.

macro_rules! impl_life_view_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::LifeViewStore for $store {
            async fn record_life_view(
                &self,
                view: &domain::life_view::LifeView,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let id = view.id.to_string();
                sqlx::query(
                    "INSERT INTO life_views (id, case_id, occasion, reference_id, recorded_on, \
                     org_id, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&id)
                .bind(view.case_id.to_string())
                .bind(view.fields.occasion.as_str())
                .bind(view.fields.reference.map(|r| r.to_string()))
                .bind(domain::voice::format_date_iso(view.fields.recorded_on))
                .bind(view.org_id.to_string())
                .bind(view.recorded_by.to_string())
                .bind(view.recorded_at.millis())
                .execute(&mut *tx)
                .await?;
                for area in &view.fields.areas {
                    sqlx::query(
                        "INSERT INTO life_view_areas (view_id, area, her, worker) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(&id)
                    .bind(area.area.as_str())
                    .bind(area.her.as_str())
                    .bind(area.worker.as_str())
                    .execute(&mut *tx)
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn life_views_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::life_view::LifeView>, $crate::StoreError> {
                let rows: Vec<$crate::cases::life_view::LifeViewAreaRow> =
                    sqlx::query_as(concat!(
                        "SELECT ",
                        $crate::cases::life_view::life_view_columns!(),
                        " FROM life_views v JOIN life_view_areas a ON a.view_id = v.id \
                         WHERE v.case_id = $1 AND ",
                        $crate::cases::visible!("2", "3", "'voice'"),
                        " ORDER BY v.recorded_at, v.id"
                    ))
                    .bind(case.to_string())
                    .bind(sight.org().to_string())
                    .bind($crate::cases::shared_sections(sight))
                    .fetch_all(&self.pool)
                    .await?;
                $crate::cases::life_view::group_views(rows)
            }

            async fn life_views_for_indicator(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::indicators::her_view::ViewRow>, $crate::StoreError> {
                let rows: Vec<$crate::cases::life_view::LifeViewAreaRow> =
                    sqlx::query_as(concat!(
                        "SELECT ",
                        $crate::cases::life_view::life_view_columns!(),
                        " FROM life_views v JOIN life_view_areas a ON a.view_id = v.id \
                         WHERE v.org_id = $1 AND v.recorded_at < $3 AND v.case_id IN \
                         (SELECT p.case_id FROM life_views p WHERE p.org_id = $1 \
                          AND p.recorded_at >= $2 AND p.recorded_at < $3) \
                         ORDER BY v.case_id, v.recorded_at, v.id"
                    ))
                    .bind(org.to_string())
                    .bind(span.start.millis())
                    .bind(span.end.millis())
                    .fetch_all(&self.pool)
                    .await?;
                $crate::cases::life_view::view_rows(rows)
            }
        }
    };
}
pub(crate) use impl_life_view_store;
