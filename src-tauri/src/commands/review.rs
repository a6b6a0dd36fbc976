//! Review mode: the review in words, review actions stamped with who the user is, and saving
//! only the review.

use super::state::{no_file, opened, AppState};
use crate::error::{ErrorKind, IpcError};
use crate::ipc::OpenedPlan;
use mutual_plan::model::plan::Review;
use mutual_plan::model::plan_file;
use mutual_plan::model::values::Timestamp;
use mutual_plan::show::review::{self, ReviewAction, ReviewError, Reviewer};
use tauri::State;

/// Does one review action (comment, reply, resolve, sign off) as the user, now; returns the
/// plan's new `review`, its content untouched. Refused (`no_identity`) until the user has said
/// who they are.
#[tauri::command]
pub fn review_action(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    action: ReviewAction,
) -> Result<Review, IpcError> {
    let mut plan = plan_file::plan_from_value(&plan)?;
    let user = state.user();
    let who = Reviewer {
        name: user.name,
        role: user.role,
    };
    review::apply(&mut plan, &action, &who, Timestamp::now()).map_err(|e| {
        let kind = match e {
            ReviewError::NoName => ErrorKind::NoIdentity,
            _ => ErrorKind::BadValue,
        };
        IpcError::new(kind, e.to_string())
    })?;
    Ok(plan.review)
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
