//! The plan as edited, checked and computed: the analysis on every edit, the Forecast view and
//! where one of its figures comes from.

use super::state::AppState;
use crate::error::{ErrorKind, IpcError};
use crate::ipc::{AnalysisView, PlanCheck};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::model::plan_file::{self, fingerprint};
use mutual_plan::show::forecast_view::{ContributionView, ForecastView};
use tauri::State;

/// Checks the edited plan strictly (as a file would be read), and returns its fingerprint and
/// everything computed from it: fast enough to run on every edit, and off the window's thread.
#[tauri::command(async)]
pub fn check_plan(state: State<'_, AppState>, plan: serde_json::Value) -> PlanCheck {
    match plan_file::plan_from_value(&plan) {
        Ok(p) => {
            let check = PlanCheck {
                fingerprint: Some(fingerprint(&p)),
                error: None,
                analysis: Some(AnalysisView::new(
                    &p,
                    &analyse(&p, &state.criteria),
                    &state.criteria.policy,
                )),
            };
            state.record_edit(p);
            check
        }
        Err(e) => PlanCheck {
            fingerprint: None,
            error: Some(e.into()),
            analysis: None,
        },
    }
}

/// The Forecast view of the edited plan: the monthly table, the chart and the scenarios, every
/// figure worded by the core; `None` while the plan does not read or its forecast fails.
#[tauri::command(async)]
pub fn forecast_view(plan: serde_json::Value) -> Option<ForecastView> {
    let plan = plan_file::plan_from_value(&plan).ok()?;
    mutual_plan::show::forecast_view::forecast_view(&plan).ok()
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
