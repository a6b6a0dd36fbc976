//! The plan in the window and its file: what the app was started with, the sample, a new plan,
//! opening, saving and closing.

use super::state::{no_file, opened, remember, unsaved, AppState, StartupFile};
use crate::error::{ErrorKind, IpcError};
use crate::ipc::{OpenAs, OpenedPlan};
use mutual_plan::model::values::{PlanId, Timestamp};
use mutual_plan::model::{new_plan as core_new, plan_file, samples};
use mutual_plan::storage::recovery::Editing;
use mutual_plan::storage::OpenMode;
use tauri::{AppHandle, Runtime, State};

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

/// The bundled sample plan, as an unsaved copy.
#[tauri::command]
pub fn open_sample(state: State<'_, AppState>) -> Result<OpenedPlan, IpcError> {
    Ok(unsaved(&state, samples::riverside()?))
}

/// Opens a plan file: for editing, taking over a stale lock, read-only, or as an unsaved copy of
/// a locked plan. Runs off the window's thread, so a slow drive never freezes it.
#[tauri::command(async)]
pub fn open_plan<R: Runtime>(
    app: AppHandle<R>,
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
    // The first save of a plan from an older file format says what that changed, once.
    let migration = std::mem::take(&mut open.migration);
    drop(guard);
    state.saved_to(&path, &saved);
    Ok(OpenedPlan {
        migration,
        ..opened(Some(&path), saved, None, None)
    })
}

/// Saves to a new file chosen by the user, which becomes the open file.
#[tauri::command(async)]
pub fn save_plan_as<R: Runtime>(
    app: AppHandle<R>,
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
    let migration = state
        .open
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_mut()
        .map(|o| std::mem::take(&mut o.migration))
        .unwrap_or_default();
    let result = OpenedPlan {
        migration,
        ..opened(Some(&open.path), open.plan.clone(), None, None)
    };
    state.saved_to(&path, &open.plan);
    state.set_open(Some(open));
    Ok(result)
}

/// Closes the open file, releasing its lock. The window calls it once the user has saved or
/// discarded their changes, so the plan's recovery file goes too.
#[tauri::command]
pub fn close_plan(state: State<'_, AppState>) {
    state.end_editing();
    state.set_open(None);
}
