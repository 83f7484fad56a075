//! GeoNames import on small hand-made dumps (plain and zipped) and, when `VIGIL_SHARED` is set,
//! on the shared `cities15000.zip`, `countryInfo.tsv` and `regionInfo.tsv`; plus save/load and
//! merge.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on unexpected errors")]

use std::io::Write;
use std::path::{Path, PathBuf};

use vigil_gazetteer::{Context, Gazetteer, GazetteerError, PlaceKind, Precision, import_geonames};

/// Two Karabulaks, a Moscow with a section of it (PPLX, skipped) and a region row (ADM1).
const CITIES: &str = "\
# geonameid\tname\tasciiname\talternatenames\tlat\tlon\tclass\tcode\tcc\tcc2\tadmin1\tadmin2\tadmin3\tadmin4\tpopulation\televation\tdem\ttz\tdate
524901\tMoscow\tMoscow\tMOW,Moskau,Moskva,Москва\t55.75222\t37.61556\tP\tPPLC\tRU\t\t48\t\t\t\t10381222\t\t144\tEurope/Moscow\t2022-12-10
552548\tKarabulak\tKarabulak\tKarabulak,Карабулак\t43.30513\t44.89949\tP\tPPL\tRU\t\t19\t\t\t\t34511\t\t457\tEurope/Moscow\t2019-09-05
1524889\tKarabulak\tKarabulak\t\t44.90881\t78.49044\tP\tPPL\tKZ\t\t10\t\t\t\t16500\t\t600\tAsia/Almaty\t2020-01-01
9999999\tZamoskvorechye\tZamoskvorechye\t\t55.73333\t37.63333\tP\tPPLX\tRU\t\t48\t\t\t\t0\t\t144\tEurope/Moscow\t2020-01-01
556349\tIngushetiya\tIngushetiya\tIngushetia,Respublika Ingushetiya\t43.16667\t45.0\tA\tADM1\tRU\t\t19\t\t\t\t488043\t\t1000\tEurope/Moscow\t2020-01-01
";
const ADMIN1: &str = "RU.48\tMoscow\tMoscow\t524894\nRU.19\tIngushetiya\tIngushetiya\t556349\nKZ.10\tAlmaty Oblysy\tAlmaty Oblysy\t1537162\n";
const COUNTRIES: &str = "\
#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode
RU\tRUS\t643\tRS\tRussia\tMoscow\t17100000\t144478050\tEU\t.ru\tRUB\tRuble\t7\t######\t^(\\d{6})$\tru\t2017370\tGE,CN\t
KZ\tKAZ\t398\tKZ\tKazakhstan\tAstana\t2724900\t18276499\tAS\t.kz\tKZT\tTenge\t7\t######\t^(\\d{6})$\tkk,ru\t1522867\tRU,CN\t
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn zip(dir: &Path, name: &str, entries: &[(&str, &str)]) -> PathBuf {
    let path = dir.join(name);
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (entry, text) in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        writer.start_file(*entry, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    path
}

fn check_fixture(gazetteer: &Gazetteer) {
    let count = |kind| gazetteer.places().iter().filter(|p| p.kind == kind).count();
    assert_eq!(count(PlaceKind::Country), 2);
    assert_eq!(count(PlaceKind::Admin1), 3, "{:#?}", gazetteer.places());
    assert_eq!(count(PlaceKind::City), 3, "the PPLX section is skipped");
    let karabulak = gazetteer.lookup("Karabulak");
    assert_eq!(karabulak.len(), 2);
    let ru = Context { countries: vec!["RU".into()], admin1: vec![] };
    let resolved = gazetteer.resolve("Karabulak", &ru).unwrap();
    assert_eq!(resolved.place.admin1.as_deref(), Some("Ingushetiya"));
    assert_eq!(resolved.place.population, 34_511);
    let region = gazetteer.resolve("Ingushetia", &Context::default()).unwrap();
    assert_eq!((region.place.id, region.precision), (556_349, Precision::Admin1));
    assert_eq!(
        gazetteer.country("RU").map(|c| (c.lat, c.lon)),
        Some((55.75222, 37.61556)),
        "placed at its capital"
    );
    assert!(gazetteer.lookup("MOW").is_empty(), "airport codes are not names");
    assert_eq!(gazetteer.lookup("Москва").len(), 1);
}

#[test]
fn imports_plain_dumps() {
    let dir = tempfile::tempdir().unwrap();
    let cities = write(dir.path(), "cities15000.txt", CITIES);
    let admin1 = write(dir.path(), "admin1CodesASCII.txt", ADMIN1);
    let countries = write(dir.path(), "countryInfo.txt", COUNTRIES);
    let gazetteer = import_geonames(&[&cities, &admin1, &countries]).unwrap();
    check_fixture(&gazetteer);
}

#[test]
fn imports_zipped_dumps() {
    let dir = tempfile::tempdir().unwrap();
    let cities = zip(
        dir.path(),
        "cities15000.zip",
        &[("cities15000.txt", CITIES), ("readme.txt", "not data")],
    );
    let admin1 = write(dir.path(), "admin1CodesASCII.txt", ADMIN1);
    let countries = write(dir.path(), "countryInfo.txt", COUNTRIES);
    let gazetteer = import_geonames(&[&cities, &admin1, &countries]).unwrap();
    check_fixture(&gazetteer);
}

#[test]
fn reports_bad_rows_and_empty_input() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(
        dir.path(),
        "cities500.txt",
        "1\tTown\tTown\t\tnorth\t37.6\tP\tPPL\tRU\t\t48\t\t\t\t5\n",
    );
    let error = import_geonames(&[&broken]).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(error.ends_with("cities500.txt:1: bad latitude \"north\""), "{error}");
    assert!(matches!(import_geonames(&[]), Err(GazetteerError::NothingToImport)));
}

#[test]
fn save_load_round_trip_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let cities = write(dir.path(), "cities15000.txt", CITIES);
    let admin1 = write(dir.path(), "admin1CodesASCII.txt", ADMIN1);
    let imported = import_geonames(&[&cities, &admin1]).unwrap();
    let mut saved = Vec::new();
    imported.save(&mut saved).unwrap();
    let loaded = Gazetteer::load(saved.as_slice()).unwrap();
    assert_eq!(loaded.places(), imported.places());

    let mut merged = Gazetteer::builtin().clone();
    let before = merged.len();
    merged.merge(loaded);
    assert_eq!(merged.len(), before, "every fixture place is already built in");
    let ru = Context { countries: vec!["RU".into()], admin1: vec![] };
    let karabulak = merged.resolve("Karabulak", &ru).unwrap();
    assert_eq!(karabulak.place.population, 34_511, "real population replaces the estimate");
}

#[test]
fn imports_the_shared_geonames_extract() {
    let Some(shared) = std::env::var_os("VIGIL_SHARED") else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let dir = Path::new(&shared).join("data/geonames");
    let paths =
        [dir.join("cities15000.zip"), dir.join("countryInfo.tsv"), dir.join("regionInfo.tsv")];
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let gazetteer = import_geonames(&paths).unwrap();
    let count = |kind| gazetteer.places().iter().filter(|p| p.kind == kind).count();
    assert!(count(PlaceKind::City) > 30_000, "towns: {}", count(PlaceKind::City));
    assert!(count(PlaceKind::Country) >= 250);
    // Regions without a town in cities15000 (and no ADM1 row) cannot be placed and are left out.
    assert!(count(PlaceKind::Admin1) >= 2_700, "regions: {}", count(PlaceKind::Admin1));
    let none = Context::default();
    for (name, country) in
        [("Kerman", "IR"), ("Kabul", "AF"), ("Manchester", "GB"), ("Lima", "PE"), ("Kiev", "UA")]
    {
        let resolved = gazetteer.resolve(name, &none).map(|r| r.place.country.clone());
        assert_eq!(resolved.as_deref(), Some(country), "{name}");
    }
    let ru = Context { countries: vec!["RU".into()], admin1: vec![] };
    let karabulak = gazetteer.resolve("Karabulak", &ru).unwrap();
    assert_eq!(karabulak.place.admin1.as_deref(), Some("Ingushetiya Republic"));
    let mut merged = Gazetteer::builtin().clone();
    merged.merge(gazetteer);
    let kerman = merged.resolve("Kerman", &none).unwrap();
    assert_eq!(kerman.place.country, "IR");
    assert!(kerman.place.population > 500_000, "GeoNames population after the merge");
}
