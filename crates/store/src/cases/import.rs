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

/// Rows of the search index written by one statement (five values each: 500 parameters, far
/// under both engines' limits); audit entries go half as many at a time (eleven values each).
pub(crate) const ROWS_PER_INSERT: usize = 100;

/// `head` followed by `rows` groups of `columns` numbered placeholders:
/// `($1, $2), ($3, $4)`.
pub(crate) fn values_sql(head: &str, columns: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * columns * 5);
    sql.push_str(head);
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(row * columns + column + 1).to_string());
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_numbered_row_by_row() {
        assert_eq!(
            super::values_sql("INSERT INTO t (a, b) VALUES ", 2, 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }
}
