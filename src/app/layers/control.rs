//! The control screen: one control whole, over any pane. Three parts: the guidance (the
//! catalogue text laid out by `tabs/detail.rs`, scrollable, with `/` search and `n`/`N`), the
//! SoA entry (edited in place with the one form, drawn inside this screen so the guidance stays
//! in view) and the risks that name the control (Enter opens one). Wide terminals put the
//! guidance beside the entry and risks; narrow ones stack them with the entry compact; `z` gives
//! one part the whole screen.

use ratatui::layout::Rect;

use super::{Help, Layer, Outcome};
use crate::app::detail::{self, Detail};
use crate::app::layout;
use crate::app::widgets::text_input::TextInput;
use crate::app::{Action, App, Effect};
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::Reason;
use crate::domain::workspace::Workspace;

/// A part of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Guidance,
    Entry,
    Risks,
}

/// From this width on the guidance sits beside the entry and the risks.
pub const SIDE_BY_SIDE: u16 = 100;

#[derive(Debug, Clone)]
pub struct ControlScreen {
    pub control: String,
    pub position: usize,
    /// The guidance, laid out for the width of its part.
    pub detail: Detail,
    /// The first guidance line shown.
    pub scroll: usize,
    /// Rows of guidance text on screen, as last laid out.
    pub rows: usize,
    /// The part the keys move in.
    pub part: Part,
    /// The part given the whole screen, if any.
    pub zoom: Option<Part>,
    /// The search being typed, while it is.
    pub search: Option<TextInput>,
    /// The last search, lower-cased, and the guidance lines it matches.
    pub query: String,
    pub hits: Vec<usize>,
    /// The ids of the risks naming this control, in register order.
    pub risks: Vec<String>,
    pub risk: usize,
}

/// Where the parts go; a part not shown has no rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ControlAreas {
    pub guidance: Option<Rect>,
    pub entry: Option<Rect>,
    pub risks: Option<Rect>,
}

impl ControlAreas {
    /// The guidance text inside its border, less a column of padding each side.
    pub fn guidance_text(&self) -> Option<Rect> {
        let inner = layout::inset(self.guidance?);
        Some(Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        })
    }
}

/// Lays the parts out in the pane body. While the entry form is open (`editing`) it gets the
/// room the risks had, never the guidance's whole.
pub fn areas(body: Rect, zoom: Option<Part>, editing: bool, risk_count: usize) -> ControlAreas {
    match zoom {
        Some(Part::Guidance) => {
            return ControlAreas {
                guidance: Some(body),
                ..ControlAreas::default()
            };
        }
        Some(Part::Entry) => {
            return ControlAreas {
                entry: Some(body),
                ..ControlAreas::default()
            };
        }
        _ => {}
    }
    if body.width >= SIDE_BY_SIDE {
        let left = body.width * 11 / 20;
        let guidance = Rect {
            width: left,
            ..body
        };
        let right = Rect {
            x: body.x + left,
            width: body.width - left,
            ..body
        };
        let risks_height = if editing {
            right.height / 4
        } else {
            (right.height * 2 / 5).min(risk_count as u16 * 2 + 3)
        }
        .max(3);
        let (entry, risks) = split(right, right.height.saturating_sub(risks_height));
        return ControlAreas {
            guidance: Some(guidance),
            entry: Some(entry),
            risks: Some(risks),
        };
    }
    if editing {
        let guidance = (body.height * 2 / 5).max(7).min(body.height);
        let (guidance, entry) = split(body, guidance);
        return ControlAreas {
            guidance: Some(guidance),
            entry: Some(entry),
            risks: None,
        };
    }
    let risks_height = (risk_count.min(3) as u16 + 2).max(3);
    let (guidance, rest) = split(body, body.height.saturating_sub(6 + risks_height));
    let (entry, risks) = split(rest, 6.min(rest.height));
    ControlAreas {
        guidance: Some(guidance),
        entry: Some(entry),
        risks: Some(risks),
    }
}

/// The top `height` rows of an area, and the rest.
fn split(area: Rect, height: u16) -> (Rect, Rect) {
    let height = height.min(area.height);
    (
        Rect { height, ..area },
        Rect {
            y: area.y + height,
            height: area.height - height,
            ..area
        },
    )
}

impl ControlScreen {
    pub fn new(catalogue: &Catalogue, control: &str) -> Option<ControlScreen> {
        let position = catalogue.position(control)?;
        Some(ControlScreen {
            control: catalogue.controls()[position].id.clone(),
            position,
            detail: Detail::default(),
            scroll: 0,
            rows: 1,
            part: Part::Guidance,
            zoom: None,
            search: None,
            query: String::new(),
            hits: Vec::new(),
            risks: Vec::new(),
            risk: 0,
        })
    }

    /// Where the parts go in this body.
    pub fn areas(&self, body: Rect, editing: bool) -> ControlAreas {
        areas(body, self.zoom, editing, self.risks.len())
    }

    /// Lays the guidance out again for the current size and reads the risks again (after any
    /// key: an edit, an undo or a resize may have changed them).
    pub fn refresh(
        &mut self,
        catalogue: &Catalogue,
        workspace: &Workspace,
        body: Rect,
        editing: bool,
    ) {
        self.risks = workspace
            .risks_for_control(&self.control)
            .iter()
            .map(|r| r.id.clone())
            .collect();
        self.risk = self.risk.min(self.risks.len().saturating_sub(1));
        let text = self.areas(body, editing).guidance_text();
        let width = text.map_or(body.width, |r| r.width);
        self.rows = text.map_or(1, |r| usize::from(r.height)).max(1);
        if self.detail.width != width || self.detail.control != Some(self.position) {
            self.detail = detail::build_reading(catalogue, self.position, width);
            self.find();
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.detail.lines.len().saturating_sub(self.rows)
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// The text of a guidance line, as shown.
    pub fn line_text(&self, line: usize) -> String {
        self.detail.lines[line]
            .spans
            .iter()
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// Finds the lines matching the query again.
    fn find(&mut self) {
        self.hits = if self.query.is_empty() {
            Vec::new()
        } else {
            (0..self.detail.lines.len())
                .filter(|&i| self.line_text(i).to_lowercase().contains(&self.query))
                .collect()
        };
    }

    /// Scrolls to the next (or previous) hit after (before) the top line.
    fn next_hit(&mut self, forward: bool) -> bool {
        let here = self.scroll;
        let hit = if forward {
            self.hits.iter().find(|&&l| l > here).or(self.hits.first())
        } else {
            self.hits
                .iter()
                .rev()
                .find(|&&l| l < here)
                .or(self.hits.last())
        };
        match hit {
            Some(&line) => {
                self.scroll = line.min(self.max_scroll());
                true
            }
            None => false,
        }
    }

    /// The first hit at or below the top line (as the search is typed).
    fn first_hit(&mut self) {
        if let Some(&line) = self
            .hits
            .iter()
            .find(|&&l| l >= self.scroll)
            .or(self.hits.first())
        {
            self.scroll = line.min(self.max_scroll());
        }
    }

    fn move_by(&mut self, delta: isize) {
        if self.part == Part::Risks && !self.risks.is_empty() {
            let last = self.risks.len() - 1;
            self.risk = self.risk.saturating_add_signed(delta).min(last);
        } else {
            self.scroll_by(delta);
        }
    }

    fn next_part(&mut self) {
        self.part = match self.part {
            Part::Guidance => Part::Entry,
            Part::Entry if !self.risks.is_empty() => Part::Risks,
            _ => Part::Guidance,
        };
    }

    /// `z`: the guidance whole, then the entry whole, then both again.
    pub fn cycle_zoom(&mut self) {
        self.zoom = match self.zoom {
            None => Some(Part::Guidance),
            Some(Part::Guidance) => Some(Part::Entry),
            Some(_) => None,
        };
    }
}

impl App {
    /// Opens the control screen over the current pane, remembering where the user was.
    pub fn open_control_screen(&mut self, control: &str) {
        if self.catalogue.position(control).is_none() {
            self.tell(format!("{control} is not in the catalogue"), true);
            return;
        }
        self.remember();
        self.layers.clear();
        self.push_control_screen(control);
    }

    /// Puts the control screen on top (for the jump list, which remembered already).
    pub fn push_control_screen(&mut self, control: &str) {
        if let Some(screen) = ControlScreen::new(&self.catalogue, control) {
            self.layers.push(Layer::Control(Box::new(screen)));
            self.refresh_views();
        }
    }

    /// Opens the SoA form of a control on top (over the control screen, it is drawn inside it).
    pub fn open_entry_form(&mut self, control: &str) {
        let Some(entry) = self.soa_entry(control) else {
            self.tell(format!("The SoA has no entry for {control}"), true);
            return;
        };
        let derived = self
            .workspace
            .reasons(control)
            .contains(&Reason::RiskTreatment);
        let mut form = super::form::soa::open(entry, derived);
        form.read_only = self.read_only.is_some();
        self.layers.push(Layer::Form(Box::new(form)));
    }

    /// Lays out the control screens and risk details again for the current size and workspace.
    pub fn refresh_views(&mut self) {
        let body = layout::screen(self.area()).body;
        for i in 0..self.layers.len() {
            let editing = matches!(self.layers.get(i + 1), Some(Layer::Form(_)));
            match &mut self.layers[i] {
                Layer::Control(screen) => {
                    screen.refresh(&self.catalogue, &self.workspace, body, editing)
                }
                Layer::RiskDetail(detail) => detail.refresh(&self.catalogue, &self.workspace, body),
                _ => {}
            }
        }
    }

    /// Ctrl-T in the form over a control screen: the form gets the whole screen, or shares it.
    pub fn zoom_form(&mut self) {
        let n = self.layers.len();
        if n >= 2
            && let Layer::Control(screen) = &mut self.layers[n - 2]
        {
            screen.zoom = match screen.zoom {
                Some(Part::Entry) => None,
                _ => Some(Part::Entry),
            };
        }
    }
}

/// Puts the screen back on top for a handler that goes elsewhere (so the jump list remembers
/// it); the popped original is dropped.
fn navigate(app: &mut App, screen: &ControlScreen, go: impl FnOnce(&mut App)) -> Outcome {
    app.layers.push(Layer::Control(Box::new(screen.clone())));
    go(app);
    Outcome::Close(Effect::None)
}

/// An action while the control screen is on top.
pub(super) fn update(app: &mut App, screen: &mut ControlScreen, action: Action) -> Outcome {
    if let Some(input) = &mut screen.search {
        match action {
            Action::AcceptSearch => {
                screen.search = None;
                if screen.query.is_empty() {
                    screen.hits.clear();
                } else if screen.hits.is_empty() {
                    app.tell(
                        format!("{:?} is not in this control's text", screen.query),
                        false,
                    );
                }
            }
            Action::CancelSearch => {
                screen.search = None;
                screen.query.clear();
                screen.hits.clear();
            }
            Action::Input(key) if input.input(key) => {
                screen.query = input.text().to_lowercase();
                screen.find();
                screen.first_hit();
            }
            Action::Paste(text) => {
                input.paste(&text);
                screen.query = input.text().to_lowercase();
                screen.find();
                screen.first_hit();
            }
            _ => {}
        }
        return Outcome::Keep(Effect::None);
    }
    let page = screen.rows.saturating_sub(2).max(1) as isize;
    match action {
        Action::Close => return Outcome::Close(Effect::None),
        Action::MoveDown => screen.move_by(1),
        Action::MoveUp => screen.move_by(-1),
        Action::PageDown | Action::DetailPageDown => screen.scroll_by(page),
        Action::PageUp | Action::DetailPageUp => screen.scroll_by(-page),
        Action::MoveTop => screen.scroll = 0,
        Action::MoveBottom => screen.scroll = screen.max_scroll(),
        Action::StartSearch => {
            screen.part = Part::Guidance;
            screen.search = Some(TextInput::line(&screen.query));
        }
        Action::NextHit | Action::PrevHit => {
            if !screen.next_hit(action == Action::NextHit) {
                app.tell("No search yet: / searches this control's text", false);
            }
        }
        Action::NextPart => screen.next_part(),
        Action::Zoom => screen.cycle_zoom(),
        Action::Open if screen.part == Part::Risks => {
            if let Some(id) = screen.risks.get(screen.risk).cloned() {
                return navigate(app, screen, |app| app.open_risk_detail(&id));
            }
        }
        Action::Open | Action::Edit => {
            if screen.zoom == Some(Part::Guidance) {
                screen.zoom = None;
            }
            let control = screen.control.clone();
            app.open_entry_form(&control);
        }
        Action::ShowRisks => {
            let control = screen.control.clone();
            return navigate(app, screen, |app| {
                super::super::tabs::soa::show_risks(app, &control)
            });
        }
        Action::JumpBack => return navigate(app, screen, App::jump_back),
        Action::JumpForward => return navigate(app, screen, App::jump_forward),
        Action::ToggleHelp => app.layers.push(Layer::Help(Help::default())),
        Action::Save => return Outcome::Keep(app.request_save()),
        Action::Undo => app.undo(),
        Action::Redo => app.redo(),
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_screens_stack_and_keep_the_guidance_while_editing() {
        let body = Rect::new(0, 1, 80, 22);
        let reading = areas(body, None, false, 1);
        let guidance = reading.guidance.unwrap();
        assert_eq!(guidance.width, 80);
        assert!(guidance.height >= 10, "{reading:?}");
        let editing = areas(body, None, true, 1);
        assert!(editing.guidance.unwrap().height >= 8, "{editing:?}");
        assert!(editing.entry.unwrap().height >= 8, "{editing:?}");
        let wide = areas(Rect::new(0, 1, 120, 38), None, true, 2);
        assert_eq!(wide.guidance.unwrap().height, 38);
        assert!(wide.entry.unwrap().x >= wide.guidance.unwrap().right());
    }
}
