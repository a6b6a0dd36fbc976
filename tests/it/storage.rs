//! Saving, backups, locks, changes by others, recovery files, and every failure a user can meet:
//! each leaves the file on disk whole and says what happened.

use crate::common;

use common::faulty_fs::FaultyFs;
use common::{at, sample};
use mutual_plan::model::plan::Plan;
use mutual_plan::model::values::Timestamp;
use mutual_plan::storage::error::FileError;
use mutual_plan::storage::recovery::{self, Editing};
use mutual_plan::storage::{host, lock, OpenMode, RealFs, Storage};
use mutual_plan::{
    model::plan_file::fingerprint, model::plan_file::read_plan, model::plan_file::write_plan,
    model::samples,
};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

struct Setup {
    _dir: tempfile::TempDir,
    plan_path: PathBuf,
    data: PathBuf,
    original: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("work").join("riverside.mutualplan");
    std::fs::create_dir_all(plan_path.parent().unwrap()).unwrap();
    std::fs::write(&plan_path, samples::RIVERSIDE).unwrap();
    let data = dir.path().join("data");
    Setup {
        plan_path,
        data,
        original: samples::RIVERSIDE.to_string(),
        _dir: dir,
    }
}

fn edited(p: &Plan) -> Plan {
    let mut q = p.clone();
    q.organisation.name = "Riverside Therapies Mutual CIC".into();
    q
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_save_is_atomic_keeps_a_backup_and_leaves_no_temporary_file() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    assert!(open.locked());
    let mine = edited(&open.plan);
    let saved = storage.save(&mut open, &mine, false).unwrap();
    assert_eq!(saved.revision, 4);
    let on_disk = std::fs::read_to_string(&s.plan_path).unwrap();
    assert_eq!(on_disk, write_plan(&saved));
    // Only the plan and our lock beside it.
    assert_eq!(
        files_in(s.plan_path.parent().unwrap()),
        [".~lock.riverside.mutualplan#", "riverside.mutualplan"]
    );
    let backups = storage.backups(saved.id.as_str());
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), s.original);
    assert!(backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .ends_with("-r3.mutualplan"));
    drop(open);
    assert_eq!(
        files_in(s.plan_path.parent().unwrap()),
        ["riverside.mutualplan"],
        "closing removes the lock"
    );
}

#[test]
fn backups_older_than_30_days_are_pruned_but_the_last_10_are_kept() {
    let s = setup();
    let day = 86_400;
    let start = at(1_900_000_000).unix();
    let plan = sample();
    let fs = mutual_plan::storage::RealFs;
    // 15 backups, one a day; then prune 45 days after the first.
    for i in 0..15 {
        let t = at(start + i * day);
        mutual_plan::storage::backup::keep(&fs, &s.data, plan.id.as_str(), i as u32, t, b"x")
            .unwrap();
    }
    assert_eq!(
        mutual_plan::storage::backup::list(&fs, &s.data, plan.id.as_str()).len(),
        15,
        "nothing is 30 days old yet"
    );
    let later = at(start + 45 * day);
    mutual_plan::storage::backup::prune(
        &fs,
        &mutual_plan::storage::backup::folder(&s.data, plan.id.as_str()),
        later,
    );
    let kept = mutual_plan::storage::backup::list(&fs, &s.data, plan.id.as_str());
    // Days 0–14: over 30 days old at day 45 are days 0–14 all; the newest 10 stay regardless.
    assert_eq!(kept.len(), 10);
    assert!(kept[0].to_string_lossy().contains("-r14."));
    assert!(kept[9].to_string_lossy().contains("-r5."));
}

fn assert_untouched(s: &Setup) {
    assert_eq!(
        std::fs::read_to_string(&s.plan_path).unwrap(),
        s.original,
        "the file on disk was damaged"
    );
    let leftovers: Vec<String> = files_in(s.plan_path.parent().unwrap())
        .into_iter()
        .filter(|f| f.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn faults_while_saving_leave_the_original_intact_and_say_why() {
    let cases: Vec<(FaultyFs, &str, &str)> = vec![
        (
            FaultyFs {
                fail_write_after: Some((1000, ErrorKind::StorageFull)),
                ..Default::default()
            },
            "disk_full",
            "the disk is full",
        ),
        (
            FaultyFs {
                fail_write_after: Some((0, ErrorKind::Other)),
                ..Default::default()
            },
            "io",
            "saving failed",
        ),
        (
            FaultyFs {
                fail_rename: Some(ErrorKind::PermissionDenied),
                ..Default::default()
            },
            "permission_denied",
            "do not have permission",
        ),
        (
            FaultyFs {
                fail_rename: Some(ErrorKind::ReadOnlyFilesystem),
                ..Default::default()
            },
            "read_only",
            "the drive is read-only",
        ),
    ];
    for (fs, kind, words) in cases {
        let s = setup();
        let storage = Storage::new(&s.data);
        let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
        let storage = storage.with_fs(fs);
        let before = open.plan.clone();
        let e = storage
            .save(&mut open, &edited(&before), false)
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{e}");
        assert!(e.to_string().contains(words), "{e}");
        assert!(e.to_string().contains("riverside.mutualplan"), "{e}");
        assert_eq!(
            open.plan, before,
            "the open plan's state changed on a failed save"
        );
        assert_untouched(&s);
    }
}

#[test]
fn a_vanished_folder_is_reported_and_nothing_is_written() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::ReadOnly).unwrap();
    open.read_only = None; // as if opened for editing, without a lock in the way
    std::fs::remove_dir_all(s.plan_path.parent().unwrap()).unwrap();
    let mine = edited(&open.plan);
    let e = storage.save(&mut open, &mine, true).unwrap_err();
    assert_eq!(e.kind(), "not_found");
    assert!(e.to_string().contains("USB stick"), "{e}");
    assert!(!s.plan_path.parent().unwrap().exists());
}

#[test]
fn a_file_changed_by_someone_else_stops_the_save_until_overwrite_is_chosen() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    // A sync client replaces the file with another version.
    let mut theirs = sample();
    theirs.title = "Their title".into();
    std::fs::write(&s.plan_path, write_plan(&theirs)).unwrap();
    let mine = edited(&open.plan);
    match storage.save(&mut open, &mine, false).unwrap_err() {
        FileError::ChangedOnDisk {
            theirs: Some(fp), ..
        } => assert_eq!(fp, fingerprint(&theirs)),
        e => panic!("{e:?}"),
    }
    assert_eq!(
        read_plan(&std::fs::read(&s.plan_path).unwrap())
            .unwrap()
            .plan
            .title,
        "Their title"
    );
    let saved = storage.save(&mut open, &mine, true).unwrap();
    assert_eq!(
        read_plan(&std::fs::read(&s.plan_path).unwrap())
            .unwrap()
            .plan,
        saved
    );
    // Their version is kept as a backup.
    let backups = storage.backups(saved.id.as_str());
    assert!(std::fs::read_to_string(&backups[0])
        .unwrap()
        .contains("Their title"));
}

#[test]
fn touching_a_file_without_changing_it_is_not_a_change() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&s.plan_path, &s.original).unwrap();
    let mine = edited(&open.plan);
    assert!(storage.save(&mut open, &mine, false).is_ok());
}

#[test]
fn a_second_user_sees_the_lock_and_may_read() {
    let s = setup();
    let a = Storage::new(&s.data);
    let b = Storage::new(s.data.join("other"));
    let held = a.open(&s.plan_path, OpenMode::Edit).unwrap();
    match b.open(&s.plan_path, OpenMode::Edit).unwrap_err() {
        FileError::Locked { holder, .. } => {
            assert_eq!(holder.pid, std::process::id());
            assert_eq!(holder.machine, host::machine_name());
            assert!(!holder.stale, "a running holder is not stale");
        }
        e => panic!("{e:?}"),
    }
    let reading = b.open(&s.plan_path, OpenMode::ReadOnly).unwrap();
    assert!(reading.read_only.is_some() && !reading.locked());
    drop(held);
    assert!(b.open(&s.plan_path, OpenMode::Edit).unwrap().locked());
}

fn write_lock(plan: &Path, machine: &str, pid: u32, since: Timestamp) {
    let holder = serde_json::json!({ "user": "tom", "machine": machine, "pid": pid, "since": since.to_string() });
    std::fs::write(lock::lock_path(plan), holder.to_string()).unwrap();
}

#[test]
fn a_lock_held_by_another_live_process_is_respected_until_it_ends() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut child = common::long_running_process();
    write_lock(
        &s.plan_path,
        &host::machine_name(),
        child.id(),
        Timestamp::now(),
    );
    match storage.open(&s.plan_path, OpenMode::TakeOver).unwrap_err() {
        FileError::Locked { holder, .. } => assert!(!holder.stale && holder.user == "tom"),
        e => panic!("{e:?}"),
    }
    child.kill().unwrap();
    child.wait().unwrap();
    match storage.open(&s.plan_path, OpenMode::Edit).unwrap_err() {
        FileError::Locked { holder, .. } => {
            assert!(holder.stale, "a dead holder on this machine is stale")
        }
        e => panic!("{e:?}"),
    }
    let taken = storage.open(&s.plan_path, OpenMode::TakeOver).unwrap();
    assert!(taken.locked());
    assert_eq!(
        lock::read_lock(&RealFs, &s.plan_path, Timestamp::now())
            .unwrap()
            .pid,
        std::process::id()
    );
}

#[test]
fn a_lock_older_than_12_hours_is_stale_anywhere() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let now = Timestamp::now();
    write_lock(
        &s.plan_path,
        "another-laptop",
        1,
        at(now.unix() - 11 * 3600),
    );
    assert!(
        matches!(storage.open(&s.plan_path, OpenMode::Edit), Err(FileError::Locked { holder, .. }) if !holder.stale)
    );
    write_lock(
        &s.plan_path,
        "another-laptop",
        1,
        at(now.unix() - 13 * 3600),
    );
    assert!(
        matches!(storage.open(&s.plan_path, OpenMode::Edit), Err(FileError::Locked { holder, .. }) if holder.stale)
    );
}

#[test]
fn a_folder_that_refuses_the_lock_opens_the_plan_read_only() {
    let s = setup();
    let storage = Storage::new(&s.data).with_fs(FaultyFs {
        fail_create: Some(ErrorKind::PermissionDenied),
        ..Default::default()
    });
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let why = open.read_only.clone().unwrap();
    assert!(why.contains("does not allow a lock file"), "{why}");
    let mine = edited(&open.plan);
    let e = storage.save(&mut open, &mine, false).unwrap_err();
    assert_eq!(e.kind(), "read_only_plan");
    assert_untouched(&s);
}

#[test]
fn a_plan_that_cannot_be_read_is_an_error_naming_the_file_never_a_cut_off_plan() {
    let s = setup();
    let folder = s.plan_path.parent().unwrap();
    // Refused outright.
    let refused = Storage::new(&s.data).with_fs(FaultyFs {
        fail_open: Some(("", ErrorKind::PermissionDenied)),
        ..Default::default()
    });
    let e = refused.open(&s.plan_path, OpenMode::Edit).unwrap_err();
    assert_eq!(e.kind(), "permission_denied", "{e}");
    assert!(
        e.to_string().contains(
            "riverside.mutualplan: opening the file failed because you do not have permission"
        ),
        "{e}"
    );
    // Failing part-way, as a network drive that drops does: the part read is not taken for the
    // plan.
    let dropped = Storage::new(&s.data).with_fs(FaultyFs {
        fail_read_after: Some((1000, ErrorKind::ConnectionReset)),
        ..Default::default()
    });
    let e = dropped.open(&s.plan_path, OpenMode::Edit).unwrap_err();
    assert_eq!(e.kind(), "io", "{e}");
    assert!(
        e.to_string()
            .contains("riverside.mutualplan: reading the file failed"),
        "{e}"
    );
    // Nothing was locked or written.
    assert_eq!(files_in(folder), ["riverside.mutualplan"]);
    assert_untouched(&s);
}

#[test]
fn a_save_that_cannot_read_the_file_first_stops_and_writes_nothing() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let before = open.plan.clone();
    // Whether someone else changed the file cannot be told without reading it.
    let blind = Storage::new(&s.data).with_fs(FaultyFs {
        fail_open: Some(("riverside", ErrorKind::PermissionDenied)),
        ..Default::default()
    });
    let e = blind.save(&mut open, &edited(&before), false).unwrap_err();
    assert_eq!(e.kind(), "permission_denied", "{e}");
    assert!(e.to_string().contains("opening the file failed"), "{e}");
    assert_eq!(open.plan, before);
    assert!(storage.backups(before.id.as_str()).is_empty());
    assert_untouched(&s);
}

#[test]
fn a_lock_that_cannot_be_read_back_is_not_removed_on_close() {
    let s = setup();
    let folder = s.plan_path.parent().unwrap();
    // The lock is written, but reading it back fails through the file system it was taken with.
    let storage = Storage::new(&s.data).with_fs(FaultyFs {
        fail_open: Some((".~lock.", ErrorKind::PermissionDenied)),
        ..Default::default()
    });
    let open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    assert!(open.locked());
    drop(open);
    // Only a lock that reads back as ours is removed: one that cannot be read might be someone
    // else's by now.
    assert_eq!(
        files_in(folder),
        [".~lock.riverside.mutualplan#", "riverside.mutualplan"]
    );
}

#[test]
fn folders_that_cannot_be_listed_offer_nothing_and_stop_no_save() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let mut unsaved = Editing::opened(None, open.plan.clone(), None, None);
    storage.record_edit(&mut unsaved, edited(&open.plan));
    storage.autosave_editing(&unsaved).unwrap();
    assert_eq!(recovery::unsaved(storage.fs(), &s.data).len(), 1);
    let blind = Storage::new(&s.data).with_fs(FaultyFs {
        fail_read_dir: Some(ErrorKind::PermissionDenied),
        ..Default::default()
    });
    // At start-up: no recoveries offered, no error.
    assert!(recovery::unsaved(blind.fs(), &s.data).is_empty());
    // Saving skips the sweep for stale temporary files and the pruning of backups, nothing else.
    let mine = edited(&open.plan);
    let saved = blind.save(&mut open, &mine, false).unwrap();
    assert_eq!(
        std::fs::read_to_string(&s.plan_path).unwrap(),
        write_plan(&saved)
    );
    assert!(blind.backups(saved.id.as_str()).is_empty());
    assert_eq!(storage.backups(saved.id.as_str()).len(), 1);
}

#[test]
fn a_plan_from_a_newer_version_opens_read_only() {
    let s = setup();
    let newer = s
        .original
        .replacen("\"schema_version\": 3", "\"schema_version\": 4", 1)
        .replace(
            "\"nation\": \"england\",",
            "\"nation\": \"england\",\n    \"website\": \"https://example.org\",",
        );
    std::fs::write(&s.plan_path, newer).unwrap();
    let open = Storage::new(&s.data)
        .open(&s.plan_path, OpenMode::Edit)
        .unwrap();
    assert!(open.read_only.as_deref().unwrap().contains("newer version"));
    assert_eq!(open.skipped, ["organisation.website"]);
    assert!(!open.locked());
}

#[test]
fn autosave_writes_a_recovery_file_that_is_offered_until_saved_or_discarded() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let draft = edited(&open.plan);
    storage.autosave(Some(&s.plan_path), &draft).unwrap();
    assert_untouched(&s);
    let r = storage
        .recovery_for(&s.plan_path, &open.plan)
        .expect("a recovery newer than the file");
    assert_eq!(r.plan, draft);
    storage.save(&mut open, &draft, false).unwrap();
    assert!(
        storage.recovery_for(&s.plan_path, &open.plan).is_none(),
        "saving removes the recovery"
    );

    storage
        .autosave(Some(&s.plan_path), &edited(&draft))
        .unwrap();
    storage.discard_recovery(Some(&s.plan_path), draft.id.as_str());
    assert!(storage.recovery_for(&s.plan_path, &open.plan).is_none());

    // An unsaved plan's recovery is found by itself; a damaged recovery file is ignored.
    storage.autosave(None, &draft).unwrap();
    assert_eq!(
        mutual_plan::storage::recovery::unsaved(&RealFs, &s.data).len(),
        1
    );
    std::fs::write(s.data.join("recovery").join("damaged.json"), "{\"source\":").unwrap();
    assert_eq!(
        mutual_plan::storage::recovery::unsaved(&RealFs, &s.data).len(),
        1
    );
}

#[test]
fn save_as_writes_a_new_file_and_locks_it() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let copy = s.plan_path.with_file_name("copy.mutualplan");
    let plan = edited(&sample());
    let open = storage.save_as(&copy, &plan, None).unwrap();
    assert!(open.locked());
    assert_eq!(
        read_plan(&std::fs::read(&copy).unwrap()).unwrap().plan,
        open.plan
    );
    assert_untouched(&s);
}

#[test]
fn save_as_will_not_overwrite_a_file_someone_else_is_editing() {
    let s = setup();
    let theirs = Storage::new(s.data.join("theirs"));
    let _held = theirs.open(&s.plan_path, OpenMode::Edit).unwrap();
    let mine = Storage::new(&s.data);
    let plan = edited(&sample());
    assert_eq!(
        mine.save_as(&s.plan_path, &plan, None).unwrap_err().kind(),
        "locked"
    );
    assert_eq!(std::fs::read_to_string(&s.plan_path).unwrap(), s.original);
}

fn review_with_a_comment_and_a_signoff(p: &Plan) -> mutual_plan::model::plan::Review {
    use mutual_plan::model::plan::{Comment, Reply, ReviewerRole, Signoff};
    let mut review = p.review.clone();
    review.comments.push(Comment {
        id: "c-2".parse().unwrap(),
        author: "Jan Morris".into(),
        role: ReviewerRole::Mentor,
        at: "2026-11-28T09:00:00Z".parse().unwrap(),
        anchor: "staff:physio".into(),
        text: "Are these the full-time equivalents after the restructure?".into(),
        resolved: false,
        replies: vec![Reply {
            author: "Priya Shah".into(),
            role: ReviewerRole::Staff,
            at: "2026-11-28T10:00:00Z".parse().unwrap(),
            text: "Yes, as agreed in October.".into(),
        }],
    });
    review.comments[0].resolved = true;
    review.signoffs.push(Signoff {
        by: "Ann Lee".into(),
        role: "Mentor".into(),
        at: "2026-11-28T11:00:00Z".parse().unwrap(),
        revision: p.revision,
        fingerprint: fingerprint(p),
        statement: "Reviewed.".into(),
    });
    review
}

#[test]
fn a_review_save_changes_only_the_review_byte_for_byte() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::ReadOnly).unwrap();
    let fp = fingerprint(&open.plan);
    // Whatever else the window holds, only the review is taken from it.
    let review = review_with_a_comment_and_a_signoff(&open.plan);
    let saved = storage.save_review(&mut open, &review, false).unwrap();
    let written = std::fs::read_to_string(&s.plan_path).unwrap();
    assert_eq!(
        saved.revision,
        read_plan(s.original.as_bytes()).unwrap().plan.revision
    );
    // Put the old review back into the new file: the bytes are the original's exactly.
    let mut back = read_plan(written.as_bytes()).unwrap().plan;
    assert_eq!(back.review, review);
    back.review = read_plan(s.original.as_bytes()).unwrap().plan.review;
    assert_eq!(write_plan(&back), s.original);
    assert_eq!(
        fingerprint(&saved),
        fp,
        "the sign-off still names this version"
    );
}

#[test]
fn a_review_save_of_a_plan_someone_is_editing_is_refused_naming_them() {
    let s = setup();
    let editor = Storage::new(&s.data);
    let _held = editor.open(&s.plan_path, OpenMode::Edit).unwrap();
    let mentor = Storage::new(s.data.join("mentor"));
    let mut open = mentor.open(&s.plan_path, OpenMode::ReadOnly).unwrap();
    let review = review_with_a_comment_and_a_signoff(&open.plan);
    match mentor.save_review(&mut open, &review, false).unwrap_err() {
        e @ FileError::Locked { .. } => {
            assert!(e.to_string().contains(&host::machine_name()), "{e}");
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(std::fs::read_to_string(&s.plan_path).unwrap(), s.original);
}

#[test]
fn a_review_save_of_a_version_1_file_writes_the_current_version_with_the_content_unchanged() {
    let s = setup();
    std::fs::write(
        &s.plan_path,
        include_str!("fixtures/riverside-v1.mutualplan"),
    )
    .unwrap();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::ReadOnly).unwrap();
    let before = open.plan.clone();
    let review = review_with_a_comment_and_a_signoff(&before);
    storage.save_review(&mut open, &review, false).unwrap();
    let written = read_plan(std::fs::read(&s.plan_path).unwrap().as_slice()).unwrap();
    assert_eq!(written.file_version, 3);
    let mut content = written.plan;
    content.review = before.review.clone();
    assert_eq!(content, before);
}

/// The plan with its opening cash mistyped, as in a moment of an undo run.
fn mistyped(p: &Plan) -> Plan {
    let mut q = p.clone();
    q.forecast.opening_cash = "4000".parse().unwrap();
    q
}

fn recovery_files(data: &Path) -> usize {
    std::fs::read_dir(data.join("recovery")).map_or(0, |d| d.count())
}

#[test]
fn undoing_back_to_the_saved_plan_removes_the_recovery_written_meanwhile() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let mut editing = Editing::opened(Some(&s.plan_path), open.plan.clone(), None, None);
    // An edit, and the autosave catching the plan in the middle of it.
    storage.record_edit(&mut editing, mistyped(&open.plan));
    let written = storage.autosave_editing(&editing).unwrap();
    assert!(written.is_some_and(|p| p.exists()));
    assert!(storage.recovery_for(&s.plan_path, &open.plan).is_some());
    // Undone back to the plan as saved: nothing is left to offer at the next start.
    storage.record_edit(&mut editing, open.plan.clone());
    assert_eq!(recovery_files(&s.data), 0);
    assert!(storage.recovery_for(&s.plan_path, &open.plan).is_none());
    // The autosave has nothing to write while the plan is as saved.
    assert_eq!(storage.autosave_editing(&editing).unwrap(), None);
    assert_eq!(recovery_files(&s.data), 0);
}

#[test]
fn closing_a_plan_normally_removes_its_recovery() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let mut editing = Editing::opened(Some(&s.plan_path), open.plan.clone(), None, None);
    storage.record_edit(&mut editing, mistyped(&open.plan));
    storage.autosave_editing(&editing).unwrap();
    assert_eq!(recovery_files(&s.data), 1);
    // The user closed the window and chose to discard the change.
    storage.close_editing(editing);
    assert_eq!(recovery_files(&s.data), 0);
}

#[test]
fn a_recovery_offered_is_kept_and_never_written_over_until_it_is_answered() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let kept = edited(&open.plan);
    storage.autosave(Some(&s.plan_path), &kept).unwrap();
    let offered = storage.recovery_for(&s.plan_path, &open.plan);
    assert_eq!(offered.as_ref().map(|r| &r.plan), Some(&kept));
    let mut editing = Editing::opened(Some(&s.plan_path), open.plan.clone(), None, offered);
    // The window checks the plan as opened (the saved one) while the offer waits…
    storage.record_edit(&mut editing, open.plan.clone());
    // …and an edit meanwhile is not autosaved over the offered changes…
    storage.record_edit(&mut editing, mistyped(&open.plan));
    assert_eq!(storage.autosave_editing(&editing).unwrap(), None);
    let still = storage.recovery_for(&s.plan_path, &open.plan).unwrap();
    assert_eq!(still.plan, kept);
    // …nor removed by closing the window before answering.
    storage.close_editing(editing);
    assert!(storage.recovery_for(&s.plan_path, &open.plan).is_some());
}

#[test]
fn a_recovery_that_changes_nothing_is_not_offered() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    storage.autosave(Some(&s.plan_path), &open.plan).unwrap();
    assert!(storage.recovery_for(&s.plan_path, &open.plan).is_none());
    assert_eq!(recovery_files(&s.data), 0);
}

#[test]
fn a_never_saved_plan_is_found_by_its_id_and_once_restored_stays_unsaved() {
    let s = setup();
    let storage = Storage::new(&s.data);
    let plan = mutual_plan::model::new_plan::new_plan(
        "Northfield Reablement",
        "00112233445566778899aabbccddeeff".parse().unwrap(),
        at(1_796_292_000),
    );
    let mut editing = Editing::opened(None, plan.clone(), None, None);
    storage.record_edit(&mut editing, edited(&plan));
    storage.autosave_editing(&editing).unwrap();
    // The window was never closed; at the next start a File → New makes a new id, so the
    // recovery is found among the never-saved ones, and by its own id.
    let listed = recovery::unsaved(&RealFs, &s.data);
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].plan.organisation.name,
        "Riverside Therapies Mutual CIC"
    );
    let r = recovery::unsaved_by_id(&RealFs, &s.data, plan.id.as_str()).unwrap();
    let mut restored = Editing::restored(r.clone());
    assert!(restored.dirty(), "a restored plan has never been saved");
    // Checking it as restored does not remove the recovery it came from.
    storage.record_edit(&mut restored, r.plan.clone());
    assert_eq!(recovery::unsaved(&RealFs, &s.data).len(), 1);
    // Saving it somewhere does.
    let target = s.plan_path.with_file_name("northfield.mutualplan");
    let open = storage.save_as(&target, &r.plan, None).unwrap();
    restored.saved_to(&target, &open.plan);
    assert!(!restored.dirty());
    assert!(recovery::unsaved(&RealFs, &s.data).is_empty());
}

#[test]
fn a_plan_from_an_older_format_carries_what_its_first_save_is_to_say() {
    let s = setup();
    std::fs::write(
        &s.plan_path,
        include_str!("fixtures/riverside-v2.mutualplan"),
    )
    .unwrap();
    let storage = Storage::new(&s.data);
    let mut open = storage.open(&s.plan_path, OpenMode::Edit).unwrap();
    let notes = open.migration.join(" ");
    assert!(
        notes.contains("saved as version 2") && notes.contains("saved as version 3"),
        "{notes}"
    );
    assert!(notes.contains("paid the month after the pay"), "{notes}");
    let plan = open.plan.clone();
    storage.save(&mut open, &plan, false).unwrap();
    drop(open);
    // Once written as the current version, it has nothing more to say.
    let again = storage.open(&s.plan_path, OpenMode::ReadOnly).unwrap();
    assert_eq!(again.plan.schema_version, 3);
    assert!(again.migration.is_empty());
    // Today's sample is current: nothing to say.
    std::fs::write(&s.plan_path, samples::RIVERSIDE).unwrap();
    assert!(storage
        .open(&s.plan_path, OpenMode::ReadOnly)
        .unwrap()
        .migration
        .is_empty());
}
