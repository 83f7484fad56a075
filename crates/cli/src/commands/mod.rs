//! One module per subcommand, each with its clap `Args` and a `run`.

pub(crate) mod docs;
pub(crate) mod ingest;
pub(crate) mod init;
pub(crate) mod search;
pub(crate) mod show;

use anyhow::Context;
use vigil_store_sqlite::SqliteStore;

use crate::Global;

/// Opens (creating if needed) the store named by `--db`.
pub(crate) fn open_store(global: &Global) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(&global.db)
        .with_context(|| format!("cannot open store {}", global.db.display()))
}
