//! The accruals ledger kept beside the cash lines: what was earned or incurred each month (the
//! income and expenditure view), and what the balance sheet needs besides cash — debtors, VAT,
//! fixed assets, payroll and interest owed, loans — each as the lines are computed.

use super::arith::{add, sub, Field};
use super::error::ForecastError;
use super::lines::LineKey;
use crate::model::values::{ItemId, Month};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One month of a loan's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LoanMonth {
    pub month: Month,
    pub interest: Decimal,
    pub capital: Decimal,
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
}

pub(crate) fn sum(v: &[Decimal], f: &impl Field) -> Result<Decimal, ForecastError> {
    v.iter().try_fold(Decimal::ZERO, |a, x| add(a, *x, f))
}

/// `v` over months `first..end`, or zero when `v` is empty.
pub(crate) fn over(
    v: &[Decimal],
    first: usize,
    end: usize,
    f: &impl Field,
) -> Result<Decimal, ForecastError> {
    if v.is_empty() {
        return Ok(Decimal::ZERO);
    }
    sum(&v[first..end], f)
}

/// The income and expenditure of months `first..end`.
pub(crate) fn year_ie(e: &Ledger, first: usize, end: usize) -> Result<YearIe, ForecastError> {
    let f = || "forecast".to_string();
    let contract_income = over(&e.contract_income, first, end, &f)?;
    let other_income = over(&e.other_income, first, end, &f)?;
    let grants = over(&e.grants, first, end, &f)?;
    let mut by_kind = Vec::new();
    let mut expenditure = Decimal::ZERO;
    for (key, months) in e.kinds() {
        let v = over(months, first, end, &f)?;
        expenditure = add(expenditure, v, &f)?;
        by_kind.push((key.clone(), v));
    }
    let income = add(add(contract_income, other_income, &f)?, grants, &f)?;
    Ok(YearIe {
        first,
        end,
        contract_income,
        other_income,
        grants,
        by_kind,
        expenditure,
        surplus: sub(income, expenditure, &f)?,
    })
}

/// Where a cost line's VAT goes once its recoverable part is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VatTarget {
    /// A monthly or annual line (`recurring`) or a one-off line: irrecoverable VAT is expenditure.
    Revenue { recurring: bool },
    /// A capital line: irrecoverable VAT is part of the asset's cost.
    Capital { asset: usize },
}

/// The VAT a supplier charged on one cost line in one month.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VatPaid {
    pub i: usize,
    pub vat: Decimal,
    pub target: VatTarget,
}

/// A fixed asset bought in the forecast.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    pub bought: usize,
    pub net: Decimal,
    pub life: u32,
    /// Irrecoverable VAT, capitalised.
    pub vat: Decimal,
}

/// What was earned, incurred and owed month by month.
pub(crate) struct Ledger {
    pub len: usize,
    pub contract_income: Vec<Decimal>,
    pub by_commissioner: BTreeMap<String, Decimal>,
    pub by_contract: Vec<(ItemId, Decimal)>,
    /// The commissioner of the last contract in `by_contract`, until its total is added.
    commissioner_of_last: String,
    pub other_income: Vec<Decimal>,
    /// Each other-income line's earned income over the horizon, in the plan's order.
    pub by_income: Vec<(ItemId, Decimal)>,
    pub grants: Vec<Decimal>,
    /// Share capital received.
    pub equity: Vec<Decimal>,
    /// Expenditure by kind and month it belongs to. Looked up once per line with
    /// [`Ledger::kind`].
    kinds: BTreeMap<LineKey, usize>,
    expense: Vec<Vec<Decimal>>,
    /// Staff and recurring costs with the irrecoverable VAT on them: operating costs.
    pub operating: Vec<Decimal>,
    /// One-off costs and the irrecoverable VAT on them (for debt service cover).
    pub one_off: Vec<Decimal>,
    /// Loan interest and capital paid, and facility interest paid, by month paid.
    pub loan_interest_paid: Vec<Decimal>,
    pub loan_capital_paid: Vec<Decimal>,
    /// Loan interest for a month, paid in the next: owed at the month's end.
    pub interest_accrued: Vec<Decimal>,
    /// Loan capital still owed at the end of each month.
    pub loan_outstanding: Vec<Decimal>,
    /// Every loan's drawdown and schedule, for the part due within a year.
    pub loan_schedules: Vec<(Month, Vec<LoanMonth>)>,
    /// Capital and the month-0 interest owed at the start on loans drawn before the forecast.
    pub opening_loans: Decimal,
    /// Payroll deductions and employer costs of a month paid in the next month.
    pub payroll_owed: Vec<Decimal>,
    /// Debtors: income earned (and output VAT at its tax point) less what was received, by month.
    pub debtor_change: Vec<Decimal>,
    /// Output VAT by tax point; recoverable input VAT by month paid.
    pub output_vat: Vec<Decimal>,
    pub recoverable_vat: Vec<Decimal>,
    /// Net supplies by tax point: taxable (standard and zero-rated) and exempt.
    pub taxable_supplies: Vec<Decimal>,
    pub exempt_supplies: Vec<Decimal>,
    /// VAT paid on cost lines, to be split into recoverable and irrecoverable parts.
    pub vat_paid: Vec<VatPaid>,
    pub assets: Vec<Asset>,
    /// Fixed assets' cost less depreciation: added when bought, less each month's depreciation.
    pub fixed_change: Vec<Decimal>,
    pub receivable: Decimal,
    pub payroll_payable: Decimal,
    pub interest_payable: Decimal,
    pub tax_payable: Decimal,
}

pub(crate) fn bump(
    v: &mut [Decimal],
    i: usize,
    x: Decimal,
    field: &impl Field,
) -> Result<(), ForecastError> {
    v[i] = add(v[i], x, field)?;
    Ok(())
}

impl Ledger {
    pub fn new(len: usize) -> Self {
        let z = || vec![Decimal::ZERO; len];
        Ledger {
            len,
            contract_income: z(),
            by_commissioner: BTreeMap::new(),
            by_contract: Vec::new(),
            commissioner_of_last: String::new(),
            other_income: z(),
            by_income: Vec::new(),
            grants: z(),
            equity: z(),
            kinds: BTreeMap::new(),
            expense: Vec::new(),
            operating: z(),
            one_off: z(),
            loan_interest_paid: z(),
            loan_capital_paid: z(),
            interest_accrued: z(),
            loan_outstanding: z(),
            loan_schedules: Vec::new(),
            opening_loans: Decimal::ZERO,
            payroll_owed: z(),
            debtor_change: z(),
            output_vat: z(),
            recoverable_vat: z(),
            taxable_supplies: z(),
            exempt_supplies: z(),
            vat_paid: Vec::new(),
            assets: Vec::new(),
            fixed_change: z(),
            receivable: Decimal::ZERO,
            payroll_payable: Decimal::ZERO,
            interest_payable: Decimal::ZERO,
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
            _ => {
                // A new contract: the one before is complete, so its commissioner's total is
                // made once rather than a month at a time.
                self.close_contract(f)?;
                self.by_contract.push((id.clone(), x));
                self.commissioner_of_last = commissioner.trim().to_owned();
            }
        }
        bump(&mut self.contract_income, i, x, f)
    }

    /// Adds the last contract's earned income to its commissioner's total.
    pub fn close_contract(&mut self, f: &impl Field) -> Result<(), ForecastError> {
        if let Some((_, earned)) = self.by_contract.last() {
            let who = std::mem::take(&mut self.commissioner_of_last);
            let total = self.by_commissioner.entry(who).or_default();
            *total = add(*total, *earned, f)?;
        }
        Ok(())
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

    /// Expenditure of kind `row` belonging to month `i`; `operating` when it is a running cost.
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

    /// The kinds of expenditure, each with its months.
    pub fn kinds(&self) -> impl Iterator<Item = (&LineKey, &[Decimal])> {
        self.kinds
            .iter()
            .map(|(k, &row)| (k, self.expense[row].as_slice()))
    }

    /// Expenditure of kind `key`, month by month (empty when there is none).
    pub fn of_kind(&self, key: &LineKey) -> &[Decimal] {
        self.kinds
            .get(key)
            .map_or(&[][..], |&row| self.expense[row].as_slice())
    }

    /// Income earned in month `i` received in month `j` (after the horizon when `j ≥ len`).
    pub fn owed(
        &mut self,
        i: usize,
        j: usize,
        x: Decimal,
        f: &impl Field,
    ) -> Result<(), ForecastError> {
        if i >= self.len || j <= i {
            return Ok(());
        }
        bump(&mut self.debtor_change, i, x, f)?;
        if j < self.len {
            bump(&mut self.debtor_change, j, -x, f)
        } else {
            self.receivable = add(self.receivable, x, f)?;
            Ok(())
        }
    }
}
