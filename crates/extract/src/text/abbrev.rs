//! Abbreviations and sentence starters: the word lists the sentence splitter consults.
//!
//! A period after an abbreviation usually does not end a sentence, but how sure we can be
//! depends on the abbreviation: a title ("Gen.") always precedes a name, a month ("Sept.")
//! precedes a number, while "U.S." or "p.m." may well end a sentence. The classes below encode
//! those differences; lists are matched case-insensitively so ALL-CAPS wire copy works too.

/// How a period after an abbreviation behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Precedes a name and never ends a sentence: "Mr.", "Gen.", "St.".
    Title,
    /// Never ends a sentence: "e.g.", "i.e.", "vs.".
    Never,
    /// Does not end a sentence before a number: "No. 4", "Sept. 11", "Art. 5".
    BeforeNumber,
    /// May end a sentence: "U.S.", "p.m.", "Inc.", "etc."; only a clear sentence starter after
    /// it ("The", "He") makes it a boundary.
    Ambiguous,
}

/// The class of `word` (the characters before the final period, without it), if any.
pub(super) fn classify(word: &str) -> Option<Abbrev> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut buffer = [0u8; 8];
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buffer[..word.len()]).ok()?;
    let class = match lower {
        "mr" | "mrs" | "ms" | "messrs" | "mme" | "mlle" | "dr" | "prof" | "rev" | "fr" | "hon"
        | "gen" | "lt" | "col" | "sgt" | "capt" | "cpt" | "maj" | "cmdr" | "cdr" | "adm"
        | "brig" | "cpl" | "pvt" | "pfc" | "lieut" | "gov" | "sen" | "rep" | "pres" | "amb"
        | "supt" | "insp" | "det" | "st" | "ste" | "mt" | "ft" | "sheikh" | "sr" | "sra" => {
            Abbrev::Title
        }
        "e.g" | "i.e" | "vs" | "cf" | "viz" | "approx" | "ca" | "esp" | "incl" => Abbrev::Never,
        "no" | "nos" | "nr" | "vol" | "art" | "fig" | "p" | "pp" | "ch" | "sec" | "para"
        | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct"
        | "nov" | "dec" => Abbrev::BeforeNumber,
        "etc" | "inc" | "ltd" | "co" | "corp" | "bros" | "jr" | "al" | "a.m" | "p.m" | "u.s"
        | "u.n" | "u.k" | "e.u" | "u.s.a" | "d.c" => Abbrev::Ambiguous,
        _ if is_dotted(lower) => Abbrev::Ambiguous,
        _ => return None,
    };
    Some(class)
}

/// Letters separated by single periods: "u.s", "a.m", "n.a.t.o".
fn is_dotted(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    bytes.len() >= 3
        && bytes.iter().enumerate().all(|(index, byte)| {
            if index % 2 == 0 { byte.is_ascii_alphabetic() } else { *byte == b'.' }
        })
}

/// Words that open sentences far more often than they continue a name: the cue that "U.S." or
/// an ellipsis ended the sentence, and the only usable cue in ALL-CAPS or lower-case text.
pub(super) fn is_sentence_starter(word: &str) -> bool {
    if word.is_empty() || word.len() > 12 {
        return false;
    }
    let mut buffer = [0u8; 12];
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let Ok(lower) = std::str::from_utf8(&buffer[..word.len()]) else { return false };
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "this"
            | "these"
            | "those"
            | "there"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "but"
            | "however"
            | "meanwhile"
            | "according"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("Gen"), Some(Abbrev::Title));
        assert_eq!(classify("GEN"), Some(Abbrev::Title));
        assert_eq!(classify("U.S"), Some(Abbrev::Ambiguous));
        assert_eq!(classify("N.A.T.O"), Some(Abbrev::Ambiguous));
        assert_eq!(classify("Sept"), Some(Abbrev::BeforeNumber));
        assert_eq!(classify("e.g"), Some(Abbrev::Never));
        assert_eq!(classify("attack"), None);
        assert_eq!(classify("Straße"), None);
        assert!(is_sentence_starter("THE"));
        assert!(!is_sentence_starter("Embassy"));
    }
}
