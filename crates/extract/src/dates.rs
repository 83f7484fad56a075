//! Date mentions found in running text and resolved against the publication date.
