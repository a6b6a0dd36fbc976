//! Corporation tax: each forecast year is an accounting period, losses are carried forward, and
//! the tax is paid in the tenth month after the period ends. Charities pay none.

use super::arith::{add, Exact};
use super::error::ForecastError;
use super::lines::{Grid, LineKey};
use super::summary::{Earned, YearIe};
use crate::model::plan::Plan;
use rust_decimal::Decimal;

/// Months from a period's last month to the month its tax is paid: 9 months and 1 day after the
/// period ends falls in the tenth month after its last (a year ending March 2028 pays in January
/// 2029).
const PAID_MONTHS_AFTER_PERIOD: usize = 10;

/// The tax on one period's taxable profit, with the limits scaled to a short period of `months`:
/// the small profits rate at or below the lower limit, the main rate at or above the upper, and
/// between them the main rate less marginal relief, `(upper − profit) × fraction`. Rounded once.
fn tax_on(plan: &Plan, taxable: Decimal, months: usize) -> Result<Decimal, ForecastError> {
    let s = &plan.forecast.settings;
    let field = || "forecast.settings.ct_main_rate_percent".to_string();
    let part = Exact::int(months as i64) / Exact::int(12);
    let lower = &Exact::dec(s.ct_lower_limit.get()) * &part;
    let upper = &Exact::dec(s.ct_upper_limit.get()) * &part;
    let profit = Exact::dec(taxable);
    let tax = if profit <= lower {
        &profit * &Exact::percent(s.ct_small_profits_rate_percent.get())
    } else if profit >= upper {
        &profit * &Exact::percent(s.ct_main_rate_percent.get())
    } else {
        &profit * &Exact::percent(s.ct_main_rate_percent.get())
            - (upper - profit) * Exact::percent(s.ct_marginal_relief_percent.get())
    };
    tax.at_least_zero().pennies(&field)
}

/// Each year's taxable profit and tax, with the tax posted as a payment in its month (or, after
/// the horizon, to `tax_payable_at_horizon`).
pub(super) fn corporation_tax(
    plan: &Plan,
    years: &[YearIe],
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<Vec<(Decimal, Decimal)>, ForecastError> {
    if plan.organisation.is_charity() {
        return Ok(vec![(Decimal::ZERO, Decimal::ZERO); years.len()]);
    }
    let field = || "forecast".to_string();
    let row = grid.line(LineKey::CorporationTax);
    let mut losses = Decimal::ZERO;
    let mut out = Vec::with_capacity(years.len());
    for y in years {
        let surplus = y.surplus;
        let taxable = (surplus - losses).max(Decimal::ZERO);
        losses = losses - losses.min(surplus.max(Decimal::ZERO)) + (-surplus).max(Decimal::ZERO);
        let tax = tax_on(plan, taxable, y.end - y.first)?;
        let paid = y.end - 1 + PAID_MONTHS_AFTER_PERIOD;
        if paid < grid.horizon.len {
            grid.add(row, paid, tax, &field)?;
        } else {
            earned.tax_payable = add(earned.tax_payable, tax, &field)?;
        }
        out.push((taxable, tax));
    }
    Ok(out)
}
