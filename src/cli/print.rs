//! The one way the command line writes. Text for people (tables, reports, messages) passes
//! [`for_terminal`](crate::domain::text::for_terminal) whether or not stdout is a terminal; JSON
//! keeps the data and escapes what a terminal would act on; documents (Markdown, CSV, HTML) lose
//! their control characters, and on a terminal are cleaned like text for people. A reader that
//! went away (`| head`, `less` then `q`) ends the output quietly and the command exits 0.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::domain::text::{Hazard, for_terminal, hazard, quote};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// What is being written, which decides how it is cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Tables, reports and notes for people.
    Human,
    /// JSON for scripts.
    Json,
    /// A Markdown, CSV or HTML document.
    Document,
    /// Bytes written as they are (XLSX, refused on a terminal before this).
    Binary,
}

/// Text for people to stdout.
pub fn human(text: &str) {
    write_stdout(text.as_bytes(), Kind::Human);
}

/// A JSON document and a newline to stdout.
pub fn json_line(json: &str) {
    write_stdout(format!("{json}\n").as_bytes(), Kind::Json);
}

/// A line for people to stderr: every message is cleaned and bounded by what it quotes.
pub fn error(text: &str) {
    // A message is one or two sentences: anything longer quotes too much of some file.
    let clean: Vec<String> = text
        .split_inclusive('\n')
        .map(|line| {
            let line = for_terminal(line);
            match line.strip_suffix('\n') {
                Some(body) => format!("{}\n", quote(body, 500)),
                None => quote(&line, 500),
            }
        })
        .collect();
    let clean = clean.concat();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(clean.as_bytes());
    let _ = stderr.flush();
}

/// Writes `bytes` of `kind` to stdout, cleaned for that kind.
pub fn write_stdout(bytes: &[u8], kind: Kind) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let cleaned = clean(bytes, kind, std::io::stdout().is_terminal());
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_all(&cleaned).and_then(|()| stdout.flush()) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            self::error(&format!(
                "isms: stdout: {}\n",
                crate::store::read::io_reason(&error)
            ));
        }
    }
}

/// `bytes` of `kind` cleaned for where they go: a terminal, or a pipe or file.
pub fn clean(bytes: &[u8], kind: Kind, terminal: bool) -> std::borrow::Cow<'_, [u8]> {
    let text = || String::from_utf8_lossy(bytes);
    let cleaned = match kind {
        Kind::Binary => return bytes.into(),
        Kind::Human => human_text(&text(), terminal && colour_allowed()),
        Kind::Json => json_text(&text()),
        Kind::Document if terminal => for_terminal(&text()),
        Kind::Document => document_text(&text()),
    };
    cleaned.into_bytes().into()
}

/// True once a write to stdout failed (the reader went away): the command then exits 0.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The colours isms itself writes (see `output::Style`); nothing else with ESC survives.
const OWN_COLOURS: [&str; 6] = ["[0m", "[1m", "[2m", "[33m", "[1;33m", "[1;36m"];

fn human_text(text: &str, keep_colours: bool) -> String {
    if !keep_colours {
        return for_terminal(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split('\u{1b}').enumerate() {
        let own = OWN_COLOURS.iter().find(|code| piece.starts_with(**code));
        match own {
            Some(code) if i > 0 => {
                out.push('\u{1b}');
                out.push_str(code);
                out.push_str(&for_terminal(&piece[code.len()..]));
            }
            _ => out.push_str(&for_terminal(piece)),
        }
    }
    out
}

/// JSON with every character a terminal would act on written as a `\uXXXX` escape: the same
/// data for a JSON reader. Outside strings JSON holds only ASCII punctuation and spaces, so
/// only string contents change.
pub fn json_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\n' && hazard(c).is_some() {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A document without control characters (line breaks and tabs kept); the rest is its data.
pub fn document_text(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\n' | '\r' | '\t') || hazard(c) != Some(Hazard::Control))
        .collect()
}

/// `outln!("…", args)`: a line for people on stdout.
macro_rules! outln {
    () => { $crate::cli::print::human("\n") };
    ($($arg:tt)*) => { $crate::cli::print::human(&format!("{}\n", format_args!($($arg)*))) };
}

/// `out!("…", args)`: text for people on stdout, no newline added.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::print::human(&format!($($arg)*)) };
}

/// `errln!("…", args)`: a message line on stderr.
macro_rules! errln {
    ($($arg:tt)*) => { $crate::cli::print::error(&format!("{}\n", format_args!($($arg)*))) };
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAYLOAD: &str = "x\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}2J\u{202e}y\u{200b}";

    #[test]
    fn json_keeps_the_data_and_escapes_what_a_terminal_acts_on() {
        let json = serde_json::to_string(PAYLOAD).unwrap();
        let safe = json_text(&json);
        assert!(!safe.chars().any(|c| hazard(c).is_some()), "{safe}");
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), PAYLOAD);
    }

    #[test]
    fn own_colours_survive_and_nothing_else() {
        let text = format!("\u{1b}[1mID\u{1b}[0m {PAYLOAD}\u{1b}[31m");
        assert_eq!(
            human_text(&text, true),
            "\u{1b}[1mID\u{1b}[0m x]52;c;ZXZpbA==2J<U+202E>y<U+200B>[31m"
        );
        assert!(!human_text(&text, false).contains('\u{1b}'));
        assert_eq!(
            document_text("a\u{1b}b\r\n\u{9b}c\u{202e}"),
            "ab\r\nc\u{202e}"
        );
    }
}
