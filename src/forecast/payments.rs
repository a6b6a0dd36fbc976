//! Payments: staff pay, employer National Insurance (less any Employment Allowance) and
//! pensions, costs, and loan interest and capital.

use super::arith::{add, div, frac, mul, pennies, sub, Growth};
use super::lines::{Grid, LineKey};
use super::receipts::post_recurring;
use super::summary::Earned;
use super::ForecastError;
use crate::plan::{Frequency, Plan, Repayment};
use crate::values::Month;
use rust_decimal::Decimal;

/// Pay awards since the forecast start: months `A` in the award month with `start < A ≤ m`.
pub(crate) fn pay_awards(start: Month, award_month: u8, m: Month) -> u32 {
    let r = i64::from(award_month) - 1;
    let upto = |t: i64| (t - r).div_euclid(12);
    u32::try_from(upto(m.ordinal()) - upto(start.ordinal())).unwrap_or(0)
}

/// Whether the Employment Allowance may be claimed: a charity (a CIO always, a CIC never), or an
/// employer whose work is less than half functions of a public nature (HMRC NIM06530).
pub fn employment_allowance_eligible(plan: &Plan) -> bool {
    plan.organisation.is_charity()
        || plan.organisation.public_functions_percent.get() < Decimal::from(50)
}

/// The tax year (April to March) a month falls in, named by the year it starts.
fn tax_year(m: Month) -> i32 {
    if m.month() >= 4 {
        m.year()
    } else {
        m.year() - 1
    }
}

pub(super) fn staff(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let f = &plan.forecast;
    let s = &f.settings;
    let twelve = Decimal::from(12);
    let threshold = s.ni_secondary_threshold.get() / twelve;
    let ni_rate = frac(s.employer_ni_percent.get());
    let mut award = Growth::new(s.pay_award_percent.get(), &|| {
        "forecast.settings.pay_award_percent".to_string()
    })?;
    // Totals by month (pay, NI, pension), posted to the grid once a month at the end: a staff
    // line costs three additions a month.
    let mut totals = vec![[Decimal::ZERO; 3]; h.len];
    for line in &f.staff {
        let field = || format!("forecast.staff[{}].annual_salary", line.id);
        let fte = line.fte.get();
        let pension_rate = frac(line.pension.employer_percent.get());
        let mut cached: Option<(u32, [Decimal; 3])> = None;
        for i in h.active(line.start, line.end) {
            let n = pay_awards(f.start, s.pay_award_month, h.month(i));
            let amounts = match cached {
                Some((cn, v)) if cn == n => v,
                _ => {
                    let monthly_salary = div(
                        mul(line.annual_salary.get(), award.at(n, &field)?, &field)?,
                        twelve,
                        &field,
                    )?;
                    let gross = pennies(mul(fte, monthly_salary, &field)?);
                    let above = (monthly_salary - threshold).max(Decimal::ZERO);
                    let ni = pennies(mul(mul(fte, above, &field)?, ni_rate, &field)?);
                    let pension = pennies(mul(gross, pension_rate, &field)?);
                    cached = Some((n, [gross, ni, pension]));
                    [gross, ni, pension]
                }
            };
            let cell = &mut totals[i];
            for (t, a) in cell.iter_mut().zip(amounts) {
                *t = add(*t, a, &field)?;
            }
        }
    }
    // The allowance reduces each tax year's employer NI in month order until it is used up.
    let claim = s.claim_employment_allowance && employment_allowance_eligible(plan);
    let field = || "forecast.settings.employment_allowance".to_string();
    let (pay_row, ni_row, pension_row) = (
        grid.line(LineKey::Pay),
        grid.line(LineKey::EmployerNi),
        grid.line(LineKey::EmployerPension),
    );
    let mut year = None;
    let mut left = Decimal::ZERO;
    for (i, [gross, ni, pension]) in totals.into_iter().enumerate() {
        let ty = tax_year(h.month(i));
        if year != Some(ty) {
            year = Some(ty);
            left = if claim {
                s.employment_allowance.get()
            } else {
                Decimal::ZERO
            };
        }
        let relief = ni.min(left);
        left -= relief;
        let net = sub(ni, relief, &field)?;
        grid.add(pay_row, i, gross, &field)?;
        grid.add(ni_row, i, net, &field)?;
        grid.add(pension_row, i, pension, &field)?;
        earned.staff_cost(i, add(add(gross, net, &field)?, pension, &field)?, &field)?;
    }
    Ok(())
}

pub(super) fn costs(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<(), ForecastError> {
    for line in &plan.forecast.costs {
        let field = || format!("forecast.costs[{}].amount", line.id);
        let recurring = line.frequency != Frequency::OneOff;
        let key = LineKey::Cost(line.category);
        post_recurring(grid, key, line.into(), &field, |i, v| {
            earned.cost(i, v, recurring, &field)
        })?;
    }
    Ok(())
}

/// One month of a loan's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LoanMonth {
    pub month: Month,
    pub interest: Decimal,
    pub capital: Decimal,
}

/// A loan's whole schedule, months `d + 1 … d + T`. Interest is on the balance at the start of
/// each month; amortising capital comes in equal rounded instalments after the holiday, the last
/// one adjusted so that exactly the principal is repaid. A holiday as long as the term (rule
/// FIN-02) leaves the whole principal due in the last month, like a bullet loan.
pub(crate) fn loan_schedule(loan: &crate::plan::Loan) -> Result<Vec<LoanMonth>, ForecastError> {
    let field = || format!("forecast.loans[{}].principal", loan.id);
    let principal = loan.principal.get();
    let rate = div(
        frac(loan.annual_rate_percent.get()),
        Decimal::from(12),
        &field,
    )?;
    let term = loan.term_months;
    let holiday = loan.capital_holiday_months;
    let instalment = match loan.repayment {
        Repayment::Amortising if holiday < term => Some(pennies(div(
            principal,
            Decimal::from(term - holiday),
            &field,
        )?)),
        _ => None,
    };
    let mut balance = principal;
    let mut out = Vec::with_capacity(term as usize);
    for j in 1..=term {
        let Some(month) = loan.drawdown.plus(i64::from(j)) else {
            break;
        };
        let interest = pennies(mul(balance, rate, &field)?);
        let capital = match instalment {
            _ if j == term => balance,
            Some(inst) if j > holiday => inst.min(balance),
            _ => Decimal::ZERO,
        };
        balance -= capital;
        out.push(LoanMonth {
            month,
            interest,
            capital,
        });
    }
    Ok(out)
}

pub(super) fn loans(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let (interest_row, capital_row) = (
        grid.line(LineKey::LoanInterest),
        grid.line(LineKey::LoanCapital),
    );
    for loan in &plan.forecast.loans {
        let field = || format!("forecast.loans[{}].principal", loan.id);
        for lm in loan_schedule(loan)? {
            if let Some(i) = h.index(lm.month) {
                grid.add(interest_row, i, lm.interest, &field)?;
                grid.add(capital_row, i, lm.capital, &field)?;
                earned.loan_service(i, lm.interest, lm.capital, &field)?;
            }
        }
    }
    Ok(())
}
