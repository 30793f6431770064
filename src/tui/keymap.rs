//! Keys as data: one table maps each key, in each context, to an action.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the key was pressed, which decides what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A text field has focus: printable keys are text.
    Text,
    /// Any other screen or overlay.
    Command,
    /// A yes/no question.
    Confirm,
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// ↑.
    Up,
    /// ↓.
    Down,
    /// ←.
    Left,
    /// →.
    Right,
    /// Digit 1-9.
    Digit(usize),
    /// Space.
    Toggle,
    /// Enter.
    Confirm,
    /// Tab.
    NextField,
    /// Shift-Tab.
    PreviousField,
    /// `n`: next question.
    NextQuestion,
    /// `p`: previous question.
    PreviousQuestion,
    /// `f`.
    Flag,
    /// `o`.
    Overview,
    /// `?`.
    Help,
    /// `s`: submit the whole attempt.
    SubmitAll,
    /// `r`.
    Review,
    /// Esc or `q`: leave, asking first.
    Quit,
    /// Ctrl-C: leave at once.
    ForceQuit,
    /// `y` in a yes/no question.
    Yes,
    /// `n` in a yes/no question.
    No,
    /// PgUp.
    ScrollUp,
    /// PgDn.
    ScrollDown,
    /// A printable character typed into a text field.
    Type(char),
    /// Backspace in a text field.
    Erase,
}

/// Keys that mean the same in every context.
const ANY: &[(KeyCode, Action)] = &[
    (KeyCode::Up, Action::Up),
    (KeyCode::Down, Action::Down),
    (KeyCode::Left, Action::Left),
    (KeyCode::Right, Action::Right),
    (KeyCode::Enter, Action::Confirm),
    (KeyCode::Tab, Action::NextField),
    (KeyCode::BackTab, Action::PreviousField),
    (KeyCode::Esc, Action::Quit),
    (KeyCode::PageUp, Action::ScrollUp),
    (KeyCode::PageDown, Action::ScrollDown),
];

/// Letter commands, outside text fields.
const COMMANDS: &[(char, Action)] = &[
    (' ', Action::Toggle),
    ('n', Action::NextQuestion),
    ('p', Action::PreviousQuestion),
    ('f', Action::Flag),
    ('o', Action::Overview),
    ('?', Action::Help),
    ('s', Action::SubmitAll),
    ('r', Action::Review),
    ('q', Action::Quit),
];

/// Letters of a yes/no question.
const ANSWERS: &[(char, Action)] = &[
    ('y', Action::Yes),
    ('n', Action::No),
    ('д', Action::Yes),
    ('н', Action::No),
    ('и', Action::Yes),
    ('ж', Action::No),
    ('q', Action::No),
];

/// The action of `key` in `context`, if any.
pub fn action(context: Context, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C'))
            .then_some(Action::ForceQuit);
    }
    if let Some((_, action)) = ANY.iter().find(|(code, _)| *code == key.code) {
        return Some(*action);
    }
    let KeyCode::Char(c) = key.code else {
        return (context == Context::Text && key.code == KeyCode::Backspace)
            .then_some(Action::Erase);
    };
    let lower = c.to_lowercase().next().unwrap_or(c);
    match context {
        Context::Text => Some(Action::Type(c)),
        Context::Confirm => ANSWERS.iter().find(|(k, _)| *k == lower).map(|(_, a)| *a),
        Context::Command => match c.to_digit(10) {
            Some(d) if d > 0 => Some(Action::Digit(d as usize)),
            _ => COMMANDS.iter().find(|(k, _)| *k == lower).map(|(_, a)| *a),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn letters_are_commands_except_in_text_fields() {
        assert_eq!(
            action(Context::Command, key(KeyCode::Char('f'))),
            Some(Action::Flag)
        );
        assert_eq!(
            action(Context::Text, key(KeyCode::Char('f'))),
            Some(Action::Type('f'))
        );
        assert_eq!(
            action(Context::Text, key(KeyCode::Char(' '))),
            Some(Action::Type(' '))
        );
        assert_eq!(
            action(Context::Text, key(KeyCode::Char('q'))),
            Some(Action::Type('q'))
        );
        assert_eq!(
            action(Context::Command, key(KeyCode::Char('3'))),
            Some(Action::Digit(3))
        );
        assert_eq!(action(Context::Command, key(KeyCode::Char('0'))), None);
        assert_eq!(
            action(Context::Confirm, key(KeyCode::Char('Y'))),
            Some(Action::Yes)
        );
        assert_eq!(
            action(Context::Confirm, key(KeyCode::Char('н'))),
            Some(Action::No)
        );
    }

    #[test]
    fn ctrl_c_always_leaves_and_esc_always_asks() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in [Context::Text, Context::Command, Context::Confirm] {
            assert_eq!(action(context, ctrl_c), Some(Action::ForceQuit));
            assert_eq!(action(context, key(KeyCode::Esc)), Some(Action::Quit));
        }
    }
}
