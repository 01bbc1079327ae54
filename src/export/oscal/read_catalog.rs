//! Reads an OSCAL catalog (JSON) into a framework: groups become families, controls and their
//! enhancements nest below them, parts are flattened to text with their labels, parameters are
//! shown as `[Assignment: label]` or `[Selection: a; b]`, withdrawn controls are marked and
//! `related` links kept as node ids. Nothing of the file is bundled: it stays the user's.

use serde_json::Value;

use crate::domain::framework::{Framework, Node, Property};
use crate::domain::located_error::LocatedError;

/// Reads the catalog in `text` (named `file` in messages) as framework `id`.
pub fn read_catalog(text: &str, file: &str, id: &str) -> Result<Framework, LocatedError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let position = (e.line() > 0).then(|| (e.line(), e.column().max(1)));
        LocatedError::at(
            file,
            position,
            format!("not OSCAL JSON: {}", json_reason(&e)),
        )
    })?;
    let catalog = root.get("catalog").ok_or_else(|| {
        LocatedError::at(
            file,
            None,
            "not an OSCAL catalog: the top-level \"catalog\" object is missing (profiles and SSPs are not catalogs)",
        )
    })?;
    let metadata = catalog.get("metadata");
    let text_of = |key: &str| {
        metadata
            .and_then(|m| m.get(key))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let mut reader = Reader::default();
    for group in array(catalog, "groups") {
        reader.group(group, None);
    }
    for control in array(catalog, "controls") {
        reader.control(control, None, "control");
    }
    let framework = Framework {
        format: 1,
        id: id.to_string(),
        name: text_of("title"),
        version: text_of("version"),
        source: file.to_string(),
        licence: String::new(),
        nodes: reader.resolve_related(),
        mappings: Vec::new(),
    };
    framework
        .validate()
        .map_err(|e| LocatedError::at(file, None, e.to_string()))?;
    Ok(framework)
}

fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    // serde_json appends " at line L column C", which the location already says.
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[derive(Default)]
struct Reader {
    nodes: Vec<Node>,
    /// OSCAL id (`ac-2`) → node id (`AC-2`), to turn `#ac-3` links into node ids.
    oscal_ids: Vec<(String, String)>,
}

impl Reader {
    fn group(&mut self, group: &Value, parent: Option<&str>) {
        let oscal_id = string(group, "id");
        let id = if oscal_id.is_empty() {
            format!("group-{}", self.nodes.len() + 1)
        } else {
            oscal_id.to_uppercase()
        };
        self.push(group, &oscal_id, &id, parent, "group", false);
        for child in array(group, "groups") {
            self.group(child, Some(&id));
        }
        for control in array(group, "controls") {
            self.control(control, Some(&id), "control");
        }
    }

    fn control(&mut self, control: &Value, parent: Option<&str>, kind: &str) {
        let oscal_id = string(control, "id");
        let id = label(control).unwrap_or_else(|| oscal_id.to_uppercase());
        self.push(control, &oscal_id, &id, parent, kind, true);
        for child in array(control, "controls") {
            self.control(child, Some(&id), "enhancement");
        }
    }

    fn push(
        &mut self,
        item: &Value,
        oscal_id: &str,
        id: &str,
        parent: Option<&str>,
        kind: &str,
        assessable: bool,
    ) {
        let withdrawn = array(item, "props")
            .any(|p| string(p, "name") == "status" && string(p, "value") == "withdrawn");
        let properties = array(item, "props")
            .filter(|p| !matches!(string(p, "name").as_str(), "label" | "sort-id" | "status"))
            .map(|p| Property {
                name: string(p, "name"),
                value: string(p, "value"),
            })
            .collect();
        let related = array(item, "links")
            .filter(|l| string(l, "rel") == "related")
            .filter_map(|l| string(l, "href").strip_prefix('#').map(str::to_string))
            .collect();
        let params = Params::of(item);
        let mut text = String::new();
        for part in array(item, "parts") {
            flatten_part(part, &params, 0, &mut text);
        }
        self.oscal_ids.push((oscal_id.to_string(), id.to_string()));
        self.nodes.push(Node {
            id: id.to_string(),
            parent: parent.map(str::to_string),
            kind: item
                .get("class")
                .and_then(Value::as_str)
                .filter(|_| kind == "group")
                .map_or(kind.to_string(), |_| "family".to_string()),
            title: one_line(&string(item, "title")),
            text: text.trim_end().to_string(),
            properties,
            assessable: assessable && !withdrawn,
            withdrawn,
            related,
        });
    }

    /// Turns `related` OSCAL ids into node ids, dropping links to controls not in the file.
    fn resolve_related(mut self) -> Vec<Node> {
        let lookup: std::collections::HashMap<String, String> =
            self.oscal_ids.into_iter().collect();
        for node in &mut self.nodes {
            node.related = node
                .related
                .iter()
                .filter_map(|r| lookup.get(r).cloned())
                .collect();
        }
        self.nodes
    }
}

/// The publisher's label without a class (`AC-2`), which people write, rather than `ac-2`.
fn label(item: &Value) -> Option<String> {
    array(item, "props")
        .find(|p| string(p, "name") == "label" && p.get("class").is_none())
        .map(|p| string(p, "value"))
        .filter(|v| !v.trim().is_empty())
}

/// The parameters of a control, for replacing `{{ insert: param, ID }}` in prose.
struct Params(Vec<(String, String)>);

impl Params {
    fn of(item: &Value) -> Params {
        Params(
            array(item, "params")
                .map(|p| (string(p, "id"), describe_param(p)))
                .collect(),
        )
    }

    fn describe(&self, id: &str) -> String {
        self.0
            .iter()
            .find(|(pid, _)| pid == id)
            .map_or_else(|| format!("[Assignment: {id}]"), |(_, d)| d.clone())
    }
}

fn describe_param(param: &Value) -> String {
    if let Some(select) = param.get("select") {
        let choices: Vec<String> = array(select, "choice")
            .filter_map(Value::as_str)
            .map(one_line)
            .collect();
        let how = if string(select, "how-many") == "one-or-more" {
            "Selection (one or more)"
        } else {
            "Selection"
        };
        return format!("[{how}: {}]", choices.join("; "));
    }
    let label = string(param, "label");
    if label.is_empty() {
        format!("[Assignment: {}]", string(param, "id"))
    } else {
        format!("[Assignment: {}]", one_line(&label))
    }
}

fn flatten_part(part: &Value, params: &Params, depth: usize, out: &mut String) {
    let name = string(part, "name");
    let prose = string(part, "prose");
    let label = array(part, "props")
        .find(|p| string(p, "name") == "label")
        .map(|p| string(p, "value"));
    let heading = match name.as_str() {
        "guidance" | "discussion" if depth == 0 => Some("Guidance: "),
        _ => None,
    };
    if !prose.is_empty() || heading.is_some() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if let Some(heading) = heading {
            out.push_str(heading);
        }
        if let Some(label) = label {
            out.push_str(&label);
            out.push(' ');
        }
        out.push_str(&insert_params(&prose, params));
    }
    for child in array(part, "parts") {
        flatten_part(child, params, depth + 1, out);
    }
}

fn insert_params(prose: &str, params: &Params) -> String {
    let mut out = String::new();
    let mut rest = prose;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        let inside = &rest[start + 2..start + end];
        match inside.split(',').map(str::trim).collect::<Vec<_>>()[..] {
            ["insert: param", id] => out.push_str(&params.describe(id)),
            _ => out.push_str(&rest[start..start + end + 2]),
        }
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    one_line(&out)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn string(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

fn array<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> + 'a {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter())
        .into_iter()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_parts_and_withdrawn_controls() {
        let text = r##"{"catalog": {"metadata": {"title": "T", "version": "1"}, "groups": [
            {"id": "ac", "class": "family", "title": "Access Control", "controls": [
              {"id": "ac-1", "title": "Policy", "props": [{"name": "label", "value": "AC-1"}],
               "params": [{"id": "p1", "label": "frequency"},
                          {"id": "p2", "select": {"choice": ["yearly", "monthly"]}}],
               "links": [{"rel": "related", "href": "#ac-2"}, {"rel": "related", "href": "#zz-9"}],
               "parts": [{"name": "statement", "prose": "Review {{ insert: param, p1 }} or {{ insert: param, p2 }}.",
                          "parts": [{"name": "item", "props": [{"name": "label", "value": "a."}], "prose": "Do it."}]},
                         {"name": "guidance", "prose": "Why."}],
               "controls": [{"id": "ac-1.1", "title": "Old", "props": [{"name": "status", "value": "withdrawn"}]}]},
              {"id": "ac-2", "title": "Accounts"}]}]}}"##;
        let fw = read_catalog(text, "c.json", "t").unwrap();
        let ids: Vec<&str> = fw.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["AC", "AC-1", "AC-1.1", "AC-2"]);
        let ac1 = &fw.nodes[1];
        assert_eq!(
            ac1.text,
            "Review [Assignment: frequency] or [Selection: yearly; monthly].\n\na. Do it.\n\nGuidance: Why."
        );
        assert_eq!(ac1.related, ["AC-2"]);
        assert_eq!(ac1.parent.as_deref(), Some("AC"));
        assert_eq!(fw.nodes[0].kind, "family");
        assert!(fw.nodes[2].withdrawn && !fw.nodes[2].assessable);
        assert_eq!(fw.nodes[2].kind, "enhancement");
    }

    #[test]
    fn broken_or_foreign_files_are_refused_with_a_place() {
        let error = read_catalog("{\"catalog\": [", "c.json", "t").unwrap_err();
        assert!(error.position.is_some(), "{error}");
        let error = read_catalog("{\"profile\": {}}", "p.json", "t").unwrap_err();
        assert!(
            error.to_string().contains("not an OSCAL catalog"),
            "{error}"
        );
    }
}
