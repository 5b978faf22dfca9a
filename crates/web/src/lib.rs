//! Saathi's web face: server-rendered pages that work without JavaScript, and the JSON API
//! under `/api/v1`.
//!
//! Every request passes through [`context`], which finds who is asking (session cookie for
//! pages, bearer token for the API), in which language, checks the CSRF token of every form,
//! and renders every error — as an HTML page in her language, or as `application/problem+json`.
//! Handlers ask the one policy function in `domain` before they touch anything.

// The OpenAPI document is one large `json!` literal.
#![recursion_limit = "512"]

pub mod accounts;
mod api;
pub mod casework;
mod context;
mod cookies;
pub mod demo;
pub mod error;
pub mod evaluation;
pub mod exchange;
pub mod export;
pub mod forms;
pub mod gates;
pub mod glossary;
pub mod handovers;
mod headers;
pub mod openapi;
pub mod package;
mod pages;
pub mod password;
pub mod routes;
mod state;
pub mod survivor_training;
mod throttle;
pub mod token;
pub mod training;
mod training_demo;
pub mod twofactor;

use std::net::SocketAddr;

use axum::Router;
use tower_http::compression::CompressionLayer;

pub use context::Ctx;
pub use error::{AppError, FieldError};
pub use state::{AppState, WebConfig};

/// The whole application: every route in [`routes::table`], behind the context, security
/// header and compression layers.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new();
    for route in routes::table() {
        router = router.route(route.path, route.handler);
    }
    router
        .fallback(context::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            context::middleware,
        ))
        .layer(axum::middleware::from_fn(headers::security_headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Serves on a bound listener until Ctrl-C or SIGTERM. The caller binds, so that a taken port
/// is reported before anything claims to be listening.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
