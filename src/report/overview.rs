//! The session overview a report opens with: who took part, per group; the pre→post gain per group side by
//! side; and the indicators the room missed most, before and after, per group.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::analysis::{PrePost, QuizReport};
use super::stats::mean;
use crate::record::Phase;

/// How many took part in one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCount {
    /// Group id.
    pub group: String,
    /// Distinct participants with a counted attempt.
    pub participants: usize,
}

/// One group's pre→post figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupGain {
    /// Group id.
    pub group: String,
    /// Participants with both tests.
    pub pairs: usize,
    /// Mean pre-test percent.
    pub mean_pre: Option<f64>,
    /// Mean post-test percent.
    pub mean_post: Option<f64>,
    /// Mean gain, percentage points.
    pub mean_gain: Option<f64>,
    /// Mean of the individual normalised gains.
    pub mean_normalised_gain: Option<f64>,
}

/// The pre→post gain of one comparison, per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GainsByGroup {
    /// The form group, or the quiz id.
    pub label: String,
    /// What it is shown by (the comparison's title).
    pub title: String,
    /// Per group, in group order.
    pub groups: Vec<GroupGain>,
}

/// How often one group missed one indicator before and after.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MissRates {
    /// Share missed in the pre-test (0-1), if it was shown there.
    pub pre: Option<f64>,
    /// Share missed in the post-test (0-1), if it was shown there.
    pub post: Option<f64>,
}

/// One indicator, missed before and after, per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedByGroup {
    /// Indicator tag id.
    pub tag: String,
    /// The whole room.
    pub room: MissRates,
    /// Per group id, in the order of [`Overview::groups`].
    pub groups: Vec<MissRates>,
}

/// The session overview.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Overview {
    /// The groups, in id order.
    pub groups: Vec<String>,
    /// Participants per group.
    pub participants: Vec<GroupCount>,
    /// Per pre/post comparison, the gain per group.
    pub gains: Vec<GainsByGroup>,
    /// The indicators missed most, before and after (most missed in the pre-test first), at most ten.
    pub missed: Vec<MissedByGroup>,
}

/// Missed and shown counts, per phase.
#[derive(Default)]
struct Tally {
    pre: (usize, usize),
    post: (usize, usize),
}

impl Tally {
    fn rates(&self) -> MissRates {
        let rate =
            |(missed, shown): (usize, usize)| (shown > 0).then(|| missed as f64 / shown as f64);
        MissRates {
            pre: rate(self.pre),
            post: rate(self.post),
        }
    }
}

/// The overview of `quizzes` and `pre_post`.
pub fn overview(quizzes: &[QuizReport], pre_post: &[PrePost]) -> Overview {
    let mut members: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for row in quizzes.iter().flat_map(|q| &q.attempts) {
        members
            .entry(&row.group)
            .or_default()
            .insert(&row.participant);
    }
    let groups: Vec<String> = members.keys().map(|g| (*g).to_owned()).collect();
    let participants = members
        .iter()
        .map(|(group, who)| GroupCount {
            group: (*group).to_owned(),
            participants: who.len(),
        })
        .collect();
    let gains = pre_post
        .iter()
        .map(|comparison| GainsByGroup {
            label: comparison.label.clone(),
            title: comparison.title.clone(),
            groups: groups
                .iter()
                .map(|group| {
                    let pairs: Vec<_> = comparison
                        .pairs
                        .iter()
                        .filter(|p| &p.group == group)
                        .collect();
                    let of = |f: fn(&super::analysis::GainRow) -> f64| {
                        mean(&pairs.iter().map(|p| f(p)).collect::<Vec<_>>())
                    };
                    GroupGain {
                        group: group.clone(),
                        pairs: pairs.len(),
                        mean_pre: of(|p| p.pre),
                        mean_post: of(|p| p.post),
                        mean_gain: of(|p| p.gain),
                        mean_normalised_gain: mean(
                            &pairs
                                .iter()
                                .filter_map(|p| p.normalised_gain)
                                .collect::<Vec<_>>(),
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    Overview {
        missed: missed(quizzes, &groups),
        groups,
        participants,
        gains,
    }
}

/// Per indicator tag, how often each group (and the room) left a right option carrying it unticked, in the
/// pre-test and in the post-test; the ten most missed before first.
fn missed(quizzes: &[QuizReport], groups: &[String]) -> Vec<MissedByGroup> {
    let mut tallies: BTreeMap<&str, (Tally, BTreeMap<&str, Tally>)> = BTreeMap::new();
    for quiz in quizzes {
        for (q, question) in quiz.quiz.questions.iter().enumerate() {
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
                    let (room, by_group) = tallies.entry(tag).or_default();
                    for row in &quiz.attempts {
                        let missed = usize::from(!row.chose(q, o));
                        let group = by_group.entry(&row.group).or_default();
                        for tally in [&mut *room, group] {
                            let side = match row.phase {
                                Phase::Pre => &mut tally.pre,
                                Phase::Post => &mut tally.post,
                                Phase::Practice => continue,
                            };
                            side.0 += missed;
                            side.1 += 1;
                        }
                    }
                }
            }
        }
    }
    let mut missed: Vec<MissedByGroup> = tallies
        .into_iter()
        .map(|(tag, (room, by_group))| MissedByGroup {
            tag: tag.to_owned(),
            room: room.rates(),
            groups: groups
                .iter()
                .map(|g| {
                    by_group
                        .get(g.as_str())
                        .map(Tally::rates)
                        .unwrap_or_default()
                })
                .collect(),
        })
        .filter(|m| m.room.pre.is_some() || m.room.post.is_some())
        .collect();
    let key = |m: &MissedByGroup| m.room.pre.or(m.room.post).unwrap_or(0.0);
    missed.sort_by(|a, b| key(b).total_cmp(&key(a)).then_with(|| a.tag.cmp(&b.tag)));
    missed.truncate(10);
    missed
}
