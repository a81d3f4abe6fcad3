//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod svg;

use waymark::model::{CardColor, LaneId, LaneKind, Map, StageId};

/// What a CSV round trip must keep: stage names, lanes, and each cell's cards and scores, in order.
#[derive(Debug, PartialEq)]
pub struct CardsView {
    pub stages: Vec<String>,
    pub lanes: Vec<(String, LaneKind)>,
    /// (stage, lane, text, colour), stage by stage, lane by lane, in each cell's order.
    pub cards: Vec<(String, String, String, CardColor)>,
    /// (lane, stage, score, note).
    pub scores: Vec<(String, String, i8, String)>,
}

pub fn cards_view(map: &Map) -> CardsView {
    let mut cards = Vec::new();
    let mut scores = Vec::new();
    for stage in &map.stages {
        for lane in &map.lanes {
            for card in map.cards_in(stage.id, lane.id) {
                cards.push((
                    stage.name.clone(),
                    lane.name.clone(),
                    card.text.clone(),
                    card.color,
                ));
            }
            if let Some(point) = lane.emotion_at(stage.id) {
                scores.push((
                    lane.name.clone(),
                    stage.name.clone(),
                    point.score,
                    point.note.clone(),
                ));
            }
        }
    }
    CardsView {
        stages: map.stages.iter().map(|s| s.name.clone()).collect(),
        lanes: map.lanes.iter().map(|l| (l.name.clone(), l.kind)).collect(),
        cards,
        scores,
    }
}

/// The names of the files in a folder, temporary files included, sorted.
pub fn files_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("list the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

const LOCK_HOLDER: &str = "WAYMARK_TEST_HOLD_LOCK_ON";

/// Another process holding an exclusive lock on a file, as a running Waymark holds the file it is saving or its
/// recovery entry, until it is dropped (then the process is killed, as in a crash). The test binary must have
/// an `#[ignore]`d test named `lock_holder_child` that calls [`lock_holder_child`]; it is run with
/// `--ignored --exact lock_holder_child`.
pub struct LockHolder(std::process::Child);

impl LockHolder {
    pub fn start(path: &std::path::Path) -> LockHolder {
        use std::io::BufRead as _;
        let mut child =
            std::process::Command::new(std::env::current_exe().expect("the test binary"))
                .args([
                    "--ignored",
                    "--exact",
                    "lock_holder_child",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(LOCK_HOLDER, path)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("the child starts");
        let stdout = child.stdout.take().expect("the child's output");
        let holding = std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains("holding"));
        assert!(holding, "the child did not take the lock");
        LockHolder(child)
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Run by the child process only: locks the file named by the parent and waits to be killed.
pub fn lock_holder_child() {
    use std::io::Write as _;
    let path = std::env::var_os(LOCK_HOLDER)
        .unwrap_or_else(|| panic!("run by LockHolder::start, which sets {LOCK_HOLDER}"));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .expect("open the file to lock");
    file.lock().expect("lock the file");
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "holding");
    let _ = stdout.flush();
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

/// The first lane of this kind.
pub fn lane(map: &Map, kind: LaneKind) -> LaneId {
    map.lanes
        .iter()
        .find(|l| l.kind == kind)
        .map(|l| l.id)
        .expect("the lane")
}

/// The id of the map's `i`-th stage.
pub fn stage(map: &Map, i: usize) -> StageId {
    map.stages[i].id
}
