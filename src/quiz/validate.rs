//! Semantic checks of one parsed quiz: what RON's types cannot express.

mod branching;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::characters::{Lines, bad_char_in_id, text_problem};
use super::findings::{Findings, Place};
use super::limits::{MAX_ENTRIES, MAX_QUESTIONS, oversized_list};
use super::model::{
    AnswerOption, MatchItem, MatchTarget, OrderItem, QUIZ_FORMAT, Question, QuestionKind, Quiz,
};
use super::scoring::option_weights;
use super::taxonomy::Taxonomy;

/// How close weights must add up to 1 (Moodle banks write thirds as 33.333%); importers hold to it too.
pub const WEIGHT_TOLERANCE: f64 = 0.01;

pub use branching::MAX_BRANCH_NODES;

/// Whether `id` is a usable identifier: ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    id.len() <= 64
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Checks `quiz` and records every problem in `findings`; `taxonomy` declares the known tags.
pub fn validate(quiz: &Quiz, taxonomy: &Taxonomy, findings: &mut Findings<'_>) {
    let mut check = Checker { taxonomy, findings };
    check.metadata(quiz);
    if check.within_limits(quiz) {
        check.scenarios(quiz);
        check.questions(quiz);
    }
}

struct Checker<'t, 'f, 'a> {
    taxonomy: &'t Taxonomy,
    findings: &'f mut Findings<'a>,
}

impl Checker<'_, '_, '_> {
    fn metadata(&mut self, quiz: &Quiz) {
        let quiz_place = Place::quiz();
        if quiz.format != QUIZ_FORMAT {
            self.findings.error(
                quiz_place.field("format"),
                format!(
                    "`format` is {}; this Vigil reads format {QUIZ_FORMAT}",
                    quiz.format
                ),
                "write `format: 1,`",
            );
        }
        if let Some(bad) = bad_char_in_id(&quiz.id) {
            self.findings.error(
                quiz_place.field("id"),
                format!("the quiz id contains {bad}"),
                bad.hint(),
            );
        } else if !is_valid_id(&quiz.id) || quiz.id.chars().any(|c| c.is_ascii_uppercase()) {
            self.findings.error(
                quiz_place.field("id"),
                format!("quiz id `{}` is not a valid id", quiz.id),
                "use lower-case letters, digits and `-`, such as `child-indicators`",
            );
        }
        if quiz.version == 0 {
            self.findings.error(
                quiz_place.field("version"),
                "`version` is 0",
                "start at `version: 1,` and raise it whenever questions or answers change",
            );
        }
        let language_ok = (2..=3).contains(&quiz.language.len())
            && quiz.language.chars().all(|c| c.is_ascii_lowercase());
        if !language_ok {
            self.findings.error(
                quiz_place.field("language"),
                format!("`{}` is not a language code", quiz.language),
                "write a two-letter code: \"en\", \"ru\" or \"kk\"",
            );
        }
        self.line(quiz_place.field("title"), "title", &quiz.title);
        self.text(
            quiz_place.field("description"),
            "description",
            &quiz.description,
        );
        if quiz.estimated_minutes == 0 {
            self.findings.error(
                quiz_place.field("estimated_minutes"),
                "`estimated_minutes` is 0",
                "give the time a typical attempt takes, in whole minutes",
            );
        }
        if quiz.pass_mark > 100 {
            self.findings.error(
                quiz_place.field("pass_mark"),
                format!("`pass_mark` is {}, outside 0-100", quiz.pass_mark),
                "the pass mark is a percentage of the maximum score, such as `pass_mark: 70,`",
            );
        }
        if quiz.time_limit_minutes == Some(0) {
            self.findings.error(
                quiz_place.field("time_limit_minutes"),
                "`time_limit_minutes` is 0",
                "leave the field out for an untimed quiz",
            );
        }
        if let Some(group) = &quiz.form_group
            && let Some(bad) = bad_char_in_id(group)
        {
            self.findings.error(
                quiz_place.field("form_group"),
                format!("the form group contains {bad}"),
                bad.hint(),
            );
        } else if let Some(group) = &quiz.form_group
            && !is_valid_id(group)
        {
            self.findings.error(
                quiz_place.field("form_group"),
                format!("form group `{group}` is not a valid id"),
                "use lower-case letters, digits and `-`, such as `indicators-test`",
            );
        }
        self.tags(quiz_place.field("tags"), &quiz.tags);
        if quiz.questions.is_empty() {
            self.findings.error(
                quiz_place.field("questions"),
                "the quiz has no questions",
                "add at least one question to `questions: [ ... ]`",
            );
        }
    }

    /// Whether the quiz's scenarios and questions are few enough to check one by one; if not, says so.
    fn within_limits(&mut self, quiz: &Quiz) -> bool {
        let mut within = true;
        for (field, count) in [
            ("scenarios", quiz.scenarios.len()),
            ("questions", quiz.questions.len()),
        ] {
            if count > MAX_QUESTIONS {
                within = false;
                self.findings.error(
                    Place::quiz().field(field),
                    format!("the quiz has {count} {field}; at most {MAX_QUESTIONS} are allowed"),
                    "split it into several quizzes",
                );
            }
        }
        within
    }

    fn scenarios(&mut self, quiz: &Quiz) {
        let used: HashSet<&str> = quiz
            .questions
            .iter()
            .filter_map(|q| q.scenario.as_deref())
            .collect();
        let mut seen = HashMap::new();
        for scenario in &quiz.scenarios {
            let place = Place::scenario(&scenario.id);
            self.id(place, "scenario", &scenario.id, &mut seen);
            self.line(place.field("title"), "title", &scenario.title);
            self.text(place.field("narrative"), "narrative", &scenario.narrative);
            if !used.contains(scenario.id.as_str()) {
                self.findings.warning(
                    place,
                    "no question refers to this scenario",
                    "add `scenario: \"...\"` to its questions, or remove the scenario",
                );
            }
        }
    }

    fn questions(&mut self, quiz: &Quiz) {
        let scenarios: HashSet<&str> = quiz.scenarios.iter().map(|s| s.id.as_str()).collect();
        let mut seen = HashMap::new();
        let mut finished_blocks: HashSet<&str> = HashSet::new();
        let mut current_block: Option<&str> = None;
        for question in &quiz.questions {
            let place = Place::question(&question.id);
            self.id(place, "question", &question.id, &mut seen);
            self.question(question);
            let block = question.scenario.as_deref();
            if let Some(scenario) = block {
                if !scenarios.contains(scenario) {
                    self.findings.error(
                        place.field("scenario"),
                        format!("refers to scenario `{scenario}`, which the quiz does not define"),
                        "add the scenario to `scenarios: [ ... ]` or correct the id",
                    );
                } else if block != current_block && finished_blocks.contains(scenario) {
                    self.findings.error(
                        place.field("scenario"),
                        format!("the questions of scenario `{scenario}` are not next to each other"),
                        "questions of one scenario form one block; move this question next to the others",
                    );
                }
            }
            if block != current_block
                && let Some(previous) = current_block
            {
                finished_blocks.insert(previous);
            }
            current_block = block;
        }
    }

    fn question(&mut self, question: &Question) {
        let place = Place::question(&question.id);
        self.text(place.field("prompt"), "prompt", &question.prompt);
        self.tags(place.field("tags"), &question.tags);
        if question.explanation.trim().is_empty() {
            self.findings.warning(
                place,
                "the question has no explanation",
                "add `explanation: \"...\"`: why the answer is what it is, shown with the feedback",
            );
        } else {
            self.text(
                place.field("explanation"),
                "explanation",
                &question.explanation,
            );
        }
        if question.references.is_empty() {
            self.findings.warning(
                place,
                "the question cites no source",
                "add `references: [\"...\"]`, such as \"Palermo Protocol, Art. 3(c)\"",
            );
        }
        if question.references.len() > MAX_ENTRIES {
            self.findings.error(
                place.field("references"),
                format!(
                    "the question has {} references; at most {MAX_ENTRIES} are allowed",
                    question.references.len()
                ),
                "cite the few sources that matter most",
            );
        } else {
            for reference in &question.references {
                self.line(place.field("references"), "reference", reference);
            }
        }
        let branching = matches!(question.kind, QuestionKind::Branching { .. });
        match question.points {
            Some(_) if branching => self.findings.error(
                place.field("points"),
                "a branching question takes its points from its choices",
                "remove `points` and give each choice its `points`",
            ),
            Some(points) if !(points.is_finite() && points > 0.0) => self.findings.error(
                place.field("points"),
                format!("`points` is {points}; it must be more than 0"),
                "leave `points` out for 1 point",
            ),
            _ => {}
        }
        if let Some(list) = oversized_list(&question.kind) {
            self.findings.error(
                place.field(list.field),
                format!(
                    "{} has {} {}; at most {MAX_ENTRIES} are allowed",
                    list.owner, list.count, list.field
                ),
                "a trainee cannot weigh so many at once; split the question",
            );
            return;
        }
        match &question.kind {
            QuestionKind::Single { options } => self.single(place, options, "single"),
            QuestionKind::TrueFalse { options } => {
                if options.len() != 2 {
                    self.findings.error(
                        place.field("options"),
                        format!(
                            "a true_false question has {} options; it needs 2",
                            options.len()
                        ),
                        "give one option for true and one for false",
                    );
                }
                self.single(place, options, "true_false");
            }
            QuestionKind::Multiple { options } => self.multiple(place, options),
            QuestionKind::Order { items } => self.order(place, items),
            QuestionKind::Match { items, targets } => self.matching(place, items, targets),
            QuestionKind::Branching {
                start,
                nodes,
                endings,
            } => self.branching(place, start, nodes, endings),
        }
    }

    fn options(&mut self, place: Place<'_>, options: &[AnswerOption]) {
        if options.len() < 2 {
            self.findings.error(
                place.field("options"),
                format!(
                    "the question has {} option(s); it needs at least 2",
                    options.len()
                ),
                "add the options a trainee chooses from",
            );
        }
        let mut seen = HashMap::new();
        for option in options {
            let at = place.part("option", &option.id);
            self.id(at, "option", &option.id, &mut seen);
            self.text(at.field("text"), "text", &option.text);
            self.feedback(at, &option.feedback);
            self.tags(at.field("tags"), &option.tags);
        }
    }

    fn single(&mut self, place: Place<'_>, options: &[AnswerOption], kind: &str) {
        self.options(place, options);
        let correct = options.iter().filter(|o| o.correct).count();
        if correct != 1 {
            self.findings.error(
                place.field("options"),
                format!("a {kind} question has {correct} correct options; it needs exactly 1"),
                "mark the one right option with `correct: true`; for several right answers use `multiple`",
            );
        }
        for option in options.iter().filter(|o| o.weight.is_some()) {
            self.findings.error(
                place.part("option", &option.id).field("weight"),
                format!("`weight` is only for `multiple` questions, not `{kind}`"),
                "remove it: this kind scores all or nothing",
            );
        }
    }

    fn multiple(&mut self, place: Place<'_>, options: &[AnswerOption]) {
        self.options(place, options);
        if !options.iter().any(|o| o.correct) {
            self.findings.error(
                place.field("options"),
                "a multiple question has no correct option",
                "mark each right option with `correct: true`",
            );
            return;
        }
        let weighted = options.iter().filter(|o| o.weight.is_some()).count();
        if weighted == 0 {
            return;
        }
        if weighted != options.len() {
            self.findings.error(
                place.field("options"),
                format!("{weighted} of {} options have a `weight`", options.len()),
                "give every option a weight, or none (then the default weights apply)",
            );
            return;
        }
        let mut weights_ok = true;
        for (option, weight) in options.iter().zip(option_weights(options)) {
            let at = place.part("option", &option.id).field("weight");
            if !(weight.is_finite() && (-1.0..=1.0).contains(&weight)) {
                weights_ok = false;
                self.findings.error(
                    at,
                    format!("`weight` is {weight}, outside -1.0 to 1.0"),
                    "a weight is a fraction of the question's points, such as 0.5 or -0.25",
                );
            } else if option.correct != (weight > 0.0) {
                weights_ok = false;
                self.findings.error(
                    at,
                    format!(
                        "the option is {} but its weight is {weight}",
                        if option.correct {
                            "correct"
                        } else {
                            "not correct"
                        }
                    ),
                    "correct options have weights above 0; others 0 or below",
                );
            }
        }
        let total: f64 = option_weights(options).iter().filter(|w| **w > 0.0).sum();
        if weights_ok && (total - 1.0).abs() > WEIGHT_TOLERANCE {
            let problem = if total < 1.0 {
                "full marks cannot be reached"
            } else {
                "full marks are reached without every correct option"
            };
            self.findings.error(
                place.field("options"),
                format!("the weights of the correct options add up to {total:.3}: {problem}"),
                "make the positive weights add up to 1.0",
            );
        }
    }

    fn order(&mut self, place: Place<'_>, items: &[OrderItem]) {
        self.at_least_two(place, "items", items.len());
        let mut seen = HashMap::new();
        for item in items {
            let at = place.part("item", &item.id);
            self.id(at, "item", &item.id, &mut seen);
            self.text(at.field("text"), "text", &item.text);
            self.feedback(at, &item.feedback);
            self.tags(at.field("tags"), &item.tags);
        }
    }

    fn matching(&mut self, place: Place<'_>, items: &[MatchItem], targets: &[MatchTarget]) {
        self.at_least_two(place, "items", items.len());
        self.at_least_two(place, "targets", targets.len());
        let mut seen_targets = HashMap::new();
        for target in targets {
            let at = place.part("target", &target.id);
            self.id(at, "target", &target.id, &mut seen_targets);
            self.text(at.field("text"), "text", &target.text);
        }
        let mut seen = HashMap::new();
        for item in items {
            let at = place.part("item", &item.id);
            self.id(at, "item", &item.id, &mut seen);
            self.text(at.field("text"), "text", &item.text);
            self.feedback(at, &item.feedback);
            self.tags(at.field("tags"), &item.tags);
            if !seen_targets.contains_key(item.target.as_str()) {
                self.findings.error(
                    at.field("target"),
                    format!(
                        "`target` is `{}`, which is not one of the targets",
                        item.target
                    ),
                    "name the id of one of the question's `targets`",
                );
            }
        }
    }

    fn at_least_two(&mut self, place: Place<'_>, list: &'static str, count: usize) {
        if count < 2 {
            let entries = if count == 1 { "entry" } else { "entries" };
            self.findings.error(
                place.field(list),
                format!("`{list}` has {count} {entries}; at least 2 are needed"),
                "a question the trainee cannot get wrong teaches nothing; add more",
            );
        }
    }

    fn id<'q>(
        &mut self,
        place: Place<'q>,
        noun: &str,
        id: &'q str,
        seen: &mut HashMap<&'q str, usize>,
    ) {
        let count = seen.entry(id).or_insert(0);
        *count += 1;
        if *count == 2 {
            self.findings.error(
                place.nth(1),
                format!("the {noun} id `{id}` is used twice"),
                "give every one its own id; ids stay the same in every translation",
            );
        }
        if let Some(bad) = bad_char_in_id(id) {
            self.findings
                .error(place, format!("the {noun} id contains {bad}"), bad.hint());
        } else if !is_valid_id(id) {
            self.findings.error(
                place,
                format!("`{id}` is not a valid {noun} id"),
                "use letters, digits, `-`, `_` or `.`, starting with a letter or digit",
            );
        }
    }

    /// Checks a text that may span several lines.
    fn text(&mut self, place: Place<'_>, field: &str, value: &str) {
        self.checked_text(place, field, value, Lines::Many);
    }

    /// Checks a text that must stay on one line, such as a title.
    fn line(&mut self, place: Place<'_>, field: &str, value: &str) {
        self.checked_text(place, field, value, Lines::One);
    }

    fn checked_text(&mut self, place: Place<'_>, field: &str, value: &str, lines: Lines) {
        if value.trim().is_empty() {
            self.findings.error(
                place,
                format!("`{field}` is empty"),
                "write the text between the quotes",
            );
        } else if let Some((message, hint)) = text_problem(field, value, lines) {
            self.findings.error(place, message, hint);
        }
    }

    fn feedback(&mut self, place: Place<'_>, feedback: &str) {
        if feedback.trim().is_empty() {
            self.findings.warning(
                place,
                "no feedback",
                "add `feedback: \"...\"` saying why this is right or wrong",
            );
        } else {
            self.text(place.field("feedback"), "feedback", feedback);
        }
    }

    fn tags(&mut self, place: Place<'_>, tags: &[String]) {
        if tags.len() > MAX_ENTRIES {
            self.findings.error(
                place,
                format!("{} tags; at most {MAX_ENTRIES} are allowed", tags.len()),
                "keep the tags that say what this is about",
            );
            return;
        }
        for bad in tags.iter().filter_map(|t| bad_char_in_id(t)) {
            self.findings
                .error(place, format!("a tag contains {bad}"), bad.hint());
        }
        for tag in tags.iter().filter(|t| !self.taxonomy.contains(t)) {
            self.findings.warning(
                place,
                format!("tag `{tag}` is not declared in tags.ron"),
                "declare it in quizzes/tags.ron with its labels, or use a declared tag",
            );
        }
    }
}
