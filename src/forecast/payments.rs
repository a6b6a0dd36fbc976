//! Payments: staff pay, employer National Insurance (less any Employment Allowance) and
//! pensions, costs, and loan interest and capital.

use super::arith::{add, sub, Exact, Growth};
use super::error::ForecastError;
use super::ledger::{Asset, Ledger, LoanMonth, VatPaid, VatTarget};
use super::lines::{Grid, LineKey};
use super::receipts::amounts;
use crate::model::plan::{
    BandList, CostFrequency, Nation, PayrollTiming, PensionScheme, Plan, Repayment, StaffLine,
};
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

/// What a month's payroll costs: gross pay, employer NI before any allowance, employer pension,
/// and the deductions that split gross pay (income tax, employee NI, employee pension).
#[derive(Clone, Copy, Default)]
struct PayrollMonth {
    gross: Decimal,
    ni: Decimal,
    pension: Decimal,
    tax: Decimal,
    employee_ni: Decimal,
    employee_pension: Decimal,
}

/// `amount` through a band list used marginally, with each annual limit applied to a month as
/// one twelfth: each row's percentage on the part above the row before's limit and up to its own.
fn marginal(amount: &Exact, bands: &BandList) -> Exact {
    let twelve = Exact::int(12);
    let mut below = Exact::zero();
    let mut total = Exact::zero();
    for band in bands {
        if amount <= &below {
            break;
        }
        let part = match band.up_to {
            Some(up) => {
                let upper = Exact::dec(up.get()) / twelve.clone();
                let part = if amount < &upper {
                    amount.clone() - below.clone()
                } else {
                    upper.clone() - below.clone()
                };
                below = upper;
                part
            }
            None => amount.clone() - below.clone(),
        };
        total = total + &part * &Exact::percent(band.percent.get());
    }
    total
}

/// The percentage of the first tier whose limit is at or above `annual` (the whole pay's rate).
fn tier(annual: &Exact, bands: &BandList) -> Decimal {
    bands
        .iter()
        .find(|b| b.up_to.is_none_or(|up| annual <= &Exact::dec(up.get())))
        .or(bands.last())
        .map_or(Decimal::ZERO, |b| b.percent.get())
}

/// The deductions from one month's gross pay `gross` of a line of `people`, per person and
/// non-cumulatively (tax code 1257L): employee pension, income tax and employee NI, each exact
/// per person and rounded once for the line.
fn deductions(
    plan: &Plan,
    line: &StaffLine,
    gross: Decimal,
    people: u32,
    field: &impl super::arith::Field,
) -> Result<(Decimal, Decimal, Decimal), ForecastError> {
    let s = &plan.forecast.settings;
    let h = Exact::int(i64::from(people));
    let g_line = Exact::dec(gross);
    let g = g_line.clone() / h.clone();
    let annual = &g * &Exact::int(12);
    let rate = match line.pension.scheme {
        PensionScheme::Nhs => tier(&annual, &s.nhs_pension_member_tiers),
        PensionScheme::Lgps => tier(&annual, &s.lgps_member_bands),
        PensionScheme::CivilService => tier(&annual, &s.civil_service_member_tiers),
        PensionScheme::DefinedContribution => line
            .pension
            .employee_percent
            .map_or(Decimal::ZERO, |p| p.get()),
        PensionScheme::None => Decimal::ZERO,
    };
    let c = Exact::percent(rate);
    let pension = (&g_line * &c).pennies(field)?;
    let e = &g * &c;
    let allowance = Exact::dec(s.personal_allowance.get()) / Exact::int(12);
    let taxable = (g.clone() - e - allowance).at_least_zero();
    let bands = if plan.organisation.nation == Nation::Scotland {
        &s.income_tax_bands_scotland
    } else {
        &s.income_tax_bands
    };
    let tax = (&h * &marginal(&taxable, bands)).pennies(field)?;
    let ni = (&h * &marginal(&g, &s.employee_ni_bands)).pennies(field)?;
    Ok((pension, tax, ni))
}

/// Each staff line's pay, employer costs and deductions by month worked, summed.
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
    let mut changes = Changes(vec![PayrollMonth::default(); h.len + 1]);
    for line in &f.staff {
        let mut run: Option<(usize, u32, PayrollMonth)> = None;
        let field = || format!("forecast.staff[{}].annual_salary", line.id);
        let fte = Exact::dec(line.fte.get());
        let salary = Exact::dec(line.annual_salary.get());
        // The secondary threshold applies per person: a line's headcount, or ⌈fte⌉.
        let people = line.people();
        let thresholds = &Exact::int(i64::from(people)) * &threshold;
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
                    let (employee_pension, tax, employee_ni) =
                        deductions(plan, line, gross, people, &field)?;
                    let v = PayrollMonth {
                        gross,
                        ni,
                        pension,
                        tax,
                        employee_ni,
                        employee_pension,
                    };
                    cached = Some((n, v));
                    v
                }
            };
            // A line's figures change only with a pay award: each run of equal months is added
            // to the totals' changes once, where it starts and where it stops.
            if run.as_ref().is_none_or(|(_, n0, _)| *n0 != n) {
                if let Some((from, _, v)) = run.take() {
                    changes.add_run(from, i, &v, &field)?;
                }
                run = Some((i, n, month));
            }
        }
        if let Some((from, _, v)) = run.take() {
            let end = h.active(line.start, line.end).end;
            changes.add_run(from, end, &v, &field)?;
        }
    }
    changes.totals()
}

/// The months' payroll totals as changes: a run of equal months adds its figures where it starts
/// and takes them away where it stops, and the totals are the running sums.
struct Changes(Vec<PayrollMonth>);

impl Changes {
    fn add_run(
        &mut self,
        from: usize,
        to: usize,
        v: &PayrollMonth,
        f: &impl super::arith::Field,
    ) -> Result<(), ForecastError> {
        let at =
            |t: &mut PayrollMonth, v: &PayrollMonth, sign: Decimal| -> Result<(), ForecastError> {
                t.gross = add(t.gross, v.gross * sign, f)?;
                t.ni = add(t.ni, v.ni * sign, f)?;
                t.pension = add(t.pension, v.pension * sign, f)?;
                t.tax = add(t.tax, v.tax * sign, f)?;
                t.employee_ni = add(t.employee_ni, v.employee_ni * sign, f)?;
                t.employee_pension = add(t.employee_pension, v.employee_pension * sign, f)?;
                Ok(())
            };
        at(&mut self.0[from], v, Decimal::ONE)?;
        at(&mut self.0[to], v, Decimal::NEGATIVE_ONE)
    }

    fn totals(self) -> Result<Vec<PayrollMonth>, ForecastError> {
        let f = || "forecast.staff".to_string();
        let mut sum = PayrollMonth::default();
        let mut out = Vec::with_capacity(self.0.len().saturating_sub(1));
        for c in &self.0[..self.0.len() - 1] {
            sum.gross = add(sum.gross, c.gross, &f)?;
            sum.ni = add(sum.ni, c.ni, &f)?;
            sum.pension = add(sum.pension, c.pension, &f)?;
            sum.tax = add(sum.tax, c.tax, &f)?;
            sum.employee_ni = add(sum.employee_ni, c.employee_ni, &f)?;
            sum.employee_pension = add(sum.employee_pension, c.employee_pension, &f)?;
            out.push(sum);
        }
        Ok(out)
    }
}

/// Staff costs: net pay paid in the month worked; the deductions (income tax, employee NI,
/// employee pension) and the employer costs (employer NI less any Employment Allowance, employer
/// pension, the Apprenticeship Levy) paid in that month or the next, as the settings say. Gross
/// pay and the employer costs are expenditure of the month worked.
pub(super) fn staff(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Ledger,
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
    let net_row = grid.line(LineKey::NetPay);
    let later = [
        LineKey::PayeIncomeTax,
        LineKey::EmployeeNi,
        LineKey::EmployeePension,
        LineKey::EmployerNi,
        LineKey::EmployerPension,
        LineKey::ApprenticeshipLevy,
    ]
    .map(|k| grid.line(k));
    let kinds = [
        LineKey::Pay,
        LineKey::EmployerNi,
        LineKey::EmployerPension,
        LineKey::ApprenticeshipLevy,
    ]
    .map(|k| earned.kind(k));
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
        // Most employers' pay bills stay under the allowance: 12 × bill × rate / 100 at or below
        // allowance × position (all exact in decimals) means nothing is due yet.
        let position = tax_year_position(m);
        let under = pay_so_far
            .checked_mul(s.apprenticeship_levy_percent.get() * Decimal::from(12))
            .zip(
                s.apprenticeship_levy_allowance
                    .get()
                    .checked_mul(Decimal::from(100 * position)),
            )
            .is_some_and(|(charge, allowed)| charge <= allowed);
        let cumulative = if under {
            Decimal::ZERO
        } else {
            let accrued = &levy_allowance * &Exact::int(position) / Exact::int(12);
            (&Exact::dec(pay_so_far) * &levy_rate - accrued)
                .at_least_zero()
                .pennies(&levy_field)?
        };
        let levy = (cumulative - levy_so_far).max(Decimal::ZERO);
        levy_so_far = add(levy_so_far, levy, &levy_field)?;

        for (k, amount) in [t.gross, ni, t.pension, levy].into_iter().enumerate() {
            earned.expense(kinds[k], i, amount, true, &levy_field)?;
        }
        let deducted = add(
            add(t.tax, t.employee_ni, &levy_field)?,
            t.employee_pension,
            &levy_field,
        )?;
        grid.add(
            net_row,
            i,
            sub(t.gross, deducted, &levy_field)?,
            &levy_field,
        )?;
        let paid_later = [
            t.tax,
            t.employee_ni,
            t.employee_pension,
            ni,
            t.pension,
            levy,
        ];
        let mut owed = Decimal::ZERO;
        for (k, amount) in paid_later.into_iter().enumerate() {
            owed = add(owed, amount, &levy_field)?;
            if i + lag < h.len {
                grid.add(later[k], i + lag, amount, &levy_field)?;
            }
        }
        if lag > 0 {
            earned.payroll_owed[i] = owed;
            if i + lag >= h.len {
                earned.payroll_payable = add(earned.payroll_payable, owed, &levy_field)?;
            }
        }
    }
    Ok(())
}

/// Cost lines: recurring and one-off costs paid and charged in their months, capital spending
/// paid and kept as a fixed asset; the VAT a supplier adds paid with each, its recoverable part
/// settled with VAT (see `vat`).
pub(super) fn costs(
    plan: &Plan,
    grid: &mut Grid,
    earned: &mut Ledger,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let vat_row = grid.line(LineKey::VatInput);
    for line in &plan.forecast.costs {
        let field = || format!("forecast.costs[{}].amount", line.id);
        let rate = Exact::percent(line.vat_percent.get());
        let no_vat = line.vat_percent.get().is_zero();
        let vat_on = |net: Decimal| {
            if no_vat {
                Ok(Decimal::ZERO)
            } else {
                (&Exact::dec(net) * &rate).pennies(&field)
            }
        };
        if line.frequency == CostFrequency::Capital {
            // A capital line before the forecast is in the opening cash and is no asset here.
            let Some(i) = h.index(line.start) else {
                continue;
            };
            let net = line.amount.get();
            let row = grid.line(LineKey::Capital(line.category));
            grid.add(row, i, net, &field)?;
            let vat = vat_on(net)?;
            grid.add(vat_row, i, vat, &field)?;
            earned.assets.push(Asset {
                bought: i,
                net,
                life: line.useful_life_months.unwrap_or(1).max(1),
                vat: Decimal::ZERO,
            });
            if !vat.is_zero() {
                let asset = earned.assets.len() - 1;
                earned.vat_paid.push(VatPaid {
                    i,
                    vat,
                    target: VatTarget::Capital { asset },
                });
            }
            continue;
        }
        let recurring = !line.frequency.is_once();
        let key = LineKey::Cost(line.category);
        let row = grid.line(key.clone());
        let kind = earned.kind(key);
        for (i, v) in amounts(h, line.into(), &field)? {
            grid.add(row, i, v, &field)?;
            earned.expense(kind, i, v, recurring, &field)?;
            if !recurring {
                super::ledger::bump(&mut earned.one_off, i, v, &field)?;
            }
            let vat = vat_on(v)?;
            if !vat.is_zero() {
                grid.add(vat_row, i, vat, &field)?;
                earned.vat_paid.push(VatPaid {
                    i,
                    vat,
                    target: VatTarget::Revenue { recurring },
                });
            }
        }
    }
    Ok(())
}

/// Straight-line depreciation of each fixed asset from the month after purchase: `round(K / L)`
/// a month, each at most what is left, the last whatever is left, so exactly `K` is charged.
pub(super) fn depreciation(
    h: super::lines::Horizon,
    earned: &mut Ledger,
) -> Result<(), ForecastError> {
    let field = || "forecast.costs".to_string();
    let kind = earned.kind(LineKey::Depreciation);
    for k in 0..earned.assets.len() {
        let a = earned.assets[k].clone();
        let cost = add(a.net, a.vat, &field)?;
        super::ledger::bump(&mut earned.fixed_change, a.bought, cost, &field)?;
        let monthly = (Exact::dec(cost) / Exact::int(i64::from(a.life))).pennies(&field)?;
        let mut left = cost;
        for j in 1..=a.life as usize {
            let i = a.bought + j;
            if i >= h.len || left.is_zero() {
                break;
            }
            let d = if j == a.life as usize {
                left
            } else {
                monthly.min(left)
            };
            left -= d;
            earned.expense(kind, i, d, false, &field)?;
            super::ledger::bump(&mut earned.fixed_change, i, -d, &field)?;
        }
    }
    Ok(())
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
    earned: &mut Ledger,
) -> Result<(), ForecastError> {
    let h = grid.horizon;
    let (interest_row, capital_row) = (
        grid.line(LineKey::LoanInterest),
        grid.line(LineKey::LoanCapital),
    );
    let interest_kind = earned.kind(LineKey::LoanInterest);
    for loan in &plan.forecast.loans {
        let field = || format!("forecast.loans[{}].principal", loan.id);
        let schedule = loan_schedule(loan)?;
        let before_start = loan.drawdown < h.start;
        let mut repaid_before = Decimal::ZERO;
        for lm in &schedule {
            // Interest paid in a month is for the month before, and charged to it.
            let paid = h.index(lm.month);
            let charged = lm.month.plus(-1).and_then(|m| h.index(m));
            if let Some(i) = paid {
                grid.add(interest_row, i, lm.interest, &field)?;
                grid.add(capital_row, i, lm.capital, &field)?;
                super::ledger::bump(&mut earned.loan_interest_paid, i, lm.interest, &field)?;
                super::ledger::bump(&mut earned.loan_capital_paid, i, lm.capital, &field)?;
            }
            match charged {
                Some(c) => {
                    earned.expense(interest_kind, c, lm.interest, false, &field)?;
                    super::ledger::bump(&mut earned.interest_accrued, c, lm.interest, &field)?;
                    if paid.is_none() {
                        earned.interest_payable =
                            add(earned.interest_payable, lm.interest, &field)?;
                    }
                }
                // Interest for the month before the forecast, paid in month 0: owed at the start.
                None if paid == Some(0) => {
                    earned.opening_loans = add(earned.opening_loans, lm.interest, &field)?;
                }
                None => {}
            }
            if lm.month < h.start {
                repaid_before = add(repaid_before, lm.capital, &field)?;
            }
        }
        if before_start {
            let owed = sub(loan.principal.get(), repaid_before, &field)?;
            earned.opening_loans = add(earned.opening_loans, owed, &field)?;
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
        earned.loan_schedules.push((loan.drawdown, schedule));
    }
    Ok(())
}
