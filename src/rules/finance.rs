//! FIN: the forecast's own sanity.

use super::{Ctx, Finding, Rule, Severity};
use crate::forecast::ForecastError;
use crate::plan::Frequency;
use crate::values::Month;

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "FIN-01",
        title: "Lines fall inside the forecast in the right order",
        severity: "error",
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
                        "\"{name}\" ends ({end}) before it starts ({start}). Correct the dates."
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
        if month < f.start || month > last {
            out.push(r.finding(
                Severity::Error,
                format!("forecast.{list}[{id}].start"),
                format!("The one-off \"{name}\" falls in {month}, outside the forecast ({} to {last}), so it is left out of the cash flow. Move it inside, or remove it.", f.start),
            ));
        }
    };
    for l in f.income.iter().filter(|l| l.frequency == Frequency::OneOff) {
        outside("income", &l.id, &l.name, l.start);
    }
    for c in f.costs.iter().filter(|c| c.frequency == Frequency::OneOff) {
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
                format!("\"{}\" runs to {}, beyond the forecast's last month ({last}): what happens at renewal cannot be seen. Lengthen the forecast.", c.service, c.end),
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
