//! Countries: keshvar's 249 (ISO names, English name, unofficial names in several languages,
//! centroid, World Bank population) completed by world-data's common and official names, and a
//! short project-owned list of the aliases news text uses and neither crate has.

use std::collections::HashMap;

use vigil_gazetteer::fold;

use crate::sources::fix_mojibake;

/// Aliases found in news text but in no data crate ("the US" folds to "us" once "the" is
/// dropped by lookup).
const EXTRA_ALIASES: &[(&str, &[&str])] = &[
    ("US", &["US", "U.S.", "U.S.A.", "America", "United States"]),
    ("GB", &["Britain", "UK", "U.K.", "Great Britain"]),
    ("AE", &["UAE", "U.A.E.", "Emirates"]),
    ("CD", &["DRC", "DR Congo", "Congo-Kinshasa"]),
    ("CG", &["Congo-Brazzaville", "Republic of the Congo"]),
    ("NL", &["Holland"]),
    ("BA", &["Bosnia"]),
    ("VA", &["Vatican"]),
    ("GM", &["Gambia"]),
    ("PS", &["Palestinian territories"]),
    ("XK", &["Kosovo"]),
];

/// A country as the generator builds it.
pub struct Country {
    pub code: String,
    pub name: String,
    pub alternates: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

pub fn countries() -> Vec<Country> {
    let world = world_data::load();
    let world_by_code: HashMap<&str, &world_data::world_data_types::data::country::Country> =
        world.countries.values().map(|c| (c.iso_a2.as_str(), c)).collect();
    let mut out = Vec::new();
    for country in keshvar::CountryIterator::new() {
        let code = country.alpha2().to_string();
        let world_country = world_by_code.get(code.as_str());
        let english = country.translations().get("en").copied().unwrap_or(country.iso_short_name());
        let name = world_country.map_or(english, |c| c.common_name.as_str()).to_string();
        let mut names: Vec<String> = vec![
            english.to_string(),
            country.iso_short_name().to_string(),
            country.iso_long_name().trim_start_matches("The ").to_string(),
        ];
        names.extend(country.unofficial_name_list().iter().map(|n| n.to_string()));
        if let Some(world_country) = world_country {
            names.push(world_country.official_name.clone());
        }
        names.extend(extra_aliases(&code));
        let geo = country.geo();
        let population = country
            .maybe_population()
            .or_else(|| world_country.map(|c| u64::from(c.population)))
            .unwrap_or(0);
        out.push(Country {
            alternates: clean_alternates(&name, names),
            code,
            name,
            lat: geo.latitude(),
            lon: geo.longitude(),
            population,
        });
    }
    // Territories GeoNames has and keshvar lacks (Kosovo): world-data's entry, placed at its
    // capital.
    for (code, world_country) in &world_by_code {
        if out.iter().any(|c| c.code == *code) || code.len() != 2 {
            continue;
        }
        let Some(capital) =
            world_country.capitals.first().and_then(|name| world.capitals.get(name))
        else {
            continue;
        };
        let mut names = vec![world_country.official_name.clone()];
        names.extend(extra_aliases(code));
        out.push(Country {
            code: code.to_string(),
            name: world_country.common_name.clone(),
            alternates: clean_alternates(&world_country.common_name, names),
            lat: f64::from(capital.coordinates.y),
            lon: f64::from(capital.coordinates.x),
            population: u64::from(world_country.population),
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

fn extra_aliases(code: &str) -> Vec<String> {
    EXTRA_ALIASES
        .iter()
        .filter(|(c, _)| *c == code)
        .flat_map(|(_, names)| names.iter().map(|n| n.to_string()))
        .collect()
}

/// Distinct, repaired alternates other than `name`.
pub fn clean_alternates(name: &str, names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let ascii_name = deunicode::deunicode(name);
    if ascii_name != name && is_latin(name) {
        out.push(ascii_name);
    }
    for candidate in names {
        let Some(candidate) = fix_mojibake(candidate.trim()) else { continue };
        if candidate.is_empty()
            || candidate == name
            || out.contains(&candidate)
            || fold(&candidate).is_empty()
        {
            continue;
        }
        // The ASCII spelling too, so that matchers that only fold ASCII case find "Cote d'Ivoire".
        let ascii = deunicode::deunicode(&candidate);
        out.push(candidate.clone());
        if ascii != candidate && ascii != name && !out.contains(&ascii) && is_latin(&candidate) {
            out.push(ascii);
        }
    }
    out
}

/// Whether a name is written in the Latin script (so that its ASCII transliteration is a
/// spelling people use, unlike deunicode's rendering of Japanese).
pub fn is_latin(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_ascii() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'))
}

/// Folded country names (and alternates) to ISO codes, to read tidwall's country names.
pub fn code_by_name(countries: &[Country]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for country in countries {
        for name in std::iter::once(&country.name).chain(&country.alternates) {
            map.entry(fold(name)).or_insert_with(|| country.code.clone());
        }
    }
    map
}
