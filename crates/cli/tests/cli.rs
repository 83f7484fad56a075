//! End-to-end tests of the `vigil` command: every test runs the built binary against its own
//! temporary store (`--db`), with inputs from the demo corpus, `tests/data/` or files it writes.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod cli {
    pub(crate) mod support;

    mod bad_input;
    mod boards;
    mod exports;
    mod extract;
    mod fusion;
    mod fusion_lock;
    mod ingest_demo;
    mod muc4;
    mod postgres;
    mod queue;
    mod queue_kill;
    mod queue_stop;
    mod queue_throughput;
    mod read;
    mod serve;
    mod shared;
    mod sources;
    mod usage;
}
