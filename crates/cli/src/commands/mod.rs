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
pub(crate) mod feeds;
pub(crate) mod fuse;
pub(crate) mod fused;
pub(crate) mod gazetteer;
pub(crate) mod import;
pub(crate) mod incident;
pub(crate) mod incidents;
pub(crate) mod ingest;
pub(crate) mod init;
pub(crate) mod listing;
pub(crate) mod migrate;
pub(crate) mod muc4;
pub(crate) mod queue;
pub(crate) mod search;
pub(crate) mod serve;
pub(crate) mod show;
pub(crate) mod source;
pub(crate) mod timeline;
pub(crate) mod token;
pub(crate) mod watch;
pub(crate) mod worker;

use std::path::{Path, PathBuf};

use anyhow::Context;
use vigil_store::Store;
use vigil_store_postgres::PostgresStore;
use vigil_store_sqlite::SqliteStore;

use crate::Global;

/// Which kind of store `--db` names.
pub(crate) enum Backend<'a> {
    /// A SQLite file.
    Sqlite(&'a Path),
    /// A PostgreSQL database (`postgres://` or `postgresql://`).
    Postgres(&'a str),
}

/// What `--db` names: a PostgreSQL URL, or else a SQLite file.
pub(crate) fn backend(global: &Global) -> Backend<'_> {
    match global.db.to_str() {
        Some(url) if vigil_store_postgres::is_postgres_url(url) => Backend::Postgres(url),
        _ => Backend::Sqlite(&global.db),
    }
}

/// The store as messages name it: the file's path, or the URL without its password.
pub(crate) fn store_label(global: &Global) -> String {
    match backend(global) {
        Backend::Sqlite(path) => path.display().to_string(),
        Backend::Postgres(url) => redact_password(url),
    }
}

/// `postgres://user:password@host/db` as `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user_part, host_part)) => match user_part.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host_part}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// The stem of the files kept beside the store (`.kb.toml`, `.gazetteer.gz`): the SQLite file's
/// path, or for PostgreSQL the database's name in the working directory, since a URL is no
/// place for files.
pub(crate) fn side_file_stem(global: &Global) -> PathBuf {
    match backend(global) {
        Backend::Sqlite(path) => path.to_path_buf(),
        Backend::Postgres(url) => {
            let after_host = url.split_once("://").map_or(url, |(_, rest)| rest);
            let path = after_host.split_once('/').map_or("", |(_, path)| path);
            let name = path.split(['?', '#']).next().unwrap_or_default();
            let name: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
                .collect();
            PathBuf::from(if name.is_empty() { "vigil".to_string() } else { name })
        }
    }
}

/// Opens (creating if needed, and bringing its schema up to date) the store named by `--db`.
pub(crate) fn open_store(global: &Global) -> anyhow::Result<Box<dyn Store>> {
    match backend(global) {
        Backend::Sqlite(path) => {
            let store = SqliteStore::open(path)
                .with_context(|| format!("cannot open store {}", path.display()))?;
            Ok(Box::new(store))
        }
        Backend::Postgres(url) => {
            let store = PostgresStore::open(url)
                .with_context(|| format!("cannot open store {}", redact_password(url)))?;
            Ok(Box::new(store))
        }
    }
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
