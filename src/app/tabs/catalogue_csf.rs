//! `csf:PR.AA-05` (or `csf2:`, in any case) typed in the catalogue search: the ISO controls that
//! NIST's mappings map the subcategory to, in catalogue order, each marked with the sources that
//! map it (the sources are never merged). Enter then opens the selected control as usual.

use super::catalogue::CataloguePane;
use crate::app::widgets::cursor::Cursor;
use crate::domain::catalogue::Catalogue;
use crate::domain::framework::{csf2, split_node_ref};
use crate::domain::search::Query;

/// The subcategory a catalogue search names, and which sources map each listed control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsfHits {
    /// The node's id as NIST writes it (`PR.AA-05`) and its title.
    pub node: String,
    pub title: String,
    /// The mapping sources, in the framework's order.
    pub sources: Vec<String>,
    /// For each control listed (parallel to the pane's results), the sources mapping it.
    pub rows: Vec<Vec<usize>>,
    /// Clauses of 4–10 the sources map the node to, which the catalogue cannot list.
    pub clauses: Vec<String>,
}

impl CsfHits {
    /// A one-letter mark per source: the first letter of its name after the last `:`
    /// (`NIST-OLIR:Razilio` → `R`), or its number when two would share a letter.
    pub fn marks(&self) -> Vec<char> {
        let letters: Vec<char> = self
            .sources
            .iter()
            .map(|s| {
                let name = s.rsplit(':').next().unwrap_or(s);
                name.chars()
                    .find(|c| c.is_alphanumeric())
                    .map_or('?', |c| c.to_ascii_uppercase())
            })
            .collect();
        let unique = letters
            .iter()
            .enumerate()
            .all(|(i, c)| !letters[..i].contains(c));
        if unique {
            letters
        } else {
            (1..=self.sources.len())
                .map(|n| char::from_digit(n as u32 % 10, 10).unwrap_or('?'))
                .collect()
        }
    }
}

/// The controls a CSF 2.0 node reference maps to, with why; `None` when the text is no such
/// reference (the ordinary search then runs); `Some(Err)` says why the node cannot be listed.
pub fn lookup(catalogue: &Catalogue, text: &str) -> Option<Result<(Vec<usize>, CsfHits), String>> {
    let typed = text.trim();
    if typed.split_whitespace().count() != 1 {
        return None;
    }
    let (framework, node_id) = split_node_ref(typed)?;
    let csf = csf2();
    if !framework.eq_ignore_ascii_case(&csf.id) {
        return None;
    }
    let Some(node) = csf.node(node_id) else {
        return Some(Err(format!("no CSF 2.0 subcategory {node_id}")));
    };
    if !node.assessable {
        let example = csf
            .children(&node.id)
            .next()
            .map_or(String::new(), |c| format!(", e.g. csf:{}", c.id));
        return Some(Err(format!(
            "{} is a {}: name a subcategory{example}",
            node.id, node.kind
        )));
    }
    let mut found: Vec<(usize, Vec<usize>)> = csf
        .mapped_controls(&node.id)
        .into_iter()
        .filter_map(|m| catalogue.position(m.control).map(|p| (p, m.sources)))
        .collect();
    found.sort_by_key(|(position, _)| *position);
    let clauses = csf
        .targets_of(&node.id, None)
        .clauses
        .iter()
        .map(|c| c.to_string())
        .collect();
    let (positions, rows) = found.into_iter().unzip();
    let hits = CsfHits {
        node: node.id.clone(),
        title: node.title.clone(),
        sources: csf.sources().iter().map(|s| s.to_string()).collect(),
        rows,
        clauses,
    };
    Some(Ok((positions, hits)))
}

impl CataloguePane {
    /// Shows what [`lookup`] found; on an error the last good hits stay on screen.
    pub(super) fn show_csf(&mut self, found: Result<(Vec<usize>, CsfHits), String>, rows: usize) {
        match found {
            Ok((positions, hits)) => {
                self.results = positions;
                self.csf = Some(hits);
                self.error = None;
            }
            Err(error) => self.error = Some(error),
        }
        // No word of the reference is a match to highlight in the titles.
        self.query = Query::default();
        self.cursor = Cursor::default();
        self.cursor.keep_visible(self.results.len(), rows);
        self.reset_detail();
    }
}
