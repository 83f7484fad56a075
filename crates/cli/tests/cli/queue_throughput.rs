//! Queue throughput with 1, 2 and 4 worker processes against one PostgreSQL: the figure in
//! docs/benchmarks.md ("Queue and workers"). Ignored by default (it measures, it checks little);
//! run it against a release binary:
//!
//! ```sh
//! cargo build --release
//! VIGIL_BIN=target/release/vigil VIGIL_TEST_POSTGRES_URL=postgres://... \
//!   cargo test -p vigil-cli --test cli queue_throughput -- --ignored --nocapture
//! ```

use std::process::{Command, Stdio};
use std::time::Instant;

use vigil_store_postgres::PostgresStore;

use super::queue_kill::{schema_url, write_corpus};

/// The binary measured: `VIGIL_BIN`, else the one the tests built.
fn binary() -> String {
    std::env::var("VIGIL_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_vigil").to_string())
}

fn run(url: &str, args: &[&str]) {
    let status = Command::new(binary()).args(["--db", url, "--quiet"]).args(args).status().unwrap();
    assert!(status.success(), "vigil {args:?} failed");
}

#[test]
#[ignore = "a measurement: run with --ignored against a release binary"]
fn queue_throughput() {
    let Some(base) = super::support::postgres_url() else { return };
    let documents: usize = std::env::var("VIGIL_BENCH_DOCS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(4_000);
    let folder = tempfile::tempdir().unwrap();
    let corpus = folder.path().join("corpus");
    write_corpus(&corpus, documents);
    let corpus = corpus.to_str().unwrap();
    println!("{documents} documents, binary {}", binary());
    println!("workers  seconds  docs_per_s  ratio");
    let mut single = None;
    for workers in [1, 2, 4] {
        let store = PostgresStore::open_scratch(&base).unwrap();
        let url = schema_url(&base, &store);
        run(&url, &["enqueue", corpus]);
        // The clock starts with the processes: start-up (building the reader) is part of a
        // worker's cost.
        let started = Instant::now();
        let children: Vec<_> = (0..workers)
            .map(|_| {
                Command::new(binary())
                    .args(["--db", &url, "--quiet", "worker", "--drain"])
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let rate = documents as f64 / started.elapsed().as_secs_f64();
        let ratio = rate / *single.get_or_insert(rate);
        println!(
            "{workers:>7}  {:>7.1}  {rate:>10.1}  {ratio:>5.2}",
            started.elapsed().as_secs_f64()
        );
        drop(store);
    }
}
