//! An answer in words: a record names what a trainee chose, ordered, paired or took by ids; a trainer reads the
//! options', items', targets' and choices' own texts where the quiz file gives them. Tables meant for programs
//! give the ids themselves.

use std::collections::BTreeMap;

use super::dataset::QuestionShape;
use crate::quiz::{QuestionKind, Response};
use crate::record::view::AnswerView;

/// Each question's answer in ids (see [`AnswerIds::push`]), in a quiz shape's order, held in one piece: each
/// answer ends with a line break, so that a row of 40 short answers takes one small allocation, not 40.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerIds(Box<str>);

/// Builds [`AnswerIds`] one question at a time.
#[derive(Debug, Default)]
pub struct AnswerIdsBuilder(String);

impl AnswerIds {
    /// The answers, one per question.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split_terminator('\n')
    }
}

impl<'a> FromIterator<&'a str> for AnswerIds {
    /// Answers already in ids, one per question.
    fn from_iter<I: IntoIterator<Item = &'a str>>(answers: I) -> Self {
        let mut builder = AnswerIdsBuilder::default();
        for answer in answers {
            builder.0.push_str(answer);
            builder.0.push('\n');
        }
        builder.build()
    }
}

impl AnswerIdsBuilder {
    /// Adds the next question's `answer` (`None`: nothing to say) as the ids it names, separated by spaces: the
    /// options chosen, the items in the order given, each `item:target` pair, or the choices taken from the start
    /// node. (A quiz file's ids hold neither spaces nor colons; a control character in a record's id becomes
    /// `�`.)
    pub fn push(&mut self, answer: Option<&AnswerView<'_>>) {
        let out = &mut self.0;
        let id = |id: &str, out: &mut String| {
            out.extend(
                id.chars()
                    .map(|c| if c.is_control() { '\u{FFFD}' } else { c }),
            );
        };
        let mut first = true;
        let mut next = |out: &mut String| {
            if !std::mem::take(&mut first) {
                out.push(' ');
            }
        };
        match answer {
            None => {}
            Some(AnswerView::Chosen(ids) | AnswerView::Order(ids) | AnswerView::Path(ids)) => {
                for given in ids {
                    next(out);
                    id(given, out);
                }
            }
            Some(AnswerView::Pairs(pairs)) => {
                for (item, target) in pairs {
                    next(out);
                    id(item, out);
                    out.push(':');
                    id(target, out);
                }
            }
        }
        out.push('\n');
    }

    /// The answers pushed.
    pub fn build(self) -> AnswerIds {
        AnswerIds(self.0.into_boxed_str())
    }
}

/// The texts of what an answer to an `order`, `match` or `branching` question names by id (the options of the
/// other kinds are in [`QuestionShape::options`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartTexts {
    /// Order items, match items and branching choices, by id.
    pub items: BTreeMap<String, String>,
    /// Match targets, by id.
    pub targets: BTreeMap<String, String>,
}

impl PartTexts {
    /// The texts a question of `kind` names its answer's parts with.
    pub fn of(kind: &QuestionKind) -> Self {
        let texts = |pairs: &mut dyn Iterator<Item = (&String, &String)>| {
            pairs
                .map(|(id, text)| (id.clone(), text.clone()))
                .collect::<BTreeMap<_, _>>()
        };
        match kind {
            QuestionKind::Order { items } => Self {
                items: texts(&mut items.iter().map(|i| (&i.id, &i.text))),
                targets: BTreeMap::new(),
            },
            QuestionKind::Match { items, targets } => Self {
                items: texts(&mut items.iter().map(|i| (&i.id, &i.text))),
                targets: texts(&mut targets.iter().map(|t| (&t.id, &t.text))),
            },
            QuestionKind::Branching { nodes, .. } => Self {
                items: texts(
                    &mut nodes
                        .iter()
                        .flat_map(|n| &n.choices)
                        .map(|c| (&c.id, &c.text)),
                ),
                targets: BTreeMap::new(),
            },
            QuestionKind::Single { .. }
            | QuestionKind::TrueFalse { .. }
            | QuestionKind::Multiple { .. } => Self::default(),
        }
    }

    /// Takes the texts `other` gives for the ids these texts have (a translation of the same question).
    pub fn retext(&mut self, other: &PartTexts) {
        for (mine, theirs) in [
            (&mut self.items, &other.items),
            (&mut self.targets, &other.targets),
        ] {
            for (id, text) in mine.iter_mut() {
                if let Some(translated) = theirs.get(id) {
                    text.clone_from(translated);
                }
            }
        }
    }
}

impl QuestionShape {
    /// `response` in words: each option, item, target or choice by its text where this shape has one (a non-empty
    /// one), else by its id. Options are joined with `;`, an order with `›`, pairs with `→` and `;`, and a path of
    /// choices with `→`.
    pub fn answer_in_words(&self, response: &Response) -> String {
        let text = |texts: &BTreeMap<String, String>, id: &str| -> String {
            texts
                .get(id)
                .filter(|text| !text.is_empty())
                .map_or_else(|| id.to_owned(), String::clone)
        };
        let items = |ids: &[String], between: &str| {
            ids.iter()
                .map(|id| text(&self.parts.items, id))
                .collect::<Vec<_>>()
                .join(between)
        };
        match response {
            Response::Chosen(ids) => ids
                .iter()
                .map(|id| {
                    self.options
                        .iter()
                        .find(|o| o.id == *id && !o.text.is_empty())
                        .map_or_else(|| id.clone(), |o| o.text.clone())
                })
                .collect::<Vec<_>>()
                .join("; "),
            Response::Order(ids) => items(ids, " › "),
            Response::Pairs(pairs) => pairs
                .iter()
                .map(|(item, target)| {
                    format!(
                        "{} → {}",
                        text(&self.parts.items, item),
                        text(&self.parts.targets, target)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            Response::Path(steps) => items(steps, " → "),
        }
    }

    /// Part `part` of [`Self::credited`] in words, as an answer that earns it reads: `first › second` for an
    /// `order` question, `item → target` for a `match` question; empty when there is no such part.
    pub fn credited_in_words(&self, part: usize) -> String {
        let Some((first, second)) = self.credited.get(part) else {
            return String::new();
        };
        let response = match self.kind.as_str() {
            "match" => Response::Pairs(vec![(first.clone(), second.clone())]),
            _ => Response::Order(vec![first.clone(), second.clone()]),
        };
        self.answer_in_words(&response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::{BranchChoice, BranchNode, Ending, MatchItem, MatchTarget, OrderItem};
    use crate::record::view::Text;
    use crate::report::dataset::OptionShape;

    fn shape(parts: PartTexts) -> QuestionShape {
        QuestionShape {
            id: "q".into(),
            prompt: "Prompt".into(),
            kind: "single".into(),
            max: 1.0,
            tags: Vec::new(),
            options: vec![
                OptionShape {
                    id: "a".into(),
                    text: "Call the hotline".into(),
                    correct: true,
                    tags: Vec::new(),
                },
                OptionShape {
                    id: "b".into(),
                    text: String::new(),
                    correct: false,
                    tags: Vec::new(),
                },
            ],
            parts,
            credited: Vec::new(),
        }
    }

    fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    #[test]
    fn chosen_options_read_as_their_texts_and_unknown_or_empty_ones_as_ids() {
        let shape = shape(PartTexts::default());
        let answer = Response::Chosen(ids(&["a", "b", "z"]));
        assert_eq!(shape.answer_in_words(&answer), "Call the hotline; b; z");
    }

    #[test]
    fn an_order_reads_as_its_items_texts() {
        let kind = QuestionKind::Order {
            items: ["Ensure safety", "Refer"]
                .iter()
                .enumerate()
                .map(|(n, text)| OrderItem {
                    id: format!("i{n}"),
                    text: (*text).to_owned(),
                    feedback: String::new(),
                    tags: Vec::new(),
                })
                .collect(),
        };
        let shape = shape(PartTexts::of(&kind));
        let answer = Response::Order(ids(&["i1", "i0", "i9"]));
        assert_eq!(shape.answer_in_words(&answer), "Refer › Ensure safety › i9");
    }

    #[test]
    fn pairs_read_as_item_and_target_texts_even_where_their_ids_coincide() {
        let kind = QuestionKind::Match {
            items: vec![MatchItem {
                id: "x".into(),
                text: "No passport".into(),
                target: "x".into(),
                feedback: String::new(),
                tags: Vec::new(),
            }],
            targets: vec![MatchTarget {
                id: "x".into(),
                text: "Control".into(),
            }],
        };
        let shape = shape(PartTexts::of(&kind));
        let answer = Response::Pairs(vec![("x".into(), "x".into()), ("y".into(), "x".into())]);
        assert_eq!(
            shape.answer_in_words(&answer),
            "No passport → Control; y → Control"
        );
    }

    #[test]
    fn a_path_reads_as_its_choices_texts() {
        let choice = |id: &str, text: &str| BranchChoice {
            id: id.into(),
            text: text.into(),
            points: 0.0,
            feedback: String::new(),
            next: String::new(),
            tags: Vec::new(),
        };
        let kind = QuestionKind::Branching {
            start: "n1".into(),
            nodes: vec![
                BranchNode {
                    id: "n1".into(),
                    text: "A girl at the station".into(),
                    choices: vec![choice("c1", "Talk to her alone")],
                },
                BranchNode {
                    id: "n2".into(),
                    text: "She is afraid".into(),
                    choices: vec![choice("c2", "Call a social worker")],
                },
            ],
            endings: Vec::<Ending>::new(),
        };
        let shape = shape(PartTexts::of(&kind));
        let answer = Response::Path(ids(&["c1", "c2"]));
        assert_eq!(
            shape.answer_in_words(&answer),
            "Talk to her alone → Call a social worker"
        );
    }

    #[test]
    fn a_translation_replaces_only_the_texts_of_known_ids() {
        let mut mine = PartTexts {
            items: BTreeMap::from([("i1".into(), "Refer".into())]),
            targets: BTreeMap::from([("t1".into(), "Control".into())]),
        };
        let theirs = PartTexts {
            items: BTreeMap::from([
                ("i1".into(), "Направить".into()),
                ("i2".into(), "Лишний".into()),
            ]),
            targets: BTreeMap::new(),
        };
        mine.retext(&theirs);
        assert_eq!(
            mine.items,
            BTreeMap::from([("i1".into(), "Направить".into())])
        );
        assert_eq!(mine.targets["t1"], "Control");
    }

    #[test]
    fn answers_in_ids_name_every_kind_with_spaces_between_one_per_question() {
        let ids = |ids: &[&'static str]| ids.iter().map(|id| Text::from(*id)).collect::<Vec<_>>();
        let pairs = ids(&["x", "y"]).into_iter().zip(ids(&["q", "p"])).collect();
        let mut builder = AnswerIdsBuilder::default();
        for answer in [
            Some(AnswerView::Chosen(ids(&["b", "d"]))),
            Some(AnswerView::Chosen(Vec::new())),
            None,
            Some(AnswerView::Order(ids(&["c", "a", "b"]))),
            Some(AnswerView::Pairs(pairs)),
            Some(AnswerView::Path(ids(&["c1", "c3"]))),
            Some(AnswerView::Order(ids(&["new\nline", "bell\u{7}"]))),
        ] {
            builder.push(answer.as_ref());
        }
        let answers = builder.build();
        let expected = ["b d", "", "", "c a b", "x:q y:p", "c1 c3", "new�line bell�"];
        assert_eq!(answers.iter().collect::<Vec<_>>(), expected);
        assert_eq!(answers.iter().collect::<AnswerIds>(), answers);
        assert_eq!(AnswerIds::default().iter().count(), 0);
        assert_eq!([""].into_iter().collect::<AnswerIds>().iter().count(), 1);
    }
}
