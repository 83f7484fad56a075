//! Comparing text fills: the MUC-4 head-noun rule, plural-insensitive nouns, place names.
//!
//! A text fill (site, perpetrators, targets, victims) matches when the gold fill's head noun is
//! one of the output fill's words. The head noun is the last content word of the gold fill's
//! first phrase, the phrase ending at the first preposition, relative pronoun or comma: "four
//! highly trained armed men" -> "men", "the tomb of assassinated senior Iranian commander Qasem
//! Soleimani" -> "tomb", "Taylor Swift's concerts in Vienna" -> "concerts". When that phrase holds
//! only determiners, numbers and quantifiers, the next phrase is used instead, so that "dozens of
//! suspected operatives" -> "operatives". A personal name's head is its last word ("Salman Abedi"
//! -> "abedi"), as MUC-4 scored names.
//!
//! Words compare case-insensitively and singular/plural-insensitively, by overlap of plausible
//! singular forms ("men"/"man", "operatives"/"operative", "casualties"/"casualty"). The rule
//! never merges compounds: "men" does not match "gunmen", which is the point of a head-noun rule.

/// Words that end the head phrase: prepositions, relative pronouns, the comma.
const PHRASE_BREAKS: &[&str] = &[
    "of",
    "in",
    "at",
    "on",
    "from",
    "for",
    "with",
    "who",
    "whom",
    "which",
    "that",
    "whose",
    "near",
    "by",
    "during",
    "to",
    "into",
    "outside",
    "inside",
    "against",
    "after",
    "before",
    "when",
    "where",
    "including",
    "while",
    ",",
];

/// Words that are never a head: determiners, numbers, quantifiers, partitives.
const NOT_HEADS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "some",
    "any",
    "many",
    "few",
    "several",
    "all",
    "both",
    "most",
    "more",
    "other",
    "another",
    "each",
    "every",
    "no",
    "number",
    "numbers",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "scores",
    "couple",
    "group",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "first",
    "second",
    "third",
];

/// Plurals that do not end in "s" and are not "-men" compounds.
const IRREGULAR: &[(&str, &str)] =
    &[("people", "person"), ("children", "child"), ("women", "woman"), ("police", "police")];

/// "-men" words that are not plurals of "-man".
const NOT_MEN_PLURALS: &[&str] =
    &["amen", "omen", "abdomen", "specimen", "semen", "stamen", "yemen"];

/// Lowercase words of a fill; commas survive as their own token because they end a phrase.
pub(crate) fn words(fill: &str) -> Vec<String> {
    let spaced = fill.replace([',', ';', ':', '(', ')'], " , ");
    spaced
        .split_whitespace()
        .filter_map(|raw| {
            if raw == "," {
                return Some(",".to_string());
            }
            let lower = raw.to_lowercase().replace('\u{2019}', "'");
            let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric());
            let word = trimmed.strip_suffix("'s").unwrap_or(trimmed);
            (!word.is_empty()).then(|| word.to_string())
        })
        .collect()
}

fn is_content(word: &str) -> bool {
    word != ","
        && !NOT_HEADS.contains(&word)
        && !PHRASE_BREAKS.contains(&word)
        && !word.chars().all(|c| c.is_ascii_digit())
}

/// The head noun of a gold fill, or `None` for a fill without words.
pub(crate) fn head_noun(fill: &str) -> Option<String> {
    let words = words(fill);
    let mut phrase: Vec<&str> = Vec::new();
    for word in words.iter().map(String::as_str) {
        if PHRASE_BREAKS.contains(&word) {
            if let Some(head) = phrase.iter().rev().find(|w| is_content(w)) {
                return Some((*head).to_string());
            }
            phrase.clear();
        } else {
            phrase.push(word);
        }
    }
    if let Some(head) = phrase.iter().rev().find(|w| is_content(w)) {
        return Some((*head).to_string());
    }
    // All function words ("the first"): fall back to the last word at all.
    words.into_iter().rfind(|w| w != ",")
}

/// The word and its plausible singular forms.
fn noun_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if let Some((_, singular)) = IRREGULAR.iter().find(|(plural, _)| *plural == word) {
        forms.push((*singular).to_string());
    }
    if let Some(stem) = word.strip_suffix("men")
        && !NOT_MEN_PLURALS.contains(&word)
    {
        forms.push(format!("{stem}man"));
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() > 1
    {
        forms.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        forms.push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix('s')
        && !word.ends_with("ss")
        && !stem.is_empty()
    {
        forms.push(stem.to_string());
    }
    forms
}

/// Whether two words are the same noun up to number ("man"/"men", "hotel"/"hotels").
pub(crate) fn same_noun(a: &str, b: &str) -> bool {
    let theirs = noun_forms(b);
    noun_forms(a).iter().any(|form| theirs.contains(form))
}

/// The MUC-4 head-noun rule: the gold fill's head noun is a word of the output fill.
pub(crate) fn fill_matches(gold: &str, output: &str) -> bool {
    match head_noun(gold) {
        Some(head) => words(output).iter().any(|word| same_noun(&head, word)),
        None => words(output).is_empty(),
    }
}

/// A place name for comparison: lowercase, single-spaced, without a leading "the".
pub(crate) fn place_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest.join(" "),
        _ => words.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_nouns_of_the_gold_keys() {
        let cases = [
            ("four highly trained armed men", "men"),
            ("the tomb of assassinated senior Iranian commander Qasem Soleimani", "tomb"),
            ("Taylor Swift's concerts in Vienna", "concerts"),
            ("dozens of suspected operatives", "operatives"),
            ("Three members of that cell", "members"),
            ("Crocus City concert hall", "hall"),
            ("the Government Girls Secondary School in Chibok", "school"),
            ("a 19-year-old man", "man"),
            ("Salman Abedi", "abedi"),
            ("the foyer of Manchester Arena", "foyer"),
            ("a Chinese-run hotel in Kabul", "hotel"),
            ("gunmen who stormed the hall", "gunmen"),
            ("the first", "first"),
        ];
        for (fill, head) in cases {
            assert_eq!(head_noun(fill).as_deref(), Some(head), "{fill}");
        }
        assert_eq!(head_noun("  "), None);
    }

    #[test]
    fn fills_match_on_head_noun_only() {
        assert!(fill_matches("four highly trained armed men", "armed men"));
        assert!(fill_matches("four highly trained armed men", "a gunman and three men"));
        assert!(!fill_matches("four highly trained armed men", "gunmen"));
        assert!(fill_matches("gunmen", "Gunman"));
        assert!(fill_matches("Taylor Swift's concerts in Vienna", "a concert"));
        assert!(fill_matches("dozens of suspected operatives", "24 operatives"));
        assert!(fill_matches("buildings", "a building"));
        assert!(fill_matches("casualties", "one casualty"));
        assert!(fill_matches("people", "a person"));
        assert!(!fill_matches("the tomb of Qasem Soleimani", "Qasem Soleimani"));
        assert!(fill_matches("Salman Abedi", "Abedi"));
    }

    #[test]
    fn place_keys() {
        assert_eq!(place_key(" The  Netherlands "), "netherlands");
        assert_eq!(place_key("Moscow"), "moscow");
        assert_eq!(place_key("the"), "the");
    }
}
