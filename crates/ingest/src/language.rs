//! Language identification with whatlang, reported as ISO 639-1 codes.

use whatlang::Lang;

/// whatlang reads at most this many bytes: its trigram guess settles well before, and the cost
/// stays fixed however long the document is.
const PREFIX: usize = 2048;

/// Words frequent in English and rare in the other languages written in Latin script (so not
/// `was`, `is`, `in`, `to`, `an`, `at`, `for`, `have` or `will`, which are words elsewhere too).
const ENGLISH_MARKERS: [&str; 21] = [
    "the", "and", "of", "that", "with", "were", "said", "from", "this", "which", "has", "been",
    "after", "they", "their", "would", "who", "but", "not", "its", "by",
];

/// The ISO 639-1 code of `text`'s language, or `None` when the text is too short or the guess is
/// unreliable. Languages without a 639-1 code keep whatlang's 639-3 code.
///
/// whatlang compares the text against ~300 trigrams of every candidate language, a fixed cost of
/// 100–150 µs. Most reports are English, so a cheaper test comes first: mostly ASCII text whose
/// words are at least 12% English-only function words is English without asking whatlang.
pub(crate) fn detect(text: &str) -> Option<String> {
    let prefix = &text[..crate::boilerplate::floor_boundary(text, PREFIX)];
    if prefix.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    if is_plainly_english(prefix) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(prefix)?;
    info.is_reliable().then(|| iso639_1(info.lang()).to_string())
}

/// At least 12 words, 95% of the bytes ASCII, and 12% of the words (3 at least) English
/// markers.
fn is_plainly_english(prefix: &str) -> bool {
    let ascii = prefix.bytes().filter(u8::is_ascii).count();
    if ascii * 20 < prefix.len() * 19 {
        return false;
    }
    let mut words = 0usize;
    let mut markers = 0usize;
    for word in prefix.split(|c: char| !c.is_ascii_alphabetic()).filter(|word| !word.is_empty()) {
        words += 1;
        if word.len() <= 5 && ENGLISH_MARKERS.iter().any(|marker| marker.eq_ignore_ascii_case(word))
        {
            markers += 1;
        }
    }
    words >= 12 && markers >= 3 && markers * 100 >= words * 12
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
    fn the_english_shortcut_agrees_with_whatlang_and_spares_other_languages() {
        let english = "The minister said that the attack, which was carried out by two men, had been \
                       planned for weeks. Police have arrested three suspects and are searching for a \
                       fourth, who is believed to have fled the city with the help of relatives.";
        assert!(is_plainly_english(english));
        let short = "More than 400 passengers were taken off a ferry in Northport on Tuesday after \
                     an anonymous caller said a bomb was on board.";
        assert!(is_plainly_english(short));
        assert_eq!(whatlang::detect(english).map(|info| info.lang()), Some(Lang::Eng));
        for other in [
            "Le ministre a déclaré que l'attaque, menée par deux hommes, avait été préparée pendant \
             des semaines. La police a arrêté trois suspects et recherche un quatrième homme.",
            "Der Minister sagte, der Angriff sei von zwei Männern wochenlang geplant worden. Die \
             Polizei hat drei Verdächtige festgenommen und sucht nach einem vierten Mann, der was \
             auch immer getan hat.",
            "El ministro dijo que el ataque, llevado a cabo por dos hombres, había sido planeado \
             durante semanas. La policía detuvo a tres sospechosos y busca a un cuarto hombre.",
            "De minister zei dat de aanval door twee mannen was voorbereid. Hij was in het huis en \
             het is niet bekend wat er is gebeurd, maar de politie had drie verdachten opgepakt.",
            "Ministeren sa at angrepet ble utført av to menn og planlagt i flere uker. Politiet har \
             pågrepet tre mistenkte og leter etter en fjerde mann for å avhøre ham.",
        ] {
            assert!(!is_plainly_english(other), "{other}");
        }
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
