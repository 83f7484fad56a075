//! Language identification with whatlang, reported as ISO 639-1 codes.

use whatlang::Lang;

/// whatlang reads at most this many bytes: its trigram guess settles well before, and the cost
/// stays fixed however long the document is.
const PREFIX: usize = 2048;

/// The ISO 639-1 code of `text`'s language, or `None` when the text is too short or the guess is
/// unreliable. Languages without a 639-1 code keep whatlang's 639-3 code.
pub(crate) fn detect(text: &str) -> Option<String> {
    let prefix = &text[..crate::boilerplate::floor_boundary(text, PREFIX)];
    if prefix.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let info = whatlang::detect(prefix)?;
    info.is_reliable().then(|| iso639_1(info.lang()).to_string())
}

/// The two-letter code of a whatlang language (its three-letter code when there is none).
pub(crate) fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        #[allow(unreachable_patterns, reason = "whatlang may add languages in a minor release")]
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_russian_and_arabic() {
        let english = "Gunmen opened fire on concert-goers in a hall outside the capital on Friday, \
                       officials said, and the building caught fire soon afterwards.";
        assert_eq!(detect(english).as_deref(), Some("en"));
        let russian = "Вооружённые люди открыли огонь по зрителям в концертном зале в пятницу вечером, \
                       сообщили власти, после чего здание загорелось.";
        assert_eq!(detect(russian).as_deref(), Some("ru"));
        let arabic = "أطلق مسلحون النار على رواد حفل موسيقي في قاعة خارج العاصمة مساء الجمعة، \
                      وفق ما أعلنه المسؤولون، ثم اشتعلت النيران في المبنى.";
        assert_eq!(detect(arabic).as_deref(), Some("ar"));
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect("Hi"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn every_language_has_a_code() {
        for lang in Lang::all() {
            let code = iso639_1(*lang);
            assert!(code.len() == 2 || code.len() == 3, "{lang:?}");
        }
    }
}
