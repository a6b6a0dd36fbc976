//! The window's commands: each parses its input, makes one call into the core and maps the error.

use crate::error::{ErrorKind, IpcError};
use crate::ipc::{AnalysisView, OpenAs, OpenedPlan, PlanCheck, Reopened, SaveKind, UnsavedPlan};
use crate::paths::PathGate;
use crate::user_config::UserConfig;
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::compare::view::{compare_view, CompareView, Other};
use mutual_plan::model::plan::{Review, ReviewerRole};
use mutual_plan::model::values::{PlanId, Timestamp};
use mutual_plan::portfolio::{self as core_portfolio, report::RowView, SortKey};
use mutual_plan::show::forecast_view::{ContributionView, ForecastView};
use mutual_plan::show::review::{self, ReviewAction, ReviewError, Reviewer};
use mutual_plan::storage::recovery::{self, Editing};
use mutual_plan::storage::{backup, OpenFile, OpenMode, Storage};
use mutual_plan::words::input::{InputKind, TypedValue};
use mutual_plan::{
    model::new_plan as core_new, model::plan::Plan, model::plan_file,
    model::plan_file::fingerprint, model::samples, pdf,
};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

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
    /// The path of the open file, if a file is open.
    fn open_path(&self) -> Option<PathBuf> {
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
    fn saved_to(&self, path: &Path, plan: &Plan) {
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
        recovery::unsaved(&self.storage.data_dir)
            .into_iter()
            .filter(|r| Some(&r.plan.id) != current.as_ref())
            .map(|r| UnsavedPlan {
                plan_id: r.plan.id.as_str().to_owned(),
                name: plan_name(&r.plan),
                written: review::local_moment(r.written_at, offset_minutes),
            })
            .collect()
    }

    fn set_open(&self, file: Option<OpenFile>) {
        // A poisoned lock only means an earlier command panicked; the state is still usable.
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = file;
    }
}

fn opened(
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
    }
}

/// The name a plan goes by in a question: its organisation's name, else its title.
fn plan_name(plan: &Plan) -> String {
    let name = plan.organisation.name.trim();
    if name.is_empty() {
        plan.title.trim().to_owned()
    } else {
        name.to_owned()
    }
}

fn unsaved(state: &AppState, plan: Plan) -> OpenedPlan {
    state.set_open(None);
    state.end_editing();
    let recovery = recovery::unsaved_by_id(&state.storage.data_dir, plan.id.as_str())
        .filter(|r| r.plan != plan);
    state.begin_editing(Editing::opened(None, plan.clone(), None, recovery.clone()));
    opened(None, plan, None, recovery)
}

/// The file given on the command line, if any (the window then opens it like File → Open).
#[tauri::command]
pub fn startup_file(state: State<'_, AppState>) -> Option<String> {
    match &state.startup {
        StartupFile::Sample | StartupFile::Portfolio(_) => None,
        StartupFile::Path(path) => Some(path.to_string_lossy().into_owned()),
    }
}

/// The folder given with `--portfolio` on the command line, if any (the window then shows its
/// portfolio as File → Open Folder as Portfolio does).
#[tauri::command]
pub fn startup_portfolio(state: State<'_, AppState>) -> Option<String> {
    match &state.startup {
        StartupFile::Portfolio(path) => Some(path.to_string_lossy().into_owned()),
        _ => None,
    }
}

/// The portfolio of the plans under `folders`: one row per file, read and analysed by the core
/// (never locked or written), in the order of `sort`, with every figure and word as shown.
/// Runs off the window's thread, since a large folder takes seconds.
#[tauri::command(async)]
pub fn portfolio(
    state: State<'_, AppState>,
    folders: Vec<String>,
    sort: SortKey,
) -> Result<Vec<RowView>, IpcError> {
    for folder in &folders {
        state.gate.check_folder(folder)?;
    }
    Ok(portfolio_rows(&folders, sort, &state.criteria))
}

/// The rows of [`portfolio`], apart from the window's state.
pub fn portfolio_rows(folders: &[String], sort: SortKey, criteria: &Criteria) -> Vec<RowView> {
    let roots: Vec<PathBuf> = folders.iter().map(PathBuf::from).collect();
    let rows = core_portfolio::portfolio(&roots, criteria, Timestamp::now());
    core_portfolio::report::to_view(&core_portfolio::sort(rows, sort))
}

/// The bundled sample plan, as an unsaved copy.
#[tauri::command]
pub fn open_sample(state: State<'_, AppState>) -> Result<OpenedPlan, IpcError> {
    Ok(unsaved(&state, samples::riverside()?))
}

/// The options and labels of the coded fields.
#[tauri::command]
pub fn choices() -> mutual_plan::words::labels::Choices {
    mutual_plan::words::labels::choices()
}

/// Reads a value as typed into a field (`£1,234.50`, `23.78%`, `1/4/2027`, `April 2027`): the
/// file's form and the words to show, or the message to show beside the field.
#[tauri::command]
pub fn read_input(kind: InputKind, text: String) -> Result<TypedValue, IpcError> {
    mutual_plan::words::input::read_typed(kind, &text)
        .map_err(|m| IpcError::new(ErrorKind::BadValue, m))
}

/// The narrative sections in the order of the printed plan, with their prompts.
#[tauri::command]
pub fn sections() -> Vec<crate::ipc::SectionPrompt> {
    mutual_plan::model::sections::SECTIONS
        .iter()
        .map(|s| crate::ipc::SectionPrompt {
            id: s.id.into(),
            title: s.title.into(),
            prompt: s.prompt.into(),
        })
        .collect()
}

/// A new item for one of the plan's lists, with sensible defaults and a fresh id.
#[tauri::command]
pub fn new_item(
    plan: serde_json::Value,
    list: mutual_plan::model::new_plan::ListKind,
    name: String,
) -> Result<serde_json::Value, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    Ok(core_new::new_item(&plan, list, &name))
}

/// The forecast's start once the spin-out date becomes `date` (the file's form, `2028-01-13`):
/// the new month while the start still follows the spin-out date, or `None` (also for a plan
/// or date in error, which the check reports).
#[tauri::command]
pub fn start_after_spin_out(plan: serde_json::Value, date: String) -> Option<String> {
    let plan = plan_file::plan_from_value(&plan).ok()?;
    let date = date.parse().ok()?;
    core_new::start_after_spin_out(&plan, date).map(|m| m.to_string())
}

/// The employer pension rate suggested for a scheme, in the file's form (`"23.78"`).
#[tauri::command]
pub fn suggested_pension(scheme: mutual_plan::model::plan::PensionScheme) -> String {
    core_new::suggested_pension_percent(scheme).to_string()
}

/// An id made from `name`, unique among `taken` (for a duplicated item).
#[tauri::command]
pub fn unique_id(name: String, taken: Vec<String>) -> String {
    core_new::unique_id(&name, &taken)
}

/// Opens a plan file: for editing, taking over a stale lock, read-only, or as an unsaved copy of
/// a locked plan. Runs off the window's thread, so a slow drive never freezes it.
#[tauri::command(async)]
pub fn open_plan(
    app: AppHandle,
    state: State<'_, AppState>,
    file: String,
    mode: OpenAs,
) -> Result<OpenedPlan, IpcError> {
    let path = state.gate.check(&file)?;
    let m = match mode {
        OpenAs::TakeOver => OpenMode::TakeOver,
        OpenAs::ReadOnly | OpenAs::Copy => OpenMode::ReadOnly,
        OpenAs::Edit => OpenMode::Edit,
    };
    let open = state.storage.open(&path, m)?;
    remember(&app, &state, &path);
    if mode == OpenAs::Copy {
        return Ok(unsaved(&state, open.plan));
    }
    // The plan shown before is closed first, so that its recovery, when it is this same file's,
    // is the one the user just chose to discard or save rather than one to offer.
    state.end_editing();
    let recovery = state.storage.recovery_for(&path, &open.plan);
    state.begin_editing(Editing::opened(
        Some(&path),
        open.plan.clone(),
        open.read_only.clone(),
        recovery.clone(),
    ));
    let result = opened(
        Some(&path),
        open.plan.clone(),
        open.read_only.clone(),
        recovery,
    );
    state.set_open(Some(open));
    Ok(result)
}

/// A new plan for an organisation called `name`, unsaved.
#[tauri::command]
pub fn new_plan(state: State<'_, AppState>, name: String) -> Result<OpenedPlan, IpcError> {
    let id = PlanId::random().map_err(|e| {
        IpcError::new(
            ErrorKind::Io,
            format!("no random source for the plan id: {e}"),
        )
    })?;
    Ok(unsaved(
        &state,
        core_new::new_plan(name.trim(), id, Timestamp::now()),
    ))
}

/// Checks the edited plan strictly (as a file would be read), and returns its fingerprint and
/// everything computed from it: fast enough to run on every edit, and off the window's thread.
#[tauri::command(async)]
pub fn check_plan(state: State<'_, AppState>, plan: serde_json::Value) -> PlanCheck {
    match plan_file::plan_from_value(&plan) {
        Ok(p) => {
            let check = PlanCheck {
                fingerprint: Some(fingerprint(&p)),
                error: None,
                analysis: Some(AnalysisView::new(
                    &p,
                    &analyse(&p, &state.criteria),
                    &state.criteria.policy,
                )),
            };
            state.record_edit(p);
            check
        }
        Err(e) => PlanCheck {
            fingerprint: None,
            error: Some(e.into()),
            analysis: None,
        },
    }
}

/// The Forecast view of the edited plan: the monthly table, the chart and the scenarios, every
/// figure worded by the core; `None` while the plan does not read or its forecast fails.
#[tauri::command(async)]
pub fn forecast_view(plan: serde_json::Value) -> Option<ForecastView> {
    let plan = plan_file::plan_from_value(&plan).ok()?;
    mutual_plan::show::forecast_view::forecast_view(&plan).ok()
}

/// "Where does this come from" for one cell of the Forecast view: the plan rows that make it.
#[tauri::command(async)]
pub fn explain_cell(
    plan: serde_json::Value,
    month: String,
    key: String,
) -> Result<Vec<ContributionView>, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    mutual_plan::show::forecast_view::explain_cell(&plan, &month, &key)
        .map_err(|e| IpcError::new(ErrorKind::BadValue, e.to_string()))
}

/// The user's own settings: who they are and their recent files.
#[tauri::command]
pub fn user_config(state: State<'_, AppState>) -> UserConfig {
    state.user()
}

/// Sets who the user is, stamped on comments, sign-offs and saves from now on.
#[tauri::command]
pub fn set_identity(
    state: State<'_, AppState>,
    name: String,
    role: ReviewerRole,
) -> Result<UserConfig, IpcError> {
    state.update_user(|u| {
        u.name = name.trim().to_owned();
        u.role = role;
    })
}

/// The review of the plan as edited, in words, times in local time (`offset_minutes` east of UTC).
#[tauri::command]
pub fn review_view(
    plan: serde_json::Value,
    offset_minutes: i32,
) -> Result<mutual_plan::show::review::ReviewView, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    Ok(mutual_plan::show::review::view(&plan, offset_minutes))
}

/// Does one review action (comment, reply, resolve, sign off) as the user, now; returns the
/// plan's new `review`, its content untouched.
#[tauri::command]
pub fn review_action(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    action: ReviewAction,
) -> Result<Review, IpcError> {
    let mut plan = plan_file::plan_from_value(&plan)?;
    apply_review(&mut plan, &action, &state.user(), Timestamp::now())?;
    Ok(plan.review)
}

/// [`review_action`] apart from the window's state.
pub fn apply_review(
    plan: &mut Plan,
    action: &ReviewAction,
    user: &UserConfig,
    now: Timestamp,
) -> Result<(), IpcError> {
    let who = Reviewer {
        name: user.name.clone(),
        role: user.role,
    };
    review::apply(plan, action, &who, now).map_err(|e| {
        let kind = match e {
            ReviewError::NoName => ErrorKind::NoIdentity,
            _ => ErrorKind::BadValue,
        };
        IpcError::new(kind, e.to_string())
    })
}

/// Saves only the plan's `review` into the open file (review mode): every other byte of the file
/// stays as it is. Refused, naming the holder, while someone else has the plan open for editing.
#[tauri::command(async)]
pub fn save_review(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    overwrite: bool,
) -> Result<OpenedPlan, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let mut guard = state.open.lock().unwrap_or_else(|e| e.into_inner());
    let open = guard.as_mut().ok_or_else(no_file)?;
    let saved = state.storage.save_review(open, &plan.review, overwrite)?;
    let read_only = open.read_only.clone();
    let path = open.path.clone();
    drop(guard);
    state.saved_to(&path, &saved);
    if let Some(e) = state.editing().as_mut() {
        e.read_only.clone_from(&read_only);
    }
    Ok(opened(Some(&path), saved, read_only, None))
}

/// The plan as edited compared with another file the user picked: the file on the left, the
/// plan on the right, by part.
#[tauri::command(async)]
pub fn compare_with(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    file: String,
) -> Result<CompareView, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let path = state.gate.check(&file)?;
    let other = mutual_plan::storage::load(&path)?.plan;
    Ok(compare_view(
        &other,
        &plan,
        &state.criteria,
        &file_name(&path),
        Other::Picked,
    ))
}

/// The open file as it is on disk now (saved by someone else meanwhile) against the plan as
/// edited: their version on the left, yours on the right.
#[tauri::command(async)]
pub fn compare_on_disk(
    state: State<'_, AppState>,
    plan: serde_json::Value,
) -> Result<CompareView, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let path = state.open_path().ok_or_else(no_file)?;
    let theirs = mutual_plan::storage::load(&path)?.plan;
    Ok(compare_view(
        &theirs,
        &plan,
        &state.criteria,
        &file_name(&path),
        Other::OnDisk,
    ))
}

/// The error for an action that needs the plan's file when the plan has none yet.
fn no_file() -> IpcError {
    IpcError::new(
        ErrorKind::NoFile,
        "this plan has not been saved to a file yet: choose where to save it",
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// Saves over the open file; `overwrite` replaces a version someone else saved meanwhile.
#[tauri::command(async)]
pub fn save_plan(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    overwrite: bool,
) -> Result<OpenedPlan, IpcError> {
    let mut plan = plan_file::plan_from_value(&plan)?;
    plan.saved_by = state.user().saved_by();
    let mut guard = state.open.lock().unwrap_or_else(|e| e.into_inner());
    let open = guard.as_mut().ok_or_else(no_file)?;
    let saved = state.storage.save(open, &plan, overwrite)?;
    let path = open.path.clone();
    drop(guard);
    state.saved_to(&path, &saved);
    Ok(opened(Some(&path), saved, None, None))
}

/// Saves to a new file chosen by the user, which becomes the open file.
#[tauri::command(async)]
pub fn save_plan_as(
    app: AppHandle,
    state: State<'_, AppState>,
    plan: serde_json::Value,
    file: String,
) -> Result<OpenedPlan, IpcError> {
    let path = state.gate.check(&file)?;
    let mut plan = plan_file::plan_from_value(&plan)?;
    plan.saved_by = state.user().saved_by();
    let previous = state.open_path();
    let open = state.storage.save_as(&path, &plan, previous.as_deref())?;
    remember(&app, &state, &path);
    let result = opened(Some(&open.path), open.plan.clone(), None, None);
    state.saved_to(&path, &open.plan);
    state.set_open(Some(open));
    Ok(result)
}

/// Writes the plan as the window last sent it to its recovery file (never over the user's
/// file), when it has unsaved changes. It is the shell's copy that is written, not a plan sent
/// with this call, so an autosave arriving after an undo never writes the plan before it.
#[tauri::command(async)]
pub fn autosave(state: State<'_, AppState>) -> Result<(), IpcError> {
    if let Some(e) = state.editing().as_ref() {
        state.storage.autosave_editing(e)?;
    }
    Ok(())
}

/// The user's answer to the recovery offered when the plan was opened: restored (the window
/// then shows the changes, unsaved, and the file stays as their recovery until saved or undone),
/// or discarded (the file goes).
#[tauri::command]
pub fn answer_recovery(state: State<'_, AppState>, restore: bool) {
    let mut guard = state.editing();
    let Some(e) = guard.as_mut() else { return };
    let Some(r) = e.offered.take() else { return };
    if !restore {
        state
            .storage
            .discard_recovery(e.source.as_deref(), r.plan.id.as_str());
    }
}

/// What the recovery offered would change in the plan as saved, before the user restores it;
/// times in local time (`offset_minutes` east of UTC).
#[tauri::command(async)]
pub fn compare_recovery(
    state: State<'_, AppState>,
    offset_minutes: i32,
) -> Result<CompareView, IpcError> {
    let guard = state.editing();
    let (saved, offered, name) = guard
        .as_ref()
        .and_then(|e| {
            let name = e
                .source
                .as_deref()
                .map_or_else(|| plan_name(&e.edited), file_name);
            Some((e.saved.clone()?, e.offered.clone()?, name))
        })
        .ok_or_else(|| IpcError::new(ErrorKind::NotFound, "no unsaved changes are on offer"))?;
    drop(guard);
    Ok(compare_view(
        &saved,
        &offered.plan,
        &state.criteria,
        &name,
        Other::Recovery {
            written: review::local_moment(offered.written_at, offset_minutes),
        },
    ))
}

/// The plans never saved whose autosave was left behind (the app did not close normally),
/// newest first, to offer at start; times in local time.
#[tauri::command]
pub fn unsaved_recoveries(state: State<'_, AppState>, offset_minutes: i32) -> Vec<UnsavedPlan> {
    state.unsaved_recoveries(offset_minutes)
}

/// Opens a never-saved plan from its recovery file: unsaved until the user saves it.
#[tauri::command]
pub fn restore_unsaved(
    state: State<'_, AppState>,
    plan_id: String,
) -> Result<OpenedPlan, IpcError> {
    let r = recovery::unsaved_by_id(&state.storage.data_dir, &plan_id)
        .ok_or_else(|| IpcError::new(ErrorKind::NotFound, "that unsaved plan is no longer kept"))?;
    state.set_open(None);
    let plan = r.plan.clone();
    state.begin_editing(Editing::restored(r));
    Ok(opened(None, plan, None, None))
}

/// Removes the recovery of a never-saved plan the user chose not to restore.
#[tauri::command]
pub fn discard_unsaved(state: State<'_, AppState>, plan_id: String) {
    let own = state
        .editing()
        .as_ref()
        .is_some_and(|e| e.source.is_none() && e.edited.id.as_str() == plan_id);
    if !own {
        state.storage.discard_recovery(None, &plan_id);
    }
}

/// For a page loaded again (its process stopped): the plan it showed, as saved, with its
/// unsaved changes, and whether it was loaded again because it stopped. `None` at start.
#[tauri::command]
pub fn reopen(state: State<'_, AppState>) -> Option<Reopened> {
    state.reopen()
}

/// Closes the open file, releasing its lock. The window calls it once the user has saved or
/// discarded their changes, so the plan's recovery file goes too.
#[tauri::command]
pub fn close_plan(state: State<'_, AppState>) {
    state.end_editing();
    state.set_open(None);
}

/// Prints the plan as edited to a PDF file chosen by the user: with the mentors' comments when
/// `with_review`, and marked on every page as matching no saved file when `unsaved`.
#[tauri::command(async)]
pub fn print_pdf(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    file: String,
    with_review: bool,
    unsaved: bool,
) -> Result<(), IpcError> {
    let path = state.gate.check(&file)?;
    let plan = plan_file::plan_from_value(&plan)?;
    let analysis = analyse(&plan, &state.criteria);
    let options = pdf::PrintOptions {
        with_review,
        unsaved,
    };
    let bytes = pdf::render_with(&plan, &analysis, &options)
        .map_err(|e| IpcError::new(ErrorKind::Pdf, e.to_string()))?;
    mutual_plan::storage::save_atomic(&path, &bytes)?;
    *state.last_printed.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
    Ok(())
}

/// Opens the PDF printed last in the system's PDF viewer (the page cannot name another file).
#[tauri::command]
pub fn open_printed(state: State<'_, AppState>) -> Result<(), IpcError> {
    let path = state
        .last_printed
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .ok_or_else(|| IpcError::new(ErrorKind::NoFile, "nothing has been printed yet"))?;
    open::that_detached(&path).map_err(|e| {
        IpcError::new(
            ErrorKind::Io,
            format!(
                "{} was printed, but no program to show PDFs could be started ({e}): open it from your files",
                path.display()
            ),
        )
    })
}

/// Asks the user, in the desktop's own dialog, for a plan file to open (or compare, as `title`
/// says); the file chosen may then be read. `None` when they cancel.
#[tauri::command(async)]
pub fn choose_plan_to_open(
    app: AppHandle,
    state: State<'_, AppState>,
    title: Option<String>,
) -> Option<String> {
    let mut dialog = app
        .dialog()
        .file()
        .add_filter("Mutual Plan", &[PLAN_EXTENSION]);
    if let Some(title) = title {
        dialog = dialog.set_title(title);
    }
    let path = dialog.blocking_pick_file()?.into_path().ok()?;
    state.gate.allow(&path);
    Some(path.to_string_lossy().into_owned())
}

/// Asks the user for a folder of plans to show as a portfolio; `None` when they cancel.
#[tauri::command(async)]
pub fn choose_folder(app: AppHandle, state: State<'_, AppState>) -> Option<String> {
    let path = app
        .dialog()
        .file()
        .set_title("Open Folder as Portfolio")
        .blocking_pick_folder()?
        .into_path()
        .ok()?;
    state.gate.allow_folder(&path);
    Some(path.to_string_lossy().into_owned())
}

/// Asks the user where to save the plan (`kind` plan) or its printout (`kind` pdf), suggesting a
/// name made from the plan; the file chosen may then be written. `None` when they cancel.
#[tauri::command(async)]
pub fn choose_where_to_save(
    app: AppHandle,
    state: State<'_, AppState>,
    plan: serde_json::Value,
    kind: SaveKind,
) -> Option<String> {
    let plan = plan_file::plan_from_value(&plan).ok();
    let (filter, extension, name) = match kind {
        SaveKind::Plan => (
            "Mutual Plan",
            PLAN_EXTENSION,
            plan.as_ref()
                .map_or("plan".into(), |p| p.organisation.name.clone()),
        ),
        SaveKind::Pdf => (
            "PDF",
            "pdf",
            plan.as_ref().map_or("plan".into(), |p| {
                format!("{} revision {}", p.title, p.revision)
            }),
        ),
    };
    let name = if name.trim().is_empty() {
        "plan".to_owned()
    } else {
        name.trim().to_owned()
    };
    let path = app
        .dialog()
        .file()
        .add_filter(filter, &[extension])
        .set_file_name(format!("{}.{extension}", file_name_safe(&name)))
        .blocking_save_file()?
        .into_path()
        .ok()?;
    state.gate.allow(&path);
    Some(path.to_string_lossy().into_owned())
}

/// The extension of plan files.
const PLAN_EXTENSION: &str = "mutualplan";

/// `name` as a file name Windows, macOS and Linux all accept, reading as the name did: a colon
/// or bar becomes a spaced dash ("Northfield Reablement: business plan" → "Northfield
/// Reablement - business plan"), a slash a hyphen ("2027/28" → "2027-28"), a straight double
/// quote a single one; `*?<>` are left out, and runs of spaces and control characters become one
/// space, with none (and no dot) at the end.
fn file_name_safe(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            ':' | '|' => {
                out.truncate(out.trim_end().len());
                out.push_str(" - ");
            }
            '\\' | '/' => out.push('-'),
            '"' => out.push('\''),
            '*' | '?' | '<' | '>' => {}
            c if c.is_control() || c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    let name = out.trim().trim_end_matches(['.', ' ', '-']).trim_end();
    if name.is_empty() {
        "plan".to_owned()
    } else {
        name.to_owned()
    }
}

/// Puts `path` first in File → Open Recent, and keeps it usable this session.
fn remember(app: &AppHandle, state: &AppState, path: &Path) {
    state.gate.allow(path);
    // Recent files are a convenience: a settings folder that cannot be written loses only them.
    match state.update_user(|u| u.remember(path)) {
        Ok(user) => crate::menu::set_recent(app, &user.recent),
        Err(e) => eprintln!("Mutual Plan: {}", e.message),
    }
}

/// Takes a file that has gone (moved or deleted) off File → Open Recent.
#[tauri::command]
pub fn forget_recent(app: AppHandle, state: State<'_, AppState>, file: String) {
    let path = PathBuf::from(file);
    let user = state.update_user(|u| u.forget(&path)).unwrap_or_else(|e| {
        eprintln!("Mutual Plan: {}", e.message);
        state.user()
    });
    crate::menu::set_recent(&app, &user.recent);
}

/// For a plan file that could not be opened (damaged, say): its newest backup, in words, when
/// the data folder holds one; the window then offers to restore it.
#[tauri::command(async)]
pub fn backup_offer(state: State<'_, AppState>, file: String) -> Result<Option<String>, IpcError> {
    let path = state.gate.check(&file)?;
    let bytes = mutual_plan::storage::read_bytes(&path).unwrap_or_default();
    Ok(backup::newest_for(&state.storage.data_dir, &bytes).map(|b| backup::describe(&b)))
}

/// Puts the newest backup of a damaged plan file back in its place (the damaged bytes are kept
/// as a backup too) and opens it for editing.
#[tauri::command(async)]
pub fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    file: String,
) -> Result<OpenedPlan, IpcError> {
    let path = state.gate.check(&file)?;
    let bytes = mutual_plan::storage::read_bytes(&path).unwrap_or_default();
    let newest = backup::newest_for(&state.storage.data_dir, &bytes).ok_or_else(|| {
        IpcError::new(
            ErrorKind::NotFound,
            format!("there is no backup of {}", path.display()),
        )
    })?;
    let mut plan = mutual_plan::storage::load(&newest)?.plan;
    plan.saved_by = state.user().saved_by();
    let open = state.storage.save_as(&path, &plan, None)?;
    remember(&app, &state, &path);
    let result = opened(Some(&open.path), open.plan.clone(), None, None);
    state.begin_editing(Editing::opened(Some(&path), open.plan.clone(), None, None));
    state.set_open(Some(open));
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(data: &Path) -> AppState {
        AppState {
            storage: Storage::new(data),
            criteria: Criteria::bundled(),
            open: Default::default(),
            startup: StartupFile::Sample,
            config_dir: data.join("config"),
            user: Default::default(),
            gate: Default::default(),
            last_printed: Default::default(),
            editing: Default::default(),
            crashes: Default::default(),
            crashed: Default::default(),
        }
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
        let kept = recovery::for_file(&state.storage.data_dir, &file, &saved).unwrap();
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
        let northfield = core_new::new_plan(
            "Northfield Reablement",
            "00112233445566778899aabbccddeeff".parse().unwrap(),
            Timestamp::from_unix(1_796_292_000).unwrap(),
        );
        let other = core_new::new_plan(
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

    #[test]
    fn a_suggested_file_name_reads_as_the_title_does() {
        assert_eq!(
            file_name_safe("Northfield Reablement: business plan revision 3"),
            "Northfield Reablement - business plan revision 3"
        );
        assert_eq!(file_name_safe("Plan 2027/28"), "Plan 2027-28");
        assert_eq!(
            file_name_safe("The \"Better care\" plan | draft?"),
            "The 'Better care' plan - draft"
        );
        assert_eq!(
            file_name_safe("Two\nlines\tand  spaces."),
            "Two lines and spaces"
        );
        assert_eq!(file_name_safe("???"), "plan");
    }

    #[test]
    fn a_review_action_without_a_name_asks_who_you_are_and_with_one_is_stamped() {
        let mut plan = samples::riverside().unwrap();
        let action = ReviewAction::Comment {
            anchor: "contract:community-therapy".into(),
            text: "Confirmed?".into(),
        };
        let now = Timestamp::now();
        let e = apply_review(&mut plan, &action, &UserConfig::default(), now).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NoIdentity);
        let jan = UserConfig {
            name: "Jan Morris".into(),
            role: ReviewerRole::Mentor,
            ..UserConfig::default()
        };
        apply_review(&mut plan, &action, &jan, now).unwrap();
        let c = plan.review.comments.last().unwrap();
        assert_eq!(
            (c.author.as_str(), c.role),
            ("Jan Morris", ReviewerRole::Mentor)
        );
    }

    #[test]
    fn the_portfolio_command_gives_the_cores_rows_worded_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let mut poor = samples::riverside().unwrap();
        poor.title = "Poor".into();
        poor.forecast.opening_cash = "0".parse().unwrap();
        std::fs::write(
            dir.path().join("a.mutualplan"),
            plan_file::write_plan(&poor),
        )
        .unwrap();
        std::fs::write(dir.path().join("b.mutualplan"), samples::RIVERSIDE).unwrap();
        std::fs::write(dir.path().join("c.mutualplan"), &samples::RIVERSIDE[..100]).unwrap();
        let folders = vec![dir.path().to_string_lossy().into_owned()];
        let rows = portfolio_rows(&folders, SortKey::LowestCash, &Criteria::bundled());
        let files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["c.mutualplan", "a.mutualplan", "b.mutualplan"]);
        assert!(rows[0]
            .error
            .as_deref()
            .unwrap()
            .starts_with("Not read: the file is not valid JSON"));
        assert_eq!(rows[0].lowest_cash, "");
        assert!(rows[1].lowest_cash.contains('£'));
        let json = serde_json::to_value(&rows[2]).unwrap();
        assert_eq!(json["title"], samples::riverside().unwrap().title.as_str());
    }
}
