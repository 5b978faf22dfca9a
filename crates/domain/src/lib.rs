//! Saathi's domain: the types and rules every other crate relies on.
//!
//! The domain decides, the store remembers, the web and CLI translate. Nothing here does I/O or
//! reads the clock itself, so every rule can be tested with plain values.

pub mod anonymity;
pub mod audit;
pub mod case;
pub mod clock;
pub mod consent;
pub mod decision;
pub mod document;
pub mod error;
pub mod followup;
pub mod form;
pub mod glossary;
pub mod handover;
pub mod ids;
pub mod indicators;
pub mod intake;
pub mod language;
pub mod life_view;
pub mod note;
pub mod organisation;
pub mod password;
pub mod plan;
pub mod policy;
pub mod repatriation;
pub mod role;
pub mod scope;
pub mod sight;
pub mod stay;
pub mod text;
pub mod training;
pub mod user;
pub mod voice;
pub mod zone;

pub use case::{Case, CaseCode, Stage};
pub use clock::{Clock, FixedClock, SystemClock, Timestamp};
pub use error::DomainError;
pub use ids::{
    AssessmentId, CaseId, ConsentId, DocumentId, HandoverId, OrgId, TokenId, UserId, VoiceId,
    WorkshopId,
};
pub use language::Language;
pub use organisation::{CountryCode, OrgKind, OrgName, Organisation};
pub use role::{Role, Roles};
pub use user::{User, Username};
pub use voice::{VoiceEntry, VoiceKind};
