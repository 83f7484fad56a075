//! Printing helpers shared by commands: JSON and plain tables.

use serde::Serialize;

/// Prints a value as pretty JSON on standard output.
pub(crate) fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    crate::outln!("{}", serde_json::to_string_pretty(value)?);
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

/// Prints a line on standard output; a closed pipe (`vigil docs | head`) ends the program
/// quietly with success instead of a panic.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(error) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("vigil: cannot write to standard output: {error}");
            std::process::exit(1);
        }
    }};
}
