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

/// Windows' answers that the standard library gives no kind of their own to: another program
/// has the file open without letting others replace it (a sharing or lock violation), and a
/// network share that cannot be reached (its path or name not found, its connection gone, or its
/// network unreachable).
fn in_use(e: &std::io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33))
}

fn share_gone(e: &std::io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(51 | 53 | 59 | 64 | 67 | 1231))
}

/// Whether Windows refused because the file itself is marked read-only (its Read-only box in
/// Properties), rather than because of the folder's permissions.
fn marked_read_only(path: &std::path::Path, e: &std::io::Error) -> bool {
    cfg!(windows)
        && e.kind() == std::io::ErrorKind::PermissionDenied
        && std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly() && m.is_file())
}

fn io_message(path: &std::path::Path, action: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let p = path.display();
    if in_use(e) {
        return format!("{p}: {action} failed because another program has the file open. Close it there and try again, or save a copy; the file on disk is unchanged.");
    }
    if marked_read_only(path, e) {
        return format!("{p}: {action} failed because the file is marked read-only. Untick Read-only in its Properties, or save a copy; the file on disk is unchanged.");
    }
    let kind = if share_gone(e) { NotFound } else { e.kind() };
    match kind {
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
            FileError::Io { source, .. } if share_gone(source) => ErrorKind::NotFound,
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

#[cfg(all(test, windows))]
mod windows_tests {
    use crate::storage::error::FileError;

    /// What Windows answers for a share that cannot be reached (its server or share name not
    /// found, the network not listening, the connection gone, the network unreachable). Wine
    /// answers a UNC path to no server with a plain "path not found", so these are made here.
    #[test]
    fn a_network_share_that_cannot_be_reached_is_not_found_and_says_to_reconnect_it() {
        let path = std::path::Path::new(r"\\plans-server\Therapies\riverside.mutualplan");
        for code in [51, 53, 59, 64, 67, 1231] {
            let e = FileError::Io {
                path: path.to_owned(),
                action: "opening the file",
                source: std::io::Error::from_raw_os_error(code),
            };
            assert_eq!(e.kind(), "not_found", "error {code}");
            assert_eq!(
                e.to_string(),
                r"\\plans-server\Therapies\riverside.mutualplan: opening the file failed because the file or its folder is no longer there. If it was on a USB stick or network drive, reconnect it and try again, or save somewhere else.",
                "error {code}"
            );
        }
    }
}
