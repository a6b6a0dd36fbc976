//! The window's commands: each parses its input, makes one call into the core and maps the error.

use crate::ipc::{AnalysisView, IpcError, OpenAs, OpenedPlan, PlanCheck, SaveKind};
use crate::paths::PathGate;
use mutual_plan::analysis::analyse;
use mutual_plan::compare::{compare_view, CompareView, Other};
use mutual_plan::criteria::Criteria;
use mutual_plan::error::ErrorKind;
use mutual_plan::forecast::view::{ContributionView, ForecastView};
use mutual_plan::input::{InputKind, TypedValue};
use mutual_plan::plan::{Review, ReviewerRole};
use mutual_plan::portfolio::{self as core_portfolio, report::RowView, SortKey};
use mutual_plan::review::{self, ReviewAction, ReviewError, Reviewer};
use mutual_plan::storage::{backup, recovery, OpenFile, OpenMode, Storage};
use mutual_plan::user_config::UserConfig;
use mutual_plan::values::{PlanId, Timestamp};
use mutual_plan::{fingerprint, new_plan as core_new, pdf, plan_file, samples, Plan};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
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
}

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

fn unsaved(state: &AppState, plan: Plan) -> OpenedPlan {
    state.set_open(None);
    let recovery = recovery::unsaved(&state.storage.data_dir)
        .into_iter()
        .find(|r| r.plan.id == plan.id);
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
pub fn choices() -> mutual_plan::labels::Choices {
    mutual_plan::labels::choices()
}

/// Reads a value as typed into a field (`£1,234.50`, `23.78%`, `1/4/2027`, `April 2027`): the
/// file's form and the words to show, or the message to show beside the field.
#[tauri::command]
pub fn read_input(kind: InputKind, text: String) -> Result<TypedValue, IpcError> {
    mutual_plan::input::read_typed(kind, &text).map_err(|m| IpcError::new(ErrorKind::BadValue, m))
}

/// The narrative sections in the order of the printed plan, with their prompts.
#[tauri::command]
pub fn sections() -> Vec<crate::ipc::SectionPrompt> {
    mutual_plan::sections::SECTIONS
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
    list: mutual_plan::new_plan::ListKind,
    name: String,
) -> Result<serde_json::Value, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    Ok(core_new::new_item(&plan, list, &name))
}

/// The employer pension rate suggested for a scheme, in the file's form (`"23.78"`).
#[tauri::command]
pub fn suggested_pension(scheme: mutual_plan::plan::PensionScheme) -> String {
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
    let recovery = state.storage.recovery_for(&path, open.plan.id.as_str());
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
        Ok(p) => PlanCheck {
            fingerprint: Some(fingerprint(&p)),
            error: None,
            analysis: Some(AnalysisView::new(
                &p,
                &analyse(&p, &state.criteria),
                &state.criteria.policy,
            )),
        },
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
    mutual_plan::forecast::view::forecast_view(&plan).ok()
}

/// "Where does this come from" for one cell of the Forecast view: the plan rows that make it.
#[tauri::command(async)]
pub fn explain_cell(
    plan: serde_json::Value,
    month: String,
    key: String,
) -> Result<Vec<ContributionView>, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    mutual_plan::forecast::view::explain_cell(&plan, &month, &key)
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
) -> Result<mutual_plan::review::ReviewView, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    Ok(mutual_plan::review::view(&plan, offset_minutes))
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
    Ok(opened(Some(&open.path), saved, read_only, None))
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
    Ok(opened(Some(&open.path), saved, None, None))
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
    state.set_open(Some(open));
    Ok(result)
}

/// Writes the plan as edited to its recovery file (never over the user's file).
#[tauri::command(async)]
pub fn autosave(state: State<'_, AppState>, plan: serde_json::Value) -> Result<(), IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let source = state.open_path();
    state.storage.autosave(source.as_deref(), &plan)?;
    Ok(())
}

/// Drops a recovery the user chose not to restore.
#[tauri::command]
pub fn discard_recovery(state: State<'_, AppState>, plan_id: String) {
    let source = state.open_path();
    state.storage.discard_recovery(source.as_deref(), &plan_id);
}

/// Closes the open file, releasing its lock.
#[tauri::command]
pub fn close_plan(state: State<'_, AppState>) {
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

/// `name` with the characters that Windows, macOS or Linux refuse in a file name replaced.
fn file_name_safe(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
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
    state.set_open(Some(open));
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            .starts_with("Not read (syntax)"));
        assert_eq!(rows[0].lowest_cash, "");
        assert!(rows[1].lowest_cash.contains('£'));
        let json = serde_json::to_value(&rows[2]).unwrap();
        assert_eq!(json["title"], samples::riverside().unwrap().title.as_str());
    }
}
