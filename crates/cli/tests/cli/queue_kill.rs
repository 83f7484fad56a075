//! The work queue under fire: 2,000 generated reports processed by two `vigil worker`
//! processes that are killed (SIGKILL) twenty times at random moments and restarted; the end
//! state must equal a clean run of one worker (same documents and origins, same extractions
//! with their claims, same fused incidents), with every job done and none failed. Runs when
//! `VIGIL_TEST_POSTGRES_URL` names a test database; skipped otherwise.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use vigil_store_postgres::PostgresStore;

const DOCUMENTS: usize = 2_000;
const KILLS: usize = 20;

/// A fixed linear congruential generator: the corpus and the kill schedule are reproducible.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    pub(crate) fn next(&mut self, bound: usize) -> usize {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len())]
    }
}

const PLACES: &[(&str, &str)] = &[
    ("Mogadishu", "Somalia"),
    ("Maiduguri", "Nigeria"),
    ("Kabul", "Afghanistan"),
    ("Peshawar", "Pakistan"),
    ("Baghdad", "Iraq"),
    ("Quetta", "Pakistan"),
    ("Kandahar", "Afghanistan"),
    ("Gao", "Mali"),
    ("Kirkuk", "Iraq"),
    ("Beledweyne", "Somalia"),
];
const GROUPS: &[&str] = &["al-Shabaab", "Boko Haram", "Islamic State", "the Taliban", "JNIM"];
const SOURCES: &[&str] = &["Northwire", "Caspian Monitor", "Delta Ledger"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Filler with no event words, so that the reader finds only the incident told in the lead, and
/// shuffled per report, so that no two reports are near-copies.
const FILLER: &[&str] = &[
    "residents",
    "council",
    "budget",
    "schools",
    "harvest",
    "prices",
    "water",
    "roads",
    "teachers",
    "farmers",
    "rain",
    "season",
    "traders",
    "repairs",
    "electricity",
    "football",
    "festival",
    "weekend",
    "museum",
    "library",
    "buses",
    "clinic",
    "exports",
    "wheat",
    "cotton",
    "tariffs",
    "students",
    "exams",
    "bridge",
    "river",
    "drought",
    "fuel",
    "queues",
    "salaries",
    "pensions",
    "weddings",
    "radio",
    "mobile",
    "network",
    "orchard",
    "dates",
    "livestock",
    "camels",
    "herders",
    "rainfall",
    "forecast",
    "municipal",
    "elections",
    "turnout",
    "loans",
];

/// Report `index`: three reports (from three outlets, with their own tolls and wording) tell
/// each incident, so fusion has work to do.
pub(crate) fn report(index: usize) -> String {
    let incident = index / 3;
    let mut rng = Lcg(incident as u64 + 17);
    let (town, country) = PLACES[rng.next(PLACES.len())];
    let group = rng.pick(GROUPS);
    let month = rng.next(12);
    let day = 1 + rng.next(27);
    let bombing = rng.next(2) == 0;
    let killed = 3 + rng.next(40);
    let source = SOURCES[index % 3];
    let toll = killed + index % 3;
    let mut text = if bombing {
        format!(
            "Bomb blast at market in {town} kills {toll}\n{} {day}, 2024\n\n\
             {}, {country}, {} {day} ({source}) - A bomb exploded at a crowded market in {town} \
             on {} {day}, 2024, killing {toll} people and wounding dozens, police said.\n\n\
             {group} claimed responsibility for the bombing in a statement.\n\n",
            MONTHS[month],
            town.to_uppercase(),
            MONTHS[month],
            MONTHS[month]
        )
    } else {
        format!(
            "Gunmen attack police checkpoint in {town}, {toll} dead\n{} {day}, 2024\n\n\
             {}, {country}, {} {day} ({source}) - Gunmen attacked a police checkpoint in {town} \
             on {} {day}, 2024, killing {toll} officers, officials said.\n\n\
             The authorities blamed {group} for the attack.\n\n",
            MONTHS[month],
            town.to_uppercase(),
            MONTHS[month],
            MONTHS[month]
        )
    };
    let mut rng = Lcg(index as u64 * 7_919 + 3);
    for _ in 0..6 {
        let mut sentence = String::new();
        for word in 0..14 {
            let filler = FILLER[rng.next(FILLER.len())];
            if word == 0 {
                let mut chars = filler.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
                let _ = write!(sentence, "{first}{}", chars.as_str());
            } else {
                let _ = write!(sentence, " {filler}");
            }
        }
        let _ = write!(text, "{sentence} {}.\n\n", rng.next(1000));
    }
    text
}

/// Writes the corpus, one file per report.
pub(crate) fn write_corpus(folder: &Path, documents: usize) {
    std::fs::create_dir_all(folder).unwrap();
    for index in 0..documents {
        std::fs::write(folder.join(format!("report-{index:05}.txt")), report(index)).unwrap();
    }
}

/// The URL of a scratch store's schema.
pub(crate) fn schema_url(base: &str, store: &PostgresStore) -> String {
    let schema = store.scratch_schema().unwrap();
    // Into the URL's own `options` when it has some (`-csynchronous_commit%3Doff`, say).
    if let Some(at) = base.find("options=") {
        let (head, tail) = base.split_at(at + "options=".len());
        return format!("{head}-csearch_path%3D{schema}%20{tail}");
    }
    let separator = if base.contains('?') { '&' } else { '?' };
    format!("{base}{separator}options=-csearch_path%3D{schema}")
}

/// `vigil --db URL --quiet ARGS`, run to the end; panics with its stderr unless it succeeds.
pub(crate) fn vigil(url: &str, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--db", url, "--quiet"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "vigil {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn spawn_worker(url: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--db", url, "--quiet", "worker", "--drain", "--lease", "2s", "--idle", "200ms"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits until the worker process holds a job (its worker ids are `host:PID/N`); false when
/// it exits first.
pub(crate) fn holds_a_job(client: &mut postgres::Client, worker: &mut Child) -> bool {
    let pattern = format!("%:{}/%", worker.id());
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if worker.try_wait().unwrap().is_some() {
            return false;
        }
        let held: i64 = client
            .query_one(
                "SELECT count(*) FROM jobs WHERE state = 'running' AND worker LIKE $1",
                &[&pattern],
            )
            .unwrap()
            .get(0);
        if held > 0 {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("worker {} held no job for a minute", worker.id());
}

/// Everything the end state is judged on, as sorted lines.
#[derive(Debug, PartialEq)]
pub(crate) struct EndState {
    documents: Vec<String>,
    extractions: Vec<String>,
    mentions: Vec<String>,
}

pub(crate) fn end_state(url: &str) -> EndState {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut lines = |sql: &str| -> Vec<String> {
        client
            .query(sql, &[])
            .unwrap()
            .iter()
            .map(|row| {
                (0..row.len())
                    .map(|column| row.get::<_, Option<String>>(column).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    };
    EndState {
        // Every origin row, so a duplicated origin shows up as a difference.
        documents: lines(
            "SELECT d.id, d.origin, COALESCE(d.duplicate_of, ''), \
             (SELECT string_agg(o.origin, ',' ORDER BY o.origin) FROM document_origins o \
              WHERE o.document_seq = d.seq), \
             (SELECT count(*) FROM document_origins o WHERE o.document_seq = d.seq)::TEXT \
             FROM documents d ORDER BY d.id",
        ),
        extractions: lines(
            "SELECT d.id, e.extraction, e.fused::TEXT FROM extractions e \
             JOIN documents d ON d.seq = e.document_seq ORDER BY d.id",
        ),
        mentions: lines("SELECT key, fused_id, chain FROM mentions ORDER BY key"),
    }
}

/// The fused incidents (fused id: its mention keys) that differ between two end states.
fn incident_differences(clean: &EndState, killed: &EndState) -> String {
    let incidents = |state: &EndState| {
        let mut map = std::collections::BTreeMap::<String, Vec<String>>::new();
        for line in &state.mentions {
            let parts: Vec<&str> = line.split(" | ").collect();
            map.entry(parts[1].to_string()).or_default().push(parts[0].to_string());
        }
        map
    };
    let (clean, killed) = (incidents(clean), incidents(killed));
    let mut report = String::new();
    for (id, keys) in &clean {
        if killed.get(id) != Some(keys) {
            let _ = writeln!(report, "clean {id}: {keys:?}; killed: {:?}", killed.get(id));
        }
    }
    for (id, keys) in &killed {
        if !clean.contains_key(id) {
            let _ = writeln!(report, "only after kills {id}: {keys:?}");
        }
    }
    report
}

#[test]
fn workers_killed_twenty_times_end_as_one_clean_worker() {
    let Some(base) = super::support::postgres_url() else { return };
    let started = Instant::now();
    let folder = tempfile::tempdir().unwrap();
    let corpus = folder.path().join("corpus");
    write_corpus(&corpus, DOCUMENTS);
    let corpus = corpus.to_str().unwrap();

    // The clean run: one worker, never interrupted, in a schema of its own. It runs beside the
    // other (their fusion locks are per schema), since both mostly wait on the server.
    let clean_store = PostgresStore::open_scratch(&base).unwrap();
    let clean_url = schema_url(&base, &clean_store);
    vigil(&clean_url, &["enqueue", corpus, "--max-attempts", "10"]);
    let mut clean_worker = spawn_worker(&clean_url);

    // Two workers, killed at random points and restarted.
    let killed_store = PostgresStore::open_scratch(&base).unwrap();
    let url = schema_url(&base, &killed_store);
    vigil(&url, &["enqueue", corpus, "--max-attempts", "10"]);
    let mut workers = [spawn_worker(&url), spawn_worker(&url)];
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut rng = Lcg(2_024);
    let mut kills = 0;
    while kills < KILLS {
        let victim = &mut workers[rng.next(2)];
        // Killed once it holds a job (not while it starts up), a random moment into it: reading,
        // storing, fusing or marking it done.
        if !holds_a_job(&mut client, victim) {
            // It drained the queue and stopped: too late for this kill.
            break;
        }
        std::thread::sleep(Duration::from_millis(rng.next(150) as u64));
        victim.kill().unwrap();
        victim.wait().unwrap();
        kills += 1;
        *victim = spawn_worker(&url);
    }
    for worker in &mut workers {
        assert!(worker.wait().unwrap().success(), "a draining worker failed");
    }
    assert_eq!(kills, KILLS, "the workers finished before all kills: make the corpus larger");
    assert!(clean_worker.wait().unwrap().success(), "the clean worker failed");
    let clean = end_state(&clean_url);

    let status: serde_json::Value =
        serde_json::from_str(&vigil(&url, &["--json", "queue", "status"])).unwrap();
    assert_eq!(
        (status["done"].as_u64(), status["failed"].as_u64(), status["queued"].as_u64()),
        (Some(DOCUMENTS as u64), Some(0), Some(0)),
        "{status:#}"
    );
    assert_eq!(status["running"].as_u64(), Some(0), "{status:#}");

    // Kills that hit a worker holding a job made that job run again.
    let redone: i64 =
        client.query_one("SELECT count(*) FROM jobs WHERE attempts > 1", &[]).unwrap().get(0);
    assert!(redone >= KILLS as i64 / 2, "only {redone} kills hit a job in progress");
    let killed = end_state(&url);
    assert_eq!(clean.documents.len(), DOCUMENTS, "every report stored once");
    assert!(clean.mentions.len() > DOCUMENTS / 2, "the reader found incidents");
    assert_eq!(clean.documents, killed.documents, "documents or origins differ");
    assert_eq!(clean.extractions, killed.extractions, "extractions (incidents, claims) differ");
    assert!(
        clean.mentions == killed.mentions,
        "fused incidents differ:\n{}",
        incident_differences(&clean, &killed)
    );
    eprintln!(
        "kill test: {kills} kills, {redone} jobs redone, {:.1}s in all",
        started.elapsed().as_secs_f64()
    );
    drop((clean_store, killed_store));
}
