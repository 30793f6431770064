//! The sign-in screen: name (or roster code), group, language; session and phase shown read-only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{chrome, footer};
use crate::i18n::{Lang, fill};
use crate::text::printable_line;
use crate::tui::app::{App, Field, SignIn, SignInError};
use crate::tui::theme::Theme;

/// Draws the sign-in form.
pub fn render(app: &App, form: &SignIn, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let inner = chrome(app, theme, frame, area, s.app_title, "");
    let [body, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
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
            Span::styled(
                format!("{} · {phase}", printable_line(&app.room.session)),
                theme.text,
            ),
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
        };
        lines.push(Line::styled(format!("! {text}"), theme.warning));
    }
    if let Some(participant) = &app.participant {
        lines.push(Line::styled(
            fill(s.welcome, &[("name", &printable_line(&participant.name))]),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    footer(
        frame,
        keys,
        theme,
        &[
            s.key_tab,
            s.key_choose,
            s.key_continue,
            s.key_help,
            s.key_quit,
        ],
    );
}
