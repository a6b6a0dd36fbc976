//! The monthly cash-flow forecast of `docs/cashflow.md`: a pure function from a plan to monthly
//! rows, yearly income and expenditure, and the named summary figures.
//!
//! Every line item is computed per month exactly (in a rational) and rounded once to pennies, half
//! away from zero; totals are sums of rounded items. All arithmetic is checked: an absurd input
//! gives [`ForecastError::Overflow`] naming the field, never a panic or a wrong number.

mod arith;
pub mod explain;
pub mod funding;
mod lines;
mod payments;
mod receipts;
pub mod report;
pub mod scenarios;
mod summary;
mod tax;
pub mod view;

use crate::plan::Plan;
use crate::values::Month;
use rust_decimal::Decimal;
use thiserror::Error;

pub use lines::LineKey;
pub use payments::employment_allowance_eligible;
pub use summary::{Summary, Year};

/// Why a forecast could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ForecastError {
    /// A value so large that the arithmetic would overflow (rule FIN-03).
    #[error("`{field}`: the figures here are too large to calculate with; check the value")]
    Overflow { field: String },
}

impl ForecastError {
    /// The path of the field at fault, with stable item ids.
    pub fn path(&self) -> &str {
        match self {
            ForecastError::Overflow { field } => field,
        }
    }
}

/// One month of the forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthRow {
    pub month: Month,
    pub opening: Decimal,
    pub receipts: Decimal,
    pub payments: Decimal,
    pub closing: Decimal,
    /// Every non-zero line of the month: receipts positive, payments negative. They sum to
    /// `receipts − payments`, so each figure can be traced to what makes it.
    pub lines: Vec<(LineKey, Decimal)>,
}

impl MonthRow {
    /// The month's net cash flow: receipts less payments (payments are held as positive
    /// amounts), so that `closing = opening + net`. The one definition the table, the PDF and
    /// the window all use.
    pub fn net(&self) -> Decimal {
        self.receipts - self.payments
    }
}

/// The whole forecast of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub months: Vec<MonthRow>,
    pub years: Vec<Year>,
    pub summary: Summary,
}

/// Changes a scenario makes that are not a change to the plan itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Adjustments {
    /// Every contract's value is cut by this percentage from its second year (`k ≥ 1`).
    pub contract_cut_from_second_year_percent: Option<Decimal>,
}

/// The base forecast of a plan.
pub fn forecast(plan: &Plan) -> Result<Forecast, ForecastError> {
    forecast_with(plan, &Adjustments::default())
}

/// The forecast of a plan with a scenario's adjustments.
pub fn forecast_with(plan: &Plan, adj: &Adjustments) -> Result<Forecast, ForecastError> {
    let f = &plan.forecast;
    let horizon = lines::Horizon::new(f.start, f.months as usize);
    let mut grid = lines::Grid::new(horizon);
    let mut earned = summary::Earned::new(horizon.len);
    receipts::contracts(plan, adj, &mut grid, &mut earned)?;
    receipts::other(plan, &mut grid, &mut earned)?;
    payments::staff(plan, &mut grid, &mut earned)?;
    payments::costs(plan, &mut grid, &mut earned)?;
    payments::loans(plan, &mut grid, &mut earned)?;
    let ie = summary::income_and_expenditure(&earned)?;
    let taxes = tax::corporation_tax(plan, &ie, &mut grid, &mut earned)?;
    let months = grid.rows(f.opening_cash.get())?;
    let (years, summary) = summary::summarise(&months, &earned, ie, &taxes)?;
    Ok(Forecast {
        months,
        years,
        summary,
    })
}
