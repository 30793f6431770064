//! Every style the app uses, in one place: a default theme, a high-contrast one, and none at all under
//! `NO_COLOR`. Meaning is never carried by colour alone: symbols and words say it too.

use ratatui::style::{Color, Modifier, Style};

/// Which look to use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    /// Calm colours.
    #[default]
    Default,
    /// Black and white with bold highlights, for projectors and low vision.
    HighContrast,
}

/// The styles of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: hints, counters.
    pub dim: Style,
    /// Titles and headings.
    pub title: Style,
    /// The highlighted row.
    pub selected: Style,
    /// Borders.
    pub border: Style,
    /// Right answers.
    pub good: Style,
    /// Partly right answers.
    pub partial: Style,
    /// Wrong answers.
    pub bad: Style,
    /// Warnings and notices.
    pub warning: Style,
    /// The footer of keys.
    pub keys: Style,
    /// Draw only ASCII symbols (see [`crate::tui::symbols`]).
    pub ascii: bool,
}

impl Theme {
    /// This theme drawing only ASCII symbols when `ascii` is set.
    pub fn with_ascii(self, ascii: bool) -> Self {
        Self { ascii, ..self }
    }

    /// The theme called `name`, without colours when `no_color` is set.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        if no_color {
            return Self {
                text: plain,
                dim: plain,
                title: bold,
                selected: plain.add_modifier(Modifier::REVERSED),
                border: plain,
                good: bold,
                partial: bold,
                bad: bold,
                warning: bold,
                keys: plain,
                ascii: false,
            };
        }
        match name {
            ThemeName::Default => Self {
                text: plain,
                dim: plain.fg(Color::Gray),
                title: bold.fg(Color::Cyan),
                selected: plain.fg(Color::Black).bg(Color::Cyan),
                border: plain.fg(Color::DarkGray),
                good: bold.fg(Color::Green),
                partial: bold.fg(Color::Yellow),
                bad: bold.fg(Color::Red),
                warning: bold.fg(Color::Yellow),
                keys: plain.fg(Color::Gray),
                ascii: false,
            },
            ThemeName::HighContrast => Self {
                text: plain.fg(Color::White),
                dim: plain.fg(Color::White),
                title: bold.fg(Color::White).add_modifier(Modifier::UNDERLINED),
                selected: bold.fg(Color::Black).bg(Color::White),
                border: plain.fg(Color::White),
                good: bold.fg(Color::LightGreen),
                partial: bold.fg(Color::LightYellow),
                bad: bold.fg(Color::LightRed),
                warning: bold.fg(Color::LightYellow),
                keys: bold.fg(Color::White),
                ascii: false,
            },
        }
    }
}
