//! The server's integration tests: one binary, one module per area. Each test starts the
//! server on port 0 over a temporary SQLite store holding the demo corpus.

mod api;
mod browser;
mod pages;
mod support;
