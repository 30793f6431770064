//! The shipped quiz bank: its inventory, completeness and parity, as the curriculum promises them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use vigil::quiz::bank::{TEACHING_ORDER, built_in_inputs};
use vigil::quiz::check::check;
use vigil::quiz::lint::{Rule, absolute_words};
use vigil::quiz::{CheckedQuiz, FeedbackMode, Question, QuestionKind, Taxonomy};

fn bank() -> Vec<CheckedQuiz> {
    let report = check(&built_in_inputs(), &Taxonomy::default());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.quizzes
}

#[test]
fn the_packed_bank_is_the_quizzes_folder_byte_for_byte() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes");
    let mut on_disk: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (format!("built-in/{name}"), std::fs::read(&path).unwrap())
        })
        .collect();
    on_disk.sort();
    let packed: Vec<(String, Vec<u8>)> = built_in_inputs()
        .into_iter()
        .map(|input| (input.name, input.content.unwrap()))
        .collect();
    assert_eq!(packed.len(), on_disk.len());
    assert!(packed.iter().any(|(name, _)| name == "built-in/tags.ron"));
    for ((name, bytes), (disk_name, disk_bytes)) in packed.iter().zip(&on_disk) {
        assert_eq!(name, disk_name);
        assert!(bytes == disk_bytes, "{name} differs from the file on disk");
    }
}

#[test]
fn the_bank_holds_the_curriculum_in_its_languages() {
    let mut languages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut counts: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for quiz in bank() {
        languages
            .entry(quiz.quiz.id.clone())
            .or_default()
            .insert(quiz.quiz.language.clone());
        counts
            .entry(quiz.quiz.id.clone())
            .or_default()
            .insert(quiz.quiz.questions.len());
    }
    for (id, sizes) in &counts {
        assert_eq!(sizes.len(), 1, "{id}: question counts differ by language");
    }
    let all: BTreeSet<String> = ["en", "kk", "ru"].map(String::from).into();
    let expected = [
        "assessment-post",
        "assessment-pre",
        "begging-criminality",
        "definitions",
        "forced-marriage",
        "indicators",
        "interview-referral",
        "labour-domestic",
        "prevention",
        "sexual-exploitation",
        "victim-assistance",
        "warm-up",
    ];
    for id in expected {
        assert_eq!(languages.get(id), Some(&all), "{id}");
    }
    assert_eq!(languages.len(), expected.len());
}

#[test]
fn every_built_in_quiz_has_its_place_in_the_teaching_order_and_the_readme_follows_it() {
    let ids: BTreeSet<String> = bank().into_iter().map(|q| q.quiz.id).collect();
    let order: BTreeSet<String> = TEACHING_ORDER.iter().map(|id| (*id).to_owned()).collect();
    assert_eq!(order.len(), TEACHING_ORDER.len(), "an id listed twice");
    assert_eq!(ids, order);
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/README.md"))
            .unwrap();
    let mapped: Vec<&str> = readme
        .lines()
        .skip_while(|line| *line != "## Curriculum map")
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
        .collect();
    assert_eq!(mapped, TEACHING_ORDER);
}

#[test]
fn every_language_has_over_a_hundred_questions_each_explained_and_sourced() {
    for language in ["en", "ru"] {
        let quizzes: Vec<CheckedQuiz> = bank()
            .into_iter()
            .filter(|q| q.quiz.language == language)
            .collect();
        let questions: Vec<_> = quizzes.iter().flat_map(|q| &q.quiz.questions).collect();
        assert!(
            questions.len() >= 100,
            "{language}: {} questions",
            questions.len()
        );
        for question in &questions {
            assert!(!question.explanation.trim().is_empty(), "{}", question.id);
            assert!(!question.references.is_empty(), "{}", question.id);
        }
        let with_scenario = questions.iter().filter(|q| q.scenario.is_some()).count();
        assert!(
            with_scenario * 2 > questions.len(),
            "scenario-based questions are the majority"
        );
        let kinds: BTreeSet<&str> = questions.iter().map(|q| q.kind.name()).collect();
        assert_eq!(kinds.len(), 6, "every kind is used: {kinds:?}");
        let branching = questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Branching { .. }))
            .count();
        assert!(branching >= 3, "{branching} branching scenarios");
    }
}

/// The bank carries none of the answer cues `vigil check` looks for, in any language, and silences no rule to get
/// there; every language of the bank has its list of absolute words.
#[test]
fn the_bank_passes_its_own_item_writing_lint_without_silencing_it() {
    let report = check(&built_in_inputs(), &Taxonomy::default());
    let tags: Vec<String> = Rule::ALL
        .iter()
        .map(|rule| format!("({})", rule.name()))
        .collect();
    let cues: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| tags.iter().any(|tag| d.message.ends_with(tag.as_str())))
        .map(ToString::to_string)
        .collect();
    assert!(cues.is_empty(), "{}", cues.join("\n\n"));
    let mut languages = BTreeSet::new();
    for checked in &report.quizzes {
        let quiz = &checked.quiz;
        languages.insert(quiz.language.clone());
        assert!(quiz.lint_allow.is_empty(), "{}", checked.file);
        for question in &quiz.questions {
            assert!(
                question.lint_allow.is_empty(),
                "{} {}",
                checked.file,
                question.id
            );
        }
    }
    assert_eq!(languages, ["en", "kk", "ru"].map(String::from).into());
    for language in &languages {
        assert!(!absolute_words(language).is_empty(), "{language}");
    }
}

/// The audience tags a question may carry; every question carries exactly one.
const AUDIENCES: [&str; 3] = ["police", "ngo", "all"];

/// The one audience tag of a question.
fn audience(question: &Question) -> &str {
    let tags: Vec<&str> = question
        .tags
        .iter()
        .map(String::as_str)
        .filter(|tag| AUDIENCES.contains(tag))
        .collect();
    assert_eq!(tags.len(), 1, "{}: audience {tags:?}", question.id);
    tags[0]
}

/// The seminar's topics of the bank's second round each have their questions; forced marriage, prevention and
/// victims' rights and assistance a quiz of their own with a branching case; and the NGO half of the room finds
/// about as many questions written for it as the police half.
#[test]
fn forced_marriage_prevention_victim_assistance_and_ngo_work_have_their_questions() {
    let quizzes: Vec<CheckedQuiz> = bank()
        .into_iter()
        .filter(|q| q.quiz.language == "en")
        .collect();
    let questions: Vec<&Question> = quizzes.iter().flat_map(|q| &q.quiz.questions).collect();
    let tagged = |tag: &str| {
        questions
            .iter()
            .filter(|q| q.tags.iter().any(|t| t == tag))
            .count()
    };
    for (topic, at_least) in [
        ("forced-marriage", 12),
        ("prevention", 12),
        ("victims-rights", 14),
        ("cooperation", 8),
        ("helplines", 2),
    ] {
        assert!(tagged(topic) >= at_least, "{topic}: {}", tagged(topic));
    }
    for id in ["forced-marriage", "prevention", "victim-assistance"] {
        let quiz = &quizzes.iter().find(|q| q.quiz.id == id).unwrap().quiz;
        assert!(quiz.questions.len() >= 12, "{id}");
        let branching = quiz
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Branching { .. }))
            .count();
        assert_eq!(branching, 1, "{id}");
        let count = |who: &str| quiz.questions.iter().filter(|q| audience(q) == who).count();
        assert!(
            count("ngo") >= 2 * count("police"),
            "{id}: ngo {}, police {}",
            count("ngo"),
            count("police")
        );
    }
    let count = |who: &str| questions.iter().filter(|q| audience(q) == who).count();
    assert!(
        count("ngo") >= 47 && count("police") <= 54,
        "ngo {}, police {}",
        count("ngo"),
        count("police")
    );
}

/// Every person the English files introduce with an age ("Sherzod, 11,") belongs to one quiz only, so that no case
/// of one quiz, and no person of a practice case, turns up again in another (the post-test above all).
#[test]
fn every_person_belongs_to_one_quiz() {
    let mut quizzes_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes");
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(quiz) = file.strip_suffix(".en.ron") else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let words: Vec<&str> = text.split_whitespace().collect();
        for pair in words.windows(2) {
            let name = pair[0].trim_start_matches(|c: char| !c.is_alphabetic());
            let age = pair[1].strip_suffix(',').unwrap_or_default();
            if let Some(name) = name.strip_suffix(',')
                && name.starts_with(char::is_uppercase)
                && name.chars().all(char::is_alphabetic)
                && (1..=2).contains(&age.len())
                && age.chars().all(|c| c.is_ascii_digit())
            {
                quizzes_of
                    .entry(name.to_owned())
                    .or_default()
                    .insert(quiz.to_owned());
            }
        }
    }
    assert!(quizzes_of.len() >= 30, "{:?}", quizzes_of.keys());
    let shared: Vec<_> = quizzes_of.iter().filter(|(_, q)| q.len() > 1).collect();
    assert!(shared.is_empty(), "{shared:?}");
}

/// Form B asks nothing about the cases that replay practice quizzes (version 1's intersection, building site,
/// "nanny" and car wash), so that pre→post gains are not inflated by cases trainees have already discussed.
#[test]
fn the_post_test_does_not_replay_practice_cases() {
    let quizzes = bank();
    let post: Vec<_> = quizzes
        .iter()
        .filter(|q| q.quiz.id == "assessment-post")
        .collect();
    assert_eq!(post.len(), 3, "one form B per language");
    let retired = [
        "intersection-",
        "building-site-",
        "nanny-",
        "referral-roles-task-agency",
    ];
    for checked in post {
        let quiz = &checked.quiz;
        assert!(quiz.version >= 2, "{}", checked.file);
        for question in &quiz.questions {
            assert!(
                !retired.iter().any(|id| question.id.starts_with(id)),
                "{} {}",
                checked.file,
                question.id
            );
        }
    }
}

#[test]
fn the_pre_and_post_forms_are_parallel() {
    let quizzes = bank();
    let form = |id: &str| {
        quizzes
            .iter()
            .find(|q| q.quiz.id == id && q.quiz.language == "en")
            .map(|q| q.quiz.clone())
            .unwrap()
    };
    let (pre, post) = (form("assessment-pre"), form("assessment-post"));
    assert_eq!(pre.questions.len(), 20);
    assert_eq!(post.questions.len(), 20);
    assert_eq!(pre.form_group.as_deref(), Some("curriculum-assessment"));
    assert_eq!(pre.form_group, post.form_group);
    assert_eq!(pre.feedback, FeedbackMode::Deferred);
    assert_eq!(post.feedback, FeedbackMode::Deferred);
    let shape = |quiz: &vigil::quiz::Quiz| {
        quiz.questions
            .iter()
            .map(|q| (q.kind.name(), q.max_points().to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shape(&pre),
        shape(&post),
        "slot by slot the same kind and points"
    );
    let pre_ids: BTreeSet<&str> = pre.questions.iter().map(|q| q.id.as_str()).collect();
    assert!(
        post.questions
            .iter()
            .all(|q| !pre_ids.contains(q.id.as_str())),
        "different questions"
    );
}

#[test]
fn correct_answers_are_spread_over_positions() {
    let mut positions: BTreeMap<usize, usize> = BTreeMap::new();
    for quiz in bank().into_iter().filter(|q| q.quiz.language == "en") {
        for question in &quiz.quiz.questions {
            if let QuestionKind::Single { options } = &question.kind
                && options.len() >= 3
                && let Some(at) = options.iter().position(|o| o.correct)
            {
                *positions.entry(at).or_default() += 1;
            }
        }
    }
    let total: usize = positions.values().sum();
    assert!(total > 40, "{positions:?}");
    for (at, count) in &positions {
        assert!(
            count * 100 / total <= 40,
            "position {at} holds {count} of {total} keys: {positions:?}"
        );
    }
}

#[test]
fn a_quiz_on_disk_replaces_the_built_in_one_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/warm-up.en.ron"),
    )
    .unwrap();
    let changed = original.replacen(
        "title: \"How Vigil works\"",
        "title: \"How Vigil works (room 2)\"",
        1,
    );
    assert_ne!(changed, original);
    std::fs::write(dir.path().join("warm-up.en.ron"), changed).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["list", "--quizzes", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&output.stdout);
    let notes = String::from_utf8_lossy(&output.stderr);
    assert!(listing.contains("How Vigil works (room 2)"), "{listing}");
    assert!(
        notes.contains("replaces built-in/warm-up.en.ron"),
        "{notes}"
    );
}

/// The sources the bank may cite, each under the one title the domain brief's source list gives it (a legal
/// instrument is followed by its article: `Palermo Protocol, Art. 3(c)`).
const SOURCES: [&str; 67] = [
    "Blue Blindfold, sexual exploitation",
    "CACI Analyst news digest, 10 July 2003",
    "CRC General Comment No. 6 (2005)",
    "CRC commentary",
    "Child Safety in Europe, Definitions",
    "Council of Europe Convention on Action against Trafficking in Human Beings",
    "Criminal Code of the Republic of Kazakhstan (2014)",
    "ECPAT International, Terminology and acronyms",
    "Europol, Online sexual coercion and extortion (#SayNo campaign)",
    "Girls Not Brides, Kazakhstan",
    "HEUNI, training material on identifying victims",
    "IREX, national helpline 150",
    "IWPR, Curbing Human Trafficking in Kazakstan (2012)",
    "Human Rights Watch, \"Hellish Work\" (2010)",
    "ISPCAN, Terminology Guidelines for the Protection of Children from Sexual Exploitation and Sexual Abuse (Luxembourg, 28 Jan 2016)",
    "IOM Kazakhstan, World Day against Trafficking in Persons 2015",
    "IOM, 25 Years of Anti-Trafficking Activities in Kazakhstan",
    "IOM, Terminology: trafficking in persons",
    "Irish Department of Justice, Blue Blindfold: child trafficking",
    "Kyiv Post, underage marriage in Kazakhstan",
    "La Strada International, How far can we extend the non-punishment principle?",
    "Labirint, Kazakhstan trafficking guide",
    "Lanzarote Committee, Opinion on Art. 23 (2015)",
    "Law of Kazakhstan on Combating Human Trafficking (5 July 2024, No. 110-VIII)",
    "Molo Songololo resource manual, interviewing",
    "NHRI Norway, GRETA recommendations on identification of child victims",
    "OSCE Action Plan to Combat Trafficking in Human Beings, PC.DEC/557",
    "OSCE Centre in Astana, seminars 2011-2012",
    "OSCE OSR/CTHB (2013), Recommendations on the non-punishment provision",
    "OSCE POLIS, NRM handbook (2004)",
    "OSCE Permanent Council Decision No. 557, OSCE Action Plan to Combat Trafficking in Human Beings (24 July 2003), preamble",
    "OSCE SPMU, identification guide launch (2011)",
    "OSCE Special Representative statement, 13 December 2005",
    "OSCE, Combating trafficking in human beings",
    "OSCE/ODIHR, National Referral Mechanisms handbook (2nd ed., 2022)",
    "OVC TTAC, Interpreters",
    "Optional Protocol on the Sale of Children",
    "Palermo Protocol",
    "RESPECT, summary of Decision No. 557",
    "RFE/RL, Kyrgyzstan urged to crack down on bride kidnapping",
    "StopVAW, NRM handbook release (2004)",
    "Supreme Court of Kazakhstan, Normative Resolution No. 7 (29 Dec 2012)",
    "The New Humanitarian (IRIN), on the UNODC manual",
    "UK National Crime Agency alert on financially motivated sexual extortion (as reported by Youth Work Unit)",
    "UN Convention on the Rights of the Child",
    "UN Women Virtual Knowledge Centre, child victims of sex trafficking",
    "UN.GIFT, About human trafficking",
    "UNFPA EECA, Child marriage in Kazakhstan",
    "UNICEF press release, 31 March 2010",
    "UNICEF, Guidelines on the Protection of Child Victims of Trafficking (2006)",
    "UNICEF, Risks and Realities of Child Trafficking in Central Asia (2010)",
    "UNODC E4J Module 6, Indicators of trafficking in persons",
    "UNODC ROCA, Victims not Villains",
    "UNODC, Anti-human trafficking manual for criminal justice practitioners, Module 8",
    "UNODC, Human Trafficking Indicators",
    "UNODC, Human Trafficking Indicators: domestic servitude",
    "UNODC, Human Trafficking Indicators: labour exploitation",
    "UNODC, Human Trafficking Indicators: sexual exploitation",
    "US TIP Report 2006, Kazakhstan",
    "US TIP Report 2010, Kazakhstan",
    "US TIP Report 2011, Kazakhstan",
    "US TIP Report 2013, Kazakhstan",
    "US TIP Report 2022, Kazakhstan",
    "US TIP Report 2023, Kazakhstan",
    "US TIP Reports 2017/2019/2020/2022/2023, Kazakhstan",
    "Vigil help screen (press ?)",
    "WHO ten interviewing principles",
];

/// The cited source of a reference: its title without the article (`Palermo Protocol, Art. 3(c)`).
fn source(reference: &str) -> &str {
    reference
        .split_once(", Art. ")
        .map_or(reference, |(source, _)| source)
}

/// Splits a translated reference, `local title (English reference)`, at its last bracketed part.
fn bilingual(reference: &str) -> Option<(&str, &str)> {
    let inner = reference.strip_suffix(')')?;
    let mut depth = 0usize;
    for (at, c) in inner.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                return Some((inner[..at].strip_suffix(' ')?, &inner[at + 1..]));
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The warm-up's note on Vigil's own help screen, which translations name in a shorter English form.
const HELP_SCREEN: &str = "Vigil help screen";

#[test]
fn every_source_is_cited_under_one_title() {
    let mut unknown = BTreeSet::new();
    for quiz in bank().into_iter().filter(|q| q.quiz.language == "en") {
        for question in &quiz.quiz.questions {
            for reference in &question.references {
                if !SOURCES.contains(&source(reference)) {
                    unknown.insert(format!("{} {}: {reference}", quiz.quiz.id, question.id));
                }
            }
        }
    }
    assert!(unknown.is_empty(), "{unknown:#?}");
}

/// The warm-up's note on Vigil's own help screen, in Russian and Kazakh: the app's words, with no English title.
const HELP_SCREEN_LOCAL: [&str; 2] = ["Справка Vigil", "Vigil анықтамасы"];

/// A translation cites each source by its title in the translation's language, then in brackets exactly as the
/// English file cites it, and gives each source one title per language.
#[test]
fn translations_cite_every_source_in_their_language_and_in_english() {
    let quizzes = bank();
    let cited_in_english: BTreeMap<(&str, &str), Vec<&str>> = quizzes
        .iter()
        .filter(|q| q.quiz.language == "en")
        .flat_map(|q| {
            q.quiz.questions.iter().map(|question| {
                let references = question.references.iter().map(String::as_str);
                let sources = references.filter(|r| !r.starts_with(HELP_SCREEN));
                (
                    (q.quiz.id.as_str(), question.id.as_str()),
                    sources.collect(),
                )
            })
        })
        .collect();
    let is_cyrillic = |c: char| ('\u{0400}'..='\u{04FF}').contains(&c);
    let mut titles: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    let mut problems = BTreeSet::new();
    for quiz in quizzes.iter().filter(|q| q.quiz.language != "en") {
        let language = quiz.quiz.language.as_str();
        for question in &quiz.quiz.questions {
            let place = format!("{}.{language} {}", quiz.quiz.id, question.id);
            let mut cited = Vec::new();
            for reference in &question.references {
                if HELP_SCREEN_LOCAL
                    .iter()
                    .any(|help| reference.starts_with(help))
                {
                    continue;
                }
                let Some((local, english)) = bilingual(reference) else {
                    problems.insert(format!("{place}: not bilingual: {reference}"));
                    continue;
                };
                if !local.chars().any(is_cyrillic) {
                    problems.insert(format!("{place}: not translated: {reference}"));
                }
                if english.starts_with(HELP_SCREEN) {
                    continue;
                }
                cited.push(english);
                let title = match english.split_once(", Art. ") {
                    Some(_) => local.rsplit_once(", ").map_or(local, |(title, _)| title),
                    None => local,
                };
                titles
                    .entry((language, source(english)))
                    .or_default()
                    .insert(title);
            }
            let expected = &cited_in_english[&(quiz.quiz.id.as_str(), question.id.as_str())];
            if &cited != expected {
                problems.insert(format!("{place}: cites {cited:?}, English {expected:?}"));
            }
        }
    }
    for ((language, source), local) in &titles {
        if local.len() > 1 {
            problems.insert(format!("{language}: {source} under {local:?}"));
        }
    }
    let english_sources: BTreeSet<&str> = cited_in_english
        .values()
        .flatten()
        .map(|r| source(r))
        .collect();
    let russian_sources: BTreeSet<&str> = titles
        .keys()
        .filter(|(l, _)| *l == "ru")
        .map(|(_, s)| *s)
        .collect();
    assert_eq!(
        russian_sources, english_sources,
        "every source has a Russian title"
    );
    assert!(problems.is_empty(), "{problems:#?}");
}
