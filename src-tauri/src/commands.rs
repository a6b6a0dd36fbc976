//! The window's commands: each parses its input, makes one call into the core and maps the error.

use crate::ipc::{IpcError, OpenedPlan, PlanCheck};
use mutual_plan::values::{PlanId, Timestamp};
use mutual_plan::{fingerprint, new_plan as core_new, pdf, plan_file, samples, storage};
use std::path::PathBuf;

/// What the app was asked to open when it started.
pub enum StartupFile {
    Sample,
    Path(PathBuf),
}

/// The plan to show first: the file given on the command line, or the bundled sample.
#[tauri::command]
pub fn startup(start: tauri::State<'_, StartupFile>) -> Result<OpenedPlan, IpcError> {
    match &*start {
        StartupFile::Sample => {
            let plan = samples::riverside()?;
            Ok(OpenedPlan {
                file: None,
                fingerprint: fingerprint(&plan),
                plan,
            })
        }
        StartupFile::Path(path) => open_plan(path.to_string_lossy().into_owned()),
    }
}

/// The options and labels of the coded fields.
#[tauri::command]
pub fn choices() -> mutual_plan::labels::Choices {
    mutual_plan::labels::choices()
}

#[tauri::command]
pub fn open_plan(file: String) -> Result<OpenedPlan, IpcError> {
    let plan = storage::load(&PathBuf::from(&file))?.plan;
    Ok(OpenedPlan {
        file: Some(file),
        fingerprint: fingerprint(&plan),
        plan,
    })
}

#[tauri::command]
pub fn new_plan(name: String) -> Result<OpenedPlan, IpcError> {
    let id = PlanId::random().map_err(|e| IpcError {
        kind: "io".into(),
        message: format!("no random source for the plan id: {e}"),
        path: None,
    })?;
    let plan = core_new::new_plan(name.trim(), id, Timestamp::now());
    Ok(OpenedPlan {
        file: None,
        fingerprint: fingerprint(&plan),
        plan,
    })
}

/// Checks the edited plan strictly (as a file would be read) and returns the fingerprint.
#[tauri::command]
pub fn check_plan(plan: serde_json::Value) -> PlanCheck {
    match plan_file::plan_from_value(&plan) {
        Ok(p) => PlanCheck {
            fingerprint: Some(fingerprint(&p)),
            error: None,
        },
        Err(e) => PlanCheck {
            fingerprint: None,
            error: Some(e.into()),
        },
    }
}

/// Saves atomically with the revision counted up; returns the plan as saved.
#[tauri::command]
pub fn save_plan(file: String, plan: serde_json::Value) -> Result<OpenedPlan, IpcError> {
    let plan = plan_file::stamp_for_save(&plan_file::plan_from_value(&plan)?, Timestamp::now());
    storage::save_atomic(
        &PathBuf::from(&file),
        plan_file::write_plan(&plan).as_bytes(),
    )?;
    Ok(OpenedPlan {
        file: Some(file),
        fingerprint: fingerprint(&plan),
        plan,
    })
}

#[tauri::command]
pub fn print_pdf(plan: serde_json::Value, file: String) -> Result<(), IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let analysis =
        mutual_plan::analysis::analyse(&plan, &mutual_plan::criteria::Criteria::bundled());
    let bytes = pdf::render(&plan, &analysis).map_err(|e| IpcError {
        kind: "pdf".into(),
        message: e.to_string(),
        path: None,
    })?;
    storage::save_atomic(&PathBuf::from(file), &bytes)?;
    Ok(())
}
