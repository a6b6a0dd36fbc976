//! Importing a staff list or a budget from a spreadsheet the user chose: the core reads it and
//! previews every row; the window adds the rows to the plan itself, as one undoable change.

use super::state::AppState;
use crate::error::{ErrorKind, IpcError};
use mutual_plan::import::{self, ImportError, ImportView, Target};
use mutual_plan::model::plan_file;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// Asks the user for a spreadsheet to import (`.xlsx` or `.csv`); `None` when they
/// cancel.
#[tauri::command(async)]
pub fn choose_spreadsheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Option<String> {
    let path = app
        .dialog()
        .file()
        .set_title("Import from a Spreadsheet")
        .add_filter("Spreadsheets", &["xlsx", "csv"])
        .blocking_pick_file()?
        .into_path()
        .ok()?;
    state.gate.allow(&path);
    Some(path.to_string_lossy().into_owned())
}

/// The chosen spreadsheet's table previewed as rows of `target` for the plan as edited: each
/// column's field (`mapping`, or the guess from the headings), and every row with each cell read
/// or refused. Changes nothing.
#[tauri::command(async)]
pub fn import_preview(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    target: Target,
    file: String,
    sheet: Option<String>,
    mapping: Option<Vec<Option<String>>>,
) -> Result<ImportView, IpcError> {
    let path = state.gate.check(&file)?;
    let plan = plan_file::plan_from_value(&plan)?;
    let not_read = |e: ImportError| {
        let kind = match e {
            ImportError::TooLarge { .. } => ErrorKind::TooLarge,
            _ => ErrorKind::Spreadsheet,
        };
        IpcError::new(kind, format!("{}: {e}", path.display()))
    };
    let size = std::fs::metadata(&path)
        .map_err(|e| IpcError::new(ErrorKind::NotFound, format!("{}: {e}", path.display())))?
        .len();
    if size > import::MAX_BYTES {
        return Err(not_read(ImportError::TooLarge { size }));
    }
    let bytes = mutual_plan::storage::read_bytes(&mutual_plan::storage::RealFs, &path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let table = import::read_table(&bytes, &name, sheet.as_deref()).map_err(not_read)?;
    Ok(import::view(&plan, target, &table, mapping.as_deref()))
}
