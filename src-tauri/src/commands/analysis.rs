//! The plan as edited, checked and computed: the analysis on every edit, the Forecast view and
//! where one of its figures comes from.

use super::state::AppState;
use crate::error::{ErrorKind, IpcError};
use crate::ipc::PlanCheck;
use mutual_plan::model::plan_file::{self, read_plan};
use mutual_plan::show::edited::edited;
use mutual_plan::show::forecast_view::ContributionView;
use mutual_plan::show::headroom::HeadroomView;
use mutual_plan::show::live_text::{amounts_to_replace, AmountToReplace};
use tauri::State;

/// Checks the edited plan strictly (as a file would be read), and returns, in one answer, its
/// fingerprint and everything computed from it: the analysis, the review in words (times
/// `offset_minutes` east of UTC), and the Forecast view when the window shows it (`forecast`),
/// from one run of the forecast. The page sends the plan as JSON
/// text, read once by the strict reader. Fast enough to run on every edit, off the window's
/// thread.
#[tauri::command(async)]
pub fn check_plan(
    state: State<'_, AppState>,
    plan: String,
    forecast: bool,
    offset_minutes: i32,
) -> PlanCheck {
    match read_plan(plan.as_bytes()) {
        Ok(loaded) => {
            let p = loaded.plan;
            let e = edited(&p, &state.criteria, forecast, offset_minutes);
            state.record_edit(p);
            PlanCheck {
                fingerprint: Some(e.fingerprint),
                error: None,
                analysis: Some(e.analysis),
                forecast: e.forecast,
                review: Some(e.review),
            }
        }
        Err(e) => PlanCheck {
            fingerprint: None,
            error: Some(e.into()),
            analysis: None,
            forecast: None,
            review: None,
        },
    }
}

/// "Where does this come from" for one cell of the Forecast view: the plan rows that make it.
#[tauri::command(async)]
pub fn explain_cell(
    plan: serde_json::Value,
    month: String,
    key: String,
) -> Result<Vec<ContributionView>, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    mutual_plan::show::forecast_view::explain_cell(&plan, &month, &key)
        .map_err(|e| IpcError::new(ErrorKind::BadValue, e.to_string()))
}

/// The amounts typed in one narrative section that match no figure (rule NAR-01), each where it
/// is in the text and with the live figures it matched in the plan as last saved (the open file
/// on disk), so the window can offer to replace it with a live figure.
#[tauri::command(async)]
pub fn narrative_amounts(
    state: State<'_, AppState>,
    plan: serde_json::Value,
    section: String,
) -> Result<Vec<AmountToReplace>, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let saved = state
        .open_path()
        .and_then(|path| mutual_plan::storage::load(&path).ok())
        .map(|l| l.plan);
    Ok(amounts_to_replace(
        &plan,
        &state.criteria,
        saved.as_ref(),
        &section,
    ))
}

/// The Forecast view's Headroom section: how far each thing that can go wrong could go before
/// the plan fails a test, each with the case its link draws on the chart, and each year's
/// break-even. Asked for apart from the check (it runs the forecast some dozens of times), while
/// the Forecast view shows.
#[tauri::command(async)]
pub fn headroom(
    state: State<'_, AppState>,
    plan: serde_json::Value,
) -> Result<HeadroomView, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    let thresholds = state.criteria.headroom_thresholds();
    mutual_plan::forecast::forecast(&plan)
        .and_then(|base| mutual_plan::show::headroom::report_with(&plan, &base, &thresholds))
        .map(|r| r.view())
        .map_err(|e| IpcError::new(ErrorKind::BadValue, e.to_string()))
}
