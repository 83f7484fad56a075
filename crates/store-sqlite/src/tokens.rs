//! API tokens: digests with a name and a role.

use chrono::Utc;
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};
use vigil_store::{ApiToken, StoreError, StoreResult, TokenRole};

use crate::error::Context;
use crate::queries;
use crate::rows::{timestamp_from_sql, timestamp_to_sql};

/// Stores a token's digest; a name or digest in use is [`StoreError::AlreadyExists`].
pub(crate) fn put_token(
    connection: &Connection,
    name: &str,
    role: TokenRole,
    digest: &str,
) -> StoreResult<()> {
    let now = timestamp_to_sql(Utc::now());
    match connection.execute(queries::INSERT_TOKEN, params![name, role.as_str(), digest, now]) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if failure.code == ErrorCode::ConstraintViolation =>
        {
            Err(StoreError::AlreadyExists(format!("token {name:?}")))
        }
        Err(error) => Err(crate::error::backend(&format!("cannot store token {name:?}"), &error)),
    }
}

/// The token with this digest.
pub(crate) fn token_by_digest(
    connection: &Connection,
    digest: &str,
) -> StoreResult<Option<ApiToken>> {
    let row: Option<(String, String, String)> = connection
        .query_row(queries::SELECT_TOKEN_BY_DIGEST, [digest], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()
        .context("cannot read tokens")?;
    row.map(into_token).transpose()
}

/// Every token.
pub(crate) fn tokens(connection: &Connection) -> StoreResult<Vec<ApiToken>> {
    let mut statement =
        connection.prepare_cached(queries::LIST_TOKENS).context("cannot prepare tokens")?;
    let rows: Vec<(String, String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .context("cannot list tokens")?;
    rows.into_iter().map(into_token).collect()
}

fn into_token((name, role, created_at): (String, String, String)) -> StoreResult<ApiToken> {
    let owner = format!("token {name:?}");
    let role = TokenRole::parse(&role)
        .ok_or_else(|| StoreError::Backend(format!("{owner} has an unknown role {role:?}")))?;
    let created_at = timestamp_from_sql(&created_at, &owner)?;
    Ok(ApiToken { name, role, created_at })
}
