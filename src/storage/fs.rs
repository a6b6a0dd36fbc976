//! Every file-system operation storage makes, reads and folder listings as well as writes, behind
//! one trait: the real file system in use, and in tests one that fails on purpose (a write that
//! stops at a chosen byte, a rename that fails, a full disk, a folder that refuses new files or
//! cannot be listed, a file that cannot be read).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A file being written that can be flushed to disk.
pub trait SyncWrite: Write {
    fn sync_all(&mut self) -> io::Result<()>;
}

impl SyncWrite for File {
    fn sync_all(&mut self) -> io::Result<()> {
        File::sync_all(self)
    }
}

/// The operations storage needs: plan files, backups, recovery files and lock files are read,
/// listed, written and removed only through these.
pub trait FileSystem: Send + Sync {
    /// Creates a file that must not exist yet.
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn SyncWrite>>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// Flushes a folder's entries (a rename) to disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Opens a file for reading (the caller chooses how much to read).
    fn open(&self, path: &Path) -> io::Result<Box<dyn Read>>;
    /// The paths of a folder's entries, in no particular order; entries that cannot be read are
    /// left out.
    fn read_dir(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    /// When a file was last changed.
    fn modified(&self, path: &Path) -> io::Result<SystemTime>;
    /// Makes a folder and any folders above it that are missing.
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;

    /// Whether the file is marked read-only in a way that stops it being replaced: Windows'
    /// read-only attribute. On Unix the folder's permissions decide, so never.
    fn marked_read_only(&self, _path: &Path) -> bool {
        false
    }

    /// A whole file as text.
    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        let mut text = String::new();
        self.open(path)?.read_to_string(&mut text)?;
        Ok(text)
    }
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFs;

impl FileSystem for RealFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn SyncWrite>> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // On Windows, while it is being written nobody else may delete the file (a save's
        // temporary file: see `atomic::remove_stale_temps`) or write it; reading is allowed.
        #[cfg(windows)]
        {
            use std::os::windows::fs::OpenOptionsExt;
            const FILE_SHARE_READ: u32 = 1;
            options.share_mode(FILE_SHARE_READ);
        }
        Ok(Box::new(options.open(path)?))
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        // Folders can be opened and synced on Unix; elsewhere the rename is as durable as the OS makes it.
        if cfg!(unix) {
            File::open(dir)?.sync_all()
        } else {
            Ok(())
        }
    }
    fn open(&self, path: &Path) -> io::Result<Box<dyn Read>> {
        Ok(Box::new(File::open(path)?))
    }
    fn read_dir(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        Ok(fs::read_dir(dir)?.flatten().map(|e| e.path()).collect())
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        fs::metadata(path)?.modified()
    }
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)
    }
    fn marked_read_only(&self, path: &Path) -> bool {
        cfg!(windows) && fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
    }
}
