//! The default key bindings (DESIGN.md §7) and the status-bar hints for each context. This is the
//! only place keys are written down: help and hints are generated from it.

use super::Context::{
    self, Audit, Choice, Conflicts, Control, Controls, Dashboard, Date, Detail, Flags, Form,
    Global, Help, History, Isms, Line, List, Picker, Popup, Question, RiskDetail, Risks, Search,
    Table, TooSmall,
};
use super::Context::{Csf, Export, Soa};
use crate::app::tabs::audit::AuditCommand;
use crate::app::tabs::dashboard::DashCommand;
use crate::app::tabs::isms::IsmsCommand;
use crate::app::tabs::risk_actions::RiskCommand;
use crate::app::tabs::soa_bulk::SoaCommand;
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

const MOVING: &[Context] = &[List, Table, Help, Control, RiskDetail];
/// Where the jump list (Ctrl-O back, Ctrl-N forward) works.
const JUMPING: &[Context] = &[Global, List, Detail, Control, RiskDetail];
/// The views over the panes: the control screen and the risk detail.
const VIEWS: &[Context] = &[Control, RiskDetail];
const READING: &[Context] = &[List, Detail];
const FIELDS: &[Context] = &[Line, Date, Choice, Flags, Controls];

/// Every command, in the order the help overlay lists them.
#[rustfmt::skip]
pub const DEFAULTS: &[Default] = &[
    bind("quit", Action::Quit, &[Global, TooSmall], &["q", "<C-c>"], "Quit (asks when there are unsaved edits)"),
    bind("help", Action::ToggleHelp, &[Global, Help, Control, RiskDetail], &["?"], "Show or hide this help"),
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
    bind("undo", Action::Undo, &[Global, Control, RiskDetail], &["u"], "Undo the last edit"),
    bind("redo", Action::Redo, &[Global, Control, RiskDetail], &["<C-r>"], "Redo the last undone edit"),
    bind("save", Action::Save, &[Global, Form, Control, RiskDetail], &["<C-s>"], "Save the workspace (in the form: apply and save)"),
    bind("down", Action::MoveDown, MOVING, &["j", "<Down>"], "Move down"),
    bind("up", Action::MoveUp, MOVING, &["k", "<Up>"], "Move up"),
    bind("top", Action::MoveTop, MOVING, &["g", "<Home>"], "Go to the first row"),
    bind("bottom", Action::MoveBottom, MOVING, &["G", "<End>"], "Go to the last row"),
    bind("page_down", Action::PageDown, MOVING, &["<PgDn>", "<C-d>"], "Move down a page"),
    bind("page_up", Action::PageUp, MOVING, &["<PgUp>", "<C-u>"], "Move up a page"),
    bind("search", Action::StartSearch, &[List, Table, Control], &["/"], "Search or filter as you type (on the control screen: search its text) (#detective, theme:people; in the SoA also undecided, excluded, applicable, status:planned, owner:NAME)"),
    bind("open", Action::Open, &[List, Table, Control, RiskDetail], &["<Enter>"], "Open the control screen (in the risk register: the risk detail; on those screens: the picked risk or control)"),
    bind("focus_detail", Action::FocusDetail, &[List], &["l", "<Right>"], "Move into the detail beside the list, to follow its links"),
    bind("edit_entry", Action::Edit, &[Table, Control], &["e"], "Edit the SoA entry in the form (on the control screen: in place, beside the guidance)"),
    bind("clear_filter", Action::ClearFilter, &[List, Table], &["<Esc>"], "Clear the filter, keeping the selected control"),
    bind("scroll_down", Action::ScrollDetailDown, READING, &["J"], "Scroll the detail down a line"),
    bind("scroll_up", Action::ScrollDetailUp, READING, &["K"], "Scroll the detail up a line"),
    bind("back", Action::JumpBack, JUMPING, &["<C-o>", "<BS>"], "Back to where the last jump started, across panes"),
    bind("forward", Action::JumpForward, JUMPING, &["<C-n>"], "Forward after Ctrl-O (terminals send vim's Ctrl-I as Tab)"),
    bind("next_link", Action::NextLink, &[Detail], &["j", "<Down>"], "Select the next related control or risk"),
    bind("prev_link", Action::PrevLink, &[Detail], &["k", "<Up>"], "Select the previous related control or risk"),
    bind("follow_link", Action::FollowLink, &[Detail], &["<Enter>"], "Go to the selected control or risk"),
    bind("detail_page_down", Action::DetailPageDown, &[Detail], &["<PgDn>", "<Space>", "<C-d>"], "Scroll the detail down a page"),
    bind("detail_page_up", Action::DetailPageUp, &[Detail], &["<PgUp>", "<C-u>"], "Scroll the detail up a page"),
    bind("leave_detail", Action::LeaveDetail, &[Detail], &["<Esc>", "h", "<Left>"], "Back to the list"),
    bind("cycle_applicability", Action::CycleApplicability, &[Table], &["a"], "SoA: cycle applicability (undecided, applicable, excluded)"),
    bind("cycle_status", Action::CycleStatus, &[Table], &["s"], "SoA: cycle status (not started, planned, partial, implemented)"),
    bind("show_risks", Action::ShowRisks, &[List, Detail, Table, Control], &["r"], "From a control: the risk register filtered to the risks it treats (Esc clears)"),
    bind("accept_search", Action::AcceptSearch, &[Search], &["<Enter>"], "Keep the filter, back to the list (first hit selected)"),
    bind("cancel_search", Action::CancelSearch, &[Search], &["<Esc>", "<C-c>"], "Clear the search, back to the list"),
    bind("search_down", Action::MoveDown, &[Search], &["<Down>", "<C-n>"], "Move down the hits while typing"),
    bind("search_up", Action::MoveUp, &[Search], &["<Up>", "<C-p>"], "Move up the hits while typing"),
    bind("new_risk", Action::Risk(RiskCommand::New), &[Risks], &["n"], "Add a risk (opens the form)"),
    bind("edit_risk", Action::Edit, &[Risks, RiskDetail], &["e"], "Edit the risk in the form"),
    bind("delete_risk", Action::Risk(RiskCommand::Delete), &[Risks], &["d"], "Delete the selected risk (asks first)"),
    bind("sort_next", Action::Risk(RiskCommand::SortNext), &[Risks], &["s"], "Sort by the next column"),
    bind("sort_reverse", Action::Risk(RiskCommand::SortReverse), &[Risks], &["S"], "Reverse the sort order"),
    bind("risk_controls", Action::Risk(RiskCommand::Controls), &[Risks, RiskDetail], &["c"], "The SoA filtered to the risk's controls (Esc clears)"),
    bind("risk_filter", Action::StartSearch, &[Risks], &["/"], "Filter risks by id, title, owner, asset or threat"),
    bind("risk_clear_filter", Action::ClearFilter, &[Risks], &["<Esc>"], "Clear the risk filter"),
    bind("cell_left", Action::Dashboard(DashCommand::Left), &[Dashboard], &["h", "<Left>"], "Heat map: lower impact"),
    bind("cell_right", Action::Dashboard(DashCommand::Right), &[Dashboard], &["l", "<Right>"], "Heat map: higher impact"),
    bind("cell_up", Action::Dashboard(DashCommand::Up), &[Dashboard], &["k", "<Up>"], "Heat map: higher likelihood; findings: previous"),
    bind("cell_down", Action::Dashboard(DashCommand::Down), &[Dashboard], &["j", "<Down>"], "Heat map: lower likelihood; findings: next"),
    bind("next_panel", Action::Dashboard(DashCommand::NextPanel), &[Dashboard], &["f"], "Next panel: inherent map, residual map, findings"),
    bind("dashboard_open", Action::Open, &[Dashboard], &["<Enter>"], "List the cell's risks; open a group of findings; go where a finding is fixed (Ctrl-O comes back)"),
    bind("dashboard_fold", Action::Toggle, &[Dashboard], &["<Space>"], "Findings: open or fold a group"),
    bind("next_part", Action::NextPart, &[Control], &["<Tab>"], "Control screen: the next part (guidance, SoA entry, risks)"),
    bind("zoom", Action::Zoom, &[Control], &["z"], "Control screen: the guidance on the whole screen, then the entry, then both"),
    bind("form_zoom", Action::Zoom, &[Form], &["<C-t>"], "Form on a control screen: the whole screen, or beside the guidance again"),
    bind("next_hit", Action::NextHit, &[Control], &["n"], "Control screen: the next line matching the search"),
    bind("prev_hit", Action::PrevHit, &[Control], &["N"], "Control screen: the previous line matching the search"),
    bind("view_close", Action::Close, VIEWS, &["<Esc>", "q"], "Close the control screen or risk detail"),
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
    bind("today", Action::Today, &[Date], &["<C-t>"], "Today's date (or type today, t, +90d, +2w, +3m, +1y)"),
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
    bind("history", Action::ShowHistory, &[List, Table], &["h"], "History of the selected control's entry or risk, from git"),
    bind("history_older", Action::MoveDown, &[History], &["j", "<Down>"], "Older version"),
    bind("history_newer", Action::MoveUp, &[History], &["k", "<Up>"], "Newer version"),
    bind("history_close", Action::Close, &[History], &["<Esc>", "q", "h"], "Close the history"),
    bind("conflict_down", Action::MoveDown, &[Conflicts], &["j", "<Down>"], "Next conflict"),
    bind("conflict_up", Action::MoveUp, &[Conflicts], &["k", "<Up>"], "Previous conflict"),
    bind("conflict_pick", Action::Toggle, &[Conflicts], &["<Space>", "<Left>", "<Right>", "h", "l"], "Keep yours or take theirs"),
    bind("conflict_apply", Action::Open, &[Conflicts], &["<Enter>"], "Apply the choices"),
    bind("conflict_keep", Action::Close, &[Conflicts], &["<Esc>"], "Keep yours everywhere"),
    bind("soa_mark", Action::Soa(SoaCommand::Mark), &[Soa], &["<Space>"], "Mark or unmark the row; a, s and the form then change every marked row"),
    bind("soa_clear_marks", Action::Soa(SoaCommand::ClearMarks), &[Soa], &["<Esc>"], "Clear the marks"),
    bind("soa_sort_next", Action::Soa(SoaCommand::SortNext), &[Soa], &["o"], "Order the SoA by the next column"),
    bind("soa_sort_reverse", Action::Soa(SoaCommand::SortReverse), &[Soa], &["O"], "Reverse the SoA order"),
    bind("save_quit", Action::SaveAndQuit, &[Question], &["s"], "When quitting: save, then quit"),
    bind("export", Action::OpenExport, &[Global], &["E"], "Export the SoA or the risk register to a file"),
    bind("settings", Action::OpenSettings, &[Global], &[","], "Settings: organisation, scope, SoA version, risk method"),
    bind("copy", Action::Copy, &[List, Detail, Table], &["y"], "Copy the selected id to the clipboard (OSC 52, works over SSH)"),
    bind("form_copy", Action::Copy, &[Form], &["<A-y>"], "Copy the justification (or the focused text) to the clipboard"),
    bind("export_down", Action::MoveDown, &[Export], &["<Down>", "<C-n>"], "Next document and format"),
    bind("export_up", Action::MoveUp, &[Export], &["<Up>", "<C-p>"], "Previous document and format"),
    bind("export_write", Action::Open, &[Export], &["<Enter>"], "Write the file (asks before overwriting)"),
    bind("export_close", Action::Close, &[Export], &["<Esc>"], "Close without writing"),
    bind("dashboard_csf", Action::Dashboard(DashCommand::CsfView), &[Dashboard, Csf], &["c"], "Dashboard: switch between the risk view and the NIST CSF 2.0 coverage view"),
    bind("csf_down", Action::Dashboard(DashCommand::Down), &[Csf], &["j", "<Down>"], "Next function or subcategory"),
    bind("csf_up", Action::Dashboard(DashCommand::Up), &[Csf], &["k", "<Up>"], "Previous function or subcategory"),
    bind("csf_open", Action::Open, &[Csf], &["<Enter>"], "A function: its categories and subcategories; a subcategory: its controls and their SoA decisions (Enter there opens the control, Ctrl-O comes back)"),
    bind("csf_functions", Action::Close, &[Csf], &["<Esc>", "h", "<Left>"], "Back to the function bars"),
    bind("csf_source", Action::Dashboard(DashCommand::CsfSource), &[Csf], &["s"], "Next mapping source (NIST's sources are kept apart, never merged)"),
];

/// One hint: the commands whose first keys are shown (joined with `/`), and the word after them.
pub type Hint = (&'static [&'static str], &'static str);

/// The status-bar hints of each context: command names whose first keys are shown, then a word.
#[rustfmt::skip]
pub const HINTS: &[(Context, &[Hint])] = &[
    (List, &[
        (&["search"], "search"),
        (&["open"], "open"),
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
        (&["open"], "open"),
        (&["edit_entry"], "edit"),
        (&["cycle_applicability"], "decide"),
        (&["cycle_status"], "status"),
        (&["search"], "filter"),
        (&["save"], "save"),
        (&["next_tab"], "pane"),
        (&["help"], "help"),
        (&["quit"], "quit"),
    ]),
    (Risks, &[
        (&["open"], "detail"),
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
        (&["dashboard_csf"], "CSF"),
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
    (History, &[
        (&["history_older", "history_newer"], "older/newer"),
        (&["history_close"], "close"),
    ]),
    (Conflicts, &[
        (&["conflict_pick"], "yours/theirs"),
        (&["conflict_down", "conflict_up"], "move"),
        (&["conflict_apply"], "apply"),
        (&["conflict_keep"], "keep yours"),
    ]),
    (Control, &[
        (&["edit_entry"], "edit"),
        (&["search"], "search"),
        (&["next_hit", "prev_hit"], "hit"),
        (&["zoom"], "zoom"),
        (&["next_part"], "part"),
        (&["show_risks"], "risks"),
        (&["back"], "back"),
        (&["view_close"], "close"),
    ]),
    (RiskDetail, &[
        (&["down", "up"], "pick"),
        (&["open"], "control"),
        (&["edit_risk"], "edit"),
        (&["risk_controls"], "in SoA"),
        (&["back"], "back"),
        (&["view_close"], "close"),
    ]),
    (TooSmall, &[
        (&["quit"], "quit"),
    ]),
    (Soa, &[
        (&["soa_mark"], "mark"),
        (&["soa_sort_next", "soa_sort_reverse"], "order"),
    ]),
    (Export, &[
        (&["export_down", "export_up"], "choose"),
        (&["export_write"], "write"),
        (&["export_close"], "close"),
    ]),
    (Csf, &[
        (&["csf_down", "csf_up"], "move"),
        (&["csf_open"], "open"),
        (&["csf_functions"], "functions"),
        (&["csf_source"], "source"),
        (&["dashboard_csf"], "risk view"),
        (&["help"], "help"),
    ]),
];
