//! Quiz and question texts in the report's language: items are pooled across languages by id, and each is shown
//! with the texts of the language the report is read in, where the quiz has a file in that language.

use std::collections::BTreeMap;

use super::analysis::{QuizReport, Report, comparison_title};
use super::dataset::QuestionTexts;

impl Report {
    /// Shows every quiz's title, prompts, option texts and the texts of its items, targets and choices in
    /// `language` (a code: `en`, `ru`, `kk`) where a quiz file of that language gives them; the rest keep the
    /// texts they have.
    pub fn translate(&mut self, language: &str) {
        for quiz in &mut self.quizzes {
            translate_quiz(quiz, language);
        }
        // The comparisons are shown by what their quizzes' titles share, in the same language.
        for comparison in &mut self.pre_post {
            comparison.title =
                comparison_title(self.quizzes.iter().map(|q| &q.quiz), &comparison.label);
        }
        for gains in &mut self.overview.gains {
            gains.title = comparison_title(self.quizzes.iter().map(|q| &q.quiz), &gains.label);
        }
    }
}

fn translate_quiz(quiz: &mut QuizReport, language: &str) {
    let Some(texts) = quiz.quiz.translations.get(language).cloned() else {
        return;
    };
    quiz.quiz.title = texts.title;
    let shapes = quiz.quiz.questions.iter_mut().map(|q| {
        let options: Vec<_> = q.options.iter_mut().map(|o| (&o.id, &mut o.text)).collect();
        (&q.id, &mut q.prompt, options)
    });
    let reports = quiz.questions.iter_mut().map(|q| {
        let options: Vec<_> = q.options.iter_mut().map(|o| (&o.id, &mut o.text)).collect();
        (&q.id, &mut q.prompt, options)
    });
    for (id, prompt, options) in shapes.chain(reports) {
        retext(&texts.questions, id, prompt, options);
    }
    for question in &mut quiz.quiz.questions {
        if let Some(translated) = texts.questions.get(&question.id) {
            question.parts.retext(&translated.parts);
        }
    }
    // The parts of order and match answers are worded from the texts just given.
    let questions = quiz.quiz.questions.iter().zip(&mut quiz.questions);
    for (shape, report) in questions.filter(|(shape, report)| shape.id == report.id) {
        for (at, part) in report.parts.iter_mut().enumerate() {
            part.text = shape.credited_in_words(at);
        }
    }
}

/// Replaces the prompt and the option texts of question `id` by those `texts` give for it.
fn retext<'a>(
    texts: &BTreeMap<String, QuestionTexts>,
    id: &str,
    prompt: &mut String,
    options: Vec<(&'a String, &'a mut String)>,
) {
    let Some(translated) = texts.get(id) else {
        return;
    };
    prompt.clone_from(&translated.prompt);
    for (option, text) in options {
        if let Some(translated) = translated.options.get(option) {
            text.clone_from(translated);
        }
    }
}
