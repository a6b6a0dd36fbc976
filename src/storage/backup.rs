//! Backups of the previous version of a plan, kept in the per-user data folder: named by plan id,
//! revision and time; pruned after 30 days, with the last 10 always kept.

use super::atomic::write_atomic;
use super::fs::FileSystem;
use crate::error::FileError;
use crate::values::Timestamp;
use std::path::{Path, PathBuf};

/// Backups older than this are pruned…
pub const KEEP_DAYS: i64 = 30;
/// …except the newest this many, which are always kept.
pub const KEEP_LAST: usize = 10;

/// The folder holding one plan's backups.
pub fn folder(data_dir: &Path, plan_id: &str) -> PathBuf {
    data_dir.join("backups").join(plan_id)
}

/// `20261127T101500Z`: sorts in time order as text.
fn compact(t: Timestamp) -> String {
    t.to_string().replace(['-', ':'], "")
}

/// Saves `bytes` (the version about to be replaced) as a backup, then prunes old ones.
pub fn keep(
    fs: &dyn FileSystem,
    data_dir: &Path,
    plan_id: &str,
    revision: u32,
    now: Timestamp,
    bytes: &[u8],
) -> Result<PathBuf, FileError> {
    let dir = folder(data_dir, plan_id);
    std::fs::create_dir_all(&dir).map_err(|e| FileError::Io {
        path: dir.clone(),
        action: "making the backup folder",
        source: e,
    })?;
    let path = dir.join(format!("{}-r{revision}.mutualplan", compact(now)));
    write_atomic(fs, &path, bytes)?;
    prune(&dir, now);
    Ok(path)
}

/// A plan's backups, newest first.
pub fn list(data_dir: &Path, plan_id: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder(data_dir, plan_id))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "mutualplan"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.reverse();
    files
}

fn taken_at(path: &Path) -> Option<Timestamp> {
    let name = path.file_name()?.to_str()?;
    let c = name.split('-').next()?;
    if c.len() != 16 {
        return None;
    }
    let text = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &c[0..4],
        &c[4..6],
        &c[6..8],
        &c[9..11],
        &c[11..13],
        &c[13..15]
    );
    text.parse().ok()
}

/// Removes backups older than [`KEEP_DAYS`] beyond the newest [`KEEP_LAST`].
pub fn prune(dir: &Path, now: Timestamp) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "mutualplan"));
    files.sort();
    files.reverse();
    for old in files.iter().skip(KEEP_LAST) {
        if taken_at(old).is_some_and(|t| now.unix() - t.unix() > KEEP_DAYS * 86_400) {
            let _ = std::fs::remove_file(old);
        }
    }
}
