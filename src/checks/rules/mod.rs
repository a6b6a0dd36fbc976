//! The ownership, governance, legal-form, procurement, employment, forecast and care-regulation
//! checks of `docs/rules.md`: one small function per rule id, listed in one catalogue.

mod employment;
mod finance;
mod governance;
mod legal;
mod ownership;
mod procurement;
mod quality;
mod rule;

use crate::checks::criteria::Policy;
use crate::checks::verdict::Finding;
use crate::forecast::{Forecast, ForecastError};
use crate::model::plan::Plan;

pub use rule::{employee_votes, Ctx, Rule};

/// Every rule, in catalogue order.
pub fn catalogue() -> impl Iterator<Item = &'static Rule> {
    ownership::RULES
        .iter()
        .chain(governance::RULES)
        .chain(legal::RULES)
        .chain(procurement::RULES)
        .chain(employment::RULES)
        .chain(finance::RULES)
        .chain(quality::RULES)
}

/// Every finding for the plan, in catalogue order.
pub fn check(
    plan: &Plan,
    policy: &Policy,
    forecast: &Result<Forecast, ForecastError>,
) -> Vec<Finding> {
    let ctx = Ctx {
        plan,
        policy,
        forecast,
    };
    catalogue().flat_map(|r| (r.check)(&ctx, r)).collect()
}
