//! Receipts: contracts (with payment terms, payment by results and renewal), other income,
//! grants, equity and loan drawdowns.

use super::arith::{Exact, Growth};
use super::error::ForecastError;
use super::lines::{Grid, LineKey};
use super::model::Adjustments;
use super::summary::Earned;
use crate::model::plan::{CostFrequency, CostLine, Frequency, IncomeLine, Plan, RenewalAssumption};
use crate::model::values::Month;
use rust_decimal::Decimal;

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
        let row = grid.line(LineKey::Contract(c.id.clone()));
        let delay = payment_delay(c.payment_terms_days);
        let renewed = c.renewal.assumption == RenewalAssumption::Renewed;
        let service_end = if renewed { last } else { c.end.min(last) };
        let first = c.start.max(h.start);
        if first > service_end {
            continue;
        }
        let annual = Exact::dec(c.annual_value.get());
        let renewal_factor = Exact::growth(c.renewal.value_change_percent.get());
        let cut_factor = adj
            .contract_cut_from_second_year_percent
            .map(|p| Exact::one() - Exact::percent(p));
        let mut indexation = Growth::new(c.indexation_percent.get());
        let lag = c.pbr.as_ref().map_or(0, |p| p.lag_months as usize);
        // The value changes only on anniversaries and at the end: each year's rounded fixed and
        // results parts are computed once.
        let mut cached: Option<(u32, bool, Decimal, Decimal)> = None;
        for offset in 0..=first.months_until(service_end) {
            let Some(m) = first.plus(offset) else { break };
            let Some(i) = h.index(m) else { continue };
            let k = anniversaries(m, c.start);
            let after_end = m > c.end;
            let (fixed, results) = match cached {
                Some((ck, ca, f, r)) if ck == k && ca == after_end => (f, r),
                _ => {
                    // V(m) = annual_value × (1 + i)^k / 12, × the renewal change after the end,
                    // × the scenario's cut from the second year.
                    let mut v = &annual * indexation.at(k);
                    if after_end {
                        v = v * renewal_factor.clone();
                    }
                    if let (Some(cut), true) = (&cut_factor, k >= 1) {
                        v = v * cut.clone();
                    }
                    let v = v / Exact::int(12);
                    let (f, r) = match &c.pbr {
                        None => (v.pennies(&field)?, Decimal::ZERO),
                        Some(p) => {
                            let s = Exact::percent(p.share_percent.get());
                            let a = Exact::percent(p.achievement_percent.get());
                            let fixed = (&v * &(Exact::one() - s.clone())).pennies(&field)?;
                            let results = (v * s * a).pennies(&field)?;
                            (fixed, results)
                        }
                    };
                    cached = Some((k, after_end, f, r));
                    (f, r)
                }
            };
            earned.contract(i, &c.id, &c.commissioner, fixed + results, &field)?;
            receive(grid, earned, row, i + delay, fixed, &field)?;
            receive(grid, earned, row, i + delay + lag, results, &field)?;
        }
    }
    Ok(())
}

/// Cash arriving in month index `i`, or after the horizon (then it is receivable at the horizon).
fn receive(
    grid: &mut Grid,
    earned: &mut Earned,
    row: usize,
    i: usize,
    amount: Decimal,
    field: &impl super::arith::Field,
) -> Result<(), ForecastError> {
    if i < grid.horizon.len {
        grid.add(row, i, amount, field)
    } else {
        earned.receivable(amount, field)
    }
}

/// When and how much a monthly, annual or one-off line gives: what income and cost lines share.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Schedule {
    amount: Decimal,
    frequency: Frequency,
    start: Month,
    end: Option<Month>,
    /// Growth or inflation a year, percent.
    percent: Decimal,
}

impl Schedule {
    /// The last month the line is active (`None`: to the horizon).
    fn last(&self) -> Option<Month> {
        if self.frequency == Frequency::OneOff {
            Some(self.start)
        } else {
            self.end
        }
    }
}

impl From<&IncomeLine> for Schedule {
    fn from(l: &IncomeLine) -> Self {
        Schedule {
            amount: l.amount.get(),
            frequency: l.frequency,
            start: l.start,
            end: l.end,
            percent: l.growth_percent.get(),
        }
    }
}

impl From<&CostLine> for Schedule {
    fn from(l: &CostLine) -> Self {
        Schedule {
            amount: l.amount.get(),
            frequency: match l.frequency {
                CostFrequency::Monthly => Frequency::Monthly,
                CostFrequency::Annual => Frequency::Annual,
                CostFrequency::OneOff | CostFrequency::Capital => Frequency::OneOff,
            },
            start: l.start,
            end: l.end,
            percent: l.inflation_percent.get(),
        }
    }
}

/// The rounded amounts of a [`Schedule`], month by month. Growth or inflation counts from the
/// line's own start; the amount changes only on anniversaries, so each year's amount is computed
/// once.
struct Recurring {
    schedule: Schedule,
    amount: Exact,
    growth: Growth,
    year: Option<(u32, Decimal)>,
}

impl Recurring {
    fn new(schedule: Schedule) -> Self {
        Recurring {
            schedule,
            amount: Exact::dec(schedule.amount),
            growth: Growth::new(schedule.percent),
            year: None,
        }
    }

    /// The amount in month `m`, rounded to pennies; `None` when the line is not active then.
    fn at(
        &mut self,
        m: Month,
        field: &impl super::arith::Field,
    ) -> Result<Option<Decimal>, ForecastError> {
        let s = self.schedule;
        if s.frequency == Frequency::OneOff {
            return Ok((m == s.start).then_some(s.amount));
        }
        if m < s.start || s.end.is_some_and(|e| m > e) {
            return Ok(None);
        }
        let k = anniversaries(m, s.start);
        if let Some((year, v)) = self.year {
            if year == k {
                return Ok(Some(v));
            }
        }
        let v = &self.amount * self.growth.at(k);
        let v = if s.frequency == Frequency::Annual {
            v / Exact::int(12)
        } else {
            v
        }
        .pennies(field)?;
        self.year = Some((k, v));
        Ok(Some(v))
    }
}

/// Posts a line to the grid month by month, and hands each amount to `book` for the income and
/// expenditure view. Income and costs share this.
pub(crate) fn post_recurring(
    grid: &mut Grid,
    key: LineKey,
    schedule: Schedule,
    field: &impl super::arith::Field,
    mut book: impl FnMut(usize, Decimal) -> Result<(), ForecastError>,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let row = grid.line(key);
    let mut amounts = Recurring::new(schedule);
    for i in h.active(schedule.start, schedule.last()) {
        if let Some(v) = amounts.at(h.month(i), field)? {
            grid.add(row, i, v, field)?;
            book(i, v)?;
        }
    }
    Ok(())
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
        post_recurring(grid, key, line.into(), &field, |i, v| {
            earned.other_income(i, v, &field)
        })?;
    }
    for g in &f.grants {
        if let Some(i) = h.index(g.month) {
            let field = || format!("forecast.grants[{}].amount", g.id);
            let row = grid.line(LineKey::Grant(g.id.clone()));
            grid.add(row, i, g.amount.get(), &field)?;
            earned.grant(i, g.amount.get(), &field)?;
        }
    }
    for e in &f.equity {
        if let Some(i) = h.index(e.month) {
            let field = || format!("forecast.equity[{}].amount", e.id);
            let row = grid.line(LineKey::Equity(e.id.clone()));
            grid.add(row, i, e.amount.get(), &field)?;
        }
    }
    for l in &f.loans {
        // A loan drawn before the forecast is an existing loan: its drawdown is in the opening cash.
        if let Some(i) = h.index(l.drawdown) {
            let field = || format!("forecast.loans[{}].principal", l.id);
            let row = grid.line(LineKey::LoanDrawdown(l.id.clone()));
            grid.add(row, i, l.principal.get(), &field)?;
        }
    }
    Ok(())
}
