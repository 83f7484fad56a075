//! `vigil claim`: one stored claim shown whole, and its information credibility (1-6) set with a
//! reason and kept with its history. The source's reliability is shown beside it, never merged
//! with it.

use std::process::ExitCode;

use anyhow::{Context, bail};
use serde::Serialize;
use vigil_domain::{Claim, Reliability};
use vigil_store::{GradeChange, GradeNote, GradeTarget, Store};

use super::listing::serde_value;
use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Set a claim's credibility: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful,
    /// 5 improbable, 6 cannot be judged.
    Grade {
        /// The claim: DOCUMENT/CLAIM (a unique id prefix will do: 3f9a/c2).
        claim: String,
        /// 1 to 6.
        credibility: u8,
        /// Why (recorded with the change).
        #[arg(long)]
        why: String,
    },
    /// Show a claim, its credibility and its source's reliability, with their histories.
    Show {
        /// The claim.
        claim: String,
    },
}

/// What a credibility grade means (STANAG 2511).
pub(crate) fn meaning(credibility: u8) -> &'static str {
    match credibility {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtfully true",
        5 => "improbable",
        _ => "truth cannot be judged",
    }
}

#[derive(Serialize)]
struct Shown {
    key: String,
    #[serde(flatten)]
    claim: Claim,
    text: String,
    credibility: u8,
    credibility_meaning: &'static str,
    credibility_history: Vec<GradeChange>,
    source: Option<String>,
    source_reliability: Reliability,
    source_history: Vec<GradeChange>,
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(global)?;
    match command {
        Command::Grade { claim, credibility, why } => {
            let key = super::claim_key(&store, &claim)?;
            find(&store, &key)?;
            if !(1..=6).contains(&credibility) {
                bail!("credibility is 1 (confirmed) to 6 (cannot be judged), not {credibility}");
            }
            if why.trim().is_empty() {
                bail!("say why with --why");
            }
            let note = GradeNote { author: super::analyst(), at: chrono::Utc::now(), why };
            store.grade_claim(&key, credibility, &note)?;
            if !global.quiet {
                crate::outln!("{key}: {credibility} ({})", meaning(credibility));
            }
        }
        Command::Show { claim } => {
            let key = super::claim_key(&store, &claim)?;
            let (claim, text, source) = find(&store, &key)?;
            let credibility = store.claim_credibility(&key)?.unwrap_or(6);
            let source_reliability = match &source {
                Some(name) => store.source(name)?.map(|s| s.reliability).unwrap_or_default(),
                None => Reliability::F,
            };
            let shown = Shown {
                credibility_history: store.grade_history(GradeTarget::Claim, &key)?,
                source_history: match &source {
                    Some(name) => store.grade_history(GradeTarget::Source, name)?,
                    None => Vec::new(),
                },
                key,
                claim,
                text,
                credibility,
                credibility_meaning: meaning(credibility),
                source,
                source_reliability,
            };
            if global.json {
                crate::output::print_json(&shown)?;
            } else {
                print(&shown);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The claim, the text of its evidence, and its document's source.
pub(crate) fn find(
    store: &dyn Store,
    key: &str,
) -> anyhow::Result<(Claim, String, Option<String>)> {
    let (document, id) = key.split_once('/').context("a claim key is DOCUMENT/CLAIM")?;
    let document = store.resolve_id(document)?;
    let stored = store
        .extraction(&document)?
        .with_context(|| format!("document {document} has not been read"))?;
    let claim = stored
        .extraction
        .claims
        .into_iter()
        .find(|claim| claim.id == id)
        .with_context(|| format!("document {document} has no claim {id}"))?;
    let text = store.document(&document)?.map_or_else(String::new, |doc| {
        claim
            .evidence
            .iter()
            .filter_map(|span| doc.text.get(span.start..span.end))
            .collect::<Vec<_>>()
            .join(" ... ")
    });
    let source = stored.extraction.document.source.clone();
    Ok((claim, text, source))
}

fn print(shown: &Shown) {
    let claim = &shown.claim;
    crate::outln!(
        "{} {} by {} ({}){}",
        shown.key,
        serde_value(&claim.kind),
        claim.claimant.as_deref().unwrap_or("unnamed"),
        serde_value(&claim.modality),
        if claim.accused.is_empty() {
            String::new()
        } else {
            format!(", accusing {}", claim.accused.join(", "))
        }
    );
    crate::outln!("  \"{}\"", shown.text);
    crate::outln!("credibility: {} ({})", shown.credibility, shown.credibility_meaning);
    super::source::print_history(&shown.credibility_history);
    crate::outln!(
        "source: {} reliability {} ({})",
        shown.source.as_deref().unwrap_or("unknown"),
        shown.source_reliability.as_str(),
        super::source::meaning(shown.source_reliability)
    );
    super::source::print_history(&shown.source_history);
}
