//! What the store keeps of an imported register: each case with its reference in the register
//! (once per organisation), written a batch at a time.

use std::collections::HashMap;

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::note::Note;
use domain::{CaseCode, OrgId};

use crate::StoreError;
use crate::cases::{NewCase, NewVoice};

/// One line of a register, ready to write: the case (its identity section, its assignment),
/// the register's own reference for it, her words, notes, and the audit entries that record
/// them, in the order they are appended.
#[derive(Debug, Clone)]
pub struct ImportedCase {
    pub case: NewCase,
    /// The register's reference (its serial number), unique in the organisation.
    pub reference: Option<String>,
    pub voice: Vec<NewVoice>,
    pub notes: Vec<Note>,
    pub audit: Vec<AuditEvent>,
}

/// Importing a register, a batch at a time.
#[async_trait]
pub trait ImportStore: Send + Sync {
    /// Writes every case of `batch` in one transaction: the case at *identified*, its identity,
    /// assignments and reference, her words and notes (with their search terms, a
    /// psychosocial note's excepted), and its audit entries, chained in order. All or nothing:
    /// `Duplicate("case code")` or `Duplicate("case reference")` when one is taken, and then
    /// nothing of the batch is written.
    async fn import_cases(&self, batch: &[ImportedCase]) -> Result<(), StoreError>;
    /// The references the organisation's imported cases carry, each with its case's code.
    async fn case_references(&self, org: OrgId) -> Result<HashMap<String, CaseCode>, StoreError>;
}

/// Placeholders in one multi-row statement: far under both engines' limits (SQLite 32,766,
/// PostgreSQL 65,535), and enough rows a statement that a batch of 500 cases takes a few dozen
/// statements, not thousands.
pub(crate) const PARAMETERS_PER_INSERT: usize = 500;

/// How many rows of `row` (a row's template, `?` for each placeholder) go to one statement.
pub(crate) fn rows_per_insert(row: &str) -> usize {
    (PARAMETERS_PER_INSERT / row.matches('?').count().max(1)).max(1)
}

/// `head` followed by `rows` copies of the `row` template, each `?` in it a placeholder:
/// numbered across the statement (`$1, $2 …`) when `numbered`, as PostgreSQL needs them, or
/// left as `?` for SQLite. (SQLite keeps `$N` as *named* parameters, and sqlx binds each by
/// asking SQLite its name, a walk of the statement's list of names: for a statement of many
/// rows, that walk, not the insert, was the import's dearest step.)
pub(crate) fn values_sql(head: &str, row: &str, rows: usize, numbered: bool) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (row.len() * 2 + 2));
    sql.push_str(head);
    let mut n = 0;
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        if numbered {
            for c in row.chars() {
                if c == '?' {
                    n += 1;
                    sql.push('$');
                    sql.push_str(&n.to_string());
                } else {
                    sql.push(c);
                }
            }
        } else {
            sql.push_str(row);
        }
    }
    sql
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_numbered_row_by_row_for_postgresql() {
        assert_eq!(
            super::values_sql("INSERT INTO t (a, v, b) VALUES ", "(?, 1, ?)", 2, true),
            "INSERT INTO t (a, v, b) VALUES ($1, 1, $2), ($3, 1, $4)"
        );
    }

    #[test]
    fn values_stay_anonymous_for_sqlite() {
        assert_eq!(
            super::values_sql("INSERT INTO t (a, b) VALUES ", "(?, ?)", 3, false),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)"
        );
    }

    #[test]
    fn a_statement_holds_as_many_rows_as_its_placeholders_allow() {
        assert_eq!(super::rows_per_insert("(?, ?, ?, ?, ?)"), 100);
        assert_eq!(super::rows_per_insert("(?, 1, ?)"), 250);
        assert_eq!(super::rows_per_insert("(1)"), 500);
    }
}
