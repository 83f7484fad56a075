//! The gazetteer's value types: places, their kinds, resolution context and results, and the
//! mapping from a resolved place to the codebook's `location`.

use vigil_domain::{Location, LocationPrecision};

/// What sort of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A sovereign state or territory with an ISO 3166-1 code.
    Country,
    /// A first-level administrative division (GeoNames admin1: state, province, oblast).
    Admin1,
    /// A populated place: city, town or village.
    City,
}

impl PlaceKind {
    /// The one-letter tag used in the saved format (`C`, `A`, `P` as in GeoNames' populated place).
    pub(crate) fn tag(self) -> char {
        match self {
            PlaceKind::Country => 'C',
            PlaceKind::Admin1 => 'A',
            PlaceKind::City => 'P',
        }
    }

    /// The kind for a saved-format tag.
    pub(crate) fn from_tag(tag: &str) -> Option<PlaceKind> {
        match tag {
            "C" => Some(PlaceKind::Country),
            "A" => Some(PlaceKind::Admin1),
            "P" => Some(PlaceKind::City),
            _ => None,
        }
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Unique within one gazetteer. Imported GeoNames places keep their geonameid; built-in
    /// places are numbered from [`BUILTIN_ID_BASE`](crate::BUILTIN_ID_BASE) up.
    pub id: u32,
    /// The preferred name (GeoNames' `name` for cities and regions, the common English name
    /// for countries).
    pub name: String,
    /// Country, region or city.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place is in (its own code for a country).
    pub country: String,
    /// The first-level region's name: the region a city lies in, a region's own name, `None`
    /// for a country or when unknown.
    pub admin1: Option<String>,
    /// Latitude in degrees (WGS84); a centroid for countries and regions.
    pub lat: f64,
    /// Longitude in degrees (WGS84).
    pub lon: f64,
    /// Inhabitants. Real GeoNames figures for imported places; for built-in cities an estimate
    /// from population rank (see the crate README), 1,000 when nothing better is known.
    pub population: u64,
    /// Other names and spellings the place is known by (exonyms, older names, ASCII forms).
    pub alternates: Vec<String>,
}

impl Place {
    /// Every name of the place: the preferred name first, then the alternates.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.alternates.iter().map(String::as_str))
    }
}

/// How precisely a resolved name locates something: the codebook's `city`, `admin1`, `country`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A city or town.
    City,
    /// A first-level region.
    Admin1,
    /// A whole country.
    Country,
}

impl Precision {
    /// The codebook's spelling: `"city"`, `"admin1"` or `"country"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::City => "city",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
        }
    }
}

impl From<PlaceKind> for Precision {
    fn from(kind: PlaceKind) -> Precision {
        match kind {
            PlaceKind::Country => Precision::Country,
            PlaceKind::Admin1 => Precision::Admin1,
            PlaceKind::City => Precision::City,
        }
    }
}

impl From<Precision> for LocationPrecision {
    fn from(precision: Precision) -> LocationPrecision {
        match precision {
            Precision::City => LocationPrecision::City,
            Precision::Admin1 => LocationPrecision::Admin1,
            Precision::Country => LocationPrecision::Country,
        }
    }
}

/// What the surrounding text says about where things are, used to pick among namesakes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// ISO alpha-2 codes of countries named nearby, most relevant first.
    pub countries: Vec<String>,
    /// Names of first-level regions named nearby ("Moscow Oblast", "Borno", or a region's
    /// capital such as "Moscow"), most relevant first.
    pub admin1: Vec<String>,
}

/// The place a name was resolved to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved<'a> {
    /// The chosen place.
    pub place: &'a Place,
    /// How precisely it locates the mention.
    pub precision: Precision,
    /// Confidence in 0..=1: the chosen candidate's share of the softmax over all candidates'
    /// scores (1 when it had no rival).
    pub score: f32,
}

impl Resolved<'_> {
    /// The codebook's `location` object for this place.
    pub fn location(&self) -> Location {
        let place = self.place;
        Location {
            name: place.name.clone(),
            admin1: place.admin1.clone(),
            country: Some(place.country.clone()),
            lat: Some(place.lat),
            lon: Some(place.lon),
            precision: self.precision.into(),
        }
    }
}
