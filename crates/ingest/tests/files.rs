//! Files and folders: expanding inputs lazily, reading within the size limit, big inputs.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod common;

use std::fs;
use std::path::Path;
use std::time::Instant;

use common::{check_offsets, failures};
use vigil_ingest::{Input, Problem, ReadOptions, Unit, expand, read};

fn units(inputs: &[Input]) -> Vec<Result<Unit, String>> {
    expand(inputs).map(|unit| unit.map_err(|error| error.to_string())).collect()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn folders_are_walked_sorted_without_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("b.txt"), "Second report text.");
    write(&root.join("a.txt"), "First report text.");
    write(&root.join("sub/c.md"), "# Third\n\nReport text.");
    write(&root.join(".hidden.txt"), "Never read.");
    write(&root.join(".git/config"), "Never read either.");
    let origins: Vec<String> = units(&[Input::Path(root.to_path_buf())])
        .into_iter()
        .map(|unit| unit.unwrap().origin)
        .collect();
    let expected: Vec<String> = ["a.txt", "b.txt", "sub/c.md"]
        .iter()
        .map(|name| root.join(name).display().to_string())
        .collect();
    assert_eq!(origins, expected);
}

#[test]
fn a_missing_path_is_an_error_naming_it_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let present = dir.path().join("here.txt");
    write(&present, "Some text.");
    let missing = dir.path().join("nowhere.txt");
    let result = units(&[Input::Path(missing.clone()), Input::Path(present.clone()), Input::Stdin]);
    assert_eq!(result[0], Err(format!("{}: not found", missing.display())));
    assert_eq!(result[1].as_ref().unwrap().origin, present.display().to_string());
    assert_eq!(result[2].as_ref().unwrap().origin, "-");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("inner/a.txt"), "Text.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("inner/loop")).unwrap();
    let result = units(&[Input::Path(dir.path().to_path_buf())]);
    assert_eq!(result.iter().filter(|unit| unit.is_ok()).count(), 1);
    assert!(
        result
            .iter()
            .any(|unit| unit.as_ref().is_err_and(|error| error.ends_with("symbolic link loop")))
    );
}

#[test]
fn reading_a_file_unit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    write(&path, "Blast at depot\n\nA blast hit the depot on Monday, officials said.");
    let unit = expand(&[Input::Path(path.clone())]).next().unwrap().unwrap();
    let output = read(&unit, &ReadOptions::default());
    let document = &output.documents[0];
    assert_eq!(document.origin, path.display().to_string());
    assert_eq!(document.title.as_deref(), Some("Blast at depot"));
    check_offsets(document);
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse 1 GiB file: refused from its size alone, never read.
    fs::File::create(&path).unwrap().set_len(1 << 30).unwrap();
    let unit = expand(&[Input::Path(path.clone())]).next().unwrap().unwrap();
    let options = ReadOptions { max_bytes: 1 << 20, ..ReadOptions::default() };
    let started = Instant::now();
    let output = read(&unit, &options);
    assert!(started.elapsed().as_millis() < 500);
    assert_eq!(output.failures[0].problem, Problem::TooLarge { bytes: 1 << 30, limit: 1 << 20 });
}

#[test]
fn an_empty_and_a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a-empty.txt"), "");
    fs::write(dir.path().join("b-image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let outputs: Vec<_> = expand(&[Input::Path(dir.path().to_path_buf())])
        .map(|unit| read(&unit.unwrap(), &ReadOptions::default()))
        .collect();
    assert!(failures(&outputs[0])[0].ends_with("a-empty.txt: empty file"));
    assert!(failures(&outputs[1])[0].ends_with("b-image.png: binary content, not text"));
}

#[test]
fn ten_thousand_files_stream_lazily() {
    let dir = tempfile::tempdir().unwrap();
    for index in 0..10_000 {
        let shard = dir.path().join(format!("{:02}", index % 100));
        if index < 100 {
            fs::create_dir(&shard).unwrap();
        }
        fs::write(shard.join(format!("{index:05}.txt")), "x").unwrap();
    }
    let inputs = [Input::Path(dir.path().to_path_buf())];
    let started = Instant::now();
    // Lazy: the first unit comes before the walk is over.
    let first = expand(&inputs).next().unwrap().unwrap();
    assert!(first.origin.ends_with("00000.txt"), "{}", first.origin);
    let count = expand(&inputs).filter(Result::is_ok).count();
    assert_eq!(count, 10_000);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn a_fifty_megabyte_file_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let paragraph = "Rescue teams searched the rubble of the collapsed market through the night, \
                     and officials said the toll could rise as more bodies were found.\n\n";
    let mut text = String::from("Market collapse\n\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(paragraph);
    }
    fs::write(&path, &text).unwrap();
    let unit = expand(&[Input::Path(path)]).next().unwrap().unwrap();
    let started = Instant::now();
    let output = read(&unit, &ReadOptions::default());
    let elapsed = started.elapsed();
    let document = &output.documents[0];
    assert_eq!(document.raw.len(), text.len());
    assert_eq!(document.text, text.trim_end());
    assert_eq!(document.title.as_deref(), Some("Market collapse"));
    // Linear work: a few seconds even unoptimised.
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
    println!("50 MB read in {elapsed:?}, {} segments", document.offsets.0.len());
}
