//! The recent-files list of the File menu, kept across restarts in a small file in the user's config folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write_atomically;
use crate::i18n::k;
use crate::t;

/// How many files the list remembers.
pub const MAX_RECENT: usize = 10;

/// Recently opened or saved map files, most recent first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecentFiles {
    files: Vec<PathBuf>,
}

/// One line of the recent-files menu.
#[derive(Debug, Clone, PartialEq)]
pub struct RecentEntry {
    pub path: PathBuf,
    /// The file is gone (moved, deleted, or on a drive that is not there now): shown as missing.
    pub missing: bool,
}

impl RecentFiles {
    /// Where the list is kept (e.g. `~/.config/waymark/recent.ron` on Linux); `None` without a home directory.
    pub fn default_location() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "Waymark")?;
        Some(dirs.config_dir().join("recent.ron"))
    }

    /// Reads the list. A missing or damaged file gives an empty list: losing the list must never stop the
    /// editor from starting.
    pub fn load(path: &Path) -> RecentFiles {
        let Ok(text) = std::fs::read_to_string(path) else {
            return RecentFiles::default();
        };
        let mut recent: RecentFiles = ron::from_str(&text).unwrap_or_default();
        recent.files.truncate(MAX_RECENT);
        recent
    }

    /// Writes the list atomically, making its folder if needed.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| {
                t!(
                    k::RECENT_FOLDER_FAILED,
                    folder = folder.display(),
                    error = crate::i18n::io_error(&e)
                )
            })?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(|e| t!(k::RECENT_WRITE_FAILED, error = e.to_string()))?;
        write_atomically(path, text.as_bytes())
    }

    /// Puts a file at the top of the list (moving it there if it is already in it).
    pub fn add(&mut self, file: &Path) {
        let file = absolute(file);
        self.files.retain(|f| *f != file);
        self.files.insert(0, file);
        self.files.truncate(MAX_RECENT);
    }

    /// Takes a file off the list.
    pub fn remove(&mut self, file: &Path) {
        let file = absolute(file);
        self.files.retain(|f| *f != file);
    }

    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The list as the menu shows it, with files that are gone marked as missing.
    pub fn entries(&self) -> Vec<RecentEntry> {
        self.files
            .iter()
            .map(|path| RecentEntry {
                path: path.clone(),
                missing: !path.is_file(),
            })
            .collect()
    }
}

/// The same file always gives the same entry, however it was reached.
fn absolute(file: &Path) -> PathBuf {
    file.canonicalize()
        .or_else(|_| std::path::absolute(file))
        .unwrap_or_else(|_| file.to_owned())
}
