//! Search over framework nodes (`fw:csf2 supply chain`, `fw:all account management`): every query
//! word must match a node's id, title or text, exactly, as a prefix or with one typing slip; the
//! title weighs more than the text, and the whole phrase in the title more still.

use crate::domain::search::words_of;

use super::model::{Framework, Node};

/// One node that matched: which framework (position in the slice searched), which node, how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameworkHit {
    pub framework: usize,
    pub node: usize,
    pub score: u32,
}

const ID: u32 = 1000;
const PHRASE_IN_TITLE: u32 = 50;
const TITLE: u32 = 60;
const TITLE_PREFIX: u32 = 40;
const TITLE_SLIP: u32 = 25;
const TEXT: u32 = 12;
const TEXT_PREFIX: u32 = 8;
const TEXT_SLIP: u32 = 4;

/// The nodes of `frameworks` matching every word of `query`, best first; ties keep withdrawn
/// nodes last, then shorter titles, then document order. An empty query matches nothing.
pub fn search_nodes(frameworks: &[&Framework], query: &str) -> Vec<FrameworkHit> {
    let wanted: Vec<String> = words_of(query).collect();
    let whole = query.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(FrameworkHit, bool, usize)> = Vec::new();
    for (f, framework) in frameworks.iter().enumerate() {
        for (n, node) in framework.nodes.iter().enumerate() {
            if let Some(score) = score_node(node, &wanted, &whole) {
                let hit = FrameworkHit {
                    framework: f,
                    node: n,
                    score,
                };
                hits.push((hit, node.withdrawn, node.title.len()));
            }
        }
    }
    hits.sort_by(|(a, a_withdrawn, a_len), (b, b_withdrawn, b_len)| {
        b.score
            .cmp(&a.score)
            .then(a_withdrawn.cmp(b_withdrawn))
            .then(a_len.cmp(b_len))
            .then((a.framework, a.node).cmp(&(b.framework, b.node)))
    });
    hits.into_iter().map(|(hit, _, _)| hit).collect()
}

fn score_node(node: &Node, wanted: &[String], whole: &str) -> Option<u32> {
    if node.id.eq_ignore_ascii_case(whole) {
        return Some(ID * 2);
    }
    let title: Vec<String> = words_of(&node.title).collect();
    let text: Vec<String> = words_of(&node.text).collect();
    let id: Vec<String> = words_of(&node.id).collect();
    let mut total = 0;
    for word in wanted {
        let best = if id.len() > 1 && id.iter().any(|w| w == word) && word.len() > 1 {
            // `ac` or `gv` alone: a family or function prefix of the id.
            TITLE_PREFIX
        } else {
            score_word(word, &title, TITLE, TITLE_PREFIX, TITLE_SLIP).max(score_word(
                word,
                &text,
                TEXT,
                TEXT_PREFIX,
                TEXT_SLIP,
            ))
        };
        if best == 0 {
            return None;
        }
        total += best;
    }
    if wanted.len() > 1 && title.join(" ").contains(&wanted.join(" ")) {
        total += PHRASE_IN_TITLE;
    }
    Some(total)
}

fn score_word(word: &str, words: &[String], exact: u32, prefix: u32, slip: u32) -> u32 {
    let mut best = 0;
    for candidate in words {
        let score = if candidate == word {
            exact
        } else if word.len() >= 3 && candidate.starts_with(word) {
            prefix
        } else if word.len() >= 5 && strsim::osa_distance(word, candidate) <= 1 {
            slip
        } else {
            0
        };
        best = best.max(score);
        if best == exact {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::csf2;

    fn first(query: &str) -> String {
        let csf = csf2();
        let hits = search_nodes(&[csf], query);
        hits.first()
            .map_or(String::new(), |h| csf.nodes[h.node].id.clone())
    }

    #[test]
    fn words_ids_and_slips_find_csf_nodes() {
        assert_eq!(first("GV.SC-07"), "GV.SC-07");
        assert_eq!(first("supply chain risk management"), "GV.SC");
        assert_eq!(first("hardware inventories"), "ID.AM-01");
        assert!(search_nodes(&[csf2()], "").is_empty());
        assert!(search_nodes(&[csf2()], "zzqx").is_empty());
        assert_eq!(first("supply chian risk management"), "GV.SC");
    }
}
