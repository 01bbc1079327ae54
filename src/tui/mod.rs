//! The edge of the workbench: takes the terminal, feeds events to `app::update`, runs the effects,
//! draws with `ui::render` after each event (and only then), and gives the terminal back on quit,
//! error, panic, SIGTERM and SIGHUP. Ctrl-Z suspends; `fg` resumes.

mod events;
mod keys;
mod open;
mod terminal;

use std::io::IsTerminal;
use std::process::ExitCode;

pub use open::{Opened, Options, Target, open};

use crate::app::{self, Action, App, Effect};
use crate::theme::Theme;
use crate::ui;
use events::Event;

/// Opens the workbench and runs it until the user quits.
pub fn run(options: Options) -> anyhow::Result<ExitCode> {
    let opened = open(&options)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the workbench needs a terminal; in scripts use `isms show ID`, `isms search QUERY` \
             or `isms catalogue`"
        );
    }
    terminal::install_panic_hook();
    terminal::enter(options.mouse)?;
    let result = event_loop(opened.app, &opened.theme, options.mouse);
    terminal::restore();
    // The handle holds the workspace lock for the whole session; it is released here.
    drop(opened.handle);
    result
}

fn event_loop(mut app: App, theme: &Theme, mouse: bool) -> anyhow::Result<ExitCode> {
    let mut terminal = terminal::new()?;
    let size = terminal.size()?;
    app::update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let events = events::start(mouse)?;
    let panic_on_key = std::env::var_os("ISMS_TEST_PANIC").is_some();
    terminal.draw(|frame| ui::render(frame, &app, theme))?;
    loop {
        let mut event = events.recv()?;
        // Handle everything already waiting (a paste, key repeat over a slow link) before drawing.
        loop {
            let effect = match event {
                Event::Key(key) => {
                    if panic_on_key {
                        panic!("ISMS_TEST_PANIC is set: panicking on the first key, as asked");
                    }
                    app::handle_key(&mut app, key)
                }
                Event::Action(action) => app::update(&mut app, action),
                Event::Stop(signal) => {
                    terminal::restore();
                    return Ok(ExitCode::from(128u8.saturating_add(signal as u8)));
                }
                Event::Resumed => {
                    terminal::enter(mouse)?;
                    Effect::Redraw
                }
                Event::Failed(error) => return Err(error.into()),
            };
            match effect {
                Effect::None => {}
                Effect::Quit => return Ok(ExitCode::SUCCESS),
                Effect::Suspend => terminal::suspend(&mut terminal, mouse)?,
                Effect::Redraw => terminal::redraw_all(&mut terminal)?,
            }
            match events.try_recv() {
                Ok(next) => event = next,
                Err(_) => break,
            }
        }
        terminal.draw(|frame| ui::render(frame, &app, theme))?;
    }
}
