//! Keeping work safe while the editor runs: autosave into the recovery folder, the recent-files list, and
//! noticing when the open file changes on disk. Recovery writes go through one worker thread, in order, so a
//! late autosave can never bring back an entry that a save has just removed.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;
use std::time::SystemTime;

use crate::edit::Document;
use crate::io::recent::RecentFiles;
use crate::io::recovery::{RecoveryEntry, RecoveryId, RecoveryStore};
use crate::model::Map;

/// Unsaved changes are written to the recovery folder this often (seconds).
pub const AUTOSAVE_SECONDS: f64 = 4.0;

enum Job {
    Write {
        id: RecoveryId,
        map: Box<Map>,
        original: Option<PathBuf>,
    },
    Remove(RecoveryId),
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
    /// The open document's recovery entry.
    pub id: RecoveryId,
    /// The document state last written to the recovery folder.
    written_state: Option<u64>,
    last_write_time: f64,
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
        let worker = store.clone().map(|store| {
            let (sender, receiver) = channel::<Job>();
            let handle = std::thread::spawn(move || {
                for job in receiver {
                    // A failed autosave is retried at the next tick; it must never disturb the editor.
                    let _ = match job {
                        Job::Write { id, map, original } => {
                            store.write(&id, &map, original.as_deref())
                        }
                        Job::Remove(id) => store.remove(&id),
                    };
                }
            });
            (sender, handle)
        });
        Safekeeping {
            store,
            worker,
            id: RecoveryId::new(),
            written_state: None,
            last_write_time: f64::NEG_INFINITY,
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
        // An entry of this very process that is not the open document's was left by an earlier document of
        // this run; entries of other running editors are their live work.
        let own = std::process::id();
        store
            .list()
            .into_iter()
            .filter(|e| e.id != self.id && (e.pid == Some(own) || !e.owner_is_running()))
            .collect()
    }

    fn send(&self, job: Job) {
        if let Some((sender, _)) = &self.worker {
            let _ = sender.send(job);
        }
    }

    /// Called every frame: writes unsaved changes to the recovery folder when they are due.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document, path: Option<&Path>) {
        if self.worker.is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        if doc.is_dirty() {
            if self.written_state != Some(doc.state()) {
                let wait = AUTOSAVE_SECONDS - (now - self.last_write_time);
                if wait <= 0.0 {
                    let map = Box::new(doc.map().clone());
                    self.send(Job::Write {
                        id: self.id.clone(),
                        map,
                        original: path.map(Path::to_owned),
                    });
                    self.written_state = Some(doc.state());
                    self.last_write_time = now;
                } else {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
                }
            }
        } else if self.written_state.is_some() {
            self.send(Job::Remove(self.id.clone()));
            self.written_state = None;
        }
    }

    /// The user gave up this document's unsaved changes (Don't save), or it is being replaced.
    pub fn forget_document(&mut self) {
        self.send(Job::Remove(self.id.clone()));
        self.id = RecoveryId::new();
        self.written_state = None;
        self.disk = None;
    }

    /// A recovered map was restored: keep writing to its entry, so it stays safe until it is saved.
    pub fn adopt(&mut self, entry: &RecoveryEntry) {
        self.id = entry.id.clone();
        self.written_state = None;
        self.disk = None;
    }

    pub fn discard(&self, entry: &RecoveryEntry) {
        self.send(Job::Remove(entry.id.clone()));
    }

    /// A file was opened or saved: it goes to the top of the recent list, and its state on disk is noted.
    pub fn file_used(&mut self, path: &Path) {
        self.disk = stamp(path);
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
