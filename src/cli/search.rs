//! `isms search QUERY…`: the best matching controls first, as text or JSON.

use std::process::ExitCode;

use serde::Serialize;

use super::output::{Style, WIDTH, truncate};
use super::{EXIT_FINDINGS, TextOrJson};
use crate::domain::catalogue::Catalogue;
use crate::domain::search::{Field, Query, highlight, matched, search};
use crate::domain::text::sanitize_line;

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    title: &'a str,
    short_title: &'a str,
    aliases: &'a [String],
    score: u32,
    matched: Option<JsonMatched>,
}

/// Where a hit matched: the field of the control (as its JSON names it) and a snippet.
#[derive(Serialize)]
struct JsonMatched {
    field: &'static str,
    snippet: String,
}

pub fn run(
    catalogue: &Catalogue,
    text: &str,
    limit: usize,
    format: TextOrJson,
) -> anyhow::Result<ExitCode> {
    let query = Query::parse(text);
    let hits = search(catalogue, &query)?;
    let shown = &hits[..hits.len().min(limit)];
    match format {
        TextOrJson::Json => {
            let json: Vec<JsonHit> = shown
                .iter()
                .map(|hit| {
                    let control = &catalogue.controls()[hit.position];
                    JsonHit {
                        id: &control.id,
                        title: &control.title,
                        short_title: &control.short_title,
                        aliases: &control.aliases,
                        score: hit.score,
                        matched: matched(catalogue, hit, &query).map(|m| JsonMatched {
                            field: m.field.name(),
                            snippet: m.snippet,
                        }),
                    }
                })
                .collect();
            super::print::json_line(&serde_json::to_string_pretty(&json)?);
        }
        TextOrJson::Text => {
            let style = Style::detect();
            let id_width = super::columns::width(
                "",
                shown
                    .iter()
                    .map(|hit| catalogue.controls()[hit.position].id.as_str()),
                6,
            );
            // The title gets what the id leaves of 80 columns beside the theme (2 + 14).
            let title_width = WIDTH.saturating_sub(id_width + 16).max(20);
            for hit in shown {
                let control = &catalogue.controls()[hit.position];
                let title = truncate(&sanitize_line(&control.title), title_width);
                let marked = highlight(&title, &query);
                let pad = title_width.saturating_sub(title.chars().count());
                outln!(
                    "{}{}{}  {}",
                    super::columns::pad(&sanitize_line(&control.id), id_width),
                    style.marked(&title, &marked),
                    " ".repeat(pad),
                    style.dim(&truncate(control.theme.name(), 14))
                );
                // Every hit says where it matched; the id and title are on the line above, so
                // those name the field only.
                if let Some(why) = matched(catalogue, hit, &query) {
                    let label = format!("matched in {}", why.field.name());
                    if matches!(why.field, Field::Title | Field::Id) {
                        outln!("      {}", style.dim(&label));
                        continue;
                    }
                    let room = WIDTH.saturating_sub(6 + label.chars().count() + 4);
                    let snippet = truncate(&sanitize_line(&why.snippet), room);
                    outln!(
                        "      {} \"{}\"",
                        style.dim(&format!("{label}:")),
                        style.marked(&snippet, &highlight(&snippet, &query))
                    );
                }
            }
            if hits.len() > shown.len() {
                outln!(
                    "{}",
                    style.dim(&format!(
                        "… {} more (use --limit)",
                        hits.len() - shown.len()
                    ))
                );
            }
        }
    }
    if hits.is_empty() {
        errln!("isms: no control matches {:?}", sanitize_line(text));
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    Ok(ExitCode::SUCCESS)
}
