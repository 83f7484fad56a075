//! The [`Gazetteer`]: its places, the name index over them, exact lookups, the lazily built
//! built-in instance, and merging one gazetteer over another.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::GazetteerError;
use crate::fold::{base_name, fold, fold_into};
use crate::model::{Place, PlaceKind};

/// Ids of built-in places start here, far above any geonameid, so that imported places can
/// keep their geonameids without colliding.
pub const BUILTIN_ID_BASE: u32 = 0xF000_0000;

/// Cities at least this large anchor the "satellite town" preference in resolution.
pub(crate) const BIG_CITY: u64 = 100_000;

/// The compiled-in data: see the README for its sources and how to regenerate it.
static BUILTIN_DATA: &[u8] = include_bytes!("../data/builtin.tsv.gz");

/// A set of places with a name index. Cheap to query, built once.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub(crate) places: Vec<Place>,
    /// (hash of a folded name, place index), sorted. A sorted vector of hashes is a third of
    /// the memory of a map of strings and builds faster; with some 300,000 names the chance of
    /// any 64-bit collision is below one in a hundred million.
    index: Vec<(u64, u32)>,
    /// ISO alpha-2 (upper case) to the country's place index.
    countries: HashMap<String, u32>,
    /// Per country, the coordinates of its big cities (see [`BIG_CITY`]).
    pub(crate) big_cities: HashMap<String, Vec<(f64, f64)>>,
}

impl Gazetteer {
    /// A gazetteer over `places`, indexed under every name and alternate.
    pub fn from_places(places: Vec<Place>) -> Gazetteer {
        let mut gazetteer = Gazetteer { places, ..Gazetteer::default() };
        gazetteer.reindex();
        gazetteer
    }

    /// The built-in gazetteer (countries, admin1 regions and GeoNames cities1000 towns),
    /// decompressed and indexed on first use.
    ///
    /// If the compiled-in data were ever unreadable this returns an empty gazetteer rather than
    /// panicking; the crate's tests guard against that.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteer::load_builtin().unwrap_or_default())
    }

    /// A fresh, owned copy of the built-in gazetteer: what [`Gazetteer::builtin`] caches. For
    /// callers that merge an import over it.
    pub fn load_builtin() -> Result<Gazetteer, GazetteerError> {
        let decoder = flate2::read::GzDecoder::new(BUILTIN_DATA);
        Gazetteer::load(std::io::BufReader::new(decoder))
    }

    /// All places, in storage order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place called `name`, ignoring case, diacritics and punctuation ("Kyiv", "KIEV",
    /// "Kābul"). A leading "the" is tried without it when nothing matches ("the US").
    /// Countries come first, then regions, then cities by falling population.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let folded = fold(name);
        let mut found = self.lookup_folded(&folded);
        if found.is_empty()
            && let Some(rest) = folded.strip_prefix("the ")
        {
            found = self.lookup_folded(rest);
        }
        found
    }

    /// Places indexed under an already folded key, sorted as [`Gazetteer::lookup`] documents.
    pub(crate) fn lookup_folded(&self, folded: &str) -> Vec<&Place> {
        let mut found: Vec<&Place> =
            self.positions(folded).filter_map(|at| self.places.get(at)).collect();
        found.sort_by(|a, b| {
            (a.kind, std::cmp::Reverse(a.population), a.id).cmp(&(
                b.kind,
                std::cmp::Reverse(b.population),
                b.id,
            ))
        });
        found
    }

    /// Storage positions of the places indexed under an already folded key.
    fn positions(&self, folded: &str) -> impl Iterator<Item = usize> + '_ {
        let key = hash_key(folded);
        let start = if folded.is_empty() {
            self.index.len()
        } else {
            self.index.partition_point(|&(hash, _)| hash < key)
        };
        self.index[start..]
            .iter()
            .take_while(move |&&(hash, _)| hash == key)
            .map(|&(_, at)| at as usize)
    }

    /// The country with ISO 3166-1 alpha-2 `code` (any case).
    pub fn country(&self, code: &str) -> Option<&Place> {
        let at = self.countries.get(&code.trim().to_ascii_uppercase())?;
        self.places.get(*at as usize)
    }

    /// The country called `name` or one of its alternates ("Britain", "the US", "Ivory Coast").
    pub fn country_by_name(&self, name: &str) -> Option<&Place> {
        self.lookup(name).into_iter().find(|place| place.kind == PlaceKind::Country)
    }

    /// Every name and alternate of every place, for building a text matcher. Names shared by
    /// several places appear once per place.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.places.iter().flat_map(Place::all_names)
    }

    /// Adds `other`'s places over this gazetteer's. A place of `other` that matches one already
    /// here (same kind and country, same folded name, and for cities within about 20 km) replaces
    /// its coordinates, region, and population when known, and adds its names to the
    /// alternates; the others are added, keeping their ids unless taken.
    pub fn merge(&mut self, other: Gazetteer) {
        let mut next_id = self.places.iter().map(|place| place.id).max().unwrap_or(0);
        let mut used: std::collections::HashSet<u32> = self.places.iter().map(|p| p.id).collect();
        let mut added = Vec::new();
        for incoming in other.places {
            if let Some(at) = self.same_place(&incoming) {
                absorb(&mut self.places[at], incoming);
                continue;
            }
            let mut place = incoming;
            if !used.insert(place.id) {
                next_id = next_id.saturating_add(1);
                place.id = next_id;
                used.insert(place.id);
            }
            next_id = next_id.max(place.id);
            added.push(place);
        }
        self.places.extend(added);
        self.reindex();
    }

    /// The index of a place here that `incoming` describes too.
    fn same_place(&self, incoming: &Place) -> Option<usize> {
        if incoming.kind == PlaceKind::Country {
            return self.countries.get(&incoming.country).map(|&at| at as usize);
        }
        let folded = fold(&incoming.name);
        self.positions(&folded).find(|&at| {
            let place = &self.places[at];
            place.kind == incoming.kind
                && place.country == incoming.country
                && (incoming.kind == PlaceKind::Admin1
                    || ((place.lat - incoming.lat).abs() < 0.2
                        && (place.lon - incoming.lon).abs() < 0.2))
        })
    }

    /// Rebuilds the name index, the country table and the big-city table.
    pub(crate) fn reindex(&mut self) {
        let mut index = Vec::with_capacity(self.places.len() * 2);
        let mut buffer = String::new();
        self.countries.clear();
        self.big_cities.clear();
        for (at, place) in self.places.iter().enumerate() {
            let Ok(at32) = u32::try_from(at) else { break };
            for name in place.all_names() {
                fold_into(name, &mut buffer);
                if buffer.is_empty() {
                    continue;
                }
                index.push((hash_key(&buffer), at32));
                // Regions are also found by their bare name: "Kaluga" for "Kaluga Oblast".
                if place.kind == PlaceKind::Admin1
                    && let Some(base) = base_name(&buffer)
                {
                    index.push((hash_key(&base), at32));
                }
            }
            match place.kind {
                PlaceKind::Country => {
                    self.countries.entry(place.country.to_ascii_uppercase()).or_insert(at32);
                }
                PlaceKind::City if place.population >= BIG_CITY => {
                    let list = self.big_cities.entry(place.country.clone()).or_default();
                    list.push((place.lat, place.lon));
                }
                _ => {}
            }
        }
        index.sort_unstable();
        index.dedup();
        self.index = index;
    }
}

/// Folds `incoming` into `existing`, which it describes too.
fn absorb(existing: &mut Place, incoming: Place) {
    let mut names: Vec<String> = incoming.alternates;
    if incoming.name != existing.name {
        names.push(incoming.name);
    }
    for name in names {
        if name != existing.name && !existing.alternates.contains(&name) {
            existing.alternates.push(name);
        }
    }
    if incoming.population > 0 {
        existing.population = incoming.population;
    }
    // The existing region name wins so that towns and their region keep one spelling.
    if existing.admin1.is_none() {
        existing.admin1 = incoming.admin1;
    }
    if incoming.lat != 0.0 || incoming.lon != 0.0 {
        existing.lat = incoming.lat;
        existing.lon = incoming.lon;
    }
}

/// The index key of a folded name: 64-bit FNV-1a, stable across runs and platforms, and several
/// times faster than SipHash on short names (the index holds some 300,000 of them).
pub(crate) fn hash_key(folded: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    folded.bytes().fold(OFFSET, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}
