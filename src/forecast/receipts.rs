//! Receipts: contracts (with payment terms, payment by results and renewal), other income,
//! grants, equity and loan drawdowns.

use super::arith::{frac, mul, pennies, sub, Growth};
use super::lines::{Grid, LineKey};
use super::summary::Earned;
use super::{Adjustments, ForecastError};
use crate::plan::{Frequency, Plan, RenewalAssumption};
use crate::values::Month;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Whole years from month `s` to month `m`: `floor((m − s) / 12)`.
pub(crate) fn anniversaries(m: Month, s: Month) -> u32 {
    u32::try_from(s.months_until(m).div_euclid(12)).unwrap_or(0)
}

/// Months until cash arrives for an invoice at the end of the service month: `ceil(days / 30)`.
fn payment_delay(days: u32) -> usize {
    days.div_ceil(30) as usize
}

pub(super) fn contracts(
    plan: &Plan,
    adj: &Adjustments,
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let last = h.month(h.len - 1);
    for c in &plan.forecast.contracts {
        let field = || format!("forecast.contracts[{}].annual_value", c.id);
        let key = LineKey::Contract(c.id.clone());
        let delay = payment_delay(c.payment_terms_days);
        let renewed = c.renewal.assumption == RenewalAssumption::Renewed;
        let service_end = if renewed { last } else { c.end.min(last) };
        let first = c.start.max(h.start);
        if first > service_end {
            continue;
        }
        let monthly = c.annual_value.get() / Decimal::from(12);
        let renewal_factor = Decimal::ONE + frac(c.renewal.value_change_percent.get());
        let cut_factor = adj
            .contract_cut_from_second_year_percent
            .map(|p| Decimal::ONE - frac(p));
        let mut indexation = Growth::new(c.indexation_percent.get(), &field)?;
        let mut by_year: HashMap<(u32, bool), Decimal> = HashMap::new();
        for offset in 0..=first.months_until(service_end) {
            let Some(m) = first.plus(offset) else { break };
            let Some(i) = h.index(m) else { continue };
            let k = anniversaries(m, c.start);
            let after_end = m > c.end;
            let v = match by_year.get(&(k, after_end)) {
                Some(v) => *v,
                None => {
                    let mut v = mul(monthly, indexation.at(k, &field)?, &field)?;
                    if after_end {
                        v = mul(v, renewal_factor, &field)?;
                    }
                    if let (Some(cut), true) = (cut_factor, k >= 1) {
                        v = mul(v, cut, &field)?;
                    }
                    by_year.insert((k, after_end), v);
                    v
                }
            };
            let (fixed, results, lag) = match &c.pbr {
                None => (pennies(v), Decimal::ZERO, 0),
                Some(p) => {
                    let s = frac(p.share_percent.get());
                    let fixed = pennies(mul(v, sub(Decimal::ONE, s, &field)?, &field)?);
                    let results = pennies(mul(
                        mul(v, s, &field)?,
                        frac(p.achievement_percent.get()),
                        &field,
                    )?);
                    (fixed, results, p.lag_months as usize)
                }
            };
            earned.contract(i, &c.id, &c.commissioner, fixed + results, &field)?;
            receive(grid, earned, &key, i + delay, fixed, &field)?;
            receive(grid, earned, &key, i + delay + lag, results, &field)?;
        }
    }
    Ok(())
}

/// Cash arriving in month index `i`, or after the horizon (then it is receivable at the horizon).
fn receive(
    grid: &mut Grid,
    earned: &mut Earned,
    key: &LineKey,
    i: usize,
    amount: Decimal,
    field: &impl super::arith::Field,
) -> Result<(), ForecastError> {
    if i < grid.horizon.len {
        grid.add(key, i, amount, field)
    } else {
        earned.receivable(amount, field)
    }
}

/// The amount a monthly, annual or one-off line gives in month `m`, before rounding: `None` when
/// the line is not active then. Growth or inflation counts from the line's own start.
pub(crate) fn recurring(
    amount: Decimal,
    frequency: Frequency,
    start: Month,
    end: Option<Month>,
    growth: &mut Growth,
    m: Month,
    field: &impl super::arith::Field,
) -> Result<Option<Decimal>, ForecastError> {
    if frequency == Frequency::OneOff {
        return Ok((m == start).then_some(amount));
    }
    if m < start || end.is_some_and(|e| m > e) {
        return Ok(None);
    }
    let v = mul(amount, growth.at(anniversaries(m, start), field)?, field)?;
    Ok(Some(if frequency == Frequency::Annual {
        v / Decimal::from(12)
    } else {
        v
    }))
}

pub(super) fn other(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let f = &plan.forecast;
    for line in &f.income {
        let field = || format!("forecast.income[{}].amount", line.id);
        let key = LineKey::Income(line.id.clone());
        let mut growth = Growth::new(line.growth_percent.get(), &field)?;
        for i in 0..h.len {
            let m = h.month(i);
            if let Some(v) = recurring(
                line.amount.get(),
                line.frequency,
                line.start,
                line.end,
                &mut growth,
                m,
                &field,
            )? {
                let v = pennies(v);
                grid.add(&key, i, v, &field)?;
                earned.other_income(i, v, &field)?;
            }
        }
    }
    for g in &f.grants {
        if let Some(i) = h.index(g.month) {
            let field = || format!("forecast.grants[{}].amount", g.id);
            grid.add(&LineKey::Grant(g.id.clone()), i, g.amount.get(), &field)?;
            earned.grant(i, g.amount.get(), &field)?;
        }
    }
    for e in &f.equity {
        if let Some(i) = h.index(e.month) {
            let field = || format!("forecast.equity[{}].amount", e.id);
            grid.add(&LineKey::Equity(e.id.clone()), i, e.amount.get(), &field)?;
        }
    }
    for l in &f.loans {
        // A loan drawn before the forecast is an existing loan: its drawdown is in the opening cash.
        if let Some(i) = h.index(l.drawdown) {
            let field = || format!("forecast.loans[{}].principal", l.id);
            grid.add(
                &LineKey::LoanDrawdown(l.id.clone()),
                i,
                l.principal.get(),
                &field,
            )?;
        }
    }
    Ok(())
}
