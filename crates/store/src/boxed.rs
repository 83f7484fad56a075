//! `Box<dyn Store>` is a store too, so a caller that picks its backend at run time (the CLI's
//! `--db`) hands the box wherever a `&dyn Store` or `impl Store` is wanted.

use vigil_domain::{Document, DocumentId, Extraction, Reliability, Source};

use crate::{
    ApiToken, DocumentQuery, DocumentSummary, ExtractorInfo, FusionChange, FusionEditRecord,
    GradeChange, GradeNote, GradeTarget, MentionRecord, PutOutcome, Record, SearchHit, Store,
    StoreResult, StoreStats, StoredBoard, StoredExtraction, TokenRole, UnfusedDocument,
};

// Every method forwards to the boxed store; a method added to the trait must be added here.
impl<S: Store + ?Sized> Store for Box<S> {
    fn put_records(&mut self, records: &[Record]) -> StoreResult<Vec<PutOutcome>> {
        (**self).put_records(records)
    }

    fn contains(&self, id: &DocumentId) -> StoreResult<bool> {
        (**self).contains(id)
    }

    fn document(&self, id: &DocumentId) -> StoreResult<Option<Document>> {
        (**self).document(id)
    }

    fn origins(&self, id: &DocumentId) -> StoreResult<Vec<String>> {
        (**self).origins(id)
    }

    fn resolve_id(&self, prefix: &str) -> StoreResult<DocumentId> {
        (**self).resolve_id(prefix)
    }

    fn documents(&self, query: &DocumentQuery) -> StoreResult<Vec<DocumentSummary>> {
        (**self).documents(query)
    }

    fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        (**self).search(query, limit)
    }

    fn near_duplicate_candidates(
        &self,
        bands: &[u64],
        limit: usize,
    ) -> StoreResult<Vec<(DocumentId, Vec<u32>)>> {
        (**self).near_duplicate_candidates(bands, limit)
    }

    fn extraction(&self, id: &DocumentId) -> StoreResult<Option<StoredExtraction>> {
        (**self).extraction(id)
    }

    fn extractions(&self) -> StoreResult<Vec<(DocumentId, StoredExtraction)>> {
        (**self).extractions()
    }

    fn put_extraction(
        &mut self,
        id: &DocumentId,
        extraction: &Extraction,
        extractor: &ExtractorInfo,
    ) -> StoreResult<()> {
        (**self).put_extraction(id, extraction, extractor)
    }

    fn source(&self, name: &str) -> StoreResult<Option<Source>> {
        (**self).source(name)
    }

    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> StoreResult<()> {
        (**self).set_source_reliability(name, reliability)
    }

    fn stats(&self) -> StoreResult<StoreStats> {
        (**self).stats()
    }

    fn unfused_documents(&self, limit: usize) -> StoreResult<Vec<UnfusedDocument>> {
        (**self).unfused_documents(limit)
    }

    fn mention_candidates(
        &self,
        country: Option<&str>,
        first_day: i64,
        last_day: i64,
    ) -> StoreResult<Vec<MentionRecord>> {
        (**self).mention_candidates(country, first_day, last_day)
    }

    fn mentions_of(&self, fused_ids: &[String]) -> StoreResult<Vec<MentionRecord>> {
        (**self).mentions_of(fused_ids)
    }

    fn mentions_in_chains(&self, chains: &[String]) -> StoreResult<Vec<MentionRecord>> {
        (**self).mentions_in_chains(chains)
    }

    fn mentions(&self) -> StoreResult<Vec<MentionRecord>> {
        (**self).mentions()
    }

    fn apply_fusion(&mut self, change: &FusionChange) -> StoreResult<()> {
        (**self).apply_fusion(change)
    }

    fn reset_fusion(&mut self) -> StoreResult<()> {
        (**self).reset_fusion()
    }

    fn lock_fusion(&mut self) -> StoreResult<()> {
        (**self).lock_fusion()
    }

    fn unlock_fusion(&mut self) -> StoreResult<()> {
        (**self).unlock_fusion()
    }

    fn lock_dedup(&mut self) -> StoreResult<()> {
        (**self).lock_dedup()
    }

    fn unlock_dedup(&mut self) -> StoreResult<()> {
        (**self).unlock_dedup()
    }

    fn put_fusion_edit(&mut self, edit: &FusionEditRecord) -> StoreResult<i64> {
        (**self).put_fusion_edit(edit)
    }

    fn fusion_edits(&self) -> StoreResult<Vec<FusionEditRecord>> {
        (**self).fusion_edits()
    }

    fn grade_source(
        &mut self,
        name: &str,
        reliability: Reliability,
        note: &GradeNote,
    ) -> StoreResult<()> {
        (**self).grade_source(name, reliability, note)
    }

    fn grade_claim(&mut self, claim: &str, credibility: u8, note: &GradeNote) -> StoreResult<()> {
        (**self).grade_claim(claim, credibility, note)
    }

    fn claim_credibility(&self, claim: &str) -> StoreResult<Option<u8>> {
        (**self).claim_credibility(claim)
    }

    fn grade_history(&self, kind: GradeTarget, target: &str) -> StoreResult<Vec<GradeChange>> {
        (**self).grade_history(kind, target)
    }

    fn put_board(
        &mut self,
        id: Option<i64>,
        name: &str,
        body: &str,
        decisions: &str,
    ) -> StoreResult<i64> {
        (**self).put_board(id, name, body, decisions)
    }

    fn board(&self, id: i64) -> StoreResult<Option<StoredBoard>> {
        (**self).board(id)
    }

    fn boards(&self) -> StoreResult<Vec<StoredBoard>> {
        (**self).boards()
    }

    fn put_token(&mut self, name: &str, role: TokenRole, digest: &str) -> StoreResult<()> {
        (**self).put_token(name, role, digest)
    }

    fn token_by_digest(&self, digest: &str) -> StoreResult<Option<ApiToken>> {
        (**self).token_by_digest(digest)
    }

    fn tokens(&self) -> StoreResult<Vec<ApiToken>> {
        (**self).tokens()
    }
}
