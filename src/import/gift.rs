//! Moodle's GIFT format, read by the rules of Moodle's own importer (`question/format/gift/format.php`).
//!
//! Items are separated by blank lines; lines starting with `//` are comments. An item is a `$CATEGORY:` line,
//! a description (text with no answer block), or a question: an optional `::name::`, text, and one answer
//! block `{...}`. The block's content decides the kind, in Moodle's order: empty (essay), `#...`
//! (numerical), containing `~` (multiple choice), `=` with `->` (matching), `T`/`F` (true/false), anything
//! else (short answer).

use super::builder::{
    QuizBuilder, clean_line, clean_text, label, normalize_source, true_false_texts,
};
use super::html::{self, LineBreaks};
use super::ids::{letter_id, slugify};
use super::{ImportOptions, Imported, Outcome};
use crate::quiz::model::{AnswerOption, MatchItem, MatchTarget, Question, QuestionKind, Scenario};
use crate::quiz::validate::WEIGHT_TOLERANCE;

/// The escapes GIFT knows: the character after `\`, the placeholder it stands as while the item is parsed, and
/// the character it means.
///
/// The placeholders are Unicode noncharacters, which text never legitimately contains; any in the source
/// are removed before parsing, as Moodle uses `&&058;`-style placeholders for the same purpose.
const ESCAPES: [(char, char, char); 7] = [
    (':', '\u{FDD0}', ':'),
    ('#', '\u{FDD1}', '#'),
    ('=', '\u{FDD2}', '='),
    ('{', '\u{FDD3}', '{'),
    ('}', '\u{FDD4}', '}'),
    ('~', '\u{FDD5}', '~'),
    ('n', '\u{FDD6}', '\n'),
];

/// What a missing word becomes in the question text, as in Moodle.
const BLANK: &str = "_____";

/// Converts a GIFT file into a quiz; see the module documentation for the rules.
pub fn import(text: &str, options: &ImportOptions) -> Imported {
    let mut builder = QuizBuilder::new(options);
    let text = normalize_source(text, &mut builder);
    let text: String = text.chars().filter(|c| !is_placeholder(*c)).collect();
    let mut reader = Reader {
        builder,
        category_tag: None,
        scenario: None,
        questions_seen: 0,
        descriptions_seen: 0,
    };
    for item in items(&text) {
        reader.item(&item);
    }
    reader.finish()
}

fn is_placeholder(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// One item: the lines between blank lines, trimmed, comments blanked, escapes replaced by placeholders.
struct Item {
    /// The line its first line comes from.
    first_line: usize,
    /// Its lines joined with `\n`.
    text: String,
    /// The byte offsets of the line feeds in `text`.
    line_ends: Vec<usize>,
    /// Its comment lines, where Moodle keeps a question's tags (`// [tag:debt]`).
    comments: String,
}

impl Item {
    fn new(first_line: usize, raw: &str, comments: String) -> Self {
        let text = protect_escapes(raw);
        let line_ends = text.match_indices('\n').map(|(at, _)| at).collect();
        Self {
            first_line,
            text,
            line_ends,
            comments,
        }
    }

    /// The source line of byte `offset` of the item's text.
    fn line_at(&self, offset: usize) -> usize {
        self.first_line + self.line_ends.partition_point(|end| *end < offset)
    }
}

/// An item being read: its first line, its text so far and its comments so far.
type ItemLines = (usize, String, String);

/// The items of `text`, in order.
fn items(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut current: Option<ItemLines> = None;
    for (index, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            if let Some((first_line, raw, comments)) = current.take() {
                items.push(Item::new(first_line, &raw, comments));
            }
            continue;
        }
        let (first_line, raw, comments) =
            current.get_or_insert_with(|| (index + 1, String::new(), String::new()));
        if *first_line != index + 1 {
            raw.push('\n');
        }
        if line.starts_with("//") {
            comments.push_str(line);
            comments.push('\n');
        } else {
            raw.push_str(line);
        }
    }
    if let Some((first_line, raw, comments)) = current {
        items.push(Item::new(first_line, &raw, comments));
    }
    items
}

/// The values of Moodle's `[key:value]` markers in a question's comments (`[tag:debt]`, `[id:Q1]`), with `\]`
/// standing for `]`.
fn comment_markers(comments: &str, key: &str) -> Vec<String> {
    let opening = format!("[{key}:");
    let mut values = Vec::new();
    let mut rest = comments;
    while let Some(start) = rest.find(&opening) {
        let after = &rest[start + opening.len()..];
        let mut end = None;
        let mut escaped = false;
        for (at, c) in after.char_indices() {
            match c {
                ']' if !escaped => {
                    end = Some(at);
                    break;
                }
                '\n' => break,
                _ => escaped = c == '\\',
            }
        }
        let Some(end) = end else {
            rest = after;
            continue;
        };
        values.push(after[..end].replace("\\]", "]"));
        rest = &after[end + 1..];
    }
    values
}

/// The tags Moodle writes in a question's comments, as ids.
fn comment_tags(comments: &str) -> Vec<String> {
    let mut tags = Vec::new();
    for tag in comment_markers(comments, "tag").iter().map(|t| slugify(t)) {
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// The question's ID number, which Moodle writes in its comments as `[id:...]`, as an id.
fn comment_id(comments: &str) -> Option<String> {
    comment_markers(comments, "id")
        .first()
        .map(|id| slugify(id))
        .filter(|id| !id.is_empty())
}

/// `text` with GIFT's escapes (`\:` `\#` `\=` `\{` `\}` `\~` `\n`) replaced by placeholders and `\\` by `\`.
fn protect_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let next = chars.peek().copied();
        if next == Some('\\') {
            chars.next();
            out.push('\\');
        } else if let Some((_, placeholder, _)) = ESCAPES
            .iter()
            .find(|(escaped, _, _)| Some(*escaped) == next)
        {
            chars.next();
            out.push(*placeholder);
        } else {
            out.push('\\');
        }
    }
    out
}

/// `text` with the placeholders turned back into the characters they stand for.
fn restore_escapes(text: &str) -> String {
    text.chars()
        .map(|c| {
            ESCAPES
                .iter()
                .find(|(_, placeholder, _)| *placeholder == c)
                .map_or(c, |(_, _, restored)| *restored)
        })
        .collect()
}

/// The text formats a GIFT text may name in a `[format]` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextFormat {
    /// Moodle's auto-format, the default: HTML allowed, line breaks kept.
    Moodle,
    /// HTML.
    Html,
    /// Plain text, shown as written.
    Plain,
    /// Markdown, kept as written (it reads well as plain text).
    Markdown,
}

/// A text of the item converted for Vigil.
struct RichText {
    /// The format it was written in.
    format: TextFormat,
    /// The text as the trainee reads it.
    text: String,
    /// What its HTML held that Vigil cannot show.
    losses: Vec<String>,
}

/// Reads `raw` like Moodle's `parse_text_with_format`: an optional `[format]` prefix, else `default`.
fn rich_text(raw: &str, default: TextFormat) -> RichText {
    let raw = raw.trim();
    let named = raw.strip_prefix('[').and_then(|rest| rest.split_once(']'));
    let (format, body) = match named {
        Some(("moodle", body)) => (TextFormat::Moodle, body),
        Some(("html", body)) => (TextFormat::Html, body),
        Some(("plain", body)) => (TextFormat::Plain, body),
        Some(("markdown", body)) => (TextFormat::Markdown, body),
        _ => (default, raw),
    };
    let body = restore_escapes(body);
    let converted = match format {
        TextFormat::Html => html::to_text(&body, LineBreaks::Collapse),
        TextFormat::Moodle => html::to_text(&body, LineBreaks::Keep),
        TextFormat::Plain | TextFormat::Markdown => html::PlainText {
            text: body,
            losses: Vec::new(),
        },
    };
    RichText {
        format,
        text: clean_text(&converted.text),
        losses: converted.losses,
    }
}

/// A description waiting to see whether questions follow it.
struct OpenScenario {
    scenario: Scenario,
    line: usize,
    losses: Vec<String>,
    questions: usize,
}

/// Why a question is skipped: the line to report and the reason.
struct Skip {
    line: usize,
    reason: String,
}

impl Skip {
    fn new(line: usize, reason: impl Into<String>) -> Self {
        Self {
            line,
            reason: reason.into(),
        }
    }

    /// Skips the question at `line` unless it has at least 2 of what it needs (`what`, such as "answers").
    fn unless_two(line: usize, count: usize, kind: &str, what: &str) -> Result<(), Self> {
        if count < 2 {
            return Err(Self::new(
                line,
                format!("{kind} needs at least 2 {what}; this one has {count}"),
            ));
        }
        Ok(())
    }
}

/// A question's kind with what its conversion lost.
struct Converted {
    kind: QuestionKind,
    shuffle: Option<bool>,
    losses: Vec<String>,
}

/// The parts of a question item, offsets into the item's text.
struct QuestionParts<'i> {
    item: &'i Item,
    /// The question text's format, the default for its answers and feedback.
    format: TextFormat,
    /// The answer block's content, before any general feedback.
    answers: &'i str,
    /// Where `answers` starts in the item's text.
    answers_at: usize,
    /// Whether the answer block sits inside the text (a missing word).
    missing_word: bool,
}

impl QuestionParts<'_> {
    /// The source line of byte `offset` of `answers`.
    fn line_at(&self, offset: usize) -> usize {
        self.item.line_at(self.answers_at + offset)
    }
}

struct Reader<'o> {
    builder: QuizBuilder<'o>,
    category_tag: Option<String>,
    scenario: Option<OpenScenario>,
    questions_seen: usize,
    descriptions_seen: usize,
}

impl Reader<'_> {
    fn item(&mut self, item: &Item) {
        let text = item.text.as_str();
        let start = text.len() - text.trim_start().len();
        let end = text.trim_end().len();
        if start >= end {
            return;
        }
        let line = item.line_at(start);
        let body = &text[start..end];
        if let Some(category) = body.strip_prefix("$CATEGORY:") {
            self.category(item, line, start + "$CATEGORY:".len(), category);
            return;
        }
        let (name, text_start) = match body.strip_prefix("::").and_then(|r| r.split_once("::")) {
            Some((name, rest)) => (
                Some(clean_line(&restore_escapes(name))).filter(|n| !n.is_empty()),
                end - rest.trim_start().len(),
            ),
            None if body.starts_with("::") => (None, start + 2),
            None => (None, start),
        };
        match answer_block(item, text_start, end) {
            Err(skip) => {
                self.questions_seen += 1;
                let raw = restore_escapes(&text[text_start..end]);
                let shown = name.clone().unwrap_or_else(|| label(&raw));
                let reason = if skip.line == line {
                    skip.reason
                } else {
                    format!("{} (the question starts on line {line})", skip.reason)
                };
                self.builder.skip(skip.line, &shown, &reason);
            }
            Ok(None) => self.description(line, name, &text[text_start..end]),
            Ok(Some((open, close))) => {
                self.questions_seen += 1;
                self.question(item, line, name, text_start, (open, close), end);
            }
        }
    }

    fn category(&mut self, item: &Item, line: usize, after_prefix: usize, category: &str) {
        self.close_scenario();
        let (first, rest) = category.split_once('\n').unwrap_or((category, ""));
        let name = clean_text(&restore_escapes(first));
        let tag = category_tag(&name);
        let message = if tag.is_empty() {
            format!(
                "category \"{name}\" gives no tag: its name has no letters or digits usable in a tag id"
            )
        } else {
            format!("category \"{name}\": the questions after it are tagged `{tag}`")
        };
        self.builder.note(line, Outcome::Notice, message);
        self.category_tag = Some(tag).filter(|t| !t.is_empty());
        let extra = rest.trim();
        if !extra.is_empty() {
            let extra_at = after_prefix + first.len() + 1 + (rest.len() - rest.trim_start().len());
            self.builder.note(
                item.line_at(extra_at),
                Outcome::Skipped,
                format!(
                    "\"{}\" follows `$CATEGORY:` in the same item, and Moodle reads it as part of the category \
                     name; leave a blank line after the category line",
                    label(&restore_escapes(extra))
                ),
            );
        }
    }

    fn description(&mut self, line: usize, name: Option<String>, raw: &str) {
        self.close_scenario();
        self.descriptions_seen += 1;
        let narrative = rich_text(raw, TextFormat::Moodle);
        let title = name.clone().unwrap_or_else(|| label(&narrative.text));
        if narrative.text.is_empty() {
            self.builder.note(
                line,
                Outcome::Skipped,
                format!("description \"{title}\": it has no text"),
            );
            return;
        }
        let wanted = name
            .as_deref()
            .map(slugify)
            .filter(|slug| !slug.is_empty())
            .unwrap_or_else(|| format!("s{}", self.descriptions_seen));
        let id = self.builder.scenario_id(&wanted);
        self.scenario = Some(OpenScenario {
            scenario: Scenario {
                id,
                title,
                narrative: narrative.text,
            },
            line,
            losses: narrative
                .losses
                .iter()
                .map(|loss| format!("{loss} left out"))
                .collect(),
            questions: 0,
        });
    }

    fn finish(mut self) -> Imported {
        self.close_scenario();
        self.builder.finish()
    }

    /// Ends the open scenario: kept if questions refer to it, else reported as skipped.
    fn close_scenario(&mut self) {
        let Some(open) = self.scenario.take() else {
            return;
        };
        let title = label(&open.scenario.title);
        if open.questions == 0 {
            self.builder.note(
                open.line,
                Outcome::Skipped,
                format!(
                    "description \"{title}\": no converted question follows it, and Vigil shows a description \
                     only as the scenario of the questions after it"
                ),
            );
            return;
        }
        let what = format!(
            "description \"{title}\" as scenario {} of the {} question(s) after it",
            open.scenario.id, open.questions
        );
        if open.losses.is_empty() {
            self.builder.note(open.line, Outcome::Converted, what);
        } else {
            self.builder.note(
                open.line,
                Outcome::ConvertedWithLosses,
                format!("{what}: {}", open.losses.join("; ")),
            );
        }
        self.builder.add_scenario(open.scenario);
    }

    fn question(
        &mut self,
        item: &Item,
        line: usize,
        name: Option<String>,
        text_start: usize,
        (open, close): (usize, usize),
        end: usize,
    ) {
        let text = item.text.as_str();
        let missing_word = close + 1 < end;
        let prompt_raw = if missing_word {
            format!(
                "{}{BLANK}{}",
                &text[text_start..open],
                &text[close + 1..end]
            )
        } else {
            text[text_start..open].to_owned()
        };
        let prompt = rich_text(&prompt_raw, TextFormat::Moodle);
        let shown = name.clone().unwrap_or_else(|| label(&prompt.text));
        let block = &text[open + 1..close];
        let answers_at = open + 1 + (block.len() - block.trim_start().len());
        let block = block.trim();
        let (answers, general_feedback) = match block.rfind("####") {
            Some(at) => (block[..at].trim_end(), &block[at + 4..]),
            None => (block, ""),
        };
        let explanation = rich_text(general_feedback, prompt.format);
        let parts = QuestionParts {
            item,
            format: prompt.format,
            answers,
            answers_at,
            missing_word,
        };
        let converted = match self.kind(&parts) {
            Ok(converted) => converted,
            Err(skip) => {
                self.builder.skip(skip.line, &shown, &skip.reason);
                return;
            }
        };
        if prompt.text.is_empty() {
            self.builder.skip(line, &shown, "the question has no text");
            return;
        }
        let mut losses = losses_in(&prompt, "the question text");
        losses.extend(losses_in(&explanation, "the general feedback"));
        losses.extend(converted.losses);
        let question = Question {
            id: String::new(),
            scenario: self.scenario.as_ref().map(|s| s.scenario.id.clone()),
            prompt: prompt.text,
            points: None,
            tags: self.tags(item),
            explanation: explanation.text,
            references: Vec::new(),
            shuffle: converted.shuffle,
            lint_allow: Vec::new(),
            kind: converted.kind,
        };
        let wanted = comment_id(&item.comments)
            .or_else(|| name.as_deref().map(slugify).filter(|slug| !slug.is_empty()))
            .unwrap_or_else(|| format!("q{}", self.questions_seen));
        self.builder
            .add_question(line, &shown, &wanted, question, &losses);
        if let Some(open) = &mut self.scenario {
            open.questions += 1;
        }
    }

    /// The tags of a question: its category's, then those in its comments.
    fn tags(&self, item: &Item) -> Vec<String> {
        let mut tags: Vec<String> = self.category_tag.iter().cloned().collect();
        for tag in comment_tags(&item.comments) {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    /// The Vigil kind of the question, chosen by the content of its answer block as Moodle does.
    fn kind(&self, parts: &QuestionParts<'_>) -> Result<Converted, Skip> {
        let answers = parts.answers;
        let line = parts.line_at(0);
        let missing = if parts.missing_word {
            " (a missing word)"
        } else {
            ""
        };
        if answers.is_empty() {
            return Err(Skip::new(
                line,
                "the answer block is empty: Moodle reads `{}` as an essay question, which Vigil cannot score",
            ));
        }
        if answers.starts_with('#') {
            return Err(Skip::new(
                line,
                format!(
                    "numerical questions{missing} have no Vigil equivalent: the trainee types a number"
                ),
            ));
        }
        if answers.contains('~') {
            return multiple_choice(parts);
        }
        if answers.contains('=') && answers.contains("->") {
            return matching(parts);
        }
        let before_feedback = answers.split('#').next().unwrap_or_default().trim();
        match before_feedback {
            "T" | "TRUE" | "F" | "FALSE" => Ok(self.true_false(parts)),
            _ => Err(Skip::new(
                line,
                format!(
                    "short-answer questions{missing} have no Vigil equivalent: the trainee types the answer"
                ),
            )),
        }
    }

    fn true_false(&self, parts: &QuestionParts<'_>) -> Converted {
        let mut pieces = parts.answers.splitn(3, '#');
        let truth = matches!(pieces.next().map(str::trim), Some("T" | "TRUE"));
        let wrong = rich_text(pieces.next().unwrap_or_default(), parts.format);
        let right = rich_text(pieces.next().unwrap_or_default(), parts.format);
        let mut losses = losses_in(&wrong, "the feedback for a wrong answer");
        losses.extend(losses_in(&right, "the feedback for a right answer"));
        let (true_text, false_text) = true_false_texts(self.builder.language());
        let (true_feedback, false_feedback) = if truth {
            (right.text, wrong.text)
        } else {
            (wrong.text, right.text)
        };
        let option = |id: &str, text: &str, correct: bool, feedback: String| AnswerOption {
            id: id.to_owned(),
            text: text.to_owned(),
            correct,
            weight: None,
            feedback,
            tags: Vec::new(),
        };
        Converted {
            kind: QuestionKind::TrueFalse {
                options: vec![
                    option("true", true_text, truth, true_feedback),
                    option("false", false_text, !truth, false_feedback),
                ],
            },
            shuffle: Some(false),
            losses,
        }
    }
}

/// The question's open and close brace offsets in `item.text[from..to]`, `None` for a description, or why
/// the braces do not make one answer block.
fn answer_block(item: &Item, from: usize, to: usize) -> Result<Option<(usize, usize)>, Skip> {
    let line_at = |offset: usize| item.line_at(offset);
    let hint = "write `\\{` and `\\}` for braces that are part of the text";
    let mut open: Option<usize> = None;
    let mut close: Option<usize> = None;
    for (at, c) in item.text[from..to]
        .char_indices()
        .map(|(i, c)| (from + i, c))
    {
        let problem = match (c, open, close) {
            ('{', None, _) => {
                open = Some(at);
                None
            }
            ('{', Some(first), None) => Some(format!(
                "unbalanced braces: `{{` opens an answer block inside the one opened on line {}; {hint}",
                line_at(first)
            )),
            ('{', Some(_), Some(_)) => Some(format!(
                "a second answer block starts here; a question has one; {hint}"
            )),
            ('}', Some(_), None) => {
                close = Some(at);
                None
            }
            ('}', _, _) => Some(format!(
                "unbalanced braces: `}}` closes no answer block; {hint}"
            )),
            _ => None,
        };
        if let Some(reason) = problem {
            return Err(Skip {
                line: line_at(at),
                reason,
            });
        }
    }
    match (open, close) {
        (None, _) => Ok(None),
        (Some(open), None) => Err(Skip {
            line: line_at(open),
            reason: format!(
                "unbalanced braces: the answer block opened here is never closed with `}}`; {hint}"
            ),
        }),
        (Some(open), Some(close)) => Ok(Some((open, close))),
    }
}

/// One answer of a multiple-choice block.
struct ChoiceAnswer {
    line: usize,
    text: RichText,
    feedback: RichText,
    /// Its weight as a fraction (`=` is 1).
    weight: f64,
    /// Its weight as written, in percent.
    percent: f64,
}

/// A multiple-choice block: `single` when it has an `=` answer, else `multiple` with weights.
fn multiple_choice(parts: &QuestionParts<'_>) -> Result<Converted, Skip> {
    let answers = read_choice_answers(parts)?;
    let first_line = parts.line_at(0);
    Skip::unless_two(
        first_line,
        answers.len(),
        "a multiple-choice question",
        "answers",
    )?;
    let mut losses = Vec::new();
    for answer in &answers {
        let name = label(&answer.text.text);
        losses.extend(losses_in(&answer.text, &format!("answer \"{name}\"")));
        losses.extend(losses_in(
            &answer.feedback,
            &format!("the feedback of answer \"{name}\""),
        ));
    }
    if parts.answers.contains('=') {
        single_answer(answers, losses, first_line)
    } else {
        several_answers(answers, losses, first_line)
    }
}

/// The answers of a multiple-choice block, split at `~` and `=` as Moodle splits them.
fn read_choice_answers(parts: &QuestionParts<'_>) -> Result<Vec<ChoiceAnswer>, Skip> {
    let text = parts.answers;
    let mut starts: Vec<(usize, Option<char>)> = vec![(0, None)];
    starts.extend(
        text.char_indices()
            .filter(|(_, c)| matches!(c, '~' | '='))
            .map(|(at, c)| (at + 1, Some(c))),
    );
    let mut answers = Vec::new();
    for (index, (start, marker)) in starts.iter().enumerate() {
        let end = starts
            .get(index + 1)
            .map_or(text.len(), |(next, _)| next - 1);
        let raw = &text[*start..end];
        let content = raw.trim();
        if marker.is_none() && content.is_empty() {
            continue;
        }
        let line = parts.line_at(start + (raw.len() - raw.trim_start().len()));
        let (weight, percent, content) = match marker {
            Some('=') => (1.0, 100.0, content),
            _ if content.starts_with('%') => {
                let (percent, rest) =
                    read_weight(content).map_err(|reason| Skip::new(line, reason))?;
                (fraction(percent), percent, rest)
            }
            _ => (0.0, 0.0, content),
        };
        let (answer_text, feedback) = content.split_once('#').unwrap_or((content, ""));
        let answer_text = rich_text(answer_text, parts.format);
        if answer_text.text.is_empty() {
            let reason = if answer_text.losses.is_empty() {
                format!("the answer on line {line} has no text")
            } else {
                format!(
                    "the answer on line {line} has no text once its HTML is reduced to text ({})",
                    answer_text.losses.join(", ")
                )
            };
            return Err(Skip::new(line, reason));
        }
        answers.push(ChoiceAnswer {
            line,
            text: answer_text,
            feedback: rich_text(feedback, parts.format),
            weight,
            percent,
        });
    }
    Ok(answers)
}

/// The percentage and the rest of an answer that starts with a `%n%` weight.
fn read_weight(content: &str) -> Result<(f64, &str), String> {
    let inner = &content[1..];
    let Some(end) = inner.find('%') else {
        let start: String = content.chars().take(12).collect();
        return Err(format!(
            "the weight `{}` has no closing `%`",
            clean_text(&start)
        ));
    };
    let written = &inner[..end];
    let digits = written.strip_prefix('-').unwrap_or(written);
    let (whole, decimals) = digits.split_once('.').unwrap_or((digits, ""));
    let is_number = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && decimals.bytes().all(|b| b.is_ascii_digit());
    let percent = written
        .parse::<f64>()
        .ok()
        .filter(|_| is_number)
        .ok_or_else(|| format!("the weight `%{}%` is not a number", clean_text(written)))?;
    if !(-100.0..=100.0).contains(&percent) {
        return Err(format!("the weight {written}% is outside -100% to 100%"));
    }
    Ok((percent, &inner[end + 1..]))
}

/// `percent` as a fraction, rounded so that written decimals stay as written (33.333% is 0.33333).
fn fraction(percent: f64) -> f64 {
    (percent * 100_000.0).round() / 10_000_000.0
}

/// Whether `weight` is full marks.
fn is_full(weight: f64) -> bool {
    weight >= 1.0 - 1e-9
}

/// An `=` block: a Vigil `single` question with the one fully right answer correct.
fn single_answer(
    answers: Vec<ChoiceAnswer>,
    mut losses: Vec<String>,
    line: usize,
) -> Result<Converted, Skip> {
    let full = answers.iter().filter(|a| is_full(a.weight)).count();
    if full != 1 {
        return Err(Skip::new(
            line,
            format!(
                "{full} answers are fully right (`=` or `~%100%`): a Vigil single question has one right \
                 answer, and a multiple question would need all of them chosen"
            ),
        ));
    }
    for answer in answers
        .iter()
        .filter(|a| !is_full(a.weight) && a.weight != 0.0)
    {
        let name = label(&answer.text.text);
        losses.push(if answer.weight > 0.0 {
            format!(
                "partial credit: \"{name}\" (line {}) earned {}% in Moodle; a Vigil single question scores all \
                 or nothing",
                answer.line, answer.percent
            )
        } else {
            format!(
                "penalty: \"{name}\" (line {}) cost {}% in Moodle; a Vigil single question does not take \
                 points away",
                answer.line, -answer.percent
            )
        });
    }
    let options = answers
        .into_iter()
        .enumerate()
        .map(|(index, answer)| AnswerOption {
            id: letter_id(index),
            text: answer.text.text,
            correct: is_full(answer.weight),
            weight: None,
            feedback: answer.feedback.text,
            tags: Vec::new(),
        })
        .collect();
    Ok(Converted {
        kind: QuestionKind::Single { options },
        shuffle: None,
        losses,
    })
}

/// A block of `~` answers with `%n%` weights: a Vigil `multiple` question with the same weights.
fn several_answers(
    answers: Vec<ChoiceAnswer>,
    losses: Vec<String>,
    line: usize,
) -> Result<Converted, Skip> {
    let positive: f64 = answers.iter().map(|a| a.weight).filter(|w| *w > 0.0).sum();
    if positive == 0.0 {
        return Err(Skip::new(
            line,
            "no answer is right: mark the one right answer with `=`, or give the right answers positive \
             `~%n%` weights",
        ));
    }
    if (positive - 1.0).abs() > WEIGHT_TOLERANCE {
        return Err(Skip::new(
            line,
            format!(
                "the positive weights add up to {}%, not 100%; Moodle refuses such a question too",
                (positive * 100_000.0).round() / 1000.0
            ),
        ));
    }
    let options = answers
        .into_iter()
        .enumerate()
        .map(|(index, answer)| AnswerOption {
            id: letter_id(index),
            text: answer.text.text,
            correct: answer.weight > 0.0,
            weight: Some(answer.weight),
            feedback: answer.feedback.text,
            tags: Vec::new(),
        })
        .collect();
    Ok(Converted {
        kind: QuestionKind::Multiple { options },
        shuffle: None,
        losses,
    })
}

/// A block of `=item -> target` pairs: a Vigil `match` question, targets shared by equal text.
fn matching(parts: &QuestionParts<'_>) -> Result<Converted, Skip> {
    let text = parts.answers;
    let mut starts = vec![0];
    starts.extend(text.match_indices('=').map(|(at, _)| at + 1));
    let mut items: Vec<MatchItem> = Vec::new();
    let mut targets: Vec<MatchTarget> = Vec::new();
    let mut losses = Vec::new();
    for (index, start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        let raw = &text[*start..end];
        if index == 0 && raw.trim().is_empty() {
            continue;
        }
        let line = parts.line_at(start + (raw.len() - raw.trim_start().len()));
        let Some((left, right)) = raw.split_once("->") else {
            return Err(Skip::new(
                line,
                format!("the matching pair on line {line} has no `->`"),
            ));
        };
        let target_text = clean_text(&restore_escapes(right));
        if target_text.is_empty() {
            return Err(Skip::new(
                line,
                format!("the matching pair on line {line} has nothing after `->`"),
            ));
        }
        let target = match targets.iter().position(|t| t.text == target_text) {
            Some(existing) => existing,
            None => {
                targets.push(MatchTarget {
                    id: (targets.len() + 1).to_string(),
                    text: target_text,
                });
                targets.len() - 1
            }
        };
        let item = rich_text(left, parts.format);
        if item.text.is_empty() {
            losses.extend(losses_in(&item, "a matching pair"));
            continue;
        }
        losses.extend(losses_in(&item, &format!("item \"{}\"", label(&item.text))));
        items.push(MatchItem {
            id: letter_id(items.len()),
            text: item.text,
            target: targets[target].id.clone(),
            feedback: String::new(),
            tags: Vec::new(),
        });
    }
    let line = parts.line_at(0);
    Skip::unless_two(
        line,
        items.len(),
        "a matching question",
        "pairs with a left-hand side",
    )?;
    if targets.len() < 2 {
        return Err(Skip::new(
            line,
            "every pair has the same right-hand side, so there is nothing to choose between",
        ));
    }
    Ok(Converted {
        kind: QuestionKind::Match { items, targets },
        shuffle: None,
        losses,
    })
}

/// What a converted text lost, each loss named with `whose` text it was in.
fn losses_in(text: &RichText, whose: &str) -> Vec<String> {
    text.losses
        .iter()
        .map(|loss| format!("{loss} in {whose} left out"))
        .collect()
}

/// The tag for a Moodle category path such as `$course$/top/Week 1/Indicators`: its last named part.
fn category_tag(path: &str) -> String {
    let is_named = |part: &&str| {
        let placeholder = part.starts_with('$') && part.ends_with('$');
        !(part.is_empty() || placeholder || *part == "top")
    };
    path.split('/')
        .map(str::trim)
        .rfind(is_named)
        .map(slugify)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ImportOptions {
        ImportOptions {
            id: "t".to_owned(),
            language: "en".to_owned(),
            title: "t".to_owned(),
            source_name: "t.gift".to_owned(),
        }
    }

    fn one(text: &str) -> Question {
        let imported = import(text, &options());
        assert_eq!(imported.quiz.questions.len(), 1, "{:?}", imported.report);
        imported.quiz.questions[0].clone()
    }

    fn skipped(text: &str) -> String {
        let imported = import(text, &options());
        assert!(imported.quiz.questions.is_empty(), "{:?}", imported.quiz);
        imported
            .report
            .iter()
            .find(|n| n.outcome == Outcome::Skipped)
            .map(|n| format!("{}: {}", n.line, n.message))
            .unwrap_or_default()
    }

    #[test]
    fn escapes_survive_parsing_as_plain_characters() {
        let question = one("::a\\:b:: 1 \\= 2 \\{not\\} \\~ \\# x\\\\y\\nz {=yes ~no}");
        assert_eq!(question.id, "a-b");
        assert_eq!(question.prompt, "1 = 2 {not} ~ # x\\y\nz");
    }

    #[test]
    fn a_double_backslash_does_not_escape_what_follows() {
        let question = one("Path C:\\\\{=yes ~no}");
        assert_eq!(question.prompt, "Path C:\\");
    }

    #[test]
    fn unbalanced_braces_are_placed() {
        assert!(skipped("Q {=a ~b").starts_with("1: question \"Q {=a ~b\": unbalanced braces"));
        assert!(skipped("Q\n=a }").starts_with("2: "));
        assert!(skipped("Q {=a {~b}}").contains("inside the one opened on line 1"));
        assert!(skipped("Q {=a ~b}\n{=c ~d}").contains("a second answer block"));
    }

    #[test]
    fn weights_must_be_numbers() {
        assert!(skipped("Q {~%abc%a ~b}").contains("the weight `%abc%` is not a number"));
        assert!(skipped("Q {~%50 a ~b}").contains("has no closing `%`"));
        assert!(skipped("Q {~%150%a ~b}").contains("outside -100% to 100%"));
    }

    #[test]
    fn fractions_keep_written_decimals() {
        assert_eq!(fraction(33.333), 0.33333);
        assert_eq!(fraction(-12.5), -0.125);
        assert_eq!(fraction(100.0), 1.0);
    }

    #[test]
    fn category_paths_give_their_last_part() {
        assert_eq!(
            category_tag("$course$/top/Week 1/Debt bondage"),
            "debt-bondage"
        );
        assert_eq!(category_tag("$course$/top"), "");
        assert_eq!(category_tag("Indicators"), "indicators");
    }

    #[test]
    fn tags_in_comments_join_the_category_tag() {
        assert_eq!(
            comment_tags(
                "// question: 7\n// [id:Q7] [tag:Debt] [tag:a\\]b] [tag:debt] [tag:open\n"
            ),
            ["debt", "a-b"]
        );
        let question = one("$CATEGORY: Labour\n\n// [tag:debt]\n::Q:: Debt? {T}");
        assert_eq!(question.tags, ["labour", "debt"]);
    }

    #[test]
    fn moodle_s_id_number_in_the_comments_becomes_the_question_id() {
        let question =
            one("// question: 7\n// [id:Q-Debt 7] [tag:debt]\n::Debt question:: Debt? {T}");
        assert_eq!(question.id, "q-debt-7");
        assert_eq!(question.tags, ["debt"]);
        assert_eq!(comment_id("// [id:] [tag:x]"), None);
        let named = one("::Debt question:: Debt? {T}");
        assert_eq!(named.id, "debt-question");
    }

    #[test]
    fn a_name_with_a_line_break_becomes_a_title_on_one_line() {
        let imported = import("::Two \\n lines::Who\n\nQ {T}", &options());
        assert_eq!(imported.quiz.scenarios[0].title, "Two lines");
        assert_eq!(one("::Debt\\nquestion:: Debt? {T}").id, "debt-question");
    }

    #[test]
    fn a_missing_word_becomes_a_blank() {
        let question = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
        assert_eq!(question.prompt, "Grant is _____ in Grant's tomb.");
    }
}
