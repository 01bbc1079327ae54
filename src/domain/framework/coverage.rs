//! How far the SoA covers a framework, through one mapping source: each assessable node's state,
//! computed live from the decisions and statuses of the ISO controls the source maps it to and
//! from the management system's status of the clauses (4–10) it maps to, with roll-ups per
//! parent. This is an informative reading of a mapping, not a conformance claim.

use serde::Serialize;

use super::model::Framework;
use crate::domain::mgmt::system::{ClauseStatus, ManagementSystem};
use crate::domain::soa::{Applicability, Soa, Status};

/// Said wherever coverage is shown: a mapping is an opinion, not a certificate.
pub const NOT_A_CLAIM: &str =
    "Informative mapping, not a conformance claim: SoA and clauses 4–10 via a source.";

/// The state of one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Every mapped control applies and is implemented (or is excluded), every mapped clause is
    /// met, and no control is undecided.
    Covered,
    /// Some mapped control or clause is implemented, met or partly so, but not all.
    Partial,
    /// Mapped controls apply or clauses are mapped, but none is further than planned.
    Gap,
    /// Every mapped control is excluded in the SoA.
    Excluded,
    /// No mapped control applies yet and at least one is undecided.
    Undecided,
    /// The source says nothing about this node.
    NotMapped,
}

impl State {
    pub const ALL: [State; 6] = [
        State::Covered,
        State::Partial,
        State::Gap,
        State::Excluded,
        State::Undecided,
        State::NotMapped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            State::Covered => "covered",
            State::Partial => "partial",
            State::Gap => "gap",
            State::Excluded => "excluded",
            State::Undecided => "undecided",
            State::NotMapped => "not mapped by this source",
        }
    }
}

/// One assessable node's state and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeCoverage {
    pub node: String,
    pub parent: Option<String>,
    pub state: State,
    /// The Annex A controls the source maps the node to, as 2022 ids.
    pub controls: Vec<String>,
    /// The clauses of 4–10 the source maps the node to.
    pub clauses: Vec<String>,
    /// Where each of those clauses stands in the management system, in the same order.
    pub clause_status: Vec<ClauseCoverage>,
}

/// One mapped clause and its status in the management system (`isms.ron`); a clause with
/// sub-clauses (`6.1`, `9.2`) stands where its sub-clauses together stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseCoverage {
    pub clause: String,
    pub status: ClauseStatus,
}

/// How many assessable nodes under one grouping node are in each state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollUp {
    pub node: String,
    pub title: String,
    pub kind: String,
    /// Counts in the order of [`State::ALL`].
    pub counts: Vec<(State, usize)>,
}

/// The coverage of a framework through one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub framework: String,
    pub source: String,
    pub nodes: Vec<NodeCoverage>,
    pub roll_ups: Vec<RollUp>,
}

/// Computes the coverage of `framework` through `source` from the SoA and the management system.
pub fn coverage(
    framework: &Framework,
    source: &str,
    soa: &Soa,
    system: &ManagementSystem,
) -> Coverage {
    let nodes: Vec<NodeCoverage> = framework
        .nodes
        .iter()
        .filter(|n| n.assessable && !n.withdrawn)
        .map(|node| {
            let targets = framework.targets_of(&node.id, Some(source));
            let controls: Vec<String> = targets.controls.iter().map(|c| c.to_string()).collect();
            let clauses: Vec<String> = targets.clauses.iter().map(|c| c.to_string()).collect();
            let clause_status: Vec<ClauseCoverage> = clauses
                .iter()
                .map(|clause| ClauseCoverage {
                    clause: clause.clone(),
                    status: clause_status(system, clause),
                })
                .collect();
            let statuses: Vec<ClauseStatus> = clause_status.iter().map(|c| c.status).collect();
            NodeCoverage {
                node: node.id.clone(),
                parent: node.parent.clone(),
                state: state_of(&controls, &statuses, soa),
                controls,
                clauses,
                clause_status,
            }
        })
        .collect();
    let roll_ups = framework
        .nodes
        .iter()
        .filter(|n| !n.assessable)
        .filter_map(|group| {
            let mut counts: Vec<(State, usize)> = State::ALL.iter().map(|s| (*s, 0)).collect();
            let mut any = false;
            for covered in &nodes {
                if is_under(framework, &covered.node, &group.id) {
                    any = true;
                    let slot = State::ALL.iter().position(|s| *s == covered.state);
                    counts[slot.expect("every state is listed")].1 += 1;
                }
            }
            any.then(|| RollUp {
                node: group.id.clone(),
                title: group.title.clone(),
                kind: group.kind.clone(),
                counts,
            })
        })
        .collect();
    Coverage {
        framework: framework.id.clone(),
        source: source.to_string(),
        nodes,
        roll_ups,
    }
}

/// Whether `node` lies below `ancestor` in the tree.
fn is_under(framework: &Framework, node: &str, ancestor: &str) -> bool {
    let mut current = framework.node(node).and_then(|n| n.parent.as_deref());
    // The tree was validated (parents come first), so this walk ends.
    while let Some(parent) = current {
        if parent == ancestor {
            return true;
        }
        current = framework.node(parent).and_then(|n| n.parent.as_deref());
    }
    false
}

/// Where a mapped clause stands: an assessable sub-clause's own status; for a clause with
/// sub-clauses (`6.1`, `9`), met when all are met, not started when none is started, partial
/// when some are partly or fully met, else planned. A list item (`4.2(a)`) is its clause's.
pub fn clause_status(system: &ManagementSystem, clause: &str) -> ClauseStatus {
    let id = clause.split('(').next().unwrap_or(clause);
    let below = format!("{id}.");
    let statuses: Vec<ClauseStatus> = system
        .clauses
        .iter()
        .filter(|c| c.clause == id || c.clause.starts_with(&below))
        .map(|c| c.status)
        .collect();
    let all = |wanted: ClauseStatus| statuses.iter().all(|s| *s == wanted);
    if statuses.is_empty() || all(ClauseStatus::NotStarted) {
        ClauseStatus::NotStarted
    } else if all(ClauseStatus::Met) {
        ClauseStatus::Met
    } else if statuses
        .iter()
        .any(|s| matches!(s, ClauseStatus::Met | ClauseStatus::Partial))
    {
        ClauseStatus::Partial
    } else {
        ClauseStatus::Planned
    }
}

/// Clauses 4–10 are never optional: each counts as an applicable control whose implementation
/// is the clause's status.
fn as_applicable(status: ClauseStatus) -> (Applicability, Status) {
    let status = match status {
        ClauseStatus::NotStarted => Status::NotStarted,
        ClauseStatus::Planned => Status::Planned,
        ClauseStatus::Partial => Status::Partial,
        ClauseStatus::Met => Status::Implemented,
    };
    (Applicability::Applicable, status)
}

fn state_of(controls: &[String], clauses: &[ClauseStatus], soa: &Soa) -> State {
    if controls.is_empty() && clauses.is_empty() {
        return State::NotMapped;
    }
    let entries: Vec<(Applicability, Status)> = controls
        .iter()
        .map(|id| {
            soa.entry(id)
                .map_or((Applicability::Undecided, Status::NotStarted), |e| {
                    (e.applicability, e.status)
                })
        })
        .chain(clauses.iter().map(|s| as_applicable(*s)))
        .collect();
    let applicable: Vec<Status> = entries
        .iter()
        .filter(|(a, _)| *a == Applicability::Applicable)
        .map(|(_, s)| *s)
        .collect();
    let undecided = entries.iter().any(|(a, _)| *a == Applicability::Undecided);
    if applicable.is_empty() {
        return if undecided {
            State::Undecided
        } else {
            State::Excluded
        };
    }
    let all_done = applicable.iter().all(|s| *s == Status::Implemented);
    let some_done = applicable
        .iter()
        .any(|s| matches!(s, Status::Implemented | Status::Partial));
    match (all_done, undecided, some_done) {
        (true, false, _) => State::Covered,
        (_, _, true) => State::Partial,
        _ => State::Gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::soa::SoaEntry;

    fn soa(entries: &[(&str, Applicability, Status)]) -> Soa {
        Soa {
            entries: entries
                .iter()
                .map(|(id, a, s)| SoaEntry {
                    applicability: *a,
                    status: *s,
                    ..SoaEntry::undecided(id)
                })
                .collect(),
        }
    }

    #[test]
    fn states_follow_the_mapped_controls() {
        use Applicability::*;
        use Status::*;
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let s = soa(&[
            ("5.1", Applicable, Implemented),
            ("5.2", Applicable, Partial),
            ("5.3", Applicable, Planned),
            ("5.4", Excluded, NotStarted),
            ("5.5", Undecided, NotStarted),
        ]);
        assert_eq!(state_of(&ids(&["5.1"]), &[], &s), State::Covered);
        assert_eq!(state_of(&ids(&["5.1", "5.4"]), &[], &s), State::Covered);
        assert_eq!(state_of(&ids(&["5.1", "5.5"]), &[], &s), State::Partial);
        assert_eq!(state_of(&ids(&["5.1", "5.3"]), &[], &s), State::Partial);
        assert_eq!(state_of(&ids(&["5.3"]), &[], &s), State::Gap);
        assert_eq!(state_of(&ids(&["5.3", "5.5"]), &[], &s), State::Gap);
        assert_eq!(state_of(&ids(&["5.4"]), &[], &s), State::Excluded);
        assert_eq!(state_of(&ids(&["5.4", "5.5"]), &[], &s), State::Undecided);
        assert_eq!(state_of(&[], &[], &s), State::NotMapped);
    }

    #[test]
    fn clauses_count_as_applicable_with_their_status() {
        use Applicability::*;
        use ClauseStatus::*;
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let s = soa(&[
            ("5.1", Applicable, Status::Implemented),
            ("5.4", Excluded, Status::NotStarted),
            ("5.5", Undecided, Status::NotStarted),
        ]);
        assert_eq!(state_of(&[], &[Met, Met], &s), State::Covered);
        assert_eq!(state_of(&ids(&["5.1"]), &[Met], &s), State::Covered);
        assert_eq!(state_of(&ids(&["5.4"]), &[Met], &s), State::Covered);
        assert_eq!(state_of(&ids(&["5.1"]), &[Planned], &s), State::Partial);
        assert_eq!(state_of(&[], &[Met, NotStarted], &s), State::Partial);
        assert_eq!(state_of(&[], &[Partial], &s), State::Partial);
        assert_eq!(state_of(&[], &[Planned, NotStarted], &s), State::Gap);
        assert_eq!(state_of(&ids(&["5.5"]), &[Met], &s), State::Partial);
    }

    #[test]
    fn a_clause_with_sub_clauses_stands_where_they_stand_together() {
        let mut system = ManagementSystem::seeded();
        let set = |system: &mut ManagementSystem, id: &str, status| {
            system.clause_mut(id).unwrap().status = status;
        };
        assert_eq!(clause_status(&system, "6.1"), ClauseStatus::NotStarted);
        set(&mut system, "6.1.1", ClauseStatus::Planned);
        assert_eq!(clause_status(&system, "6.1"), ClauseStatus::Planned);
        set(&mut system, "6.1.2", ClauseStatus::Met);
        assert_eq!(clause_status(&system, "6.1"), ClauseStatus::Partial);
        assert_eq!(clause_status(&system, "6.1.2"), ClauseStatus::Met);
        for id in ["6.1.1", "6.1.3"] {
            set(&mut system, id, ClauseStatus::Met);
        }
        assert_eq!(clause_status(&system, "6.1"), ClauseStatus::Met);
        assert_eq!(clause_status(&system, "6"), ClauseStatus::Partial);
        set(&mut system, "4.2", ClauseStatus::Met);
        assert_eq!(clause_status(&system, "4.2(a)"), ClauseStatus::Met);
        // A clause the management system does not know has not started.
        assert_eq!(clause_status(&system, "4.9"), ClauseStatus::NotStarted);
    }
}
