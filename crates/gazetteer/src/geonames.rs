//! Import of the standard GeoNames dumps (<https://download.geonames.org/export/dump/>), plain
//! or zipped: `cities*.txt`, `allCountries.txt` or a country's `XX.txt` (the 19-column
//! `geoname` table), `admin1CodesASCII.txt` (region codes to names) and `countryInfo.txt`.
//! Files are told apart by name; lines starting with `#` are comments.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::model::{Place, PlaceKind};

/// Populated-place codes that are not towns of their own: sections of a city, historical,
/// abandoned or destroyed places.
const SKIPPED_PLACE_CODES: &[&str] = &["PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"];
/// Feature codes of countries and dependent territories in the `geoname` table.
const COUNTRY_CODES: &[&str] = &["PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"];

/// What the rows of a dump mean, judged from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DumpKind {
    Geonames,
    Admin1,
    Countries,
}

impl DumpKind {
    fn of(file_name: &str) -> Option<DumpKind> {
        let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name).to_ascii_lowercase();
        let unsupported = [
            "readme",
            "admin2",
            "alternatename",
            "timezone",
            "featurecode",
            "hierarchy",
            "iso-language",
            "shapes",
            "postal",
            "userTags",
        ];
        if unsupported.iter().any(|word| name.contains(&word.to_ascii_lowercase())) {
            return None;
        }
        if !(name.ends_with(".txt") || name.ends_with(".tsv")) {
            return None;
        }
        if name.contains("admin1") || name.contains("regioninfo") {
            Some(DumpKind::Admin1)
        } else if name.contains("countryinfo") {
            Some(DumpKind::Countries)
        } else {
            Some(DumpKind::Geonames)
        }
    }
}

/// Rows gathered from every file before they are joined into places.
#[derive(Default)]
struct Rows {
    cities: Vec<(Place, String)>,
    /// Region code ("RU.19") to (geonameid, name, ASCII name).
    admin1_names: HashMap<String, (u32, String, String)>,
    /// ADM1 rows of the `geoname` table, by region code.
    admin1_rows: HashMap<String, Place>,
    /// Country rows of the `geoname` table, by ISO code.
    country_rows: HashMap<String, Place>,
    /// countryInfo: (ISO, geonameid, name, capital, population).
    countries: Vec<(String, u32, String, String, u64)>,
    files: usize,
}

/// Reads GeoNames dumps (plain or zipped) into a gazetteer. Typical inputs: `cities15000.zip`
/// with `admin1CodesASCII.txt` and `countryInfo.txt`, or `allCountries.zip` for villages.
pub fn import_geonames(paths: &[&Path]) -> Result<Gazetteer, GazetteerError> {
    let mut rows = Rows::default();
    for path in paths {
        let is_zip = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("zip"));
        if is_zip {
            read_zip(path, &mut rows)?;
        } else if let Some(kind) = DumpKind::of(&path.to_string_lossy()) {
            let file = File::open(path).map_err(|source| GazetteerError::io(*path, source))?;
            read_dump(BufReader::new(file), kind, &path.display().to_string(), &mut rows)?;
        }
    }
    if rows.files == 0 {
        return Err(GazetteerError::NothingToImport);
    }
    Ok(Gazetteer::from_places(assemble(rows)))
}

fn read_zip(path: &Path, rows: &mut Rows) -> Result<(), GazetteerError> {
    let zip_error = |source| GazetteerError::Zip { path: path.to_path_buf(), source };
    let file = File::open(path).map_err(|source| GazetteerError::io(path, source))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(zip_error)?;
    for at in 0..archive.len() {
        let entry = archive.by_index(at).map_err(zip_error)?;
        let entry_name = entry.name().map_err(zip_error)?.into_owned();
        let Some(kind) = DumpKind::of(&entry_name) else { continue };
        let name = format!("{}:{entry_name}", path.display());
        read_dump(BufReader::new(entry), kind, &name, rows)?;
    }
    Ok(())
}

fn read_dump<R: Read>(
    reader: BufReader<R>,
    kind: DumpKind,
    name: &str,
    rows: &mut Rows,
) -> Result<(), GazetteerError> {
    rows.files += 1;
    for (number, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| GazetteerError::io(name, source))?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let parsed = match kind {
            DumpKind::Geonames => geoname_row(&fields, rows),
            DumpKind::Admin1 => admin1_row(&fields, rows),
            DumpKind::Countries => country_row(&fields, rows),
        };
        parsed.map_err(|reason| GazetteerError::Parse {
            source_name: name.to_string(),
            line: number + 1,
            reason,
        })?;
    }
    Ok(())
}

fn geoname_row(fields: &[&str], rows: &mut Rows) -> Result<(), String> {
    if fields.len() < 15 {
        return Err(format!("expected 19 geoname columns, found {}", fields.len()));
    }
    let (class, code, country) = (fields[6], fields[7], fields[8]);
    let place = Place {
        id: parse(fields[0], "geonameid")?,
        name: fields[1].to_string(),
        kind: PlaceKind::City,
        country: country.to_string(),
        admin1: None,
        lat: parse(fields[4], "latitude")?,
        lon: parse(fields[5], "longitude")?,
        population: if fields[14].is_empty() { 0 } else { parse(fields[14], "population")? },
        alternates: alternates(fields[1], fields[2], fields[3]),
    };
    let region_code = format!("{country}.{}", fields[10]);
    match class {
        "P" if !SKIPPED_PLACE_CODES.contains(&code) => rows.cities.push((place, region_code)),
        "A" if code == "ADM1" => {
            rows.admin1_rows.insert(region_code, Place { kind: PlaceKind::Admin1, ..place });
        }
        "A" if COUNTRY_CODES.contains(&code) => {
            rows.country_rows
                .insert(country.to_string(), Place { kind: PlaceKind::Country, ..place });
        }
        _ => {}
    }
    Ok(())
}

fn admin1_row(fields: &[&str], rows: &mut Rows) -> Result<(), String> {
    let [code, name, ascii, id, ..] = fields[..] else {
        return Err(format!("expected 4 admin1 columns, found {}", fields.len()));
    };
    let id = parse(id, "geonameid")?;
    rows.admin1_names.insert(code.to_string(), (id, name.to_string(), ascii.to_string()));
    Ok(())
}

fn country_row(fields: &[&str], rows: &mut Rows) -> Result<(), String> {
    if fields.len() < 17 {
        return Err(format!("expected 19 countryInfo columns, found {}", fields.len()));
    }
    let population = if fields[7].is_empty() { 0 } else { parse(fields[7], "population")? };
    let id = if fields[16].is_empty() { 0 } else { parse(fields[16], "geonameid")? };
    rows.countries.push((
        fields[0].to_string(),
        id,
        fields[4].to_string(),
        fields[5].to_string(),
        population,
    ));
    Ok(())
}

fn parse<T: std::str::FromStr>(field: &str, what: &str) -> Result<T, String> {
    field.trim().parse().map_err(|_| format!("bad {what} {field:?}"))
}

/// A GeoNames row's alternate names worth matching: its ASCII form and the listed alternates,
/// without airport and other codes (short all-capital or numeric tokens such as "LED").
fn alternates(name: &str, ascii: &str, listed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let candidates = std::iter::once(ascii).chain(listed.split(','));
    for alternate in candidates.map(str::trim) {
        let is_code = alternate.len() <= 4
            && alternate.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let has_digit = alternate.chars().any(|c| c.is_ascii_digit());
        if alternate.is_empty()
            || alternate == name
            || is_code
            || has_digit
            || out.iter().any(|a| a == alternate)
        {
            continue;
        }
        out.push(alternate.to_string());
    }
    out
}

/// Joins the rows: regions get names and centroids, cities their region's name, countries
/// coordinates from their `geoname` row, their capital or their towns.
fn assemble(rows: Rows) -> Vec<Place> {
    let Rows { cities, admin1_names, mut admin1_rows, mut country_rows, countries, .. } = rows;
    let mut region_names: HashMap<String, String> =
        admin1_rows.iter().map(|(code, row)| (code.clone(), row.name.clone())).collect();
    region_names
        .extend(admin1_names.iter().map(|(code, (_, name, _))| (code.clone(), name.clone())));
    // Centroid and population of each region's and country's towns, for places without a row.
    let mut sums: HashMap<String, (f64, f64, u64, usize)> = HashMap::new();
    for (city, code) in &cities {
        for key in [code.as_str(), city.country.as_str()] {
            let entry = sums.entry(key.to_string()).or_default();
            *entry =
                (entry.0 + city.lat, entry.1 + city.lon, entry.2 + city.population, entry.3 + 1);
        }
    }
    let centroid =
        |key: &str| sums.get(key).map(|&(lat, lon, _, n)| (lat / n as f64, lon / n as f64));
    let mut places = Vec::new();
    let mut codes: Vec<String> = admin1_names.keys().chain(admin1_rows.keys()).cloned().collect();
    codes.sort();
    codes.dedup();
    let mut regions = Vec::new();
    for code in codes {
        let row = admin1_rows.remove(&code);
        let listed = admin1_names.get(&code);
        let Some(name) = listed
            .map(|(_, name, _)| name.clone())
            .or_else(|| row.as_ref().map(|p| p.name.clone()))
        else {
            continue;
        };
        let country = code.split('.').next().unwrap_or_default().to_string();
        let mut region = row.unwrap_or_else(|| Place {
            id: listed.map_or(0, |(id, _, _)| *id),
            name: name.clone(),
            kind: PlaceKind::Admin1,
            country: country.clone(),
            admin1: None,
            lat: 0.0,
            lon: 0.0,
            population: 0,
            alternates: Vec::new(),
        });
        if let Some((_, _, ascii)) = listed
            && *ascii != name
            && !region.alternates.contains(ascii)
        {
            region.alternates.push(ascii.clone());
        }
        if region.lat == 0.0 && region.lon == 0.0 {
            let Some((lat, lon)) = centroid(&code) else { continue };
            (region.lat, region.lon) = (lat, lon);
        }
        if region.population == 0 {
            region.population = sums.get(&code).map_or(0, |s| s.2);
        }
        region.name = name.clone();
        region.admin1 = Some(name);
        regions.push(region);
    }
    for (iso, id, name, capital, population) in countries {
        let mut country = country_rows.remove(&iso).unwrap_or_else(|| Place {
            id,
            name: name.clone(),
            kind: PlaceKind::Country,
            country: iso.clone(),
            admin1: None,
            lat: 0.0,
            lon: 0.0,
            population,
            alternates: Vec::new(),
        });
        if country.lat == 0.0 && country.lon == 0.0 {
            let capital_city =
                cities.iter().find(|(city, _)| city.country == iso && city.name == capital);
            if let Some((lat, lon)) =
                capital_city.map(|(city, _)| (city.lat, city.lon)).or_else(|| centroid(&iso))
            {
                (country.lat, country.lon) = (lat, lon);
            }
        }
        if country.name != name {
            let previous = std::mem::replace(&mut country.name, name);
            country.alternates.push(previous);
        }
        country.population = country.population.max(population);
        places.push(country);
    }
    places.extend(country_rows.into_values());
    places.extend(regions);
    for (mut city, code) in cities {
        city.admin1 = region_names.get(&code).cloned();
        places.push(city);
    }
    places
}
