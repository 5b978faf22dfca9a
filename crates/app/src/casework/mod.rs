//! Cases, shared by the pages and the API: who may, what is valid, and the audit entry that goes
//! with each change. Every read of a case's content is audited. One module per part of her
//! record.

mod access;
mod consents;
mod decisions;
mod documents;
mod identity;
mod intake;
mod journey;
mod life_view;
mod notes;
mod overview;
mod own;
mod plan;
mod readers;
mod stay;
mod voice;

pub use access::*;
pub use consents::*;
pub use decisions::*;
pub use documents::{add_document, documents, open_document};
pub use identity::*;
pub use intake::IntakeInput;
pub use journey::*;
pub use life_view::{LifeViewInput, area_field, life_views, record_life_view};
pub use notes::*;
pub use overview::{Overview, overview};
pub use own::{link_survivor, load_own, own_review, record_own_words};
pub use plan::*;
pub use readers::*;
pub use stay::{StayInput, record_stay, stay_terms};
pub use voice::*;
