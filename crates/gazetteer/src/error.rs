//! The crate's error type: failures reading, importing or loading a gazetteer.

use std::path::PathBuf;

/// Why a gazetteer could not be imported, saved or loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// Reading or writing failed.
    #[error("i/o error on {path}")]
    Io {
        /// The file concerned (empty for a caller's reader or writer).
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A zip archive could not be read.
    #[error("cannot read zip archive {path}")]
    Zip {
        /// The archive.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: zip::result::ZipError,
    },
    /// A line of a saved gazetteer or a GeoNames dump is malformed.
    #[error("{source_name}:{line}: {reason}")]
    Parse {
        /// The file or stream the line came from.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// A saved gazetteer does not start with the expected header.
    #[error("not a vigil gazetteer file (header {found:?})")]
    BadHeader {
        /// The first line that was found.
        found: String,
    },
    /// No path was given, or none named a file the importer understands.
    #[error("no geonames file among the given paths")]
    NothingToImport,
}

impl GazetteerError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> GazetteerError {
        GazetteerError::Io { path: path.into(), source }
    }
}
