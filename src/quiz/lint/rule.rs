//! The item-writing lint rules, by the names authors use in `lint_allow`.

/// One item-writing lint rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The key holds one rank by length (longest, second-longest, ...) far more often than chance.
    KeyLengthRank,
    /// Absolute words ("only", "never") mark distractors far more often than keys.
    AbsoluteWords,
    /// True/false statements keyed True too rarely or too often.
    TrueFalseBalance,
    /// Most multiple-response questions have the same number of correct options.
    CorrectCount,
    /// "All of the above" or "none of the above" as an option.
    AllNoneOfTheAbove,
    /// One option far longer than its siblings.
    LongestOption,
    /// Two options, items, targets or choices of one question with the same text.
    DuplicateOptions,
    /// Where options are not shuffled, the key sits in one position far more often than chance.
    KeyPosition,
}

impl Rule {
    /// Every rule, in the order the documentation lists them.
    pub const ALL: [Rule; 8] = [
        Rule::KeyLengthRank,
        Rule::AbsoluteWords,
        Rule::TrueFalseBalance,
        Rule::CorrectCount,
        Rule::AllNoneOfTheAbove,
        Rule::LongestOption,
        Rule::DuplicateOptions,
        Rule::KeyPosition,
    ];

    /// The rule's name in `lint_allow` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Rule::KeyLengthRank => "key-length-rank",
            Rule::AbsoluteWords => "absolute-words",
            Rule::TrueFalseBalance => "true-false-balance",
            Rule::CorrectCount => "correct-count",
            Rule::AllNoneOfTheAbove => "all-none-of-the-above",
            Rule::LongestOption => "longest-option",
            Rule::DuplicateOptions => "duplicate-options",
            Rule::KeyPosition => "key-position",
        }
    }

    /// The rule called `name`, if there is one.
    pub fn named(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.name() == name)
    }

    /// Whether the rule counts over many questions (a quiz, or all quizzes of a language in a folder) rather
    /// than looking at one question.
    pub fn is_quiz_wide(self) -> bool {
        matches!(
            self,
            Rule::KeyLengthRank
                | Rule::AbsoluteWords
                | Rule::TrueFalseBalance
                | Rule::CorrectCount
                | Rule::KeyPosition
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_found_by_its_name() {
        for rule in Rule::ALL {
            assert_eq!(Rule::named(rule.name()), Some(rule));
        }
        assert_eq!(Rule::named("longest"), None);
    }
}
