//! One module per subcommand, each with its clap `Args` and a `run`.

pub(crate) mod actors;
pub(crate) mod claims;
pub(crate) mod docs;
pub(crate) mod eval;
pub(crate) mod extract;
pub(crate) mod incidents;
pub(crate) mod ingest;
pub(crate) mod init;
pub(crate) mod listing;
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

/// The reader, over the built-in knowledge base merged with a user's file when one is given.
pub(crate) fn reader(kb_file: Option<&std::path::Path>) -> anyhow::Result<vigil_reader::Reader> {
    let kb = vigil_extract::kb::Kb::builtin();
    let Some(path) = kb_file else { return Ok(vigil_reader::Reader::new(kb.clone())) };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read knowledge-base file {}", path.display()))?;
    let merged = kb
        .merged_with(&text)
        .with_context(|| format!("{}: not a knowledge-base file", path.display()))?;
    Ok(vigil_reader::Reader::new(merged))
}
