//! `vigil fuse`: fuse what ingest has not (a run cut short), or everything again.

use std::process::ExitCode;

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Forget every fused incident and fuse all reports again, then replay analysts' edits.
    #[arg(long)]
    rebuild: bool,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(global)?;
    let report = if args.rebuild {
        vigil_pipeline::rebuild(&mut store)?
    } else {
        vigil_pipeline::fuse_pending(&mut store)?
    };
    if global.json {
        crate::output::print_json(&report)?;
    } else if !global.quiet {
        crate::outln!(
            "fused {} reports of incidents from {} documents: {} joined an incident already reported",
            report.mentions,
            report.documents,
            report.joined
        );
    }
    Ok(ExitCode::SUCCESS)
}
