//! FIN: the forecast's own sanity.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::{ForecastError, Year};
use crate::model::plan::{CostCategory, CostFrequency, Frequency};
use crate::model::values::Month;
use crate::words::format::{count, month_long};
use crate::words::money::{pence, pounds};
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
        severity: "warning",
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
    let mut outside = |list: &str, id: &dyn std::fmt::Display, name: &str, month: Month| {
        let path = format!("forecast.{list}[{id}].start");
        if month > last {
            out.push(r.finding(
                Severity::Error,
                path,
                format!("The one-off \"{name}\" falls in {}, after the forecast ends ({}), so it is left out of the cash flow. Move it inside, or remove it.", month_long(month), month_long(last)),
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
        outside("income", &l.id, &l.name, l.start);
    }
    for c in f
        .costs
        .iter()
        .filter(|c| c.frequency == CostFrequency::OneOff)
    {
        outside("costs", &c.id, &c.name, c.start);
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

fn fin_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let Ok(f) = ctx.forecast else {
        return vec![];
    };
    let s = &f.summary;
    if s.months_negative == 0 {
        return vec![];
    }
    // Whole pounds, unless that would read "£0" for cash that is below zero.
    let lowest = if s.lowest_cash > Decimal::new(-5, 1) {
        pence(s.lowest_cash)
    } else {
        pounds(s.lowest_cash)
    };
    vec![r.finding(
        Severity::Warning,
        "forecast",
        format!(
            "Cash falls below zero in {}, lowest {} in {}: arrange working capital (a loan, an overdraft, payment in advance from the commissioner, or a grant) and add it to the plan.",
            count(s.months_negative as usize, "month", "months"),
            lowest,
            month_long(s.lowest_cash_month)
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
