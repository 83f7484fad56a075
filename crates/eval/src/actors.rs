//! Which actor a name means, and the actor list's score.
//!
//! Names are compared as keys: first the caller's canonicalizer (where the project's alias
//! tables live; by default lowercase, trimmed, single-spaced), then the key's own alias table: a
//! key equal to a gold actor's name, one of its `aliases_seen` or one of its `also_accept`
//! resolves to that actor's key. A name resolves to the first gold actor whose name is the key,
//! else the first whose alias is, so an ambiguous alias is settled by the key's order, always
//! the same way. The output's own `aliases_seen` are not used: a reader could otherwise earn
//! credit by listing many aliases.
//!
//! The actor list is scored as sets of resolved keys: each distinct gold actor is a recall unit,
//! each distinct output actor a precision unit.

use std::collections::{BTreeMap, BTreeSet};

use vigil_domain::ActorMention;

use crate::gold::GoldActor;
use crate::prf::Tally;

/// Resolves names to actor keys through the canonicalizer and the gold key's aliases.
pub(crate) struct Resolver<'a> {
    canonical: &'a dyn Fn(&str) -> String,
    aliases: BTreeMap<String, String>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(canonical: &'a dyn Fn(&str) -> String, actors: &[GoldActor]) -> Self {
        let mut aliases = BTreeMap::new();
        // Names first, so that an actor's own name beats another actor's alias.
        for actor in actors {
            let key = canonical(&actor.name);
            aliases.entry(key.clone()).or_insert(key);
        }
        for actor in actors {
            let key = canonical(&actor.name);
            for alias in actor.aliases_seen.iter().chain(&actor.also_accept) {
                aliases.entry(canonical(alias)).or_insert_with(|| key.clone());
            }
        }
        Resolver { canonical, aliases }
    }

    /// The actor key a name stands for.
    pub(crate) fn key(&self, name: &str) -> String {
        let key = (self.canonical)(name);
        self.aliases.get(&key).cloned().unwrap_or(key)
    }

    /// Whether an output name means the gold actor or one of its other acceptable names.
    pub(crate) fn matches(&self, output: &str, gold: &str, also_accept: &[String]) -> bool {
        let key = self.key(output);
        std::iter::once(gold)
            .chain(also_accept.iter().map(String::as_str))
            .any(|g| self.key(g) == key)
    }
}

/// The actor list's score, with the names missed and the names the key does not have.
pub(crate) fn score_actors(
    resolver: &Resolver<'_>,
    gold: &[GoldActor],
    output: &[ActorMention],
    errors: &mut Vec<String>,
) -> Tally {
    let mut gold_keys: BTreeMap<String, &str> = BTreeMap::new();
    for actor in gold {
        gold_keys.entry(resolver.key(&actor.name)).or_insert(&actor.name);
    }
    let mut output_keys: BTreeMap<String, &str> = BTreeMap::new();
    for actor in output {
        output_keys.entry(resolver.key(&actor.name)).or_insert(&actor.name);
    }
    let gold_set: BTreeSet<&String> = gold_keys.keys().collect();
    let output_set: BTreeSet<&String> = output_keys.keys().collect();
    for missed in gold_set.difference(&output_set) {
        errors.push(format!("actor {:?}: missed", gold_keys[*missed]));
    }
    for spurious in output_set.difference(&gold_set) {
        errors.push(format!("actor {:?}: spurious", output_keys[*spurious]));
    }
    Tally {
        correct: count(gold_set.intersection(&output_set).count()),
        predicted: count(output_set.len()),
        gold: count(gold_set.len()),
    }
}

/// A count as a tally unit; documents never hold four billion of anything.
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_canonical;

    fn actor(name: &str, aliases: &[&str]) -> GoldActor {
        GoldActor {
            name: name.into(),
            kind: None,
            country: None,
            aliases_seen: aliases.iter().map(|a| (*a).into()).collect(),
            also_accept: vec![],
            parent: None,
        }
    }

    #[test]
    fn names_resolve_through_gold_aliases_names_first() {
        let actors = [
            actor("Islamic State", &["IS", "Khorasan"]),
            actor("Islamic State Khorasan Province", &["Khorasan", "IS-K"]),
            actor("Russia", &["Kremlin"]),
        ];
        let resolver = Resolver::new(&default_canonical, &actors);
        assert_eq!(resolver.key(" the  Kremlin"), "the kremlin");
        assert_eq!(resolver.key("KREMLIN"), "russia");
        assert_eq!(resolver.key("is-k"), "islamic state khorasan province");
        // An alias claimed by two actors goes to the first, every time.
        assert_eq!(resolver.key("Khorasan"), "islamic state");
        assert!(resolver.matches("IS", "Islamic State", &[]));
        assert!(resolver.matches("FSB", "Russia", &["fsb".into()]));
        assert!(!resolver.matches("IS", "Islamic State Khorasan Province", &[]));
    }
}
