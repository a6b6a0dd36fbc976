//! Plan files on disk: reading with clear errors, and saving atomically so that a crash at any
//! moment leaves either the old file or the new one, complete.

use crate::error::FileError;
use crate::plan_file::{read_plan, Loaded, MAX_FILE_BYTES};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Reads and strictly parses the plan at `path`.
pub fn load(path: &Path) -> Result<Loaded, FileError> {
    let bytes = read_bytes(path)?;
    read_plan(&bytes).map_err(|source| FileError::Load {
        path: path.to_owned(),
        source,
    })
}

/// Reads a file's bytes, refusing to read more than a plan file may hold.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    let io = |action, source| FileError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    let file = File::open(path).map_err(|e| io("opening the file", e))?;
    let mut bytes = Vec::new();
    // Read one byte past the limit so that an oversized file is reported, not truncated.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io("reading the file", e))?;
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written, flushed to
/// disk and renamed over `path`, then the folder is flushed so the rename itself is durable.
/// On any failure the temporary file is removed and `path` is untouched.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let io = |action, source| FileError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    let dir = parent_dir(path);
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| io("creating a temporary file", e))?;
        f.write_all(bytes).map_err(|e| io("writing", e))?;
        f.sync_all().map_err(|e| io("flushing to disk", e))?;
        drop(f);
        fs::rename(&tmp, path).map_err(|e| io("replacing the file", e))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // The rename is done; a failed folder sync only weakens durability after a power cut.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// A temporary name beside `path`, unique to this process and moment, hidden on Unix.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    parent_dir(path).join(format!(".{name}.{}-{nanos}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.mutualplan");
        fs::write(&path, "old").unwrap();
        save_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_save_leaves_the_original_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder").join("plan.mutualplan");
        let err = save_atomic(&missing, b"new").unwrap_err();
        assert_eq!(err.kind(), "not_found");
        assert!(err.to_string().contains("no-such-folder"));
    }

    #[test]
    fn oversized_files_are_refused_without_reading_them_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.mutualplan");
        fs::write(&path, vec![b' '; (MAX_FILE_BYTES + 10) as usize]).unwrap();
        let err = load(&path).unwrap_err();
        assert_eq!(err.kind(), "too_large");
    }
}
