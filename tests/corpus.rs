//! Every broken or hostile file in `tests/corpus/` gives a clear error of the expected kind, naming the file
//! and (for syntax errors) the line and column, and never a panic, a hang or an out-of-memory kill.

use std::path::{Path, PathBuf};

use waymark::io::{LoadError, MAX_FILE_BYTES, load_file, parse_map};
use waymark::model::ValidationError;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// What a corpus file must give.
enum Expect {
    Empty,
    NotUtf8,
    /// A syntax error at this line and column whose message contains the text.
    Syntax(usize, usize, &'static str),
    NewerVersion(u32),
    UnknownVersion(u32),
    Invalid(fn(&ValidationError) -> bool),
}

const CASES: &[(&str, Expect)] = &[
    ("empty.ron", Expect::Empty),
    ("bom_and_whitespace.ron", Expect::Empty),
    (
        "truncated.ron",
        Expect::Syntax(9, 19, "string is not closed"),
    ),
    ("not_utf8.ron", Expect::NotUtf8),
    ("not_ron.ron", Expect::Syntax(1, 1, "Map")),
    ("json.ron", Expect::Syntax(1, 1, "“( )”")),
    ("deeply_nested.ron", Expect::Syntax(1, 38, "Stage")),
    (
        "deeply_nested_unknown_field.ron",
        Expect::Syntax(1, 102, "nested more than 64 levels"),
    ),
    (
        "duplicate_ids.ron",
        Expect::Invalid(|e| *e == ValidationError::DuplicateId(1)),
    ),
    (
        "card_missing_stage.ron",
        Expect::Invalid(|e| *e == ValidationError::CardInMissingStage { card: 5, stage: 99 }),
    ),
    (
        "card_missing_lane.ron",
        Expect::Invalid(|e| *e == ValidationError::CardInMissingLane { card: 5, lane: 42 }),
    ),
    (
        "card_in_emotions_lane.ron",
        Expect::Invalid(|e| *e == ValidationError::CardInEmotionsLane { card: 5 }),
    ),
    (
        "score_out_of_range.ron",
        Expect::Invalid(|e| *e == ValidationError::ScoreOutOfRange { lane: 4, score: 5 }),
    ),
    ("score_not_a_byte.ron", Expect::Syntax(10, 76, "too large")),
    (
        "photo_not_an_image.ron",
        Expect::Syntax(4, 40, "photo: the picture is not a PNG"),
    ),
    (
        "photo_not_base64.ron",
        Expect::Syntax(4, 40, "photo is not valid base64"),
    ),
    ("newer_version.ron", Expect::NewerVersion(99)),
    ("version_zero.ron", Expect::UnknownVersion(0)),
    (
        "version_wrong_type.ron",
        Expect::Syntax(2, 11, "whole number"),
    ),
    (
        "version_missing.ron",
        Expect::Syntax(15, 1, "“version” is missing"),
    ),
    (
        "wrong_type_title.ron",
        Expect::Syntax(3, 9, "text in quotes"),
    ),
    (
        "unknown_lane_kind.ron",
        Expect::Syntax(9, 36, "“Feelings” is not one of"),
    ),
    (
        "id_at_limit.ron",
        Expect::Invalid(|e| *e == ValidationError::IdTooLarge(u64::MAX)),
    ),
    (
        "stage_width_nan.ron",
        Expect::Invalid(|e| *e == ValidationError::BadStageWidth { stage: 1 }),
    ),
    (
        "link_to_missing_card.ron",
        Expect::Invalid(|e| *e == ValidationError::LinkToMissingCard { link: 7, card: 42 }),
    ),
    (
        "link_to_itself.ron",
        Expect::Invalid(|e| *e == ValidationError::SelfLink { link: 7 }),
    ),
    (
        "link_without_target.ron",
        Expect::Invalid(|e| *e == ValidationError::LinkWithoutTarget { link: 7 }),
    ),
    (
        "link_repeated.ron",
        Expect::Invalid(|e| *e == ValidationError::DuplicateLink { link: 8 }),
    ),
    (
        "link_unknown_kind.ron",
        Expect::Syntax(17, 41, "“Teleport” is not one of"),
    ),
];

fn check(path: &Path, expect: &Expect) {
    let error = match load_file(path) {
        Ok(_) => panic!("{} loaded, but it is broken", path.display()),
        Err(error) => error,
    };
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "the message does not name the file: {message}"
    );
    match (expect, &error) {
        (Expect::Empty, LoadError::Empty { .. }) => {}
        (Expect::NotUtf8, LoadError::NotUtf8 { .. }) => {}
        (
            Expect::Syntax(line, column, words),
            LoadError::Syntax {
                line: l, column: c, ..
            },
        ) => {
            assert_eq!((*l, *c), (*line, *column), "{message}");
            assert!(
                message.contains(&format!("line {line}, column {column}")),
                "{message}"
            );
            assert!(message.contains(words), "{message}");
        }
        (Expect::NewerVersion(v), LoadError::NewerVersion { version, .. }) => {
            assert_eq!(v, version);
            assert!(message.contains("update Waymark"), "{message}");
        }
        (Expect::UnknownVersion(v), LoadError::UnknownVersion { version, .. }) => {
            assert_eq!(v, version);
        }
        (Expect::Invalid(wanted), LoadError::Invalid { problems, .. }) => {
            assert!(problems.iter().any(wanted), "{message}");
        }
        _ => panic!("{}: unexpected kind of error: {message}", path.display()),
    }
}

#[test]
fn every_broken_file_gives_the_expected_error() {
    for (name, expect) in CASES {
        check(&corpus(name), expect);
    }
}

#[test]
fn every_file_in_the_corpus_is_covered() {
    // A file added to the corpus without an expectation would test nothing.
    let mut names: Vec<String> = std::fs::read_dir(corpus(""))
        .expect("the corpus folder")
        .map(|entry| entry.expect("a corpus entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name != "valid_minimal.ron")
        .collect();
    names.sort();
    let mut covered: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    covered.sort();
    assert_eq!(names, covered);
}

#[test]
fn the_corpus_base_is_valid() {
    // Every broken file is this one with one thing changed; it must itself load.
    let map = load_file(&corpus("valid_minimal.ron")).expect("the valid corpus map loads");
    assert_eq!(
        (map.stages.len(), map.lanes.len(), map.cards.len()),
        (2, 2, 1)
    );
}

#[test]
fn an_enormous_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("enormous.ron");
    let file = std::fs::File::create(&path).expect("create the file");
    // A sparse file: huge on paper, instant to make; reading it would take seconds and hundreds of MB.
    file.set_len(MAX_FILE_BYTES + 1).expect("grow the file");
    // TooLarge carries the size from the file's metadata: the refusal comes before any byte is read.
    match load_file(&path) {
        Err(LoadError::TooLarge { bytes, .. }) => assert_eq!(bytes, MAX_FILE_BYTES + 1),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let message = load_file(&path).expect_err("too large").to_string();
    assert!(message.contains("enormous.ron") && message.contains("too large"));
}

#[test]
fn a_folder_is_not_a_map() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let message = load_file(dir.path()).expect_err("a folder").to_string();
    assert!(message.contains("folder"), "{message}");
}

#[test]
fn a_missing_file_says_so() {
    let path = corpus("no_such_map.ron");
    let error = load_file(&path).expect_err("missing");
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(error.to_string().contains("no_such_map.ron"));
}

#[test]
fn a_photo_that_is_a_broken_png_gives_an_error() {
    use base64::Engine as _;
    let mut png = Vec::new();
    image::RgbaImage::new(8, 8)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encode a PNG");
    png.truncate(png.len() / 2);
    let photo = base64::engine::general_purpose::STANDARD.encode(&png);
    let text = std::fs::read_to_string(corpus("valid_minimal.ron")).expect("read the corpus map");
    let text = text.replacen(
        "  stages: [",
        &format!("  persona: (photo: Some(\"{photo}\")),\n  stages: ["),
        1,
    );
    match parse_map(&text) {
        Err(LoadError::Syntax {
            line: 4, message, ..
        }) => {
            assert!(message.contains("photo"), "{message}")
        }
        other => panic!("expected a photo error on line 4, got {other:?}"),
    }
}

#[test]
fn a_large_photo_in_a_file_is_scaled_down_when_the_map_is_read() {
    // Another program may store a photo far larger than the editor keeps; the canvas uploads the photo as one
    // texture, which drivers limit to 4096 or 8192 pixels.
    use base64::Engine as _;
    let mut png = Vec::new();
    image::RgbaImage::from_pixel(9000, 300, image::Rgba([10, 120, 200, 255]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encode a PNG");
    let photo = base64::engine::general_purpose::STANDARD.encode(&png);
    let text = std::fs::read_to_string(corpus("valid_minimal.ron")).expect("read the corpus map");
    let text = text.replacen(
        "  stages: [",
        &format!("  persona: (photo: Some(\"{photo}\")),\n  stages: ["),
        1,
    );
    let map = parse_map(&text).expect("the map reads");
    let photo = map.persona.photo.expect("the photo is kept");
    let [width, height] = photo.size();
    assert!(
        width <= waymark::model::MAX_PHOTO_SIDE && height <= waymark::model::MAX_PHOTO_SIDE,
        "the photo is {width}×{height}"
    );
    assert_eq!(width, waymark::model::MAX_PHOTO_SIDE, "its shape is kept");
    let stored = photo.to_rgba().expect("the stored photo decodes");
    assert_eq!([stored.width(), stored.height()], [width, height]);
}

#[test]
fn validation_accepts_a_huge_map() {
    // Checking cards against stages one by one would take minutes here (the suite would visibly hang); how fast
    // loading (validation included) really is, is measured by `cargo bench --bench frame` (open_ms).
    let mut map = waymark::model::Map::with_stages("huge", &[], false);
    for i in 0..50_000 {
        let id = waymark::model::StageId(map.allocate_id());
        map.stages
            .push(waymark::model::Stage::new(id, &format!("stage {i}")));
    }
    let lane = map.lanes[0].id;
    for i in 0..100_000 {
        let id = waymark::model::CardId(map.allocate_id());
        map.cards.push(waymark::model::Card {
            id,
            stage: map.stages[i % 50_000].id,
            lane,
            text: String::new(),
            color: Default::default(),
            channel: None,
            personas: Vec::new(),
        });
    }
    assert!(map.validate().is_empty());
}
