//! `vigil eval muc4`: the reader on a MUC-4 split, mapped to templates and scored (GTT's metric
//! plus perpetrator confidence, date and country from the raw keys).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::Utc;
use vigil_domain::Document;
use vigil_eval::muc4::model::Models;
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
    /// The learned models (`vigil train muc4`); default: trained now on the train split of DIR.
    #[arg(long, value_name = "MODELS.json")]
    model: Option<PathBuf>,
    /// Read with the rules only, no learned models.
    #[arg(long, conflicts_with = "model")]
    rules_only: bool,
    /// Open no template where the reader found no incident (see `adapt::TRIGGERS`).
    #[arg(long)]
    no_fallback: bool,
    /// Keep every template the adapter opens: no learned template gate.
    #[arg(long, conflicts_with = "rules_only")]
    no_gate: bool,
    /// Keep templates at this gate probability instead of the model's threshold (for tuning).
    #[arg(long, value_name = "P", conflicts_with = "no_gate")]
    gate_threshold: Option<f32>,
    /// Merge a message's templates at this merge probability instead of the model's threshold
    /// (for tuning; above 1 merges none).
    #[arg(long, value_name = "P", conflicts_with = "rules_only")]
    merge_threshold: Option<f32>,
}

/// `vigil train ...`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum TrainCommand {
    /// Learn the MUC-4 role lexicon, role classifier, template gate and template merge from a
    /// split (default: train).
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
    /// Where to write the models (JSON).
    #[arg(long, short, value_name = "MODELS.json")]
    out: PathBuf,
}

/// `vigil train muc4`: learns the models from a split and writes them.
pub(crate) fn train(global: &Global, args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let data = args.data.clone().unwrap_or_else(default_data);
    let models = learn(global, &data, args.split)?;
    let json = serde_json::to_string(&models)?;
    std::fs::write(&args.out, json + "\n")
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    if !global.quiet {
        eprintln!(
            "vigil: {} lexicon phrases, a role classifier, a template gate ({} features) and a template merge ({} features) learned from {} -> {}",
            models.lexicon.entries.len(),
            models.gate.as_ref().map_or(0, |gate| gate.weights.len()),
            models.merge.as_ref().map_or(0, |merge| merge.weights.len()),
            models.trained_on,
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn learn(global: &Global, data: &Path, split: Split) -> anyhow::Result<Models> {
    let (gold, texts) = load_split(data, split)?;
    learn_from(global, split, &gold, &texts)
}

/// The models learned from a split already read: the lexicon and role classifier, then the
/// template gate and merge on the templates the reader and those two open on the same split.
fn learn_from(
    global: &Global,
    split: Split,
    gold: &[GoldDocument],
    texts: &std::collections::HashMap<String, String>,
) -> anyhow::Result<Models> {
    let messages: Vec<(&GoldDocument, &str)> = gold
        .iter()
        .filter_map(|document| texts.get(&document.docid).map(|text| (document, text.as_str())))
        .collect();
    anyhow::ensure!(!messages.is_empty(), "no texts to learn from in the {split:?} split");
    let mut models = Models::train(&format!("{split:?}").to_lowercase(), &messages);
    structure_examples(global, gold, texts, &mut models)?;
    Ok(models)
}

/// The templates the reader and the models open on a split, each as the gate's features and
/// whether the scorer aligns it with a gold template; and each pair of them in one message, as
/// the merge's features and whether they are one incident of the key
/// ([`muc4::merge::same_incident`]).
fn structure_examples(
    global: &Global,
    gold: &[GoldDocument],
    texts: &std::collections::HashMap<String, String>,
    models: &mut Models,
) -> anyhow::Result<()> {
    let (read, _) =
        read_split(global, gold, texts, Some(models), true, |extraction, text, adapter| {
            let candidates = muc4::adapt::candidates(extraction, text, adapter);
            (candidates, adapter.dateline.as_ref().map(|(day, _)| *day))
        })?;
    let mut gate = Vec::new();
    let mut alignments = Vec::new();
    for (document, (candidates, day)) in gold.iter().zip(&read) {
        let text = texts.get(&document.docid).map_or("", String::as_str);
        let templates: Vec<Template> = candidates.iter().map(|c| c.template.clone()).collect();
        let aligned = muc4::score::alignment(&templates, document);
        for (candidate, aligned) in candidates.iter().zip(&aligned) {
            let context = candidate.context(text, *day, candidates.len());
            gate.push((muc4::gate::features(&context), aligned.is_some()));
        }
        alignments.push(aligned);
    }
    models.train_gate(&gate);
    let mut merge = Vec::new();
    for ((document, (candidates, day)), aligned) in gold.iter().zip(&read).zip(&alignments) {
        let text = texts.get(&document.docid).map_or("", String::as_str);
        let count = candidates.len();
        let support = |c: &muc4::adapt::Candidate| {
            models
                .gate
                .as_ref()
                .map(|g| g.probability(&muc4::gate::features(&c.context(text, *day, count))))
        };
        // Every pair, not only those the gate keeps: learned from the pairs the gate keeps on
        // train (in sample, it keeps most), the merge read dev worse (template F1 39.4).
        for (i, a) in candidates.iter().enumerate() {
            for (j, b) in candidates.iter().enumerate().skip(i + 1) {
                let pair = support(a).zip(support(b)).map(|(x, y)| [x, y]);
                let features = muc4::merge::features(a, b, text, count, pair);
                let label = muc4::merge::same_incident(
                    &a.template,
                    &b.template,
                    (aligned[i], aligned[j]),
                    &document.templates,
                );
                merge.push((features, label));
            }
        }
    }
    models.train_merge(&merge);
    Ok(())
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let data = args.data.clone().unwrap_or_else(default_data);
    let (gold, texts) = load_split(&data, args.split)?;
    let (predictions, seconds) = match &args.predictions {
        Some(path) => (read_predictions(path)?, None),
        None => {
            let mut models: Option<Models> = match (&args.model, args.rules_only) {
                (_, true) => None,
                (Some(path), false) => {
                    let text = std::fs::read_to_string(path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    Some(serde_json::from_str(&text).with_context(|| {
                        format!("{}: not models from `vigil train muc4`", path.display())
                    })?)
                }
                (None, false) if matches!(args.split, Split::Train) => {
                    eprintln!(
                        "vigil: note: the models are trained on the split scored; this is training accuracy"
                    );
                    // The split is read already: learn from it rather than read it again.
                    Some(learn_from(global, Split::Train, &gold, &texts)?)
                }
                (None, false) => Some(learn(global, &data, Split::Train)?),
            };
            for models in models.iter_mut() {
                if args.no_gate {
                    models.gate = None;
                }
                if let (Some(gate), Some(threshold)) = (&mut models.gate, args.gate_threshold) {
                    gate.threshold = threshold;
                }
                if let (Some(merge), Some(threshold)) = (&mut models.merge, args.merge_threshold) {
                    merge.threshold = threshold;
                }
            }
            let (templates, seconds) = read_split(
                global,
                &gold,
                &texts,
                models.as_ref(),
                !args.no_fallback,
                muc4::adapt::templates,
            )?;
            let predictions = gold
                .iter()
                .zip(templates)
                .map(|(document, templates)| Prediction {
                    docid: document.docid.clone(),
                    templates,
                })
                .collect();
            (predictions, Some(seconds))
        }
    };
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
            "reading_seconds": seconds,
        }))?;
    } else {
        crate::outln!("{}", total.render_table().trim_end());
        if let Some(seconds) = seconds {
            crate::outln!(
                "read and mapped in {seconds:.2} s ({:.0} documents/s; models built before)",
                gold.len() as f64 / seconds.max(1e-9)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn default_data() -> PathBuf {
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
    // Where a split's raw texts are missing, the JSON's own (lower case, no dateline) stand in.
    let mut stand_ins = 0;
    for (docid, text) in muc4::corpus::processed_texts(&json) {
        if let std::collections::hash_map::Entry::Vacant(slot) = texts.entry(docid) {
            slot.insert(text);
            stand_ins += 1;
        }
    }
    if stand_ins > 0 {
        eprintln!(
            "vigil: note: {stand_ins} messages have no raw text; their processed JSON text (lower case, no dateline) is read instead"
        );
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

/// Runs the reader over every message of a split (in the order of `gold`), on as many threads
/// as the machine has, and maps each message's reading with `map`; returns the results and the
/// seconds reading took (the reader's tables built before).
fn read_split<T: Send>(
    global: &Global,
    gold: &[GoldDocument],
    texts: &std::collections::HashMap<String, String>,
    models: Option<&Models>,
    fallback: bool,
    map: impl Fn(&vigil_domain::Extraction, &str, &muc4::adapt::Adapter<'_>) -> T + Sync,
) -> anyhow::Result<(Vec<T>, f64)> {
    let reader = super::reader(global, None)?;
    // Build the reader's tables now, so that the clock below times reading alone.
    let _ = reader.extract(&message_document("warm-up", "NOTHING HAPPENED."));
    let gazetteer = vigil_gazetteer::Gazetteer::builtin();
    let country_name = |code: &str| gazetteer.country(code).map(|place| place.name.clone());
    let missing = gold.iter().filter(|d| !texts.contains_key(&d.docid)).count();
    anyhow::ensure!(
        missing < gold.len(),
        "no texts found for this split (raw/CORPORA or the processed JSON); the reader needs them"
    );
    if missing > 0 {
        eprintln!("vigil: note: {missing} messages have no text and get no templates");
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(8);
    let chunk = gold.len().div_ceil(threads).max(1);
    let reader = &reader;
    let map = &map;
    let adapter = &muc4::adapt::Adapter {
        country_name: &country_name,
        lexicon: models.map(|m| &m.lexicon),
        roles: models.map(|m| &m.roles),
        gate: models.and_then(|m| m.gate.as_ref()),
        merge: models.and_then(|m| m.merge.as_ref()),
        dateline: None,
        fallback,
    };
    let started = std::time::Instant::now();
    let results = std::thread::scope(|scope| {
        let handles: Vec<_> = gold
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|document| {
                            let text = texts.get(&document.docid).map_or("", String::as_str);
                            read_message(reader, &document.docid, text, adapter, map)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join()).collect::<Result<Vec<_>, _>>()
    })
    .map_err(|_| anyhow::anyhow!("a reading thread panicked"))?;
    Ok((results.into_iter().flatten().collect(), started.elapsed().as_secs_f64()))
}

/// One message through the reader (its publication date is its dateline's), then `map`.
fn read_message<T>(
    reader: &vigil_reader::Reader,
    docid: &str,
    text: &str,
    adapter: &muc4::adapt::Adapter<'_>,
    map: impl Fn(&vigil_domain::Extraction, &str, &muc4::adapt::Adapter<'_>) -> T,
) -> T {
    if text.trim().is_empty() {
        return map(&vigil_domain::Extraction::default(), text, adapter);
    }
    let document = message_document(docid, text);
    let extraction = reader.extract(&document);
    let dateline = document.published.map(|day| (day, dateline_country(text)));
    let adapter = muc4::adapt::Adapter { dateline, ..*adapter };
    map(&extraction, text, &adapter)
}

/// A MUC-4 message as a document; its publication date is its dateline's.
fn message_document(docid: &str, text: &str) -> Document {
    Document {
        source: Some("FBIS".into()),
        published: vigil_extract::dates::dateline_date(text),
        ingested_at: Some(Utc::now()),
        ..Document::english_text(format!("muc4:{docid}"), text)
    }
}

/// The country of the dateline's place ("SAN SALVADOR, 3 JAN 90 -- ..."), by name; when the
/// place is none ("CLANDESTINE") or not found, the first of MUC-4's nine countries the text
/// names (dev country F1 51.9 without, 55.4 with).
fn dateline_country(text: &str) -> Option<String> {
    let by_place = || {
        let line = text.lines().find(|line| !line.trim().is_empty())?;
        let place = line.split(',').next()?.trim();
        let gazetteer = vigil_gazetteer::Gazetteer::builtin();
        let found = gazetteer.lookup(place);
        let best = found.iter().max_by_key(|p| p.population)?;
        gazetteer.country(&best.country).map(|country| country.name.clone())
    };
    by_place().or_else(|| muc4::gate::first_country_named(text).map(str::to_string))
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
