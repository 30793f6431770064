//! A roster from a CSV file (code, name, group), as Excel saves one: UTF-8 with or without a byte-order mark, or
//! Windows-1251 (Excel's "CSV" on Russian Windows); `,` or `;` between cells; a header row in English, Russian or
//! Kazakh, or none. The result is the `roster: [...]` block of `vigil.ron`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use super::model::{Group, RosterEntry};
use crate::i18n::{Lang, fill};
use crate::quiz::characters::{BadChar, Lines, TextFault, bad_char_in_id, text_fault};
use crate::quiz::diagnostic::{Diagnostic, Severity};
use crate::quiz::parse::MAX_FILE_BYTES;
use crate::quiz::source::SourceText;
use crate::quiz::validate::is_valid_id;
use crate::record::identity::normalise;

/// The words a header cell may be, per column, in English, Russian and Kazakh (compared in lower case).
const HEADERS: [(Column, &[&str]); 3] = [
    (
        Column::Code,
        &["code", "id", "код", "коды", "шифр", "номер", "no", "№"],
    ),
    (
        Column::Name,
        &[
            "name",
            "full name",
            "participant",
            "имя",
            "фио",
            "ф.и.о.",
            "участник",
            "аты",
            "аты-жөні",
            "есімі",
            "қатысушы",
        ],
    ),
    (
        Column::Group,
        &["group", "группа", "топ", "тобы", "группасы"],
    ),
];

/// A column of the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The participant's code.
    Code,
    /// The participant's name.
    Name,
    /// The participant's group.
    Group,
}

/// Why a roster file, or one of its rows, cannot be imported; worded in the trainer's language by
/// [`Lang::roster_problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterProblem {
    /// The file is larger than any roster.
    TooLarge,
    /// A line cannot be read as CSV; `error` is the CSV reader's own words.
    NotCsv {
        /// The CSV reader's words.
        error: String,
    },
    /// A row's cell of this column is empty.
    Empty(Column),
    /// A code holds a character it may not.
    BadCode {
        /// The code.
        code: String,
        /// The character.
        bad: BadChar,
    },
    /// A name holds a character it may not.
    BadName(BadChar),
    /// A name longer than any text may be, in characters.
    LongName(usize),
    /// A group that is none of the config's `groups` (their ids), or without a config (`None`) no valid group id.
    UnknownGroup {
        /// The group as the row gives it.
        given: String,
        /// The config's group ids, when there is a config.
        groups: Option<Vec<String>>,
    },
    /// A code already given on line `first`.
    RepeatedCode {
        /// The code.
        code: String,
        /// The line that gives it first.
        first: usize,
    },
    /// No row lists a participant.
    NoParticipant,
}

/// A roster read from a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRoster {
    /// The participants, in the file's order.
    pub entries: Vec<RosterEntry>,
    /// What the reader decided on its own that the trainer should know (the encoding, the header row).
    pub notes: Vec<RosterNote>,
}

/// Something the reader decided on its own that the trainer should know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterNote {
    /// The file was not UTF-8, so it was read as Windows-1251 (Excel's "CSV" on Russian Windows).
    Windows1251,
    /// This line was taken for the header row.
    HeaderRow(usize),
}

impl RosterNote {
    /// The note in `lang`'s words.
    pub fn words(self, lang: Lang) -> String {
        let words = lang.roster();
        match self {
            RosterNote::Windows1251 => words.windows_1251.to_owned(),
            RosterNote::HeaderRow(line) => fill(words.header_row, &[("line", &line.to_string())]),
        }
    }
}

impl ImportedRoster {
    /// The `roster: [...]` block to paste into `vigil.ron`.
    pub fn to_ron_block(&self) -> String {
        let quoted = |text: &str| ron::to_string(text).unwrap_or_else(|_| format!("{text:?}"));
        let mut block = String::from("    roster: [\n");
        for entry in &self.entries {
            let _ = writeln!(
                block,
                "        (code: {}, name: {}, group: {}),",
                quoted(&entry.code),
                quoted(&entry.name),
                quoted(&entry.group)
            );
        }
        block.push_str("    ],\n");
        block
    }
}

/// The text of the file: UTF-8 (its byte-order mark dropped), else Windows-1251, with a note saying so.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<RosterNote>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
            (text, Some(RosterNote::Windows1251))
        }
    }
}

/// The delimiter of the first line that has one: the most frequent of `;`, `,` and tab outside quotes.
fn delimiter(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in line.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(count) = counts.iter_mut().find(|(d, _)| *d == byte) {
            count.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// The columns a header row names, if `cells` is one (at least two cells are header words).
fn header(cells: &[String]) -> Option<HashMap<Column, usize>> {
    let mut columns = HashMap::new();
    for (index, cell) in cells.iter().enumerate() {
        let word = normalise(cell);
        if let Some((column, _)) = HEADERS
            .iter()
            .find(|(_, words)| words.contains(&word.as_str()))
        {
            columns.entry(*column).or_insert(index);
        }
    }
    (columns.len() >= 2).then_some(columns)
}

/// The id of the config group `given` names, by id or by a label in any language.
fn group_of(given: &str, groups: &[Group]) -> Option<String> {
    let wanted = normalise(given);
    groups
        .iter()
        .find(|g| {
            normalise(&g.id) == wanted
                || [&g.label.en, &g.label.ru, &g.label.kk]
                    .iter()
                    .any(|label| normalise(label) == wanted)
        })
        .map(|g| g.id.clone())
}

/// The finding of `problem` in `file`, in `lang`'s words.
fn finding_of(file: &str, problem: &RosterProblem, lang: Lang) -> Diagnostic {
    let (message, hint) = lang.roster_problem(problem);
    Diagnostic::file(Severity::Error, file, message).with_hint(hint)
}

/// What is wrong with the name `name`, if anything: a character it may not hold, or more characters than any
/// text may have.
fn name_problem(name: &str) -> Option<RosterProblem> {
    Some(match text_fault(name, Lines::One)? {
        TextFault::Bad(bad) => RosterProblem::BadName(bad),
        TextFault::TooLong(count) => RosterProblem::LongName(count),
    })
}

/// Reads a roster from the CSV `bytes` of `file`. `groups`, when given (the config's), are the groups a row may
/// name, by id or label; without them a group must be a valid id. Every problem is a finding with the line and
/// column and what to do, in `lang`'s words; a file with any problem gives no roster.
pub fn import_roster(
    file: &str,
    bytes: &[u8],
    groups: Option<&[Group]>,
    lang: Lang,
) -> Result<ImportedRoster, Vec<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![finding_of(file, &RosterProblem::TooLarge, lang)]);
    }
    let (text, encoding_note) = decode(bytes);
    let source = SourceText::new(&text);
    let mut notes: Vec<RosterNote> = encoding_note.into_iter().collect();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut findings = Vec::new();
    let mut finding = |line: usize, cell: &str, problem: RosterProblem| {
        let column = source
            .line(line)
            .and_then(|l| {
                l.find(cell)
                    .filter(|_| !cell.is_empty())
                    .map(|at| l[..at].chars().count() + 1)
            })
            .unwrap_or(1);
        findings.push(finding_of(file, &problem, lang).at(&source, line, column));
    };
    let mut columns: Option<HashMap<Column, usize>> = None;
    let mut entries = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(1, |p| p.line() as usize);
                let error = error.to_string();
                finding(line, "", RosterProblem::NotCsv { error });
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let layout = match &columns {
            Some(layout) => layout,
            None => {
                let found = header(&cells);
                if found.is_some() {
                    notes.push(RosterNote::HeaderRow(line));
                }
                let layout = columns.insert(found.clone().unwrap_or_else(|| {
                    HashMap::from([(Column::Code, 0), (Column::Name, 1), (Column::Group, 2)])
                }));
                if found.is_some() {
                    continue;
                }
                layout
            }
        };
        let cell = |column: Column| {
            layout
                .get(&column)
                .and_then(|&i| cells.get(i))
                .map_or("", String::as_str)
        };
        let (code, name, given_group) =
            (cell(Column::Code), cell(Column::Name), cell(Column::Group));
        let mut fine = true;
        for (column, value) in [
            (Column::Code, code),
            (Column::Name, name),
            (Column::Group, given_group),
        ] {
            if value.is_empty() {
                finding(line, "", RosterProblem::Empty(column));
                fine = false;
            }
        }
        if !fine {
            continue;
        }
        if let Some(bad) = bad_char_in_id(code) {
            let problem = RosterProblem::BadCode {
                code: code.to_owned(),
                bad,
            };
            finding(line, code, problem);
            fine = false;
        }
        if let Some(problem) = name_problem(name) {
            finding(line, name, problem);
            fine = false;
        }
        let group = match groups {
            Some(groups) => group_of(given_group, groups),
            None => is_valid_id(given_group).then(|| given_group.to_owned()),
        };
        let Some(group) = group else {
            let problem = RosterProblem::UnknownGroup {
                given: given_group.to_owned(),
                groups: groups.map(|groups| groups.iter().map(|g| g.id.clone()).collect()),
            };
            finding(line, given_group, problem);
            continue;
        };
        if let Some(first) = seen.insert(normalise(code), line) {
            let problem = RosterProblem::RepeatedCode {
                code: code.to_owned(),
                first,
            };
            finding(line, code, problem);
            continue;
        }
        if fine {
            entries.push(RosterEntry {
                code: code.to_owned(),
                name: name.to_owned(),
                group,
            });
        }
    }
    if findings.is_empty() && entries.is_empty() {
        findings.push(finding_of(file, &RosterProblem::NoParticipant, lang));
    }
    if findings.is_empty() {
        Ok(ImportedRoster { entries, notes })
    } else {
        Err(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::model::default_groups;

    fn entry(code: &str, name: &str, group: &str) -> RosterEntry {
        RosterEntry {
            code: code.into(),
            name: name.into(),
            group: group.into(),
        }
    }

    #[test]
    fn a_russian_excel_file_with_a_bom_semicolons_and_a_header_reads() {
        let bytes = "\u{FEFF}Код;ФИО;Группа\r\nP01;Айгерім Сергейқызы;police\r\n\r\nP02;\"Иванов; Иван\";ngo\r\n";
        let roster = import_roster("r.csv", bytes.as_bytes(), None, Lang::En).unwrap();
        assert_eq!(
            roster.entries,
            [
                entry("P01", "Айгерім Сергейқызы", "police"),
                entry("P02", "Иванов; Иван", "ngo")
            ]
        );
        assert_eq!(roster.notes, [RosterNote::HeaderRow(1)]);
        assert_eq!(
            roster.notes[0].words(Lang::Ru),
            "строка 1 прочитана как строка заголовков"
        );
    }

    #[test]
    fn a_file_without_a_header_is_code_name_group_and_a_kazakh_header_may_reorder_them() {
        let roster =
            import_roster("r.csv", b"P01,Aidos,police\nP02,Dana,ngo\n", None, Lang::En).unwrap();
        assert_eq!(roster.entries[1], entry("P02", "Dana", "ngo"));
        assert!(roster.notes.is_empty());
        let roster = import_roster(
            "r.csv",
            "Аты-жөні,Топ,Код\nАйдос,police,P01\n".as_bytes(),
            None,
            Lang::En,
        )
        .unwrap();
        assert_eq!(roster.entries, [entry("P01", "Айдос", "police")]);
    }

    #[test]
    fn windows_1251_is_read_and_said() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("P01;Иванов Иван;police\n");
        let roster = import_roster("r.csv", &bytes, None, Lang::En).unwrap();
        assert_eq!(roster.entries, [entry("P01", "Иванов Иван", "police")]);
        assert_eq!(roster.notes, [RosterNote::Windows1251]);
        assert!(roster.notes[0].words(Lang::En).contains("Windows-1251"));
    }

    #[test]
    fn groups_are_checked_against_the_config_by_id_or_label() {
        let groups = default_groups();
        let roster = import_roster(
            "r.csv",
            "P01,Aidos,Полиция\nP02,Dana,ngo\n".as_bytes(),
            Some(&groups),
            Lang::En,
        )
        .unwrap();
        assert_eq!(roster.entries[0].group, "police");
        let findings =
            import_roster("r.csv", b"P01,Aidos,polise\n", Some(&groups), Lang::En).unwrap_err();
        assert_eq!((findings[0].line, findings[0].column), (Some(1), Some(11)));
        assert!(findings[0].message.contains("`polise` is not a group"));
        assert!(findings[0].hint.as_deref().unwrap().contains("police"));
    }

    #[test]
    fn every_problem_names_its_line_and_what_to_do() {
        let csv = "code,name,group\nP01,Aidos,police\np01,Dana,ngo\nP03,,ngo\nP04,Evil\u{202E}name,ngo\nP\u{200B}5,Zh,ngo\n";
        let findings = import_roster("r.csv", csv.as_bytes(), None, Lang::En).unwrap_err();
        let lines: Vec<(Option<usize>, &str)> = findings
            .iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect();
        assert_eq!(lines[0], (Some(3), "the code `p01` is also on line 2"));
        assert_eq!(lines[1], (Some(4), "the name is empty"));
        assert_eq!(lines[2].0, Some(5));
        assert!(lines[2].1.contains("bidirectional control U+202E"));
        assert_eq!(lines[3].0, Some(6));
        assert!(lines[3].1.contains("invisible character U+200B"));
        assert!(findings[0].to_string().starts_with("r.csv:3:1: error:"));
    }

    #[test]
    fn the_block_is_valid_ron_for_the_config() {
        let roster = import_roster(
            "r.csv",
            "P01,\"Aidos \"\"A\"\" K\",police\n".as_bytes(),
            None,
            Lang::En,
        )
        .unwrap();
        let block = roster.to_ron_block();
        let config = format!("(format: 1, session: \"s\", phase: pre,\n{block})");
        let (parsed, findings) = super::super::read_config("vigil.ron", config.as_bytes());
        assert_eq!(findings, []);
        assert_eq!(
            parsed.unwrap().roster,
            [entry("P01", "Aidos \"A\" K", "police")]
        );
        assert!(import_roster("r.csv", b"\n\n", None, Lang::En).is_err());
    }
}
