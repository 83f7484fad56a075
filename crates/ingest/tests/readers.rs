//! Each reader on its fixtures, snapshotted: text, Markdown, HTML, feeds, JSON Lines and CSV.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod common;

use chrono::NaiveDate;
use common::{failures, fixture, parse_fixture, parse_fixture_with, render};
use vigil_domain::MediaType;
use vigil_ingest::{FieldMap, Format, FormatHint, Overrides, ReadOptions, parse};

#[test]
fn plain_text_article() {
    let output = parse_fixture("port-blast.txt");
    insta::assert_snapshot!(render(&output));
    let document = &output.documents[0];
    assert_eq!(
        document.title.as_deref(),
        Some("Explosion Rips Through Fuel Depot in Harbour District")
    );
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2024, 4, 2));
    assert_eq!(document.language.as_deref(), Some("en"));
    for gone in [
        "Text Size",
        "Share",
        "Print",
        "+44",
        "newsroom@",
        "Quayside Road",
        "©",
        "Powered",
        "independent news agency",
    ] {
        assert!(!document.text.contains(gone), "{gone:?} left in the text");
    }
    assert!(document.text.ends_with("blamed on a faulty valve."));
    // Plain text maps exactly: every segment is a copy of the raw bytes.
    assert!(document.offsets.0.iter().all(|segment| segment.exact));
    let at = document.text.find("shattered windows several").unwrap();
    let (start, end) = document.offsets.raw_range(at, at + "shattered windows".len()).unwrap();
    assert_eq!(&document.raw[start..end], b"shattered windows");
}

#[test]
fn markdown_briefing() {
    let output = parse_fixture("briefing.md");
    insta::assert_snapshot!(render(&output));
    let document = &output.documents[0];
    assert_eq!(document.media_type, MediaType::Markdown);
    assert_eq!(document.title.as_deref(), Some("Weekly security briefing"));
    assert_eq!(document.author.as_deref(), Some("Desk Team"));
    assert!(
        !document.text.contains("**")
            && !document.text.contains("](")
            && !document.text.contains("Share")
    );
}

#[test]
fn html_article_with_chrome() {
    let output = parse_fixture("bridge-attack.html");
    insta::assert_snapshot!(render(&output));
    let document = &output.documents[0];
    assert_eq!(document.media_type, MediaType::Html);
    assert_eq!(document.title.as_deref(), Some("Gunmen attack checkpoint on river bridge"));
    assert_eq!(document.source.as_deref(), Some("The Lantern"));
    assert_eq!(document.author.as_deref(), Some("Mira Okonjo"));
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2024, 3, 18));
    assert_eq!(document.url.as_deref(), Some("https://lantern.example/2024/03/bridge-attack"));
    for gone in [
        "cookies",
        "Home",
        "Tweet",
        "Most read",
        "Mill Street",
        "+1 555",
        "desk@",
        "©",
        "All rights",
    ] {
        assert!(!document.text.contains(gone), "{gone:?} left in the text");
    }
    assert!(document.text.contains("Three soldiers were killed"));
    assert!(document.text.contains("searched the surrounding villages."));
    // Paragraphs stay apart, and each is located in the raw page.
    assert_eq!(document.text.matches("\n\n").count(), 3);
    assert_eq!(document.offsets.0.len(), 4);
    let first = &document.offsets.0[0];
    let raw = std::str::from_utf8(&document.raw[first.raw_start..first.raw_end]).unwrap();
    assert!(raw.starts_with("Three soldiers") && raw.ends_with("defence ministry said."), "{raw}");
}

#[test]
fn truncated_html_still_gives_text() {
    let output = parse_fixture("truncated.html");
    assert!(output.failures.is_empty(), "{:?}", failures(&output));
    let document = &output.documents[0];
    assert!(document.text.contains("extended the overnight curfew"), "{}", document.text);
    assert!(document.text.contains("remain ban"), "{}", document.text);
}

#[test]
fn rss_items_and_an_item_without_text() {
    let output = parse_fixture("wire.rss");
    insta::assert_snapshot!(render(&output));
    assert_eq!(output.documents.len(), 2);
    assert_eq!(failures(&output), vec!["wire.rss#item=3: item has no text"]);
    let first = &output.documents[0];
    assert_eq!(first.origin, "wire.rss#item=1");
    assert_eq!(first.media_type, MediaType::FeedItem);
    assert_eq!(first.source.as_deref(), Some("Coastal Wire"));
    assert_eq!(first.author.as_deref(), Some("Tomas Reyne"));
    assert_eq!(first.url.as_deref(), Some("https://wire.example/ferry-threat"));
    assert_eq!(first.published, NaiveDate::from_ymd_opt(2024, 3, 19));
    let raw = std::str::from_utf8(&first.raw).unwrap();
    assert!(raw.starts_with("<item>") && raw.ends_with("</item>") && !raw.contains("Patrol boat"));
}

#[test]
fn atom_entries() {
    let output = parse_fixture("alerts.atom");
    insta::assert_snapshot!(render(&output));
    assert_eq!(output.documents.len(), 2);
    assert_eq!(output.documents[1].published, NaiveDate::from_ymd_opt(2024, 3, 22));
    assert_eq!(output.documents[1].url.as_deref(), Some("https://alerts.example/reopened"));
}

#[test]
fn json_feed_items() {
    let output = parse_fixture("digest.json");
    insta::assert_snapshot!(render(&output));
    assert_eq!(output.documents.len(), 2);
    let first = &output.documents[0];
    assert_eq!(first.origin, "digest.json#item=1");
    assert_eq!(first.source.as_deref(), Some("Regional Digest"));
    let raw: serde_json::Value = serde_json::from_slice(&first.raw).unwrap();
    assert_eq!(raw["id"], "1");
}

#[test]
fn a_broken_item_is_salvaged_around() {
    let output = parse_fixture("broken-item.rss");
    insta::assert_snapshot!(render(&output));
    let titles: Vec<_> =
        output.documents.iter().filter_map(|document| document.title.as_deref()).collect();
    assert_eq!(titles, vec!["Bridge reopens after repairs", "Landslide blocks mountain road"]);
    assert_eq!(output.documents[1].origin, "broken-item.rss#item=3");
    assert_eq!(output.documents[0].source.as_deref(), Some("Valley Courier"));
    let failures = failures(&output);
    assert!(failures[0].starts_with("broken-item.rss: malformed feed:"), "{failures:?}");
    assert!(failures[0].contains("salvaged 2 of 3 items"), "{failures:?}");
    assert!(failures[1].starts_with("broken-item.rss#item=2: malformed feed item"), "{failures:?}");
}

#[test]
fn a_truncated_feed_keeps_its_complete_items() {
    let output = parse_fixture("truncated.rss");
    assert_eq!(output.documents.len(), 1);
    assert_eq!(output.documents[0].title.as_deref(), Some("Flood warning issued"));
    let failures = failures(&output);
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].starts_with("truncated.rss: malformed feed"));
    assert_eq!(failures[1], "truncated.rss#item=2: malformed feed item: truncated item");
}

#[test]
fn garbage_that_claims_to_be_a_feed() {
    let output = parse(
        "junk.xml",
        b"<rss version=\"2.0\"><channel><title>x",
        FormatHint::none(),
        &ReadOptions::default(),
    );
    assert!(output.documents.is_empty());
    assert_eq!(output.failures.len(), 1);
    assert!(output.failures[0].to_string().starts_with("junk.xml: malformed feed"));
    let output = parse(
        "junk.json",
        b"{\"version\": \"https://jsonfeed.org/version/1\", ",
        FormatHint::none(),
        &ReadOptions::default(),
    );
    assert!(failures(&output)[0].starts_with("junk.json: malformed feed: invalid json"));
}

#[test]
fn json_lines_with_bad_lines() {
    let output = parse_fixture("reports.jsonl");
    insta::assert_snapshot!(render(&output));
    let origins: Vec<_> =
        output.documents.iter().map(|document| document.origin.as_str()).collect();
    assert_eq!(origins, vec!["reports.jsonl#line=1", "reports.jsonl#line=5"]);
    let failures = failures(&output);
    assert!(failures[0].starts_with("reports.jsonl#line=2: malformed json: "), "{failures:?}");
    assert_eq!(failures[1], "reports.jsonl#line=4: no text field (tried text, body, content)");
    assert_eq!(failures[2], "reports.jsonl#line=6: malformed json: not an object");
    let first = &output.documents[0];
    assert_eq!(first.source.as_deref(), Some("Metro Desk"));
    assert_eq!(first.author.as_deref(), Some("Lee Park"));
    assert!(std::str::from_utf8(&first.raw).unwrap().starts_with("{\"text\": \"Armed men"));
    assert_eq!(output.documents[1].published, NaiveDate::from_ymd_opt(2024, 3, 17));
    assert_eq!(
        output.documents[1].text,
        "A fire at a warehouse near the docks was started deliberately, investigators said."
    );
}

#[test]
fn csv_rows_with_bad_rows() {
    let output = parse_fixture("reports.csv");
    insta::assert_snapshot!(render(&output));
    let origins: Vec<_> =
        output.documents.iter().map(|document| document.origin.as_str()).collect();
    assert_eq!(origins, vec!["reports.csv#row=1", "reports.csv#row=3"]);
    assert_eq!(
        failures(&output),
        vec![
            "reports.csv#row=2: malformed csv: expected 5 fields, found 2",
            "reports.csv#row=4: item has no text"
        ]
    );
    let ambush = &output.documents[1];
    assert_eq!(ambush.published, NaiveDate::from_ymd_opt(2024, 3, 11));
    assert_eq!(
        ambush.text,
        "Insurgents ambushed a supply convoy on the northern route.\n\nTwo drivers were wounded."
    );
    assert!(std::str::from_utf8(&ambush.raw).unwrap().starts_with("Ambush on supply route,"));
    assert!(std::str::from_utf8(&ambush.raw).unwrap().ends_with("wounded.\""));
}

#[test]
fn tsv_with_other_field_names() {
    let output = parse_fixture("reports.tsv");
    assert_eq!(output.documents.len(), 1, "{:?}", failures(&output));
    let document = &output.documents[0];
    assert_eq!(document.title.as_deref(), Some("Grenade found in park"));
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2024, 3, 9));
}

#[test]
fn a_single_pretty_printed_json_object() {
    let bytes = b"{\n  \"title\": \"Depot fire\",\n  \"text\": \"A fire destroyed the bus depot on Monday.\"\n}\n";
    let output =
        parse("one.json", bytes, FormatHint::from_path("one.json"), &ReadOptions::default());
    assert!(output.failures.is_empty(), "{:?}", failures(&output));
    assert_eq!(output.documents[0].origin, "one.json#item=1");
    assert_eq!(output.documents[0].title.as_deref(), Some("Depot fire"));
}

#[test]
fn a_json_array_of_records() {
    let bytes = br#"[{"text": "Shots were fired at the consulate overnight."}, 7]"#;
    let output =
        parse("many.json", bytes, FormatHint::from_path("many.json"), &ReadOptions::default());
    assert_eq!(output.documents[0].origin, "many.json#item=1");
    let raw: serde_json::Value = serde_json::from_slice(&output.documents[0].raw).unwrap();
    assert_eq!(raw["text"], "Shots were fired at the consulate overnight.");
    assert_eq!(failures(&output), vec!["many.json#item=2: malformed json: not an object"]);
}

#[test]
fn a_field_map_picks_other_columns() {
    let bytes = b"{\"story\": {\"body\": \"Rockets hit the airport on Sunday.\"}, \"name\": \"Airport hit\"}\n";
    let options = ReadOptions {
        fields: FieldMap {
            text: Some("story.body".into()),
            title: Some("name".into()),
            ..FieldMap::default()
        },
        ..ReadOptions::default()
    };
    let output = parse("x.jsonl", bytes, FormatHint::from_path("x.jsonl"), &options);
    assert_eq!(output.documents[0].text, "Rockets hit the airport on Sunday.");
    assert_eq!(output.documents[0].title.as_deref(), Some("Airport hit"));
}

#[test]
fn overrides_win_for_whole_inputs_and_fill_for_items() {
    let overrides = Overrides {
        source: Some("Caller Source".into()),
        published: NaiveDate::from_ymd_opt(2020, 1, 1),
        title: Some("Caller Title".into()),
    };
    let options = ReadOptions { overrides, ..ReadOptions::default() };
    let text = parse_fixture_with("port-blast.txt", &options);
    let document = &text.documents[0];
    assert_eq!(document.title.as_deref(), Some("Caller Title"));
    assert_eq!(document.source.as_deref(), Some("Caller Source"));
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2020, 1, 1));

    let feed = parse_fixture_with("wire.rss", &options);
    let item = &feed.documents[0];
    assert_eq!(item.source.as_deref(), Some("Coastal Wire"));
    assert_eq!(item.published, NaiveDate::from_ymd_opt(2024, 3, 19));
    assert_eq!(item.title.as_deref(), Some("Ferry evacuated after bomb threat"));

    let dump = parse_fixture_with("reports.jsonl", &options);
    let warehouse = &dump.documents[1];
    assert_eq!(warehouse.source.as_deref(), Some("Caller Source"));
    assert_eq!(warehouse.published, NaiveDate::from_ymd_opt(2024, 3, 17));
}

#[test]
fn a_forced_format_beats_sniffing() {
    let html = std::fs::read(fixture("bridge-attack.html")).unwrap();
    let options = ReadOptions { format: Some(Format::Text), ..ReadOptions::default() };
    let output = parse("page", &html, FormatHint::none(), &options);
    assert_eq!(output.documents[0].media_type, MediaType::Text);
    assert!(output.documents[0].text.contains("<meta"));
}

#[test]
fn the_same_text_gets_the_same_id() {
    let one = parse(
        "a.txt",
        b"Gunmen attacked\n\nthe hall.",
        FormatHint::none(),
        &ReadOptions::default(),
    );
    let two = parse(
        "b.txt",
        b"Gunmen   attacked\n\n\nthe hall.  ",
        FormatHint::none(),
        &ReadOptions::default(),
    );
    assert_eq!(one.documents[0].id, two.documents[0].id);
}

#[test]
fn the_shared_corpus_article_loses_its_footer() {
    let Ok(shared) = std::env::var("VIGIL_SHARED") else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let path = std::path::Path::new(&shared).join("corpus/dss-2024-03-29-moscow-attack.txt");
    let bytes = std::fs::read(&path).unwrap();
    let output = parse("dss.txt", &bytes, FormatHint::from_path(&path), &ReadOptions::default());
    let document = &output.documents[0];
    common::check_offsets(document);
    assert!(
        document.text.starts_with("Reading Between the Lines of Islamic State’s Moscow Attack\n\n")
    );
    assert!(
        document
            .text
            .ends_with("mobilizing domestic public opinion behind the Russian war in Ukraine.")
    );
    assert!(document.text.contains("IS Khorasan vs. Russia"));
    for gone in ["Text Size", "00442036758971", "info@", "Great West Road", "©", "Powered with"] {
        assert!(!document.text.contains(gone), "{gone:?} left in the text");
    }
    assert_eq!(
        document.title.as_deref(),
        Some("Reading Between the Lines of Islamic State’s Moscow Attack")
    );
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2024, 3, 29));
    assert_eq!(document.language.as_deref(), Some("en"));
}

#[test]
fn rss_one_point_zero_items() {
    let rdf = br#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example/"><title>Old Wire</title><link>https://old.example/</link>
<items><rdf:Seq><rdf:li rdf:resource="https://old.example/1"/></rdf:Seq></items></channel>
<item rdf:about="https://old.example/1"><title>Rail line sabotaged</title><link>https://old.example/1</link>
<description>Saboteurs damaged the rail line north of the capital on Sunday night.</description>
<dc:date>2024-03-10T08:00:00Z</dc:date></item>
</rdf:RDF>"#;
    let output = parse("old.rdf", rdf, FormatHint::none(), &ReadOptions::default());
    assert_eq!(output.documents.len(), 1, "{:?}", failures(&output));
    let item = &output.documents[0];
    assert_eq!(item.source.as_deref(), Some("Old Wire"));
    assert_eq!(item.published, NaiveDate::from_ymd_opt(2024, 3, 10));
    assert!(std::str::from_utf8(&item.raw).unwrap().starts_with("<item rdf:about"));
}

#[test]
fn a_broken_atom_entry_is_salvaged_around() {
    let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Good one</title><summary>Troops withdrew from the town on Monday after a week of fighting.</summary></entry>
<entry><title>Bad one</title><summary>Unclosed <b>bold</summary></entry>
</feed>"#;
    let output = parse("desk.atom", atom, FormatHint::none(), &ReadOptions::default());
    assert_eq!(output.documents.len(), 1);
    assert_eq!(output.documents[0].source.as_deref(), Some("Atom Desk"));
    let failures = failures(&output);
    assert!(failures[0].contains("salvaged 1 of 2 items"), "{failures:?}");
    assert!(failures[1].starts_with("desk.atom#item=2: malformed feed item"), "{failures:?}");
}

#[test]
fn a_declared_legacy_charset_decodes_the_page() {
    let mut page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 bombing</title></head><body><p>A bomb exploded outside a caf\xe9 in the old town on Saturday, injuring four people, police said.</p></body></html>".to_vec();
    page.extend_from_slice(b"\n");
    let output = parse("cafe.html", &page, FormatHint::none(), &ReadOptions::default());
    let document = &output.documents[0];
    assert_eq!(document.title.as_deref(), Some("Café bombing"));
    assert!(document.text.contains("outside a café in the old town"), "{}", document.text);
    assert_eq!(document.warnings, vec!["not valid utf-8; decoded as windows-1252"]);
}

#[test]
fn markdown_is_sniffed_without_a_hint() {
    let output = parse(
        "-",
        b"# Roadblock set on fire\n\nProtesters set fire to a roadblock.",
        FormatHint::none(),
        &ReadOptions::default(),
    );
    assert_eq!(output.documents[0].media_type, MediaType::Markdown);
    assert_eq!(output.documents[0].origin, "-");
    assert_eq!(output.documents[0].title.as_deref(), Some("Roadblock set on fire"));
}
