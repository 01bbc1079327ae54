//! One control of the catalogue: its facts (id, theme, title, attributes, 2013 ancestry) and the
//! practitioner text we ship with it.

use serde::{Deserialize, Serialize};

use super::attributes::{Attributes, Theme};

/// A control as the catalogue file holds it and as `--format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    /// The 2022 number, e.g. `8.9`.
    pub id: String,
    pub theme: Theme,
    /// The catalogue's own group for the control (an OSCAL catalog's group, a family such as
    /// `Access Control`); empty in the ISO catalogue, whose groups are its themes.
    #[serde(default)]
    pub group: String,
    pub title: String,
    /// At most [`SHORT_TITLE_MAX`] characters, our own words, shown where the full title does
    /// not fit; empty in catalogues that do not give one.
    #[serde(default)]
    pub short_title: String,
    /// The words practitioners use for the control: acronyms, tools, slang, process names.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub new_in_2022: bool,
    pub attributes: Attributes,
    /// The ISO/IEC 27002:2013 controls it replaces, e.g. `A.12.3.1`.
    #[serde(default)]
    pub iso27002_2013: Vec<String>,
    /// Controls that work together with this one.
    #[serde(default)]
    pub related: Vec<String>,
    /// What goes wrong without this control.
    pub purpose: String,
    #[serde(default)]
    pub guidance: String,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub pitfalls: Vec<String>,
}

/// The longest short title a catalogue may give, in characters.
pub const SHORT_TITLE_MAX: usize = 24;

impl Control {
    /// The title to show in `width` characters: the full title when it fits, else the short
    /// title when there is one, else the full title (for the caller to cut).
    pub fn title_for_width(&self, width: usize) -> &str {
        let fits = |text: &str| text.chars().count() <= width;
        if fits(&self.title) || self.short_title.is_empty() {
            &self.title
        } else {
            &self.short_title
        }
    }
}

/// Normalizes what a person types as a control id: trims, drops an `A.` / `a.` prefix and a
/// trailing dot. `A.8.9` → `8.9`; `a.12.3.1` → `12.3.1`.
pub fn normalize_id(text: &str) -> String {
    strip_annex_prefix(text.trim().trim_end_matches('.')).to_string()
}

/// The id without its Annex A prefix: `A.12.3.1` → `12.3.1`.
pub fn strip_annex_prefix(id: &str) -> &str {
    id.strip_prefix("A.")
        .or_else(|| id.strip_prefix("a."))
        .unwrap_or(id)
}

/// True when the text looks like a numeric control id such as `8.9`, `A.8.9` or `12.3.1`.
pub fn looks_like_id(text: &str) -> bool {
    let id = normalize_id(text);
    let mut parts = 0;
    for part in id.split('.') {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_typed_ids() {
        assert_eq!(normalize_id(" A.8.9 "), "8.9");
        assert_eq!(normalize_id("a.12.3.1"), "12.3.1");
        assert_eq!(normalize_id("5.1."), "5.1");
    }

    #[test]
    fn falls_back_to_the_short_title_when_the_full_one_does_not_fit() {
        let mut control: Control = ron::from_str(
            r#"(id: "5.8", theme: Organizational, title: "Information security in project management",
                new_in_2022: false, purpose: "p",
                attributes: (control_type: [], security_properties: [], cybersecurity_concepts: [],
                             operational_capabilities: [], security_domains: []))"#,
        )
        .unwrap();
        assert_eq!(control.title_for_width(80), control.title);
        assert_eq!(
            control.title_for_width(20),
            control.title,
            "no short title given"
        );
        control.short_title = "InfoSec in projects".into();
        assert_eq!(control.title_for_width(20), "InfoSec in projects");
    }

    #[test]
    fn recognizes_ids() {
        assert!(looks_like_id("8.9"));
        assert!(looks_like_id("A.12.3.1"));
        assert!(!looks_like_id("8"));
        assert!(!looks_like_id("backup"));
        assert!(!looks_like_id("8.x"));
    }
}
