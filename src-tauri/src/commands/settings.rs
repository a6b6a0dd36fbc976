//! The user's own settings: who they are, and their recent files.

use super::state::AppState;
use crate::error::IpcError;
use crate::user_config::UserConfig;
use mutual_plan::model::plan::ReviewerRole;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};

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

/// Takes a file that has gone (moved or deleted) off File → Open Recent.
#[tauri::command]
pub fn forget_recent<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, file: String) {
    let path = PathBuf::from(file);
    let user = state.update_user(|u| u.forget(&path)).unwrap_or_else(|e| {
        eprintln!("Mutual Plan: {}", e.message);
        state.user()
    });
    crate::menu::set_recent(&app, &user.recent);
}
