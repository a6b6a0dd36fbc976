//! Atomic replacement of a file: a crash at any moment leaves the old file or the new one, whole.

use super::fs::FileSystem;
use super::host::{parent_dir, process_is_gone};
use crate::storage::error::FileError;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written, flushed
/// to disk and renamed over `path`, then the folder is flushed so the rename itself is durable.
/// On any failure the temporary file is removed and `path` is untouched.
pub fn write_atomic(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let io = |action, source| FileError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    let dir = parent_dir(path);
    // Windows will not replace a file marked read-only, and Wine would: refuse it here, before
    // anything is written, so both say the same.
    if fs.marked_read_only(path) {
        return Err(io(
            "saving (replacing the file)",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        ));
    }
    remove_stale_temps(fs, path);
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = fs
            .create_new(&tmp)
            .map_err(|e| io("saving (creating a temporary file beside it)", e))?;
        f.write_all(bytes).map_err(|e| io("saving", e))?;
        f.sync_all()
            .map_err(|e| io("saving (flushing to disk)", e))?;
        drop(f);
        rename_patiently(fs, &tmp, path).map_err(|e| io("saving (replacing the file)", e))
    })();
    if result.is_err() {
        let _ = fs.remove_file(&tmp);
        return result;
    }
    // The rename is done; a failed folder sync only weakens durability after a power cut.
    let _ = fs.sync_dir(&dir);
    Ok(())
}

/// Renames `from` over `to`. On Windows a file another program holds open without letting
/// others replace it cannot be replaced: virus scanners and search indexers open a file just
/// written for a moment, so the rename is tried again for about a second before giving up.
/// Windows answers "access denied" or "sharing violation" then; as the temporary file was just
/// made in the same folder and the file is not marked read-only, either means that the file is
/// in use, and the error says so.
fn rename_patiently(fs: &dyn FileSystem, from: &Path, to: &Path) -> std::io::Result<()> {
    const ACCESS_DENIED: i32 = 5;
    const SHARING_VIOLATION: i32 = 32;
    let mut tries = 0;
    loop {
        match fs.rename(from, to) {
            Err(e)
                if cfg!(windows)
                    && matches!(e.raw_os_error(), Some(ACCESS_DENIED | SHARING_VIOLATION)) =>
            {
                if tries == 20 {
                    return Err(std::io::Error::from_raw_os_error(SHARING_VIOLATION));
                }
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            result => return result,
        }
    }
}

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// A temporary name beside `path`, unique to this process and moment, hidden on Unix:
/// `.<name>.<pid>-<nanos>.tmp`.
fn temp_path(path: &Path) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    parent_dir(path).join(format!(
        "{}{}-{nanos}.tmp",
        temp_prefix(path),
        std::process::id()
    ))
}

/// Removes temporary files left beside `path` by saves that were killed part-way, when the
/// process that made them is no longer running. A folder that cannot be listed is left as it is.
///
/// On Windows a process id is soon given to a new process, so a killed save's id may belong to
/// a running program by the next save. There a save in progress holds its temporary file open
/// without letting others delete it (`RealFs::create_new`), so every such file that can be
/// removed is a leftover. (One caught between being closed and being renamed, a moment's
/// window, would make that other save fail with an error and write nothing.)
fn remove_stale_temps(fs: &dyn FileSystem, path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs.read_dir(&parent_dir(path)) else {
        return;
    };
    for entry in entries {
        let Some(name) = entry.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let Some(rest) = name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let left_over = cfg!(windows) || process_is_gone(pid);
        if pid != std::process::id() && left_over {
            let _ = fs.remove_file(&entry);
        }
    }
}
