//! The ownership, governance, legal-form, procurement, employment, forecast and care-regulation
//! checks of `docs/rules.md`: one small function per rule id, listed in one catalogue.

mod employment;
mod finance;
mod governance;
mod legal;
mod ownership;
mod procurement;
mod quality;

use crate::criteria::Policy;
use crate::field_path::FieldPath;
use crate::forecast::{Forecast, ForecastError};
use crate::plan::Plan;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan is inconsistent or breaks a legal rule.
    Error,
    /// A mentor would question it.
    Warning,
    /// A fact worth showing.
    Info,
}

/// One result of a check, placed by `path` beside the field or item it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    /// The field or item, with stable item ids: `forecast.contracts[falls-prevention]`.
    pub path: FieldPath,
    /// What is wrong and what to do, in plain English.
    pub message: String,
    pub source: String,
}

/// What a rule may look at.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub policy: &'a Policy,
    pub forecast: &'a Result<Forecast, ForecastError>,
}

/// A rule of the catalogue.
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    /// The severities it can give, as the catalogue states them ("error", "info / warning").
    pub severity: &'static str,
    pub source: &'static str,
    check: fn(&Ctx, &Rule) -> Vec<Finding>,
}

impl Rule {
    /// A finding of this rule.
    fn finding(
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

/// The sum of the employee groups' votes ("employee votes" in every rule).
pub fn employee_votes(plan: &Plan) -> Decimal {
    plan.ownership
        .groups
        .iter()
        .filter(|g| g.kind.is_employee())
        .map(|g| g.voting_percent.get())
        .sum()
}

/// Percentages in messages are written as everywhere else.
pub(crate) use crate::labels::percent as pc;
