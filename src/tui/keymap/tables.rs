//! The keymap tables: which keys do what on each kind of screen, in the order the footer shows them.

use super::{Action, Answering, Binding, Key, Label, Mode, Weight};

const fn bind(
    keys: &'static [Key],
    shown: &'static str,
    label: Label,
    action: Action,
    weight: Weight,
) -> Binding {
    Binding {
        keys,
        shown,
        label,
        action,
        weight,
    }
}

use Weight::{Essential, Footer, HelpOnly};

const MOVE: Binding = bind(&[Key::Up, Key::Down], "↑↓", Label::Move, Action::Up, Footer);
const HELP: Binding = bind(
    &[Key::Char('?'), Key::F1],
    "?",
    Label::Help,
    Action::Help,
    Essential,
);
const HELP_IN_TEXT: Binding = bind(&[Key::F1], "F1", Label::Help, Action::Help, Essential);
const LEAVE: Binding = bind(
    &[Key::Esc, Key::Char('q')],
    "Esc",
    Label::Leave,
    Action::Quit,
    Essential,
);
const BACK: Binding = bind(&[Key::Esc], "Esc", Label::Back, Action::Quit, Essential);
const FORCE_QUIT: Binding = bind(&[], "Ctrl-C", Label::ForceQuit, Action::ForceQuit, HelpOnly);
const SCROLL: Binding = bind(
    &[Key::PageUp, Key::PageDown],
    "PgUp/PgDn",
    Label::Scroll,
    Action::ScrollUp,
    Footer,
);
const PAGES: Binding = bind(
    &[Key::PageUp, Key::PageDown],
    "PgUp/PgDn",
    Label::Scroll,
    Action::ScrollUp,
    HelpOnly,
);
const TOP_END: Binding = bind(
    &[Key::Home, Key::End],
    "Home/End",
    Label::TopEnd,
    Action::Home,
    HelpOnly,
);
const NEXT_BACK: Binding = bind(
    &[Key::Char('n'), Key::Char('p')],
    "n/p",
    Label::NextBack,
    Action::NextQuestion,
    Footer,
);
const ARROWS_NEXT_BACK: Binding = bind(
    &[Key::Right, Key::Left],
    "←→",
    Label::NextBack,
    Action::NextQuestion,
    HelpOnly,
);
const FLAG: Binding = bind(&[Key::Char('f')], "f", Label::Flag, Action::Flag, Footer);
const OVERVIEW: Binding = bind(
    &[Key::Char('o')],
    "o",
    Label::Overview,
    Action::Overview,
    Footer,
);
const SUBMIT_ALL: Binding = bind(
    &[Key::Char('s')],
    "s",
    Label::SubmitAll,
    Action::SubmitAll,
    Essential,
);
const BUTTONS: Binding = bind(
    &[Key::Left, Key::Right, Key::Tab, Key::BackTab],
    "←→",
    Label::ChooseValue,
    Action::Left,
    Essential,
);

/// The bindings of `mode`, in the order the footer shows them.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    match mode {
        Mode::SignInText => vec![
            bind(
                &[Key::Tab, Key::Down],
                "Tab",
                Label::NextField,
                Action::NextField,
                Essential,
            ),
            bind(
                &[Key::Enter],
                "Enter",
                Label::Continue,
                Action::Confirm,
                Essential,
            ),
            bind(
                &[Key::BackTab, Key::Up],
                "Shift-Tab",
                Label::PreviousField,
                Action::PreviousField,
                HelpOnly,
            ),
            HELP_IN_TEXT,
            LEAVE_TEXT,
            FORCE_QUIT,
        ],
        Mode::SignInChoice => vec![
            bind(
                &[Key::Tab, Key::Down],
                "Tab",
                Label::NextField,
                Action::NextField,
                Essential,
            ),
            bind(
                &[Key::Left, Key::Right],
                "←→",
                Label::ChooseValue,
                Action::Left,
                Essential,
            ),
            bind(
                &[Key::Enter],
                "Enter",
                Label::Continue,
                Action::Confirm,
                Essential,
            ),
            bind(
                &[Key::BackTab, Key::Up],
                "Shift-Tab",
                Label::PreviousField,
                Action::PreviousField,
                HelpOnly,
            ),
            HELP,
            LEAVE,
            FORCE_QUIT,
        ],
        Mode::Picker => vec![
            MOVE,
            bind(
                &[Key::Enter],
                "Enter",
                Label::Continue,
                Action::Confirm,
                Essential,
            ),
            bind(
                &[Key::Digits],
                "1-9",
                Label::Number,
                Action::Digit(0),
                HelpOnly,
            ),
            HELP,
            BACK,
            FORCE_QUIT,
        ],
        Mode::Question {
            answering,
            deferred,
            scenario,
        } => question(answering, deferred, scenario),
        Mode::Feedback => vec![
            bind(
                &[Key::Enter],
                "Enter",
                Label::Next,
                Action::Confirm,
                Essential,
            ),
            bind(
                &[Key::Up, Key::Down],
                "↑↓",
                Label::Scroll,
                Action::Down,
                Footer,
            ),
            PAGES,
            NEXT_BACK,
            ARROWS_NEXT_BACK,
            FLAG,
            OVERVIEW,
            TOP_END,
            HELP,
            LEAVE,
            FORCE_QUIT,
        ],
        Mode::Overview { deferred } => {
            let mut keys = vec![
                MOVE,
                bind(
                    &[Key::Enter],
                    "Enter",
                    Label::Open,
                    Action::Confirm,
                    Essential,
                ),
            ];
            if deferred {
                keys.push(SUBMIT_ALL);
            }
            keys.extend([SCROLL, TOP_END, HELP, BACK, FORCE_QUIT]);
            keys
        }
        Mode::Dialog => vec![
            BUTTONS,
            bind(
                &[Key::Enter],
                "Enter",
                Label::Confirm,
                Action::Confirm,
                Essential,
            ),
            BACK,
            FORCE_QUIT,
        ],
        Mode::Resume => vec![
            BUTTONS,
            bind(
                &[Key::Enter],
                "Enter",
                Label::Confirm,
                Action::Confirm,
                Essential,
            ),
            HELP,
            LEAVE,
            FORCE_QUIT,
        ],
        Mode::Help => vec![
            bind(
                &[Key::Up, Key::Down],
                "↑↓",
                Label::Scroll,
                Action::Down,
                Footer,
            ),
            PAGES,
            TOP_END,
            BACK,
            FORCE_QUIT,
        ],
        Mode::Results { review } => {
            let mut keys = vec![bind(
                &[Key::Char('r')],
                "r",
                Label::Review,
                Action::Review,
                if review { Essential } else { HelpOnly },
            )];
            keys.extend([
                bind(
                    &[Key::Enter],
                    "Enter",
                    Label::QuizList,
                    Action::Confirm,
                    Essential,
                ),
                bind(
                    &[Key::Up, Key::Down],
                    "↑↓",
                    Label::Scroll,
                    Action::Down,
                    Footer,
                ),
                PAGES,
                TOP_END,
                HELP,
                LEAVE,
                FORCE_QUIT,
            ]);
            keys
        }
        Mode::Review => vec![
            bind(
                &[Key::Right, Key::Left, Key::Char('n'), Key::Char('p')],
                "←→",
                Label::NextBack,
                Action::Right,
                Essential,
            ),
            bind(
                &[Key::Up, Key::Down],
                "↑↓",
                Label::Scroll,
                Action::Down,
                Footer,
            ),
            PAGES,
            TOP_END,
            HELP,
            BACK,
            FORCE_QUIT,
        ],
        Mode::Message => vec![
            bind(
                &[Key::Enter],
                "Enter",
                Label::Continue,
                Action::Confirm,
                Footer,
            ),
            HELP,
            LEAVE,
            FORCE_QUIT,
        ],
        Mode::DeadEnd => vec![HELP, LEAVE, FORCE_QUIT],
    }
}

/// Esc in a text field: leaving (asks first); `q` is a letter there.
const LEAVE_TEXT: Binding = bind(&[Key::Esc], "Esc", Label::Leave, Action::Quit, Essential);

fn question(answering: Answering, deferred: bool, scenario: bool) -> Vec<Binding> {
    let mut keys = Vec::new();
    match answering {
        Answering::One | Answering::Branch => keys.extend([
            MOVE,
            bind(
                &[Key::Space],
                "Space",
                Label::Choose,
                Action::Toggle,
                Essential,
            ),
        ]),
        Answering::Several => keys.extend([
            MOVE,
            bind(
                &[Key::Space],
                "Space",
                Label::Tick,
                Action::Toggle,
                Essential,
            ),
        ]),
        Answering::Order => keys.extend([
            bind(
                &[Key::Space],
                "Space",
                Label::PickUp,
                Action::Toggle,
                Essential,
            ),
            MOVE,
        ]),
        Answering::Match => keys.extend([
            MOVE,
            bind(
                &[Key::Left, Key::Right, Key::Space],
                "←→",
                Label::Partner,
                Action::Right,
                Essential,
            ),
        ]),
    }
    keys.push(bind(
        &[Key::Enter],
        "Enter",
        Label::Answer,
        Action::Confirm,
        Essential,
    ));
    if deferred {
        keys.push(SUBMIT_ALL);
        keys.push(NEXT_BACK);
    }
    keys.extend([FLAG, OVERVIEW]);
    if !deferred {
        keys.push(NEXT_BACK);
    }
    if answering != Answering::Match {
        keys.push(ARROWS_NEXT_BACK);
    }
    if scenario {
        keys.push(SCROLL);
    }
    keys.push(bind(
        &[Key::Digits],
        "1-9",
        if answering == Answering::Match {
            Label::Partner
        } else {
            Label::Number
        },
        Action::Digit(0),
        HelpOnly,
    ));
    keys.extend([TOP_END, HELP, LEAVE, FORCE_QUIT]);
    keys
}
