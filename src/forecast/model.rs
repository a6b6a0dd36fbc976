//! What a forecast is: its months, years and summary, and the changes a scenario makes that are
//! not a change to the plan.

use super::lines::MonthRow;
use super::summary::{Summary, Year};
use rust_decimal::Decimal;

/// The whole forecast of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub months: Vec<MonthRow>,
    pub years: Vec<Year>,
    pub summary: Summary,
    /// The VAT years' partial exemption figures; empty when not registered for VAT.
    pub vat_years: Vec<super::vat::VatYear>,
}

/// Changes a scenario makes that are not a change to the plan itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Adjustments {
    /// Every contract's value is cut by this percentage from its second year (`k ≥ 1`).
    pub contract_cut_from_second_year_percent: Option<Decimal>,
}
