//! The five attribute types of ISO/IEC 27002:2022 §4.2 and the four themes.
//!
//! Values are spelled exactly as the standard spells its hashtags (`Secure_configuration`,
//! `Governance_and_Ecosystem`), in the catalogue file, in JSON and on screen.

use serde::{Deserialize, Serialize};

/// Defines an enum whose serialized and displayed name is the standard's spelling of the value.
macro_rules! standard_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the standard's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The standard's spelling, without `#`.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the standard's spelling, ignoring case.
            pub fn from_name(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.name().eq_ignore_ascii_case(text))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

standard_enum!(
    /// The four themes that group the controls (clauses 5 to 8).
    Theme {
        Organizational => "Organizational",
        People => "People",
        Physical => "Physical",
        Technological => "Technological",
    }
);

standard_enum!(
    /// When the control acts relative to an incident.
    ControlType {
        Preventive => "Preventive",
        Detective => "Detective",
        Corrective => "Corrective",
    }
);

standard_enum!(
    /// Which property of information the control preserves.
    SecurityProperty {
        Confidentiality => "Confidentiality",
        Integrity => "Integrity",
        Availability => "Availability",
    }
);

standard_enum!(
    /// The cybersecurity concept (ISO/IEC TS 27110) the control belongs to.
    CybersecurityConcept {
        Identify => "Identify",
        Protect => "Protect",
        Detect => "Detect",
        Respond => "Respond",
        Recover => "Recover",
    }
);

standard_enum!(
    /// The practitioner's view of the control: which capability it builds.
    OperationalCapability {
        Governance => "Governance",
        AssetManagement => "Asset_management",
        InformationProtection => "Information_protection",
        HumanResourceSecurity => "Human_resource_security",
        PhysicalSecurity => "Physical_security",
        SystemAndNetworkSecurity => "System_and_network_security",
        ApplicationSecurity => "Application_security",
        SecureConfiguration => "Secure_configuration",
        IdentityAndAccessManagement => "Identity_and_access_management",
        ThreatAndVulnerabilityManagement => "Threat_and_vulnerability_management",
        Continuity => "Continuity",
        SupplierRelationshipsSecurity => "Supplier_relationships_security",
        LegalAndCompliance => "Legal_and_compliance",
        InformationSecurityEventManagement => "Information_security_event_management",
        InformationSecurityAssurance => "Information_security_assurance",
    }
);

standard_enum!(
    /// The security domain the control contributes to.
    SecurityDomain {
        GovernanceAndEcosystem => "Governance_and_Ecosystem",
        Protection => "Protection",
        Defence => "Defence",
        Resilience => "Resilience",
    }
);

/// The attribute values of one control, one list per attribute type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attributes {
    pub control_type: Vec<ControlType>,
    pub security_properties: Vec<SecurityProperty>,
    pub cybersecurity_concepts: Vec<CybersecurityConcept>,
    pub operational_capabilities: Vec<OperationalCapability>,
    pub security_domains: Vec<SecurityDomain>,
}

impl Attributes {
    /// Every value of every type, spelled as the standard spells it, in a stable order.
    pub fn names(&self) -> Vec<&'static str> {
        self.iter_names().collect()
    }

    /// Like [`Attributes::names`], without collecting.
    pub fn iter_names(&self) -> impl Iterator<Item = &'static str> + Clone + '_ {
        let control_type = self.control_type.iter().map(|v| v.name());
        let properties = self.security_properties.iter().map(|v| v.name());
        let concepts = self.cybersecurity_concepts.iter().map(|v| v.name());
        let capabilities = self.operational_capabilities.iter().map(|v| v.name());
        let domains = self.security_domains.iter().map(|v| v.name());
        control_type
            .chain(properties)
            .chain(concepts)
            .chain(capabilities)
            .chain(domains)
    }

    /// The values as `#hashtags`.
    pub fn hashtags(&self) -> Vec<String> {
        self.names()
            .into_iter()
            .map(|name| format!("#{name}"))
            .collect()
    }

    /// True when the control carries the value `name` (any type, case ignored, `#` optional).
    pub fn has(&self, name: &str) -> bool {
        let name = name.trim_start_matches('#');
        self.names()
            .iter()
            .any(|value| value.eq_ignore_ascii_case(name))
    }
}

/// True when `name` (case ignored, `#` optional) is a value of any attribute type.
pub fn is_attribute_name(name: &str) -> bool {
    let name = name.trim_start_matches('#');
    ControlType::from_name(name).is_some()
        || SecurityProperty::from_name(name).is_some()
        || CybersecurityConcept::from_name(name).is_some()
        || OperationalCapability::from_name(name).is_some()
        || SecurityDomain::from_name(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_ignoring_case() {
        assert_eq!(
            OperationalCapability::from_name("threat_and_vulnerability_management"),
            Some(OperationalCapability::ThreatAndVulnerabilityManagement)
        );
        assert_eq!(Theme::from_name("PHYSICAL"), Some(Theme::Physical));
        assert_eq!(SecurityDomain::from_name("Defense"), None);
    }

    #[test]
    fn attribute_counts_match_the_standard() {
        assert_eq!(OperationalCapability::ALL.len(), 15);
        assert_eq!(SecurityDomain::ALL.len(), 4);
        assert!(is_attribute_name("#availability"));
        assert!(!is_attribute_name("#backup"));
    }
}
