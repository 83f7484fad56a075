//! Prepared statements kept per connection, so a statement run once per document or per
//! fusion step is parsed and planned once per process, not once per call.
//!
//! Without this every `query(&str)` costs two round trips (prepare, then execute). Statements
//! belong to the connection (not to a transaction), so one prepared inside a transaction stays
//! valid after it commits or rolls back. Migrations run before anything is prepared, so no
//! cached plan outlives a schema change.

use std::collections::HashMap;

use postgres::{GenericClient, Statement};
use vigil_store::StoreResult;

use crate::error::Context;

/// The statements prepared so far on one connection, by their SQL.
#[derive(Debug, Default)]
pub(crate) struct Statements(HashMap<&'static str, Statement>);

impl Statements {
    /// The prepared form of `sql`, preparing it on `client` the first time.
    pub(crate) fn get(
        &mut self,
        client: &mut impl GenericClient,
        sql: &'static str,
    ) -> StoreResult<Statement> {
        if let Some(statement) = self.0.get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql).context("cannot prepare statement")?;
        self.0.insert(sql, statement.clone());
        Ok(statement)
    }
}
