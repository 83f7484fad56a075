//! `vigil feeds add` and `vigil feeds list`: the feeds the workers follow, each polled with a
//! conditional GET when due.

use std::process::ExitCode;
use std::time::Duration;

use vigil_queue::JobQueue;

use super::queue::{open_queue, parse_duration};
use crate::Global;
use crate::output::or_dash;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Follow a feed (RSS, Atom, JSON Feed): workers poll it every `--every`.
    Add {
        /// The feed's http(s) URL.
        url: String,
        /// How often to poll it: `15m`, `1h`, `30s`.
        #[arg(long, default_value = "15m", value_parser = parse_duration)]
        every: Duration,
    },
    /// The followed feeds, with when they are due and what their last poll found.
    List,
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let mut queue = open_queue(global)?;
    match command {
        Command::Add { url, every } => {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                anyhow::bail!("{url} is not an http(s) url");
            }
            queue.add_feed(&url, every)?;
            if !global.quiet {
                crate::outln!("following {url} every {}s", every.as_secs().max(1));
            }
        }
        Command::List => {
            let feeds = queue.feeds()?;
            if global.json {
                crate::output::print_json(&feeds)?;
                return Ok(ExitCode::SUCCESS);
            }
            for feed in &feeds {
                crate::outln!(
                    "{}  every {}s  next {}  last {}: {}",
                    feed.url,
                    feed.every_seconds,
                    feed.next_poll_at.format("%Y-%m-%d %H:%M:%S"),
                    feed.last_polled_at.map_or_else(
                        || "never".to_string(),
                        |at| at.format("%H:%M:%S").to_string()
                    ),
                    or_dash(feed.last_outcome.as_deref())
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
