//! Helpers for the end-to-end tests: a sandbox (temporary folder and store) per test, running
//! `vigil` in it, and reading its JSON output and its ingest summary line.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The demo corpus shipped with the repository.
pub(crate) fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus")
}

/// The test database `VIGIL_TEST_POSTGRES_URL` names; `None`, saying the test is skipped, when
/// it is unset (a fresh clone without PostgreSQL still passes the test command).
pub(crate) fn postgres_url() -> Option<String> {
    let url = std::env::var("VIGIL_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty());
    if url.is_none() {
        eprintln!("skipped: VIGIL_TEST_POSTGRES_URL unset");
    }
    url
}

/// A file of the demo corpus, by its path under `demo/corpus/`.
pub(crate) fn demo(name: &str) -> PathBuf {
    demo_corpus().join(name)
}

/// A fixture under `tests/data/`.
pub(crate) fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

/// Files under `dir`, recursively, hidden ones left out (what `vigil ingest DIR` reads).
pub(crate) fn count_files(dir: &Path) -> u64 {
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            count += count_files(&entry.path());
        } else if kind.is_file() {
            count += 1;
        }
    }
    count
}

/// The demo corpus ingested once per run of this test binary (starting `vigil` costs seconds
/// in a debug build, so tests that only read the demo store start from a copy of this one).
pub(crate) struct DemoStore {
    /// What `vigil ingest demo/corpus` printed.
    pub(crate) run: Run,
    /// The store's files (`test.db` and any `-wal`/`-shm` beside it) after the run.
    files: Vec<(String, Vec<u8>)>,
}

/// The demo store, built on first use.
pub(crate) fn demo_store() -> &'static DemoStore {
    static DEMO: OnceLock<DemoStore> = OnceLock::new();
    DEMO.get_or_init(|| {
        let sandbox = Sandbox::new();
        let run = sandbox.run(&[&"ingest", &demo_corpus()]);
        let mut files = Vec::new();
        for entry in std::fs::read_dir(sandbox.dir.path()).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with("test.db") {
                files.push((name.clone(), std::fs::read(sandbox.path(&name)).unwrap()));
            }
        }
        DemoStore { run, files }
    })
}

/// A temporary folder with one store in it; `vigil` runs with this folder as its working
/// directory and `--db` pointing at the store, so nothing leaks into the repository.
pub(crate) struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    pub(crate) fn new() -> Self {
        Sandbox { dir: tempfile::tempdir().unwrap() }
    }

    /// A sandbox whose store is a copy of the demo store (the demo corpus, ingested).
    pub(crate) fn with_demo() -> Self {
        let demo = demo_store();
        assert_eq!(
            demo.run.code,
            Some(0),
            "ingesting the demo corpus failed:\n{}",
            demo.run.stderr
        );
        let sandbox = Sandbox::new();
        for (name, bytes) in &demo.files {
            sandbox.write(name, bytes);
        }
        sandbox
    }

    /// The store file (created by the first command that opens it).
    pub(crate) fn db(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }

    /// A path inside the sandbox.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a scratch file into the sandbox and returns its path.
    pub(crate) fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `vigil --db <store>`, ready for more arguments.
    pub(crate) fn vigil(&self) -> Command {
        let mut command = Command::cargo_bin("vigil").unwrap();
        command.current_dir(self.dir.path()).env_remove("VIGIL_DB").arg("--db").arg(self.db());
        command
    }

    /// Runs `vigil --db <store> ARGS...` to completion.
    pub(crate) fn run(&self, args: &[&dyn AsRef<OsStr>]) -> Run {
        let mut command = self.vigil();
        command.args(args.iter().map(|arg| arg.as_ref()));
        Run::of(&mut command)
    }

    /// Runs `vigil --db <store> --json ARGS...`, expects exit 0 and returns the parsed output.
    pub(crate) fn json(&self, args: &[&dyn AsRef<OsStr>]) -> Value {
        let mut command = self.vigil();
        command.arg("--json").args(args.iter().map(|arg| arg.as_ref()));
        Run::of(&mut command).success().json()
    }

    /// Every stored document, as `vigil docs --json` lists them.
    pub(crate) fn docs(&self) -> Vec<Value> {
        let listing = self.json(&[&"docs", &"--limit", &"100000"]);
        listing
            .as_array()
            .unwrap_or_else(|| panic!("docs --json is not an array: {listing}"))
            .clone()
    }

    /// The listed document read from an origin ending in `suffix` (exactly one).
    pub(crate) fn doc_from(&self, suffix: &str) -> Value {
        let docs = self.docs();
        let found: Vec<&Value> = docs.iter().filter(|doc| origin(doc).ends_with(suffix)).collect();
        assert_eq!(found.len(), 1, "documents read from *{suffix}: {found:#?}");
        found[0].clone()
    }
}

/// A document's `origin` field.
pub(crate) fn origin(doc: &Value) -> &str {
    doc["origin"].as_str().unwrap_or_else(|| panic!("no origin in {doc}"))
}

/// A document's `id` field.
pub(crate) fn id(doc: &Value) -> &str {
    doc["id"].as_str().unwrap_or_else(|| panic!("no id in {doc}"))
}

/// What one run of `vigil` did.
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn of(command: &mut Command) -> Run {
        let output = command.output().unwrap();
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }

    /// Asserts the exit code, showing both streams when it differs.
    #[track_caller]
    pub(crate) fn code(self, expected: i32) -> Run {
        assert_eq!(
            self.code,
            Some(expected),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub(crate) fn success(self) -> Run {
        self.code(0)
    }

    /// Standard output parsed as JSON.
    #[track_caller]
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout))
    }

    /// The ingest summary line on standard output.
    #[track_caller]
    pub(crate) fn summary(&self) -> Summary {
        let lines: Vec<&str> =
            self.stdout.lines().filter(|line| line.contains(" inputs in ")).collect();
        assert_eq!(lines.len(), 1, "one summary line expected in:\n{}", self.stdout);
        Summary::parse(lines[0])
            .unwrap_or_else(|| panic!("summary line not in the expected form: {:?}", lines[0]))
    }

    /// The `failed: ...` lines on standard error.
    pub(crate) fn failures(&self) -> Vec<&str> {
        self.stderr.lines().filter(|line| line.starts_with("failed: ")).collect()
    }
}

/// The numbers of `N inputs in X.Ys: N new, N duplicate, N near-duplicate, N failed`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Summary {
    pub(crate) inputs: u64,
    pub(crate) seconds: f64,
    pub(crate) new: u64,
    pub(crate) duplicate: u64,
    pub(crate) near_duplicate: u64,
    pub(crate) failed: u64,
}

impl Summary {
    pub(crate) fn parse(line: &str) -> Option<Summary> {
        let (head, counts) = line.trim().split_once("s: ")?;
        let (inputs, seconds) = head.split_once(" inputs in ")?;
        let mut numbers = Vec::new();
        let labels = ["new", "duplicate", "near-duplicate", "failed"];
        let parts: Vec<&str> = counts.split(", ").collect();
        if parts.len() != labels.len() {
            return None;
        }
        for (part, label) in parts.iter().zip(labels) {
            let (number, found) = part.split_once(' ')?;
            if found != label {
                return None;
            }
            numbers.push(number.parse().ok()?);
        }
        Some(Summary {
            inputs: inputs.parse().ok()?,
            seconds: seconds.parse().ok()?,
            new: numbers[0],
            duplicate: numbers[1],
            near_duplicate: numbers[2],
            failed: numbers[3],
        })
    }
}

/// A JSON value that must be an unsigned number.
#[track_caller]
pub(crate) fn uint(value: &Value) -> u64 {
    value.as_u64().unwrap_or_else(|| panic!("not a count: {value}"))
}
