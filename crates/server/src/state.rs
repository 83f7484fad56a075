//! The server's shared state: store connections, and a snapshot of what every page reads.
//!
//! Fused incidents are rebuilt from every stored mention on read (fusion's consensus is not
//! stored), which takes seconds on a large store; pages cannot pay that per request. The
//! [`Snapshot`] holds them, newest first, with the extractions and the current alerts. A change
//! made through the server drops it, so the next read rebuilds it first (a client reads its own
//! writes). One older than [`Config::refresh`](crate::Config::refresh) (another process may
//! have ingested) is still served while a fresh one is built in the background, so no request
//! waits for that rebuild.

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
    cache: Arc<Mutex<Cache>>,
    /// Held while a snapshot is built for a waiting request, so concurrent ones wait for one
    /// build instead of each starting its own.
    building: Arc<tokio::sync::Mutex<()>>,
    pub(crate) config: Config,
}

/// The current snapshot and what is being done about it.
#[derive(Default)]
struct Cache {
    current: Option<Arc<Snapshot>>,
    /// Bumped by every change; a background build started before a change is thrown away.
    generation: u64,
    refreshing: bool,
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
    /// The overview's map, drawn on first use (it reads every incident).
    pub(crate) map: std::sync::OnceLock<String>,
    /// For each actor name, the incidents (indices into `incidents`) naming it: an actor's
    /// profile reads only these.
    pub(crate) by_actor: std::collections::HashMap<String, Vec<usize>>,
    /// Actors' profiles asked for so far, by the name asked.
    pub(crate) profiles:
        Mutex<std::collections::HashMap<String, Arc<vigil_query::profile::Profile>>>,
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
        let mut by_actor: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (index, incident) in incidents.iter().enumerate() {
            for name in vigil_query::profile::names_in(incident) {
                let entry = by_actor.entry(name.to_string()).or_default();
                if entry.last() != Some(&index) {
                    entry.push(index);
                }
            }
        }
        Ok(Snapshot {
            by_actor,
            incidents,
            extractions,
            latest,
            alerts,
            map: std::sync::OnceLock::new(),
            profiles: Mutex::new(std::collections::HashMap::new()),
            built: Instant::now(),
        })
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
            cache: Arc::new(Mutex::new(Cache::default())),
            building: Arc::new(tokio::sync::Mutex::new(())),
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

    /// The current snapshot: built first when there is none (or a change dropped it); when
    /// stale, served as it is while a fresh one is built in the background.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>, ApiError> {
        if let Some(current) = self.cached_or_refresh() {
            return Ok(current);
        }
        let _building = self.building.lock().await;
        // Another request may have built it while this one waited.
        if let Some(current) = self.lock_cache().current.clone() {
            return Ok(current);
        }
        let generation = self.lock_cache().generation;
        let fresh = Arc::new(self.with_store(|store| Snapshot::build(store)).await?);
        self.store_if_current(generation, fresh.clone());
        Ok(fresh)
    }

    /// The cached snapshot, if any; starts a background refresh when it is stale.
    fn cached_or_refresh(&self) -> Option<Arc<Snapshot>> {
        let mut cache = self.lock_cache();
        let current = cache.current.clone()?;
        if current.built.elapsed() >= self.config.refresh && !cache.refreshing {
            cache.refreshing = true;
            let (state, generation) = (self.clone(), cache.generation);
            tokio::spawn(async move {
                let fresh = state.with_store(|store| Snapshot::build(store)).await;
                if let Ok(fresh) = fresh {
                    state.store_if_current(generation, Arc::new(fresh));
                }
                state.lock_cache().refreshing = false;
            });
        }
        Some(current)
    }

    /// Keeps `fresh` unless a change came after its build began.
    fn store_if_current(&self, generation: u64, fresh: Arc<Snapshot>) {
        let mut cache = self.lock_cache();
        if cache.generation == generation {
            cache.current = Some(fresh);
        }
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        // A panic while holding this lock leaves the cache usable: it is plain data.
        self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Forgets the snapshot (after a change), so the next read rebuilds it.
    pub async fn invalidate(&self) {
        let mut cache = self.lock_cache();
        cache.current = None;
        cache.generation += 1;
    }
}
