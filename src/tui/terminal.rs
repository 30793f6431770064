//! Taking over the terminal and always giving it back: on quit, on error and on panic. Only the set-up here
//! writes to standard output directly (ratatui draws what it is given, made printable first); messages go
//! through the [`Console`].

use std::io::{self, IsTerminal, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};

use crate::console::Console;

/// Why the app cannot start in this terminal.
#[derive(Debug, thiserror::Error)]
pub enum TerminalError {
    /// Standard output or input is not a terminal (a pipe, a file, no TTY).
    #[error(
        "vigil needs an interactive terminal: run it in a terminal window, not through a pipe or a file"
    )]
    NotATerminal,
    /// The terminal could not be set up.
    #[error("the terminal could not be set up: {0}")]
    Setup(#[from] io::Error),
}

/// Puts the terminal back as it was: mouse off, raw mode off, main screen, cursor shown.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Takes over the terminal (alternate screen, raw mode, mouse), with a panic hook installed first so a panic
/// restores the terminal before its message is printed.
pub fn take_over() -> Result<DefaultTerminal, TerminalError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(TerminalError::NotATerminal);
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let terminal = ratatui::try_init().inspect_err(|_| restore())?;
    execute!(io::stdout(), EnableMouseCapture).inspect_err(|_| restore())?;
    Ok(terminal)
}

/// Runs `app` in the terminal and gives the terminal back afterwards, whatever happens; without a terminal,
/// prints one line and returns exit code 2.
pub fn in_terminal(
    app: impl FnOnce(&mut DefaultTerminal) -> anyhow::Result<i32>,
) -> anyhow::Result<i32> {
    let mut terminal = match take_over() {
        Ok(terminal) => terminal,
        Err(TerminalError::NotATerminal) => {
            writeln!(Console::stderr(), "vigil: {}", TerminalError::NotATerminal)?;
            return Ok(2);
        }
        Err(error) => return Err(error.into()),
    };
    let outcome = app(&mut terminal);
    restore();
    outcome
}

/// Whether `NO_COLOR` asks for no colours.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
