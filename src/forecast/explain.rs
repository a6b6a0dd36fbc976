//! "Where does this come from": the lines of the plan that make up one figure of the monthly
//! cash flow, each with the path of its row in the plan, so a reader can go from a figure to what
//! makes it and change it there.

use super::engine::forecast;
use super::error::ForecastError;
use super::lines::LineKey;
use crate::model::field_path::FieldPath;
use crate::model::plan::Plan;
use crate::model::values::Month;
use rust_decimal::Decimal;

/// One part of a figure: the plan's row that makes it, in words, and how much it contributes
/// (receipts positive, payments negative, as the monthly lines are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub path: FieldPath,
    pub words: String,
    pub amount: Decimal,
}

/// The value of line `key` in `month` of the plan's forecast (zero when it has none).
fn cell(plan: &Plan, month: Month, key: &LineKey) -> Result<Decimal, ForecastError> {
    let f = forecast(plan)?;
    Ok(f.months
        .iter()
        .find(|r| r.month == month)
        .and_then(|r| r.lines.iter().find(|(k, _)| k == key))
        .map_or(Decimal::ZERO, |(_, v)| *v))
}

/// The plan with only the staff line, cost line or loan at `index` of its list.
fn only(plan: &Plan, list: &str, index: usize) -> Plan {
    let mut p = plan.clone();
    let f = &mut p.forecast;
    match list {
        "staff" => f.staff = vec![f.staff[index].clone()],
        "costs" => f.costs = vec![f.costs[index].clone()],
        "facilities" => f.facilities = vec![f.facilities[index].clone()],
        _ => f.loans = vec![f.loans[index].clone()],
    }
    p
}

fn item(list: &str, id: &str) -> FieldPath {
    FieldPath::root().key("forecast").key(list).id(id)
}

fn setting(name: &str) -> FieldPath {
    FieldPath::root().key("forecast").key("settings").key(name)
}

/// What makes up line `key` in `month`: the plan's rows with their shares, which add up to the
/// figure exactly. Staff costs, cost lines and loans are computed line by line; the Employment
/// Allowance, the Apprenticeship Levy and corporation tax are charged on totals, so each is one
/// part of its own.
pub fn explain(
    plan: &Plan,
    month: Month,
    key: &LineKey,
) -> Result<Vec<Contribution>, ForecastError> {
    let total = cell(plan, month, key)?;
    let f = &plan.forecast;
    let single = |path: FieldPath, words: String| {
        Ok(vec![Contribution {
            path,
            words,
            amount: total,
        }])
    };
    let by_line = |list: &'static str,
                   ids: Vec<(usize, String, String)>,
                   adjust: &dyn Fn(&mut Plan)|
     -> Result<Vec<Contribution>, ForecastError> {
        let mut out = Vec::new();
        for (i, id, words) in ids {
            let mut p = only(plan, list, i);
            adjust(&mut p);
            let amount = cell(&p, month, key)?;
            if !amount.is_zero() {
                out.push(Contribution {
                    path: item(list, &id),
                    words,
                    amount,
                });
            }
        }
        Ok(out)
    };
    let staff = || {
        f.staff
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.id.to_string(), format!("Staff: {}", s.role)))
            .collect::<Vec<_>>()
    };
    match key {
        LineKey::Contract(id) => {
            let words = f.contracts.iter().find(|c| &c.id == id).map_or_else(
                || "Contract".into(),
                |c| format!("Contract: {} ({})", c.service, c.commissioner),
            );
            single(item("contracts", id.as_str()), words)
        }
        LineKey::Income(id) => single(item("income", id.as_str()), "Other income".into()),
        LineKey::Grant(id) => single(item("grants", id.as_str()), "Grant".into()),
        LineKey::Equity(id) => single(item("equity", id.as_str()), "Share capital".into()),
        LineKey::LoanDrawdown(id) => single(item("loans", id.as_str()), "Loan drawn".into()),
        LineKey::Pay
        | LineKey::NetPay
        | LineKey::PayeIncomeTax
        | LineKey::EmployeeNi
        | LineKey::EmployeePension
        | LineKey::EmployerPension => by_line("staff", staff(), &|_| {}),
        LineKey::EmployerNi => {
            // Each line's NI before the allowance; the allowance, on the total, is its own part.
            let mut out = by_line("staff", staff(), &|p| {
                p.forecast.settings.claim_employment_allowance = false
            })?;
            let before: Decimal = out.iter().map(|c| c.amount).sum();
            if before != total {
                out.push(Contribution {
                    path: setting("employment_allowance"),
                    words: "Less the Employment Allowance".into(),
                    amount: total - before,
                });
            }
            Ok(out)
        }
        LineKey::ApprenticeshipLevy => single(
            setting("apprenticeship_levy_percent"),
            "The Apprenticeship Levy on the whole pay bill".into(),
        ),
        LineKey::Cost(category) | LineKey::Capital(category) => {
            let capital = matches!(key, LineKey::Capital(_));
            let ids = f
                .costs
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.category == *category
                        && (c.frequency == crate::model::plan::CostFrequency::Capital) == capital
                })
                .map(|(i, c)| (i, c.id.to_string(), format!("Cost: {}", c.name)))
                .collect();
            by_line("costs", ids, &|_| {})
        }
        LineKey::LoanInterest | LineKey::LoanCapital => {
            let ids = f
                .loans
                .iter()
                .enumerate()
                .map(|(i, l)| (i, l.id.to_string(), format!("Loan: {}", l.lender)))
                .collect();
            by_line("loans", ids, &|_| {})
        }
        LineKey::VatInput | LineKey::VatIrrecoverable | LineKey::Depreciation => {
            let ids = f
                .costs
                .iter()
                .enumerate()
                .map(|(i, c)| (i, c.id.to_string(), format!("Cost: {}", c.name)))
                .collect();
            by_line("costs", ids, &|_| {})
        }
        LineKey::VatOutput | LineKey::VatReturn => single(
            setting("vat_registered"),
            "VAT charged on income and settled with HMRC each quarter".into(),
        ),
        LineKey::Facility(id) => single(item("facilities", id.as_str()), "Overdraft".into()),
        LineKey::FacilityInterest | LineKey::FacilityFees => {
            let ids = f
                .facilities
                .iter()
                .enumerate()
                .map(|(i, l)| (i, l.id.to_string(), format!("Overdraft: {}", l.lender)))
                .collect();
            by_line("facilities", ids, &|_| {})
        }
        LineKey::CorporationTax => single(
            setting("ct_main_rate_percent"),
            "Corporation tax on a year's surplus".into(),
        ),
    }
}
