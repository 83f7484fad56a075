//! Benchmarks: building the built-in gazetteer, exact lookups and context resolution.

use divan::Bencher;
use vigil_gazetteer::{Context, Gazetteer};

fn main() {
    divan::main();
}

/// Decompressing, parsing and indexing the compiled-in data: what the first
/// `Gazetteer::builtin()` call costs.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn build_builtin() -> Gazetteer {
    Gazetteer::load_builtin().unwrap_or_default()
}

const NAMES: &[&str] = &[
    "Moscow",
    "Kaluga",
    "Karabulak",
    "Ingushetia",
    "Krasnogorsk",
    "Kabul",
    "Kerman",
    "Kyiv",
    "Kiev",
    "Bryansk",
    "Gera",
    "Mogadishu",
    "Maiduguri",
    "Gwoza",
    "Manchester",
    "Vienna",
    "Arras",
    "SAN SALVADOR",
    "LIMA",
    "MEDELLIN",
    "Tegucigalpa",
    "Springfield",
    "Nowhere",
    "Police",
];

#[divan::bench]
fn lookup(bencher: Bencher) {
    let gazetteer = Gazetteer::builtin();
    bencher.counter(divan::counter::ItemsCount::new(NAMES.len())).bench(|| {
        NAMES.iter().map(|name| gazetteer.lookup(divan::black_box(name)).len()).sum::<usize>()
    });
}

#[divan::bench]
fn resolve_without_context(bencher: Bencher) {
    let gazetteer = Gazetteer::builtin();
    let context = Context::default();
    bencher.counter(divan::counter::ItemsCount::new(NAMES.len())).bench(|| {
        NAMES
            .iter()
            .filter(|name| gazetteer.resolve(divan::black_box(name), &context).is_some())
            .count()
    });
}

#[divan::bench]
fn resolve_with_context(bencher: Bencher) {
    let gazetteer = Gazetteer::builtin();
    let context =
        Context { countries: vec!["RU".into(), "NG".into()], admin1: vec!["Moscow".into()] };
    bencher.counter(divan::counter::ItemsCount::new(NAMES.len())).bench(|| {
        NAMES
            .iter()
            .filter(|name| gazetteer.resolve(divan::black_box(name), &context).is_some())
            .count()
    });
}
