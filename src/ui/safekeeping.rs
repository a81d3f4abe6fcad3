//! Keeping work safe while the editor runs: autosave into the recovery folder, the recent-files list, and
//! noticing when the open file changes on disk. Recovery writes go through one worker thread, in order, so a
//! late autosave can never bring back an entry that a save has just removed. The worker holds each entry it
//! writes locked (see [`RecoveryStore::hold`]), so other running editors do not offer it for recovery.
//!
//! A failed autosave is retried, waiting longer after each failure; when it keeps failing the user is told
//! once, and told again when it works.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::SystemTime;

use crate::edit::Document;
use crate::io::recent::RecentFiles;
use crate::io::recovery::{EntryLock, RecoveryEntry, RecoveryId, RecoveryStore};
use crate::model::Map;

/// Unsaved changes are written to the recovery folder this often (seconds).
pub const AUTOSAVE_SECONDS: f64 = 4.0;

/// After a failed autosave the next try waits twice as long as the one before, up to this (seconds).
pub const AUTOSAVE_RETRY_MAX_SECONDS: f64 = 60.0;

/// The user is told that autosave fails after this many failures in a row (one may be a passing hiccup).
const FAILURES_BEFORE_NOTICE: u32 = 2;

enum Job {
    Write {
        id: RecoveryId,
        map: Box<Map>,
        original: Option<PathBuf>,
        state: u64,
        ctx: egui::Context,
    },
    Remove(RecoveryId),
    /// Claim an entry (a restored map's) before it is next written.
    Hold(RecoveryId),
}

/// How an autosave went, sent back by the worker.
struct Written {
    id: RecoveryId,
    state: u64,
    result: Result<(), String>,
}

/// The status-bar sentences about autosave.
fn autosave_failing(error: &str) -> String {
    crate::t!(crate::i18n::k::STATUS_AUTOSAVE_FAILING, error = error)
}

fn autosave_works_again() -> String {
    crate::t!(crate::i18n::k::STATUS_AUTOSAVE_WORKS)
}

fn run_worker(store: RecoveryStore, jobs: Receiver<Job>, written: Sender<Written>) {
    let mut held: HashMap<RecoveryId, EntryLock> = HashMap::new();
    let hold = |held: &mut HashMap<RecoveryId, EntryLock>, id: &RecoveryId| {
        if !held.contains_key(id) {
            // Without the lock the entry is still written: another editor might offer it while this one runs,
            // which is better than having no recovery copy at all.
            if let Ok(lock) = store.hold(id) {
                held.insert(id.clone(), lock);
            }
        }
    };
    for job in jobs {
        match job {
            Job::Write {
                id,
                map,
                original,
                state,
                ctx,
            } => {
                hold(&mut held, &id);
                let result = store.write(&id, &map, original.as_deref());
                let _ = written.send(Written { id, state, result });
                ctx.request_repaint();
            }
            Job::Remove(id) => {
                // Failing to remove leaves an entry that the next start offers back: never worse than losing it.
                let _ = store.remove(&id);
                if let Some(lock) = held.remove(&id) {
                    lock.release();
                }
            }
            Job::Hold(id) => hold(&mut held, &id),
        }
    }
}

/// What a file looked like on disk when we last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DiskStamp {
    modified: Option<SystemTime>,
    len: u64,
}

fn stamp(path: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(DiskStamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

pub struct Safekeeping {
    store: Option<RecoveryStore>,
    worker: Option<(Sender<Job>, JoinHandle<()>)>,
    written: Option<Receiver<Written>>,
    /// The open document's recovery entry.
    pub id: RecoveryId,
    /// The document state last sent to be written to the recovery folder.
    written_state: Option<u64>,
    /// When the next autosave may be written (the UI clock, seconds).
    next_write_time: f64,
    /// Autosaves of this document that failed in a row.
    failures: u32,
    /// Whether the user was told that autosave keeps failing.
    told_failing: bool,
    recent_path: Option<PathBuf>,
    pub recent: RecentFiles,
    disk: Option<DiskStamp>,
    was_focused: bool,
}

impl Safekeeping {
    /// No recovery folder and no recent-files list (tests, or a system without a home folder).
    pub fn disabled() -> Safekeeping {
        Safekeeping::at(None, None)
    }

    /// Recovery and recent files in the given places.
    pub fn at(store: Option<RecoveryStore>, recent_path: Option<PathBuf>) -> Safekeeping {
        let recent = recent_path
            .as_deref()
            .map(RecentFiles::load)
            .unwrap_or_default();
        let (worker, written) = match store.clone() {
            Some(store) => {
                let (sender, jobs) = channel::<Job>();
                let (written_sender, written) = channel::<Written>();
                let handle = std::thread::spawn(move || run_worker(store, jobs, written_sender));
                (Some((sender, handle)), Some(written))
            }
            None => (None, None),
        };
        Safekeeping {
            store,
            worker,
            written,
            id: RecoveryId::new(),
            written_state: None,
            next_write_time: f64::NEG_INFINITY,
            failures: 0,
            told_failing: false,
            recent_path,
            recent,
            disk: None,
            was_focused: true,
        }
    }

    /// The user's data and config folders.
    pub fn in_user_folders() -> Safekeeping {
        Safekeeping::at(
            RecoveryStore::in_user_data(),
            RecentFiles::default_location(),
        )
    }

    /// Maps left behind by an editor that crashed or was killed (not those of editors still running).
    pub fn leftovers(&self) -> Vec<RecoveryEntry> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        // Entries of other running editors are held by them; so is the open document's, once written.
        store
            .leftovers()
            .into_iter()
            .filter(|e| e.id != self.id)
            .collect()
    }

    fn send(&self, job: Job) {
        if let Some((sender, _)) = &self.worker {
            let _ = sender.send(job);
        }
    }

    /// Called every frame: writes unsaved changes to the recovery folder when they are due, and retries those
    /// that failed. Returns a sentence for the status bar when autosave starts failing or works again.
    pub fn tick(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        path: Option<&Path>,
    ) -> Option<String> {
        self.worker.as_ref()?;
        let now = ctx.input(|i| i.time);
        let notice = self.take_results(now);
        if doc.is_dirty() {
            if self.written_state != Some(doc.state()) {
                let wait = self.next_write_time - now;
                if wait <= 0.0 {
                    let map = Box::new(doc.map().clone());
                    self.send(Job::Write {
                        id: self.id.clone(),
                        map,
                        original: path.map(Path::to_owned),
                        state: doc.state(),
                        ctx: ctx.clone(),
                    });
                    self.written_state = Some(doc.state());
                    self.next_write_time = now + AUTOSAVE_SECONDS;
                } else {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
                }
            }
        } else if self.written_state.is_some() {
            self.send(Job::Remove(self.id.clone()));
            self.written_state = None;
            self.failures = 0;
        }
        notice
    }

    /// Takes in how the autosaves sent so far went: a failed one is written again later.
    fn take_results(&mut self, now: f64) -> Option<String> {
        let results: Vec<Written> = self.written.as_ref()?.try_iter().collect();
        let mut notice = None;
        for written in results {
            if written.id != self.id {
                continue; // an earlier document's entry
            }
            match written.result {
                Ok(()) => {
                    self.failures = 0;
                    if std::mem::take(&mut self.told_failing) {
                        notice = Some(autosave_works_again());
                    }
                }
                Err(error) => {
                    self.failures += 1;
                    if self.written_state == Some(written.state) {
                        self.written_state = None;
                    }
                    let wait = AUTOSAVE_SECONDS * 2f64.powi(self.failures.min(8) as i32);
                    self.next_write_time = now + wait.min(AUTOSAVE_RETRY_MAX_SECONDS);
                    if self.failures >= FAILURES_BEFORE_NOTICE && !self.told_failing {
                        self.told_failing = true;
                        notice = Some(autosave_failing(&error));
                    }
                }
            }
        }
        notice
    }

    /// The user gave up this document's unsaved changes (Don't save), or it is being replaced.
    pub fn forget_document(&mut self) {
        self.send(Job::Remove(self.id.clone()));
        self.id = RecoveryId::new();
        self.written_state = None;
        self.failures = 0;
        self.disk = None;
    }

    /// A recovered map was restored: keep writing to its entry, so it stays safe until it is saved.
    pub fn adopt(&mut self, entry: &RecoveryEntry) {
        self.id = entry.id.clone();
        self.send(Job::Hold(entry.id.clone()));
        self.written_state = None;
        self.failures = 0;
        self.disk = None;
    }

    pub fn discard(&self, entry: &RecoveryEntry) {
        self.send(Job::Remove(entry.id.clone()));
    }

    /// A file was opened or saved: it goes to the top of the recent list, and its state on disk is noted.
    pub fn file_used(&mut self, path: &Path) {
        self.disk = stamp(path);
        self.add_recent(path);
    }

    /// A file goes to the top of the recent list (e.g. an earlier map, no longer open, was saved to it).
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.add(path);
        if let Some(recent_path) = &self.recent_path {
            let _ = self.recent.save(recent_path);
        }
    }

    /// Whether the file changed on disk since it was opened or saved here.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        self.disk.is_some() && stamp(path) != self.disk
    }

    /// Accepts the file as it is on disk now (the user chose to keep their version).
    pub fn accept_disk_state(&mut self, path: &Path) {
        self.disk = stamp(path);
    }

    /// True once each time the window gets the focus back.
    pub fn regained_focus(&mut self, ctx: &egui::Context) -> bool {
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let regained = focused && !self.was_focused;
        self.was_focused = focused;
        regained
    }

    /// Waits for pending recovery writes and removals, before the process ends.
    pub fn finish(&mut self) {
        if let Some((sender, handle)) = self.worker.take() {
            drop(sender);
            let _ = handle.join();
        }
    }
}

impl Drop for Safekeeping {
    fn drop(&mut self) {
        self.finish();
    }
}
