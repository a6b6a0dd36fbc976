//! Payments: staff pay, employer National Insurance (less any Employment Allowance) and
//! pensions, costs, and loan interest and capital.

use super::arith::{add, sub, Exact, Growth};
use super::error::ForecastError;
use super::lines::{Grid, LineKey};
use super::receipts::post_recurring;
use super::summary::Earned;
use crate::model::plan::{PayrollTiming, Plan, Repayment};
use crate::model::values::Month;
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

/// A month's position in its tax year: April 1 … March 12.
fn tax_year_position(m: Month) -> i64 {
    (i64::from(m.month()) - 4).rem_euclid(12) + 1
}

/// What a month's payroll costs: gross pay, employer NI before any allowance, employer pension.
#[derive(Clone, Copy, Default)]
struct PayrollMonth {
    gross: Decimal,
    ni: Decimal,
    pension: Decimal,
}

/// Each staff line's gross pay, employer NI and employer pension by month worked, summed.
fn payroll_by_month(
    plan: &Plan,
    h: super::lines::Horizon,
) -> Result<Vec<PayrollMonth>, ForecastError> {
    let f = &plan.forecast;
    let s = &f.settings;
    let threshold = Exact::dec(s.ni_secondary_threshold.get());
    let ni_rate = Exact::percent(s.employer_ni_percent.get());
    let twelve = Exact::int(12);
    let mut award = Growth::new(s.pay_award_percent.get());
    let mut totals = vec![PayrollMonth::default(); h.len];
    for line in &f.staff {
        let field = || format!("forecast.staff[{}].annual_salary", line.id);
        let fte = Exact::dec(line.fte.get());
        let salary = Exact::dec(line.annual_salary.get());
        // The secondary threshold applies per person: a line's headcount, or one per FTE.
        let people = match line.headcount {
            Some(n) => Exact::int(i64::from(n)),
            None => fte.clone(),
        };
        let thresholds = &people * &threshold;
        let pension_rate = Exact::percent(line.pension.employer_percent.get());
        let mut cached: Option<(u32, PayrollMonth)> = None;
        for i in h.active(line.start, line.end) {
            let n = pay_awards(f.start, s.pay_award_month, h.month(i));
            let month = match cached {
                Some((cn, v)) if cn == n => v,
                _ => {
                    // G = fte × salary × P / 12; N = max(0, fte × salary × P − h × threshold) ×
                    // rate / 12; Q = G × pension rate, on the rounded G as payroll does.
                    let annual_pay = &(&fte * &salary) * award.at(n);
                    let gross = (annual_pay.clone() / twelve.clone()).pennies(&field)?;
                    let above = (annual_pay - thresholds.clone()).at_least_zero();
                    let ni = (&above * &ni_rate / twelve.clone()).pennies(&field)?;
                    let pension = (&Exact::dec(gross) * &pension_rate).pennies(&field)?;
                    let v = PayrollMonth { gross, ni, pension };
                    cached = Some((n, v));
                    v
                }
            };
            let t = &mut totals[i];
            t.gross = add(t.gross, month.gross, &field)?;
            t.ni = add(t.ni, month.ni, &field)?;
            t.pension = add(t.pension, month.pension, &field)?;
        }
    }
    Ok(totals)
}

/// Staff costs: gross pay paid in the month worked; employer NI (less any Employment Allowance),
/// employer pension and the Apprenticeship Levy paid in that month or the next, as the settings
/// say. Each is expenditure of the month worked.
pub(super) fn staff(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Earned,
) -> Result<(), ForecastError> {
    if plan.forecast.staff.is_empty() {
        return Ok(());
    }
    let h = grid.horizon;
    let s = &plan.forecast.settings;
    let totals = payroll_by_month(plan, h)?;
    let claim = s.claim_employment_allowance && employment_allowance_eligible(plan);
    let levy_rate = Exact::percent(s.apprenticeship_levy_percent.get());
    let levy_allowance = Exact::dec(s.apprenticeship_levy_allowance.get());
    let lag = match s.payroll_costs_paid {
        PayrollTiming::SameMonth => 0,
        PayrollTiming::NextMonth => 1,
    };
    let rows = [
        LineKey::Pay,
        LineKey::EmployerNi,
        LineKey::EmployerPension,
        LineKey::ApprenticeshipLevy,
    ];
    let cash = rows.clone().map(|k| grid.line(k));
    let kinds = rows.map(|k| earned.kind(k));
    let allowance_field = || "forecast.settings.employment_allowance".to_string();
    let levy_field = || "forecast.settings.apprenticeship_levy_percent".to_string();
    let mut year = None;
    let mut allowance_left = Decimal::ZERO;
    let mut pay_so_far = Decimal::ZERO;
    let mut levy_so_far = Decimal::ZERO;
    for (i, t) in totals.into_iter().enumerate() {
        let m = h.month(i);
        if year != Some(tax_year(m)) {
            year = Some(tax_year(m));
            allowance_left = if claim {
                s.employment_allowance.get()
            } else {
                Decimal::ZERO
            };
            pay_so_far = Decimal::ZERO;
            levy_so_far = Decimal::ZERO;
        }
        // The allowance reduces each tax year's employer NI in month order until used up.
        let relief = t.ni.min(allowance_left);
        allowance_left -= relief;
        let ni = sub(t.ni, relief, &allowance_field)?;
        // The levy: the cumulative charge on the year's pay bill less the allowance accrued to
        // this month, never refunded within the year.
        pay_so_far = add(pay_so_far, t.gross, &levy_field)?;
        let accrued = &levy_allowance * &Exact::int(tax_year_position(m)) / Exact::int(12);
        let cumulative = (&Exact::dec(pay_so_far) * &levy_rate - accrued)
            .at_least_zero()
            .pennies(&levy_field)?;
        let levy = (cumulative - levy_so_far).max(Decimal::ZERO);
        levy_so_far = add(levy_so_far, levy, &levy_field)?;

        let amounts = [t.gross, ni, t.pension, levy];
        for (k, amount) in amounts.into_iter().enumerate() {
            earned.expense(kinds[k], i, amount, true, &levy_field)?;
            let paid = if k == 0 { i } else { i + lag };
            if paid < h.len {
                grid.add(cash[k], paid, amount, &levy_field)?;
            } else {
                earned.payroll_payable = add(earned.payroll_payable, amount, &levy_field)?;
            }
        }
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
        let recurring = !line.frequency.is_once();
        let key = LineKey::Cost(line.category);
        let kind = earned.kind(key.clone());
        post_recurring(grid, key, line.into(), &field, |i, v| {
            earned.expense(kind, i, v, recurring, &field)
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
pub(crate) fn loan_schedule(
    loan: &crate::model::plan::Loan,
) -> Result<Vec<LoanMonth>, ForecastError> {
    let field = || format!("forecast.loans[{}].principal", loan.id);
    let principal = loan.principal.get();
    let rate = Exact::percent(loan.annual_rate_percent.get()) / Exact::int(12);
    let term = loan.term_months;
    let holiday = loan.capital_holiday_months;
    let instalment = match loan.repayment {
        Repayment::Amortising if holiday < term => {
            Some((Exact::dec(principal) / Exact::int(i64::from(term - holiday))).pennies(&field)?)
        }
        _ => None,
    };
    let mut balance = principal;
    let mut out = Vec::with_capacity(term as usize);
    for j in 1..=term {
        let Some(month) = loan.drawdown.plus(i64::from(j)) else {
            break;
        };
        let interest = (&Exact::dec(balance) * &rate).pennies(&field)?;
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
        let schedule = loan_schedule(loan)?;
        for lm in &schedule {
            if let Some(i) = h.index(lm.month) {
                grid.add(interest_row, i, lm.interest, &field)?;
                grid.add(capital_row, i, lm.capital, &field)?;
                earned.loan_service(i, lm.capital, lm.interest, &field)?;
            }
        }
        // Capital still owed at the end of each month: drawn and not yet repaid.
        let mut repaid = Decimal::ZERO;
        let mut next = schedule.iter().peekable();
        for i in 0..h.len {
            let m = h.month(i);
            while let Some(lm) = next.next_if(|lm| lm.month <= m) {
                repaid = add(repaid, lm.capital, &field)?;
            }
            if loan.drawdown <= m {
                let owed = sub(loan.principal.get(), repaid, &field)?;
                earned.loan_outstanding[i] = add(earned.loan_outstanding[i], owed, &field)?;
            }
        }
    }
    Ok(())
}
