//! The user's own settings, kept once per user rather than in any plan: who they are (stamped on
//! comments, sign-offs and `saved_by`) and the plans they opened recently.
//!
//! Stored as `settings.json` in the per-user config folder (`~/.config/mutual-plan` on Linux).
//! A missing file is the default; an unreadable one is reported and never overwritten silently.

use mutual_plan::model::plan::ReviewerRole;
use mutual_plan::storage::error::FileError;
use mutual_plan::storage::{write_atomic, RealFs};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How many plans File → Open Recent remembers.
pub const RECENT_LIMIT: usize = 10;

/// The file name inside the config folder.
pub const FILE_NAME: &str = "settings.json";

/// Who the user is and what they opened recently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct UserConfig {
    /// The user's name as it appears on comments, sign-offs and "saved by"; empty until set.
    pub name: String,
    /// Whether the user is one of the staff team, a mentor or someone else.
    pub role: ReviewerRole,
    /// Recently opened plan files, newest first, at most [`RECENT_LIMIT`].
    #[ts(type = "string[]")]
    pub recent: Vec<PathBuf>,
}

impl Default for UserConfig {
    fn default() -> Self {
        UserConfig {
            name: String::new(),
            role: ReviewerRole::Staff,
            recent: Vec::new(),
        }
    }
}

impl UserConfig {
    /// The per-user config folder (`~/.config/mutual-plan` on Linux, `%APPDATA%\mutual-plan` on Windows).
    pub fn dir_for_user() -> PathBuf {
        dirs::config_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("mutual-plan")
    }

    /// Reads the settings in `dir`; a folder without a settings file gives the defaults.
    pub fn load(dir: &Path) -> Result<UserConfig, FileError> {
        let path = dir.join(FILE_NAME);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(UserConfig::default()),
            Err(source) => {
                return Err(FileError::Io {
                    path,
                    action: "reading your settings",
                    source,
                })
            }
        };
        serde_json::from_slice(&bytes).map_err(|e| FileError::Io {
            path,
            action: "reading your settings",
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
        })
    }

    /// Writes the settings to `dir` atomically, creating the folder if needed.
    pub fn save(&self, dir: &Path) -> Result<(), FileError> {
        let path = dir.join(FILE_NAME);
        std::fs::create_dir_all(dir).map_err(|source| FileError::Io {
            path: dir.to_owned(),
            action: "creating your settings folder",
            source,
        })?;
        let mut bytes = serde_json::to_vec_pretty(self).expect("settings always serialise");
        bytes.push(b'\n');
        write_atomic(&RealFs, &path, &bytes)
    }

    /// The name to stamp on a comment, sign-off or save: the user's name, or `None` when not set.
    pub fn display_name(&self) -> Option<&str> {
        let name = self.name.trim();
        (!name.is_empty()).then_some(name)
    }

    /// The name stamped as a plan's `saved_by` when this user saves: their name from settings,
    /// else their account's name on this computer (`USER` or `LOGNAME`, or `USERNAME` on
    /// Windows), else empty.
    pub fn saved_by(&self) -> String {
        let account = ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|a| !a.trim().is_empty()));
        self.saved_by_or(account)
    }

    /// [`UserConfig::saved_by`] with the account name given.
    pub fn saved_by_or(&self, account: Option<String>) -> String {
        match self.display_name() {
            Some(name) => name.to_owned(),
            None => account.map(|a| a.trim().to_owned()).unwrap_or_default(),
        }
    }

    /// Puts `path` first in the recent files, removing an earlier entry for it and keeping
    /// at most [`RECENT_LIMIT`].
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Drops a recent file (one that has vanished, say).
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "mutual-plan-user-config-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_missing_file_gives_the_defaults_and_a_save_reads_back() {
        let dir = temp_dir("roundtrip");
        assert_eq!(UserConfig::load(&dir).unwrap(), UserConfig::default());
        let mut c = UserConfig {
            name: "Jan Morris".into(),
            role: ReviewerRole::Mentor,
            recent: vec![],
        };
        c.remember(Path::new("/plans/a.mutualplan"));
        c.save(&dir).unwrap();
        assert_eq!(UserConfig::load(&dir).unwrap(), c);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn recent_files_are_newest_first_without_repeats_and_at_most_ten() {
        let mut c = UserConfig::default();
        for i in 0..12 {
            c.remember(Path::new(&format!("/p/{i}.mutualplan")));
        }
        c.remember(Path::new("/p/5.mutualplan"));
        assert_eq!(c.recent.len(), RECENT_LIMIT);
        assert_eq!(c.recent[0], Path::new("/p/5.mutualplan"));
        assert_eq!(c.recent[1], Path::new("/p/11.mutualplan"));
        assert_eq!(
            c.recent
                .iter()
                .filter(|p| p.ends_with("5.mutualplan"))
                .count(),
            1
        );
        c.forget(Path::new("/p/5.mutualplan"));
        assert_eq!(c.recent[0], Path::new("/p/11.mutualplan"));
    }

    #[test]
    fn a_blank_name_is_no_name() {
        let mut c = UserConfig::default();
        assert_eq!(c.display_name(), None);
        c.name = "  Asha Patel ".into();
        assert_eq!(c.display_name(), Some("Asha Patel"));
    }

    #[test]
    fn saves_are_stamped_with_the_name_in_settings_else_the_account_name() {
        let mut c = UserConfig::default();
        assert_eq!(c.saved_by_or(Some("asha".into())), "asha");
        assert_eq!(c.saved_by_or(None), "");
        c.name = "Asha Patel".into();
        assert_eq!(c.saved_by_or(Some("asha".into())), "Asha Patel");
    }

    #[test]
    fn a_malformed_settings_file_is_an_error_naming_it() {
        let dir = temp_dir("malformed");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(FILE_NAME), b"{\"name\": 3").unwrap();
        let err = UserConfig::load(&dir).unwrap_err().to_string();
        assert!(err.contains(FILE_NAME), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
