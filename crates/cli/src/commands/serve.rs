//! `vigil serve`: the JSON API and the web workbench over the store, on loopback by default.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use vigil_store_postgres::{PostgresStore, is_postgres_url};
use vigil_store_sqlite::SqliteStore;

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Address to listen on. Other machines can reach it only when this is not a loopback
    /// address; reading needs no token, changes need an analyst's.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Seconds a snapshot of fused incidents is reused before the store is read again.
    #[arg(long, default_value_t = 30)]
    refresh: u64,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    // Create and migrate the store before listening, so a bad path fails at once.
    drop(super::open_store(global)?);
    // Each worker thread opens its own connection, on whichever backend `--db` names.
    let db = global.db.to_string_lossy().into_owned();
    let opener: vigil_server::state::StoreOpener = if is_postgres_url(&db) {
        Arc::new(move || {
            PostgresStore::open(&db).map(|store| Box::new(store) as vigil_server::BoxedStore)
        })
    } else {
        let path = global.db.clone();
        Arc::new(move || {
            SqliteStore::open(&path).map(|store| Box::new(store) as vigil_server::BoxedStore)
        })
    };
    let config = vigil_server::Config {
        refresh: std::time::Duration::from_secs(args.refresh),
        ..vigil_server::Config::default()
    };
    let state = vigil_server::state::AppState::new(opener, config);
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| format!("cannot listen on {}", args.bind))?;
        let bound = listener.local_addr().context("cannot read the bound address")?;
        if !global.quiet {
            eprintln!("vigil: serving {} on http://{bound}/ (Ctrl-C stops)", global.db.display());
            if !bound.ip().is_loopback() {
                eprintln!("vigil: listening beyond loopback: anyone who can reach it can read");
            }
        }
        tokio::task::spawn_blocking(vigil_server::warm);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        vigil_server::serve_with_listener(listener, state, shutdown)
            .await
            .context("the server failed")
    })?;
    Ok(ExitCode::SUCCESS)
}
