//! The SoA and risk register exports: Markdown, HTML, CSV, JSON and XLSX, on a workspace built
//! in code.

mod common;

use isms::domain::catalogue::Catalogue;
use isms::export::{
    risks_csv, risks_json, risks_markdown, soa_csv, soa_html, soa_json, soa_markdown, xlsx,
};

#[test]
fn markdown_has_the_header_every_control_and_the_whole_justification() {
    let catalogue = Catalogue::builtin();
    let ws = common::sample();
    let md = soa_markdown::soa_markdown(&ws, &catalogue, common::generated());
    assert!(
        md.starts_with("# Statement of Applicability — Acme ISMS\n"),
        "{}",
        &md[..200]
    );
    assert!(md.contains("- **Organisation:** Acme &lt;Widgets&gt; &amp; Co\n"));
    assert!(md.contains("- **SoA version:** 3\n"));
    assert!(md.contains("- **Generated:** 2026-03-02\n"));
    assert!(md.contains("> All cloud services\n> and the London office\n"));
    assert_eq!(md.matches("\n### ").count(), 93);
    assert!(md.contains("THE END OF THE JUSTIFICATION"));
    let section_5_1 = &md[md.find("### 5.1 ").unwrap()..md.find("### 5.2 ").unwrap()];
    assert!(section_5_1.contains(
        "- **Reasons for inclusion:** risk treatment, legal/regulatory, business/best practice\n"
    ));
    assert!(section_5_1.contains("- **Linked risks:** R-001\n"));
    assert!(section_5_1.contains("&lt;script&gt;"));
    assert!(md.contains("- **Controls:** 93 (3 applicable, 1 excluded, 89 undecided)"));
}

#[test]
fn html_is_self_contained_escaped_and_prints_landscape() {
    let catalogue = Catalogue::builtin();
    let ws = common::sample();
    let html = soa_html::soa_html(&ws, &catalogue, common::generated());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4 landscape;"));
    assert!(html.contains("thead { display: table-header-group; }"));
    assert!(!html.contains("<script"), "user text must be escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Acme &lt;Widgets&gt; &amp; Co"));
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "no external resources"
    );
    assert!(html.contains("THE END OF THE JUSTIFICATION"));
    assert_eq!(
        html.matches("<tr class=\"").count() - html.matches("<tr class=\"theme\"").count(),
        93
    );
}

#[test]
fn csv_is_rfc4180_with_crlf_and_neutralised_formulas() {
    let catalogue = Catalogue::builtin();
    let ws = common::sample();
    let csv_text = soa_csv::soa_csv(&ws, &catalogue);
    assert!(csv_text.starts_with("Control,Title,Theme,Applicability,Reasons,Justification,Status,Implementation note,Owner,Evidence,Risks,Reviewed\r\n"));
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 93);
    let row = records.iter().find(|r| &r[0] == "5.1").unwrap();
    assert_eq!(&row[8], "'-CISO", "an owner starting with - is neutralised");
    assert_eq!(
        &row[9],
        "POL-001 Information security policy\n@board minutes 2025-11"
    );
    assert!(
        row[5].contains("\n=HYPERLINK"),
        "only a cell's start matters"
    );
    for record in &records {
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
    let risks = risks_csv::risks_csv(&ws);
    assert!(risks.contains("\r\n"));
    let ids: Vec<String> = csv::Reader::from_reader(risks.as_bytes())
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(ids, ["R-001", "R-2", "R-010"]);
}

#[test]
fn json_has_the_shared_shape_with_derived_reasons_and_risks() {
    let catalogue = Catalogue::builtin();
    let ws = common::sample();
    let value: serde_json::Value =
        serde_json::from_str(&soa_json::soa_json(&ws, &catalogue)).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 93);
    let e = entries.iter().find(|e| e["control"] == "8.13").unwrap();
    assert_eq!(e["applicability"], "applicable");
    assert_eq!(e["reasons"], serde_json::json!(["risk_treatment"]));
    assert_eq!(e["risks"], serde_json::json!(["R-001"]));
    assert_eq!(e["status"], "partial");
    assert_eq!(e["reviewed"], serde_json::Value::Null);
    let risks: serde_json::Value = serde_json::from_str(&risks_json::risks_json(&ws)).unwrap();
    assert_eq!(risks["risks"][0]["id"], "R-001");
    assert_eq!(risks["risks"][0]["inherent_score"], 20);
    assert_eq!(risks["risks"][0]["inherent_level"], "critical");
    assert_eq!(risks["risks"][0]["residual_level"], "medium");
}

#[test]
fn risks_markdown_lists_every_risk() {
    let ws = common::sample();
    let md = risks_markdown::risks_markdown(&ws, common::generated());
    assert!(md.contains("| R-001 | Ransomware encrypts the customer database | 20 (critical) | modify | 8 (medium) | open | CTO |"));
    assert!(md.contains("### R-010 Supplier goes out of business"));
    assert!(md.contains("- **Accepted:** by CEO on 2025-12-01 until 2026-12-01"));
    assert!(md.contains("likelihood 4 (Likely), impact 5 (Severe), score 20 (critical)"));
}

#[test]
fn xlsx_is_byte_identical_across_runs_and_has_both_sheets() {
    let catalogue = Catalogue::builtin();
    let ws = common::sample();
    let first = xlsx::workbook(&ws, &catalogue).unwrap();
    let second = xlsx::workbook(&ws.clone(), &catalogue).unwrap();
    assert_eq!(first, second);
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(first)).unwrap();
    assert_eq!(book.sheet_names(), ["SoA", "Risks"]);
    let soa = book.worksheet_range("SoA").unwrap();
    assert_eq!(soa.height(), 94);
    let risks = book.worksheet_range("Risks").unwrap();
    assert_eq!(risks.height(), 4);
    assert_eq!(
        risks.get((1, 7)),
        Some(&calamine::Data::Float(4.0)),
        "likelihood is a number"
    );
}
