//! The shapes of quizzes without a file, as their records give them: records of one quiz almost always give the
//! same shape, so it is made and kept once and shared by their rows, rather than made and kept per record.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use super::dataset::QuizShape;
use crate::record::view::RecordView;

/// How many different shapes of one quiz are shared; records giving yet another shape each keep their own.
const SHARED_PER_QUIZ: usize = 16;

/// The shapes records have given so far, per quiz id; shared by every thread that reads records.
#[derive(Debug, Default)]
pub struct RecordShapes {
    shapes: RwLock<HashMap<String, Vec<Arc<QuizShape>>>>,
}

impl RecordShapes {
    /// The shape `record` gives ([`QuizShape::from_record`]), shared with the records that gave the same one.
    pub fn of(&self, record: &RecordView<'_>) -> Arc<QuizShape> {
        let id = &*record.quiz.id;
        let shapes = || self.shapes.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(shape) = shapes()
            .get(id)
            .and_then(|known| known.iter().find(|shape| shape.is_shape_of(record)))
        {
            return Arc::clone(shape);
        }
        let own = QuizShape::from_record(record);
        if let Some(shape) = shapes()
            .get(id)
            .and_then(|known| known.iter().find(|shape| shape.is_identical(&own)))
        {
            return Arc::clone(shape);
        }
        let own = Arc::new(own);
        let mut shapes = self.shapes.write().unwrap_or_else(PoisonError::into_inner);
        let known = shapes.entry(id.to_owned()).or_default();
        if let Some(shape) = known.iter().find(|shape| shape.is_identical(&own)) {
            return Arc::clone(shape);
        }
        if known.len() < SHARED_PER_QUIZ {
            known.push(Arc::clone(&own));
        }
        own
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::view;
    use crate::report::test_records::generated_record;

    /// A completed record of quiz `generated` with `questions` (id and full marks), in the order given.
    fn record(questions: &[(&str, &str)]) -> String {
        let questions: Vec<String> = questions
            .iter()
            .map(|(id, max)| {
                format!(r#"("{id}","multiple",["a","b"],[],chosen(["a"]),0.0,{max},1000,false)"#)
            })
            .collect();
        generated_record(&questions, 4.0)
    }

    #[test]
    fn records_of_one_shape_share_it_in_any_order_and_others_get_their_own() {
        let shapes = RecordShapes::default();
        let texts = [
            record(&[("q1", "1.0"), ("q2", "1.0"), ("q10", "2.0")]),
            record(&[("q1", "1.0"), ("q2", "1.0"), ("q10", "2.0")]),
            record(&[("q10", "2.0"), ("q1", "1.0"), ("q2", "1.0")]),
            record(&[("q1", "1.0"), ("q2", "1.0"), ("q10", "3.0")]),
            record(&[("q1", "1.0"), ("q2", "1.0"), ("q10", "-0.0")]),
            record(&[("q1", "1.0"), ("q2", "1.0"), ("q10", "0.0")]),
        ];
        let views: Vec<RecordView<'_>> = texts
            .iter()
            .map(|text| view::read(text.as_bytes(), None).map(|(view, _)| view))
            .collect::<Option<_>>()
            .unwrap();
        let shared: Vec<Arc<QuizShape>> = views.iter().map(|view| shapes.of(view)).collect();
        assert!(Arc::ptr_eq(&shared[0], &shared[1]) && Arc::ptr_eq(&shared[0], &shared[2]));
        assert!(!Arc::ptr_eq(&shared[0], &shared[3]) && !Arc::ptr_eq(&shared[4], &shared[5]));
        for (shape, view) in shared.iter().zip(&views) {
            let own = QuizShape::from_record(view);
            assert!(shape.is_identical(&own), "{shape:?} {own:?}");
        }
    }
}
