//! Matching: a table of sentences and the canonical names the matcher must find in them.

use super::{found, kb, names};
use crate::kb::MatchOptions;

/// (sentence, text has no case information, canonical names expected in order)
const CASES: &[(&str, bool, &[&str])] = &[
    // The founding article's phrasing styles, in our own sentences.
    (
        "Hours after Moscow’s emergency crews reached the hall, the Islamic State group said – via its “Khorasan” branch – that it had done it.",
        false,
        &["Russia", "Islamic State", "Islamic State Khorasan Province"],
    ),
    ("It was hardly the first strike by IS on Russian targets.", false, &["Islamic State"]),
    (
        "US agencies knew of IS Khorasan’s growing activity in Russia.",
        false,
        &["United States", "Islamic State Khorasan Province", "Russia"],
    ),
    (
        "The rise of IS-Khorasan's focus on Russia",
        false,
        &["Islamic State Khorasan Province", "Russia"],
    ),
    (
        "The Russian Federal Security Service (FSB) said it had killed three IS members near Kaluga.",
        false,
        &["Russian Federal Security Service", "Russian Federal Security Service", "Islamic State"],
    ),
    ("The claim was swiftly dismissed by Kyiv.", false, &["Ukraine"]),
    ("Kremlin policy on Afghanistan and Syria", false, &["Russia", "Afghanistan", "Syria"]),
    (
        "ISIS-K, also called ISKP, IS-K or the Khorasan branch, and ISIS-KP",
        false,
        &[
            "Islamic State Khorasan Province",
            "Islamic State Khorasan Province",
            "Islamic State Khorasan Province",
            "Islamic State Khorasan Province",
            "Islamic State Khorasan Province",
        ],
    ),
    (
        "Putin hinted that Ukraine or the West may have had a hand in it.",
        false,
        &["Vladimir Putin", "Ukraine", "the West"],
    ),
    (
        "Ukrainian President Volodymyr Zelenskyy and Anatoliy Barhylevych",
        false,
        &["Volodymyr Zelenskyy", "Anatoliy Barhylevych"],
    ),
    ("The American Embassy warned its citizens in the Russian capital.", false, &["United States"]),
    ("the tomb of Iranian commander Qasem Soleimani", false, &["Qasem Soleimani"]),
    ("Afghanistan’s de facto rulers the Taliban", false, &["Afghanistan", "Taliban"]),
    (
        "Dimensions for Strategic Studies (DSS) is a London-based institute.",
        false,
        &["Dimensions for Strategic Studies", "Dimensions for Strategic Studies", "United Kingdom"],
    ),
    // Word-boundary and case traps.
    ("The crisis deepened; this is what ISIS wants.", false, &["Islamic State"]),
    ("Is this the end? It is, and it is this.", false, &[]),
    ("A Kalashnikov crisis in the ISIS-free zone", false, &["Islamic State"]),
    ("WHAT IS NEXT FOR THE REGION, analysts ask", false, &[]),
    ("The turkey was roasted while Turkey protested.", false, &["Turkey"]),
    ("Let us hope, said the US envoy.", false, &["United States"]),
    ("He moved from New Mexico to Latin America, not America.", false, &["United States"]),
    ("Settlers in the West Bank clashed with police.", false, &[]),
    ("The Islamic\nState claimed it.", false, &["Islamic State"]),
    // Other styles and groups.
    (
        "Hamas and Palestinian Islamic Jihad fired rockets; Hezbollah’s Hassan Nasrallah warned Israel.",
        false,
        &["Hamas", "Palestinian Islamic Jihad", "Hezbollah", "Hassan Nasrallah", "Israel"],
    ),
    (
        "Al-Shabaab, an al-Qaeda affiliate, and AQAP in Yemen",
        false,
        &["al-Shabaab", "al-Qaeda", "al-Qaeda in the Arabian Peninsula", "Yemen"],
    ),
    (
        "The Pakistani Taliban (TTP) differ from the Afghan Taliban and the Haqqani network.",
        false,
        &["Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Taliban", "Haqqani network"],
    ),
    ("Boko Haram leader Abubakar Shekau said", false, &["Boko Haram", "Abubakar Shekau"]),
    ("The Houthis (Ansar Allah) struck a ship.", false, &["Houthis", "Houthis"]),
    (
        "Interior Minister Gérald Darmanin and Gerald Darmanin",
        false,
        &["Gerald Darmanin", "Gerald Darmanin"],
    ),
    (
        "Russia’s FSB and the SBU traded blame.",
        false,
        &["Russian Federal Security Service", "Security Service of Ukraine"],
    ),
    ("The Wagner group and the Wagner Group", false, &["Wagner Group", "Wagner Group"]),
    ("Lashkar-e-Taiba (LeT) let it be known", false, &["Lashkar-e-Taiba", "Lashkar-e-Taiba"]),
    (
        "the PKK and its TAK offshoot; the YPG in Syria",
        false,
        &[
            "Kurdistan Workers' Party",
            "Kurdistan Freedom Hawks",
            "People's Protection Units",
            "Syria",
        ],
    ),
    ("The National Guard was deployed.", false, &[]),
    (
        "Rosgvardia said the National Guard was deployed.",
        false,
        &["Russian National Guard", "Russian National Guard"],
    ),
    ("Members of the Base met; the base of the hill", false, &["The Base"]),
    ("THE BASE OF THE HILL", true, &[]),
    (
        "Nigeria's DSS arrested him in Abuja.",
        false,
        &["Nigerian Department of State Services", "Nigeria"],
    ),
    (
        "The DSS said the suspects had fled Nigeria.",
        false,
        &["Nigerian Department of State Services", "Nigeria"],
    ),
    // MUC-4 wire copy in capitals, and the same copy lower-cased.
    (
        "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) ATTACKED THE ATLACATL BATTALION.",
        true,
        &[
            "Farabundo Marti National Liberation Front",
            "Farabundo Marti National Liberation Front",
            "Atlacatl Battalion",
        ],
    ),
    (
        "SHINING PATH GUERRILLAS KILLED FIVE PEASANTS. THE SL ALSO BURNED A BUS.",
        true,
        &["Shining Path", "Shining Path"],
    ),
    ("THE SL CLAIMED IT.", true, &[]),
    ("THIS IS WHAT THE IS WANTS, US OFFICIALS SAY.", true, &["United States"]),
    ("THE US AMBASSADOR LEFT.", true, &[]),
    ("PRESIDENT ALFREDO CRISTIANI MET THE HIGH COMMAND.", true, &["Alfredo Cristiani"]),
    ("THE EXTRADITABLES CLAIMED THE BOMBING.", true, &["Medellin cartel"]),
    (
        "THE ARMY OF NATIONAL LIBERATION (ELN) DYNAMITED THE PIPELINE.",
        true,
        &["National Liberation Army", "National Liberation Army"],
    ),
    (
        "THE REBEL ARMED FORCES (FAR) AND THE EGP",
        true,
        &["Rebel Armed Forces", "Rebel Armed Forces", "Guerrilla Army of the Poor"],
    ),
    ("THE FAR END OF THE TOWN", true, &[]),
    ("THE NATIONAL POLICE IN LIMA REPORTED", true, &["Peruvian National Police", "Peru"]),
    (
        "THE NATIONAL POLICE IN SAN SALVADOR REPORTED",
        true,
        &["Salvadoran National Police", "El Salvador"],
    ),
    (
        "members of the farabundo marti national liberation front (fmln) attacked",
        true,
        &["Farabundo Marti National Liberation Front", "Farabundo Marti National Liberation Front"],
    ),
    (
        "the mrta and the tupac amaru revolutionary movement",
        true,
        &["Tupac Amaru Revolutionary Movement", "Tupac Amaru Revolutionary Movement"],
    ),
    (
        "THE MANUEL RODRIGUEZ PATRIOTIC FRONT (FPMR) AND THE M-19",
        true,
        &[
            "Manuel Rodriguez Patriotic Front",
            "Manuel Rodriguez Patriotic Front",
            "19th of April Movement",
        ],
    ),
];

#[test]
fn sentences_yield_the_expected_actors() {
    let mut failures = Vec::new();
    for (text, caps, expected) in CASES {
        let got = names(text, *caps);
        if got != *expected {
            failures.push(format!(
                "{text:?} (caps: {caps})\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn aliases_are_reported_as_written() {
    let got = found("the Islamic State group, IS-Khorasan’s men and Russia’s FSB", false);
    let aliases: Vec<&str> = got.iter().map(|(_, a)| a.as_str()).collect();
    assert_eq!(aliases, ["Islamic State group", "IS-Khorasan", "Russia’s FSB"]);
}

#[test]
fn spans_are_sorted_non_overlapping_and_on_the_alias() {
    let kb = kb();
    let text = "Moscow blamed Kyiv; the Kremlin and ISIS-K’s claim via Amaq; Washington and the U.S. agreed.";
    let matches = kb.find_actors(text, MatchOptions::default());
    for pair in matches.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
    for m in &matches {
        assert_eq!(&text[m.start..m.end], m.alias);
    }
    let metonyms: Vec<(&str, bool)> =
        matches.iter().map(|m| (m.alias.as_str(), m.metonym)).collect();
    assert_eq!(
        metonyms,
        [
            ("Moscow", true),
            ("Kyiv", true),
            ("Kremlin", true),
            ("ISIS-K", false),
            ("Amaq", false),
            ("Washington", true),
            ("U.S.", false)
        ]
    );
}

#[test]
fn options_detect_text_without_case() {
    assert!(MatchOptions::for_text("THE FMLN ATTACKED A BUS IN SAN SALVADOR.").text_is_all_caps);
    assert!(MatchOptions::for_text("the fmln attacked a bus in san salvador.").text_is_all_caps);
    assert!(!MatchOptions::for_text("The FMLN attacked a bus in San Salvador.").text_is_all_caps);
}

#[test]
fn lookups_by_alias_canonical_and_ancestors() {
    let kb = kb();
    for alias in [
        "ISKP",
        "ISIS-K",
        "IS-K",
        "IS Khorasan",
        "IS-Khorasan",
        "Islamic State Khorasan",
        "Khorasan Province",
        "Khorasan branch",
        "iskp",
        "IS’s Khorasan branch",
    ] {
        assert_eq!(kb.canonical(alias), Some("Islamic State Khorasan Province"), "{alias}");
    }
    assert_eq!(kb.canonical("FSB"), Some("Russian Federal Security Service"));
    assert_eq!(kb.canonical("the kremlin"), None, "articles are not part of aliases");
    assert_eq!(kb.canonical("Kremlin"), Some("Russia"));
    assert_eq!(kb.canonical("Sendero Luminoso"), Some("Shining Path"));
    assert_eq!(kb.canonical("no such group"), None);
    assert_eq!(kb.ancestors("ISIS-K"), ["Islamic State"]);
    assert_eq!(kb.ancestors("Quds Force"), ["Islamic Revolutionary Guard Corps", "Iran"]);
    assert_eq!(kb.ancestors("Atlacatl Battalion"), ["Salvadoran Armed Forces", "El Salvador"]);
    assert_eq!(
        kb.ancestors("FARN"),
        ["National Resistance", "Farabundo Marti National Liberation Front"]
    );
    assert!(kb.ancestors("Russia").is_empty());
    let fsb = kb.entry("fsb").unwrap();
    assert_eq!((fsb.country.as_deref(), fsb.parent.as_deref()), (Some("RU"), Some("Russia")));
}

#[test]
fn demonyms_map_to_iso_codes() {
    let kb = kb();
    for (word, code) in [
        ("Tajik", "TJ"),
        ("Tajiks", "TJ"),
        ("Tajikistani", "TJ"),
        ("Afghan", "AF"),
        ("Russian", "RU"),
        ("Ukrainian", "UA"),
        ("Chechen", "RU"),
        ("Ingush", "RU"),
        ("Uzbek", "UZ"),
        ("Kyrgyz", "KG"),
        ("Syrian", "SY"),
        ("Iraqi", "IQ"),
        ("Iranian", "IR"),
        ("American", "US"),
        ("British", "GB"),
        ("Salvadoran", "SV"),
        ("Peruvian", "PE"),
        ("Colombian", "CO"),
        ("Guatemalan", "GT"),
        ("Honduran", "HN"),
        ("Nicaraguan", "NI"),
        ("Nigerian", "NG"),
        ("Nigerien", "NE"),
        ("Somali", "SO"),
        ("Pakistani", "PK"),
        ("Chinese", "CN"),
        ("Turkish", "TR"),
        ("Israeli", "IL"),
        ("Palestinian", "PS"),
        ("south sudanese", "SS"),
        ("Americans’", "US"),
        ("Burkinabé", "BF"),
    ] {
        assert_eq!(kb.demonym(word), Some(code), "{word}");
    }
    assert_eq!(kb.demonym("Korean"), None, "ambiguous words are left out");
    let text =
        "Afghans, Tajiks and a Latin American; polish the Polish; South Sudanese and Sudanese";
    let got: Vec<(&str, String)> =
        kb.find_demonyms(text).into_iter().map(|(s, e, c)| (&text[s..e], c)).collect();
    let expected = [
        ("Afghans", "AF"),
        ("Tajiks", "TJ"),
        ("Polish", "PL"),
        ("South Sudanese", "SS"),
        ("Sudanese", "SD"),
    ];
    assert_eq!(got, expected.map(|(w, c)| (w, c.to_string())));
    let caps = "FOUR TAJIKS AND A PERUVIAN";
    let codes: Vec<String> = kb.find_demonyms(caps).into_iter().map(|(_, _, c)| c).collect();
    assert_eq!(codes, ["TJ", "PE"]);
}
