//! The help layer: every context's keys, generated from the keymap, scrolled with the list keys.
//! The keys of the layer under the help and of the current pane come first, then the filter
//! syntax, then everything else. Lines are wrapped here, to the width the help is drawn at, so
//! that scrolling stops at the last line.

use super::{Layer, Outcome};
use crate::app::{Action, App, Effect, layout};
use crate::keymap::{Context, HelpLine};

/// The help box is at most this wide (it is as high as the body).
pub const HELP_WIDTH: u16 = 86;
/// The keys column is at most this wide; longer keys wrap inside it.
const KEYS_WIDTH_MAX: usize = 22;

#[derive(Debug, Clone, Default)]
pub struct Help {
    /// The first line shown.
    pub scroll: usize,
}

/// One line of the help, wrapped to the width it is drawn at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(String),
    /// The keys column (empty on a continuation line) and the text beside it.
    Key {
        keys: String,
        text: String,
    },
    Text(String),
    Blank,
}

/// The filter syntax, one paragraph per pane (our words for what `Query::parse` and the panes'
/// filters read).
const FILTERS: &[&str] = &[
    "Catalogue: words (best matches first), control ids (8.9 or A.12.3.1), #attribute \
     (#preventive, #availability, #identify: the start of a name is enough), \
     theme:NAME (organizational, people, physical, technological).",
    "SoA: the same, plus undecided, applicable or excluded, status:STATUS (not_started, \
     planned, partial, implemented) and owner:TEXT (part of the owner's name).",
    "Risks: words, each found somewhere in the id, title, owner, asset or threat.",
    "Esc clears a filter; the selected row stays selected. On the command line only, \
     isms search 'fw:csf2 WORDS' (or fw:all) searches the framework mappings.",
];

/// The (columns, rows) of text inside the help box on this app's screen.
pub fn text_size(app: &App) -> (usize, usize) {
    let body = layout::screen(app.area()).body;
    let width = HELP_WIDTH.min(body.width).saturating_sub(4);
    (
        usize::from(width),
        usize::from(body.height.saturating_sub(2)),
    )
}

/// The help's lines at `width` columns; `under` is the layer below the help, if any.
pub fn rows(app: &App, under: Option<&Layer>, width: usize) -> Vec<HelpRow> {
    let mut sections: Vec<(String, Vec<HelpLine>)> = Vec::new();
    let mut shown: Vec<Context> = vec![Context::Global];
    if let Some(layer) = under {
        let contexts = layer.contexts();
        let here: Vec<Context> = contexts
            .iter()
            .copied()
            .filter(|c| !shown.contains(c))
            .collect();
        // A form's contexts run from the focused field to the form: name the form.
        let title = format!("Keys here: {}", contexts[contexts.len() - 1].title());
        sections.push((title, app.keymap.help_for(&here)));
        shown.extend(here);
    }
    let pane: Vec<Context> = app
        .tab_contexts()
        .iter()
        .copied()
        .filter(|c| !shown.contains(c))
        .collect();
    let title = format!("Keys of the {} pane", app.tab.title());
    sections.push((title, app.keymap.help_for(&pane)));
    shown.extend(pane);

    let rest: Vec<(String, Vec<HelpLine>)> = app
        .keymap
        .help_sections()
        .into_iter()
        .filter(|(title, _)| {
            !shown
                .iter()
                .any(|c| c.title() == *title && *c != Context::Global)
        })
        .map(|(title, lines)| (title.to_string(), lines))
        .collect();

    let keys_width = sections
        .iter()
        .chain(&rest)
        .flat_map(|(_, lines)| lines.iter().map(|l| l.keys.chars().count()))
        .max()
        .unwrap_or(0)
        .min(KEYS_WIDTH_MAX)
        .min(width / 3);
    let mut out = Vec::new();
    for (title, lines) in &sections {
        section(&mut out, title, lines, keys_width, width);
    }
    out.push(HelpRow::Blank);
    out.push(HelpRow::Heading("Filters (type after /)".to_string()));
    for paragraph in FILTERS {
        for line in textwrap::wrap(
            paragraph,
            textwrap::Options::new(width.max(8)).subsequent_indent("  "),
        ) {
            out.push(HelpRow::Text(line.into_owned()));
        }
    }
    for (title, lines) in &rest {
        section(&mut out, title, lines, keys_width, width);
    }
    out
}

fn section(
    out: &mut Vec<HelpRow>,
    title: &str,
    lines: &[HelpLine],
    keys_width: usize,
    width: usize,
) {
    if lines.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(HelpRow::Blank);
    }
    out.push(HelpRow::Heading(title.to_string()));
    let text_width = width.saturating_sub(keys_width + 1).max(8);
    for line in lines {
        let keys = textwrap::wrap(&line.keys, keys_width.max(1));
        let text = textwrap::wrap(line.help, text_width);
        for i in 0..keys.len().max(text.len()) {
            out.push(HelpRow::Key {
                keys: keys.get(i).map(|k| k.to_string()).unwrap_or_default(),
                text: text.get(i).map(|t| t.to_string()).unwrap_or_default(),
            });
        }
    }
}

/// The keys column's width in these rows.
pub fn keys_width(rows: &[HelpRow]) -> usize {
    rows.iter()
        .filter_map(|r| match r {
            HelpRow::Key { keys, .. } => Some(keys.chars().count()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

pub(super) fn update(app: &mut App, help: &mut Help, action: Action) -> Outcome {
    let delta: isize = match action {
        Action::ToggleHelp | Action::CloseHelp => return Outcome::Close(Effect::None),
        Action::MoveDown => 1,
        Action::MoveUp => -1,
        Action::PageDown => 10,
        Action::PageUp => -10,
        Action::MoveTop => -10_000,
        Action::MoveBottom => 10_000,
        other => return Outcome::Pass(other),
    };
    // The help is taken off the stack while it acts: the layer under it is the top one.
    let (width, height) = text_size(app);
    let last = rows(app, app.layers.last(), width)
        .len()
        .saturating_sub(height);
    help.scroll = help.scroll.saturating_add_signed(delta).min(last);
    Outcome::Keep(Effect::None)
}
