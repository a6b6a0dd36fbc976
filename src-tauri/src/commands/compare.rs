//! The plan as edited compared with another version of it: a file the user picked, or the open
//! file as someone else saved it meanwhile.

use super::state::{file_name, no_file, AppState};
use crate::error::IpcError;
use mutual_plan::compare::view::{compare_view, CompareView, Other};
use mutual_plan::model::plan_file;
use tauri::State;

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
