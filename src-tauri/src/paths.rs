//! The files the window may read or write: only those the user chose this session — in one of
//! the shell's file dialogs, on the command line (or by the file manager), from the recent
//! files — and plan files inside a folder they chose. The page sends paths as text; every
//! command that touches a file it names asks [`PathGate::check`] first, so a page that went
//! wrong cannot read or overwrite anything else.

use crate::error::{ErrorKind, IpcError};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The set of chosen files and folders, for one window's session.
#[derive(Debug, Default)]
pub struct PathGate {
    files: Mutex<HashSet<PathBuf>>,
    folders: Mutex<Vec<PathBuf>>,
}

impl PathGate {
    /// Lets the window use `path`, a file the user chose.
    pub fn allow(&self, path: &Path) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_owned());
    }

    /// Lets the window read the folder `dir` and open the files inside it (a portfolio).
    pub fn allow_folder(&self, dir: &Path) {
        self.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(dir.to_owned());
    }

    /// `file` as a path, if the user chose it or a folder holding it; otherwise an error saying
    /// so (kind `not_chosen`), and nothing is read or written.
    pub fn check(&self, file: &str) -> Result<PathBuf, IpcError> {
        let path = PathBuf::from(file);
        let chosen = self
            .files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&path);
        if chosen || self.in_chosen_folder(&path) {
            return Ok(path);
        }
        Err(IpcError::new(
            ErrorKind::NotChosen,
            format!(
                "Mutual Plan only opens and writes files you chose yourself, and {file} was not \
                 one of them: choose it with File → Open… or File → Save As…"
            ),
        ))
    }

    /// `dir` as a path, if the user chose that folder.
    pub fn check_folder(&self, dir: &str) -> Result<PathBuf, IpcError> {
        let path = PathBuf::from(dir);
        let folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        if folders.contains(&path) {
            return Ok(path);
        }
        Err(IpcError::new(
            ErrorKind::NotChosen,
            format!(
                "Mutual Plan only reads folders you chose yourself, and {dir} was not one of them: \
                 choose it with File → Open Folder as Portfolio…"
            ),
        ))
    }

    fn in_chosen_folder(&self, path: &Path) -> bool {
        // No climbing out of a chosen folder with `..`.
        if !path.is_absolute() || path.components().any(|c| c == Component::ParentDir) {
            return false;
        }
        self.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .any(|dir| path.starts_with(dir) && path != dir.as_path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_chosen_files_and_files_in_chosen_folders_pass() {
        let gate = PathGate::default();
        gate.allow(Path::new("/home/asha/plans/riverside.mutualplan"));
        gate.allow_folder(Path::new("/home/mentor/cohort"));
        assert!(gate.check("/home/asha/plans/riverside.mutualplan").is_ok());
        assert!(gate.check("/home/mentor/cohort/a.mutualplan").is_ok());
        assert!(gate.check("/home/mentor/cohort/2026/b.mutualplan").is_ok());
        assert!(gate.check_folder("/home/mentor/cohort").is_ok());
        for never in [
            "/home/asha/.ssh/id_ed25519",
            "/home/asha/plans/other.mutualplan",
            "/home/mentor/cohort/../secrets.txt",
            "/home/mentor/cohort",
            "relative/riverside.mutualplan",
        ] {
            let e = gate.check(never).unwrap_err();
            assert_eq!(e.kind, ErrorKind::NotChosen, "{never}");
            assert!(e.message.contains(never), "{}", e.message);
        }
        assert_eq!(
            gate.check_folder("/home").unwrap_err().kind,
            ErrorKind::NotChosen
        );
    }
}
