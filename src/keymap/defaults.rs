//! The default key bindings (DESIGN.md §7) and the status-bar hints for each context. This is the
//! only place keys are written down: help and hints are generated from it.

use super::Context::{
    self, Audit, Choice, Controls, Dashboard, Date, Detail, Flags, Form, Global, Help, Isms, Line,
    List, Picker, Popup, Question, Risks, Search, Table, TooSmall,
};
use crate::app::tabs::audit::AuditCommand;
use crate::app::tabs::dashboard::DashCommand;
use crate::app::tabs::isms::IsmsCommand;
use crate::app::tabs::risk_actions::RiskCommand;
use crate::app::{Action, Tab};

/// One bindable command: its name in `keymap.ron`, what it does, where it works, its default keys
/// and the sentence the help overlay shows.
pub struct Default {
    pub name: &'static str,
    pub action: Action,
    pub contexts: &'static [Context],
    pub keys: &'static [&'static str],
    pub help: &'static str,
}

const fn bind(
    name: &'static str,
    action: Action,
    contexts: &'static [Context],
    keys: &'static [&'static str],
    help: &'static str,
) -> Default {
    Default {
        name,
        action,
        contexts,
        keys,
        help,
    }
}

const MOVING: &[Context] = &[List, Table, Help];
const READING: &[Context] = &[List, Detail];
const FIELDS: &[Context] = &[Line, Date, Choice, Flags, Controls];

/// Every command, in the order the help overlay lists them.
#[rustfmt::skip]
pub const DEFAULTS: &[Default] = &[
    bind("quit", Action::Quit, &[Global, TooSmall], &["q", "<C-c>"], "Quit (asks when there are unsaved edits)"),
    bind("help", Action::ToggleHelp, &[Global, Help], &["?"], "Show or hide this help"),
    bind("tab_catalogue", Action::ShowTab(Tab::Catalogue), &[Global], &["1"], "Catalogue pane"),
    bind("tab_soa", Action::ShowTab(Tab::Soa), &[Global], &["2"], "Statement of Applicability pane"),
    bind("tab_risks", Action::ShowTab(Tab::Risks), &[Global], &["3"], "Risk register pane"),
    bind("tab_dashboard", Action::ShowTab(Tab::Dashboard), &[Global], &["4"], "Dashboard pane"),
    bind("tab_isms", Action::ShowTab(Tab::Isms), &[Global], &["5"], "ISMS pane: clauses 4–10 and their records"),
    bind("tab_audit", Action::ShowTab(Tab::Audit), &[Global], &["6"], "Audit pane: audits, findings, reviews"),
    bind("next_tab", Action::NextTab, &[Global], &["<Tab>"], "Next pane"),
    bind("prev_tab", Action::PrevTab, &[Global], &["<S-Tab>"], "Previous pane"),
    bind("suspend", Action::Suspend, &[Global], &["<C-z>"], "Suspend isms (fg brings it back)"),
    bind("redraw", Action::Redraw, &[Global], &["<C-l>"], "Redraw the whole screen"),
    bind("undo", Action::Undo, &[Global], &["u"], "Undo the last edit"),
    bind("redo", Action::Redo, &[Global], &["<C-r>"], "Redo the last undone edit"),
    bind("save", Action::Save, &[Global, Form], &["<C-s>"], "Save the workspace (in the form: apply and save)"),
    bind("down", Action::MoveDown, MOVING, &["j", "<Down>"], "Move down"),
    bind("up", Action::MoveUp, MOVING, &["k", "<Up>"], "Move up"),
    bind("top", Action::MoveTop, MOVING, &["g", "<Home>"], "Go to the first row"),
    bind("bottom", Action::MoveBottom, MOVING, &["G", "<End>"], "Go to the last row"),
    bind("page_down", Action::PageDown, MOVING, &["<PgDn>", "<C-d>"], "Move down a page"),
    bind("page_up", Action::PageUp, MOVING, &["<PgUp>", "<C-u>"], "Move up a page"),
    bind("search", Action::StartSearch, &[List, Table], &["/"], "Search or filter as you type (#detective, theme:people; in the SoA also undecided, excluded, applicable, status:planned, owner:NAME)"),
    bind("open", Action::Open, &[List, Table], &["<Enter>", "l", "<Right>"], "Open the detail; in the SoA, the entry form"),
    bind("clear_filter", Action::ClearFilter, &[List], &["<Esc>"], "Clear the filter, keeping the selected control"),
    bind("scroll_down", Action::ScrollDetailDown, READING, &["J"], "Scroll the detail down a line"),
    bind("scroll_up", Action::ScrollDetailUp, READING, &["K"], "Scroll the detail up a line"),
    bind("back", Action::JumpBack, READING, &["<C-o>", "<BS>"], "Back to the control before the last jump"),
    bind("next_link", Action::NextLink, &[Detail], &["j", "<Down>"], "Select the next related control or risk"),
    bind("prev_link", Action::PrevLink, &[Detail], &["k", "<Up>"], "Select the previous related control or risk"),
    bind("follow_link", Action::FollowLink, &[Detail], &["<Enter>"], "Go to the selected control or risk"),
    bind("detail_page_down", Action::DetailPageDown, &[Detail], &["<PgDn>", "<Space>", "<C-d>"], "Scroll the detail down a page"),
    bind("detail_page_up", Action::DetailPageUp, &[Detail], &["<PgUp>", "<C-u>"], "Scroll the detail up a page"),
    bind("leave_detail", Action::LeaveDetail, &[Detail], &["<Esc>", "h", "<Left>"], "Back to the list"),
    bind("cycle_applicability", Action::CycleApplicability, &[Table], &["a"], "SoA: cycle applicability (undecided, applicable, excluded)"),
    bind("cycle_status", Action::CycleStatus, &[Table], &["s"], "SoA: cycle status (not started, planned, partial, implemented)"),
    bind("show_risks", Action::ShowRisks, &[List, Detail, Table], &["r"], "From a control: go to the risks it treats"),
    bind("accept_search", Action::AcceptSearch, &[Search], &["<Enter>"], "Keep the filter, back to the list (first hit selected)"),
    bind("cancel_search", Action::CancelSearch, &[Search], &["<Esc>", "<C-c>"], "Clear the search, back to the list"),
    bind("search_down", Action::MoveDown, &[Search], &["<Down>", "<C-n>"], "Move down the hits while typing"),
    bind("search_up", Action::MoveUp, &[Search], &["<Up>", "<C-p>"], "Move up the hits while typing"),
    bind("new_risk", Action::Risk(RiskCommand::New), &[Risks], &["n"], "Add a risk (opens the form)"),
    bind("edit_risk", Action::Open, &[Risks], &["<Enter>"], "Edit the selected risk"),
    bind("delete_risk", Action::Risk(RiskCommand::Delete), &[Risks], &["d"], "Delete the selected risk (asks first)"),
    bind("sort_next", Action::Risk(RiskCommand::SortNext), &[Risks], &["s"], "Sort by the next column"),
    bind("sort_reverse", Action::Risk(RiskCommand::SortReverse), &[Risks], &["S"], "Reverse the sort order"),
    bind("risk_controls", Action::Risk(RiskCommand::Controls), &[Risks], &["c"], "Go to the risk's controls in the catalogue"),
    bind("risk_filter", Action::StartSearch, &[Risks], &["/"], "Filter risks by id, title, owner, asset or threat"),
    bind("risk_clear_filter", Action::ClearFilter, &[Risks], &["<Esc>"], "Clear the risk filter"),
    bind("cell_left", Action::Dashboard(DashCommand::Left), &[Dashboard], &["h", "<Left>"], "Heat map: lower impact"),
    bind("cell_right", Action::Dashboard(DashCommand::Right), &[Dashboard], &["l", "<Right>"], "Heat map: higher impact"),
    bind("cell_up", Action::Dashboard(DashCommand::Up), &[Dashboard], &["k", "<Up>"], "Heat map: higher likelihood; findings: previous"),
    bind("cell_down", Action::Dashboard(DashCommand::Down), &[Dashboard], &["j", "<Down>"], "Heat map: lower likelihood; findings: next"),
    bind("next_panel", Action::Dashboard(DashCommand::NextPanel), &[Dashboard], &["f"], "Next panel: inherent map, residual map, findings"),
    bind("dashboard_open", Action::Open, &[Dashboard], &["<Enter>"], "List the cell's risks, or go to the finding's control or risk"),
    bind("isms_next_view", Action::Isms(IsmsCommand::NextView), &[Isms], &["v"], "Next view: clauses, context, parties, objectives, roles, evidence"),
    bind("isms_prev_view", Action::Isms(IsmsCommand::PrevView), &[Isms], &["V"], "Previous view"),
    bind("isms_open", Action::Open, &[Isms], &["<Enter>"], "Edit the sub-clause (form); on evidence, go to what it supports"),
    bind("audit_next_view", Action::Audit(AuditCommand::NextView), &[Audit], &["v"], "Next view: audits, findings, management reviews"),
    bind("audit_prev_view", Action::Audit(AuditCommand::PrevView), &[Audit], &["V"], "Previous view"),
    bind("audit_go_to", Action::Open, &[Audit], &["<Enter>"], "Go to the clause, control or risk the row names"),
    bind("new_finding", Action::Audit(AuditCommand::NewFinding), &[Audit], &["n"], "Add a finding (on a tested item: from that item)"),
    bind("edit_finding", Action::Audit(AuditCommand::EditFinding), &[Audit], &["e"], "Edit the finding: corrective action, effectiveness check, closing"),
    bind("close_help", Action::CloseHelp, &[Help], &["<Esc>", "q"], "Close the help"),
    bind("yes", Action::Yes, &[Question], &["y"], "Answer yes (the question says to what)"),
    bind("no", Action::No, &[Question], &["n", "<Esc>"], "Answer no"),
    bind("form_next", Action::FormNext, &[Form], &["<Tab>"], "Next field"),
    bind("form_prev", Action::FormPrev, &[Form], &["<S-Tab>"], "Previous field"),
    bind("form_cancel", Action::FormCancel, &[Form], &["<Esc>"], "Close the form (asks when something changed)"),
    bind("form_editor", Action::FormExternalEdit, &[Form], &["<C-e>"], "Edit the focused text field in $EDITOR"),
    bind("field_down", Action::FormNext, FIELDS, &["<Down>"], "Next field (in text over several lines, the arrows move in the text)"),
    bind("field_up", Action::FormPrev, FIELDS, &["<Up>"], "Previous field"),
    bind("field_enter", Action::FormNext, &[Line, Date, Choice, Flags], &["<Enter>"], "Next field"),
    bind("value_next", Action::NextValue, &[Choice], &["<Right>", "l", "+", "<Space>"], "Next option or higher rating (digits pick one)"),
    bind("value_prev", Action::PrevValue, &[Choice], &["<Left>", "h", "-"], "Previous option or lower rating"),
    bind("value_clear", Action::ClearValue, &[Choice, Controls], &["<BS>", "<Del>"], "Clear an optional rating; remove the last control"),
    bind("flag_next", Action::NextValue, &[Flags], &["<Right>", "l"], "Next reason"),
    bind("flag_prev", Action::PrevValue, &[Flags], &["<Left>", "h"], "Previous reason"),
    bind("flag_toggle", Action::Toggle, &[Flags], &["<Space>", "x"], "Tick or untick the reason"),
    bind("today", Action::Today, &[Date], &["t"], "Today's date"),
    bind("pick_controls", Action::Open, &[Controls], &["<Enter>"], "Search the catalogue for controls to add or remove"),
    bind("picker_toggle", Action::Toggle, &[Picker], &["<Enter>"], "Add or remove the selected control"),
    bind("picker_down", Action::MoveDown, &[Picker], &["<Down>", "<C-n>"], "Next control"),
    bind("picker_up", Action::MoveUp, &[Picker], &["<Up>", "<C-p>"], "Previous control"),
    bind("picker_page_down", Action::PageDown, &[Picker], &["<PgDn>"], "Down a page"),
    bind("picker_page_up", Action::PageUp, &[Picker], &["<PgUp>"], "Up a page"),
    bind("picker_close", Action::Close, &[Picker], &["<Esc>", "<Tab>"], "Back to the form"),
    bind("popup_down", Action::MoveDown, &[Popup], &["j", "<Down>"], "Next item"),
    bind("popup_up", Action::MoveUp, &[Popup], &["k", "<Up>"], "Previous item"),
    bind("popup_open", Action::Open, &[Popup], &["<Enter>"], "Go to the selected item"),
    bind("popup_close", Action::Close, &[Popup], &["<Esc>", "q"], "Close the list"),
];

/// One hint: the commands whose first keys are shown (joined with `/`), and the word after them.
pub type Hint = (&'static [&'static str], &'static str);

/// The status-bar hints of each context: command names whose first keys are shown, then a word.
#[rustfmt::skip]
pub const HINTS: &[(Context, &[Hint])] = &[
    (List, &[
        (&["search"], "search"),
        (&["open"], "detail"),
        (&["scroll_down", "scroll_up"], "scroll"),
        (&["next_tab"], "pane"),
        (&["help"], "help"),
        (&["quit"], "quit"),
    ]),
    (Detail, &[
        (&["next_link", "prev_link"], "pick link"),
        (&["follow_link"], "go to"),
        (&["detail_page_down", "detail_page_up"], "page"),
        (&["back"], "back"),
        (&["leave_detail"], "list"),
        (&["help"], "help"),
    ]),
    (Table, &[
        (&["down", "up"], "move"),
        (&["open"], "form"),
        (&["cycle_applicability"], "decide"),
        (&["cycle_status"], "status"),
        (&["search"], "filter"),
        (&["save"], "save"),
        (&["next_tab"], "pane"),
        (&["help"], "help"),
        (&["quit"], "quit"),
    ]),
    (Risks, &[
        (&["new_risk"], "add"),
        (&["edit_risk"], "edit"),
        (&["delete_risk"], "delete"),
        (&["sort_next", "sort_reverse"], "sort"),
        (&["risk_controls"], "controls"),
        (&["risk_filter"], "filter"),
        (&["undo"], "undo"),
    ]),
    (Dashboard, &[
        (&["cell_left", "cell_right", "cell_up", "cell_down"], "move"),
        (&["next_panel"], "panel"),
        (&["dashboard_open"], "open"),
        (&["help"], "help"),
    ]),
    (Isms, &[
        (&["down", "up"], "move"),
        (&["isms_open"], "edit"),
        (&["cycle_status"], "status"),
        (&["isms_next_view"], "view"),
        (&["undo"], "undo"),
        (&["save"], "save"),
        (&["help"], "help"),
        (&["quit"], "quit"),
    ]),
    (Audit, &[
        (&["down", "up"], "move"),
        (&["audit_go_to"], "go to"),
        (&["new_finding"], "new finding"),
        (&["edit_finding"], "edit"),
        (&["audit_next_view"], "view"),
        (&["undo"], "undo"),
        (&["save"], "save"),
        (&["help"], "help"),
    ]),
    (Global, &[
        (&["next_tab"], "pane"),
        (&["help"], "help"),
        (&["quit"], "quit"),
    ]),
    (Search, &[
        (&["accept_search"], "keep filter"),
        (&["cancel_search"], "clear"),
        (&["search_down", "search_up"], "move"),
    ]),
    (Help, &[
        (&["down", "up"], "scroll"),
        (&["close_help"], "close"),
    ]),
    (Question, &[
        (&["yes"], "yes"),
        (&["no"], "no"),
    ]),
    (Form, &[
        (&["form_next", "form_prev"], "field"),
        (&["save"], "apply+save"),
        (&["form_editor"], "$EDITOR"),
        (&["form_cancel"], "cancel"),
    ]),
    (Line, &[]),
    (Date, &[
        (&["today"], "today"),
    ]),
    (Choice, &[
        (&["value_prev", "value_next"], "change"),
    ]),
    (Flags, &[
        (&["flag_prev", "flag_next"], "move"),
        (&["flag_toggle"], "tick"),
    ]),
    (Controls, &[
        (&["pick_controls"], "pick"),
        (&["value_clear"], "remove last"),
    ]),
    (Picker, &[
        (&["picker_toggle"], "add/remove"),
        (&["picker_down", "picker_up"], "move"),
        (&["picker_close"], "back"),
    ]),
    (Popup, &[
        (&["popup_down", "popup_up"], "move"),
        (&["popup_open"], "go to"),
        (&["popup_close"], "close"),
    ]),
    (TooSmall, &[
        (&["quit"], "quit"),
    ]),
];
