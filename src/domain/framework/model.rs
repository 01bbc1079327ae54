//! A framework as isms keeps it: who publishes it and under what terms, and its nodes as a tree
//! (functions, categories, controls, enhancements…), each with an id unique in the framework.

use serde::{Deserialize, Serialize};

use super::mapping::Mapping;

/// One framework: its metadata, its nodes in document order, and its mappings to ISO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub format: u32,
    /// Short id used in `fw:ID` and `ID:NODE`, e.g. `csf2`.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub version: String,
    /// Where the content comes from (document, file).
    #[serde(default)]
    pub source: String,
    /// The terms the content is under, as its publisher states them.
    #[serde(default)]
    pub licence: String,
    pub nodes: Vec<Node>,
    /// Mappings from this framework's nodes to ISO/IEC 27001:2022, each with its source.
    #[serde(default)]
    pub mappings: Vec<Mapping>,
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    #[serde(default)]
    pub parent: Option<String>,
    /// What the publisher calls this level: `function`, `category`, `control`, `enhancement`…
    #[serde(default)]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub properties: Vec<Property>,
    /// Whether an organisation assesses this node (a subcategory, a control), rather than it
    /// only grouping others.
    #[serde(default)]
    pub assessable: bool,
    #[serde(default)]
    pub withdrawn: bool,
    /// Ids of related nodes in the same framework.
    #[serde(default)]
    pub related: Vec<String>,
}

/// A name and value the publisher attaches to a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    pub name: String,
    pub value: String,
}

/// Why a framework cannot be used, said in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameworkError {
    #[error(
        "framework id {0:?} is not usable: use 1–24 lower-case letters, digits and dashes, starting with a letter (not \"all\" or \"iso\")"
    )]
    BadId(String),
    #[error("node id {0:?} appears twice")]
    DuplicateNode(String),
    #[error("node {node:?} names a parent {parent:?} that does not come before it")]
    UnknownParent { node: String, parent: String },
    #[error("node {0:?} has an empty id or title")]
    EmptyNode(String),
    #[error("the framework has no nodes")]
    NoNodes,
    #[error("mapping row {row}: {message}")]
    BadMapping { row: usize, message: String },
}

/// Whether `id` can name a framework: short, lower-case, and not one of the reserved words.
pub fn valid_framework_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && id.len() <= 24
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !matches!(id, "all" | "iso")
}

impl Framework {
    /// Checks ids, the tree and the mappings' node ids.
    pub fn validate(&self) -> Result<(), FrameworkError> {
        if !valid_framework_id(&self.id) {
            return Err(FrameworkError::BadId(shorten(&self.id)));
        }
        if self.nodes.is_empty() {
            return Err(FrameworkError::NoNodes);
        }
        let mut seen = std::collections::HashSet::new();
        for node in &self.nodes {
            if node.id.trim().is_empty() || node.title.trim().is_empty() {
                return Err(FrameworkError::EmptyNode(shorten(&node.id)));
            }
            if let Some(parent) = &node.parent
                && !seen.contains(parent.as_str())
            {
                return Err(FrameworkError::UnknownParent {
                    node: shorten(&node.id),
                    parent: shorten(parent),
                });
            }
            if !seen.insert(node.id.as_str()) {
                return Err(FrameworkError::DuplicateNode(shorten(&node.id)));
            }
        }
        for (row, mapping) in self.mappings.iter().enumerate() {
            if !seen.contains(mapping.node.as_str()) {
                return Err(FrameworkError::BadMapping {
                    row: row + 1,
                    message: format!("no node {:?} in {}", shorten(&mapping.node), self.id),
                });
            }
            mapping
                .iso_target()
                .map_err(|message| FrameworkError::BadMapping {
                    row: row + 1,
                    message,
                })?;
        }
        Ok(())
    }

    /// A node by id; ids compare without regard to case (`gv.sc-07` finds `GV.SC-07`).
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|n| n.id == id)
            .or_else(|| self.nodes.iter().find(|n| n.id.eq_ignore_ascii_case(id)))
    }

    /// The nodes whose parent is `id`, in document order.
    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes
            .iter()
            .filter(move |n| n.parent.as_deref() == Some(id))
    }

    /// The mapping sources this framework carries, in first-seen order.
    pub fn sources(&self) -> Vec<&str> {
        let mut sources: Vec<&str> = Vec::new();
        for mapping in &self.mappings {
            if !sources.contains(&mapping.source.as_str()) {
                sources.push(&mapping.source);
            }
        }
        sources
    }

    /// The mappings of one node, from one source or from all.
    pub fn mappings_of<'a>(
        &'a self,
        node: &'a str,
        source: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Mapping> + 'a {
        self.mappings
            .iter()
            .filter(move |m| m.node == node && source.is_none_or(|s| m.source == s))
    }
}

/// At most 60 characters of a value for a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}
