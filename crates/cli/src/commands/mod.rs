//! One module per subcommand, each with its clap `Args` and a `run`.

pub(crate) mod actor;
pub(crate) mod actors;
pub(crate) mod claims;
pub(crate) mod docs;
pub(crate) mod eval;
pub(crate) mod extract;
pub(crate) mod fuse;
pub(crate) mod fused;
pub(crate) mod gazetteer;
pub(crate) mod incident;
pub(crate) mod incidents;
pub(crate) mod ingest;
pub(crate) mod init;
pub(crate) mod listing;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod timeline;

use anyhow::Context;
use vigil_store_sqlite::SqliteStore;

use crate::Global;

/// Opens (creating if needed) the store named by `--db`.
pub(crate) fn open_store(global: &Global) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(&global.db)
        .with_context(|| format!("cannot open store {}", global.db.display()))
}

/// The reader: the built-in knowledge base, merged with a user's file when one is given, and
/// the built-in gazetteer, merged with an imported one when `vigil gazetteer import` made one.
pub(crate) fn reader(
    global: &Global,
    kb_file: Option<&std::path::Path>,
) -> anyhow::Result<vigil_reader::Reader> {
    let builtin = vigil_extract::kb::Kb::builtin();
    let kb = match kb_file {
        None => builtin.clone(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read knowledge-base file {}", path.display()))?;
            builtin
                .merged_with(&text)
                .with_context(|| format!("{}: not a knowledge-base file", path.display()))?
        }
    };
    match gazetteer::load_imported(global)? {
        Some(gazetteer) => Ok(vigil_reader::Reader::with_gazetteer(kb, gazetteer)),
        None => Ok(vigil_reader::Reader::new(kb)),
    }
}
