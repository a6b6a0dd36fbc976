//! The cash of each month once every line that does not depend on cash is posted: facility
//! interest and fees, corporation tax, facilities drawn when cash would fall below zero and repaid
//! as soon as it allows, in the order of evaluation of `docs/cashflow.md`; corporation tax is
//! computed at each year end, once that year's facility interest is known.

use super::arith::{add, sub, Exact};
use super::error::ForecastError;
use super::ledger::{year_ie, Ledger, YearIe};
use super::lines::{Grid, LineKey};
use super::tax;
use crate::model::plan::Plan;
use rust_decimal::Decimal;

/// The months' closing cash, facility balances and headroom, and each year's income and
/// expenditure with its tax.
pub(crate) struct Cash {
    pub drawn: Vec<Decimal>,
    pub headroom: Vec<Decimal>,
    pub closing: Vec<Decimal>,
    pub years: Vec<(YearIe, tax::YearTax)>,
}

/// Runs the months in order.
pub(super) fn run(
    plan: &Plan,
    grid: &mut Grid,
    ledger: &mut Ledger,
) -> Result<Cash, ForecastError> {
    let f = &plan.forecast;
    let h = grid.horizon;
    let facilities = &f.facilities;
    let rows: Vec<usize> = facilities
        .iter()
        .map(|fa| grid.line(LineKey::Facility(fa.id.clone())))
        .collect();
    let interest_row = grid.line(LineKey::FacilityInterest);
    let fee_row = grid.line(LineKey::FacilityFees);
    let interest_kind = ledger.kind(LineKey::FacilityInterest);
    let fee_kind = ledger.kind(LineKey::FacilityFees);
    let mut balance = vec![Decimal::ZERO; facilities.len()];
    let mut cash = Cash {
        drawn: vec![Decimal::ZERO; h.len],
        headroom: vec![Decimal::ZERO; h.len],
        closing: vec![Decimal::ZERO; h.len],
        years: Vec::new(),
    };
    let mut taxes = tax::Losses::default();
    let mut opening = f.opening_cash.get();
    // Every line so far is independent of cash: each month's net once, to which the month's
    // facility interest and fees and any corporation tax due are added as they are known.
    let independent = grid.nets()?;
    for (i, &net) in independent.iter().enumerate() {
        let m = h.month(i);
        let mut costs = Decimal::ZERO;
        // 1. Interest on the balance drawn through last month, and any arrangement fee.
        for (k, fa) in facilities.iter().enumerate() {
            let field = || format!("forecast.facilities[{}].annual_rate_percent", fa.id);
            let rate = Exact::percent(fa.annual_rate_percent.get()) / Exact::int(12);
            let interest = (&Exact::dec(balance[k]) * &rate).pennies(&field)?;
            grid.add(interest_row, i, interest, &field)?;
            ledger.expense(interest_kind, i, interest, false, &field)?;
            costs = add(costs, interest, &field)?;
            if fa.from == m {
                let field = || format!("forecast.facilities[{}].arrangement_fee", fa.id);
                grid.add(fee_row, i, fa.arrangement_fee.get(), &field)?;
                ledger.expense(fee_kind, i, fa.arrangement_fee.get(), false, &field)?;
                costs = add(costs, fa.arrangement_fee.get(), &field)?;
            }
        }
        // 2–3. Corporation tax due now was posted at an earlier year end: X is the month's cash
        // before the facilities move.
        let field = || "forecast.facilities".to_string();
        let tax_due = grid.get(&LineKey::CorporationTax, i);
        let mut x = sub(
            add(opening, net, &field)?,
            add(costs, tax_due, &field)?,
            &field,
        )?;
        // 4. A facility whose term ends this month is repaid in full.
        let mut movement = vec![Decimal::ZERO; facilities.len()];
        for (k, fa) in facilities.iter().enumerate() {
            if fa.to == Some(m) {
                x = sub(x, balance[k], &field)?;
                movement[k] -= balance[k];
                balance[k] = Decimal::ZERO;
            }
        }
        let available =
            |fa: &crate::model::plan::Facility| fa.from <= m && fa.to.is_none_or(|to| m < to);
        // 5. Drawn in list order to cover a shortfall; repaid in reverse order from a surplus.
        if x < Decimal::ZERO {
            for (k, fa) in facilities
                .iter()
                .enumerate()
                .filter(|(_, fa)| available(fa))
            {
                let room = sub(fa.limit.get(), balance[k], &field)?.max(Decimal::ZERO);
                let draw = room.min(-x);
                balance[k] += draw;
                movement[k] += draw;
                x += draw;
                if x >= Decimal::ZERO {
                    break;
                }
            }
        } else if x > Decimal::ZERO {
            for k in (0..facilities.len()).rev() {
                let repay = balance[k].min(x);
                balance[k] -= repay;
                movement[k] -= repay;
                x -= repay;
                if x.is_zero() {
                    break;
                }
            }
        }
        for (k, mv) in movement.into_iter().enumerate() {
            grid.add(rows[k], i, mv, &field)?;
        }
        // 6. The closing cash, the drawn balance and the headroom.
        cash.closing[i] = x;
        cash.drawn[i] = balance.iter().sum();
        let undrawn: Decimal = facilities
            .iter()
            .enumerate()
            .filter(|(_, fa)| available(fa))
            .map(|(k, fa)| (fa.limit.get() - balance[k]).max(Decimal::ZERO))
            .sum();
        cash.headroom[i] = add(x, undrawn, &field)?;
        opening = x;
        // At a year end, the year's corporation tax.
        if (i + 1) % 12 == 0 || i + 1 == h.len {
            let ie = year_ie(ledger, i - i % 12, i + 1)?;
            let t = tax::corporation_tax(plan, &ie, &mut taxes, grid, ledger)?;
            cash.years.push((ie, t));
        }
    }
    Ok(cash)
}
