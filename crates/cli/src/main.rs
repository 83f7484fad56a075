//! The `vigil` command: one subcommand per file under `commands/`, glue only.
//!
//! Exit codes: 0 when everything went well, 1 when some inputs failed (the rest was done),
//! 2 for usage errors (clap's own code), and 1 for any other error.

mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Vigil reads reporting on terrorism and political violence and turns it into a sourced,
/// graded, queryable picture.
#[derive(Debug, Parser)]
#[command(name = "vigil", version, about, max_term_width = 100)]
struct Cli {
    /// The store: a SQLite file, created when missing, or a PostgreSQL database
    /// (`postgres://user:password@host:port/database`), its tables created when missing.
    #[arg(long, global = true, env = "VIGIL_DB", default_value = "vigil.db")]
    db: PathBuf,
    /// Print no progress and no summary, only results and errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Print results as JSON (one document per command) instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// An imported gazetteer merged over the built-in one (default: the store's path with
    /// `.gazetteer.gz` appended, when that file exists).
    #[arg(long, global = true, env = "VIGIL_GAZETTEER")]
    gazetteer: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the store (a no-op if it exists).
    Init,
    /// Bring the store's schema up to date and print its version.
    Migrate,
    /// Read documents from files, folders, URLs or standard input (`-`) into the store.
    Ingest(commands::ingest::Args),
    /// List stored documents.
    Docs(commands::docs::Args),
    /// Show one document: metadata and cleaned text.
    Show(commands::show::Args),
    /// Full-text search over stored documents, best first, with snippets.
    Search(commands::search::Args),
    /// Read one document (a file or a stored id) and print the codebook JSON.
    Extract(commands::extract::Args),
    /// List fused incidents: every report of one incident joined, with consensus slots.
    Incidents(commands::incidents::Args),
    /// Show, merge, split or edit one fused incident.
    #[command(subcommand)]
    Incident(commands::incident::Command),
    /// Fuse reports not fused yet, or (`--rebuild`) everything again.
    Fuse(commands::fuse::Args),
    /// List claims (responsibility, accusation, denial, warning, ...) read from stored documents.
    Claims(commands::claims::Args),
    /// List actors named in stored documents.
    Actors(commands::actors::Args),
    /// One actor's profile: aliases, branches, incidents by confidence, claims, company.
    Actor(commands::actor::Args),
    /// Fused incidents in date order, with date precision and source counts.
    Timeline(commands::timeline::Args),
    /// A source's reliability grade (A-F), with its history.
    #[command(subcommand)]
    Source(commands::source::Command),
    /// One claim, and its credibility grade (1-6), with its history.
    #[command(subcommand)]
    Claim(commands::claim::Command),
    /// Hypothesis boards: competing hypotheses weighed against graded evidence (ACH).
    #[command(subcommand)]
    Board(commands::board::Command),
    /// Export fused incidents: STIX 2.1, ACLED- or GTD-style CSV, GeoJSON, JSON lines.
    #[command(subcommand)]
    Export(commands::export::Command),
    /// Import actors from another tool's export (STIX 2.1) into the knowledge base.
    #[command(subcommand)]
    Import(commands::import::Command),
    /// A briefing on one incident or one actor, footnoted to its sources (Markdown or HTML).
    Brief(commands::brief::Args),
    /// Escalation alerts as of a day, each with its reasons.
    Watch(commands::watch::WatchArgs),
    /// Counts of fused incidents (and fatalities) per day, week or month.
    Series(commands::watch::SeriesArgs),
    /// Replay the store week by week with no look-ahead and score forecasts (and detectors).
    Backtest(commands::watch::BacktestArgs),
    /// Manage the gazetteer the reader resolves places with.
    #[command(subcommand)]
    Gazetteer(commands::gazetteer::Command),
    /// Serve the JSON API and the web workbench (loopback by default).
    Serve(commands::serve::Args),
    /// API tokens for `vigil serve`: changes need an analyst's.
    #[command(subcommand)]
    Token(commands::token::Command),
    /// Add files, folders (one job per file) or URLs to the PostgreSQL work queue.
    Enqueue(commands::queue::EnqueueArgs),
    /// Process the work queue: fetch, clean, extract, fuse, store (and poll due feeds).
    Worker(commands::worker::Args),
    /// The work queue's state.
    #[command(subcommand)]
    Queue(commands::queue::QueueCommand),
    /// Feeds the workers follow.
    #[command(subcommand)]
    Feeds(commands::feeds::Command),
    /// Score the reader against gold keys.
    #[command(subcommand)]
    Eval(commands::eval::Command),
    /// Learn a model from a training split (MUC-4's role lexicon).
    #[command(subcommand)]
    Train(commands::muc4::TrainCommand),
}

/// Options every command sees.
#[derive(Debug, Clone)]
pub(crate) struct Global {
    pub(crate) db: PathBuf,
    pub(crate) quiet: bool,
    pub(crate) json: bool,
    pub(crate) gazetteer: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = Global { db: cli.db, quiet: cli.quiet, json: cli.json, gazetteer: cli.gazetteer };
    let result = match cli.command {
        Command::Init => commands::init::run(&global),
        Command::Migrate => commands::migrate::run(&global),
        Command::Ingest(args) => commands::ingest::run(&global, args),
        Command::Docs(args) => commands::docs::run(&global, args),
        Command::Show(args) => commands::show::run(&global, args),
        Command::Search(args) => commands::search::run(&global, args),
        Command::Extract(args) => commands::extract::run(&global, args),
        Command::Eval(command) => commands::eval::run(&global, command),
        Command::Train(commands::muc4::TrainCommand::Muc4(args)) => {
            commands::muc4::train(&global, &args)
        }
        Command::Gazetteer(command) => commands::gazetteer::run(&global, command),
        Command::Incidents(args) => commands::incidents::run(&global, args),
        Command::Incident(command) => commands::incident::run(&global, command),
        Command::Fuse(args) => commands::fuse::run(&global, args),
        Command::Claims(args) => commands::claims::run(&global, args),
        Command::Actors(args) => commands::actors::run(&global, args),
        Command::Actor(args) => commands::actor::run(&global, args),
        Command::Timeline(args) => commands::timeline::run(&global, args),
        Command::Source(command) => commands::source::run(&global, command),
        Command::Claim(command) => commands::claim::run(&global, command),
        Command::Board(command) => commands::board::run(&global, command),
        Command::Export(command) => commands::export::run(&global, command),
        Command::Import(command) => commands::import::run(&global, command),
        Command::Brief(args) => commands::brief::run(&global, args),
        Command::Watch(args) => commands::watch::watch(&global, args),
        Command::Series(args) => commands::watch::series(&global, args),
        Command::Backtest(args) => commands::watch::backtest(&global, args),
        Command::Serve(args) => commands::serve::run(&global, args),
        Command::Token(command) => commands::token::run(&global, command),
        Command::Enqueue(args) => commands::queue::enqueue(&global, args),
        Command::Worker(args) => commands::worker::run(&global, args),
        Command::Queue(command) => commands::queue::run(&global, command),
        Command::Feeds(command) => commands::feeds::run(&global, command),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("vigil: {error:#}");
            ExitCode::FAILURE
        }
    }
}
