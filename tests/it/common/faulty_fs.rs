//! A file system that fails on purpose, for tests of every way reading, listing or saving can go
//! wrong: it implements the core's `FileSystem` over the real one, with the faults chosen here.

use mutual_plan::storage::fs::SyncWrite;
use mutual_plan::storage::{FileSystem, RealFs};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The faults to inject; the default injects none.
#[derive(Debug, Clone, Default)]
pub struct FaultyFs {
    /// Writes fail with this error once this many bytes have been written.
    pub fail_write_after: Option<(u64, io::ErrorKind)>,
    /// Renames fail with this error.
    pub fail_rename: Option<io::ErrorKind>,
    /// Creating any file fails with this error (a read-only folder).
    pub fail_create: Option<io::ErrorKind>,
    /// Opening a file to read fails with this error when its name contains the text ("" for
    /// every file).
    pub fail_open: Option<(&'static str, io::ErrorKind)>,
    /// Reads fail with this error once this many bytes have been read from a file.
    pub fail_read_after: Option<(u64, io::ErrorKind)>,
    /// Listing any folder fails with this error.
    pub fail_read_dir: Option<io::ErrorKind>,
}

/// Lets through at most `limit` bytes, then fails with `kind`.
fn within(done: u64, want: usize, fail: Option<(u64, io::ErrorKind)>) -> io::Result<usize> {
    match fail {
        Some((limit, kind)) if done >= limit => Err(io::Error::from(kind)),
        Some((limit, _)) => Ok(want.min((limit - done) as usize)),
        None => Ok(want),
    }
}

struct FaultyWriter {
    inner: File,
    written: u64,
    fail: Option<(u64, io::ErrorKind)>,
}

impl Write for FaultyWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let room = within(self.written, buf.len(), self.fail)?;
        let n = self.inner.write(&buf[..room])?;
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

struct FaultyReader {
    inner: Box<dyn Read>,
    read: u64,
    fail: Option<(u64, io::ErrorKind)>,
}

impl Read for FaultyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let room = within(self.read, buf.len(), self.fail)?;
        let n = self.inner.read(&mut buf[..room])?;
        self.read += n as u64;
        Ok(n)
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
            None => RealFs.rename(from, to),
        }
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        RealFs.remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        RealFs.sync_dir(dir)
    }
    fn open(&self, path: &Path) -> io::Result<Box<dyn Read>> {
        if let Some((part, kind)) = self.fail_open {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.contains(part) {
                return Err(io::Error::from(kind));
            }
        }
        Ok(Box::new(FaultyReader {
            inner: RealFs.open(path)?,
            read: 0,
            fail: self.fail_read_after,
        }))
    }
    fn read_dir(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        match self.fail_read_dir {
            Some(kind) => Err(io::Error::from(kind)),
            None => RealFs.read_dir(dir),
        }
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        RealFs.modified(path)
    }
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        RealFs.create_dir_all(dir)
    }
}
