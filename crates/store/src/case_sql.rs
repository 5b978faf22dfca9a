//! The SQL of cases, shared by both engines like `sql.rs` (same `$N` placeholders, same types).

macro_rules! impl_case_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn assigned_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case_id: &str,
            ) -> Result<Vec<String>, $crate::StoreError> {
                Ok(sqlx::query_scalar(
                    "SELECT user_id FROM case_assignments WHERE case_id = $1 ORDER BY assigned_at, user_id",
                )
                .bind(case_id)
                .fetch_all(&mut *conn)
                .await?)
            }

            /// The newest version of the plan that `sight` reaches, with the newest approved
            /// one it reaches.
            async fn plan_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Option<domain::plan::Plan>, $crate::StoreError> {
                let row: Option<$crate::cases::PlanRow> = sqlx::query_as(concat!(
                    "SELECT body, version, saved_by AS updated_by, saved_at AS updated_at, \
                     (SELECT MAX(w.version) FROM plan_versions w WHERE w.case_id = $1 AND w.approved_at IS NOT NULL AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    ") AS approved_version FROM plan_versions WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY version DESC LIMIT 1"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_optional(&mut *conn)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            /// Its handovers as sight needs them, oldest first.
            async fn passages_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case_id: &str,
            ) -> Result<Vec<$crate::cases::PassageRow>, $crate::StoreError> {
                Ok(sqlx::query_as(
                    "SELECT from_org_id, to_org_id, state, sections FROM handovers WHERE case_id = $1 \
                     ORDER BY created_at, id",
                )
                .bind(case_id)
                .fetch_all(&mut *conn)
                .await?)
            }

            async fn complete_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                row: $crate::cases::CaseRow,
            ) -> Result<domain::Case, $crate::StoreError> {
                let assigned = Self::assigned_in(&mut *conn, row.id()).await?;
                let passages = Self::passages_in(&mut *conn, row.id()).await?;
                row.into_case(assigned, passages)
            }

            async fn case_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: domain::CaseId,
            ) -> Result<Option<domain::Case>, $crate::StoreError> {
                let row: Option<$crate::cases::CaseRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::case_columns!(),
                    " FROM cases WHERE id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                match row {
                    Some(row) => Ok(Some(Self::complete_in(&mut *conn, row).await?)),
                    None => Ok(None),
                }
            }

            /// Replaces the search terms of one source (a voice entry, a note) with those of
            /// `text`, each marked with its section and the organisation of `by`, its writer.
            async fn index_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case_id: &str,
                source_id: &str,
                text: &str,
                section: domain::consent::SectionClass,
                by: domain::UserId,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query("DELETE FROM case_terms WHERE source_id = $1")
                    .bind(source_id)
                    .execute(&mut *conn)
                    .await?;
                for term in domain::text::terms(text) {
                    sqlx::query(
                        "INSERT INTO case_terms (case_id, source_id, term, section, org_id) \
                         VALUES ($1, $2, $3, $4, (SELECT org_id FROM users WHERE id = $5))",
                    )
                    .bind(case_id)
                    .bind(source_id)
                    .bind(term)
                    .bind(section.as_str())
                    .bind(by.to_string())
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(())
            }

            async fn voice_version_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                entry: &str,
                version: i64,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                let row: $crate::cases::VoiceRow = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice_columns!(),
                    " FROM voice_entries WHERE entry_id = $1 AND version = $2"
                ))
                .bind(entry)
                .bind(version)
                .fetch_one(&mut *conn)
                .await?;
                row.try_into()
            }

            #[allow(clippy::too_many_arguments)]
            async fn insert_voice_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                entry: &str,
                version: i64,
                case_id: &str,
                fields: &domain::voice::VoiceFields,
                by: domain::UserId,
                at: domain::Timestamp,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                sqlx::query(concat!(
                    "INSERT INTO voice_entries (",
                    $crate::cases::voice_columns!(),
                    ", org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
                     (SELECT org_id FROM users WHERE id = $9))"
                ))
                .bind(entry)
                .bind(version)
                .bind(case_id)
                .bind(fields.kind.as_str())
                .bind(&fields.text)
                .bind(fields.language.code())
                .bind($crate::cases::iso(fields))
                .bind(fields.read_back)
                .bind(by.to_string())
                .bind(at.millis())
                .execute(&mut *conn)
                .await?;
                Self::index_in(&mut *conn, case_id, entry, &fields.text, domain::consent::SectionClass::Voice, by)
                    .await?;
                Self::voice_version_in(&mut *conn, entry, version).await
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
                sqlx::query(
                    "INSERT INTO cases (id, code, custodian_org_id, stage, opened_at, version, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, 1, $6)",
                )
                .bind(&id)
                .bind(case.code.as_str())
                .bind(case.custodian.to_string())
                .bind(stage.as_str())
                .bind(case.opened_at.millis())
                .bind(updated_at.millis())
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

            /// The rows of a case's record, shared by the single writes below and by the
            /// import of a handover package, which writes them all in one transaction.
            async fn insert_decision_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                decision: &domain::decision::Decision,
            ) -> Result<(), $crate::StoreError> {
                let f = &decision.fields;
                sqlx::query(
                    "INSERT INTO decisions (id, case_id, topic, what, decided_by, options, her_choice, \
                     participation, her_view, absent_reason, recorded_by, recorded_at, org_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
                     (SELECT org_id FROM users WHERE id = $11))",
                )
                .bind(decision.id.to_string())
                .bind(decision.case_id.to_string())
                .bind(f.topic.as_str())
                .bind(&f.what)
                .bind(&f.decided_by)
                .bind(f.options.join("\n"))
                .bind(&f.her_choice)
                .bind(f.participation.as_str())
                .bind(&f.her_view)
                .bind(&f.absent_reason)
                .bind(decision.recorded_by.to_string())
                .bind(decision.recorded_at.millis())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            async fn insert_consent_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                consent: &domain::consent::Consent,
            ) -> Result<(), $crate::StoreError> {
                let f = &consent.fields;
                sqlx::query(concat!(
                    "INSERT INTO consents (",
                    $crate::cases::consent_columns!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                ))
                .bind(consent.id.to_string())
                .bind(consent.case_id.to_string())
                .bind(f.purpose.as_str())
                .bind(f.section.map(|s| s.as_str()))
                .bind(f.organisation.map(|o| o.to_string()))
                .bind(&f.explained_how)
                .bind(f.explained_in.code())
                .bind(&f.explained_by)
                .bind(f.expires_on.map(domain::voice::format_date_iso))
                .bind(consent.recorded_by.to_string())
                .bind(consent.recorded_at.millis())
                .bind(consent.revoked_at.map(|t| t.millis()))
                .bind(consent.revoked_reason.as_deref())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            async fn insert_document_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                info: &domain::document::DocumentInfo,
                content: &[u8],
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(concat!(
                    "INSERT INTO documents (",
                    $crate::cases::document_columns!(),
                    ", content, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
                     (SELECT org_id FROM users WHERE id = $7))"
                ))
                .bind(info.id.to_string())
                .bind(info.case_id.to_string())
                .bind(info.class.as_str())
                .bind(&info.name)
                .bind(&info.media_type)
                .bind(info.size)
                .bind(info.uploaded_by.to_string())
                .bind(info.uploaded_at.millis())
                .bind(content)
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            async fn insert_handover_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                h: &domain::handover::Handover,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(concat!(
                    "INSERT INTO handovers (",
                    $crate::cases::handover_columns!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
                ))
                .bind(h.id.to_string())
                .bind(h.case_id.to_string())
                .bind(h.from_org.to_string())
                .bind(h.to_org.to_string())
                .bind(h.state.as_str())
                .bind(&h.reason)
                .bind($crate::cases::join(&h.sections, |s| s.as_str()))
                .bind(h.score)
                .bind($crate::cases::join(&h.gaps, |g| g.as_str()))
                .bind(&h.gaps_reason)
                .bind(&h.decline_reason)
                .bind(h.created_by.to_string())
                .bind(h.created_at.millis())
                .bind(h.sent_at.map(|t| t.millis()))
                .bind(h.acknowledged_at.map(|t| t.millis()))
                .bind(h.decided_at.map(|t| t.millis()))
                .bind(h.version)
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "handover"))?;
                Ok(())
            }

            async fn insert_review_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case: domain::CaseId,
                review: &domain::plan::PlanReview,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO plan_reviews (id, case_id, plan_version, agreement, her_words, notes, reviewed_by, \
                     reviewed_at, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT org_id FROM users WHERE id = $7))",
                )
                .bind(review.id.to_string())
                .bind(case.to_string())
                .bind(review.plan_version)
                .bind(review.agreement.as_str())
                .bind(&review.her_words)
                .bind(&review.notes)
                .bind(review.reviewed_by.to_string())
                .bind(review.reviewed_at.millis())
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
                        "INSERT INTO case_assignments (case_id, user_id, assigned_at) VALUES ($1, $2, $3)",
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
                    "INSERT INTO case_assignments (case_id, user_id, assigned_at) VALUES ($1, $2, $3) \
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

            async fn case(&self, id: domain::CaseId) -> Result<Option<domain::Case>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::case_in(&mut conn, id).await
            }

            async fn case_by_code(
                &self,
                code: &domain::CaseCode,
            ) -> Result<Option<domain::Case>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                let id: Option<String> = sqlx::query_scalar("SELECT id FROM cases WHERE code = $1")
                    .bind(code.as_str())
                    .fetch_optional(&mut *conn)
                    .await?;
                match id {
                    Some(id) => Self::case_in(&mut conn, id.parse()?).await,
                    None => Ok(None),
                }
            }

            async fn find_cases(
                &self,
                filter: &$crate::CaseFilter,
            ) -> Result<Vec<domain::Case>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                let terms: Vec<&String> = filter.terms.iter().take($crate::cases::MAX_QUERY_TERMS).collect();
                // The rarest term, if it is rare enough to start from: a search for a common
                // word walks the newest cases and probes each (it finds 50 quickly); a search for
                // a rare one starts from the few cases that have it. Counting stops at the limit.
                let mut driver: Option<usize> = None;
                let mut fewest = $crate::cases::RARE_TERM_ROWS + 1;
                for (i, term) in terms.iter().enumerate() {
                    let n: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM case_terms WHERE term >= $1 AND term < $2 LIMIT $3) AS hits",
                    )
                    .bind(term.as_str())
                    .bind($crate::cases::prefix_end(term))
                    .bind($crate::cases::RARE_TERM_ROWS + 1)
                    .fetch_one(&mut *conn)
                    .await?;
                    if n < fewest {
                        fewest = n;
                        driver = Some(i);
                    }
                }
                let driven = driver.filter(|_| fewest <= $crate::cases::RARE_TERM_ROWS);
                // Assembled from fixed fragments; every value is a bound parameter.
                let mut sql = String::from(concat!(
                    "SELECT ",
                    $crate::cases::case_columns!(),
                    " FROM cases c WHERE "
                ));
                let mut binds = vec![filter.custodian.to_string()];
                if driven.is_some() {
                    // `|| ''` keeps the planner off the organisation index: the rare term leads.
                    sql.push_str("c.custodian_org_id || '' = $1");
                } else {
                    sql.push_str("c.custodian_org_id = $1");
                }
                if let Some(stage) = filter.stage {
                    binds.push(stage.as_str().to_string());
                    sql.push_str(&format!(" AND c.stage = ${}", binds.len()));
                }
                if let Some(user) = filter.assigned_to {
                    binds.push(user.to_string());
                    sql.push_str(&format!(
                        " AND EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND a.user_id = ${})",
                        binds.len()
                    ));
                }
                if let Some(user) = filter.survivor {
                    binds.push(user.to_string());
                    sql.push_str(&format!(" AND c.survivor_user_id = ${}", binds.len()));
                }
                if let Some(before) = filter.review_due_before {
                    binds.push(before.millis().to_string());
                    sql.push_str(&format!(
                        " AND EXISTS (SELECT 1 FROM plan_versions v WHERE v.case_id = c.id AND v.version = 1 \
                         AND COALESCE((SELECT MAX(r.reviewed_at) FROM plan_reviews r WHERE r.case_id = c.id), v.saved_at) \
                         < CAST(${} AS BIGINT))",
                        binds.len()
                    ));
                }
                // A term counts only where the searcher's organisation may read its source: its
                // own records, or a section a handover brought here while her consent to share
                // it with this organisation holds (`domain::sight`, in SQL).
                let readable = if terms.is_empty() {
                    String::new()
                } else {
                    binds.push(filter.now.millis().to_string());
                    let now = binds.len();
                    binds.push(domain::voice::format_date_iso(filter.now.to_datetime().date()));
                    let today = binds.len();
                    format!(
                        " AND (t.org_id = $1 OR (EXISTS (SELECT 1 FROM handovers h WHERE h.case_id = t.case_id \
                         AND h.to_org_id = $1 AND h.state IN ('sent', 'acknowledged', 'accepted') \
                         AND (',' || h.sections || ',') LIKE ('%,' || t.section || ',%')) \
                         AND EXISTS (SELECT 1 FROM consents k WHERE k.case_id = t.case_id AND k.purpose = 'sharing' \
                         AND k.section = t.section AND k.organisation_id = $1 \
                         AND (k.revoked_at IS NULL OR k.revoked_at > CAST(${now} AS BIGINT)) \
                         AND (k.expires_on IS NULL OR k.expires_on >= ${today}))))"
                    )
                };
                for (i, term) in terms.iter().enumerate() {
                    binds.push(term.to_string());
                    binds.push($crate::cases::prefix_end(term));
                    let (from, to) = (binds.len() - 1, binds.len());
                    if driven == Some(i) {
                        sql.push_str(&format!(
                            " AND c.id IN (SELECT t.case_id FROM case_terms t WHERE t.term >= ${from} AND t.term < ${to}{readable})"
                        ));
                    } else {
                        sql.push_str(&format!(
                            " AND EXISTS (SELECT 1 FROM case_terms t WHERE t.case_id = c.id AND t.term >= ${from} AND t.term < ${to}{readable})"
                        ));
                    }
                }
                // With a rare term leading, `+` keeps the planner from walking the whole
                // organisation in date order instead.
                let order = if driven.is_some() { "+c.opened_at DESC, c.id DESC" } else { "c.opened_at DESC, c.id DESC" };
                sql.push_str(&format!(
                    " ORDER BY {order} LIMIT {} OFFSET {}",
                    filter.limit.min(500),
                    filter.offset
                ));
                let mut query = sqlx::query_as::<_, $crate::cases::CaseRow>(sqlx::AssertSqlSafe(sql));
                for value in binds {
                    query = query.bind(value);
                }
                let rows = query.fetch_all(&mut *conn).await?;
                let mut cases = Vec::with_capacity(rows.len());
                for row in rows {
                    cases.push(Self::complete_in(&mut conn, row).await?);
                }
                Ok(cases)
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

            async fn count_cases(&self, custodian: domain::OrgId) -> Result<u64, $crate::StoreError> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE custodian_org_id = $1")
                    .bind(custodian.to_string())
                    .fetch_one(&self.pool)
                    .await?;
                Ok(u64::try_from(n).unwrap_or(0))
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
            ) -> Result<Vec<domain::case::StageChange>, $crate::StoreError> {
                let rows: Vec<$crate::cases::StageRow> = sqlx::query_as(
                    "SELECT from_stage, to_stage, reason, changed_by, changed_at FROM stage_changes \
                     WHERE case_id = $1 ORDER BY seq",
                )
                .bind(id.to_string())
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

            async fn record_voice(
                &self,
                voice: &$crate::NewVoice,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let entry = Self::insert_voice_in(
                    &mut tx,
                    &voice.id.to_string(),
                    1,
                    &voice.case_id.to_string(),
                    &voice.fields,
                    voice.recorded_by,
                    voice.recorded_at,
                )
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(entry)
            }

            async fn correct_voice(
                &self,
                entry: domain::VoiceId,
                expected_version: i64,
                fields: &domain::voice::VoiceFields,
                by: domain::UserId,
                at: domain::Timestamp,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let entry_id = entry.to_string();
                let current: Option<(i64, String)> = sqlx::query_as(
                    "SELECT version, case_id FROM voice_entries WHERE entry_id = $1 \
                     ORDER BY version DESC LIMIT 1",
                )
                .bind(&entry_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((current, case_id)) = current else {
                    return Err($crate::StoreError::NotFound);
                };
                if current != expected_version {
                    return Err($crate::StoreError::Conflict { expected: expected_version, current });
                }
                let corrected =
                    Self::insert_voice_in(&mut tx, &entry_id, current + 1, &case_id, fields, by, at).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(corrected)
            }

            async fn voice_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::VoiceEntry>, $crate::StoreError> {
                let rows: Vec<$crate::cases::VoiceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice_columns!(),
                    " FROM voice_entries v WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " AND version = \
                     (SELECT MAX(version) FROM voice_entries w WHERE w.entry_id = v.entry_id) \
                     ORDER BY (SELECT MIN(recorded_at) FROM voice_entries f WHERE f.entry_id = v.entry_id) DESC, entry_id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn log_decision(
                &self,
                decision: &domain::decision::Decision,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_decision_in(&mut tx, decision).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn record_consent(
                &self,
                consent: &domain::consent::Consent,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_consent_in(&mut tx, consent).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn add_translation(
                &self,
                t: &domain::note::NoteTranslation,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO note_translations (id, note_id, case_id, language, text, translator, added_by, added_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(t.id.to_string())
                .bind(t.note_id.to_string())
                .bind(t.case_id.to_string())
                .bind(t.language.code())
                .bind(&t.text)
                .bind(&t.translator)
                .bind(t.added_by.to_string())
                .bind(t.added_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn translations_of(
                &self,
                case: domain::CaseId,
            ) -> Result<Vec<domain::note::NoteTranslation>, $crate::StoreError> {
                let rows: Vec<$crate::cases::TranslationRow> = sqlx::query_as(
                    "SELECT id, note_id, case_id, language, text, translator, added_by, added_at \
                     FROM note_translations WHERE case_id = $1 ORDER BY added_at, id",
                )
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn add_note(
                &self,
                note: &domain::note::Note,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO notes (id, case_id, kind, text, language, response, response_text, written_by, \
                     written_at, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT org_id FROM users WHERE id = $8))",
                )
                .bind(note.id.to_string())
                .bind(note.case_id.to_string())
                .bind(note.kind.as_str())
                .bind(&note.text)
                .bind(note.language.code())
                .bind(note.response.as_ref().map(|r| r.0.as_str()))
                .bind(note.response.as_ref().map(|r| r.1.clone()))
                .bind(note.written_by.to_string())
                .bind(note.written_at.millis())
                .execute(&mut *tx)
                .await?;
                if note.kind != domain::note::NoteKind::Psychosocial {
                    Self::index_in(
                        &mut tx,
                        &note.case_id.to_string(),
                        &note.id.to_string(),
                        &note.text,
                        domain::sight::note_section(note.kind),
                        note.written_by,
                    )
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn notes_of(
                &self,
                case: domain::CaseId,
                kinds: &[domain::note::NoteKind],
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::note::Note>, $crate::StoreError> {
                let rows: Vec<$crate::cases::NoteRow> = sqlx::query_as(concat!(
                    "SELECT id, case_id, kind, text, language, response, response_text, written_by, written_at \
                     FROM notes WHERE case_id = $1 AND ",
                    $crate::cases::visible!(
                        "2",
                        "3",
                        "(CASE WHEN kind = 'psychosocial' THEN 'psychosocial' ELSE 'other' END)"
                    ),
                    " ORDER BY written_at DESC, id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                let notes: Vec<domain::note::Note> = $crate::rows::convert(rows)?;
                Ok(notes.into_iter().filter(|n| kinds.contains(&n.kind)).collect())
            }

            async fn add_document(
                &self,
                info: &domain::document::DocumentInfo,
                content: &[u8],
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_document_in(&mut tx, info, content).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn documents_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::document::DocumentInfo>, $crate::StoreError> {
                let rows: Vec<$crate::cases::DocumentRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::document_columns!(),
                    " FROM documents WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "section"),
                    " ORDER BY uploaded_at DESC, id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn open_document(
                &self,
                case: domain::CaseId,
                id: uuid::Uuid,
                sight: &domain::sight::Sight,
                audit: domain::audit::AuditEvent,
            ) -> Result<Option<(domain::document::DocumentInfo, Vec<u8>)>, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let row: Option<$crate::cases::DocumentRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::document_columns!(),
                    " FROM documents WHERE case_id = $1 AND id = $2 AND ",
                    $crate::cases::visible!("3", "4", "section")
                ))
                .bind(case.to_string())
                .bind(id.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else {
                    return Ok(None);
                };
                let content: Vec<u8> = sqlx::query_scalar("SELECT content FROM documents WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_one(&mut *tx)
                    .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(Some((row.try_into()?, content)))
            }

            async fn create_handover(
                &self,
                h: &domain::handover::Handover,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_handover_in(&mut tx, h).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn handover(
                &self,
                id: uuid::Uuid,
            ) -> Result<Option<domain::handover::Handover>, $crate::StoreError> {
                let row: Option<$crate::cases::HandoverRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::handover_columns!(),
                    " FROM handovers WHERE id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn unacknowledged_handovers(
                &self,
                sent_before: domain::Timestamp,
            ) -> Result<Vec<domain::handover::Handover>, $crate::StoreError> {
                let rows: Vec<$crate::cases::HandoverRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::handover_columns!(),
                    " FROM handovers WHERE state = 'sent' AND sent_at < $1 ORDER BY sent_at, id"
                ))
                .bind(sent_before.millis())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn handovers_of(
                &self,
                org: domain::OrgId,
                incoming: bool,
            ) -> Result<Vec<domain::handover::Handover>, $crate::StoreError> {
                let sql = if incoming {
                    concat!("SELECT ", $crate::cases::handover_columns!(), " FROM handovers WHERE to_org_id = $1 AND state <> 'draft' ORDER BY created_at DESC, id DESC")
                } else {
                    concat!("SELECT ", $crate::cases::handover_columns!(), " FROM handovers WHERE from_org_id = $1 ORDER BY created_at DESC, id DESC")
                };
                let rows: Vec<$crate::cases::HandoverRow> =
                    sqlx::query_as(sql).bind(org.to_string()).fetch_all(&self.pool).await?;
                $crate::rows::convert(rows)
            }

            async fn update_handover(
                &self,
                h: &domain::handover::Handover,
                expected_version: i64,
                custody: Option<(domain::OrgId, domain::UserId)>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::handover::Handover, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE handovers SET state = $1, sections = $2, score = $3, gaps = $4, gaps_reason = $5, \
                     decline_reason = $6, sent_at = $7, acknowledged_at = $8, decided_at = $9, version = version + 1 \
                     WHERE id = $10 AND version = $11",
                )
                .bind(h.state.as_str())
                .bind($crate::cases::join(&h.sections, |s| s.as_str()))
                .bind(h.score)
                .bind($crate::cases::join(&h.gaps, |g| g.as_str()))
                .bind(&h.gaps_reason)
                .bind(&h.decline_reason)
                .bind(h.sent_at.map(|t| t.millis()))
                .bind(h.acknowledged_at.map(|t| t.millis()))
                .bind(h.decided_at.map(|t| t.millis()))
                .bind(h.id.to_string())
                .bind(expected_version)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM handovers WHERE id = $1",
                        h.id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                if let Some((org, user)) = custody {
                    let decided = h.decided_at.unwrap_or(audit.at);
                    Self::move_custody_in(&mut tx, h.case_id, org, decided).await?;
                    let at = decided.millis();
                    sqlx::query(
                        "INSERT INTO case_assignments (case_id, user_id, assigned_at) VALUES ($1, $2, $3) \
                         ON CONFLICT (case_id, user_id) DO NOTHING",
                    )
                    .bind(h.case_id.to_string())
                    .bind(user.to_string())
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                let row: $crate::cases::HandoverRow = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::handover_columns!(),
                    " FROM handovers WHERE id = $1"
                ))
                .bind(h.id.to_string())
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                row.try_into()
            }

            async fn followups_of(
                &self,
                case: domain::CaseId,
            ) -> Result<Vec<domain::followup::FollowUp>, $crate::StoreError> {
                let rows: Vec<$crate::cases::FollowUpRow> = sqlx::query_as(
                    "SELECT id, case_id, due_on, outcome, her_words, done_by, done_at FROM followups \
                     WHERE case_id = $1 ORDER BY due_on, id",
                )
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn record_followup(
                &self,
                id: uuid::Uuid,
                result: &domain::followup::FollowUpResult,
                update: Option<&domain::followup::FollowUpUpdate>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE followups SET outcome = $1, her_words = $2, done_by = $3, done_at = $4 \
                     WHERE id = $5 AND done_at IS NULL",
                )
                .bind(result.outcome.as_str())
                .bind(&result.her_words)
                .bind(result.by.to_string())
                .bind(result.at.millis())
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::Conflict { expected: 0, current: 1 });
                }
                if let Some(u) = update {
                    sqlx::query(
                        "INSERT INTO followup_updates (id, handover_id, outcome, her_words, at) VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(u.id.to_string())
                    .bind(u.handover_id.to_string())
                    .bind(u.outcome.as_str())
                    .bind(&u.her_words)
                    .bind(u.at.millis())
                    .execute(&mut *tx)
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn followup_updates(
                &self,
                handover: uuid::Uuid,
            ) -> Result<Vec<domain::followup::FollowUpUpdate>, $crate::StoreError> {
                let rows: Vec<$crate::cases::UpdateRow> = sqlx::query_as(
                    "SELECT id, handover_id, outcome, her_words, at FROM followup_updates WHERE handover_id = $1 ORDER BY at, id",
                )
                .bind(handover.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn overdue_followups(
                &self,
                custodian: domain::OrgId,
                today: time::Date,
            ) -> Result<Vec<(domain::CaseCode, domain::followup::FollowUp)>, $crate::StoreError> {
                // ISO dates compare as text.
                let rows: Vec<$crate::cases::CodedFollowUpRow> = sqlx::query_as(
                    "SELECT c.code, f.id, f.case_id, f.due_on, f.outcome, f.her_words, f.done_by, f.done_at \
                     FROM cases c JOIN followups f ON f.case_id = c.id \
                     WHERE c.custodian_org_id = $1 AND c.stage <> 'closed' AND f.done_at IS NULL AND f.due_on < $2 \
                     ORDER BY f.due_on, c.code, f.id",
                )
                .bind(custodian.to_string())
                .bind(domain::voice::format_date_iso(today))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn route_steps(
                &self,
                route: &str,
            ) -> Result<Vec<domain::repatriation::StepTemplate>, $crate::StoreError> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT step_key, agency, expected_days FROM repatriation_route_steps WHERE route = $1 ORDER BY seq",
                )
                .bind(route)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(key, agency, expected_days)| domain::repatriation::StepTemplate { key, agency, expected_days })
                    .collect())
            }

            async fn start_repatriation(
                &self,
                case: domain::CaseId,
                route: &str,
                started_on: time::Date,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO repatriations (case_id, route, started_on) VALUES ($1, $2, $3)")
                    .bind(case.to_string())
                    .bind(route)
                    .bind(domain::voice::format_date_iso(started_on))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::StoreError::from_write(e, "repatriation"))?;
                sqlx::query(
                    "INSERT INTO repatriation_steps (case_id, seq, step_key, agency, expected_days, her_preference) \
                     SELECT $1, seq, step_key, agency, expected_days, '' FROM repatriation_route_steps WHERE route = $2",
                )
                .bind(case.to_string())
                .bind(route)
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn repatriation(
                &self,
                case: domain::CaseId,
            ) -> Result<Option<(String, time::Date, Vec<domain::repatriation::Step>)>, $crate::StoreError> {
                let head: Option<(String, String)> =
                    sqlx::query_as("SELECT route, started_on FROM repatriations WHERE case_id = $1")
                        .bind(case.to_string())
                        .fetch_optional(&self.pool)
                        .await?;
                let Some((route, started_on)) = head else {
                    return Ok(None);
                };
                let rows: Vec<$crate::cases::StepRow> = sqlx::query_as(
                    "SELECT case_id, seq, step_key, agency, expected_days, done_on, her_preference, updated_by, updated_at \
                     FROM repatriation_steps WHERE case_id = $1 ORDER BY seq",
                )
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                Ok(Some((route, domain::voice::parse_date(&started_on)?, $crate::rows::convert(rows)?)))
            }

            async fn update_step(
                &self,
                step: &domain::repatriation::Step,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE repatriation_steps SET done_on = $1, her_preference = $2, updated_by = $3, updated_at = $4 \
                     WHERE case_id = $5 AND seq = $6",
                )
                .bind(step.done_on.map(domain::voice::format_date_iso))
                .bind(&step.her_preference)
                .bind(step.updated_by.map(|u| u.to_string()))
                .bind(step.updated_at.map(|t| t.millis()))
                .bind(step.case_id.to_string())
                .bind(step.seq)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn overdue_steps(
                &self,
                custodian: domain::OrgId,
                today: time::Date,
            ) -> Result<Vec<$crate::OverdueStep>, $crate::StoreError> {
                // Every step of each repatriation still under way: when a step is due depends on
                // the steps before it, which the domain works out.
                let rows: Vec<$crate::cases::CodedStepRow> = sqlx::query_as(
                    "SELECT c.code, r.started_on, s.case_id, s.seq, s.step_key, s.agency, s.expected_days, s.done_on, \
                     s.her_preference, s.updated_by, s.updated_at \
                     FROM cases c JOIN repatriations r ON r.case_id = c.id JOIN repatriation_steps s ON s.case_id = c.id \
                     WHERE c.custodian_org_id = $1 AND c.stage <> 'closed' \
                     AND EXISTS (SELECT 1 FROM repatriation_steps o WHERE o.case_id = c.id AND o.done_on IS NULL) \
                     ORDER BY c.id, s.seq",
                )
                .bind(custodian.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::cases::overdue_steps(rows, today)
            }

            async fn plan(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Option<domain::plan::Plan>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::plan_in(&mut conn, case, sight).await
            }

            async fn save_plan(
                &self,
                save: &$crate::PlanSave<'_>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::plan::Plan, $crate::StoreError> {
                let case = save.case;
                let mut tx = self.begin_write().await?;
                let json = $crate::cases::plan_json(save.body)?;
                // Based on the newest version its writer can see; numbered after every version
                // of the case, whoever wrote it.
                let current = Self::plan_in(&mut tx, case, save.sight).await?.map_or(0, |p| p.version);
                if current != save.expected_version {
                    return Err($crate::StoreError::Conflict { expected: save.expected_version, current });
                }
                let newest: Option<i64> =
                    sqlx::query_scalar("SELECT MAX(version) FROM plan_versions WHERE case_id = $1")
                        .bind(case.to_string())
                        .fetch_one(&mut *tx)
                        .await?;
                let version = newest.unwrap_or(0) + 1;
                sqlx::query(
                    "INSERT INTO plans (case_id, body, version, updated_by, updated_at, approved_version) \
                     VALUES ($1, $2, $3, $4, $5, NULL) \
                     ON CONFLICT (case_id) DO UPDATE SET body = $2, version = $3, updated_by = $4, updated_at = $5",
                )
                .bind(case.to_string())
                .bind(&json)
                .bind(version)
                .bind(save.by.to_string())
                .bind(save.at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "plan"))?;
                sqlx::query(
                    "INSERT INTO plan_versions (case_id, version, body, saved_by, saved_at, org_id) \
                     VALUES ($1, $2, $3, $4, $5, (SELECT org_id FROM users WHERE id = $4))",
                )
                .bind(case.to_string())
                .bind(version)
                .bind(&json)
                .bind(save.by.to_string())
                .bind(save.at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "plan"))?;
                Self::append_in(&mut tx, &audit).await?;
                let plan = Self::plan_in(&mut tx, case, save.sight).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(plan)
            }

            async fn approve_plan(
                &self,
                case: domain::CaseId,
                version: i64,
                sight: &domain::sight::Sight,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::plan::Plan, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let Some(current) = Self::plan_in(&mut tx, case, sight).await? else {
                    return Err($crate::StoreError::NotFound);
                };
                if current.version != version {
                    return Err($crate::StoreError::Conflict { expected: version, current: current.version });
                }
                sqlx::query("UPDATE plan_versions SET approved_at = $1 WHERE case_id = $2 AND version = $3")
                    .bind(audit.at.millis())
                    .bind(case.to_string())
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE plans SET approved_version = $1 WHERE case_id = $2 AND version = $1")
                    .bind(version)
                    .bind(case.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_in(&mut tx, &audit).await?;
                let plan = Self::plan_in(&mut tx, case, sight).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(plan)
            }

            async fn add_plan_review(
                &self,
                case: domain::CaseId,
                review: &domain::plan::PlanReview,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_review_in(&mut tx, case, review).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn plan_reviews(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::plan::PlanReview>, $crate::StoreError> {
                let rows: Vec<$crate::cases::ReviewRow> = sqlx::query_as(concat!(
                    "SELECT id, plan_version, agreement, her_words, notes, reviewed_by, reviewed_at \
                     FROM plan_reviews WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY reviewed_at, id"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn readings_of(
                &self,
                case: domain::CaseId,
                limit: u32,
            ) -> Result<Vec<domain::audit::AuditRecord>, $crate::StoreError> {
                let rows: Vec<$crate::rows::AuditRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::audit_columns!(),
                    " FROM audit_log WHERE subject = $1 AND action IN ('case-viewed', 'identity-opened', 'document-opened') \
                     ORDER BY seq DESC LIMIT $2"
                ))
                .bind(format!("case:{case}"))
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn consents_of(
                &self,
                case: domain::CaseId,
            ) -> Result<Vec<domain::consent::Consent>, $crate::StoreError> {
                let rows: Vec<$crate::cases::ConsentRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::consent_columns!(),
                    " FROM consents WHERE case_id = $1 ORDER BY recorded_at, id"
                ))
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn revoke_consent(
                &self,
                id: uuid::Uuid,
                by: domain::UserId,
                at: domain::Timestamp,
                reason: &str,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE consents SET revoked_at = $1, revoked_by = $2, revoked_reason = $3 \
                     WHERE id = $4 AND revoked_at IS NULL",
                )
                .bind(at.millis())
                .bind(by.to_string())
                .bind(reason)
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn decisions_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::decision::Decision>, $crate::StoreError> {
                let rows: Vec<$crate::cases::DecisionRow> = sqlx::query_as(concat!(
                    "SELECT id, case_id, topic, what, decided_by, options, her_choice, participation, \
                     her_view, absent_reason, recorded_by, recorded_at FROM decisions \
                     WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY recorded_at, id"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn voice_history(
                &self,
                entry: domain::VoiceId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::VoiceEntry>, $crate::StoreError> {
                let rows: Vec<$crate::cases::VoiceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice_columns!(),
                    " FROM voice_entries WHERE entry_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY version"
                ))
                .bind(entry.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}
pub(crate) use impl_case_store;
