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
pub mod exports;
pub mod forms;
pub mod glossary;
pub mod handovers;
pub mod imports;
pub mod indicators;
pub mod package;
pub mod password;
pub mod policy;
pub mod reports;
pub mod token;
pub mod tr;
pub mod training;
pub mod twofactor;

use std::sync::{Arc, Mutex, PoisonError};

use domain::Clock;
use domain::policy::{Action, Resource};
use domain::training::Programme;
use i18n::I18n;
use store::Store;

use crate::glossary::Glossary;

pub use acting::Acting;
pub use error::{Error, FieldError};
pub use tr::Tr;

/// What every service reaches: the store, the clock, the words, the training programme and the
/// compiled glossary. Cheap to clone: the clones share one glossary cache.
#[derive(Clone)]
pub struct App {
    pub store: Arc<dyn Store>,
    pub i18n: Arc<I18n>,
    pub clock: Arc<dyn Clock>,
    /// Parsed once at start-up: it is compiled into the binary, so it cannot change while the
    /// server runs, and a template that does not parse is a broken build, not a bad request.
    programme: Arc<Programme>,
    glossary: Arc<Mutex<GlossaryCache>>,
    /// The network's indicator tables, kept until a change (`indicators::cache`).
    indicator_tables: Arc<indicators::cache::TableCache>,
}

/// The glossary compiled on first use, kept until a curator changes it. Compiling 50 terms
/// takes about 5 ms, and every case page, plan and report needs it.
#[derive(Default)]
struct GlossaryCache {
    /// Counts the writes, so a compile that raced a write is not kept: it may hold the terms
    /// from before the write.
    generation: u64,
    compiled: Option<Arc<Glossary>>,
}

impl App {
    /// Fails when the training programme compiled into the binary does not parse: better at
    /// start-up than on every request that needs it.
    pub fn new(
        store: Arc<dyn Store>,
        i18n: Arc<I18n>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, Error> {
        Ok(Self {
            store,
            i18n,
            clock,
            programme: Arc::new(training::template()?),
            glossary: Arc::default(),
            indicator_tables: Arc::default(),
        })
    }

    /// The training programme (Caring Connections), parsed at start-up.
    pub fn programme(&self) -> &Programme {
        &self.programme
    }

    /// The glossary, compiled for scanning. Read from the store and compiled on first use, then
    /// kept until a write through [`glossary::add`], [`glossary::update`] or
    /// [`glossary::remove`] drops it, so a curator's change is seen by the next request. Those
    /// are the only writers of the glossary once the server runs (the starter terms are seeded
    /// when the store opens, before any `App`); a server is the only one on its database.
    pub async fn glossary(&self) -> Result<Arc<Glossary>, Error> {
        let generation = {
            let cache = self.glossary.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(compiled) = &cache.compiled {
                return Ok(compiled.clone());
            }
            cache.generation
        };
        let compiled = Arc::new(Glossary::load(&self.store).await?);
        let mut cache = self.glossary.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.generation == generation {
            cache.compiled = Some(compiled.clone());
        }
        Ok(compiled)
    }

    /// Drops the compiled glossary after a write, so the next reader compiles the new terms.
    pub(crate) fn glossary_changed(&self) {
        let mut cache = self.glossary.lock().unwrap_or_else(PoisonError::into_inner);
        cache.generation += 1;
        cache.compiled = None;
    }

    /// Waits until every indicator computation started so far is done and kept (or dropped as
    /// older): for tests and the benchmark, which want to see the figures a refresh brings
    /// (`indicators::cache`).
    pub async fn indicators_settled(&self) {
        self.indicator_tables.settled().await;
    }

    /// How soon one refresh of the indicator tables may follow another
    /// (`indicators::cache::REFRESH_INTERVAL` unless set): tests and the benchmark set none.
    pub fn set_indicator_refresh_interval(&self, interval: std::time::Duration) {
        self.indicator_tables.set_interval(interval);
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use domain::{FixedClock, Timestamp};
    use testkit::TestStore;

    use super::*;
    use crate::glossary::{Synonyms, TermInput};

    fn app(t: &TestStore) -> App {
        let i18n = i18n::I18n::load().expect("the interface text");
        let clock = Arc::new(FixedClock::at(Timestamp(1_700_000_000_000)));
        App::new(t.store.clone(), Arc::new(i18n), clock).expect("the programme parses")
    }

    fn has(glossary: &Glossary, term: &str) -> bool {
        glossary.terms().iter().any(|t| t.draft.term == term)
    }

    /// The cache is kept between reads, and each write through the glossary service drops it:
    /// the read after `add`, `update` or `remove` sees the change.
    async fn a_glossary_write_is_seen_by_the_next_read(t: &TestStore) {
        let app = app(t);
        let clone = app.clone();
        let acting = Acting::cli(app.clock.now());
        let before = app.glossary().await.expect("the glossary");
        assert!(!has(&before, "Sakhi circle"));
        assert!(
            Arc::ptr_eq(&before, &app.glossary().await.expect("again")),
            "a second read is served from the cache"
        );

        let input = TermInput {
            term: "Sakhi circle".into(),
            headword_bn: "সখী দল".into(),
            headword_hi: "सखी समूह".into(),
            synonyms: Synonyms::Text("Sakhi meeting".into()),
            explanation_bn: "আশ্রয়".into(),
            explanation_hi: "आश्रय".into(),
            explanation_en: "a safe place to stay".into(),
        };
        let added = glossary::add(&app, &acting, &input).await.expect("added");
        let after = clone.glossary().await.expect("the glossary");
        assert!(has(&after, "Sakhi circle"), "every clone shares the cache");
        assert_eq!(after.terms().len(), before.terms().len() + 1);

        let renamed = TermInput {
            term: "Sakhi group".into(),
            ..input
        };
        let changed = glossary::update(&app, &acting, added.id, added.version, &renamed)
            .await
            .expect("changed");
        let after = app.glossary().await.expect("the glossary");
        assert!(has(&after, "Sakhi group") && !has(&after, "Sakhi circle"));

        let review = glossary::ReviewInput {
            language: "bn".into(),
            reviewer: "রুপা দাস".into(),
        };
        let changed = glossary::review(&app, &acting, &changed, changed.version, &review)
            .await
            .expect("reviewed");
        let after = app.glossary().await.expect("the glossary");
        let term = after
            .terms()
            .iter()
            .find(|t| t.id == changed.id)
            .expect("there");
        assert_eq!(
            term.review(domain::Language::Bn)
                .map(|r| r.reviewer.as_str()),
            Some("রুপা দাস"),
            "a review is seen by the next read"
        );

        glossary::remove(&app, &acting, &changed, changed.version)
            .await
            .expect("removed");
        let after = app.glossary().await.expect("the glossary");
        assert!(!has(&after, "Sakhi group"));
        assert_eq!(after.terms().len(), before.terms().len());
    }

    testkit::on_both_engines!(a_glossary_write_is_seen_by_the_next_read);
}
