//! One jump list across panes, like vim's: every jump (opening a control screen or a risk detail,
//! `r` and `c` filtering another pane, a finding followed, a link followed) first remembers where
//! the user was; Ctrl-O goes back there and Ctrl-N (Ctrl-I is Tab in a terminal) forward again.

use super::layers::Layer;
use super::{App, Tab};

/// What is open over the tab at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Tab,
    Control(String),
    Risk(String),
}

/// Where the user was: the pane, what was selected and filtered in each, what was open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub tab: Tab,
    pub view: View,
    catalogue: Option<usize>,
    soa_control: Option<String>,
    soa_risk: Option<String>,
    risk: Option<String>,
    risk_control: Option<String>,
    finding: usize,
}

/// Places to go back and forward to, most recent last.
#[derive(Debug, Clone, Default)]
pub struct Jumps {
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
}

/// Places kept at most.
const KEPT: usize = 100;

impl App {
    /// Where the user is now.
    pub fn place(&self) -> Place {
        let view = self
            .layers
            .iter()
            .rev()
            .find_map(|layer| match layer {
                Layer::Control(screen) => Some(View::Control(screen.control.clone())),
                Layer::RiskDetail(detail) => Some(View::Risk(detail.id.clone())),
                _ => None,
            })
            .unwrap_or(View::Tab);
        Place {
            tab: self.tab,
            view,
            catalogue: self.catalogue_pane.selected(),
            soa_control: self.selected_soa_entry().map(|e| e.control.clone()),
            soa_risk: self.soa_pane.risk.as_ref().map(|(id, _)| id.clone()),
            risk: self.selected_risk_id(),
            risk_control: self.risks_pane.control.clone(),
            finding: self.dashboard.findings_cursor.selected,
        }
    }

    /// Call before a jump: the current place goes on the back list, the forward list is dropped.
    pub fn remember(&mut self) {
        let here = self.place();
        if self.jumps.back.last() != Some(&here) {
            self.jumps.back.push(here);
        }
        if self.jumps.back.len() > KEPT {
            self.jumps.back.remove(0);
        }
        self.jumps.forward.clear();
    }

    /// Ctrl-O: back to where the last jump started.
    pub fn jump_back(&mut self) {
        let Some(place) = self.jumps.back.pop() else {
            self.tell("Nothing to go back to", false);
            return;
        };
        self.jumps.forward.push(self.place());
        self.restore(place);
    }

    /// Ctrl-N: forward again, after going back.
    pub fn jump_forward(&mut self) {
        let Some(place) = self.jumps.forward.pop() else {
            self.tell("Nothing to go forward to", false);
            return;
        };
        self.jumps.back.push(self.place());
        self.restore(place);
    }

    fn restore(&mut self, place: Place) {
        self.layers.clear();
        self.tab = place.tab;
        if let Some(position) = place.catalogue {
            let rows = self.list_rows();
            self.catalogue_pane
                .select_position(&self.catalogue, position, rows);
        }
        self.set_soa_risk_filter(place.soa_risk.as_deref());
        if let Some(control) = place.soa_control {
            self.select_soa_control(&control);
        }
        self.risks_pane.control = place.risk_control;
        self.risks_pane.refresh(&self.workspace);
        if let Some(id) = place.risk {
            self.select_risk(&id);
        }
        let len = self.dashboard_rows().len();
        self.dashboard
            .findings_cursor
            .select(place.finding.min(len.saturating_sub(1)), len, 5);
        match place.view {
            View::Tab => {}
            View::Control(id) => self.push_control_screen(&id),
            View::Risk(id) => self.push_risk_detail(&id),
        }
    }
}
