//! `vigil source`: a publisher's reliability grade (Admiralty A-F), set with a reason and kept
//! with its history.

use std::process::ExitCode;

use anyhow::bail;
use serde::Serialize;
use vigil_domain::Reliability;
use vigil_store::{GradeChange, GradeNote, GradeTarget, Store};

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Set a source's reliability: A completely reliable ... E unreliable, F cannot be judged.
    Grade {
        /// The source, as documents name it ("Caspian Monitor").
        name: String,
        /// A to F.
        grade: String,
        /// Why (recorded with the change).
        #[arg(long)]
        why: String,
    },
    /// Show a source's grade and how it got there.
    Show {
        /// The source.
        name: String,
    },
}

#[derive(Serialize)]
struct Shown {
    name: String,
    reliability: Reliability,
    meaning: &'static str,
    history: Vec<GradeChange>,
}

/// What a reliability grade means (STANAG 2511).
pub(crate) fn meaning(grade: Reliability) -> &'static str {
    match grade {
        Reliability::A => "completely reliable",
        Reliability::B => "usually reliable",
        Reliability::C => "fairly reliable",
        Reliability::D => "not usually reliable",
        Reliability::E => "unreliable",
        Reliability::F => "reliability cannot be judged",
    }
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(global)?;
    match command {
        Command::Grade { name, grade, why } => {
            let reliability: Reliability =
                serde_json::from_value(serde_json::Value::String(grade.to_ascii_uppercase()))
                    .map_err(|_| {
                        anyhow::anyhow!("{grade:?} is not a reliability grade (A to F)")
                    })?;
            if why.trim().is_empty() {
                bail!("say why with --why");
            }
            let note = GradeNote { author: super::analyst(), at: chrono::Utc::now(), why };
            store.grade_source(&name, reliability, &note)?;
            if !global.quiet {
                crate::outln!("{name}: {} ({})", reliability.as_str(), meaning(reliability));
            }
        }
        Command::Show { name } => {
            let reliability =
                store.source(&name)?.map(|source| source.reliability).unwrap_or_default();
            let shown = Shown {
                history: store.grade_history(GradeTarget::Source, &name)?,
                meaning: meaning(reliability),
                reliability,
                name,
            };
            if global.json {
                crate::output::print_json(&shown)?;
            } else {
                crate::outln!("{}: {} ({})", shown.name, shown.reliability.as_str(), shown.meaning);
                print_history(&shown.history);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A grade's history, oldest first, one line per change.
pub(crate) fn print_history(history: &[GradeChange]) {
    for change in history {
        crate::outln!(
            "  {} {} -> {} by {}: {}",
            change.note.at.format("%Y-%m-%d %H:%M"),
            change.old.as_deref().unwrap_or("(default)"),
            change.new,
            change.note.author,
            change.note.why
        );
    }
}
