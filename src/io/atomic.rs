//! Writing files so that a crash, a power cut or a full disk never leaves a half-written file behind.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const TEMP_PREFIX: &str = ".waymark-save-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file older than this whose lock is free was left by a save that was killed or crashed.
pub const STALE_TEMPORARY_FILE_AGE: Duration = Duration::from_secs(60 * 60);

/// Removes the temporary files that interrupted saves left in `folder`: those older than
/// [`STALE_TEMPORARY_FILE_AGE`] that no running Waymark holds locked. A save under way holds its temporary
/// file locked, and a young file may be one that an older Waymark (which did not lock) is still writing, so
/// both are kept. Best effort: what cannot be checked or removed stays.
pub fn remove_stale_temporary_files(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        let old = std::fs::symlink_metadata(&path).is_ok_and(|meta| {
            meta.is_file()
                && meta
                    .modified()
                    .ok()
                    .and_then(|modified| now.duration_since(modified).ok())
                    .is_some_and(|age| age >= STALE_TEMPORARY_FILE_AGE)
        });
        if !old {
            continue;
        }
        let Ok(file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
        else {
            continue;
        };
        if file.try_lock().is_ok() {
            // Removed while still locked, so that no save can take the name in between; Windows refuses to
            // remove an open file, so there the lock is let go first.
            #[cfg(windows)]
            drop(file);
            let _ = std::fs::remove_file(&path);
        }
    }
}

use crate::i18n::{Key, k};
use crate::t;

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk and then renamed over
/// the old file: at every moment the path holds either the old content or the new, never a mix. When writing
/// fails, the old file is untouched and the temporary file is removed. The error is a plain sentence that
/// names the file, in the interface language.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let fail = |step: Key, e: std::io::Error| {
        t!(
            k::SAVE_FAILED,
            path = path.display(),
            step = crate::i18n::tr(step, &[]),
            error = crate::i18n::io_error(&e)
        )
    };
    if path.is_dir() {
        return Err(t!(k::SAVE_IS_FOLDER, path = path.display()));
    }
    remove_stale_temporary_files(&folder);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&folder)
        .map_err(|e| fail(k::SAVE_STEP_TEMP, e))?;
    // Held until the file is renamed or removed: tells other Waymarks cleaning the folder that it is in use.
    let _ = temp.as_file().try_lock();
    new_file_permissions(temp.as_file(), path);
    temp.write_all(bytes)
        .map_err(|e| fail(k::SAVE_STEP_WRITE, e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| fail(k::SAVE_STEP_FLUSH, e))?;
    temp.persist(path)
        .map_err(|e| fail(k::SAVE_STEP_REPLACE, e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Temporary files are made readable by their owner only; the file they become should have the permissions of
/// the file it replaces, or the usual ones for a new document (read-write for the owner, readable by others),
/// so that a saved map can be shared like any other file.
pub fn new_file_permissions(temp: &std::fs::File, target: &Path) {
    let permissions = match std::fs::metadata(target) {
        Ok(existing) => existing.permissions(),
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                std::fs::Permissions::from_mode(0o644)
            }
            #[cfg(not(unix))]
            {
                return;
            }
        }
    };
    // Best effort: a file system without permissions keeps what it gives.
    let _ = temp.set_permissions(permissions);
}
