//! Writing files so that a crash, a power cut or a full disk never leaves a half-written file behind.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk and then renamed over
/// the old file: at every moment the path holds either the old content or the new, never a mix. When writing
/// fails, the old file is untouched and the temporary file is removed. The error is a plain sentence that
/// names the file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let fail = |what: &str, e: std::io::Error| {
        format!("{} could not be saved: {what}: {e}", path.display())
    };
    if path.is_dir() {
        return Err(format!(
            "{} could not be saved: it is a folder",
            path.display()
        ));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".waymark-save-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(|e| fail("no temporary file could be made in its folder", e))?;
    new_file_permissions(temp.as_file(), path);
    temp.write_all(bytes)
        .map_err(|e| fail("writing failed", e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| fail("flushing to disk failed", e))?;
    temp.persist(path)
        .map_err(|e| fail("replacing the old file failed", e.error))?;
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
