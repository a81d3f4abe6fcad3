//! `waymark import` and `waymark check`, run as a user runs them.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::cards_view;
use waymark::io::csv::import_csv;
use waymark::io::load_file;

/// Runs waymark in English, whatever the machine's locale.
fn waymark(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env("WAYMARK_LANG", "en")
        .output()
        .expect("waymark runs")
}

/// Runs waymark as a Russian user does: the language comes from the locale.
fn waymark_russian(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env_remove("WAYMARK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .expect("waymark runs")
}

#[test]
fn a_russian_locale_gets_russian_summaries_with_plurals_and_russian_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("карточки.csv");
    std::fs::write(&csv, CSV).expect("write csv");
    let map = dir.path().join("карта.ron");
    let out = waymark_russian(&[
        "import".as_ref(),
        csv.as_os_str(),
        "-o".as_ref(),
        map.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("импортировано: 2 этапа, 3 дорожки, 2 карточки («карточки»)"),
        "{stdout}"
    );

    let corpus = Path::new("tests/corpus");
    let out = waymark_russian(&[
        "check".as_ref(),
        corpus.join("valid_minimal.ron").as_os_str(),
        corpus.join("truncated.ron").as_os_str(),
    ]);
    assert!(!out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("valid_minimal.ron: 2 этапа, 2 дорожки, 1 карточка («"),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("truncated.ron: строка 9, столбец 19"),
        "{stderr}"
    );

    let out = waymark_russian(&["check".as_ref(), dir.path().join("нет.ron").as_os_str()]);
    assert!(
        text(&out.stderr).contains("не удалось прочитать"),
        "{}",
        text(&out.stderr)
    );

    let out = waymark_russian(&["--help".as_ref()]);
    let help = text(&out.stdout);
    assert!(
        help.contains("Использование:") && help.contains("Показать справку"),
        "{help}"
    );
    assert!(!help.contains("Print help"), "{help}");

    let forced = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["check", "tests/corpus/valid_minimal.ron"])
        .env("LANG", "ru_RU.UTF-8")
        .env("WAYMARK_LANG", "en")
        .output()
        .expect("waymark runs");
    assert!(
        text(&forced.stdout).contains("2 stages, 2 lanes, 1 card"),
        "WAYMARK_LANG wins"
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const CSV: &str = "\u{feff}Этап;Дорожка;Текст;Оценка;Цвет\n\
    Поиск;Действия;\"Гуглит модель, смотрит фото\";;\n\
    Поиск;Эмоции;Интерес;1;\n\
    Покупка;Барьеры;Нет условий доставки;;Розовый\n";

#[test]
fn import_writes_a_map_that_loads_with_the_same_cards() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("коляска.csv");
    let map = dir.path().join("коляска.ron");
    std::fs::write(&csv, CSV).expect("write the CSV");
    let out = waymark(&[
        "import".as_ref(),
        csv.as_os_str(),
        "-o".as_ref(),
        map.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("2 stages, 3 lanes, 2 cards"),
        "{}",
        text(&out.stdout)
    );
    let loaded = load_file(&map).expect("the imported map loads");
    assert_eq!(loaded.title, "коляска");
    let expected = import_csv(CSV).expect("the CSV imports");
    assert_eq!(cards_view(&loaded), cards_view(&expected));
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
}

#[test]
fn a_failed_import_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("bad.csv");
    let map = dir.path().join("bad.ron");
    std::fs::write(&csv, "stage,lane,text,color\nA,Actions,x,Magenta\n").expect("write the CSV");
    let out = waymark(&[
        "import".as_ref(),
        csv.as_os_str(),
        "-o".as_ref(),
        map.as_os_str(),
    ]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("bad.csv") && stderr.contains("row 2") && stderr.contains("Magenta"),
        "{stderr}"
    );
    assert!(!map.exists());

    // A folder that does not exist: a clear message, and nothing written anywhere.
    std::fs::write(&csv, CSV).expect("write the CSV");
    let nowhere = dir.path().join("no such folder").join("map.ron");
    let out = waymark(&[
        "import".as_ref(),
        csv.as_os_str(),
        "-o".as_ref(),
        nowhere.as_os_str(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("could not be saved"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn import_refuses_to_overwrite_its_own_csv() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("map.csv");
    std::fs::write(&csv, CSV).expect("write the CSV");
    let out = waymark(&[
        "import".as_ref(),
        csv.as_os_str(),
        "-o".as_ref(),
        csv.as_os_str(),
    ]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&csv).expect("read"), CSV);
}

#[test]
fn check_summarises_good_files_and_fails_on_a_bad_one() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let good = corpus.join("valid_minimal.ron");
    let bad = corpus.join("truncated.ron");
    let out = waymark(&["check".as_ref(), good.as_os_str(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("valid_minimal.ron: 2 stages, 2 lanes, 1 card"),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("truncated.ron: line 9, column 19"),
        "{stderr}"
    );

    let out = waymark(&["check".as_ref(), good.as_os_str()]);
    assert!(out.status.success());
}

#[test]
fn check_reads_csv_files_too() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("cards.csv");
    std::fs::write(&csv, CSV).expect("write the CSV");
    let out = waymark(&["check".as_ref(), csv.as_os_str()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 stages, 3 lanes, 2 cards"));
}

#[test]
fn check_without_files_explains_itself() {
    let out = waymark(&["check".as_ref()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("FILE"), "{}", text(&out.stderr));
}

#[test]
fn command_line_mistakes_are_explained_in_the_users_language() {
    let unknown = waymark_russian(&["--frobnicate".as_ref()]);
    assert_eq!(unknown.status.code(), Some(2));
    let said = text(&unknown.stderr);
    assert!(said.contains("параметра «--frobnicate» нет"), "{said}");
    assert!(said.contains("waymark --help"), "{said}");
    assert!(
        !said.contains("unexpected argument"),
        "clap's English: {said}"
    );

    let format = waymark_russian(&[
        "report".as_ref(),
        "map.ron".as_ref(),
        "--format".as_ref(),
        "xml".as_ref(),
    ]);
    assert_eq!(format.status.code(), Some(2));
    let said = text(&format.stderr);
    assert!(
        said.contains("«xml» не подходит") && said.contains("можно: text, json, md"),
        "{said}"
    );

    let english = waymark(&["report".as_ref()]);
    assert_eq!(english.status.code(), Some(2));
    assert!(
        text(&english.stderr).contains("this is missing: <MAP>"),
        "{}",
        text(&english.stderr)
    );
}
