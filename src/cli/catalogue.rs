//! `isms catalogue`: every control with every field, as a table, CSV or JSON.

use std::process::ExitCode;

use super::TableFormat;
use super::columns::{self, pad};
use super::output::{Style, truncate};
use super::print::{Kind, json_line};
use crate::domain::catalogue::Catalogue;
use crate::domain::control::Control;
use crate::domain::text::sanitize_line;

pub fn run(catalogue: &Catalogue, format: TableFormat) -> anyhow::Result<ExitCode> {
    match format {
        TableFormat::Table => out!("{}", table(catalogue, Style::detect())),
        TableFormat::Csv => super::print::write_stdout(csv(catalogue)?.as_bytes(), Kind::Document),
        TableFormat::Json => json_line(&serde_json::to_string_pretty(catalogue.controls())?),
    }
    Ok(ExitCode::SUCCESS)
}

fn table(catalogue: &Catalogue, style: Style) -> String {
    let id = columns::width("ID", catalogue.controls().iter().map(|c| c.id.as_str()), 6);
    // The title gets what the id column leaves of 80 columns beside theme (15) and `new` (3).
    let title_width = super::output::WIDTH.saturating_sub(id + 15 + 3).max(20);
    // A catalogue with groups of its own (an SP 800-53 family, say) shows them instead of themes.
    let grouped = catalogue.controls().iter().any(|c| !c.group.is_empty());
    let mut out = style.bold(&format!(
        "{}{}{:<15}{}\n",
        pad("ID", id),
        pad("TITLE", title_width),
        if grouped { "GROUP" } else { "THEME" },
        "NEW"
    ));
    for control in catalogue.controls() {
        let new = if control.new_in_2022 { "new" } else { "" };
        let title = truncate(&sanitize_line(&control.title), title_width - 1);
        let row = format!(
            "{}{}{:<15}{}",
            pad(&sanitize_line(&control.id), id),
            pad(&title, title_width),
            if grouped {
                truncate(&sanitize_line(&control.group), 14)
            } else {
                control.theme.name().to_string()
            },
            new
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Column names of the CSV export, one per field of a control.
const CSV_HEADER: [&str; 15] = [
    "id",
    "theme",
    "title",
    "new_in_2022",
    "control_type",
    "security_properties",
    "cybersecurity_concepts",
    "operational_capabilities",
    "security_domains",
    "iso27002_2013",
    "related",
    "purpose",
    "guidance",
    "evidence",
    "pitfalls",
];

/// Lists of values are joined with `;` as in the reference tables; evidence and pitfalls, which
/// are sentences, one per line inside their cell.
fn csv(catalogue: &Catalogue) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    for control in catalogue.controls() {
        writer.write_record(csv_row(control))?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

fn csv_row(control: &Control) -> Vec<String> {
    fn names<T: std::fmt::Display>(values: &[T]) -> String {
        values
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(";")
    }
    let a = &control.attributes;
    vec![
        control.id.clone(),
        control.theme.to_string(),
        control.title.clone(),
        control.new_in_2022.to_string(),
        names(&a.control_type),
        names(&a.security_properties),
        names(&a.cybersecurity_concepts),
        names(&a.operational_capabilities),
        names(&a.security_domains),
        control.iso27002_2013.join(";"),
        control.related.join(";"),
        control.purpose.clone(),
        control.guidance.clone(),
        control.evidence.join("\n"),
        control.pitfalls.join("\n"),
    ]
}
