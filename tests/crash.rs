//! A process that saves a large map is killed at random moments, many times. After every kill the file on
//! disk loads and is either the old map or the new one, never a mix or a broken file.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use waymark::io::{load_file, save_file, to_ron_string, write_atomically};
use waymark::model::{Map, sample};

const CHILD: &str = "WAYMARK_CRASH_TEST_SAVE_TO";
const TEXTS: &str = "WAYMARK_CRASH_TEST_TEXTS_IN";
const KILLS: usize = 30;

fn old_map() -> Map {
    sample::generated_map(1500)
}

fn new_map() -> Map {
    let mut map = sample::generated_map(1500);
    map.title = "Saved by the child".to_owned();
    for card in &mut map.cards {
        card.text.push_str(" (edited)");
    }
    map
}

/// Not a test of its own: the child process of `a_save_killed_at_any_moment_leaves_the_old_or_the_new_map`
/// (run with `--ignored --exact crash_child`). Saves the new and the old map in turn, for ever, until it is
/// killed. The parent makes the texts once, so that nearly all the child's time goes into writing, flushing
/// and renaming, where a kill can do damage (this is all `save_file` does after making the text).
#[test]
#[ignore = "a helper run by a_save_killed_at_any_moment_leaves_the_old_or_the_new_map"]
fn crash_child() {
    let (Some(path), Some(texts)) = (std::env::var_os(CHILD), std::env::var_os(TEXTS)) else {
        panic!(
            "run by a_save_killed_at_any_moment_leaves_the_old_or_the_new_map, which sets {CHILD} and {TEXTS}"
        );
    };
    let texts = ["new.ron", "old.ron"]
        .map(|name| std::fs::read_to_string(Path::new(&texts).join(name)).expect("the map text"));
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "saving");
    let _ = stdout.flush();
    loop {
        for text in &texts {
            if let Err(e) = write_atomically(Path::new(&path), text.as_bytes()) {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_map() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("workshop.ron");
    let (old, new) = (old_map(), new_map());
    save_file(&old, &path).expect("the first save");
    let texts = tempfile::tempdir().expect("a folder for the texts");
    for (name, map) in [("old.ron", &old), ("new.ron", &new)] {
        let text = to_ron_string(map).expect("the map as text");
        std::fs::write(texts.path().join(name), text).expect("write the text");
    }

    let mut seed = Instant::now().elapsed().as_nanos() as u64 ^ 0x9E37_79B9_7F4A_7C15;
    let mut random_below = move |max: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % max
    };
    let (mut saw_old, mut saw_new, mut left_temp_files) = (0, 0, 0);
    for _ in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args([
                "--ignored",
                "--exact",
                "crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, &path)
            .env(TEXTS, texts.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        // Wait until the child is saving, then kill it a random moment later.
        let mut line = String::new();
        if let Some(stdout) = child.stdout.take() {
            let mut lines = BufReader::new(stdout);
            while !line.contains("saving") {
                line.clear();
                if lines.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
            }
        }
        assert!(line.contains("saving"), "the child did not start saving");
        std::thread::sleep(Duration::from_micros(random_below(30_000)));
        child.kill().expect("the child is killed");
        child.wait().expect("the child ends");

        let loaded = load_file(&path).unwrap_or_else(|e| panic!("after a kill: {e}"));
        if loaded == old {
            saw_old += 1;
        } else if loaded == new {
            saw_new += 1;
        } else {
            panic!("after a kill the file is neither the old nor the new map");
        }
        // A kill between making the temporary file and renaming it leaves the temporary file behind.
        for entry in std::fs::read_dir(dir.path()).expect("list the folder") {
            let entry = entry.expect("an entry");
            if entry.file_name() != "workshop.ron" {
                left_temp_files += 1;
                std::fs::remove_file(entry.path()).expect("remove the temporary file");
            }
        }
    }
    println!(
        "{KILLS} kills: old map {saw_old} times, new map {saw_new} times, {left_temp_files} interrupted saves"
    );
    // Otherwise the kills never landed in the middle of a save, and the test proved nothing.
    assert!(saw_old > 0 && saw_new > 0 && left_temp_files > 0);
}
