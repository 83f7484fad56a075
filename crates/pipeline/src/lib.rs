//! The ingest pipeline: inputs in, stored documents (deduplicated and read) out.
//!
//! ```text
//! inputs ─ expand ─▶ units ─ read ─▶ documents ─ dedup ─▶ records ─ extract ─▶ Store::put_records
//!                      │                 │                                   (one transaction
//!                      └── failures ◀────┘                                    per batch)
//!                                                                                  │
//!                  fused incidents ◀─ link into the block's mentions ◀─ fuse ◀──────┘
//!                                       (one transaction per mention)
//! ```
//!
//! Reading streams: a folder is walked lazily and documents are stored in batches of
//! [`IngestConfig::batch_size`], so memory stays flat however large the input. A failure of one
//! input (a file, a feed item, a dump row) is recorded in the [`IngestReport`] and the batch goes
//! on; only a failure of the store itself stops the run. Re-running the same inputs stores nothing
//! new: ids are content hashes and the store ignores ids it has.

mod batch;
mod fuse;
mod locks;
mod mentions;

use serde::Serialize;
use vigil_extract::Extractor;
use vigil_ingest::{IngestError, Input, ReadOptions};
use vigil_store::{Store, StoreError};

pub use batch::Batcher;
pub use fuse::{
    Constraints, FuseReport, apply_edit, fuse_pending, place, rebuild, record, record_edit,
    recorded_edits,
};
pub use mentions::mentions_of;

/// How to run an ingest.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// How inputs are read.
    pub read: ReadOptions,
    /// Documents per store transaction.
    pub batch_size: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig { read: ReadOptions::default(), batch_size: 500 }
    }
}

/// One input that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The file, URL, `-`, or item of a feed or dump (`feed.xml#item=3`).
    pub origin: String,
    /// What was wrong with it.
    pub reason: String,
}

impl From<&IngestError> for Failure {
    fn from(error: &IngestError) -> Self {
        Failure { origin: error.origin.clone(), reason: error.problem.to_string() }
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Inputs (files, URLs, stdin) read.
    pub inputs: u64,
    /// New original documents stored.
    pub new: u64,
    /// Documents whose exact text was stored already.
    pub duplicate: u64,
    /// Documents stored as near-copies of an earlier one: kept and linked to it, not counted as
    /// new reports.
    pub near_duplicate: u64,
    /// Stored documents left unread by the extractor because they are not in English.
    pub not_english: u64,
    /// Incidents found by the extractor in new documents.
    pub incidents: u64,
    /// Claims found by the extractor in new documents.
    pub claims: u64,
    /// What fusing the new documents' incidents did.
    pub fusion: FuseReport,
    /// Inputs that could not be read.
    pub failed: Vec<Failure>,
    /// Non-fatal problems ("invalid utf-8 replaced"), each prefixed with its origin.
    pub warnings: Vec<String>,
}

impl IngestReport {
    /// Whether every input was read.
    pub fn all_ok(&self) -> bool {
        self.failed.is_empty()
    }
}

/// What the pipeline tells a progress display as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressEvent<'a> {
    /// An input is about to be read.
    Reading(&'a str),
    /// A batch was stored; the running totals so far.
    Stored {
        /// Documents handled so far (stored or recognised as duplicates).
        documents: u64,
        /// Failures so far.
        failures: u64,
    },
}

/// Errors that stop an ingest: the store failed. Bad inputs never stop it.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store failed; the batch in flight was rolled back.
    #[error("store failed: {0}")]
    Store(#[from] StoreError),
    /// Fusion met a mention or edit it cannot place.
    #[error("fusion failed: {0}")]
    Fusion(String),
}

/// Reads every input, deduplicates, extracts and stores, batch by batch.
pub fn ingest(
    store: &mut dyn Store,
    inputs: &[Input],
    config: &IngestConfig,
    extractor: &dyn Extractor,
    progress: &mut dyn FnMut(ProgressEvent<'_>),
) -> Result<IngestReport, PipelineError> {
    let mut report = IngestReport::default();
    let mut batcher = Batcher::new(config.batch_size);
    for unit in vigil_ingest::expand(inputs) {
        let unit = match unit {
            Ok(unit) => unit,
            Err(error) => {
                report.failed.push(Failure::from(&error));
                continue;
            }
        };
        progress(ProgressEvent::Reading(&unit.origin));
        report.inputs += 1;
        let output = vigil_ingest::read(&unit, &config.read);
        report.failed.extend(output.failures.iter().map(Failure::from));
        for document in output.documents {
            report.warnings.extend(
                document.warnings.iter().map(|warning| format!("{}: {warning}", document.origin)),
            );
            if batcher.push(document) {
                batcher.flush(store, extractor, &mut report)?;
                progress(ProgressEvent::Stored {
                    documents: report.new + report.near_duplicate + report.duplicate,
                    failures: report.failed.len() as u64,
                });
            }
        }
    }
    batcher.flush(store, extractor, &mut report)?;
    progress(ProgressEvent::Stored {
        documents: report.new + report.near_duplicate + report.duplicate,
        failures: report.failed.len() as u64,
    });
    Ok(report)
}
