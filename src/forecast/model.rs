//! What a forecast is: its months, years and summary, and the changes a scenario makes that are
//! not a change to the plan.

use super::lines::MonthRow;
use super::summary::{Summary, Year};
use crate::model::values::Month;
use rust_decimal::Decimal;

/// The whole forecast of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub months: Vec<MonthRow>,
    pub years: Vec<Year>,
    pub summary: Summary,
    /// The VAT years' partial exemption figures; empty when not registered for VAT.
    pub vat_years: Vec<super::vat::VatYear>,
    /// Expenditure by kind, month by month, as incurred (the income and expenditure view): each
    /// year's `expenditure_by_kind` is the sum of its months here.
    pub expenditure_by_month: Vec<(super::lines::LineKey, Vec<Decimal>)>,
}

/// Changes a scenario makes that are not a change to the plan itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Adjustments {
    /// Every contract's value is cut by this percentage from its second year (`k ≥ 1`).
    pub contract_cut_from_second_year_percent: Option<Decimal>,
    /// The contract at this index in the plan earns nothing after this month (its last month of
    /// service), whatever its end and renewal say.
    pub contract_stops_after: Option<(usize, Month)>,
    /// Every contract's value in this forecast year (from 1) is multiplied by this factor.
    pub contract_scale_in_year: Option<(u32, Decimal)>,
}
