//! What the store keeps for API tokens: a name, a role and a digest, never the token itself.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenRole {
    /// Read, and change: grades, ratings, merges.
    Analyst,
    /// Read only.
    Viewer,
}

impl TokenRole {
    /// `analyst` or `viewer`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenRole::Analyst => "analyst",
            TokenRole::Viewer => "viewer",
        }
    }

    /// The role spelled `analyst` or `viewer`.
    pub fn parse(text: &str) -> Option<TokenRole> {
        match text {
            "analyst" => Some(TokenRole::Analyst),
            "viewer" => Some(TokenRole::Viewer),
            _ => None,
        }
    }
}

/// A stored token, without its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    /// Its name (who or what uses it).
    pub name: String,
    /// What it may do.
    pub role: TokenRole,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}
