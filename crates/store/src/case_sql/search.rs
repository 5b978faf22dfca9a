//! The SQL of case search: the index of her words (each term marked with its section and its
//! writer's organisation), and the query that finds cases by it.

macro_rules! impl_case_search {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Indexes `text` as the search terms of one source (a voice entry, a note), each
            /// marked with its section and the organisation of `by`, its writer. `fresh`: the caller has
            /// just inserted the source in this transaction (a new entry or note, whose key was
            /// unique), so it has no terms to replace; else its old terms are deleted first.
            /// All terms go in one statement (issue 16: one per term before, each a round trip
            /// under the write lock).
            #[allow(clippy::too_many_arguments)]
            async fn index_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case_id: &str,
                source_id: &str,
                text: &str,
                section: domain::consent::SectionClass,
                by: domain::UserId,
                fresh: bool,
            ) -> Result<(), $crate::StoreError> {
                if !fresh {
                    sqlx::query("DELETE FROM case_terms WHERE source_id = $1")
                        .bind(source_id)
                        .execute(&mut *conn)
                        .await?;
                }
                let terms = domain::text::terms(text);
                let (case_id, source_id, by) = (case_id.to_string(), source_id.to_string(), by.to_string());
                Self::insert_rows_in(
                    &mut *conn,
                    "INSERT INTO case_terms (case_id, source_id, term, section, org_id) VALUES ",
                    "(?, ?, ?, ?, (SELECT org_id FROM users WHERE id = ?))",
                    &terms,
                    |query, term| {
                        query
                            .bind(case_id.clone())
                            .bind(source_id.clone())
                            .bind(term.clone())
                            .bind(section.as_str())
                            .bind(by.clone())
                    },
                )
                .await?;
                Ok(())
            }

            /// The cases `filter` finds, newest first (`CaseStore::find_cases`).
            async fn find_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                filter: &$crate::CaseFilter,
                counts: &$crate::term_counts::TermCounts,
            ) -> Result<Vec<domain::Case>, $crate::StoreError> {
                let terms: Vec<&String> = filter.terms.iter().take($crate::cases::MAX_QUERY_TERMS).collect();
                // The rarest term, if it is rare enough to start from: a search for a common
                // word walks the newest cases and probes each (it finds 50 quickly); a search for
                // a rare one starts from the few cases that have it. Counting stops at the limit.
                let mut driver: Option<usize> = None;
                let mut fewest = $crate::cases::RARE_TERM_ROWS + 1;
                // Counted a minute ago or now (`term_counts.rs`): the count chooses the plan
                // only, so a remembered one is as good, and a common word is not counted again
                // on every search.
                let mut counted: Vec<Option<i64>> = terms.iter().map(|t| counts.get(t)).collect();
                let uncounted: Vec<usize> = (0..terms.len()).filter(|i| counted[*i].is_none()).collect();
                if !uncounted.is_empty() {
                    // Every term's count in one statement (issue 16), not one per term.
                    let columns = (0..uncounted.len())
                        .map(|i| {
                            format!(
                                "(SELECT COUNT(*) FROM (SELECT 1 FROM case_terms WHERE term >= ${} \
                                 AND term < ${} LIMIT $1) AS hits{i}) AS n{i}",
                                2 * i + 2,
                                2 * i + 3
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let sql = format!("SELECT {columns}");
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind($crate::cases::RARE_TERM_ROWS + 1);
                    for &i in &uncounted {
                        query = query.bind(terms[i].as_str()).bind($crate::cases::prefix_end(terms[i]));
                    }
                    let row = query.fetch_one(&mut *conn).await?;
                    for (column, &i) in uncounted.iter().enumerate() {
                        let n: i64 = sqlx::Row::try_get(&row, column)?;
                        counts.put(terms[i], n);
                        counted[i] = Some(n);
                    }
                }
                for (i, n) in counted.into_iter().enumerate() {
                    if let Some(n) = n.filter(|n| *n < fewest) {
                        fewest = n;
                        driver = Some(i);
                    }
                }
                let driven = driver.filter(|_| fewest <= $crate::cases::RARE_TERM_ROWS);
                // Without a rare term, a search (or list) limited to one person's cases walks her
                // assignments in the page's order (newest case first, on their index, which
                // carries each case's `opened_at`), checks each case and probes it for the terms,
                // and stops when the page is full: about four of her cases a row for a word in a
                // quarter of them, not all of her cases sorted (issue 16), nor the
                // organisation's newest cases until enough of hers match.
                let by_assignment = driven.is_none() && filter.assigned_to.is_some();
                // Assembled from fixed fragments; every value is a bound parameter.
                let mut binds = vec![filter.custodian.to_string()];
                let mut sql = String::new();
                match filter.assigned_to {
                    Some(user) if by_assignment => {
                        binds.push(user.to_string());
                        // CROSS JOIN: SQLite keeps the written order (her assignments lead);
                        // PostgreSQL plans it as the join it is.
                        sql.push_str(concat!(
                            "SELECT ",
                            $crate::cases::case_columns!(c),
                            " FROM case_assignments a CROSS JOIN cases c \
                             WHERE a.user_id = $2 AND c.id = a.case_id AND c.custodian_org_id = $1"
                        ));
                    }
                    _ => {
                        sql.push_str(concat!(
                            "SELECT ",
                            $crate::cases::case_columns!(),
                            " FROM cases c WHERE "
                        ));
                        if driven.is_some() {
                            // `|| ''` keeps the planner off the organisation index: the rare
                            // term leads.
                            sql.push_str("c.custodian_org_id || '' = $1");
                        } else {
                            sql.push_str("c.custodian_org_id = $1");
                        }
                        if let Some(user) = filter.assigned_to {
                            binds.push(user.to_string());
                            sql.push_str(&format!(
                                " AND EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND a.user_id = ${})",
                                binds.len()
                            ));
                        }
                    }
                }
                if let Some(stage) = filter.stage {
                    binds.push(stage.as_str().to_string());
                    sql.push_str(&format!(" AND c.stage = ${}", binds.len()));
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
                if let Some(prefix) = filter.code_prefix.as_deref().filter(|p| !p.is_empty()) {
                    binds.push(prefix.to_string());
                    binds.push($crate::cases::prefix_end(prefix));
                    sql.push_str(&format!(
                        " AND c.code >= ${} AND c.code < ${}",
                        binds.len() - 1,
                        binds.len()
                    ));
                }
                // Walking her assignments, the range is one of their index (the same moment).
                let opened = if by_assignment { "a.opened_at" } else { "c.opened_at" };
                if let Some(from) = filter.opened_from {
                    binds.push(from.millis().to_string());
                    sql.push_str(&format!(" AND {opened} >= CAST(${} AS BIGINT)", binds.len()));
                }
                if let Some(before) = filter.opened_before {
                    binds.push(before.millis().to_string());
                    sql.push_str(&format!(" AND {opened} < CAST(${} AS BIGINT)", binds.len()));
                }
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
                // Walking her assignments, each probe names the assignment's case, not the
                // case row's id (the same value): SQLite then probes before it reads the case's
                // row, and reads the rows of the cases that have the words only (a quarter of
                // those walked for a common word), not of every case walked.
                let probed = if by_assignment { "a.case_id" } else { "c.id" };
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
                            " AND EXISTS (SELECT 1 FROM case_terms t WHERE t.case_id = {probed} AND t.term >= ${from} AND t.term < ${to}{readable})"
                        ));
                    }
                }
                // Walking her assignments, their index gives the order (`a.case_id` is `c.id`).
                // With a rare term leading, `+` keeps the planner from walking the whole
                // organisation in date order instead.
                let order = if by_assignment {
                    "a.opened_at DESC, a.case_id DESC"
                } else if driven.is_some() {
                    "+c.opened_at DESC, c.id DESC"
                } else {
                    "c.opened_at DESC, c.id DESC"
                };
                sql.push_str(&format!(
                    " ORDER BY {order} LIMIT {} OFFSET {}",
                    filter.limit.min(500),
                    filter.offset
                ));
                // Each case of the page with its assignments and handovers, one statement for
                // the page: the page is cut first, so that both engines work out the parts for
                // its 50 cases only, not for every case that matched before the sort.
                let sql = format!(
                    concat!(
                        "SELECT ",
                        $crate::cases::case_columns!(),
                        ", ",
                        $crate::cases::case_parts_columns!("p"),
                        " FROM ({}) p ORDER BY p.opened_at DESC, p.id DESC"
                    ),
                    sql
                );
                let mut query = sqlx::query_as::<_, $crate::cases::WholeCaseRow>(sqlx::AssertSqlSafe(sql));
                for value in binds {
                    query = query.bind(value);
                }
                let rows = query.fetch_all(&mut *conn).await?;
                rows.into_iter().map($crate::cases::WholeCaseRow::into_case).collect()
            }
        }
    };
}
pub(crate) use impl_case_search;
