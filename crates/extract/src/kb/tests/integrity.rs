//! Data integrity: counts, references, alias collisions, the gold keys' names, merging.

use std::collections::{BTreeMap, BTreeSet};

use vigil_domain::ActorKind;

use super::kb;
use crate::kb::Kb;
use crate::kb::data::key;

const UN_MEMBERS: &str = "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI \
    CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE \
    GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU \
    MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL \
    PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT \
    TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW";

fn count(kind: ActorKind) -> usize {
    kb().entries().iter().filter(|e| e.kind == kind).count()
}

#[test]
fn every_category_is_populated() {
    assert!(count(ActorKind::ArmedGroup) >= 150, "armed groups: {}", count(ActorKind::ArmedGroup));
    assert!(count(ActorKind::State) >= 195, "states: {}", count(ActorKind::State));
    assert!(count(ActorKind::StateAgency) >= 80, "agencies: {}", count(ActorKind::StateAgency));
    assert!(count(ActorKind::Person) >= 150, "people: {}", count(ActorKind::Person));
    assert!(
        count(ActorKind::Organization) >= 80,
        "organizations: {}",
        count(ActorKind::Organization)
    );
    assert!(count(ActorKind::Population) >= 10, "populations: {}", count(ActorKind::Population));
}

#[test]
fn every_un_member_is_a_state_with_a_demonym_or_name() {
    let kb = kb();
    let codes: Vec<&str> = UN_MEMBERS.split_whitespace().collect();
    assert_eq!(codes.len(), 193);
    let mut seen = BTreeSet::new();
    for entry in kb.entries().iter().filter(|e| e.kind == ActorKind::State) {
        let code = entry.country.as_deref().unwrap();
        assert!(seen.insert(code), "two states have code {code}");
    }
    for code in codes {
        assert!(seen.contains(code), "no state for {code}");
    }
    for code in ["PS", "VA", "TW", "XK"] {
        assert!(seen.contains(code), "no entry for {code}");
    }
}

#[test]
fn names_the_brief_requires_exist() {
    let kb = kb();
    for name in [
        "Islamic State",
        "Islamic State Khorasan Province",
        "Islamic State West Africa Province",
        "Islamic State Sinai Province",
        "Islamic State Somalia Province",
        "Islamic State Central Africa Province",
        "Islamic State Mozambique Province",
        "Islamic State Sahel Province",
        "Islamic State Pakistan Province",
        "al-Qaeda",
        "AQAP",
        "AQIM",
        "JNIM",
        "al-Shabaab",
        "HTS",
        "al-Nusra Front",
        "AQIS",
        "Taliban",
        "TTP",
        "Haqqani network",
        "Boko Haram",
        "JAS",
        "Hamas",
        "Qassam Brigades",
        "PIJ",
        "Hezbollah",
        "PKK",
        "TAK",
        "YPG",
        "Ansar Allah",
        "Lashkar-e-Taiba",
        "Jaish-e-Mohammed",
        "Baloch Liberation Army",
        "ETA",
        "IRA",
        "New IRA",
        "FARC",
        "ELN",
        "EPL",
        "M-19",
        "Sendero Luminoso",
        "MRTA",
        "FMLN",
        "FPL",
        "ERP",
        "FARN",
        "PRTC",
        "URNG",
        "EGP",
        "ORPA",
        "FPMR",
        "Medellin cartel",
        "Cali cartel",
        "Extraditables",
        "Nicaraguan Resistance",
        "Cinchoneros",
        "Morazanist Patriotic Front",
        "Wagner Group",
        "Atomwaffen Division",
        "The Base",
        "Nordic Resistance Movement",
        "Aum Shinrikyo",
        "LTTE",
        "Abu Sayyaf",
        "Jemaah Islamiyah",
        "MNLF",
        "MILF",
        "ADF",
        "M23",
        "Ansaru",
        "Ansar al-Sharia in Libya",
        "FSB",
        "SVR",
        "GRU",
        "Rosgvardia",
        "Investigative Committee",
        "National Antiterrorism Committee",
        "SBU",
        "HUR",
        "CIA",
        "FBI",
        "NSA",
        "DHS",
        "State Department",
        "MI5",
        "MI6",
        "GCHQ",
        "DGSI",
        "DGSE",
        "BfV",
        "BND",
        "Mossad",
        "Shin Bet",
        "IRGC",
        "Quds Force",
        "MOIS",
        "Inter-Services Intelligence",
        "Research and Analysis Wing",
        "NDS",
        "GDI",
        "Turkish National Intelligence Organization",
        "Europol",
        "Interpol",
        "ESAF",
        "Treasury Police",
        "Salvadoran National Guard",
        "Atlacatl Battalion",
        "Peruvian Army",
        "DAS",
        "Colombian National Police",
        "Guatemalan Army",
        "Honduran Armed Forces",
        "Vladimir Putin",
        "Zelensky",
        "Bortnikov",
        "Peskov",
        "Lavrov",
        "Zakharova",
        "Biden",
        "Blinken",
        "Baghdadi",
        "Zawahiri",
        "bin Laden",
        "Shahab al-Muhajir",
        "Soleimani",
        "Khamenei",
        "Nasrallah",
        "Shekau",
        "Abu Ubaida",
        "Cristiani",
        "D'Aubuisson",
        "Pablo Escobar",
        "Abimael Guzman",
        "Anatoliy Barhylevych",
        "Amaq",
        "United Nations",
        "EU",
        "NATO",
        "DSS",
        "Civilians",
        "Shiites",
        "Christians",
        "Jews",
        "Muslims",
        "the West",
    ] {
        assert!(kb.entry(name).is_some(), "{name} is missing");
    }
}

#[test]
fn parents_resolve_without_cycles_and_fit_their_kinds() {
    let kb = kb();
    for entry in kb.entries() {
        let Some(parent) = entry.parent.as_deref() else { continue };
        let parent_entry = kb.entries().iter().find(|e| e.name == parent);
        let parent_entry = parent_entry
            .unwrap_or_else(|| panic!("{}: parent {parent} is not canonical", entry.name));
        let fits = match entry.kind {
            ActorKind::StateAgency => {
                matches!(parent_entry.kind, ActorKind::State | ActorKind::StateAgency)
            }
            ActorKind::ArmedGroup => {
                matches!(parent_entry.kind, ActorKind::ArmedGroup | ActorKind::Organization)
            }
            ActorKind::Organization => parent_entry.kind != ActorKind::Person,
            ActorKind::State | ActorKind::Person | ActorKind::Population => false,
        };
        assert!(
            fits,
            "{} ({:?}) has parent {parent} ({:?})",
            entry.name, entry.kind, parent_entry.kind
        );
        let chain = kb.ancestors(&entry.name);
        assert!(
            chain.len() < 8 && !chain.contains(&entry.name.as_str()),
            "{}: {chain:?}",
            entry.name
        );
    }
    for entry in kb.entries() {
        if let Some(affiliation) = entry.affiliation.as_deref() {
            assert!(
                kb.entries().iter().any(|e| e.name == affiliation),
                "{}: {affiliation}",
                entry.name
            );
        }
        assert_eq!(
            entry.aliases.iter().filter(|a| key(&a.text) == key(&entry.name)).count(),
            1,
            "{}",
            entry.name
        );
        assert!(entry.aliases.iter().all(|a| !a.text.trim().is_empty()), "{}", entry.name);
    }
}

#[test]
fn no_alias_names_two_entries_unless_marked_shared() {
    let kb = kb();
    let mut owners: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, entry) in kb.entries().iter().enumerate() {
        for alias in &entry.aliases {
            owners.entry(key(&alias.text)).or_default().insert(i);
        }
    }
    let mut clashes = Vec::new();
    for (alias, entries) in &owners {
        if entries.len() < 2 {
            continue;
        }
        let all_shared = entries.iter().all(|&i| {
            kb.entries()[i].aliases.iter().filter(|a| key(&a.text) == *alias).all(|a| a.shared)
        });
        if !all_shared {
            let names: Vec<&str> = entries.iter().map(|&i| kb.entries()[i].name.as_str()).collect();
            clashes.push(format!("{alias:?}: {names:?}"));
        }
    }
    assert!(
        clashes.is_empty(),
        "aliases naming several entries without shared = true:\n{}",
        clashes.join("\n")
    );
    let shared: Vec<&str> =
        owners.iter().filter(|(_, e)| e.len() > 1).map(|(a, _)| a.as_str()).collect();
    let allowed = [
        "ansar al-sharia",
        "ansar al-shariah",
        "brussels",
        "congo",
        "csis",
        "dss",
        "korea",
        "national guard",
        "national police",
        "rn",
        "rsf",
    ];
    assert_eq!(shared, allowed, "the explicitly shared aliases changed");
}

#[test]
fn demonym_words_name_one_country_each() {
    let kb = kb();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (word, code) in &kb.data.demonyms {
        if let Some(previous) = seen.insert(key(word), code) {
            assert_eq!(previous, code, "{word}");
        }
    }
    let codes: BTreeSet<&str> = kb.data.demonyms.iter().map(|(_, c)| c.as_str()).collect();
    assert!(codes.len() >= 190, "{} countries have demonyms", codes.len());
}

#[test]
fn builtin_is_loaded_once() {
    assert!(std::ptr::eq(Kb::builtin(), Kb::builtin()));
}
