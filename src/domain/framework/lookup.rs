//! The one lookup from a framework node to ISO/IEC 27001:2022: what a person types to name a
//! node (`csf2:GV.SC-07`, `csf:pr.aa-05`), and the Annex A controls and clauses each mapping
//! source gives it. Coverage, `isms search FW:NODE` and the workbench's search all read it.

use super::mapping::IsoTarget;
use super::model::Framework;

/// `csf2:GV.SC-07` → (`csf2`, `GV.SC-07`); `csf:` is accepted for `csf2`. Not a node reference
/// when either side is empty or the prefix is a search filter (`fw:`, `theme:`).
pub fn split_node_ref(text: &str) -> Option<(&str, &str)> {
    let (framework, node) = text.split_once(':')?;
    let framework = if framework.eq_ignore_ascii_case("csf") {
        "csf2"
    } else {
        framework
    };
    (!framework.is_empty() && !node.is_empty() && framework != "fw" && framework != "theme")
        .then_some((framework, node))
}

/// The ISO targets of one node, each once, in the order the source lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets<'a> {
    /// Annex A controls, as 2022 ids (`5.15`).
    pub controls: Vec<&'a str>,
    /// Clauses of 4–10 as written (`6.1.2`, `4.2(a)`).
    pub clauses: Vec<&'a str>,
}

/// One Annex A control a node is mapped to, and which sources say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedControl<'a> {
    pub control: &'a str,
    /// Positions in [`Framework::sources`].
    pub sources: Vec<usize>,
}

impl Framework {
    /// What one source (or every source, when `None`) maps the node `node` to. Rows whose target
    /// does not read are left out (a framework is validated when it is loaded).
    pub fn targets_of<'a>(&'a self, node: &'a str, source: Option<&'a str>) -> Targets<'a> {
        let mut targets = Targets::default();
        for mapping in self.mappings_of(node, source) {
            match mapping.iso_target() {
                Ok(IsoTarget::Control(id)) => push_once(&mut targets.controls, id),
                Ok(IsoTarget::Clause(id)) => push_once(&mut targets.clauses, id),
                Err(_) => {}
            }
        }
        targets
    }

    /// The Annex A controls any source maps `node` to, with the sources that do, first-seen
    /// order; the sources are never merged into one opinion.
    pub fn mapped_controls<'a>(&'a self, node: &'a str) -> Vec<MappedControl<'a>> {
        let mut found: Vec<MappedControl> = Vec::new();
        for (index, source) in self.sources().into_iter().enumerate() {
            for control in self.targets_of(node, Some(source)).controls {
                match found.iter_mut().find(|m| m.control == control) {
                    Some(known) => known.sources.push(index),
                    None => found.push(MappedControl {
                        control,
                        sources: vec![index],
                    }),
                }
            }
        }
        found
    }
}

fn push_once<'a>(list: &mut Vec<&'a str>, id: &'a str) {
    if !list.contains(&id) {
        list.push(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::csf2;

    #[test]
    fn node_references_name_a_framework_and_a_node() {
        assert_eq!(split_node_ref("csf:PR.AA-05"), Some(("csf2", "PR.AA-05")));
        assert_eq!(split_node_ref("CSF:pr.aa-05"), Some(("csf2", "pr.aa-05")));
        assert_eq!(split_node_ref("csf2:GV.SC-07"), Some(("csf2", "GV.SC-07")));
        assert_eq!(split_node_ref("theme:people"), None);
        assert_eq!(split_node_ref("fw:csf2"), None);
        assert_eq!(split_node_ref("csf:"), None);
        assert_eq!(split_node_ref("backup"), None);
    }

    #[test]
    fn mapped_controls_keep_each_source_apart() {
        let csf = csf2();
        let sources = csf.sources();
        let mapped = csf.mapped_controls("PR.AA-05");
        let by = |id: &str| {
            mapped
                .iter()
                .find(|m| m.control == id)
                .map(|m| m.sources.iter().map(|&s| sources[s]).collect::<Vec<_>>())
        };
        // From the reference CSV: both sources name 5.15, only Razilio 5.3, only Independent 8.4.
        let both = vec!["NIST-OLIR:Razilio", "NIST-OLIR:Independent"];
        assert_eq!(by("5.15"), Some(both));
        assert_eq!(by("5.3"), Some(vec!["NIST-OLIR:Razilio"]));
        assert_eq!(by("8.4"), Some(vec!["NIST-OLIR:Independent"]));
        assert_eq!(by("7.1"), None);
        let razilio = csf.targets_of("PR.AA-05", Some("NIST-OLIR:Razilio"));
        assert_eq!(razilio.controls.len(), 11);
    }
}
