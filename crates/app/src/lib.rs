//! Saathi's services: what pages, the API and the command line share. Each service checks the
//! policy itself (through [`Acting`]), validates what it is given, and writes the change with its
//! audit entry in one transaction. Nothing here knows about HTTP: `web` maps [`Error`] to a
//! status, the CLI to one line.

pub mod accounts;
mod acting;
pub mod casework;
pub mod checkpoints;
pub mod demo;
mod error;
pub mod forms;
pub mod glossary;
pub mod handovers;
pub mod indicators;
pub mod package;
pub mod password;
pub mod policy;
pub mod reports;
pub mod token;
mod tr;
pub mod training;
pub mod twofactor;

use std::sync::Arc;

use domain::Clock;
use domain::policy::{Action, Resource};
use i18n::I18n;
use store::Store;

pub use acting::Acting;
pub use error::{Error, FieldError};
pub use tr::Tr;

/// What every service reaches: the store, the clock and the words. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Arc<dyn Store>,
    pub i18n: Arc<I18n>,
    pub clock: Arc<dyn Clock>,
}

impl App {
    pub fn new(store: Arc<dyn Store>, i18n: Arc<I18n>, clock: Arc<dyn Clock>) -> Self {
        Self { store, i18n, clock }
    }

    /// Whether `acting` may do `action` to `resource`: for pages that decide which links and
    /// forms to show. It asks the same policy function every service asks before it acts, so a
    /// control is shown exactly when using it would be allowed. The operator at the command
    /// line acts for the server and may.
    pub fn can(&self, acting: &Acting, action: Action, resource: &Resource) -> bool {
        match &acting.actor {
            None => true,
            Some(actor) => policy::allows(actor, action, resource),
        }
    }
}
