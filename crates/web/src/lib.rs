//! Saathi's web face: server-rendered pages that work without JavaScript, and the JSON API
//! under `/api/v1`.
//!
//! Every request passes through [`context`], which finds who is asking (session cookie for
//! pages, bearer token for the API), in which language, checks the CSRF token of every form,
//! and renders every error — as an HTML page in her language, or as `application/problem+json`.
//! Handlers are adapters: they read the request into the types of `app`'s services, call them
//! (which ask the policy through `app::policy`, the one way in), and write the answer back.

mod api;
mod context;
mod cookies;
pub mod error;
mod headers;
pub mod openapi;
mod pages;
mod path;
pub mod routes;
mod state;
mod throttle;
mod upload;

use std::net::SocketAddr;

use axum::Router;
use tower_http::compression::CompressionLayer;

pub use app::FieldError;
pub use context::Ctx;
pub use error::AppError;
pub use state::{AppState, WebConfig};

/// The whole application: every route in [`routes::table`], behind the context, security
/// header and compression layers.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for route in routes::table() {
        router = router.route(route.path, route.handler);
    }
    let router = router
        .fallback(context::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            context::middleware,
        ))
        .layer(axum::middleware::from_fn(headers::security_headers));
    let router = if state.config.secure_cookies {
        router.layer(axum::middleware::from_fn(
            headers::strict_transport_security,
        ))
    } else {
        router
    };
    router.layer(CompressionLayer::new()).with_state(state)
}

/// Serves on a bound listener until Ctrl-C or SIGTERM. The caller binds, so that a taken port
/// is reported before anything claims to be listening.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    serve_until(state, listener, shutdown_signal()).await
}

/// Serves until `stop` completes, then lets the requests under way finish. Each connection is
/// HTTP/1.1 with a header read timeout (`WebConfig::header_read_timeout`): a client that has
/// not sent its headers in time is dropped, so slow clients cannot use up the server.
pub async fn serve_until(
    state: AppState,
    listener: tokio::net::TcpListener,
    stop: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    let header_read_timeout = state.config.header_read_timeout;
    let router = router(state);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, say: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let service = router.clone().map_request(
            move |mut req: axum::http::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo::<SocketAddr>(remote));
                req
            },
        );
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(header_read_timeout);
        let connection = builder.serve_connection(
            TokioIo::new(stream),
            hyper_util::service::TowerToHyperService::new(service),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
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
