//! The shared `Store` conformance suite, run against PostgreSQL when `VIGIL_TEST_POSTGRES_URL`
//! names a database; each check gets a scratch schema of its own, so they run in parallel.

mod common;

vigil_store::store_conformance_suite!(optional: common::scratch_store());
