//! The clauses 4–10 of ISO/IEC 27001:2022 as facts: id, official title, parent, and a note in our
//! own words on the documented information a sub-clause asks to keep. The standard's text is
//! never shipped. `tests/clause_facts.rs` compares this table with `tests/reference/`.

/// One clause or sub-clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub id: &'static str,
    pub title: &'static str,
    /// Empty for the top-level clauses 4 … 10.
    pub parent: &'static str,
    /// What documented information it asks to keep (our words); empty when none.
    pub documented_information: &'static str,
}

#[rustfmt::skip]
pub const CLAUSES: &[Clause] = &[
    Clause { id: "4", title: "Context of the organization", parent: "", documented_information: "" },
    Clause { id: "4.1", title: "Understanding the organization and its context", parent: "4", documented_information: "" },
    Clause { id: "4.2", title: "Understanding the needs and expectations of interested parties", parent: "4", documented_information: "" },
    Clause { id: "4.3", title: "Determining the scope of the information security management system", parent: "4", documented_information: "the ISMS scope" },
    Clause { id: "4.4", title: "Information security management system", parent: "4", documented_information: "" },
    Clause { id: "5", title: "Leadership", parent: "", documented_information: "" },
    Clause { id: "5.1", title: "Leadership and commitment", parent: "5", documented_information: "" },
    Clause { id: "5.2", title: "Policy", parent: "5", documented_information: "the information security policy" },
    Clause { id: "5.3", title: "Organizational roles, responsibilities and authorities", parent: "5", documented_information: "" },
    Clause { id: "6", title: "Planning", parent: "", documented_information: "" },
    Clause { id: "6.1", title: "Actions to address risks and opportunities", parent: "6", documented_information: "" },
    Clause { id: "6.1.1", title: "General", parent: "6.1", documented_information: "" },
    Clause { id: "6.1.2", title: "Information security risk assessment", parent: "6.1", documented_information: "the risk assessment process" },
    Clause { id: "6.1.3", title: "Information security risk treatment", parent: "6.1", documented_information: "the risk treatment process; the Statement of Applicability" },
    Clause { id: "6.2", title: "Information security objectives and planning to achieve them", parent: "6", documented_information: "the information security objectives" },
    Clause { id: "6.3", title: "Planning of changes", parent: "6", documented_information: "" },
    Clause { id: "7", title: "Support", parent: "", documented_information: "" },
    Clause { id: "7.1", title: "Resources", parent: "7", documented_information: "" },
    Clause { id: "7.2", title: "Competence", parent: "7", documented_information: "evidence of competence" },
    Clause { id: "7.3", title: "Awareness", parent: "7", documented_information: "" },
    Clause { id: "7.4", title: "Communication", parent: "7", documented_information: "" },
    Clause { id: "7.5", title: "Documented information", parent: "7", documented_information: "" },
    Clause { id: "7.5.1", title: "General", parent: "7.5", documented_information: "documents this standard requires plus those the organization decides the ISMS needs" },
    Clause { id: "7.5.2", title: "Creating and updating", parent: "7.5", documented_information: "" },
    Clause { id: "7.5.3", title: "Control of documented information", parent: "7.5", documented_information: "" },
    Clause { id: "8", title: "Operation", parent: "", documented_information: "" },
    Clause { id: "8.1", title: "Operational planning and control", parent: "8", documented_information: "enough evidence to be confident the processes ran as planned" },
    Clause { id: "8.2", title: "Information security risk assessment", parent: "8", documented_information: "results of the risk assessments" },
    Clause { id: "8.3", title: "Information security risk treatment", parent: "8", documented_information: "results of the risk treatment" },
    Clause { id: "9", title: "Performance evaluation", parent: "", documented_information: "" },
    Clause { id: "9.1", title: "Monitoring, measurement, analysis and evaluation", parent: "9", documented_information: "evidence of the monitoring and measurement results" },
    Clause { id: "9.2", title: "Internal audit", parent: "9", documented_information: "" },
    Clause { id: "9.2.1", title: "General", parent: "9.2", documented_information: "" },
    Clause { id: "9.2.2", title: "Internal audit programme", parent: "9.2", documented_information: "evidence of the audit programme and results" },
    Clause { id: "9.3", title: "Management review", parent: "9", documented_information: "" },
    Clause { id: "9.3.1", title: "General", parent: "9.3", documented_information: "" },
    Clause { id: "9.3.2", title: "Management review inputs", parent: "9.3", documented_information: "" },
    Clause { id: "9.3.3", title: "Management review results", parent: "9.3", documented_information: "evidence of the management review results" },
    Clause { id: "10", title: "Improvement", parent: "", documented_information: "" },
    Clause { id: "10.1", title: "Continual improvement", parent: "10", documented_information: "" },
    Clause { id: "10.2", title: "Nonconformity and corrective action", parent: "10", documented_information: "evidence of nonconformities, actions taken and corrective-action results" },
];

/// The clause with this id (`9.2.2`; a leading `clause:` is accepted).
pub fn clause(id: &str) -> Option<&'static Clause> {
    let id = id.trim();
    let id = id.strip_prefix("clause:").unwrap_or(id);
    CLAUSES.iter().find(|c| c.id == id)
}

/// Whether a clause has sub-clauses of its own (then it is assessed through them).
pub fn has_children(id: &str) -> bool {
    CLAUSES.iter().any(|c| c.parent == id)
}

/// The sub-clauses a management system is assessed against: every clause below 4 … 10 that has
/// no sub-clauses of its own (4.1 … 10.2, 6.1.1 rather than 6.1), in the standard's order.
pub fn assessable() -> impl Iterator<Item = &'static Clause> {
    CLAUSES
        .iter()
        .filter(|c| !c.parent.is_empty() && !has_children(c.id))
}

/// Whether the sub-clause asks for documented information to be kept.
pub fn requires_documents(id: &str) -> bool {
    clause(id).is_some_and(|c| !c.documented_information.is_empty())
}

/// The assessable ids nearest to `typed`, for "did you mean" messages.
pub fn nearest(typed: &str, count: usize) -> Vec<&'static str> {
    let mut scored: Vec<(f64, &'static str)> = assessable()
        .map(|c| (strsim::jaro_winkler(typed, c.id), c.id))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(count).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_sub_clauses_are_assessable() {
        let ids: Vec<&str> = assessable().map(|c| c.id).collect();
        assert_eq!(ids.len(), 30);
        assert_eq!(ids.first(), Some(&"4.1"));
        assert_eq!(ids.last(), Some(&"10.2"));
        assert!(ids.contains(&"6.1.2") && !ids.contains(&"6.1") && !ids.contains(&"9.2"));
        assert!(requires_documents("9.2.2") && !requires_documents("7.3"));
        assert_eq!(clause("clause:5.2").map(|c| c.title), Some("Policy"));
    }
}
