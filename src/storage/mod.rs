//! Plans on disk, never lost: strict reading with limits, atomic saves, backups of the previous
//! version, lock files, detection of changes made by others, and recovery files for autosave.
//! See `docs/files.md`.

mod atomic;
pub mod backup;
pub mod error;
pub mod fs;
pub mod host;
pub mod lock;
pub mod recovery;

pub use atomic::write_atomic;
pub use fs::{FileSystem, RealFs};
pub use lock::Lock;

use crate::model::error::LoadError;
use crate::model::plan::Plan;
use crate::model::plan_file::{
    read_newer_for_viewing, read_plan, stamp_for_save, write_plan, Loaded, MAX_FILE_BYTES,
};
use crate::model::values::Timestamp;
use error::FileError;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads and strictly parses the plan at `path` on the real file system (the CLI's and the
/// comparison's read path).
pub fn load(path: &Path) -> Result<Loaded, FileError> {
    let bytes = read_bytes(&RealFs, path)?;
    read_plan(&bytes).map_err(|source| FileError::Load {
        path: path.to_owned(),
        source,
    })
}

/// Reads a file's bytes, refusing to read more than a plan file may hold.
pub fn read_bytes(fs: &dyn FileSystem, path: &Path) -> Result<Vec<u8>, FileError> {
    let io = |action, source| FileError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    let file = fs.open(path).map_err(|e| io("opening the file", e))?;
    let mut bytes = Vec::new();
    // Read one byte past the limit so that an oversized file is reported, not truncated.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io("reading the file", e))?;
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically on the real file system (the CLI's save path).
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomic(&RealFs, path, bytes)
}

/// The canonical text of `plan`, verified to read back to the same plan before anything is
/// written: a file that could not be opened again must never replace a good one.
pub fn canonical_checked(plan: &Plan, path: &Path) -> Result<String, FileError> {
    let text = write_plan(plan);
    match read_plan(text.as_bytes()) {
        Ok(back) if back.plan == *plan => Ok(text),
        Ok(_) => Err(FileError::Load {
            path: path.to_owned(),
            source: LoadError::Invalid {
                path: "(top level)".into(),
                message: "the plan would not read back the same after saving; nothing was written"
                    .into(),
            },
        }),
        Err(source) => Err(FileError::Load {
            path: path.to_owned(),
            source,
        }),
    }
}

/// What a file on disk was when we last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskState {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
    pub hash: [u8; 32],
}

impl DiskState {
    fn of(fs: &dyn FileSystem, bytes: &[u8], path: &Path) -> Self {
        use sha2::{Digest, Sha256};
        let modified = fs.modified(path).ok();
        DiskState {
            len: bytes.len() as u64,
            modified,
            hash: Sha256::digest(bytes).into(),
        }
    }
}

/// How a plan is being opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// For editing: takes the lock.
    Edit,
    /// For editing, replacing a stale lock.
    TakeOver,
    /// For reading (a mentor's review): no lock.
    ReadOnly,
}

/// A plan file that is open.
#[derive(Debug)]
pub struct OpenFile {
    pub path: PathBuf,
    pub plan: Plan,
    /// Why it cannot be saved in place, if it cannot.
    pub read_only: Option<String>,
    /// Fields of a newer version that could not be shown.
    pub skipped: Vec<String>,
    /// For a file of an older format version, what its first save is to tell the user: that it
    /// is written as the current version and what changes its figures. Taken by that save.
    pub migration: Vec<String>,
    disk: Option<DiskState>,
    lock: Option<Lock>,
}

impl OpenFile {
    /// Whether this process holds the plan's lock.
    pub fn locked(&self) -> bool {
        self.lock.is_some()
    }
}

/// The storage service: where backups and recovery files go, which file system, which clock.
pub struct Storage {
    pub data_dir: PathBuf,
    fs: Arc<dyn FileSystem>,
    clock: fn() -> Timestamp,
}

impl Storage {
    /// Storage on the real file system with its data in `data_dir`.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Storage {
            data_dir: data_dir.into(),
            fs: Arc::new(RealFs),
            clock: Timestamp::now,
        }
    }

    /// Storage in the per-user data folder (`~/.local/share/mutual-plan` on Linux).
    pub fn for_user() -> Self {
        let base = dirs::data_dir().unwrap_or_else(std::env::temp_dir);
        Storage::new(base.join("mutual-plan"))
    }

    /// The same storage over another file system (tests inject failures this way).
    pub fn with_fs(mut self, fs: impl FileSystem + 'static) -> Self {
        self.fs = Arc::new(fs);
        self
    }

    /// The file system this storage reads, lists and writes through.
    pub fn fs(&self) -> &dyn FileSystem {
        self.fs.as_ref()
    }

    /// The same storage with another clock.
    pub fn with_clock(mut self, clock: fn() -> Timestamp) -> Self {
        self.clock = clock;
        self
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Opens a plan. For editing it takes the lock: a plan locked by someone else is
    /// [`FileError::Locked`] naming them; a folder that refuses the lock file opens the plan
    /// read-only and says why. A plan from a newer version opens read-only.
    pub fn open(&self, path: &Path, mode: OpenMode) -> Result<OpenFile, FileError> {
        let bytes = read_bytes(self.fs(), path)?;
        let mut migration = Vec::new();
        let (plan, mut read_only, skipped) = match read_plan(&bytes) {
            Ok(l) => {
                migration = l.migration;
                (l.plan, None, vec![])
            }
            Err(LoadError::NewerVersion { found, supported }) => {
                let (plan, skipped) =
                    read_newer_for_viewing(&bytes).map_err(|source| FileError::Load {
                        path: path.to_owned(),
                        source,
                    })?;
                (plan, Some(format!("it was saved by a newer version of Mutual Plan (schema {found}; this one reads {supported})")), skipped)
            }
            Err(source) => {
                return Err(FileError::Load {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        let disk = Some(DiskState::of(self.fs(), &bytes, path));
        let mut lock = None;
        if read_only.is_none() {
            match mode {
                OpenMode::ReadOnly => read_only = Some("you opened it for reading".into()),
                OpenMode::Edit | OpenMode::TakeOver => match lock::acquire(&self.fs, path, self.now(), mode == OpenMode::TakeOver) {
                    Ok(l) => lock = Some(l),
                    Err(e @ FileError::Locked { .. }) => return Err(e),
                    Err(FileError::Io { source, .. }) => {
                        read_only = Some(format!("its folder does not allow a lock file to be made ({}), so others could not see that you are editing it", source.kind()))
                    }
                    Err(e) => return Err(e),
                },
            }
        }
        Ok(OpenFile {
            path: path.to_owned(),
            plan,
            read_only,
            skipped,
            migration,
            disk,
            lock,
        })
    }

    /// Saves `plan` over the open file: stops with [`FileError::ChangedOnDisk`] if someone else
    /// changed the file since it was read (unless `overwrite`), keeps the previous version as a
    /// backup, writes atomically, and returns the plan as saved (revision counted up).
    pub fn save(
        &self,
        open: &mut OpenFile,
        plan: &Plan,
        overwrite: bool,
    ) -> Result<Plan, FileError> {
        if let Some(reason) = &open.read_only {
            return Err(FileError::ReadOnly {
                reason: reason.clone(),
            });
        }
        let current = match read_bytes(self.fs(), &open.path) {
            Ok(b) => Some(b),
            Err(FileError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                None
            }
            Err(e) => return Err(e),
        };
        if !overwrite {
            let unchanged = match (&current, &open.disk) {
                (Some(bytes), Some(disk)) => {
                    DiskState::of(self.fs(), bytes, &open.path).hash == disk.hash
                }
                (None, None) => true,
                _ => false,
            };
            if !unchanged {
                let theirs = current
                    .as_deref()
                    .and_then(|b| read_plan(b).ok())
                    .map(|l| crate::model::plan_file::fingerprint(&l.plan));
                return Err(FileError::ChangedOnDisk {
                    path: open.path.clone(),
                    theirs,
                });
            }
        }
        let now = self.now();
        if let Some(bytes) = &current {
            // A failed backup must not stop the save the user asked for; it only loses history.
            let previous_revision =
                read_plan(bytes).map_or(open.plan.revision, |l| l.plan.revision);
            let _ = backup::keep(
                self.fs(),
                &self.data_dir,
                plan.id.as_str(),
                previous_revision,
                now,
                bytes,
            );
        }
        let saved = stamp_for_save(plan, now);
        let text = canonical_checked(&saved, &open.path)?;
        write_atomic(self.fs(), &open.path, text.as_bytes())?;
        open.disk = Some(DiskState::of(self.fs(), text.as_bytes(), &open.path));
        open.plan = saved.clone();
        recovery::discard(
            self.fs(),
            &self.data_dir,
            Some(&open.path),
            plan.id.as_str(),
        );
        Ok(saved)
    }

    /// Saves only the review (comments and sign-offs) of an open plan, as a mentor in review mode
    /// does: the content is taken from the file as it is on disk and every other byte stays as
    /// it is there (no revision counted up, no save stamp), so the fingerprint, and a sign-off of
    /// this version, stay valid. A version 1 file is written as version 2: its content is
    /// migrated, not changed. Refused, like any save, while someone else holds the plan open for
    /// editing (naming them), when the file changed since it was read (unless `overwrite`), or
    /// when a newer version of Mutual Plan wrote it.
    pub fn save_review(
        &self,
        open: &mut OpenFile,
        review: &crate::model::plan::Review,
        overwrite: bool,
    ) -> Result<Plan, FileError> {
        if open.lock.is_none() {
            if let Some(holder) = lock::read_lock(self.fs(), &open.path, self.now()) {
                return Err(FileError::Locked {
                    path: open.path.clone(),
                    holder,
                });
            }
        }
        let bytes = read_bytes(self.fs(), &open.path)?;
        if !overwrite {
            if let Some(disk) = &open.disk {
                if DiskState::of(self.fs(), &bytes, &open.path).hash != disk.hash {
                    return Err(FileError::ChangedOnDisk {
                        path: open.path.clone(),
                        theirs: read_plan(&bytes)
                            .ok()
                            .map(|l| crate::model::plan_file::fingerprint(&l.plan)),
                    });
                }
            }
        }
        let on_disk = match read_plan(&bytes) {
            Ok(l) => l.plan,
            Err(LoadError::NewerVersion { found, supported }) => {
                return Err(FileError::ReadOnly {
                    reason: format!("it was saved by a newer version of Mutual Plan (schema {found}; this one writes {supported}), so not even comments can be saved into it"),
                })
            }
            Err(source) => {
                return Err(FileError::Load {
                    path: open.path.clone(),
                    source,
                })
            }
        };
        let _ = backup::keep(
            self.fs(),
            &self.data_dir,
            on_disk.id.as_str(),
            on_disk.revision,
            self.now(),
            &bytes,
        );
        let mut saved = on_disk;
        saved.review = review.clone();
        let text = canonical_checked(&saved, &open.path)?;
        write_atomic(self.fs(), &open.path, text.as_bytes())?;
        open.disk = Some(DiskState::of(self.fs(), text.as_bytes(), &open.path));
        open.plan.review = saved.review.clone();
        Ok(saved)
    }

    /// Saves `plan` as a new file at `path` (Save As), taking its lock; the old file, if any, is
    /// released by dropping its [`OpenFile`].
    pub fn save_as(
        &self,
        path: &Path,
        plan: &Plan,
        previous: Option<&Path>,
    ) -> Result<OpenFile, FileError> {
        // Never save over a file someone else is editing; a folder that refuses lock files is
        // no reason to refuse the save the user asked for.
        let lock = match lock::acquire(&self.fs, path, self.now(), false) {
            Ok(l) => Some(l),
            Err(e @ FileError::Locked { .. }) => return Err(e),
            Err(_) => None,
        };
        let mut open = OpenFile {
            path: path.to_owned(),
            plan: plan.clone(),
            read_only: None,
            skipped: vec![],
            migration: vec![],
            disk: None,
            lock,
        };
        // Replacing an existing file (the save dialog asked already): back it up first. A file
        // that is not there, or cannot be read, has nothing to back up.
        open.disk = read_bytes(self.fs(), path)
            .ok()
            .map(|b| DiskState::of(self.fs(), &b, path));
        self.save(&mut open, plan, true)?;
        recovery::discard(self.fs(), &self.data_dir, previous, plan.id.as_str());
        Ok(open)
    }

    /// Writes the autosave recovery file for a plan (never the user's file).
    pub fn autosave(&self, source: Option<&Path>, plan: &Plan) -> Result<PathBuf, FileError> {
        recovery::write(self.fs(), &self.data_dir, source, plan, self.now())
    }

    /// A recovery newer than the plan file that changes something in `saved` (the plan as read
    /// from it), if there is one.
    pub fn recovery_for(&self, source: &Path, saved: &Plan) -> Option<recovery::Recovery> {
        recovery::for_file(self.fs(), &self.data_dir, source, saved)
    }

    /// Records the plan as the window has it now (see [`recovery::Editing::record`]).
    pub fn record_edit(&self, editing: &mut recovery::Editing, plan: Plan) {
        editing.record(self.fs(), &self.data_dir, plan);
    }

    /// Autosave of the plan as last recorded, when it has unsaved changes.
    pub fn autosave_editing(
        &self,
        editing: &recovery::Editing,
    ) -> Result<Option<PathBuf>, FileError> {
        editing.autosave(self.fs(), &self.data_dir, self.now())
    }

    /// The plan was closed normally: its recovery file goes (see [`recovery::Editing::close`]).
    pub fn close_editing(&self, editing: recovery::Editing) {
        editing.close(self.fs(), &self.data_dir);
    }

    /// Removes a plan's recovery file.
    pub fn discard_recovery(&self, source: Option<&Path>, plan_id: &str) {
        recovery::discard(self.fs(), &self.data_dir, source, plan_id)
    }

    /// A plan's backups, newest first.
    pub fn backups(&self, plan_id: &str) -> Vec<PathBuf> {
        backup::list(self.fs(), &self.data_dir, plan_id)
    }
}
