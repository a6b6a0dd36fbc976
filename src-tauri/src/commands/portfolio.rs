//! The portfolio: every plan under the folders the user chose, one row each.

use super::state::AppState;
use crate::error::IpcError;
use mutual_plan::model::values::Timestamp;
use mutual_plan::portfolio::{self as core_portfolio, report::RowView, SortKey};
use std::path::PathBuf;
use tauri::State;

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
    let roots: Vec<PathBuf> = folders.iter().map(PathBuf::from).collect();
    let rows = core_portfolio::portfolio(&roots, &state.criteria, Timestamp::now());
    Ok(core_portfolio::report::to_view(&core_portfolio::sort(
        rows, sort,
    )))
}
