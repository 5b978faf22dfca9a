use std::sync::Arc;

use app::App;
use domain::Clock;
use i18n::I18n;
use store::Store;

use crate::throttle::Throttle;
use app::twofactor::PendingSignIns;

/// Settings of the web server.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure`: on when Saathi is served over TLS (directly or behind a proxy).
    pub secure_cookies: bool,
    /// How long a sign-in lasts.
    pub session_hours: i64,
    /// A handover not acknowledged within this many days is an alert on both sides.
    pub acknowledge_days: i64,
    /// Weeks of notice asked for before a workshop (`--notice-weeks`); less is a drop-out risk.
    pub notice_weeks: i64,
    /// The reverse proxy in front of Saathi (`--trusted-proxy`): only for connections from this
    /// address is the client's address taken from `X-Forwarded-For`.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// A demo server (`serve --demo`): the demo password is expected, not a reason to make
    /// her change it.
    pub demo: bool,
    /// A connection whose request headers are not complete within this time is dropped, so
    /// slow clients cannot hold connections open (10 seconds).
    pub header_read_timeout: std::time::Duration,
    /// Where `serve --checkpoint-dir` writes audit checkpoints; the network admin's home page
    /// shows the newest.
    pub checkpoint_dir: Option<std::path::PathBuf>,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            session_hours: 12,
            acknowledge_days: 7,
            notice_weeks: 6,
            trusted_proxy: None,
            demo: false,
            header_read_timeout: std::time::Duration::from_secs(10),
            checkpoint_dir: None,
        }
    }
}

/// What every handler can reach: the services' [`App`] (store, words, clock), and what only the
/// web needs (its settings, the sign-in throttle, sign-ins waiting for a second factor). Cheap
/// to clone: all behind `Arc`.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
    pub(crate) throttle: Arc<Throttle>,
    /// Sign-ins waiting for their second factor.
    pub(crate) pending: Arc<PendingSignIns>,
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        i18n: Arc<I18n>,
        clock: Arc<dyn Clock>,
        config: WebConfig,
    ) -> Result<Self, app::Error> {
        Ok(Self {
            app: App::new(store, i18n, clock)?,
            config: Arc::new(config),
            throttle: Arc::new(Throttle::default()),
            pending: Arc::new(PendingSignIns::default()),
        })
    }
}

/// A handler reads `state.store`, `state.i18n` and `state.clock` as the services do: they are
/// the `App`'s, and the web state is the `App` with the web's own parts beside it.
impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}
