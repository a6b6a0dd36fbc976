//! Everything computed from a plan, computed once: the forecast with its scenarios, the rule
//! findings and the readiness assessment. The CLI, the PDF and the window all show this.

use crate::checks::criteria::Criteria;
use crate::checks::readiness::{assess, Assessment};
use crate::checks::rules::check_with_scenarios;
use crate::checks::verdict::Finding;
use crate::forecast::scenarios::{self, ScenarioResult};
use crate::forecast::{Forecast, ForecastError};
use crate::model::plan::Plan;

/// The results of every computation on one plan.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The base forecast and the default scenarios, or why they could not be computed.
    pub forecast: Result<(Forecast, Vec<ScenarioResult>), ForecastError>,
    pub findings: Vec<Finding>,
    pub readiness: Assessment,
    /// The thresholds headroom is searched against: the criteria's.
    pub headroom_thresholds: crate::forecast::headroom::Thresholds,
}

/// Analyses the plan against a criteria set.
pub fn analyse(plan: &Plan, criteria: &Criteria) -> Analysis {
    let forecast = scenarios::run_all(plan);
    let base = forecast
        .as_ref()
        .map(|(f, _)| f.clone())
        .map_err(Clone::clone);
    let no_scenarios = Vec::new();
    let scenarios = forecast.as_ref().map_or(&no_scenarios, |(_, s)| s);
    let findings = check_with_scenarios(plan, &criteria.policy, &base, scenarios);
    let readiness = assess(plan, criteria, &forecast, &findings);
    Analysis {
        forecast,
        findings,
        readiness,
        headroom_thresholds: criteria.headroom_thresholds(),
    }
}
