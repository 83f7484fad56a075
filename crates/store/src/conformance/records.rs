//! Checks of the write path: round trips, idempotence, origins, atomicity, extractions.

use chrono::{DateTime, Utc};
use vigil_domain::{DocumentId, DuplicateLink};

use super::fixtures::{extractor, sample_document, sample_extraction, sample_record};
use crate::{PutOutcome, Record, Store, StoreError, StoreStats};

const TEXT: &str = "Gunmen opened fire at Crocus City Hall near Moscow on Friday evening.";
const OTHER_TEXT: &str = "Police in Dushanbe detained three men suspected of recruiting fighters.";

fn timestamp(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("fixture timestamps are valid").with_timezone(&Utc)
}

/// A document put with every field set comes back identical, raw bytes and nanoseconds included.
pub fn put_then_get_round_trips_every_field(mut store: impl Store) {
    let mut record = sample_record(TEXT);
    record.document.ingested_at = Some(timestamp("2024-03-23T08:15:42.123456789Z"));
    let outcomes = store.put_records(std::slice::from_ref(&record)).expect("put succeeds");
    assert_eq!(outcomes, [PutOutcome::Inserted]);

    let stored = store.document(&record.document.id).expect("get succeeds");
    assert_eq!(stored.as_ref(), Some(&record.document));
    assert_eq!(store.origins(&record.document.id).expect("origins"), [record.document.origin]);

    // Optional fields left empty come back empty, not as empty strings.
    let mut bare = sample_document(OTHER_TEXT);
    bare.source = None;
    bare.url = None;
    bare.title = None;
    bare.author = None;
    bare.published = None;
    bare.language = None;
    bare.raw = Vec::new();
    bare.offsets = Default::default();
    bare.warnings = Vec::new();
    bare.ingested_at = Some(timestamp("2024-03-23T08:15:42Z"));
    let record =
        Record { document: bare.clone(), fingerprint: Default::default(), extraction: None };
    store.put_records(&[record]).expect("put succeeds");
    assert_eq!(store.document(&bare.id).expect("get succeeds"), Some(bare));
}

/// A document put without `ingested_at` gets the time it was stored.
pub fn ingested_at_is_set_when_absent(mut store: impl Store) {
    let record = sample_record(TEXT);
    let before = Utc::now();
    store.put_records(std::slice::from_ref(&record)).expect("put succeeds");
    let after = Utc::now();
    let stored = store.document(&record.document.id).expect("get").expect("stored");
    let ingested_at = stored.ingested_at.expect("ingested_at is set");
    assert!(
        before <= ingested_at && ingested_at <= after,
        "{ingested_at} not in {before}..{after}"
    );
    let mut expected = record.document;
    expected.ingested_at = Some(ingested_at);
    assert_eq!(stored, expected);
}

/// A near-duplicate's link and similarity come back as stored.
pub fn duplicate_link_round_trips(mut store: impl Store) {
    let original = sample_record(TEXT);
    let mut copy = sample_record(&format!("{TEXT} Updated."));
    copy.document.duplicate_of =
        Some(DuplicateLink { original: original.document.id.clone(), similarity: 0.8125 });
    store.put_records(&[original.clone(), copy.clone()]).expect("put succeeds");
    let stored = store.document(&copy.document.id).expect("get").expect("stored");
    assert_eq!(stored.duplicate_of, copy.document.duplicate_of);
    let stored = store.document(&original.document.id).expect("get").expect("stored");
    assert_eq!(stored.duplicate_of, None);
}

/// Putting the same batch twice stores nothing new the second time.
pub fn reput_is_idempotent(mut store: impl Store) {
    let mut first = sample_record(TEXT);
    first.extraction = Some((sample_extraction(&first.document), extractor("1")));
    let batch = vec![first.clone(), sample_record(OTHER_TEXT)];
    assert_eq!(
        store.put_records(&batch).expect("first put"),
        [PutOutcome::Inserted, PutOutcome::Inserted]
    );
    let stats = store.stats().expect("stats");
    assert_eq!(
        stats,
        StoreStats { documents: 2, near_duplicates: 0, extractions: 1, sources: 1 },
        "after the first put"
    );

    // The same records again, one now carrying a different extraction: nothing changes.
    let mut again = batch.clone();
    again[0].extraction = Some((sample_extraction(&first.document), extractor("2")));
    assert_eq!(
        store.put_records(&again).expect("second put"),
        [PutOutcome::AlreadyStored, PutOutcome::AlreadyStored]
    );
    assert_eq!(store.stats().expect("stats"), stats, "after the second put");
    assert_eq!(store.origins(&first.document.id).expect("origins"), [first.document.origin]);
    let extraction = store.extraction(&first.document.id).expect("extraction").expect("stored");
    assert_eq!(extraction.extractor, extractor("1"));
}

/// The same text read from another file is remembered as a further origin, first first.
pub fn new_origin_is_recorded_in_order(mut store: impl Store) {
    let record = sample_record(TEXT);
    store.put_records(std::slice::from_ref(&record)).expect("first put");
    let mut elsewhere = record.clone();
    elsewhere.document.origin = "mirror/copy.html".to_string();
    elsewhere.document.title = Some("A different headline".to_string());
    assert_eq!(
        store.put_records(&[elsewhere.clone(), elsewhere.clone()]).expect("second put"),
        [PutOutcome::AlreadyStored, PutOutcome::AlreadyStored]
    );
    let id = &record.document.id;
    assert_eq!(
        store.origins(id).expect("origins"),
        [record.document.origin.clone(), elsewhere.document.origin]
    );
    // The stored document is still the first one read.
    assert_eq!(store.document(id).expect("get").expect("stored").title, record.document.title);
    assert_eq!(store.stats().expect("stats").documents, 1);
}

/// A batch holding one id twice stores it once and records both origins.
pub fn same_id_twice_in_one_batch_is_stored_once(mut store: impl Store) {
    let record = sample_record(TEXT);
    let mut twin = record.clone();
    twin.document.origin = "feeds/world.xml#item=3".to_string();
    assert_eq!(
        store.put_records(&[record.clone(), twin.clone()]).expect("put succeeds"),
        [PutOutcome::Inserted, PutOutcome::AlreadyStored]
    );
    assert_eq!(
        store.origins(&record.document.id).expect("origins"),
        [record.document.origin, twin.document.origin]
    );
    assert_eq!(store.stats().expect("stats").documents, 1);
}

/// An empty batch is no error and stores nothing.
pub fn empty_batch_stores_nothing(mut store: impl Store) {
    assert_eq!(store.put_records(&[]).expect("put succeeds"), []);
    assert_eq!(store.stats().expect("stats"), StoreStats::default());
}

/// A batch that fails midway (a near-duplicate of a document neither stored nor in the batch)
/// leaves nothing of itself behind, and the store stays usable.
pub fn failed_batch_stores_nothing(mut store: impl Store) {
    let good = sample_record(TEXT);
    let mut dangling = sample_record(OTHER_TEXT);
    dangling.document.duplicate_of = Some(DuplicateLink {
        original: DocumentId::from_text("a report that was never stored"),
        similarity: 0.9,
    });
    let result = store.put_records(&[good.clone(), dangling]);
    assert!(result.is_err(), "a dangling duplicate link must fail the batch: {result:?}");
    assert!(!store.contains(&good.document.id).expect("contains"));
    assert_eq!(store.origins(&good.document.id).expect("origins"), Vec::<String>::new());
    assert_eq!(store.stats().expect("stats"), StoreStats::default());

    assert_eq!(store.put_records(&[good]).expect("store is usable"), [PutOutcome::Inserted]);
}

/// A record's extraction is stored with it, with provenance and time.
pub fn extraction_is_stored_with_its_record(mut store: impl Store) {
    let mut record = sample_record(TEXT);
    let extraction = sample_extraction(&record.document);
    record.extraction = Some((extraction.clone(), extractor("1.0.0")));
    let before = Utc::now();
    store.put_records(std::slice::from_ref(&record)).expect("put succeeds");
    let after = Utc::now();

    let stored = store.extraction(&record.document.id).expect("get").expect("stored");
    assert_eq!(stored.extraction, extraction);
    assert_eq!(stored.extractor, extractor("1.0.0"));
    assert!(before <= stored.extracted_at && stored.extracted_at <= after);
    let unread = DocumentId::from_text(OTHER_TEXT);
    assert_eq!(store.extraction(&unread).expect("get"), None);
    assert_eq!(store.stats().expect("stats").extractions, 1);
}

/// `put_extraction` adds an extraction to a stored document and replaces an older one.
pub fn put_extraction_replaces(mut store: impl Store) {
    let record = sample_record(TEXT);
    let id = record.document.id.clone();
    store.put_records(std::slice::from_ref(&record)).expect("put succeeds");
    assert_eq!(store.extraction(&id).expect("get"), None);

    let first = sample_extraction(&record.document);
    store.put_extraction(&id, &first, &extractor("1")).expect("first extraction");
    let stored = store.extraction(&id).expect("get").expect("stored");
    assert_eq!((stored.extraction, stored.extractor), (first.clone(), extractor("1")));

    let mut second = first;
    second.claims.clear();
    store.put_extraction(&id, &second, &extractor("2")).expect("second extraction");
    let replaced = store.extraction(&id).expect("get").expect("stored");
    assert_eq!((replaced.extraction, replaced.extractor), (second, extractor("2")));
    assert!(replaced.extracted_at >= stored.extracted_at);
    assert_eq!(store.stats().expect("stats").extractions, 1);
}

/// An extraction of a document that is not stored is refused as not found.
pub fn put_extraction_of_unknown_document_is_not_found(mut store: impl Store) {
    let document = sample_document(TEXT);
    let result = store.put_extraction(&document.id, &sample_extraction(&document), &extractor("1"));
    assert!(matches!(result, Err(StoreError::NotFound(_))), "{result:?}");
    assert_eq!(store.stats().expect("stats").extractions, 0);
}

/// `extractions` lists every original's extraction and leaves near-copies and unread
/// documents out.
pub fn extractions_lists_originals_only(mut store: impl Store) {
    let mut first = sample_record(TEXT);
    first.extraction = Some((sample_extraction(&first.document), extractor("1")));
    let unread = sample_record(OTHER_TEXT);
    store.put_records(&[first.clone(), unread]).expect("put succeeds");
    let listed = store.extractions().expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].0, first.document.id);
    assert_eq!(listed[0].1.extraction, sample_extraction(&first.document));
}
