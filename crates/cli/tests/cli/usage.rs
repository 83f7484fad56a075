//! Usage errors (exit code 2, nothing opened) and behaviour at the edges of the terminal.

use std::process::Stdio;

use super::support::{Run, Sandbox};

#[test]
fn usage_errors_exit_2_and_touch_nothing() {
    let cases: [&[&str]; 10] = [
        &[],
        &["ingest"],
        &["ingest", "--bogus", "x"],
        &["--frobnicate", "docs"],
        &["ingest", "--format", "pdf", "x.txt"],
        &["ingest", "--batch-size", "many", "x.txt"],
        &["docs", "--from", "yesterday"],
        &["search"],
        &["show"],
        &["teleport"],
    ];
    for args in cases {
        let sandbox = Sandbox::new();
        let mut command = sandbox.vigil();
        command.args(args);
        let run = Run::of(&mut command);
        assert_eq!(run.code, Some(2), "vigil {args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "vigil {args:?}: {}", run.stdout);
        assert!(!run.stderr.is_empty(), "vigil {args:?}: no message");
        assert!(!sandbox.db().exists(), "vigil {args:?} created the store");
    }
}

#[test]
fn help_and_version_exit_0() {
    let sandbox = Sandbox::new();
    let help = sandbox.run(&[&"ingest", &"--help"]).success();
    assert!(help.stdout.contains("--source"), "{}", help.stdout);
    let version = sandbox.run(&[&"--version"]).success();
    assert!(version.stdout.starts_with("vigil "), "{}", version.stdout);
}

/// Runs `vigil ARGS` against the demo store with standard output a pipe already closed at the
/// reading end, as in `vigil docs | head -0`; returns the exit code and standard error.
fn into_closed_pipe(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("vigil"))
        .current_dir(sandbox.path(""))
        .env_remove("VIGIL_DB")
        .arg("--db")
        .arg(sandbox.db())
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let sandbox = Sandbox::with_demo();
    let docs = sandbox.docs();
    let prefix = &docs[0]["id"].as_str().unwrap()[..6];
    let cases: [&[&str]; 6] = [
        &["docs"],
        &["docs", "--json"],
        &["search", "Crocus"],
        &["search", "--json", "Crocus"],
        &["show", prefix],
        &["show", "--json", prefix],
    ];
    for args in cases {
        let (code, stderr) = into_closed_pipe(&sandbox, args);
        assert!(!stderr.contains("panicked"), "vigil {args:?}: {stderr}");
        assert_eq!(code, Some(0), "vigil {args:?}: {stderr}");
    }
}

#[test]
fn raw_bytes_into_a_closed_pipe_end_quietly() {
    let sandbox = Sandbox::with_demo();
    let docs = sandbox.docs();
    let prefix = &docs[0]["id"].as_str().unwrap()[..6];
    let (code, stderr) = into_closed_pipe(&sandbox, &["show", "--raw", prefix]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}
