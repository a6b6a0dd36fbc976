//! Income and expenditure by forecast year, the balance sheet at each year end, and the named
//! summary figures of `docs/cashflow.md`.

use super::arith::{add, div, sub, Exact, Field};
use super::cash::Cash;
use super::error::ForecastError;
use super::ledger::{over, sum, Ledger};
use super::lines::{Grid, LineKey, MonthRow};
use super::vat::{self, Turnover};
use crate::model::plan::{PayrollTiming, Plan};
use crate::model::values::{ItemId, Month};
use rust_decimal::{Decimal, RoundingStrategy};

/// The balance sheet at a year end (`docs/cashflow.md`, "Balance sheet"), in its order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BalanceSheet {
    pub fixed_assets: Decimal,
    pub trade_debtors: Decimal,
    pub vat_recoverable: Decimal,
    pub cash: Decimal,
    pub payroll_creditors: Decimal,
    pub corporation_tax_payable: Decimal,
    pub vat_payable: Decimal,
    pub interest_accrued: Decimal,
    pub facility_drawn: Decimal,
    pub loans_within_one_year: Decimal,
    pub cash_shortfall: Decimal,
    pub loans_after_one_year: Decimal,
    pub net_assets: Decimal,
    pub share_capital: Decimal,
    pub opening_funds: Decimal,
    pub retained_surplus: Decimal,
    pub funds: Decimal,
}

impl BalanceSheet {
    /// Every row with its JSON key, in the order of the table.
    pub fn rows(&self) -> [(&'static str, Decimal); 17] {
        [
            ("fixed_assets", self.fixed_assets),
            ("trade_debtors", self.trade_debtors),
            ("vat_recoverable", self.vat_recoverable),
            ("cash", self.cash),
            ("payroll_creditors", self.payroll_creditors),
            ("corporation_tax_payable", self.corporation_tax_payable),
            ("vat_payable", self.vat_payable),
            ("interest_accrued", self.interest_accrued),
            ("facility_drawn", self.facility_drawn),
            ("loans_within_one_year", self.loans_within_one_year),
            ("cash_shortfall", self.cash_shortfall),
            ("loans_after_one_year", self.loans_after_one_year),
            ("net_assets", self.net_assets),
            ("share_capital", self.share_capital),
            ("opening_funds", self.opening_funds),
            ("retained_surplus", self.retained_surplus),
            ("funds", self.funds),
        ]
    }

    /// Trade debtors, VAT recoverable and cash.
    pub fn current_assets(&self) -> Decimal {
        self.trade_debtors + self.vat_recoverable + self.cash
    }

    /// Creditors due within one year: payroll, corporation tax, VAT, interest, the facility,
    /// loans due within a year and any unfunded shortfall.
    pub fn creditors_within_one_year(&self) -> Decimal {
        self.payroll_creditors
            + self.corporation_tax_payable
            + self.vat_payable
            + self.interest_accrued
            + self.facility_drawn
            + self.loans_within_one_year
            + self.cash_shortfall
    }

    /// Current assets less creditors due within one year.
    pub fn net_current_assets(&self) -> Decimal {
        self.current_assets() - self.creditors_within_one_year()
    }

    /// Whether net assets equal total funds: the identity every year end must hold.
    pub fn balances(&self) -> bool {
        self.net_assets == self.funds
    }
}

/// One forecast year: 12-month blocks from the start (the last may be shorter).
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    /// 1 for the first twelve months.
    pub year: u32,
    pub first_month: Month,
    pub last_month: Month,
    /// Months in the year.
    pub months: u32,
    /// Contract income earned in the year.
    pub contract_income: Decimal,
    /// Other income earned in the year.
    pub other_income: Decimal,
    /// Contract and other income earned in the year.
    pub income: Decimal,
    pub grants: Decimal,
    /// Expenditure incurred, by kind (`pay`, `employer_ni`, …, `depreciation`, interest, fees).
    pub expenditure_by_kind: Vec<(LineKey, Decimal)>,
    /// Every kind of expenditure; not loan capital, capital spending or tax.
    pub expenditure: Decimal,
    /// Surplus (or deficit, negative) before tax.
    pub surplus: Decimal,
    /// Loan interest charged to the year (accrued).
    pub interest: Decimal,
    /// Loan interest and capital and facility interest paid in the year.
    pub debt_service: Decimal,
    /// The year's profit on which corporation tax is charged, after losses brought forward
    /// (zero for a charity, which pays none).
    pub taxable_profit: Decimal,
    /// Corporation tax for the year (an accounting period), whenever it is paid.
    pub tax: Decimal,
    /// `surplus − tax`.
    pub surplus_after_tax: Decimal,
    pub closing_cash: Decimal,
    /// The year's lowest closing cash and lowest headroom.
    pub lowest_cash: Decimal,
    pub lowest_headroom: Decimal,
    /// Pay, employer NI, employer pension, levy, recurring costs and their irrecoverable VAT.
    pub operating_costs: Decimal,
    /// `operating_costs ÷ months`, to full precision.
    pub operating_costs_monthly: Decimal,
    /// Total funds less fixed assets at the year end.
    pub free_reserves: Decimal,
    /// Free reserves over the year's own monthly operating costs, to 1 decimal; `None` with no
    /// operating costs.
    pub free_reserves_months: Option<Decimal>,
    /// The year's surplus from running the service, less tax paid, over what was paid to
    /// lenders, to 2 decimals; `None` with no debt service.
    pub debt_service_cover: Option<Decimal>,
    pub balance_sheet: BalanceSheet,
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
    pub lowest_headroom: Decimal,
    pub lowest_headroom_month: Month,
    pub peak_facility_drawn: Decimal,
    pub peak_facility_drawn_month: Option<Month>,
    pub months_facility_drawn: u32,
    pub facility_drawn_at_horizon: Decimal,
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
    /// Deductions and employer costs for months inside the horizon, paid after it.
    pub payroll_payable_at_horizon: Decimal,
    /// The VAT account at the horizon: negative when HMRC owes the organisation.
    pub vat_payable_at_horizon: Decimal,
    pub interest_payable_at_horizon: Decimal,
    pub taxable_turnover_12m_max: Decimal,
    pub taxable_turnover_12m_max_month: Option<Month>,
    pub vat_threshold_month: Option<Month>,
    pub vat_registration_due_month: Option<Month>,
    pub closing_cash: Decimal,
    /// Contract income earned over the horizon.
    pub contract_income: Decimal,
    /// Income earned over the horizon by each contract, in plan order.
    pub contract_earned: Vec<(ItemId, Decimal)>,
    /// Each other-income line's earned income over the horizon, in the plan's order.
    pub income_earned: Vec<(ItemId, Decimal)>,
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

fn is_negative(d: Decimal) -> bool {
    d.is_sign_negative() && !d.is_zero()
}

/// `num / den` exactly, rounded half away from zero to `dp` (1 or 2) decimals.
fn ratio(num: Exact, den: Exact, dp: u32, f: &impl Field) -> Result<Decimal, ForecastError> {
    let scale = Exact::int(if dp == 1 { 10 } else { 1 });
    let v = (num / den / scale.clone()).pennies(f)?;
    Ok((v * if dp == 1 { Decimal::TEN } else { Decimal::ONE })
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

/// The first index of the lowest value (ties: the first).
fn lowest(v: &[Decimal]) -> (usize, Decimal) {
    v.iter().enumerate().fold(
        (0, v[0]),
        |(bi, b), (i, &x)| if x < b { (i, x) } else { (bi, b) },
    )
}

/// The balance sheet at the end of month `t`.
fn balance_sheet(
    plan: &Plan,
    grid: &Grid,
    e: &Ledger,
    cash: &Cash,
    t: usize,
    retained: Decimal,
) -> BalanceSheet {
    let h = grid.horizon;
    let upto = |v: &[Decimal]| v[..=t].iter().sum::<Decimal>();
    let account = vat::account(grid, e, t);
    let closing = cash.closing[t];
    let m = h.month(t);
    let within: Decimal = e
        .loan_schedules
        .iter()
        .filter(|(drawn, _)| *drawn <= m)
        .flat_map(|(_, s)| s.iter())
        .filter(|lm| lm.month > m && m.months_until(lm.month) <= 12)
        .map(|lm| lm.capital)
        .sum();
    let tax_payable: Decimal = cash
        .years
        .iter()
        .filter(|(ie, t_)| ie.end - 1 <= t && t_.paid > t)
        .map(|(_, t_)| t_.tax)
        .sum();
    let mut b = BalanceSheet {
        fixed_assets: upto(&e.fixed_change),
        trade_debtors: upto(&e.debtor_change),
        vat_recoverable: (-account).max(Decimal::ZERO),
        cash: closing.max(Decimal::ZERO),
        payroll_creditors: match plan.forecast.settings.payroll_costs_paid {
            PayrollTiming::NextMonth => e.payroll_owed[t],
            PayrollTiming::SameMonth => Decimal::ZERO,
        },
        corporation_tax_payable: tax_payable,
        vat_payable: account.max(Decimal::ZERO),
        interest_accrued: e.interest_accrued[t],
        facility_drawn: cash.drawn[t],
        loans_within_one_year: within,
        cash_shortfall: (-closing).max(Decimal::ZERO),
        loans_after_one_year: e.loan_outstanding[t] - within,
        net_assets: Decimal::ZERO,
        share_capital: upto(&e.equity),
        opening_funds: plan.forecast.opening_cash.get() - e.opening_loans,
        retained_surplus: retained,
        funds: Decimal::ZERO,
    };
    b.net_assets = b.fixed_assets + b.current_assets()
        - b.creditors_within_one_year()
        - b.loans_after_one_year;
    b.funds = b.share_capital + b.opening_funds + b.retained_surplus;
    b
}

/// The months, years and summary, once the cash is known.
pub(super) fn summarise(
    plan: &Plan,
    grid: &Grid,
    e: &Ledger,
    cash: &Cash,
    turnover: Turnover,
) -> Result<(Vec<MonthRow>, Vec<Year>, Summary), ForecastError> {
    let f = || "forecast".to_string();
    let months = grid.rows(
        plan.forecast.opening_cash.get(),
        &cash.drawn,
        &cash.headroom,
    )?;
    let n = months.len();
    let closing: Vec<Decimal> = months.iter().map(|r| r.closing).collect();
    let (lowest_i, lowest_cash) = lowest(&closing);
    let (headroom_i, lowest_headroom) = lowest(&cash.headroom);
    let operating_avg = div(sum(&e.operating, &f)?, Decimal::from(n as u64), &f)?;
    let interest_paid = &e.loan_interest_paid;
    let facility_interest = e.of_kind(&LineKey::FacilityInterest);
    let tax_paid: Vec<Decimal> = (0..n)
        .map(|i| grid.get(&LineKey::CorporationTax, i))
        .collect();

    let mut years = Vec::with_capacity(cash.years.len());
    let mut retained = Decimal::ZERO;
    for (y, (ie, t)) in cash.years.iter().enumerate() {
        let (first, end, last) = (ie.first, ie.end, ie.end - 1);
        let count = (end - first) as u32;
        let surplus_after_tax = sub(ie.surplus, t.tax, &f)?;
        retained = add(retained, surplus_after_tax, &f)?;
        let sheet = balance_sheet(plan, grid, e, cash, last, retained);
        let operating_costs = over(&e.operating, first, end, &f)?;
        let kind = |k: LineKey| over(e.of_kind(&k), first, end, &f);
        let interest = kind(LineKey::LoanInterest)?;
        let free_reserves = sub(sheet.funds, sheet.fixed_assets, &f)?;
        let free_reserves_months = if operating_costs.is_zero() {
            None
        } else {
            Some(ratio(
                Exact::dec(free_reserves) * Exact::int(i64::from(count)),
                Exact::dec(operating_costs),
                1,
                &f,
            )?)
        };
        let service = over(interest_paid, first, end, &f)?
            + over(facility_interest, first, end, &f)?
            + over(&e.loan_capital_paid, first, end, &f)?;
        let earnings = ie.surplus
            + interest
            + kind(LineKey::FacilityInterest)?
            + kind(LineKey::FacilityFees)?
            + kind(LineKey::Depreciation)?
            + over(&e.one_off, first, end, &f)?
            - over(&tax_paid, first, end, &f)?;
        let debt_service_cover = if service.is_zero() {
            None
        } else {
            Some(ratio(Exact::dec(earnings), Exact::dec(service), 2, &f)?)
        };
        years.push(Year {
            year: y as u32 + 1,
            first_month: months[first].month,
            last_month: months[last].month,
            months: count,
            contract_income: ie.contract_income,
            other_income: ie.other_income,
            income: add(ie.contract_income, ie.other_income, &f)?,
            grants: ie.grants,
            expenditure_by_kind: ie.by_kind.clone(),
            expenditure: ie.expenditure,
            surplus: ie.surplus,
            interest,
            debt_service: service,
            taxable_profit: t.taxable,
            tax: t.tax,
            surplus_after_tax,
            closing_cash: closing[last],
            lowest_cash: lowest(&closing[first..end]).1,
            lowest_headroom: lowest(&cash.headroom[first..end]).1,
            operating_costs,
            operating_costs_monthly: div(operating_costs, Decimal::from(count), &f)?,
            free_reserves,
            free_reserves_months,
            debt_service_cover,
            balance_sheet: sheet,
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
    let (peak_i, peak) =
        cash.drawn
            .iter()
            .enumerate()
            .fold(
                (0, Decimal::ZERO),
                |(bi, b), (i, &x)| if x > b { (i, x) } else { (bi, b) },
            );
    let horizon_account = vat::account(grid, e, n - 1);
    let summary = Summary {
        lowest_cash,
        lowest_cash_month: months[lowest_i].month,
        peak_funding_need: (-lowest_cash).max(Decimal::ZERO),
        months_negative: closing.iter().filter(|c| is_negative(**c)).count() as u32,
        first_negative_month: months
            .iter()
            .find(|r| is_negative(r.closing))
            .map(|r| r.month),
        lowest_headroom,
        lowest_headroom_month: months[headroom_i].month,
        peak_facility_drawn: peak,
        peak_facility_drawn_month: (peak > Decimal::ZERO).then(|| months[peak_i].month),
        months_facility_drawn: cash.drawn.iter().filter(|d| **d > Decimal::ZERO).count() as u32,
        facility_drawn_at_horizon: cash.drawn[n - 1],
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
        vat_payable_at_horizon: horizon_account,
        interest_payable_at_horizon: e.interest_payable,
        taxable_turnover_12m_max: turnover.max_12m,
        taxable_turnover_12m_max_month: turnover.max_12m_month,
        vat_threshold_month: turnover.threshold_month,
        vat_registration_due_month: turnover.registration_due_month,
        closing_cash: closing[n - 1],
        contract_income,
        contract_earned: e.by_contract.clone(),
        income_earned: e.by_income.clone(),
    };
    Ok((months, years, summary))
}
