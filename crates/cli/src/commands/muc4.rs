//! `vigil eval muc4`: the reader on a MUC-4 split, mapped to templates and scored (GTT's metric
//! plus perpetrator confidence, date and country from the raw keys).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::Utc;
use vigil_domain::{Document, DocumentId, MediaType, OffsetMap};
use vigil_eval::muc4::lexicon::Lexicon;
use vigil_eval::muc4::{self, GoldDocument, Muc4Score, Prediction, Template};
use vigil_extract::Extractor;

use crate::Global;

/// Which split: the names modern papers use.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Split {
    /// DEV (1,300 messages).
    Train,
    /// TST1 + TST2 (200 messages).
    Dev,
    /// TST3 + TST4 (200 messages), when the folder holds them.
    Test,
}

impl Split {
    fn json(self) -> &'static str {
        match self {
            Split::Train => "train.json",
            Split::Dev => "dev.json",
            Split::Test => "test.json",
        }
    }

    /// The raw corpus folders holding this split's texts and keys.
    fn raw_folders(self) -> &'static [&'static str] {
        match self {
            Split::Train => &["dev"],
            Split::Dev => &["tst1", "tst2"],
            Split::Test => &["tst3", "tst4"],
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A folder with the layout of the shared MUC-4 data (`processed-gtt/`, `raw/CORPORA/`);
    /// default `$VIGIL_SHARED/data/muc4`, else `../shared/data/muc4`.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The split to read and score.
    #[arg(long, value_enum, default_value = "dev")]
    split: Split,
    /// Write the predictions here, one JSON object per message (processed-GTT's shape).
    #[arg(long, value_name = "PRED.jsonl")]
    out: Option<PathBuf>,
    /// Score this prediction file instead of running the reader (for other systems' output).
    #[arg(long, value_name = "PRED.jsonl", conflicts_with = "out")]
    predictions: Option<PathBuf>,
    /// The role lexicon (`vigil train muc4`); default: trained now on the train split of DIR.
    #[arg(long, value_name = "LEXICON.json")]
    model: Option<PathBuf>,
    /// Read with the rules only, no learned lexicon.
    #[arg(long, conflicts_with = "model")]
    rules_only: bool,
    /// Open no template where the reader found no incident (see `adapt::TRIGGERS`).
    #[arg(long)]
    no_fallback: bool,
}

/// `vigil train ...`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum TrainCommand {
    /// Learn the MUC-4 role lexicon from a split (default: train).
    Muc4(TrainArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct TrainArgs {
    /// A folder with the layout of the shared MUC-4 data; default as for `vigil eval muc4`.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The split to learn from.
    #[arg(long, value_enum, default_value = "train")]
    split: Split,
    /// Where to write the lexicon (JSON).
    #[arg(long, short, value_name = "LEXICON.json")]
    out: PathBuf,
}

/// Support and precision a phrase needs to enter the lexicon (tuned on dev: support 1-3 and
/// precision 0.1-0.5 tried; 2 and 0.3 best or within 0.5 F1 of it).
const MIN_SUPPORT: u32 = 2;
const MIN_PRECISION: f64 = 0.3;

/// `vigil train muc4`: learns the role lexicon from a split and writes it.
pub(crate) fn train(global: &Global, args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let data = args.data.clone().unwrap_or_else(default_data);
    let lexicon = learn(&data, args.split)?;
    let json = serde_json::to_string_pretty(&lexicon)?;
    std::fs::write(&args.out, json + "\n")
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    if !global.quiet {
        eprintln!(
            "vigil: {} phrases learned from {} messages -> {}",
            lexicon.entries.len(),
            lexicon.messages,
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn learn(data: &Path, split: Split) -> anyhow::Result<Lexicon> {
    let (gold, texts) = load_split(data, split)?;
    let messages: Vec<(&GoldDocument, &str)> = gold
        .iter()
        .filter_map(|document| texts.get(&document.docid).map(|text| (document, text.as_str())))
        .collect();
    anyhow::ensure!(!messages.is_empty(), "no raw texts to learn from in {}", data.display());
    Ok(Lexicon::train(&messages, MIN_SUPPORT, MIN_PRECISION))
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let data = args.data.clone().unwrap_or_else(default_data);
    let (gold, texts) = load_split(&data, args.split)?;
    let started = std::time::Instant::now();
    let predictions = match &args.predictions {
        Some(path) => read_predictions(path)?,
        None => {
            let lexicon = match (&args.model, args.rules_only) {
                (_, true) => None,
                (Some(path), false) => {
                    let text = std::fs::read_to_string(path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    Some(serde_json::from_str(&text).with_context(|| {
                        format!("{}: not a lexicon from `vigil train muc4`", path.display())
                    })?)
                }
                (None, false) => {
                    if matches!(args.split, Split::Train) {
                        eprintln!(
                            "vigil: note: the lexicon is trained on the split scored; this is training accuracy"
                        );
                    }
                    Some(learn(&data, Split::Train)?)
                }
            };
            predict(global, &gold, &texts, lexicon.as_ref(), args.no_fallback)?
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.out {
        let mut lines = String::new();
        for prediction in &predictions {
            lines.push_str(&serde_json::to_string(&prediction.to_json())?);
            lines.push('\n');
        }
        std::fs::write(path, lines).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut total = Muc4Score::default();
    for document in &gold {
        let templates = predictions
            .iter()
            .find(|p| p.docid == document.docid)
            .map(|p| p.templates.as_slice())
            .unwrap_or_default();
        total.add(&muc4::score::score_document(templates, document));
    }
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "split": format!("{:?}", args.split).to_lowercase(),
            "score": total,
            "seconds": seconds,
        }))?;
    } else {
        crate::outln!("{}", total.render_table().trim_end());
        if args.predictions.is_none() {
            crate::outln!(
                "read in {seconds:.2} s ({:.0} documents/s)",
                gold.len() as f64 / seconds.max(1e-9)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn default_data() -> PathBuf {
    std::env::var_os("VIGIL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"))
        .join("data/muc4")
}

/// The gold documents of a split and each message's raw text (dateline included).
fn load_split(
    data: &Path,
    split: Split,
) -> anyhow::Result<(Vec<GoldDocument>, std::collections::HashMap<String, String>)> {
    let json_path = data.join("processed-gtt").join(split.json());
    let json = std::fs::read_to_string(&json_path)
        .with_context(|| format!("cannot read {}", json_path.display()))?;
    let mut gold = muc4::corpus::parse_processed(&json)
        .with_context(|| format!("{}: not processed-GTT JSON lines", json_path.display()))?;
    let mut keys = Vec::new();
    let mut texts = std::collections::HashMap::new();
    for folder in split.raw_folders() {
        let dir = data.join("raw/CORPORA").join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("vigil: note: {} is missing; scoring the JSON's roles only", dir.display());
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            let is_key = name.starts_with("key-");
            let is_text = name.starts_with(&format!("{folder}-muc")) && !name.contains("mixed");
            if !is_key && !is_text {
                continue;
            }
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            if is_key {
                keys.extend(muc4::keys::parse_keys(&text));
            } else {
                texts.extend(muc4::corpus::split_messages(&text));
            }
        }
    }
    let mismatched = muc4::corpus::attach_keys(&mut gold, &keys);
    if !keys.is_empty() && !mismatched.is_empty() {
        eprintln!(
            "vigil: note: {} messages' raw keys do not line up with the JSON ({}); their confidence, date and country are not scored",
            mismatched.len(),
            mismatched.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        );
    }
    Ok((gold, texts))
}

/// Runs the reader over every message, on as many threads as the machine has.
fn predict(
    global: &Global,
    gold: &[GoldDocument],
    texts: &std::collections::HashMap<String, String>,
    lexicon: Option<&Lexicon>,
    no_fallback: bool,
) -> anyhow::Result<Vec<Prediction>> {
    let reader = super::reader(global, None)?;
    let gazetteer = vigil_gazetteer::Gazetteer::builtin();
    let country_name = |code: &str| gazetteer.country(code).map(|place| place.name.clone());
    let missing = gold.iter().filter(|d| !texts.contains_key(&d.docid)).count();
    anyhow::ensure!(
        missing < gold.len(),
        "no raw texts found for this split under raw/CORPORA; the reader needs them"
    );
    if missing > 0 {
        eprintln!("vigil: note: {missing} messages have no raw text and get no templates");
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(8);
    let chunk = gold.len().div_ceil(threads).max(1);
    let reader = &reader;
    let adapter = &muc4::adapt::Adapter {
        country_name: &country_name,
        lexicon,
        dateline: None,
        fallback: !no_fallback,
    };
    let predictions = std::thread::scope(|scope| {
        let handles: Vec<_> = gold
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|document| {
                            let text = texts.get(&document.docid).map_or("", String::as_str);
                            let templates = read_message(reader, &document.docid, text, adapter);
                            Prediction { docid: document.docid.clone(), templates }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect::<Vec<_>>()
    });
    Ok(predictions)
}

/// One message through the reader; its publication date is its dateline's.
fn read_message(
    reader: &vigil_reader::Reader,
    docid: &str,
    text: &str,
    adapter: &muc4::adapt::Adapter<'_>,
) -> Vec<Template> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let document = Document {
        id: DocumentId::from_text(text),
        origin: format!("muc4:{docid}"),
        source: Some("FBIS".into()),
        url: None,
        title: None,
        author: None,
        published: vigil_extract::dates::dateline_date(text),
        language: Some("en".into()),
        media_type: MediaType::Text,
        text: text.to_string(),
        raw: Vec::new(),
        offsets: OffsetMap::default(),
        warnings: Vec::new(),
        duplicate_of: None,
        ingested_at: Some(Utc::now()),
    };
    let extraction = reader.extract(&document);
    let dateline = document.published.map(|day| (day, dateline_country(text)));
    let adapter = muc4::adapt::Adapter { dateline, ..*adapter };
    muc4::adapt::templates(&extraction, text, &adapter)
}

/// The country of the dateline's place ("SAN SALVADOR, 3 JAN 90 -- ..."), by name.
fn dateline_country(text: &str) -> Option<String> {
    let line = text.lines().find(|line| !line.trim().is_empty())?;
    let place = line.split(',').next()?.trim();
    let gazetteer = vigil_gazetteer::Gazetteer::builtin();
    let found = gazetteer.lookup(place);
    let best = found.iter().max_by_key(|p| p.population)?;
    gazetteer.country(&best.country).map(|country| country.name.clone())
}

fn read_predictions(path: &Path) -> anyhow::Result<Vec<Prediction>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}: not JSON", path.display(), index + 1))?;
        let docid = value["docid"].as_str().unwrap_or_default().to_string();
        let templates =
            value["templates"].as_array().into_iter().flatten().map(Template::from_json).collect();
        out.push(Prediction { docid, templates });
    }
    Ok(out)
}
