//! Handover packages between Saathi servers, for the CLI, the pages and the API: each
//! organisation's keys, trusting another server's organisation, exporting a sent handover (or
//! the receiver's answer) as one sealed file, and importing one — every check before anything is
//! written, and everything written in one transaction. The layout is in `docs/handover-package.md`.

mod export;
mod import;
mod keys;
mod wire;

pub use export::{Exported, export};
pub use import::{Imported, import};
pub use keys::{age_identity, public_keys, trust};

use package::PackageError;

use crate::{Error, FieldError};

fn refused(e: PackageError) -> Error {
    Error::Invalid(vec![FieldError {
        field: "package".into(),
        message_id: e.message_id(),
        english: e.to_string(),
    }])
}

fn invalid(message_id: &'static str, english: &str) -> Error {
    Error::Invalid(vec![FieldError {
        field: "package".into(),
        message_id,
        english: english.to_string(),
    }])
}

fn malformed(what: impl std::fmt::Display) -> Error {
    refused(PackageError::Malformed(what.to_string()))
}
