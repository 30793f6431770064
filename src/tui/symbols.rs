//! ASCII mode: every symbol the screens draw has an ASCII stand-in, for terminals whose font cannot show
//! ✓ ✗ ◐ ⚑ (some Windows console fonts, the Linux text console) or that do not speak UTF-8. Letters, Cyrillic
//! included, are left as they are; only symbols are replaced, one cell for one cell, so every meaning stays.

use ratatui::buffer::Buffer;

/// Symbols and their ASCII stand-ins.
const STAND_INS: &[(char, char)] = &[
    ('✓', '+'),
    ('✗', 'x'),
    ('◐', '~'),
    ('○', 'o'),
    ('●', '*'),
    ('•', '*'),
    ('⚑', '!'),
    ('›', '>'),
    ('‹', '<'),
    ('█', '#'),
    ('░', '.'),
    ('≡', '='),
    ('←', '<'),
    ('→', '>'),
    ('↑', '^'),
    ('↓', 'v'),
    ('…', '~'),
    ('─', '-'),
    ('│', '|'),
    ('┌', '+'),
    ('┐', '+'),
    ('└', '+'),
    ('┘', '+'),
    ('├', '+'),
    ('┤', '+'),
    ('▏', '|'),
    ('—', '-'),
    ('–', '-'),
    ('·', '-'),
    ('«', '"'),
    ('»', '"'),
];

/// The ASCII stand-in of `c`, or `c` itself when it has none.
pub fn ascii(c: char) -> char {
    STAND_INS
        .iter()
        .find(|(symbol, _)| *symbol == c)
        .map_or(c, |(_, stand_in)| *stand_in)
}

/// Replaces every symbol drawn in `buffer` with its ASCII stand-in.
pub fn to_ascii(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && !c.is_ascii()
        {
            let stand_in = ascii(c);
            if stand_in != c {
                cell.set_char(stand_in);
            }
        }
    }
}

/// Whether the terminal is unlikely to show the app's symbols, judged from the environment (`var` reads a
/// variable): the Linux text console, a locale that is set but not UTF-8, or a Windows console outside
/// Windows Terminal.
pub fn wants_ascii(var: impl Fn(&str) -> Option<String>, windows: bool) -> bool {
    if windows {
        return var("WT_SESSION").is_none() && var("TERM_PROGRAM").is_none();
    }
    if var("TERM").as_deref() == Some("linux") {
        return true;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|value| !value.is_empty());
    locale.is_some_and(|locale| {
        let locale = locale.to_ascii_lowercase();
        !locale.contains("utf-8") && !locale.contains("utf8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn symbols_become_ascii_and_letters_stay() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "✓ ◐ ⚑ › Ақ", ratatui::style::Style::new());
        to_ascii(&mut buffer);
        let line: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(line, "+ ~ ! > Ақ  ");
    }

    #[test]
    fn the_environment_decides_when_no_flag_does() {
        assert!(!wants_ascii(env(&[("LANG", "ru_RU.UTF-8")]), false));
        assert!(!wants_ascii(env(&[]), false));
        assert!(wants_ascii(env(&[("LANG", "C")]), false));
        assert!(wants_ascii(
            env(&[("LC_ALL", "ru_RU.KOI8-R"), ("LANG", "ru_RU.UTF-8")]),
            false
        ));
        assert!(wants_ascii(
            env(&[("TERM", "linux"), ("LANG", "en_US.UTF-8")]),
            false
        ));
        assert!(wants_ascii(env(&[]), true));
        assert!(!wants_ascii(env(&[("WT_SESSION", "1")]), true));
    }
}
