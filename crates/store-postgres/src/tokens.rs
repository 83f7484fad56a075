//! API tokens: digests with a name and a role.

use chrono::Utc;
use postgres::Client;
use postgres::error::SqlState;
use vigil_store::{ApiToken, StoreError, StoreResult, TokenRole};

use crate::error::Context;
use crate::queries;
use crate::rows::{get, timestamp_from_sql, timestamp_to_sql};

/// Stores a token's digest; a name or digest in use is [`StoreError::AlreadyExists`].
pub(crate) fn put_token(
    client: &mut Client,
    name: &str,
    role: TokenRole,
    digest: &str,
) -> StoreResult<()> {
    let now = timestamp_to_sql(Utc::now());
    match client.execute(queries::INSERT_TOKEN, &[&name, &role.as_str(), &digest, &now]) {
        Ok(_) => Ok(()),
        Err(error) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
            Err(StoreError::AlreadyExists(format!("token {name:?}")))
        }
        Err(error) => Err(error).with_context(|| format!("cannot store token {name:?}")),
    }
}

/// The token with this digest.
pub(crate) fn token_by_digest(client: &mut Client, digest: &str) -> StoreResult<Option<ApiToken>> {
    let row = client
        .query_opt(queries::SELECT_TOKEN_BY_DIGEST, &[&digest])
        .context("cannot read tokens")?;
    row.map(|row| into_token(&row)).transpose()
}

/// Every token, oldest first.
pub(crate) fn tokens(client: &mut Client) -> StoreResult<Vec<ApiToken>> {
    let rows = client.query(queries::LIST_TOKENS, &[]).context("cannot list tokens")?;
    rows.iter().map(into_token).collect()
}

fn into_token(row: &postgres::Row) -> StoreResult<ApiToken> {
    let name: String = get(row, 0)?;
    let role: String = get(row, 1)?;
    let created_at: String = get(row, 2)?;
    let owner = format!("token {name:?}");
    let role = TokenRole::parse(&role)
        .ok_or_else(|| StoreError::Backend(format!("{owner} has an unknown role {role:?}")))?;
    let created_at = timestamp_from_sql(&created_at, &owner)?;
    Ok(ApiToken { name, role, created_at })
}
