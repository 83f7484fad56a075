//! Browser tests: headless Chromium driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`) through every page, asserting on what a person sees and saving
//! screenshots under `target/browser-screenshots/`.
//!
//! Without Chromium they print "skipped" and pass, unless `VIGIL_BROWSER_TESTS=1` (CI sets it),
//! which makes them mandatory. The WebDriver protocol is plain JSON over HTTP, so the few
//! commands needed are spoken here with the HTTP client the tests already use.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

use crate::support::{ANALYST, demo_corpus, start};

/// The key under which WebDriver returns an element's id.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Where Debian installs them; `VIGIL_CHROMIUM` and `VIGIL_CHROMEDRIVER` override.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium =
        std::env::var_os("VIGIL_CHROMIUM").map_or("/usr/bin/chromium".into(), PathBuf::from);
    let driver = std::env::var_os("VIGIL_CHROMEDRIVER")
        .map_or("/usr/bin/chromedriver".into(), PathBuf::from);
    (chromium.is_file() && driver.is_file()).then_some((chromium, driver))
}

/// A chromedriver process and one browser session; both end when dropped.
struct Browser {
    driver: Child,
    base: String,
    session: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = agent().delete(&format!("{}/session/{}", self.base, self.session)).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

impl Browser {
    fn start(chromium: &Path, driver: &Path) -> Browser {
        let port = free_port();
        let driver = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while agent().get(&format!("{base}/status")).call().is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not answer");
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"]
            }
        }}});
        let mut browser = Browser { driver, base, session: String::new() };
        let created = browser.send("POST", "/session", Some(capabilities));
        browser.session = created["sessionId"].as_str().expect("a session").to_string();
        browser
    }

    /// One WebDriver command; its `value`.
    fn send(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let value = self.try_send(method, path, body);
        assert!(value["error"].is_null(), "webdriver {path}: {value}");
        value
    }

    /// One WebDriver command; its `value`, which holds `error` when it failed.
    fn try_send(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let response = match method {
            "GET" => agent().get(&url).call(),
            _ => agent()
                .post(&url)
                .header("content-type", "application/json")
                .send(body.unwrap_or_else(|| json!({})).to_string()),
        };
        let mut response = response.expect("webdriver answers");
        let text = response.body_mut().read_to_string().expect("webdriver answer");
        let value: Value = serde_json::from_str(&text).expect("webdriver JSON");
        value["value"].clone()
    }

    fn open(&self, url: &str) {
        self.send("POST", "/url", Some(json!({"url": url})));
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let found =
            self.send("POST", "/elements", Some(json!({"using": "css selector", "value": css})));
        found
            .as_array()
            .map(|elements| {
                elements.iter().filter_map(|e| e[ELEMENT].as_str().map(str::to_string)).collect()
            })
            .unwrap_or_default()
    }

    fn find(&self, css: &str) -> String {
        // A click may still be navigating: look again for a moment before giving up.
        let started = Instant::now();
        loop {
            if let Some(found) = self.find_all(css).into_iter().next() {
                return found;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let url = self.send("GET", "/url", None);
                panic!("no element {css} on {url}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The text a person sees in the page.
    fn text(&self) -> String {
        // The page may be replaced between finding its body and reading it (a navigation
        // finishing): read again.
        let started = Instant::now();
        loop {
            let body = self.find("body");
            let text = self.try_send("GET", &format!("/element/{body}/text"), None);
            if let Some(text) = text.as_str() {
                return text.to_string();
            }
            assert!(started.elapsed() < Duration::from_secs(10), "cannot read the page: {text}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks something that loads a page (the same address, after a form, counts), and waits
    /// until the old page is gone and the new one has loaded.
    fn follow(&self, element: &str) {
        let old = self.find("html");
        self.click(element);
        let started = Instant::now();
        loop {
            let gone =
                !self.try_send("GET", &format!("/element/{old}/name"), None)["error"].is_null();
            let ready = self.try_send(
                "POST",
                "/execute/sync",
                Some(json!({"script": "return document.readyState", "args": []})),
            );
            if gone && ready == "complete" {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "the click loaded no page");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn click(&self, element: &str) {
        self.send("POST", &format!("/element/{element}/click"), None);
    }

    fn type_into(&self, element: &str, text: &str) {
        self.send("POST", &format!("/element/{element}/value"), Some(json!({"text": text})));
    }

    fn screenshot(&self, name: &str) {
        let data = self.send("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap_or_default())
            .expect("a base64 screenshot");
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
        std::fs::create_dir_all(&folder).expect("screenshot folder");
        std::fs::write(folder.join(format!("{name}.png")), png).expect("screenshot written");
    }
}

#[test]
fn a_person_reads_every_page_in_chromium() {
    let Some((chromium, driver)) = tools() else {
        assert!(
            std::env::var("VIGIL_BROWSER_TESTS").as_deref() != Ok("1"),
            "VIGIL_BROWSER_TESTS=1 but chromium or chromedriver is missing"
        );
        println!("skipped: chromium and chromedriver are not installed");
        return;
    };
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile.txt");
    let corpus = demo_corpus();
    let server = start(&[corpus.as_path(), hostile.as_path()]);
    let browser = Browser::start(&chromium, &driver);

    browser.open(&server.url("/"));
    let text = browser.text();
    for seen in ["Overview", "Current alerts", "Map of incidents", "Recent incidents", "Moscow, RU"]
    {
        assert!(text.contains(seen), "overview: {seen} not seen");
    }
    assert!(!browser.find_all("svg.map circle").is_empty(), "incidents on the map");
    browser.screenshot("overview");

    // From the overview to an incident, by clicking its date.
    let link = browser.find("#recent tbody a");
    browser.follow(&link);
    let text = browser.text();
    assert!(text.contains("Figures, source by source") && text.contains("Timeline of reporting"));
    browser.screenshot("incident");

    // A report on Crocus: clicking an incident lights its evidence in the text (app.js runs
    // under the content security policy).
    browser.open(&server.url("/search?q=Crocus%20toll"));
    assert!(browser.text().contains("reports match"));
    browser.screenshot("search");
    let hit = browser.find("ol.hits a");
    browser.follow(&hit);
    assert!(browser.text().contains("Incidents") && browser.text().contains("Claims"));
    assert!(browser.find_all(".hl.active").is_empty());
    let item = browser.find("aside .item[data-ref]");
    browser.click(&item);
    assert!(!browser.find_all(".hl.active").is_empty(), "evidence lit after a click");
    browser.screenshot("document");

    browser.open(&server.url("/actors/ISKP"));
    let text = browser.text();
    assert!(
        text.contains("Islamic State Khorasan Province") && text.contains("Activity over time")
    );
    assert!(!browser.find_all("svg.chart rect").is_empty(), "activity bars drawn");
    browser.screenshot("actor");

    // The board: change a rating through the form with an analyst's token.
    browser.open(&server.url("/boards/1"));
    assert!(browser.text().contains("Inconsistency"));
    let option = browser.find("select[name=rating] option[value=II]");
    browser.click(&option);
    let token = browser.find("input[name=token]");
    browser.type_into(&token, ANALYST);
    let save = browser.find("#rate button");
    browser.follow(&save);
    let text = browser.text();
    assert!(text.contains("Who attacked") && text.contains("II"), "the new rating shows");
    browser.screenshot("board");

    // The hostile article: its payloads read as text, and no alert opened (WebDriver would
    // refuse the next command with "unexpected alert open").
    let documents = server.get("/api/search?q=Kabul%20market").json();
    let id = documents["items"][0]["id"].as_str().expect("the hostile article").to_string();
    browser.open(&server.url(&format!("/documents/{id}")));
    let text = browser.text();
    assert!(text.contains("<script>alert(\"title\")</script>"), "payload shown as text");
    assert!(text.contains("onerror=alert(\"img\")"));
    assert!(browser.find_all("article img, article script, article svg").is_empty());
    browser.screenshot("hostile");
}
