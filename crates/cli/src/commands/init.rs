//! `vigil init`: create the store.

use std::process::ExitCode;

use vigil_store::Store;

use crate::Global;

pub(crate) fn run(global: &Global) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let stats = store.stats()?;
    if global.json {
        crate::output::print_json(
            &serde_json::json!({"db": super::store_label(global), "stats": stats}),
        )?;
    } else if !global.quiet {
        crate::outln!(
            "store ready at {} ({} documents)",
            super::store_label(global),
            stats.documents
        );
    }
    Ok(ExitCode::SUCCESS)
}
