//! Every string the trainee app shows, in English, Russian and Kazakh, with plural rules.
//!
//! Each language is one [`Strings`] value: a string missing in any language is a compile error, and a test
//! checks that none is empty.

mod characters;
mod corrections;
mod en;
mod findings;
mod keys;
mod kk;
mod output;
mod problems;
mod records;
mod roster;
mod ru;
mod seal;
mod store;

pub use characters::CharacterStrings;
pub use corrections::CorrectionStrings;
pub use findings::FindingLabels;
pub use keys::KeyStrings;
pub use output::OutputStrings;
pub use problems::ProblemStrings;
pub use records::RecordsStrings;
pub use roster::RosterStrings;
pub use seal::SealStrings;
pub use store::StoreStrings;

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh (Cyrillic).
    Kk,
}

impl Lang {
    /// Every language, in the order offered at sign-in.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The language code used in quiz files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// The language's own name.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
        }
    }

    /// The language of `code` (`en`, `ru`, `kk`), if Vigil speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a locale such as `ru_RU.UTF-8` or `kk-KZ`.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        Lang::from_code(&locale.get(..2)?.to_ascii_lowercase())
    }

    /// The name of `phase` in this language ("pre-test", "practice", "post-test").
    pub fn phase(self, phase: crate::record::Phase) -> &'static str {
        let [pre, practice, post] = self.strings().phases;
        match phase {
            crate::record::Phase::Pre => pre,
            crate::record::Phase::Practice => practice,
            crate::record::Phase::Post => post,
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Ru => &ru::STRINGS,
            Lang::Kk => &kk::STRINGS,
        }
    }

    /// The form of a counted word for `n`: `forms` are [one, few, many] (English and Kazakh use only one and
    /// many).
    pub fn plural(self, n: u64, forms: [&'static str; 3]) -> &'static str {
        let [one, few, many] = forms;
        match self {
            Lang::En | Lang::Kk => {
                if n == 1 {
                    one
                } else {
                    many
                }
            }
            Lang::Ru => match (n % 10, n % 100) {
                (1, m) if m != 11 => one,
                (2..=4, m) if !(12..=14).contains(&m) => few,
                _ => many,
            },
        }
    }

    /// `value` with at most two decimals and no trailing zeros, with this language's decimal sign: 0.33 in
    /// English, 0,33 in Russian and Kazakh.
    pub fn number(self, value: f64) -> String {
        let text = crate::text::number(value);
        match self {
            Lang::En => text,
            Lang::Ru | Lang::Kk => text.replace('.', ","),
        }
    }

    /// "`n` word", with the right plural form.
    pub fn count(self, n: u64, forms: [&'static str; 3]) -> String {
        format!("{n} {}", self.plural(n, forms))
    }
}

/// Fills `{name}` placeholders of `template` with `values`, in one pass: a value is never read for placeholders
/// of its own (a name or a path may hold `{file}`), and a placeholder without a value stays as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|(_, value)| (close, *value))
        });
        match value {
            Some((close, value)) => {
                filled.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// The `{name}` placeholders of `template`, sorted (translations may put them in another order).
#[cfg(test)]
fn placeholders(template: &str) -> Vec<&str> {
    let mut found: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

/// Every string of a table of strings (`every_string!(strings, Table { field, ... }; array, ...)`), each field
/// named once: destructuring the table makes a field left out a compile error. The fields after `;` are arrays of
/// strings, such as counted words.
#[cfg(test)]
macro_rules! every_string {
    ($strings:expr, $table:ident { $($field:ident),* $(,)? } $(; $($array:ident),* $(,)?)?) => {{
        let $table { $($field,)* $($($array,)*)? } = $strings;
        #[allow(unused_mut)]
        let mut all: Vec<&'static str> = vec![$(*$field),*];
        $($(all.extend($array.iter().copied());)*)?
        all
    }};
}
#[cfg(test)]
pub(crate) use every_string;

/// Asserts that every problem of `worded`, as (message, hint) in `lang`, says something in both and leaves no
/// placeholder unfilled.
#[cfg(test)]
pub(crate) fn assert_worded(lang: Lang, worded: &[(String, String)]) {
    for (message, hint) in worded {
        for said in [message, hint] {
            assert!(!said.is_empty(), "{lang:?}: {message} / {hint}");
            assert!(
                !said.contains('{') && !said.contains('}'),
                "{lang:?}: {said}"
            );
        }
    }
}

/// Asserts that `translated`, the strings of `lang` in the order of `english`, has none blank and the placeholders
/// of each English string.
#[cfg(test)]
pub(crate) fn assert_translated(lang: Lang, translated: &[&str], english: &[&str]) {
    assert_eq!(translated.len(), english.len(), "{lang:?}");
    for (theirs, ours) in translated.iter().zip(english) {
        assert!(!theirs.trim().is_empty(), "{lang:?}: a blank string");
        assert_eq!(
            placeholders(theirs),
            placeholders(ours),
            "{lang:?}: {theirs}"
        );
    }
}

/// All UI strings of one language. Counted words are [one, few, many]; `{name}` marks a placeholder.
#[derive(Debug)]
pub struct Strings {
    /// Window title.
    pub app_title: &'static str,
    /// Sign-in: heading.
    pub sign_in_title: &'static str,
    /// Sign-in: "Session".
    pub session: &'static str,
    /// Sign-in, in place of the session while the trainer's config is still being read.
    pub reading_settings: &'static str,
    /// Sign-in, after Enter while the trainer's config is still being read.
    pub sign_in_waits: &'static str,
    /// Phase names: pre, practice, post.
    pub phases: [&'static str; 3],
    /// Sign-in: name field.
    pub your_name: &'static str,
    /// Sign-in: code field.
    pub participant_code: &'static str,
    /// Sign-in: "(optional)".
    pub optional: &'static str,
    /// Sign-in: the group the trainer's list gives the participant typed, `{group}`.
    pub group_from_roster: &'static str,
    /// Sign-in: the group will come from the trainer's list (a code is typed, or only listed people may sign in).
    pub group_by_roster: &'static str,
    /// Sign-in: group field.
    pub group: &'static str,
    /// Sign-in: language field.
    pub language: &'static str,
    /// Sign-in: a name or code is needed.
    pub need_name: &'static str,
    /// Sign-in: the code is not on the roster.
    pub unknown_code: &'static str,
    /// Sign-in: only the trainer's list may sign in (records keep codes, not names), and the name typed is not on
    /// it.
    pub roster_only: &'static str,
    /// Sign-in: welcome for a roster code, `{name}`.
    pub welcome: &'static str,
    /// Banner of a play-test run.
    pub not_recorded: &'static str,
    /// Picker: heading.
    pub choose_quiz: &'static str,
    /// Picker: nothing allowed now.
    pub no_quizzes: &'static str,
    /// Counted: question.
    pub questions: [&'static str; 3],
    /// Counted: minute.
    pub minutes: [&'static str; 3],
    /// Picker: an unfinished attempt, `{title}`, `{answered}` of `{total}` answered.
    pub continue_quiz: &'static str,
    /// Picker: a quiz already submitted.
    pub done: &'static str,
    /// Picker: the quiz is in another language than chosen.
    pub other_language: &'static str,
    /// Resume: heading.
    pub resume_title: &'static str,
    /// Resume: body, `{answered}` of `{total}`.
    pub resume_body: &'static str,
    /// Resume, when the attempt is open on another screen: heading.
    pub elsewhere_title: &'static str,
    /// Resume, when the attempt is open on another screen at question `{question}`.
    pub elsewhere_body: &'static str,
    /// Resume, when another screen had the attempt open and may have stopped (after a restart, it may be this
    /// one).
    pub elsewhere_unsure: &'static str,
    /// Storage blocked: heading.
    pub cannot_save_title: &'static str,
    /// Storage blocked: what to do.
    pub cannot_save_body: &'static str,
    /// Storage blocked: the head of what is wrong, which is for the trainer.
    pub for_the_trainer: &'static str,
    /// Saving failed mid-attempt.
    pub save_failed: &'static str,
    /// Saving to the results folder failed mid-attempt: the answers are kept on this computer and delivery is retried.
    pub kept_here: &'static str,
    /// The attempt is being continued on another computer: the answers here are kept on this computer only.
    pub displaced: &'static str,
    /// Results screen: the completed record is in the results folder.
    pub submitted: &'static str,
    /// Results screen: the completed record is kept on this computer only, not yet delivered.
    pub not_delivered: &'static str,
    /// Results screen: the completed record could not be saved anywhere yet.
    pub not_saved: &'static str,
    /// Leave dialog: answers kept on this computer are not yet delivered.
    pub leave_pending: &'static str,
    /// Leave dialog: the last answers are saved nowhere and would be lost.
    pub leave_unsaved: &'static str,
    /// The quiz changed since an unfinished attempt.
    pub quiz_changed: &'static str,
    /// Attempt: "Scenario".
    pub scenario: &'static str,
    /// Attempt: instructions for a single-choice question.
    pub hint_single: &'static str,
    /// Attempt: instructions for a multiple question.
    pub hint_multiple: &'static str,
    /// Attempt: instructions for an order question.
    pub hint_order: &'static str,
    /// Attempt: instructions for a match question.
    pub hint_match: &'static str,
    /// Attempt: instructions for a branching question.
    pub hint_branching: &'static str,
    /// Attempt: "not paired yet".
    pub no_partner: &'static str,
    /// Attempt: the path so far in a branching question.
    pub your_path: &'static str,
    /// Attempt: Enter with nothing chosen, per kind: one option, several, order, match.
    pub incomplete: [&'static str; 4],
    /// Attempt: marker of a flagged question.
    pub flagged: &'static str,
    /// Attempt: a question answered in deferred mode, seen again.
    pub answer_kept: &'static str,
    /// Attempt: the time is running out, `{time}` left.
    pub time_warning: &'static str,
    /// Attempt: time is up.
    pub time_up: &'static str,
    /// Feedback: correct.
    pub correct: &'static str,
    /// Feedback: partly correct.
    pub partly_correct: &'static str,
    /// Feedback: incorrect.
    pub incorrect: &'static str,
    /// Feedback: `{points}` of `{max}` points (followed by the counted word).
    pub points_of: &'static str,
    /// Counted: point, as it reads after "of N" (Russian uses the genitive there).
    pub points: [&'static str; 3],
    /// Feedback: a correct option that was not chosen.
    pub not_chosen: &'static str,
    /// Review: the best path of a branching question that was not answered.
    pub best_path: &'static str,
    /// Feedback: "Why".
    pub why: &'static str,
    /// Feedback: "Source".
    pub source: &'static str,
    /// Feedback: the correct order or pairing.
    pub correct_answer: &'static str,
    /// Feedback: the trainee's answer.
    pub your_answer: &'static str,
    /// Feedback: not answered.
    pub not_answered: &'static str,
    /// Overview: heading.
    pub overview: &'static str,
    /// Overview: answered.
    pub answered: &'static str,
    /// Overview: unanswered.
    pub unanswered: &'static str,
    /// Submit confirmation, `{count}` unanswered questions (already counted).
    pub submit_confirm: &'static str,
    /// Submit confirmation when all are answered.
    pub submit_confirm_all: &'static str,
    /// Results: heading.
    pub results: &'static str,
    /// Results: passed.
    pub passed: &'static str,
    /// Results: failed.
    pub failed: &'static str,
    /// Results: pass mark `{mark}`.
    pub pass_mark: &'static str,
    /// Results: breakdown heading.
    pub by_topic: &'static str,
    /// Results: review turned off.
    pub review_off: &'static str,
    /// Review: heading.
    pub review: &'static str,
    /// Quit confirmation.
    pub quit_confirm: &'static str,
    /// Quit confirmation: answers are saved.
    pub quit_saved: &'static str,
    /// Too small window.
    pub enlarge: &'static str,
    /// Help: heading.
    pub help: &'static str,
    /// Help: what is true on every screen.
    pub help_note: &'static str,
    /// "↓ `{count}` more": more text below.
    pub more_below: &'static str,
    /// "↑ `{count}` more": more text above.
    pub more_above: &'static str,
    /// Counted: answer.
    pub answers: [&'static str; 3],
    /// Picker: "about `{time}`" (the estimate).
    pub about: &'static str,
    /// Picker: "time limit `{time}`".
    pub time_limit: &'static str,
    /// The session name of a workstation without a trainer's config.
    pub self_study: &'static str,
    /// Dialog buttons: stay, leave.
    pub stay_leave: [&'static str; 2],
    /// Dialog buttons: back to the questions, submit.
    pub back_submit: [&'static str; 2],
    /// Resume buttons: continue, start again.
    pub continue_restart: [&'static str; 2],
    /// Resume buttons when the attempt is open elsewhere: a separate attempt (safe), take over.
    pub separate_take_over: [&'static str; 2],
    /// Start-again buttons: keep the answers, discard them.
    pub keep_discard: [&'static str; 2],
    /// Start again: `{count}` answers (already counted) will be discarded.
    pub discard_confirm: &'static str,
    /// Leaving with every question answered but not submitted.
    pub all_answered_leave: &'static str,
    /// Buttons when leaving with every question answered: back, submit, leave without submitting.
    pub back_submit_leave: [&'static str; 3],
    /// Finish: heading.
    pub finish_title: &'static str,
    /// Finish: the unanswered questions, `{list}`.
    pub finish_unanswered: &'static str,
    /// Finish: the flagged questions, `{list}`.
    pub finish_flagged: &'static str,
    /// Finish: nothing can change after submitting.
    pub finish_final: &'static str,
    /// The words of the keys in the footer and the help window.
    pub keys: KeyWords,
}

/// What the footer and the help window call each key binding (see [`crate::tui::keymap::Label`]).
#[derive(Debug)]
pub struct KeyWords {
    /// Tab: the next field.
    pub next_field: &'static str,
    /// Shift-Tab: the previous field.
    pub previous_field: &'static str,
    /// ←→: choose a value or a button.
    pub choose_value: &'static str,
    /// Enter: go on.
    pub continue_: &'static str,
    /// ↑↓: move.
    pub move_: &'static str,
    /// 1-9: that option.
    pub number: &'static str,
    /// Space: choose the highlighted option.
    pub choose: &'static str,
    /// Space: tick or untick.
    pub tick: &'static str,
    /// Space: pick up or put down a step.
    pub pick_up: &'static str,
    /// ←→: the partner of a match item.
    pub partner: &'static str,
    /// Enter: answer.
    pub answer: &'static str,
    /// Enter: the next question.
    pub next: &'static str,
    /// n/p: next and previous question.
    pub next_back: &'static str,
    /// f: flag.
    pub flag: &'static str,
    /// o: overview.
    pub overview: &'static str,
    /// s: submit every answer.
    pub submit_all: &'static str,
    /// PgUp/PgDn: scroll.
    pub scroll: &'static str,
    /// Home/End: top and end.
    pub top_end: &'static str,
    /// ?: help.
    pub help: &'static str,
    /// Esc: leave.
    pub leave: &'static str,
    /// Esc: back.
    pub back: &'static str,
    /// r: review the answers.
    pub review: &'static str,
    /// Enter: back to the quiz list.
    pub quiz_list: &'static str,
    /// Enter: do what the highlighted button says.
    pub confirm: &'static str,
    /// Enter: open the highlighted question.
    pub open: &'static str,
    /// Ctrl-C: leave at once.
    pub force_quit: &'static str,
    /// The footer's last entry when not every key fits: "all keys".
    pub all_keys: &'static str,
    /// The space bar's name.
    pub space: &'static str,
}

impl KeyWords {
    /// The words of `label`.
    pub fn word(&self, label: crate::tui::keymap::Label) -> &'static str {
        use crate::tui::keymap::Label;
        match label {
            Label::NextField => self.next_field,
            Label::PreviousField => self.previous_field,
            Label::ChooseValue => self.choose_value,
            Label::Continue => self.continue_,
            Label::Move => self.move_,
            Label::Number => self.number,
            Label::Choose => self.choose,
            Label::Tick => self.tick,
            Label::PickUp => self.pick_up,
            Label::Partner => self.partner,
            Label::Answer => self.answer,
            Label::Next => self.next,
            Label::NextBack => self.next_back,
            Label::Flag => self.flag,
            Label::Overview => self.overview,
            Label::SubmitAll => self.submit_all,
            Label::Scroll => self.scroll,
            Label::TopEnd => self.top_end,
            Label::Help => self.help,
            Label::Leave => self.leave,
            Label::Back => self.back,
            Label::Review => self.review,
            Label::QuizList => self.quiz_list,
            Label::Confirm => self.confirm,
            Label::Open => self.open,
            Label::ForceQuit => self.force_quit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string in a catalog, read from its `Debug` text (so no field can be forgotten).
    fn literals(debug: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut chars = debug.chars();
        while chars.by_ref().any(|c| c == '"') {
            let mut literal = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => literal.extend(chars.next()),
                    '"' => break,
                    _ => literal.push(c),
                }
            }
            found.push(literal);
        }
        found
    }

    /// Both catalogs of `lang`, as `Debug` text.
    fn catalogs(lang: Lang) -> [String; 2] {
        [
            format!("{:?}", lang.strings()),
            format!("{:?}", lang.report()),
        ]
    }

    #[test]
    fn no_string_is_empty_in_any_language() {
        for lang in Lang::ALL {
            for catalog in catalogs(lang) {
                let texts = literals(&catalog);
                assert!(texts.len() > 50, "{lang:?}: {} strings", texts.len());
                for text in texts {
                    assert!(!text.trim().is_empty(), "{lang:?}: a blank string");
                }
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        let placeholders = |catalog: &str| {
            let mut found: Vec<String> = literals(catalog)
                .iter()
                .flat_map(|text| {
                    text.match_indices('{')
                        .filter_map(|(i, _)| {
                            text[i..]
                                .find('}')
                                .map(|end| text[i..i + end + 1].to_owned())
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|p| {
                    p.len() < 12 && p[1..p.len() - 1].chars().all(|c| c.is_ascii_lowercase())
                })
                .collect();
            found.sort();
            found
        };
        let [strings, report] = catalogs(Lang::En);
        let english = [placeholders(&strings), placeholders(&report)];
        assert!(english[0].contains(&"{answered}".to_owned()));
        assert!(english[1].contains(&"{missed}".to_owned()));
        for lang in [Lang::Ru, Lang::Kk] {
            let [strings, report] = catalogs(lang);
            assert_eq!(
                [placeholders(&strings), placeholders(&report)],
                english,
                "{lang:?}"
            );
        }
    }

    #[test]
    fn fill_reads_no_placeholder_inside_a_value_and_keeps_unknown_ones() {
        assert_eq!(
            fill(
                "{who} wrote {file} at {at}",
                &[("who", "{file} {at}"), ("file", "a.ron"), ("at", "9:00")]
            ),
            "{file} {at} wrote a.ron at 9:00"
        );
        assert_eq!(fill("{other} and {", &[("x", "y")]), "{other} and {");
        assert_eq!(fill("кілт {key}.", &[("key", "ключ")]), "кілт ключ.");
    }

    #[test]
    fn russian_plurals_follow_one_few_many() {
        let forms = Lang::Ru.strings().questions;
        let expect = [
            (1, forms[0]),
            (2, forms[1]),
            (4, forms[1]),
            (5, forms[2]),
            (11, forms[2]),
            (12, forms[2]),
            (21, forms[0]),
            (22, forms[1]),
            (25, forms[2]),
            (101, forms[0]),
            (111, forms[2]),
        ];
        for (n, form) in expect {
            assert_eq!(Lang::Ru.plural(n, forms), form, "{n}");
        }
        assert_eq!(Lang::Ru.count(3, forms), "3 вопроса");
        assert_eq!(
            Lang::En.count(1, Lang::En.strings().questions),
            "1 question"
        );
        assert_eq!(
            Lang::En.count(7, Lang::En.strings().questions),
            "7 questions"
        );
        assert_eq!(Lang::Kk.count(7, Lang::Kk.strings().questions), "7 сұрақ");
    }

    #[test]
    fn languages_come_from_codes_and_locales() {
        assert_eq!(Lang::from_locale("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::from_locale("kk-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::from_locale("de_DE"), None);
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
    }
}

/// The words of the trainer's reports (terminal, HTML), in one language.
#[derive(Debug)]
pub struct ReportStrings {
    /// Report title.
    pub title: &'static str,
    /// "Quiz".
    pub quiz: &'static str,
    /// "Participants".
    pub participants: &'static str,
    /// "Participant".
    pub participant: &'static str,
    /// "Group".
    pub group: &'static str,
    /// "Phase".
    pub phase: &'static str,
    /// "Score".
    pub score: &'static str,
    /// "Time".
    pub time: &'static str,
    /// "Distribution".
    pub distribution: &'static str,
    /// Figures: n, mean, median, SD, min, max, pass rate.
    pub figures: [&'static str; 7],
    /// "Reliability".
    pub reliability: &'static str,
    /// "Cronbach's alpha", "standard error of measurement".
    pub alpha_sem: [&'static str; 2],
    /// "not defined (needs more than one question and more than two attempts)".
    pub undefined: &'static str,
    /// "Questions".
    pub questions: &'static str,
    /// Column heads: facility, SD, discrimination, efficiency, flags.
    pub item_heads: [&'static str; 5],
    /// Flags: too hard, too easy, low discrimination.
    pub flags: [&'static str; 3],
    /// "Mastery by topic".
    pub tags: &'static str,
    /// "Indicators missed most often".
    pub missed: &'static str,
    /// "missed {missed} of {shown} {times}".
    pub missed_of: &'static str,
    /// The word `{times}` after a count of times: [one, few, many].
    pub times: [&'static str; 3],
    /// "Options chosen".
    pub options: &'static str,
    /// Heads of the options table: question, option (✓ right), attempts that chose it, share.
    pub option_heads: [&'static str; 4],
    /// "Order and match answers, part by part".
    pub parts: &'static str,
    /// Heads of the parts table: question, part (a pair of steps `›`, an item and its target `→`), attempts that
    /// got it right, share.
    pub part_heads: [&'static str; 4],
    /// A question drill-down's heading of the neighbouring steps of an `order` question kept in order.
    pub order_parts: &'static str,
    /// A question drill-down's heading of the items of a `match` question put on their right target.
    pub match_parts: &'static str,
    /// "By group".
    pub groups: &'static str,
    /// "Pre-test and post-test".
    pub pre_post: &'static str,
    /// Heads: pre, post, gain, normalised gain.
    pub gain_heads: [&'static str; 4],
    /// "mean of individual normalised gains".
    pub mean_normalised: &'static str,
    /// "normalised gain of the means".
    pub normalised_of_means: &'static str,
    /// "pre-test already 100%".
    pub perfect_pre: &'static str,
    /// "only one of the two tests".
    pub unmatched: &'static str,
    /// "Files and records not counted".
    pub problems: &'static str,
    /// A filter value that names nothing: `{option}` (`--session`, `--group`, `--quiz`) `{given}`; then one of
    /// the two: the known values `{known}`, or none at all; and, before them, the value `{near}` it may be a typo
    /// of.
    pub unknown_filter: [&'static str; 4],
    /// `vigil report --pseudonymise` made a new pseudonym key, in `{file}`; and what to do with it.
    pub pseudonym_key_made: &'static str,
    /// An HTML report asked for on a terminal, with no `--out`.
    pub html_on_terminal: &'static str,
    /// "{in_progress}, {discarded} (not counted)", filled with the two counts below.
    pub not_counted: &'static str,
    /// The words after a count of attempts in progress: [one, few, many].
    pub in_progress: [&'static str; 3],
    /// The words after a count of discarded attempts: [one, few, many].
    pub discarded: [&'static str; 3],
    /// The word after a count of attempts: [one, few, many].
    pub attempts: [&'static str; 3],
    /// The word after a count of records: [one, few, many].
    pub records: [&'static str; 3],
    /// The unit of a difference of percentages: percentage points.
    pub percentage_points: &'static str,
    /// The unit of a score in points, after a number with decimals.
    pub points: &'static str,
    /// What the columns of the item table measure.
    pub item_legend: &'static str,
    /// "Records of this quiz were made from quiz files of different content: {contents}".
    pub contents: &'static str,
    /// "Attempts that do not follow the trainer's config".
    pub deviations: &'static str,
    /// Heading: one name found in several groups of a session, likely one person.
    pub same_name: &'static str,
    /// What to do about a name in several groups.
    pub same_name_hint: &'static str,
    /// Heading: participants with several submitted attempts at one quiz, of which one counts.
    pub repeated: &'static str,
    /// "taken in the {phase} phase, which does not offer this quiz in the config".
    pub not_offered: &'static str,
    /// "feedback {stored}; the config gives {expected}".
    pub feedback_differs: &'static str,
    /// Feedback modes: immediate, deferred.
    pub feedback_modes: [&'static str; 2],
    /// "Session overview".
    pub overview: &'static str,
    /// The word after a count of participants: [one, few, many].
    pub participants_count: [&'static str; 3],
    /// The row of participants who took both tests.
    pub pairs: &'static str,
    /// "Indicators missed most often, pre-test → post-test".
    pub missed_before_after: &'static str,
    /// The column of the whole room.
    pub room: &'static str,
    /// "Records made with different versions of this quiz: {versions}".
    pub versions: &'static str,
    /// "Scores recomputed from the current quiz files".
    pub regraded: &'static str,
    /// "No completed attempts".
    pub nothing: &'static str,
    /// Score histogram caption.
    pub histogram: &'static str,
    /// Dashboard tabs: overview, participants, questions, topics, pre/post, live.
    pub tabs: [&'static str; 6],
    /// Live panel heads: participant, quiz, question, answered, last saved.
    pub live_heads: [&'static str; 5],
    /// Live states: working, finished.
    pub live_states: [&'static str; 2],
    /// Nobody has signed in yet.
    pub no_one_yet: &'static str,
    /// Dashboard footer keys.
    pub dashboard_keys: &'static str,
    /// The dashboard's keys on a tab of text (overview, topics, pre/post), which scrolls.
    pub text_keys: &'static str,
    /// The session selector when every session is shown.
    pub all_sessions: &'static str,
    /// Drill-down footer keys.
    pub drill_keys: &'static str,
    /// Live panel head of the status column.
    pub live_status_head: &'static str,
    /// Live state of a trainee signed in who has not opened a question yet.
    pub live_signed_in: &'static str,
    /// "idle {minutes}": no sign of life from the workstation for that long.
    pub live_idle: &'static str,
    /// The word after a count of minutes: [one, few, many].
    pub minutes: [&'static str; 3],
    /// "Vigil on the workstations: {versions}".
    pub vigil_versions: &'static str,
    /// "Vigil versions differ: {versions}. …".
    pub versions_differ: &'static str,
    /// "Shape", then the names of the shape figures of a distribution: skewness, kurtosis.
    pub shape: [&'static str; 3],
    /// What the shape figures are measured in: "no unit; 0 for a normal distribution".
    pub shape_unit: &'static str,
    /// "error ratio" (Moodle's 100 x sqrt(1 - alpha)).
    pub error_ratio: &'static str,
    /// Item table head of the effective weight.
    pub weight_head: &'static str,
    /// What the effective weight measures.
    pub weight_legend: &'static str,
    /// "Facility by language" (a question's facility per language of the quiz).
    pub by_language: &'static str,
    /// "Corrections applied by the trainer (the records are unchanged)".
    pub corrections: &'static str,
    /// "{from} counted as {into} (session {session})".
    pub merged: &'static str,
    /// "attempt {attempt} not counted".
    pub voided: &'static str,
    /// "reason".
    pub reason: &'static str,
    /// "matched no record: check ...".
    pub matched_nothing: &'static str,
    /// `vigil corrections list` of a file without corrections: `{file}`.
    pub no_corrections_in: &'static str,
    /// `vigil corrections list`, above the corrections of `{file}`.
    pub corrections_in: &'static str,
    /// `vigil corrections` wrote `{correction}` into `{file}`.
    pub correction_written: &'static str,
}

impl Lang {
    /// The report words of this language.
    pub fn report(self) -> &'static ReportStrings {
        match self {
            Lang::En => &en::REPORT,
            Lang::Ru => &ru::REPORT,
            Lang::Kk => &kk::REPORT,
        }
    }
}
