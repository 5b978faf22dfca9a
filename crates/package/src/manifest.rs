//! The manifest: the first entry of every package, saying what it is, from whom, to whom, and
//! what else it holds (each entry's name, media type, length and SHA-256).

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "saathi-handover-package";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A case handed over: her record as her consent allows for this receiver.
    Handover,
    /// The receiver's answer travelling back: acknowledged, accepted or declined, with dates.
    Receipt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: uuid::Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryInfo {
    pub name: String,
    pub media_type: String,
    pub bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub package_id: uuid::Uuid,
    pub kind: Kind,
    pub handover_id: uuid::Uuid,
    pub case_id: uuid::Uuid,
    pub from: Party,
    pub to: Party,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    pub entries: Vec<EntryInfo>,
}
