//! The conformance suite every [`Store`](crate::Store) backend runs, behind the `test-suite`
//! feature.
//!
//! [`store_conformance_suite!`](crate::store_conformance_suite) expands, inside a backend's test
//! crate, to one `#[test]` per behaviour of the trait's contract, each on a fresh store, so SQLite
//! today and PostgreSQL later are held to the identical contract (Quickwit's
//! `metastore_test_suite!`, atuin's database tests). The checks themselves are ordinary public
//! functions here, taking the fresh store by value: the macro is only the list of their names,
//! and the checks are type-checked once, in this crate.
//!
//! This is test code: checks panic (assert, `expect`) on failure, as tests do.
//!
//! ```ignore
//! vigil_store::store_conformance_suite!(my_backend::MyStore::open_in_memory().expect("opens"));
//! ```

mod fixtures;
mod fusion;
mod grading;
mod queries;
mod records;
mod search;
mod tokens;

pub use fixtures::{
    date, extractor, sample_document, sample_extraction, sample_fingerprint, sample_record,
    texts_with_shared_id_prefix,
};
pub use fusion::{
    fusion_step_is_atomic, mention_candidates_respect_country_and_days,
    mentions_in_chains_finds_every_member, reset_keeps_edits, unfused_queue_follows_extractions,
};
pub use grading::{
    boards_round_trip, claim_grades_are_a_separate_axis, source_grades_keep_their_history,
};
pub use queries::{
    contains_and_document_answer_for_missing_ids, document_summaries_carry_their_fields,
    documents_filter_by_source_and_dates, documents_newest_first_undated_last,
    documents_originals_only_limit_and_offset, near_duplicate_candidates_exclude_near_duplicates,
    near_duplicate_candidates_share_a_band, near_duplicate_candidates_take_full_u64_keys_and_limit,
    resolve_id_finds_a_unique_prefix, resolve_id_rejects_short_or_non_hex_prefixes,
    resolve_id_reports_ambiguous_prefixes, resolve_id_reports_unknown_prefixes,
    source_defaults_to_f_and_grade_survives_new_documents, source_reliability_is_set_and_read,
    stats_count_everything,
};
pub use records::{
    duplicate_link_round_trips, empty_batch_stores_nothing, extraction_is_stored_with_its_record,
    extractions_lists_originals_only, failed_batch_stores_nothing, ingested_at_is_set_when_absent,
    new_origin_is_recorded_in_order, put_extraction_of_unknown_document_is_not_found,
    put_extraction_replaces, put_then_get_round_trips_every_field, reput_is_idempotent,
    same_id_twice_in_one_batch_is_stored_once,
};
pub use search::{
    search_finds_words_split_by_punctuation, search_keeps_quoted_phrases,
    search_ranks_title_matches_first, search_requires_every_word, search_respects_limit,
    search_snippet_marks_matched_terms, search_survives_punctuation,
};
pub use tokens::tokens_are_found_by_digest;

/// Expands to the whole conformance suite: a module `store_conformance` with one `#[test]` per
/// check, each calling `$make` for a fresh, empty store.
///
/// `$make` is any expression giving a fresh `impl Store`; items it names are looked up in the
/// invoking module. A backend that needs a server writes `optional: $make` instead, with `$make`
/// giving an `Option<impl Store>`: `None` (no server configured) makes each check pass without
/// running, and `$make` says why it skipped.
#[macro_export]
macro_rules! store_conformance_suite {
    (optional: $make:expr) => {
        $crate::store_conformance_suite!(@suite $make);
    };
    ($make:expr) => {
        $crate::store_conformance_suite!(@suite Some($make));
    };
    (@suite $make:expr) => {
        mod store_conformance {
            #[allow(unused_imports)]
            use super::*;

            $crate::store_conformance_suite!(@checks $make;
                put_then_get_round_trips_every_field,
                ingested_at_is_set_when_absent,
                duplicate_link_round_trips,
                reput_is_idempotent,
                new_origin_is_recorded_in_order,
                same_id_twice_in_one_batch_is_stored_once,
                empty_batch_stores_nothing,
                failed_batch_stores_nothing,
                extraction_is_stored_with_its_record,
                put_extraction_replaces,
                put_extraction_of_unknown_document_is_not_found,
                extractions_lists_originals_only,
                contains_and_document_answer_for_missing_ids,
                resolve_id_finds_a_unique_prefix,
                resolve_id_reports_ambiguous_prefixes,
                resolve_id_reports_unknown_prefixes,
                resolve_id_rejects_short_or_non_hex_prefixes,
                documents_newest_first_undated_last,
                documents_filter_by_source_and_dates,
                documents_originals_only_limit_and_offset,
                document_summaries_carry_their_fields,
                search_ranks_title_matches_first,
                search_requires_every_word,
                search_keeps_quoted_phrases,
                search_snippet_marks_matched_terms,
                search_survives_punctuation,
                search_finds_words_split_by_punctuation,
                search_respects_limit,
                near_duplicate_candidates_share_a_band,
                near_duplicate_candidates_exclude_near_duplicates,
                near_duplicate_candidates_take_full_u64_keys_and_limit,
                source_defaults_to_f_and_grade_survives_new_documents,
                source_reliability_is_set_and_read,
                stats_count_everything,
                unfused_queue_follows_extractions,
                mention_candidates_respect_country_and_days,
                mentions_in_chains_finds_every_member,
                fusion_step_is_atomic,
                reset_keeps_edits,
                source_grades_keep_their_history,
                claim_grades_are_a_separate_axis,
                boards_round_trip,
                tokens_are_found_by_digest,
            );
        }
    };
    (@checks $make:expr; $($check:ident),+ $(,)?) => {
        $(
            #[test]
            fn $check() {
                if let Some(store) = $make {
                    $crate::conformance::$check(store);
                }
            }
        )+
    };
}
