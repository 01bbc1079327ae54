//! Looking up framework nodes from the shell: `isms show csf2:GV.SC-07` shows a node with its
//! ISO mappings per source; `isms search 'fw:csf2 supply chain'` (or `fw:all`) searches nodes;
//! `isms search csf2:PR.AA-05` lists the ISO controls each source maps that node to.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::framework::all;
use super::output::{Style, truncate, wrap_paragraphs};
use super::{EXIT_BAD_INPUT, EXIT_FINDINGS, TextOrJson};
use crate::domain::catalogue::Catalogue;
use crate::domain::framework::{Framework, IsoTarget, Node, search_nodes};
use crate::domain::text::{sanitize, sanitize_line};

/// Whether a search query is for frameworks: it names `fw:ID`, or is `FW:NODE` alone.
pub fn is_framework_query(query: &str) -> bool {
    query.split_whitespace().any(|w| w.starts_with("fw:"))
        || (query.split_whitespace().count() == 1 && split_node_ref(query.trim()).is_some())
}

/// `csf2:GV.SC-07` → (`csf2`, `GV.SC-07`); `csf:` is accepted for `csf2`.
pub fn split_node_ref(text: &str) -> Option<(&str, &str)> {
    crate::domain::framework::split_node_ref(text)
}

fn find<'a>(frameworks: &'a [Framework], id: &str) -> Option<&'a Framework> {
    frameworks.iter().find(|f| f.id.eq_ignore_ascii_case(id))
}

#[derive(Serialize)]
struct JsonMapping<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'static str,
    title: Option<String>,
    relationship: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    framework: &'a str,
    #[serde(flatten)]
    node: &'a Node,
    mappings: Vec<JsonMapping<'a>>,
}

/// `isms show FW:NODE`.
pub fn show(
    dir: &Path,
    catalogue: &Catalogue,
    typed: &str,
    format: TextOrJson,
) -> anyhow::Result<ExitCode> {
    let frameworks = all(dir)?;
    let Some((fw_id, node_id)) = split_node_ref(typed) else {
        return not_found(typed);
    };
    let Some(framework) = find(&frameworks, fw_id) else {
        errln!(
            "isms: no framework {:?}; known: {}",
            sanitize_line(fw_id),
            ids(&frameworks)
        );
        return Ok(ExitCode::from(EXIT_FINDINGS));
    };
    let Some(node) = framework.node(node_id) else {
        return not_found(typed);
    };
    let mappings: Vec<JsonMapping> = framework
        .mappings_of(&node.id, None)
        .map(|m| {
            let (kind, title) = match m.iso_target() {
                Ok(IsoTarget::Control(id)) => {
                    ("annex_a", catalogue.get(id).map(|c| c.title.clone()))
                }
                _ => ("clause", None),
            };
            JsonMapping {
                source: &m.source,
                target: &m.target,
                kind,
                title,
                relationship: m.relationship.as_deref(),
            }
        })
        .collect();
    match format {
        TextOrJson::Json => {
            let json = JsonNode {
                framework: &framework.id,
                node,
                mappings,
            };
            super::print::json_line(&serde_json::to_string_pretty(&json)?);
        }
        TextOrJson::Text => print_node(framework, node, &mappings),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_node(framework: &Framework, node: &Node, mappings: &[JsonMapping]) {
    let style = Style::detect();
    let heading = sanitize_line(&format!("{}  {}", node.id, node.title));
    outln!("{}", style.bold(wrap_paragraphs(&heading, "").trim_end()));
    let mut path = Vec::new();
    let mut parent = node.parent.as_deref();
    while let Some(id) = parent {
        let Some(up) = framework.node(id) else { break };
        path.push(format!("{} {}", up.id, up.title));
        parent = up.parent.as_deref();
    }
    path.reverse();
    let context = wrap_paragraphs(
        &sanitize_line(&format!(
            "{} {} · {}{}{}",
            framework.name,
            framework.version,
            if node.kind.is_empty() {
                "node"
            } else {
                &node.kind
            },
            if path.is_empty() { "" } else { " in " },
            path.join(" › ")
        )),
        "",
    );
    outln!("{}", style.dim(&context));
    if node.withdrawn {
        outln!("{}", style.accent("Withdrawn by its publisher."));
    }
    if !node.text.is_empty() {
        outln!("\n{}", wrap_paragraphs(&sanitize(&node.text), ""));
    }
    if !node.related.is_empty() {
        outln!("\nRelated: {}", sanitize_line(&node.related.join(", ")));
    }
    let mut sources: Vec<&str> = mappings.iter().map(|m| m.source).collect();
    sources.dedup();
    if mappings.is_empty() && !framework.mappings.is_empty() {
        outln!("\nNo source maps this node to ISO/IEC 27001:2022.");
    }
    let target_width = super::columns::width("", mappings.iter().map(|m| m.target), 8);
    for source in sources {
        outln!(
            "\n{} (informative mapping, not a conformance claim):",
            style.heading(&sanitize_line(source))
        );
        for m in mappings.iter().filter(|m| m.source == source) {
            let what = match (&m.title, m.kind) {
                (Some(title), _) => title.clone(),
                (None, "clause") => "clause of ISO/IEC 27001".to_string(),
                (None, _) => String::new(),
            };
            let relationship = m
                .relationship
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            outln!(
                "  {}{}{}",
                super::columns::pad(&sanitize_line(m.target), target_width),
                truncate(&sanitize_line(&what), 60),
                sanitize_line(&relationship)
            );
        }
    }
}

/// `isms search` with `fw:ID` or `fw:all`, or a lone `FW:NODE`.
pub fn search(
    dir: &Path,
    catalogue: &Catalogue,
    query: &str,
    limit: usize,
    format: TextOrJson,
) -> anyhow::Result<ExitCode> {
    let frameworks = all(dir)?;
    let mut chosen: Vec<&Framework> = Vec::new();
    let mut words = Vec::new();
    for word in query.split_whitespace() {
        match word.strip_prefix("fw:") {
            Some("all") => chosen.extend(frameworks.iter()),
            Some(id) => match find(&frameworks, id) {
                Some(f) => chosen.push(f),
                None => {
                    errln!(
                        "isms: no framework {:?}; known: {} (or fw:all)",
                        sanitize_line(id),
                        ids(&frameworks)
                    );
                    return Ok(ExitCode::from(EXIT_BAD_INPUT));
                }
            },
            None => words.push(word),
        }
    }
    if chosen.is_empty() {
        // A lone `csf2:PR.AA-05`: the node and the ISO controls each source maps it to.
        return show(dir, catalogue, query.trim(), format);
    }
    chosen.dedup_by(|a, b| a.id == b.id);
    let hits = search_nodes(&chosen, &words.join(" "));
    if hits.is_empty() {
        errln!(
            "isms: no node matches {:?}",
            sanitize_line(&words.join(" "))
        );
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    let shown = &hits[..hits.len().min(limit)];
    match format {
        TextOrJson::Json => {
            #[derive(Serialize)]
            struct Hit<'a> {
                framework: &'a str,
                id: &'a str,
                title: &'a str,
                score: u32,
            }
            let json: Vec<Hit> = shown
                .iter()
                .map(|h| {
                    let node = &chosen[h.framework].nodes[h.node];
                    Hit {
                        framework: &chosen[h.framework].id,
                        id: &node.id,
                        title: &node.title,
                        score: h.score,
                    }
                })
                .collect();
            super::print::json_line(&serde_json::to_string_pretty(&json)?);
        }
        TextOrJson::Text => {
            let width = shown
                .iter()
                .map(|h| chosen[h.framework].id.len() + chosen[h.framework].nodes[h.node].id.len())
                .max()
                .unwrap_or(0)
                + 3;
            for h in shown {
                let framework = chosen[h.framework];
                let node = &framework.nodes[h.node];
                let id = sanitize_line(&format!("{}:{}", framework.id, node.id));
                let title = truncate(
                    &sanitize_line(&node.title),
                    super::output::WIDTH.saturating_sub(width + 1),
                );
                outln!("{id:<width$}{title}");
            }
            if hits.len() > shown.len() {
                outln!("… {} more (--limit)", hits.len() - shown.len());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn not_found(typed: &str) -> anyhow::Result<ExitCode> {
    errln!(
        "isms: no framework node {:?}; try isms search 'fw:all WORDS'",
        sanitize_line(typed)
    );
    Ok(ExitCode::from(EXIT_FINDINGS))
}

fn ids(frameworks: &[Framework]) -> String {
    frameworks
        .iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
