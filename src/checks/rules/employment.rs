//! EMP: the Employment Allowance, pensions and TUPE.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::employment_allowance_eligible;
use crate::model::plan::{PensionScheme, PublicBodyKind};
use crate::model::values::Date;
use crate::words::format::percent as pc;
use crate::words::format::{count, date_long};
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
        severity: "warning",
        source: "NHSBSA 2024/25 rates",
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
        title: "Automatic enrolment in a pension",
        severity: "warning",
        source: "Pensions Act 2008 (automatic enrolment)",
        check: emp_06,
    },
];

/// The least employer contribution to a qualifying pension under automatic enrolment, in percent.
const AUTO_ENROLMENT_EMPLOYER_PERCENT: u32 = 3;

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
            "The plan claims the Employment Allowance, but {} of the organisation's work is functions of a public nature (such as NHS or council services) and it is not a charity (a CIO, or another form except a CIC that is a charity): HMRC does not allow the claim. The forecast leaves the allowance out; untick the claim.",
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
                    "Staff on the line \"{}\" are costed at {} employer pension, below the full NHS rate of {}: confirm with NHSBSA whether the central 9.4% is paid for your organisation.",
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
    ctx.plan
        .forecast
        .staff
        .iter()
        .filter_map(|s| {
            let p = &s.pension;
            let problem = match p.scheme {
                PensionScheme::None => "have no pension".to_string(),
                PensionScheme::DefinedContribution if p.employer_percent.get() < least => {
                    format!("are costed at {} employer pension", pc(p.employer_percent.get()))
                }
                _ => return None,
            };
            Some(r.finding(
                Severity::Warning,
                format!("forecast.staff[{}].pension", s.id),
                format!("Staff on the line \"{}\" {problem}: every eligible worker must be enrolled in a qualifying pension with at least {} employer contributions. Cost a pension of at least {} for them.", s.role, pc(least), pc(least)),
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
        p.forecast.staff[0].pension.employer_percent = pct("14.38");
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
