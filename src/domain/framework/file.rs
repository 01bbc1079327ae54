//! Framework files in RON: the built-in ones embedded in the binary and the ones a workspace keeps
//! under `frameworks/ID.ron`. Same rules as every workspace file: `format: 1`, pretty, stable.

use serde::{Deserialize, Serialize};

use super::mapping::Mapping;
use super::model::Framework;
use crate::domain::located_error::LocatedError;

/// The format version this build reads and writes.
pub const FORMAT: u32 = 1;

/// A file of mappings kept apart from its framework (the built-in CSF 2.0 references).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    format: u32,
    framework: String,
    mappings: Vec<Mapping>,
}

/// Parses and validates a framework file; `file` names it in messages.
pub fn parse_framework(text: &str, file: &str) -> Result<Framework, LocatedError> {
    let framework: Framework = ron::from_str(text).map_err(|e| LocatedError::from_ron(file, &e))?;
    if framework.format != FORMAT {
        return Err(LocatedError::at(
            file,
            None,
            format!(
                "format {} is not one this isms reads (it reads format {FORMAT})",
                framework.format
            ),
        ));
    }
    framework
        .validate()
        .map_err(|e| LocatedError::at(file, None, e.to_string()))?;
    Ok(framework)
}

/// Parses a mapping file for the framework `framework_id`.
pub fn parse_mappings(
    text: &str,
    file: &str,
    framework_id: &str,
) -> Result<Vec<Mapping>, LocatedError> {
    let parsed: MappingFile = ron::from_str(text).map_err(|e| LocatedError::from_ron(file, &e))?;
    if parsed.framework != framework_id {
        return Err(LocatedError::at(
            file,
            None,
            format!(
                "maps framework {:?}, expected {framework_id:?}",
                parsed.framework
            ),
        ));
    }
    Ok(parsed.mappings)
}

/// The canonical text of a framework file: pretty RON, one value per line, a trailing newline.
pub fn render_framework(framework: &Framework) -> String {
    crate::domain::workspace_format::to_pretty(framework)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_framework_reads_back_identical() {
        let csf = super::super::csf2();
        let text = render_framework(csf);
        let again = parse_framework(&text, "x.ron").unwrap();
        assert_eq!(&again, csf);
        assert_eq!(render_framework(&again), text);
    }

    #[test]
    fn broken_files_are_located() {
        let error = parse_framework("(format: 1, id: \"x\",", "fw.ron").unwrap_err();
        assert_eq!(error.file, "fw.ron");
        assert!(error.position.is_some());
        let error = parse_framework(
            "(format: 1, id: \"ALL\", name: \"n\", nodes: [(id: \"a\", title: \"t\")])",
            "fw.ron",
        )
        .unwrap_err();
        assert!(error.message.contains("not usable"), "{error}");
    }
}
