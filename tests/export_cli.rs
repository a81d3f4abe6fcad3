//! `waymark export` on the command line: success, every failure, and that a failure leaves no file behind.

mod common;

use common::files_in;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use waymark::model::sample::stroller_map;

fn waymark(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("WAYMARK_LANG", "en")
        .output()
        .expect("the waymark binary runs")
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    waymark(&args)
}

fn sample_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    waymark::io::save_file(&stroller_map(), &path).expect("the sample map saves");
    path
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_failed_in_one_line(output: &Output, expected: &str) {
    assert!(
        !output.status.success(),
        "the export should have failed; stderr: {}",
        stderr(output)
    );
    let err = stderr(output);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line of error: {err:?}"
    );
    assert!(err.starts_with("waymark: "), "{err:?}");
    assert!(
        err.to_lowercase().contains(&expected.to_lowercase()),
        "the error {err:?} should mention {expected:?}"
    );
}

#[test]
fn exports_png_svg_and_pdf_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    for (name, magic) in [
        ("out.png", &b"\x89PNG"[..]),
        ("out.svg", &b"<?xml"[..]),
        ("out.pdf", &b"%PDF"[..]),
    ] {
        let out = dir.path().join(name);
        let output = run(&[&"export", &map, &"-o", &out]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{name} starts with {magic:?}");
    }
    assert_eq!(
        files_in(dir.path()),
        ["out.pdf", "out.png", "out.svg", "stroller.ron"]
    );
}

#[test]
fn png_options_change_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    let size = |path: &Path| {
        let image = image::open(path).unwrap();
        (image.width(), image.height(), image.color().has_alpha())
    };
    let one = dir.path().join("one.png");
    assert!(run(&[&"export", &map, &"-o", &one]).status.success());
    let two = dir.path().join("two.png");
    let output = run(&[
        &"export",
        &map,
        &"-o",
        &two,
        &"--scale",
        &"2",
        &"--transparent",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let wide = dir.path().join("wide.png");
    assert!(
        run(&[&"export", &map, &"-o", &wide, &"--width", &"800"])
            .status
            .success()
    );
    let (w1, h1, alpha1) = size(&one);
    let (w2, h2, alpha2) = size(&two);
    assert!(
        !alpha1 && alpha2,
        "white is opaque, --transparent has alpha"
    );
    assert!(w2.abs_diff(2 * w1) <= 1 && h2.abs_diff(2 * h1) <= 1);
    assert_eq!(size(&wide).0, 800);
}

#[test]
fn pdf_page_option_gives_a4_landscape() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    let out = dir.path().join("a4.pdf");
    let output = run(&[&"export", &map, &"-o", &out, &"--page", &"a4"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned();
    assert!(
        pdf.contains("/MediaBox [0 0 841.89 595.28]"),
        "an A4 landscape page"
    );
}

#[test]
fn poster_option_prints_the_map_across_a4_sheets() {
    use waymark::export::{Paper, Poster};
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    let out = dir.path().join("poster.pdf");
    let output = run(&[
        &"export",
        &map,
        &"-o",
        &out,
        &"--poster",
        &"a4",
        &"--pages-across",
        &"2",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned();
    let plan = Poster {
        paper: Paper::A4,
        across: 2,
    }
    .plan(waymark::export::layout(&stroller_map()).size);
    assert_eq!(plan.columns, 2);
    assert!(plan.rows >= 2, "{plan:?}");
    assert_eq!(pdf.matches("/Type /Page\n").count(), plan.pages() as usize);
    assert_eq!(
        pdf.matches("/MediaBox [0 0 841.89 595.28]").count(),
        plan.pages() as usize,
        "every sheet is A4 landscape"
    );

    let output = run(&[
        &"export",
        &map,
        &"-o",
        &out,
        &"--poster",
        &"a3",
        &"--pages-across",
        &"0",
    ]);
    assert_failed_in_one_line(&output, "--pages-across must be from 1 to 20");
    let output = run(&[
        &"export",
        &map,
        &"-o",
        &dir.path().join("x.png"),
        &"--poster",
        &"a4",
    ]);
    assert_failed_in_one_line(&output, "--poster applies to PDF only");

    let output = run(&[&"export", &"--help"]);
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.contains("--poster <PAPER>") && help.contains("--pages-across <N>"),
        "{help}"
    );
}

#[test]
fn several_maps_go_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let a = sample_file(dir.path(), "a.ron");
    let b = sample_file(dir.path(), "b.ron");
    let out = dir.path().join("out");
    let output = run(&[&"export", &a, &b, &"-o", &out, &"--format", &"svg"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(files_in(&out), ["a.svg", "b.svg"]);

    // A folder needs the format said.
    let output = run(&[&"export", &a, &b, &"-o", &out]);
    assert_failed_in_one_line(&output, "--format");
}

#[test]
fn a_missing_map_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = sample_file(dir.path(), "good.ron");
    let out = dir.path().join("out.png");
    let output = run(&[&"export", &dir.path().join("missing.ron"), &"-o", &out]);
    assert_failed_in_one_line(&output, "missing.ron");
    // Nothing at all is written when one of several maps is missing.
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let output = run(&[
        &"export",
        &good,
        &dir.path().join("missing.ron"),
        &"-o",
        &folder,
        &"--format",
        &"png",
    ]);
    assert_failed_in_one_line(&output, "missing.ron");
    assert!(files_in(&folder).is_empty());
    assert_eq!(files_in(dir.path()), ["folder", "good.ron"]);
}

#[test]
fn a_broken_map_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(version: 1, title: \"unfinished").unwrap();
    let out = dir.path().join("out.pdf");
    let output = run(&[&"export", &broken, &"-o", &out]);
    assert_failed_in_one_line(&output, "broken.ron");
    assert_eq!(files_in(dir.path()), ["broken.ron"]);
}

#[test]
fn an_unknown_format_fails() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    let output = run(&[&"export", &map, &"-o", &dir.path().join("out.jpg")]);
    assert_failed_in_one_line(&output, ".jpg");
    let output = run(&[&"export", &map, &"-o", &dir.path().join("out")]);
    assert_failed_in_one_line(&output, "extension");
    let output = run(&[
        &"export",
        &map,
        &"-o",
        &dir.path().join("out.png"),
        &"--format",
        &"gif",
    ]);
    assert_failed_in_one_line(&output, "gif");
    let output = run(&[
        &"export",
        &map,
        &"-o",
        &dir.path().join("out.svg"),
        &"--scale",
        &"2",
    ]);
    assert_failed_in_one_line(&output, "--scale");
    assert_eq!(files_in(dir.path()), ["stroller.ron"]);
}

#[test]
fn an_unwritable_output_fails_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    // A folder that does not exist.
    let out = dir.path().join("no-such-folder").join("out.png");
    let output = run(&[&"export", &map, &"-o", &out]);
    assert_failed_in_one_line(&output, "does not exist");

    // A folder that is a file. (Not a read-only folder: the tests run as root, whom permissions do not stop.)
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, b"notes").unwrap();
    let output = run(&[&"export", &map, &"-o", &not_a_folder.join("out.pdf")]);
    assert_failed_in_one_line(&output, "notes.txt is a file, not a folder");
    assert_eq!(std::fs::read(&not_a_folder).unwrap(), b"notes");

    // A picture too large to write: the error names the largest scale that fits, and no file is left.
    let out = dir.path().join("huge.png");
    let output = run(&[&"export", &map, &"-o", &out, &"--scale", &"40"]);
    assert_failed_in_one_line(&output, "largest scale that fits is");
    assert!(!out.exists());

    // The output is an existing file that is replaced whole, never partly.
    let out = dir.path().join("keep.png");
    std::fs::write(&out, b"old").unwrap();
    let output = run(&[&"export", &map, &"-o", &out, &"--scale", &"0"]);
    assert_failed_in_one_line(&output, "scale");
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    assert_eq!(
        files_in(dir.path()),
        ["keep.png", "notes.txt", "stroller.ron"]
    );
}

#[cfg(unix)]
#[test]
fn a_disk_that_fills_up_keeps_the_old_file_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    for name in ["map.png", "map.svg", "map.pdf"] {
        let out = dir.path().join(name);
        std::fs::write(&out, b"old").unwrap();
        // A file-size limit (16 blocks, 8 KB) makes writing fail part-way, as a full disk does; root is bound by
        // it too. Its signal is ignored, so that the write returns an error instead of killing the process.
        let output = Command::new("sh")
            .arg("-c")
            .arg("trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_waymark"))
            .arg("export")
            .arg(&map)
            .arg("-o")
            .arg(&out)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("the shell runs");
        assert_failed_in_one_line(&output, &format!("{name} could not be written"));
        assert!(
            stderr(&output).contains("larger than this disk or system allows"),
            "{}",
            stderr(&output)
        );
        assert_eq!(std::fs::read(&out).unwrap(), b"old", "{name} is kept");
    }
    assert_eq!(
        files_in(dir.path()),
        ["map.pdf", "map.png", "map.svg", "stroller.ron"],
        "no temporary file is left"
    );
}

#[test]
fn without_a_subcommand_the_editor_arguments_still_parse() {
    // `waymark --help` lists both the map argument and the export subcommand.
    let output = run(&[&"--help"]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("export"), "{help}");
    assert!(help.contains("[MAP]"), "{help}");
}

#[test]
fn csv_output_goes_through_the_csv_writer() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    let out = dir.path().join("cards.csv");
    let output = run(&[&"export", &map, &"-o", &out]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text, waymark::io::csv::export_csv(&stroller_map()));
    let output = run(&[
        &"export",
        &map,
        &"-o",
        &dir.path().join("x.csv"),
        &"--transparent",
    ]);
    assert_failed_in_one_line(&output, "--transparent");
}

#[cfg(unix)]
#[test]
fn exported_files_are_readable_by_others_like_any_document() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let map = sample_file(dir.path(), "stroller.ron");
    for name in ["map.png", "map.svg", "map.pdf"] {
        let out = dir.path().join(name);
        let output = run(&[&"export", &map, &"-o", &out]);
        assert!(output.status.success(), "{}", stderr(&output));
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{name}");
    }
}
