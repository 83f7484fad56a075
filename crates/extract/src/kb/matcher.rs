//! Finding actor aliases in text: the automaton, the per-hit checks and the selection.
//!
//! One Aho-Corasick automaton per knowledge base holds every alias spelling (see
//! [`variants`](super::variants)), matched ASCII-case-insensitively over the text with line
//! breaks read as spaces. Every hit is then checked: it must not start or end inside a word
//! (no "ISIS" in "crisis", no "IS" in "this"); a case-sensitive alias must be written as listed
//! (a lower-case first letter may be capitalised, as at the start of a sentence) and, when it is
//! in capitals, not sit inside a run of capitalised words (a headline); in text without case
//! information the alias's [`CapsRule`] decides. Among the surviving hits the leftmost-longest
//! ones win, without overlaps. An alias that names several entries goes to the one the rest
//! of the text mentions, else to one sharing a country with what the text mentions; with no
//! such clue it is left out rather than guessed.

use std::collections::HashMap;

use vigil_domain::ActorKind;

use super::variants::{bounded, is_caseless, spaced, variants};
use super::word_search::WordSearch;
use super::{CapsRule, Entry, KbError};

/// How to read the text being matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct MatchOptions {
    /// The text carries no case information: written in capitals like MUC-4 wire copy (or
    /// lower-cased, as some corpora are distributed). Case-sensitive aliases then follow their
    /// caps rule: "IS" never matches, "SL" only when the text also names the Shining Path.
    pub text_is_all_caps: bool,
}

impl MatchOptions {
    /// Options suited to `text`: caseless when nearly all of its letters have one case.
    pub fn for_text(text: &str) -> Self {
        Self { text_is_all_caps: is_caseless(text) }
    }
}

/// One actor alias found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActorMatch {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of the entry in [`Kb::entries`](super::Kb::entries).
    pub entry: usize,
    /// The alias as written in the text.
    pub alias: String,
    /// The alias is a metonym ("Moscow", "the Kremlin"): the reader decides by context whether
    /// it names the government or the place.
    pub metonym: bool,
}

/// One entry a spelling can name, with that alias's flags.
#[derive(Debug, Clone)]
struct Target {
    entry: usize,
    text: String,
    case_sensitive: bool,
    metonym: bool,
    caps: CapsRule,
    /// The spelling has capitals and no lower-case letters ("IS", "SL").
    upper: bool,
}

/// A hit that passed the boundary check.
struct Candidate {
    start: usize,
    end: usize,
    pattern: usize,
    /// Bit i set: target i of the pattern is accepted.
    accepted: u64,
    /// Bit i set: target i is accepted only if the text also names its entry another way.
    pending: u64,
}

impl Candidate {
    /// Indices of the accepted targets.
    fn targets(&self) -> impl Iterator<Item = usize> + use<> {
        let mut bits = self.accepted;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                i
            })
        })
    }
}

/// Most entries one spelling may name (more are ignored).
const MAX_TARGETS: usize = 64;

enum Verdict {
    Yes,
    IfMentioned,
    No,
}

/// The compiled alias automaton of one knowledge base.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    /// `None` when there is nothing to look for.
    search: Option<WordSearch>,
    /// Per pattern, the entries it names; empty for phrases that are never actors.
    patterns: Vec<Vec<Target>>,
}

impl Matcher {
    /// Compiles every alias of `entries` and every phrase of `not_actors`.
    pub(crate) fn build(entries: &[Entry], not_actors: &[String]) -> Result<Self, KbError> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Target>> = Vec::new();
        let mut id_of = |spelling: &str, patterns: &mut Vec<Vec<Target>>| {
            *ids.entry(spelling.to_ascii_lowercase()).or_insert_with(|| {
                texts.push(spelling.to_string());
                patterns.push(Vec::new());
                patterns.len() - 1
            })
        };
        for (index, entry) in entries.iter().enumerate() {
            for alias in &entry.aliases {
                for spelling in variants(&alias.text) {
                    let id = id_of(&spelling, &mut patterns);
                    let targets = &mut patterns[id];
                    if targets.len() == MAX_TARGETS
                        || targets.iter().any(|t| t.entry == index && t.text == spelling)
                    {
                        continue;
                    }
                    let upper = spelling.chars().any(char::is_uppercase)
                        && !spelling.chars().any(char::is_lowercase);
                    targets.push(Target {
                        entry: index,
                        text: spelling,
                        case_sensitive: alias.case_sensitive,
                        metonym: alias.metonym,
                        caps: alias.caps,
                        upper,
                    });
                }
            }
        }
        for phrase in not_actors {
            for spelling in variants(phrase) {
                id_of(&spelling, &mut patterns);
            }
        }
        if texts.is_empty() {
            return Ok(Self::empty());
        }
        let search = WordSearch::build(&texts).map_err(|e| KbError::Matcher(e.to_string()))?;
        Ok(Self { search: Some(search), patterns })
    }

    /// A matcher that finds nothing.
    pub(crate) fn empty() -> Self {
        Self { search: None, patterns: Vec::new() }
    }

    /// Finds actor aliases in `text`: leftmost-longest, non-overlapping, sorted by start.
    pub(crate) fn find(
        &self,
        entries: &[Entry],
        text: &str,
        options: MatchOptions,
    ) -> Vec<ActorMatch> {
        let Some(search) = &self.search else { return Vec::new() };
        let haystack = spaced(text);
        let mut candidates = Vec::new();
        for (start, end, pattern) in search.find(text, &haystack, true) {
            if !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
                || !bounded(text, start, end)
            {
                continue;
            }
            let targets = &self.patterns[pattern];
            let written = &text[start..end];
            let (mut accepted, mut pending) = (0u64, 0u64);
            for (i, target) in targets.iter().enumerate() {
                match verdict(target, written, text, start, end, options) {
                    Verdict::Yes => accepted |= 1 << i,
                    Verdict::IfMentioned => {
                        accepted |= 1 << i;
                        pending |= 1 << i;
                    }
                    Verdict::No => {}
                }
            }
            if targets.is_empty() || accepted != 0 {
                candidates.push(Candidate { start, end, pattern, accepted, pending });
            }
        }
        let mut mentioned = vec![false; entries.len()];
        for candidate in &candidates {
            for i in candidate.targets().filter(|i| candidate.pending & (1 << i) == 0) {
                mentioned[self.patterns[candidate.pattern][i].entry] = true;
            }
        }
        for candidate in &mut candidates {
            let targets = &self.patterns[candidate.pattern];
            if candidate.pending == 0 {
                continue;
            }
            for i in 0..targets.len() {
                if candidate.pending & (1 << i) != 0 && !mentioned[targets[i].entry] {
                    candidate.accepted &= !(1 << i);
                }
            }
        }
        candidates.retain(|c| self.patterns[c.pattern].is_empty() || c.accepted != 0);
        candidates.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut chosen: Vec<Candidate> = Vec::with_capacity(candidates.len());
        for candidate in candidates {
            if chosen.last().is_none_or(|last| candidate.start >= last.end) {
                chosen.push(candidate);
            }
        }
        self.resolve(entries, text, &chosen)
    }

    /// Turns the chosen hits into matches, picking one entry for spellings that name several.
    fn resolve(&self, entries: &[Entry], text: &str, chosen: &[Candidate]) -> Vec<ActorMatch> {
        let mut sole = vec![false; entries.len()];
        let mut countries = [0u32; 26 * 26];
        for candidate in chosen {
            let targets = &self.patterns[candidate.pattern];
            let mut named = candidate.targets().map(|i| targets[i].entry);
            if let Some(first) = named.next()
                && named.all(|e| e == first)
            {
                sole[first] = true;
                if let Some(slot) = country_slot(&entries[first]) {
                    countries[slot] += 1;
                }
            }
        }
        let mut out = Vec::with_capacity(chosen.len());
        for (k, candidate) in chosen.iter().enumerate() {
            let targets = &self.patterns[candidate.pattern];
            let mut best: Option<(&Target, (bool, u32))> = None;
            for i in candidate.targets() {
                let target = &targets[i];
                let entry = &entries[target.entry];
                let score =
                    (sole[target.entry], country_slot(entry).map_or(0, |slot| countries[slot]));
                if best.is_none_or(|(_, s)| score > s) {
                    best = Some((target, score));
                }
            }
            let Some((target, score)) = best else { continue };
            let ambiguous = candidate.targets().any(|i| targets[i].entry != target.entry);
            if ambiguous && score == (false, 0) {
                // A shared alias ("National Guard") the rest of the text gives no clue about.
                continue;
            }
            let mut end = candidate.end;
            if entries[target.entry].kind == ActorKind::ArmedGroup {
                let limit = chosen.get(k + 1).map_or(text.len(), |next| next.start);
                if let Some(group_end) = group_suffix(text, candidate.start, end)
                    && group_end <= limit
                {
                    end = group_end;
                }
            }
            out.push(ActorMatch {
                start: candidate.start,
                end,
                entry: target.entry,
                alias: text[candidate.start..end].to_string(),
                metonym: target.metonym,
            });
        }
        out
    }
}

/// Index of an entry's ISO2 country in a 26 x 26 table.
fn country_slot(entry: &Entry) -> Option<usize> {
    match entry.country.as_deref()?.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

/// Whether `target` may be read at `text[start..end]` (already known to spell it, up to
/// ASCII case).
fn verdict(
    target: &Target,
    written: &str,
    text: &str,
    start: usize,
    end: usize,
    options: MatchOptions,
) -> Verdict {
    if options.text_is_all_caps {
        return match target.caps {
            CapsRule::Always => Verdict::Yes,
            CapsRule::Context => Verdict::IfMentioned,
            CapsRule::Never => Verdict::No,
        };
    }
    if target.case_sensitive {
        if !same_case(&target.text, written) {
            return Verdict::No;
        }
        if target.caps != CapsRule::Always && target.upper && in_caps_run(text, start, end) {
            return Verdict::No;
        }
    }
    Verdict::Yes
}

/// True when `written` is `alias` exactly, or differs only by a capitalised first letter.
fn same_case(alias: &str, written: &str) -> bool {
    if alias == written {
        return true;
    }
    let (mut a, mut w) = (alias.chars(), written.chars());
    match (a.next(), w.next()) {
        (Some(ac), Some(wc)) => {
            ac.is_lowercase()
                && wc.to_lowercase().eq(std::iter::once(ac))
                && a.as_str() == w.as_str()
        }
        _ => false,
    }
}

/// True when the words around `text[start..end]` on its line are in capitals too (a headline),
/// so a capitalised short alias there may be an ordinary word.
fn in_caps_run(text: &str, start: usize, end: usize) -> bool {
    let [p1, p2] = neighbours(text[..start].chars().rev());
    let [n1, n2] = neighbours(text[end..].chars());
    match (p1, n1) {
        (Some(p), Some(n)) => p && n,
        (None, Some(n)) => n && n2 == Some(true),
        (Some(p), None) => p && p2 == Some(true),
        (None, None) => false,
    }
}

/// Whether each of the next two words on the line is in capitals, reading `chars` outwards.
fn neighbours(chars: impl Iterator<Item = char>) -> [Option<bool>; 2] {
    let mut out = [None, None];
    let (mut found, mut letters, mut upper) = (0, 0, 0);
    for c in chars.take(80) {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
            continue;
        }
        if letters > 0 {
            out[found] = Some(letters >= 2 && upper == letters);
            found += 1;
            if found == 2 {
                return out;
            }
            (letters, upper) = (0, 0);
        }
        if c == '\n' {
            return out;
        }
    }
    if letters > 0 {
        out[found] = Some(letters >= 2 && upper == letters);
    }
    out
}

/// The end of "<name> group" when an armed group's name is followed by the word "group".
fn group_suffix(text: &str, start: usize, end: usize) -> Option<usize> {
    let name = &text.as_bytes()[start..end];
    if name.len() >= 5 && name[name.len() - 5..].eq_ignore_ascii_case(b"group") {
        return None;
    }
    let rest = text.get(end..end + 6)?;
    (rest.eq_ignore_ascii_case(" group") && bounded(text, end + 1, end + 6)).then_some(end + 6)
}
