//! Backups of the previous version of a plan, kept in the per-user data folder: named by plan id,
//! revision and time; pruned after 30 days, with the last 10 always kept.

use super::atomic::write_atomic;
use super::fs::FileSystem;
use crate::model::values::Timestamp;
use crate::storage::error::FileError;
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
    fs.create_dir_all(&dir).map_err(|e| FileError::Io {
        path: dir.clone(),
        action: "making the backup folder",
        source: e,
    })?;
    let path = dir.join(format!("{}-r{revision}.mutualplan", compact(now)));
    write_atomic(fs, &path, bytes)?;
    prune(fs, &dir, now);
    Ok(path)
}

/// A plan's backups, newest first; none when their folder cannot be listed.
pub fn list(fs: &dyn FileSystem, data_dir: &Path, plan_id: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs
        .read_dir(&folder(data_dir, plan_id))
        .map(|d| {
            d.into_iter()
                .filter(|p| p.extension().is_some_and(|x| x == "mutualplan"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.reverse();
    files
}

/// The plan id near the top of a plan file, read from its raw bytes so that a truncated or
/// malformed file can still be matched with its backups: in a plan file the plan's `"id"` is the
/// first key of that name, before any list item's. `None` when no well-formed id is found.
pub fn plan_id_in(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let after_key = &text[text.find("\"id\"")? + 4..];
    let value = after_key.trim_start().strip_prefix(':')?.trim_start();
    let id: String = value
        .strip_prefix('"')?
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let well_formed = !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (well_formed && value[1..].len() > id.len()).then_some(id)
}

/// The newest backup of the plan whose file (perhaps damaged) holds `bytes`.
pub fn newest_for(fs: &dyn FileSystem, data_dir: &Path, bytes: &[u8]) -> Option<PathBuf> {
    list(fs, data_dir, &plan_id_in(bytes)?).into_iter().next()
}

/// When a backup was taken and of which revision, in words:
/// "the backup of 27 November 2026 at 10:15 UTC (revision 3)".
pub fn describe(path: &Path) -> String {
    let revision = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit_once("-r"))
        .map(|(_, r)| r.to_owned());
    match (taken_at(path), revision) {
        (Some(t), Some(r)) => format!(
            "the backup of {} (revision {r})",
            crate::words::format::moment(t)
        ),
        (Some(t), None) => format!("the backup of {}", crate::words::format::moment(t)),
        _ => "the newest backup".to_owned(),
    }
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

/// Removes backups older than [`KEEP_DAYS`] beyond the newest [`KEEP_LAST`]; a folder that cannot
/// be listed is left as it is.
pub fn prune(fs: &dyn FileSystem, dir: &Path, now: Timestamp) {
    let mut files: Vec<PathBuf> = fs.read_dir(dir).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "mutualplan"));
    files.sort();
    files.reverse();
    for old in files.iter().skip(KEEP_LAST) {
        if taken_at(old).is_some_and(|t| now.unix() - t.unix() > KEEP_DAYS * 86_400) {
            let _ = fs.remove_file(old);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::RealFs;

    #[test]
    fn a_truncated_plan_is_matched_with_its_newest_backup_by_its_id() {
        let dir = tempfile::tempdir().unwrap();
        let plan = crate::model::samples::RIVERSIDE.as_bytes();
        let id = crate::model::samples::riverside()
            .unwrap()
            .id
            .as_str()
            .to_owned();
        assert_eq!(plan_id_in(plan).as_deref(), Some(id.as_str()));
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        keep(&RealFs, dir.path(), &id, 2, t("2026-11-20T10:00:00Z"), plan).unwrap();
        let newest = keep(&RealFs, dir.path(), &id, 3, t("2026-11-27T10:15:00Z"), plan).unwrap();
        // Cut off after the id, or even in the middle of the first list.
        let truncated = &plan[..plan.len() / 3];
        assert_eq!(
            newest_for(&RealFs, dir.path(), truncated),
            Some(newest.clone())
        );
        assert_eq!(
            describe(&newest),
            "the backup of 27 November 2026 at 10:15 UTC (revision 3)"
        );
        // Cut off inside the id, or before it: no guess.
        let at = crate::model::samples::RIVERSIDE.find(&id).unwrap();
        assert_eq!(plan_id_in(&plan[..at + 5]), None);
        assert_eq!(plan_id_in(&plan[..20]), None);
        assert_eq!(newest_for(&RealFs, dir.path(), b"not a plan"), None);
    }
}
