//! Keys as data: for each kind of screen ([`Mode`]) one table of [`Binding`]s says which keys do what, what the
//! footer and the help window call them, and which of them must always be in view. The footer, the help window
//! and the dispatch of key presses all read these tables, so they can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keyboard::as_latin;

mod tables;

pub use tables::bindings;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Move left (or choose in a row of buttons or values).
    Left,
    /// Move right.
    Right,
    /// A digit 1-9: that option.
    Digit(usize),
    /// Tick, choose, pick up or put down.
    Toggle,
    /// Enter: answer, continue, open, confirm.
    Confirm,
    /// The next field.
    NextField,
    /// The previous field.
    PreviousField,
    /// The next question.
    NextQuestion,
    /// The previous question.
    PreviousQuestion,
    /// Flag the question to come back to.
    Flag,
    /// The overview of every question.
    Overview,
    /// The help window.
    Help,
    /// Submit the whole attempt.
    SubmitAll,
    /// Review the answers.
    Review,
    /// Leave, or go back one step; asks first where work could be lost.
    Quit,
    /// Ctrl-C: leave at once (answers are saved first).
    ForceQuit,
    /// Scroll up one page.
    ScrollUp,
    /// Scroll down one page.
    ScrollDown,
    /// To the top.
    Home,
    /// To the end.
    End,
    /// A printable character typed into a text field.
    Type(char),
    /// Backspace in a text field.
    Erase,
}

/// A key as the tables name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// ↑.
    Up,
    /// ↓.
    Down,
    /// ←.
    Left,
    /// →.
    Right,
    /// Enter.
    Enter,
    /// Esc.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// F1.
    F1,
    /// The space bar.
    Space,
    /// Any digit 1-9.
    Digits,
    /// A letter or sign, as a US layout types it.
    Char(char),
}

/// What the footer and the help window call a binding; each language words it (see [`crate::i18n::KeyWords`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Tab: the next field.
    NextField,
    /// Shift-Tab: the previous field.
    PreviousField,
    /// ←→: choose a value.
    ChooseValue,
    /// Enter: go on.
    Continue,
    /// ↑↓: move the highlight.
    Move,
    /// 1-9: choose that option.
    Number,
    /// Space: choose the highlighted option.
    Choose,
    /// Space: tick or untick.
    Tick,
    /// Space: pick up or put down a step.
    PickUp,
    /// ←→ or 1-9: the partner of a match item.
    Partner,
    /// Enter: answer the question.
    Answer,
    /// Enter: the next question, after feedback.
    Next,
    /// n / p: next and previous question.
    NextBack,
    /// f: flag.
    Flag,
    /// o: overview.
    Overview,
    /// s: submit every answer.
    SubmitAll,
    /// PgUp/PgDn: scroll.
    Scroll,
    /// Home/End: top and end.
    TopEnd,
    /// ?: help.
    Help,
    /// Esc: leave.
    Leave,
    /// Esc: back.
    Back,
    /// r: review the answers.
    Review,
    /// Enter: back to the quiz list.
    QuizList,
    /// Enter: do what the highlighted button says.
    Confirm,
    /// Enter: open the highlighted question.
    Open,
    /// Ctrl-C: leave at once.
    ForceQuit,
}

/// How much a binding matters where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Always in the footer: without it the trainee cannot go on.
    Essential,
    /// In the footer when there is room.
    Footer,
    /// Only in the help window.
    HelpOnly,
}

/// One row of a keymap table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// The keys as printed: "Enter", "↑↓", "n/p".
    pub shown: &'static str,
    /// What it is called.
    pub label: Label,
    /// What it does (`Digit(0)` stands for every digit).
    pub action: Action,
    /// How much it matters here.
    pub weight: Weight,
}

/// The kind of question on screen, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answering {
    /// One option (single, true/false).
    One,
    /// Several options.
    Several,
    /// Steps to put in order.
    Order,
    /// Items to pair.
    Match,
    /// A decision at a branching node.
    Branch,
}

/// What kind of screen has the keys: each has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Sign-in, a text field has focus.
    SignInText,
    /// Sign-in, a choice (group, language) has focus.
    SignInChoice,
    /// The quiz list.
    Picker,
    /// A question being answered.
    Question {
        /// Its kind.
        answering: Answering,
        /// Deferred feedback: the trainee moves freely and submits at the end.
        deferred: bool,
        /// A scenario pane above it.
        scenario: bool,
    },
    /// The feedback of an answered question.
    Feedback,
    /// The overview of every question.
    Overview {
        /// Deferred feedback: submitting is offered.
        deferred: bool,
    },
    /// A window of buttons (leave, submit, start again).
    Dialog,
    /// The offer to resume an unfinished attempt (buttons on a screen of their own).
    Resume,
    /// The help window.
    Help,
    /// The results of a finished attempt.
    Results {
        /// Whether reviewing is allowed.
        review: bool,
    },
    /// The review of every question.
    Review,
    /// A screen that only says something (blocked, loading).
    Message,
    /// A message with no way on: the trainer's config could not be read, so there is no room to sign in to.
    DeadEnd,
}

/// The key of `event` as the tables name it; outside text fields, what a Russian or Kazakh layout types is read
/// as the US key in the same place.
fn key_of(event: KeyEvent, text: bool) -> Option<Key> {
    Some(match event.code {
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(1) => Key::F1,
        KeyCode::Char(' ') => Key::Space,
        KeyCode::Char(c) if text => Key::Char(c),
        KeyCode::Char(c) => {
            let c = as_latin(c);
            if c.is_ascii_digit() && c != '0' {
                Key::Digits
            } else {
                Key::Char(c.to_ascii_lowercase())
            }
        }
        _ => return None,
    })
}

/// The action of `event` in `mode`, if it has one.
pub fn action(mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(event.code, KeyCode::Char('c' | 'C')).then_some(Action::ForceQuit);
    }
    let text = mode == Mode::SignInText;
    if text {
        match event.code {
            KeyCode::Char(c) => return Some(Action::Type(c)),
            KeyCode::Backspace => return Some(Action::Erase),
            _ => {}
        }
    }
    let key = key_of(event, text)?;
    let binding = bindings(mode)
        .into_iter()
        .find(|binding| binding.keys.contains(&key))?;
    Some(match (binding.action, key) {
        (Action::Digit(_), _) => match event.code {
            KeyCode::Char(c) => Action::Digit(as_latin(c).to_digit(10)? as usize),
            _ => return None,
        },
        (Action::Up | Action::Down, Key::Up) => Action::Up,
        (Action::Up | Action::Down, Key::Down) => Action::Down,
        (Action::Left | Action::Right, Key::Left | Key::BackTab) => Action::Left,
        (Action::Left | Action::Right, Key::Right | Key::Tab | Key::Space) => Action::Right,
        (Action::Right, Key::Char('n')) => Action::NextQuestion,
        (Action::Right, Key::Char('p')) => Action::PreviousQuestion,
        (Action::NextQuestion, Key::Char('p') | Key::Left) => Action::PreviousQuestion,
        (Action::ScrollUp, Key::PageDown) => Action::ScrollDown,
        (Action::Home, Key::End) => Action::End,
        (action, _) => action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    const QUESTION: Mode = Mode::Question {
        answering: Answering::One,
        deferred: true,
        scenario: false,
    };

    #[test]
    fn letters_are_commands_except_in_text_fields() {
        assert_eq!(
            action(QUESTION, key(KeyCode::Char('f'))),
            Some(Action::Flag)
        );
        assert_eq!(
            action(Mode::SignInText, key(KeyCode::Char('f'))),
            Some(Action::Type('f'))
        );
        assert_eq!(
            action(Mode::SignInText, key(KeyCode::Char('?'))),
            Some(Action::Type('?'))
        );
        assert_eq!(
            action(Mode::SignInText, key(KeyCode::F(1))),
            Some(Action::Help)
        );
        assert_eq!(
            action(QUESTION, key(KeyCode::Char('3'))),
            Some(Action::Digit(3))
        );
        assert_eq!(action(QUESTION, key(KeyCode::Char('0'))), None);
        assert_eq!(
            action(QUESTION, key(KeyCode::Char('p'))),
            Some(Action::PreviousQuestion)
        );
        assert_eq!(
            action(QUESTION, key(KeyCode::PageDown)),
            None,
            "no scenario, nothing to scroll"
        );
    }

    #[test]
    fn no_letter_answers_a_dialog() {
        for c in ['y', 'n', 'д', 'н', 'и', 'ж', 'q'] {
            assert_eq!(action(Mode::Dialog, key(KeyCode::Char(c))), None, "{c}");
        }
        assert_eq!(action(Mode::Dialog, key(KeyCode::Tab)), Some(Action::Right));
        assert_eq!(
            action(Mode::Dialog, key(KeyCode::Enter)),
            Some(Action::Confirm)
        );
    }

    #[test]
    fn ctrl_c_always_leaves_and_esc_always_asks_or_goes_back() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::SignInText, QUESTION, Mode::Dialog, Mode::Review] {
            assert_eq!(action(mode, ctrl_c), Some(Action::ForceQuit));
            assert_eq!(action(mode, key(KeyCode::Esc)), Some(Action::Quit));
        }
    }

    #[test]
    fn every_mode_has_help_and_a_way_out_and_every_key_is_bound_once() {
        let modes = [
            Mode::SignInText,
            Mode::SignInChoice,
            Mode::Picker,
            QUESTION,
            Mode::Feedback,
            Mode::Overview { deferred: true },
            Mode::Results { review: true },
            Mode::Review,
        ];
        for mode in modes {
            let table = bindings(mode);
            assert!(table.iter().any(|b| b.action == Action::Help), "{mode:?}");
            assert!(table.iter().any(|b| b.action == Action::Quit), "{mode:?}");
            let mut seen = Vec::new();
            for key in table.iter().flat_map(|b| b.keys) {
                assert!(!seen.contains(key), "{mode:?}: {key:?} bound twice");
                seen.push(*key);
            }
        }
    }
}
