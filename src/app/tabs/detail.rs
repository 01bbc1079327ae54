//! The detail of one control, laid out as wrapped lines for a given width: attributes, what it
//! replaces, this workspace's SoA decision, related controls and linked risks (which can be
//! picked and followed), then purpose, guidance, evidence and pitfalls. Built once per selection
//! and width, so drawing and scrolling cost nothing.

use unicode_width::UnicodeWidthStr;

use crate::domain::catalogue::Catalogue;
use crate::domain::control::Control;
use crate::domain::search::{Field, Hit, Matched, Query, matched};
use crate::domain::soa::{Applicability, Status};
use crate::domain::text::{sanitize, sanitize_line};
use crate::domain::workspace::{Level, Workspace};

/// What a piece of text is, so the renderer can give it the theme's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Dim,
    Title,
    Heading,
    Label,
    Tag,
    Link,
    Applicability(Applicability),
    Status(Status),
    Level(Level),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub spans: Vec<(Role, String)>,
    /// The link this line shows, as an index into `Detail::links`.
    pub link: Option<usize>,
}

/// Where a link in the detail leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Control(usize),
    Risk(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    pub control: Option<usize>,
    pub width: u16,
    /// The search this detail was laid out for (it says where the search matched).
    pub query: String,
    /// Words to highlight in the text: the search's words and the word that matched.
    pub marks: Vec<String>,
    pub lines: Vec<Line>,
    pub links: Vec<Link>,
    /// The line of each link.
    pub link_lines: Vec<usize>,
}

struct Builder {
    width: usize,
    lines: Vec<Line>,
    links: Vec<Link>,
    link_lines: Vec<usize>,
}

impl Builder {
    fn line(&mut self, spans: Vec<(Role, String)>) {
        self.lines.push(Line { spans, link: None });
    }

    fn blank(&mut self) {
        self.line(Vec::new());
    }

    fn wrapped(&mut self, role: Role, text: &str, first: &str, rest: &str) {
        let options = textwrap::Options::new(self.width.max(8))
            .initial_indent(first)
            .subsequent_indent(rest);
        for line in textwrap::wrap(text, options) {
            self.line(vec![(role, line.into_owned())]);
        }
    }

    /// A builder whose first lines are the control's id and title, its theme and whether it is
    /// new in 2022.
    fn headed(control: &Control, width: u16) -> Builder {
        let mut b = Builder {
            width: usize::from(width),
            lines: Vec::new(),
            links: Vec::new(),
            link_lines: Vec::new(),
        };
        let title = format!(
            "{}  {}",
            sanitize_line(&control.id),
            sanitize_line(&control.title)
        );
        b.wrapped(Role::Title, &title, "", "  ");
        let new = if control.new_in_2022 {
            " · new in 2022"
        } else {
            ""
        };
        b.line(vec![(Role::Dim, format!("{}{new}", control.theme.name()))]);
        b
    }

    /// The 2013 controls this one replaces.
    fn replaces(&mut self, control: &Control) {
        let replaces = if control.iso27002_2013.is_empty() {
            "no 2013 control".to_string()
        } else {
            sanitize_line(&control.iso27002_2013.join(", "))
        };
        self.line(vec![
            (Role::Label, "Replaces ".into()),
            (Role::Text, replaces),
        ]);
    }

    fn section(&mut self, title: &str) {
        self.blank();
        self.line(vec![(Role::Heading, title.to_string())]);
    }

    fn link(&mut self, link: Link, spans: Vec<(Role, String)>) {
        self.link_lines.push(self.lines.len());
        self.lines.push(Line {
            spans,
            link: Some(self.links.len()),
        });
        self.links.push(link);
    }
}

/// Where the search that listed a control matched it, for the detail to say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    pub query: String,
    /// `matched in guidance: "…restore tests…"`, unless the title (shown in the list) matched.
    pub matched: Option<Matched>,
    pub marks: Vec<String>,
}

impl Why {
    /// Why the selected hit of a search is listed; nothing without words to rank by.
    pub fn of(catalogue: &Catalogue, query_text: &str, query: &Query, hit: Option<&Hit>) -> Why {
        let mut marks: Vec<String> = query.words().map(str::to_string).collect();
        let mut why = Why {
            query: query_text.to_string(),
            ..Why::default()
        };
        let Some(hit) = hit.filter(|_| !marks.is_empty()) else {
            return why;
        };
        if let Some(word) = hit.place.and_then(|place| place.word) {
            marks.push(catalogue.index().word(word).to_string());
        }
        why.matched = matched(catalogue, hit, query)
            .filter(|m| !matches!(m.field, Field::Title | Field::Id | Field::Iso2013));
        why.marks = marks;
        why
    }
}

/// Lays out the control at `position` for a text area `width` columns wide.
pub fn build(
    catalogue: &Catalogue,
    workspace: &Workspace,
    position: usize,
    width: u16,
    why: Why,
) -> Detail {
    let Some(control) = catalogue.controls().get(position) else {
        return Detail::default();
    };
    let mut b = Builder::headed(control, width);
    if let Some(matched) = &why.matched {
        let text = format!(
            "matched in {}: \"{}\"",
            matched.field.name(),
            sanitize_line(&matched.snippet)
        );
        b.wrapped(Role::Dim, &text, "", "  ");
    }
    b.wrapped(Role::Tag, &control.attributes.hashtags().join(" "), "", "");

    b.replaces(control);

    match workspace.soa.entry(&control.id) {
        Some(entry) => {
            let mut spans = vec![
                (Role::Label, "SoA ".to_string()),
                (
                    Role::Applicability(entry.applicability),
                    entry.applicability.name().to_string(),
                ),
            ];
            if entry.applicability == Applicability::Applicable {
                spans.push((Role::Dim, " · ".into()));
                spans.push((Role::Status(entry.status), entry.status.label().to_string()));
            }
            b.line(spans);
            if !entry.owner.is_empty() {
                b.wrapped(
                    Role::Dim,
                    &format!("owner: {}", sanitize_line(&entry.owner)),
                    "  ",
                    "  ",
                );
            }
            let reasons: Vec<&str> = workspace
                .reasons(&control.id)
                .iter()
                .map(|r| r.label())
                .collect();
            if !reasons.is_empty() {
                b.wrapped(
                    Role::Dim,
                    &format!("because: {}", reasons.join(", ")),
                    "  ",
                    "  ",
                );
            }
            if !entry.justification.is_empty() {
                b.wrapped(Role::Text, &sanitize(&entry.justification), "  ", "  ");
            }
        }
        None => b.line(vec![
            (Role::Label, "SoA ".into()),
            (Role::Dim, "no entry".into()),
        ]),
    }

    related_section(&mut b, catalogue, control);
    csf_section(&mut b, control);

    b.section("Risks linked here");
    let risks = workspace.risks_for_control(&control.id);
    if risks.is_empty() {
        b.line(vec![(Role::Dim, "  none in this workspace".into())]);
    }
    let method = &workspace.settings.risk_method;
    for risk in risks {
        let score = risk.inherent_score();
        let level = method.level(score);
        let tail = format!(" {} {score}", level.name());
        let head = fit(
            &format!(
                "  {} {}",
                sanitize_line(&risk.id),
                sanitize_line(&risk.title)
            ),
            b.width.saturating_sub(tail.width()),
        );
        b.link(
            Link::Risk(risk.id.clone()),
            vec![(Role::Link, head), (Role::Level(level), tail)],
        );
    }

    reading_section(&mut b, control);
    Detail {
        control: Some(position),
        width,
        query: why.query,
        marks: why.marks,
        lines: b.lines,
        links: b.links,
        link_lines: b.link_lines,
    }
}

fn related_section(b: &mut Builder, catalogue: &Catalogue, control: &Control) {
    b.section("Related controls");
    let related: Vec<usize> = control
        .related
        .iter()
        .filter_map(|id| catalogue.position(id))
        .collect();
    if related.is_empty() {
        b.line(vec![(Role::Dim, "  none".into())]);
    }
    for target in related {
        let other = &catalogue.controls()[target];
        let text = fit(
            &format!(
                "  {:<5} {}",
                sanitize_line(&other.id),
                sanitize_line(&other.title)
            ),
            b.width,
        );
        b.link(Link::Control(target), vec![(Role::Link, text)]);
    }
}

/// The NIST CSF 2.0 subcategories NIST maps to this control, one line per mapping source (the
/// sources are kept apart, never merged). Nothing for a control no source names.
fn csf_section(b: &mut Builder, control: &Control) {
    let csf = crate::domain::framework::csf2();
    let target = format!("A.{}", control.id);
    let mut shown = false;
    for source in csf.sources() {
        let nodes: Vec<&str> = csf
            .mappings
            .iter()
            .filter(|m| m.source == source && m.target.trim() == target)
            .map(|m| m.node.as_str())
            .collect();
        if nodes.is_empty() {
            continue;
        }
        if !shown {
            b.section("NIST CSF 2.0 (informative mappings)");
            shown = true;
        }
        b.wrapped(
            Role::Text,
            &sanitize_line(&format!("{source}: {}", nodes.join(", "))),
            "",
            "  ",
        );
    }
}

fn reading_section(b: &mut Builder, control: &Control) {
    b.section("Purpose");
    b.wrapped(Role::Text, &sanitize(&control.purpose), "", "");
    if !control.guidance.is_empty() {
        b.section("Guidance");
        for (i, paragraph) in sanitize(&control.guidance).split("\n\n").enumerate() {
            if i > 0 {
                b.blank();
            }
            b.wrapped(Role::Text, paragraph.trim(), "", "");
        }
    }
    for (title, items) in [
        ("Evidence", &control.evidence),
        ("Pitfalls", &control.pitfalls),
    ] {
        if !items.is_empty() {
            b.section(title);
            for item in items {
                b.wrapped(Role::Text, &sanitize_line(item), "• ", "  ");
            }
        }
    }
}

/// Lays out a control for reading it whole (the control screen): the title, then purpose,
/// guidance, evidence and pitfalls first, related controls, tags and the 2013 ids last. The SoA
/// entry and the risks have their own parts on that screen.
pub fn build_reading(catalogue: &Catalogue, position: usize, width: u16) -> Detail {
    let Some(control) = catalogue.controls().get(position) else {
        return Detail::default();
    };
    let mut b = Builder::headed(control, width);
    reading_section(&mut b, control);
    related_section(&mut b, catalogue, control);
    csf_section(&mut b, control);
    b.blank();
    b.wrapped(Role::Tag, &control.attributes.hashtags().join(" "), "", "");
    b.replaces(control);
    Detail {
        control: Some(position),
        width,
        lines: b.lines,
        links: b.links,
        link_lines: b.link_lines,
        ..Detail::default()
    }
}

/// Cuts text to `width` columns, ending with `…` when it was longer.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn lists_related_controls_and_linked_risks_as_links() {
        let catalogue = Catalogue::builtin();
        let workspace = demo_workspace(&catalogue);
        let position = catalogue.position("8.13").unwrap();
        let detail = build(&catalogue, &workspace, position, 40, Why::default());
        assert!(detail.links.contains(&Link::Risk("R-001".into())));
        assert!(detail.links.iter().any(|l| matches!(l, Link::Control(_))));
        for (i, line) in detail.link_lines.iter().enumerate() {
            assert_eq!(detail.lines[*line].link, Some(i));
        }
        for line in &detail.lines {
            let width: usize = line.spans.iter().map(|(_, t)| t.width()).sum();
            assert!(width <= 40, "{line:?}");
        }
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
