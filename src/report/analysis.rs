//! The figures of a report, per quiz (merging its languages) and across the pre- and post-test.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::conformity::Deviation;
use super::corrections::apply::Applied;
use super::dataset::{AttemptRow, ContentVariant, Dataset, QuizShape};
use super::form_title::shared_title;
use super::identities::IdentityNotes;
use super::languages::{LanguageFacility, by_language};
use super::overview::{Overview, overview};
use super::scores::Scores;
use super::shared_text::SharedText;
use super::stats::{Distribution, ItemStats, Reliability, Thresholds, items, mean, reliability};
use crate::quiz::bank::TEACHING_ORDER;
use crate::record::Phase;

/// One question's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionReport {
    /// Question id.
    pub id: String,
    /// Prompt.
    pub prompt: String,
    /// Kind.
    pub kind: String,
    /// Full marks.
    pub max: f64,
    /// Item analysis.
    pub stats: ItemStats,
    /// How often each option was chosen (distractor analysis).
    pub options: Vec<OptionCount>,
    /// For an `order` or `match` question, how often each part that earns points was right: each neighbouring
    /// pair of the right order kept, each item put on its right target.
    pub parts: Vec<PartCount>,
    /// Facility per language of the quiz, when its attempts were taken in more than one (a translation that
    /// makes the question harder shows here).
    pub by_language: Vec<LanguageFacility>,
}

/// How often one option was chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionCount {
    /// Option id.
    pub id: String,
    /// Option text.
    pub text: String,
    /// Whether it is a right answer.
    pub correct: bool,
    /// Attempts that chose it.
    pub chosen: usize,
    /// Share of attempts that chose it (0-1).
    pub share: f64,
}

/// How often one part of `order` or `match` answers was right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCount {
    /// The first item of a neighbouring pair, or the item of a match.
    pub first: String,
    /// The second item of the pair, or the item's right target.
    pub second: String,
    /// The part in words: `first › second`, or `item → target`.
    pub text: String,
    /// Attempts that got it right.
    pub right: usize,
    /// Share of attempts that got it right (0-1).
    pub share: f64,
}

/// Mastery of one topic tag: the mean facility of the questions that carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagMastery {
    /// Tag id.
    pub tag: String,
    /// Questions carrying it.
    pub questions: usize,
    /// Mean facility of those questions (0-1).
    pub facility: f64,
}

/// An indicator the room failed to tick: right options of `multiple` questions, by their indicator tags.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedIndicator {
    /// Indicator tag id.
    pub tag: String,
    /// Times a right option with this tag was shown to an attempt.
    pub shown: usize,
    /// Times it was not ticked.
    pub missed: usize,
    /// `missed / shown`.
    pub rate: f64,
}

/// The figures of one group of participants.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupReport {
    /// Group id.
    pub group: String,
    /// Its distribution.
    pub distribution: Distribution,
}

/// Everything about one quiz.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizReport {
    /// The quiz.
    pub quiz: QuizShape,
    /// The attempts counted, in start order.
    pub attempts: Vec<Box<AttemptRow>>,
    /// Score distribution.
    pub distribution: Distribution,
    /// Item analysis per question.
    pub questions: Vec<QuestionReport>,
    /// Cronbach's alpha and SEM, where defined.
    pub reliability: Option<Reliability>,
    /// Mastery per topic tag, weakest first.
    pub tags: Vec<TagMastery>,
    /// Indicators missed most, most missed first.
    pub missed_indicators: Vec<MissedIndicator>,
    /// Per group.
    pub groups: Vec<GroupReport>,
    /// The quiz versions of the records, when more than one.
    pub mixed_versions: Vec<u32>,
    /// The contents of the quiz files the records were made from, when one language has more than one.
    pub mixed_content: Vec<ContentVariant>,
}

/// One participant's pre- and post-test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GainRow {
    /// Name.
    pub name: String,
    /// Roster code.
    pub code: Option<String>,
    /// Group.
    pub group: String,
    /// Pre-test percent.
    pub pre: f64,
    /// Post-test percent.
    pub post: f64,
    /// `post - pre`.
    pub gain: f64,
    /// `(post - pre) / (100 - pre)`; `None` when pre is 100.
    pub normalised_gain: Option<f64>,
}

/// A participant seen on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unmatched {
    /// Name.
    pub name: String,
    /// Group.
    pub group: String,
    /// The phase they have (pre or post).
    pub phase: Phase,
}

/// Learning gain between the pre-test and the post-test of one form group (or one quiz).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrePost {
    /// The form group, or the quiz id when the quiz has none.
    pub label: String,
    /// What it is shown by: what its quizzes' titles share (see [`shared_title`]).
    pub title: String,
    /// Matched participants.
    pub pairs: Vec<GainRow>,
    /// Mean pre-test percent of the matched.
    pub mean_pre: Option<f64>,
    /// Mean post-test percent of the matched.
    pub mean_post: Option<f64>,
    /// Mean of the individual gains.
    pub mean_gain: Option<f64>,
    /// Mean of the individual normalised gains (participants with pre = 100 left out).
    pub mean_normalised_gain: Option<f64>,
    /// Normalised gain of the means: (mean post - mean pre) / (100 - mean pre).
    pub normalised_gain_of_means: Option<f64>,
    /// Matched participants whose pre-test was 100%, so no normalised gain.
    pub perfect_pre: Vec<String>,
    /// Participants with only one of the two.
    pub unmatched: Vec<Unmatched>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The session overview: participants, pre→post gain and missed indicators per group.
    pub overview: Overview,
    /// Per quiz, in the order of the seminar (see [`teaching_order`]).
    pub quizzes: Vec<QuizReport>,
    /// Pre/post comparisons.
    pub pre_post: Vec<PrePost>,
    /// Files and records not counted, and why.
    pub problems: Vec<crate::record::scan::Problem>,
    /// Counted attempts that do not follow the trainer's config (empty without one).
    pub deviations: Vec<Deviation>,
    /// The trainer's corrections applied, each with the records it matched (left out of JSON when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Applied>,
    /// Likely one person counted as two, and participants with several attempts at a quiz (left out of JSON
    /// when there is nothing to say).
    #[serde(skip_serializing_if = "IdentityNotes::is_empty")]
    pub identity_notes: IdentityNotes,
    /// Attempts still in progress.
    pub in_progress: usize,
    /// Attempts discarded.
    pub discarded: usize,
    /// Whether points were recomputed from the quiz files.
    pub regraded: bool,
    /// The thresholds of the item flags.
    pub thresholds: Thresholds,
}

/// Computes every figure of `data`.
pub fn analyse(mut data: Dataset, thresholds: Thresholds) -> Report {
    let pre_post = pre_post(&data);
    let mut quizzes = by_quiz(std::mem::take(&mut data.attempts))
        .into_iter()
        .filter_map(|(id, rows)| {
            let shape = data.quizzes.get(id.as_str())?.clone();
            let versions = data
                .mixed_versions
                .get(id.as_str())
                .map(|v| v.iter().copied().collect())
                .unwrap_or_default();
            let contents = data.mixed_content.remove(id.as_str()).unwrap_or_default();
            Some(quiz_report(shape, rows, &thresholds, versions, contents))
        })
        .collect::<Vec<_>>();
    quizzes.sort_by_cached_key(teaching_order);
    Report {
        overview: overview(&quizzes, &pre_post),
        quizzes,
        pre_post,
        problems: data.problems,
        deviations: Vec::new(),
        corrections: data.corrections,
        identity_notes: data.identity_notes,
        in_progress: data.in_progress,
        discarded: data.discarded,
        regraded: data.regraded,
        thresholds,
    }
}

/// `rows` split by quiz id, each quiz's rows in their order (the rows are boxed, so this moves pointers).
fn by_quiz(rows: Vec<Box<AttemptRow>>) -> BTreeMap<SharedText, Vec<Box<AttemptRow>>> {
    let mut quizzes: BTreeMap<SharedText, Vec<Box<AttemptRow>>> = BTreeMap::new();
    for row in rows {
        quizzes.entry(row.quiz.clone()).or_default().push(row);
    }
    quizzes
}

/// Where a quiz comes in the seminar: by the earliest phase it was taken in (pre, practice, post), then by the
/// built-in bank's teaching order (the warm-up before the pre-test), then by id.
pub fn teaching_order(quiz: &QuizReport) -> (Option<Phase>, usize, String) {
    let phase = quiz.attempts.iter().map(|a| a.phase).min();
    let place = TEACHING_ORDER
        .iter()
        .position(|id| *id == quiz.quiz.id)
        .unwrap_or(TEACHING_ORDER.len());
    (phase, place, quiz.quiz.id.clone())
}

fn quiz_report(
    shape: QuizShape,
    rows: Vec<Box<AttemptRow>>,
    thresholds: &Thresholds,
    mixed_versions: Vec<u32>,
    mixed_content: Vec<ContentVariant>,
) -> QuizReport {
    let matrix: Vec<&Scores> = rows.iter().map(|r| &r.scores).collect();
    let percents: Vec<f64> = rows.iter().map(|row| row.percent()).collect();
    let maxima: Vec<f64> = shape.questions.iter().map(|q| q.max).collect();
    let reliability = reliability(&matrix);
    let questions: Vec<QuestionReport> = shape
        .questions
        .iter()
        .zip(items(&matrix, &maxima, thresholds))
        .enumerate()
        .map(|(q, (question, stats))| QuestionReport {
            id: question.id.clone(),
            prompt: question.prompt.clone(),
            kind: question.kind.clone(),
            max: question.max,
            stats,
            by_language: by_language(&rows, q, question.max),
            options: question
                .options
                .iter()
                .enumerate()
                .map(|(o, option)| {
                    let chosen = rows.iter().filter(|r| r.chose(q, o)).count();
                    OptionCount {
                        id: option.id.clone(),
                        text: option.text.clone(),
                        correct: option.correct,
                        chosen,
                        share: share(chosen, rows.len()),
                    }
                })
                .collect(),
            parts: question
                .credited
                .iter()
                .enumerate()
                .map(|(p, (first, second))| {
                    let right = rows.iter().filter(|r| r.earned(q, p)).count();
                    PartCount {
                        first: first.clone(),
                        second: second.clone(),
                        text: question.credited_in_words(p),
                        right,
                        share: share(right, rows.len()),
                    }
                })
                .collect(),
        })
        .collect();
    let mut tags: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (question, report) in shape.questions.iter().zip(&questions) {
        if let Some(facility) = report.stats.facility {
            for tag in &question.tags {
                tags.entry(tag.clone()).or_default().push(facility);
            }
        }
    }
    let mut tags: Vec<TagMastery> = tags
        .into_iter()
        .map(|(tag, facilities)| TagMastery {
            tag,
            questions: facilities.len(),
            facility: mean(&facilities).unwrap_or(0.0),
        })
        .collect();
    tags.sort_by(|a, b| {
        a.facility
            .total_cmp(&b.facility)
            .then_with(|| a.tag.cmp(&b.tag))
    });
    let mut missed: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (q, question) in shape.questions.iter().enumerate() {
        if question.kind != "multiple" {
            continue;
        }
        for (o, option) in question
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
        {
            for tag in &option.tags {
                let entry = missed.entry(tag.clone()).or_default();
                for row in &rows {
                    entry.0 += 1;
                    if !row.chose(q, o) {
                        entry.1 += 1;
                    }
                }
            }
        }
    }
    let mut missed_indicators: Vec<MissedIndicator> = missed
        .into_iter()
        .filter(|(_, (shown, _))| *shown > 0)
        .map(|(tag, (shown, missed))| MissedIndicator {
            tag,
            shown,
            missed,
            rate: missed as f64 / shown as f64,
        })
        .collect();
    missed_indicators.sort_by(|a, b| b.rate.total_cmp(&a.rate).then_with(|| a.tag.cmp(&b.tag)));
    let groups: BTreeSet<&str> = rows.iter().map(|r| r.group.as_str()).collect();
    let groups = groups
        .into_iter()
        .map(|group| GroupReport {
            group: group.to_owned(),
            distribution: Distribution::of(
                &rows
                    .iter()
                    .filter(|r| r.group == group)
                    .map(|row| row.percent())
                    .collect::<Vec<_>>(),
                shape.pass_mark,
            ),
        })
        .collect();
    QuizReport {
        distribution: Distribution::of(&percents, shape.pass_mark),
        reliability,
        questions,
        tags,
        missed_indicators,
        groups,
        mixed_versions,
        mixed_content,
        quiz: shape,
        attempts: rows,
    }
}

/// Per participant identity, their pre-phase and post-phase attempt.
type Sides<'a> = (
    BTreeMap<String, &'a AttemptRow>,
    BTreeMap<String, &'a AttemptRow>,
);

/// The title of the comparison `label` (a form group, or a quiz id) from the titles of the `quizzes` it holds.
pub(crate) fn comparison_title<'a>(
    quizzes: impl IntoIterator<Item = &'a QuizShape>,
    label: &str,
) -> String {
    let titles = quizzes
        .into_iter()
        .filter(|quiz| quiz.form_group.as_deref().unwrap_or(&quiz.id) == label)
        .map(|quiz| quiz.title.as_str());
    shared_title(titles, label)
}

/// `count` of `of` attempts as a share (0-1); 0 of none.
fn share(count: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        count as f64 / of as f64
    }
}

/// Pairs each participant's pre-phase and post-phase attempts on quizzes of one form group (or one quiz).
fn pre_post(data: &Dataset) -> Vec<PrePost> {
    let label_of = |quiz: &str| {
        data.quizzes
            .get(quiz)
            .and_then(|q| q.form_group.clone())
            .unwrap_or_else(|| quiz.to_owned())
    };
    let mut sides: BTreeMap<String, Sides<'_>> = BTreeMap::new();
    for row in &data.attempts {
        let entry = sides.entry(label_of(&row.quiz)).or_default();
        let side = match row.phase {
            Phase::Pre => &mut entry.0,
            Phase::Post => &mut entry.1,
            Phase::Practice => continue,
        };
        side.entry(row.participant.to_string()).or_insert(row);
    }
    sides
        .into_iter()
        .filter(|(_, (pre, post))| !pre.is_empty() && !post.is_empty())
        .map(|(label, (pre, post))| {
            let mut pairs = Vec::new();
            let mut unmatched = Vec::new();
            for (who, before) in &pre {
                match post.get(who) {
                    Some(after) => {
                        let (p, q) = (before.percent(), after.percent());
                        pairs.push(GainRow {
                            name: before.name.to_string(),
                            code: before.code.as_deref().map(str::to_owned),
                            group: before.group.to_string(),
                            pre: p,
                            post: q,
                            gain: q - p,
                            normalised_gain: (p < 100.0 - 1e-9).then(|| (q - p) / (100.0 - p)),
                        });
                    }
                    None => unmatched.push(Unmatched {
                        name: before.name.to_string(),
                        group: before.group.to_string(),
                        phase: Phase::Pre,
                    }),
                }
            }
            for (who, after) in &post {
                if !pre.contains_key(who) {
                    unmatched.push(Unmatched {
                        name: after.name.to_string(),
                        group: after.group.to_string(),
                        phase: Phase::Post,
                    });
                }
            }
            let pres: Vec<f64> = pairs.iter().map(|p| p.pre).collect();
            let posts: Vec<f64> = pairs.iter().map(|p| p.post).collect();
            let gains: Vec<f64> = pairs.iter().map(|p| p.gain).collect();
            let normalised: Vec<f64> = pairs.iter().filter_map(|p| p.normalised_gain).collect();
            let (mean_pre, mean_post) = (mean(&pres), mean(&posts));
            PrePost {
                title: comparison_title(data.quizzes.values(), &label),
                label,
                perfect_pre: pairs
                    .iter()
                    .filter(|p| p.normalised_gain.is_none())
                    .map(|p| p.name.clone())
                    .collect(),
                mean_gain: mean(&gains),
                mean_normalised_gain: mean(&normalised),
                normalised_gain_of_means: match (mean_pre, mean_post) {
                    (Some(a), Some(b)) if a < 100.0 - 1e-9 => Some((b - a) / (100.0 - a)),
                    _ => None,
                },
                mean_pre,
                mean_post,
                pairs,
                unmatched,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::test_records;

    #[test]
    fn rows_are_split_by_quiz_in_their_order() {
        let rows = ["b", "a", "c", "a", "b", "a"]
            .iter()
            .enumerate()
            .map(|(i, quiz)| test_records::row("s", &format!("p{i}"), None, "ngo", quiz))
            .collect();
        let split: Vec<(String, Vec<String>)> = by_quiz(rows)
            .into_iter()
            .map(|(quiz, rows)| {
                let participants = rows.into_iter().map(|r| r.name.into_string()).collect();
                (quiz.to_string(), participants)
            })
            .collect();
        let names = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            split,
            vec![
                ("a".to_owned(), names(&["p1", "p3", "p5"])),
                ("b".to_owned(), names(&["p0", "p4"])),
                ("c".to_owned(), names(&["p2"])),
            ]
        );
    }
}
