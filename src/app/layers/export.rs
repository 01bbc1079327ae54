//! The export dialog: the SoA or the risk register in every format the command line writes
//! (`isms soa --format …`, `isms risks --format …`), under a proposed file name in the workspace
//! folder that the user may change. The app only asks: the edge writes the file
//! (`Effect::Export`, see `tui/export.rs`) and asks before overwriting one.

use super::Outcome;
use crate::app::widgets::cursor::Cursor;
use crate::app::widgets::text_input::TextInput;
use crate::app::{Action, App, Effect, layout};

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Soa,
    Risks,
}

/// The formats of the command line's `--format`, for both documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Md,
    Html,
    Csv,
    Docx,
    Xlsx,
    /// For the SoA a folder of four linked files; for the register one POA&M file.
    Oscal,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Xlsx,
        Format::Csv,
        Format::Json,
        Format::Oscal,
        Format::Table,
    ];

    /// The value `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Oscal => "oscal",
        }
    }

    fn describe(self, document: Document) -> &'static str {
        match (self, document) {
            (Format::Table, _) => "plain-text table",
            (Format::Json, _) => "JSON for scripts",
            (Format::Md, _) => "Markdown document",
            (Format::Html, _) => "HTML, prints on A4",
            (Format::Csv, _) => "CSV spreadsheet",
            (Format::Docx, _) => "Word document",
            (Format::Xlsx, _) => "Excel workbook",
            (Format::Oscal, Document::Soa) => "OSCAL folder (4 files)",
            (Format::Oscal, Document::Risks) => "OSCAL POA&M",
        }
    }
}

/// What the edge is asked to write: `file` is relative to the workspace folder (or absolute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub document: Document,
    pub format: Format,
    pub file: String,
    /// The user agreed to replace the file (or folder) that is there.
    pub overwrite: bool,
}

impl ExportRequest {
    /// The command line that writes the same bytes, for the status line.
    pub fn command(&self) -> String {
        let what = match self.document {
            Document::Soa => "soa",
            Document::Risks => "risks",
        };
        format!(
            "isms {what} --format {} -o {}",
            self.format.name(),
            self.file
        )
    }
}

/// One row of the dialog: a document in a format.
pub type Choice = (Document, Format);

#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub choices: Vec<Choice>,
    pub cursor: Cursor,
    /// The file name, proposed anew when the choice changes; the user may edit it.
    pub name: TextInput,
    today: chrono::NaiveDate,
}

impl ExportDialog {
    pub fn new(first: Document, today: chrono::NaiveDate) -> ExportDialog {
        let mut choices: Vec<Choice> = Vec::new();
        let order = match first {
            Document::Soa => [Document::Soa, Document::Risks],
            Document::Risks => [Document::Risks, Document::Soa],
        };
        for document in order {
            choices.extend(Format::ALL.iter().map(|f| (document, *f)));
        }
        let mut dialog = ExportDialog {
            choices,
            cursor: Cursor::default(),
            name: TextInput::line(""),
            today,
        };
        dialog.propose();
        dialog
    }

    pub fn selected(&self) -> Choice {
        self.choices[self.cursor.selected.min(self.choices.len() - 1)]
    }

    /// The row's text: document, format and what it is.
    pub fn label(choice: Choice) -> String {
        let (document, format) = choice;
        let what = match document {
            Document::Soa => "SoA",
            Document::Risks => "Risk register",
        };
        format!(
            "{what:<14}{:<7}{}",
            format.name(),
            format.describe(document)
        )
    }

    /// A file name for the selected choice, dated today: `soa-2026-03-02.md`.
    pub fn propose(&mut self) {
        let (document, format) = self.selected();
        let stem = match document {
            Document::Soa => "soa",
            Document::Risks => "risks",
        };
        let day = self.today;
        let name = match format {
            Format::Oscal if document == Document::Soa => format!("{stem}-oscal-{day}"),
            Format::Oscal => format!("{stem}-poam-{day}.json"),
            Format::Table => format!("{stem}-{day}.txt"),
            other => format!("{stem}-{day}.{}", other.name()),
        };
        self.name.set_text(&name);
    }
}

/// Rows of choices the dialog shows at once, for the terminal's size.
pub fn visible_rows(app: &App) -> usize {
    let body = layout::screen(app.area()).body;
    usize::from(body.height.saturating_sub(6)).clamp(1, 16)
}

impl App {
    /// Opens the export dialog, the current pane's document first.
    pub fn open_export(&mut self) {
        let first = match self.tab {
            crate::app::Tab::Risks => Document::Risks,
            _ => Document::Soa,
        };
        let dialog = ExportDialog::new(first, self.session.today);
        self.layers.push(super::Layer::Export(Box::new(dialog)));
    }

    /// Hands the export asked for to the edge (once).
    pub fn take_export(&mut self) -> Option<ExportRequest> {
        self.pending_export.take()
    }

    /// The edge found the file already there: ask before replacing it.
    pub fn export_exists(&mut self, request: ExportRequest) {
        self.ask(super::Question::OverwriteExport { request });
    }

    /// The edge wrote the export (the files named) or says why not.
    pub fn exported(&mut self, request: &ExportRequest, result: Result<String, String>) {
        match result {
            Ok(written) => self.tell(
                format!("Wrote {written} (as `{}` would)", request.command()),
                false,
            ),
            Err(reason) => self.tell(format!("Not exported: {reason}"), true),
        }
    }
}

/// An action while the dialog is the top layer.
pub(super) fn update(app: &mut App, dialog: &mut ExportDialog, action: Action) -> Outcome {
    let rows = visible_rows(app);
    let len = dialog.choices.len();
    match action {
        Action::MoveDown | Action::MoveUp => {
            let delta = if action == Action::MoveDown { 1 } else { -1 };
            dialog.cursor.move_by(delta, len, rows);
            dialog.propose();
        }
        Action::Input(key) => {
            dialog.name.input(key);
        }
        Action::Paste(text) => dialog.name.paste(&text),
        Action::Close => return Outcome::Close(Effect::None),
        Action::Open => {
            let file = dialog.name.text().trim().to_string();
            if file.is_empty() {
                app.tell("Give the file a name", true);
                return Outcome::Keep(Effect::None);
            }
            let (document, format) = dialog.selected();
            app.pending_export = Some(ExportRequest {
                document,
                format,
                file,
                overwrite: false,
            });
            return Outcome::Close(Effect::Export);
        }
        _ => {}
    }
    Outcome::Keep(Effect::None)
}
