//! Lock files beside a plan, `.~lock.<file name>#` as office suites make them, holding who has
//! the plan open for editing: user, machine, process and time.

use super::error::{FileError, LockHolder};
use super::fs::FileSystem;
use super::host::{machine_name, parent_dir, process_is_gone, user_name};
use crate::model::values::Timestamp;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A lock older than this is stale wherever its holder is.
pub const STALE_AFTER_SECS: i64 = 12 * 60 * 60;

/// The lock file of a plan.
pub fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(plan).join(format!(".~lock.{name}#"))
}

/// Reads a lock file, judging whether it is stale at `now`. `None` when there is no lock file
/// or it is unreadable (a half-written lock is treated as absent).
pub fn read_lock(fs: &dyn FileSystem, plan: &Path, now: Timestamp) -> Option<LockHolder> {
    let text = fs.read_to_string(&lock_path(plan)).ok()?;
    let mut holder: LockHolder = serde_json::from_str(&text).ok()?;
    let here = holder.machine == machine_name();
    holder.stale = (here && process_is_gone(holder.pid))
        || now.unix() - holder.since.unix() > STALE_AFTER_SECS;
    Some(holder)
}

/// A lock this process holds; removed when dropped, through the file system it was taken with.
pub struct Lock {
    path: PathBuf,
    holder: LockHolder,
    fs: Arc<dyn FileSystem>,
}

impl std::fmt::Debug for Lock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lock")
            .field("path", &self.path)
            .field("holder", &self.holder)
            .finish_non_exhaustive()
    }
}

impl Lock {
    /// Who holds it (this process).
    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove the lock if it is still ours: one that cannot be read stays.
        let ours = self
            .fs
            .read_to_string(&self.path)
            .ok()
            .and_then(|t| serde_json::from_str::<LockHolder>(&t).ok())
            .is_some_and(|h| {
                h.pid == self.holder.pid
                    && h.machine == self.holder.machine
                    && h.since == self.holder.since
            });
        if ours {
            let _ = self.fs.remove_file(&self.path);
        }
    }
}

/// Takes the lock of `plan`, created exclusively. A lock held by someone else is
/// [`FileError::Locked`]; with `take_over`, a stale one is replaced. The lock keeps `fs` to
/// remove itself when dropped.
pub fn acquire(
    fs: &Arc<dyn FileSystem>,
    plan: &Path,
    now: Timestamp,
    take_over: bool,
) -> Result<Lock, FileError> {
    let path = lock_path(plan);
    let holder = LockHolder {
        user: user_name(),
        machine: machine_name(),
        pid: std::process::id(),
        since: now,
        stale: false,
    };
    for attempt in 0..2 {
        match fs.create_new(&path) {
            Ok(mut f) => {
                let text = serde_json::to_string(&holder).unwrap_or_default();
                f.write_all(text.as_bytes())
                    .and_then(|_| f.sync_all())
                    .map_err(|e| FileError::Io {
                        path: path.clone(),
                        action: "creating the lock file",
                        source: e,
                    })?;
                return Ok(Lock {
                    path,
                    holder,
                    fs: Arc::clone(fs),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt == 0 => {
                let Some(current) = read_lock(fs.as_ref(), plan, now) else {
                    // Unreadable or vanished meanwhile: clear it and try once more.
                    let _ = fs.remove_file(&path);
                    continue;
                };
                if current.stale && take_over {
                    let _ = fs.remove_file(&path);
                    continue;
                }
                return Err(FileError::Locked {
                    path: plan.to_owned(),
                    holder: current,
                });
            }
            Err(e) => {
                return Err(FileError::Io {
                    path: path.clone(),
                    action: "creating the lock file",
                    source: e,
                })
            }
        }
    }
    Err(FileError::Io {
        path,
        action: "creating the lock file",
        source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
    })
}
