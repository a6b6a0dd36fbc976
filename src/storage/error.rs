//! Why a file could not be read or written on disk, and who holds a plan's lock.

use crate::model::error::{ErrorKind, LoadError};
use crate::model::values::Timestamp;
use crate::words::format::moment;
use std::path::PathBuf;
use thiserror::Error;

/// Who holds a plan's lock file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct LockHolder {
    pub user: String,
    pub machine: String,
    pub pid: u32,
    pub since: Timestamp,
    /// The holder is on this machine and no longer running, or the lock is over 12 hours old:
    /// it may be taken over.
    #[serde(default)]
    pub stale: bool,
}

/// Why a file could not be read or written on disk. Every message says what happened in plain
/// words and what to do; the plan that is open keeps its changes in every case.
#[derive(Debug, Error)]
pub enum FileError {
    /// The file was read but is not a valid plan.
    #[error("{}: {source}", path.display())]
    Load { path: PathBuf, source: LoadError },
    /// Someone else has the plan open for editing.
    #[error("{} is open for editing by {} on {} since {}{}", path.display(), holder.user, holder.machine, moment(holder.since),
        if holder.stale { " (that lock looks abandoned: you can take it over)" } else { "" })]
    Locked { path: PathBuf, holder: LockHolder },
    /// The file changed on disk since it was opened.
    #[error("{} was changed by another program or person since you opened it{}. Save your version as a copy, overwrite theirs, or compare the two first.", path.display(),
        theirs.as_ref().map(|t| format!(" (their version's fingerprint is {t})")).unwrap_or_else(|| " (it is no longer a readable plan, or it was removed)".into()))]
    ChangedOnDisk {
        path: PathBuf,
        theirs: Option<String>,
    },
    /// The plan is open read-only.
    #[error(
        "this plan is open read-only ({reason}): save it under another name to keep your changes"
    )]
    ReadOnly { reason: String },
    /// The operating system refused (missing file, permissions, disk full…).
    #[error("{}", io_message(path, action, source))]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
}

fn io_message(path: &std::path::Path, action: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let p = path.display();
    match e.kind() {
        NotFound => format!("{p}: {action} failed because the file or its folder is no longer there. If it was on a USB stick or network drive, reconnect it and try again, or save somewhere else."),
        PermissionDenied => format!("{p}: {action} failed because you do not have permission. Save a copy in a folder of your own."),
        ReadOnlyFilesystem => format!("{p}: {action} failed because the drive is read-only. Save a copy somewhere else."),
        StorageFull | QuotaExceeded => format!("{p}: {action} failed because the disk is full. Free some space or save somewhere else; the file on disk is unchanged."),
        _ => format!("{p}: {action} failed: {e}"),
    }
}

impl FileError {
    /// A stable kind for the UI and scripts to branch on.
    pub fn kind(&self) -> &'static str {
        self.error_kind().as_str()
    }

    /// The kind as the typed [`ErrorKind`]; a lock that may be taken over is `LockedStale`.
    pub fn error_kind(&self) -> ErrorKind {
        match self {
            FileError::Load { source, .. } => source.error_kind(),
            FileError::Locked { holder, .. } if holder.stale => ErrorKind::LockedStale,
            FileError::Locked { .. } => ErrorKind::Locked,
            FileError::ChangedOnDisk { .. } => ErrorKind::ChangedOnDisk,
            FileError::ReadOnly { .. } => ErrorKind::ReadOnlyPlan,
            FileError::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound => ErrorKind::NotFound,
                std::io::ErrorKind::PermissionDenied => ErrorKind::PermissionDenied,
                std::io::ErrorKind::ReadOnlyFilesystem => ErrorKind::ReadOnly,
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    ErrorKind::DiskFull
                }
                _ => ErrorKind::Io,
            },
        }
    }
}
