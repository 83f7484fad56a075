//! Vigil's place gazetteer: which places a name in the news can mean, and which one it most
//! likely means given the text around it.
//!
//! - [`Gazetteer::builtin`] holds every country, every GeoNames first-level region and the
//!   GeoNames `cities1000` towns, compiled in (GeoNames data, CC BY 4.0; see the README for the
//!   sources and how the data is regenerated). No download happens at run time.
//! - [`import_geonames`] reads standard GeoNames dumps for users who need villages;
//!   [`Gazetteer::save`], [`Gazetteer::load`] and [`Gazetteer::merge`] keep an imported
//!   gazetteer in a file and lay it over the built-in one.
//! - [`Gazetteer::lookup`] finds every place of a name; [`Gazetteer::resolve`] picks one using a
//!   [`Context`] and returns a [`Resolved`] whose [`Resolved::location`] is the codebook's
//!   `location`.
//!
//! The crate is pure: apart from [`import_geonames`], which reads the files it is given, it does
//! no I/O of its own.

mod common_words;
mod error;
mod fold;
mod format;
mod gazetteer;
mod geonames;
mod model;
mod resolve;

pub use common_words::is_ambiguous_common_word;
pub use error::GazetteerError;
pub use fold::{base_name, fold};
pub use gazetteer::{BUILTIN_ID_BASE, Gazetteer};
pub use geonames::import_geonames;
pub use model::{Context, Place, PlaceKind, Precision, Resolved};
pub use resolve::SMALL_TOWN;
