//! Corporation tax: each forecast year is an accounting period, losses are carried forward, and
//! the tax is paid in the tenth month after the period ends. Charities pay none.

use super::arith::{add, Exact};
use super::error::ForecastError;
use super::ledger::{Ledger, YearIe};
use super::lines::{Grid, LineKey};
use crate::model::plan::Plan;
use rust_decimal::Decimal;

/// Months from a period's last month to the month its tax is paid: 9 months and 1 day after the
/// period ends falls in the tenth month after its last (a year ending March 2028 pays in January
/// 2029).
pub(crate) const PAID_MONTHS_AFTER_PERIOD: usize = 10;

/// Losses carried forward from earlier periods.
#[derive(Debug, Default)]
pub(crate) struct Losses(Decimal);

/// A year's taxable profit and its tax, and the month index the tax is paid in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YearTax {
    pub taxable: Decimal,
    pub tax: Decimal,
    pub paid: usize,
}

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

/// One year's taxable profit and tax, with the tax posted as a payment in its month (or, after
/// the horizon, to `tax_payable_at_horizon`).
pub(super) fn corporation_tax(
    plan: &Plan,
    y: &YearIe,
    losses: &mut Losses,
    grid: &mut Grid,
    ledger: &mut Ledger,
) -> Result<YearTax, ForecastError> {
    let paid = y.end - 1 + PAID_MONTHS_AFTER_PERIOD;
    if plan.organisation.is_charity() {
        return Ok(YearTax {
            taxable: Decimal::ZERO,
            tax: Decimal::ZERO,
            paid,
        });
    }
    let field = || "forecast".to_string();
    let row = grid.line(LineKey::CorporationTax);
    let surplus = y.surplus;
    let bf = losses.0;
    let taxable = (surplus - bf).max(Decimal::ZERO);
    losses.0 = bf - bf.min(surplus.max(Decimal::ZERO)) + (-surplus).max(Decimal::ZERO);
    let tax = tax_on(plan, taxable, y.end - y.first)?;
    if paid < grid.horizon.len {
        grid.add(row, paid, tax, &field)?;
    } else {
        ledger.tax_payable = add(ledger.tax_payable, tax, &field)?;
    }
    Ok(YearTax { taxable, tax, paid })
}
