//! EMP: the Employment Allowance, pensions and TUPE.

use super::{pc, Ctx, Finding, Rule, Severity};
use crate::forecast::employment_allowance_eligible;
use crate::plan::PensionScheme;
use crate::values::Date;

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "EMP-01",
        title: "The Employment Allowance can be claimed",
        severity: "error",
        source: "HMRC NIM06530",
        check: emp_01,
    },
    Rule {
        id: "EMP-02",
        title: "Local Government Pension Scheme admission",
        severity: "warning",
        source: "LGPS administering authorities' guidance",
        check: emp_02,
    },
    Rule {
        id: "EMP-03",
        title: "The NHS Pension Scheme employer rate",
        severity: "warning",
        source: "NHSBSA 2024/25 rates",
        check: emp_03,
    },
    Rule {
        id: "EMP-04",
        title: "Staff transferring under TUPE",
        severity: "info",
        source: "TUPE 2006 as amended 2014",
        check: emp_04,
    },
];

fn emp_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if !ctx.plan.forecast.settings.claim_employment_allowance
        || employment_allowance_eligible(ctx.plan)
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "forecast.settings.claim_employment_allowance",
        format!(
            "The plan claims the Employment Allowance, but {} of the organisation's work is functions of a public nature and it is not a charity: HMRC does not allow the claim. The forecast leaves the allowance out; untick the claim.",
            pc(ctx.plan.organisation.public_functions_percent.get())
        ),
    )]
}

fn emp_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    ctx.plan
        .forecast
        .staff
        .iter()
        .filter(|s| s.pension.scheme == PensionScheme::Lgps)
        .map(|s| {
            r.finding(
                Severity::Warning,
                format!("forecast.staff[{}].pension", s.id),
                format!("\"{}\" stay in the Local Government Pension Scheme: admitted-body status needs an admission agreement, an actuarial valuation and possibly a bond; the fund sets the employer rate, and a cessation debt falls due on exit.", s.role),
            )
        })
        .collect()
}

fn emp_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let expected = ctx.policy.nhs_pension_expected_percent.get();
    ctx.plan
        .forecast
        .staff
        .iter()
        .filter(|s| s.pension.scheme == PensionScheme::Nhs && s.pension.employer_percent.get() < expected)
        .map(|s| {
            r.finding(
                Severity::Warning,
                format!("forecast.staff[{}].pension.employer_percent", s.id),
                format!(
                    "\"{}\" are costed at {} employer pension, below the full NHS rate of {}: confirm with NHSBSA whether the central 9.4% is paid for your organisation.",
                    s.role,
                    pc(s.pension.employer_percent.get()),
                    pc(expected)
                ),
            )
        })
        .collect()
}

fn emp_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let transferred: Vec<_> = ctx
        .plan
        .forecast
        .staff
        .iter()
        .filter(|s| s.transferred)
        .collect();
    let Some(first) = transferred.first() else {
        return vec![];
    };
    let spin = ctx.plan.organisation.spin_out_date;
    let due = Date::from_days_since_epoch(spin.days_since_epoch() - 28).unwrap_or(spin);
    vec![r.finding(
        Severity::Info,
        format!("forecast.staff[{}].transferred", first.id),
        format!(
            "{} staff line{} transfer under TUPE, which protects their terms. Employee liability information is due from the parent body 28 days before transfer: by {due}.",
            transferred.len(),
            if transferred.len() == 1 { "" } else { "s" }
        ),
    )]
}
