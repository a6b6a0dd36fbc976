//! What a rule is and what it may look at: the one shape every rule of the catalogue has.

use crate::checks::criteria::Policy;
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::scenarios::ScenarioResult;
use crate::forecast::{Forecast, ForecastError};
use crate::model::field_path::FieldPath;
use crate::model::plan::Plan;
use rust_decimal::Decimal;

/// What a rule may look at.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub policy: &'a Policy,
    pub forecast: &'a Result<Forecast, ForecastError>,
    /// The scenarios run on the plan (none when only the base forecast was given).
    pub scenarios: &'a [ScenarioResult],
}

/// A rule of the catalogue.
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    /// The severities it can give, as the catalogue states them ("error", "info / warning").
    pub severity: &'static str,
    pub source: &'static str,
    pub(super) check: fn(&Ctx, &Rule) -> Vec<Finding>,
}

impl Rule {
    /// A finding of this rule.
    pub(super) fn finding(
        &self,
        severity: Severity,
        path: impl Into<FieldPath>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: self.id.into(),
            severity,
            path: path.into(),
            message: message.into(),
            source: self.source.into(),
        }
    }
}

/// The sum of the employee groups' votes ("employee votes" in every rule).
pub fn employee_votes(plan: &Plan) -> Decimal {
    plan.ownership
        .groups
        .iter()
        .filter(|g| g.kind.is_employee())
        .map(|g| g.voting_percent.get())
        .sum()
}
