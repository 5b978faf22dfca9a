//! The SQL of cases, shared by both engines like `sql.rs` (same `$N` placeholders, same types).
//!
//! `impl_case_store!` implements `CaseStore` and the stores of each part of a case's record, one
//! module per part. Each module's `impl $store` block adds the helpers that run inside a caller's
//! transaction (`…_in`); the import of a handover package uses the `insert_…_in` ones to write a
//! whole case in one transaction.

mod consent;
mod decision;
mod document;
mod followup;
mod handover;
mod import;
mod life_view;
mod note;
mod plan;
mod repatriation;
mod search;
mod stay;
mod voice;

pub(crate) use life_view::impl_life_view_store;
pub(crate) use {
    consent::impl_consent_store, decision::impl_decision_store, document::impl_document_store,
    followup::impl_followup_store, handover::impl_handover_store, import::impl_import_store,
    note::impl_note_store, plan::impl_plan_store, repatriation::impl_repatriation_store,
    search::impl_case_search, stay::impl_stay_store, voice::impl_voice_store,
};

macro_rules! impl_case_store {
    ($store:ty, $db:ty) => {
        $crate::case_sql::impl_case_search!($store, $db);
        $crate::case_sql::impl_voice_store!($store, $db);
        $crate::case_sql::impl_plan_store!($store, $db);
        $crate::case_sql::impl_decision_store!($store, $db);
        $crate::case_sql::impl_consent_store!($store, $db);
        $crate::case_sql::impl_note_store!($store, $db);
        $crate::case_sql::impl_document_store!($store, $db);
        $crate::case_sql::impl_handover_store!($store, $db);
        $crate::case_sql::impl_followup_store!($store, $db);
        $crate::case_sql::impl_repatriation_store!($store, $db);
        $crate::case_sql::impl_stay_store!($store, $db);
        $crate::case_sql::impl_life_view_store!($store, $db);
        $crate::case_sql::impl_import_store!($store, $db);

        impl $store {
            async fn case_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: domain::CaseId,
            ) -> Result<Option<domain::Case>, $crate::StoreError> {
                let row: Option<$crate::cases::WholeCaseRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::case_columns!(),
                    ", ",
                    $crate::cases::case_parts_columns!("c"),
                    " FROM cases c WHERE c.id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                row.map($crate::cases::WholeCaseRow::into_case).transpose()
            }

            /// A case and its identity section. `what` names it in a `Duplicate` (a new case's
            /// code; an imported case that is already here).
            async fn insert_case_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case: &$crate::NewCase,
                stage: domain::Stage,
                updated_at: domain::Timestamp,
                what: &'static str,
            ) -> Result<(), $crate::StoreError> {
                let id = case.id.to_string();
                let intake = $crate::cases::IntakeBinds::of(&case.intake);
                sqlx::query(
                    "INSERT INTO cases (id, code, custodian_org_id, stage, opened_at, version, updated_at, \
                     identified_on, identified_district, identified_state, identified_country, age_years, \
                     born_on, gender, languages, citizenship, exploitation) \
                     VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
                )
                .bind(&id)
                .bind(case.code.as_str())
                .bind(case.custodian.to_string())
                .bind(stage.as_str())
                .bind(case.opened_at.millis())
                .bind(updated_at.millis())
                .bind(intake.identified_on)
                .bind(intake.district)
                .bind(intake.state)
                .bind(intake.country)
                .bind(intake.age)
                .bind(intake.born_on)
                .bind(intake.gender)
                .bind(intake.languages)
                .bind(intake.citizenship)
                .bind(intake.exploitation)
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, what))?;
                sqlx::query(
                    "INSERT INTO case_identities (case_id, name, family, address, org_id) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&id)
                .bind(&case.identity.name)
                .bind(&case.identity.family)
                .bind(&case.identity.address)
                .bind(case.custodian.to_string())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            /// Custody moves with an accepted handover, on one server or through a package.
            async fn move_custody_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case: domain::CaseId,
                to: domain::OrgId,
                at: domain::Timestamp,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "UPDATE cases SET custodian_org_id = $1, version = version + 1, updated_at = $2 WHERE id = $3",
                )
                .bind(to.to_string())
                .bind(at.millis())
                .bind(case.to_string())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::CaseStore for $store {
            async fn create_case(
                &self,
                case: &$crate::NewCase,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::Case, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let id = case.id.to_string();
                Self::insert_case_in(&mut tx, case, domain::Stage::Identified, case.opened_at, "case code")
                    .await?;
                for user in &case.assigned {
                    sqlx::query(
                        "INSERT INTO case_assignments (case_id, user_id, assigned_at, opened_at) \
                         VALUES ($1, $2, $3, $3)",
                    )
                    .bind(&id)
                    .bind(user.to_string())
                    .bind(case.opened_at.millis())
                    .execute(&mut *tx)
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                let created = Self::case_in(&mut tx, case.id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(created)
            }

            async fn assign(
                &self,
                case: domain::CaseId,
                user: domain::UserId,
                at: domain::Timestamp,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::Case, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO case_assignments (case_id, user_id, assigned_at, opened_at) \
                     SELECT $1, $2, $3, c.opened_at FROM cases c WHERE c.id = $1 \
                     ON CONFLICT (case_id, user_id) DO NOTHING",
                )
                .bind(case.to_string())
                .bind(user.to_string())
                .bind(at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                let found = Self::case_in(&mut tx, case).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(found)
            }

            async fn link_survivor(
                &self,
                case: domain::CaseId,
                user: domain::UserId,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::Case, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query("UPDATE cases SET survivor_user_id = $1 WHERE id = $2")
                    .bind(user.to_string())
                    .bind(case.to_string())
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                let found = Self::case_in(&mut tx, case).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(found)
            }

            async fn case(
                &self,
                id: domain::CaseId,
                scope: &domain::scope::CaseScope,
            ) -> Result<Option<domain::Case>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                let (org, user) = match scope {
                    domain::scope::CaseScope::Network => return Self::case_in(&mut conn, id).await,
                    domain::scope::CaseScope::Organisation { org, user } => (org, user),
                };
                // One statement: the case, its assignments and its handovers (issue 16).
                let row: Option<$crate::cases::WholeCaseRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::case_columns!(),
                    ", ",
                    $crate::cases::case_parts_columns!("c"),
                    " FROM cases c WHERE c.id = $1 AND ",
                    $crate::cases::within!("c", "2", "3")
                ))
                .bind(id.to_string())
                .bind(org.to_string())
                .bind(user.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                row.map($crate::cases::WholeCaseRow::into_case).transpose()
            }

            async fn case_by_code(
                &self,
                code: &domain::CaseCode,
            ) -> Result<Option<domain::Case>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                let id: Option<$crate::stored::Stored<domain::CaseId>> =
                    sqlx::query_scalar("SELECT id FROM cases WHERE code = $1")
                    .bind(code.as_str())
                    .fetch_optional(&mut *conn)
                    .await?;
                match id {
                    Some(id) => Self::case_in(&mut conn, id.0).await,
                    None => Ok(None),
                }
            }

            async fn find_cases(
                &self,
                filter: &$crate::CaseFilter,
            ) -> Result<Vec<domain::Case>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::find_in(&mut conn, filter, &self.term_counts).await
            }

            async fn count_cases(&self, custodian: domain::OrgId) -> Result<u64, $crate::StoreError> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE custodian_org_id = $1")
                    .bind(custodian.to_string())
                    .fetch_one(&self.pool)
                    .await?;
                Ok(u64::try_from(n).unwrap_or(0))
            }

            async fn count_assigned(
                &self,
                custodian: domain::OrgId,
                user: domain::UserId,
            ) -> Result<u64, $crate::StoreError> {
                let n: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM cases c JOIN case_assignments a ON a.case_id = c.id \
                     WHERE c.custodian_org_id = $1 AND a.user_id = $2",
                )
                .bind(custodian.to_string())
                .bind(user.to_string())
                .fetch_one(&self.pool)
                .await?;
                Ok(u64::try_from(n).unwrap_or(0))
            }

            async fn stage_counts(
                &self,
                custodian: domain::OrgId,
            ) -> Result<Vec<(domain::Stage, u64)>, $crate::StoreError> {
                let rows: Vec<($crate::stored::Stored<domain::Stage>, i64)> = sqlx::query_as(
                    "SELECT stage, COUNT(*) FROM cases WHERE custodian_org_id = $1 GROUP BY stage",
                )
                .bind(custodian.to_string())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(stage, n)| (stage.0, u64::try_from(n).unwrap_or(0)))
                    .collect())
            }

            async fn glances(
                &self,
                custodian: domain::OrgId,
                ids: &[domain::CaseId],
                today: time::Date,
            ) -> Result<Vec<$crate::Glance>, $crate::StoreError> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                // Assembled from fixed fragments: one placeholder per id, every value bound.
                // `w.org_id || ''` keeps SQLite off `voice_by_org_time` (migration 0031): with
                // it, the language of her newest words walked the organisation's every entry,
                // newest first, for each case glanced at; `voice_by_case` finds hers at once.
                let list = (0..ids.len())
                    .map(|i| format!("${}", i + 3))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = $crate::cases::glance::glance_sql(&list, false);
                let mut query = sqlx::query_as::<_, $crate::cases::glance::GlanceRow>(sqlx::AssertSqlSafe(sql))
                    .bind(custodian.to_string())
                    .bind(domain::voice::format_date_iso(today));
                for id in ids {
                    query = query.bind(id.to_string());
                }
                let rows = query.fetch_all(&self.pool).await?;
                $crate::cases::glance::glances(rows, today)
            }

            async fn glance_and_plan(
                &self,
                custodian: domain::OrgId,
                case: domain::CaseId,
                today: time::Date,
                sight: &domain::sight::Sight,
            ) -> Result<(Option<$crate::Glance>, Option<domain::plan::Plan>), $crate::StoreError> {
                let rows: Vec<$crate::cases::glance::GlancePlanRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe($crate::cases::glance::glance_sql("$3", true)))
                        .bind(custodian.to_string())
                        .bind(domain::voice::format_date_iso(today))
                        .bind(case.to_string())
                        .bind(sight.org().to_string())
                        .bind($crate::cases::shared_sections(sight))
                        .fetch_all(&self.pool)
                        .await?;
                $crate::cases::glance::glance_and_plan(rows, today)
            }

            async fn plans_awaiting_approval(
                &self,
                custodian: domain::OrgId,
            ) -> Result<Vec<(domain::CaseId, domain::CaseCode)>, $crate::StoreError> {
                let rows: Vec<(
                    $crate::stored::Stored<domain::CaseId>,
                    $crate::stored::Stored<domain::CaseCode>,
                )> = sqlx::query_as(
                    "SELECT c.id, c.code FROM cases c JOIN plans p ON p.case_id = c.id \
                     WHERE c.custodian_org_id = $1 AND c.stage <> 'closed' \
                     AND (p.approved_version IS NULL OR p.approved_version < p.version) \
                     ORDER BY c.code",
                )
                .bind(custodian.to_string())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(id, code)| (id.0, code.0)).collect())
            }

            async fn change_stage(
                &self,
                id: domain::CaseId,
                expected_version: i64,
                change: &domain::case::StageChange,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::Case, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE cases SET stage = $1, version = version + 1, updated_at = $2 \
                     WHERE id = $3 AND version = $4 AND stage = $5",
                )
                .bind(change.to.as_str())
                .bind(change.at.millis())
                .bind(id.to_string())
                .bind(expected_version)
                .bind(change.from.as_str())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM cases WHERE id = $1",
                        id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                sqlx::query(
                    "INSERT INTO stage_changes (case_id, seq, from_stage, to_stage, reason, changed_by, changed_at) \
                     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stage_changes WHERE case_id = $1), \
                     $2, $3, $4, $5, $6)",
                )
                .bind(id.to_string())
                .bind(change.from.as_str())
                .bind(change.to.as_str())
                .bind(&change.reason)
                .bind(change.by.map(|b| b.to_string()))
                .bind(change.at.millis())
                .execute(&mut *tx)
                .await?;
                // Her return starts the follow-up schedule, in the same transaction.
                if change.to == domain::Stage::Returned {
                    for date in domain::followup::schedule(change.at.to_datetime().date()) {
                        sqlx::query("INSERT INTO followups (id, case_id, due_on) VALUES ($1, $2, $3)")
                            .bind(uuid::Uuid::now_v7().to_string())
                            .bind(id.to_string())
                            .bind(domain::voice::format_date_iso(date))
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                Self::append_in(&mut tx, &audit).await?;
                let case = Self::case_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(case)
            }

            async fn stage_history(
                &self,
                id: domain::CaseId,
                scope: &domain::scope::CaseScope,
            ) -> Result<Vec<domain::case::StageChange>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                let rows: Vec<$crate::cases::StageRow> = sqlx::query_as(concat!(
                    "SELECT from_stage, to_stage, reason, changed_by, changed_at FROM stage_changes \
                     WHERE case_id = $1 AND ",
                    $crate::cases::in_scope!("$1", "2", "3"),
                    " ORDER BY seq"
                ))
                .bind(id.to_string())
                .bind(org)
                .bind(user)
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn open_identity(
                &self,
                id: domain::CaseId,
                sight: &domain::sight::Sight,
                audit: domain::audit::AuditEvent,
            ) -> Result<Option<domain::case::Identity>, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let row: Option<(String, String, String)> = sqlx::query_as(concat!(
                    "SELECT name, family, address FROM case_identities WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'identity'")
                ))
                .bind(id.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_optional(&mut *tx)
                .await?;
                let Some((name, family, address)) = row else {
                    return Ok(None);
                };
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(Some(domain::case::Identity { name, family, address }))
            }

            async fn statistical_cases(
                &self,
                custodian: Option<domain::OrgId>,
                now: domain::Timestamp,
            ) -> Result<Vec<domain::Case>, $crate::StoreError> {
                let rows: Vec<$crate::cases::CaseRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::case_columns!(),
                    " FROM cases c WHERE ($1 = '' OR c.custodian_org_id = $1) AND EXISTS ( \
                     SELECT 1 FROM consents s WHERE s.case_id = c.id AND s.purpose = 'statistics' \
                     AND s.recorded_at <= $2 AND (s.revoked_at IS NULL OR s.revoked_at > $2) \
                     AND (s.expires_on IS NULL OR s.expires_on >= $3)) \
                     ORDER BY c.opened_at, c.id"
                ))
                .bind(custodian.map(|o| o.to_string()).unwrap_or_default())
                .bind(now.millis())
                .bind(domain::voice::format_date_iso(now.to_datetime().date()))
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map($crate::cases::CaseRow::bare).collect()
            }

            async fn readings_of(
                &self,
                case: domain::CaseId,
                scope: &domain::scope::CaseScope,
                limit: u32,
            ) -> Result<Vec<domain::audit::AuditRecord>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                let rows: Vec<$crate::rows::AuditRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::audit_columns!(),
                    " FROM audit_log WHERE subject = $1 AND action IN ('case-viewed', 'identity-opened', 'document-opened') AND ",
                    $crate::cases::in_scope!("$5", "3", "4"),
                    " ORDER BY seq DESC LIMIT $2"
                ))
                .bind(format!("case:{case}"))
                .bind(i64::from(limit))
                .bind(org)
                .bind(user)
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}
pub(crate) use impl_case_store;
