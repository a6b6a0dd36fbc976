//! The grid of line items by month, and the keys that name each line.

use super::arith::{add, sub};
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
    /// Output VAT charged on income and received with it.
    VatOutput,
    /// Gross pay: the income and expenditure kind; its cash is net pay and the deductions.
    Pay,
    NetPay,
    PayeIncomeTax,
    EmployeeNi,
    EmployeePension,
    /// Employer National Insurance after any Employment Allowance.
    EmployerNi,
    EmployerPension,
    ApprenticeshipLevy,
    Cost(CostCategory),
    /// Capital spending, net of VAT.
    Capital(CostCategory),
    /// VAT paid to suppliers on every kind of cost line.
    VatInput,
    /// Irrecoverable VAT on revenue cost lines: an income and expenditure kind, not cash.
    VatIrrecoverable,
    /// Straight-line depreciation of fixed assets: an income and expenditure kind, not cash.
    Depreciation,
    LoanInterest,
    LoanCapital,
    FacilityInterest,
    FacilityFees,
    CorporationTax,
    /// A quarter's VAT return: a payment to HMRC (negative) or a repayment (positive).
    VatReturn,
    /// A facility's net movement: drawn (positive) or repaid (negative).
    Facility(ItemId),
}

impl LineKey {
    /// How a kind of expenditure in the income and expenditure view is written: "Employer pension",
    /// "Premises"; receipts are worded by their source elsewhere.
    pub fn expenditure_kind(&self) -> &'static str {
        use LineKey::*;
        match self {
            Pay => "Pay",
            NetPay => "Net pay",
            PayeIncomeTax => "PAYE income tax",
            EmployeeNi => "Employee National Insurance",
            EmployeePension => "Employee pension contributions",
            VatOutput => "VAT charged on income",
            VatInput => "VAT paid to suppliers",
            VatIrrecoverable => "VAT not recoverable (calculated)",
            Depreciation => "Depreciation",
            FacilityInterest => "Overdraft interest",
            FacilityFees => "Overdraft arrangement fees",
            VatReturn => "VAT returns",
            Facility(_) => "Overdraft drawn or repaid",
            Capital(c) => crate::words::labels::cost_category(*c),
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
                | LineKey::VatOutput
        )
    }

    /// Whether the line can be either a receipt or a payment (held signed, receipts positive).
    pub fn is_either(&self) -> bool {
        matches!(self, LineKey::VatReturn | LineKey::Facility(_))
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
            LineKey::VatOutput => f.write_str("vat_output"),
            LineKey::NetPay => f.write_str("net_pay"),
            LineKey::PayeIncomeTax => f.write_str("paye_income_tax"),
            LineKey::EmployeeNi => f.write_str("employee_ni"),
            LineKey::EmployeePension => f.write_str("employee_pension"),
            LineKey::VatInput => f.write_str("vat_input"),
            LineKey::VatIrrecoverable => f.write_str("vat_irrecoverable"),
            LineKey::Depreciation => f.write_str("depreciation"),
            LineKey::FacilityInterest => f.write_str("facility_interest"),
            LineKey::FacilityFees => f.write_str("facility_fees"),
            LineKey::VatReturn => f.write_str("vat_return"),
            LineKey::Facility(id) => write!(f, "facility:{id}"),
            LineKey::Capital(c) => write!(f, "capital:{}", category_key(*c)),
            LineKey::EmployerNi => f.write_str("employer_ni"),
            LineKey::EmployerPension => f.write_str("employer_pension"),
            LineKey::ApprenticeshipLevy => f.write_str("apprenticeship_levy"),
            LineKey::Cost(c) => write!(f, "cost:{}", category_key(*c)),
            LineKey::LoanInterest => f.write_str("loan_interest"),
            LineKey::LoanCapital => f.write_str("loan_capital"),
            LineKey::CorporationTax => f.write_str("corporation_tax"),
        }
    }
}

/// A cost category as the file writes it: `professional_fees`.
fn category_key(c: CostCategory) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Amounts by line and month: receipts and payments positive, a line of either sign signed
/// (receipts positive). Callers look a line up once with [`Grid::line`] and
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

    /// The net cash of every month over every line posted so far, line by line.
    pub fn nets(&self) -> Result<Vec<Decimal>, ForecastError> {
        let field = || "forecast.opening_cash".to_string();
        let mut nets = vec![Decimal::ZERO; self.horizon.len];
        for (key, &row) in &self.index {
            for (net, v) in nets.iter_mut().zip(&self.rows[row]) {
                if !v.is_zero() {
                    *net = add(*net, signed(key, *v), &field)?;
                }
            }
        }
        Ok(nets)
    }

    /// The amount of `key` in month `i` as posted (zero when it has none).
    pub fn get(&self, key: &LineKey, i: usize) -> Decimal {
        self.index
            .get(key)
            .map_or(Decimal::ZERO, |&row| self.rows[row][i])
    }

    /// The monthly rows, with running balances from `opening`, and each month's facility balance
    /// and headroom.
    pub fn rows(
        &self,
        opening: Decimal,
        drawn: &[Decimal],
        headroom: &[Decimal],
    ) -> Result<Vec<MonthRow>, ForecastError> {
        let field = || "forecast.opening_cash".to_string();
        let mut balance = opening;
        let mut out = Vec::with_capacity(self.horizon.len);
        for i in 0..self.horizon.len {
            let (mut receipts, mut payments) = (Decimal::ZERO, Decimal::ZERO);
            let mut lines = Vec::with_capacity(self.index.len());
            for (key, &row) in &self.index {
                let v = signed(key, self.rows[row][i]);
                if v.is_zero() {
                    continue;
                }
                if v > Decimal::ZERO {
                    receipts = add(receipts, v, &field)?;
                } else {
                    payments = sub(payments, v, &field)?;
                }
                lines.push((key.clone(), v));
            }
            let mut row = MonthRow {
                month: self.horizon.month(i),
                opening: balance,
                receipts,
                payments,
                closing: balance,
                lines,
                facility_drawn: drawn[i],
                headroom: headroom[i],
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
    /// The facilities' total drawn balance at the month's end.
    pub facility_drawn: Decimal,
    /// Closing cash plus the undrawn limits of the facilities available at the month's end.
    pub headroom: Decimal,
}

/// A posted amount as a cash movement: receipts positive, payments negative, a line of either
/// sign as it is held.
fn signed(key: &LineKey, v: Decimal) -> Decimal {
    if key.is_receipt() || key.is_either() {
        v
    } else {
        -v
    }
}

impl MonthRow {
    /// The month's net cash flow: receipts less payments (payments are held as positive
    /// amounts), so that `closing = opening + net`. The one definition the table, the PDF and
    /// the window all use.
    pub fn net(&self) -> Decimal {
        self.receipts - self.payments
    }
}
