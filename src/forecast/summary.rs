//! Income and expenditure by forecast year, and the named summary figures of `docs/cashflow.md`.

use super::arith::{add, div, mul, Field};
use super::{ForecastError, MonthRow};
use crate::values::{ItemId, Month};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

/// What was earned or incurred each month (the income and expenditure view), as the cash lines
/// are computed.
pub(crate) struct Earned {
    contract_income: Vec<Decimal>,
    by_commissioner: BTreeMap<String, Decimal>,
    by_contract: Vec<(ItemId, Decimal)>,
    other_income: Vec<Decimal>,
    grants: Vec<Decimal>,
    /// Staff, costs (one-off included) and interest.
    expenditure: Vec<Decimal>,
    interest: Vec<Decimal>,
    loan_service: Vec<Decimal>,
    /// Staff and recurring costs, for `operating_costs_monthly_avg`.
    operating: Vec<Decimal>,
    receivable: Decimal,
}

fn bump(v: &mut [Decimal], i: usize, x: Decimal, field: &impl Field) -> Result<(), ForecastError> {
    v[i] = add(v[i], x, field)?;
    Ok(())
}

impl Earned {
    pub fn new(len: usize) -> Self {
        let z = || vec![Decimal::ZERO; len];
        Earned {
            contract_income: z(),
            by_commissioner: BTreeMap::new(),
            by_contract: Vec::new(),
            other_income: z(),
            grants: z(),
            expenditure: z(),
            interest: z(),
            loan_service: z(),
            operating: z(),
            receivable: Decimal::ZERO,
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
    pub fn staff_cost(
        &mut self,
        i: usize,
        x: Decimal,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        bump(&mut self.expenditure, i, x, f)?;
        bump(&mut self.operating, i, x, f)
    }
    pub fn cost(
        &mut self,
        i: usize,
        x: Decimal,
        recurring: bool,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        bump(&mut self.expenditure, i, x, f)?;
        if recurring {
            bump(&mut self.operating, i, x, f)?;
        }
        Ok(())
    }
    pub fn loan_service(
        &mut self,
        i: usize,
        interest: Decimal,
        capital: Decimal,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        bump(&mut self.expenditure, i, interest, f)?;
        bump(&mut self.interest, i, interest, f)?;
        bump(&mut self.loan_service, i, add(interest, capital, f)?, f)
    }
}

/// One forecast year: 12-month blocks from the start (the last may be shorter).
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    /// 1 for the first twelve months.
    pub year: u32,
    pub first_month: Month,
    pub last_month: Month,
    /// Contract and other income earned in the year.
    pub income: Decimal,
    pub grants: Decimal,
    /// Staff, costs and interest incurred; not loan capital.
    pub expenditure: Decimal,
    pub surplus: Decimal,
    pub interest: Decimal,
    /// Interest and capital paid.
    pub debt_service: Decimal,
    pub closing_cash: Decimal,
    /// Closing cash less loan capital still outstanding: borrowed money is not a reserve.
    pub net_cash: Decimal,
    /// The year's profit on which corporation tax is charged, after losses brought forward
    /// (zero for a charity, which pays none).
    pub taxable_profit: Decimal,
    /// Corporation tax for the year (an accounting period), whenever it is paid.
    pub tax: Decimal,
    /// `surplus − tax`.
    pub surplus_after_tax: Decimal,
    /// Net cash over `operating_costs_monthly_avg`, to 1 decimal; `None` with no operating costs.
    pub reserves_months: Option<Decimal>,
    /// (Surplus before interest) / (interest + capital paid); `None` in years with no loan service.
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

fn sum(v: &[Decimal], f: &impl Field) -> Result<Decimal, ForecastError> {
    v.iter().try_fold(Decimal::ZERO, |a, x| add(a, *x, f))
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
    Ok(Some(mul(div(part, whole, f)?, Decimal::ONE_HUNDRED, f)?))
}

pub(super) fn summarise(
    months: &[MonthRow],
    e: &Earned,
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

    let mut years = Vec::new();
    for (y, start) in (0..n).step_by(12).enumerate() {
        let end = (start + 12).min(n);
        let r = start..end;
        let income = add(
            sum(&e.contract_income[r.clone()], &f)?,
            sum(&e.other_income[r.clone()], &f)?,
            &f,
        )?;
        let grants = sum(&e.grants[r.clone()], &f)?;
        let expenditure = sum(&e.expenditure[r.clone()], &f)?;
        let surplus = add(income, grants, &f)? - expenditure;
        let interest = sum(&e.interest[r.clone()], &f)?;
        let debt_service = sum(&e.loan_service[r.clone()], &f)?;
        let closing_cash = months[end - 1].closing;
        let reserves_months = if operating_avg.is_zero() {
            None
        } else {
            Some(
                div(closing_cash, operating_avg, &f)?
                    .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero),
            )
        };
        let dscr = if debt_service.is_zero() {
            None
        } else {
            Some(div(add(surplus, interest, &f)?, debt_service, &f)?)
        };
        years.push(Year {
            year: y as u32 + 1,
            first_month: months[start].month,
            last_month: months[end - 1].month,
            income,
            grants,
            expenditure,
            surplus,
            interest,
            debt_service,
            closing_cash,
            net_cash: closing_cash,
            taxable_profit: Decimal::ZERO,
            tax: Decimal::ZERO,
            surplus_after_tax: surplus,
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
        months_negative: months
            .iter()
            .filter(|r| r.closing.is_sign_negative() && !r.closing.is_zero())
            .count() as u32,
        first_negative_month: months
            .iter()
            .find(|r| r.closing.is_sign_negative() && !r.closing.is_zero())
            .map(|r| r.month),
        operating_costs_monthly_avg: operating_avg,
        largest_commissioner_share: match largest {
            Some((_, v)) => percent_of(v, contract_income, &f)?,
            None => None,
        },
        largest_commissioner: largest.map(|(n, _)| n.clone()),
        contract_income_share: percent_of(contract_income, all_income, &f)?,
        receivable_at_horizon: e.receivable,
        tax_payable_at_horizon: Decimal::ZERO,
        payroll_payable_at_horizon: Decimal::ZERO,
        closing_cash: months[n - 1].closing,
        contract_income,
        contract_earned: e.by_contract.clone(),
    };
    Ok((years, summary))
}
