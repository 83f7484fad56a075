//! URLs against a loopback server: content types, redirects, status codes, timeouts, size caps,
//! conditional polls.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::io::Read as _;
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

use vigil_domain::MediaType;
use vigil_ingest::{
    Input, Poll, Problem, ReadOptions, Unit, UnitOutput, Validators, expand, poll, read,
};

/// One canned answer: status, content type, body.
type Answer = (u16, &'static str, Vec<u8>);

/// Serves `answers` in turn on 127.0.0.1 (one per request), then stops. Returns the base URL
/// and a handle yielding the user agents seen.
fn serve(answers: Vec<Answer>) -> (String, thread::JoinHandle<Vec<String>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let handle = thread::spawn(move || {
        let mut agents = Vec::new();
        for (status, content_type, body) in answers {
            let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(10)) else { break };
            let agent = request.headers().iter().find(|header| header.field.equiv("User-Agent"));
            agents.push(agent.map(|header| header.value.to_string()).unwrap_or_default());
            let mut response = tiny_http::Response::from_data(body).with_status_code(status);
            if !content_type.is_empty() {
                response.add_header(
                    tiny_http::Header::from_bytes("Content-Type", content_type).unwrap(),
                );
            }
            if (300..400).contains(&status) {
                response
                    .add_header(tiny_http::Header::from_bytes("Location", "/moved.html").unwrap());
            }
            request.respond(response).unwrap();
        }
        agents
    });
    (base, handle)
}

fn unit(url: &str) -> Unit {
    expand(&[Input::Url(url.to_string())]).next().unwrap().unwrap()
}

fn fetch(url: &str, options: &ReadOptions) -> UnitOutput {
    read(&unit(url), options)
}

const PAGE: &str = "<html><head><title>Siege ends at embassy</title></head><body><article>\
    <p>The siege at the embassy ended on Sunday evening after negotiators persuaded the three gunmen \
    to release the remaining hostages, police said.</p><p>All eleven hostages were unharmed.</p>\
    </article></body></html>";

#[test]
fn a_page_by_content_type_with_its_final_url() {
    let (base, server) =
        serve(vec![(302, "", Vec::new()), (200, "text/html; charset=utf-8", PAGE.into())]);
    let url = format!("{base}/story");
    let output = fetch(&url, &ReadOptions::default());
    assert!(output.failures.is_empty(), "{:?}", output.failures);
    let document = &output.documents[0];
    assert_eq!(document.origin, url);
    assert_eq!(document.media_type, MediaType::Html);
    assert_eq!(document.url.as_deref(), Some(format!("{base}/moved.html").as_str()));
    assert_eq!(document.title.as_deref(), Some("Siege ends at embassy"));
    assert!(document.text.contains("All eleven hostages were unharmed."));
    let agents = server.join().unwrap();
    assert!(agents.iter().all(|agent| agent.starts_with("vigil/")), "{agents:?}");
}

#[test]
fn a_feed_by_content_type() {
    let feed = "<rss version=\"2.0\"><channel><title>Loop Wire</title><item><title>One</title>\
                <description>A bus was hijacked on the coast road on Monday.</description></item></channel></rss>";
    let (base, _server) = serve(vec![(200, "application/rss+xml", feed.into())]);
    let output = fetch(&format!("{base}/feed"), &ReadOptions::default());
    assert_eq!(output.documents.len(), 1, "{:?}", output.failures);
    assert_eq!(output.documents[0].origin, format!("{base}/feed#item=1"));
    assert_eq!(output.documents[0].source.as_deref(), Some("Loop Wire"));
}

#[test]
fn a_poll_reads_a_changed_feed_and_nothing_on_304() {
    let feed = "<rss version=\"2.0\"><channel><title>Loop Wire</title><item><title>One</title>\
                <description>A bus was hijacked on the coast road on Monday.</description></item></channel></rss>";
    let (base, _server) =
        serve(vec![(200, "application/rss+xml", feed.into()), (304, "", Vec::new())]);
    let url = format!("{base}/feed");
    let options = ReadOptions::default();
    let Poll::Changed { output, validators } =
        poll(&url, &Validators::default(), &options).unwrap()
    else {
        panic!("a first poll reads the feed");
    };
    assert_eq!(output.documents.len(), 1, "{:?}", output.failures);
    assert_eq!(output.documents[0].origin, format!("{url}#item=1"));
    assert_eq!(validators, Validators::default(), "the server sent neither header");
    let etag = Validators { etag: Some("\"v1\"".to_string()), last_modified: None };
    assert!(matches!(poll(&url, &etag, &options).unwrap(), Poll::NotModified));
}

#[test]
fn error_statuses_are_failures() {
    let (base, _server) =
        serve(vec![(404, "text/plain", b"gone".to_vec()), (500, "text/plain", b"oops".to_vec())]);
    let missing = fetch(&format!("{base}/a"), &ReadOptions::default());
    assert_eq!(missing.failures[0].problem, Problem::Http { status: 404 });
    assert_eq!(missing.failures[0].to_string(), format!("{base}/a: http status 404"));
    let broken = fetch(&format!("{base}/b"), &ReadOptions::default());
    assert_eq!(broken.failures[0].problem, Problem::Http { status: 500 });
}

#[test]
fn a_silent_server_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/slow", listener.local_addr().unwrap());
    // Accept, read the request, never answer; give up after two seconds at most.
    let silent = thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            stream.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
            let mut buffer = [0u8; 1024];
            let _ = stream.read(&mut buffer);
            thread::sleep(Duration::from_millis(1500));
        }
    });
    let options =
        ReadOptions { http_timeout: Duration::from_millis(300), ..ReadOptions::default() };
    let started = Instant::now();
    let output = fetch(&url, &options);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert_eq!(output.failures[0].problem, Problem::Timeout);
    assert_eq!(output.failures[0].to_string(), format!("{url}: timed out"));
    silent.join().unwrap();
}

#[test]
fn bodies_over_the_cap_are_refused() {
    let big = vec![b'a'; 5000];
    let (base, _server) = serve(vec![(200, "text/plain", big)]);
    let options = ReadOptions { max_bytes: 1000, ..ReadOptions::default() };
    let output = fetch(&format!("{base}/big"), &options);
    assert!(
        matches!(output.failures[0].problem, Problem::TooLarge { limit: 1000, .. }),
        "{:?}",
        output.failures
    );
}

#[test]
fn nothing_listening_is_a_network_failure() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let output = fetch(&format!("http://127.0.0.1:{port}/"), &ReadOptions::default());
    assert!(matches!(output.failures[0].problem, Problem::Network(_)), "{:?}", output.failures);
}
