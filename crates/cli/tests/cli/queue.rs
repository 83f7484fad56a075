//! The work queue's commands: `vigil enqueue` (folders into one job per file, the same work not
//! queued twice, refused on SQLite), `vigil worker` (a poison input failed with its reason after
//! its attempts), `vigil queue status`, and followed feeds polled with conditional GETs against a
//! loopback server. PostgreSQL tests skip without `VIGIL_TEST_POSTGRES_URL`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use vigil_store_postgres::PostgresStore;

use super::queue_kill::{end_state, report, schema_url, vigil, write_corpus};
use super::support::Sandbox;

fn status(url: &str) -> Value {
    serde_json::from_str(&vigil(url, &["--json", "queue", "status"])).unwrap()
}

#[test]
fn the_queue_needs_postgres() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[&"enqueue", &"whatever.txt"]).code(1);
    assert!(
        run.stderr.contains("the work queue needs a postgresql store (--db postgres://...)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.trim_end().ends_with('.'), "{}", run.stderr);
    sandbox.run(&[&"worker", &"--drain"]).code(1);
}

#[test]
fn folders_become_jobs_once_and_poison_inputs_fail_with_their_reason() {
    let Some(base) = super::support::postgres_url() else { return };
    let store = PostgresStore::open_scratch(&base).unwrap();
    let url = schema_url(&base, &store);
    let folder = tempfile::tempdir().unwrap();
    write_corpus(&folder.path().join("corpus"), 6);
    // A binary file: no reader takes it, on any attempt.
    std::fs::write(folder.path().join("corpus/poison.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let corpus = folder.path().join("corpus");
    let corpus = corpus.to_str().unwrap();

    let enqueued: Value =
        serde_json::from_str(&vigil(&url, &["--json", "enqueue", corpus, "--max-attempts", "2"]))
            .unwrap();
    assert_eq!(enqueued["enqueued"], 7, "{enqueued:#}");
    // The same folder again while its jobs wait: nothing new.
    let again: Value = serde_json::from_str(&vigil(&url, &["--json", "enqueue", corpus])).unwrap();
    assert_eq!(again["enqueued"], 0, "{again:#}");

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--db", &url, "--quiet", "worker", "--drain", "--concurrency", "2"])
        .output()
        .unwrap();
    // A job failed for good: the worker says so in its exit code and on stderr.
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("poison.txt"));

    let status = status(&url);
    assert_eq!((status["done"].as_u64(), status["failed"].as_u64()), (Some(6), Some(1)));
    let failure = &status["failures"][0];
    assert!(failure["payload"].as_str().unwrap().ends_with("poison.txt"), "{failure:#}");
    assert_eq!(failure["attempts"], 2, "{failure:#}");
    assert!(failure["reason"].as_str().unwrap().contains("poison.txt: "), "{failure:#}");
    let text = vigil(&url, &["queue", "status"]);
    assert!(text.starts_with("0 queued, 0 running, 6 done, 1 failed"), "{text}");

    // Done work enqueued again is ingested again, and stores nothing twice.
    let before = end_state(&url);
    std::fs::remove_file(folder.path().join("corpus/poison.txt")).unwrap();
    vigil(&url, &["enqueue", corpus]);
    vigil(&url, &["worker", "--drain"]);
    assert_eq!(end_state(&url), before);
}

/// A loopback feed server: answers 304 when the client sends back the ETag it was given, and
/// records the validators each request carried.
/// The `If-None-Match` and `If-Modified-Since` of each request, in order.
type Seen = Arc<Mutex<Vec<(Option<String>, Option<String>)>>>;

fn feed_server(body: String) -> (String, Seen) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed.xml", server.server_addr().to_ip().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let validators = (
                header_value(&request, "If-None-Match"),
                header_value(&request, "If-Modified-Since"),
            );
            let unchanged = validators.0.as_deref() == Some("\"v1\"");
            log.lock().unwrap().push(validators);
            let response = if unchanged {
                tiny_http::Response::from_data(Vec::new()).with_status_code(304)
            } else {
                let header = |name: &str, value: &str| {
                    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
                };
                tiny_http::Response::from_data(body.clone().into_bytes())
                    .with_header(header("Content-Type", "application/rss+xml"))
                    .with_header(header("ETag", "\"v1\""))
                    .with_header(header("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT"))
            };
            let _ = request.respond(response);
        }
    });
    (url, seen)
}

fn header_value(request: &tiny_http::Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|header| header.field.equiv(name))
        .map(|header| header.value.to_string())
}

fn rss(items: usize) -> String {
    let mut feed = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback Wire</title>",
    );
    for index in 0..items {
        let text = report(index * 3).replace('&', "and").replace('<', " ");
        feed.push_str(&format!(
            "<item><title>Report {index}</title><link>http://example.invalid/{index}</link>\
             <pubDate>Mon, 0{} Apr 2024 10:00:00 GMT</pubDate><description>{text}</description></item>",
            index + 1
        ));
    }
    feed.push_str("</channel></rss>");
    feed
}

#[test]
fn followed_feeds_are_polled_conditionally() {
    let Some(base) = super::support::postgres_url() else { return };
    let store = PostgresStore::open_scratch(&base).unwrap();
    let url = schema_url(&base, &store);
    let (feed, seen) = feed_server(rss(3));

    vigil(&url, &["feeds", "add", &feed, "--every", "3s"]);
    let listed: Value = serde_json::from_str(&vigil(&url, &["--json", "feeds", "list"])).unwrap();
    assert_eq!(listed[0]["url"], feed.as_str());
    assert_eq!(listed[0]["every_seconds"], 3);

    // First poll: a plain GET, three items stored, the validators kept.
    vigil(&url, &["worker", "--drain"]);
    let docs: Value =
        serde_json::from_str(&vigil(&url, &["--json", "docs", "--limit", "100"])).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 3, "{docs:#}");
    let listed: Value = serde_json::from_str(&vigil(&url, &["--json", "feeds", "list"])).unwrap();
    assert_eq!(listed[0]["etag"], "\"v1\"", "{listed:#}");
    assert_eq!(listed[0]["last_outcome"], "3 documents, 3 new", "{listed:#}");

    // Due again three seconds later: the validators go back, the server says 304, nothing is read.
    std::thread::sleep(Duration::from_millis(3_100));
    vigil(&url, &["worker", "--drain"]);
    let listed: Value = serde_json::from_str(&vigil(&url, &["--json", "feeds", "list"])).unwrap();
    assert_eq!(listed[0]["last_outcome"], "not modified", "{listed:#}");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        vec![
            (None, None),
            (Some("\"v1\"".to_string()), Some("Wed, 21 Oct 2026 07:28:00 GMT".to_string()))
        ]
    );
    let status = status(&url);
    assert_eq!((status["done"].as_u64(), status["failed"].as_u64()), (Some(2), Some(0)));
    let text = vigil(&url, &["feeds", "list"]);
    assert!(text.contains(&feed) && text.contains("not modified"), "{text}");
}

/// Regression: two worker threads storing near-copies of one report at the same moment both
/// kept theirs as an original (each looked for near-copies before the other had stored its
/// own). Under the store's deduplication lock the second sees the first.
#[test]
fn near_copies_stored_at_the_same_moment_keep_one_original() {
    let Some(base) = super::support::postgres_url() else { return };
    const PAIRS: usize = 30;
    let folder = tempfile::tempdir().unwrap();
    let corpus = folder.path().join("pairs");
    std::fs::create_dir_all(&corpus).unwrap();
    for pair in 0..PAIRS {
        // Distinct incidents (every third report starts one), each with a copy updated by a line.
        let text = report(pair * 3);
        std::fs::write(corpus.join(format!("pair-{pair:03}-a.txt")), &text).unwrap();
        let copy = format!("{text}This report was updated; no new details were given.\n");
        std::fs::write(corpus.join(format!("pair-{pair:03}-b.txt")), copy).unwrap();
    }
    let store = PostgresStore::open_scratch(&base).unwrap();
    let url = schema_url(&base, &store);
    vigil(&url, &["enqueue", corpus.to_str().unwrap()]);
    // Two threads take the two files of a pair together: jobs are claimed in enqueue order.
    vigil(&url, &["worker", "--drain", "--concurrency", "2"]);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT count(*) FILTER (WHERE duplicate_of IS NULL), \
                    count(*) FILTER (WHERE duplicate_of IS NOT NULL) FROM documents",
            &[],
        )
        .unwrap();
    let (originals, copies): (i64, i64) = (row.get(0), row.get(1));
    assert_eq!((originals, copies), (PAIRS as i64, PAIRS as i64));
    drop(store);
}
