//! Finding and reading the trainer's config: lookup order, overrides, positioned errors, the room key.

use std::path::{Path, PathBuf};
use std::process::Command;

use vigil::config::{ConfigError, Environment, Overrides, locate};
use vigil::record::Phase;

fn env(cwd: &Path, results_env: Option<PathBuf>) -> Environment {
    Environment {
        cwd: cwd.to_path_buf(),
        results_env,
        data_dir: Some(cwd.join("data")),
    }
}

fn write_config(folder: &Path, session: &str, extra: &str) {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::write(
        folder.join("vigil.ron"),
        format!("(format: 1, session: \"{session}\", phase: post, {extra})"),
    )
    .unwrap();
}

#[test]
fn without_a_config_defaults_apply_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let located = locate(&Overrides::default(), &env(dir.path(), None)).unwrap();
    assert!(located.path.is_none());
    assert_eq!(located.config.session, "self-study");
    assert_eq!(located.config.phase, Phase::Practice);
    assert_eq!(located.results, dir.path().join("data").join("results"));
}

#[test]
fn lookup_order_is_flag_then_here_then_the_results_folder() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    write_config(&shared, "from-results", "");
    let located = locate(
        &Overrides::default(),
        &env(dir.path(), Some(shared.clone())),
    )
    .unwrap();
    assert_eq!(located.config.session, "from-results");
    assert_eq!(located.results, shared);

    write_config(dir.path(), "from-here", "results: \"room\"");
    let located = locate(
        &Overrides::default(),
        &env(dir.path(), Some(shared.clone())),
    )
    .unwrap();
    assert_eq!(located.config.session, "from-here");
    assert_eq!(
        located.results, shared,
        "VIGIL_RESULTS beats the config's folder"
    );
    let located = locate(&Overrides::default(), &env(dir.path(), None)).unwrap();
    assert_eq!(located.results, dir.path().join("room"));

    write_config(&dir.path().join("elsewhere"), "from-flag", "");
    let overrides = Overrides {
        config: Some(PathBuf::from("elsewhere/vigil.ron")),
        session: Some("renamed".into()),
        phase: Some(Phase::Pre),
        ..Overrides::default()
    };
    let located = locate(&overrides, &env(dir.path(), None)).unwrap();
    assert_eq!(located.path, Some(dir.path().join("elsewhere/vigil.ron")));
    assert_eq!(located.config.session, "renamed");
    assert_eq!(located.config.phase, Phase::Pre);
}

#[test]
fn an_edit_to_the_shared_config_is_seen_at_the_next_lookup() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "almaty", "");
    let environment = env(dir.path(), None);
    assert_eq!(
        locate(&Overrides::default(), &environment)
            .unwrap()
            .config
            .phase,
        Phase::Post
    );
    std::fs::write(
        dir.path().join("vigil.ron"),
        "(format: 1, session: \"almaty\", phase: practice)",
    )
    .unwrap();
    assert_eq!(
        locate(&Overrides::default(), &environment)
            .unwrap()
            .config
            .phase,
        Phase::Practice
    );
}

#[test]
fn an_invalid_config_gives_positioned_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("vigil.ron"),
        "(\n    format: 1,\n    session: \"almaty\",\n    phaze: post,\n)",
    )
    .unwrap();
    let Err(ConfigError::Invalid(findings)) = locate(&Overrides::default(), &env(dir.path(), None))
    else {
        panic!("expected an invalid config");
    };
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].line, findings[0].column), (Some(4), Some(5)));
    assert_eq!(findings[0].hint.as_deref(), Some("did you mean `phase`?"));
    assert!(findings[0].file.ends_with("vigil.ron"));
}

#[test]
fn the_room_key_is_read_relative_to_the_config_and_must_be_long_enough() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "almaty", "room_key: \"keys/trainer.key\"");
    let missing = locate(&Overrides::default(), &env(dir.path(), None)).unwrap_err();
    assert!(
        missing.to_string().contains("trainer.key cannot be read"),
        "{missing}"
    );
    std::fs::create_dir(dir.path().join("keys")).unwrap();
    std::fs::write(dir.path().join("keys/trainer.key"), "short").unwrap();
    let short = locate(&Overrides::default(), &env(dir.path(), None)).unwrap_err();
    assert!(short.to_string().contains("shorter than 16 bytes"));
    std::fs::write(
        dir.path().join("keys/trainer.key"),
        "a long enough trainer secret",
    )
    .unwrap();
    assert!(
        locate(&Overrides::default(), &env(dir.path(), None))
            .unwrap()
            .key
            .is_some()
    );
}

fn vigil(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .current_dir(cwd)
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap()
}

#[test]
fn vigil_check_validates_configs_like_quizzes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = vigil(
        &["check", "--deny-warnings", "docs/vigil.example.ron"],
        root,
    );
    assert_eq!(
        example.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&example.stdout)
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("vigil.ron"),
        "(\n    format: 1,\n    session: \"almaty 2010\",\n    phase: pre,\n)",
    )
    .unwrap();
    let output = vigil(&["check", "vigil.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("vigil.ron:3:5: error: session `almaty 2010` is not a valid name"),
        "{text}"
    );
}

#[test]
fn vigil_records_lists_attempts_and_problem_files() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("room");
    std::fs::create_dir(&session).unwrap();
    std::fs::write(session.join("broken.ron"), "(format: 1, attempt: \"x\"").unwrap();
    let output = vigil(
        &["records", "--results", ".", "--format", "json"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let listing: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(listing["records"].as_array().unwrap().len(), 0);
    assert!(
        listing["problems"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("broken.ron")
    );
    let text = vigil(&["records", "--results", "."], dir.path());
    assert!(String::from_utf8_lossy(&text.stdout).contains("0 records, 1 problem file\n"));
}

fn check_config(dir: &Path, file: &str, body: &str, extra_args: &[&str]) -> (Option<i32>, String) {
    std::fs::write(
        dir.join(file),
        format!("(\n    format: 1,\n    session: \"almaty\",\n    phase: pre,\n{body})\n"),
    )
    .unwrap();
    let mut args = vec!["check"];
    args.extend_from_slice(extra_args);
    args.push(file);
    let output = vigil(&args, dir);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).replace('\\', "/"),
    )
}

#[test]
fn check_names_a_phase_quiz_that_does_not_exist_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "    phases: (\n        post: (quizzes: [\"warm-up\", \"assesment-post\"]),\n    ),\n";
    let (code, text) = check_config(dir.path(), "vigil.ron", body, &["--deny-warnings"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.starts_with(
            "vigil.ron:6:37: error: phase `post` offers quiz `assesment-post`, which is neither built in nor in \
             `quiz_folders`\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("= hint: did you mean `assessment-post`?"),
        "{text}"
    );
}

#[test]
fn check_finds_quizzes_in_the_configs_quiz_folders_and_warns_about_a_missing_language() {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    let body = format!(
        "    language: \"kk\",\n    quiz_folders: [\"{}\"],\n    phases: (pre: (quizzes: [\"example-every-kind\"])),\n",
        examples.display().to_string().replace('\\', "/")
    );
    let (code, text) = check_config(dir.path(), "vigil.ron", &body, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains(
            "warning: phase `pre` offers quiz `example-every-kind`, which has no `kk` version (only en)"
        ),
        "{text}"
    );
    let (code, _) = check_config(dir.path(), "vigil.ron", &body, &["--deny-warnings"]);
    assert_eq!(code, Some(1));
}

#[test]
fn check_requires_a_readable_long_enough_key_kept_out_of_the_results_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("results")).unwrap();
    let body = "    results: \"results\",\n    room_key: \"results/trainer.key\",\n";
    let (code, text) = check_config(dir.path(), "vigil.ron", body, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(
            "error: the room key file results/trainer.key cannot be used: no such file or folder"
        ),
        "{text}"
    );
    std::fs::write(dir.path().join("results/trainer.key"), "short").unwrap();
    let (code, text) = check_config(dir.path(), "vigil.ron", body, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("is shorter than 16 bytes"), "{text}");
    std::fs::write(
        dir.path().join("results/trainer.key"),
        "a long enough trainer secret",
    )
    .unwrap();
    let (code, text) = check_config(dir.path(), "vigil.ron", body, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains(
            "warning: the room key file results/trainer.key lies inside the results folder"
        ),
        "{text}"
    );
}

#[test]
fn an_old_config_naming_trainer_key_still_reads_and_check_says_to_rename_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("room.key"), "a long enough room secret").unwrap();
    write_config(dir.path(), "almaty", "trainer_key: \"room.key\"");
    let located = locate(&Overrides::default(), &env(dir.path(), None)).unwrap();
    assert!(located.key.is_some());
    assert_eq!(located.config.room_key, Some(dir.path().join("room.key")));
    let body = "    trainer_key: \"room.key\",\n";
    let (code, text) = check_config(dir.path(), "vigil.ron", body, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("vigil.ron:5:5: warning: `trainer_key` is the old name of `room_key`")
            && text.contains("rename it to `room_key`"),
        "{text}"
    );
    let (code, _) = check_config(dir.path(), "vigil.ron", body, &["--deny-warnings"]);
    assert_eq!(code, Some(1));
}

#[test]
fn check_warns_when_the_results_folder_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let body = "    results: \"no-such-share\",\n";
    let (code, text) = check_config(dir.path(), "vigil.ron", body, &["--deny-warnings"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.starts_with(
            "vigil.ron:5:5: warning: the results folder no-such-share does not exist\n"
        ),
        "{text}"
    );
}

#[test]
fn a_config_is_checked_as_a_config_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let body = "    phases: (pre: (quizzes: [\"warm-upp\"])),\n";
    let (code, text) = check_config(dir.path(), "room-a.ron", body, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("offers quiz `warm-upp`"), "{text}");
    assert!(text.contains("did you mean `warm-up`?"), "{text}");
    assert!(!text.contains("unknown field"), "{text}");
    assert!(
        text.ends_with("checked 1 file (0 quizzes): 1 error, 0 warnings; failed\n"),
        "{text}"
    );
}

#[test]
fn a_phase_feedback_override_never_turns_the_warm_ups_feedback_off() {
    use vigil::quiz::{Bank, FeedbackMode};
    let bank = Bank::load(&[]);
    let quiz = |id: &str| {
        &bank
            .quizzes
            .iter()
            .find(|q| q.quiz.id == id && q.quiz.language == "en")
            .unwrap()
            .quiz
    };
    let (warm_up, pre_test) = (quiz("warm-up"), quiz("assessment-pre"));
    assert_eq!(warm_up.pass_mark, 0);
    let (config, findings) = vigil::config::load::read_config(
        "docs/vigil.example.ron",
        include_bytes!("../docs/vigil.example.ron"),
    );
    assert!(findings.is_empty(), "{findings:?}");
    let phases = config.unwrap().phases;
    for phase in [Phase::Pre, Phase::Practice, Phase::Post] {
        let rules = phases.of(phase);
        assert_eq!(rules.feedback_for(warm_up), None, "{phase:?}");
        assert_eq!(rules.effective_feedback(warm_up), FeedbackMode::Immediate);
    }
    assert_eq!(phases.pre.feedback, Some(FeedbackMode::Deferred));
    assert_eq!(
        phases.pre.feedback_for(pre_test),
        Some(FeedbackMode::Deferred)
    );
    let mut rules = phases.pre.clone();
    rules.feedback = Some(FeedbackMode::Immediate);
    assert_eq!(
        rules.effective_feedback(pre_test),
        FeedbackMode::Immediate,
        "a scored quiz follows the phase"
    );
    let guide = include_str!("../docs/trainer-guide.md");
    assert!(
        guide.contains(
            "pre: (quizzes: [\"warm-up\", \"assessment-pre\"], feedback: deferred, review: false)"
        ),
        "the guide's snippet is the example's rule"
    );
    let example = include_str!("../docs/vigil.example.ron");
    assert!(example.contains(
        "pre: (quizzes: [\"warm-up\", \"assessment-pre\"], feedback: deferred, review: false)"
    ));
}

#[test]
fn keeping_only_codes_needs_a_roster() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "almaty", "store_names: false");
    let error = locate(&Overrides::default(), &env(dir.path(), None)).unwrap_err();
    assert!(error.to_string().contains("store_names: false"), "{error}");
    write_config(
        dir.path(),
        "almaty",
        "store_names: false, roster: [(code: \"P01\", name: \"Aigerim\", group: \"ngo\")]",
    );
    let located = locate(&Overrides::default(), &env(dir.path(), None)).unwrap();
    assert!(!located.config.store_names);
}
