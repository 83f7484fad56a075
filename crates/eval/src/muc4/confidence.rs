//! Slot 11, perpetrator confidence: the level MUC-4 gives an organisation's tie to a deed, from
//! the reader's codebook confidence or, for organisations the lexicon found, from the words of
//! the sentence naming them.

use vigil_domain::Confidence;

use super::Muc4Confidence;

/// Slot 11's level for a codebook confidence (a denial ties no one to the deed).
pub fn muc4_confidence(confidence: Confidence) -> Option<Muc4Confidence> {
    match confidence {
        Confidence::Reported => Some(Muc4Confidence::ReportedAsFact),
        Confidence::Claimed => Some(Muc4Confidence::ClaimedOrAdmitted),
        Confidence::AccusedByAuthorities => Some(Muc4Confidence::SuspectedOrAccusedByAuthorities),
        Confidence::Suspected => Some(Muc4Confidence::SuspectedOrAccused),
        Confidence::Possible => Some(Muc4Confidence::Possible),
        Confidence::Denied => None,
    }
}

/// Slot 11's level read off the words of the sentence naming an organisation.
pub fn confidence_cue(sentence: &str) -> Muc4Confidence {
    let lower = sentence.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "claimed",
        "claim responsibility",
        "claimed responsibility",
        "admitted",
        "took responsibility",
    ]) {
        Muc4Confidence::ClaimedOrAdmitted
    } else if has(&["possibl", "may have", "might have", "could have"]) {
        Muc4Confidence::Possible
    } else if has(&["accused", "blamed", "attributed", "suspect", "presumed", "alleged"]) {
        if has(&[
            "police",
            "army",
            "government",
            "authorities",
            "military",
            "minister",
            "president",
            "spokesman",
        ]) {
            Muc4Confidence::SuspectedOrAccusedByAuthorities
        } else {
            Muc4Confidence::SuspectedOrAccused
        }
    } else {
        Muc4Confidence::ReportedAsFact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codebook_levels_map_and_denials_tie_no_one() {
        assert_eq!(muc4_confidence(Confidence::Denied), None);
        assert_eq!(
            muc4_confidence(Confidence::AccusedByAuthorities),
            Some(Muc4Confidence::SuspectedOrAccusedByAuthorities)
        );
    }

    #[test]
    fn cue_words_give_the_level() {
        let cue = confidence_cue;
        assert_eq!(cue("THE FMLN CLAIMED RESPONSIBILITY"), Muc4Confidence::ClaimedOrAdmitted);
        assert_eq!(cue("POLICE BLAMED THE FMLN"), Muc4Confidence::SuspectedOrAccusedByAuthorities);
        assert_eq!(cue("RESIDENTS BLAMED THE FMLN"), Muc4Confidence::SuspectedOrAccused);
        assert_eq!(cue("THE FMLN MAY HAVE DONE IT"), Muc4Confidence::Possible);
        assert_eq!(cue("FMLN GUERRILLAS ATTACKED"), Muc4Confidence::ReportedAsFact);
    }
}
