//! The training gates: which workshop a role needs before an action, as stored.

use domain::Role;
use domain::training::gate::{Gate, GatedAction};

use crate::stored::Stored;

/// A training gate: (role, action, workshop).
pub(crate) type GateRow = (Stored<Role>, Stored<GatedAction>, String);

pub(crate) fn gate_from_row((role, action, workshop): GateRow) -> Gate {
    Gate {
        role: role.0,
        action: action.0,
        workshop,
    }
}
