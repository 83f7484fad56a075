//! Near-duplicate detection: MinHash signatures, LSH band keys and the similarity decision.
//!
//! Agency copies of one report differ in headline, byline or a sentence; counted separately they
//! would pose as independent evidence. A document's text becomes a set of word 3-gram shingles;
//! gaoya's [`MinHasher32`] turns the set into a [`SIGNATURE_LEN`]-value signature whose agreement
//! rate estimates the Jaccard similarity of two sets. The signature is cut into [`BANDS`] bands of
//! [`ROWS_PER_BAND`] values; each band hashes to a key, and two documents sharing any key become
//! candidates (with these numbers a pair at similarity 0.6 shares a key with probability 0.99,
//! a pair at 0.3 with probability 0.23). Candidates are then confirmed by their estimated
//! similarity against [`NEAR_DUPLICATE_THRESHOLD`].
//!
//! Everything here is pure. The keys and signatures are stored, so their scheme is pinned by a
//! test: a dependency update that changed them would make old and new documents incomparable.

use gaoya::minhash::{MinHasher, MinHasher32, compute_minhash_similarity};

/// Values in a signature.
pub const SIGNATURE_LEN: usize = 128;
/// Bands the signature is cut into.
pub const BANDS: usize = 32;
/// Signature values per band.
pub const ROWS_PER_BAND: usize = SIGNATURE_LEN / BANDS;
/// Estimated Jaccard similarity at or above which a document is a near-copy of another.
///
/// A 300-word report with its headline swapped and one sentence rewritten keeps about 0.9 of its
/// word 3-grams, a 70-word one about 0.7; two different reports of the same attack share well
/// under 0.3.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.6;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Seed of the MinHash permutations; changing it changes every stored signature.
const SEED: u64 = 0x5649_4749_4c00_0001;

/// Computes fingerprints. Build one and reuse it: construction draws the permutations.
pub struct Fingerprinter {
    hasher: MinHasher32<gaoya::minhash::SipHasher24BuildHasher>,
}

impl Default for Fingerprinter {
    fn default() -> Self {
        Fingerprinter::new()
    }
}

impl std::fmt::Debug for Fingerprinter {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("Fingerprinter").field("signature_len", &SIGNATURE_LEN).finish()
    }
}

impl Fingerprinter {
    /// A fingerprinter with the pinned scheme.
    pub fn new() -> Fingerprinter {
        Fingerprinter {
            hasher: MinHasher32::new_with_hasher_and_seed(
                SIGNATURE_LEN,
                gaoya::minhash::SipHasher24BuildHasher::default(),
                SEED,
            ),
        }
    }

    /// The MinHash signature of a text, or `None` when it has no words to compare.
    pub fn signature(&self, text: &str) -> Option<Vec<u32>> {
        let shingles = shingle_hashes(text);
        if shingles.is_empty() {
            return None;
        }
        Some(self.hasher.create_signature(shingles.iter()))
    }
}

/// The LSH band keys of a signature: one stable 64-bit key per band, the band's index mixed in
/// so that equal values in different bands do not collide.
pub fn band_keys(signature: &[u32]) -> Vec<u64> {
    signature
        .chunks(ROWS_PER_BAND)
        .enumerate()
        .map(|(band_idx, rows)| {
            let mut key = fnv1a(FNV_OFFSET, &(band_idx as u32).to_le_bytes());
            for value in rows {
                key = fnv1a(key, &value.to_le_bytes());
            }
            key
        })
        .collect()
}

/// Estimated Jaccard similarity of the texts behind two signatures.
pub fn similarity(left: &[u32], right: &[u32]) -> f64 {
    if left.len() != right.len() || left.is_empty() {
        return 0.0;
    }
    compute_minhash_similarity(left, right)
}

/// The most similar candidate at or above the threshold, if any; ties go to the smallest id so
/// the choice does not depend on the order candidates arrive in.
pub fn best_match<'a, Id: Ord + 'a>(
    signature: &[u32],
    candidates: impl IntoIterator<Item = (&'a Id, &'a [u32])>,
) -> Option<(&'a Id, f64)> {
    let mut best: Option<(&Id, f64)> = None;
    for (id, candidate) in candidates {
        let score = similarity(signature, candidate);
        if score < NEAR_DUPLICATE_THRESHOLD {
            continue;
        }
        best = match best {
            Some((best_id, best_score))
                if best_score > score || (best_score == score && best_id <= id) =>
            {
                Some((best_id, best_score))
            }
            _ => Some((id, score)),
        };
    }
    best
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a: a tiny hash whose output is fixed by its definition, unlike `std`'s hashers.
fn fnv1a(mut state: u64, bytes: &[u8]) -> u64 {
    for byte in bytes {
        state ^= u64::from(*byte);
        state = state.wrapping_mul(FNV_PRIME);
    }
    state
}

/// Hashes of the word 3-grams of a text: lower-cased alphanumeric words, so punctuation, case
/// and line breaks do not matter. Texts of fewer than three words give one shingle of all words.
fn shingle_hashes(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let width = SHINGLE_WORDS.min(words.len());
    let mut hashes: Vec<u64> = words
        .windows(width)
        .map(|window| {
            let mut state = FNV_OFFSET;
            for word in window {
                state = fnv1a(state, word.as_bytes());
                state = fnv1a(state, b" ");
            }
            state
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Gunmen opened fire on concert-goers at a hall outside the capital on \
        Friday evening, killing at least forty people and wounding more than a hundred, officials \
        said. The attackers then set the building alight, and the roof collapsed as firefighters \
        fought the blaze through the night. A militant group later claimed responsibility in a \
        statement posted online, though the claim could not be independently verified.";

    #[test]
    fn agency_copy_with_new_headline_and_edited_sentence_is_a_near_duplicate() {
        let fingerprinter = Fingerprinter::new();
        let original = format!("Attack on concert hall\n\n{REPORT}");
        let copy = format!("Dozens dead in hall attack\n\n{REPORT}")
            .replace("fought the blaze through the night", "battled flames until dawn");
        let left = fingerprinter.signature(&original).expect("has words");
        let right = fingerprinter.signature(&copy).expect("has words");
        let score = similarity(&left, &right);
        assert!(score >= NEAR_DUPLICATE_THRESHOLD, "similarity {score}");
        let shared = band_keys(&left).iter().filter(|key| band_keys(&right).contains(key)).count();
        assert!(shared > 0, "a near-copy must share at least one band key");
    }

    #[test]
    fn different_report_of_the_same_attack_is_not_a_near_duplicate() {
        let fingerprinter = Fingerprinter::new();
        let other = "Russian investigators detained four suspects on Saturday near the border \
            region, the security service said, adding that the men had been travelling by car \
            and that seven more people were held elsewhere in connection with the shooting.";
        let left = fingerprinter.signature(REPORT).expect("has words");
        let right = fingerprinter.signature(other).expect("has words");
        assert!(similarity(&left, &right) < 0.2);
    }

    #[test]
    fn case_punctuation_and_layout_do_not_matter() {
        let fingerprinter = Fingerprinter::new();
        let shouted = REPORT.to_uppercase().replace(", ", " ,\n");
        assert_eq!(fingerprinter.signature(REPORT), fingerprinter.signature(&shouted));
    }

    #[test]
    fn text_without_words_has_no_signature() {
        assert_eq!(Fingerprinter::new().signature(" ... --- \n"), None);
        assert!(Fingerprinter::new().signature("one").is_some());
    }

    #[test]
    fn best_match_prefers_higher_similarity_then_smaller_id() {
        let signature = vec![1, 2, 3, 4];
        let close = vec![1, 2, 3, 9];
        let exact = vec![1, 2, 3, 4];
        let candidates =
            [("b", exact.as_slice()), ("a", exact.as_slice()), ("c", close.as_slice())];
        let found = best_match(&signature, candidates.iter().map(|(id, sig)| (id, *sig)));
        assert_eq!(found, Some((&"a", 1.0)));
        let far = vec![9, 9, 9, 9];
        assert_eq!(best_match(&signature, [(&"x", far.as_slice())]), None);
    }

    /// Stored signatures and band keys must not change under a dependency update; if this fails,
    /// stored fingerprints need recomputing (and the scheme a new version).
    #[test]
    fn scheme_is_pinned() {
        let signature = Fingerprinter::new().signature("the quick brown fox jumps").expect("words");
        assert_eq!(signature.len(), SIGNATURE_LEN);
        let keys = band_keys(&signature);
        assert_eq!(keys.len(), BANDS);
        insta::assert_snapshot!(format!("{:?}\n{:?}", &signature[..8], &keys[..4]));
    }
}
