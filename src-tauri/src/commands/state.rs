//! The shell's state behind the commands: where its data lives, the plan file open in the window
//! (with its lock), the shell's copy of the plan, the user's settings and the files they chose;
//! and the small helpers the commands share.

use crate::error::{ErrorKind, IpcError};
use crate::ipc::{OpenedPlan, Reopened, UnsavedPlan};
use crate::paths::PathGate;
use crate::user_config::UserConfig;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::plan::Plan;
use mutual_plan::model::plan_file::fingerprint;
use mutual_plan::show::review;
use mutual_plan::storage::recovery::{self, Editing};
use mutual_plan::storage::{OpenFile, Storage};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Runtime};

/// What the app was asked to open when it started.
pub enum StartupFile {
    Sample,
    Path(PathBuf),
    /// `--portfolio FOLDER`: the sample in the editor, and the portfolio of the folder shown.
    Portfolio(PathBuf),
}

/// The app's state: where its data lives, and the plan file open in the window (with its lock).
pub struct AppState {
    pub storage: Storage,
    /// The criteria set loaded (and validated) at start.
    pub criteria: Criteria,
    pub open: Mutex<Option<OpenFile>>,
    pub startup: StartupFile,
    /// The folder holding the user's own settings (who they are, recent files).
    pub config_dir: PathBuf,
    /// The user's settings as last read or saved.
    pub user: Mutex<UserConfig>,
    /// The files and folders the user chose this session: the only ones the window may use.
    pub gate: PathGate,
    /// The PDF printed last, which the window may ask to open in the system's viewer.
    pub last_printed: Mutex<Option<PathBuf>>,
    /// The plan in the window as the shell last saw it (docs/files.md, "The shell's copy").
    pub editing: Mutex<Option<Editing>>,
    /// When the window's page stopped lately, to stop reloading a page that keeps stopping.
    /// (Only Linux watches the page's process so far.)
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub crashes: Mutex<Vec<Instant>>,
    /// Set when the page stopped and was loaded again, until the page has said so to the user.
    pub crashed: AtomicBool,
}

/// A page that stops more often than this within [`CRASH_WINDOW`] is not loaded again.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub const CRASH_LIMIT: usize = 3;
/// See [`CRASH_LIMIT`].
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub const CRASH_WINDOW: Duration = Duration::from_secs(60);

impl AppState {
    /// The state at start: what the user chose before the window opened (the file or folder
    /// they started it with, and their recent files) is already theirs to use.
    pub fn new(
        storage: Storage,
        startup: StartupFile,
        config_dir: PathBuf,
        user: UserConfig,
    ) -> Self {
        let gate = PathGate::default();
        match &startup {
            StartupFile::Path(p) => gate.allow(p),
            StartupFile::Portfolio(dir) => gate.allow_folder(dir),
            StartupFile::Sample => {}
        }
        for p in &user.recent {
            gate.allow(p);
        }
        AppState {
            storage,
            criteria: Criteria::bundled(),
            open: Default::default(),
            startup,
            config_dir,
            user: user.into(),
            gate,
            last_printed: Default::default(),
            editing: Default::default(),
            crashes: Default::default(),
            crashed: Default::default(),
        }
    }

    /// The path of the open file, if a file is open.
    pub fn open_path(&self) -> Option<PathBuf> {
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|o| o.path.clone())
    }

    /// A copy of the user's settings.
    pub fn user(&self) -> UserConfig {
        self.user.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Changes the user's settings and saves them; on a failed save the change is kept for
    /// this session and the error returned.
    pub fn update_user(
        &self,
        change: impl FnOnce(&mut UserConfig),
    ) -> Result<UserConfig, IpcError> {
        let mut guard = self.user.lock().unwrap_or_else(|e| e.into_inner());
        change(&mut guard);
        guard.save(&self.config_dir)?;
        Ok(guard.clone())
    }

    /// The shell's copy of the plan in the window.
    pub fn editing(&self) -> MutexGuard<'_, Option<Editing>> {
        self.editing.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The window closed its plan normally (after saving, discarding or with no changes): its
    /// recovery file goes, unless one offered is still unanswered.
    pub fn end_editing(&self) {
        if let Some(old) = self.editing().take() {
            self.storage.close_editing(old);
        }
    }

    /// The window now shows `editing`'s plan; the plan it showed before was closed normally.
    pub fn begin_editing(&self, editing: Editing) {
        let mut guard = self.editing();
        if let Some(old) = guard.take() {
            self.storage.close_editing(old);
        }
        *guard = Some(editing);
    }

    /// Records the plan as the window has it now (each check sends it).
    pub fn record_edit(&self, plan: Plan) {
        if let Some(e) = self.editing().as_mut() {
            self.storage.record_edit(e, plan);
        }
    }

    /// The plan was saved to `path`.
    pub fn saved_to(&self, path: &Path, plan: &Plan) {
        if let Some(e) = self.editing().as_mut() {
            e.saved_to(path, plan);
        }
    }

    /// The window's page stopped at `now`: its unsaved changes are written to the recovery file
    /// at once, and the answer is whether to load the page again (not when it keeps stopping).
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub fn page_stopped(&self, now: Instant) -> bool {
        if let Some(e) = self.editing().as_ref() {
            if let Err(err) = self.storage.autosave_editing(e) {
                eprintln!("Mutual Plan: the unsaved changes could not be kept: {err}");
            }
        }
        self.crashed.store(true, Ordering::SeqCst);
        let mut crashes = self.crashes.lock().unwrap_or_else(|e| e.into_inner());
        crashes.retain(|t| now.saturating_duration_since(*t) < CRASH_WINDOW);
        crashes.push(now);
        crashes.len() <= CRASH_LIMIT
    }

    /// What a page loaded again finds: the plan it showed, as saved, with its unsaved changes.
    pub fn reopen(&self) -> Option<Reopened> {
        let guard = self.editing();
        let e = guard.as_ref()?;
        let base = e.saved.clone().unwrap_or_else(|| e.edited.clone());
        Some(Reopened {
            opened: opened(
                e.source.as_deref(),
                base,
                e.read_only.clone(),
                e.offered.clone(),
            ),
            edited: e.dirty().then(|| e.edited.clone()),
            never_saved: e.saved.is_none(),
            crashed: self.crashed.swap(false, Ordering::SeqCst),
        })
    }

    /// Recoveries of plans never saved, newest first, but the one of the plan in the window.
    pub fn unsaved_recoveries(&self, offset_minutes: i32) -> Vec<UnsavedPlan> {
        let current = self
            .editing()
            .as_ref()
            .filter(|e| e.source.is_none())
            .map(|e| e.edited.id.clone());
        recovery::unsaved(self.storage.fs(), &self.storage.data_dir)
            .into_iter()
            .filter(|r| Some(&r.plan.id) != current.as_ref())
            .map(|r| UnsavedPlan {
                plan_id: r.plan.id.as_str().to_owned(),
                name: plan_name(&r.plan),
                written: review::local_moment(r.written_at, offset_minutes),
            })
            .collect()
    }

    pub fn set_open(&self, file: Option<OpenFile>) {
        // A poisoned lock only means an earlier command panicked; the state is still usable.
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = file;
    }
}

pub fn opened(
    file: Option<&Path>,
    plan: Plan,
    read_only: Option<String>,
    recovery: Option<recovery::Recovery>,
) -> OpenedPlan {
    OpenedPlan {
        file: file.map(|p| p.to_string_lossy().into_owned()),
        fingerprint: fingerprint(&plan),
        plan,
        read_only,
        recovery,
        migration: vec![],
    }
}

/// The name a plan goes by in a question: its organisation's name, else its title.
pub fn plan_name(plan: &Plan) -> String {
    let name = plan.organisation.name.trim();
    if name.is_empty() {
        plan.title.trim().to_owned()
    } else {
        name.to_owned()
    }
}

/// `plan` in the window as a plan with no file (new, the sample, a copy), its recovery offered
/// when one was left behind.
pub fn unsaved(state: &AppState, plan: Plan) -> OpenedPlan {
    state.set_open(None);
    state.end_editing();
    let recovery = recovery::unsaved_by_id(
        state.storage.fs(),
        &state.storage.data_dir,
        plan.id.as_str(),
    )
    .filter(|r| r.plan != plan);
    state.begin_editing(Editing::opened(None, plan.clone(), None, recovery.clone()));
    opened(None, plan, None, recovery)
}

/// The error for an action that needs the plan's file when the plan has none yet.
pub fn no_file() -> IpcError {
    IpcError::new(
        ErrorKind::NoFile,
        "this plan has not been saved to a file yet: choose where to save it",
    )
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// Puts `path` first in File → Open Recent, and keeps it usable this session.
pub fn remember<R: Runtime>(app: &AppHandle<R>, state: &AppState, path: &Path) {
    state.gate.allow(path);
    // Recent files are a convenience: a settings folder that cannot be written loses only them.
    match state.update_user(|u| u.remember(path)) {
        Ok(user) => crate::menu::set_recent(app, &user.recent),
        Err(e) => eprintln!("Mutual Plan: {}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mutual_plan::model::new_plan::new_plan;
    use mutual_plan::model::samples;
    use mutual_plan::model::values::Timestamp;

    fn state(data: &Path) -> AppState {
        AppState::new(
            Storage::new(data),
            StartupFile::Sample,
            data.join("config"),
            UserConfig::default(),
        )
    }

    fn mistyped(p: &Plan) -> Plan {
        let mut q = p.clone();
        q.forecast.opening_cash = "4000".parse().unwrap();
        q
    }

    #[test]
    fn a_page_that_stopped_gets_its_plan_back_with_its_unsaved_changes_also_kept_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("riverside.mutualplan");
        std::fs::write(&file, samples::RIVERSIDE).unwrap();
        let state = state(&dir.path().join("data"));
        let saved = samples::riverside().unwrap();
        state.begin_editing(Editing::opened(Some(&file), saved.clone(), None, None));
        state.record_edit(mistyped(&saved));

        assert!(state.page_stopped(Instant::now()));
        // Written at once, so that a page that never comes back loses nothing either.
        let kept =
            recovery::for_file(state.storage.fs(), &state.storage.data_dir, &file, &saved).unwrap();
        assert_eq!(kept.plan, mistyped(&saved));
        let back = state.reopen().unwrap();
        assert_eq!(back.opened.plan, saved);
        assert_eq!(back.opened.file.as_deref(), file.to_str());
        assert_eq!(back.edited, Some(mistyped(&saved)));
        assert!(back.crashed && !back.never_saved);
        // Said once: a later reload is not a crash.
        assert!(!state.reopen().unwrap().crashed);
    }

    #[test]
    fn nothing_is_reopened_before_a_plan_is_shown_and_a_page_that_keeps_stopping_is_not_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(dir.path());
        assert_eq!(state.reopen(), None);
        let t = Instant::now();
        for i in 0..CRASH_LIMIT {
            assert!(state.page_stopped(t + Duration::from_secs(i as u64)));
        }
        assert!(!state.page_stopped(t + Duration::from_secs(10)));
        assert!(state.page_stopped(t + CRASH_WINDOW + Duration::from_secs(11)));
    }

    #[test]
    fn never_saved_plans_left_behind_are_offered_but_not_the_one_in_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(dir.path());
        let northfield = new_plan(
            "Northfield Reablement",
            "00112233445566778899aabbccddeeff".parse().unwrap(),
            Timestamp::from_unix(1_796_292_000).unwrap(),
        );
        let other = new_plan(
            "Other Mutual",
            "ffeeddccbbaa99887766554433221100".parse().unwrap(),
            Timestamp::from_unix(1_796_292_000).unwrap(),
        );
        let at = Timestamp::from_unix(1_796_294_520).unwrap(); // 3 December 2026 at 10:42 UTC
        for p in [&northfield, &other] {
            mutual_plan::storage::recovery::write(
                &mutual_plan::storage::RealFs,
                &state.storage.data_dir,
                None,
                p,
                at,
            )
            .unwrap();
        }
        state.begin_editing(Editing::opened(None, other.clone(), None, None));
        let offered = state.unsaved_recoveries(0);
        assert_eq!(
            offered,
            [UnsavedPlan {
                plan_id: northfield.id.as_str().into(),
                name: "Northfield Reablement".into(),
                written: "3 December 2026 at 10:42".into(),
            }]
        );
    }
}
