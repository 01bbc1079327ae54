//! The layers over the tabs, top last: help, a search box, a question, a form, the control
//! picker, a list to jump from. Every key goes to the top layer first (through its keymap
//! contexts); what the layer does not take goes to the tab, then to the global commands.

pub mod conflicts;
pub mod control;
pub mod evidence_pick;
pub mod export;
pub mod form;
pub mod help;
pub mod history;
pub mod list;
pub mod picker;
pub mod question;
pub mod risk_detail;
pub mod search;

use super::{Action, App, Effect};
use crate::keymap::Context;
pub use conflicts::ConflictChooser;
pub use control::ControlScreen;
pub use form::Form;
pub use help::Help;
pub use history::HistoryView;
pub use list::ListPopup;
pub use picker::ControlPicker;
pub use question::Question;
pub use risk_detail::RiskDetail;
pub use search::Search;

#[derive(Debug, Clone)]
pub enum Layer {
    Help(Help),
    Search(Search),
    Question(Question),
    Form(Box<Form>),
    Picker(ControlPicker),
    List(ListPopup),
    Conflicts(Box<ConflictChooser>),
    History(Box<HistoryView>),
    Export(Box<export::ExportDialog>),
    Control(Box<ControlScreen>),
    RiskDetail(Box<RiskDetail>),
}

/// Which kind of layer, to ask what is on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    Help,
    Search,
    Question,
    Form,
    Picker,
    List,
    Conflicts,
    History,
    Export,
    Control,
    RiskDetail,
}

/// What a layer did with an action.
pub enum Outcome {
    /// Took it; the layer stays.
    Keep(Effect),
    /// Took it; the layer closes.
    Close(Effect),
    /// Not for this layer: the tab (then the global commands) may take it.
    Pass(Action),
}

impl Layer {
    pub fn kind(&self) -> LayerKind {
        match self {
            Layer::Help(_) => LayerKind::Help,
            Layer::Search(_) => LayerKind::Search,
            Layer::Question(_) => LayerKind::Question,
            Layer::Form(_) => LayerKind::Form,
            Layer::Picker(_) => LayerKind::Picker,
            Layer::List(_) => LayerKind::List,
            Layer::Conflicts(_) => LayerKind::Conflicts,
            Layer::History(_) => LayerKind::History,
            Layer::Export(_) => LayerKind::Export,
            Layer::Control(_) => LayerKind::Control,
            Layer::RiskDetail(_) => LayerKind::RiskDetail,
        }
    }

    /// The keymap contexts while this layer is on top, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Layer::Help(_) => &[Context::Help],
            Layer::Search(_) => &[Context::Search],
            Layer::Question(_) => &[Context::Question],
            Layer::Form(form) => form.contexts(),
            Layer::Picker(_) => &[Context::Picker],
            Layer::List(_) => &[Context::Popup],
            Layer::Conflicts(chooser) if chooser.editing.is_some() => &[Context::ConflictEdit],
            Layer::Conflicts(_) => &[Context::Conflicts],
            Layer::History(_) => &[Context::History],
            Layer::Export(_) => &[Context::Export],
            Layer::Control(screen) if screen.search.is_some() => &[Context::Search],
            Layer::Control(_) => &[Context::Control],
            Layer::RiskDetail(_) => &[Context::RiskDetail],
        }
    }

    /// True when unbound keys are typed into this layer (as `Action::Input`).
    pub fn takes_typing(&self) -> bool {
        match self {
            Layer::Search(_) | Layer::Picker(_) | Layer::Export(_) => true,
            Layer::Form(form) => !matches!(form.focused().spec.kind, form::Kind::Flags),
            Layer::Control(screen) => screen.search.is_some(),
            Layer::Conflicts(chooser) if chooser.editing.is_some() => true,
            Layer::Help(_)
            | Layer::Question(_)
            | Layer::List(_)
            | Layer::RiskDetail(_)
            | Layer::Conflicts(_)
            | Layer::History(_) => false,
        }
    }
}

/// Hands an action to the top layer. Layers the handler opens stay above it.
pub(super) fn update(app: &mut App, action: Action) -> Outcome {
    let Some(mut layer) = app.layers.pop() else {
        return Outcome::Pass(action);
    };
    let depth = app.layers.len();
    let outcome = match &mut layer {
        Layer::Help(help) => help::update(app, help, action),
        Layer::Search(search) => search::update(app, search, action),
        Layer::Question(question) => question::update(app, question, action),
        Layer::Form(form) => form::update(app, form, action),
        Layer::Picker(picker) => picker::update(app, picker, action),
        Layer::List(list) => list::update(app, list, action),
        Layer::Conflicts(chooser) => conflicts::update(app, chooser, action),
        Layer::History(view) => history::update(app, view, action),
        Layer::Export(dialog) => export::update(app, dialog, action),
        Layer::Control(screen) => control::update(app, screen, action),
        Layer::RiskDetail(detail) => risk_detail::update(app, detail, action),
    };
    if !matches!(outcome, Outcome::Close(_)) {
        let at = depth.min(app.layers.len());
        app.layers.insert(at, layer);
    }
    outcome
}
