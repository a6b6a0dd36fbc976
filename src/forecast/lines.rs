//! The grid of line items by month, and the keys that name each line.

use super::arith::add;
use super::error::ForecastError;
use crate::model::plan::CostCategory;
use crate::model::values::{ItemId, Month};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt;

/// The months of a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Horizon {
    pub start: Month,
    pub len: usize,
}

impl Horizon {
    pub fn new(start: Month, len: usize) -> Self {
        Horizon { start, len }
    }
    /// The index of month `m`, if it falls inside the forecast.
    pub fn index(&self, m: Month) -> Option<usize> {
        self.offset(m)
            .and_then(|o| usize::try_from(o).ok())
            .filter(|&i| i < self.len)
    }
    /// Months from the start to `m` (negative before the start).
    pub fn offset(&self, m: Month) -> Option<i64> {
        Some(self.start.months_until(m))
    }
    /// The month indexes in which a line from `start` to `end` (open-ended: to the horizon) is
    /// active; empty when it misses the forecast.
    pub fn active(&self, start: Month, end: Option<Month>) -> std::ops::Range<usize> {
        let len = self.len as i64;
        let first = self.start.months_until(start).clamp(0, len);
        let last = end
            .map_or(len - 1, |e| self.start.months_until(e))
            .min(len - 1);
        first as usize..(last + 1).max(first) as usize
    }
    /// The month at index `i`.
    pub fn month(&self, i: usize) -> Month {
        // Reading guarantees start + months stays within the years a month may have.
        self.start.plus(i as i64).unwrap_or(self.start)
    }
}

/// What a line of the cash flow is: a receipt from one source, or a kind of payment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineKey {
    Contract(ItemId),
    Income(ItemId),
    Grant(ItemId),
    Equity(ItemId),
    LoanDrawdown(ItemId),
    Pay,
    /// Employer National Insurance after any Employment Allowance.
    EmployerNi,
    EmployerPension,
    ApprenticeshipLevy,
    Cost(CostCategory),
    LoanInterest,
    LoanCapital,
    CorporationTax,
}

impl LineKey {
    /// How a kind of expenditure in the income and expenditure view is written: "Employer pension",
    /// "Premises"; receipts are worded by their source elsewhere.
    pub fn expenditure_kind(&self) -> &'static str {
        use LineKey::*;
        match self {
            Pay => "Pay",
            EmployerNi => "Employer National Insurance",
            EmployerPension => "Employer pension",
            ApprenticeshipLevy => "Apprenticeship Levy",
            Cost(c) => crate::words::labels::cost_category(*c),
            LoanInterest => "Loan interest",
            LoanCapital => "Loan capital",
            CorporationTax => "Corporation tax",
            Contract(_) => "Contract income",
            Income(_) => "Other income",
            Grant(_) => "Grants",
            Equity(_) => "Share capital",
            LoanDrawdown(_) => "Loans drawn",
        }
    }
}

impl LineKey {
    /// Whether the line brings cash in.
    pub fn is_receipt(&self) -> bool {
        matches!(
            self,
            LineKey::Contract(_)
                | LineKey::Income(_)
                | LineKey::Grant(_)
                | LineKey::Equity(_)
                | LineKey::LoanDrawdown(_)
        )
    }
}

impl fmt::Display for LineKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineKey::Contract(id) => write!(f, "contract:{id}"),
            LineKey::Income(id) => write!(f, "income:{id}"),
            LineKey::Grant(id) => write!(f, "grant:{id}"),
            LineKey::Equity(id) => write!(f, "equity:{id}"),
            LineKey::LoanDrawdown(id) => write!(f, "loan:{id}"),
            LineKey::Pay => f.write_str("pay"),
            LineKey::EmployerNi => f.write_str("employer_ni"),
            LineKey::EmployerPension => f.write_str("employer_pension"),
            LineKey::ApprenticeshipLevy => f.write_str("apprenticeship_levy"),
            LineKey::Cost(c) => {
                let name = serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                write!(f, "cost:{name}")
            }
            LineKey::LoanInterest => f.write_str("loan_interest"),
            LineKey::LoanCapital => f.write_str("loan_capital"),
            LineKey::CorporationTax => f.write_str("corporation_tax"),
        }
    }
}

/// Amounts (all positive) by line and month. Callers look a line up once with [`Grid::line`] and
/// then add by its row number, so the monthly loop does no map lookups.
pub(crate) struct Grid {
    pub horizon: Horizon,
    index: BTreeMap<LineKey, usize>,
    rows: Vec<Vec<Decimal>>,
}

impl Grid {
    pub fn new(horizon: Horizon) -> Self {
        Grid {
            horizon,
            index: BTreeMap::new(),
            rows: Vec::new(),
        }
    }

    /// The row of `key`, made on first use.
    pub fn line(&mut self, key: LineKey) -> usize {
        let next = self.rows.len();
        let row = *self.index.entry(key).or_insert(next);
        if row == next {
            self.rows.push(vec![Decimal::ZERO; self.horizon.len]);
        }
        row
    }

    /// Adds `amount` to `row` in month index `i` (which must be inside the horizon).
    pub fn add(
        &mut self,
        row: usize,
        i: usize,
        amount: Decimal,
        field: &impl super::arith::Field,
    ) -> Result<(), ForecastError> {
        if !amount.is_zero() {
            let cell = &mut self.rows[row][i];
            *cell = add(*cell, amount, field)?;
        }
        Ok(())
    }

    /// The monthly rows, with running balances from `opening`.
    pub fn rows(&self, opening: Decimal) -> Result<Vec<MonthRow>, ForecastError> {
        let field = || "forecast.opening_cash".to_string();
        let mut balance = opening;
        let mut out = Vec::with_capacity(self.horizon.len);
        for i in 0..self.horizon.len {
            let (mut receipts, mut payments) = (Decimal::ZERO, Decimal::ZERO);
            let mut lines = Vec::new();
            for (key, &row) in &self.index {
                let v = self.rows[row][i];
                if v.is_zero() {
                    continue;
                }
                if key.is_receipt() {
                    receipts = add(receipts, v, &field)?;
                    lines.push((key.clone(), v));
                } else {
                    payments = add(payments, v, &field)?;
                    lines.push((key.clone(), -v));
                }
            }
            let mut row = MonthRow {
                month: self.horizon.month(i),
                opening: balance,
                receipts,
                payments,
                closing: balance,
                lines,
            };
            row.closing = add(balance, row.net(), &field)?;
            balance = row.closing;
            out.push(row);
        }
        Ok(out)
    }
}

/// One month of the forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthRow {
    pub month: Month,
    pub opening: Decimal,
    pub receipts: Decimal,
    pub payments: Decimal,
    pub closing: Decimal,
    /// Every non-zero line of the month: receipts positive, payments negative. They sum to
    /// `receipts − payments`, so each figure can be traced to what makes it.
    pub lines: Vec<(LineKey, Decimal)>,
}

impl MonthRow {
    /// The month's net cash flow: receipts less payments (payments are held as positive
    /// amounts), so that `closing = opening + net`. The one definition the table, the PDF and
    /// the window all use.
    pub fn net(&self) -> Decimal {
        self.receipts - self.payments
    }
}
