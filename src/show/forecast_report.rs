//! The forecast as JSON, CSV and a readable table: the shapes `mutual-plan forecast` prints.

use crate::forecast::scenarios::{Delta, ScenarioResult};
use crate::forecast::{BalanceSheet, Forecast, Summary, Year};
use crate::words::money;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write;

/// A decimal as a string with `dp` decimals, rounded half away from zero.
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r.to_string()
}

fn money_json(d: Decimal) -> Value {
    Value::String(fixed(d, 2))
}

fn opt(d: Option<Decimal>, dp: u32) -> Value {
    d.map_or(Value::Null, |d| Value::String(fixed(d, dp)))
}

fn month_json(m: Option<crate::model::values::Month>) -> Value {
    m.map_or(Value::Null, |m| Value::String(m.to_string()))
}

fn summary_json(s: &Summary) -> Value {
    json!({
        "lowest_cash": money_json(s.lowest_cash),
        "lowest_cash_month": s.lowest_cash_month.to_string(),
        "peak_funding_need": money_json(s.peak_funding_need),
        "months_negative": s.months_negative,
        "first_negative_month": month_json(s.first_negative_month),
        "lowest_headroom": money_json(s.lowest_headroom),
        "lowest_headroom_month": s.lowest_headroom_month.to_string(),
        "peak_facility_drawn": money_json(s.peak_facility_drawn),
        "peak_facility_drawn_month": month_json(s.peak_facility_drawn_month),
        "months_facility_drawn": s.months_facility_drawn,
        "facility_drawn_at_horizon": money_json(s.facility_drawn_at_horizon),
        "operating_costs_monthly_avg": money_json(s.operating_costs_monthly_avg),
        "largest_commissioner_share": opt(s.largest_commissioner_share, 1),
        "contract_income_share": opt(s.contract_income_share, 1),
        "receivable_at_horizon": money_json(s.receivable_at_horizon),
        "tax_payable_at_horizon": money_json(s.tax_payable_at_horizon),
        "payroll_payable_at_horizon": money_json(s.payroll_payable_at_horizon),
        "vat_payable_at_horizon": money_json(s.vat_payable_at_horizon),
        "interest_payable_at_horizon": money_json(s.interest_payable_at_horizon),
        "taxable_turnover_12m_max": money_json(s.taxable_turnover_12m_max),
        "taxable_turnover_12m_max_month": month_json(s.taxable_turnover_12m_max_month),
        "vat_threshold_month": month_json(s.vat_threshold_month),
        "vat_registration_due_month": month_json(s.vat_registration_due_month),
        "closing_cash": money_json(s.closing_cash),
    })
}

fn delta_json(d: &Delta) -> Value {
    json!({
        "lowest_cash": money_json(d.lowest_cash),
        "lowest_cash_month": d.lowest_cash_month,
        "peak_funding_need": money_json(d.peak_funding_need),
        "months_negative": d.months_negative,
        "first_negative_month": d.first_negative_month,
        "lowest_headroom": money_json(d.lowest_headroom),
        "lowest_headroom_month": d.lowest_headroom_month,
        "closing_cash": money_json(d.closing_cash),
    })
}

/// A year's figures under the keys of `docs/cashflow.md`; a kind of expenditure appears only
/// when it is not nil.
pub fn year_json(y: &Year) -> Value {
    let expenditure: Map<String, Value> = y
        .expenditure_by_kind
        .iter()
        .filter(|(_, v)| !v.is_zero())
        .map(|(k, v)| (k.to_string(), money_json(*v)))
        .collect();
    let sheet: Map<String, Value> = y
        .balance_sheet
        .rows()
        .iter()
        .map(|(k, v)| ((*k).to_string(), money_json(*v)))
        .collect();
    json!({
        "year": y.year,
        "months": y.months,
        "income": {
            "contracts": money_json(y.contract_income),
            "other": money_json(y.other_income),
        },
        "grants": money_json(y.grants),
        "expenditure": expenditure,
        "surplus": money_json(y.surplus),
        "tax": money_json(y.tax),
        "surplus_after_tax": money_json(y.surplus_after_tax),
        "closing_cash": money_json(y.closing_cash),
        "lowest_cash": money_json(y.lowest_cash),
        "lowest_headroom": money_json(y.lowest_headroom),
        "operating_costs": money_json(y.operating_costs),
        "operating_costs_monthly": money_json(y.operating_costs_monthly),
        "free_reserves": money_json(y.free_reserves),
        "free_reserves_months": opt(y.free_reserves_months, 1),
        "debt_service_cover": opt(y.debt_service_cover, 2),
        "balance_sheet": sheet,
    })
}

fn vat_year_json(v: &crate::forecast::VatYear) -> Value {
    json!({
        "end": v.end.to_string(),
        "months": v.months,
        "taxable_supplies": money_json(v.taxable_supplies),
        "exempt_supplies": money_json(v.exempt_supplies),
        "input_vat": money_json(v.input_vat),
        "exempt_input_vat": money_json(v.exempt_input_vat),
        "standard_method_percent": v.standard_method_percent.normalize().to_string(),
        "de_minimis": v.de_minimis,
        "recovery_percent": v.recovery_percent.normalize().to_string(),
    })
}

/// The JSON document: months, years, summary, VAT years and scenarios; money as strings with
/// two decimals.
pub fn to_json(f: &Forecast, scenarios: &[ScenarioResult]) -> Value {
    let months: Vec<Value> = f
        .months
        .iter()
        .map(|r| {
            let lines: Map<String, Value> = r
                .lines
                .iter()
                .map(|(k, v)| (k.to_string(), money_json(*v)))
                .collect();
            json!({
                "month": r.month.to_string(),
                "opening": money_json(r.opening),
                "receipts": money_json(r.receipts),
                "payments": money_json(r.payments),
                "closing": money_json(r.closing),
                "lines": lines,
                "facility_drawn": money_json(r.facility_drawn),
                "headroom": money_json(r.headroom),
            })
        })
        .collect();
    let years: Vec<Value> = f.years.iter().map(year_json).collect();
    let scenarios: Vec<Value> = scenarios
        .iter()
        .map(|s| {
            json!({
                "id": s.scenario.id,
                "title": s.scenario.title,
                "summary": summary_json(&s.forecast.summary),
                "delta": delta_json(&s.delta),
            })
        })
        .collect();
    let vat_years: Vec<Value> = f.vat_years.iter().map(vat_year_json).collect();
    json!({
        "months": months,
        "years": years,
        "summary": summary_json(&f.summary),
        "vat_years": vat_years,
        "scenarios": scenarios,
    })
}

/// The monthly table for spreadsheets: one row a month, one column per line, plain numbers.
pub fn to_csv(f: &Forecast) -> String {
    let keys: BTreeSet<_> = f
        .months
        .iter()
        .flat_map(|r| r.lines.iter().map(|(k, _)| k.clone()))
        .collect();
    let mut out = String::from("month,opening,receipts,payments,closing");
    for k in &keys {
        let _ = write!(out, ",{k}");
    }
    out.push('\n');
    for r in &f.months {
        let _ = write!(
            out,
            "{},{},{},{},{}",
            r.month,
            fixed(r.opening, 2),
            fixed(r.receipts, 2),
            fixed(r.payments, 2),
            fixed(r.closing, 2)
        );
        for k in &keys {
            let v = r
                .lines
                .iter()
                .find(|(lk, _)| lk == k)
                .map_or(Decimal::ZERO, |(_, v)| *v);
            let _ = write!(out, ",{}", fixed(v, 2));
        }
        out.push('\n');
    }
    out
}

/// A headline figure of the forecast, named by what it is: the Overview picks its figures by
/// this name, never by their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadlineFigure {
    LowestCash,
    PeakFundingNeed,
    MonthsNegative,
    FirstBelowZero,
    OperatingCostsMonthly,
    LowestHeadroom,
    FreeReservesYear1,
    FreeReservesYear2,
    LargestCommissionerShare,
    ContractIncomeShare,
    ReceivableAtHorizon,
    TaxPayableAtHorizon,
    PayrollPayableAtHorizon,
    VatPayableAtHorizon,
    InterestPayableAtHorizon,
    ClosingCash,
}

impl HeadlineFigure {
    /// Every headline figure, in the order the CLI, the PDF and the Forecast view list them.
    pub const ALL: [HeadlineFigure; 16] = [
        HeadlineFigure::LowestCash,
        HeadlineFigure::PeakFundingNeed,
        HeadlineFigure::MonthsNegative,
        HeadlineFigure::FirstBelowZero,
        HeadlineFigure::LowestHeadroom,
        HeadlineFigure::OperatingCostsMonthly,
        HeadlineFigure::FreeReservesYear1,
        HeadlineFigure::FreeReservesYear2,
        HeadlineFigure::LargestCommissionerShare,
        HeadlineFigure::ContractIncomeShare,
        HeadlineFigure::ReceivableAtHorizon,
        HeadlineFigure::TaxPayableAtHorizon,
        HeadlineFigure::PayrollPayableAtHorizon,
        HeadlineFigure::VatPayableAtHorizon,
        HeadlineFigure::InterestPayableAtHorizon,
        HeadlineFigure::ClosingCash,
    ];

    /// The figure's words: "Lowest cash".
    pub fn label(self) -> &'static str {
        match self {
            HeadlineFigure::LowestCash => "Lowest cash",
            HeadlineFigure::PeakFundingNeed => "Peak funding need",
            HeadlineFigure::MonthsNegative => "Months with negative cash",
            HeadlineFigure::FirstBelowZero => "Cash first below zero",
            HeadlineFigure::OperatingCostsMonthly => "Operating costs a month",
            HeadlineFigure::LowestHeadroom => "Lowest headroom (cash and undrawn overdraft)",
            HeadlineFigure::FreeReservesYear1 => "Free reserves at the end of year 1",
            HeadlineFigure::FreeReservesYear2 => "Free reserves at the end of year 2",
            HeadlineFigure::LargestCommissionerShare => "Largest commissioner's share",
            HeadlineFigure::ContractIncomeShare => "Contract income share",
            HeadlineFigure::ReceivableAtHorizon => "Receivable at the horizon",
            HeadlineFigure::TaxPayableAtHorizon => "Corporation tax payable at the horizon",
            HeadlineFigure::PayrollPayableAtHorizon => "Payroll costs payable at the horizon",
            HeadlineFigure::VatPayableAtHorizon => "VAT payable at the horizon",
            HeadlineFigure::InterestPayableAtHorizon => "Loan interest accrued at the horizon",
            HeadlineFigure::ClosingCash => "Closing cash",
        }
    }

    /// The figure's value in words, money written by `money` (`money::pence` or
    /// `money::pounds`).
    pub fn value(self, f: &Forecast, money: fn(Decimal) -> String) -> String {
        let s = &f.summary;
        let reserves = |y: usize| match f.years.get(y) {
            Some(y) => format!(
                "{} ({})",
                money(y.free_reserves),
                y.free_reserves_months
                    .map_or_else(|| "—".to_string(), crate::words::format::months)
            ),
            None => "—".to_string(),
        };
        match self {
            HeadlineFigure::LowestCash => format!(
                "{} in {}",
                money(s.lowest_cash),
                crate::words::format::month_long(s.lowest_cash_month)
            ),
            HeadlineFigure::PeakFundingNeed => money(s.peak_funding_need),
            HeadlineFigure::MonthsNegative => s.months_negative.to_string(),
            HeadlineFigure::FirstBelowZero => s
                .first_negative_month
                .map_or_else(|| "never".into(), crate::words::format::month_long),
            HeadlineFigure::OperatingCostsMonthly => money(s.operating_costs_monthly_avg),
            HeadlineFigure::LowestHeadroom => format!(
                "{} in {}",
                money(s.lowest_headroom),
                crate::words::format::month_long(s.lowest_headroom_month)
            ),
            HeadlineFigure::FreeReservesYear1 => reserves(0),
            HeadlineFigure::FreeReservesYear2 => reserves(1),
            HeadlineFigure::LargestCommissionerShare => {
                match (&s.largest_commissioner, s.largest_commissioner_share) {
                    (Some(who), Some(p)) => format!("{} ({who})", pct(Some(p))),
                    _ => "—".into(),
                }
            }
            HeadlineFigure::ContractIncomeShare => pct(s.contract_income_share),
            HeadlineFigure::ReceivableAtHorizon => money(s.receivable_at_horizon),
            HeadlineFigure::TaxPayableAtHorizon => money(s.tax_payable_at_horizon),
            HeadlineFigure::PayrollPayableAtHorizon => money(s.payroll_payable_at_horizon),
            HeadlineFigure::VatPayableAtHorizon => money(s.vat_payable_at_horizon),
            HeadlineFigure::InterestPayableAtHorizon => money(s.interest_payable_at_horizon),
            HeadlineFigure::ClosingCash => money(s.closing_cash),
        }
    }
}

/// The headline figures as label and value, worded once for the CLI, the PDF and the window;
/// money with pence (the PDF uses [`headline_figures_in`] with whole pounds).
pub fn headline_figures(f: &Forecast) -> Vec<(&'static str, String)> {
    headline_figures_in(f, money::pence)
}

/// The headline figures with money written by `money` (`money::pence` or `money::pounds`).
pub fn headline_figures_in(
    f: &Forecast,
    money: fn(Decimal) -> String,
) -> Vec<(&'static str, String)> {
    HeadlineFigure::ALL
        .iter()
        .map(|h| (h.label(), h.value(f, money)))
        .collect()
}

/// A row of the balance sheet as the PDF and the window lay it out: its words, and its figure from a year end's sheet in
/// pennies (creditors negative, so that every column adds up), or none for a heading.
pub struct SheetRow {
    pub label: &'static str,
    pub value: Option<fn(&BalanceSheet) -> Decimal>,
    /// Printed even when nil in every year: totals, cash, fixed assets, net assets and funds.
    pub always: bool,
}

const fn sheet_row(
    label: &'static str,
    value: fn(&BalanceSheet) -> Decimal,
    always: bool,
) -> SheetRow {
    SheetRow {
        label,
        value: Some(value),
        always,
    }
}

const fn sheet_heading(label: &'static str) -> SheetRow {
    SheetRow {
        label,
        value: None,
        always: true,
    }
}

/// The balance sheet's rows in the order accountants lay it out.
pub const SHEET_ROWS: [SheetRow; 23] = [
    sheet_row("Fixed assets", |b| b.fixed_assets, true),
    sheet_heading("Current assets"),
    sheet_row("Debtors and accrued income", |b| b.trade_debtors, false),
    sheet_row("VAT to be repaid", |b| b.vat_recoverable, false),
    sheet_row("Cash at bank", |b| b.cash, true),
    sheet_row("Total current assets", |b| b.current_assets(), true),
    sheet_heading("Creditors due within one year"),
    sheet_row(
        "Payroll \u{2014} tax, National Insurance and pensions not yet paid over",
        |b| -b.payroll_creditors,
        false,
    ),
    sheet_row("Corporation tax", |b| -b.corporation_tax_payable, false),
    sheet_row("VAT to pay", |b| -b.vat_payable, false),
    sheet_row("Loan interest accrued", |b| -b.interest_accrued, false),
    sheet_row("Overdraft", |b| -b.facility_drawn, false),
    sheet_row(
        "Loans due within one year",
        |b| -b.loans_within_one_year,
        false,
    ),
    sheet_row(
        "Cash shortfall not yet funded",
        |b| -b.cash_shortfall,
        false,
    ),
    sheet_row(
        "Total creditors due within one year",
        |b| -b.creditors_within_one_year(),
        true,
    ),
    sheet_row("Net current assets", |b| b.net_current_assets(), true),
    sheet_row(
        "Loans due after more than one year",
        |b| -b.loans_after_one_year,
        false,
    ),
    sheet_row("Net assets", |b| b.net_assets, true),
    sheet_heading("Funds"),
    sheet_row("Share capital", |b| b.share_capital, true),
    sheet_row("Opening funds", |b| b.opening_funds, true),
    sheet_row("Retained surplus", |b| b.retained_surplus, true),
    sheet_row("Total funds", |b| b.funds, true),
];

/// A row of the balance sheet by year end: its words, its figure at each year end in pennies
/// (creditors negative; `None` for a heading), and whether it is a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceSheetRow {
    pub label: &'static str,
    pub values: Vec<Option<Decimal>>,
    pub total: bool,
}

/// The balance sheet at each year end in the order accountants lay it out, leaving out a row
/// that is nil in every year unless it is a heading, a total, fixed assets, cash, net assets or
/// a fund.
pub fn balance_sheet_rows(years: &[Year]) -> Vec<BalanceSheetRow> {
    SHEET_ROWS
        .iter()
        .filter(|r| {
            r.always
                || r.value
                    .is_some_and(|v| years.iter().any(|y| !v(&y.balance_sheet).is_zero()))
        })
        .map(|r| BalanceSheetRow {
            label: r.label,
            values: years
                .iter()
                .map(|y| r.value.map(|v| v(&y.balance_sheet)))
                .collect(),
            total: r.label.starts_with("Total")
                || r.label == "Net current assets"
                || r.label == "Net assets",
        })
        .collect()
}

/// The free reserves definition printed under the year-end table.
pub const FREE_RESERVES_WORDS: &str = "Free reserves are what the organisation would have left if it collected everything owed to it and paid everything it owes, loans included, without selling its equipment or other fixed assets: its funds less its fixed assets (the Charity Commission's measure). In months, they are divided by that year's average monthly running costs: staff and recurring costs, not one-off or capital spending, depreciation, interest or tax.";

/// The debt service cover definition printed under the year-end table.
pub const DEBT_SERVICE_COVER_WORDS: &str = "Debt service cover is how many times the year's surplus from running the service (before interest, depreciation and one-off costs, less corporation tax paid) covers what is paid to lenders that year: that surplus divided by the interest and loan capital paid in the year. It is counted when income is earned and costs are incurred, not when cash moves, so late payment by commissioners does not change it. Lenders commonly look for at least 1.25 times; '—' means nothing was due to lenders that year.";

/// The identity under the balance sheet.
pub const BALANCE_SHEET_IDENTITY: &str = "Net assets equal total funds at every year end: the balance sheet, the cash flow and the income and expenditure account are drawn from the same figures.";

/// What rounding to pounds does to the balance sheet's totals.
pub const BALANCE_SHEET_ROUNDING: &str = "Each figure is rounded to the nearest pound, so a total may differ by a few pounds from the sum of the figures above it.";

/// What the income and expenditure account counts, as printed under its heading.
pub const INCOME_EXPENDITURE_NOTE: &str =
    "Income when it is earned and costs when they are incurred, whenever the cash moves (loan interest in the month it is for, depreciation instead of capital spending); pounds.";

/// The heading of a year's column in the income and expenditure account: "Year 1 to Mar 2028".
pub fn year_heading(y: &Year) -> String {
    format!(
        "Year {} to {}",
        y.year,
        crate::words::format::month_short(y.last_month)
    )
}

/// A row of the income and expenditure account: its label, one figure a year, whether it is a
/// total (printed bold), and whether it is a surplus, whose negative figures are deficits.
pub struct IncomeExpenditureRow {
    pub label: String,
    pub values: Vec<Decimal>,
    pub total: bool,
    pub surplus: bool,
}

/// The income and expenditure account by year as the PDF prints it: income by source, total
/// income, expenditure by kind (as positive costs), total expenditure, surplus before tax,
/// corporation tax and surplus after tax.
pub fn income_and_expenditure(years: &[Year]) -> Vec<IncomeExpenditureRow> {
    let row = |label: &str, total: bool, v: &dyn Fn(&Year) -> Decimal| IncomeExpenditureRow {
        label: label.to_string(),
        values: years.iter().map(v).collect(),
        total,
        surplus: false,
    };
    let mut rows = vec![
        row("Contract income", false, &|y| y.contract_income),
        row("Other income", false, &|y| y.other_income),
        row("Grants", false, &|y| y.grants),
        row("Total income", true, &|y| y.income + y.grants),
    ];
    let kinds: BTreeSet<_> = years
        .iter()
        .flat_map(|y| y.expenditure_by_kind.iter())
        .filter(|(_, v)| !v.is_zero())
        .map(|(k, _)| k.clone())
        .collect();
    for kind in &kinds {
        rows.push(row(kind.expenditure_kind(), false, &|y| {
            y.expenditure_by_kind
                .iter()
                .find(|(k, _)| k == kind)
                .map_or(Decimal::ZERO, |(_, v)| -*v)
        }));
    }
    rows.push(row("Total expenditure", true, &|y| -y.expenditure));
    rows.push(IncomeExpenditureRow {
        surplus: true,
        ..row("Surplus before tax", true, &|y| y.surplus)
    });
    rows.push(row("Corporation tax", false, &|y| -y.tax));
    rows.push(IncomeExpenditureRow {
        surplus: true,
        ..row("Surplus after tax", true, &|y| y.surplus_after_tax)
    });
    rows
}

fn pct(d: Option<Decimal>) -> String {
    d.map_or_else(|| "—".into(), crate::words::format::share)
}

/// A readable report: the monthly table, the years, the summary and the scenarios.
pub fn to_table(f: &Forecast, scenarios: &[ScenarioResult]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8} {:>16} {:>16} {:>16} {:>16}",
        "Month", "Opening", "Receipts", "Payments", "Closing"
    );
    for r in &f.months {
        let _ = writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>16} {:>16}",
            r.month.to_string(),
            money::pence(r.opening),
            money::pence(r.receipts),
            money::pence(r.payments),
            money::pence(r.closing)
        );
    }
    let _ = writeln!(
        out,
        "\n{:<6} {:>16} {:>14} {:>16} {:>16} {:>16} {:>10} {:>8}",
        "Year", "Surplus", "Tax", "After tax", "Closing cash", "Free reserves", "Reserves", "Cover"
    );
    for y in &f.years {
        let _ = writeln!(
            out,
            "{:<6} {:>16} {:>14} {:>16} {:>16} {:>16} {:>10} {:>8}",
            y.year,
            money::pence(y.surplus),
            money::pence(y.tax),
            money::pence(y.surplus_after_tax),
            money::pence(y.closing_cash),
            money::pence(y.free_reserves),
            y.free_reserves_months
                .map_or_else(|| "—".into(), |r| format!("{} mo", fixed(r, 1))),
            y.debt_service_cover
                .map_or_else(|| "—".into(), |d| format!("{}×", fixed(d, 2)))
        );
    }
    let sheet = balance_sheet_rows(&f.years);
    let _ = write!(out, "\n{:<44}", "Balance sheet at each year end");
    for y in &f.years {
        let _ = write!(out, " {:>16}", format!("Year {} end", y.year));
    }
    out.push('\n');
    for r in &sheet {
        let _ = write!(out, "{:<44}", r.label);
        for v in &r.values {
            let _ = write!(out, " {:>16}", v.map_or_else(String::new, money::pence));
        }
        out.push('\n');
    }
    out.push('\n');
    for (label, value) in headline_figures(f) {
        let _ = writeln!(out, "{:<30} {value}", format!("{label}:"));
    }
    if !scenarios.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<26} {:>16} {:>8} {:>16} {:>6} {:>9} {:>16} {:>16}",
            "Scenario",
            "Lowest cash",
            "Month",
            "Change",
            "Neg.",
            "First neg.",
            "Closing cash",
            "Change"
        );
        for r in scenarios {
            let s = &r.forecast.summary;
            let _ = writeln!(
                out,
                "{:<26} {:>16} {:>8} {:>16} {:>6} {:>9} {:>16} {:>16}",
                r.scenario.id,
                money::pence(s.lowest_cash),
                s.lowest_cash_month.to_string(),
                money::pence(r.delta.lowest_cash),
                s.months_negative,
                s.first_negative_month
                    .map_or_else(|| "—".into(), |m| m.to_string()),
                money::pence(s.closing_cash),
                money::pence(r.delta.closing_cash)
            );
        }
    }
    out
}
