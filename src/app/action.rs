//! Everything that can happen to the workbench, as one enum, and what the edge must do afterwards.

/// The panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Catalogue,
    Soa,
    Risks,
    Dashboard,
    Isms,
    Audit,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Catalogue,
        Tab::Soa,
        Tab::Risks,
        Tab::Dashboard,
        Tab::Isms,
        Tab::Audit,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Catalogue => "Catalogue",
            Tab::Soa => "SoA",
            Tab::Risks => "Risks",
            Tab::Dashboard => "Dashboard",
            Tab::Isms => "ISMS",
            Tab::Audit => "Audit",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// One thing that happened: a bound key, typed text, a resize or a mouse event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    CloseHelp,
    ShowTab(Tab),
    NextTab,
    PrevTab,
    Suspend,
    Redraw,
    MoveDown,
    MoveUp,
    MoveTop,
    MoveBottom,
    PageDown,
    PageUp,
    StartSearch,
    AcceptSearch,
    CancelSearch,
    ClearFilter,
    /// A key the top layer's contexts do not bind, for a layer that takes typing.
    Input(crate::keymap::Key),
    Paste(String),
    Open,
    /// Close a popup list or the control picker.
    Close,
    LeaveDetail,
    /// Move from the catalogue list into the detail beside it.
    FocusDetail,
    NextLink,
    PrevLink,
    FollowLink,
    JumpBack,
    /// Forward again along the jump list (after going back).
    JumpForward,
    /// Open the form of what is shown or selected (the SoA entry, the risk).
    Edit,
    /// The control screen: the next part (guidance, entry, risks), one part on the whole
    /// screen, the next and previous search hit.
    NextPart,
    Zoom,
    NextHit,
    PrevHit,
    ScrollDetailDown,
    ScrollDetailUp,
    DetailPageDown,
    DetailPageUp,
    Undo,
    Redo,
    /// Ctrl-S: save the workspace (in a form: apply the form first).
    Save,
    /// Cycle the selected control's applicability / status, in place.
    CycleApplicability,
    CycleStatus,
    /// Jump from the selected control to the risks that treat it.
    ShowRisks,
    /// The answers to the open question.
    Yes,
    No,
    /// Moving between the fields of a form, and leaving it.
    FormNext,
    FormPrev,
    FormCancel,
    /// Open the focused text field in `$EDITOR`.
    FormExternalEdit,
    /// The next or previous value of a choice or rating; between flags, the next or previous.
    NextValue,
    PrevValue,
    /// Toggle the flag under the cursor; in the control picker, add or remove the control.
    Toggle,
    /// Clear an optional rating; remove the last control.
    ClearValue,
    /// Write today's date into a date field.
    Today,
    /// The edge read the last approved SoA from git: its tag and the text of its `soa.ron`.
    ApprovedSoa {
        tag: String,
        text: String,
    },
    /// The edge has a warning for the status bar (say, a git clone without the merge driver).
    Warn(String),
    /// `h`: the git history of the selected record.
    ShowHistory,
    /// The edge read a record's history (or why it could not).
    HistoryLoaded {
        record: String,
        versions: Result<Vec<super::layers::history::Version>, String>,
    },
    Risk(super::tabs::risk_actions::RiskCommand),
    Dashboard(super::tabs::dashboard::DashCommand),
    /// Marks and order of the SoA table.
    Soa(super::tabs::soa_bulk::SoaCommand),
    /// The third answer to the quit question: save, then quit.
    SaveAndQuit,
    /// Open the export dialog.
    OpenExport,
    /// Open the settings form.
    OpenSettings,
    /// Copy the selected id (in a form, the justification) to the clipboard.
    Copy,
    Isms(super::tabs::isms::IsmsCommand),
    /// In a form's evidence field: the list of the evidence register, to pick an id from.
    PickEvidence,
    /// The edge hashed a local evidence file the form names (or says why it could not).
    FileHashed {
        location: String,
        sha256: Result<String, String>,
    },
    Audit(super::tabs::audit::AuditCommand),
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    WheelDown {
        column: u16,
        row: u16,
    },
    WheelUp {
        column: u16,
        row: u16,
    },
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Draw the next frame.
    None,
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop the process (Ctrl-Z), and take the terminal back on `fg`.
    Suspend,
    /// Clear the screen and draw everything again.
    Redraw,
    /// Write the workspace through the store, then report with `App::saved`.
    Save,
    /// Remove the recovery file (its edits were restored or declined).
    DiscardRecovery,
    /// Run `$EDITOR` on the text of `App::external_text`, then hand it back with
    /// `App::external_edit_done`.
    ExternalEdit,
    /// Read the git history of this record off the loop, then hand it back with
    /// `Action::HistoryLoaded`.
    LoadHistory(String),
    /// Save, then quit when the save succeeded (the quit question's third answer).
    SaveAndQuit,
    /// Write the export `App::take_export` hands over, then report with `App::exported`.
    Export,
    /// Write `App::take_clipboard` to the terminal as an OSC 52 sequence.
    Clipboard,
    /// Work out the SHA-256 of this file (relative to the workspace), then hand it back with
    /// `Action::FileHashed`.
    HashFile(String),
}
