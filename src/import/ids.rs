//! Stable identifiers for what an import creates: the same input always gives the same ids.

use std::collections::{HashMap, HashSet};

/// The longest slug made from a name, leaving room for a `-N` suffix within Vigil's 64-character ids.
const MAX_SLUG_BYTES: usize = 48;

/// `text` as an identifier: lower-case ASCII letters and digits, words joined by `-`.
///
/// Russian and Kazakh letters are transliterated and common Latin accents dropped; any other character
/// separates words. The result is empty when nothing usable remains.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let latin = if c.is_ascii_alphanumeric() {
            Some(c.encode_utf8(&mut [0; 4]).to_owned())
        } else {
            transliterate(c).map(str::to_owned)
        };
        match latin {
            Some(letters) if letters.is_empty() => {}
            Some(letters) => {
                if gap && !slug.is_empty() {
                    slug.push('-');
                }
                gap = false;
                slug.push_str(&letters);
            }
            None => gap = true,
        }
        if slug.len() >= MAX_SLUG_BYTES {
            break;
        }
    }
    slug.truncate(MAX_SLUG_BYTES);
    slug.trim_end_matches('-').to_owned()
}

/// The Latin spelling of a lower-case Cyrillic or accented Latin letter; empty for the Russian hard and soft
/// signs and for apostrophes (which join rather than separate), `None` for anything else.
fn transliterate(c: char) -> Option<&'static str> {
    let latin = match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' | '\'' | '\u{2019}' => "",
        'ю' => "yu",
        'я' => "ya",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        _ => return None,
    };
    Some(latin)
}

/// The id of the option, item or pair at `index` (0-based): `a` to `z`, then `aa`, `ab`...
pub fn letter_id(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        rest -= 1;
        letters.push(char::from(b'a' + (rest % 26) as u8));
        rest /= 26;
    }
    letters.iter().rev().collect()
}

/// Ids handed out so far, so that every new one is unique.
#[derive(Debug, Default)]
pub struct UniqueIds {
    taken: HashSet<String>,
    /// The next suffix to try for each id asked for twice, so a thousand equal names stay quick.
    next_suffix: HashMap<String, usize>,
}

impl UniqueIds {
    /// `wanted` if it is still free, else `wanted-2`, `wanted-3`...
    pub fn claim(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        let suffix = self.next_suffix.entry(wanted.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{wanted}-{suffix}");
            *suffix += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::validate::is_valid_id;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        assert_eq!(slugify("Grant's Tomb (1885)"), "grants-tomb-1885");
        assert_eq!(slugify("  --Q1--  "), "q1");
        assert_eq!(slugify("Торговля людьми"), "torgovlya-lyudmi");
        assert_eq!(slugify("Адам саудасы"), "adam-saudasy");
        assert_eq!(slugify("Défense"), "defense");
        assert_eq!(slugify("???"), "");
        assert_eq!(slugify("中文"), "");
    }

    #[test]
    fn long_names_make_valid_ids() {
        let slug = slugify(&"word ".repeat(40));
        assert!(slug.len() <= MAX_SLUG_BYTES, "{slug}");
        assert!(is_valid_id(&slug) && !slug.ends_with('-'), "{slug}");
        assert!(is_valid_id(&format!("{slug}-99")));
    }

    #[test]
    fn letter_ids_run_like_spreadsheet_columns() {
        let ids: Vec<String> = [0, 1, 25, 26, 27, 701, 702]
            .into_iter()
            .map(letter_id)
            .collect();
        assert_eq!(ids, ["a", "b", "z", "aa", "ab", "zz", "aaa"]);
    }

    #[test]
    fn claimed_ids_are_unique_and_stable() {
        let mut ids = UniqueIds::default();
        let claimed: Vec<String> = ["q", "q", "q-2", "q"]
            .into_iter()
            .map(|w| ids.claim(w))
            .collect();
        assert_eq!(claimed, ["q", "q-2", "q-2-2", "q-3"]);
    }
}
