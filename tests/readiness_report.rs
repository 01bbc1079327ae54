//! The readiness report renders for the demo company, in Markdown and in self-contained,
//! escaped HTML.

use chrono::NaiveDate;
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::export::readiness::{report_html, report_markdown};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 27).unwrap()
}

#[test]
fn the_demo_report_has_every_section() {
    let catalogue = Catalogue::builtin();
    let demo = demo_workspace(&catalogue);
    let md = report_markdown(&demo, &catalogue, today());
    for heading in [
        "# ISMS readiness report: Brackenfield ISMS",
        "## Scope",
        "## Clauses 4–10",
        "## Statement of Applicability",
        "## Risks",
        "## Audit coverage (3-year cycle)",
        "## Management review",
        "## Open findings",
        "## Objectives",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("| 9.2.2 | Internal audit programme | met | CISO | E-010 Internal audit report 2025 | 2025-11-20 |"));
    assert!(
        md.contains("| F-003 | minor nc | open | 2025-11-03 | 24 days |"),
        "{md}"
    );
    assert!(md.contains("3 h 10 min on 2025-11-07"));
    assert!(
        !md.contains("| F-001 |"),
        "closed findings are not listed as open"
    );
}

#[test]
fn the_html_report_is_self_contained_and_escaped() {
    let catalogue = Catalogue::builtin();
    let mut demo = demo_workspace(&catalogue);
    demo.settings.scope = "<script>alert(1)</script> & more".into();
    let html = report_html(&demo, &catalogue, today());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("src=") && !html.contains("<link"));
}
