//! Autosave: the plan as edited, written every minute to a recovery file in the data folder
//! (never over the user's file), and offered back at the next start if it is newer than the file.

use super::atomic::write_atomic;
use super::fs::FileSystem;
use crate::model::plan::Plan;
use crate::model::values::Timestamp;
use crate::storage::error::FileError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Recovery {
    /// The plan file it belongs to; `None` for a plan never saved.
    pub source: Option<String>,
    /// When it was written.
    pub written_at: Timestamp,
    pub plan: Plan,
}

/// The recovery file for a plan file, or for an unsaved plan by its id.
pub fn path_for(data_dir: &Path, source: Option<&Path>, plan_id: &str) -> PathBuf {
    use sha2::{Digest, Sha256};
    let key = match source {
        Some(p) => format!("file:{}", p.to_string_lossy()),
        None => format!("new:{plan_id}"),
    };
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    data_dir.join("recovery").join(format!("{hex}.json"))
}

/// Writes the recovery file.
pub fn write(
    fs: &dyn FileSystem,
    data_dir: &Path,
    source: Option<&Path>,
    plan: &Plan,
    now: Timestamp,
) -> Result<PathBuf, FileError> {
    let path = path_for(data_dir, source, plan.id.as_str());
    let dir = data_dir.join("recovery");
    fs.create_dir_all(&dir).map_err(|e| FileError::Io {
        path: dir,
        action: "making the recovery folder",
        source: e,
    })?;
    let r = Recovery {
        source: source.map(|p| p.to_string_lossy().into_owned()),
        written_at: now,
        plan: plan.clone(),
    };
    write_atomic(
        fs,
        &path,
        serde_json::to_string(&r).unwrap_or_default().as_bytes(),
    )?;
    Ok(path)
}

/// Reads a recovery file; a damaged one is ignored (and removed), never an error at start-up.
fn read(fs: &dyn FileSystem, path: &Path) -> Option<Recovery> {
    let text = fs.read_to_string(path).ok()?;
    match serde_json::from_str::<Recovery>(&text) {
        Ok(r) => Some(r),
        Err(_) => {
            let _ = fs.remove_file(path);
            None
        }
    }
}

/// The recovery for a plan file, if one exists, is newer than the file on disk and changes
/// something in `saved` (the plan as read from the file). One that changes nothing is removed:
/// there is nothing to offer.
pub fn for_file(
    fs: &dyn FileSystem,
    data_dir: &Path,
    source: &Path,
    saved: &Plan,
) -> Option<Recovery> {
    let path = path_for(data_dir, Some(source), saved.id.as_str());
    let r = read(fs, &path)?;
    if r.plan == *saved {
        let _ = fs.remove_file(&path);
        return None;
    }
    let file_time = fs.modified(source).ok();
    let file_secs = file_time
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64);
    (r.written_at.unix() >= file_secs).then_some(r)
}

/// The recovery of a plan never saved, by its id.
pub fn unsaved_by_id(fs: &dyn FileSystem, data_dir: &Path, plan_id: &str) -> Option<Recovery> {
    read(fs, &path_for(data_dir, None, plan_id)).filter(|r| r.source.is_none())
}

/// Recoveries of plans that were never saved, newest first; none when their folder cannot be
/// listed.
pub fn unsaved(fs: &dyn FileSystem, data_dir: &Path) -> Vec<Recovery> {
    let mut out: Vec<Recovery> = fs
        .read_dir(&data_dir.join("recovery"))
        .map(|d| {
            d.iter()
                .filter_map(|p| read(fs, p))
                .filter(|r| r.source.is_none())
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|r| std::cmp::Reverse(r.written_at));
    out
}

/// Removes a plan's recovery file (after a save, or when the user discards it).
pub fn discard(fs: &dyn FileSystem, data_dir: &Path, source: Option<&Path>, plan_id: &str) {
    let _ = fs.remove_file(&path_for(data_dir, source, plan_id));
}

/// The plan open in the window as the shell last saw it. The window sends the plan to be checked
/// after every change; the shell keeps the newest one that read, beside the plan as saved, so
/// that a page which has to be loaded again (its process crashed) gets the plan back with its
/// unsaved changes, the autosave writes what the window has, and the recovery file goes as soon
/// as the changes are undone back to the saved plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    /// The plan's file; `None` for a plan never saved.
    pub source: Option<PathBuf>,
    /// The plan as it is in its file, or as it was made or opened when it has no file; `None`
    /// for a never-saved plan brought back from its recovery, which has nothing to go back to.
    pub saved: Option<Plan>,
    /// The newest plan the window sent that read.
    pub edited: Plan,
    /// Why it cannot be saved in place, when it cannot.
    pub read_only: Option<String>,
    /// A recovery offered when the plan was opened and not yet restored or discarded: its file is
    /// never removed or written over meanwhile.
    pub offered: Option<Recovery>,
}

impl Editing {
    /// A plan just opened (or made), with the recovery offered for it, if any.
    pub fn opened(
        source: Option<&Path>,
        plan: Plan,
        read_only: Option<String>,
        offered: Option<Recovery>,
    ) -> Self {
        Editing {
            source: source.map(Path::to_owned),
            saved: Some(plan.clone()),
            edited: plan,
            read_only,
            offered,
        }
    }

    /// A never-saved plan brought back from its recovery: unsaved until it is saved.
    pub fn restored(r: Recovery) -> Self {
        Editing {
            source: None,
            saved: None,
            edited: r.plan,
            read_only: None,
            offered: None,
        }
    }

    /// Whether the plan as edited differs from the plan as saved.
    pub fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.edited)
    }

    /// The plan was saved to `source`: that is now the plan to go back to.
    pub fn saved_to(&mut self, source: &Path, plan: &Plan) {
        self.source = Some(source.to_owned());
        self.saved = Some(plan.clone());
        self.edited = plan.clone();
        self.read_only = None;
    }

    /// Records the plan as the window has it now. Back at the plan as saved (an undo run ended
    /// where it started, say), its recovery file is removed: it would only offer the saved
    /// plan back, or a moment of the undo run. A recovery offered and not yet answered stays.
    pub fn record(&mut self, fs: &dyn FileSystem, data_dir: &Path, plan: Plan) {
        self.edited = plan;
        if !self.dirty() && self.offered.is_none() {
            discard(
                fs,
                data_dir,
                self.source.as_deref(),
                self.edited.id.as_str(),
            );
        }
    }

    /// Writes the recovery file when the plan as edited differs from the plan as saved; never
    /// over a recovery still waiting for the user's answer. The path written, if any.
    pub fn autosave(
        &self,
        fs: &dyn FileSystem,
        data_dir: &Path,
        now: Timestamp,
    ) -> Result<Option<PathBuf>, FileError> {
        if !self.dirty() || self.offered.is_some() {
            return Ok(None);
        }
        write(fs, data_dir, self.source.as_deref(), &self.edited, now).map(Some)
    }

    /// The plan was closed normally (saved, its changes discarded, or unchanged): its recovery
    /// file goes, unless a recovery offered is still unanswered.
    pub fn close(self, fs: &dyn FileSystem, data_dir: &Path) {
        if self.offered.is_none() {
            discard(
                fs,
                data_dir,
                self.source.as_deref(),
                self.edited.id.as_str(),
            );
        }
    }
}
