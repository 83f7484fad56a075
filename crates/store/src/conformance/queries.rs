//! Checks of the read side: lookups, id prefixes, listings, near-duplicate candidates, sources
//! and counts.

use std::collections::BTreeSet;

use vigil_domain::{DocumentId, DuplicateLink, MediaType, Reliability, Source};

use super::fixtures::{
    date, extractor, sample_extraction, sample_record, texts_with_shared_id_prefix,
};
use crate::{DocumentQuery, PutOutcome, Record, Store, StoreError, StoreStats};

fn put(store: &mut impl Store, records: &[Record]) {
    let outcomes = store.put_records(records).expect("put succeeds");
    assert!(outcomes.iter().all(|outcome| *outcome == PutOutcome::Inserted), "{outcomes:?}");
}

fn ids(summaries: &[crate::DocumentSummary]) -> Vec<DocumentId> {
    summaries.iter().map(|summary| summary.id.clone()).collect()
}

/// `contains` and `document` answer plainly for ids that are not stored.
pub fn contains_and_document_answer_for_missing_ids(mut store: impl Store) {
    let record = sample_record("Two soldiers were wounded when a mine exploded near the border.");
    let missing = DocumentId::from_text("nothing like this was stored");
    assert!(!store.contains(&record.document.id).expect("contains"));
    put(&mut store, std::slice::from_ref(&record));
    assert!(store.contains(&record.document.id).expect("contains"));
    assert!(!store.contains(&missing).expect("contains"));
    assert_eq!(store.document(&missing).expect("get"), None);
    assert_eq!(store.origins(&missing).expect("origins"), Vec::<String>::new());
}

/// A prefix of one stored id resolves to it, whatever its case and however long.
pub fn resolve_id_finds_a_unique_prefix(mut store: impl Store) {
    let (first, second) = texts_with_shared_id_prefix(4);
    let records = [sample_record(&first), sample_record(&second)];
    put(&mut store, &records);
    let [one, two] = [&records[0].document.id, &records[1].document.id];
    let shared = one.as_str().chars().zip(two.as_str().chars()).take_while(|(a, b)| a == b).count();
    let unique = &one.as_str()[..shared + 1];
    assert_eq!(&store.resolve_id(unique).expect("resolves"), one);
    assert_eq!(&store.resolve_id(&unique.to_ascii_uppercase()).expect("resolves"), one);
    assert_eq!(&store.resolve_id(one.as_str()).expect("resolves"), one);
    assert_eq!(&store.resolve_id(two.as_str()).expect("resolves"), two);
}

/// A prefix of several stored ids is ambiguous, with the count.
pub fn resolve_id_reports_ambiguous_prefixes(mut store: impl Store) {
    let (first, second) = texts_with_shared_id_prefix(4);
    let records = [sample_record(&first), sample_record(&second)];
    put(&mut store, &records);
    let prefix = &records[0].document.id.as_str()[..4];
    match store.resolve_id(prefix) {
        Err(StoreError::Ambiguous { prefix: asked, count }) => {
            assert_eq!((asked.as_str(), count), (prefix, 2));
        }
        other => panic!("expected ambiguous, got {other:?}"),
    }
}

/// A well-formed prefix that matches nothing is not found.
pub fn resolve_id_reports_unknown_prefixes(mut store: impl Store) {
    let record = sample_record("Two soldiers were wounded when a mine exploded near the border.");
    put(&mut store, std::slice::from_ref(&record));
    let missing = DocumentId::from_text("nothing like this was stored");
    let result = store.resolve_id(missing.as_str());
    assert!(matches!(result, Err(StoreError::NotFound(_))), "{result:?}");
}

/// Fewer than four hex digits, or anything but hex digits, is an invalid query.
pub fn resolve_id_rejects_short_or_non_hex_prefixes(mut store: impl Store) {
    let record = sample_record("Two soldiers were wounded when a mine exploded near the border.");
    put(&mut store, std::slice::from_ref(&record));
    let id = record.document.id.as_str();
    for prefix in ["", &id[..3], "zzzz", "12 4", "12%4", "0x12ab"] {
        let result = store.resolve_id(prefix);
        assert!(matches!(result, Err(StoreError::InvalidQuery(_))), "{prefix:?}: {result:?}");
    }
}

/// Four documents for the listing checks: two on one day from different sources, one earlier,
/// one undated, and a near-duplicate of the earliest.
fn listing_records() -> Vec<Record> {
    let mut records: Vec<Record> = [
        "A car bomb exploded outside the ministry in the capital this morning.",
        "Militants attacked a checkpoint on the northern highway overnight.",
        "The interior ministry raised the national alert level on Monday.",
        "Analysts expect further attacks on energy infrastructure this winter.",
        "A car bomb exploded outside the ministry in the capital this morning, police said.",
    ]
    .into_iter()
    .map(sample_record)
    .collect();
    records[0].document.published = Some(date(2024, 3, 22));
    records[1].document.published = Some(date(2024, 3, 22));
    records[1].document.source = Some("Kavkaz Monitor".to_string());
    records[2].document.published = Some(date(2024, 3, 18));
    records[3].document.published = None;
    records[4].document.published = Some(date(2024, 3, 23));
    records[4].document.duplicate_of =
        Some(DuplicateLink { original: records[0].document.id.clone(), similarity: 0.9 });
    records
}

/// The listing is newest published first, ties by id, undated last.
pub fn documents_newest_first_undated_last(mut store: impl Store) {
    let records = listing_records();
    put(&mut store, &records);
    let id = |index: usize| records[index].document.id.clone();
    let mut same_day = [id(0), id(1)];
    same_day.sort();
    let expected = vec![id(4), same_day[0].clone(), same_day[1].clone(), id(2), id(3)];
    let listed = store.documents(&DocumentQuery::default()).expect("lists");
    assert_eq!(ids(&listed), expected);
}

/// Source and date filters; a date filter leaves undated documents out.
pub fn documents_filter_by_source_and_dates(mut store: impl Store) {
    let records = listing_records();
    put(&mut store, &records);
    let id = |index: usize| records[index].document.id.clone();
    let list = |query: DocumentQuery| ids(&store.documents(&query).expect("lists"));

    let by_source =
        DocumentQuery { source: Some("Kavkaz Monitor".to_string()), ..Default::default() };
    assert_eq!(list(by_source), [id(1)]);
    let unknown = DocumentQuery { source: Some("Nobody".to_string()), ..Default::default() };
    assert_eq!(list(unknown), Vec::<DocumentId>::new());

    let from = DocumentQuery { from: Some(date(2024, 3, 23)), ..Default::default() };
    assert_eq!(list(from), [id(4)]);
    let to = DocumentQuery { to: Some(date(2024, 3, 18)), ..Default::default() };
    assert_eq!(list(to), [id(2)]);
    let day = DocumentQuery {
        from: Some(date(2024, 3, 22)),
        to: Some(date(2024, 3, 22)),
        source: Some("Dimensions for Strategic Studies".to_string()),
        ..Default::default()
    };
    assert_eq!(list(day), [id(0)]);
}

/// `originals_only` drops near-duplicates; limit and offset page through the order.
pub fn documents_originals_only_limit_and_offset(mut store: impl Store) {
    let records = listing_records();
    put(&mut store, &records);
    let all = ids(&store.documents(&DocumentQuery::default()).expect("lists"));
    let list = |query: DocumentQuery| ids(&store.documents(&query).expect("lists"));

    let originals = DocumentQuery { originals_only: true, ..Default::default() };
    assert_eq!(list(originals), all[1..]);
    let page = DocumentQuery { limit: Some(2), offset: 1, ..Default::default() };
    assert_eq!(list(page), all[1..3]);
    let tail = DocumentQuery { offset: 3, ..Default::default() };
    assert_eq!(list(tail), all[3..]);
    let past_the_end = DocumentQuery { offset: 10, ..Default::default() };
    assert_eq!(list(past_the_end), Vec::<DocumentId>::new());
    let none = DocumentQuery { limit: Some(0), ..Default::default() };
    assert_eq!(list(none), Vec::<DocumentId>::new());
}

/// A summary carries the document's fields; `text_bytes` counts bytes, not characters.
pub fn document_summaries_carry_their_fields(mut store: impl Store) {
    let mut records = listing_records();
    records[3].document.text = "Взрыв в Красногорске: власти подтвердили гибель людей.".to_string();
    records[3].document.id = DocumentId::from_text(&records[3].document.text);
    records[3].document.language = Some("ru".to_string());
    records[3].document.media_type = MediaType::FeedItem;
    put(&mut store, &records);
    let listed = store.documents(&DocumentQuery::default()).expect("lists");
    for record in &records {
        let document = &record.document;
        let summary = listed.iter().find(|summary| summary.id == document.id).expect("listed");
        assert_eq!(summary.title, document.title);
        assert_eq!(summary.source, document.source);
        assert_eq!(summary.published, document.published);
        assert_eq!(summary.language, document.language);
        assert_eq!(summary.media_type, document.media_type);
        assert_eq!(summary.origin, document.origin);
        assert_eq!(summary.text_bytes, document.text.len());
        assert_eq!(
            summary.duplicate_of,
            document.duplicate_of.as_ref().map(|link| link.original.clone())
        );
        let stored = store.document(&document.id).expect("get").expect("stored");
        assert_eq!(Some(summary.ingested_at), stored.ingested_at);
    }
}

fn with_bands(text: &str, bands: &[u64]) -> Record {
    let mut record = sample_record(text);
    record.fingerprint.bands = bands.to_vec();
    record
}

fn candidate_ids(store: &impl Store, bands: &[u64], limit: usize) -> BTreeSet<DocumentId> {
    let candidates = store.near_duplicate_candidates(bands, limit).expect("candidates");
    let ids: BTreeSet<DocumentId> = candidates.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(ids.len(), candidates.len(), "candidates are distinct: {candidates:?}");
    ids
}

/// Originals sharing any band come back once each, with their signatures.
pub fn near_duplicate_candidates_share_a_band(mut store: impl Store) {
    let first = with_bands("Gunmen opened fire at the concert hall.", &[10, 20, 30]);
    let second = with_bands("A bomb exploded at the railway station.", &[30, 40]);
    put(&mut store, &[first.clone(), second.clone()]);
    let [one, two] = [first.document.id.clone(), second.document.id.clone()];

    let candidates = store.near_duplicate_candidates(&[10, 99], 10).expect("candidates");
    assert_eq!(candidates, [(one.clone(), first.fingerprint.minhash.clone())]);
    assert_eq!(
        candidate_ids(&store, &[10, 20, 30], 10),
        BTreeSet::from([one.clone(), two.clone()])
    );
    assert_eq!(candidate_ids(&store, &[40], 10), BTreeSet::from([two.clone()]));
    assert_eq!(candidate_ids(&store, &[99], 10), BTreeSet::new());
    assert_eq!(candidate_ids(&store, &[], 10), BTreeSet::new());
    for (id, signature) in store.near_duplicate_candidates(&[30], 10).expect("candidates") {
        let expected =
            if id == one { &first.fingerprint.minhash } else { &second.fingerprint.minhash };
        assert_eq!(&signature, expected, "signature of {id}");
    }
}

/// Near-duplicates are never candidates, even when they share bands.
pub fn near_duplicate_candidates_exclude_near_duplicates(mut store: impl Store) {
    let original = with_bands("Gunmen opened fire at the concert hall.", &[10, 20, 30]);
    let mut copy =
        with_bands("Gunmen opened fire at the concert hall, officials said.", &[10, 20, 30, 50]);
    copy.document.duplicate_of =
        Some(DuplicateLink { original: original.document.id.clone(), similarity: 0.85 });
    put(&mut store, &[original.clone(), copy]);
    assert_eq!(candidate_ids(&store, &[10, 20, 30], 10), BTreeSet::from([original.document.id]));
    assert_eq!(candidate_ids(&store, &[50], 10), BTreeSet::new());
}

/// Band keys use all 64 bits, and `limit` caps the answer.
pub fn near_duplicate_candidates_take_full_u64_keys_and_limit(mut store: impl Store) {
    let high = [u64::MAX, 1 << 63, (1 << 63) + 7];
    let records: Vec<Record> = (0..5)
        .map(|index| with_bands(&format!("Report {index} on the same attack."), &high))
        .collect();
    put(&mut store, &records);
    assert_eq!(candidate_ids(&store, &[u64::MAX], 10).len(), 5);
    assert_eq!(candidate_ids(&store, &[1 << 63], 10).len(), 5);
    assert_eq!(candidate_ids(&store, &[(1 << 63) + 7], 3).len(), 3);
    assert_eq!(candidate_ids(&store, &[u64::MAX - 1, 0, i64::MAX as u64], 10).len(), 0);
    assert_eq!(candidate_ids(&store, &high, 0).len(), 0);
}

/// A source seen in a document exists with grade F; a grade once set survives new documents.
pub fn source_defaults_to_f_and_grade_survives_new_documents(mut store: impl Store) {
    let record = sample_record("Gunmen opened fire at the concert hall.");
    let name = record.document.source.clone().expect("fixture has a source");
    put(&mut store, std::slice::from_ref(&record));
    assert_eq!(store.source(&name).expect("source"), Some(Source::new(name.clone())));

    store.set_source_reliability(&name, Reliability::B).expect("set grade");
    put(&mut store, &[sample_record("A bomb exploded at the railway station.")]);
    let source = store.source(&name).expect("source").expect("known");
    assert_eq!(source.reliability, Reliability::B);
}

/// Grades are set, changed and read; setting one for an unknown source creates it.
pub fn source_reliability_is_set_and_read(mut store: impl Store) {
    assert_eq!(store.source("Nobody").expect("source"), None);
    store.set_source_reliability("Amaq", Reliability::E).expect("set grade");
    let expected = Source { name: "Amaq".to_string(), reliability: Reliability::E };
    assert_eq!(store.source("Amaq").expect("source"), Some(expected));
    store.set_source_reliability("Amaq", Reliability::D).expect("change grade");
    assert_eq!(
        store.source("Amaq").expect("source").map(|source| source.reliability),
        Some(Reliability::D)
    );
    assert_eq!(store.source("amaq").expect("source"), None, "names are case-sensitive");
    assert_eq!(store.stats().expect("stats").sources, 1);
}

/// Stats count documents, near-duplicates, extractions and sources.
pub fn stats_count_everything(mut store: impl Store) {
    assert_eq!(store.stats().expect("stats"), StoreStats::default());
    let mut records = listing_records();
    records[0].extraction = Some((sample_extraction(&records[0].document), extractor("1")));
    put(&mut store, &records);
    store.set_source_reliability("Amaq", Reliability::E).expect("set grade");
    assert_eq!(
        store.stats().expect("stats"),
        StoreStats { documents: 5, near_duplicates: 1, extractions: 1, sources: 3 }
    );
}
