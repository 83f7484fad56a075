//! Printing helpers shared by commands: JSON and plain tables.

use serde::Serialize;

/// Prints a value as pretty JSON on standard output.
pub(crate) fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Cuts a string to at most `width` characters, marking the cut with `…`.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// `text` or `-` when absent.
pub(crate) fn or_dash(text: Option<&str>) -> &str {
    text.unwrap_or("-")
}
