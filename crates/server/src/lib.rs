//! Vigil's HTTP side: a JSON API under `/api/` (described by `openapi.json`, served at
//! `/api/openapi.json`) and a server-rendered workbench, both over one [`Store`].
//!
//! - [`state`]: the shared state: a small pool of store connections and a snapshot of the
//!   fused incidents, rebuilt when the server changes something or when it is older than
//!   [`Config::refresh`];
//! - [`error`]: the one table of error codes with their HTTP statuses;
//! - [`auth`]: API tokens (made here, stored as SHA-256 digests) and the analyst check;
//! - `security`: headers every response carries (content security policy) and size limits;
//! - `api`: one module per resource; `ui`: one module per page, with SVG charts and the map.
//!
//! The server is the only Vigil crate that speaks HTTP inbound. Tests bind port 0 through
//! [`serve_with_listener`]:
//!
//! ```no_run
//! # async fn run(opener: vigil_server::state::StoreOpener) -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let state = vigil_server::state::AppState::new(opener, vigil_server::Config::default());
//! vigil_server::serve_with_listener(listener, state, std::future::pending()).await
//! # }
//! ```

use std::future::Future;
use std::time::Duration;

use axum::Router;
use vigil_store::Store;

pub mod auth;
pub mod error;
pub mod state;

mod api;
mod security;
mod ui;

pub use api::API_ROUTES;
pub use ui::render_overview;

/// Decodes the map's country outlines now rather than on the first overview request.
pub fn warm() {
    let _ = ui::map::world();
}

/// The OpenAPI 3.1 document of the JSON API, as kept in the repository.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// How long the snapshot of fused incidents is reused before the store is read again
    /// (changes made through the server refresh it at once).
    pub refresh: Duration,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Store connections kept open for requests.
    pub pool_size: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config { refresh: Duration::from_secs(30), body_limit: 64 * 1024, pool_size: 4 }
    }
}

/// The whole application: API, pages, static files, security headers.
pub fn router(state: state::AppState) -> Router {
    let body_limit = state.config.body_limit;
    Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .fallback(error::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// Serves on `listener` until `shutdown` completes.
pub async fn serve_with_listener(
    listener: tokio::net::TcpListener,
    state: state::AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await
}

/// Opens a store for a request; kept here so `Store` needs no `Send` bound elsewhere.
pub type BoxedStore = Box<dyn Store + Send>;
