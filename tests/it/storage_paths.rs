//! Plans where Windows users keep them: names with spaces and accents, paths longer than Windows'
//! old 260-character limit, drive-letter and `\\?\` spellings of one file, network shares, a plan
//! another program holds open, a plan marked read-only, and a folder the user cannot write. The
//! first two run everywhere; the rest only in the Windows build, which the test command runs
//! under Wine (docs/windows.md). Each ends with the file on disk whole and an error that names
//! the file and says what to do.

#[cfg(windows)]
use crate::common::{self, sample};
use mutual_plan::model::plan::Plan;
#[cfg(windows)]
use mutual_plan::model::plan_file::read_plan;
use mutual_plan::model::plan_file::write_plan;
use mutual_plan::model::samples;
#[cfg(windows)]
use mutual_plan::storage::error::FileError;
use mutual_plan::storage::{lock, OpenMode, Storage};
use std::path::Path;
#[cfg(windows)]
use std::path::PathBuf;

fn edited(p: &Plan) -> Plan {
    let mut q = p.clone();
    q.organisation.name = "Riverside Therapies Mutual CIC".into();
    q
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Opens, edits, autosaves, saves and closes the plan at `path` (holding the sample), checking
/// the lock, the backup, the recovery and the file at each step.
fn round_trip(path: &Path, data: &Path) {
    let storage = Storage::new(data);
    let mut open = storage.open(path, OpenMode::Edit).unwrap();
    assert!(open.locked(), "{}", path.display());
    let lock_file = lock::lock_path(path);
    assert!(lock_file.exists(), "{}", lock_file.display());
    // A second user is told who holds it, with the file's whole name.
    let other = Storage::new(data.join("other"));
    let e = other.open(path, OpenMode::Edit).unwrap_err();
    assert_eq!(e.kind(), "locked", "{e}");
    assert!(e.to_string().contains(&path.display().to_string()), "{e}");
    // The autosave is offered back for this file.
    let mine = edited(&open.plan);
    storage.autosave(Some(path), &mine).unwrap();
    assert_eq!(
        storage.recovery_for(path, &open.plan).map(|r| r.plan),
        Some(mine.clone())
    );
    let saved = storage.save(&mut open, &mine, false).unwrap();
    assert_eq!(std::fs::read_to_string(path).unwrap(), write_plan(&saved));
    let backups = storage.backups(saved.id.as_str());
    assert_eq!(backups.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&backups[0]).unwrap(),
        samples::RIVERSIDE
    );
    assert!(storage.recovery_for(path, &open.plan).is_none());
    drop(open);
    assert!(
        !lock_file.exists(),
        "closing leaves {}",
        lock_file.display()
    );
    assert_eq!(
        names_in(path.parent().unwrap()),
        [path.file_name().unwrap().to_string_lossy().into_owned()]
    );
}

#[test]
fn a_plan_with_spaces_and_accents_in_its_folder_and_name_saves_locks_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Équipe thérapies – 2027 (brouillon)");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("Plan d'équipe Riverside, Øresund & Łódź 計画.mutualplan");
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    round_trip(&path, &dir.path().join("données de l'app"));
}

#[test]
fn a_plan_whose_path_is_longer_than_260_characters_saves_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = dir.path().to_owned();
    for i in 0..8 {
        folder.push(format!(
            "Business plans of the community therapy service {i}"
        ));
    }
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("Riverside Community Therapies business plan.mutualplan");
    assert!(path.as_os_str().len() > 300, "{}", path.display());
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    // The backups and recovery files go into a data folder as deep.
    let data = dir
        .path()
        .join("data")
        .join(folder.strip_prefix(dir.path()).unwrap());
    round_trip(&path, &data);
}

/// A folder of its own for a test, spelt as Windows spells it (`C:\…`).
#[cfg(windows)]
fn windows_folder() -> (tempfile::TempDir, PathBuf) {
    use std::path::{Component, Prefix};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("plans");
    std::fs::create_dir(&folder).unwrap();
    let drive = match folder.components().next() {
        Some(Component::Prefix(p)) => match p.kind() {
            Prefix::Disk(d) => d,
            other => panic!("{} is not on a drive: {other:?}", folder.display()),
        },
        _ => panic!("{} has no drive", folder.display()),
    };
    assert!(drive.is_ascii_alphabetic());
    (dir, folder)
}

/// Whether this Windows is Wine, which keeps its own key in the registry.
#[cfg(windows)]
fn under_wine() -> bool {
    std::process::Command::new("reg")
        .args(["query", r"HKLM\Software\Wine"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(windows)]
fn assert_whole(path: &Path) {
    assert_eq!(std::fs::read_to_string(path).unwrap(), samples::RIVERSIDE);
    let temps: Vec<String> = names_in(path.parent().unwrap())
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "left behind: {temps:?}");
}

#[cfg(windows)]
#[test]
fn drive_letter_slash_and_verbatim_spellings_of_a_plan_share_one_lock() {
    let (dir, folder) = windows_folder();
    let path = folder.join("riverside.mutualplan");
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    let data = dir.path().join("data");
    let storage = Storage::new(&data);
    let mut open = storage.open(&path, OpenMode::Edit).unwrap();
    // `C:/…/riverside.mutualplan` and `\\?\C:\…\riverside.mutualplan` name the same file: the
    // lock taken through one spelling stops an edit through the others.
    let slashed = PathBuf::from(path.to_string_lossy().replace('\\', "/"));
    let verbatim = PathBuf::from(format!(r"\\?\{}", path.display()));
    for other in [&slashed, &verbatim] {
        let e = Storage::new(data.join("other"))
            .open(other, OpenMode::Edit)
            .unwrap_err();
        assert_eq!(e.kind(), "locked", "{}: {e}", other.display());
    }
    // A plan opened through the verbatim spelling saves through it.
    let mine = edited(&open.plan);
    let saved = storage.save(&mut open, &mine, false).unwrap();
    drop(open);
    let reader = Storage::new(data.join("reader"));
    let mut through_verbatim = reader.open(&verbatim, OpenMode::Edit).unwrap();
    assert_eq!(through_verbatim.plan, saved);
    let again = reader
        .save(&mut through_verbatim, &sample(), false)
        .unwrap();
    assert_eq!(
        read_plan(&std::fs::read(&path).unwrap()).unwrap().plan,
        again
    );
    drop(through_verbatim);
    assert_eq!(names_in(&folder), ["riverside.mutualplan"]);
}

#[cfg(windows)]
#[test]
fn a_plan_on_a_network_share_that_cannot_be_reached_says_to_reconnect_it() {
    // No share answers under this name (`.invalid` is never a real host), whether it is spelt
    // as a UNC path or as its verbatim `\\?\UNC\…` form.
    for path in [
        r"\\plans-server.invalid\Therapies\riverside.mutualplan",
        r"\\?\UNC\plans-server.invalid\Therapies\riverside.mutualplan",
    ] {
        let path = Path::new(path);
        let e = Storage::new(std::env::temp_dir().join("mutual-plan-unc-test"))
            .open(path, OpenMode::Edit)
            .unwrap_err();
        assert_eq!(e.kind(), "not_found", "{}: {e:?}", path.display());
        let message = e.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(
            message.contains("If it was on a USB stick or network drive, reconnect it"),
            "{message}"
        );
    }
}

#[cfg(windows)]
#[test]
fn a_plan_another_program_holds_open_is_replaced_only_when_it_lets_go() {
    use std::os::windows::fs::OpenOptionsExt;
    let (dir, folder) = windows_folder();
    let path = folder.join("riverside.mutualplan");
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    let storage = Storage::new(dir.path().join("data"));
    let mut open = storage.open(&path, OpenMode::Edit).unwrap();
    let before = open.plan.clone();
    let mine = edited(&before);

    // A reader that lets others replace the file (as most do, and this app's own reads): on
    // Windows the save goes through and the reader goes on reading the version it opened. Wine
    // differs: it refuses to replace a file open in any way, so there the save stops with the
    // error below and the file is left whole.
    let mut sharing = std::fs::File::open(&path).unwrap();
    match storage.save(&mut open, &mine, false) {
        Ok(saved) if !under_wine() => {
            let mut seen = String::new();
            std::io::Read::read_to_string(&mut sharing, &mut seen).unwrap();
            assert_eq!(seen, samples::RIVERSIDE);
            drop(sharing);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), write_plan(&saved));
        }
        Err(e) if under_wine() => {
            assert!(
                e.to_string().contains("another program has the file open"),
                "{e}"
            );
            drop(sharing);
            assert_whole(&path);
        }
        other => panic!("under Wine: {}; {other:?}", under_wine()),
    }

    // A program that opens it letting others only read it (a spreadsheet or an editor holding
    // it, a sync client uploading it) stops the replace. Windows checks sharing handle by
    // handle, whichever process holds it, so a handle held by this test stands for another
    // program's.
    const FILE_SHARE_READ: u32 = 1;
    drop(open);
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    let mut open = storage.open(&path, OpenMode::Edit).unwrap();
    let holder = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(&path)
        .unwrap();
    let e = storage.save(&mut open, &mine, false).unwrap_err();
    let message = e.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("failed because another program has the file open. Close it there and try again, or save a copy; the file on disk is unchanged."),
        "{message}"
    );
    assert_eq!(open.plan, before, "the open plan changed on a failed save");
    drop(holder);
    assert_whole(&path);

    // A scanner that lets go within the second the save waits does not stop it.
    let scanner = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(&path)
        .unwrap();
    let lets_go = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(scanner);
    });
    let saved = storage.save(&mut open, &mine, false).unwrap();
    lets_go.join().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), write_plan(&saved));
}

#[cfg(windows)]
#[test]
fn a_plan_marked_read_only_is_not_replaced_and_the_message_says_so() {
    let (dir, folder) = windows_folder();
    let path = folder.join("riverside.mutualplan");
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    let storage = Storage::new(dir.path().join("data"));
    let mut open = storage.open(&path, OpenMode::Edit).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    let before = open.plan.clone();
    let e = storage
        .save(&mut open, &edited(&before), false)
        .unwrap_err();
    assert_eq!(e.kind(), "permission_denied", "{e}");
    assert!(
        e.to_string().contains("riverside.mutualplan: saving (replacing the file) failed because the file is marked read-only. Untick Read-only in its Properties, or save a copy; the file on disk is unchanged."),
        "{e}"
    );
    assert_eq!(open.plan, before);
    assert_whole(&path);
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
}

/// A folder in which new files are refused: on Windows, a folder whose access list denies
/// everyone the right to add files (`icacls /deny`). Wine keeps no access lists (its `icacls`
/// does nothing) and the test command runs as root, whom Linux lets write anywhere on disk, so
/// under Wine the folder is `Z:\sys\kernel`: Linux's sysfs, which refuses new files even to root.
#[cfg(windows)]
fn unwritable_folder(dir: &Path) -> PathBuf {
    let folder = dir.join("read only share");
    std::fs::create_dir(&folder).unwrap();
    let denied = std::process::Command::new("icacls")
        .arg(&folder)
        .args(["/deny", "*S-1-1-0:(OI)(CI)(W,AD)"])
        .output()
        .is_ok_and(|o| o.status.success());
    let probe = folder.join("probe");
    if denied && std::fs::write(&probe, "x").is_err() {
        return folder;
    }
    let _ = std::fs::remove_file(&probe);
    let sysfs = PathBuf::from(r"Z:\sys\kernel");
    assert!(
        std::fs::write(sysfs.join("probe"), "x").is_err(),
        "neither icacls nor Z:\\sys\\kernel gives a folder that refuses new files"
    );
    sysfs
}

#[cfg(windows)]
#[test]
fn saving_into_a_folder_the_user_cannot_write_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = unwritable_folder(dir.path());
    let before = names_in(&folder);
    let path = folder.join("riverside.mutualplan");
    let storage = Storage::new(dir.path().join("data"));
    match storage.save_as(&path, &sample(), None) {
        Err(e @ FileError::Io { .. }) => {
            assert_eq!(e.kind(), "permission_denied", "{e}");
            let message = e.to_string();
            assert!(
                message.starts_with(&path.display().to_string()),
                "{message}"
            );
            assert!(
                message.contains("saving (creating a temporary file beside it) failed because you do not have permission. Save a copy in a folder of your own."),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(names_in(&folder), before, "something was written");
    // Lift the denial so the temporary folder can be removed (a no-op under Wine).
    let _ = std::process::Command::new("icacls")
        .arg(&folder)
        .args(["/remove:d", "*S-1-1-0"])
        .output();
}

#[cfg(windows)]
#[test]
fn a_save_sweeps_temporary_files_of_killed_saves_but_not_one_being_written() {
    use std::os::windows::fs::OpenOptionsExt;
    let (_dir, folder) = windows_folder();
    let path = folder.join("riverside.mutualplan");
    std::fs::write(&path, samples::RIVERSIDE).unwrap();
    // A running program with the id a killed save had: Windows gives ids out again.
    let mut holder = common::long_running_process();
    let left = folder.join(format!(".riverside.mutualplan.{}-1.tmp", holder.id()));
    std::fs::write(&left, "the first half of a plan").unwrap();
    // A save in progress holds its temporary file as `RealFs::create_new` opens it.
    const FILE_SHARE_READ: u32 = 1;
    let writing = folder.join(format!(".riverside.mutualplan.{}-2.tmp", holder.id()));
    let in_progress = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .share_mode(FILE_SHARE_READ)
        .open(&writing)
        .unwrap();
    mutual_plan::storage::save_atomic(&path, samples::RIVERSIDE.as_bytes()).unwrap();
    assert!(!left.exists(), "a killed save's file was left");
    assert!(writing.exists(), "a save in progress lost its file");
    drop(in_progress);
    holder.kill().unwrap();
    holder.wait().unwrap();
}
