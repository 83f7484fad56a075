//! Batching: documents gathered, deduplicated, read and stored one transaction at a time.

use std::collections::{HashMap, HashSet};

use vigil_dedup::Fingerprinter;
use vigil_domain::{Document, DocumentId, DuplicateLink};
use vigil_extract::Extractor;
use vigil_store::{ExtractorInfo, Fingerprint, PutOutcome, Record, Store};

use crate::locks::{StoreLock, holding};
use crate::{IngestReport, PipelineError};

/// Most stored candidates looked at per document; band collisions beyond this are noise.
const CANDIDATE_LIMIT: usize = 64;

/// Gathers documents and stores them a batch at a time.
#[derive(Debug)]
pub struct Batcher {
    pending: Vec<Document>,
    batch_size: usize,
    fingerprinter: Fingerprinter,
}

impl Batcher {
    /// A batcher that flushes every `batch_size` documents (at least 1).
    pub fn new(batch_size: usize) -> Batcher {
        Batcher {
            pending: Vec::new(),
            batch_size: batch_size.max(1),
            fingerprinter: Fingerprinter::new(),
        }
    }

    /// Adds a document; true when the batch is full and should be flushed.
    pub fn push(&mut self, document: Document) -> bool {
        self.pending.push(document);
        self.pending.len() >= self.batch_size
    }

    /// Deduplicates, extracts and stores the pending documents in one transaction.
    ///
    /// Near-duplicates are looked for among stored originals and among this batch's earlier
    /// documents, so the outcome does not depend on where batch boundaries fall. Reading comes
    /// first, with no lock held; the look for near-copies and the storing run under the store's
    /// deduplication lock, so that a writer beside this one cannot store a near-copy between
    /// the two.
    pub fn flush(
        &mut self,
        store: &mut dyn Store,
        extractor: &dyn Extractor,
        report: &mut IngestReport,
    ) -> Result<(), PipelineError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let records = self.read_pending(store, extractor)?;
        let (records, outcomes) = holding(store, StoreLock::Dedup, |store| {
            let records = mark_near_duplicates(store, records)?;
            let outcomes = store.put_records(&records)?;
            Ok((records, outcomes))
        })?;
        count(&records, outcomes, report);
        let fused = crate::fuse_pending(store)?;
        report.fusion.documents += fused.documents;
        report.fusion.mentions += fused.mentions;
        report.fusion.joined += fused.joined;
        report.fusion.incidents_joined += fused.incidents_joined;
        Ok(())
    }

    /// The pending documents as records: fingerprinted and read, except exact copies of a
    /// stored or earlier document, which are stored only to record their new origin.
    fn read_pending(
        &mut self,
        store: &mut dyn Store,
        extractor: &dyn Extractor,
    ) -> Result<Vec<Record>, PipelineError> {
        let extractor_info = ExtractorInfo {
            name: extractor.name().to_string(),
            version: extractor.version().to_string(),
        };
        let mut records = Vec::with_capacity(self.pending.len());
        let mut seen_in_batch: HashSet<DocumentId> = HashSet::new();
        for document in self.pending.drain(..) {
            let known = seen_in_batch.contains(&document.id) || store.contains(&document.id)?;
            seen_in_batch.insert(document.id.clone());
            if known {
                records.push(Record {
                    document,
                    fingerprint: Fingerprint::default(),
                    extraction: None,
                });
                continue;
            }
            let signature = self.fingerprinter.signature(&document.text).unwrap_or_default();
            let bands =
                if signature.is_empty() { Vec::new() } else { vigil_dedup::band_keys(&signature) };
            let extraction = document
                .is_extractable()
                .then(|| (extractor.extract(&document), extractor_info.clone()));
            records.push(Record {
                document,
                fingerprint: Fingerprint { minhash: signature, bands },
                extraction,
            });
        }
        Ok(records)
    }
}

/// Links each record that is a near-copy of a stored original, or of an earlier original of
/// the batch, to that original.
fn mark_near_duplicates(
    store: &mut dyn Store,
    mut records: Vec<Record>,
) -> Result<Vec<Record>, PipelineError> {
    // Originals of this batch, by band key, for near-duplicates inside one batch.
    let mut batch_bands: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut batch_signatures: Vec<(DocumentId, Vec<u32>)> = Vec::new();
    for record in &mut records {
        let (signature, bands) = (&record.fingerprint.minhash, &record.fingerprint.bands);
        // Exact copies and texts too short to fingerprint have no bands: nothing to compare.
        if bands.is_empty() {
            continue;
        }
        let mut candidates = store.near_duplicate_candidates(bands, CANDIDATE_LIMIT)?;
        let mut local: Vec<usize> =
            bands.iter().filter_map(|key| batch_bands.get(key)).flatten().copied().collect();
        local.sort_unstable();
        local.dedup();
        candidates.extend(local.into_iter().map(|index| batch_signatures[index].clone()));
        let best = vigil_dedup::best_match(
            signature,
            candidates.iter().map(|(id, candidate)| (id, candidate.as_slice())),
        );
        if let Some((original, similarity)) = best {
            record.document.duplicate_of =
                Some(DuplicateLink { original: original.clone(), similarity });
        } else {
            let index = batch_signatures.len();
            batch_signatures.push((record.document.id.clone(), signature.clone()));
            for key in bands {
                batch_bands.entry(*key).or_default().push(index);
            }
        }
    }
    Ok(records)
}

/// Adds what storing did to the report.
fn count(records: &[Record], outcomes: Vec<PutOutcome>, report: &mut IngestReport) {
    for (record, outcome) in records.iter().zip(outcomes) {
        match outcome {
            PutOutcome::AlreadyStored => report.duplicate += 1,
            PutOutcome::Inserted if record.document.duplicate_of.is_some() => {
                report.near_duplicate += 1;
            }
            PutOutcome::Inserted => {
                report.new += 1;
                if !record.document.is_extractable() {
                    report.not_english += 1;
                }
                if let Some((extraction, _)) = &record.extraction {
                    report.incidents += extraction.incidents.len() as u64;
                    report.claims += extraction.claims.len() as u64;
                }
            }
        }
    }
}
