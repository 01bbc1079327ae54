//! `isms show ID`: one control, readable at 80 columns, or as JSON.

use std::process::ExitCode;

use super::output::{Style, WIDTH, wrap_bullet, wrap_paragraphs};
use super::{EXIT_FINDINGS, TextOrJson};
use crate::domain::catalogue::{Catalogue, Lookup};
use crate::domain::control::Control;
use crate::domain::text::{sanitize, sanitize_line};

pub fn run(
    catalogue: &Catalogue,
    typed: &str,
    format: TextOrJson,
    workspace: Option<&crate::domain::workspace::Workspace>,
) -> anyhow::Result<ExitCode> {
    let style = Style::detect();
    let (note, positions) = match catalogue.lookup(typed) {
        Lookup::Control(i) => (None, vec![i]),
        Lookup::Replaced { old_id, controls } => {
            let new_ids: Vec<&str> = controls
                .iter()
                .map(|&i| catalogue.controls()[i].id.as_str())
                .collect();
            (
                Some(format!(
                    "{old_id} (ISO/IEC 27002:2013) was replaced by {}.",
                    new_ids.join(" and ")
                )),
                controls,
            )
        }
        Lookup::NotFound => {
            errln!("isms: {}", super::control_id::not_found(catalogue, typed));
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    };
    let controls: Vec<&Control> = positions
        .iter()
        .map(|&i| &catalogue.controls()[i])
        .collect();
    match format {
        TextOrJson::Json => {
            if let Some(note) = &note {
                errln!("{note}");
            }
            let json = if controls.len() == 1 {
                serde_json::to_string_pretty(controls[0])?
            } else {
                serde_json::to_string_pretty(&controls)?
            };
            super::print::json_line(&json);
        }
        TextOrJson::Text => {
            if let Some(note) = &note {
                outln!("{}\n", style.accent(note));
            }
            let pages: Vec<String> = controls
                .iter()
                .map(|c| {
                    let mut page = render(catalogue, c, style);
                    if let Some(workspace) = workspace {
                        page.push_str(&super::show_entry::section(workspace, &c.id, style));
                    }
                    page
                })
                .collect();
            out!("{}", pages.join(&format!("\n{}\n\n", "─".repeat(WIDTH))));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The whole control as text: header, hashtags, purpose, guidance, evidence, pitfalls, ancestry.
pub fn render(catalogue: &Catalogue, control: &Control, style: Style) -> String {
    let mut out = String::new();
    let new = if control.new_in_2022 {
        " · new in 2022"
    } else {
        ""
    };
    let header = format!("{}  {}", control.id, sanitize_line(&control.title));
    // A catalogue with groups of its own shows the group instead of ISO's theme.
    let right = if control.group.is_empty() {
        format!("{}{new}", control.theme)
    } else {
        format!("{}{new}", sanitize_line(&control.group))
    };
    let used = header.chars().count() + right.chars().count();
    if used + 2 <= WIDTH {
        out.push_str(&format!(
            "{}{}{}\n",
            style.bold(&header),
            " ".repeat(WIDTH - used),
            style.dim(&right)
        ));
    } else {
        out.push_str(&format!(
            "{}\n{}\n",
            style.bold(&textwrap::fill(&header, WIDTH)),
            style.dim(&right)
        ));
    }
    let tags = control.attributes.hashtags().join(" ");
    if !tags.is_empty() {
        out.push_str(&format!(
            "{}\n",
            style.accent(&textwrap::fill(&tags, WIDTH))
        ));
    }
    if !control.aliases.is_empty() {
        let aliases = format!(
            "Also called: {}",
            sanitize_line(&control.aliases.join(", "))
        );
        out.push_str(&format!(
            "{}\n",
            style.dim(&textwrap::fill(&aliases, WIDTH))
        ));
    }

    section(
        &mut out,
        style,
        "Purpose",
        &wrap_paragraphs(&sanitize(&control.purpose), "  "),
    );
    if !control.guidance.trim().is_empty() {
        section(
            &mut out,
            style,
            "Guidance",
            &wrap_paragraphs(&sanitize(&control.guidance), "  "),
        );
    }
    if !control.evidence.is_empty() {
        let items: Vec<String> = control
            .evidence
            .iter()
            .map(|e| wrap_bullet(&sanitize_line(e)))
            .collect();
        section(
            &mut out,
            style,
            "Evidence an auditor asks for",
            &items.join("\n"),
        );
    }
    if !control.pitfalls.is_empty() {
        let items: Vec<String> = control
            .pitfalls
            .iter()
            .map(|p| wrap_bullet(&sanitize_line(p)))
            .collect();
        section(&mut out, style, "Common pitfalls", &items.join("\n"));
    }
    let replaced = if control.iso27002_2013.is_empty() {
        "  none (new in 2022)".to_string()
    } else {
        textwrap::fill(
            &control.iso27002_2013.join(", "),
            textwrap::Options::new(WIDTH)
                .initial_indent("  ")
                .subsequent_indent("  "),
        )
    };
    section(&mut out, style, "Replaces (ISO/IEC 27002:2013)", &replaced);
    if !control.related.is_empty() {
        let related: Vec<&Control> = control
            .related
            .iter()
            .filter_map(|id| catalogue.get(id))
            .collect();
        let id_width = super::columns::width("", related.iter().map(|r| r.id.as_str()), 6);
        let lines: Vec<String> = related
            .iter()
            .map(|r| {
                let id = super::columns::pad(&sanitize_line(&r.id), id_width);
                super::output::truncate(&format!("  {id}{}", sanitize_line(&r.title)), WIDTH)
            })
            .collect();
        section(&mut out, style, "Related controls", &lines.join("\n"));
    }
    out
}

fn section(out: &mut String, style: Style, title: &str, body: &str) {
    out.push_str(&format!("\n{}\n{}\n", style.heading(title), body));
}
