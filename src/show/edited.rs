//! What the window needs after each edit, computed once: the plan's fingerprint, its analysis
//! as the side panel and the parts' views show it, the review in words (the comments beside
//! their anchors), and, when the Forecast view is showing, its table, chart and scenarios from
//! the same forecast run (not a second one).

use crate::checks::analysis::analyse;
use crate::checks::criteria::Criteria;
use crate::model::plan::Plan;
use crate::model::plan_file::fingerprint;
use crate::show::analysis_view::AnalysisView;
use crate::show::forecast_view::{forecast_view_of, ForecastView};
use crate::show::review::{self, ReviewView};
use serde::Serialize;
use ts_rs::TS;

/// The core's answer to one edit of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Edited {
    pub fingerprint: String,
    pub analysis: AnalysisView,
    /// The Forecast view, when it was asked for and the forecast can be worked out.
    pub forecast: Option<ForecastView>,
    /// The review in words, times in the window's local time.
    pub review: ReviewView,
}

/// Analyses `plan` once, with the Forecast view when `with_forecast`; the review's times are
/// written `offset_minutes` east of UTC.
pub fn edited(
    plan: &Plan,
    criteria: &Criteria,
    with_forecast: bool,
    offset_minutes: i32,
) -> Edited {
    let analysis = analyse(plan, criteria);
    let forecast = match (&analysis.forecast, with_forecast) {
        (Ok((f, results)), true) => Some(forecast_view_of(plan, f, results)),
        _ => None,
    };
    Edited {
        fingerprint: fingerprint(plan),
        analysis: AnalysisView::new(plan, &analysis, &criteria.policy),
        forecast,
        review: review::view(plan, offset_minutes),
    }
}
