//! Towns: GeoNames `cities1000` rows from `cities-json`, with older and English spellings from
//! `reverse_geocoder`, `tidwall/cities` and world-data's capitals joined by position, and an
//! estimated population (no registry crate ships GeoNames' population column):
//!
//! - a city in `tidwall/cities`' top 100 of its country, at rank r: Zipf's rank-size rule,
//!   0.06 × country population / r, at least 5,000; a capital (world-data) counts as rank 1
//!   (`cities` covers only 156 countries and misses some big cities);
//! - else a town named like its region ("Kerman" in Kerman province): as if ranked just after
//!   the country's region count, 0.06 × country population / (regions + 1), at least 25,000;
//! - else a town named like its district (admin2): 12,000;
//! - else 1,000, the floor of `cities1000`.

use std::collections::HashMap;

use vigil_gazetteer::{base_name, fold};

use crate::countries::{Country, clean_alternates};
use crate::sources::{CityRow, Grid, RankedCity, RgRow, degrees2};

/// Share of a country's population living in its largest city under the rank-size rule with
/// some ten thousand towns (1 / ln 10,000 ≈ 0.11, halved for the rural population).
const PRIMATE_SHARE: f64 = 0.06;
const LISTED_FLOOR: u64 = 5_000;
const REGION_SEAT: u64 = 25_000;
const DISTRICT_SEAT: u64 = 12_000;
const UNKNOWN: u64 = 1_000;

/// `cities`' spellings of country names that no country source has.
const TIDWALL_COUNTRY_NAMES: &[(&str, &str)] = &[
    ("Korea, South", "South Korea"),
    ("Korea, North", "North Korea"),
    ("Gambia, The", "Gambia"),
    ("Nepa", "Nepal"),
];

/// A town as the generator builds it.
pub struct Town {
    pub row: CityRow,
    pub alternates: Vec<String>,
    pub population: u64,
}

/// Older names `reverse_geocoder` gives each row (by row index), and the older region names by
/// region code (the spelling most of the region's towns carry).
pub fn join_reverse_geocoder(
    rows: &[CityRow],
    old: &[RgRow],
) -> (HashMap<usize, String>, HashMap<String, String>) {
    let grid = Grid::new(rows.iter().map(|r| (r.country.as_str(), r.lat, r.lon)), 50.0);
    let mut names = HashMap::new();
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::new();
    for rg in old {
        let nearest = grid
            .near(&rg.country, rg.lat, rg.lon, 1)
            .into_iter()
            .map(|at| (at, degrees2(rg.lat, rg.lon, rows[at].lat, rows[at].lon)))
            .filter(|&(_, d)| d < 0.02f64.powi(2))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((at, _)) = nearest else { continue };
        names.insert(at, rg.name.clone());
        *votes
            .entry(rows[at].admin1_code.clone())
            .or_default()
            .entry(rg.admin1.clone())
            .or_default() += 1;
    }
    let old_regions = votes
        .into_iter()
        .filter_map(|(code, tally)| {
            let total: usize = tally.values().sum();
            let (name, count) = tally.into_iter().max_by_key(|(_, count)| *count)?;
            // Only a clear majority: a region split or merged since is not the same region.
            (count * 10 >= total * 9 && !name.is_empty()).then_some((code, name))
        })
        .collect();
    (names, old_regions)
}

/// Matches each ranked city to a row: same country, within 0.3°, same name (or older name);
/// failing that the nearest row within 0.05°. Returns row index → (rank, ranked name).
pub fn join_ranked(
    rows: &[CityRow],
    old_names: &HashMap<usize, String>,
    ranked: &[RankedCity],
    code_by_name: &HashMap<String, String>,
) -> (HashMap<usize, (usize, String)>, usize) {
    let grid = Grid::new(rows.iter().map(|r| (r.country.as_str(), r.lat, r.lon)), 10.0);
    let mut joined: HashMap<usize, (usize, String)> = HashMap::new();
    let mut missed = 0;
    for city in ranked {
        let country_name = TIDWALL_COUNTRY_NAMES
            .iter()
            .find(|(theirs, _)| *theirs == city.country_name)
            .map_or(city.country_name.as_str(), |(_, ours)| ours);
        let Some(code) = code_by_name.get(&fold(country_name)) else {
            missed += 1;
            continue;
        };
        let wanted = fold(&city.name);
        let near: Vec<(usize, f64)> = grid
            .near(code, city.lat, city.lon, 3)
            .into_iter()
            .map(|at| (at, degrees2(city.lat, city.lon, rows[at].lat, rows[at].lon)))
            .filter(|&(_, d)| d < 0.3f64.powi(2))
            .collect();
        let same_name = |at: usize| {
            fold(&rows[at].name) == wanted || old_names.get(&at).is_some_and(|n| fold(n) == wanted)
        };
        let by_name =
            near.iter().filter(|(at, _)| same_name(*at)).min_by(|a, b| a.1.total_cmp(&b.1));
        let by_place =
            near.iter().filter(|(_, d)| *d < 0.05f64.powi(2)).min_by(|a, b| a.1.total_cmp(&b.1));
        match by_name.or(by_place) {
            Some(&(at, _)) => {
                let entry = joined.entry(at).or_insert((city.rank, city.name.clone()));
                entry.0 = entry.0.min(city.rank);
            }
            None => missed += 1,
        }
    }
    (joined, missed)
}

/// Row index → capital name, for world-data's capitals.
pub fn join_capitals(rows: &[CityRow]) -> HashMap<usize, String> {
    let world = world_data::load();
    let grid = Grid::new(rows.iter().map(|r| (r.country.as_str(), r.lat, r.lon)), 10.0);
    let mut out = HashMap::new();
    for country in world.countries.values() {
        for capital_name in &country.capitals {
            let Some(capital) = world.capitals.get(capital_name) else { continue };
            let (lat, lon) = (f64::from(capital.coordinates.y), f64::from(capital.coordinates.x));
            let wanted = fold(&capital.name);
            let near: Vec<(usize, f64)> = grid
                .near(&country.iso_a2, lat, lon, 3)
                .into_iter()
                .map(|at| (at, degrees2(lat, lon, rows[at].lat, rows[at].lon)))
                .filter(|&(_, d)| d < 0.3f64.powi(2))
                .collect();
            let by_name = near
                .iter()
                .filter(|(at, _)| fold(&rows[*at].name) == wanted)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let by_place =
                near.iter().filter(|(_, d)| *d < 0.1f64.powi(2)).min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(&(at, _)) = by_name.or(by_place) {
                out.insert(at, capital.name.clone());
            }
        }
    }
    out
}

pub struct TownInputs<'a> {
    pub rows: Vec<CityRow>,
    pub old_names: &'a HashMap<usize, String>,
    pub ranked: &'a HashMap<usize, (usize, String)>,
    pub capitals: &'a HashMap<usize, String>,
    pub countries: &'a [Country],
    /// Region code → every folded key of the region's names.
    pub region_keys: &'a HashMap<String, Vec<String>>,
    pub admin2_names: &'a HashMap<String, String>,
    /// Number of regions of each country.
    pub region_count: &'a HashMap<String, usize>,
}

pub fn towns(inputs: TownInputs<'_>) -> Vec<Town> {
    let population: HashMap<&str, u64> =
        inputs.countries.iter().map(|c| (c.code.as_str(), c.population)).collect();
    let mut out = Vec::with_capacity(inputs.rows.len());
    for (at, row) in inputs.rows.into_iter().enumerate() {
        let mut names: Vec<String> = Vec::new();
        names.extend(inputs.old_names.get(&at).cloned());
        names.extend(inputs.ranked.get(&at).map(|(_, name)| name.clone()));
        names.extend(inputs.capitals.get(&at).cloned());
        let capital = inputs.capitals.contains_key(&at).then_some(1);
        let rank = capital.or_else(|| inputs.ranked.get(&at).map(|(rank, _)| *rank));
        let folded = fold(&row.name);
        let country = population.get(row.country.as_str()).copied().unwrap_or(0) as f64;
        let is_region_seat =
            inputs.region_keys.get(&row.admin1_code).is_some_and(|keys| keys.contains(&folded));
        let estimate = match rank {
            Some(rank) => ((PRIMATE_SHARE * country / rank as f64) as u64).max(LISTED_FLOOR),
            None if is_region_seat => {
                let regions = inputs.region_count.get(row.country.as_str()).copied().unwrap_or(0);
                ((PRIMATE_SHARE * country / (regions + 1) as f64) as u64).max(REGION_SEAT)
            }
            None if is_district_seat(&folded, inputs.admin2_names.get(&row.admin2_code)) => {
                DISTRICT_SEAT
            }
            None => UNKNOWN,
        };
        out.push(Town {
            alternates: clean_alternates(&row.name, names),
            row,
            population: estimate,
        });
    }
    out
}

/// Whether a town is named like its district: "Gwoza" in Gwoza LGA, "Krasnogorsk" in
/// "Krasnogorskiy Rayon" (the stem without its last letter starts the district's name).
fn is_district_seat(folded: &str, district: Option<&String>) -> bool {
    let Some(district) = district else { return false };
    let district = fold(district);
    let base = base_name(&district).unwrap_or_else(|| district.clone());
    if base == folded || district == folded {
        return true;
    }
    let stem: String = folded.chars().take(folded.chars().count().saturating_sub(1)).collect();
    stem.chars().count() >= 5 && !folded.contains(' ') && base.starts_with(&stem)
}
