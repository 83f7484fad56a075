//! Inputs and units: command-line arguments, folders walked lazily into files, and the bytes of
//! one file, URL or standard input, read once and never past the size limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::error::{IngestError, Problem};
use crate::fetch::lowercase_first;

/// One input as named by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (walked recursively).
    Path(PathBuf),
    /// An `http://` or `https://` URL.
    Url(String),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// `-` is standard input, `http(s)://...` a URL, anything else a path.
    pub fn parse(arg: &str) -> Input {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            Input::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Input::Url(arg.to_string())
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// One thing to read: a file, a URL or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The path as given (folder walks join the folder as given with the file's relative path),
    /// the URL, or `-`.
    pub origin: String,
    pub(crate) source: Source,
}

/// Where a unit's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    File(PathBuf),
    Url(String),
    Stdin,
}

impl Unit {
    fn file(path: &Path) -> Unit {
        Unit { origin: path.display().to_string(), source: Source::File(path.to_path_buf()) }
    }
}

/// The units of `inputs`, in order; folders are walked lazily (sorted by file name, hidden files
/// and folders skipped, symbolic links followed with loops reported), so a folder of any size
/// streams. A path that does not exist is an error naming it.
pub fn expand(inputs: &[Input]) -> impl Iterator<Item = Result<Unit, IngestError>> {
    Expand { inputs: inputs.iter(), walk: None }
}

type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&DirEntry) -> bool>;

struct Expand<'a> {
    inputs: std::slice::Iter<'a, Input>,
    walk: Option<(Walk, PathBuf)>,
}

impl Iterator for Expand<'_> {
    type Item = Result<Unit, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((walk, root)) = self.walk.as_mut() {
                match walk.next() {
                    Some(Ok(entry)) if entry.file_type().is_file() => {
                        return Some(Ok(Unit::file(entry.path())));
                    }
                    Some(Ok(_)) => continue,
                    Some(Err(error)) => {
                        let origin = error.path().unwrap_or(root).display().to_string();
                        let problem = if error.loop_ancestor().is_some() {
                            Problem::Io("symbolic link loop".to_string())
                        } else {
                            error
                                .io_error()
                                .map_or_else(|| Problem::Io(error.to_string()), io_problem)
                        };
                        return Some(Err(IngestError::new(origin, problem)));
                    }
                    None => self.walk = None,
                }
            }
            let input = self.inputs.next()?;
            match input {
                Input::Stdin => {
                    return Some(Ok(Unit { origin: "-".to_string(), source: Source::Stdin }));
                }
                Input::Url(url) => {
                    return Some(Ok(Unit {
                        origin: url.clone(),
                        source: Source::Url(url.clone()),
                    }));
                }
                Input::Path(path) => match std::fs::metadata(path) {
                    Err(error) => {
                        return Some(Err(IngestError::new(
                            path.display().to_string(),
                            io_problem(&error),
                        )));
                    }
                    Ok(metadata) if metadata.is_dir() => {
                        let walk = WalkDir::new(path)
                            .follow_links(true)
                            .sort_by(|left, right| natural_key(left).cmp(&natural_key(right)))
                            .into_iter()
                            .filter_entry(not_hidden as fn(&DirEntry) -> bool);
                        self.walk = Some((walk, path.clone()));
                    }
                    Ok(_) => return Some(Ok(Unit::file(path))),
                },
            }
        }
    }
}

/// Hidden files and folders are skipped, except a root named explicitly (such as `.`).
/// Files are read stem first, then extension, so "report.txt" comes before
/// "report-syndicated.txt" (plain byte order would put `-` before `.`): an agency's copy is then
/// linked to the original it copies rather than the other way round.
fn natural_key(entry: &DirEntry) -> (std::ffi::OsString, std::ffi::OsString) {
    let path = std::path::Path::new(entry.file_name());
    let stem = path.file_stem().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    let extension = path.extension().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    (stem, extension)
}

fn not_hidden(entry: &DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
}

/// The [`Problem`] of an I/O error: `NotFound`, or the message in lowercase.
pub(crate) fn io_problem(error: &io::Error) -> Problem {
    if error.kind() == io::ErrorKind::NotFound {
        return Problem::NotFound;
    }
    let message = error.to_string();
    let message = message.split(" (os error").next().unwrap_or(&message);
    Problem::Io(lowercase_first(message))
}

/// A file's bytes: its size is checked against `max_bytes` before anything is read.
pub(crate) fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Problem> {
    let metadata = std::fs::metadata(path).map_err(|error| io_problem(&error))?;
    if metadata.is_dir() {
        return Err(Problem::Io("is a folder".to_string()));
    }
    if metadata.len() > max_bytes {
        return Err(Problem::TooLarge { bytes: metadata.len(), limit: max_bytes });
    }
    let file = File::open(path).map_err(|error| io_problem(&error))?;
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    // The file may grow between the check and the read: read at most one byte past the limit.
    read_stream(file, max_bytes, capacity)
}

/// All of a stream, or `TooLarge` as soon as it passes `max_bytes`.
pub(crate) fn read_stream(
    reader: impl Read,
    max_bytes: u64,
    capacity: usize,
) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| io_problem(&error))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > max_bytes {
        return Err(Problem::TooLarge { bytes: read, limit: max_bytes });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_parse() {
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(
            Input::parse("https://example.org/a"),
            Input::Url("https://example.org/a".into())
        );
        assert_eq!(Input::parse("HTTP://example.org"), Input::Url("HTTP://example.org".into()));
        assert_eq!(Input::parse("notes/http.txt"), Input::Path(PathBuf::from("notes/http.txt")));
    }

    #[test]
    fn streams_stop_past_the_limit() {
        assert_eq!(
            read_stream(&b"abcdef"[..], 3, 0),
            Err(Problem::TooLarge { bytes: 4, limit: 3 })
        );
        assert_eq!(read_stream(&b"abc"[..], 3, 0), Ok(b"abc".to_vec()));
    }
}
