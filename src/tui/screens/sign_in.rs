//! The sign-in screen: name (or roster code), group, language; session and phase shown read-only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{body_parts, footer};
use crate::config::RosterEntry;
use crate::i18n::{Lang, fill};
use crate::record::Participant;
use crate::record::identity::normalise;
use crate::text::printable_line;
use crate::tui::app::{App, Ask, Effect, Screen};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;

/// The sign-in form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignIn {
    /// The typed name.
    pub name: String,
    /// The typed participant code.
    pub code: String,
    /// Index of the chosen group.
    pub group: usize,
    /// Which field has focus.
    pub field: Field,
    /// A problem to show.
    pub error: Option<SignInError>,
}

/// A field of the sign-in form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Field {
    /// The name.
    #[default]
    Name,
    /// The participant code.
    Code,
    /// The group.
    Group,
    /// The language.
    Language,
}

/// Why sign-in did not go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInError {
    /// No name and no code.
    NeedName,
    /// A code that is not on the roster.
    UnknownCode,
    /// A name that is not on the roster, where records keep only roster codes.
    RosterOnly,
}

/// Whether `c` may be typed into a name or code: no control characters, and none of the invisible characters
/// that reorder or join text (bidi controls, zero-width characters), which would make one name look like
/// another.
fn typeable(c: char) -> bool {
    !crate::text::unsafe_on_terminal(c, false)
}

/// Handles `action` on the sign-in form.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let groups = app.room.groups.len();
    let has_roster = !app.room.roster.is_empty();
    // A group the roster gives is not chosen: the focus passes it by.
    let group_given = roster_gives_group(app);
    let Screen::SignIn(form) = &mut app.screen else {
        return Vec::new();
    };
    let fields: Vec<Field> = [Field::Name, Field::Code, Field::Group, Field::Language]
        .into_iter()
        .filter(|f| has_roster || *f != Field::Code)
        .filter(|f| !group_given || *f != Field::Group)
        .collect();
    let at = fields.iter().position(|f| *f == form.field).unwrap_or(0);
    if action != Action::Confirm {
        app.confirmed_early = false;
    }
    match action {
        Action::NextField | Action::Down => form.field = fields[(at + 1) % fields.len()],
        Action::PreviousField | Action::Up => {
            form.field = fields[(at + fields.len() - 1) % fields.len()];
        }
        Action::Type(c) if typeable(c) => match form.field {
            Field::Name if form.name.chars().count() < 60 => form.name.push(c),
            Field::Code if form.code.chars().count() < 20 => form.code.push(c),
            _ => {}
        },
        Action::Erase => {
            match form.field {
                Field::Name => form.name.pop(),
                Field::Code => form.code.pop(),
                _ => None,
            };
        }
        Action::Left | Action::Right => {
            let forward = action == Action::Right;
            match form.field {
                Field::Group if groups > 0 => {
                    form.group = if forward {
                        (form.group + 1) % groups
                    } else {
                        (form.group + groups - 1) % groups
                    };
                }
                Field::Language => {
                    let at = Lang::ALL.iter().position(|l| *l == app.lang).unwrap_or(0);
                    let step = if forward { 1 } else { Lang::ALL.len() - 1 };
                    app.lang = Lang::ALL[(at + step) % Lang::ALL.len()];
                }
                _ => {}
            }
        }
        Action::Confirm if app.awaiting_config.is_some() => app.confirmed_early = true,
        Action::Confirm => return sign_in(app),
        Action::Quit => app.ask(Ask::Leave),
        _ => {}
    }
    Vec::new()
}

/// The roster participant whose name `typed` is, if any.
fn roster_name<'r>(roster: &'r [RosterEntry], typed: &str) -> Option<&'r RosterEntry> {
    let typed = normalise(typed);
    roster
        .iter()
        .find(|entry| !typed.is_empty() && normalise(&entry.name) == typed)
}

/// Whether the roster gives the group rather than the trainee: the sign-in form names a roster participant (by a
/// code, or by a name on the roster), or only roster participants may sign in (`store_names: false`).
pub(crate) fn roster_gives_group(app: &App) -> bool {
    match &app.screen {
        Screen::SignIn(form) => {
            !app.room.store_names
                || !normalise(&form.code).is_empty()
                || roster_name(&app.room.roster, &form.name).is_some()
        }
        _ => false,
    }
}

/// The roster participant the form names: by the code typed, else by the name; none for a code not on the roster.
fn roster_entry<'r>(roster: &'r [RosterEntry], form: &SignIn) -> Option<&'r RosterEntry> {
    let code = normalise(&form.code);
    if code.is_empty() {
        roster_name(roster, &form.name)
    } else {
        roster.iter().find(|entry| normalise(&entry.code) == code)
    }
}

/// Signs in: a participant code, or a name that is on the trainer's roster, is the roster's participant (one
/// person, whichever was typed); any other name is a participant of the chosen group.
pub(crate) fn sign_in(app: &mut App) -> Vec<Effect> {
    let Screen::SignIn(form) = &mut app.screen else {
        return Vec::new();
    };
    let store_names = app.room.store_names;
    let participant = match roster_entry(&app.room.roster, form) {
        Some(entry) => Participant {
            name: if store_names {
                entry.name.clone()
            } else {
                String::new()
            },
            code: Some(entry.code.clone()),
            group: entry.group.clone(),
        },
        None if !normalise(&form.code).is_empty() => {
            form.error = Some(SignInError::UnknownCode);
            return Vec::new();
        }
        None => {
            let name = form.name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() {
                form.error = Some(SignInError::NeedName);
                return Vec::new();
            }
            if !store_names {
                form.error = Some(SignInError::RosterOnly);
                return Vec::new();
            }
            Participant {
                name,
                code: None,
                group: app
                    .room
                    .groups
                    .get(form.group)
                    .map_or_else(|| "other".to_owned(), |g| g.id.clone()),
            }
        }
    };
    app.participant = Some(participant);
    app.screen = Screen::Loading;
    vec![Effect::LoadRoom]
}

/// Draws the sign-in form.
pub fn render(app: &App, form: &SignIn, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let parts = body_parts(app, theme, frame, area, s.app_title, "");
    let label = |text: &str, field: Field| {
        let style = if form.field == field {
            theme.selected
        } else {
            theme.title
        };
        Span::styled(format!("{text}: "), style)
    };
    let input = |value: &str, focused: bool| {
        let cursor = if focused { "▏" } else { "" };
        Span::styled(format!("[{}{cursor}]", printable_line(value)), theme.text)
    };
    let phase = app.lang.phase(app.room.phase);
    let mut lines = vec![
        Line::styled(s.sign_in_title, theme.title),
        Line::from(vec![
            Span::styled(format!("{}: ", s.session), theme.dim),
            if app.awaiting_config.is_some() {
                Span::styled(s.reading_settings, theme.warning)
            } else {
                Span::styled(
                    format!("{} · {phase}", printable_line(session_name(app))),
                    theme.text,
                )
            },
        ]),
        Line::default(),
        Line::from(vec![
            label(s.your_name, Field::Name),
            input(&form.name, form.field == Field::Name),
        ]),
    ];
    if !app.room.roster.is_empty() {
        lines.push(Line::from(vec![
            label(s.participant_code, Field::Code),
            input(&form.code, form.field == Field::Code),
            Span::styled(format!(" {}", s.optional), theme.dim),
        ]));
    }
    let mut groups = vec![label(s.group, Field::Group)];
    if roster_gives_group(app) {
        // The roster's group, once the form names someone on it; nothing to choose either way.
        let given = roster_entry(&app.room.roster, form).map(|entry| {
            let label = app
                .room
                .groups
                .iter()
                .find(|group| group.id == entry.group)
                .map_or(entry.group.as_str(), |group| {
                    group.label.get(app.lang.code())
                });
            fill(s.group_from_roster, &[("group", &printable_line(label))])
        });
        groups.push(Span::styled(
            given.unwrap_or_else(|| s.group_by_roster.to_owned()),
            theme.dim,
        ));
    } else {
        for (n, group) in app.room.groups.iter().enumerate() {
            let mark = if n == form.group { "(•)" } else { "( )" };
            groups.push(Span::styled(
                format!(
                    "{mark} {}  ",
                    printable_line(group.label.get(app.lang.code()))
                ),
                theme.text,
            ));
        }
    }
    lines.push(Line::from(groups));
    let mut languages = vec![label(s.language, Field::Language)];
    for lang in Lang::ALL {
        let style = if lang == app.lang {
            theme.title
        } else {
            theme.dim
        };
        let mark = if lang == app.lang { "(•)" } else { "( )" };
        languages.push(Span::styled(
            format!("{mark} {}  ", lang.native_name()),
            style,
        ));
    }
    lines.push(Line::from(languages));
    lines.push(Line::default());
    if let Some(error) = form.error {
        let text = match error {
            SignInError::NeedName => s.need_name,
            SignInError::UnknownCode => s.unknown_code,
            SignInError::RosterOnly => s.roster_only,
        };
        lines.push(Line::styled(format!("! {text}"), theme.warning));
    }
    if app.confirmed_early {
        // Enter was taken: the sign-in goes on once the settings are read.
        lines.push(Line::styled(s.sign_in_waits, theme.warning));
    }
    if let Some(participant) = &app.participant {
        lines.push(Line::styled(
            fill(
                s.welcome,
                &[("name", &printable_line(&app.shown_name(participant)))],
            ),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), parts.body);
    footer(app, frame, parts.footer, theme);
}

/// The session's name as shown: the default session of a workstation without a config in the UI language.
pub fn session_name(app: &App) -> &str {
    if app.room.session == crate::config::model::SELF_STUDY {
        app.lang.strings().self_study
    } else {
        &app.room.session
    }
}
