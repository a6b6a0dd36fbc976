//! Changes kept against losing them: the autosave, the recovery offered when a plan opens, the
//! never-saved plans left behind, the page loaded again after it stopped, and the backups of a
//! damaged file.

use super::state::{file_name, opened, plan_name, remember, AppState};
use crate::error::{ErrorKind, IpcError};
use crate::ipc::{OpenedPlan, Reopened, UnsavedPlan};
use mutual_plan::compare::view::{compare_view, CompareView, Other};
use mutual_plan::show::review;
use mutual_plan::storage::backup;
use mutual_plan::storage::recovery::{self, Editing};
use tauri::{AppHandle, Runtime, State};

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
    let r = recovery::unsaved_by_id(state.storage.fs(), &state.storage.data_dir, &plan_id)
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

/// For a plan file that could not be opened (damaged, say): its newest backup, in words, when
/// the data folder holds one; the window then offers to restore it.
#[tauri::command(async)]
pub fn backup_offer(state: State<'_, AppState>, file: String) -> Result<Option<String>, IpcError> {
    let path = state.gate.check(&file)?;
    let bytes = mutual_plan::storage::read_bytes(state.storage.fs(), &path).unwrap_or_default();
    Ok(
        backup::newest_for(state.storage.fs(), &state.storage.data_dir, &bytes)
            .map(|b| backup::describe(&b)),
    )
}

/// Puts the newest backup of a damaged plan file back in its place (the damaged bytes are kept
/// as a backup too) and opens it for editing.
#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file: String,
) -> Result<OpenedPlan, IpcError> {
    let path = state.gate.check(&file)?;
    let bytes = mutual_plan::storage::read_bytes(state.storage.fs(), &path).unwrap_or_default();
    let newest = backup::newest_for(state.storage.fs(), &state.storage.data_dir, &bytes)
        .ok_or_else(|| {
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
