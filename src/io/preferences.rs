//! The editor's preferences, kept across restarts in a small file in the user's config folder: the interface
//! language chosen in View → Language, View → Projector colours, and the participant id this person votes as in
//! live sessions. Every field has a default, so a file written by an older Waymark still reads.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write_atomically;
use crate::i18n::{Lang, k};
use crate::t;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The interface language chosen in the menu; `None` follows the system.
    pub language: Option<Lang>,
    /// View → Projector colours: the canvas's high-contrast look (never used by files or exports).
    pub projector_colours: bool,
    /// The participant id this person votes as in live sessions, drawn at random the first time, so that
    /// coming back to a room (after a restart, say) finds their own dots again.
    pub vote_participant: Option<u32>,
}

impl Preferences {
    /// Where the preferences are kept (e.g. `~/.config/waymark/preferences.ron` on Linux); `None` without a
    /// home directory.
    pub fn default_location() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "Waymark")?;
        Some(dirs.config_dir().join("preferences.ron"))
    }

    /// Reads the preferences. A missing or damaged file gives the defaults: preferences must never stop the
    /// editor from starting.
    pub fn load(path: &Path) -> Preferences {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the preferences atomically, making their folder if needed.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| {
                t!(
                    k::PREFERENCES_WRITE_FAILED,
                    error = crate::i18n::io_error(&e)
                )
            })?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(|e| t!(k::PREFERENCES_WRITE_FAILED, error = e.to_string()))?;
        write_atomically(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_from_before_live_voting_keeps_its_choices() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("preferences.ron");
        std::fs::write(
            &path,
            "(\n    language: Some(ru),\n    projector_colours: true,\n)",
        )
        .expect("written");
        let read = Preferences::load(&path);
        assert_eq!(read.language, Some(Lang::Ru));
        assert!(read.projector_colours);
        assert_eq!(read.vote_participant, None);
    }

    #[test]
    fn the_language_choice_survives_a_restart_and_a_damaged_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config").join("preferences.ron");
        assert_eq!(Preferences::load(&path), Preferences::default());
        let chosen = Preferences {
            language: Some(Lang::Ru),
            projector_colours: true,
            vote_participant: Some(70_000),
        };
        chosen.save(&path).expect("saved");
        assert_eq!(Preferences::load(&path), chosen);
        std::fs::write(&path, "(language: Some(klingon))").expect("written");
        assert_eq!(Preferences::load(&path), Preferences::default());
    }
}
