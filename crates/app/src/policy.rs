//! The one way into `domain::policy`. Services call [`require`] before they act; pages that
//! decide which controls to show call [`allows`] (through `App::can`). Both ask the same
//! function, so a link is shown exactly when following it would be allowed, and every refusal
//! is made here, where a training gate's refusal keeps the workshop she needs.

use domain::User;
use domain::policy::{Action, Actor, Decision, Resource, authorize, authorize_administer};

use crate::Error;

/// Allowed, or the refusal as an [`Error`] (a training gate names its workshop).
pub fn require(actor: &Actor, action: Action, resource: &Resource) -> Result<(), Error> {
    match authorize(actor, action, resource) {
        Decision::Allow => Ok(()),
        Decision::Deny(reason) => Err(Error::refused(actor, action, reason)),
    }
}

/// Whether `actor` may: for showing a link, a form or a section.
pub fn allows(actor: &Actor, action: Action, resource: &Resource) -> bool {
    authorize(actor, action, resource) == Decision::Allow
}

/// May `actor` change, deactivate or reset `user`? Only if she could have given her every role
/// she holds (`policy::authorize_administer`).
pub fn require_administer(actor: &Actor, user: &User) -> Result<(), Error> {
    match authorize_administer(actor, user.id, user.org_id, &user.roles) {
        Decision::Allow => Ok(()),
        Decision::Deny(reason) => Err(Error::refused(actor, Action::UpdateUser, reason)),
    }
}
