//! The ownership, governance, legal-form, procurement, employment, forecast and care-regulation
//! checks of `docs/rules.md`: one small function per rule id, listed in one catalogue.

mod employment;
mod finance;
mod governance;
mod legal;
mod narrative;
mod ownership;
mod procurement;
mod procurement_routes;
mod procurement_terms;
mod quality;
mod rule;
mod tax;

use crate::checks::criteria::Policy;
use crate::checks::verdict::Finding;
use crate::forecast::scenarios::ScenarioResult;
use crate::forecast::{Forecast, ForecastError};
use crate::model::plan::Plan;

pub use narrative::{typed_in, unmatched_amounts, KnownAmounts, Typed};
pub use rule::{employee_votes, Ctx, Rule};

/// Every rule, in catalogue order.
pub fn catalogue() -> impl Iterator<Item = &'static Rule> {
    ownership::RULES
        .iter()
        .chain(governance::RULES)
        .chain(legal::RULES)
        .chain(procurement::RULES)
        .chain(procurement_routes::RULES)
        .chain(employment::RULES)
        .chain(finance::RULES)
        .chain(quality::RULES)
        .chain(tax::RULES)
        .chain(narrative::RULES)
}

/// Every finding for the plan, in catalogue order, given the base forecast alone (no scenario's
/// figures count as the plan's, for NAR-01).
pub fn check(
    plan: &Plan,
    policy: &Policy,
    forecast: &Result<Forecast, ForecastError>,
) -> Vec<Finding> {
    check_with_scenarios(plan, policy, forecast, &[])
}

/// Every finding for the plan, in catalogue order, given the base forecast and its scenarios.
pub fn check_with_scenarios(
    plan: &Plan,
    policy: &Policy,
    forecast: &Result<Forecast, ForecastError>,
    scenarios: &[ScenarioResult],
) -> Vec<Finding> {
    let ctx = Ctx {
        plan,
        policy,
        forecast,
        scenarios,
    };
    catalogue().flat_map(|r| (r.check)(&ctx, r)).collect()
}
