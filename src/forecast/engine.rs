//! The forecast of a plan: receipts and payments posted on a grid of lines month by month, then
//! the rows, the years and the summary.

use super::error::ForecastError;
use super::model::{Adjustments, Forecast};
use super::{lines, payments, receipts, summary, tax};
use crate::model::plan::Plan;

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
