//! `vigil gazetteer import`: GeoNames dumps merged over the built-in gazetteer, kept in a file
//! beside the store for every later read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use vigil_gazetteer::Gazetteer;

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Import GeoNames dumps (`cities*.txt`/`.zip`, `allCountries`, `XX.txt`,
    /// `admin1CodesASCII.txt` or `regionInfo.tsv`, `countryInfo.txt`), zipped or not.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// The dump files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

/// Where the imported gazetteer lives: `--gazetteer`, or beside the store.
pub(crate) fn path(global: &Global) -> PathBuf {
    global.gazetteer.clone().unwrap_or_else(|| {
        let mut name = super::side_file_stem(global).into_os_string();
        name.push(".gazetteer.gz");
        PathBuf::from(name)
    })
}

/// The built-in gazetteer with the imported one merged over it, when one was imported.
pub(crate) fn load_imported(global: &Global) -> anyhow::Result<Option<Gazetteer>> {
    let path = path(global);
    if !path.is_file() {
        return Ok(None);
    }
    let file = std::fs::File::open(&path)
        .with_context(|| format!("cannot open gazetteer {}", path.display()))?;
    let imported = Gazetteer::load(std::io::BufReader::new(flate2::read::GzDecoder::new(file)))
        .with_context(|| format!("{}: not a gazetteer file", path.display()))?;
    let mut gazetteer =
        Gazetteer::load_builtin().context("the built-in gazetteer is unreadable")?;
    gazetteer.merge(imported);
    Ok(Some(gazetteer))
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let Command::Import(args) = command;
    let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let imported = vigil_gazetteer::import_geonames(&paths).context("import failed")?;
    let places = imported.len();
    let target = path(global);
    let file = std::fs::File::create(&target)
        .with_context(|| format!("cannot write {}", target.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(
        std::io::BufWriter::new(file),
        flate2::Compression::default(),
    );
    imported.save(&mut encoder).with_context(|| format!("cannot write {}", target.display()))?;
    encoder.finish().with_context(|| format!("cannot write {}", target.display()))?;
    if global.json {
        crate::output::print_json(&serde_json::json!({"places": places, "path": target}))?;
    } else if !global.quiet {
        crate::outln!(
            "imported {places} places into {}; the reader merges them over the built-in gazetteer",
            target.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
