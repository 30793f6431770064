//! What Russian and Kazakh keyboard layouts type on the keys of a US layout, so that a command key works
//! whichever layout the workstation is switched to (trainees switch to Cyrillic to type their names).

/// Russian (ЙЦУКЕН) letters and the US keys they sit on; the Kazakh layout has the same letters in the same
/// places.
const CYRILLIC: [(char, char); 33] = [
    ('й', 'q'),
    ('ц', 'w'),
    ('у', 'e'),
    ('к', 'r'),
    ('е', 't'),
    ('н', 'y'),
    ('г', 'u'),
    ('ш', 'i'),
    ('щ', 'o'),
    ('з', 'p'),
    ('х', '['),
    ('ъ', ']'),
    ('ф', 'a'),
    ('ы', 's'),
    ('в', 'd'),
    ('а', 'f'),
    ('п', 'g'),
    ('р', 'h'),
    ('о', 'j'),
    ('л', 'k'),
    ('д', 'l'),
    ('ж', ';'),
    ('э', '\''),
    ('я', 'z'),
    ('ч', 'x'),
    ('с', 'c'),
    ('м', 'v'),
    ('и', 'b'),
    ('т', 'n'),
    ('ь', 'm'),
    ('б', ','),
    ('ю', '.'),
    ('ё', '`'),
];

/// The Kazakh layout's digit row (Windows and X11 alike): its keys 1-9 type these instead of digits.
const KAZAKH_DIGITS: [(char, char); 7] = [
    ('"', '1'),
    ('ә', '2'),
    ('і', '3'),
    ('ң', '4'),
    ('ғ', '5'),
    ('ү', '8'),
    ('ұ', '9'),
];

/// `c` as the US layout types it on the same key: `а` (the F key on a Russian layout) is `f`, `ә` (the 2 key
/// on a Kazakh layout) is `2`, and `,` (Shift and the `?` key on a Russian layout) is `?`. Other characters are
/// returned as they are.
pub fn as_latin(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower == ',' {
        return '?';
    }
    CYRILLIC
        .iter()
        .chain(KAZAKH_DIGITS.iter())
        .find(|(typed, _)| *typed == lower)
        .map_or(c, |(_, latin)| *latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_letters_read_as_the_keys_they_sit_on() {
        let typed: String = "ащтзыйкн".chars().map(as_latin).collect();
        assert_eq!(typed, "fonpsqry");
        assert_eq!(as_latin('А'), 'f');
    }

    #[test]
    fn the_kazakh_digit_row_reads_as_digits() {
        let typed: String = "\"әіңғүұ".chars().map(as_latin).collect();
        assert_eq!(typed, "1234589");
        assert_eq!(as_latin('Ә'), '2');
    }

    #[test]
    fn latin_text_is_left_alone() {
        assert_eq!(as_latin('f'), 'f');
        assert_eq!(as_latin('7'), '7');
        assert_eq!(as_latin('?'), '?');
    }
}
