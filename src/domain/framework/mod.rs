//! Frameworks beside the ISO catalogue: any control set as a tree of nodes (NIST CSF 2.0 built in,
//! OSCAL catalogs added by a user), mappings from their nodes to ISO/IEC 27001:2022 labelled with
//! the source that states them, coverage computed from the SoA, and search over the nodes.
//!
//! The ISO/IEC 27002 catalogue keeps its own model (themes, attributes); a framework is data of
//! another shape and never claims to be ISO.

mod builtin;
mod coverage;
mod file;
mod lookup;
mod mapping;
mod model;
mod search;

pub use builtin::{CSF2_ID, csf2};
pub use coverage::{
    ClauseCoverage, Coverage, NOT_A_CLAIM, NodeCoverage, RollUp, State, clause_status, coverage,
};
pub use file::{parse_framework, parse_mappings, render_framework};
pub use lookup::{MappedControl, Targets, split_node_ref};
pub use mapping::{IsoTarget, Mapping};
pub use model::{Framework, FrameworkError, Node, Property, valid_framework_id};
pub use search::{FrameworkHit, search_nodes};
