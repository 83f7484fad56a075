//! `vigil import stix`: threat actors, intrusion sets and identities from a STIX 2.1 bundle (as
//! OpenCTI or MISP export them) become knowledge-base entries with their aliases, in the
//! store's own knowledge-base file (`<store>.kb.toml`), which the reader merges from then on.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Actors from a STIX 2.1 bundle.
    Stix {
        /// The bundle (JSON).
        file: PathBuf,
    },
}

/// The store's own knowledge-base file.
pub(crate) fn kb_path(global: &Global) -> PathBuf {
    let mut name = super::side_file_stem(global).into_os_string();
    name.push(".kb.toml");
    PathBuf::from(name)
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let Command::Stix { file } = command;
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let bundle: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON", file.display()))?;
    let imported = vigil_export::import::kb_entries(&bundle)
        .map_err(|problem| anyhow::anyhow!("{}: {problem}", file.display()))?;
    let target = kb_path(global);
    let mut toml = existing(&target)?;
    toml.push_str(&vigil_export::import::kb_toml(&imported.entries).map_err(anyhow::Error::msg)?);
    // Check the merged file reads before it replaces the old one.
    vigil_extract::kb::Kb::builtin().merged_with(&toml).with_context(|| {
        format!("{}: the imported entries do not make a knowledge base", file.display())
    })?;
    std::fs::write(&target, &toml).with_context(|| format!("cannot write {}", target.display()))?;
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "entries": imported.entries.len(), "skipped": imported.skipped, "file": target,
        }))?;
    } else if !global.quiet {
        crate::outln!(
            "{} actors imported into {} ({} other objects left out)",
            imported.entries.len(),
            target.display(),
            imported.skipped
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn existing(path: &Path) -> anyhow::Result<String> {
    if !path.is_file() {
        return Ok(String::new());
    }
    let mut text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}
