//! `vigil board`: hypothesis boards. Building one (hypotheses, evidence, ratings), moving it in
//! and out as the board file of `CODEBOOK.md` section 8, and evidence suggested from the store.
//! Showing one with its scores is in `board_show.rs`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use vigil_board::{
    Board, EvidenceItem, EvidenceSource, Hypothesis, HypothesisTarget, Rating, Subject, Weight,
};
use vigil_store::Store;

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Start a board; prints its id.
    New {
        /// Its name ("Crocus City Hall: who is responsible").
        name: String,
        /// The fused incident it is about.
        #[arg(long)]
        incident: Option<String>,
        /// Actors it is about (repeatable).
        #[arg(long = "actor")]
        actors: Vec<String>,
    },
    /// List boards.
    List,
    /// Show a board with its scores side by side.
    Show {
        /// Board id.
        id: i64,
        /// Print the arithmetic behind every score.
        #[arg(long)]
        explain: bool,
    },
    /// Read a board file; prints the new board's id.
    Import {
        /// The board file (JSON, CODEBOOK.md section 8).
        file: PathBuf,
    },
    /// Print a board as a board file.
    Export {
        /// Board id.
        id: i64,
    },
    /// Add a hypothesis: free text, or "ACTOR responsible" with --actor (and --alone).
    Hypothesis {
        /// Board id.
        id: i64,
        /// What it says.
        text: String,
        /// The actor it holds responsible (makes it structured, so evidence can be suggested).
        #[arg(long)]
        actor: Option<String>,
        /// The actor acted alone: any other actor's part counts against it.
        #[arg(long, requires = "actor")]
        alone: bool,
        /// Prior probability (the rest share what is left).
        #[arg(long)]
        prior: Option<f64>,
    },
    /// Add the ten rungs of the state-responsibility scale for one state (Healey 2012).
    Template {
        /// Board id.
        id: i64,
        /// The state.
        #[arg(long)]
        state: String,
        /// The group that attacked.
        #[arg(long)]
        actor: String,
    },
    /// Add an evidence item.
    Evidence {
        /// Board id.
        id: i64,
        /// What it says.
        #[arg(long)]
        text: String,
        /// A stored claim, DOCUMENT/CLAIM.
        #[arg(long, group = "from")]
        claim: Option<String>,
        /// A fused incident.
        #[arg(long, group = "from")]
        incident: Option<String>,
        /// A stored document (with --span).
        #[arg(long, group = "from", requires = "span")]
        document: Option<String>,
        /// Bytes of the document, START..END.
        #[arg(long)]
        span: Option<String>,
        /// A stated assumption.
        #[arg(long, group = "from")]
        assumption: bool,
        /// low, medium or high (default: from the claim's grade, else medium).
        #[arg(long)]
        credibility: Option<String>,
        /// low, medium or high (default medium).
        #[arg(long)]
        relevance: Option<String>,
    },
    /// Rate an item against hypotheses: `h1=C h2=II` (CC, C, N, I, II, NA).
    Rate {
        /// Board id.
        id: i64,
        /// The item.
        evidence: String,
        /// HYPOTHESIS=RATING, one or more.
        #[arg(required = true)]
        ratings: Vec<String>,
    },
    /// Evidence the store suggests: claims about the board's incident and actors, with proposed
    /// ratings and reasons. Decided ones are not shown again.
    Suggest {
        /// Board id.
        id: i64,
    },
    /// Take suggested claims as evidence, with their proposed ratings (edit them with `rate`).
    Accept {
        /// Board id.
        id: i64,
        /// Claims (DOCUMENT/CLAIM), or `all`.
        #[arg(required = true)]
        claims: Vec<String>,
    },
    /// Decline suggested claims; they are not suggested again.
    Reject {
        /// Board id.
        id: i64,
        /// Claims (DOCUMENT/CLAIM).
        #[arg(required = true)]
        claims: Vec<String>,
    },
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(global)?;
    match command {
        Command::New { name, incident, actors } => {
            let kb = vigil_extract::kb::Kb::builtin();
            let actors = actors.iter().map(|a| kb.canonical(a).unwrap_or(a).to_string()).collect();
            // The incident's full id, so exports and briefings find the board.
            let incident = match incident {
                Some(prefix) => {
                    Some(super::fused::find(&super::fused::load(&store)?, &prefix)?.id.clone())
                }
                None => None,
            };
            let board = Board {
                name,
                subject: Subject { incident, actors },
                hypotheses: Vec::new(),
                evidence: Vec::new(),
            };
            let id = store.put_board(None, &board.name, &serde_json::to_string(&board)?, "{}")?;
            print_id(global, id)?;
        }
        Command::List => {
            let boards = store.boards()?;
            if global.json {
                let rows: Vec<serde_json::Value> = boards
                    .iter()
                    .map(|b| serde_json::json!({"id": b.id, "name": b.name, "updated_at": b.updated_at}))
                    .collect();
                crate::output::print_json(&rows)?;
            } else {
                for board in &boards {
                    crate::outln!(
                        "{:>4}  {}  (changed {})",
                        board.id,
                        board.name,
                        board.updated_at.format("%Y-%m-%d %H:%M")
                    );
                }
            }
        }
        Command::Show { id, explain } => super::board_show::show(global, &store, id, explain)?,
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let board = Board::from_json(&text).with_context(|| file.display().to_string())?;
            let id = store.put_board(None, &board.name, &serde_json::to_string(&board)?, "{}")?;
            print_id(global, id)?;
        }
        Command::Export { id } => {
            let (board, _) = load(&store, id)?;
            crate::output::print_json(&board)?;
        }
        Command::Hypothesis { id, text, actor, alone, prior } => {
            let (mut board, decisions) = load(&store, id)?;
            let kb = vigil_extract::kb::Kb::builtin();
            let target = actor.map(|actor| HypothesisTarget {
                actor: kb.canonical(&actor).unwrap_or(&actor).to_string(),
                alone,
                state_role: None,
            });
            let hypothesis_id = board.next_id("h");
            board.hypotheses.push(Hypothesis { id: hypothesis_id.clone(), text, prior, target });
            save(&mut store, id, &board, &decisions)?;
            report(global, &format!("added {hypothesis_id}"));
        }
        Command::Template { id, state, actor } => {
            let (mut board, decisions) = load(&store, id)?;
            let kb = vigil_extract::kb::Kb::builtin();
            let state = kb.canonical(&state).unwrap_or(&state).to_string();
            let actor = kb.canonical(&actor).unwrap_or(&actor).to_string();
            let first = board.next_id("h").trim_start_matches('h').parse().unwrap_or(1);
            let added = vigil_board::state_responsibility(&state, &actor, first);
            let ids: Vec<String> = added.iter().map(|h| h.id.clone()).collect();
            board.hypotheses.extend(added);
            save(&mut store, id, &board, &decisions)?;
            report(global, &format!("added {}", ids.join(", ")));
        }
        Command::Evidence {
            id,
            text,
            claim,
            incident,
            document,
            span,
            assumption,
            credibility,
            relevance,
        } => {
            let (mut board, decisions) = load(&store, id)?;
            let mut default_credibility = Weight::Medium;
            let source = if let Some(claim) = claim {
                let key = super::claim_key(&store, &claim)?;
                super::claim::find(&store, &key)?;
                default_credibility = Weight::from_credibility(store.claim_credibility(&key)?);
                EvidenceSource::Claim { claim: key }
            } else if let Some(incident) = incident {
                let incidents = super::fused::load(&store)?;
                EvidenceSource::Incident {
                    incident: super::fused::find(&incidents, &incident)?.id.clone(),
                }
            } else if let Some(document) = document {
                let (start, end) = parse_span(span.as_deref().unwrap_or(""))?;
                let document = store.resolve_id(&document)?;
                let text = store.document(&document)?.map(|d| d.text).unwrap_or_default();
                if end > text.len() || start >= end {
                    bail!(
                        "span {start}..{end} is not inside document {document} ({} bytes)",
                        text.len()
                    );
                }
                EvidenceSource::Document { document: document.to_string(), start, end }
            } else if assumption {
                EvidenceSource::Assumption { assumption: true }
            } else {
                bail!(
                    "say where the item comes from: --claim, --incident, --document with --span, or --assumption"
                );
            };
            let item_id = board.next_id("e");
            board.evidence.push(EvidenceItem {
                id: item_id.clone(),
                text,
                source,
                credibility: weight(credibility.as_deref(), default_credibility)?,
                relevance: weight(relevance.as_deref(), Weight::Medium)?,
                ratings: BTreeMap::new(),
            });
            save(&mut store, id, &board, &decisions)?;
            report(global, &format!("added {item_id}"));
        }
        Command::Rate { id, evidence, ratings } => {
            let (mut board, decisions) = load(&store, id)?;
            let hypotheses: Vec<String> = board.hypotheses.iter().map(|h| h.id.clone()).collect();
            let item = board
                .evidence
                .iter_mut()
                .find(|item| item.id == evidence)
                .with_context(|| format!("board {id} has no evidence {evidence}"))?;
            for pair in &ratings {
                let (hypothesis, rating) = pair
                    .split_once('=')
                    .with_context(|| format!("{pair:?} is not HYPOTHESIS=RATING"))?;
                if !hypotheses.iter().any(|h| h == hypothesis) {
                    bail!("board {id} has no hypothesis {hypothesis}");
                }
                let rating = Rating::parse(rating)
                    .with_context(|| format!("{rating:?} is not CC, C, N, I, II or NA"))?;
                item.ratings.insert(hypothesis.to_string(), rating);
            }
            save(&mut store, id, &board, &decisions)?;
            report(global, &format!("rated {evidence}"));
        }
        Command::Suggest { id } => super::board_show::suggestions(global, &store, id)?,
        Command::Accept { id, claims } => {
            super::board_show::decide(global, &mut store, id, &claims, true)?
        }
        Command::Reject { id, claims } => {
            super::board_show::decide(global, &mut store, id, &claims, false)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_id(global: &Global, id: i64) -> anyhow::Result<()> {
    if global.json {
        crate::output::print_json(&serde_json::json!({ "id": id }))
    } else {
        crate::outln!("{id}");
        Ok(())
    }
}

pub(crate) fn report(global: &Global, message: &str) {
    if !global.quiet {
        crate::outln!("{message}");
    }
}

/// A stored board, parsed, with its decisions on suggestions.
pub(crate) fn load(
    store: &dyn Store,
    id: i64,
) -> anyhow::Result<(Board, BTreeMap<String, String>)> {
    Ok(vigil_query::boards::load(store, id)?)
}

/// Checks and stores a board.
pub(crate) fn save(
    store: &mut dyn Store,
    id: i64,
    board: &Board,
    decisions: &BTreeMap<String, String>,
) -> anyhow::Result<()> {
    Ok(vigil_query::boards::save(store, id, board, decisions)?)
}

fn weight(text: Option<&str>, default: Weight) -> anyhow::Result<Weight> {
    match text {
        None => Ok(default),
        Some(text) => {
            Weight::parse(text).with_context(|| format!("{text:?} is not low, medium or high"))
        }
    }
}

fn parse_span(text: &str) -> anyhow::Result<(usize, usize)> {
    let (start, end) =
        text.split_once("..").with_context(|| format!("{text:?} is not START..END"))?;
    Ok((start.trim().parse()?, end.trim().parse()?))
}
