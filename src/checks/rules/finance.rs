//! FIN: the forecast's own sanity.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::{ForecastError, Year};
use crate::model::plan::{CostCategory, CostFrequency, Facility, Frequency};
use crate::model::values::Month;
use crate::words::format::{count, month_long};
use crate::words::money::pounds;
use rust_decimal::Decimal;

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "FIN-01",
        title: "Lines fall inside the forecast in the right order",
        severity: "error / info",
        source: "consistency",
        check: fin_01,
    },
    Rule {
        id: "FIN-02",
        title: "A loan's capital holiday is shorter than its term",
        severity: "error",
        source: "consistency",
        check: fin_02,
    },
    Rule {
        id: "FIN-03",
        title: "The figures can be calculated",
        severity: "error",
        source: "consistency",
        check: fin_03,
    },
    Rule {
        id: "FIN-04",
        title: "The forecast shows renewal risk",
        severity: "warning",
        source: "renewal risk must be visible in the forecast",
        check: fin_04,
    },
    Rule {
        id: "FIN-05",
        title: "The forecast has staff and contracts",
        severity: "warning",
        source: "consistency",
        check: fin_05,
    },
    Rule {
        id: "FIN-06",
        title: "Cash stays above zero",
        severity: "warning / info",
        source: "the forecast itself",
        check: fin_06,
    },
    Rule {
        id: "FIN-07",
        title: "Corporation tax by quarterly instalments",
        severity: "info",
        source: "Corporation Tax (Instalment Payments) Regulations 1998",
        check: fin_07,
    },
    Rule {
        id: "FIN-08",
        title: "Employers' liability insurance",
        severity: "warning",
        source: "Employers' Liability (Compulsory Insurance) Act 1969",
        check: fin_08,
    },
    Rule {
        id: "FIN-09",
        title: "Staff lines are linked to contracts in the plan",
        severity: "warning",
        source: "plan format: a contract id that names no contract is treated as none",
        check: fin_09,
    },
    Rule {
        id: "FIN-10",
        title: "VAT is not counted twice",
        severity: "warning",
        source: "the forecast's VAT",
        check: fin_10,
    },
];

fn fin_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = &ctx.plan.forecast;
    let last = f.start.plus(i64::from(f.months) - 1).unwrap_or(f.start);
    let mut out = Vec::new();
    let mut order =
        |list: &str, id: &dyn std::fmt::Display, name: &str, start: Month, end: Option<Month>| {
            if let Some(end) = end.filter(|e| *e < start) {
                out.push(r.finding(
                    Severity::Error,
                    format!("forecast.{list}[{id}].end"),
                    format!(
                        "\"{name}\" ends ({}) before it starts ({}). Correct the dates.",
                        month_long(end),
                        month_long(start)
                    ),
                ));
            }
        };
    for c in &f.contracts {
        order("contracts", &c.id, &c.service, c.start, Some(c.end));
    }
    for l in &f.income {
        order("income", &l.id, &l.name, l.start, l.end);
    }
    for s in &f.staff {
        order("staff", &s.id, &s.role, s.start, s.end);
    }
    for c in &f.costs {
        order("costs", &c.id, &c.name, c.start, c.end);
    }
    let mut outside = |list: &str,
                       id: &dyn std::fmt::Display,
                       name: &str,
                       month: Month,
                       capital: bool| {
        let path = format!("forecast.{list}[{id}].start");
        let what = if capital {
            "capital purchase"
        } else {
            "one-off"
        };
        if month > last {
            out.push(r.finding(
                Severity::Error,
                path,
                format!("The {what} \"{name}\" falls in {}, after the forecast ends ({}), so it is left out of the cash flow. Move it inside, or remove it.", month_long(month), month_long(last)),
            ));
        } else if month < f.start && capital {
            out.push(r.finding(
                Severity::Info,
                path,
                format!("\"{name}\" was bought before the forecast starts ({}), so it is not on the balance sheet and is not depreciated: the surplus and corporation tax are overstated by its depreciation.", month_long(f.start)),
            ));
        } else if month < f.start {
            out.push(r.finding(
                Severity::Info,
                path,
                format!("The one-off \"{name}\" falls in {}, before the forecast starts ({}): it is taken to be paid out of, or into, the opening cash, and is left out of the cash flow.", month_long(month), month_long(f.start)),
            ));
        }
    };
    for l in f.income.iter().filter(|l| l.frequency == Frequency::OneOff) {
        outside("income", &l.id, &l.name, l.start, false);
    }
    for c in f.costs.iter().filter(|c| c.frequency.is_once()) {
        let capital = c.frequency == CostFrequency::Capital;
        outside("costs", &c.id, &c.name, c.start, capital);
    }
    for l in f.facilities.iter() {
        if let Some(to) = l.to.filter(|to| *to <= l.from) {
            out.push(r.finding(
                Severity::Error,
                format!("forecast.facilities[{}].to", l.id),
                format!(
                    "The facility from {} must be repaid by the end of {}, which is not later than its first month ({}): it could never be drawn, yet its arrangement fee would be paid. Make its last month later than its first, or leave it open.",
                    l.lender,
                    month_long(to),
                    month_long(l.from)
                ),
            ));
        }
    }
    for l in &f.staff {
        let people = l.fte.get().ceil();
        let Some(headcount) = l.headcount.filter(|h| Decimal::from(*h) < people) else {
            continue;
        };
        out.push(r.finding(
            Severity::Error,
            format!("forecast.staff[{}].headcount", l.id),
            format!(
                "{}: {} cannot work {} FTE; enter at least {}.",
                l.role,
                count(headcount as usize, "person", "people"),
                l.fte,
                people.normalize()
            ),
        ));
    }
    out
}

fn fin_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    ctx.plan
        .forecast
        .loans
        .iter()
        .filter(|l| l.capital_holiday_months >= l.term_months)
        .map(|l| {
            r.finding(
                Severity::Error,
                format!("forecast.loans[{}].capital_holiday_months", l.id),
                format!("The loan from {} has a {}-month capital holiday but only a {}-month term. The forecast repays it all at the end; correct the holiday or the term.", l.lender, l.capital_holiday_months, l.term_months),
            )
        })
        .collect()
}

fn fin_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    match ctx.forecast {
        Err(e @ ForecastError::Overflow { .. }) => vec![r.finding(
            Severity::Error,
            e.path(),
            format!("{e}. The forecast cannot be shown until it is corrected."),
        )],
        Ok(_) => vec![],
    }
}

fn fin_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = &ctx.plan.forecast;
    let last = f.start.plus(i64::from(f.months) - 1).unwrap_or(f.start);
    let mut out: Vec<Finding> = f
        .contracts
        .iter()
        .filter(|c| c.end > last)
        .map(|c| {
            r.finding(
                Severity::Warning,
                format!("forecast.contracts[{}].end", c.id),
                format!("\"{}\" runs to {}, beyond the forecast's last month ({}): what happens at renewal cannot be seen. Lengthen the forecast.", c.service, month_long(c.end), month_long(last)),
            )
        })
        .collect();
    let longest = f
        .contracts
        .iter()
        .map(|c| c.start.months_until(c.end) + 1)
        .max()
        .unwrap_or(0);
    if out.is_empty() && longest > 0 && i64::from(f.months) < longest + 12 {
        out.push(r.finding(
            Severity::Warning,
            "forecast.months",
            format!("The forecast covers {} months, less than the longest contract ({longest} months) plus a year: renewal risk cannot be seen. Lengthen it to at least {} months.", f.months, longest + 12),
        ));
    }
    out
}

fn fin_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = &ctx.plan.forecast;
    let mut out = Vec::new();
    if f.staff.is_empty() {
        out.push(r.finding(
            Severity::Warning,
            "forecast.staff",
            "The forecast has no staff lines: add the staff who will transfer or be hired.",
        ));
    }
    if f.contracts.is_empty() {
        out.push(r.finding(
            Severity::Warning,
            "forecast.contracts",
            "The forecast has no contracts: add the contracts that will pay for the services.",
        ));
    }
    out
}

/// Money compared with zero: whole pounds, unless that would read "£0" for an amount that is
/// not nil.
fn against_zero(d: Decimal) -> String {
    super::tax::against(d, Decimal::ZERO)
}

/// Whether a facility may be drawn in month `m`: from its first month, until the month at
/// whose end it must be repaid.
fn available(l: &Facility, m: Month) -> bool {
    l.from <= m && l.to.is_none_or(|to| m < to)
}

fn fin_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let Ok(f) = ctx.forecast else {
        return vec![];
    };
    let s = &f.summary;
    if s.lowest_cash < Decimal::ZERO {
        let facilities = &ctx.plan.forecast.facilities;
        let covered = facilities.iter().any(|l| available(l, s.lowest_cash_month));
        let message = match (covered, s.first_negative_month) {
            (true, Some(first)) => format!(
                "Cash runs out even with the working-capital facilities fully drawn, in {} of the forecast's months, first in {}: at the lowest, {} more is needed in {}. Enlarge the facilities or arrange other working capital, and add it to the plan.",
                s.months_negative,
                month_long(first),
                against_zero(s.peak_funding_need),
                month_long(s.lowest_cash_month)
            ),
            _ => format!(
                "Cash falls below zero in {}, lowest {} in {}: arrange working capital (a loan, an overdraft, payment in advance from the commissioner, or a grant) and add it to the plan.",
                count(s.months_negative as usize, "month", "months"),
                against_zero(s.lowest_cash),
                month_long(s.lowest_cash_month)
            ),
        };
        return vec![r.finding(Severity::Warning, "forecast", message)];
    }
    if s.months_facility_drawn == 0 {
        return vec![];
    }
    let peak = match s.peak_facility_drawn_month {
        Some(m) => format!(
            "at most {} in {}",
            against_zero(s.peak_facility_drawn),
            month_long(m)
        ),
        None => format!("at most {}", against_zero(s.peak_facility_drawn)),
    };
    let still = if s.facility_drawn_at_horizon > Decimal::ZERO {
        format!(
            ", and {} is still drawn at the end of the forecast",
            against_zero(s.facility_drawn_at_horizon)
        )
    } else {
        String::new()
    };
    vec![r.finding(
        Severity::Info,
        "forecast.facilities",
        format!(
            "The plan draws on its working-capital facilities in {}, {peak}{still}. Have the facilities agreed in writing before transfer: an overdraft is usually repayable on demand and reviewed each year.",
            count(s.months_facility_drawn as usize, "month", "months"),
        ),
    )]
}

fn fin_07(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let Ok(f) = ctx.forecast else {
        return vec![];
    };
    if ctx.plan.organisation.is_charity() {
        return vec![];
    }
    let limit = ctx.policy.quarterly_instalments_profit.get();
    let large: Vec<&Year> = f
        .years
        .iter()
        .filter(|y| y.taxable_profit > limit)
        .collect();
    let Some(first) = large.first() else {
        return vec![];
    };
    let more = match large.len() {
        1 => String::new(),
        n => format!(" (and in {} more)", count(n - 1, "year", "years")),
    };
    vec![r.finding(
        Severity::Info,
        "forecast",
        format!(
            "In year {} ({} to {}) the forecast's taxable profit is {}, over {}{more}. Large companies pay corporation tax in quarterly instalments (not in the first year profits exceed the limit, and the limit is divided between associated companies); the forecast pays it 9 months after the year end, later than HMRC may collect it.",
            first.year,
            month_long(first.first_month),
            month_long(first.last_month),
            pounds(first.taxable_profit),
            pounds(limit)
        ),
    )]
}

fn fin_08(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = &ctx.plan.forecast;
    if f.staff.is_empty()
        || f.costs
            .iter()
            .any(|c| c.category == CostCategory::Insurance)
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Warning,
        "forecast.costs",
        "The forecast has staff but no insurance cost: employers' liability insurance is compulsory. Add it as a cost line in the insurance category (with professional indemnity, and clinical negligence cover for health services).",
    )]
}

fn fin_09(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = &ctx.plan.forecast;
    f.staff
        .iter()
        .filter_map(|l| {
            let linked = l.contract.as_ref()?;
            if f.contracts.iter().any(|c| c.id == *linked) {
                return None;
            }
            Some(r.finding(
                Severity::Warning,
                format!("forecast.staff[{}].contract", l.id),
                format!(
                    "{} is linked to contract \"{linked}\", which is not in the plan, so the link is ignored and stress scenario S1 keeps the line on full pay. Link it to one of the contracts, or clear it.",
                    l.role
                ),
            ))
        })
        .collect()
}

fn fin_10(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let costs = &ctx.plan.forecast.costs;
    costs
        .iter()
        .filter(|c| c.category == CostCategory::IrrecoverableVat)
        .filter_map(|vat_line| {
            let with_vat: Vec<String> = costs
                .iter()
                .filter(|c| c.id != vat_line.id && c.vat_percent.get() > Decimal::ZERO)
                .map(|c| format!("\"{}\"", c.name))
                .collect();
            if with_vat.is_empty() {
                return None;
            }
            let lines = match with_vat.len() {
                1 => "1 cost line also adds VAT to what it pays".to_string(),
                n => format!("{n} cost lines also add VAT to what they pay"),
            };
            Some(r.finding(
                Severity::Warning,
                format!("forecast.costs[{}]", vat_line.id),
                format!(
                    "VAT may be counted twice: \"{}\" adds VAT as a cost, and {lines} ({}), which the forecast already charges as irrecoverable where it cannot be recovered. Remove the separate VAT line, or set those lines' VAT to 0.",
                    vat_line.name,
                    super::tax::and_list(&with_vat)
                ),
            ))
        })
        .collect()
}
