//! `waymark merge` and `waymark diff`, run as git and a user run them: two edited versions of a small map
//! merged by id, conflicts kept visibly with exit status 1, bad files with 2, and a real `git merge` using the
//! README's two lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use waymark::io::{load_file, parse_map, save_file};
use waymark::model::{CardId, LaneId, Map, StageId};

/// A trip in three stages; cards 10–12 in Plan/Actions, 13–14 in Book/Actions, 15 in Go/Thoughts.
const BASE: &str = r#"(
  version: 3,
  title: "Trip",
  persona: (name: "Anna"),
  stages: [(id: 1, name: "Plan"), (id: 2, name: "Book"), (id: 3, name: "Go")],
  lanes: [
    (id: 4, name: "Actions", kind: Actions),
    (id: 5, name: "Thoughts", kind: Thoughts),
    (id: 6, name: "Emotions", kind: Emotions, emotions: [(stage: 1, score: 1), (stage: 2, score: -1)]),
  ],
  cards: [
    (id: 10, stage: 1, lane: 4, text: "Reads reviews"),
    (id: 11, stage: 1, lane: 4, text: "Asks friends"),
    (id: 12, stage: 1, lane: 4, text: "Compares prices"),
    (id: 13, stage: 2, lane: 4, text: "Books a hotel"),
    (id: 14, stage: 2, lane: 4, text: "Pays"),
    (id: 15, stage: 3, lane: 5, text: "Excited"),
  ],
  next_id: 20,
)"#;

fn base() -> Map {
    parse_map(BASE).expect("the base map reads")
}

fn card_mut(map: &mut Map, id: u64) -> &mut waymark::model::Card {
    let at = map.card_index(CardId(id)).expect("card exists");
    &mut map.cards[at]
}

fn text(map: &Map, id: u64) -> &str {
    map.card(CardId(id)).map_or("", |c| c.text.as_str())
}

/// Adds a card as the editor does: a fresh id from the map's counter, last in its cell.
fn add_card(map: &mut Map, stage: u64, lane: u64, text: &str) -> u64 {
    let mut card = map.cards[0].clone();
    card.id = CardId(map.allocate_id());
    card.stage = StageId(stage);
    card.lane = LaneId(lane);
    card.text = text.to_owned();
    let at = map.insertion_index(card.stage, card.lane, None, None);
    map.cards.insert(at, card.clone());
    card.id.0
}

fn delete_card(map: &mut Map, id: u64) {
    map.cards.retain(|c| c.id != CardId(id));
}

fn cell(map: &Map, stage: u64, lane: u64) -> Vec<u64> {
    map.cards_in(StageId(stage), LaneId(lane))
        .map(|c| c.id.0)
        .collect()
}

struct Merge {
    out: Output,
    map: Map,
    dir: tempfile::TempDir,
}

impl Merge {
    fn status(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
}

fn waymark(args: &[&std::ffi::OsStr], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(dir)
        .env("WAYMARK_LANG", "en")
        .output()
        .expect("waymark runs")
}

/// Writes the three versions and runs `waymark merge base ours theirs -o merged.ron`.
fn merge(base: &Map, ours: &Map, theirs: &Map) -> Merge {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name);
    for (map, name) in [
        (base, "base.ron"),
        (ours, "ours.ron"),
        (theirs, "theirs.ron"),
    ] {
        save_file(map, &path(name)).expect("write a version");
    }
    let out = waymark(
        &[
            "merge".as_ref(),
            path("base.ron").as_os_str(),
            path("ours.ron").as_os_str(),
            path("theirs.ron").as_os_str(),
            "-o".as_ref(),
            path("merged.ron").as_os_str(),
        ],
        dir.path(),
    );
    let map = load_file(&path("merged.ron")).unwrap_or_else(|e| {
        panic!(
            "the merged map reads back ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Merge { out, map, dir }
}

#[test]
fn changes_to_different_cards_stages_lanes_and_fields_all_survive() {
    let base = base();
    let mut ours = base.clone();
    card_mut(&mut ours, 10).text = "Reads reviews on two sites".into();
    ours.stages[0].name = "Planning".into();
    ours.lanes[2].emotions[0].score = 2;
    let mut theirs = base.clone();
    card_mut(&mut theirs, 13).text = "Books a hostel".into();
    card_mut(&mut theirs, 10).color = waymark::model::CardColor::Pink;
    theirs.lanes[1].name = "Thinks".into();
    theirs.persona.name = "Anna K.".into();
    theirs.stages[2].time_frame = "1 week".into();

    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 0, "{}", m.stderr());
    assert_eq!(text(&m.map, 10), "Reads reviews on two sites");
    assert_eq!(
        m.map.card(CardId(10)).map(|c| c.color),
        Some(waymark::model::CardColor::Pink)
    );
    assert_eq!(text(&m.map, 13), "Books a hostel");
    assert_eq!(m.map.stages[0].name, "Planning");
    assert_eq!(m.map.stages[2].time_frame, "1 week");
    assert_eq!(m.map.lanes[1].name, "Thinks");
    assert_eq!(m.map.lanes[2].emotions[0].score, 2);
    assert_eq!(m.map.persona.name, "Anna K.");
    let stdout = String::from_utf8_lossy(&m.out.stdout);
    assert!(stdout.contains("merged without conflicts"), "{stdout}");
}

#[test]
fn cards_added_on_both_sides_with_the_same_new_id_are_all_kept() {
    let base = base();
    let mut ours = base.clone();
    let ours_card = add_card(&mut ours, 1, 4, "Checks the weather");
    let ours_second = add_card(&mut ours, 1, 5, "Hopes for sun");
    let mut theirs = base.clone();
    let theirs_card = add_card(&mut theirs, 2, 4, "Buys insurance");
    // Theirs also adds a stage and a card in it: their ids must follow the renumbering together.
    let stage = theirs.allocate_id();
    theirs
        .stages
        .push(waymark::model::Stage::new(StageId(stage), "Return"));
    let in_new_stage = add_card(&mut theirs, stage, 5, "Tired but happy");
    assert_eq!(ours_card, theirs_card, "both sides handed out the same id");

    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 0, "{}", m.stderr());
    let find = |t: &str| m.map.cards.iter().find(|c| c.text == t).cloned();
    let (a, b, c) = (
        find("Checks the weather").expect("ours' card"),
        find("Buys insurance").expect("theirs' card"),
        find("Tired but happy").expect("theirs' second card"),
    );
    assert_eq!(a.id.0, ours_card, "ours keeps its ids");
    assert_ne!(a.id, b.id);
    assert_eq!((b.stage.0, b.lane.0), (2, 4));
    let return_stage = m
        .map
        .stages
        .iter()
        .find(|s| s.name == "Return")
        .expect("stage");
    assert_eq!(
        c.stage, return_stage.id,
        "the card follows its renumbered stage"
    );
    assert_eq!(stage, ours_second, "theirs' stage had ours' second id");
    assert_eq!(c.id.0, in_new_stage, "an id ours did not give out stays");
    assert_ne!(return_stage.id.0, ours_second, "so it was renumbered");
    let top = m
        .map
        .cards
        .iter()
        .map(|c| c.id.0)
        .chain(m.map.stages.iter().map(|s| s.id.0))
        .max()
        .unwrap_or(0);
    assert!(m.map.next_id > top && m.map.next_id >= ours.next_id.max(theirs.next_id));
    assert!(m.map.validate().is_empty());
    assert!(m.stderr().contains("theirs is now"), "{}", m.stderr());
}

#[test]
fn a_deletion_against_no_change_deletes() {
    let base = base();
    let mut ours = base.clone();
    delete_card(&mut ours, 11);
    let mut theirs = base.clone();
    card_mut(&mut theirs, 12).text = "Compares prices online".into();
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 0, "{}", m.stderr());
    assert!(m.map.card(CardId(11)).is_none());
    assert_eq!(cell(&m.map, 1, 4), [10, 12]);
}

#[test]
fn a_deletion_against_an_edit_keeps_the_edited_card_and_says_so() {
    let base = base();
    let mut ours = base.clone();
    delete_card(&mut ours, 14);
    let mut theirs = base.clone();
    card_mut(&mut theirs, 14).text = "Pays by card".into();
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 1);
    assert_eq!(text(&m.map, 14), "Pays by card");
    let stderr = m.stderr();
    assert!(
        stderr.contains("card 14") && stderr.contains("deleted in ours and changed in theirs"),
        "{stderr}"
    );
}

#[test]
fn both_sides_changing_one_text_keep_both_versions_and_exit_1() {
    let base = base();
    let mut ours = base.clone();
    card_mut(&mut ours, 13).text = "Books a hotel by the sea".into();
    ours.stages[1].name = "Booking".into();
    ours.lanes[2].emotions[1].score = -2;
    let mut theirs = base.clone();
    card_mut(&mut theirs, 13).text = "Books a hotel in town\nwith breakfast".into();
    theirs.stages[1].name = "Reserve".into();
    theirs.lanes[2].emotions[1].score = 0;
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 1);
    assert_eq!(
        text(&m.map, 13),
        "<<<<<<< ours\nBooks a hotel by the sea\n=======\nBooks a hotel in town\nwith breakfast\n>>>>>>> theirs"
    );
    assert_eq!(
        m.map.stages[1].name,
        "<<<<<<< Booking ======= Reserve >>>>>>>"
    );
    assert_eq!(m.map.lanes[2].emotions[1].score, -2, "a score keeps ours");
    let stderr = m.stderr();
    assert!(stderr.contains("ours: -2, theirs: 0"), "{stderr}");
    assert!(stderr.contains("merged with 3 conflicts"), "{stderr}");
}

#[test]
fn order_changes_on_both_sides_are_merged() {
    let base = base();
    let mut ours = base.clone();
    // Ours moves "Compares prices" to the top of Plan/Actions and the stage Go first.
    let at = ours.card_index(CardId(12)).expect("card");
    let card = ours.cards.remove(at);
    ours.cards.insert(0, card);
    let go = ours.stages.remove(2);
    ours.stages.insert(0, go);
    let mut theirs = base.clone();
    // Theirs swaps the two Book/Actions cards, and adds a card after "Reads reviews".
    let (a, b) = (
        theirs.card_index(CardId(13)).expect("card"),
        theirs.card_index(CardId(14)).expect("card"),
    );
    theirs.cards.swap(a, b);
    let new = add_card(&mut theirs, 1, 4, "Reads a blog");
    let at = theirs.card_index(CardId(new)).expect("card");
    let card = theirs.cards.remove(at);
    theirs.cards.insert(1, card);
    assert_eq!(cell(&theirs, 1, 4), [10, new, 11, 12]);

    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 0, "{}", m.stderr());
    assert_eq!(cell(&m.map, 1, 4), [12, 10, new, 11]);
    assert_eq!(cell(&m.map, 2, 4), [14, 13]);
    let stages: Vec<&str> = m.map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Go", "Plan", "Book"]);
}

#[test]
fn a_card_whose_stage_was_deleted_on_the_other_side_moves_to_a_neighbour() {
    let base = base();
    let mut ours = base.clone();
    // Deleting a stage takes its cards and scores with it, as in the editor.
    ours.stages.retain(|s| s.id != StageId(2));
    ours.cards.retain(|c| c.stage != StageId(2));
    ours.lanes[2].emotions.retain(|p| p.stage != StageId(2));
    let mut theirs = base.clone();
    let new = add_card(&mut theirs, 2, 4, "Prints the tickets");
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 1);
    let card = m.map.card(CardId(new)).expect("the new card is kept");
    assert_eq!(
        card.stage,
        StageId(1),
        "moved to the stage before the deleted one"
    );
    assert!(m.map.card(CardId(13)).is_none() && m.map.card(CardId(14)).is_none());
    assert!(m.map.stage(StageId(2)).is_none());
    assert!(m.map.validate().is_empty());
    assert!(
        m.stderr().contains("moved to stage “Plan”"),
        "{}",
        m.stderr()
    );
}

#[test]
fn a_bad_input_file_exits_2_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.ron");
    save_file(&base(), &good).expect("write");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(version: 3, title: ").expect("write");
    let out = waymark(
        &[
            "merge".as_ref(),
            good.as_os_str(),
            good.as_os_str(),
            bad.as_os_str(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bad.ron"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&good).ok(),
        waymark::io::to_ron_string(&base()).ok(),
        "ours is left alone"
    );
}

#[test]
fn without_output_the_merge_is_written_over_ours() {
    let base = base();
    let mut ours = base.clone();
    card_mut(&mut ours, 10).text = "ours".into();
    let mut theirs = base.clone();
    card_mut(&mut theirs, 11).text = "theirs".into();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |n: &str| dir.path().join(n);
    for (map, name) in [(&base, "b.ron"), (&ours, "o.ron"), (&theirs, "t.ron")] {
        save_file(map, &path(name)).expect("write");
    }
    let out = waymark(
        &[
            "merge".as_ref(),
            path("b.ron").as_os_str(),
            path("o.ron").as_os_str(),
            path("t.ron").as_os_str(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let merged = load_file(&path("o.ron")).expect("reads");
    assert_eq!((text(&merged, 10), text(&merged, 11)), ("ours", "theirs"));
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .env("WAYMARK_LANG", "en")
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The README's two lines, in a real repository: git calls `waymark merge %O %A %B` for `*.ron`.
#[test]
fn git_merge_uses_waymark_as_the_merge_driver() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path();
    let file: PathBuf = repo.join("trip.ron");
    git_ok(repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join(".gitattributes"), "*.ron merge=waymark\n").expect("write");
    let driver = format!("{} merge %O %A %B", env!("CARGO_BIN_EXE_waymark"));
    git_ok(repo, &["config", "merge.waymark.driver", &driver]);
    let base = base();
    save_file(&base, &file).expect("write");
    git_ok(repo, &["add", "."]);
    git_ok(repo, &["commit", "-q", "-m", "base"]);

    git_ok(repo, &["checkout", "-q", "-b", "theirs"]);
    let mut theirs = base.clone();
    card_mut(&mut theirs, 11).text = "Asks friends and family".into();
    let theirs_card = add_card(&mut theirs, 3, 5, "Packs the bags");
    save_file(&theirs, &file).expect("write");
    git_ok(repo, &["commit", "-q", "-am", "theirs"]);

    git_ok(repo, &["checkout", "-q", "main"]);
    let mut ours = base.clone();
    card_mut(&mut ours, 10).text = "Reads reviews twice".into();
    let ours_card = add_card(&mut ours, 3, 5, "Takes photos");
    assert_eq!(ours_card, theirs_card);
    save_file(&ours, &file).expect("write");
    git_ok(repo, &["commit", "-q", "-am", "ours"]);

    // Plain text merging would conflict here (both sides add a card at the same place with the same id).
    git_ok(repo, &["merge", "-q", "--no-edit", "theirs"]);
    let merged = load_file(&file).expect("the merged file reads");
    assert_eq!(text(&merged, 10), "Reads reviews twice");
    assert_eq!(text(&merged, 11), "Asks friends and family");
    let go: Vec<&str> = merged
        .cards_in(StageId(3), LaneId(5))
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(go, ["Excited", "Takes photos", "Packs the bags"]);

    // A real conflict: git stops, and the file holds both texts.
    git_ok(repo, &["checkout", "-q", "-b", "other", "HEAD~1"]);
    let mut other = load_file(&file).expect("reads");
    card_mut(&mut other, 15).text = "Nervous".into();
    save_file(&other, &file).expect("write");
    git_ok(repo, &["commit", "-q", "-am", "other"]);
    git_ok(repo, &["checkout", "-q", "main"]);
    let mut mine = load_file(&file).expect("reads");
    card_mut(&mut mine, 15).text = "Calm".into();
    save_file(&mine, &file).expect("write");
    git_ok(repo, &["commit", "-q", "-am", "mine"]);
    let out = git(repo, &["merge", "--no-edit", "other"]);
    assert!(!out.status.success(), "git reports the conflict");
    let merged = load_file(&file).expect("the conflicted file is still a valid map");
    assert_eq!(
        text(&merged, 15),
        "<<<<<<< ours\nCalm\n=======\nNervous\n>>>>>>> theirs"
    );
    let status = git(repo, &["status", "--porcelain"]);
    assert!(String::from_utf8_lossy(&status.stdout).contains("UU trip.ron"));
}

#[test]
fn diff_sums_up_a_small_change_in_english() {
    let old = base();
    let mut new = old.clone();
    card_mut(&mut new, 10).text = "Reads reviews on two sites".into();
    delete_card(&mut new, 11);
    let added = add_card(&mut new, 2, 4, "Gets a discount");
    let _ = added;
    card_mut(&mut new, 15).stage = StageId(2);
    card_mut(&mut new, 15).lane = LaneId(5);
    new.stages[2].name = "Travel".into();
    new.lanes[2].emotions[1].score = 1;
    new.persona.name = "Anna K.".into();
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    save_file(&old, &a).expect("write");
    save_file(&new, &b).expect("write");
    let out = waymark(&["diff".as_ref(), a.as_os_str(), b.as_os_str()], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = "\
Persona: “Anna” → “Anna K.”
Stage renamed: “Go” → “Travel”
Emotion in “Emotions” at “Book”: −1 → +1
Plan / Actions:
  ~ “Reads reviews” → “Reads reviews on two sites”
  − “Asks friends”
Book / Actions:
  + “Gets a discount”
Book / Thoughts:
  → “Excited” moved here from Travel / Thoughts
Cards: 1 added, 1 removed, 1 moved, 1 edited
";
    assert_eq!(stdout, expected);
    let same = waymark(&["diff".as_ref(), a.as_os_str(), a.as_os_str()], dir.path());
    assert_eq!(String::from_utf8_lossy(&same.stdout), "No changes.\n");
}

#[test]
fn merged_files_stay_in_the_temp_dir() {
    // The merge writes only its output: the three inputs are unchanged.
    let base = base();
    let mut ours = base.clone();
    card_mut(&mut ours, 10).text = "x".into();
    let m = merge(&base, &ours, &base);
    let read = |n: &str| load_file(&m.dir.path().join(n)).expect("reads");
    assert_eq!(read("ours.ron"), ours);
    assert_eq!(read("theirs.ron"), base);
}

#[test]
fn diff_speaks_russian_with_plurals() {
    let old = base();
    let mut new = old.clone();
    new.stages.retain(|s| s.id != StageId(2));
    new.cards.retain(|c| c.stage != StageId(2));
    new.lanes[2].emotions.retain(|p| p.stage != StageId(2));
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    save_file(&old, &a).expect("write");
    save_file(&new, &b).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["diff".as_ref(), a.as_os_str(), b.as_os_str()])
        .env("WAYMARK_LANG", "ru")
        .output()
        .expect("waymark runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("Удалён этап «Book», с 2 карточками\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Карточки: добавлено 0, удалено 2"),
        "{stdout}"
    );
}

#[test]
fn a_stage_renamed_on_one_side_and_deleted_on_the_other_comes_back_without_its_cards() {
    let base = base();
    let mut ours = base.clone();
    ours.stages.retain(|s| s.id != StageId(2));
    ours.cards.retain(|c| c.stage != StageId(2));
    ours.lanes[2].emotions.retain(|p| p.stage != StageId(2));
    let mut theirs = base.clone();
    theirs.stages[1].name = "Booking".into();
    theirs.lanes[2].emotions[1].score = -2;
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 1);
    assert_eq!(
        m.map.stage(StageId(2)).map(|s| s.name.as_str()),
        Some("Booking")
    );
    assert!(
        cell(&m.map, 2, 4).is_empty(),
        "the deletion took the unchanged cards"
    );
    assert_eq!(
        m.map.lanes[2].emotions[1].score, -2,
        "the changed score stays with its stage"
    );
    let stderr = m.stderr();
    assert!(
        stderr.contains("stage “Booking” was deleted in ours"),
        "{stderr}"
    );
}

#[test]
fn a_score_changed_at_a_stage_the_other_side_deleted_goes_with_the_stage() {
    let base = base();
    let mut ours = base.clone();
    ours.stages.retain(|s| s.id != StageId(1));
    ours.cards.retain(|c| c.stage != StageId(1));
    ours.lanes[2].emotions.retain(|p| p.stage != StageId(1));
    let mut theirs = base.clone();
    theirs.lanes[2].emotions[0].score = -1;
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 1, "{}", m.stderr());
    assert!(m.map.stage(StageId(1)).is_none());
    assert!(m.map.lanes[2].emotion_at(StageId(1)).is_none());
    assert!(m.map.validate().is_empty());
    let stderr = m.stderr();
    assert!(
        stderr.contains("“Emotions” at stage “Plan”") && stderr.contains("it is dropped"),
        "{stderr}"
    );
    assert!(stderr.contains("merged with 1 conflict;"), "{stderr}");
}

#[test]
fn a_colour_changed_on_both_sides_keeps_ours_and_names_both() {
    use waymark::model::{CardColor, Channel};
    let base = base();
    let mut ours = base.clone();
    card_mut(&mut ours, 12).color = CardColor::Green;
    card_mut(&mut ours, 13).channel = Some(Channel::Online);
    let mut theirs = base.clone();
    card_mut(&mut theirs, 12).color = CardColor::Blue;
    card_mut(&mut theirs, 13).channel = Some(Channel::Offline);
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.status(), 1);
    let card = |id| m.map.card(CardId(id)).cloned().expect("card");
    assert_eq!(card(12).color, CardColor::Green);
    assert_eq!(card(13).channel, Some(Channel::Online));
    let stderr = m.stderr();
    assert!(stderr.contains("card 12 “Compares prices”, color changed on both sides (ours: Green, theirs: Blue); ours is kept"), "{stderr}");
}

#[test]
fn an_empty_base_from_git_add_add_is_refused_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (empty, map) = (dir.path().join("base"), dir.path().join("ours.ron"));
    std::fs::write(&empty, "").expect("write");
    save_file(&base(), &map).expect("write");
    let out = waymark(
        &[
            "merge".as_ref(),
            empty.as_os_str(),
            map.as_os_str(),
            map.as_os_str(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no common ancestor"), "{stderr}");
}

#[test]
fn two_personas_scores_at_one_stage_merge_separately() {
    // A second persona (id 7) with its own score at stage 1, next to Anna's.
    let text = BASE
        .replace(
            "persona: (name: \"Anna\"),",
            "persona: (name: \"Anna\"),\n  more_personas: [(id: 7, name: \"Boris\")],",
        )
        .replace(
            "emotions: [(stage: 1, score: 1), (stage: 2, score: -1)]",
            "emotions: [(stage: 1, score: 1), (stage: 1, score: 0, persona: 7), (stage: 2, score: -1)]",
        );
    let base = parse_map(&text).expect("the two-persona map reads");
    let score = |map: &Map, persona: u64| {
        map.lanes[2]
            .emotions
            .iter()
            .find(|p| p.stage == StageId(1) && p.persona.0 == persona)
            .map(|p| p.score)
    };
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Ours changes Anna's score, theirs Boris's: no conflict, both changes kept, no point lost.
    ours.lanes[2].emotions[0].score = -2;
    theirs.lanes[2].emotions[1].score = 2;
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.status(), 0, "{}", merged.stderr());
    assert_eq!(score(&merged.map, 0), Some(-2));
    assert_eq!(score(&merged.map, 7), Some(2));
    assert_eq!(merged.map.lanes[2].emotions.len(), 3);
}
