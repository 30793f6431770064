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
pub struct Scores(Repr);

/// How a row's points are held.
#[derive(Clone)]
enum Repr {
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
        match &self.0 {
            Repr::Narrow(words) => words.first().map_or(0, |head| (head >> 8) as usize),
            Repr::Wide(values) => values.len(),
        }
    }

    /// Whether it covers no question.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The points of question `question`, if there are that many questions.
    pub fn get(&self, question: usize) -> Option<f64> {
        match &self.0 {
            Repr::Narrow(words) => {
                if question >= self.len() {
                    return None;
                }
                let values = (words.first()? & 0xff) as usize;
                let word = words.get(1 + values + question / 8)?;
                let code = (word >> (8 * (question % 8))) & 0xff;
                words
                    .get(1 + code as usize)
                    .map(|bits| f64::from_bits(*bits))
            }
            Repr::Wide(values) => values.get(question).copied(),
        }
    }

    /// The points of every question, in order.
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        (0..self.len()).filter_map(|question| self.get(question))
    }
}

impl Default for Scores {
    fn default() -> Self {
        Self(Repr::Wide(Box::default()))
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
                None => return Self(Repr::Wide(values.into_boxed_slice())),
            };
            codes[question / 8] |= (code as u64) << (8 * (question % 8));
        }
        let mut words = Vec::with_capacity(1 + distinct.len() + codes.len());
        words.push((values.len() as u64) << 8 | distinct.len() as u64);
        words.extend(distinct);
        words.extend(codes);
        Self(Repr::Narrow(words.into_boxed_slice()))
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

    /// Whether `scores` keeps a byte per question rather than every value in full.
    fn is_narrow(scores: &Scores) -> bool {
        matches!(scores.0, Repr::Narrow(_))
    }

    #[test]
    fn every_value_reads_back_to_the_bit_however_it_is_held() {
        let values = vec![
            1.0,
            0.0,
            0.25,
            1.0,
            -0.0,
            1.0 / 3.0,
            0.0,
            f64::MAX,
            0.25,
            1.0,
        ];
        let scores = Scores::from(values.clone());
        assert!(is_narrow(&scores));
        assert_eq!(scores.len(), values.len());
        let read: Vec<u64> = scores.iter().map(f64::to_bits).collect();
        assert_eq!(read, values.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
        // The ninth and tenth questions are in the second word of bytes.
        assert_eq!((scores.get(8), scores.get(9)), (Some(0.25), Some(1.0)));
        assert_eq!(scores.get(10), None);
        // The counts, 6 distinct values and a byte per question: not 8 bytes per question.
        let Repr::Narrow(words) = &scores.0 else {
            unreachable!()
        };
        assert_eq!(words.len(), 1 + 6 + 2);
    }

    #[test]
    fn a_row_of_more_distinct_values_than_a_byte_names_keeps_them_in_full() {
        let few: Vec<f64> = (0..255).map(|n| f64::from(n) / 7.0).collect();
        let narrow = Scores::from(few.clone());
        assert!(is_narrow(&narrow));
        assert_eq!(narrow.iter().collect::<Vec<_>>(), few);
        let mut many = few;
        many.extend([-0.0, 300.0 / 7.0]);
        let wide = Scores::from(many.clone());
        assert!(!is_narrow(&wide));
        let read: Vec<u64> = wide.iter().map(f64::to_bits).collect();
        assert_eq!(read, many.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn rows_are_equal_when_their_values_are_and_serialise_as_numbers() {
        let narrow = Scores::from(vec![1.0, 0.5]);
        let wide = Scores(Repr::Wide(vec![1.0, 0.5].into_boxed_slice()));
        assert_eq!(narrow, wide);
        assert_ne!(narrow, Scores::from(vec![1.0]));
        assert_eq!(Scores::default().len(), 0);
        let empty = Scores::from(Vec::new());
        assert!(empty.is_empty() && empty.get(0).is_none());
        assert_eq!(serde_json::to_string(&narrow).unwrap(), "[1.0,0.5]");
        assert_eq!(format!("{narrow:?}"), "[1.0, 0.5]");
    }
}
