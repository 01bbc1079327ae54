//! Where events come from: one thread blocks reading the terminal, another waits for signals, a
//! third ticks every few seconds so the loop can look whether the files changed on disk; all send
//! into one channel. The event loop blocks on the channel.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event as TermEvent, KeyEventKind, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::keys::key_from;
use crate::app::Action;
use crate::keymap::Key;

pub enum Event {
    Key(Key),
    Action(Action),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: restore the terminal, rescue the edits and leave.
    Stop(i32),
    /// SIGCONT: the process was stopped and resumed; take the terminal again.
    Resumed,
    /// Reading the terminal failed (it is gone).
    Failed(std::io::Error),
    /// Time to look whether the workspace files changed on disk.
    Tick,
}

/// How often the files are looked at (a size-and-time check; read only when that changed).
const TICK: Duration = Duration::from_secs(2);

/// Starts the reader, signal and tick threads; the sender is for work done off the loop.
pub fn start(mouse: bool) -> std::io::Result<(Sender<Event>, Receiver<Event>)> {
    let (sender, receiver) = channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGCONT])?;
    let signal_sender = sender.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            let event = if signal == SIGCONT {
                Event::Resumed
            } else {
                Event::Stop(signal)
            };
            if signal_sender.send(event).is_err() {
                break;
            }
        }
    });
    let tick_sender = sender.clone();
    thread::spawn(move || {
        while tick_sender.send(Event::Tick).is_ok() {
            thread::sleep(TICK);
        }
    });
    let reader_sender = sender.clone();
    thread::spawn(move || read_terminal(reader_sender, mouse));
    Ok((sender, receiver))
}

/// Asked to stop reading the terminal (while `$EDITOR` has it).
static PAUSE: AtomicBool = AtomicBool::new(false);
/// The reader has seen `PAUSE` and is not reading.
static PAUSED: AtomicBool = AtomicBool::new(false);

/// Stops the reader thread from taking keys (meant for `$EDITOR`); returns once it stopped.
pub fn pause_reader() {
    PAUSE.store(true, Ordering::SeqCst);
    for _ in 0..200 {
        if PAUSED.load(Ordering::SeqCst) {
            return;
        }
        thread::sleep(Duration::from_millis(5));
    }
}

pub fn resume_reader() {
    PAUSE.store(false, Ordering::SeqCst);
}

fn read_terminal(sender: Sender<Event>, mouse: bool) {
    loop {
        // The reader waits in short polls rather than a blocking read so that it can let go of
        // the terminal when `$EDITOR` runs; the event loop itself still sleeps on the channel.
        if PAUSE.load(Ordering::SeqCst) {
            PAUSED.store(true, Ordering::SeqCst);
            thread::sleep(Duration::from_millis(10));
            continue;
        }
        PAUSED.store(false, Ordering::SeqCst);
        match event::poll(Duration::from_millis(100)) {
            Ok(false) => continue,
            Ok(true) => {}
            Err(error) => {
                let _ = sender.send(Event::Failed(error));
                return;
            }
        }
        let event = match event::read() {
            Ok(event) => translate(event, mouse),
            Err(error) => {
                let _ = sender.send(Event::Failed(error));
                return;
            }
        };
        if let Some(event) = event
            && sender.send(event).is_err()
        {
            return;
        }
    }
}

fn translate(event: TermEvent, mouse: bool) -> Option<Event> {
    match event {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => key_from(key).map(Event::Key),
        TermEvent::Resize(width, height) => Some(Event::Action(Action::Resize { width, height })),
        TermEvent::Paste(text) => Some(Event::Action(Action::Paste(text))),
        TermEvent::Mouse(m) if mouse => {
            let (column, row) = (m.column, m.row);
            let action = match m.kind {
                MouseEventKind::ScrollDown => Action::WheelDown { column, row },
                MouseEventKind::ScrollUp => Action::WheelUp { column, row },
                MouseEventKind::Down(MouseButton::Left) => Action::Click { column, row },
                _ => return None,
            };
            Some(Event::Action(action))
        }
        _ => None,
    }
}
