//! Name folding: the one key every name is indexed and looked up under, so that "Kyiv", "KYIV",
//! "Kābul"/"Kabul", "Mazar-e Sharif"/"Mazar-e-Sharif" and "U.S."/"US" meet; plus the bare
//! "base" of a region's name ("Kaluga Oblast" → "kaluga", "Departamento de San Miguel" →
//! "san miguel").

/// Words naming a kind of administrative area. Stripped from the ends of region names to get
/// their base, because news text writes "Kaluga" or "the Kaluga region" for "Kaluga Oblast".
const GENERIC_WORDS: &[&str] = &[
    "oblast",
    "oblasts",
    "region",
    "regiao",
    "province",
    "provincia",
    "provinsi",
    "departamento",
    "department",
    "departement",
    "governorate",
    "muhafazat",
    "state",
    "estado",
    "prefecture",
    "county",
    "district",
    "territory",
    "krai",
    "kray",
    "respublika",
    "republic",
    "republica",
    "autonomous",
    "avtonomnyy",
    "okrug",
    "oblysy",
    "ostan",
    "municipality",
    "municipio",
    "city",
    "federal",
    "voivodeship",
    "wojewodztwo",
    "canton",
    "emirate",
    "division",
    "parish",
    "capital",
    "metropolitan",
];

/// Words that, ending or opening a query, say the writer means a region and not its capital
/// ("San Miguel department", "Province of Kabul"). Narrower than [`GENERIC_WORDS`]: "Mexico
/// City" names a city.
const ADMIN_MARKERS: &[&str] = &[
    "oblast",
    "region",
    "province",
    "provincia",
    "departamento",
    "department",
    "departement",
    "governorate",
    "state",
    "prefecture",
    "county",
    "district",
    "territory",
    "krai",
    "kray",
    "respublika",
    "republic",
    "municipality",
    "voivodeship",
    "canton",
];

/// Little words joining a generic word to the name ("Province of Kabul", "Departamento de X").
const CONNECTORS: &[&str] = &["of", "de", "del", "della", "di", "du", "des", "la", "el", "the"];

/// Folds `name` into its lookup key: lower case, Latin diacritics removed, apostrophes and full
/// stops dropped, every other run of punctuation or space turned into one space.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// [`fold`] into a reused buffer, which is cleared first.
pub(crate) fn fold_into(name: &str, out: &mut String) {
    out.clear();
    // `pending_space` defers separators so that runs collapse and ends are trimmed.
    let mut pending_space = false;
    for character in name.chars() {
        if character.is_ascii() {
            push_ascii(character, out, &mut pending_space);
        } else if is_dropped(character) {
            continue;
        } else if is_latin_letter(character) {
            // deunicode spells Latin letters in ASCII: "ā" → "a", "ß" → "ss", "Ł" → "L".
            match deunicode::deunicode_char(character) {
                Some(ascii) => ascii.chars().for_each(|c| push_ascii(c, out, &mut pending_space)),
                None => pending_space = !out.is_empty(),
            }
        } else if character.is_alphanumeric() {
            // Other scripts stay as they are: transliterating Cyrillic or Arabic here would make
            // unrelated names collide, and GeoNames already lists their Latin spellings.
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(character.to_lowercase());
        } else {
            pending_space = !out.is_empty();
        }
    }
}

fn push_ascii(character: char, out: &mut String, pending_space: &mut bool) {
    if character.is_ascii_alphanumeric() {
        if *pending_space {
            out.push(' ');
            *pending_space = false;
        }
        out.push(character.to_ascii_lowercase());
    } else if character == '\'' || character == '.' || character == '`' {
        // "Kharkiv's" and "U.S." keep their letters together.
    } else {
        *pending_space = !out.is_empty();
    }
}

/// Apostrophe look-alikes (transliterations use them for soft signs and glottal stops) and
/// combining marks, which fold to nothing.
fn is_dropped(character: char) -> bool {
    matches!(
        character,
        '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{02B9}' | '\u{00B4}' | '\u{2032}'
    ) || ('\u{0300}'..='\u{036F}').contains(&character)
}

/// Letters of the Latin script beyond ASCII (Latin-1 to Latin Extended Additional).
fn is_latin_letter(character: char) -> bool {
    matches!(character, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        && character.is_alphabetic()
}

/// The base of an already folded region name: generic words and their connectors stripped from
/// both ends. `None` when nothing was stripped or too little would be left.
pub fn base_name(folded: &str) -> Option<String> {
    strip_words(folded, GENERIC_WORDS)
}

/// When a folded query opens or ends with a word such as "department" or "province", the name
/// it qualifies; `None` otherwise.
pub(crate) fn admin_marked_base(folded: &str) -> Option<String> {
    strip_words(folded, ADMIN_MARKERS)
}

fn strip_words(folded: &str, words: &[&str]) -> Option<String> {
    let tokens: Vec<&str> = folded.split(' ').collect();
    let (mut start, mut end) = (0, tokens.len());
    // Leading: "Province of Kabul", "Respublika Ingushetiya".
    while start < end && words.contains(&tokens[start]) {
        start += 1;
        while start < end && CONNECTORS.contains(&tokens[start]) {
            start += 1;
        }
    }
    // Trailing: "Kaluga Oblast", "North Rhine-Westphalia State of".
    while end > start && words.contains(&tokens[end - 1]) {
        end -= 1;
        while end > start && CONNECTORS.contains(&tokens[end - 1]) {
            end -= 1;
        }
    }
    if (start, end) == (0, tokens.len()) {
        return None;
    }
    let base = tokens[start..end].join(" ");
    (base.len() >= 3).then_some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_meets_spellings() {
        assert_eq!(fold("Kābul"), "kabul");
        assert_eq!(fold("KYIV"), fold("Kyiv"));
        assert_eq!(fold("Mazar-e Sharif"), fold("Mazar-e-Sharif"));
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Côte d’Ivoire"), "cote divoire");
        assert_eq!(fold("  São   Paulo "), "sao paulo");
        assert_eq!(fold("Nizhniy Novgorod"), "nizhniy novgorod");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("Łódź"), "lodz");
    }

    #[test]
    fn base_strips_generic_words() {
        assert_eq!(base_name("kaluga oblast").as_deref(), Some("kaluga"));
        assert_eq!(base_name("departamento de san miguel").as_deref(), Some("san miguel"));
        assert_eq!(base_name("respublika ingushetiya").as_deref(), Some("ingushetiya"));
        assert_eq!(base_name("kabul"), None);
        assert_eq!(admin_marked_base("mexico city"), None);
        assert_eq!(admin_marked_base("san miguel department").as_deref(), Some("san miguel"));
    }
}
