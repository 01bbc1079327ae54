//! The terminal guard: raw mode and the alternate screen on the way in, everything undone on the
//! way out. `restore` is safe to call any number of times, from the panic hook, a signal, an
//! error or a normal quit, so the user's shell is never left broken.

use std::io::{Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse capture was asked for, so that restore undoes it.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Takes the terminal: raw mode, alternate screen, bracketed paste, and the mouse if asked for.
pub fn enter(mouse: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was. Errors are ignored: the terminal may already be gone (SSH
/// dropped), and there is nothing better to do than try every step.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal before the previous panic hook prints, so the message is readable and
/// the shell usable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// A terminal drawing on stdout, with nothing drawn yet.
pub fn new() -> std::io::Result<Term> {
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Clears the screen and forgets what was drawn, so the next frame is drawn whole.
/// (`Terminal::clear` would ask the terminal for the cursor position, which waits on the event
/// reader thread, so it is not used.)
pub fn redraw_all(terminal: &mut Term) -> std::io::Result<()> {
    execute!(stdout(), Clear(ClearType::All))?;
    *terminal = new()?;
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again and redraw everything.
pub fn suspend(terminal: &mut Term, mouse: bool) -> std::io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)?;
    redraw_all(terminal)
}

#[cfg(test)]
mod tests {
    #[test]
    fn restore_without_enter_is_harmless_and_repeatable() {
        super::restore();
        super::restore();
        assert!(!super::ACTIVE.load(std::sync::atomic::Ordering::SeqCst));
    }
}
