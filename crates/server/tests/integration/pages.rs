//! The pages: each renders what a person needs, under the content security policy, and
//! ingested text is shown only escaped.

use crate::support::{ANALYST, start};

#[test]
fn pages_render_the_demo_corpus() {
    let server = start(&[]);
    let overview = server.get("/");
    assert_eq!(overview.status, 200);
    assert!(overview.content_type.starts_with("text/html"), "{}", overview.content_type);
    assert!(overview.csp.contains("default-src 'self'"), "{}", overview.csp);
    assert!(overview.csp.contains("script-src 'self'") && !overview.csp.contains("unsafe-inline"));
    for heading in ["Current alerts", "Map of incidents", "Recent incidents", "Newest reports"] {
        assert!(overview.body.contains(heading), "overview lacks {heading}");
    }
    assert!(overview.body.contains("<svg class=\"map\""));
    assert!(
        overview.body.contains("href=\"/static/world.svg\""),
        "country outlines under the dots"
    );
    let world = server.get("/static/world.svg");
    assert!(world.content_type.starts_with("image/svg+xml"));
    assert!(world.body.contains("<path d=\"M"), "country outlines drawn");
    // No inline script anywhere: only the static file.
    assert!(!overview.body.contains("<script>"));
    assert!(overview.body.contains("<script src=\"/static/app.js\""));

    let incidents = server.get("/api/incidents?limit=1").json();
    let id = incidents["items"][0]["id"].as_str().expect("an incident").to_string();
    let incident = server.get(&format!("/incidents/{id}"));
    assert_eq!(incident.status, 200);
    for heading in
        ["Figures, source by source", "Attributions", "Claims and denials", "Timeline of reporting"]
    {
        assert!(incident.body.contains(heading), "incident page lacks {heading}");
    }

    let documents = server.get("/api/documents?limit=1").json();
    let document_id = documents["items"][0]["id"].as_str().expect("a document").to_string();
    let document = server.get(&format!("/documents/{document_id}"));
    assert_eq!(document.status, 200);
    assert!(document.body.contains("class=\"hl "), "extractions highlighted");

    let actors = server.get("/api/actors?type=armed_group&limit=1").json();
    let name = actors["items"][0]["name"].as_str().expect("an armed group").to_string();
    let actor = server.get(&format!("/actors/{}", name.replace(' ', "%20")));
    assert_eq!(actor.status, 200);
    assert!(actor.body.contains("Activity over time") && actor.body.contains("Named with"));

    let board = server.get("/boards/1");
    assert!(board.body.contains("Inconsistency") && board.body.contains("Diagnosticity"));
    let search = server.get("/search?q=Kaluga");
    assert!(search.body.contains("<b>Kaluga</b>"), "matched terms in bold");
    let missing = server.get("/incidents/inc-ffffffffffff");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("incident_not_found"));
    let script = server.get("/static/app.js");
    assert!(script.content_type.starts_with("text/javascript"));
    let served = server.get("/api/openapi.json");
    assert_eq!(served.body, vigil_server::OPENAPI);
}

#[test]
fn the_rating_form_needs_an_analyst_token() {
    let server = start(&[]);
    let refused = server.post_form("/boards/1/rate", "evidence=e1&hypothesis=h2&rating=CC&token=");
    assert_eq!(refused.status, 401);
    assert!(refused.body.contains("missing_token"));
    let saved = server.post_form(
        "/boards/1/rate",
        &format!("evidence=e1&hypothesis=h2&rating=CC&token={ANALYST}"),
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let board = server.get("/api/boards/1").json();
    assert_eq!(board["evidence"][0]["ratings"]["h2"], "CC");
}

/// An article carrying script, event-handler and `javascript:` payloads renders inert: they
/// appear only escaped.
#[test]
fn hostile_text_is_escaped_everywhere() {
    let hostile = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile.txt");
    let server = start(&[hostile.as_path()]);
    let documents = server.get("/api/documents").json();
    let id = documents["items"][0]["id"].as_str().expect("the article").to_string();
    let mut pages = vec![
        server.get(&format!("/documents/{id}")),
        server.get("/search?q=market"),
        server.get("/"),
    ];
    let incidents = server.get("/api/incidents").json();
    for incident in incidents["items"].as_array().expect("items") {
        pages.push(server.get(&format!("/incidents/{}", incident["id"].as_str().expect("id"))));
    }
    let document = &pages[0];
    // maud escapes quotes too, so the payloads read back with &quot;.
    for escaped in [
        "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(&quot;img&quot;)&gt;",
        "&lt;a href=&quot;javascript:alert('link')&quot;&gt;",
        "&lt;svg onload=alert(&quot;svg&quot;)&gt;",
    ] {
        assert!(document.body.contains(escaped), "{escaped} not shown escaped");
    }
    for page in &pages {
        let lower = page.body.to_lowercase();
        assert!(!lower.contains("<script>"), "a live script tag");
        assert!(!lower.contains("<img"), "a live img tag");
        assert!(!lower.contains("<svg onload"), "a live svg handler");
        assert!(!lower.contains("href=\"javascript:"), "a live javascript: link");
        assert!(!lower.contains("onerror=alert(\"img\")>"), "a live handler");
        assert!(page.csp.contains("script-src 'self'"));
    }
}
