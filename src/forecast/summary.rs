//! Income and expenditure by forecast year, and the named summary figures of `docs/cashflow.md`.

use super::arith::{add, div, sub, Field};
use super::error::ForecastError;
use super::lines::LineKey;
use super::lines::MonthRow;
use crate::model::values::{ItemId, Month};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

/// What was earned or incurred each month (the income and expenditure view), as the cash lines
/// are computed, and what falls due after the horizon.
pub(crate) struct Earned {
    len: usize,
    contract_income: Vec<Decimal>,
    by_commissioner: BTreeMap<String, Decimal>,
    by_contract: Vec<(ItemId, Decimal)>,
    other_income: Vec<Decimal>,
    grants: Vec<Decimal>,
    /// Expenditure by kind and month worked or incurred: staff, costs (one-off included),
    /// interest. Looked up once per line with [`Earned::kind`].
    kinds: BTreeMap<LineKey, usize>,
    expense: Vec<Vec<Decimal>>,
    /// Interest and capital paid.
    loan_service: Vec<Decimal>,
    /// Loan capital still owed at the end of each month.
    pub loan_outstanding: Vec<Decimal>,
    /// Staff and recurring costs, for `operating_costs_monthly_avg`.
    operating: Vec<Decimal>,
    pub receivable: Decimal,
    pub payroll_payable: Decimal,
    pub tax_payable: Decimal,
}

fn bump(v: &mut [Decimal], i: usize, x: Decimal, field: &impl Field) -> Result<(), ForecastError> {
    v[i] = add(v[i], x, field)?;
    Ok(())
}

impl Earned {
    pub fn new(len: usize) -> Self {
        let z = || vec![Decimal::ZERO; len];
        Earned {
            len,
            contract_income: z(),
            by_commissioner: BTreeMap::new(),
            by_contract: Vec::new(),
            other_income: z(),
            grants: z(),
            kinds: BTreeMap::new(),
            expense: Vec::new(),
            loan_service: z(),
            loan_outstanding: z(),
            operating: z(),
            receivable: Decimal::ZERO,
            payroll_payable: Decimal::ZERO,
            tax_payable: Decimal::ZERO,
        }
    }

    pub fn contract(
        &mut self,
        i: usize,
        id: &ItemId,
        commissioner: &str,
        x: Decimal,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        match self.by_contract.last_mut() {
            Some((last, total)) if last == id => *total = add(*total, x, f)?,
            _ => self.by_contract.push((id.clone(), x)),
        }
        let total = self
            .by_commissioner
            .entry(commissioner.trim().to_owned())
            .or_default();
        *total = add(*total, x, f)?;
        bump(&mut self.contract_income, i, x, f)
    }

    pub fn receivable(&mut self, x: Decimal, f: &impl Field) -> Result<(), ForecastError> {
        self.receivable = add(self.receivable, x, f)?;
        Ok(())
    }

    pub fn other_income(
        &mut self,
        i: usize,
        x: Decimal,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        bump(&mut self.other_income, i, x, f)
    }

    pub fn grant(&mut self, i: usize, x: Decimal, f: &impl Field) -> Result<(), ForecastError> {
        bump(&mut self.grants, i, x, f)
    }

    /// The row of an expenditure kind, made on first use.
    pub fn kind(&mut self, key: LineKey) -> usize {
        let next = self.expense.len();
        let row = *self.kinds.entry(key).or_insert(next);
        if row == next {
            self.expense.push(vec![Decimal::ZERO; self.len]);
        }
        row
    }

    /// Expenditure of kind `row` incurred in month `i`; `operating` when it is a running cost.
    pub fn expense(
        &mut self,
        row: usize,
        i: usize,
        x: Decimal,
        operating: bool,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        bump(&mut self.expense[row], i, x, f)?;
        if operating {
            bump(&mut self.operating, i, x, f)?;
        }
        Ok(())
    }

    pub fn loan_service(
        &mut self,
        i: usize,
        capital: Decimal,
        interest: Decimal,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        let row = self.kind(LineKey::LoanInterest);
        self.expense(row, i, interest, false, f)?;
        bump(&mut self.loan_service, i, add(interest, capital, f)?, f)
    }
}

/// A forecast year's income and expenditure before tax: what corporation tax is charged on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct YearIe {
    pub first: usize,
    pub end: usize,
    pub contract_income: Decimal,
    pub other_income: Decimal,
    pub grants: Decimal,
    pub by_kind: Vec<(LineKey, Decimal)>,
    pub expenditure: Decimal,
    pub surplus: Decimal,
    pub interest: Decimal,
    pub debt_service: Decimal,
}

fn sum(v: &[Decimal], f: &impl Field) -> Result<Decimal, ForecastError> {
    v.iter().try_fold(Decimal::ZERO, |a, x| add(a, *x, f))
}

/// The income and expenditure of each forecast year: 12-month blocks from the start, the last
/// possibly shorter.
pub(crate) fn income_and_expenditure(e: &Earned) -> Result<Vec<YearIe>, ForecastError> {
    let f = || "forecast".to_string();
    let mut out = Vec::new();
    for first in (0..e.len).step_by(12) {
        let end = (first + 12).min(e.len);
        let r = first..end;
        let contract_income = sum(&e.contract_income[r.clone()], &f)?;
        let other_income = sum(&e.other_income[r.clone()], &f)?;
        let grants = sum(&e.grants[r.clone()], &f)?;
        let mut by_kind = Vec::with_capacity(e.kinds.len());
        let mut expenditure = Decimal::ZERO;
        for (key, &row) in &e.kinds {
            let v = sum(&e.expense[row][r.clone()], &f)?;
            expenditure = add(expenditure, v, &f)?;
            by_kind.push((key.clone(), v));
        }
        let interest = e
            .kinds
            .get(&LineKey::LoanInterest)
            .map_or(Ok(Decimal::ZERO), |&row| {
                sum(&e.expense[row][r.clone()], &f)
            })?;
        let income = add(add(contract_income, other_income, &f)?, grants, &f)?;
        out.push(YearIe {
            first,
            end,
            contract_income,
            other_income,
            grants,
            by_kind,
            expenditure,
            surplus: sub(income, expenditure, &f)?,
            interest,
            debt_service: sum(&e.loan_service[r], &f)?,
        });
    }
    Ok(out)
}

/// One forecast year: 12-month blocks from the start (the last may be shorter).
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    /// 1 for the first twelve months.
    pub year: u32,
    pub first_month: Month,
    pub last_month: Month,
    /// Contract income earned in the year.
    pub contract_income: Decimal,
    /// Other income earned in the year.
    pub other_income: Decimal,
    /// Contract and other income earned in the year.
    pub income: Decimal,
    pub grants: Decimal,
    /// Expenditure incurred, by kind (the payment keys less loan capital and corporation tax).
    pub expenditure_by_kind: Vec<(LineKey, Decimal)>,
    /// Staff, costs, levy and interest incurred; not loan capital, not tax.
    pub expenditure: Decimal,
    /// Surplus (or deficit, negative) before tax.
    pub surplus: Decimal,
    pub interest: Decimal,
    /// Interest and capital paid.
    pub debt_service: Decimal,
    /// The year's profit on which corporation tax is charged, after losses brought forward
    /// (zero for a charity, which pays none).
    pub taxable_profit: Decimal,
    /// Corporation tax for the year (an accounting period), whenever it is paid.
    pub tax: Decimal,
    /// `surplus − tax`.
    pub surplus_after_tax: Decimal,
    pub closing_cash: Decimal,
    /// Closing cash less loan capital still outstanding: borrowed money is not a reserve.
    pub net_cash: Decimal,
    /// Net cash over `operating_costs_monthly_avg`, to 1 decimal; `None` with no operating costs.
    pub reserves_months: Option<Decimal>,
    /// (Surplus before interest and tax) / (interest + capital paid), to 2 decimals; `None` in
    /// years with no loan service.
    pub dscr: Option<Decimal>,
}

/// The named summary figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub lowest_cash: Decimal,
    pub lowest_cash_month: Month,
    pub peak_funding_need: Decimal,
    pub months_negative: u32,
    /// The first month whose closing cash is below zero.
    pub first_negative_month: Option<Month>,
    /// Full precision; shown to the penny.
    pub operating_costs_monthly_avg: Decimal,
    /// Percent, full precision; `None` with no contract income.
    pub largest_commissioner_share: Option<Decimal>,
    /// The commissioner with that share.
    pub largest_commissioner: Option<String>,
    /// Percent, full precision; `None` with no income at all.
    pub contract_income_share: Option<Decimal>,
    pub receivable_at_horizon: Decimal,
    /// Corporation tax for periods inside the horizon that falls due after it.
    pub tax_payable_at_horizon: Decimal,
    /// Employer NI, employer pension and levy for months inside the horizon, paid after it.
    pub payroll_payable_at_horizon: Decimal,
    pub closing_cash: Decimal,
    /// Contract income earned over the horizon.
    pub contract_income: Decimal,
    /// Income earned over the horizon by each contract, in plan order.
    pub contract_earned: Vec<(ItemId, Decimal)>,
}

/// `part / whole × 100`, or `None` when `whole` is zero.
fn percent_of(
    part: Decimal,
    whole: Decimal,
    f: &impl Field,
) -> Result<Option<Decimal>, ForecastError> {
    if whole.is_zero() {
        return Ok(None);
    }
    let ratio = div(part, whole, f)?;
    let percent = ratio.checked_mul(Decimal::ONE_HUNDRED);
    percent.map(Some).ok_or_else(|| super::arith::overflow(f))
}

fn round_half_away(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

fn is_negative(d: Decimal) -> bool {
    d.is_sign_negative() && !d.is_zero()
}

/// The years and the summary, once the cash rows (tax included) are known.
pub(super) fn summarise(
    months: &[MonthRow],
    e: &Earned,
    ie: Vec<YearIe>,
    taxes: &[(Decimal, Decimal)],
) -> Result<(Vec<Year>, Summary), ForecastError> {
    let f = || "forecast".to_string();
    let n = months.len();
    let (lowest_i, lowest) =
        months
            .iter()
            .enumerate()
            .fold((0, months[0].closing), |(bi, b), (i, r)| {
                if r.closing < b {
                    (i, r.closing)
                } else {
                    (bi, b)
                }
            });
    let operating_avg = div(sum(&e.operating, &f)?, Decimal::from(n as u64), &f)?;

    let mut years = Vec::with_capacity(ie.len());
    for (y, (ie, &(taxable_profit, tax))) in ie.into_iter().zip(taxes).enumerate() {
        let last = ie.end - 1;
        let closing_cash = months[last].closing;
        let net_cash = sub(closing_cash, e.loan_outstanding[last], &f)?;
        let reserves_months = if operating_avg.is_zero() {
            None
        } else {
            Some(round_half_away(div(net_cash, operating_avg, &f)?, 1))
        };
        let dscr = if ie.debt_service.is_zero() {
            None
        } else {
            let cover = div(add(ie.surplus, ie.interest, &f)?, ie.debt_service, &f)?;
            Some(round_half_away(cover, 2))
        };
        years.push(Year {
            year: y as u32 + 1,
            first_month: months[ie.first].month,
            last_month: months[last].month,
            contract_income: ie.contract_income,
            other_income: ie.other_income,
            income: add(ie.contract_income, ie.other_income, &f)?,
            grants: ie.grants,
            expenditure_by_kind: ie.by_kind,
            expenditure: ie.expenditure,
            surplus: ie.surplus,
            interest: ie.interest,
            debt_service: ie.debt_service,
            taxable_profit,
            tax,
            surplus_after_tax: sub(ie.surplus, tax, &f)?,
            closing_cash,
            net_cash,
            reserves_months,
            dscr,
        });
    }

    let contract_income = sum(&e.contract_income, &f)?;
    let all_income = add(
        add(contract_income, sum(&e.other_income, &f)?, &f)?,
        sum(&e.grants, &f)?,
        &f,
    )?;
    // Ties go to the first commissioner by name, so the figure never depends on list order.
    let largest = e
        .by_commissioner
        .iter()
        .fold(None::<(&String, Decimal)>, |best, (name, v)| match best {
            Some((_, b)) if b >= *v => best,
            _ => Some((name, *v)),
        });
    let summary = Summary {
        lowest_cash: lowest,
        lowest_cash_month: months[lowest_i].month,
        peak_funding_need: (-lowest).max(Decimal::ZERO),
        months_negative: months.iter().filter(|r| is_negative(r.closing)).count() as u32,
        first_negative_month: months
            .iter()
            .find(|r| is_negative(r.closing))
            .map(|r| r.month),
        operating_costs_monthly_avg: operating_avg,
        largest_commissioner_share: match largest {
            Some((_, v)) => percent_of(v, contract_income, &f)?,
            None => None,
        },
        largest_commissioner: largest.map(|(n, _)| n.clone()),
        contract_income_share: percent_of(contract_income, all_income, &f)?,
        receivable_at_horizon: e.receivable,
        tax_payable_at_horizon: e.tax_payable,
        payroll_payable_at_horizon: e.payroll_payable,
        closing_cash: months[n - 1].closing,
        contract_income,
        contract_earned: e.by_contract.clone(),
    };
    Ok((years, summary))
}
