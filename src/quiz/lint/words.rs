//! Absolute words ("only", "never") found as whole words, in the quiz's language.

/// The absolute words of `language`, lower-case; none for a language without a list.
pub fn absolute_words(language: &str) -> &'static [&'static str] {
    match language {
        "en" => &["only", "never", "always", "alone"],
        "ru" => &["только", "никогда", "всегда", "лишь"],
        "kk" => &["тек", "ешқашан", "әрқашан", "ғана"],
        _ => &[],
    }
}

/// Words after which an absolute word is not absolute: "not only", "не всегда", and «как только» ("as soon as").
const NEGATIONS: [&str; 3] = ["not", "не", "как"];

/// The absolute words of `language` in `text`, as whole words (so «тек» does not match «тексеру»), in order;
/// a word right after a negation (or «как») does not count.
pub fn absolute_words_in(text: &str, language: &str) -> Vec<&'static str> {
    let list = absolute_words(language);
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let mut found = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let negated = at > 0 && NEGATIONS.contains(&words[at - 1]);
        if let Some(absolute) = list.iter().find(|a| *a == word)
            && !negated
        {
            found.push(*absolute);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_in_each_language() {
        assert_eq!(
            absolute_words_in("Only a court, never the police.", "en"),
            ["only", "never"]
        );
        assert_eq!(
            absolute_words_in("Всегда: лишь суд", "ru"),
            ["всегда", "лишь"]
        );
        assert_eq!(absolute_words_in("Тек полиция ғана", "kk"), ["тек", "ғана"]);
    }

    #[test]
    fn parts_of_words_and_negated_words_do_not_count() {
        assert!(absolute_words_in("Құжаттарды тексеру", "kk").is_empty());
        assert!(absolute_words_in("lonely workers, alongside", "en").is_empty());
        assert!(absolute_words_in("not only the family, не всегда", "en").is_empty());
        assert!(absolute_words_in("не только семья, не всегда", "ru").is_empty());
        assert!(absolute_words_in("Сразу, как только его выявили", "ru").is_empty());
        assert!(absolute_words_in("only", "de").is_empty());
    }
}
