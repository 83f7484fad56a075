//! `vigil token create NAME --role analyst|viewer`: a token for the HTTP API, printed once;
//! the store keeps only its SHA-256 digest. `vigil token list` names the tokens.

use std::process::ExitCode;

use anyhow::Context;
use vigil_store::{Store, TokenRole};

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Make a token and print it (it cannot be shown again).
    Create {
        /// Who or what uses it.
        name: String,
        /// `analyst` (read and change) or `viewer` (read).
        #[arg(long, value_parser = ["analyst", "viewer"])]
        role: String,
    },
    /// List tokens (names and roles; the tokens themselves are not kept).
    List,
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(global)?;
    match command {
        Command::Create { name, role } => {
            let role = TokenRole::parse(&role).context("role is analyst or viewer")?;
            let (token, digest) =
                vigil_server::auth::new_token().context("cannot draw a random token")?;
            store.put_token(&name, role, &digest)?;
            crate::outln!("{token}");
            if !global.quiet {
                eprintln!("token {name:?} ({}) made; it is shown only this once", role.as_str());
            }
        }
        Command::List => {
            let tokens = store.tokens()?;
            if global.json {
                crate::output::print_json(&tokens)?;
            } else {
                for token in &tokens {
                    crate::outln!(
                        "{:<24} {:<8} {}",
                        token.name,
                        token.role.as_str(),
                        token.created_at
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
