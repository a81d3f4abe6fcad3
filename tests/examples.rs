//! The example maps in `assets/examples/`: each loads and validates, is stored exactly as Waymark saves it (so
//! editing one in Waymark gives a clean diff), follows its stage model, and exports from the command line as the
//! README shows. The stroller example is the sample map the editor opens with.
//!
//! After a deliberate change to the file format, rewrite the examples in the new form with
//! `WAYMARK_UPDATE_EXAMPLES=1 cargo test --test examples`.

use std::path::{Path, PathBuf};
use std::process::Command;

use waymark::io::{load_file, to_ron_string};
use waymark::model::templates::{Language, Template};
use waymark::model::{LaneKind, Map};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples")
}

/// Every `.ron` file in the examples folder, so that a new example is checked without listing it here.
fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("assets/examples is readable")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn example(name: &str) -> Map {
    let path = examples_dir().join(name);
    load_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_example_loads_and_validates() {
    let files = example_files();
    let names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    for expected in ["crm-b2b.ron", "protein-bars.ron", "stroller.ron"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    for path in &files {
        let map = load_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(map.validate().is_empty(), "{}", path.display());
        assert!(!map.title.is_empty(), "{} has a title", path.display());
        assert!(
            !map.persona.name.is_empty(),
            "{} has a persona",
            path.display()
        );
        for stage in &map.stages {
            assert!(
                map.lanes
                    .iter()
                    .filter(|l| l.kind == LaneKind::Actions)
                    .any(|lane| map.cards_in(stage.id, lane.id).next().is_some()),
                "{}: stage {:?} has actions",
                path.display(),
                stage.name
            );
            assert!(
                map.lanes
                    .iter()
                    .filter(|l| l.kind == LaneKind::Emotions)
                    .any(|lane| lane.emotion_at(stage.id).is_some()),
                "{}: stage {:?} has an emotion score",
                path.display(),
                stage.name
            );
        }
    }
}

#[test]
fn examples_are_stored_as_waymark_saves_them() {
    let update = std::env::var_os("WAYMARK_UPDATE_EXAMPLES").is_some();
    for path in example_files() {
        let text = std::fs::read_to_string(&path).expect("the example reads");
        let map = load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let saved = to_ron_string(&map).expect("the example writes");
        if update {
            std::fs::write(&path, &saved).expect("the example is rewritten");
        } else {
            assert!(
                text == saved,
                "{} is not in the form Waymark saves; rewrite it with \
                 WAYMARK_UPDATE_EXAMPLES=1 cargo test --test examples",
                path.display()
            );
        }
    }
}

#[test]
fn the_sample_map_is_the_stroller_example() {
    assert_eq!(
        waymark::model::sample::stroller_map(),
        example("stroller.ron")
    );
}

#[test]
fn examples_follow_their_stage_models() {
    let names = |map: &Map| {
        map.stages
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    let protein = example("protein-bars.ron");
    assert_eq!(
        names(&protein),
        Template::Russian12.stage_names(Language::Russian)
    );
    assert!(protein.persona.name.contains("Аристарх"));
    let crm = example("crm-b2b.ron");
    assert_eq!(names(&crm), Template::B2b7.stage_names(Language::English));
    for map in [&protein, &crm] {
        for kind in [
            LaneKind::Actions,
            LaneKind::Thoughts,
            LaneKind::Emotions,
            LaneKind::Barriers,
            LaneKind::Touchpoints,
        ] {
            assert!(
                map.lanes.iter().any(|l| l.kind == kind),
                "{}: a {kind:?} lane",
                map.title
            );
        }
    }
}

/// The README's first export command, run as written from the project folder.
#[test]
fn the_readme_export_command_works_on_the_stroller_example() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("stroller.png");
    let output = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["export", "assets/examples/stroller.ron", "-o"])
        .arg(&out)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the waymark binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let picture = image::open(&out).expect("the export is a PNG");
    let layout = waymark::export::layout(&example("stroller.ron"));
    let (width, height, _) = waymark::export::png_pixel_size(
        layout.size,
        waymark::export::PngSize::Scale(1.0),
        waymark::export::MAX_PNG_PIXELS,
    )
    .expect("the sample has a size");
    assert_eq!((picture.width(), picture.height()), (width, height));
}
