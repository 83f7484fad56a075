//! API tokens: made here as random secrets, stored as SHA-256 digests, checked on changes.
//!
//! Reading needs no token (the server binds to loopback by default); every change (grades,
//! board ratings) needs `Authorization: Bearer <token>` of a token with the analyst role. HTML
//! forms, which cannot set headers, send the token as a `token` field instead.

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use vigil_store::{ApiToken, Store, TokenRole};

use crate::error::{ApiError, ErrorCode};

/// Prefix of every token, so a leaked one is recognisable in logs and scanners.
const PREFIX: &str = "vigil_";

/// A new random token (shown once to its owner) and its digest (what the store keeps).
pub fn new_token() -> Result<(String, String), getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    let token = format!("{PREFIX}{}", hex::encode(bytes));
    let digest = digest(&token);
    Ok((token, digest))
}

/// The SHA-256 digest of a token, in hex.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The bearer token of a request's `Authorization` header, if any.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_string())
}

/// The analyst owning `token`; errors say whether it was missing, unknown or only a viewer's.
pub(crate) fn require_analyst(
    store: &dyn Store,
    token: Option<&str>,
) -> Result<ApiToken, ApiError> {
    let Some(token) = token.filter(|token| !token.is_empty()) else {
        return Err(ApiError::new(
            ErrorCode::MissingToken,
            "changes need an analyst token: Authorization: Bearer <token>",
        ));
    };
    let Some(found) = store.token_by_digest(&digest(token))? else {
        return Err(ApiError::new(ErrorCode::InvalidToken, "the token is not known"));
    };
    if found.role != TokenRole::Analyst {
        return Err(ApiError::new(
            ErrorCode::ForbiddenRole,
            format!("token {:?} is a viewer's and may not make changes", found.name),
        ));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_digests_are_sha256_hex() {
        let (first, first_digest) = new_token().expect("randomness");
        let (second, _) = new_token().expect("randomness");
        assert_ne!(first, second);
        assert!(first.starts_with(PREFIX));
        assert_eq!(first_digest.len(), 64);
        assert_eq!(first_digest, digest(&first));
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn bearer_is_read_from_the_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(axum::http::header::AUTHORIZATION, "Bearer abc".parse().expect("header"));
        assert_eq!(bearer(&headers).as_deref(), Some("abc"));
    }
}
