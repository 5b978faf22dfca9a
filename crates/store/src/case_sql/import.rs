//! The SQL of importing a register: a batch of new cases, each with everything it carries, in
//! one transaction, table by table with many rows to a statement, the audit head read and
//! written once for the whole batch.

macro_rules! impl_import_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Inserts `rows` with `head` (`INSERT INTO t (…) VALUES `) and the `row` template
            /// (`?` for each placeholder), as many rows to a statement as
            /// `PARAMETERS_PER_INSERT` allows; `bind` binds one row's values in order.
            async fn insert_rows_in<T: Sync>(
                conn: &mut <$db as sqlx::Database>::Connection,
                head: &'static str,
                row: &'static str,
                rows: &[T],
                bind: impl Fn(
                        sqlx::query::Query<'static, $db, <$db as sqlx::Database>::Arguments>,
                        &T,
                    ) -> sqlx::query::Query<'static, $db, <$db as sqlx::Database>::Arguments>
                    + Send
                    + Sync,
            ) -> Result<(), sqlx::Error> {
                let numbered = <$db as sqlx::Database>::NAME != "SQLite";
                for chunk in rows.chunks($crate::cases::import::rows_per_insert(row)) {
                    let sql = $crate::cases::import::values_sql(head, row, chunk.len(), numbered);
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                    for one in chunk {
                        query = bind(query, one);
                    }
                    query.execute(&mut *conn).await?;
                }
                Ok(())
            }

            /// Writes every case of `batch` with what it carries, table by table, many rows to
            /// a statement: a batch of 500 cases is a few dozen statements.
            async fn import_batch_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                batch: &[$crate::ImportedCase],
            ) -> Result<(), $crate::StoreError> {
                let cases: Vec<(String, String, $crate::cases::IntakeBinds, &$crate::NewCase)> = batch
                    .iter()
                    .map(|c| {
                        (
                            c.case.id.to_string(),
                            c.case.custodian.to_string(),
                            $crate::cases::IntakeBinds::of(&c.case.intake),
                            &c.case,
                        )
                    })
                    .collect();
                let identified = domain::Stage::Identified.as_str();
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO cases (id, code, custodian_org_id, stage, opened_at, version, updated_at, \
                     identified_on, identified_district, identified_state, identified_country, age_years, \
                     born_on, gender, languages, citizenship, exploitation) VALUES ",
                    "(?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &cases,
                    |query, (id, org, intake, case)| {
                        query
                            .bind(id.clone())
                            .bind(case.code.as_str().to_string())
                            .bind(org.clone())
                            .bind(identified)
                            .bind(case.opened_at.millis())
                            .bind(case.opened_at.millis())
                            .bind(intake.identified_on.clone())
                            .bind(intake.district.clone())
                            .bind(intake.state.clone())
                            .bind(intake.country.clone())
                            .bind(intake.age)
                            .bind(intake.born_on.clone())
                            .bind(intake.gender)
                            .bind(intake.languages.clone())
                            .bind(intake.citizenship.clone())
                            .bind(intake.exploitation.clone())
                    },
                )
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "case code"))?;
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO case_identities (case_id, name, family, address, org_id) VALUES ",
                    "(?, ?, ?, ?, ?)",
                    &cases,
                    |query, (id, org, _, case)| {
                        query
                            .bind(id.clone())
                            .bind(case.identity.name.clone())
                            .bind(case.identity.family.clone())
                            .bind(case.identity.address.clone())
                            .bind(org.clone())
                    },
                )
                .await?;
                let assignments: Vec<(&String, String, i64)> = cases
                    .iter()
                    .flat_map(|(id, _, _, case)| {
                        case.assigned
                            .iter()
                            .map(move |user| (id, user.to_string(), case.opened_at.millis()))
                    })
                    .collect();
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO case_assignments (case_id, user_id, assigned_at, opened_at) VALUES ",
                    "(?, ?, ?, ?)",
                    &assignments,
                    // Assigned as it is opened: both moments are the case's opening.
                    |query, (id, user, at)| query.bind((*id).clone()).bind(user.clone()).bind(*at).bind(*at),
                )
                .await?;
                let references: Vec<(&String, &String, &String)> = cases
                    .iter()
                    .zip(batch)
                    .filter_map(|((id, org, _, _), c)| c.reference.as_ref().map(|r| (org, r, id)))
                    .collect();
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO case_references (org_id, reference, case_id) VALUES ",
                    "(?, ?, ?)",
                    &references,
                    |query, (org, reference, id)| {
                        query
                            .bind((*org).clone())
                            .bind((*reference).clone())
                            .bind((*id).clone())
                    },
                )
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "case reference"))?;
                // Her words and notes, and the search terms of both.
                let mut terms: Vec<(&String, String, String, &'static str, &String)> = Vec::new();
                let mut voice = Vec::new();
                let mut notes = Vec::new();
                for ((id, org, _, _), c) in cases.iter().zip(batch) {
                    for v in &c.voice {
                        let entry = v.id.to_string();
                        for term in domain::text::terms(&v.fields.text) {
                            terms.push((
                                id,
                                entry.clone(),
                                term,
                                domain::consent::SectionClass::Voice.as_str(),
                                org,
                            ));
                        }
                        voice.push((entry, id, org, v));
                    }
                    for note in &c.notes {
                        let note_id = note.id.to_string();
                        if note.kind != domain::note::NoteKind::Psychosocial {
                            for term in domain::text::terms(&note.text) {
                                terms.push((
                                    id,
                                    note_id.clone(),
                                    term,
                                    domain::sight::note_section(note.kind).as_str(),
                                    org,
                                ));
                            }
                        }
                        notes.push((note_id, id, org, note));
                    }
                }
                Self::insert_rows_in(
                    &mut *conn,
                    concat!(
                        "INSERT INTO voice_entries (",
                        $crate::cases::voice::voice_columns!(),
                        ", org_id) VALUES "
                    ),
                    "(?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &voice,
                    |query, (entry, id, org, v)| {
                        query
                            .bind(entry.clone())
                            .bind((*id).clone())
                            .bind(v.fields.kind.as_str())
                            .bind(v.fields.text.clone())
                            .bind(v.fields.language.code())
                            .bind($crate::cases::voice::iso(&v.fields))
                            .bind(v.fields.read_back)
                            .bind(v.recorded_by.to_string())
                            .bind(v.recorded_at.millis())
                            .bind((*org).clone())
                    },
                )
                .await?;
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO notes (id, case_id, kind, text, language, response, response_text, \
                     written_by, written_at, org_id) VALUES ",
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &notes,
                    |query, (note_id, id, org, note)| {
                        query
                            .bind(note_id.clone())
                            .bind((*id).clone())
                            .bind(note.kind.as_str())
                            .bind(note.text.clone())
                            .bind(note.language.code())
                            .bind(note.response.as_ref().map(|r| r.0.as_str()))
                            .bind(note.response.as_ref().map(|r| r.1.clone()))
                            .bind(note.written_by.to_string())
                            .bind(note.written_at.millis())
                            .bind((*org).clone())
                    },
                )
                .await?;
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO case_terms (case_id, source_id, term, section, org_id) VALUES ",
                    "(?, ?, ?, ?, ?)",
                    &terms,
                    |query, (id, source, term, section, org)| {
                        query
                            .bind((*id).clone())
                            .bind(source.clone())
                            .bind(term.clone())
                            .bind(*section)
                            .bind((*org).clone())
                    },
                )
                .await?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::ImportStore for $store {
            async fn import_cases(&self, batch: &[$crate::ImportedCase]) -> Result<(), $crate::StoreError> {
                if batch.is_empty() {
                    return Ok(());
                }
                let mut tx = self.begin_write().await?;
                Self::import_batch_in(&mut tx, batch).await?;
                let audit: Vec<&domain::audit::AuditEvent> =
                    batch.iter().flat_map(|c| c.audit.iter()).collect();
                Self::append_batch_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn case_references(
                &self,
                org: domain::OrgId,
            ) -> Result<std::collections::HashMap<String, domain::CaseCode>, $crate::StoreError> {
                let rows: Vec<(String, $crate::stored::Stored<domain::CaseCode>)> = sqlx::query_as(
                    "SELECT r.reference, c.code FROM case_references r JOIN cases c ON c.id = r.case_id \
                     WHERE r.org_id = $1",
                )
                .bind(org.to_string())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(r, code)| (r, code.0)).collect())
            }
        }
    };
}
pub(crate) use impl_import_store;
