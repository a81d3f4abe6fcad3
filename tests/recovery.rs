//! Autosave and recovery entries, and the recent-files list: plain functions, tested without the editor.

use std::path::Path;

use waymark::io::recent::{MAX_RECENT, RecentFiles};
use waymark::io::recovery::{RecoveryId, RecoveryStore};
use waymark::model::sample;

#[test]
fn a_recovery_entry_brings_back_the_map_with_its_title_and_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = RecoveryStore::at(dir.path().join("recovery"));
    assert!(store.list().is_empty(), "a missing folder has no entries");

    let mut map = sample::stroller_map();
    let saved = RecoveryId::new();
    let never_saved = RecoveryId::new();
    assert_ne!(saved, never_saved);
    store
        .write(&saved, &map, Some(Path::new("/home/anna/stroller.ron")))
        .expect("write an entry");
    let mut untitled = sample::generated_map(10);
    untitled.title = "Untitled".to_owned();
    store
        .write(&never_saved, &untitled, None)
        .expect("write an entry");

    // Later changes replace the entry.
    map.title = "Stroller, after the workshop".to_owned();
    store
        .write(&saved, &map, Some(Path::new("/home/anna/stroller.ron")))
        .expect("rewrite the entry");

    let entries = store.list();
    assert_eq!(entries.len(), 2);
    let entry = entries
        .iter()
        .find(|e| e.id == saved)
        .expect("the saved map's entry");
    assert_eq!(entry.title, "Stroller, after the workshop");
    assert_eq!(
        entry.original.as_deref(),
        Some(Path::new("/home/anna/stroller.ron"))
    );
    assert_eq!(entry.pid, Some(std::process::id()), "this process wrote it");
    assert_eq!(entry.load().expect("the recovered map loads"), map);
    let other = entries
        .iter()
        .find(|e| e.id == never_saved)
        .expect("the untitled map's entry");
    assert_eq!(other.original, None);
    assert_eq!(other.load().expect("loads"), untitled);

    store.remove(&saved).expect("remove");
    store.remove(&saved).expect("removing twice is fine");
    let left: Vec<RecoveryId> = store.list().into_iter().map(|e| e.id).collect();
    assert_eq!(left, [never_saved]);
}

#[test]
fn an_entry_whose_information_is_lost_is_still_listed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = RecoveryStore::at(dir.path());
    let id = RecoveryId::new();
    store
        .write(&id, &sample::stroller_map(), None)
        .expect("write");
    std::fs::write(
        dir.path().join(format!("{}.info.ron", id.as_str())),
        "garbage",
    )
    .expect("damage the info");
    // Stray temporary files from an interrupted write are not entries.
    std::fs::write(dir.path().join(".waymark-save-abc.tmp"), "half").expect("write");
    let entries = store.list();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].id, id);
    assert!(entries[0].title.contains(id.as_str()));
    assert_eq!(entries[0].pid, None);
    assert!(entries[0].load().is_ok());
}

#[test]
fn an_entry_is_left_over_only_when_no_running_editor_holds_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = RecoveryStore::at(dir.path());
    let (live, crashed) = (RecoveryId::new(), RecoveryId::new());
    let lock = store.hold(&live).expect("the first holder takes the lock");
    store
        .write(&live, &sample::stroller_map(), None)
        .expect("write");
    // Written by this very process, which is running: the process id says nothing, the lock does.
    store
        .write(&crashed, &sample::generated_map(5), None)
        .expect("write");
    assert!(
        store.hold(&live).is_err(),
        "a second holder cannot take a held entry"
    );
    let ids = |entries: Vec<waymark::io::recovery::RecoveryEntry>| -> Vec<RecoveryId> {
        entries.into_iter().map(|e| e.id).collect()
    };
    assert_eq!(ids(store.leftovers()), std::slice::from_ref(&crashed));

    lock.release();
    let mut left = ids(store.leftovers());
    left.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    let mut both = vec![live.clone(), crashed];
    both.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    assert_eq!(left, both, "once let go, the entry is a leftover");
    let again = store.hold(&live).expect("a restoring editor takes it over");
    store.remove(&live).expect("remove");
    again.release();
    assert!(
        files_named(dir.path(), &live).is_empty(),
        "no lock file stays behind"
    );
}

fn files_named(folder: &Path, id: &RecoveryId) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("list")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(id.as_str()))
        .collect()
}

const EDITOR_CHILD: &str = "WAYMARK_TEST_RECOVERY_FOLDER";

/// Not a test of its own: the child process of `another_running_editors_work_is_not_offered_until_it_is_killed`
/// (run with `--ignored --exact recovery_editor_child`). An editor that writes a recovery entry, holds it as a
/// running editor does, and waits to be killed.
#[test]
#[ignore = "a helper run by another_running_editors_work_is_not_offered_until_it_is_killed"]
fn recovery_editor_child() {
    use std::io::Write as _;
    let folder = std::env::var_os(EDITOR_CHILD).unwrap_or_else(|| {
        panic!("run by another_running_editors_work_is_not_offered_until_it_is_killed, which sets {EDITOR_CHILD}")
    });
    let store = RecoveryStore::at(folder);
    let id = RecoveryId::new();
    let _lock = store.hold(&id).expect("hold the entry");
    store
        .write(&id, &sample::stroller_map(), None)
        .expect("write the entry");
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "holding");
    let _ = stdout.flush();
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[test]
fn another_running_editors_work_is_not_offered_until_it_is_killed() {
    use std::io::BufRead as _;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = RecoveryStore::at(dir.path());
    let mut child = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--ignored",
            "--exact",
            "recovery_editor_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(EDITOR_CHILD, dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the other editor starts");
    let stdout = child.stdout.take().expect("its output");
    let holding = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("holding"));
    assert!(holding, "the other editor did not write its entry");
    assert_eq!(store.list().len(), 1);
    assert!(
        store.leftovers().is_empty(),
        "a running editor's entry is its live work"
    );
    child.kill().expect("the other editor is killed");
    child.wait().expect("it ends");
    assert_eq!(
        store.leftovers().len(),
        1,
        "after the kill its entry is offered back"
    );
}

#[test]
fn writing_where_no_folder_can_be_made_fails_clearly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("a file");
    std::fs::write(&file, "x").expect("write");
    let store = RecoveryStore::at(file.join("recovery"));
    let error = store
        .write(&RecoveryId::new(), &sample::stroller_map(), None)
        .expect_err("no folder");
    assert!(error.contains("recovery folder"), "{error}");
}

const USER_DATA_CHILD: &str = "WAYMARK_USER_DATA_TEST";

/// Not a test of its own: the child process of `autosaves_go_into_waymarks_folder_in_the_user_data_folder`,
/// run with a home and data folder of its own (`--ignored --exact user_data_child`). Writes an entry into the
/// user's recovery store and prints where that is.
#[test]
#[ignore = "a helper run by autosaves_go_into_waymarks_folder_in_the_user_data_folder"]
fn user_data_child() {
    assert!(
        std::env::var_os(USER_DATA_CHILD).is_some(),
        "run by autosaves_go_into_waymarks_folder_in_the_user_data_folder, which sets {USER_DATA_CHILD}"
    );
    let store =
        RecoveryStore::in_user_data().expect("a user data folder: HOME and XDG_DATA_HOME are set");
    println!("FOLDER={}", store.folder().display());
    store
        .write(&RecoveryId::new(), &sample::stroller_map(), None)
        .expect("write an entry");
}

#[cfg(target_os = "linux")]
#[test]
fn autosaves_go_into_waymarks_folder_in_the_user_data_folder() {
    let home = tempfile::tempdir().expect("a temporary home folder");
    let data = home.path().join("data");
    let output = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--ignored",
            "--exact",
            "user_data_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(USER_DATA_CHILD, "1")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", &data)
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .output()
        .expect("the child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the child failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let folder = data.join("waymark").join("recovery");
    assert!(
        stdout.contains(&format!("FOLDER={}", folder.display())),
        "the store is {} : {stdout}",
        folder.display()
    );
    let entries = RecoveryStore::at(&folder).list();
    assert_eq!(
        entries.len(),
        1,
        "the child's entry is in {}",
        folder.display()
    );
    assert_eq!(
        entries[0].load().expect("the entry loads"),
        sample::stroller_map()
    );
}

#[test]
fn recent_files_keep_the_latest_first_without_repeats_and_survive_a_restart() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let list_file = dir.path().join("config").join("recent.ron");
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::fs::write(&a, "x").expect("write");
    std::fs::write(&b, "x").expect("write");

    let mut recent = RecentFiles::load(&list_file);
    assert!(recent.files().is_empty());
    recent.add(&a);
    recent.add(&b);
    // The same file reached another way is the same entry.
    recent.add(&dir.path().join(".").join("a.ron"));
    assert_eq!(recent.files().len(), 2);
    assert!(recent.files()[0].ends_with("a.ron"));
    recent.save(&list_file).expect("save the list");

    std::fs::remove_file(&b).expect("delete b");
    let reloaded = RecentFiles::load(&list_file);
    assert_eq!(reloaded, recent);
    let entries = reloaded.entries();
    assert!(!entries[0].missing);
    assert!(entries[1].missing, "a deleted file is shown as missing");

    let mut reloaded = reloaded;
    reloaded.remove(&b);
    assert_eq!(reloaded.files().len(), 1);
}

#[test]
fn the_recent_list_is_capped_and_a_damaged_one_is_empty() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut recent = RecentFiles::default();
    for i in 0..MAX_RECENT + 5 {
        recent.add(&dir.path().join(format!("map {i}.ron")));
    }
    assert_eq!(recent.files().len(), MAX_RECENT);
    assert!(recent.files()[0].ends_with(format!("map {}.ron", MAX_RECENT + 4)));

    let list_file = dir.path().join("recent.ron");
    std::fs::write(&list_file, "(files: [oops").expect("write");
    assert!(RecentFiles::load(&list_file).files().is_empty());
}
