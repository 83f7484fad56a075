//! Word lists the reader runs on: event triggers, speech verbs, weapons, targets, hedges.
//!
//! Every list is general English news vocabulary, never an article's own words; the rules in
//! the sibling modules decide what a match means in its sentence.

use vigil_domain::{IncidentType, Probability, TargetType, Weapon};

/// What a trigger word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TriggerClass {
    /// A violent act of a known or unknown type.
    Violent(IncidentType),
    /// A violent noun that is vague ("operation"): an incident only with support around it.
    Vague,
    /// Killing or raiding militants: a security operation when its object is an armed group.
    Killing,
    /// A security operation in so many words ("counter-terrorism operation", "raid").
    SecurityOperation,
    /// Detention.
    Arrest,
    /// A public alert.
    Warning,
    /// A threat voiced by an actor.
    Threat,
    /// Plotting verbs ("planning", "preparing", "plotting"): the act that follows is planned.
    Plot,
}

/// Single-word triggers (lower case).
pub(crate) fn trigger(word: &str) -> Option<TriggerClass> {
    use IncidentType as T;
    use TriggerClass as C;
    Some(match word {
        "attack" | "attacks" | "attacked" | "attacking" | "assaulted" | "raided" | "massacre"
        | "massacred" | "ambush" | "ambushed" | "onslaught" => C::Violent(T::Attack),
        "shooting" | "shootings" | "gunfire" | "gunmen" | "stormed" | "shot" | "gunned"
        | "machine-gunned" | "stabbed" | "stabbing" | "stabbings" | "knifing" => {
            C::Violent(T::ArmedAssault)
        }
        "bombing" | "bombings" | "bombed" | "explosion" | "explosions" | "blast" | "blasts"
        | "detonated" | "exploded" | "car-bomb" | "dynamited" => C::Violent(T::Bombing),
        "kidnapped" | "kidnapping" | "kidnappings" | "abducted" | "abduction" | "abductions"
        | "hostage" | "hostages" | "kidnap" | "abduct" => C::Violent(T::HostageTaking),
        "hijacked" | "hijacking" | "hijack" => C::Violent(T::Hijacking),
        "arson" | "torched" => C::Violent(T::Arson),
        "assassinated" | "assassination" | "assassinate" => C::Violent(T::Assassination),
        "operation" | "operations" => C::Vague,
        "killing" | "killed" | "kills" | "murdered" | "murder" | "slain" => C::Killing,
        "raid" | "raids" | "counter-terrorism" | "counterterrorism" | "counter-terror"
        | "crackdown" | "shootout" | "firefight" | "clashes" | "clash" => C::SecurityOperation,
        "arrested" | "arrest" | "arrests" | "detained" | "detention" | "apprehended"
        | "captured" | "custody" | "detain" | "arresting" => C::Arrest,
        "warn" | "warned" | "warning" | "warnings" | "alert" | "advisory" => C::Warning,
        "threatened" | "threatening" | "vowed" => C::Threat,
        "planning" | "plotting" | "preparing" | "plotted" | "plot" | "plots" | "planned" => C::Plot,
        _ => return None,
    })
}

/// Words after which a violent trigger is hypothetical, not an incident.
pub(crate) const IRREALIS: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "will",
    "shall",
    "should",
    "can",
    "to",
    "strategy",
    "possible",
    "potential",
    "future",
    "threat",
    "threats",
    "any",
    "such",
];

/// Words that negate a following trigger ("not the first attack").
pub(crate) const NEGATORS: &[&str] = &["not", "no", "never", "without", "nor"];

/// People-denoting heads that count as victims or perpetrators.
pub(crate) fn is_person_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "person"
            | "civilians"
            | "civilian"
            | "victims"
            | "victim"
            | "officers"
            | "officer"
            | "policemen"
            | "policeman"
            | "police"
            | "soldiers"
            | "soldier"
            | "troops"
            | "guards"
            | "children"
            | "students"
            | "pupils"
            | "schoolgirls"
            | "girls"
            | "boys"
            | "women"
            | "men"
            | "man"
            | "woman"
            | "teacher"
            | "teachers"
            | "worshippers"
            | "fans"
            | "members"
            | "militants"
            | "fighters"
            | "suspects"
            | "suspect"
            | "passengers"
            | "journalists"
            | "tourists"
            | "residents"
            | "villagers"
            | "peasants"
            | "workers"
            | "employees"
            | "staff"
            | "operatives"
            | "insurgents"
            | "guerrillas"
            | "rebels"
            | "terrorists"
            | "jihadists"
            | "gunmen"
            | "attackers"
            | "assailants"
            | "citizens"
            | "pilgrims"
            | "mourners"
            | "shoppers"
            | "spectators"
            | "concertgoers"
            | "concert-goers"
            | "hostages"
            | "diplomats"
            | "officials"
            | "leaders"
            | "leader"
            | "commander"
            | "commanders"
            | "bodies"
            | "dead"
            | "youths"
            | "individuals"
            | "perpetrators"
            | "brother"
            | "son"
            | "daughter"
            | "priest"
            | "judge"
            | "judges"
            | "mayor"
            | "crowds"
            | "crowd"
            | "nationals"
            | "pupil"
            | "student"
            | "attacker"
            | "assailant"
            | "bomber"
            | "bombers"
            | "gunman"
            | "boy"
            | "girl"
            | "teenager"
            | "teenagers"
            | "youth"
            | "fighter"
            | "militant"
            | "member"
            | "worker"
            | "resident"
            | "tourist"
            | "journalist"
            | "soldier's"
    )
}

/// Heads that denote militants (as victims they make an operation a security operation).
pub(crate) fn is_militant_noun(word: &str) -> bool {
    matches!(
        word,
        "members"
            | "militants"
            | "fighters"
            | "operatives"
            | "insurgents"
            | "guerrillas"
            | "rebels"
            | "terrorists"
            | "jihadists"
            | "gunmen"
            | "suspects"
            | "cell"
            | "attackers"
    )
}

/// Heads of named or unnamed facilities that can be a site of attack.
pub(crate) fn facility(word: &str) -> Option<TargetType> {
    use TargetType as T;
    Some(match word {
        "synagogue" | "mosque" | "church" | "cathedral" | "temple" | "shrine" | "tomb"
        | "mausoleum" | "cemetery" | "monastery" | "chapel" => T::Religious,
        "embassy" | "consulate" | "mission" => T::Diplomatic,
        "hall" | "hotel" | "market" | "bazaar" | "mall" | "shop" | "store" | "restaurant"
        | "cafe" | "bar" | "nightclub" | "club" | "theatre" | "theater" | "cinema" | "bank"
        | "arena" | "stadium" | "venue" | "supermarket" | "concert" | "concerts" | "festival" => {
            T::Business
        }
        "school" | "university" | "college" | "academy" | "campus" => T::Educational,
        "pipeline" | "refinery" | "substation" | "dam" | "grid" | "plant" | "tower" => T::Utilities,
        "airport" | "station" | "bus" | "train" | "subway" | "metro" | "railway" | "port"
        | "bridge" | "ferry" => T::Transportation,
        "barracks" | "base" | "garrison" => T::Military,
        "checkpoint" | "precinct" => T::Police,
        "parliament" | "ministry" | "courthouse" | "court" | "headquarters" | "office"
        | "offices" | "palace" => T::Government,
        "hospital" | "clinic" => T::Other,
        "foyer" => T::Business,
        _ => return None,
    })
}

/// Target types suggested by a victim head noun.
pub(crate) fn victim_target_type(word: &str) -> Option<TargetType> {
    use TargetType as T;
    Some(match word {
        "civilians" | "civilian" | "people" | "victims" | "residents" | "villagers" | "fans"
        | "crowds" | "crowd" | "shoppers" | "tourists" | "pilgrims" | "spectators" | "children"
        | "concertgoers" | "concert-goers" | "passengers" | "women" | "peasants" => {
            T::PrivateCitizens
        }
        "police" | "policemen" | "policeman" | "officers" | "officer" => T::Police,
        "soldiers" | "soldier" | "troops" => T::Military,
        "students" | "pupils" | "schoolgirls" | "teacher" | "teachers" => T::Educational,
        "journalists" => T::Journalists,
        "diplomats" => T::Diplomatic,
        "worshippers" | "priest" => T::Religious,
        "officials" | "judge" | "judges" | "mayor" => T::Government,
        _ => return None,
    })
}

/// Weapons suggested by a word in an incident's text.
pub(crate) fn weapon(word: &str) -> Option<Weapon> {
    use Weapon as W;
    Some(match word {
        "gunmen" | "gunman" | "guns" | "gun" | "rifles" | "rifle" | "firearms" | "shooting"
        | "shot" | "gunfire" | "kalashnikov" | "kalashnikovs" | "machine-gun" | "pistol"
        | "automatic" | "armed" => W::Firearms,
        "bomb" | "bombs" | "explosives" | "explosive" | "explosion" | "blast" | "grenade"
        | "grenades" | "ied" | "dynamite" | "bombing" | "bomb-making" | "detonated" | "device"
        | "car-bomb" | "suicide-bomb" | "mortar" | "rocket" | "rockets" | "missile" => {
            W::Explosives
        }
        "fire" | "ablaze" | "blaze" | "burned" | "burnt" | "burning" | "torched" | "arson"
        | "incendiary" | "molotov" | "flames" => W::Incendiary,
        "knife" | "knives" | "stabbed" | "stabbing" | "machete" | "machetes" | "axe" => W::Melee,
        "truck" | "lorry" | "ramming" | "rammed" => W::Vehicle,
        _ => return None,
    })
}

/// Verbs of saying and their claim kinds, before the content decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeechClass {
    /// Neutral saying ("said", "announced", "stated").
    Say,
    /// Claiming ("claimed"): responsibility or an accusation, by content.
    Claim,
    /// Hedged suggestion ("hinted", "suggested", "implied").
    Hint,
    /// Blame ("accused", "blamed").
    Accuse,
    /// Denial ("denied", "dismissed", "rejected").
    Deny,
    /// Confirmation ("confirmed", "announced" with a fact).
    Confirm,
    /// Warning.
    Warn,
    /// Threat.
    Threaten,
    /// Judgement ("called it", "described").
    Judge,
}

/// Speech verbs (lower case).
pub(crate) fn speech(word: &str) -> Option<SpeechClass> {
    use SpeechClass as S;
    Some(match word {
        "said" | "says" | "say" | "stated" | "told" | "added" | "declared" => S::Say,
        "announced" | "announces" | "announce" => S::Confirm,
        "confirmed" | "confirms" | "confirm" | "admitted" | "acknowledged" => S::Confirm,
        "claimed" | "claims" | "claim" | "asserted" | "insisted" => S::Claim,
        "hinted" | "suggested" | "implied" | "insinuated" | "speculated" => S::Hint,
        "accused" | "accuses" | "accuse" | "blamed" | "blames" | "blame" => S::Accuse,
        "denied" | "denies" | "deny" | "dismissed" | "rejected" | "rejects" | "refuted" => S::Deny,
        "warned" | "warns" | "warn" | "cautioned" | "urged" | "advised" => S::Warn,
        "threatened" | "threatens" | "threaten" | "vowed" => S::Threaten,
        "called" | "described" | "branded" | "condemned" => S::Judge,
        _ => return None,
    })
}

/// Words that make a statement reported rather than asserted.
pub(crate) const REPORTING: &[&str] =
    &["reportedly", "reports", "reported", "according", "allegedly", "alleged", "purportedly"];

/// Words that make a statement hedged.
pub(crate) const HEDGES: &[&str] =
    &["may", "might", "could", "possibly", "perhaps", "hinted", "suggested", "apparently"];

/// ICD 203 bands of estimative phrases, longest first so "very likely" wins over "likely".
pub(crate) const ESTIMATIVE: &[(&str, Probability)] = &[
    ("almost no chance", Probability::AlmostNoChance),
    ("remote", Probability::AlmostNoChance),
    ("very unlikely", Probability::VeryUnlikely),
    ("highly unlikely", Probability::VeryUnlikely),
    ("highly improbable", Probability::VeryUnlikely),
    ("unlikely", Probability::Unlikely),
    ("improbable", Probability::Unlikely),
    ("low likelihood", Probability::Unlikely),
    ("roughly even chance", Probability::RoughlyEvenChance),
    ("even chance", Probability::RoughlyEvenChance),
    ("almost certainly", Probability::AlmostCertain),
    ("almost certain", Probability::AlmostCertain),
    ("nearly certain", Probability::AlmostCertain),
    ("very likely", Probability::VeryLikely),
    ("highly likely", Probability::VeryLikely),
    ("high likelihood", Probability::VeryLikely),
    ("highly probable", Probability::VeryLikely),
    ("likely", Probability::Likely),
    ("probably", Probability::Likely),
    ("probable", Probability::Likely),
];
