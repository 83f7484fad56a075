//! English words (and a few given names) that are also place names somewhere. Written in lower
//! case they are never places; capitalised or in capitals (sentence starts, headlines, wire
//! copy) they still need the text to name the place's country or region.

/// Lower-case, folded. Countries in this list ("Turkey", "Chad") still resolve when
/// capitalised; only their lower-case use ("turkey") is refused.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    // function words and short words that are towns somewhere
    "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "of", "on", "or", "so", "to", "up", "we", "all", "and", "are", "but", "can", "for", "has",
    "her", "his", "its", "not", "one", "our", "out", "see", "the", "too", "two", "was", "who",
    "why", "yes", "you", "also", "many", "more", "most", "much", "only", "over", "said", "some",
    "such", "that", "then", "they", "this", "very", "what", "when", "will", "with",
    // months and days
    "may", "march", "june", "july", "august", "sunday", "monday",
    // nouns, verbs and adjectives of news text that are towns somewhere
    "police", "army", "bar", "bath", "bay", "beach", "bridge", "buffalo", "bury", "cabinet",
    "camp", "canal", "cape", "central", "chase", "church", "city", "clay", "concord", "court",
    "cross", "deal", "delta", "eagle", "early", "energy", "enterprise", "fame",
    "fort", "freedom", "friendship", "gas", "general", "gold", "green", "hall", "harbour",
    "harmony", "hope", "independence", "industry", "island", "justice", "lake", "liberty",
    "lincoln", "lodge", "long", "luck", "mission", "mobile", "mount", "nice", "normal", "north",
    "ocean", "orange", "paradise", "peace", "plain", "pleasant", "progress", "reading", "real",
    "republic", "rich", "river", "rock", "rugby", "sale", "say", "security", "south", "split",
    "spring", "springs", "state", "sun", "temple", "union", "unity", "university", "valley",
    "victory", "villa", "wells", "west", "east", "worth",
    // given names that are also large places, ambiguous without the region
    "victoria", "charlotte", "jackson", "regina",
    // countries whose names are common nouns in lower case
    "turkey", "chad", "china", "jordan", "georgia", "guinea", "japan", "niger",
];

/// Whether `name` is a common English word (or given name) that is also a place somewhere, so
/// that it must not be taken for a place without corroboration. Case-insensitive.
pub fn is_ambiguous_common_word(name: &str) -> bool {
    let folded = crate::fold::fold(name);
    WORDS.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_recognised_in_any_case() {
        assert!(is_ambiguous_common_word("Police"));
        assert!(is_ambiguous_common_word("MARCH"));
        assert!(is_ambiguous_common_word("of"));
        assert!(!is_ambiguous_common_word("Kabul"));
        assert!(!is_ambiguous_common_word("Aden"));
    }
}
