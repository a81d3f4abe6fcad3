//! Saving that fails says so in plain words, and leaves the old file as it was and no stray files behind.
//! (The tests run as root, for whom a read-only folder is no obstacle, so saving is made to fail in other ways.)

mod common;

use common::{LockHolder, files_in};
use std::path::Path;
use std::process::Command;

use waymark::io::{load_file, save_file};
use waymark::model::sample;

#[test]
fn saving_into_a_folder_that_does_not_exist_fails_clearly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("deleted folder").join("map.ron");
    let error = save_file(&sample::stroller_map(), &path).expect_err("no folder");
    assert!(error.contains("map.ron could not be saved"), "{error}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn saving_under_a_file_fails_clearly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "a file, not a folder").expect("write");
    let error = save_file(&sample::stroller_map(), &not_a_folder.join("map.ron"))
        .expect_err("the parent is a file");
    assert!(error.contains("could not be saved"), "{error}");
    assert_eq!(files_in(dir.path()), ["notes.txt"]);
    assert_eq!(
        std::fs::read_to_string(&not_a_folder).expect("read"),
        "a file, not a folder"
    );
}

#[test]
fn saving_over_a_folder_fails_and_keeps_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("map.ron");
    std::fs::create_dir(&folder).expect("make the folder");
    let error = save_file(&sample::stroller_map(), &folder).expect_err("a folder");
    assert!(error.contains("folder"), "{error}");
    assert!(folder.is_dir());
    assert_eq!(files_in(dir.path()), ["map.ron"]);
}

const FULL_DISK_CHILD: &str = "WAYMARK_FULL_DISK_TEST_SAVE_TO";

/// Not a test of its own: the child process of `a_disk_that_fills_up_during_a_save_leaves_the_old_file`, which
/// runs it under a file-size limit (`--ignored --exact full_disk_child`). Tries to save a large map and prints
/// what happened.
#[test]
#[ignore = "a helper run by a_disk_that_fills_up_during_a_save_leaves_the_old_file"]
fn full_disk_child() {
    let path = std::env::var_os(FULL_DISK_CHILD).unwrap_or_else(|| {
        panic!("run by a_disk_that_fills_up_during_a_save_leaves_the_old_file, which sets {FULL_DISK_CHILD}")
    });
    match save_file(&sample::generated_map(2000), Path::new(&path)) {
        Ok(()) => println!("SAVED"),
        Err(error) => println!("FAILED: {error}"),
    }
}

#[test]
fn a_disk_that_fills_up_during_a_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("workshop.ron");
    let old = sample::stroller_map();
    save_file(&old, &path).expect("the first save");
    let before = std::fs::read(&path).expect("read the old file");

    // A file-size limit makes writing fail part-way with "File too large", as a full disk would; root is
    // bound by it too. The signal it raises is ignored, so that the write returns an error instead.
    let output = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 64; exec \"$0\" --ignored --exact full_disk_child --nocapture --test-threads=1")
        .arg(std::env::current_exe().expect("the test binary"))
        .env(FULL_DISK_CHILD, &path)
        .output()
        .expect("the child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("1 passed"),
        "the child ran the helper: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("FAILED: ") && stdout.contains("workshop.ron could not be saved"),
        "the save should have failed: {stdout}"
    );
    assert_eq!(std::fs::read(&path).expect("read the file"), before);
    assert_eq!(load_file(&path).expect("the old map loads"), old);
    assert_eq!(
        files_in(dir.path()),
        ["workshop.ron"],
        "a temporary file was left behind"
    );
}

/// Not a test of its own: the child process of
/// `a_save_removes_temporary_files_that_killed_saves_left_but_not_those_in_use` (see `LockHolder`).
#[test]
#[ignore = "a helper run by a_save_removes_temporary_files_that_killed_saves_left_but_not_those_in_use"]
fn lock_holder_child() {
    common::lock_holder_child();
}

#[test]
fn a_save_removes_temporary_files_that_killed_saves_left_but_not_those_in_use() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let make = |name: &str, age: std::time::Duration| {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).expect("make the file");
        file.set_modified(std::time::SystemTime::now() - age)
            .expect("set its time");
        path
    };
    let hours = |n: u64| std::time::Duration::from_secs(n * 3600);
    make(".waymark-save-killed.tmp", hours(2));
    make(".waymark-save-just-started.tmp", std::time::Duration::ZERO);
    make(".waymark-save-someone-else.txt", hours(2));
    // Another running Waymark is still writing this one (a very slow save, or a clock that is off).
    let in_use = make(".waymark-save-in-use.tmp", hours(2));
    let _other_waymark = LockHolder::start(&in_use);

    save_file(&sample::stroller_map(), &dir.path().join("map.ron")).expect("the save");
    assert_eq!(
        files_in(dir.path()),
        [
            ".waymark-save-in-use.tmp",
            ".waymark-save-just-started.tmp",
            ".waymark-save-someone-else.txt",
            "map.ron"
        ],
        "only the old temporary file that nobody holds is removed"
    );
}
