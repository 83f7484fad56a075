//! Data-driven checks of resolution on the built-in gazetteer: name + context → country,
//! region and precision.

use vigil_gazetteer::{Context, Gazetteer, PlaceKind, Precision, fold};

/// (name as written, context countries, context regions, expected country, expected region
/// (any of its names), expected precision). `None` country: must not resolve.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Option<&'static str>,
    Option<&'static str>,
    Precision,
);

const CASES: &[Case] = &[
    // Russia: the Crocus City Hall attack and the North Caucasus.
    ("Moscow", &[], &[], Some("RU"), Some("Moscow"), Precision::City),
    ("Moscow", &["RU"], &[], Some("RU"), Some("Moscow"), Precision::City),
    ("Moscow", &["US"], &["Idaho"], Some("US"), Some("Idaho"), Precision::City),
    ("Kaluga", &[], &[], Some("RU"), Some("Kaluga Oblast"), Precision::City),
    ("Karabulak", &["RU"], &[], Some("RU"), Some("Ingushetia"), Precision::City),
    ("Karabulak", &[], &[], None, None, Precision::City),
    ("Ingushetia", &[], &[], Some("RU"), Some("Ingushetia"), Precision::Admin1),
    ("Respublika Ingushetiya", &[], &[], Some("RU"), Some("Ingushetia"), Precision::Admin1),
    ("Krasnogorsk", &["RU"], &[], Some("RU"), Some("Moscow Oblast"), Precision::City),
    ("Krasnogorsk", &["RU"], &["Moscow"], Some("RU"), Some("Moscow Oblast"), Precision::City),
    ("Bryansk", &[], &[], Some("RU"), Some("Bryansk Oblast"), Precision::City),
    ("Kaluga region", &[], &[], Some("RU"), Some("Kaluga Oblast"), Precision::Admin1),
    ("Moscow region", &[], &[], Some("RU"), Some("Moscow Oblast"), Precision::Admin1),
    // Afghanistan, Iran, Ukraine.
    ("Kabul", &[], &[], Some("AF"), Some("Kabul"), Precision::City),
    ("Kābul", &[], &[], Some("AF"), Some("Kabul"), Precision::City),
    ("Kerman", &[], &[], Some("IR"), Some("Kerman"), Precision::City),
    ("Kyiv", &[], &[], Some("UA"), None, Precision::City),
    ("Kiev", &[], &[], Some("UA"), None, Precision::City),
    ("KIEV", &[], &[], Some("UA"), None, Precision::City),
    // Europe.
    ("Gera", &[], &[], Some("DE"), Some("Thuringia"), Precision::City),
    ("Vienna", &[], &[], Some("AT"), None, Precision::City),
    ("Manchester", &[], &[], Some("GB"), Some("England"), Precision::City),
    ("Manchester", &["US"], &[], Some("US"), None, Precision::City),
    ("Arras", &["FR"], &[], Some("FR"), Some("Hauts-de-France"), Precision::City),
    (
        "North Rhine-Westphalia",
        &[],
        &[],
        Some("DE"),
        Some("North Rhine-Westphalia"),
        Precision::Admin1,
    ),
    // Africa.
    ("Mogadishu", &[], &[], Some("SO"), None, Precision::City),
    ("Maiduguri", &[], &[], Some("NG"), Some("Borno"), Precision::City),
    ("Gwoza", &["NG"], &[], Some("NG"), Some("Borno"), Precision::City),
    ("Chibok", &["NG"], &[], Some("NG"), Some("Borno"), Precision::City),
    ("Aden", &[], &[], Some("YE"), None, Precision::City),
    ("Cairo", &[], &[], Some("EG"), None, Precision::City),
    ("Ouagadougou", &[], &[], Some("BF"), None, Precision::City),
    // MUC-4 wire copy: all capitals, Latin America.
    ("SAN SALVADOR", &[], &[], Some("SV"), Some("San Salvador"), Precision::City),
    ("LIMA", &[], &[], Some("PE"), None, Precision::City),
    ("MEDELLIN", &[], &[], Some("CO"), Some("Antioquia"), Precision::City),
    ("Medellín", &[], &[], Some("CO"), Some("Antioquia"), Precision::City),
    ("TEGUCIGALPA", &[], &[], Some("HN"), None, Precision::City),
    ("SAN MIGUEL DEPARTMENT", &["SV"], &[], Some("SV"), Some("San Miguel"), Precision::Admin1),
    ("SAN MIGUEL DEPARTMENT", &[], &[], Some("SV"), Some("San Miguel"), Precision::Admin1),
    ("SAN MIGUEL", &["SV"], &[], Some("SV"), Some("San Miguel"), Precision::City),
    ("GUATEMALA", &[], &[], Some("GT"), None, Precision::Country),
    // Countries and their aliases.
    ("Britain", &[], &[], Some("GB"), None, Precision::Country),
    ("the US", &[], &[], Some("US"), None, Precision::Country),
    ("Ivory Coast", &[], &[], Some("CI"), None, Precision::Country),
    ("Georgia", &[], &[], Some("GE"), None, Precision::Country),
    ("Georgia", &["US"], &[], Some("US"), Some("Georgia"), Precision::Admin1),
    // Common words: never in lower case, capitalised only with support.
    ("police", &["PL"], &[], None, None, Precision::City),
    ("Police", &[], &[], None, None, Precision::City),
    ("Police", &["PL"], &[], Some("PL"), None, Precision::City),
    ("of", &["TR"], &[], None, None, Precision::City),
    ("Nice", &[], &[], None, None, Precision::City),
    ("Nice", &["FR"], &[], Some("FR"), None, Precision::City),
    ("Reading", &[], &[], None, None, Precision::City),
    ("Split", &["HR"], &[], Some("HR"), None, Precision::City),
    ("Mobile", &[], &[], None, None, Precision::City),
    ("March", &[], &[], None, None, Precision::City),
    ("Victoria", &[], &[], None, None, Precision::City),
    ("Victoria", &["AU"], &[], Some("AU"), Some("Victoria"), Precision::Admin1),
    ("turkey", &[], &[], None, None, Precision::Country),
    ("Turkey", &[], &[], Some("TR"), None, Precision::Country),
];

fn region_has_name(gazetteer: &Gazetteer, country: &str, region: &str, expected: &str) -> bool {
    let wanted = fold(expected);
    fold(region) == wanted
        || gazetteer
            .lookup(region)
            .into_iter()
            .filter(|place| place.kind == PlaceKind::Admin1 && place.country == country)
            .any(|place| place.all_names().any(|name| fold(name) == wanted))
}

#[test]
fn resolution_table() {
    let gazetteer = Gazetteer::builtin();
    let mut failures = Vec::new();
    for &(name, countries, regions, country, region, precision) in CASES {
        let context = Context {
            countries: countries.iter().map(|c| c.to_string()).collect(),
            admin1: regions.iter().map(|r| r.to_string()).collect(),
        };
        let resolved = gazetteer.resolve(name, &context);
        let ok = match (country, &resolved) {
            (None, None) => true,
            (Some(country), Some(found)) => {
                found.place.country == country
                    && found.precision == precision
                    && region.is_none_or(|expected| {
                        found
                            .place
                            .admin1
                            .as_deref()
                            .is_some_and(|r| region_has_name(gazetteer, country, r, expected))
                    })
            }
            _ => false,
        };
        if !ok {
            let got = resolved.map(|r| {
                let p = r.place;
                format!(
                    "{} / {:?} / {} / {:?} pop {} score {:.2}",
                    p.name, p.admin1, p.country, r.precision, p.population, r.score
                )
            });
            failures.push(format!("{name:?} ctx {countries:?} {regions:?}: want {country:?} {region:?} {precision:?}, got {got:?}"));
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
fn lookup_ignores_case_and_diacritics() {
    let gazetteer = Gazetteer::builtin();
    for spelling in ["Kyiv", "KYIV", "Kiev", "kiev"] {
        let found = gazetteer.lookup(spelling);
        assert!(found.iter().any(|p| p.country == "UA" && p.kind == PlaceKind::City), "{spelling}");
    }
    let kabul = gazetteer.lookup("Kābul");
    assert!(kabul.iter().any(|p| p.country == "AF"));
    assert!(kabul.len() >= 2, "Kabul has namesakes: {kabul:?}");
}

#[test]
fn countries_by_code_and_name() {
    let gazetteer = Gazetteer::builtin();
    assert_eq!(gazetteer.country("ru").map(|c| c.kind), Some(PlaceKind::Country));
    assert_eq!(gazetteer.country_by_name("Britain").map(|c| c.country.as_str()), Some("GB"));
    assert_eq!(gazetteer.country_by_name("the US").map(|c| c.country.as_str()), Some("US"));
    assert_eq!(gazetteer.country_by_name("Ivory Coast").map(|c| c.country.as_str()), Some("CI"));
    assert!(gazetteer.country("ZZ").is_none());
}

#[test]
fn builtin_has_every_kind() {
    let gazetteer = Gazetteer::builtin();
    let count = |kind| gazetteer.places().iter().filter(|p| p.kind == kind).count();
    assert!(count(PlaceKind::Country) >= 240, "countries: {}", count(PlaceKind::Country));
    assert!(count(PlaceKind::Admin1) >= 3000, "regions: {}", count(PlaceKind::Admin1));
    assert!(count(PlaceKind::City) >= 100_000, "towns: {}", count(PlaceKind::City));
    assert!(gazetteer.names().any(|n| n == "Ivory Coast"));
}

#[test]
fn resolved_fills_the_codebook_location() {
    let gazetteer = Gazetteer::builtin();
    let resolved = gazetteer.resolve("Kabul", &Context::default());
    let location = resolved.map(|r| r.location());
    let location = location.as_ref();
    assert_eq!(location.and_then(|l| l.country.as_deref()), Some("AF"));
    assert_eq!(location.map(|l| l.precision), Some(vigil_domain::LocationPrecision::City));
    assert_eq!(Precision::Admin1.as_str(), "admin1");
}
