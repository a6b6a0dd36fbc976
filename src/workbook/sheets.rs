//! The sheets: Summary, Inputs, Monthly, Yearly and Scenarios.

use super::inputs::{self, Refs};
use super::layout::{
    at, column, month_date, number, on, row_range, Formats, INPUTS, MONTHLY, SCENARIOS, SUMMARY,
    YEARLY,
};
use super::options::{ExportError, ExportOptions};
use crate::checks::analysis::Analysis;
use crate::forecast::scenarios::ScenarioResult;
use crate::forecast::{Forecast, LineKey};
use crate::model::plan::{CostCategory, CostFrequency, Plan};
use crate::model::plan_file::fingerprint;
use crate::show::forecast_report::{
    headline_figures, income_and_expenditure, year_heading, SHEET_ROWS,
};
use crate::show::forecast_view::{keys, line_label};
use crate::words::format;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Note, Workbook, Worksheet, XlsxError};
use std::collections::BTreeSet;

/// The first month's column on Monthly (after the key and the line's words).
const FIRST: u16 = 2;
/// The row of Monthly's headings, whose month cells every formula reads its month from.
const HEAD: u32 = 1;

/// Writes the workbook.
pub fn write(
    plan: &Plan,
    analysis: &Analysis,
    f: &Forecast,
    scenarios: &[ScenarioResult],
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let fm = Formats::new();
    let mut book = Workbook::new();
    let mut summary = Worksheet::new();
    summary.set_name(SUMMARY)?;
    let mut inputs_sheet = Worksheet::new();
    inputs_sheet.set_name(INPUTS)?;
    let refs = inputs::write(&mut inputs_sheet, plan, &fm)?;
    for c in 3..40 {
        inputs_sheet.set_column_width(c, 14)?;
    }
    let mut monthly = Worksheet::new();
    monthly.set_name(MONTHLY)?;
    // No stored result: a program that does not recalculate on opening (LibreOffice, by its
    // default for Excel files) then computes each formula rather than showing 0.
    monthly.set_formula_result_default("");
    let rows = Rows::plan(plan, f);
    write_monthly(&mut monthly, plan, f, &rows, &refs, &fm)?;
    let mut yearly = Worksheet::new();
    yearly.set_name(YEARLY)?;
    yearly.set_formula_result_default("");
    write_yearly(&mut yearly, f, &rows, &fm)?;
    write_summary(&mut summary, plan, analysis, f, options, &fm)?;
    let mut scen = Worksheet::new();
    scen.set_name(SCENARIOS)?;
    write_scenarios(&mut scen, f, scenarios, &fm)?;
    for ws in [summary, inputs_sheet, monthly, yearly, scen] {
        book.push_worksheet(ws);
    }
    // Created when the plan was saved, not now: the same plan gives the same bytes.
    let created = rust_xlsxwriter::ExcelDateTime::from_timestamp(plan.saved_at.unix())?;
    let props = rust_xlsxwriter::DocProperties::new()
        .set_creation_datetime(&created)
        .set_title(&plan.title)
        .set_company(&plan.organisation.name)
        .set_comment(format!(
            "Exported by Mutual Plan from the plan file with fingerprint {}",
            fingerprint(plan)
        ));
    book.set_properties(&props);
    Ok(book.save_to_buffer()?)
}

/// Where each line is on Monthly (rows from 0).
struct Rows {
    cash: Vec<(LineKey, u32)>,
    receipts: u32,
    payments: u32,
    net: u32,
    opening: u32,
    closing: u32,
    drawn: Option<u32>,
    headroom: Option<u32>,
    contracts: Vec<(String, u32)>,
    income: Vec<(String, u32)>,
    grants: Vec<(String, u32)>,
    total_income: u32,
    kinds: Vec<(LineKey, u32)>,
    total_expenditure: u32,
    surplus: u32,
    /// Staff lines' gross pay and employer pension.
    gross: Vec<(String, u32)>,
    pension: Vec<(String, u32)>,
    /// Cost lines that are not capital, and capital lines, with their categories.
    costs: Vec<(String, CostCategory, u32)>,
    capital: Vec<(String, CostCategory, u32)>,
    /// The section headings' rows.
    sections: [u32; 3],
}

impl Rows {
    fn plan(plan: &Plan, f: &Forecast) -> Self {
        let p = &plan.forecast;
        let mut next = HEAD + 2;
        let mut take = || {
            let r = next;
            next += 1;
            r
        };
        let cash_section = take();
        let cash = keys(plan, f).into_iter().map(|k| (k, take())).collect();
        let (receipts, payments, net, opening, closing) = (take(), take(), take(), take(), take());
        let (drawn, headroom) = if p.facilities.is_empty() {
            (None, None)
        } else {
            (Some(take()), Some(take()))
        };
        take();
        let ie_section = take();
        let contracts = p
            .contracts
            .iter()
            .map(|c| (c.id.to_string(), take()))
            .collect();
        let income = p
            .income
            .iter()
            .map(|c| (c.id.to_string(), take()))
            .collect();
        let grants = p
            .grants
            .iter()
            .map(|c| (c.id.to_string(), take()))
            .collect();
        let total_income = take();
        let kinds = f
            .expenditure_by_month
            .iter()
            .filter(|(_, v)| v.iter().any(|x| !x.is_zero()))
            .map(|(k, _)| (k.clone(), take()))
            .collect();
        let (total_expenditure, surplus) = (take(), take());
        take();
        let workings_section = take();
        let gross = p.staff.iter().map(|s| (s.id.to_string(), take())).collect();
        let pension = p.staff.iter().map(|s| (s.id.to_string(), take())).collect();
        let (capital_lines, cost_lines): (Vec<_>, Vec<_>) = p
            .costs
            .iter()
            .partition(|c| c.frequency == CostFrequency::Capital);
        let costs = cost_lines
            .iter()
            .map(|c| (c.id.to_string(), c.category, take()))
            .collect();
        let capital = capital_lines
            .iter()
            .map(|c| (c.id.to_string(), c.category, take()))
            .collect();
        Rows {
            cash,
            receipts,
            payments,
            net,
            opening,
            closing,
            drawn,
            headroom,
            contracts,
            income,
            grants,
            total_income,
            kinds,
            total_expenditure,
            surplus,
            gross,
            pension,
            costs,
            capital,
            sections: [cash_section, ie_section, workings_section],
        }
    }

    fn kind_row(&self, key: &LineKey) -> Option<u32> {
        self.kinds.iter().find(|(k, _)| k == key).map(|(_, r)| *r)
    }
}

/// Why a line is a value and not a formula: the rule the core applies (`docs/cashflow.md`).
fn rule(key: &LineKey) -> &'static str {
    use LineKey::*;
    match key {
        Contract(_) => "Received after the contract's payment terms: days ÷ 30 rounded up, in whole months after the month the service is given (a payment-by-results part invoiced its lag later); VAT as the contract's treatment. A value, not a formula: the timing is Mutual Plan's rule (docs/cashflow.md, Contracts). The income it is paid for is on this sheet's income and expenditure part, as a formula.",
        VatOutput => "VAT charged on standard-rated income, received with the income, while registered for VAT (docs/cashflow.md, VAT).",
        NetPay => "Gross pay less PAYE income tax, employee National Insurance and employee pension contributions, worked out per person by the tax year's bands (docs/cashflow.md, Payroll).",
        PayeIncomeTax | EmployeeNi | EmployeePension => "Deducted from pay per person by the tax year's bands and paid over the month after the pay month when payroll costs are paid the next month (docs/cashflow.md, Payroll).",
        EmployerNi => "Employer National Insurance per person above the secondary threshold (a line's headcount, or its FTE rounded up), less any Employment Allowance, which each tax year uses up in month order (docs/cashflow.md, Payroll).",
        EmployerPension => "Each staff line's employer pension (a formula on this sheet's workings), paid over in the month payroll costs are paid (docs/cashflow.md, Payroll).",
        ApprenticeshipLevy => "The Apprenticeship Levy: the tax year's cumulative charge on the pay bill less the allowance accrued to the month, never refunded within the year (docs/cashflow.md, Payroll).",
        VatInput => "VAT charged by suppliers on each cost line, by its VAT rate (docs/cashflow.md, VAT).",
        VatIrrecoverable => "VAT on costs that cannot be recovered, by the partial exemption method and its annual adjustment (docs/cashflow.md, VAT).",
        Depreciation => "Straight-line depreciation of each fixed asset from the month after it is bought, the last month whatever is left (docs/cashflow.md, Capital).",
        LoanInterest | LoanCapital => "The loan's schedule: interest on the balance each month, capital after any holiday by its repayment kind (docs/cashflow.md, Loans).",
        FacilityInterest | FacilityFees | Facility(_) => "The overdraft: drawn when cash would fall below zero, repaid when cash allows, interest on the drawn balance and the arrangement fee (docs/cashflow.md, Facilities).",
        CorporationTax => "Corporation tax on each year's taxable profit after losses brought forward, at the small profits or main rate with marginal relief, paid nine months and a day after the year ends (docs/cashflow.md, Corporation tax).",
        VatReturn => "Each VAT quarter's return by the plan's stagger: output VAT less recoverable input VAT, paid or repaid a month and seven days after the quarter (docs/cashflow.md, VAT).",
        _ => "A value from Mutual Plan's forecast (docs/cashflow.md).",
    }
}

fn note(text: &str) -> Note {
    Note::new(text).set_author("Mutual Plan").set_width(420)
}

/// Where a row's formula, made once, takes each column's month.
const MARK: &str = "\u{1}";

/// The month of column `col` as a formula reads it: `C$2`.
fn month_of(col: u16) -> String {
    format!("{}${}", column(col), HEAD + 1)
}

/// The months from a start to a month: `(YEAR(D)-YEAR(S))*12+MONTH(D)-MONTH(S)`.
fn months_since(d: &str, s: &str) -> String {
    format!("((YEAR({d})-YEAR({s}))*12+MONTH({d})-MONTH({s}))")
}

/// A line of a monthly, annual or one-off amount from `start` to `end`, growing by `growth`
/// on each anniversary of its start, rounded to pennies as the core rounds it.
fn schedule(refs: &Refs, list: &str, id: &str, growth: &str, d: &str) -> String {
    let r = |f: &str| refs.item(list, id, f);
    let (freq, amount, start, end) = (r("frequency"), r("amount"), r("start"), r("end"));
    let k = format!("INT({}/12)", months_since(d, &start));
    format!(
        "=IF({freq}=\"one_off\",IF({d}={start},{amount},0),IF(AND({d}>={start},OR(ISBLANK({end}),{d}<={end})),ROUND({amount}*(1+{g})^{k}/IF({freq}=\"annual\",12,1),2),0))",
        g = r(growth)
    )
}

/// An amount in one month: a grant, share capital, a loan drawn, a capital purchase.
fn once(refs: &Refs, list: &str, id: &str, month: &str, amount: &str, d: &str) -> String {
    format!(
        "=IF({d}={m},{a},0)",
        m = refs.item(list, id, month),
        a = refs.item(list, id, amount)
    )
}

/// A contract's income earned in a month: its value with indexation on each anniversary of its
/// start (and its renewal change after its end), a twelfth a month, the fixed and results parts
/// each rounded to pennies.
fn contract_earned(refs: &Refs, id: &str, d: &str) -> String {
    let r = |f: &str| refs.item("contracts", id, f);
    let (s, e) = (r("start"), r("end"));
    let v = format!(
        "{a}*(1+{i})^INT({m}/12)*IF({d}>{e},1+{rc},1)/12",
        a = r("annual_value"),
        i = r("indexation_percent"),
        m = months_since(d, &s),
        rc = r("renewal.value_change_percent"),
    );
    let (share, achieved) = (r("pbr.share_percent"), r("pbr.achievement_percent"));
    format!(
        "=IF(AND({d}>={s},OR({ren}=\"renewed\",{d}<={e})),ROUND({v}*(1-{share}),2)+ROUND({v}*{share}*{achieved},2),0)",
        ren = r("renewal.assumption"),
    )
}

/// A staff line's gross pay in a month: FTE × salary with the pay awards since the forecast
/// began, a twelfth, rounded to pennies.
fn gross_pay(refs: &Refs, id: &str, d: &str) -> String {
    let r = |f: &str| refs.item("staff", id, f);
    let (s, e) = (r("start"), r("end"));
    let (award, award_month, start) = (
        refs.field("pay_award_percent"),
        refs.field("pay_award_month"),
        refs.field("start"),
    );
    let n = format!(
        "(INT((YEAR({d})*12+MONTH({d})-{award_month})/12)-INT((YEAR({start})*12+MONTH({start})-{award_month})/12))"
    );
    format!(
        "=IF(AND({d}>={s},OR(ISBLANK({e}),{d}<={e})),ROUND({fte}*{sal}*(1+{award})^{n}/12,2),0)",
        fte = r("fte"),
        sal = r("annual_salary"),
    )
}

/// A SUM of some rows in one column, or 0 when there are none.
/// Rows next to each other are one range (`SUM(C61:C66)`), so a row inserted among them counts.
fn sum_of(rows: impl Iterator<Item = u32>, col: u16) -> String {
    let rows: Vec<u32> = rows.collect();
    match (rows.first(), rows.last()) {
        (None, _) | (_, None) => "0".into(),
        (Some(a), Some(b)) if rows.len() > 1 && rows.windows(2).all(|w| w[1] == w[0] + 1) => {
            format!("SUM({}:{})", at(*a, col), at(*b, col))
        }
        _ => format!(
            "SUM({})",
            rows.iter()
                .map(|r| at(*r, col))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// A contiguous block of rows in one column (`C5:C9`), or none.
fn block(rows: &[u32], col: u16) -> Option<String> {
    Some(format!(
        "{}:{}",
        at(*rows.first()?, col),
        at(*rows.last()?, col)
    ))
}

/// A row of formulas made from one template, each column reading its own month where the
/// template has [`MARK`].
fn monthly_formulas(
    ws: &mut Worksheet,
    row: u32,
    months: usize,
    template: &str,
    fm: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    for i in 0..months {
        let c = FIRST + i as u16;
        formula(ws, row, c, &template.replace(MARK, &month_of(c)), fm)?;
    }
    Ok(())
}

fn formula(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    fm: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    ws.write_formula_with_format(row, col, Formula::new(text), fm)?;
    Ok(())
}

fn label(ws: &mut Worksheet, row: u32, key: &str, words: &str) -> Result<(), XlsxError> {
    ws.write_string(row, 0, key)?;
    ws.write_string(row, 1, words)?;
    Ok(())
}

fn write_monthly(
    ws: &mut Worksheet,
    plan: &Plan,
    f: &Forecast,
    rows: &Rows,
    refs: &Refs,
    fm: &Formats,
) -> Result<(), XlsxError> {
    let p = &plan.forecast;
    let n = f.months.len();
    ws.write_string_with_format(
        0,
        0,
        "Monthly forecast: receipts positive, payments negative",
        &fm.title,
    )?;
    ws.insert_note(
        0,
        0,
        &note("Every line of the forecast by month. Totals, balances and the lines worked out from Inputs are formulas; a line made by one of Mutual Plan's rules is a value, with a note on its words naming the rule."),
    )?;
    ws.write_string_with_format(HEAD, 0, "Key", &fm.header)?;
    ws.write_string_with_format(HEAD, 1, "Line", &fm.header)?;
    for (i, m) in f.months.iter().enumerate() {
        ws.write_datetime_with_format(
            HEAD,
            FIRST + i as u16,
            month_date(m.month),
            &fm.header_month,
        )?;
    }
    let [cash_s, ie_s, work_s] = rows.sections;
    ws.write_string_with_format(
        cash_s,
        0,
        "Cash flow: what is received and paid in the month",
        &fm.section,
    )?;
    ws.write_string_with_format(
        ie_s,
        0,
        "Income and expenditure: what is earned or incurred in the month, whenever the cash moves",
        &fm.section,
    )?;
    ws.write_string_with_format(
        work_s,
        0,
        "Workings: each staff and cost line from Inputs",
        &fm.section,
    )?;

    let col = |i: usize| FIRST + i as u16;
    let value_row =
        |ws: &mut Worksheet, row: u32, v: &dyn Fn(usize) -> Decimal| -> Result<(), XlsxError> {
            for i in 0..n {
                ws.write_number_with_format(row, col(i), number(v(i)), &fm.money)?;
            }
            Ok(())
        };

    // Workings first: the lines the others refer to.
    for (id, row) in &rows.gross {
        let s = p.staff.iter().find(|s| s.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("gross_pay:{id}"),
            &format!("Gross pay: {}", s.map_or("", |s| s.role.as_str())),
        )?;
        monthly_formulas(ws, *row, n, &gross_pay(refs, id, MARK), &fm.money)?;
    }
    for ((id, row), (_, gross)) in rows.pension.iter().zip(&rows.gross) {
        let s = p.staff.iter().find(|s| s.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("employer_pension:{id}"),
            &format!("Employer pension: {}", s.map_or("", |s| s.role.as_str())),
        )?;
        let rate = refs.item("staff", id, "pension.employer_percent");
        for i in 0..n {
            formula(
                ws,
                *row,
                col(i),
                &format!("=ROUND({}*{rate},2)", at(*gross, col(i))),
                &fm.money,
            )?;
        }
    }
    for (id, _, row) in &rows.costs {
        let c = p.costs.iter().find(|c| c.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("cost_line:{id}"),
            c.map_or("", |c| c.name.as_str()),
        )?;
        monthly_formulas(
            ws,
            *row,
            n,
            &schedule(refs, "costs", id, "inflation_percent", MARK),
            &fm.money,
        )?;
    }
    for (id, _, row) in &rows.capital {
        let c = p.costs.iter().find(|c| c.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("capital_line:{id}"),
            &format!("Capital: {}", c.map_or("", |c| c.name.as_str())),
        )?;
        monthly_formulas(
            ws,
            *row,
            n,
            &once(refs, "costs", id, "start", "amount", MARK),
            &fm.money,
        )?;
    }

    // Income and expenditure.
    for (id, row) in &rows.contracts {
        let c = p.contracts.iter().find(|c| c.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("earned:contract:{id}"),
            c.map_or("", |c| c.service.as_str()),
        )?;
        monthly_formulas(ws, *row, n, &contract_earned(refs, id, MARK), &fm.money)?;
    }
    for (id, row) in &rows.income {
        let c = p.income.iter().find(|c| c.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("earned:income:{id}"),
            c.map_or("", |c| c.name.as_str()),
        )?;
        monthly_formulas(
            ws,
            *row,
            n,
            &schedule(refs, "income", id, "growth_percent", MARK),
            &fm.money,
        )?;
    }
    for (id, row) in &rows.grants {
        let g = p.grants.iter().find(|g| g.id.as_str() == id);
        label(
            ws,
            *row,
            &format!("earned:grant:{id}"),
            &format!("Grant: {}", g.map_or("", |g| g.funder.as_str())),
        )?;
        monthly_formulas(
            ws,
            *row,
            n,
            &once(refs, "grants", id, "month", "amount", MARK),
            &fm.money,
        )?;
    }
    let income_rows: Vec<u32> = rows
        .contracts
        .iter()
        .chain(&rows.income)
        .chain(&rows.grants)
        .map(|(_, r)| *r)
        .collect();
    label(ws, rows.total_income, "", "Total income")?;
    ws.set_cell_format(rows.total_income, 1, &fm.total_label)?;
    for i in 0..n {
        let text = block(&income_rows, col(i)).map_or("=0".into(), |b| format!("=SUM({b})"));
        formula(ws, rows.total_income, col(i), &text, &fm.money_total)?;
    }
    for (key, row) in &rows.kinds {
        label(ws, *row, &format!("incurred:{key}"), key.expenditure_kind())?;
        let made = match key {
            LineKey::Pay => Some(rows.gross.iter().map(|(_, r)| *r).collect::<Vec<_>>()),
            LineKey::EmployerPension => Some(rows.pension.iter().map(|(_, r)| *r).collect()),
            LineKey::Cost(cat) => Some(
                rows.costs
                    .iter()
                    .filter(|(_, c, _)| c == cat)
                    .map(|(_, _, r)| *r)
                    .collect(),
            ),
            _ => None,
        };
        match made {
            Some(from) => {
                for i in 0..n {
                    formula(
                        ws,
                        *row,
                        col(i),
                        &format!("={}", sum_of(from.iter().copied(), col(i))),
                        &fm.money,
                    )?;
                }
            }
            None => {
                let months = f
                    .expenditure_by_month
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_slice())
                    .unwrap_or_default();
                value_row(ws, *row, &|i| months.get(i).copied().unwrap_or_default())?;
                ws.insert_note(*row, 1, &note(rule(key)))?;
            }
        }
    }
    let kind_rows: Vec<u32> = rows.kinds.iter().map(|(_, r)| *r).collect();
    label(ws, rows.total_expenditure, "", "Total expenditure")?;
    label(ws, rows.surplus, "", "Surplus before tax")?;
    ws.set_cell_format(rows.total_expenditure, 1, &fm.total_label)?;
    ws.set_cell_format(rows.surplus, 1, &fm.total_label)?;
    for i in 0..n {
        let text = block(&kind_rows, col(i)).map_or("=0".into(), |b| format!("=SUM({b})"));
        formula(ws, rows.total_expenditure, col(i), &text, &fm.money_total)?;
        formula(
            ws,
            rows.surplus,
            col(i),
            &format!(
                "={}-{}",
                at(rows.total_income, col(i)),
                at(rows.total_expenditure, col(i))
            ),
            &fm.money_total,
        )?;
    }

    // The cash lines.
    for (key, row) in &rows.cash {
        label(ws, *row, &key.to_string(), &line_label(plan, key))?;
        let id = |list: &str, id: &crate::model::values::ItemId| (list.to_owned(), id.to_string());
        let made: Option<Box<dyn Fn(u16) -> String>> = match key {
            LineKey::Income(item) => rows
                .income
                .iter()
                .find(|(i, _)| *i == item.to_string())
                .map(|(_, r)| {
                    let r = *r;
                    Box::new(move |c: u16| format!("={}", at(r, c))) as Box<dyn Fn(u16) -> String>
                }),
            LineKey::Grant(item) => rows
                .grants
                .iter()
                .find(|(i, _)| *i == item.to_string())
                .map(|(_, r)| {
                    let r = *r;
                    Box::new(move |c: u16| format!("={}", at(r, c))) as Box<dyn Fn(u16) -> String>
                }),
            LineKey::Equity(item) => {
                let (list, item) = id("equity", item);
                let template = once(refs, &list, &item, "month", "amount", MARK);
                Some(Box::new(move |c: u16| template.replace(MARK, &month_of(c))))
            }
            LineKey::LoanDrawdown(item) => {
                let (list, item) = id("loans", item);
                let template = once(refs, &list, &item, "drawdown", "principal", MARK);
                Some(Box::new(move |c: u16| template.replace(MARK, &month_of(c))))
            }
            LineKey::Cost(_) => rows.kind_row(key).map(|r| {
                Box::new(move |c: u16| format!("=-{}", at(r, c))) as Box<dyn Fn(u16) -> String>
            }),
            LineKey::Capital(cat) => {
                let from: Vec<u32> = rows
                    .capital
                    .iter()
                    .filter(|(_, c, _)| c == cat)
                    .map(|(_, _, r)| *r)
                    .collect();
                Some(Box::new(move |c: u16| {
                    format!("=-{}", sum_of(from.iter().copied(), c))
                }))
            }
            _ => None,
        };
        match made {
            Some(text) => {
                for i in 0..n {
                    formula(ws, *row, col(i), &text(col(i)), &fm.money)?;
                }
            }
            None => {
                value_row(ws, *row, &|i| {
                    f.months[i]
                        .lines
                        .iter()
                        .find(|(k, _)| k == key)
                        .map_or(Decimal::ZERO, |(_, v)| *v)
                })?;
                ws.insert_note(*row, 1, &note(rule(key)))?;
            }
        }
    }
    let cash_rows: Vec<u32> = rows.cash.iter().map(|(_, r)| *r).collect();
    for (row, words) in [
        (rows.receipts, "Receipts"),
        (rows.payments, "Payments"),
        (rows.net, "Net cash flow"),
        (rows.opening, "Opening cash"),
        (rows.closing, "Closing cash"),
    ] {
        label(ws, row, "", words)?;
        ws.set_cell_format(row, 1, &fm.total_label)?;
    }
    for i in 0..n {
        let c = col(i);
        let (receipts, payments) = match block(&cash_rows, c) {
            Some(b) => (
                format!("=SUMIF({b},\">0\")"),
                format!("=-SUMIF({b},\"<0\")"),
            ),
            None => ("=0".into(), "=0".into()),
        };
        formula(ws, rows.receipts, c, &receipts, &fm.money_total)?;
        formula(ws, rows.payments, c, &payments, &fm.money)?;
        formula(
            ws,
            rows.net,
            c,
            &format!("={}-{}", at(rows.receipts, c), at(rows.payments, c)),
            &fm.money,
        )?;
        let opening = if i == 0 {
            format!("={}", refs.field("opening_cash"))
        } else {
            format!("={}", at(rows.closing, c - 1))
        };
        formula(ws, rows.opening, c, &opening, &fm.money)?;
        formula(
            ws,
            rows.closing,
            c,
            &format!("={}+{}", at(rows.opening, c), at(rows.net, c)),
            &fm.money_total,
        )?;
    }
    if let (Some(drawn), Some(headroom)) = (rows.drawn, rows.headroom) {
        label(ws, drawn, "", "Overdraft drawn")?;
        value_row(ws, drawn, &|i| f.months[i].facility_drawn)?;
        ws.insert_note(
            drawn,
            1,
            &note(
                "The overdrafts' drawn balance at the month's end (docs/cashflow.md, Facilities).",
            ),
        )?;
        label(ws, headroom, "", "Headroom")?;
        value_row(ws, headroom, &|i| f.months[i].headroom)?;
        ws.insert_note(headroom, 1, &note("Closing cash plus the undrawn limits of the overdrafts available at the month's end (docs/cashflow.md, Facilities)."))?;
    }

    ws.set_column_width(0, 27)?;
    ws.set_column_width(1, 34)?;
    for i in 0..n {
        ws.set_column_width(col(i), 13)?;
    }
    ws.set_freeze_panes(HEAD + 1, FIRST)?;
    ws.set_repeat_rows(0, HEAD)?;
    ws.set_repeat_columns(0, 1)?;
    // About six months to a page across, rather than two.
    ws.set_print_fit_to_pages(u16::try_from(n.div_ceil(6)).unwrap_or(1).max(1), 0);
    ws.set_landscape();
    ws.set_paper_size(9);
    Ok(())
}

/// The Monthly columns of forecast year `y` (from 0): its first and last.
fn year_columns(f: &Forecast, y: usize) -> (u16, u16) {
    let first = FIRST + (12 * y) as u16;
    let months = f.years[y].months as u16;
    (first, first + months - 1)
}

fn write_yearly(
    ws: &mut Worksheet,
    f: &Forecast,
    rows: &Rows,
    fm: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(
        0,
        0,
        "Yearly accounts and cash, as formulas over Monthly",
        &fm.title,
    )?;
    let head = 1;
    ws.write_string_with_format(head, 0, "", &fm.header)?;
    for (y, year) in f.years.iter().enumerate() {
        ws.write_string_with_format(head, 1 + y as u16, year_heading(year), &fm.header)?;
    }
    let ycol = |y: usize| 1 + y as u16;
    let mut row = head + 2;
    ws.write_string_with_format(row, 0, "Income and expenditure", &fm.section)?;
    row += 1;

    // The account's rows exactly as the PDF prints them.
    let account = income_and_expenditure(&f.years);
    let kinds: BTreeSet<LineKey> = f
        .years
        .iter()
        .flat_map(|y| y.expenditure_by_kind.iter())
        .filter(|(_, v)| !v.is_zero())
        .map(|(k, _)| k.clone())
        .collect();
    let kinds: Vec<LineKey> = kinds.into_iter().collect();
    let first_row = row;
    let row_of = |label: &str| -> Option<u32> {
        account
            .iter()
            .position(|r| r.label == label)
            .map(|i| first_row + i as u32)
    };
    let monthly_rect = |rs: &[u32], y: usize| -> Option<String> {
        let (a, b) = year_columns(f, y);
        Some(format!(
            "{MONTHLY}!{}:{}",
            at(*rs.first()?, a),
            at(*rs.last()?, b)
        ))
    };
    let ids = |v: &[(String, u32)]| v.iter().map(|(_, r)| *r).collect::<Vec<_>>();
    for (i, r) in account.iter().enumerate() {
        let this = first_row + i as u32;
        ws.write_string(this, 0, &r.label)?;
        if r.total {
            ws.set_cell_format(this, 0, &fm.total_label)?;
        }
        let format = if r.total { &fm.money_total } else { &fm.money };
        for y in 0..f.years.len() {
            let c = ycol(y);
            let sum_block = |rs: Vec<u32>| {
                monthly_rect(&rs, y).map_or("=0".to_string(), |rect| format!("=SUM({rect})"))
            };
            let cell = |label: &str| row_of(label).map_or("0".to_string(), |r| at(r, c));
            let text = match r.label.as_str() {
                "Contract income" => Some(sum_block(ids(&rows.contracts))),
                "Other income" => Some(sum_block(ids(&rows.income))),
                "Grants" => Some(sum_block(ids(&rows.grants))),
                "Total income" => Some(format!(
                    "={}+{}+{}",
                    cell("Contract income"),
                    cell("Other income"),
                    cell("Grants")
                )),
                "Total expenditure" => {
                    let first = first_row + 4;
                    Some(if kinds.is_empty() {
                        "=0".into()
                    } else {
                        format!(
                            "=SUM({}:{})",
                            at(first, c),
                            at(first + kinds.len() as u32 - 1, c)
                        )
                    })
                }
                "Surplus before tax" => Some(format!(
                    "={}+{}",
                    cell("Total income"),
                    cell("Total expenditure")
                )),
                "Corporation tax" => None,
                "Surplus after tax" => Some(format!(
                    "={}+{}",
                    cell("Surplus before tax"),
                    cell("Corporation tax")
                )),
                // The kinds of expenditure follow the four rows of income, in the same order.
                _ => i
                    .checked_sub(4)
                    .and_then(|k| kinds.get(k))
                    .filter(|k| k.expenditure_kind() == r.label)
                    .and_then(|k| rows.kind_row(k))
                    .map(|kr| {
                        let (a, b) = year_columns(f, y);
                        format!("=-SUM({})", row_range(MONTHLY, kr, a, b))
                    }),
            };
            match text {
                Some(t) => formula(ws, this, c, &t, format)?,
                None => {
                    ws.write_number_with_format(this, c, number(r.values[y]), format)?;
                }
            }
        }
        if r.label == "Corporation tax" {
            ws.insert_note(this, 0, &note(rule(&LineKey::CorporationTax)))?;
        }
    }
    row = first_row + account.len() as u32 + 1;

    // The balance sheet, every row of the PDF's in its order, creditors negative.
    ws.write_string_with_format(row, 0, "Balance sheet at the year end", &fm.section)?;
    row += 1;
    let sheet_first = row;
    let sheet_row = |label: &str| {
        SHEET_ROWS
            .iter()
            .position(|r| r.label == label)
            .map(|i| sheet_first + i as u32)
    };
    let surplus_after_tax = row_of("Surplus after tax");
    for (i, r) in SHEET_ROWS.iter().enumerate() {
        let this = sheet_first + i as u32;
        let Some(value) = r.value else {
            ws.write_string_with_format(this, 0, r.label, &fm.total_label)?;
            continue;
        };
        ws.write_string(this, 0, r.label)?;
        let total = r.label.starts_with("Total") || r.label.starts_with("Net ");
        if total {
            ws.set_cell_format(this, 0, &fm.total_label)?;
        }
        let format = if total { &fm.money_total } else { &fm.money };
        for (y, year) in f.years.iter().enumerate() {
            let c = ycol(y);
            let (_, last) = year_columns(f, y);
            let closing = on(MONTHLY, rows.closing, last);
            let cell = |label: &str| sheet_row(label).map_or("0".to_string(), |r| at(r, c));
            let text = match r.label {
                "Cash at bank" => Some(format!("=MAX({closing},0)")),
                "Cash shortfall not yet funded" => Some(format!("=-MAX(-{closing},0)")),
                "Total current assets" => Some(format!(
                    "={}+{}+{}",
                    cell("Debtors and accrued income"),
                    cell("VAT to be repaid"),
                    cell("Cash at bank")
                )),
                "Total creditors due within one year" => {
                    let first = sheet_row("Creditors due within one year").unwrap_or(0) + 1;
                    Some(format!("=SUM({}:{})", at(first, c), at(this - 1, c)))
                }
                "Net current assets" => Some(format!(
                    "={}+{}",
                    cell("Total current assets"),
                    cell("Total creditors due within one year")
                )),
                "Net assets" => Some(format!(
                    "={}+{}+{}",
                    cell("Fixed assets"),
                    cell("Net current assets"),
                    cell("Loans due after more than one year")
                )),
                "Share capital" => {
                    let equity: Vec<u32> = rows
                        .cash
                        .iter()
                        .filter(|(k, _)| matches!(k, LineKey::Equity(_)))
                        .map(|(_, r)| *r)
                        .collect();
                    Some(match (equity.first(), equity.last()) {
                        (Some(a), Some(b)) => {
                            format!("=SUM({MONTHLY}!{}:{})", at(*a, FIRST), at(*b, last))
                        }
                        _ => "=0".into(),
                    })
                }
                "Retained surplus" => surplus_after_tax.map(|s| {
                    if y == 0 {
                        format!("={}", at(s, c))
                    } else {
                        format!("={}+{}", at(this, c - 1), at(s, c))
                    }
                }),
                "Total funds" => Some(format!(
                    "={}+{}+{}",
                    cell("Share capital"),
                    cell("Opening funds"),
                    cell("Retained surplus")
                )),
                _ => None,
            };
            match text {
                Some(t) => formula(ws, this, c, &t, format)?,
                None => {
                    ws.write_number_with_format(
                        this,
                        c,
                        number(value(&year.balance_sheet)),
                        format,
                    )?;
                }
            }
        }
        if let Some(words) = sheet_rule(r.label) {
            ws.insert_note(this, 0, &note(words))?;
        }
    }
    row = sheet_first + SHEET_ROWS.len() as u32;
    ws.write_string(
        row,
        0,
        "Net assets less total funds (nil when the balance sheet balances)",
    )?;
    for y in 0..f.years.len() {
        let c = ycol(y);
        let (na, tf) = (
            sheet_row("Net assets").unwrap_or(0),
            sheet_row("Total funds").unwrap_or(0),
        );
        formula(
            ws,
            row,
            c,
            &format!("={}-{}", at(na, c), at(tf, c)),
            &fm.money,
        )?;
    }
    row += 2;

    ws.write_string_with_format(row, 0, "Cash by year", &fm.section)?;
    row += 1;
    let cash_first = row;
    for (i, words) in [
        "Opening cash",
        "Receipts",
        "Payments",
        "Net cash flow",
        "Closing cash",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(cash_first + i as u32, 0, *words)?;
    }
    for y in 0..f.years.len() {
        let c = ycol(y);
        let (a, b) = year_columns(f, y);
        let r = |i: u32| at(cash_first + i, c);
        formula(
            ws,
            cash_first,
            c,
            &format!("={}", on(MONTHLY, rows.opening, a)),
            &fm.money,
        )?;
        formula(
            ws,
            cash_first + 1,
            c,
            &format!("=SUM({})", row_range(MONTHLY, rows.receipts, a, b)),
            &fm.money,
        )?;
        formula(
            ws,
            cash_first + 2,
            c,
            &format!("=SUM({})", row_range(MONTHLY, rows.payments, a, b)),
            &fm.money,
        )?;
        formula(
            ws,
            cash_first + 3,
            c,
            &format!("={}-{}", r(1), r(2)),
            &fm.money,
        )?;
        formula(
            ws,
            cash_first + 4,
            c,
            &format!("={}+{}", r(0), r(3)),
            &fm.money_total,
        )?;
    }
    ws.set_column_width(0, 52)?;
    for y in 0..f.years.len() {
        ws.set_column_width(ycol(y), 18)?;
    }
    ws.set_freeze_panes(head + 1, 1)?;
    ws.set_repeat_rows(0, head)?;
    ws.set_repeat_columns(0, 0)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_landscape();
    ws.set_paper_size(9);
    Ok(())
}

/// Why a balance-sheet row is a value: the rule that makes it.
fn sheet_rule(label: &str) -> Option<&'static str> {
    Some(match label {
        "Fixed assets" => "Capital spending (with any VAT that cannot be recovered) less depreciation to date (docs/cashflow.md, Capital and Balance sheet).",
        "Debtors and accrued income" => "Income earned, with its output VAT, that has not yet been received: payment terms and results lags (docs/cashflow.md, Balance sheet).",
        "VAT to be repaid" | "VAT to pay" => "The VAT account at the year end: output VAT less recoverable input VAT not yet settled by a return (docs/cashflow.md, VAT).",
        "Payroll \u{2014} tax, National Insurance and pensions not yet paid over" => "Deductions and employer costs of the year's last month, paid over the month after (docs/cashflow.md, Payroll).",
        "Corporation tax" => "Corporation tax for years ended, not yet due to be paid (docs/cashflow.md, Corporation tax).",
        "Loan interest accrued" => "Loan interest for the last month, paid the month after (docs/cashflow.md, Loans).",
        "Overdraft" => "The overdrafts' drawn balance at the year end (docs/cashflow.md, Facilities).",
        "Loans due within one year" | "Loans due after more than one year" => "Loan capital still owed, split by the schedule into what falls due within twelve months and after (docs/cashflow.md, Loans).",
        "Opening funds" => "The opening cash less loans drawn before the forecast (docs/cashflow.md, Balance sheet).",
        _ => return None,
    })
}

fn write_summary(
    ws: &mut Worksheet,
    plan: &Plan,
    analysis: &Analysis,
    f: &Forecast,
    options: &ExportOptions,
    fm: &Formats,
) -> Result<(), XlsxError> {
    let print = fingerprint(plan);
    let source = if options.unsaved {
        format!("Unsaved changes: exported from the plan as it was being edited, which matches no saved file (its fingerprint would be {print}). Save the plan and export again for a workbook that a reviewer can tie to the file and the printed plan.")
    } else {
        format!("Exported from the plan file with this fingerprint ({print}). The printed plan and `mutual-plan show` give the same fingerprint for the same file; a changed plan has another.")
    };
    ws.write_string_with_format(0, 0, &plan.title, &fm.title)?;
    let r = &analysis.readiness;
    let facts: Vec<(&str, String)> = vec![
        ("Organisation", plan.organisation.name.clone()),
        ("Revision", plan.revision.to_string()),
        (
            "Saved",
            format!("{} by {}", format::moment(plan.saved_at), plan.saved_by),
        ),
        ("Fingerprint", print.clone()),
        ("Where these figures come from", source),
        (
            "Changing the figures",
            "The formula lines follow an edit on Inputs; the lines with a note (payment timing, payroll deductions, National Insurance, VAT, loans, tax) are Mutual Plan's figures and do not. To try a change, make it in Mutual Plan and export again.".to_owned(),
        ),
        (
            "Forecast",
            format!(
                "{} months from {}",
                f.months.len(),
                format::month_long(plan.forecast.start)
            ),
        ),
        (
            "Investment readiness",
            format!(
                "{} of {} ({})",
                r.score,
                r.max_score,
                crate::checks::verdict_words::headline(r.headline)
            ),
        ),
    ];
    let mut row = 2;
    for (k, v) in facts {
        ws.write_string_with_format(row, 0, k, &fm.total_label)?;
        ws.write_string_with_format(row, 1, v, &fm.wrap)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Headline figures", &fm.section)?;
    row += 1;
    for (k, v) in headline_figures(f) {
        ws.write_string(row, 0, k)?;
        ws.write_string(row, 1, v)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        "Inputs holds every input, Monthly every line by month, Yearly the accounts by year and Scenarios the stress tests. Totals and balances are formulas; a line worked out by a rule of Mutual Plan's is a value with a note naming the rule.",
        &fm.wrap,
    )?;
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 90)?;
    Ok(())
}

fn write_scenarios(
    ws: &mut Worksheet,
    base: &Forecast,
    results: &[ScenarioResult],
    fm: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(
        0,
        0,
        "Scenarios: the plan as it stands and under each stress test",
        &fm.title,
    )?;
    let headings = [
        "Scenario",
        "What changes",
        "Lowest cash",
        "Lowest cash in",
        "Peak funding need",
        "Months with negative cash",
        "Lowest headroom",
        "Closing cash",
        "Lowest cash against the plan",
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &fm.header)?;
    }
    let mut row = 2;
    let mut put =
        |id: &str, title: &str, f: &Forecast, change: Option<Decimal>| -> Result<(), XlsxError> {
            let s = &f.summary;
            ws.write_string(row, 0, id)?;
            ws.write_string_with_format(row, 1, title, &fm.wrap)?;
            ws.write_number_with_format(row, 2, number(s.lowest_cash), &fm.money)?;
            ws.write_datetime_with_format(row, 3, month_date(s.lowest_cash_month), &fm.month)?;
            ws.write_number_with_format(row, 4, number(s.peak_funding_need), &fm.money)?;
            ws.write_number(row, 5, f64::from(s.months_negative))?;
            ws.write_number_with_format(row, 6, number(s.lowest_headroom), &fm.money)?;
            ws.write_number_with_format(row, 7, number(s.closing_cash), &fm.money)?;
            if let Some(d) = change {
                ws.write_number_with_format(row, 8, number(d), &fm.money)?;
            }
            row += 1;
            Ok(())
        };
    put("base", "The plan as it stands", base, None)?;
    for r in results {
        put(
            r.scenario.id,
            r.scenario.title,
            &r.forecast,
            Some(r.delta.lowest_cash),
        )?;
    }
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 50)?;
    for c in 2..9 {
        ws.set_column_width(c, 16)?;
    }
    ws.set_freeze_panes(2, 1)?;
    Ok(())
}
