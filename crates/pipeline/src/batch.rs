//! Batching: documents gathered, deduplicated, read and stored one transaction at a time.

use std::collections::{HashMap, HashSet};

use vigil_dedup::Fingerprinter;
use vigil_domain::{Document, DocumentId, DuplicateLink};
use vigil_extract::Extractor;
use vigil_store::{ExtractorInfo, Fingerprint, PutOutcome, Record, Store};

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
    /// documents, so the outcome does not depend on where batch boundaries fall.
    pub fn flush(
        &mut self,
        store: &mut dyn Store,
        extractor: &dyn Extractor,
        report: &mut IngestReport,
    ) -> Result<(), PipelineError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let extractor_info = ExtractorInfo {
            name: extractor.name().to_string(),
            version: extractor.version().to_string(),
        };
        let mut records = Vec::with_capacity(self.pending.len());
        // Originals of this batch, by band key, for near-duplicates inside one batch.
        let mut batch_bands: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut batch_signatures: Vec<(DocumentId, Vec<u32>)> = Vec::new();
        let mut seen_in_batch: HashSet<DocumentId> = HashSet::new();
        for mut document in self.pending.drain(..) {
            let known = seen_in_batch.contains(&document.id) || store.contains(&document.id)?;
            seen_in_batch.insert(document.id.clone());
            if known {
                // Stored only to record the new origin; nothing is recomputed.
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
            let mut candidates = store.near_duplicate_candidates(&bands, CANDIDATE_LIMIT)?;
            let mut local: Vec<usize> =
                bands.iter().filter_map(|key| batch_bands.get(key)).flatten().copied().collect();
            local.sort_unstable();
            local.dedup();
            candidates.extend(local.into_iter().map(|index| batch_signatures[index].clone()));
            let best = vigil_dedup::best_match(
                &signature,
                candidates.iter().map(|(id, candidate)| (id, candidate.as_slice())),
            );
            if let Some((original, similarity)) = best {
                document.duplicate_of =
                    Some(DuplicateLink { original: original.clone(), similarity });
            } else if !bands.is_empty() {
                let index = batch_signatures.len();
                batch_signatures.push((document.id.clone(), signature.clone()));
                for key in &bands {
                    batch_bands.entry(*key).or_default().push(index);
                }
            }
            let extraction = document
                .is_extractable()
                .then(|| (extractor.extract(&document), extractor_info.clone()));
            records.push(Record {
                document,
                fingerprint: Fingerprint { minhash: signature, bands },
                extraction,
            });
        }
        let outcomes = store.put_records(&records)?;
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
        let fused = crate::fuse_pending(store)?;
        report.fusion.documents += fused.documents;
        report.fusion.mentions += fused.mentions;
        report.fusion.joined += fused.joined;
        report.fusion.incidents_joined += fused.incidents_joined;
        Ok(())
    }
}
