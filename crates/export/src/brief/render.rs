//! Rendering a briefing's sections as Markdown and as a standalone HTML page.

use std::fmt::Write as _;

use super::Block;

pub(super) fn markdown(
    title: &str,
    sections: &[(String, Vec<Block>)],
    sources: &[String],
) -> String {
    let mut out = format!("# {title}\n");
    for (heading, blocks) in sections {
        let _ = write!(out, "\n## {heading}\n\n");
        for block in blocks {
            match block {
                Block::Text(text) => {
                    let _ = writeln!(out, "{text}\n");
                }
                Block::List(items) => {
                    for item in items {
                        let _ = writeln!(out, "- {item}");
                    }
                    out.push('\n');
                }
                Block::Table(head, rows) => {
                    let _ = writeln!(out, "| {} |", head.join(" | "));
                    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
                    for row in rows {
                        let _ = writeln!(out, "| {} |", row.join(" | "));
                    }
                    out.push('\n');
                }
                Block::Svg(svg) => {
                    let _ = writeln!(out, "{svg}\n");
                }
            }
        }
    }
    out.push_str("\n## Sources\n\n");
    for source in sources {
        let _ = writeln!(out, "{source}");
    }
    out
}

pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Footnote marks `[^n]` become links to the sources list.
fn marks(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("[^") {
        out.push_str(&escape(&rest[..at]));
        let tail = &rest[at + 2..];
        match tail.find(']') {
            Some(end) if tail[..end].chars().all(|c| c.is_ascii_digit()) => {
                let n = &tail[..end];
                let _ = write!(out, "<sup><a href=\"#source-{n}\">{n}</a></sup>");
                rest = &tail[end + 1..];
            }
            _ => {
                out.push_str("[^");
                rest = tail;
            }
        }
    }
    out.push_str(&escape(rest));
    out
}

pub(super) fn html(title: &str, sections: &[(String, Vec<Block>)], sources: &[String]) -> String {
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title>\
         <style>body{{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.45}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccd;padding:.2em .5em}}</style>\
         </head><body>\n<h1>{0}</h1>\n",
        escape(title)
    );
    for (heading, blocks) in sections {
        let _ = writeln!(out, "<h2>{}</h2>", escape(heading));
        for block in blocks {
            match block {
                Block::Text(text) => {
                    let _ = writeln!(out, "<p>{}</p>", marks(text));
                }
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        let _ = writeln!(out, "<li>{}</li>", marks(item));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(head, rows) => {
                    out.push_str("<table><tr>");
                    for cell in head {
                        let _ = write!(out, "<th>{}</th>", escape(cell));
                    }
                    out.push_str("</tr>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for cell in row {
                            let _ = write!(out, "<td>{}</td>", marks(cell));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</table>\n");
                }
                Block::Svg(svg) => {
                    let _ = writeln!(out, "<figure>{svg}</figure>");
                }
            }
        }
    }
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for (at, source) in sources.iter().enumerate() {
        let text = source.split_once("]: ").map_or(source.as_str(), |(_, rest)| rest);
        let _ = writeln!(out, "<li id=\"source-{}\">{}</li>", at + 1, escape(text));
    }
    out.push_str("</ol>\n</body></html>\n");
    out
}
