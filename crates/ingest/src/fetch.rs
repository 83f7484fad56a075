//! URLs: one HTTP GET with ureq, a timeout, a `vigil/<version>` user agent and a size cap;
//! conditionally (`If-None-Match`, `If-Modified-Since`) when polling a feed.

use std::time::Duration;

use ureq::ResponseExt;

use crate::error::Problem;

/// What a GET brought back.
#[derive(Debug)]
pub(crate) struct Fetched {
    /// The URL after redirects.
    pub(crate) final_url: String,
    /// The `Content-Type` header, if any.
    pub(crate) content_type: Option<String>,
    /// The body (decompressed when the server compressed it).
    pub(crate) body: Vec<u8>,
    /// The answer's `ETag` and `Last-Modified`, to send back on the next poll.
    pub(crate) validators: Validators,
}

/// What a server said identifies the version of a resource it sent: sent back on the next GET
/// so that an unchanged resource costs a `304 Not Modified` and no body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, as sent.
    pub etag: Option<String>,
    /// The `Last-Modified` header, as sent.
    pub last_modified: Option<String>,
}

/// GETs `url` like [`fetch`], sending `validators` as `If-None-Match` and `If-Modified-Since`;
/// `None` when the server answers `304 Not Modified`.
pub(crate) fn fetch_if_changed(
    url: &str,
    validators: &Validators,
    timeout: Duration,
    max_bytes: u64,
) -> Result<Option<Fetched>, Problem> {
    get(url, Some(validators), timeout, max_bytes)
}

/// GETs `url`, refusing non-2xx answers, bodies over `max_bytes` and answers slower than `timeout`.
pub(crate) fn fetch(url: &str, timeout: Duration, max_bytes: u64) -> Result<Fetched, Problem> {
    // Without validators no server answers 304; one that does anyway has sent no body.
    get(url, None, timeout, max_bytes)?.ok_or(Problem::Http { status: 304 })
}

fn get(
    url: &str,
    validators: Option<&Validators>,
    timeout: Duration,
    max_bytes: u64,
) -> Result<Option<Fetched>, Problem> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .user_agent(concat!("vigil/", env!("CARGO_PKG_VERSION")))
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(validators) = validators {
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(last_modified) = &validators.last_modified {
            request = request.header("If-Modified-Since", last_modified);
        }
    }
    let mut response = request.call().map_err(|error| problem(error, max_bytes))?;
    let status = response.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(Problem::Http { status });
    }
    let header = |name: &str| {
        response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_string)
    };
    let content_type = header("content-type");
    let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
    // A declared length over the cap is refused before reading the body.
    if let Some(length) =
        header("content-length").and_then(|length| length.trim().parse::<u64>().ok())
        && length > max_bytes
    {
        return Err(Problem::TooLarge { bytes: length, limit: max_bytes });
    }
    let final_url = response.get_uri().to_string();
    let body = response
        .body_mut()
        .with_config()
        .limit(max_bytes)
        .read_to_vec()
        .map_err(|error| problem(error, max_bytes))?;
    Ok(Some(Fetched { final_url, content_type, body, validators }))
}

/// The [`Problem`] of a ureq error.
fn problem(error: ureq::Error, max_bytes: u64) -> Problem {
    match error {
        ureq::Error::StatusCode(status) => Problem::Http { status },
        ureq::Error::Timeout(_) => Problem::Timeout,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Problem::Timeout,
        ureq::Error::BodyExceedsLimit(_) => {
            Problem::TooLarge { bytes: max_bytes.saturating_add(1), limit: max_bytes }
        }
        other => Problem::Network(lowercase_first(&other.to_string())),
    }
}

/// `text` with its first letter in lowercase (error messages here are lowercase).
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
