//! A framework read from an OSCAL catalog, used as the catalogue (`--catalogue FILE.json`): each
//! assessable node that is not withdrawn becomes a control with its own id, title and group (the
//! family it sits in). OSCAL has neither ISO's themes nor its attributes: every control gets the
//! theme Organizational and no attributes, and its statement serves as its purpose.

use super::attributes::{Attributes, Theme};
use super::catalogue::Catalogue;
use super::control::Control;
use super::framework::{Framework, Node};
use super::located_error::LocatedError;

/// The controls of `framework` as a catalogue named after it; `file` names it in messages.
pub fn catalogue_from_framework(
    framework: &Framework,
    file: &str,
) -> Result<Catalogue, LocatedError> {
    let kept: Vec<&Node> = framework
        .nodes
        .iter()
        .filter(|n| n.assessable && !n.withdrawn)
        .collect();
    if kept.is_empty() {
        return Err(LocatedError::at(
            file,
            None,
            "the OSCAL catalog has no controls that are not withdrawn",
        ));
    }
    let known: std::collections::HashSet<&str> = kept.iter().map(|n| n.id.as_str()).collect();
    let controls = kept
        .iter()
        .map(|node| Control {
            id: node.id.clone(),
            theme: Theme::Organizational,
            group: family(framework, node),
            title: node.title.clone(),
            short_title: String::new(),
            aliases: Vec::new(),
            new_in_2022: false,
            attributes: Attributes::default(),
            iso27002_2013: Vec::new(),
            related: node
                .related
                .iter()
                .filter(|r| **r != node.id && known.contains(r.as_str()))
                .cloned()
                .collect(),
            purpose: if node.text.trim().is_empty() {
                node.title.clone()
            } else {
                node.text.clone()
            },
            guidance: String::new(),
            evidence: Vec::new(),
            pitfalls: Vec::new(),
        })
        .collect();
    let name = if framework.name.trim().is_empty() {
        file.to_string()
    } else {
        framework.name.clone()
    };
    Ok(Catalogue::from_controls(name, controls))
}

/// The title of the top-most grouping node above `node` (an SP 800-53 family), or empty.
fn family(framework: &Framework, node: &Node) -> String {
    let mut group = String::new();
    let mut current = node.parent.as_deref().and_then(|p| framework.node(p));
    while let Some(parent) = current {
        if !parent.assessable {
            group = parent.title.clone();
        }
        current = parent.parent.as_deref().and_then(|p| framework.node(p));
    }
    group
}
