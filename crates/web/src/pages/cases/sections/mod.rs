//! The case page, one section at a time. Each function here loads what its section shows, asks
//! the policy itself whether the reader may see it (through `casework::allowed`, the same path
//! the services take), and queries nothing when she may not; so the case page only assembles
//! them, and a page of one section could call its function alone.

use std::collections::HashMap;

use domain::policy::{Action, Actor};
use domain::sight::Sight;
use domain::{Case, UserId};

use crate::pages::Tr;
use crate::{AppError, AppState, Ctx};
use app::casework::allowed;

pub mod assessments;
pub mod consents;
pub mod decisions;
pub mod documents;
pub mod gates;
pub mod handovers;
pub mod intake;
pub mod journey;
pub mod notes;
pub mod readers;
pub mod stage;
pub mod survivor;
pub mod voice;

/// Who reads which case, in which language, and what her organisation holds of it: what every
/// section starts from. The sight is made once per page, since making it reads her consents
/// and handovers.
pub struct Viewing<'a> {
    pub state: &'a AppState,
    pub ctx: &'a Ctx,
    pub actor: &'a Actor,
    pub case: &'a Case,
    pub t: Tr<'a>,
    pub seen: &'a Sight,
}

impl Viewing<'_> {
    /// Whether the reader may do `action` on this case: the policy's answer, for deciding what
    /// a section loads and which controls it shows.
    pub fn may(&self, action: Action) -> bool {
        allowed(self.actor, action, self.case)
    }

    /// The cases this reader's store reads reach.
    pub fn scope(&self) -> domain::scope::CaseScope {
        domain::scope::CaseScope::of(self.actor)
    }

    /// The reader acting now: what a service is given.
    pub fn acting(&self) -> app::Acting {
        self.ctx.acting(self.actor, self.state.clock.now())
    }

    /// A date as the page writes it: the long way, in the reader's words and digits.
    pub fn day(&self, date: time::Date) -> String {
        i18n::format_day(self.ctx.lang, date)
    }
}

/// The names of the people who wrote what a section shows, each looked up once.
pub(super) async fn names(
    state: &AppState,
    ids: impl Iterator<Item = UserId>,
) -> Result<HashMap<UserId, String>, AppError> {
    let mut wanted: Vec<UserId> = ids.collect();
    wanted.sort_unstable();
    wanted.dedup();
    // One statement for them all (issue 16), not one per person.
    let found = state.store.users_among(&wanted).await?;
    Ok(wanted
        .into_iter()
        .map(|id| {
            let name = found
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.name().to_string())
                .unwrap_or_default();
            (id, name)
        })
        .collect())
}
