//! Adding and changing the records of the management system itself: context issues, interested
//! parties with their requirements, objectives and their measurements, and roles. New records get
//! the next free id; a change replaces the record's fields with the ones given.

use chrono::NaiveDate;

use super::edit::{evidence_id, references};
use super::ids::{next_child_id, next_id};
use super::system::{
    Cadence, ContextIssue, InterestedParty, IssueSide, Measurement, Objective, PartyRequirement,
    Role,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::text::{sanitize, sanitize_line};
use crate::domain::workspace::Workspace;

fn required(text: &str, what: &str) -> Result<String, EditError> {
    let text = sanitize_line(text.trim());
    if text.is_empty() {
        return Err(EditError::Invalid(format!("{what} is required")));
    }
    Ok(text)
}

fn not_found(what: &str, id: &str) -> EditError {
    EditError::NotFound(format!("no {what} {:?}", id.trim()))
}

/// A context issue's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueFields {
    pub side: IssueSide,
    pub description: String,
    pub effect: String,
}

/// Adds a context issue (`id` None) or changes one; returns its id.
pub fn put_issue(
    workspace: &mut Workspace,
    id: Option<&str>,
    fields: IssueFields,
) -> Result<String, EditError> {
    let issues = &mut workspace.mgmt.system.issues;
    let record = ContextIssue {
        id: String::new(),
        side: fields.side,
        description: required(&fields.description, "the issue")?,
        effect: sanitize(fields.effect.trim()),
    };
    put(issues, id, "I-", "context issue", record, |r| &mut r.id)
}

/// An interested party's fields; each requirement is its text and what addresses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyFields {
    pub name: String,
    pub requirements: Vec<(String, Vec<String>)>,
}

/// Adds an interested party or changes one; requirements keep their ids by position and new
/// ones get the next free child id. Returns the party's id.
pub fn put_party(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    id: Option<&str>,
    fields: PartyFields,
) -> Result<String, EditError> {
    let name = required(&fields.name, "the party's name")?;
    let mut typed = Vec::new();
    for (text, refs) in &fields.requirements {
        typed.push((sanitize_line(text.trim()), references(refs, catalogue)?));
    }
    let parties = &mut workspace.mgmt.system.parties;
    let old = id.and_then(|id| {
        parties
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(id.trim()))
    });
    let old_ids: Vec<String> = old
        .map(|p| p.requirements.iter().map(|r| r.id.clone()).collect())
        .unwrap_or_default();
    let record = InterestedParty {
        id: String::new(),
        name,
        requirements: Vec::new(),
    };
    let id = put(parties, id, "P-", "interested party", record, |r| &mut r.id)?;
    let party = parties.iter_mut().find(|p| p.id == id).expect("just put");
    let mut requirements: Vec<PartyRequirement> = Vec::new();
    for (i, (text, addressed_by)) in typed.into_iter().enumerate() {
        let used = old_ids.iter().chain(requirements.iter().map(|r| &r.id));
        let rid = match old_ids.get(i) {
            Some(kept) => kept.clone(),
            None => next_child_id(&id, used.map(String::as_str)),
        };
        requirements.push(PartyRequirement {
            id: rid,
            text,
            addressed_by,
        });
    }
    party.requirements = requirements;
    Ok(id)
}

/// An objective's fields (its measurements are kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveFields {
    pub title: String,
    pub target: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub cadence: Cadence,
}

/// Adds an objective or changes one; returns its id.
pub fn put_objective(
    workspace: &mut Workspace,
    id: Option<&str>,
    fields: ObjectiveFields,
) -> Result<String, EditError> {
    let objectives = &mut workspace.mgmt.system.objectives;
    let measurements = id
        .and_then(|id| {
            objectives
                .iter()
                .find(|o| o.id.eq_ignore_ascii_case(id.trim()))
        })
        .map(|o| o.measurements.clone())
        .unwrap_or_default();
    let record = Objective {
        id: String::new(),
        title: required(&fields.title, "the objective")?,
        target: sanitize_line(fields.target.trim()),
        owner: sanitize_line(fields.owner.trim()),
        due: fields.due,
        cadence: fields.cadence,
        measurements,
    };
    put(objectives, id, "O-", "objective", record, |r| &mut r.id)
}

/// Adds a measurement to objective `objective`; returns its id.
pub fn add_measurement(
    workspace: &mut Workspace,
    objective: &str,
    on: NaiveDate,
    value: &str,
    note: &str,
) -> Result<String, EditError> {
    let value = required(value, "the measured value")?;
    let Some(target) = workspace
        .mgmt
        .system
        .objectives
        .iter_mut()
        .find(|o| o.id.eq_ignore_ascii_case(objective.trim()))
    else {
        return Err(not_found("objective", objective));
    };
    let id = next_child_id(
        &target.id,
        target.measurements.iter().map(|m| m.id.as_str()),
    );
    target.measurements.push(Measurement {
        id: id.clone(),
        on,
        value,
        note: sanitize_line(note.trim()),
    });
    Ok(id)
}

/// A role's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFields {
    pub name: String,
    pub holder: String,
    pub responsibilities: String,
    pub competence_evidence: Vec<String>,
}

/// Adds a role or changes one; returns its id.
pub fn put_role(
    workspace: &mut Workspace,
    id: Option<&str>,
    fields: RoleFields,
) -> Result<String, EditError> {
    let evidence = fields
        .competence_evidence
        .iter()
        .map(|e| evidence_id(workspace, e))
        .collect::<Result<Vec<_>, _>>()?;
    let record = Role {
        id: String::new(),
        name: required(&fields.name, "the role's name")?,
        holder: sanitize_line(fields.holder.trim()),
        responsibilities: sanitize(fields.responsibilities.trim()),
        competence_evidence: evidence,
    };
    let roles = &mut workspace.mgmt.system.roles;
    put(roles, id, "RL-", "role", record, |r| &mut r.id)
}

/// Puts `record` in `list`: as a new record with the next `prefix` id, or in place of record `id`
/// (keeping its id). Returns the id.
fn put<T>(
    list: &mut Vec<T>,
    id: Option<&str>,
    prefix: &str,
    what: &str,
    mut record: T,
    id_of: fn(&mut T) -> &mut String,
) -> Result<String, EditError> {
    match id {
        None => {
            let used: Vec<String> = list.iter_mut().map(|r| id_of(r).clone()).collect();
            let new = next_id(prefix, used.iter().map(String::as_str));
            *id_of(&mut record) = new.clone();
            list.push(record);
            Ok(new)
        }
        Some(id) => {
            let Some(at) = list
                .iter_mut()
                .position(|r| id_of(r).eq_ignore_ascii_case(id.trim()))
            else {
                return Err(not_found(what, id));
            };
            let kept = id_of(&mut list[at]).clone();
            *id_of(&mut record) = kept.clone();
            list[at] = record;
            Ok(kept)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workspace::Settings;

    fn workspace() -> (Workspace, Catalogue) {
        let catalogue = Catalogue::builtin();
        (Workspace::new(Settings::default(), &catalogue), catalogue)
    }

    #[test]
    fn new_records_get_the_next_id_and_changes_keep_it() {
        let (mut ws, catalogue) = workspace();
        let fields = IssueFields {
            side: IssueSide::External,
            description: "New privacy law".into(),
            effect: String::new(),
        };
        assert_eq!(put_issue(&mut ws, None, fields.clone()).unwrap(), "I-001");
        assert_eq!(put_issue(&mut ws, None, fields.clone()).unwrap(), "I-002");
        let changed = IssueFields {
            effect: "Review the DPA".into(),
            ..fields
        };
        assert_eq!(put_issue(&mut ws, Some("i-001"), changed).unwrap(), "I-001");
        assert_eq!(ws.mgmt.system.issues[0].effect, "Review the DPA");
        let party = PartyFields {
            name: "Customers".into(),
            requirements: vec![("Breach notice".into(), vec!["5.24".into()])],
        };
        let id = put_party(&mut ws, &catalogue, None, party).unwrap();
        assert_eq!(ws.mgmt.system.parties[0].requirements[0].id, "P-001.1");
        assert_eq!(
            ws.mgmt.system.parties[0].requirements[0].addressed_by,
            ["control:5.24"]
        );
        assert_eq!(id, "P-001");
    }

    #[test]
    fn a_measurement_needs_an_objective_and_a_value() {
        let (mut ws, _) = workspace();
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert!(add_measurement(&mut ws, "O-001", day, "90 %", "").is_err());
        let fields = ObjectiveFields {
            title: "Encrypt laptops".into(),
            target: "100 %".into(),
            owner: "IT".into(),
            due: None,
            cadence: Cadence::Quarterly,
        };
        put_objective(&mut ws, None, fields).unwrap();
        assert!(add_measurement(&mut ws, "O-001", day, " ", "").is_err());
        assert_eq!(
            add_measurement(&mut ws, "o-001", day, "90 %", "").unwrap(),
            "O-001.1"
        );
        let role = RoleFields {
            name: "CISO".into(),
            holder: String::new(),
            responsibilities: String::new(),
            competence_evidence: vec!["E-404".into()],
        };
        assert!(put_role(&mut ws, None, role).is_err(), "unknown evidence");
    }
}
