//! One module per subcommand, each with its clap `Args` and a `run`.

pub(crate) mod actor;
pub(crate) mod actors;
pub(crate) mod backtest_muc4;
pub(crate) mod board;
pub(crate) mod board_show;
pub(crate) mod brief;
pub(crate) mod claim;
pub(crate) mod claims;
pub(crate) mod docs;
pub(crate) mod eval;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod fuse;
pub(crate) mod fused;
pub(crate) mod gazetteer;
pub(crate) mod import;
pub(crate) mod incident;
pub(crate) mod incidents;
pub(crate) mod ingest;
pub(crate) mod init;
pub(crate) mod listing;
pub(crate) mod muc4;
pub(crate) mod search;
pub(crate) mod serve;
pub(crate) mod show;
pub(crate) mod source;
pub(crate) mod timeline;
pub(crate) mod token;
pub(crate) mod watch;

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
    let mut kb = builtin.clone();
    // The store's own file (`vigil import stix`), then the one given with --kb.
    let own = import::kb_path(global);
    for path in [own.is_file().then_some(own.as_path()), kb_file].into_iter().flatten() {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read knowledge-base file {}", path.display()))?;
        kb = kb
            .merged_with(&text)
            .with_context(|| format!("{}: not a knowledge-base file", path.display()))?;
    }
    match gazetteer::load_imported(global)? {
        Some(gazetteer) => Ok(vigil_reader::Reader::with_gazetteer(kb, gazetteer)),
        None => Ok(vigil_reader::Reader::new(kb)),
    }
}

/// Who is at the keyboard, for the records of analysts' changes: `$VIGIL_USER`, else `$USER`,
/// else `analyst`.
pub(crate) fn analyst() -> String {
    std::env::var("VIGIL_USER")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "analyst".to_string())
}

/// A stored claim's key, `<document id>/<claim id>`, from a key whose document id may be a
/// unique prefix.
pub(crate) fn claim_key(store: &dyn vigil_store::Store, key: &str) -> anyhow::Result<String> {
    let Some((document, claim)) = key.split_once('/') else {
        anyhow::bail!("{key:?} is not DOCUMENT/CLAIM (e.g. 3f9a/c2)");
    };
    Ok(format!("{}/{claim}", store.resolve_id(document)?))
}
