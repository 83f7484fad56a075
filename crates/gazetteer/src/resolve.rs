//! Picking one place for a name written in text, using what the text says nearby.
//!
//! Each candidate gets a score: a prior (countries above everything else; regions and cities by
//! the logarithm of their population, a region a little above a city of its size), plus bonuses when the text names the candidate's
//! country or region, plus a small preference for towns near a big city of their country
//! (news happens in suburbs more than in remote namesakes). Small towns, short names, common
//! words and lower-case spellings need corroboration from the context to be chosen at all.

use crate::common_words::is_ambiguous_common_word;
use crate::fold::{admin_marked_base, base_name, fold};
use crate::gazetteer::{BIG_CITY, Gazetteer};
use crate::model::{Context, Place, PlaceKind, Precision, Resolved};

/// Below this many inhabitants a town is too small to be chosen without context. It matches
/// GeoNames' `cities15000` threshold.
pub const SMALL_TOWN: u64 = 15_000;

const COUNTRY_PRIOR: f64 = 10.0;
/// What a region gains over a city of the same population: "Victoria" (6.6 million) is the
/// Australian state, but "Manchester" is England's city, not Jamaica's parish.
const ADMIN1_EDGE: f64 = 0.5;
/// Bonus for a candidate in the context's first country; later ones get less, down to the floor.
const COUNTRY_BONUS: f64 = 6.0;
const COUNTRY_BONUS_STEP: f64 = 1.0;
const COUNTRY_BONUS_FLOOR: f64 = 3.0;
const ADMIN1_BONUS: f64 = 3.0;
/// For a query that names a region ("Moscow region"), the bonus of regions whose own name has a
/// generic word ("Moscow Oblast") over a city-region of the same name ("Moscow").
const REGION_WORD_BONUS: f64 = 2.0;
/// The most a town gains for lying next to a big city, fading to nothing at this distance.
const SATELLITE_BONUS: f64 = 0.5;
const SATELLITE_RANGE_KM: f64 = 100.0;
const KM_PER_DEGREE: f64 = 111.2;

/// How a name was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Upper,
    Mixed,
}

struct Candidate<'a> {
    place: &'a Place,
    score: f64,
    eligible: bool,
}

impl Gazetteer {
    /// The most likely place for `name` as written in a text, given `context`; `None` when no
    /// place is likely enough (unknown name, a common word, or a small or ambiguous town the
    /// context does not support).
    pub fn resolve(&self, name: &str, context: &Context) -> Option<Resolved<'_>> {
        let case = case_of(name);
        let common = is_ambiguous_common_word(name);
        if case == Case::Lower && common {
            return None;
        }
        let folded = fold(name);
        let (places, explicit_region) = self.candidates(&folded);
        let places = drop_regions_named_like_their_city(places, explicit_region);
        if places.is_empty() {
            return None;
        }
        let regions = ContextRegions::new(self, context);
        let short = folded.chars().filter(|c| !c.is_whitespace()).count() <= 3;
        let candidates: Vec<Candidate<'_>> = places
            .into_iter()
            .map(|place| {
                let country_bonus = country_bonus(place, context);
                let region_bonus = if regions.supports(place) { ADMIN1_BONUS } else { 0.0 };
                let supported = country_bonus > 0.0 || region_bonus > 0.0;
                let is_country = place.kind == PlaceKind::Country;
                let small = place.kind == PlaceKind::City && place.population < SMALL_TOWN;
                let needs_context =
                    !is_country && (small || short || common || case == Case::Lower);
                // "Moscow region" is Moscow Oblast rather than the city-region of Moscow.
                let proper_region = explicit_region && base_name(&fold(&place.name)).is_some();
                let region_word_bonus = if proper_region { REGION_WORD_BONUS } else { 0.0 };
                Candidate {
                    place,
                    score: prior(place)
                        + country_bonus
                        + region_bonus
                        + region_word_bonus
                        + self.satellite_bonus(place),
                    eligible: supported || !needs_context,
                }
            })
            .collect();
        let best = candidates.iter().filter(|c| c.eligible).max_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then(a.place.population.cmp(&b.place.population))
                .then(b.place.id.cmp(&a.place.id))
        })?;
        let total: f64 = candidates.iter().map(|c| (c.score - best.score).exp()).sum();
        Some(Resolved {
            place: best.place,
            precision: Precision::from(best.place.kind),
            score: (1.0 / total) as f32,
        })
    }

    /// The places a folded name may mean, and whether the name itself says it is a region
    /// ("San Miguel department"), in which case only regions are candidates.
    fn candidates(&self, folded: &str) -> (Vec<&Place>, bool) {
        if let Some(base) = admin_marked_base(folded) {
            let mut regions: Vec<&Place> = self.lookup_folded(folded);
            regions.extend(self.lookup_folded(&base));
            regions.retain(|place| place.kind == PlaceKind::Admin1);
            regions.sort_by_key(|place| place.id);
            regions.dedup_by_key(|place| place.id);
            if !regions.is_empty() {
                return (regions, true);
            }
        }
        let mut places = self.lookup_folded(folded);
        if places.is_empty()
            && let Some(rest) = folded.strip_prefix("the ")
        {
            places = self.lookup_folded(rest);
        }
        (places, false)
    }

    /// A small preference for towns close to a big city of their own country.
    fn satellite_bonus(&self, place: &Place) -> f64 {
        if place.kind != PlaceKind::City || place.population >= BIG_CITY {
            return 0.0;
        }
        let Some(cities) = self.big_cities.get(&place.country) else { return 0.0 };
        // Equirectangular distance: exact enough within 100 km and free of trigonometry per city.
        let shrink = place.lat.to_radians().cos();
        let nearest_degrees2 = cities
            .iter()
            .map(|&(lat, lon)| (lat - place.lat).powi(2) + ((lon - place.lon) * shrink).powi(2))
            .fold(f64::INFINITY, f64::min);
        let nearest_km = nearest_degrees2.sqrt() * KM_PER_DEGREE;
        SATELLITE_BONUS * (1.0 - nearest_km / SATELLITE_RANGE_KM).max(0.0)
    }
}

/// The regions named in a context, as the folded names of the regions they resolve to.
struct ContextRegions {
    keys: Vec<String>,
}

impl ContextRegions {
    fn new(gazetteer: &Gazetteer, context: &Context) -> ContextRegions {
        let mut keys = Vec::new();
        for name in &context.admin1 {
            let folded = fold(name);
            // "Ingushetia" is GeoNames' "Ingushetiya"; "Moscow" also names "Moscow Oblast".
            for place in gazetteer.lookup_folded(&folded) {
                if place.kind == PlaceKind::Admin1 {
                    keys.push(fold(&place.name));
                }
            }
            keys.extend(base_name(&folded));
            keys.push(folded);
        }
        ContextRegions { keys }
    }

    fn supports(&self, place: &Place) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        let Some(region) = place.admin1.as_deref() else { return false };
        let folded = fold(region);
        let base = base_name(&folded);
        self.keys.iter().any(|key| *key == folded || base.as_deref() == Some(key.as_str()))
    }
}

/// Regions that share their name with a town of at least [`SMALL_TOWN`] in the same country are
/// dropped unless the text said "region": bare "Kerman", "Kaluga", "Kyiv" or "New York" in news
/// means the city, not the province.
fn drop_regions_named_like_their_city(
    mut places: Vec<&Place>,
    explicit_region: bool,
) -> Vec<&Place> {
    if explicit_region {
        return places;
    }
    let countries_with_towns: Vec<String> = places
        .iter()
        .filter(|place| place.kind == PlaceKind::City && place.population >= SMALL_TOWN)
        .map(|place| place.country.clone())
        .collect();
    places.retain(|place| {
        place.kind != PlaceKind::Admin1 || !countries_with_towns.contains(&place.country)
    });
    places
}

fn prior(place: &Place) -> f64 {
    let magnitude = (place.population.max(1) as f64).log10();
    match place.kind {
        PlaceKind::Country => COUNTRY_PRIOR + magnitude / 10.0,
        PlaceKind::Admin1 => magnitude + ADMIN1_EDGE,
        PlaceKind::City => magnitude,
    }
}

fn country_bonus(place: &Place, context: &Context) -> f64 {
    context
        .countries
        .iter()
        .position(|code| code.eq_ignore_ascii_case(&place.country))
        .map_or(0.0, |rank| {
            (COUNTRY_BONUS - COUNTRY_BONUS_STEP * rank as f64).max(COUNTRY_BONUS_FLOOR)
        })
}

fn case_of(name: &str) -> Case {
    let letters = name.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower) = (0, 0);
    for letter in letters {
        if letter.is_uppercase() {
            upper += 1;
        } else if letter.is_lowercase() {
            lower += 1;
        }
    }
    match (upper, lower) {
        (0, 1..) => Case::Lower,
        (2.., 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_classified() {
        assert_eq!(case_of("kabul"), Case::Lower);
        assert_eq!(case_of("SAN SALVADOR"), Case::Upper);
        assert_eq!(case_of("Kabul"), Case::Mixed);
        assert_eq!(case_of("I"), Case::Mixed);
    }
}
