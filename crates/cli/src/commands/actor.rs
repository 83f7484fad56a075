//! `vigil actor NAME`: one actor's profile: who it is, what it is linked to and by whom, what
//! it said and what was said of it, and who it appears with.

use std::process::ExitCode;

use anyhow::bail;
use vigil_query::profile::Profile;

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The actor: any alias the knowledge base knows, or a name as stored.
    name: String,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let incidents = super::fused::load(&store)?;
    let extractions = super::listing::extractions(global)?;
    let Some(profile) = vigil_query::profile::profile(&args.name, &incidents, &extractions) else {
        bail!("no actor named {:?} in the knowledge base or the store", args.name);
    };
    if global.json {
        crate::output::print_json(&profile)?;
    } else {
        print(&profile, profile.documents_named);
    }
    Ok(ExitCode::SUCCESS)
}

fn print(profile: &Profile, seen_in: usize) {
    crate::outln!(
        "{} ({}{})",
        profile.name,
        profile.kind.as_deref().unwrap_or("not in the knowledge base"),
        profile.country.as_deref().map_or(String::new(), |code| format!(", {code}"))
    );
    if let Some(parent) = &profile.parent {
        crate::outln!("part of: {parent}");
    }
    if !profile.children.is_empty() {
        crate::outln!("branches: {}", profile.children.join(", "));
    }
    if !profile.aliases.is_empty() {
        crate::outln!("also: {}", profile.aliases.join(", "));
    }
    crate::outln!("named in {seen_in} documents");
    for (confidence, incidents) in &profile.incidents {
        crate::outln!("incidents, {confidence}: {}", incidents.len());
        for incident in incidents {
            crate::outln!(
                "  {} {} {} ({} reports)",
                incident.id,
                incident.incident_type.as_deref().unwrap_or("-"),
                incident.date.map_or("undated".to_string(), |date| date.to_string()),
                incident.sources
            );
        }
    }
    for (title, claims) in
        [("claims made", &profile.claims_made), ("claims about it", &profile.claims_about)]
    {
        if claims.is_empty() {
            continue;
        }
        crate::outln!("{title}: {}", claims.len());
        for claim in claims {
            crate::outln!(
                "  {} by {} ({}){} per {}",
                claim.kind,
                claim.claimant.as_deref().unwrap_or("unnamed"),
                claim.modality,
                claim.incident.as_deref().map_or(String::new(), |id| format!(" about {id}")),
                claim.source.as_deref().unwrap_or(&claim.document)
            );
        }
    }
    if !profile.co_occurring.is_empty() {
        let top: Vec<String> = profile
            .co_occurring
            .iter()
            .take(10)
            .map(|(name, count)| format!("{name} ({count})"))
            .collect();
        crate::outln!("appears with: {}", top.join(", "));
    }
}
