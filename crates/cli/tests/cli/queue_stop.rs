//! `vigil worker` stopped by SIGTERM: it claims nothing more, finishes the job in hand, prints
//! its summary and exits with success, leaving no job running (a killed worker leaves its job
//! running until the lease runs out); a second worker then drains the rest. Runs when
//! `VIGIL_TEST_POSTGRES_URL` names a test database; skipped otherwise.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use vigil_store_postgres::PostgresStore;

use super::queue_kill::{holds_a_job, schema_url, vigil, write_corpus};

const DOCUMENTS: usize = 40;

#[test]
fn sigterm_finishes_the_job_in_hand_and_leaves_none_running() {
    let Some(base) = super::support::postgres_url() else { return };
    let folder = tempfile::tempdir().unwrap();
    let corpus = folder.path().join("corpus");
    write_corpus(&corpus, DOCUMENTS);
    let store = PostgresStore::open_scratch(&base).unwrap();
    let url = schema_url(&base, &store);
    vigil(&url, &["enqueue", corpus.to_str().unwrap()]);

    // A lease far longer than the test: a job left running would show as running below.
    let mut worker = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--db", &url, "--json", "worker", "--lease", "10m", "--idle", "200ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    assert!(holds_a_job(&mut client, &mut worker), "the worker exited before claiming");
    let sent = Command::new("kill").args(["-TERM", &worker.id().to_string()]).status().unwrap();
    assert!(sent.success());

    let deadline = Instant::now() + Duration::from_secs(60);
    while worker.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = worker.kill();
            panic!("the worker did not stop within a minute of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = worker.wait_with_output().unwrap();
    assert!(output.status.success(), "exit status after SIGTERM: {:?}", output.status);
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["signalled"], true, "{summary:#}");
    let done = summary["done"].as_u64().unwrap();
    assert!(done >= 1, "the job in hand was not finished: {summary:#}");

    let status: serde_json::Value =
        serde_json::from_str(&vigil(&url, &["--json", "queue", "status"])).unwrap();
    assert_eq!(status["running"].as_u64(), Some(0), "{status:#}");
    assert_eq!(status["done"].as_u64(), Some(done), "{status:#}");
    assert_eq!(status["queued"].as_u64(), Some(DOCUMENTS as u64 - done), "{status:#}");

    vigil(&url, &["worker", "--drain"]);
    let status: serde_json::Value =
        serde_json::from_str(&vigil(&url, &["--json", "queue", "status"])).unwrap();
    assert_eq!(status["done"].as_u64(), Some(DOCUMENTS as u64), "{status:#}");
    drop(store);
}
