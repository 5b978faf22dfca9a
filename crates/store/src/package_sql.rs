//! The SQL of handover packages, shared by both engines like `case_sql.rs`.

macro_rules! impl_package_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Records a package as imported; a second time is a replay.
            async fn mark_imported_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                package_id: uuid::Uuid,
                kind: &str,
                handover: &domain::handover::Handover,
                from: domain::OrgId,
                at: domain::Timestamp,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO imported_packages (package_id, kind, handover_id, from_org_id, imported_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(package_id.to_string())
                .bind(kind)
                .bind(handover.id.to_string())
                .bind(from.to_string())
                .bind(at.millis())
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "package"))?;
                Ok(())
            }

            async fn import_case_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                import: &$crate::ImportedHandover,
                at: domain::Timestamp,
            ) -> Result<(), $crate::StoreError> {
                let case = &import.case;
                let id = case.id.to_string();
                Self::insert_case_in(&mut *conn, case, import.stage, at, "case").await?;
                for v in &import.voice {
                    let fields = domain::voice::VoiceFields {
                        kind: v.kind,
                        text: v.text.clone(),
                        language: v.language,
                        spoken_on: v.spoken_on,
                        read_back: v.read_back,
                    };
                    Self::insert_voice_in(
                        &mut *conn,
                        v.id,
                        1,
                        case.id,
                        &fields,
                        v.recorded_by,
                        v.recorded_at,
                    )
                    .await
                    .map_err(|e| e.named("voice entry"))?;
                }
                if let Some((body, by, saved_at)) = &import.plan {
                    let json = $crate::cases::plan::plan_json(body)?;
                    sqlx::query(
                        "INSERT INTO plans (case_id, body, version, updated_by, updated_at, approved_version) \
                         VALUES ($1, $2, 1, $3, $4, NULL)",
                    )
                    .bind(&id)
                    .bind(&json)
                    .bind(by.to_string())
                    .bind(saved_at.millis())
                    .execute(&mut *conn)
                    .await?;
                    sqlx::query(
                        "INSERT INTO plan_versions (case_id, version, body, saved_by, saved_at, org_id) \
                         VALUES ($1, 1, $2, $3, $4, (SELECT org_id FROM users WHERE id = $3))",
                    )
                        .bind(&id)
                        .bind(&json)
                        .bind(by.to_string())
                        .bind(saved_at.millis())
                        .execute(&mut *conn)
                        .await?;
                }
                for r in &import.reviews {
                    Self::insert_review_in(&mut *conn, case.id, r)
                        .await
                        .map_err(|e| e.named("plan review"))?;
                }
                for d in &import.decisions {
                    Self::insert_decision_in(&mut *conn, d)
                        .await
                        .map_err(|e| e.named("decision"))?;
                }
                for c in &import.consents {
                    Self::insert_consent_in(&mut *conn, c)
                        .await
                        .map_err(|e| e.named("consent"))?;
                }
                for (info, content) in &import.documents {
                    Self::insert_document_in(&mut *conn, info, content)
                        .await
                        .map_err(|e| e.named("document"))?;
                }
                match Self::insert_handover_in(&mut *conn, &import.handover).await {
                    // The same handover again: a replay of its package.
                    Err($crate::StoreError::Duplicate(_)) => {
                        return Err($crate::StoreError::Duplicate("package"));
                    }
                    other => other?,
                }
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::PackageStore for $store {
            async fn org_keys(
                &self,
                org: domain::OrgId,
            ) -> Result<Option<$crate::OrgKeys>, $crate::StoreError> {
                let row: Option<$crate::packages::KeysRow> = sqlx::query_as(
                    "SELECT org_id, age_recipient, ed25519_public, age_identity, ed25519_secret, created_at \
                     FROM org_keys WHERE org_id = $1",
                )
                .bind(org.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map(|r| r.open(&self.secrets)).transpose()
            }

            async fn local_org_keys(&self) -> Result<Vec<$crate::OrgKeys>, $crate::StoreError> {
                let rows: Vec<$crate::packages::KeysRow> = sqlx::query_as(
                    "SELECT org_id, age_recipient, ed25519_public, age_identity, ed25519_secret, created_at \
                     FROM org_keys WHERE age_identity IS NOT NULL ORDER BY org_id",
                )
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map(|r| r.open(&self.secrets)).collect()
            }

            async fn create_org_keys(
                &self,
                keys: &$crate::OrgKeys,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let (identity, secret) = keys
                    .secrets
                    .as_ref()
                    .ok_or_else(|| $crate::StoreError::Corrupt("local keys without secrets".into()))?;
                let org = keys.org_id.to_string();
                let identity = self
                    .secrets
                    .seal(&$crate::safekeeping::identity_context(&org), identity)?;
                let secret = self
                    .secrets
                    .seal(&$crate::safekeeping::signing_context(&org), secret)?;
                sqlx::query(
                    "INSERT INTO org_keys (org_id, age_recipient, ed25519_public, age_identity, ed25519_secret, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6)",
                )
                .bind(keys.org_id.to_string())
                .bind(&keys.age_recipient)
                .bind(&keys.ed25519_public)
                .bind(&identity)
                .bind(&secret)
                .bind(keys.created_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "organisation keys"))?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn trust_organisation(
                &self,
                org: &$crate::TrustedOrg,
                replace: bool,
                audit: domain::audit::AuditEvent,
            ) -> Result<$crate::TrustOutcome, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let id = org.id.to_string();
                let known: Option<(String, String, Option<String>)> = sqlx::query_as(
                    "SELECT age_recipient, ed25519_public, age_identity FROM org_keys WHERE org_id = $1",
                )
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
                let at = org.keys.created_at.millis();
                let outcome = match known {
                    Some((_, _, Some(_))) => {
                        return Err($crate::StoreError::Duplicate("local organisation"));
                    }
                    Some((age, ed, None)) if age == org.keys.age_recipient && ed == org.keys.ed25519_public => {
                        return Ok($crate::TrustOutcome::Unchanged);
                    }
                    Some(_) if !replace => {
                        return Err($crate::StoreError::Conflict { expected: 0, current: 1 });
                    }
                    Some(_) => {
                        sqlx::query(
                            "UPDATE org_keys SET age_recipient = $1, ed25519_public = $2, updated_at = $3 WHERE org_id = $4",
                        )
                        .bind(&org.keys.age_recipient)
                        .bind(&org.keys.ed25519_public)
                        .bind(at)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                        $crate::TrustOutcome::Replaced
                    }
                    None => {
                        let exists: Option<String> =
                            sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                                .bind(&id)
                                .fetch_optional(&mut *tx)
                                .await?;
                        // Every organisation trusted from elsewhere got its keys with its row,
                        // so a row without keys is one of this server's own (keys are made on
                        // first use): never let an outside line take it over.
                        if exists.is_some() {
                            return Err($crate::StoreError::Duplicate("local organisation"));
                        }
                        {
                            let f = &org.fields;
                            sqlx::query(
                                "INSERT INTO organisations (id, name, kind, country, district, languages, \
                                 version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)",
                            )
                            .bind(&id)
                            .bind(f.name.as_str())
                            .bind(f.kind.as_str())
                            .bind(f.country.as_str())
                            .bind(f.district.as_deref())
                            .bind($crate::rows::language_list(f))
                            .bind(at)
                            .execute(&mut *tx)
                            .await
                            .map_err(|e| $crate::StoreError::from_write(e, "organisation"))?;
                        }
                        sqlx::query(
                            "INSERT INTO org_keys (org_id, age_recipient, ed25519_public, age_identity, ed25519_secret, created_at, updated_at) \
                             VALUES ($1, $2, $3, NULL, NULL, $4, $4)",
                        )
                        .bind(&id)
                        .bind(&org.keys.age_recipient)
                        .bind(&org.keys.ed25519_public)
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                        let a = &org.account;
                        sqlx::query(
                            "INSERT INTO users (id, org_id, username, display_name, password_hash, roles, \
                             language, active, version, created_at, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, 1, $8, $8)",
                        )
                        .bind(a.id.to_string())
                        .bind(&id)
                        .bind(a.username.as_str())
                        .bind(a.display_name.as_deref())
                        .bind(&a.password_hash)
                        .bind(a.roles.to_list())
                        .bind(a.language.code())
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::StoreError::from_write(e, "username"))?;
                        $crate::TrustOutcome::Added
                    }
                };
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(outcome)
            }

            async fn package_account(
                &self,
                org: domain::OrgId,
            ) -> Result<Option<domain::UserId>, $crate::StoreError> {
                let id: Option<$crate::stored::Stored<domain::UserId>> = sqlx::query_scalar(
                    "SELECT id FROM users WHERE org_id = $1 AND username = $2",
                )
                .bind(org.to_string())
                .bind($crate::packages::account_username(org))
                .fetch_optional(&self.pool)
                .await?;
                Ok(id.map($crate::stored::Stored::into_inner))
            }

            async fn package_imported(&self, package_id: uuid::Uuid) -> Result<bool, $crate::StoreError> {
                let found: Option<String> =
                    sqlx::query_scalar("SELECT package_id FROM imported_packages WHERE package_id = $1")
                        .bind(package_id.to_string())
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(found.is_some())
            }

            async fn import_handover(
                &self,
                import: &$crate::ImportedHandover,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let h = &import.handover;
                Self::mark_imported_in(&mut tx, import.package_id, "handover", h, h.from_org, audit.at).await?;
                Self::import_case_in(&mut tx, import, audit.at).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn import_receipt(
                &self,
                package_id: uuid::Uuid,
                handover: &domain::handover::Handover,
                next: Option<(&domain::handover::Handover, i64)>,
                updates: &[domain::followup::FollowUpUpdate],
                audit: domain::audit::AuditEvent,
            ) -> Result<usize, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::mark_imported_in(&mut tx, package_id, "receipt", handover, handover.to_org, audit.at).await?;
                if let Some((next, expected_version)) = next {
                    let done = sqlx::query(
                        "UPDATE handovers SET state = $1, decline_reason = $2, acknowledged_at = $3, decided_at = $4, \
                         version = version + 1 WHERE id = $5 AND version = $6",
                    )
                    .bind(next.state.as_str())
                    .bind(&next.decline_reason)
                    .bind(next.acknowledged_at.map(|t| t.millis()))
                    .bind(next.decided_at.map(|t| t.millis()))
                    .bind(next.id.to_string())
                    .bind(expected_version)
                    .execute(&mut *tx)
                    .await?;
                    if done.rows_affected() == 0 {
                        return Err(Self::missing_or_conflict(
                            &mut tx,
                            "SELECT version FROM handovers WHERE id = $1",
                            next.id.to_string(),
                            expected_version,
                        )
                        .await);
                    }
                    if next.state == domain::handover::HandoverState::Accepted {
                        Self::move_custody_in(&mut tx, next.case_id, next.to_org, audit.at).await?;
                    }
                }
                let mut new = 0;
                for u in updates {
                    let done = sqlx::query(
                        "INSERT INTO followup_updates (id, handover_id, outcome, her_words, at) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
                    )
                    .bind(u.id.to_string())
                    .bind(handover.id.to_string())
                    .bind(u.outcome.as_str())
                    .bind(&u.her_words)
                    .bind(u.at.millis())
                    .execute(&mut *tx)
                    .await?;
                    new += done.rows_affected() as usize;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(new)
            }
        }
    };
}

pub(crate) use impl_package_store;
