//! EMP: the Employment Allowance, pensions and TUPE.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::employment_allowance_eligible;
use crate::model::plan::{Nation, PensionScheme, PublicBodyKind, StaffLine};
use crate::model::values::{Date, Month};
use crate::words::format::percent as pc;
use crate::words::format::{count, date_long, month_long};
use crate::words::labels::pension_scheme_in_text;
use rust_decimal::Decimal;

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
        severity: "warning / info",
        source: "NHS Employers, \"NHS Pension Scheme – employer contributions from April 2024\" (23.7% + 0.08% levy; employers pay 14.38%, 9.4% funded centrally; the 2024 valuation sets the rate from 1 April 2027); SPPA, NHS pension scheme valuations (Scotland: 22.5% from 1 April 2024 to 31 March 2027)",
        check: emp_03,
    },
    Rule {
        id: "EMP-04",
        title: "Staff transferring under TUPE",
        severity: "info",
        source: "TUPE 2006 as amended 2014 (reg. 10: pensions excluded)",
        check: emp_04,
    },
    Rule {
        id: "EMP-05",
        title: "Transferred staff keep their public pension",
        severity: "warning",
        source: "HM Treasury New Fair Deal (2013, NHS and central government); Best Value Authorities Staff Transfers (Pensions) Direction 2007 (England; Wales: the 2012 Direction); Pensions Act 2004 ss.257–258 (the minimum otherwise)",
        check: emp_05,
    },
    Rule {
        id: "EMP-06",
        title: "Automatic enrolment in a qualifying pension",
        severity: "warning",
        source: "Pensions Act 2008 (automatic enrolment) and s.20 (qualifying scheme: 8% in total, at least 3% from the employer, on qualifying earnings)",
        check: emp_06,
    },
];

/// The least employer contribution to a qualifying pension under automatic enrolment, in percent.
const AUTO_ENROLMENT_EMPLOYER_PERCENT: u32 = 3;

/// The least total contribution, employer and employee, to a qualifying pension, in percent.
const AUTO_ENROLMENT_TOTAL_PERCENT: u32 = 8;

/// The part of the NHS Pension Scheme's employer rate that employers pay themselves, in percent
/// (the rest, 9.4 %, is paid centrally for NHS employers).
fn nhs_employer_paid_percent() -> Decimal {
    Decimal::new(1438, 2)
}

/// The part of the NHS Pension Scheme's employer rate paid centrally, in percent.
fn nhs_central_percent() -> Decimal {
    Decimal::new(94, 1)
}

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
            "The plan claims the Employment Allowance, but {} of the organisation's work is functions of a public nature (such as NHS or council services) and it is not a charity (a CIO or SCIO, or a form other than a CIC or a co-operative society with \"Charity\" ticked): HMRC does not allow the claim. The forecast leaves the allowance out; untick the claim.",
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
                format!("Staff on the line \"{}\" stay in the Local Government Pension Scheme: admitted-body status needs an admission agreement, an actuarial valuation and possibly a bond; the fund sets the employer rate, and a cessation debt falls due on exit.", s.role),
            )
        })
        .collect()
}

fn emp_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    // The NHS Pension Scheme that NHSBSA runs: Scotland's (SPPA) and Northern Ireland's (HSC)
    // schemes have their own rates and no central funding of this kind.
    if !matches!(
        ctx.plan.organisation.nation,
        Nation::England | Nation::Wales
    ) {
        return vec![];
    }
    let rate = ctx.policy.nhs_pension_expected_percent.get();
    let last = ctx.policy.nhs_pension_rate_last_month;
    let own_part = nhs_employer_paid_percent();
    let central = nhs_central_percent();
    ctx.plan
        .forecast
        .staff
        .iter()
        .filter(|s| s.pension.scheme == PensionScheme::Nhs)
        .filter_map(|s| {
            let path = format!("forecast.staff[{}].pension.employer_percent", s.id);
            let employer = s.pension.employer_percent.get();
            if employer == own_part {
                Some(r.finding(
                    Severity::Info,
                    path,
                    format!(
                        "{}: {} assumes the central {} is paid for you: confirm in writing with NHS England and NHSBSA that the {} is paid for you.",
                        s.role,
                        pc(own_part),
                        pc(central),
                        pc(central)
                    ),
                ))
            } else if employer < rate {
                Some(r.finding(
                    Severity::Warning,
                    path,
                    format!(
                        "Staff on the line \"{}\" are costed at {} employer pension, below the full NHS rate of {}: confirm with NHSBSA whether the central {} is paid for your organisation.",
                        s.role,
                        pc(employer),
                        pc(rate),
                        pc(central)
                    ),
                ))
            } else if employer == rate {
                let months = months_after(ctx, s, last);
                let next = last.plus(1)?;
                (months > 0).then(|| {
                    r.finding(
                        Severity::Info,
                        path,
                        format!(
                            "{}: {} is the NHS Pension Scheme employer rate (23.7% plus the 0.08% administration levy) set by the 2020 valuation for April 2024 to {}. The 2024 valuation sets the rate for four years from 1 {}; it had not been published when this check was written. The forecast uses {} for {} from {}: replace it with the new rate when NHSBSA publishes it, and see stress scenario S5 for a rise.",
                            s.role,
                            pc(rate),
                            month_long(last),
                            month_long(next),
                            pc(rate),
                            count(usize::try_from(months).unwrap_or(usize::MAX), "month", "months"),
                            month_long(next)
                        ),
                    )
                })
            } else {
                None
            }
        })
        .collect()
}

/// The forecast months after `last` in which the staff line is employed.
fn months_after(ctx: &Ctx, s: &StaffLine, last: Month) -> i64 {
    let f = &ctx.plan.forecast;
    let Some(forecast_end) = f.start.plus(i64::from(f.months) - 1) else {
        return 0;
    };
    let from = f.start.max(s.start).ordinal().max(last.ordinal() + 1);
    let to = s
        .end
        .map_or(forecast_end, |e| e.min(forecast_end))
        .ordinal();
    (to - from + 1).max(0)
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
            "{} transfer under TUPE, which protects their contractual terms except occupational pension rights (old-age, invalidity and survivors' benefits); early-retirement rights on redundancy do transfer. Employee liability information is due from the parent body 28 days before transfer: by {}.",
            count(transferred.len(), "staff line", "staff lines"),
            date_long(due)
        ),
    )]
}

fn emp_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let (scheme, message) = match ctx.plan.organisation.parent_body.kind {
        PublicBodyKind::NhsBody => (
            PensionScheme::Nhs,
            "Under New Fair Deal transferred NHS staff keep access to the NHS Pension Scheme: an NHS Pension Scheme direction is needed before transfer.",
        ),
        PublicBodyKind::CentralGovernment => (
            PensionScheme::CivilService,
            "Under New Fair Deal transferred civil servants keep access to the Civil Service pension scheme: admission to it is needed before transfer.",
        ),
        PublicBodyKind::LocalAuthority => (
            PensionScheme::Lgps,
            "The Best Value Direction requires transferred council staff to be offered admission to the Local Government Pension Scheme, or a broadly comparable scheme certified by an actuary.",
        ),
        PublicBodyKind::OtherPublic => return vec![],
    };
    ctx.plan
        .forecast
        .staff
        .iter()
        .filter(|s| s.transferred && s.pension.scheme != scheme)
        .map(|s| {
            r.finding(
                Severity::Warning,
                format!("forecast.staff[{}].pension.scheme", s.id),
                format!(
                    "Staff on the line \"{}\" transfer from the parent body but are costed with {}. {message} Cost them with {} unless another scheme is agreed.",
                    s.role,
                    pension_scheme_in_text(s.pension.scheme),
                    pension_scheme_in_text(scheme)
                ),
            )
        })
        .collect()
}

fn emp_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let least = Decimal::from(AUTO_ENROLMENT_EMPLOYER_PERCENT);
    let total = Decimal::from(AUTO_ENROLMENT_TOTAL_PERCENT);
    ctx.plan
        .forecast
        .staff
        .iter()
        .filter_map(|s| {
            let p = &s.pension;
            let employer = p.employer_percent.get();
            // A defined contribution line always has a member rate; none counts as nothing.
            let employee = p.employee_percent.map_or(Decimal::ZERO, |e| e.get());
            let problem = match p.scheme {
                PensionScheme::None => "have no pension".to_string(),
                PensionScheme::DefinedContribution
                    if employer < least || employer + employee < total =>
                {
                    format!(
                        "are costed at {} employer and {} employee pension, {} in total",
                        pc(employer),
                        pc(employee),
                        pc(employer + employee)
                    )
                }
                _ => return None,
            };
            Some(r.finding(
                Severity::Warning,
                format!("forecast.staff[{}].pension", s.id),
                format!("Staff on the line \"{}\" {problem}: every eligible worker must be enrolled in a qualifying pension with at least {} employer contributions and at least {} in total. Cost a pension with at least {} from the employer and {} in all for them.", s.role, pc(least), pc(total), pc(least), pc(total)),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::checks::criteria::Criteria;
    use crate::checks::rules::check;
    use crate::checks::verdict::Finding;
    use crate::forecast::forecast;
    use crate::model::plan::{PensionScheme, Plan, PublicBodyKind};
    use crate::model::samples;

    fn of(p: &Plan, rule: &str) -> Vec<Finding> {
        check(p, &Criteria::bundled().policy, &forecast(p))
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    fn pct(s: &str) -> crate::model::values::Percent {
        s.parse().unwrap()
    }

    #[test]
    fn a_finding_about_a_staff_line_reads_for_a_role_in_the_singular_or_the_plural() {
        let mut p = samples::riverside().unwrap();
        p.organisation.parent_body.kind = PublicBodyKind::NhsBody;
        for s in &mut p.forecast.staff {
            s.pension.scheme = PensionScheme::Lgps;
        }
        p.forecast.staff[0].role = "Reablement worker".into();
        p.forecast.staff[1].role = "Care workers".into();
        let emp02 = of(&p, "EMP-02");
        assert!(
            emp02[0].message.starts_with(
                "Staff on the line \"Reablement worker\" stay in the Local Government Pension Scheme"
            ),
            "{}",
            emp02[0].message
        );
        assert!(
            emp02[1]
                .message
                .starts_with("Staff on the line \"Care workers\" stay in"),
            "{}",
            emp02[1].message
        );
        let emp05 = of(&p, "EMP-05");
        assert!(
            emp05[0].message.starts_with(
                "Staff on the line \"Reablement worker\" transfer from the parent body"
            ),
            "{}",
            emp05[0].message
        );
        let mut p = samples::riverside().unwrap();
        p.forecast.staff[0].role = "Reablement worker".into();
        p.forecast.staff[0].pension.scheme = PensionScheme::Nhs;
        p.forecast.staff[0].pension.employer_percent = pct("14.37");
        let emp03 = of(&p, "EMP-03");
        assert!(
            emp03[0]
                .message
                .starts_with("Staff on the line \"Reablement worker\" are costed at"),
            "{}",
            emp03[0].message
        );
        p.forecast.staff[0].pension.scheme = PensionScheme::None;
        let emp06 = of(&p, "EMP-06");
        assert!(
            emp06[0]
                .message
                .starts_with("Staff on the line \"Reablement worker\" have no pension"),
            "{}",
            emp06[0].message
        );
    }
}
