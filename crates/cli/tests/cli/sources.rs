//! Inputs that are not files: standard input (`-`) with overrides, and URLs on a loopback HTTP
//! server (a page and a 404).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use super::support::{Run, Sandbox, data, id};

const STDIN_REPORT: &str = "Explosion near Northtown railway station\n\n\
    An explosion near the Northtown railway station killed two people on Sunday evening and \
    wounded several others, officials said. Police closed the station while experts searched it.\n";

#[test]
fn standard_input_with_source_and_date() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.vigil();
    command
        .args(["ingest", "-", "--source", "Northwire", "--published", "2024-03-24"])
        .write_stdin(STDIN_REPORT);
    let summary = Run::of(&mut command).success().summary();
    assert_eq!((summary.inputs, summary.new, summary.failed), (1, 1, 0), "{summary:?}");

    let docs = sandbox.docs();
    assert_eq!(docs.len(), 1, "{docs:#?}");
    let shown = sandbox.json(&[&"show", &id(&docs[0])]);
    assert_eq!(shown["source"], "Northwire", "{shown:#}");
    assert_eq!(shown["published"], "2024-03-24", "{shown:#}");
    assert_eq!(shown["origin"], "-", "{shown:#}");
    assert_eq!(shown["title"], "Explosion near Northtown railway station", "{shown:#}");
    assert!(shown["text"].as_str().unwrap().contains("killed two people"), "{shown:#}");

    // The bytes as read are kept.
    let raw = sandbox.run(&[&"show", &"--raw", &id(&docs[0])]).success();
    assert_eq!(raw.stdout, STDIN_REPORT);
}

#[test]
fn a_bad_date_override_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.vigil();
    command.args(["ingest", "-", "--published", "24/03/2024"]).write_stdin(STDIN_REPORT);
    let run = Run::of(&mut command).code(2);
    assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);
    assert!(!sandbox.db().exists(), "nothing stored on a usage error");
}

/// Serves `tests/data/page.html` at `/story.html` and 404 elsewhere, on 127.0.0.1, until
/// stopped; the handle returns the paths asked for.
struct Server {
    base: String,
    stop: Arc<AtomicBool>,
    thread: thread::JoinHandle<Vec<String>>,
}

impl Server {
    fn start() -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let base = format!("http://{}", server.server_addr().to_ip().unwrap());
        let page = std::fs::read(data("page.html")).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let mut paths = Vec::new();
            while !stopped.load(Ordering::SeqCst) {
                let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(50)) else {
                    continue;
                };
                paths.push(request.url().to_string());
                let response = if request.url() == "/story.html" {
                    let html = "text/html; charset=utf-8";
                    tiny_http::Response::from_data(page.clone())
                        .with_header(tiny_http::Header::from_bytes("Content-Type", html).unwrap())
                } else {
                    tiny_http::Response::from_data(b"not here".to_vec()).with_status_code(404)
                };
                request.respond(response).unwrap();
            }
            paths
        });
        Server { base, stop, thread }
    }

    fn stop(self) -> Vec<String> {
        self.stop.store(true, Ordering::SeqCst);
        self.thread.join().unwrap()
    }
}

#[test]
fn urls_a_page_and_a_404() {
    let server = Server::start();
    let page = format!("{}/story.html", server.base);
    let missing = format!("{}/gone.html", server.base);
    let sandbox = Sandbox::new();
    let mut command = sandbox.vigil();
    for proxy in ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"] {
        command.env_remove(proxy);
    }
    command.args(["ingest", "--timeout", "10", &page, &missing]);
    let run = Run::of(&mut command).code(1);
    let mut asked = server.stop();
    asked.sort();
    assert_eq!(asked, ["/gone.html", "/story.html"]);

    let summary = run.summary();
    assert_eq!((summary.new, summary.failed), (1, 1), "{summary:?}");
    let failures = run.failures();
    assert_eq!(failures.len(), 1, "{}", run.stderr);
    assert!(failures[0].starts_with(&format!("failed: {missing}: ")), "{}", failures[0]);
    assert!(failures[0].contains("404"), "{}", failures[0]);

    let docs = sandbox.docs();
    assert_eq!(docs.len(), 1, "{docs:#?}");
    let shown = sandbox.json(&[&"show", &id(&docs[0])]);
    assert_eq!(shown["origin"], page.as_str(), "{shown:#}");
    assert_eq!(shown["media_type"], "html", "{shown:#}");
    let text = shown["text"].as_str().unwrap();
    assert!(text.contains("killing seven people"), "{text}");
    assert!(!text.contains("Home"), "navigation left in: {text}");
}
