//! Autosave: the plan as edited, written every minute to a recovery file in the data folder
//! (never over the user's file), and offered back at the next start if it is newer than the file.

use super::atomic::write_atomic;
use super::fs::FileSystem;
use crate::error::FileError;
use crate::plan::Plan;
use crate::values::Timestamp;
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
    std::fs::create_dir_all(&dir).map_err(|e| FileError::Io {
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
fn read(path: &Path) -> Option<Recovery> {
    let text = std::fs::read_to_string(path).ok()?;
    match serde_json::from_str::<Recovery>(&text) {
        Ok(r) => Some(r),
        Err(_) => {
            let _ = std::fs::remove_file(path);
            None
        }
    }
}

/// The recovery for a plan file, if one exists and is newer than the file on disk.
pub fn for_file(data_dir: &Path, source: &Path, plan_id: &str) -> Option<Recovery> {
    let r = read(&path_for(data_dir, Some(source), plan_id))?;
    let file_time = std::fs::metadata(source).and_then(|m| m.modified()).ok();
    let file_secs = file_time
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64);
    (r.written_at.unix() >= file_secs).then_some(r)
}

/// Recoveries of plans that were never saved, newest first.
pub fn unsaved(data_dir: &Path) -> Vec<Recovery> {
    let mut out: Vec<Recovery> = std::fs::read_dir(data_dir.join("recovery"))
        .map(|d| {
            d.flatten()
                .filter_map(|e| read(&e.path()))
                .filter(|r| r.source.is_none())
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|r| std::cmp::Reverse(r.written_at));
    out
}

/// Removes a plan's recovery file (after a save, or when the user discards it).
pub fn discard(data_dir: &Path, source: Option<&Path>, plan_id: &str) {
    let _ = std::fs::remove_file(path_for(data_dir, source, plan_id));
}
