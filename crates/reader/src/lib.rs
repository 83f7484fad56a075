//! The reader: codebook incidents, claims and actors from English news, every fact sourced.
//!
//! ```text
//! Document ─▶ Analysis (sentences, words, actors, places, dates, counts, demonyms)
//!          ─▶ incidents::drafts (one per trigger clause, slots from the clause)
//!          ─▶ coref::merge / coref::link (one incident per event; plots and operations tied)
//!          ─▶ claims::find (per sentence) ─▶ attributions from claims ─▶ Extraction
//! ```
//!
//! Everything is rules over knowledge (the [`Kb`] and the gazetteer), with no rule that knows
//! any one article. The reader is pure and deterministic.

mod actors;
mod analysis;
mod claim_links;
mod claims;
mod coref;
mod finish;
mod incidents;
mod lexicon;
mod phrases;
mod places;
mod triggers;

use std::sync::OnceLock;

use vigil_domain::{ActorKind, Document, Extraction, Location};
use vigil_gazetteer::Gazetteer;

use analysis::Analysis;
use places::PlaceFinder;
use vigil_extract::Extractor;
use vigil_extract::kb::Kb;

/// The rule-based reader.
#[derive(Debug)]
pub struct Reader {
    kb: Kb,
    gazetteer: &'static Gazetteer,
    places: &'static PlaceFinder,
}

static BUILTIN_PLACES: OnceLock<PlaceFinder> = OnceLock::new();

impl Default for Reader {
    fn default() -> Self {
        Reader::new(Kb::builtin().clone())
    }
}

impl Reader {
    /// A reader over a knowledge base (the built-in one, or one merged with a user's file) and
    /// the built-in gazetteer.
    pub fn new(kb: Kb) -> Reader {
        let places = BUILTIN_PLACES.get_or_init(|| PlaceFinder::new(Gazetteer::builtin()));
        Reader { kb, gazetteer: Gazetteer::builtin(), places }
    }

    /// A reader over another gazetteer (the built-in one with a GeoNames import merged over
    /// it). The gazetteer and its matcher live as long as the process: a reader is built once
    /// per run, and the tables are what it is for.
    pub fn with_gazetteer(kb: Kb, gazetteer: Gazetteer) -> Reader {
        let gazetteer: &'static Gazetteer = Box::leak(Box::new(gazetteer));
        let places: &'static PlaceFinder = Box::leak(Box::new(PlaceFinder::new(gazetteer)));
        Reader { kb, gazetteer, places }
    }

    /// Reads a text published on `published` by `source`.
    pub fn read(&self, document: &Document) -> Extraction {
        let analysis = Analysis::new(&document.text, document.published, &self.kb, self.places);
        let resolver = Resolver { kb: &self.kb, gazetteer: self.gazetteer };
        finish::extraction(document, &analysis, &resolver)
    }
}

impl Extractor for Reader {
    fn name(&self) -> &str {
        "vigil-reader"
    }

    fn version(&self) -> &str {
        "1"
    }

    fn extract(&self, document: &Document) -> Extraction {
        self.read(document)
    }
}

/// Knowledge lookups the rules need: states by country, capitals, canonical names.
pub(crate) struct Resolver<'k> {
    kb: &'k Kb,
    gazetteer: &'static Gazetteer,
}

impl Resolver<'_> {
    /// The canonical name of the state with ISO code `code`.
    pub(crate) fn state(&self, code: &str) -> Option<String> {
        self.kb
            .entries()
            .iter()
            .find(|entry| entry.kind == ActorKind::State && entry.country.as_deref() == Some(code))
            .map(|entry| entry.name.clone())
    }

    /// The capital of the state with ISO code `code`: its first metonym that the gazetteer
    /// knows as a city of that country.
    pub(crate) fn capital(&self, code: &str) -> Option<Location> {
        let entry = self.kb.entries().iter().find(|entry| {
            entry.kind == ActorKind::State && entry.country.as_deref() == Some(code)
        })?;
        if let Some(alias) = entry.aliases.iter().find(|alias| alias.metonym) {
            let place = self
                .gazetteer
                .lookup(&alias.text)
                .into_iter()
                .filter(|place| {
                    place.country == code && place.kind == vigil_gazetteer::PlaceKind::City
                })
                .max_by_key(|place| place.population)?;
            return Some(Location {
                name: place.name.clone(),
                admin1: place.admin1.clone(),
                country: Some(place.country.clone()),
                lat: Some(place.lat),
                lon: Some(place.lon),
                precision: vigil_domain::LocationPrecision::City,
            });
        }
        None
    }
}
