//! The points an attempt earned per question, held as narrowly as they allow: an attempt's points take few
//! distinct values (0, full marks, a few partial credits), so each question keeps a byte naming one of them,
//! and the values themselves are kept once per attempt; an attempt with more distinct values than a byte can
//! name keeps every value in full. Either way each value reads back exactly, to the bit.

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

/// The most distinct values a narrow row can name.
const MAX_DISTINCT: usize = u8::MAX as usize;

/// Points per question, in the quiz shape's order. Two are equal when they hold equal values, however they hold
/// them.
#[derive(Clone)]
pub enum Scores {
    /// A byte per question naming one of the row's distinct values, in words of 64 bits: the first holds the
    /// number of values (low byte) and of questions (the rest), the next the values' bits, then the questions'
    /// bytes, eight to a word, the first question in the lowest byte.
    Narrow(Box<[u64]>),
    /// Every value in full.
    Wide(Box<[f64]>),
}

impl Scores {
    /// How many questions it covers.
    pub fn len(&self) -> usize {
        match self {
            Self::Narrow(words) => (words[0] >> 8) as usize,
            Self::Wide(values) => values.len(),
        }
    }

    /// Whether it covers no question.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The points of question `question`, if there are that many questions.
    pub fn get(&self, question: usize) -> Option<f64> {
        match self {
            Self::Narrow(words) => {
                if question >= (words[0] >> 8) as usize {
                    return None;
                }
                let values = (words[0] & 0xff) as usize;
                let word = words[1 + values + question / 8];
                let code = (word >> (8 * (question % 8))) & 0xff;
                Some(f64::from_bits(words[1 + code as usize]))
            }
            Self::Wide(values) => values.get(question).copied(),
        }
    }

    /// The points of every question, in order.
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        (0..self.len()).filter_map(|question| self.get(question))
    }
}

impl Default for Scores {
    fn default() -> Self {
        Self::Wide(Box::default())
    }
}

impl From<Vec<f64>> for Scores {
    /// The points of `values`, one per question, held narrowly when they take few enough distinct values (told
    /// apart by their bits, so that -0 stays -0).
    fn from(values: Vec<f64>) -> Self {
        let mut distinct: Vec<u64> = Vec::new();
        let mut codes = vec![0_u64; values.len().div_ceil(8)];
        for (question, value) in values.iter().enumerate() {
            let bits = value.to_bits();
            let code = match distinct.iter().position(|known| *known == bits) {
                Some(code) => code,
                None if distinct.len() < MAX_DISTINCT => {
                    distinct.push(bits);
                    distinct.len() - 1
                }
                None => return Self::Wide(values.into_boxed_slice()),
            };
            codes[question / 8] |= (code as u64) << (8 * (question % 8));
        }
        let mut words = Vec::with_capacity(1 + distinct.len() + codes.len());
        words.push((values.len() as u64) << 8 | distinct.len() as u64);
        words.extend(distinct);
        words.extend(codes);
        Self::Narrow(words.into_boxed_slice())
    }
}

impl FromIterator<f64> for Scores {
    fn from_iter<I: IntoIterator<Item = f64>>(values: I) -> Self {
        Self::from(values.into_iter().collect::<Vec<f64>>())
    }
}

impl PartialEq for Scores {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Scores {
    /// As the list of values.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Scores {
    /// As a list of numbers, one per question.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for value in self.iter() {
            seq.serialize_element(&value)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_to_the_bit_however_it_is_held() {
        let values = vec![1.0, 0.0, 0.25, 1.0, -0.0, 1.0 / 3.0, 0.0, f64::MAX];
        let scores = Scores::from(values.clone());
        assert!(matches!(scores, Scores::Narrow(_)));
        assert_eq!(scores.len(), values.len());
        let read: Vec<u64> = scores.iter().map(f64::to_bits).collect();
        assert_eq!(read, values.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
        assert_eq!(scores.get(5), Some(1.0 / 3.0));
        assert_eq!(scores.get(8), None);
        // The counts, 6 distinct values and a byte per question: not 8 bytes per question.
        let Scores::Narrow(words) = &scores else {
            unreachable!()
        };
        assert_eq!(words.len(), 1 + 6 + 1);
    }

    #[test]
    fn a_row_of_more_distinct_values_than_a_byte_names_keeps_them_in_full() {
        let values: Vec<f64> = (0..300).map(|n| f64::from(n) / 7.0).collect();
        let scores = Scores::from(values.clone());
        assert!(matches!(scores, Scores::Wide(_)));
        assert_eq!(scores.iter().collect::<Vec<_>>(), values);
        let few: Vec<f64> = (0..255).map(f64::from).collect();
        let narrow = Scores::from(few.clone());
        assert!(matches!(narrow, Scores::Narrow(_)));
        assert_eq!(narrow.iter().collect::<Vec<_>>(), few);
    }

    #[test]
    fn rows_are_equal_when_their_values_are_and_serialise_as_numbers() {
        let narrow = Scores::from(vec![1.0, 0.5]);
        let wide = Scores::Wide(vec![1.0, 0.5].into_boxed_slice());
        assert_eq!(narrow, wide);
        assert_ne!(narrow, Scores::from(vec![1.0]));
        assert_eq!(Scores::default().len(), 0);
        assert!(Scores::from(Vec::new()).is_empty());
        assert_eq!(serde_json::to_string(&narrow).unwrap(), "[1.0,0.5]");
        assert_eq!(format!("{narrow:?}"), "[1.0, 0.5]");
    }
}
