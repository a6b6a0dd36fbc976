//! Receipts: contracts (with payment terms, payment by results and renewal), other income,
//! grants, equity and loan drawdowns.

use super::arith::{Exact, Growth};
use super::error::ForecastError;
use super::ledger::Ledger;
use super::lines::{Grid, LineKey};
use super::model::Adjustments;
use crate::model::plan::{
    Contract, CostFrequency, CostLine, Frequency, IncomeLine, Plan, RenewalAssumption, VatTreatment,
};
use crate::model::values::Month;
use rust_decimal::Decimal;

/// Whole years from month `s` to month `m`: `floor((m − s) / 12)`, the power of the indexation a
/// contract's value has in month `m`.
pub fn anniversaries(m: Month, s: Month) -> u32 {
    u32::try_from(s.months_until(m).div_euclid(12)).unwrap_or(0)
}

/// Months until cash arrives for an invoice at the end of the service month: `ceil(days / 30)`.
fn payment_delay(days: u32) -> usize {
    days.div_ceil(30) as usize
}

/// A part of income as VAT sees it: its net amount, the month it is earned, its tax point and
/// the month it is received (indexes; a tax point or receipt after the horizon is `len` or more).
pub(crate) struct Part {
    pub net: Decimal,
    pub earned: usize,
    pub tax_point: usize,
    pub received: usize,
    pub vat: VatTreatment,
}

/// Books a part of income: the supply at its tax point, output VAT when registered and the
/// income is standard-rated, cash on receipt, and what is owed until then.
pub(crate) fn book_part(
    plan: &Plan,
    grid: &mut Grid,
    ledger: &mut Ledger,
    row: usize,
    part: Part,
    field: &impl super::arith::Field,
) -> Result<(), ForecastError> {
    use super::ledger::bump;
    let len = grid.horizon.len;
    let s = &plan.forecast.settings;
    if part.tax_point < len {
        match part.vat {
            VatTreatment::Standard | VatTreatment::Zero => bump(
                &mut ledger.taxable_supplies,
                part.tax_point,
                part.net,
                field,
            )?,
            VatTreatment::Exempt => {
                bump(&mut ledger.exempt_supplies, part.tax_point, part.net, field)?
            }
            VatTreatment::OutsideScope => {}
        }
    }
    let output = if s.vat_registered && part.vat == VatTreatment::Standard {
        (&Exact::dec(part.net) * &Exact::percent(s.vat_standard_rate_percent.get()))
            .pennies(field)?
    } else {
        Decimal::ZERO
    };
    if part.received < len {
        grid.add(row, part.received, part.net, field)?;
        if !output.is_zero() {
            let vat_row = grid.line(LineKey::VatOutput);
            grid.add(vat_row, part.received, output, field)?;
        }
    }
    ledger.owed(part.earned, part.received, part.net, field)?;
    if !output.is_zero() && part.tax_point < len {
        bump(&mut ledger.output_vat, part.tax_point, output, field)?;
        ledger.owed(part.tax_point, part.received, output, field)?;
    }
    Ok(())
}

/// The last month a contract serves within a horizon ending in `last`: the horizon's end when
/// it is assumed renewed, else its end.
pub(crate) fn service_end(c: &Contract, last: Month) -> Month {
    if c.renewal.assumption == RenewalAssumption::Renewed {
        last
    } else {
        c.end.min(last)
    }
}

pub(super) fn contracts(
    plan: &Plan,
    adj: &Adjustments,
    grid: &mut Grid,
    earned: &mut Ledger,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let last = h.month(h.len - 1);
    for (index, c) in plan.forecast.contracts.iter().enumerate() {
        let field = || format!("forecast.contracts[{}].annual_value", c.id);
        let row = grid.line(LineKey::Contract(c.id.clone()));
        let delay = payment_delay(c.payment_terms_days);
        let service_end = service_end(c, last);
        let service_end = match adj.contract_stops_after {
            Some((stopped, after)) if stopped == index => service_end.min(after),
            _ => service_end,
        };
        let first = c.start.max(h.start);
        if first > service_end {
            continue;
        }
        let annual = Exact::dec(c.annual_value.get());
        let renewal_factor = Exact::growth(c.renewal.value_change_percent.get());
        let scale = adj
            .contract_scale_in_year
            .map(|(year, factor)| (year, Exact::dec(factor)));
        let cut_factor = adj
            .contract_cut_from_second_year_percent
            .map(|p| Exact::one() - Exact::percent(p));
        let mut indexation = Growth::new(c.indexation_percent.get());
        let lag = c.pbr.as_ref().map_or(0, |p| p.lag_months as usize);
        // The value changes only on anniversaries and at the end: each year's rounded fixed and
        // results parts are computed once.
        let mut cached: Option<(u32, bool, bool, Decimal, Decimal)> = None;
        for offset in 0..=first.months_until(service_end) {
            let Some(m) = first.plus(offset) else { break };
            let Some(i) = h.index(m) else { continue };
            let k = anniversaries(m, c.start);
            let after_end = m > c.end;
            let scaled = scale
                .as_ref()
                .filter(|(year, _)| i / 12 + 1 == *year as usize);
            let (fixed, results) = match cached {
                Some((ck, ca, cs, f, r))
                    if ck == k && ca == after_end && cs == scaled.is_some() =>
                {
                    (f, r)
                }
                _ => {
                    // V(m) = annual_value × (1 + i)^k / 12, × the renewal change after the end,
                    // × the scenario's cut from the second year, × a year's scale.
                    let mut v = &annual * indexation.at(k);
                    if after_end {
                        v = v * renewal_factor.clone();
                    }
                    if let (Some(cut), true) = (&cut_factor, k >= 1) {
                        v = v * cut.clone();
                    }
                    if let Some((_, factor)) = scaled {
                        v = v * factor.clone();
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
                    cached = Some((k, after_end, scaled.is_some(), f, r));
                    (f, r)
                }
            };
            earned.contract(i, &c.id, &c.commissioner, fixed + results, &field)?;
            // Invoiced at the end of the service month (the results part `lag` months later)
            // and paid after the payment terms.
            for (net, invoiced) in [(fixed, i), (results, i + lag)] {
                if net.is_zero() {
                    continue;
                }
                let part = Part {
                    net,
                    earned: i,
                    tax_point: invoiced,
                    received: invoiced + delay,
                    vat: c.vat,
                };
                book_part(plan, grid, earned, row, part, &field)?;
            }
        }
    }
    earned.close_contract(&|| "forecast.contracts".to_string())
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

/// The rounded amounts of a schedule in each forecast month it is active.
pub(crate) fn amounts(
    h: super::lines::Horizon,
    schedule: Schedule,
    field: &impl super::arith::Field,
) -> Result<Vec<(usize, Decimal)>, ForecastError> {
    let mut out = Vec::new();
    let mut amounts = Recurring::new(schedule);
    for i in h.active(schedule.start, schedule.last()) {
        if let Some(v) = amounts.at(h.month(i), field)? {
            out.push((i, v));
        }
    }
    Ok(out)
}

pub(super) fn other(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Ledger,
) -> Result<(), ForecastError> {
    use super::ledger::bump;
    let h = grid.horizon;
    let f = &plan.forecast;
    for line in &f.income {
        let field = || format!("forecast.income[{}].amount", line.id);
        let row = grid.line(LineKey::Income(line.id.clone()));
        let mut total = Decimal::ZERO;
        for (i, v) in amounts(h, line.into(), &field)? {
            bump(&mut earned.other_income, i, v, &field)?;
            total = super::arith::add(total, v, &field)?;
            let part = Part {
                net: v,
                earned: i,
                tax_point: i,
                received: i,
                vat: line.vat,
            };
            book_part(plan, grid, earned, row, part, &field)?;
        }
        earned.by_income.push((line.id.clone(), total));
    }
    for g in &f.grants {
        if let Some(i) = h.index(g.month) {
            let field = || format!("forecast.grants[{}].amount", g.id);
            let row = grid.line(LineKey::Grant(g.id.clone()));
            grid.add(row, i, g.amount.get(), &field)?;
            bump(&mut earned.grants, i, g.amount.get(), &field)?;
        }
    }
    for e in &f.equity {
        if let Some(i) = h.index(e.month) {
            let field = || format!("forecast.equity[{}].amount", e.id);
            let row = grid.line(LineKey::Equity(e.id.clone()));
            grid.add(row, i, e.amount.get(), &field)?;
            bump(&mut earned.equity, i, e.amount.get(), &field)?;
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
