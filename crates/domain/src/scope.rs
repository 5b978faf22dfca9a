//! Which cases a store read may return at all, before the policy looks at what may be done
//! with one (CONVENTIONS: every read of case data takes the caller's organisation scope).
//!
//! The policy decides; the scope is the defence behind it. A query that forgot its check
//! still cannot hand one organisation a case it never had anything to do with.

use crate::policy::Actor;
use crate::{OrgId, Role, UserId};

/// The cases a reader's queries reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    /// Every case: the operator at the server's command line, package import on the server's
    /// own behalf, and the network admin, whose role spans the network (the policy still keeps
    /// case content from her).
    Network,
    /// The cases `org` holds, held, or was offered or sent through a handover in any state
    /// (either side sees a handover and the case it names), and the survivor's own case.
    Organisation { org: OrgId, user: UserId },
}

impl CaseScope {
    /// The scope of a signed-in person.
    pub fn of(actor: &Actor) -> Self {
        if actor.roles.contains(Role::NetworkAdmin) {
            Self::Network
        } else {
            Self::Organisation {
                org: actor.org_id,
                user: actor.user_id,
            }
        }
    }
}
