//! One participant identity for resume, first attempt and pre/post pairing.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::model::Participant;

/// Who a participant is within a session: the roster code when there is one, else the normalised name with the
/// group. Two sign-ins with the same identity are the same person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity(String);

impl Identity {
    /// The identity of `participant`.
    pub fn of(participant: &Participant) -> Self {
        Self::from_parts(
            &participant.name,
            participant.code.as_deref(),
            &participant.group,
        )
    }

    /// The identity of the participant with this name, roster code and group.
    pub fn from_parts(name: &str, code: Option<&str>, group: &str) -> Self {
        match code.map(normalise).filter(|c| !c.is_empty()) {
            Some(code) => Self(format!("code:{code}")),
            None => Self(format!(
                "name:{}|group:{}",
                normalise(name),
                normalise(group)
            )),
        }
    }

    /// The identity as text, for keys in reports.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// NFC, lower case, runs of white space folded to one space, trimmed.
pub fn normalise(text: &str) -> String {
    // Most names are typed composed already; only the others are composed again.
    let lower = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_lowercase()
    } else {
        text.nfc().collect::<String>().to_lowercase()
    };
    let mut folded = String::with_capacity(lower.len());
    for word in lower.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, code: Option<&str>, group: &str) -> Participant {
        Participant {
            name: name.into(),
            code: code.map(Into::into),
            group: group.into(),
        }
    }

    #[test]
    fn names_match_across_case_spacing_and_unicode_composition() {
        // "й" typed as one character, and as "и" followed by a combining breve.
        let composed = person("Айгерім  Сергейқызы", None, "ngo");
        let decomposed = person(" айгерім серге\u{0438}\u{0306}қызы ", None, "ngo");
        assert_ne!(
            composed.name.trim().to_lowercase(),
            decomposed.name.trim().to_lowercase()
        );
        assert_eq!(Identity::of(&composed), Identity::of(&decomposed));
        let e_acute = person("Rene\u{0301}", None, "police");
        assert_eq!(
            Identity::of(&e_acute),
            Identity::of(&person("RENÉ", None, "police"))
        );
    }

    #[test]
    fn the_group_tells_namesakes_apart_and_a_code_wins() {
        assert_ne!(
            Identity::of(&person("Aibek", None, "police")),
            Identity::of(&person("Aibek", None, "ngo"))
        );
        assert_eq!(
            Identity::of(&person("Aibek", Some("P07"), "police")),
            Identity::of(&person("Aibek K.", Some(" p07"), "ngo"))
        );
        assert_eq!(
            Identity::of(&person("Aibek", Some(""), "ngo")),
            Identity::of(&person("aibek", None, "ngo"))
        );
    }
}
