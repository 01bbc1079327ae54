//! The edge of the workbench: takes the terminal, feeds events to `app::update`, runs the effects,
//! draws with `ui::render` after each event (and only then), and gives the terminal back on quit,
//! error, panic, SIGTERM, SIGHUP and SIGQUIT; every way out but a chosen quit rescues the
//! unsaved edits and the typing in an open form. Ctrl-Z suspends; `fg` resumes.

pub mod clipboard;
pub mod conflicts_file;
mod demo_folder;
mod editor;
mod events;
pub mod evidence_hash;
pub mod export;
mod git_setup;
mod history;
mod keys;
mod new_workspace;
mod open;
pub mod persist;
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
    let demo = match options.target {
        Target::Demo { keep } => Some(demo_folder::DemoFolder::watch(&opened.dir, keep)),
        Target::Dir(_) => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        drop(opened);
        if let Some(demo) = demo {
            demo.discard();
        }
        anyhow::bail!(
            "the workbench needs a terminal; in scripts use `isms show ID`, `isms search QUERY` \
             or `isms catalogue`"
        );
    }
    let Opened {
        mut app,
        theme,
        handle,
        dir,
    } = opened;
    let mut store = persist::Store {
        dir,
        handle,
        catalogue: options.catalogue.clone(),
    };
    persist::offer_recovery(&mut app, &store);
    conflicts_file::offer(&mut app, &store.dir);
    terminal::install_panic_hook();
    terminal::enter(options.mouse)?;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut app, &mut store, &theme, options.mouse)
    }));
    terminal::restore();
    let result = match result {
        Ok(Err(error)) => {
            // An error (a write to a dead terminal, say) ends the session too: keep the edits.
            persist::rescue(&app, &store);
            Err(error)
        }
        Ok(result) => result,
        Err(panic) => {
            // The hook has restored the terminal and printed the panic; keep the edits.
            persist::rescue(&app, &store);
            std::panic::resume_unwind(panic);
        }
    };
    // The handle holds the workspace lock for the whole session; it is released here.
    drop(store);
    if let Some(demo) = demo {
        crate::cli::print::error(&format!("{}\n", demo.finish()));
    }
    result
}

fn event_loop(
    app: &mut App,
    store: &mut persist::Store,
    theme: &Theme,
    mouse: bool,
) -> anyhow::Result<ExitCode> {
    let mut terminal = terminal::new()?;
    let size = terminal.size()?;
    app::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let (sender, events) = events::start(mouse)?;
    let mut histories = history::Cache::default();
    history::load_approved_soa(&store.dir, &sender);
    git_setup::warn_if_missing(&store.dir, &sender);
    let panic_on_key = std::env::var_os("ISMS_TEST_PANIC").is_some();
    terminal.draw(|frame| ui::render(frame, app, theme))?;
    app.catalogue.prepare_search();
    loop {
        let mut event = events.recv()?;
        // Handle everything already waiting (a paste, key repeat over a slow link) before drawing.
        loop {
            let effect = match event {
                Event::Key(key) => {
                    if panic_on_key {
                        panic!("ISMS_TEST_PANIC is set: panicking on the first key, as asked");
                    }
                    app::handle_key(app, key)
                }
                Event::Action(action) => app::update(app, action),
                Event::Stop(signal) => {
                    terminal::restore();
                    persist::rescue(app, store);
                    return Ok(ExitCode::from(128u8.saturating_add(signal as u8)));
                }
                Event::Tick => {
                    persist::check_disk(app, store);
                    Effect::None
                }
                Event::Resumed => {
                    terminal::enter(mouse)?;
                    Effect::Redraw
                }
                Event::Failed(error) => {
                    terminal::restore();
                    persist::rescue(app, store);
                    return Err(error.into());
                }
            };
            match effect {
                Effect::None => {}
                Effect::Quit => return Ok(ExitCode::SUCCESS),
                Effect::Suspend => terminal::suspend(&mut terminal, mouse)?,
                Effect::Redraw => terminal::redraw_all(&mut terminal)?,
                Effect::Save => persist::save(app, store),
                Effect::SaveAndQuit => {
                    if persist::save_and_quit(app, store) {
                        return Ok(ExitCode::SUCCESS);
                    }
                }
                Effect::Export => export::run(app, store),
                Effect::Clipboard => {
                    if let Some(text) = app.take_clipboard()
                        && let Err(error) = clipboard::copy(&text)
                    {
                        app.tell(format!("Could not copy: {error}"), true);
                    }
                }
                Effect::DiscardRecovery => persist::discard_recovery(app, store),
                Effect::LoadHistory(record) => histories.load(&store.dir, record, &sender),
                Effect::HashFile(location) => evidence_hash::run(app, store, location),
                Effect::ExternalEdit => {
                    if let Some(text) = app.external_text() {
                        let result = editor::edit_text(&text, mouse, &mut terminal);
                        app.external_edit_done(result);
                    }
                }
            }
            match events.try_recv() {
                Ok(next) => event = next,
                Err(_) => break,
            }
        }
        terminal.draw(|frame| ui::render(frame, app, theme))?;
    }
}
