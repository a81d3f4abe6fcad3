//! Autosave and crash recovery: while a map has unsaved changes, the editor writes it every few seconds into a
//! recovery folder in the user's data directory (also for maps that were never saved). A normal save or an
//! explicit "discard" removes the entry; after a crash or kill the entries are still there, and the next start
//! offers each one back.
//!
//! Each entry is two files: `<id>.ron`, an ordinary map file (a user who finds the folder can open it), and
//! `<id>.info.ron`, which says which map it is (title, original file, time, the editor's process id). Both are
//! written atomically, the map first. An entry is never dropped from the list because its info is missing or
//! damaged: it is listed with what can be known.
//!
//! A running editor holds an exclusive lock on `<id>.lock` for each entry it writes (see
//! [`RecoveryStore::hold`]); the operating system lets go of it when the process ends, however it ends. An
//! entry whose lock can be taken is a leftover; one that is locked is another running editor's live work.
//! (`std`'s file locks: `flock` on Unix, `LockFileEx` on Windows, so this works the same everywhere.)

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::i18n::k;
use crate::model::Map;
use crate::t;

use super::{LoadError, load_file, to_ron_string, write_atomically};

const MAP_SUFFIX: &str = ".ron";
const INFO_SUFFIX: &str = ".info.ron";
const LOCK_SUFFIX: &str = ".lock";

/// Where recovery entries live.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryStore {
    folder: PathBuf,
}

/// Names one open document's recovery entry; made once per document and kept for its life.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecoveryId(String);

/// What the info file says about a recovered map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct RecoveryInfo {
    title: String,
    original: Option<PathBuf>,
    /// Seconds since 1970.
    saved_at: u64,
    pid: u32,
}

/// A map found in the recovery folder.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryEntry {
    pub id: RecoveryId,
    /// The map's title when it was written (or the file's name when its info is lost).
    pub title: String,
    /// The file the map was opened from or last saved to; `None` for a map that was never saved.
    pub original: Option<PathBuf>,
    /// When the entry was written.
    pub saved_at: SystemTime,
    /// The editor process that wrote it, when known.
    pub pid: Option<u32>,
    /// The recovered map file itself.
    pub map_path: PathBuf,
}

/// This editor's claim on a recovery entry: while it is held, no other editor offers the entry for recovery.
#[derive(Debug)]
pub struct EntryLock {
    file: std::fs::File,
    path: PathBuf,
}

impl EntryLock {
    /// Lets go of the entry and removes its lock file (after the entry itself was removed).
    pub fn release(self) {
        let EntryLock { file, path } = self;
        drop(file);
        let _ = std::fs::remove_file(path);
    }
}

impl RecoveryId {
    /// A new id, different from every other one this and any other process makes.
    pub fn new() -> RecoveryId {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let millis = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis();
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        RecoveryId(format!("map-{millis}-{}-{n}", std::process::id()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for RecoveryId {
    fn default() -> RecoveryId {
        RecoveryId::new()
    }
}

impl RecoveryEntry {
    /// The recovered map.
    pub fn load(&self) -> Result<Map, LoadError> {
        load_file(&self.map_path)
    }
}

impl RecoveryStore {
    /// The recovery folder in the user's data directory (e.g. `~/.local/share/waymark/recovery` on Linux);
    /// `None` when the system has no home directory.
    pub fn in_user_data() -> Option<RecoveryStore> {
        let dirs = directories::ProjectDirs::from("", "", "Waymark")?;
        Some(RecoveryStore::at(dirs.data_dir().join("recovery")))
    }

    /// A store in the given folder (made when first written to).
    pub fn at(folder: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore {
            folder: folder.into(),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn map_path(&self, id: &RecoveryId) -> PathBuf {
        self.folder.join(format!("{}{MAP_SUFFIX}", id.0))
    }

    fn info_path(&self, id: &RecoveryId) -> PathBuf {
        self.folder.join(format!("{}{INFO_SUFFIX}", id.0))
    }

    fn lock_path(&self, id: &RecoveryId) -> PathBuf {
        self.folder.join(format!("{}{LOCK_SUFFIX}", id.0))
    }

    /// Claims an entry for this editor (before writing it, or when a recovered map is restored), until the
    /// lock is released or dropped or the process ends.
    pub fn hold(&self, id: &RecoveryId) -> Result<EntryLock, String> {
        let path = self.lock_path(id);
        let fail = |e: &dyn std::fmt::Display| {
            t!(
                k::RECOVERY_LOCK_FAILED,
                path = path.display(),
                error = e.to_string()
            )
        };
        std::fs::create_dir_all(&self.folder).map_err(|e| fail(&e))?;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| fail(&e))?;
        match file.try_lock() {
            Ok(()) => Ok(EntryLock { file, path }),
            Err(std::fs::TryLockError::WouldBlock) => Err(fail(&t!(k::RECOVERY_HELD))),
            Err(std::fs::TryLockError::Error(e)) => Err(fail(&e)),
        }
    }

    /// Whether a running editor holds the entry (see [`RecoveryStore::hold`]).
    pub fn is_held(&self, id: &RecoveryId) -> bool {
        let Ok(file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(self.lock_path(id))
        else {
            // No lock file: nobody ever held it, or it was released.
            return false;
        };
        matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    }

    /// The entries that editors which crashed or were killed left behind: those no running editor holds.
    pub fn leftovers(&self) -> Vec<RecoveryEntry> {
        self.list()
            .into_iter()
            .filter(|entry| !self.is_held(&entry.id) && entry.map_path.exists())
            .collect()
    }

    /// Writes (or replaces) the recovery entry for an open map. `original` is the file it belongs to, if any.
    pub fn write(&self, id: &RecoveryId, map: &Map, original: Option<&Path>) -> Result<(), String> {
        std::fs::create_dir_all(&self.folder).map_err(|e| {
            t!(
                k::RECOVERY_FOLDER_FAILED,
                folder = self.folder.display(),
                error = crate::i18n::io_error(&e)
            )
        })?;
        let text = to_ron_string(map)?;
        write_atomically(&self.map_path(id), text.as_bytes())?;
        let info = RecoveryInfo {
            title: map.title.clone(),
            original: original.map(Path::to_owned),
            saved_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs(),
            pid: std::process::id(),
        };
        let info = ron::ser::to_string_pretty(&info, ron::ser::PrettyConfig::new())
            .map_err(|e| t!(k::RECOVERY_INFO_FAILED, error = e.to_string()))?;
        write_atomically(&self.info_path(id), info.as_bytes())
    }

    /// Removes an entry (after the map was saved, or the user discarded it). Removing one that is not there
    /// is not an error. Its lock file goes too where the system allows it while the lock is held (see
    /// [`EntryLock::release`]).
    pub fn remove(&self, id: &RecoveryId) -> Result<(), String> {
        for path in [self.info_path(id), self.map_path(id)] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(t!(
                        k::RECOVERY_REMOVE_FAILED,
                        path = path.display(),
                        error = crate::i18n::io_error(&e)
                    ));
                }
            }
        }
        let _ = std::fs::remove_file(self.lock_path(id));
        Ok(())
    }

    /// Every entry in the folder, newest first. A missing folder has none.
    pub fn list(&self) -> Vec<RecoveryEntry> {
        let Ok(read) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut entries: Vec<RecoveryEntry> = read
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_str()?.to_owned();
                if name.ends_with(INFO_SUFFIX) || name.starts_with('.') {
                    return None;
                }
                let id = RecoveryId(name.strip_suffix(MAP_SUFFIX)?.to_owned());
                Some(self.entry(id, entry.path()))
            })
            .collect();
        entries.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.id.0.cmp(&b.id.0)));
        entries
    }

    fn entry(&self, id: RecoveryId, map_path: PathBuf) -> RecoveryEntry {
        let info = std::fs::read_to_string(self.info_path(&id))
            .ok()
            .and_then(|text| ron::from_str::<RecoveryInfo>(&text).ok());
        match info {
            Some(info) => RecoveryEntry {
                id,
                title: info.title,
                original: info.original,
                saved_at: UNIX_EPOCH + Duration::from_secs(info.saved_at),
                pid: Some(info.pid),
                map_path,
            },
            None => RecoveryEntry {
                title: t!(k::RECOVERY_UNNAMED, id = &id.0),
                original: None,
                saved_at: std::fs::metadata(&map_path)
                    .and_then(|m| m.modified())
                    .unwrap_or(UNIX_EPOCH),
                pid: None,
                id,
                map_path,
            },
        }
    }
}
