//! The file-system operations a save uses, behind a trait so tests can inject failures: a write
//! that stops at a chosen byte, a rename that fails, a full disk, a folder that refuses new files.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// A file being written that can be flushed to disk.
pub trait SyncWrite: Write {
    fn sync_all(&mut self) -> io::Result<()>;
}

impl SyncWrite for File {
    fn sync_all(&mut self) -> io::Result<()> {
        File::sync_all(self)
    }
}

/// The operations saving needs.
pub trait FileSystem: Send + Sync {
    /// Creates a file that must not exist yet.
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn SyncWrite>>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// Flushes a folder's entries (a rename) to disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFs;

impl FileSystem for RealFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn SyncWrite>> {
        Ok(Box::new(
            OpenOptions::new().write(true).create_new(true).open(path)?,
        ))
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
}

/// A file system that fails on purpose, for tests of every way a save can go wrong.
#[derive(Debug, Clone, Default)]
pub struct FaultyFs {
    /// Writes fail with this error once this many bytes have been written.
    pub fail_write_after: Option<(u64, io::ErrorKind)>,
    /// Renames fail with this error.
    pub fail_rename: Option<io::ErrorKind>,
    /// Creating any file fails with this error (a read-only folder).
    pub fail_create: Option<io::ErrorKind>,
}

struct FaultyWriter {
    inner: File,
    written: u64,
    fail: Option<(u64, io::ErrorKind)>,
}

impl Write for FaultyWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some((limit, kind)) = self.fail {
            if self.written >= limit {
                return Err(io::Error::from(kind));
            }
            let room = (limit - self.written) as usize;
            let n = self.inner.write(&buf[..buf.len().min(room)])?;
            self.written += n as u64;
            return Ok(n);
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl SyncWrite for FaultyWriter {
    fn sync_all(&mut self) -> io::Result<()> {
        self.inner.sync_all()
    }
}

impl FileSystem for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn SyncWrite>> {
        if let Some(kind) = self.fail_create {
            return Err(io::Error::from(kind));
        }
        let inner = OpenOptions::new().write(true).create_new(true).open(path)?;
        Ok(Box::new(FaultyWriter {
            inner,
            written: 0,
            fail: self.fail_write_after,
        }))
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        match self.fail_rename {
            Some(kind) => Err(io::Error::from(kind)),
            None => fs::rename(from, to),
        }
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        RealFs.sync_dir(dir)
    }
}
