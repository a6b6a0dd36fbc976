//! The printed plan: a PDF written where the user chose, and opened in the system's viewer; and
//! the plan as an Excel workbook.

use super::state::AppState;
use crate::error::{ErrorKind, IpcError};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::model::plan_file;
use mutual_plan::pdf;
use mutual_plan::workbook;
use tauri::State;

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

/// Exports the plan as edited to an Excel workbook chosen by the user (`docs/spreadsheets.md`),
/// its Summary saying the figures match no saved file when `unsaved`.
#[tauri::command(async)]
pub fn export_xlsx(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    file: String,
    unsaved: bool,
) -> Result<(), IpcError> {
    let path = state.gate.check(&file)?;
    let plan = plan_file::plan_from_value(&plan)?;
    let analysis = analyse(&plan, &state.criteria);
    let options = workbook::ExportOptions { unsaved };
    let bytes = workbook::workbook_with(&plan, &analysis, &options)
        .map_err(|e| IpcError::new(ErrorKind::Workbook, e.to_string()))?;
    mutual_plan::storage::save_atomic(&path, &bytes)?;
    Ok(())
}
