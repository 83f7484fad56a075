//! The server's shared state: store connections, and a snapshot of what every page reads.
//!
//! Fused incidents are rebuilt from every stored mention on read (fusion's consensus is not
//! stored), which takes seconds on a large store; pages cannot pay that per request. The
//! [`Snapshot`] holds them, newest first, with the extractions and the current alerts, and is
//! rebuilt when the server itself changes the store or when it is older than
//! [`Config::refresh`](crate::Config::refresh) (another process may have ingested).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::NaiveDate;
use vigil_domain::{DocumentId, Extraction};
use vigil_fusion::FusedIncident;
use vigil_store::StoreResult;
use vigil_watch::Alert;

use crate::error::{ApiError, ErrorCode};
use crate::{BoxedStore, Config};

/// Opens a new connection to the store.
pub type StoreOpener = Arc<dyn Fn() -> StoreResult<BoxedStore> + Send + Sync>;

/// What the server shares between requests.
#[derive(Clone)]
pub struct AppState {
    opener: StoreOpener,
    pool: Arc<Mutex<Vec<BoxedStore>>>,
    snapshot: Arc<tokio::sync::Mutex<Option<Arc<Snapshot>>>>,
    pub(crate) config: Config,
}

/// What pages and listings read, built at one moment.
#[derive(Debug)]
pub struct Snapshot {
    /// Every fused incident, newest first (undated last).
    pub incidents: Vec<FusedIncident>,
    /// Every stored extraction of an original document.
    pub extractions: Vec<(DocumentId, Extraction)>,
    /// The newest publication date in the store.
    pub latest: Option<NaiveDate>,
    /// Alerts as of `latest`.
    pub alerts: Vec<Alert>,
    built: Instant,
}

impl Snapshot {
    /// Reads the store and builds a snapshot.
    pub fn build(store: &dyn vigil_store::Store) -> Result<Snapshot, ApiError> {
        let stored = vigil_query::fused::Stored::read(store)?;
        let mut incidents = stored.as_of(None);
        newest_first(&mut incidents);
        let extractions = vigil_query::listings::extractions(store)?;
        let latest = extractions.iter().filter_map(|(_, e)| e.document.published).max();
        let alerts = match latest {
            Some(day) => vigil_query::alerts::alerts(&stored.as_of(Some(day)), day),
            None => Vec::new(),
        };
        Ok(Snapshot { incidents, extractions, latest, alerts, built: Instant::now() })
    }

    /// The incident whose id starts with `prefix`.
    pub fn incident(&self, prefix: &str) -> Result<&FusedIncident, ApiError> {
        Ok(vigil_query::fused::find(&self.incidents, prefix)?)
    }
}

/// Newest first by consensus date, undated last, then by id.
pub(crate) fn newest_first(incidents: &mut [FusedIncident]) {
    incidents.sort_by(|a, b| {
        let key = |incident: &FusedIncident| incident.date.value.map(|date| date.start);
        (key(a).is_none(), std::cmp::Reverse(key(a)), &a.id).cmp(&(
            key(b).is_none(),
            std::cmp::Reverse(key(b)),
            &b.id,
        ))
    });
}

impl AppState {
    /// State over stores made by `opener`.
    pub fn new(opener: StoreOpener, config: Config) -> AppState {
        AppState {
            opener,
            pool: Arc::new(Mutex::new(Vec::new())),
            snapshot: Arc::new(tokio::sync::Mutex::new(None)),
            config,
        }
    }

    /// Runs `work` on a store connection on the blocking pool (SQLite calls block).
    pub async fn with_store<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn vigil_store::Store) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let taken = state.pool.lock().ok().and_then(|mut pool| pool.pop());
            let mut store = match taken {
                Some(store) => store,
                None => (state.opener)()?,
            };
            let result = work(store.as_mut());
            if let Ok(mut pool) = state.pool.lock()
                && pool.len() < state.config.pool_size
            {
                pool.push(store);
            }
            result
        })
        .await
        .map_err(|error| {
            ApiError::new(ErrorCode::StoreFailure, format!("store task failed: {error}"))
        })?
    }

    /// The current snapshot, rebuilt first when it is missing or stale.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>, ApiError> {
        // Holding the lock while rebuilding makes concurrent requests wait for one rebuild
        // instead of each starting its own.
        let mut current = self.snapshot.lock().await;
        if let Some(snapshot) = current.as_ref()
            && snapshot.built.elapsed() < self.config.refresh
        {
            return Ok(snapshot.clone());
        }
        let fresh = Arc::new(self.with_store(|store| Snapshot::build(store)).await?);
        *current = Some(fresh.clone());
        Ok(fresh)
    }

    /// Forgets the snapshot (after a change), so the next read rebuilds it.
    pub async fn invalidate(&self) {
        *self.snapshot.lock().await = None;
    }
}
