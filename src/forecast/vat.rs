//! VAT: the recovery percentage of each VAT year by the standard method with its de minimis
//! tests, each cost line's recoverable and irrecoverable VAT, the quarterly returns, and
//! taxable turnover for the registration threshold.

use super::arith::{add, sub, Exact};
use super::error::ForecastError;
use super::ledger::{bump, Ledger, VatTarget};
use super::lines::{Grid, Horizon, LineKey};
use crate::model::plan::Plan;
use crate::model::values::Month;
use rust_decimal::Decimal;

/// One VAT year's partial exemption figures (`vat_years` of the forecast's JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatYear {
    /// The VAT year's last month (March, April or May by the stagger), even after the horizon.
    pub end: Month,
    /// Its forecast months.
    pub months: u32,
    pub taxable_supplies: Decimal,
    pub exempt_supplies: Decimal,
    pub input_vat: Decimal,
    pub exempt_input_vat: Decimal,
    /// The standard method's percentage before the de minimis tests.
    pub standard_method_percent: Decimal,
    pub de_minimis: bool,
    /// The percentage applied: 100 when de minimis.
    pub recovery_percent: Decimal,
}

/// Taxable turnover and the registration months it gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Turnover {
    pub max_12m: Decimal,
    pub max_12m_month: Option<Month>,
    pub threshold_month: Option<Month>,
    pub registration_due_month: Option<Month>,
}

/// The first month at or after `m` whose month of the year is `month_of_year` (1 to 12).
fn next_with(m: Month, month_of_year: u8) -> Month {
    let ahead = (i64::from(month_of_year) - i64::from(m.month())).rem_euclid(12);
    m.plus(ahead).unwrap_or(m)
}

/// The last month of the VAT quarter holding `m`: quarters end in March, June, September and
/// December (stagger 1), April … (2) or May … (3).
fn quarter_end(m: Month, stagger: u8) -> Month {
    let ahead = (i64::from(stagger) + 2 - i64::from(m.month())).rem_euclid(3);
    m.plus(ahead).unwrap_or(m)
}

/// The last month of the VAT year holding `m`: March, April or May by the stagger.
fn vat_year_end(m: Month, stagger: u8) -> Month {
    next_with(m, stagger + 2)
}

/// `100 × taxable / (taxable + exempt)` rounded up to a whole number, or to two decimals (half
/// up) when the year's input VAT averages over £400,000 a month; 100 with no supplies.
fn standard_method(
    taxable: Decimal,
    exempt: Decimal,
    input: Decimal,
    months: u32,
    f: &impl super::arith::Field,
) -> Result<Decimal, ForecastError> {
    let all = add(taxable, exempt, f)?;
    if all.is_zero() {
        return Ok(Decimal::ONE_HUNDRED);
    }
    let share = Exact::dec(taxable) * Exact::int(100) / Exact::dec(all);
    let large = Exact::dec(input) > Exact::int(400_000) * Exact::int(i64::from(months));
    if large {
        return share.pennies(f);
    }
    // Rounded up to a whole percent, in whole pennies: ⌈100 × t / a⌉.
    let pence = |d: Decimal| {
        let mut d = d;
        d.rescale(2);
        d.mantissa()
    };
    let (t, a) = (pence(taxable), pence(all));
    let up = (t * 100 + a - 1).div_euclid(a);
    Ok(Decimal::from(up))
}

/// Splits every cost line's VAT into its recoverable and irrecoverable parts, books the
/// irrecoverable part (expenditure, or an asset's cost) and posts the quarterly returns. Returns
/// the VAT years (none when not registered).
pub(super) fn settle(
    plan: &Plan,
    grid: &mut Grid,
    ledger: &mut Ledger,
) -> Result<Vec<VatYear>, ForecastError> {
    let f = || "forecast.settings.vat_registered".to_string();
    let h = grid.horizon;
    let s = &plan.forecast.settings;
    let stagger = s.vat_stagger;
    let mut years: Vec<VatYear> = Vec::new();
    let mut year_of = vec![0usize; h.len];
    if s.vat_registered {
        for (i, slot) in year_of.iter_mut().enumerate() {
            let end = vat_year_end(h.month(i), stagger);
            if years.last().is_none_or(|y| y.end != end) {
                years.push(VatYear {
                    end,
                    months: 0,
                    taxable_supplies: Decimal::ZERO,
                    exempt_supplies: Decimal::ZERO,
                    input_vat: Decimal::ZERO,
                    exempt_input_vat: Decimal::ZERO,
                    standard_method_percent: Decimal::ZERO,
                    de_minimis: false,
                    recovery_percent: Decimal::ZERO,
                });
            }
            let y = years.len() - 1;
            *slot = y;
            let year = &mut years[y];
            year.months += 1;
            year.taxable_supplies = add(year.taxable_supplies, ledger.taxable_supplies[i], &f)?;
            year.exempt_supplies = add(year.exempt_supplies, ledger.exempt_supplies[i], &f)?;
        }
        for p in &ledger.vat_paid {
            let y = &mut years[year_of[p.i]];
            y.input_vat = add(y.input_vat, p.vat, &f)?;
        }
        for y in &mut years {
            y.standard_method_percent = standard_method(
                y.taxable_supplies,
                y.exempt_supplies,
                y.input_vat,
                y.months,
                &f,
            )?;
        }
        // Exempt input VAT at the standard method's percentage, line by line.
        for p in &ledger.vat_paid {
            let y = &mut years[year_of[p.i]];
            let rec = recoverable(p.vat, y.standard_method_percent, &f)?;
            y.exempt_input_vat = add(y.exempt_input_vat, sub(p.vat, rec, &f)?, &f)?;
        }
        let limit = |y: &VatYear| s.vat_de_minimis_monthly.get() * Decimal::from(y.months);
        for y in &mut years {
            let all = add(y.taxable_supplies, y.exempt_supplies, &f)?;
            let test_a = y.input_vat <= limit(y) && y.exempt_supplies * Decimal::TWO <= all;
            let test_b =
                y.exempt_input_vat <= limit(y) && y.exempt_input_vat * Decimal::TWO <= y.input_vat;
            y.de_minimis = test_a || test_b;
            y.recovery_percent = if y.de_minimis {
                Decimal::ONE_HUNDRED
            } else {
                y.standard_method_percent
            };
        }
    }
    let irrecoverable_kind = ledger.kind(LineKey::VatIrrecoverable);
    let paid = std::mem::take(&mut ledger.vat_paid);
    for p in &paid {
        let rec = if s.vat_registered {
            recoverable(p.vat, years[year_of[p.i]].recovery_percent, &f)?
        } else {
            Decimal::ZERO
        };
        let irr = sub(p.vat, rec, &f)?;
        bump(&mut ledger.recoverable_vat, p.i, rec, &f)?;
        match p.target {
            VatTarget::Revenue { recurring } => {
                ledger.expense(irrecoverable_kind, p.i, irr, recurring, &f)?;
                if !recurring {
                    bump(&mut ledger.one_off, p.i, irr, &f)?;
                }
            }
            VatTarget::Capital { asset } => {
                let a = &mut ledger.assets[asset];
                a.vat = add(a.vat, irr, &f)?;
            }
        }
    }
    ledger.vat_paid = paid;
    if s.vat_registered {
        returns(h, stagger, grid, ledger)?;
    }
    Ok(years)
}

/// `round(vat × percent / 100)`.
fn recoverable(
    vat: Decimal,
    percent: Decimal,
    f: &impl super::arith::Field,
) -> Result<Decimal, ForecastError> {
    (&Exact::dec(vat) * &Exact::percent(percent)).pennies(f)
}

/// Each quarter's return (output VAT with tax points in it less the recoverable VAT of its
/// months), settled in the second month after the quarter: a payment (negative) or a repayment.
fn returns(h: Horizon, stagger: u8, grid: &mut Grid, ledger: &Ledger) -> Result<(), ForecastError> {
    let f = || "forecast.settings.vat_registered".to_string();
    let row = grid.line(LineKey::VatReturn);
    let mut i = 0;
    while i < h.len {
        let end = quarter_end(h.month(i), stagger);
        let mut due = Decimal::ZERO;
        while i < h.len && h.month(i) <= end {
            due = add(
                due,
                sub(ledger.output_vat[i], ledger.recoverable_vat[i], &f)?,
                &f,
            )?;
            i += 1;
        }
        if let Some(settled) = end.plus(2).and_then(|m| h.index(m)) {
            grid.add(row, settled, -due, &f)?;
        }
    }
    Ok(())
}

/// The VAT account at the end of month `t`: output VAT with tax points to `t`, less recoverable
/// input VAT of months to `t`, less returns paid and plus repayments received to `t`.
pub(crate) fn account(grid: &Grid, ledger: &Ledger, t: usize) -> Decimal {
    (0..=t)
        .map(|i| {
            ledger.output_vat[i] - ledger.recoverable_vat[i] + grid.get(&LineKey::VatReturn, i)
        })
        .sum()
}

/// Taxable turnover over any 12 months, and the months the registration threshold gives.
pub(super) fn turnover(plan: &Plan, h: Horizon, ledger: &Ledger) -> Turnover {
    let threshold = plan.forecast.settings.vat_registration_threshold.get();
    let tt = &ledger.taxable_supplies;
    let mut out = Turnover::default();
    let mut forward = None;
    for i in 0..h.len {
        let rolling: Decimal = tt[i.saturating_sub(11)..=i].iter().sum();
        if rolling > out.max_12m {
            out.max_12m = rolling;
            out.max_12m_month = Some(h.month(i));
        }
        if out.threshold_month.is_none() && rolling > threshold {
            out.threshold_month = Some(h.month(i));
        }
        if forward.is_none() && tt[i] > threshold {
            forward = Some(h.month(i));
        }
    }
    let historic = out.threshold_month.and_then(|m| m.plus(2));
    out.registration_due_month = match (historic, forward) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn quarters_and_vat_years_follow_the_stagger() {
        assert_eq!(quarter_end(m("2027-04"), 1), m("2027-06"));
        assert_eq!(quarter_end(m("2027-06"), 1), m("2027-06"));
        assert_eq!(quarter_end(m("2027-05"), 2), m("2027-07"));
        assert_eq!(quarter_end(m("2027-12"), 2), m("2028-01"));
        assert_eq!(quarter_end(m("2027-12"), 3), m("2028-02"));
        assert_eq!(vat_year_end(m("2027-04"), 1), m("2028-03"));
        assert_eq!(vat_year_end(m("2027-04"), 2), m("2027-04"));
        assert_eq!(vat_year_end(m("2027-06"), 3), m("2028-05"));
    }

    #[test]
    fn the_standard_method_rounds_up_to_a_whole_percent() {
        let f = || String::new();
        let d = Decimal::from;
        assert_eq!(
            standard_method(d(120_000), d(600_000), d(0), 12, &f).unwrap(),
            d(17)
        );
        assert_eq!(standard_method(d(1), d(3), d(0), 12, &f).unwrap(), d(25));
        assert_eq!(standard_method(d(1), d(299), d(0), 12, &f).unwrap(), d(1));
        assert_eq!(standard_method(d(0), d(0), d(0), 12, &f).unwrap(), d(100));
        assert_eq!(standard_method(d(0), d(5), d(0), 12, &f).unwrap(), d(0));
        // Over £400,000 a month of input VAT: two decimals, half up.
        assert_eq!(
            standard_method(d(1), d(2), d(5_000_000), 12, &f).unwrap(),
            Decimal::new(3333, 2)
        );
    }
}
