//! Weapon words as MUC-4 keys write them, found in a passage (the rules-only reading's weapons).

use super::score::normalise;

/// Weapon words as MUC-4 keys write them, multi-word ones first so that "car bomb" wins over
/// "bomb". Matched on word boundaries, any case, plurals included.
pub const WEAPON_WORDS: &[&str] = &[
    "car bomb",
    "car-bomb",
    "molotov cocktail",
    "explosive device",
    "explosive charge",
    "incendiary bomb",
    "dynamite charge",
    "dynamite stick",
    "sticks of dynamite",
    "machinegun",
    "machine gun",
    "submachinegun",
    "submachine gun",
    "rifle",
    "pistol",
    "revolver",
    "grenade",
    "mortar",
    "rocket",
    "bazooka",
    "dynamite",
    "explosive",
    "explosives",
    "bomb",
    "mine",
    "firearm",
    "gun",
    "shotgun",
    "machete",
    "knife",
    "ak-47",
    "m-16",
    "fal rifle",
    "galil rifle",
    "uzi",
];

/// Weapon words in a passage, as written, longest match first at each position.
pub fn weapon_mentions(passage: &str) -> Vec<String> {
    let lower = passage.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out: Vec<String> = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let at_word_start = index == 0 || !bytes[index - 1].is_ascii_alphanumeric();
        let found = at_word_start
            .then(|| {
                WEAPON_WORDS
                    .iter()
                    .filter_map(|word| {
                        let rest = &lower[index..];
                        let end = matched_length(rest, word)?;
                        Some(end)
                    })
                    .max()
            })
            .flatten();
        match found {
            Some(length) => {
                let written =
                    passage[index..index + length].split_whitespace().collect::<Vec<_>>().join(" ");
                if !out.iter().any(|w| normalise(w) == normalise(&written)) {
                    out.push(written);
                }
                index += length;
            }
            None => index += 1,
        }
    }
    out
}

/// Length of `word` (or its plural) at the start of `rest`, ending on a word boundary.
fn matched_length(rest: &str, word: &str) -> Option<usize> {
    let boundary = |length: usize| {
        rest.as_bytes().get(length).is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-')
    };
    if !rest.starts_with(word) {
        return None;
    }
    let mut length = word.len();
    if rest[length..].starts_with("es") && boundary(length + 2) && word.ends_with(['h', 's', 'x']) {
        length += 2;
    } else if rest[length..].starts_with('s') && boundary(length + 1) {
        length += 1;
    }
    boundary(length).then_some(length)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weapons_longest_first_plurals_and_boundaries() {
        let found = weapon_mentions("THE CAR BOMB AND TWO GRENADES, BUT NO BOMBERS OR MINES-FIELD");
        assert_eq!(found, ["CAR BOMB", "GRENADES"]);
        assert_eq!(
            weapon_mentions("with dynamite and M-16 rifles"),
            ["dynamite", "M-16", "rifles"]
        );
    }
}
