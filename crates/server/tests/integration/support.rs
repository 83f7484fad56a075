//! A server over a fresh store with the demo corpus, on port 0, and a small HTTP client.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use vigil_store::{Store, TokenRole};
use vigil_store_sqlite::SqliteStore;

/// A running server; it stops when dropped.
pub(crate) struct Server {
    pub(crate) address: SocketAddr,
    pub(crate) db: PathBuf,
    _dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The workspace's demo corpus.
pub(crate) fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus")
}

/// Ingests `inputs` into the store at `db` (read and fused, as `vigil ingest` does).
pub(crate) fn ingest(db: &Path, inputs: &[&Path]) {
    let mut store = SqliteStore::open(db).expect("store opens");
    let inputs: Vec<vigil_ingest::Input> =
        inputs.iter().map(|path| vigil_ingest::Input::parse(&path.to_string_lossy())).collect();
    let reader = vigil_reader::Reader::new(vigil_extract::kb::Kb::builtin().clone());
    let config = vigil_pipeline::IngestConfig::default();
    let report = vigil_pipeline::ingest(&mut store, &inputs, &config, &reader, &mut |_| {})
        .expect("ingest runs");
    assert!(report.failed.is_empty(), "ingest failures: {:?}", report.failed);
}

/// Tokens the tests use: one analyst's, one viewer's.
pub(crate) const ANALYST: &str = "vigil_test_analyst_token";
pub(crate) const VIEWER: &str = "vigil_test_viewer_token";

/// A server over a new store holding `inputs` (the demo corpus when empty), with the two test
/// tokens and one board.
pub(crate) fn start(inputs: &[&Path]) -> Server {
    start_with(inputs, vigil_server::Config::default())
}

/// [`start`] with a configuration.
pub(crate) fn start_with(inputs: &[&Path], config: vigil_server::Config) -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("vigil.db");
    let corpus = demo_corpus();
    let demo = [corpus.as_path()];
    ingest(&db, if inputs.is_empty() { &demo } else { inputs });
    {
        let mut store = SqliteStore::open(&db).expect("store opens");
        store
            .put_token("analyst", TokenRole::Analyst, &vigil_server::auth::digest(ANALYST))
            .expect("token");
        store
            .put_token("viewer", TokenRole::Viewer, &vigil_server::auth::digest(VIEWER))
            .expect("token");
        store.put_board(None, "Who attacked", BOARD, "{}").expect("board");
    }
    let path = db.clone();
    let opener: vigil_server::state::StoreOpener = Arc::new(move || {
        SqliteStore::open(&path).map(|store| Box::new(store) as vigil_server::BoxedStore)
    });
    let state = vigil_server::state::AppState::new(opener, config);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (bound, address) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            bound.send(listener.local_addr().expect("address")).expect("send address");
            let shutdown = async {
                let _ = stopped.await;
            };
            vigil_server::serve_with_listener(listener, state, shutdown).await.expect("serve");
        });
    });
    let address = address.recv().expect("server starts");
    Server { address, db, _dir: dir, stop: Some(stop), thread: Some(thread) }
}

/// A small board: two hypotheses, two evidence items.
const BOARD: &str = r#"{
  "name": "Who attacked",
  "subject": {"incident": null, "actors": []},
  "hypotheses": [
    {"id": "h1", "text": "Islamic State Khorasan Province did it"},
    {"id": "h2", "text": "Someone else did it"}
  ],
  "evidence": [
    {"id": "e1", "text": "Amaq claimed it", "source": {"assumption": true}, "credibility": "medium", "relevance": "high", "ratings": {"h1": "C", "h2": "I"}},
    {"id": "e2", "text": "Officials blamed others", "source": {"assumption": true}, "credibility": "low", "relevance": "medium", "ratings": {"h1": "I", "h2": "C"}}
  ]
}"#;

/// A response: status, headers we look at, body.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) csp: String,
    pub(crate) body: String,
}

impl Reply {
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build().into()
}

fn reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = response.expect("request");
    let header = |name: &str| {
        response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
    };
    let (content_type, csp) = (header("content-type"), header("content-security-policy"));
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().expect("body");
    Reply { status, content_type, csp, body }
}

impl Server {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub(crate) fn get(&self, path: &str) -> Reply {
        reply(agent().get(&self.url(path)).call())
    }

    pub(crate) fn post_json(&self, path: &str, token: Option<&str>, body: &str) -> Reply {
        let mut request = agent().post(&self.url(path)).header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("authorization", &format!("Bearer {token}"));
        }
        reply(request.send(body))
    }

    pub(crate) fn post_form(&self, path: &str, body: &str) -> Reply {
        reply(
            agent()
                .post(&self.url(path))
                .header("content-type", "application/x-www-form-urlencoded")
                .send(body),
        )
    }
}
