//! The options an attempt chose, a bit per option of each question (for an `order` or `match` question, a bit
//! per part of its answer that earned points), held as narrowly as its choices allow: a byte per question when
//! no bit beyond the eighth of a question is set (nearly always: few questions have more than eight options,
//! steps or items), else 64 bits.

use serde::{Serialize, Serializer};

/// Per question, a bit per option of the quiz shape (bit i: option i chosen), or per credited part of an
/// `order` or `match` answer (bit i: part i earned); only the first 64 of a question are tracked. Two are equal
/// when they hold the same bits, however they hold them.
#[derive(Debug, Clone)]
pub enum ChosenOptions {
    /// No option beyond the eighth of a question was chosen.
    Narrow(Box<[u8]>),
    /// Some question's ninth option or a later one was chosen.
    Wide(Box<[u64]>),
}

impl PartialEq for ChosenOptions {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|q| self.mask(q) == other.mask(q))
    }
}

impl Eq for ChosenOptions {}

impl Default for ChosenOptions {
    fn default() -> Self {
        Self::Narrow(Box::default())
    }
}

impl ChosenOptions {
    /// The options of `masks`, one per question.
    pub fn from_masks(masks: Vec<u64>) -> Self {
        match masks.iter().map(|mask| u8::try_from(*mask)).collect() {
            Ok(narrow) => Self::Narrow(narrow),
            Err(_) => Self::Wide(masks.into_boxed_slice()),
        }
    }

    /// The bits of question `question`, if the attempt has that many questions.
    pub fn mask(&self, question: usize) -> Option<u64> {
        match self {
            Self::Narrow(masks) => masks.get(question).map(|mask| u64::from(*mask)),
            Self::Wide(masks) => masks.get(question).copied(),
        }
    }

    /// The bits of every question, in order.
    pub fn masks(&self) -> Vec<u64> {
        (0..self.len()).filter_map(|q| self.mask(q)).collect()
    }

    /// How many questions it covers.
    pub fn len(&self) -> usize {
        match self {
            Self::Narrow(masks) => masks.len(),
            Self::Wide(masks) => masks.len(),
        }
    }

    /// Whether it covers no question.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Serialize for ChosenOptions {
    /// A list of one number per question, however it is held.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.len()).filter_map(|q| self.mask(q)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_options_fit_a_byte_per_question() {
        let chosen = ChosenOptions::from_masks(vec![0b1000_0001, 0, 0b10]);
        assert!(matches!(chosen, ChosenOptions::Narrow(_)));
        assert_eq!(chosen.masks(), vec![0b1000_0001, 0, 0b10]);
        assert_eq!(chosen.mask(2), Some(0b10));
        assert_eq!(chosen.mask(3), None);
    }

    #[test]
    fn a_ninth_option_keeps_every_bit() {
        let masks = vec![1, 1 << 8, 1 << 63];
        let chosen = ChosenOptions::from_masks(masks.clone());
        assert!(matches!(chosen, ChosenOptions::Wide(_)));
        assert_eq!(chosen.masks(), masks);
    }

    #[test]
    fn both_forms_serialise_as_the_same_numbers() {
        let narrow = ChosenOptions::from_masks(vec![3, 0]);
        let wide = ChosenOptions::Wide(vec![3, 0].into_boxed_slice());
        let narrow = serde_json::to_string(&narrow).unwrap_or_default();
        assert_eq!(narrow, "[3,0]");
        assert_eq!(serde_json::to_string(&wide).unwrap_or_default(), narrow);
    }

    #[test]
    fn equal_bits_are_equal_however_they_are_held() {
        let wide = ChosenOptions::Wide(vec![3, 0].into_boxed_slice());
        assert_eq!(ChosenOptions::from_masks(vec![3, 0]), wide);
        assert_ne!(ChosenOptions::from_masks(vec![3, 1]), wide);
        assert_ne!(ChosenOptions::from_masks(vec![3]), wide);
    }

    #[test]
    fn no_questions_is_empty() {
        assert!(ChosenOptions::default().is_empty());
        assert_eq!(
            ChosenOptions::from_masks(Vec::new()),
            ChosenOptions::default()
        );
    }
}
