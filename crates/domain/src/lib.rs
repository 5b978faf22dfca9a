//! Saathi's domain: the types and rules every other crate relies on.
//!
//! The domain decides, the store remembers, the web and CLI translate. Nothing here does I/O or
//! reads the clock itself, so every rule can be tested with plain values.

pub mod audit;
pub mod clock;
pub mod error;
pub mod ids;
pub mod language;
pub mod organisation;
pub mod password;
pub mod policy;
pub mod role;
pub mod user;

pub use clock::{Clock, FixedClock, SystemClock, Timestamp};
pub use error::DomainError;
pub use ids::{OrgId, TokenId, UserId};
pub use language::Language;
pub use organisation::{CountryCode, OrgKind, OrgName, Organisation};
pub use role::{Role, Roles};
pub use user::{User, Username};
