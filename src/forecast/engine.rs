//! The forecast of a plan: every line that does not depend on cash posted on a grid month by
//! month, VAT settled, assets depreciated, then the months run in order for the facilities and
//! corporation tax, and the rows, years, balance sheets and summary made.

use super::error::ForecastError;
use super::ledger::Ledger;
use super::model::{Adjustments, Forecast};
use super::{cash, lines, payments, receipts, summary, vat};
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
    let mut ledger = Ledger::new(horizon.len);
    receipts::contracts(plan, adj, &mut grid, &mut ledger)?;
    receipts::other(plan, &mut grid, &mut ledger)?;
    payments::staff(plan, &mut grid, &mut ledger)?;
    payments::costs(plan, &mut grid, &mut ledger)?;
    payments::loans(plan, &mut grid, &mut ledger)?;
    let vat_years = vat::settle(plan, &mut grid, &mut ledger)?;
    payments::depreciation(horizon, &mut ledger)?;
    let cash = cash::run(plan, &mut grid, &mut ledger)?;
    let turnover = vat::turnover(plan, horizon, &ledger);
    let (months, years, summary) = summary::summarise(plan, &grid, &ledger, &cash, turnover)?;
    let expenditure_by_month = ledger
        .kinds()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect();
    Ok(Forecast {
        months,
        expenditure_by_month,
        years,
        summary,
        vat_years,
    })
}
