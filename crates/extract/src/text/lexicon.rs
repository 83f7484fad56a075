//! The closed-class lexicon the date and count readers share: one lookup per word.
//!
//! Each word token is classified once into a [`Lex`]: a month, a weekday, a calendar unit, a
//! number word, a scale word, a keyword the readers' patterns mention, a function word, or
//! nothing of interest. Matching is ASCII case-insensitive, so ALL-CAPS wire copy ("12 JAN 90",
//! "SIX PEASANTS") reads the same as mixed case; possessives ("Friday's") are looked through.

use super::words::WORDS;

/// What a word is to the readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Nothing the readers look for: content words, names, punctuation, digits.
    Other,
    /// A function word that ends a noun phrase ("were", "who", "with").
    Stop,
    /// A full month name, 1..=12 ("May" and "March" included; callers check the context).
    Month(u8),
    /// A month abbreviation, 1..=12 ("Jan", "Sept"), only meaningful next to a number.
    MonthAbbr(u8),
    /// A weekday, 0 = Monday.
    Weekday(u8),
    /// A calendar unit, singular or plural.
    Unit(Unit),
    /// A number word below one hundred: "six", "twenty-three".
    Num(u32),
    /// A multiplier: "hundred", "thousand", "million".
    Scale(u32),
    /// A keyword of a date or count pattern.
    Kw(Kw),
}

/// Calendar units for "two days ago", "last week", "the past two years".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// "day", "days".
    Day,
    /// "week", "weeks".
    Week,
    /// "month", "months".
    Month,
    /// "year", "years".
    Year,
}

/// Keywords the date and count patterns are built from; each variant is the word it is named
/// after (a few cover synonyms: `In` is also "during", `Morning` also "afternoon" and "evening").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    A,
    About,
    After,
    Aged,
    Ago,
    Almost,
    And,
    Approximately,
    Around,
    As,
    At,
    Before,
    Beginning,
    Between,
    By,
    Close,
    Couple,
    Dozen,
    Dozens,
    Early,
    Earlier,
    End,
    Estimated,
    Few,
    Fewer,
    Following,
    From,
    Half,
    Hundreds,
    In,
    Last,
    Late,
    Later,
    Least,
    Less,
    Many,
    Mid,
    Millions,
    More,
    Morning,
    Most,
    Nearly,
    Next,
    Night,
    No,
    Of,
    On,
    Or,
    Other,
    Over,
    Past,
    Percent,
    Previous,
    Roughly,
    Same,
    Scores,
    Several,
    Since,
    Some,
    Start,
    Tens,
    Than,
    That,
    The,
    This,
    Thousands,
    Through,
    To,
    Today,
    Tomorrow,
    Tonight,
    Until,
    Up,
    Upwards,
    Weekend,
    Yesterday,
}

impl Lex {
    /// Whether this word ends a noun phrase that follows a count.
    pub(crate) fn ends_phrase(self) -> bool {
        match self {
            Lex::Other | Lex::Unit(_) => false,
            Lex::Kw(kw) => !matches!(kw, Kw::Other | Kw::Morning | Kw::Night | Kw::Weekend),
            _ => true,
        }
    }
}

/// Classifies one word token (the caller passes only word tokens).
#[inline]
pub(crate) fn classify(word: &str) -> Lex {
    let bytes = strip_possessive(word.as_bytes());
    let Some((key, hyphen)) = pack(bytes) else { return Lex::Other };
    if let Some(lex) = get(key) {
        return lex;
    }
    // "twenty-three": tens and units joined by a hyphen.
    if hyphen
        && let Some(at) = bytes.iter().position(|&byte| byte == b'-')
        && let (Some((tens, _)), Some((units, _))) = (pack(&bytes[..at]), pack(&bytes[at + 1..]))
        && let (Some(Lex::Num(tens)), Some(Lex::Num(units))) = (get(tens), get(units))
        && tens >= 20
        && tens % 10 == 0
        && (1..10).contains(&units)
    {
        return Lex::Num(tens + units);
    }
    Lex::Other
}

/// "Friday's", "Kyiv’s", "FRIDAY'S" without the possessive.
fn strip_possessive(bytes: &[u8]) -> &[u8] {
    if !matches!(bytes.last(), Some(b's' | b'S')) {
        return bytes;
    }
    let stem = &bytes[..bytes.len() - 1];
    stem.strip_suffix(b"'").or_else(|| stem.strip_suffix("’".as_bytes())).unwrap_or(bytes)
}

/// The longest word in the lexicon fits, with its length byte, in one 16-byte key.
const MAX_WORD: usize = 15;

/// A packed word: its length and up to 15 lower-case ASCII bytes, in two machine words.
type Key = (u64, u64);

/// Packs an ASCII word, lower-cased, with its length into a [`Key`]; `None` for words that
/// cannot be in the lexicon (empty, too long, not ASCII). Also says whether it has a hyphen.
/// Built in registers: assembling bytes in memory and reloading them stalls the CPU.
#[inline]
const fn pack(bytes: &[u8]) -> Option<(Key, bool)> {
    let length = bytes.len();
    if length == 0 || length > MAX_WORD {
        return None;
    }
    let (mut low, mut high) = (length as u64, 0u64);
    let (mut bits, mut hyphen) = (0u8, false);
    // Two loops rather than one with a branch per byte: most words fit in the first.
    let split = if length < 7 { length } else { 7 };
    let mut index = 0;
    while index < split {
        let byte = bytes[index];
        bits |= byte;
        hyphen |= byte == b'-';
        low |= (byte.to_ascii_lowercase() as u64) << (8 * (index + 1));
        index += 1;
    }
    while index < length {
        let byte = bytes[index];
        bits |= byte;
        hyphen |= byte == b'-';
        high |= (byte.to_ascii_lowercase() as u64) << (8 * (index - 7));
        index += 1;
    }
    if bits < 0x80 { Some(((low, high), hyphen)) } else { None }
}

/// Slots in the lexicon's hash table: a power of two, at most a third full so probes are short.
const SLOTS: usize = 1024;

/// An open-addressing hash table from packed words to their class, built at compile time: a
/// `match` on strings compiles to one comparison per arm, far too slow for every word. A small
/// array of 16-bit tags is probed first, so that most words not in the lexicon are rejected
/// without touching the larger key array (which then stays out of the cache's way).
struct Table {
    tags: [u16; SLOTS],
    keys: [Key; SLOTS],
    values: [Lex; SLOTS],
}

static TABLE: Table = build();

/// A multiplicative hash of both halves of the key.
const fn hash(key: Key) -> u64 {
    (key.0 ^ key.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The home slot (the hash's top ten bits) and the tag (the next sixteen, never zero).
const fn slot_and_tag(key: Key) -> (usize, u16) {
    let hash = hash(key);
    ((hash >> 54) as usize, ((hash >> 38) as u16) | 1)
}

const fn build() -> Table {
    let mut table = Table { tags: [0; SLOTS], keys: [(0, 0); SLOTS], values: [Lex::Other; SLOTS] };
    let mut group = 0;
    while group < WORDS.len() {
        let (lex, words) = WORDS[group];
        let mut word = 0;
        while word < words.len() {
            // `build` runs at compile time (it initialises a `static`), so this panic can only
            // ever be a build error pointing at a bad entry in the word list, never a runtime one.
            let Some((key, _)) = pack(words[word].as_bytes()) else {
                panic!("a lexicon word is too long or not ASCII");
            };
            let (mut at, tag) = slot_and_tag(key);
            while table.tags[at] != 0 && !(table.keys[at].0 == key.0 && table.keys[at].1 == key.1) {
                at = (at + 1) % SLOTS;
            }
            table.tags[at] = tag;
            table.keys[at] = key;
            table.values[at] = lex;
            word += 1;
        }
        group += 1;
    }
    table
}

/// The class of a packed word, if it is in the lexicon.
#[inline]
fn get(key: Key) -> Option<Lex> {
    let (mut at, tag) = slot_and_tag(key);
    loop {
        match TABLE.tags[at] {
            0 => return None,
            found if found == tag && TABLE.keys[at] == key => return Some(TABLE.values[at]),
            _ => at = (at + 1) & (SLOTS - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(classify("JAN"), Lex::MonthAbbr(1));
        assert_eq!(classify("Friday's"), Lex::Weekday(4));
        assert_eq!(classify("Twenty-Three"), Lex::Num(23));
        assert_eq!(classify("twenty-ten"), Lex::Other);
        assert_eq!(classify("SIX"), Lex::Num(6));
        assert_eq!(classify("Khorasan"), Lex::Other);
        assert_eq!(classify("WERE"), Lex::Stop);
        assert_eq!(classify("ÿ"), Lex::Other);
    }
}
