//! Saathi's storage.
//!
//! One [`Store`] trait that `web` and `cli` hold as `Arc<dyn Store>`, implemented for SQLite (the
//! default: one file, WAL mode, foreign keys on) and PostgreSQL (for a network hub). Both share
//! their SQL text — ids are UUID text, times are millisecond integers — and both must pass the one
//! conformance suite in `tests/`.

pub mod backup;
mod case_sql;
mod cases;
mod continuity;
mod error;
mod forms;
mod forms_sql;
mod glossary;
mod glossary_sql;
mod indicator_cases;
mod indicators;
mod open;
mod package_sql;
mod packages;
mod postgres;
mod readings;
mod rows;
mod safekeeping;
mod sql;
mod sqlite;
mod store;
mod stored;
mod survivor_training;
mod term_counts;
mod training;
mod twofactor;
mod zones;

pub use cases::{
    CaseFilter, CaseStore, ConsentStore, DecisionStore, DocumentStore, FollowUpStore, Glance,
    HandoverStore, ImportStore, ImportedCase, LifeViewStore, MAX_QUERY_TERMS, NewCase, NewVoice,
    NoteStore, OverdueStep, PlanSave, PlanStore, RepatriationStore, StayStore, VoiceStore,
};
pub use continuity::ContinuityStore;
pub use error::StoreError;
pub use forms::{AnswerFile, FormStore};
pub use glossary::GlossaryStore;
pub use indicator_cases::{IndicatorCaseStore, StayBehind};
pub use indicators::{FieldRows, IndicatorStore};
pub use open::{Engine, open, open_with};
pub use packages::{
    ImportedHandover, OrgKeys, PackageStore, TrustOutcome, TrustedOrg, account_username,
};
pub use safekeeping::{SafekeepingStore, Secrets};
pub use store::{
    AuditVerification, Checks, NewSession, NewUser, Session, Store, TokenHolder, TokenInfo,
    UserChanges, UserCredentials,
};
pub use survivor_training::SurvivorTrainingStore;
pub use training::TrainingStore;
pub use twofactor::{TotpRecord, TwoFactorStore};
pub use zones::TimeZoneStore;
