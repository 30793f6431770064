//! `vigil roster import` from the command line: an Excel CSV becomes the roster block of vigil.ron, checked
//! against the config's groups.

mod common;

use common::{stdout, vigil};

const CONFIG: &str = r#"(
    format: 1,
    session: "almaty-2010-04",
    phase: pre,
    groups: [
        (id: "police", label: (en: "Police", ru: "Полиция", kk: "Полиция")),
        (id: "ngo", label: (en: "NGO", ru: "НПО", kk: "ҮЕҰ")),
    ],
)
"#;

#[test]
fn a_russian_excel_csv_becomes_a_roster_that_the_config_accepts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vigil.ron"), CONFIG).unwrap();
    let (csv, _, _) = encoding_rs::WINDOWS_1251
        .encode("Код;ФИО;Группа\r\nP01;Иванов Иван;Полиция\r\nP02;Айдос;ngo\r\n");
    std::fs::write(dir.path().join("roster.csv"), &csv).unwrap();
    let imported = vigil(&["roster", "import", "roster.csv"], dir.path());
    assert_eq!(imported.status.code(), Some(0), "{imported:?}");
    let block = stdout(&imported);
    assert!(
        block.contains("(code: \"P01\", name: \"Иванов Иван\", group: \"police\"),"),
        "{block}"
    );
    let err = String::from_utf8_lossy(&imported.stderr);
    assert!(
        err.contains("Windows-1251") && err.contains("2 participants"),
        "{err}"
    );

    let config = CONFIG.replace("    groups:", &format!("{block}    groups:"));
    std::fs::write(dir.path().join("vigil.ron"), config).unwrap();
    let checked = vigil(&["check", "vigil.ron"], dir.path());
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
}

#[test]
fn a_group_the_config_does_not_have_is_named_with_its_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vigil.ron"), CONFIG).unwrap();
    std::fs::write(
        dir.path().join("roster.csv"),
        "P01,Aidos,police\nP02,Dana,social\n",
    )
    .unwrap();
    let imported = vigil(
        &["roster", "import", "roster.csv", "--out", "block.ron"],
        dir.path(),
    );
    assert_eq!(imported.status.code(), Some(1));
    let err = String::from_utf8_lossy(&imported.stderr);
    assert!(
        err.contains("roster.csv:2:")
            && err.contains("`social` is not a group of the config")
            && err.contains("police, ngo"),
        "{err}"
    );
    assert!(!dir.path().join("block.ron").exists());
}

#[test]
fn the_problems_of_a_roster_are_told_in_the_trainers_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vigil.ron"), CONFIG).unwrap();
    std::fs::write(
        dir.path().join("roster.csv"),
        "P01,Aidos,police\nP01,Dana,social\nP03,,ngo\n",
    )
    .unwrap();
    let expected = [
        (
            "ru",
            [
                "roster.csv:2:10: ошибка: в конфигурации нет группы `social`",
                "= подсказка: укажите одну из групп конфигурации: police, ngo",
                "roster.csv:3:1: ошибка: пустая ячейка: имя",
                "vigil roster: 2 проблемы; ничего не импортировано",
            ],
        ),
        (
            "kk",
            [
                "roster.csv:2:10: қате: конфигурацияда `social` тобы жоқ",
                "= кеңес: конфигурациядағы топтардың бірін жазыңыз: police, ngo",
                "roster.csv:3:1: қате: бос ұяшық: аты",
                "vigil roster: 2 мәселе; ештеңе импортталмады",
            ],
        ),
    ];
    for (lang, lines) in expected {
        let imported = vigil(
            &["--lang", lang, "roster", "import", "roster.csv"],
            dir.path(),
        );
        assert_eq!(imported.status.code(), Some(1), "{imported:?}");
        let err = String::from_utf8_lossy(&imported.stderr);
        for line in lines {
            assert!(err.contains(line), "{lang}: {line}\n{err}");
        }
    }
}
