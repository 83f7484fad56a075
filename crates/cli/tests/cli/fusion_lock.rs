//! `vigil fuse --rebuild` and an analyst's merge on PostgreSQL wait for the fusion lock before
//! they change anything: while another connection holds it, the fused incidents stay whole
//! (a rebuild used to reset them first and wait after) and no edit is recorded. Runs when
//! `VIGIL_TEST_POSTGRES_URL` names a test database; skipped otherwise.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use vigil_store_postgres::PostgresStore;

use super::queue_kill::{schema_url, vigil};
use super::support::demo_corpus;

/// The fusion lock's key, as `queries/lock_fusion.sql` in the PostgreSQL store takes it.
const LOCK: &str = "pg_advisory_lock(730607, hashtext(current_schema()))";
const UNLOCK: &str = "pg_advisory_unlock(730607, hashtext(current_schema()))";

fn spawn(url: &str, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--db", url, "--quiet"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn count(client: &mut postgres::Client, table: &str) -> i64 {
    client.query_one(&format!("SELECT count(*) FROM {table}"), &[]).unwrap().get(0)
}

#[test]
fn rebuild_and_merge_wait_for_the_fusion_lock_before_changing_anything() {
    let Some(base) = super::support::postgres_url() else { return };
    let store = PostgresStore::open_scratch(&base).unwrap();
    let url = schema_url(&base, &store);
    vigil(&url, &["ingest", demo_corpus().to_str().unwrap()]);
    let incidents: serde_json::Value =
        serde_json::from_str(&vigil(&url, &["--json", "incidents"])).unwrap();
    let ids: Vec<&str> =
        incidents.as_array().unwrap().iter().filter_map(|i| i["id"].as_str()).collect();
    assert!(ids.len() >= 2, "the demo corpus fuses into several incidents");

    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mentions = count(&mut holder, "mentions");
    holder.execute(&format!("SELECT {LOCK}"), &[]).unwrap();
    let mut rebuild = spawn(&url, &["fuse", "--rebuild"]);
    let mut merge =
        spawn(&url, &["incident", "merge", ids[0], ids[1], "--why", "one attack, two reports"]);
    std::thread::sleep(Duration::from_millis(1_500));
    assert!(rebuild.try_wait().unwrap().is_none(), "the rebuild did not wait for the lock");
    assert!(merge.try_wait().unwrap().is_none(), "the merge did not wait for the lock");
    assert_eq!(count(&mut holder, "mentions"), mentions, "fused incidents changed while locked");
    assert_eq!(count(&mut holder, "fusion_edits"), 0, "an edit was recorded while locked");

    holder.execute(&format!("SELECT {UNLOCK}"), &[]).unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    for child in [&mut rebuild, &mut merge] {
        while child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "still waiting two minutes after the unlock");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    for child in [rebuild, merge] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    assert_eq!(count(&mut holder, "mentions"), mentions, "every report placed again");
    assert_eq!(count(&mut holder, "fusion_edits"), 1);
    drop(store);
}
