//! Who acts, from where, and when: what every service method is given, what the policy is asked
//! about, and what the audit entry records.

use domain::audit::{AuditAction, AuditEvent};
use domain::policy::{Action, Actor, Resource};
use domain::{OrgId, Timestamp, User};

use crate::Error;

/// Who makes a change, from where, and when: what the audit entry records.
#[derive(Debug, Clone)]
pub struct Acting {
    pub actor: Option<Actor>,
    pub source: String,
    pub at: Timestamp,
}

impl Acting {
    /// A command run on the server itself by its operator.
    pub fn cli(at: Timestamp) -> Self {
        Self {
            actor: None,
            source: "cli".into(),
            at,
        }
    }

    pub fn event(&self, action: AuditAction, subject: String, scope: Option<OrgId>) -> AuditEvent {
        let mut event = AuditEvent::new(self.at, action, subject).from_source(self.source.clone());
        if let Some(actor) = &self.actor {
            event = event.by(actor.user_id, actor.org_id);
        }
        if let Some(org) = scope {
            event = event.scoped_to(org);
        }
        event
    }

    /// The policy, when a person is acting (the operator at the CLI is trusted).
    pub fn check(&self, action: Action, resource: Resource) -> Result<(), Error> {
        match &self.actor {
            None => Ok(()),
            Some(actor) => crate::policy::require(actor, action, &resource),
        }
    }
}

impl Acting {
    /// The cases the store may return to whoever acts: the operator at the CLI reaches every
    /// case, a person those of her organisation (and her own, for a survivor).
    pub fn case_scope(&self) -> domain::scope::CaseScope {
        match &self.actor {
            None => domain::scope::CaseScope::Network,
            Some(actor) => domain::scope::CaseScope::of(actor),
        }
    }

    /// `may_administer`, when a person is acting (the operator at the CLI is trusted).
    pub fn administer(&self, user: &User) -> Result<(), Error> {
        match &self.actor {
            None => Ok(()),
            Some(actor) => crate::policy::require_administer(actor, user),
        }
    }
}

impl Acting {
    /// A signed-in person acting through a page or the API.
    pub fn person(actor: Actor, source: impl Into<String>, at: Timestamp) -> Self {
        Self {
            actor: Some(actor),
            source: source.into(),
            at,
        }
    }

    /// Who acts, from where and when, for a service that only a signed-in person may use (her
    /// case's records have an author).
    pub fn signed_in(&self) -> Result<(&Actor, &str, Timestamp), Error> {
        let actor = self.actor.as_ref().ok_or(Error::SignInRequired)?;
        Ok((actor, &self.source, self.at))
    }
}
